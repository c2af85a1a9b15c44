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
  });
});
