import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { dependencyAnalysis: vi.fn() } };
});

import { api } from '$lib/api';
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
});
