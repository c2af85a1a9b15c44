import { describe, expect, it } from 'vitest';
import type { DependencyMap, MapNode } from '$lib/api';
import { GROUP_BOX, groupCounts, groupOf, overview, overviewIn } from './groups';

function node(key: string, extra: Partial<MapNode> = {}): MapNode {
  return { key, name: key, resource_kind: null, unit: null, tier: null, status: 'ok', spof: false, x: 0, y: 0, placed: false, ...extra };
}

const units = ['Ops', 'Finance', 'Sales', 'IT', 'Fleet'];
const kinds = ['people', 'it_service', 'application', 'data', 'infrastructure', 'equipment', 'site', 'supplier'] as const;
const map: DependencyMap = {
  nodes: [
    ...Array.from({ length: 25 }, (_, i) => node(`activity:${i}`, { unit: units[i % 5], status: i % 7 === 0 ? 'gap' : 'ok' })),
    ...Array.from({ length: 40 }, (_, i) => node(`resource:${i}`, { resource_kind: kinds[i % 8], spof: i === 3, status: i === 5 ? 'unknown' : 'ok' })),
  ],
  edges: [],
  findings: [],
  width: 0,
  height: 0,
  node_width: 200,
  node_height: 44,
};
const all = new Set(map.nodes.map((n) => n.key));

describe('groups', () => {
  it('groups activities by unit and resources by kind', () => {
    expect(groupOf(node('a', { unit: 'Ops' })).id).toBe('unit:Ops');
    expect(groupOf(node('a')).label).toBe('No unit');
    expect(groupOf(node('r', { resource_kind: 'site' }))).toMatchObject({ id: 'kind:site', label: 'Site', column: 4 });
  });

  it('counts each node once, in two bands, units first', () => {
    const o = overviewIn(map, all, 4);
    expect(o.groups).toHaveLength(13);
    expect(o.groups.reduce((s, g) => s + g.keys.length, 0)).toBe(65);
    expect(o.bands.map((b) => b.label)).toEqual(['Activities by unit', 'Resources by kind']);
    expect(o.groups.slice(0, 5).every((g) => g.id.startsWith('unit:'))).toBe(true);
    const ops = o.groups.find((g) => g.id === 'unit:Ops')!;
    expect(groupCounts(ops)).toEqual(['5 activities', '1 gap']);
    expect(groupCounts(o.groups.find((g) => g.id === 'kind:equipment')!)).toEqual(['5 resources', '1 unknown']);
  });

  it('never overlaps two boxes, and keeps them inside its room', () => {
    for (let perRow = 1; perRow <= 8; perRow++) {
      const o = overviewIn(map, all, perRow);
      for (const g of o.groups) {
        expect(g.x + GROUP_BOX.width).toBeLessThanOrEqual(o.width);
        expect(g.y + GROUP_BOX.height).toBeLessThanOrEqual(o.height);
      }
      o.groups.forEach((a, i) =>
        o.groups.slice(i + 1).forEach((b) => {
          const apart = Math.abs(a.x - b.x) >= GROUP_BOX.width || Math.abs(a.y - b.y) >= GROUP_BOX.height;
          expect(apart).toBe(true);
        }),
      );
    }
  });

  it('chooses rows that fit the view: narrow views get fewer boxes a row', () => {
    const wide = overview(map, all, { width: 1800, height: 500 });
    const narrow = overview(map, all, { width: 640, height: 900 });
    expect(wide.width).toBeGreaterThan(narrow.width);
    expect(narrow.width).toBeLessThanOrEqual(640);
  });

  it('leaves out what the filters hide', () => {
    const o = overview(map, new Set(['activity:0', 'resource:0']), { width: 0, height: 0 });
    expect(o.groups.map((g) => g.id)).toEqual(['unit:Ops', 'kind:people']);
  });
});
