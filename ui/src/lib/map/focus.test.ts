import { describe, expect, it } from 'vitest';
import type { DependencyMap, MapNode } from '$lib/api';
import { FOCUS_NODE, bestFocusLayout, chain, findingsOn, focusKeys, focusLabel, focusLayout, labelLines } from './focus';

function node(key: string, extra: Partial<MapNode> = {}): MapNode {
  return { key, name: key, resource_kind: null, unit: null, tier: null, status: 'ok', spof: false, x: 24, y: 24, placed: false, ...extra };
}

// a1 → r1 → r2; a2 → r1; a3 → r3 (unrelated); a4 → a1 (an activity needing another).
const map: DependencyMap = {
  nodes: [
    node('activity:1', { unit: 'Ops' }),
    node('activity:2', { unit: 'Ops', y: 84 }),
    node('activity:3', { unit: 'Finance', y: 144 }),
    node('activity:4', { unit: 'Finance', y: 204 }),
    node('resource:1', { resource_kind: 'application', x: 334 }),
    node('resource:2', { resource_kind: 'site', x: 644 }),
    node('resource:3', { resource_kind: 'site', x: 644, y: 84 }),
  ],
  edges: [
    { from: 'activity:1', to: 'resource:1', group: '' },
    { from: 'resource:1', to: 'resource:2', group: '' },
    { from: 'activity:2', to: 'resource:1', group: '' },
    { from: 'activity:3', to: 'resource:3', group: '' },
    { from: 'activity:4', to: 'activity:1', group: '' },
  ],
  findings: [
    { gap: {} as never, path: ['activity:1', 'resource:1', 'resource:2'] },
    { gap: {} as never, path: ['activity:3', 'resource:3'] },
  ],
  width: 900,
  height: 300,
  node_width: 200,
  node_height: 44,
};

const sorted = (s: Set<string>) => [...s].sort();

describe('chain', () => {
  it('follows what a node needs and what needs it, through the whole chain, but not siblings', () => {
    expect(sorted(chain(map.edges, ['activity:1']))).toEqual(['activity:1', 'activity:4', 'resource:1', 'resource:2']);
    // r1 is needed by a1 (needed by a4) and a2; it needs r2.
    expect(sorted(chain(map.edges, ['resource:1']))).toEqual(['activity:1', 'activity:2', 'activity:4', 'resource:1', 'resource:2']);
    expect(sorted(chain(map.edges, ['resource:3']))).toEqual(['activity:3', 'resource:3']);
    expect(sorted(chain(map.edges, ['lonely']))).toEqual(['lonely']);
  });

  // A tiny deterministic random source, so a failure repeats.
  function random(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }

  /** The reference: the closure computed the slow, obvious way, by sweeping every edge
   *  until nothing changes, once downstream and once upstream. */
  function reference(edges: { from: string; to: string }[], seed: string): Set<string> {
    const down = new Set([seed]);
    const up = new Set([seed]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of edges) {
        if (down.has(e.from) && !down.has(e.to)) (down.add(e.to), (changed = true));
        if (up.has(e.to) && !up.has(e.from)) (up.add(e.from), (changed = true));
      }
    }
    return new Set([...down, ...up]);
  }

  it('on random graphs, cycles included: ends, stays within the nodes, and equals the reference', () => {
    for (let trial = 0; trial < 300; trial++) {
      const rnd = random(trial + 1);
      const n = 1 + Math.floor(rnd() * 25);
      const keys = Array.from({ length: n }, (_, i) => `n${i}`);
      const edges = Array.from({ length: Math.floor(rnd() * n * 3) }, () => ({
        from: keys[Math.floor(rnd() * n)],
        to: keys[Math.floor(rnd() * n)],
      }));
      const seed = keys[Math.floor(rnd() * n)];
      const found = chain(edges, [seed]);
      expect(found.has(seed)).toBe(true);
      for (const k of found) expect(keys).toContain(k);
      expect(sorted(found)).toEqual(sorted(reference(edges, seed)));
    }
  });

  it('of several seeds is the union of their chains', () => {
    const rnd = random(99);
    const keys = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const edges = Array.from({ length: 20 }, () => ({ from: keys[Math.floor(rnd() * 12)], to: keys[Math.floor(rnd() * 12)] }));
    const both = chain(edges, ['n1', 'n5']);
    expect(sorted(both)).toEqual(sorted(new Set([...reference(edges, 'n1'), ...reference(edges, 'n5')])));
  });
});

describe('focusKeys and findingsOn', () => {
  it('a node focuses its chain; a finding its path; a group its members with their chains', () => {
    expect(sorted(focusKeys(map, { kind: 'node', key: 'activity:2' }))).toEqual(['activity:2', 'resource:1', 'resource:2']);
    expect([...focusKeys(map, { kind: 'finding', index: 1 })]).toEqual(['activity:3', 'resource:3']);
    expect(sorted(focusKeys(map, { kind: 'group', id: 'unit:Finance' }))).toEqual(
      ['activity:1', 'activity:3', 'activity:4', 'resource:1', 'resource:2', 'resource:3'],
    );
  });

  it('names a focus in words, as the page and the projector title it', () => {
    const withGap = { ...map, findings: [{ gap: { kind: 'chain', node: 'Dispatch' } as never, path: [] }] };
    expect(focusLabel(withGap, { kind: 'finding', index: 0 })).toBe('Slow chain: Dispatch');
    expect(focusLabel(map, { kind: 'node', key: 'resource:2' })).toBe('resource:2 (Site)');
    expect(focusLabel(map, { kind: 'group', id: 'unit:Finance' })).toBe('Finance');
    expect(focusLabel(map, { kind: 'node', key: 'activity:99' })).toBeNull();
  });

  it('a focus that names nothing any more shows nothing', () => {
    expect(focusKeys(map, { kind: 'node', key: 'activity:99' }).size).toBe(0);
    expect(focusKeys(map, { kind: 'finding', index: 7 }).size).toBe(0);
    expect(focusKeys(map, { kind: 'group', id: 'unit:Nowhere' }).size).toBe(0);
  });

  it('lists the findings whose whole path is on the chain', () => {
    expect(findingsOn(map.findings, focusKeys(map, { kind: 'node', key: 'activity:4' }))).toEqual([0]);
    expect(findingsOn(map.findings, focusKeys(map, { kind: 'node', key: 'activity:2' }))).toEqual([]);
    expect(findingsOn(map.findings, new Set(map.nodes.map((n) => n.key)))).toEqual([0, 1]);
  });
});

describe('focusLayout', () => {
  const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < FOCUS_NODE.width && Math.abs(a.y - b.y) < FOCUS_NODE.height;

  it('keeps the columns in order, closed up, each box inside the room and none overlapping', () => {
    for (const down of [false, true]) {
      const nodes = map.nodes.filter((n) => n.key !== 'resource:3');
      const l = focusLayout(nodes, 310, down);
      expect(l.at.size).toBe(nodes.length);
      const boxes = [...l.at.values()];
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + FOCUS_NODE.width).toBeLessThanOrEqual(l.width);
        expect(b.y + FOCUS_NODE.height).toBeLessThanOrEqual(l.height);
      }
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
      // What is needed comes after what needs it.
      const a1 = l.at.get('activity:1')!;
      const r1 = l.at.get('resource:1')!;
      const r2 = l.at.get('resource:2')!;
      if (down) expect(a1.y < r1.y && r1.y < r2.y).toBe(true);
      else expect(a1.x < r1.x && r1.x < r2.x).toBe(true);
    }
  });

  it('runs down a tall, narrow canvas and across a wide one', () => {
    const path = ['activity:1', 'resource:1', 'resource:2'].map((k) => map.nodes.find((n) => n.key === k)!);
    expect(bestFocusLayout(path, 310, { width: 600, height: 700 }, 0).down).toBe(true);
    expect(bestFocusLayout(path, 310, { width: 1800, height: 700 }, 0).down).toBe(false);
    expect(bestFocusLayout(path, 310, { width: 0, height: 0 }, 0).down).toBe(false);
  });

  it('lays out nothing as nothing', () => {
    expect(focusLayout([], 310)).toMatchObject({ width: 0, height: 0 });
  });
});

describe('labelLines', () => {
  it('wraps at spaces and ends what does not fit with an ellipsis', () => {
    expect(labelLines('Payroll', 20, 2)).toEqual(['Payroll']);
    expect(labelLines('Warehouse management system operations', 29, 2)).toEqual(['Warehouse management system', 'operations']);
    expect(labelLines('Warehouse management system operations', 21, 1)).toEqual(['Warehouse management…']);
    expect(labelLines('Supercalifragilisticexpialidocious', 10, 1)).toEqual(['Supercali…']);
    for (const line of labelLines('a b c d e f g h i j k l m n o p q r s t u v w x y z', 9, 2)) {
      expect(line.length).toBeLessThanOrEqual(10);
    }
  });
});
