import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      dependencyAnalysis: vi.fn(),
      dependencyMap: vi.fn().mockResolvedValue({ nodes: [], edges: [], findings: [], width: 0, height: 0, node_width: 0, node_height: 0 }),
      resourceCapability: vi.fn().mockResolvedValue({ owner: '', description: '', strategy: null, rtc: '1h', rpc: '', evidence: null, demonstrated_on: '', kept: [] }),
    },
  };
});

import { api, type WorkspaceState } from '$lib/api';
import { session } from '$lib/session.svelte';
import FindingsPage from './FindingsPage.svelte';

describe('FindingsPage', () => {
  it('explains a gap in words and shows its chain when chosen', async () => {
    vi.mocked(api.dependencyAnalysis).mockResolvedValue({
      gaps: [
        {
          kind: 'chain',
          node: 'Dispatch',
          node_ref: 'activity:1',
          required_min: 240,
          capability_min: 360,
          path: ['Dispatch', 'WMS', 'Server'],
          path_refs: ['activity:1', 'resource:1', 'resource:2'],
          explanation: 'each link is fast enough, yet the chain recovers in 6h, past its RTO of 4h',
        },
      ],
      spofs: [{ resource: 'Server', resource_ref: 'resource:2', breaks: ['Dispatch'] }],
      predicted: [
        {
          activity: 'Dispatch',
          activity_ref: 'activity:1',
          rto_min: 240,
          predicted_min: 360,
          critical_path: ['Dispatch', 'WMS', 'Server'],
          critical_path_refs: ['activity:1', 'resource:1', 'resource:2'],
        },
      ],
      cycles: [],
    });
    render(FindingsPage);
    const gap = await screen.findByRole('button', { name: /Slow chain/ });
    expect(gap.textContent).toContain('the chain recovers in 6h, past its RTO of 4h');
    expect(screen.queryByLabelText('The chain that explains it')).toBeNull();
    await userEvent.setup().click(gap);
    const path = screen.getByLabelText('The chain that explains it');
    expect([...path.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Dispatch', 'WMS', 'Server']);
    expect(screen.getByLabelText('What the figures mean').textContent).toContain('RTC');
  });

  it('names where a requirement comes from and says why a prediction is missing or zero', async () => {
    vi.mocked(api.dependencyAnalysis).mockResolvedValue({
      gaps: [
        {
          kind: 'upstream',
          node: 'Picking',
          node_ref: 'activity:2',
          required_min: 240,
          capability_min: 720,
          path: ['Dispatch', 'Picking'],
          path_refs: ['activity:1', 'activity:2'],
          explanation: 'has an RTO of 12h, but something that needs it must be back within 4h',
        },
      ],
      spofs: [],
      predicted: [
        { activity: 'Dispatch', activity_ref: 'activity:1', rto_min: 240, predicted_min: null, critical_path: [], critical_path_refs: [] },
        { activity: 'Payroll', activity_ref: 'activity:3', rto_min: 240, predicted_min: 0, critical_path: ['Payroll'], critical_path_refs: ['activity:3'] },
      ],
      cycles: [],
    });
    render(FindingsPage);
    const gap = await screen.findByRole('button', { name: /Picking/ });
    expect(gap.textContent).toContain('the requirement comes from Dispatch');
    expect(screen.getByText('a resource on the way has no RTC recorded')).toBeTruthy();
    expect(screen.getByText(/nothing it needs takes\s+time to recover/)).toBeTruthy();
  });

  it('offers what can be done, and a remedy opens its page with its thing selected', async () => {
    vi.mocked(api.dependencyAnalysis).mockResolvedValue({
      gaps: [
        {
          kind: 'rto',
          node: 'Halifax warehouse',
          node_ref: 'resource:4',
          required_min: 240,
          capability_min: 10080,
          path: ['Order picking', 'Halifax warehouse'],
          path_refs: ['activity:2', 'resource:4'],
          explanation: 'recovers in 1w, but 4h is required of it',
        },
      ],
      spofs: [{ resource: 'Halifax warehouse', resource_ref: 'resource:4', breaks: ['Order picking'] }],
      predicted: [],
      cycles: [],
    });
    // An open engagement, so that following a remedy changes page.
    session.workspace = { current: { path: '/tmp/x.keel' } } as unknown as WorkspaceState;
    session.page = 'findings';
    render(FindingsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Too slow/ }));
    expect(screen.getByTestId('figures').textContent).toContain('Order picking must be running within 4h (its RTO)');
    const list = screen.getByRole('list', { name: 'What can be done about Too slow: Halifax warehouse' });
    const [improve, alternative, objective] = [...list.querySelectorAll('button')];
    expect(improve.textContent).toContain('Improve how fast Halifax warehouse recovers');
    expect(alternative.textContent).toContain('alternative to Halifax warehouse for Order picking');
    expect(objective.textContent).toContain('Revisit the RTO of Order picking');
    // Keyboard: Tab reaches the remedy, Enter follows it.
    improve.focus();
    await user.keyboard('{Enter}');
    expect(session.page).toBe('resources');
    expect(session.arrival).toEqual({ page: 'resources', resourceId: 4, field: 'rtc' });
    await user.click(objective);
    expect(session.page).toBe('interview');
    expect(session.interviewActivityId).toBe(2);
    expect(session.arrival).toEqual({ page: 'interview', activityId: 2, step: 5, field: 'rto' });
    // A single point of failure offers an alternative or a recovery strategy.
    await user.click(screen.getByRole('button', { name: /recovery strategy for Halifax warehouse/ }));
    expect(session.arrival).toEqual({ page: 'resources', resourceId: 4, field: 'strategy' });
    session.workspace = null;
  });
});
