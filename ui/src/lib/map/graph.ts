// The dependency map's pure parts: which nodes the filters show, and how an edge is
// drawn between two placed boxes. The layout itself comes from the core.
import type { DependencyMap, MapEdge, MapNode, ResourceKind } from '$lib/api';

/** `activity` or a resource kind: what the kind filter toggles. */
export type NodeKind = 'activity' | ResourceKind;

export const nodeKind = (node: MapNode): NodeKind => node.resource_kind ?? 'activity';

export type MapFilter = {
  /** Kinds shown; a kind not in the set is hidden. */
  kinds: Set<NodeKind>;
  /** Only activities of this tier, and what they need; null for every tier. */
  tier: number | null;
  /** Only activities of this unit, and what they need; null for every unit. */
  unit: string | null;
};

/** The keys of the nodes the filter shows. With a tier or unit, the activities that
 *  match and everything they need, directly or through a chain. */
export function visibleKeys(map: DependencyMap, filter: MapFilter): Set<string> {
  let shown: Set<string>;
  if (filter.tier == null && filter.unit == null) {
    shown = new Set(map.nodes.map((n) => n.key));
  } else {
    const needs = new Map<string, string[]>();
    for (const e of map.edges) needs.set(e.from, [...(needs.get(e.from) ?? []), e.to]);
    const seeds = map.nodes.filter(
      (n) =>
        n.resource_kind == null &&
        (filter.tier == null || n.tier === filter.tier) &&
        (filter.unit == null || n.unit === filter.unit),
    );
    shown = new Set(seeds.map((n) => n.key));
    const queue = [...shown];
    while (queue.length > 0) {
      for (const next of needs.get(queue.pop()!) ?? []) {
        if (!shown.has(next)) {
          shown.add(next);
          queue.push(next);
        }
      }
    }
  }
  return new Set(map.nodes.filter((n) => shown.has(n.key) && filter.kinds.has(nodeKind(n))).map((n) => n.key));
}

/** The edges between two consecutive nodes of a path, as `from→to` keys. */
export function pathEdges(path: string[]): Set<string> {
  const edges = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) edges.add(edgeKey({ from: path[i], to: path[i + 1] }));
  return edges;
}

export const edgeKey = (edge: Pick<MapEdge, 'from' | 'to'>): string => `${edge.from}→${edge.to}`;

type Box = { x: number; y: number };

/** An SVG path from the box that needs to the box it needs: right side to left side
 *  when the needed box lies to the right, otherwise a loop out of the left sides. */
export function edgePath(from: Box, to: Box, width: number, height: number): string {
  const y1 = from.y + height / 2;
  const y2 = to.y + height / 2;
  if (to.x >= from.x + width) {
    const x1 = from.x + width;
    const x2 = to.x;
    const bend = Math.max(40, (x2 - x1) / 2);
    return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
  }
  const x1 = from.x;
  const x2 = to.x;
  const reach = Math.min(x1, x2) - 60;
  return `M ${x1} ${y1} C ${reach} ${y1}, ${reach} ${y2}, ${x2} ${y2}`;
}

/** The same, for a chain drawn downwards: bottom side to top side when the needed box
 *  lies below, otherwise a loop out of the right sides. */
export function edgePathDown(from: Box, to: Box, width: number, height: number): string {
  const x1 = from.x + width / 2;
  const x2 = to.x + width / 2;
  if (to.y >= from.y + height) {
    const y1 = from.y + height;
    const y2 = to.y;
    const bend = Math.max(20, (y2 - y1) / 2);
    return `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}`;
  }
  const y1 = from.y + height / 2;
  const y2 = to.y + height / 2;
  const reach = Math.max(from.x, to.x) + width + 60;
  return `M ${from.x + width} ${y1} C ${reach} ${y1}, ${reach} ${y2}, ${to.x + width} ${y2}`;
}
