import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapNode } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { setMapPosition: vi.fn() } };
});

import { api } from '$lib/api';
import { NodeMoves } from './moves';

const node = (): MapNode => ({
  key: 'resource:1',
  name: 'WMS',
  resource_kind: 'application',
  unit: null,
  tier: null,
  status: 'ok',
  spof: false,
  x: 100,
  y: 50,
  placed: false,
});

const key = (name: string, shiftKey = false) => new KeyboardEvent('keydown', { key: name, shiftKey, cancelable: true });

describe('NodeMoves', () => {
  beforeEach(() => vi.clearAllMocks());

  it('saves the keys once, keeps the node placed, and undoes back to where it was', async () => {
    vi.mocked(api.setMapPosition).mockResolvedValue(null);
    const moves = new NodeMoves();
    const n = node();
    expect(moves.arrowKey(key('ArrowRight'), n)).toBe(true);
    expect(moves.arrowKey(key('ArrowUp', true), n)).toBe(true);
    expect(moves.arrowKey(key('Tab'), n)).toBe(false);
    moves.flush();
    await vi.waitFor(() => expect(n.placed).toBe(true));
    expect(api.setMapPosition).toHaveBeenCalledExactlyOnceWith('resource:1', { x: 110, y: 10 });
    await moves.undo(new Map([[n.key, n]]));
    expect(api.setMapPosition).toHaveBeenLastCalledWith('resource:1', { x: 100, y: 50 });
    expect([n.x, n.y]).toEqual([100, 50]);
  });

  it('puts a node back when its move is refused, with nothing left to undo', async () => {
    vi.mocked(api.setMapPosition).mockRejectedValue(new Error('The file is read-only.'));
    const moves = new NodeMoves();
    const n = node();
    moves.arrowKey(key('ArrowLeft'), n);
    expect(n.x).toBe(90);
    moves.flush();
    await vi.waitFor(() => expect(n.x).toBe(100));
    expect(n.placed).toBe(false);
    await moves.undo(new Map([[n.key, n]]));
    expect(api.setMapPosition).toHaveBeenCalledTimes(1);
  });
});
