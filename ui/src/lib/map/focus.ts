// Focusing the map on one chain, as pure sums: which nodes a focus shows (a node with
// everything it needs and everything that needs it, through the whole chain; a finding's
// path; a group's members with their chains), which findings lie on it, and where the
// chain's boxes go when it is drawn on its own, large enough to read.
import type { DependencyMap, MapEdge, MapFinding, MapFocus, MapNode } from '$lib/api';
import { MAX_FIT, roomFor, type Viewport } from './geometry';
import { gapKindLabel, kindLabel } from '$lib/findings';
import { groupOf } from './groups';

/** What the map is focused on: a node (by key), a finding (by its index in the map's
 *  findings) or a group of the overview (by its id). The core's type, as the projector
 *  is told it. */
export type Focus = MapFocus;

/** The keys reachable from `seeds` along `edges` (`from` needs `to`) in both
 *  directions, each way through the whole chain: what the seeds need, what that needs…,
 *  and what needs the seeds, what needs that…. The seeds themselves are included. Not
 *  the siblings: something that needs the same resource as a seed is not on its chain
 *  unless it is on it another way. */
export function chain(edges: Pick<MapEdge, 'from' | 'to'>[], seeds: Iterable<string>): Set<string> {
  const needs = new Map<string, string[]>();
  const neededBy = new Map<string, string[]>();
  for (const e of edges) {
    needs.set(e.from, [...(needs.get(e.from) ?? []), e.to]);
    neededBy.set(e.to, [...(neededBy.get(e.to) ?? []), e.from]);
  }
  const start = [...seeds];
  const found = new Set(start);
  for (const step of [needs, neededBy]) {
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length > 0) {
      for (const next of step.get(queue.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          found.add(next);
          queue.push(next);
        }
      }
    }
  }
  return found;
}

/** The keys of the nodes `focus` shows on `map`; empty when the focus names nothing
 *  there any more (a node removed, a finding resolved). */
export function focusKeys(map: DependencyMap, focus: Focus): Set<string> {
  const keys = new Set(map.nodes.map((n) => n.key));
  let seeds: string[];
  if (focus.kind === 'finding') {
    return new Set((map.findings[focus.index]?.path ?? []).filter((k) => keys.has(k)));
  } else if (focus.kind === 'node') {
    seeds = keys.has(focus.key) ? [focus.key] : [];
  } else {
    seeds = map.nodes.filter((n) => groupOf(n).id === focus.id).map((n) => n.key);
  }
  return seeds.length === 0 ? new Set() : chain(map.edges, seeds);
}

/** What `focus` is, in words ("Slow chain: Order intake", "Halifax warehouse (Site)",
 *  a group's name); null when it names nothing on `map` any more. */
export function focusLabel(map: DependencyMap, focus: Focus): string | null {
  if (focus.kind === 'finding') {
    const gap = map.findings[focus.index]?.gap;
    return gap ? `${gapKindLabel[gap.kind]}: ${gap.node}` : null;
  }
  if (focus.kind === 'group') return map.nodes.map(groupOf).find((g) => g.id === focus.id)?.label ?? null;
  const n = map.nodes.find((n) => n.key === focus.key);
  return n ? `${n.name} (${kindLabel(n.resource_kind)})` : null;
}

/** The indices of the findings whose whole path lies in `keys`. */
export function findingsOn(findings: MapFinding[], keys: Set<string>): number[] {
  return findings.flatMap((f, i) => (f.path.length > 0 && f.path.every((k) => keys.has(k)) ? [i] : []));
}

/** Where a focused chain draws each node's box, the room they take, and whether the
 *  chain runs down the canvas (what is needed below what needs it) or across it. */
export type FocusLayout = {
  at: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
  down: boolean;
};

/** What a canvas mode is: every node, the groups, or one chain. */
export type CanvasMode = 'nodes' | 'groups' | 'focus';

/** The size of a box in the focused view: wider and taller than on the whole map, for a
 *  name of two lines. */
export const FOCUS_NODE = { width: 270, height: 66 };
const ACROSS_GAP = 90;
const ALONG_GAP = 18;
const DOWN_GAP = 44;
export const FOCUS_MARGIN = 16;

/** Lays out `nodes` (a chain) on their own: the columns of the whole map kept in their
 *  order (activities first, what they need after them) but closed up, each column's
 *  boxes in their order on the whole map, side by side and centred on the longest
 *  column. Across: columns left to right, as on the whole map; `down`: one row per
 *  column, top to bottom, for a canvas taller than wide. `pitch` is the distance
 *  between two columns on the whole map. */
export function focusLayout(nodes: Pick<MapNode, 'key' | 'x' | 'y'>[], pitch: number, down = false): FocusLayout {
  const column = (x: number) => Math.round(x / pitch);
  const columns = [...new Set(nodes.map((n) => column(n.x)))].sort((a, b) => a - b);
  const stacks = columns.map((c) =>
    nodes.filter((n) => column(n.x) === c).sort((a, b) => a.y - b.y || a.x - b.x || a.key.localeCompare(b.key)),
  );
  // Along a column (the boxes of one layer) and across them (from layer to layer).
  const along = down ? FOCUS_NODE.width + ALONG_GAP : FOCUS_NODE.height + ALONG_GAP;
  const across = down ? FOCUS_NODE.height + DOWN_GAP : FOCUS_NODE.width + ACROSS_GAP;
  const longest = Math.max(0, ...stacks.map((s) => s.length));
  const at = new Map<string, { x: number; y: number }>();
  stacks.forEach((stack, i) => {
    const start = FOCUS_MARGIN + ((longest - stack.length) * along) / 2;
    stack.forEach((n, j) => {
      const a = start + j * along;
      const c = FOCUS_MARGIN + i * across;
      at.set(n.key, down ? { x: a, y: c } : { x: c, y: a });
    });
  });
  const alongSize = longest === 0 ? 0 : 2 * FOCUS_MARGIN + longest * along - ALONG_GAP;
  const acrossSize = columns.length === 0 ? 0 : 2 * FOCUS_MARGIN + columns.length * across - (across - (down ? FOCUS_NODE.height : FOCUS_NODE.width));
  return down
    ? { at, width: alongSize, height: acrossSize, down }
    : { at, width: acrossSize, height: alongSize, down };
}

/** The layout, across or down, at which the chain fits `view` larger, up to the largest
 *  zoom Fit uses, `most` (across when both are the same); `margin` is the room the
 *  canvas adds on the left. */
export function bestFocusLayout(
  nodes: Pick<MapNode, 'key' | 'x' | 'y'>[],
  pitch: number,
  view: Viewport,
  margin: number,
  most = MAX_FIT,
): FocusLayout {
  const across = focusLayout(nodes, pitch);
  if (view.width <= 0 || view.height <= 0) return across;
  const down = focusLayout(nodes, pitch, true);
  const room = (l: FocusLayout) => Math.min(most, roomFor(view, { width: l.width + margin, height: l.height }));
  return room(down) > room(across) ? down : across;
}

/** A name cut into at most `lines` lines of at most `width` characters, at spaces where
 *  it can be; what does not fit ends in an ellipsis. */
export function labelLines(name: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = name.trim().replace(/\s+/g, ' ');
  while (rest.length > 0 && out.length < lines) {
    if (rest.length <= width) {
      out.push(rest);
      rest = '';
      break;
    }
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) {
    const last = out[out.length - 1];
    out[out.length - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return out;
}
