import { describe, expect, it } from 'vitest';
import type { DependencyMap, MapNode } from '$lib/api';
import { edgePath, pathEdges, visibleKeys, type NodeKind } from './graph';

function node(key: string, extra: Partial<MapNode> = {}): MapNode {
  return { key, name: key, resource_kind: null, unit: null, tier: null, status: 'ok', spof: false, x: 0, y: 0, placed: false, ...extra };
}

const map: DependencyMap = {
  nodes: [
    node('activity:1', { unit: 'Finance', tier: 1 }),
    node('activity:2', { unit: 'Operations', tier: 2 }),
    node('resource:1', { resource_kind: 'application' }),
    node('resource:2', { resource_kind: 'infrastructure' }),
    node('resource:3', { resource_kind: 'site' }),
  ],
  edges: [
    { from: 'activity:1', to: 'resource:1', group: '' },
    { from: 'resource:1', to: 'resource:2', group: '' },
    { from: 'activity:2', to: 'resource:3', group: '' },
  ],
  findings: [],
  width: 100,
  height: 100,
  node_width: 200,
  node_height: 44,
};

const all: Set<NodeKind> = new Set(['activity', 'application', 'infrastructure', 'site']);

describe('visibleKeys', () => {
  it('shows everything without filters', () => {
    expect(visibleKeys(map, { kinds: all, tier: null, unit: null }).size).toBe(5);
  });

  it('follows chains from the activities of a unit', () => {
    const shown = visibleKeys(map, { kinds: all, tier: null, unit: 'Finance' });
    expect([...shown].sort()).toEqual(['activity:1', 'resource:1', 'resource:2']);
  });

  it('combines tier and kind', () => {
    const kinds: Set<NodeKind> = new Set(['activity', 'site']);
    expect([...visibleKeys(map, { kinds, tier: 2, unit: null })].sort()).toEqual(['activity:2', 'resource:3']);
    expect(visibleKeys(map, { kinds, tier: 3, unit: null }).size).toBe(0);
  });
});

describe('edges', () => {
  it('names the links of a path', () => {
    expect([...pathEdges(['a', 'b', 'c'])]).toEqual(['a→b', 'b→c']);
    expect(pathEdges(['a']).size).toBe(0);
  });

  it('runs right to left sides, or loops out of the left when the target is not to the right', () => {
    expect(edgePath({ x: 0, y: 0 }, { x: 300, y: 100 }, 200, 40)).toMatch(/^M 200 20 C .* 300 120$/);
    expect(edgePath({ x: 0, y: 0 }, { x: 0, y: 100 }, 200, 40)).toBe('M 0 20 C -60 20, -60 120, 0 120');
  });
});
