import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { DependencyMap, MapNode } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { addNeed: vi.fn(), removeNeed: vi.fn() } };
});

import { api } from '$lib/api';
import NeedsEditor from './NeedsEditor.svelte';
import { deferred } from '$lib/testing/deferred';

function node(key: string, name: string, kind: MapNode['resource_kind'] = 'application'): MapNode {
  return { key, name, resource_kind: kind, unit: null, tier: null, status: 'ok', spof: false, x: 0, y: 0, placed: false };
}

function mapWith(edges: DependencyMap['edges']): DependencyMap {
  return {
    nodes: [node('activity:1', 'Dispatch', null), node('resource:1', 'WMS'), node('resource:2', 'Server'), node('resource:3', 'Scanner')],
    edges,
    findings: [],
    width: 100,
    height: 100,
    node_width: 10,
    node_height: 10,
  };
}

/** A promise resolved when the test says so. */
/** The editor of activity:1, its map replaced by each answer as the pages do. */
function renderEditor(map: DependencyMap) {
  const view = render(NeedsEditor, { map, node: 'activity:1', onchange: (next: DependencyMap) => void view.rerender({ map: next }) });
  return view;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('NeedsEditor', () => {
  beforeEach(() => vi.clearAllMocks());

  // Row 1 saves on leaving it; its answer rebuilt every group input and lost row 2's.
  it('keeps a group being typed in one row when another row’s save comes back', async () => {
    const user = userEvent.setup();
    const answer = deferred<DependencyMap>();
    vi.mocked(api.addNeed).mockReturnValue(answer.promise);
    renderEditor(mapWith([
      { from: 'activity:1', to: 'resource:1', group: '' },
      { from: 'activity:1', to: 'resource:2', group: '' },
    ]));
    await user.type(input('Alternatives group of WMS'), 'A');
    await user.click(input('Alternatives group of Server'));
    expect(api.addNeed).toHaveBeenCalledWith('activity:1', 'resource:1', 'A');
    await user.keyboard('B');
    answer.resolve(mapWith([
      { from: 'activity:1', to: 'resource:1', group: 'A' },
      { from: 'activity:1', to: 'resource:2', group: '' },
    ]));
    await vi.waitFor(() => expect(api.addNeed).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(input('Alternatives group of Server').value).toBe('B');
    expect(input('Alternatives group of WMS').value).toBe('A');
  });

  it('takes a group changed elsewhere into a row not typed in', async () => {
    const view = renderEditor(mapWith([{ from: 'activity:1', to: 'resource:1', group: '' }]));
    await view.rerender({ map: mapWith([{ from: 'activity:1', to: 'resource:1', group: 'X' }]) });
    expect(input('Alternatives group of WMS').value).toBe('X');
  });

  it('clears the new need once added, keeping a group typed while it was being added', async () => {
    const user = userEvent.setup();
    const answer = deferred<DependencyMap>();
    vi.mocked(api.addNeed).mockReturnValue(answer.promise);
    renderEditor(mapWith([]));
    await user.type(screen.getByLabelText('Add a need'), 'Scanner{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(api.addNeed).toHaveBeenCalledWith('activity:1', 'resource:3', '');
    await user.type(input('Alternatives group of the new need'), 'next');
    answer.resolve(mapWith([{ from: 'activity:1', to: 'resource:3', group: '' }]));
    await screen.findByLabelText('Alternatives group of Scanner');
    expect(input('Add a need').value).toBe('');
    expect(input('Alternatives group of the new need').value).toBe('next');
  });
});
