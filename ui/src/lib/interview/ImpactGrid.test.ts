import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { BiaSettings, InterviewView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { editInterview: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import ImpactGrid from './ImpactGrid.svelte';
import { InterviewState } from './state.svelte';

const settings: BiaSettings = {
  categories: [{ id: 1, name: 'Financial', monetary: false, levels: ['a', 'b', 'c', 'd', 'e', 'f'] }],
  buckets: [
    { id: 1, after: 60 },
    { id: 2, after: 240 },
  ],
  unacceptable_rating: 4,
  tiers: [{ tier: 1, max_rto: null }],
  currency: 'EUR',
  date_order: null,
};

function view(): InterviewView {
  return {
    activity: { id: 7, name: 'Payroll', unit_id: null, unit_name: null, owner: '', description: '', products_services: [] },
    interview: { activity_id: 7, ratings: [], unresolved: [], parked: [], interviewees: [] },
    proposal: null,
    falls: [],
  } as unknown as InterviewView;
}

describe('ImpactGrid', () => {
  beforeEach(() => vi.clearAllMocks());

  // The reason asked for a refused fall was saved with the cell the cursor had moved to.
  it('asks for the reason of a fall for the cell rated, even once the cursor has moved on', async () => {
    let refuse!: (error: unknown) => void;
    vi.mocked(api.editInterview)
      .mockReturnValueOnce(new Promise((_, reject) => (refuse = reject)))
      .mockResolvedValue(view());
    const model = new InterviewState(7);
    model.settings = settings;
    model.view = view();
    render(ImpactGrid, { model });
    const user = userEvent.setup();
    document.querySelector<HTMLElement>('[data-cell="0:0"]')!.focus();
    await user.keyboard('3');
    await user.keyboard('{ArrowRight}');
    refuse(new KeelError({ code: 'validation', message: 'x', fields: { rationale: 'Say why it falls.' } }));
    const why = await screen.findByLabelText(/Why — Financial after 1h/);
    await user.type(why, 'Month end{Enter}');
    expect(api.editInterview).toHaveBeenLastCalledWith(7, [
      { kind: 'rating', category_id: 1, bucket_id: 1, rating: 3, rationale: 'Month end' },
    ]);
  });
});
