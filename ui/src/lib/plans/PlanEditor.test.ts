import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { PlanView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      planView: vi.fn(),
      editPlan: vi.fn(),
      listActivities: vi.fn(async () => []),
      listResources: vi.fn(async () => []),
      settled: vi.fn(async () => {}),
    },
  };
});

import { api } from '$lib/api';
import PlanEditor from './PlanEditor.svelte';
import { deferred } from '$lib/testing/deferred';

/** Plan `id`, titled `title`, at version 1 like a newly created plan. */
function plan(id: number, title: string): PlanView {
  return {
    summary: { id, title, template: 'iso22301', state: 'draft', version: 1, approved_version: null, approved_at: null, sha256: null, next_review: null, overdue: false },
    owner: `Owner of ${title}`,
    review_months: 12,
    scope: 'organisation',
    scope_items: [],
    content: { template: 'iso22301', scope: 'The whole organisation' },
    check: [],
    sections: [{ key: 'purpose', title: 'Purpose', guidance: '', written: false, generated: [], body: '', html: '' }],
  } as unknown as PlanView;
}

/** A promise the test resolves when it wants the answer to arrive. */
describe('PlanEditor', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.planView).mockImplementation(async (id) => (id === 1 ? plan(1, 'Depot plan') : plan(2, 'Office plan')));
    vi.mocked(api.editPlan).mockImplementation(async (id) => plan(id, 'saved'));
  });

  it('shows the details of the plan picked, at the same version as the one before, and saves them to it', async () => {
    const user = userEvent.setup();
    const { rerender } = render(PlanEditor, { planId: 1, onchange: vi.fn() });
    await user.click(await screen.findByRole('tab', { name: 'Details & scope' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Depot plan');

    await rerender({ planId: 2, onchange: vi.fn() });
    await screen.findByRole('heading', { name: 'Office plan' });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Office plan');
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Owner of Office plan');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.editPlan).toHaveBeenCalledWith(2, expect.objectContaining({ type: 'details', title: 'Office plan', owner: 'Owner of Office plan' }));
  });

  it('drops an answer for a plan no longer picked', async () => {
    const first = deferred<PlanView>();
    vi.mocked(api.planView).mockImplementationOnce(() => first.promise);
    const { rerender } = render(PlanEditor, { planId: 1, onchange: vi.fn() });
    await rerender({ planId: 2, onchange: vi.fn() });
    await screen.findByRole('heading', { name: 'Office plan' });

    first.resolve(plan(1, 'Depot plan'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('heading', { name: 'Depot plan' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Office plan' })).toBeTruthy();
  });
});
