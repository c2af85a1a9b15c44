import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { PlanView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      editPlan: vi.fn(),
      listPeople: vi.fn(async () => [
        { id: 1, name: 'Tom Whitaker', role: 'Warehouse Manager', phone: '', phone_alt: '', email: '', location: '', last_verified: null },
        { id: 2, name: 'Gemma Lowe', role: 'Deputy', phone: '', phone_alt: '', email: '', location: '', last_verified: null },
      ]),
    },
  };
});

import { api, KeelError } from '$lib/api';
import InvocationTab from './InvocationTab.svelte';

function plan(): PlanView {
  return {
    summary: { id: 7, title: 'Plan', template: 'iso22301', state: 'draft', version: 1, approved_version: null, approved_at: null, sha256: null, next_review: null, overdue: false },
    criteria: [],
    invokers: [],
  } as unknown as PlanView;
}

describe('InvocationTab', () => {
  beforeEach(() => vi.clearAllMocks());

  it('saves the criteria and who may invoke, with the alternate', async () => {
    vi.mocked(api.editPlan).mockImplementation(async () => plan());
    const user = userEvent.setup();
    render(InvocationTab, { view: plan(), locked: false, onview: vi.fn() });
    await user.click(screen.getByText('Add a criterion'));
    await user.keyboard('The site cannot be used');
    await user.type(screen.getByLabelText('Criterion 1 threshold'), '2h');
    await screen.findByText('Add someone');
    await vi.waitFor(() => expect(api.listPeople).toHaveBeenCalled());
    await user.click(screen.getByText('Add someone'));
    await user.selectOptions(screen.getByLabelText('Alternate of row 1'), '2');
    await user.click(screen.getByText('Save invocation'));
    expect(api.editPlan).toHaveBeenCalledWith(7, {
      type: 'invocation',
      criteria: [{ text: 'The site cannot be used', threshold: '2h' }],
      invokers: [{ person_id: 1, role: '', alternate_id: 2 }],
    });
  });

  it('keeps a refused threshold as typed, with the message beside it', async () => {
    vi.mocked(api.editPlan).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { 'criteria.0.threshold': '“soon” is not a duration.' } }),
    );
    const user = userEvent.setup();
    render(InvocationTab, { view: plan(), locked: false, onview: vi.fn() });
    await user.click(screen.getByText('Add a criterion'));
    await user.keyboard('Power is out');
    await user.type(screen.getByLabelText('Criterion 1 threshold'), 'soon');
    await user.click(screen.getByText('Save invocation'));
    expect(await screen.findByText('“soon” is not a duration.')).toBeTruthy();
    expect((screen.getByLabelText('Criterion 1 threshold') as HTMLInputElement).value).toBe('soon');
  });

  // The answer put the saved criteria back over what was typed after Save was pressed.
  it('keeps what is typed while the save is answered', async () => {
    let answer!: (view: PlanView) => void;
    vi.mocked(api.editPlan).mockReturnValue(new Promise((r) => (answer = r)));
    const user = userEvent.setup();
    const onview = vi.fn();
    render(InvocationTab, { view: plan(), locked: false, onview });
    await user.click(screen.getByText('Add a criterion'));
    await user.keyboard('Power is out');
    await user.click(screen.getByText('Save invocation'));
    await user.type(screen.getByLabelText('Criterion 1'), ' for a day');
    answer({ ...plan(), criteria: [{ text: 'Power is out', threshold: '' }] } as PlanView);
    await vi.waitFor(() => expect(onview).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect((screen.getByLabelText('Criterion 1') as HTMLInputElement).value).toBe('Power is out for a day');
  });

  it('shows the criteria as saved when nothing was typed since', async () => {
    vi.mocked(api.editPlan).mockImplementation(async () => ({ ...plan(), criteria: [{ text: 'Power is out', threshold: '2h' }] }) as PlanView);
    const user = userEvent.setup();
    render(InvocationTab, { view: plan(), locked: false, onview: vi.fn() });
    await user.click(screen.getByText('Add a criterion'));
    await user.keyboard('Power is out');
    await user.type(screen.getByLabelText('Criterion 1 threshold'), '2 hours');
    await user.click(screen.getByText('Save invocation'));
    await vi.waitFor(() => expect((screen.getByLabelText('Criterion 1 threshold') as HTMLInputElement).value).toBe('2h'));
  });
});
