import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { DependencyMap, MapNode } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      dependencyMap: vi.fn(),
      setMapPosition: vi.fn(),
      addNeed: vi.fn(),
      removeNeed: vi.fn(),
      resetMapLayout: vi.fn(),
      presentMap: vi.fn(),
    },
  };
});

import { api } from '$lib/api';
import MapPage from './MapPage.svelte';
import { mapView } from '$lib/map/view.svelte';

function node(key: string, name: string, extra: Partial<MapNode> = {}): MapNode {
  return { key, name, resource_kind: null, unit: null, tier: null, status: 'ok', spof: false, x: 24, y: 24, placed: false, ...extra };
}

const map = (): DependencyMap => ({
  nodes: [
    node('activity:1', 'Dispatch', { tier: 1, unit: 'Ops', status: 'gap' }),
    node('activity:2', 'Payroll', { tier: 3, unit: 'Finance', y: 84 }),
    node('resource:1', 'WMS', { resource_kind: 'application', x: 334 }),
    node('resource:2', 'Server', { resource_kind: 'infrastructure', x: 644, spof: true }),
  ],
  edges: [
    { from: 'activity:1', to: 'resource:1', group: '' },
    { from: 'resource:1', to: 'resource:2', group: '' },
  ],
  findings: [
    {
      gap: {
        kind: 'chain',
        node: 'Dispatch',
        node_ref: 'activity:1',
        required_min: 240,
        capability_min: 360,
        path: ['Dispatch', 'WMS', 'Server'],
        path_refs: ['activity:1', 'resource:1', 'resource:2'],
        explanation: 'each link is fast enough, yet the chain recovers in 6h, past its RTO of 4h',
      },
      path: ['activity:1', 'resource:1', 'resource:2'],
    },
  ],
  width: 900,
  height: 200,
  node_width: 200,
  node_height: 44,
});

const lit = () => [...document.querySelectorAll('g.dep-node.lit')].map((g) => (g as SVGGElement).dataset.name);

describe('MapPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    mapView.focus = null;
    mapView.whole = null;
    vi.mocked(api.dependencyMap).mockResolvedValue(map());
    vi.mocked(api.presentMap).mockResolvedValue(null);
  });

  it('presents the map as it is focused, and tells the projector each new focus', async () => {
    render(MapPage);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /Slow chain/ });
    expect(api.presentMap).toHaveBeenLastCalledWith(null, false);
    await user.click(screen.getByRole('button', { name: /Slow chain/ }));
    expect(api.presentMap).toHaveBeenLastCalledWith({ kind: 'finding', index: 0 }, false);
    await user.keyboard('{Control>}{Shift>}F{/Shift}{/Control}');
    expect(api.presentMap).toHaveBeenLastCalledWith({ kind: 'finding', index: 0 }, true);
    await user.type(screen.getByLabelText('Focus on'), 'Serv{Enter}');
    expect(api.presentMap).toHaveBeenLastCalledWith({ kind: 'node', key: 'resource:2' }, false);
    await user.click(screen.getByRole('button', { name: 'Whole map' }));
    expect(api.presentMap).toHaveBeenLastCalledWith(null, false);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(api.presentMap).toHaveBeenLastCalledWith(null, true);
  });

  it('lights the path of the chosen finding, and only it', async () => {
    render(MapPage);
    const finding = await screen.findByRole('button', { name: /Slow chain/ });
    expect(lit()).toEqual([]);
    await userEvent.setup().click(finding);
    expect(lit()).toEqual(['Dispatch', 'WMS', 'Server']);
    expect(document.querySelectorAll('path.dep-edge.lit')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /Server, Infrastructure, ok, single point of failure/ })).toBeTruthy();
  });

  it('filters by kind, and by unit through the chains', async () => {
    render(MapPage);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /Slow chain/ });
    const names = () => [...document.querySelectorAll('g.dep-node')].map((g) => (g as SVGGElement).dataset.name);
    expect(names()).toEqual(['Dispatch', 'Payroll', 'WMS', 'Server']);
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.click(screen.getByLabelText('Infrastructure'));
    expect(names()).toEqual(['Dispatch', 'Payroll', 'WMS']);
    await user.click(screen.getByLabelText('Infrastructure'));
    await user.selectOptions(screen.getByLabelText('Unit'), 'Ops');
    expect(names()).toEqual(['Dispatch', 'WMS', 'Server']);
  });

  it('moves a node with the arrow keys and keeps it there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.mocked(api.setMapPosition).mockResolvedValue(null);
    render(MapPage);
    const wms = await screen.findByRole('button', { name: /^WMS,/ });
    wms.focus();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.keyboard('{ArrowDown}{ArrowDown}{Shift>}{ArrowRight}{/Shift}');
    expect(api.setMapPosition).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(700);
    expect(api.setMapPosition).toHaveBeenCalledExactlyOnceWith('resource:1', { x: 374, y: 44 });
    expect(wms.getAttribute('transform')).toBe('translate(374 44)');
    vi.useRealTimers();
  });

  it('focuses a node picked by name on its chain, lists the findings on it, and Escape goes back', async () => {
    render(MapPage);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /Slow chain/ });
    const names = () => [...document.querySelectorAll('g.dep-node')].map((g) => (g as SVGGElement).dataset.name);
    await user.type(screen.getByLabelText('Focus on'), 'Serv{Enter}');
    expect(names()).toEqual(['Dispatch', 'WMS', 'Server']);
    expect(screen.getByTestId('map-focus').textContent).toMatch(/Server \(Infrastructure\) · 3 nodes/);
    expect(screen.getByRole('heading', { name: 'Findings on this chain (1)' })).toBeTruthy();
    await user.type(screen.getByLabelText('Focus on'), 'Payroll{Enter}');
    expect(names()).toEqual(['Payroll']);
    expect(screen.getByRole('heading', { name: 'Findings on this chain (0)' })).toBeTruthy();
    screen.getByRole('button', { name: /^Payroll,/ }).focus();
    await user.keyboard('{Escape}');
    expect(names()).toEqual(['Dispatch', 'Payroll', 'WMS', 'Server']);
  });

  it('draws the whole map as groups with counts; Enter on a group focuses its chains', async () => {
    render(MapPage);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /Slow chain/ });
    await user.click(screen.getByRole('button', { name: 'Groups' }));
    expect(document.querySelectorAll('g.dep-node')).toHaveLength(0);
    const ops = screen.getByRole('button', { name: /^Ops: 1 activity, 1 gap/ });
    expect(screen.getByRole('button', { name: /^Infrastructure: 1 resource, 1 SPOF/ })).toBeTruthy();
    ops.focus();
    await user.keyboard('{Enter}');
    const names = [...document.querySelectorAll('g.dep-node')].map((g) => (g as SVGGElement).dataset.name);
    expect(names).toEqual(['Dispatch', 'WMS', 'Server']);
    await user.click(screen.getByRole('button', { name: 'Whole map' }));
    expect(screen.getByRole('button', { name: /^Finance: 1 activity, no gap/ })).toBeTruthy();
  });
});
