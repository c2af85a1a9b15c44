// What the map's filters and labels offer: every kind of node, and the word for each
// status the analysis gives a node.
import type { NodeStatus } from '$lib/api';
import { resourceKinds } from '$lib/findings';
import type { NodeKind } from './graph';

/** Activities, then the resource kinds in the order the interview offers them. */
export const allKinds: NodeKind[] = ['activity', ...resourceKinds.map(([k]) => k)];

export const statusWord: Record<NodeStatus, string> = { ok: 'ok', gap: 'gap', unknown: 'unknown' };
