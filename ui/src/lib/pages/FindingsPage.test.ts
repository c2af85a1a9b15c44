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
      capabilities: [],
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
      capabilities: [],
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
      capabilities: [],
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

  it('says a capability shown slower than its target and an expired demonstration, with what counts now', async () => {
    const shown = { on: '2026-11-20', expires_on: '2027-11-20', rpc_min: null, exercise_id: 3 };
    vi.mocked(api.dependencyAnalysis).mockResolvedValue({
      gaps: [
        {
          kind: 'demonstrated_slower',
          node: 'WMS',
          node_ref: 'resource:1',
          required_min: 180,
          capability_min: 360,
          path: ['Dispatch', 'WMS'],
          path_refs: ['activity:1', 'resource:1'],
          explanation: 'was shown to recover in 6h on 2026-11-20, slower than its commitment of 3h',
        },
        {
          kind: 'demonstration_expired',
          node: 'Generator',
          node_ref: 'resource:2',
          required_min: null,
          capability_min: 15,
          path: ['Generator'],
          path_refs: ['resource:2'],
          explanation:
            'was shown to recover in 10m on 2025-03-03, but that demonstration expired on 2026-03-03; it counts as a target of 15m until it is shown again',
        },
      ],
      spofs: [],
      predicted: [],
      cycles: [],
      capabilities: [
        {
          resource: 'WMS',
          resource_ref: 'resource:1',
          evidence: 'demonstrated',
          rtc_min: 360,
          rpc_evidence: null,
          rpc_min: null,
          demonstrated: { ...shown, rtc_min: 360 },
          expired: null,
          target_rtc_min: 180,
          slower_than_target: true,
        },
        {
          resource: 'Generator',
          resource_ref: 'resource:2',
          evidence: 'target',
          rtc_min: 15,
          rpc_evidence: null,
          rpc_min: null,
          demonstrated: null,
          expired: { on: '2025-03-03', expires_on: '2026-03-03', rtc_min: 10, rpc_min: null, exercise_id: null },
          target_rtc_min: null,
          slower_than_target: false,
        },
        {
          resource: 'Server',
          resource_ref: 'resource:3',
          evidence: 'committed',
          rtc_min: 60,
          rpc_evidence: null,
          rpc_min: null,
          demonstrated: null,
          expired: null,
          target_rtc_min: null,
          slower_than_target: false,
        },
      ],
    });
    session.workspace = { current: { path: '/tmp/x.keel' } } as unknown as WorkspaceState;
    session.page = 'findings';
    render(FindingsPage);
    const user = userEvent.setup();
    const slower = await screen.findByRole('button', { name: /Shown slower than target/ });
    expect(slower.textContent).toContain('slower than its commitment of 3h');
    await user.click(slower);
    const list = screen.getByRole('list', { name: 'What can be done about Shown slower than target: WMS' });
    const [improve, record, alternative] = [...list.querySelectorAll('button')];
    expect(improve.textContent).toContain('shown to take 6h against 3h');
    expect(record.textContent).toContain('record it as the RTC of WMS');
    expect(alternative.textContent).toContain('alternative to WMS for Dispatch');

    await user.click(screen.getByRole('button', { name: /Demonstration expired/ }));
    expect(screen.getByTestId('figures').textContent).toContain('the RTC recorded before it counts again: 15m');
    const again = screen.getByRole('list', { name: 'What can be done about Demonstration expired: Generator' });
    await user.click(again.querySelector('button')!);
    expect(session.arrival).toEqual({ page: 'resources', resourceId: 2, field: 'rtc' });

    // The demonstrations, in force or expired; a capability never shown is not listed.
    const rows = [...screen.getByTestId('demonstrated').querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('6h (target 3h)');
    expect(rows[0]).toContain('exercise 3');
    expect(rows[0]).toContain('2027-11-20');
    expect(rows[1]).toContain('recorded by hand');
    expect(rows[1]).toContain('expired 2026-03-03; target 15m counts');
    session.workspace = null;
  });
});
