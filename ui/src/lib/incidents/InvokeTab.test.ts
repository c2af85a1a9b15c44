import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: { listPlans: vi.fn(), listPeople: vi.fn(), frozenPlanVersion: vi.fn(), recordIncident: vi.fn() },
  };
});

import { api, KeelError, type FrozenVersion } from '$lib/api';
import { openBoard } from './fixtures';
import { IncidentState } from './incident.svelte';
import InvokeTab from './InvokeTab.svelte';

const frozen = {
  version: 1,
  state: 'approved',
  sha256: 'c'.repeat(64),
  content: {
    invocation_criteria: [{ text: 'The warehouse cannot be used', threshold_min: 120 }],
    invokers: [{ name: 'Tom Whitaker', role: 'Warehouse Manager', alternate: 'Gemma Lowe' }],
    contacts: [],
  },
} as unknown as FrozenVersion;

function incident() {
  const state = new IncidentState(3);
  state.take(openBoard());
  return state;
}

describe('InvokeTab', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listPlans).mockResolvedValue([
      {
        id: 1,
        title: 'Halifax warehouse continuity plan',
        template: 'iso22301',
        state: 'draft',
        version: 2,
        approved_version: 1,
        approved_at: '2026-11-01T10:00:00Z',
        sha256: 'c'.repeat(64),
        next_review: null,
        overdue: false,
      },
    ]);
    vi.mocked(api.listPeople).mockResolvedValue([]);
    vi.mocked(api.frozenPlanVersion).mockResolvedValue(frozen);
  });

  it('offers the approved version, says a later draft is not used, and lists its criteria', async () => {
    render(InvokeTab, { incident: incident() });
    expect((await screen.findByTestId('version-to-invoke')).textContent).toMatch(
      /Version 1 will be invoked, as approved.*Version 2 is a draft: the approved version 1 is used\./s,
    );
    expect(api.frozenPlanVersion).toHaveBeenCalledWith(1, 1);
    expect(screen.getByLabelText('The warehouse cannot be used (expected to last longer than 2h)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invoke version 1' })).toBeTruthy();
  });

  it('shows the criteria of the plan picked last, even when an earlier pick answers later', async () => {
    const summary = (await api.listPlans())[0];
    vi.mocked(api.listPlans).mockResolvedValue([summary, { ...summary, id: 2, title: 'Head office plan' }]);
    let first: (v: FrozenVersion) => void = () => {};
    vi.mocked(api.frozenPlanVersion).mockReturnValueOnce(new Promise((resolve) => (first = resolve)));
    const office = { ...frozen, content: { ...frozen.content, invocation_criteria: [{ text: 'The office cannot be used', threshold_min: null }] } };
    vi.mocked(api.frozenPlanVersion).mockResolvedValueOnce(office as FrozenVersion);
    render(InvokeTab, { incident: incident() });
    await vi.waitFor(() => expect(api.frozenPlanVersion).toHaveBeenCalledWith(1, 1));
    await userEvent.setup().click(screen.getByRole('radio', { name: /Head office plan/ }));
    expect(await screen.findByLabelText(/The office cannot be used/)).toBeTruthy();

    first(frozen);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByLabelText(/The warehouse cannot be used/)).toBeNull();
    expect(screen.getByLabelText(/The office cannot be used/)).toBeTruthy();
  });

  it('asks a reason of an invoker the version does not name, and keeps it when the core refuses', async () => {
    vi.mocked(api.recordIncident).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { reason: 'The reason is too long.' } }),
    );
    render(InvokeTab, { incident: incident() });
    const user = userEvent.setup();
    const invoker = await screen.findByLabelText('Invoked by');
    await user.clear(invoker);
    await user.type(invoker, 'Tom Whitaker');
    expect(screen.queryByLabelText('Reason for invoking without authority')).toBeNull();
    await user.clear(invoker);
    await user.type(invoker, 'Erin Example');
    const reason = await screen.findByLabelText('Reason for invoking without authority');
    await user.type(reason, 'Tom is unreachable and the site is under water');
    await user.click(screen.getByLabelText(/The warehouse cannot be used/));
    await user.click(screen.getByRole('button', { name: 'Invoke version 1' }));
    expect(api.recordIncident).toHaveBeenCalledWith(3, {
      type: 'invoke',
      plan_id: 1,
      invoker: 'Erin Example',
      criteria: [1],
      reason: 'Tom is unreachable and the site is under water',
    }, null);
    expect(await screen.findByText('The reason is too long.')).toBeTruthy();
    expect((reason as HTMLTextAreaElement).value).toBe('Tom is unreachable and the site is under water');
  });

  it('shows an invocation without authority as such, with its reason', async () => {
    const state = new IncidentState(3);
    state.take(
      openBoard({
        state: 'invoked',
        plans: [
          {
            plan_id: 1,
            title: 'Halifax warehouse continuity plan',
            version: 1,
            sha256: 'c'.repeat(64),
            draft_version: 2,
            invoked_at: '2026-11-30T08:30:00Z',
            invoker: 'Erin Example',
            authority: { type: 'without_authority', reason: 'Tom is unreachable' },
            criteria: [{ number: 1, text: 'The warehouse cannot be used', met: true }],
            calls: [],
            steps: [],
          },
        ],
      }),
    );
    render(InvokeTab, { incident: state });
    expect((await screen.findByTestId('without-authority')).textContent).toBe('WITHOUT AUTHORITY');
    expect(screen.getByText('Reason: Tom is unreachable')).toBeTruthy();
    expect(screen.getByText(/Version 2 was a draft and was not invoked/)).toBeTruthy();
  });
});
