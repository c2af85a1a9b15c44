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

import { api, KeelError, type Review, type ReviewSettings } from '$lib/api';
import { session } from '$lib/session.svelte';
import ReviewPage from './ReviewPage.svelte';
import { deferred } from '$lib/testing/deferred';

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

/** Opens the engagement file at `path` (what is typed is kept by file). */
function openFile(path: string) {
  session.apply({
    current: { path, details: { organisation: 'Acme', scope: '', facilitator: 'Ana', start_date: null, end_date: null } },
    recent: [],
    facilitator_name: 'Ana',
    engagements_dir: '/x',
    startup_problem: null,
  });
}
let files = 0;

describe('ReviewPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    openFile(`/x/review-${++files}.keel`);
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

  // The intervals typed were the page's own: Alt+A and back lost them (and the load put
  // the stored ones back over them).
  it('keeps the intervals as typed across a page change, for their own file only', async () => {
    const user = userEvent.setup();
    const path = session.workspace!.current!.path;
    const first = render(ReviewPage);
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    const bia = screen.getByLabelText(/BIA review, months/);
    await user.clear(bia);
    await user.type(bia, '18');
    first.unmount();

    const back = render(ReviewPage);
    await screen.findByTestId('review-summary');
    expect((screen.getByLabelText(/BIA review, months/) as HTMLInputElement).value).toBe('18');
    back.unmount();

    openFile('/x/another-review.keel');
    render(ReviewPage).unmount();
    const other = render(ReviewPage);
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    expect((screen.getByLabelText(/BIA review, months/) as HTMLInputElement).value).toBe('12');
    other.unmount();

    openFile(path);
    render(ReviewPage);
    await screen.findByTestId('review-summary');
    expect((screen.getByLabelText(/BIA review, months/) as HTMLInputElement).value).toBe('18');
  });

  it('follows the stored intervals while none is typed', async () => {
    const first = render(ReviewPage);
    await userEvent.setup().click(await screen.findByRole('button', { name: /Review intervals/ }));
    expect((screen.getByLabelText(/Exercise every, months/) as HTMLInputElement).value).toBe('12');
    first.unmount();
    vi.mocked(api.reviewSettings).mockResolvedValue({ bia_review_months: 12, demonstration_validity_months: 12, exercise_interval_months: 6 });
    render(ReviewPage);
    await vi.waitFor(() => expect((screen.getByLabelText(/Exercise every, months/) as HTMLInputElement).value).toBe('6'));
  });

  it('refuses months that are not a number at the field, kept as typed, before the core', async () => {
    const user = userEvent.setup();
    render(ReviewPage);
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    const validity = screen.getByLabelText(/Demonstration validity, months/) as HTMLInputElement;
    await user.clear(validity);
    await user.type(validity, 'a year{Enter}');
    expect(await screen.findByText('“a year” is not a number of months: type a whole number, e.g. 12.')).toBeTruthy();
    expect(validity.value).toBe('a year');
    expect(validity.getAttribute('aria-invalid')).toBe('true');
    expect(api.setReviewSettings).not.toHaveBeenCalled();
  });

  // The form was shown before the stored intervals came, and their arrival overwrote
  // what had been typed into it.
  it('shows the intervals to edit only once the stored ones are known', async () => {
    const stored = deferred<ReviewSettings>();
    vi.mocked(api.reviewSettings).mockReturnValue(stored.promise);
    const user = userEvent.setup();
    render(ReviewPage);
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    expect(screen.queryByLabelText(/BIA review, months/)).toBeNull();
    stored.resolve({ bia_review_months: 24, demonstration_validity_months: 12, exercise_interval_months: 12 });
    const bia = (await screen.findByLabelText(/BIA review, months/)) as HTMLInputElement;
    expect(bia.value).toBe('24');
  });

  it('keeps an interval typed while the save is answered', async () => {
    const saved = deferred<ReviewSettings>();
    vi.mocked(api.setReviewSettings).mockReturnValue(saved.promise);
    const user = userEvent.setup();
    render(ReviewPage);
    await user.click(await screen.findByRole('button', { name: /Review intervals/ }));
    const bia = (await screen.findByLabelText(/BIA review, months/)) as HTMLInputElement;
    const exercise = screen.getByLabelText(/Exercise every, months/) as HTMLInputElement;
    await user.clear(bia);
    await user.type(bia, '18{Enter}');
    await user.clear(exercise);
    await user.type(exercise, '6');
    saved.resolve({ bia_review_months: 18, demonstration_validity_months: 12, exercise_interval_months: 12 });
    await screen.findByText(/BIA every 18 months/);
    expect(exercise.value).toBe('6');
    expect(bia.value).toBe('18');
  });
});

/** A promise resolved when the test says so. */
