// The overview of a map too large to read whole: activities grouped by unit, resources
// by kind, one labelled box per group with its counts, laid out in as many boxes a row
// as let the whole fit the canvas largest. Pure sums.
import type { DependencyMap, MapNode, ResourceKind } from '$lib/api';
import { kindLabel } from '$lib/findings';
import { roomFor, type Viewport } from './geometry';

export type Group = {
  /** `unit:NAME` (activities) or `kind:KIND` (resources). */
  id: string;
  label: string;
  /** The column it is drawn in: activities first, then the resource kinds in the
   *  order of the whole map's columns. */
  column: number;
};

/** The whole map's column for each resource kind (as the core's layout places them). */
const kindColumn: Record<ResourceKind, number> = {
  people: 1,
  it_service: 1,
  application: 2,
  data: 2,
  infrastructure: 3,
  equipment: 3,
  site: 4,
  supplier: 4,
};

export function groupOf(node: Pick<MapNode, 'resource_kind' | 'unit'>): Group {
  if (node.resource_kind == null) {
    return { id: `unit:${node.unit ?? ''}`, label: node.unit ?? 'No unit', column: 0 };
  }
  return { id: `kind:${node.resource_kind}`, label: kindLabel(node.resource_kind), column: kindColumn[node.resource_kind] };
}

export type GroupBox = Group & {
  x: number;
  y: number;
  /** The keys of the nodes in it. */
  keys: string[];
  activities: number;
  resources: number;
  gaps: number;
  unknown: number;
  spofs: number;
};

/** A heading over the boxes of one band: the activities, or the resources. */
export type Band = { label: string; y: number };

export type Overview = { groups: GroupBox[]; bands: Band[]; width: number; height: number };

export const GROUP_BOX = { width: 210, height: 64 };
const GAP = 12;
const BAND_HEAD = 26;
const MARGIN = 12;

/** The groups of the nodes of `map` in `shown`, with their counts, in two bands: the
 *  activities by unit (by name), then the resources by kind (in the order of the whole
 *  map's columns, so what is needed first comes first). Each band is a grid `perRow`
 *  boxes wide. */
export function overviewIn(map: DependencyMap, shown: Set<string>, perRow: number): Overview {
  const byId = new Map<string, GroupBox>();
  for (const n of map.nodes) {
    if (!shown.has(n.key)) continue;
    const g = groupOf(n);
    let box = byId.get(g.id);
    if (!box) {
      box = { ...g, x: 0, y: 0, keys: [], activities: 0, resources: 0, gaps: 0, unknown: 0, spofs: 0 };
      byId.set(g.id, box);
    }
    box.keys.push(n.key);
    if (n.resource_kind == null) box.activities++;
    else box.resources++;
    if (n.status === 'gap') box.gaps++;
    if (n.status === 'unknown') box.unknown++;
    if (n.spof) box.spofs++;
  }
  const groups = [...byId.values()].sort((a, b) => a.column - b.column || a.label.localeCompare(b.label));
  const perLine = Math.max(1, Math.floor(perRow));
  const bands: Band[] = [];
  let y = MARGIN;
  let widest = 0;
  for (const [label, members] of [
    ['Activities by unit', groups.filter((g) => g.column === 0)],
    ['Resources by kind', groups.filter((g) => g.column > 0)],
  ] as const) {
    if (members.length === 0) continue;
    bands.push({ label, y: y + 17 });
    y += BAND_HEAD;
    members.forEach((g, i) => {
      g.x = MARGIN + (i % perLine) * (GROUP_BOX.width + GAP);
      g.y = y + Math.floor(i / perLine) * (GROUP_BOX.height + GAP);
    });
    const rows = Math.ceil(members.length / perLine);
    y += rows * (GROUP_BOX.height + GAP) + GAP;
    widest = Math.max(widest, Math.min(perLine, members.length));
  }
  return {
    groups,
    bands,
    width: widest === 0 ? 0 : 2 * MARGIN + widest * GROUP_BOX.width + (widest - 1) * GAP,
    height: bands.length === 0 ? 0 : y - GAP + MARGIN,
  };
}

/** The overview at the number of boxes a row that lets it fit `view` largest (the
 *  widest rows when several do as well, or when the view has no size). */
export function overview(map: DependencyMap, shown: Set<string>, view: Viewport): Overview {
  const most = Math.max(1, map.nodes.filter((n) => shown.has(n.key)).length);
  let best = overviewIn(map, shown, Math.min(most, 8));
  if (view.width <= 0 || view.height <= 0) return best;
  let bestRoom = roomFor(view, best);
  for (let perRow = Math.min(most, 8) - 1; perRow >= 1; perRow--) {
    const o = overviewIn(map, shown, perRow);
    const room = roomFor(view, o);
    if (room > bestRoom) {
      best = o;
      bestRoom = room;
    }
  }
  return best;
}

/** What a group holds, in two lines of words: ["6 activities", "2 gaps · 1 unknown"]. */
export function groupCounts(g: GroupBox): [string, string] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const what = [
    g.activities > 0 ? plural(g.activities, 'activity', 'activities') : null,
    g.resources > 0 ? plural(g.resources, 'resource', 'resources') : null,
  ];
  const found = [g.gaps > 0 ? plural(g.gaps, 'gap', 'gaps') : null, g.unknown > 0 ? `${g.unknown} unknown` : null, g.spofs > 0 ? `${g.spofs} SPOF` : null];
  const join = (parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  return [join(what), join(found) || 'no gap'];
}
