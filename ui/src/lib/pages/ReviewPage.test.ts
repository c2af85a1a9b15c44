import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: { reviewItems: vi.fn(), reviewSettings: vi.fn(), setReviewSettings: vi.fn() },
  };
});

import { api, KeelError, type Review } from '$lib/api';
import { session } from '$lib/session.svelte';
import ReviewPage from './ReviewPage.svelte';

const review: Review = {
  today: '2026-03-02',
  items: [
    {
      kind: 'contact_unverified',
      subject: { type: 'person', id: 6, name: 'Sian Roberts' },
      due: '2026-02-01',
      why: 'Details last verified on 2025-02-01.',
      severity: 'medium',
      link: { page: 'people', id: 6 },
    },
    {
      kind: 'not_demonstrated',
      subject: { type: 'resource', id: 3, name: 'WMS' },
      due: null,
      why: 'Never demonstrated.',
      severity: 'medium',
      link: { page: 'resources', id: 3 },
    },
  ],
  counts: [
    { kind: 'contact_unverified', label: 'Contacts not verified', count: 1 },
    { kind: 'not_demonstrated', label: 'Tier-1 resources never demonstrated', count: 1 },
  ],
  programme: [{ plan_id: 1, title: 'Warehouse plan', last_exercised: null, exercise_id: null, exercise_title: null, next_due: '2027-01-01' }],
};

describe('ReviewPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    session.apply({
      current: { path: '/x/acme.keel', details: { organisation: 'Acme', scope: '', facilitator: 'Ana', start_date: null, end_date: null } },
      recent: [],
      facilitator_name: 'Ana',
      engagements_dir: '/x',
      startup_problem: null,
    });
    vi.mocked(api.reviewItems).mockResolvedValue(review);
    vi.mocked(api.reviewSettings).mockResolvedValue({ bia_review_months: 12, demonstration_validity_months: 12, exercise_interval_months: 12 });
  });

  it('groups the items by kind with why and due, and opens where each is fixed', async () => {
    render(ReviewPage);
    const group = await screen.findByRole('region', { name: /Contacts not verified/ });
    expect(within(group).getByText('Details last verified on 2025-02-01.')).toBeTruthy();
    expect(within(group).getByText('due 2026-02-01')).toBeTruthy();
    expect(screen.getByText('never')).toBeTruthy();
    await userEvent.setup().click(within(group).getByRole('button', { name: 'Verify the contact' }));
    expect(session.page).toBe('people');
    expect(session.arrival).toEqual({ page: 'people', personId: 6 });
  });

  it('saves the intervals and shows a refused one at its field', async () => {
    vi.mocked(api.setReviewSettings).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'no', fields: { bia_review_months: 'Give a number of months from 1 to 60.' } }),
    );
    render(ReviewPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    const bia = screen.getByLabelText(/BIA review, months/);
    await user.clear(bia);
    await user.type(bia, '0{Enter}');
    expect(api.setReviewSettings).toHaveBeenCalledWith({ bia_review_months: 0, demonstration_validity_months: 12, exercise_interval_months: 12 });
    expect(await screen.findByText('Give a number of months from 1 to 60.')).toBeTruthy();
  });
});
