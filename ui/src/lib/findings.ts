// How findings and resource kinds read in the UI, shared by every page that shows them.
import type { Gap, GapKind, ResourceKind } from '$lib/api';
import { formatDuration } from '$lib/duration';

export const gapKindLabel: Record<GapKind, string> = {
  rto: 'Too slow',
  rpo: 'Loses too much data',
  chain: 'Slow chain',
  upstream: 'Needs a slower activity',
  unknown: 'Capability unknown',
};

const explanations: Record<GapKind, string> = {
  rto: 'recovers in {cap}, but {req} is required of it',
  rpo: 'can restore to {cap} ago, but at most {req} of data may be lost',
  chain: 'each link is fast enough, yet the chain recovers in {cap}, past its RTO of {req}',
  upstream: 'has an RTO of {cap}, but something that needs it must be back within {req}',
  unknown: 'is needed within {req}, but nobody has recorded how fast it recovers',
};

/** A duration in minutes as people write it, `?` when unknown. */
export const time = (minutes: number | null): string => (minutes == null ? '?' : formatDuration(minutes));

/** The gap in words, after its node's name. */
export function explainGap(gap: Gap): string {
  return explanations[gap.kind].replace('{cap}', time(gap.capability_min)).replace('{req}', time(gap.required_min));
}

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
