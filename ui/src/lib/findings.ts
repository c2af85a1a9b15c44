// How findings and resource kinds read in the UI, shared by every page that shows them.
import type { GapKind, ResourceKind } from '$lib/api';
import { formatDuration } from '$lib/duration';

export const gapKindLabel: Record<GapKind, string> = {
  rto: 'Too slow',
  rpo: 'Loses too much data',
  chain: 'Slow chain',
  upstream: 'Needs a slower activity',
  unknown: 'Capability unknown',
  demonstrated_slower: 'Shown slower than target',
  demonstration_expired: 'Demonstration expired',
};

/** A duration in minutes as people write it, `?` when unknown. */
export const time = (minutes: number | null): string => (minutes == null ? '?' : formatDuration(minutes));

/** Resource kinds in the order the interview offers them, with their labels. */
export const resourceKinds: [ResourceKind, string][] = [
  ['people', 'People / role'],
  ['application', 'Application'],
  ['it_service', 'IT service'],
  ['infrastructure', 'Infrastructure'],
  ['data', 'Data / vital record'],
  ['supplier', 'Supplier'],
  ['site', 'Site'],
  ['equipment', 'Equipment'],
];

/** The label of a resource kind; `null` is an activity. */
export function kindLabel(kind: ResourceKind | null): string {
  if (kind == null) return 'Activity';
  return resourceKinds.find(([key]) => key === kind)?.[1] ?? kind;
}
