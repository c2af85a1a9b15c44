import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ApproverRow, PlanView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { editPlan: vi.fn(), submitPlan: vi.fn(), withdrawPlan: vi.fn(), approvePlan: vi.fn() } };
});

import { api } from '$lib/api';
import SignOffTab from './SignOffTab.svelte';

function plan(approvers: ApproverRow[]): PlanView {
  return {
    summary: { id: 7, title: 'Plan', template: 'iso22301', state: 'draft', version: 1, approved_version: null, approved_at: null, sha256: null, next_review: null, overdue: false },
    content: { approvers },
    approvals: [],
    check: [],
  } as unknown as PlanView;
}

/** The tab as the plan editor holds it: each answer becomes the view. */
function renderTab(view: PlanView) {
  const onview = vi.fn((next: PlanView) => void tab.rerender({ view: next }));
  const tab = render(SignOffTab, { view, locked: false, onview });
  return onview;
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('SignOffTab', () => {
  beforeEach(() => vi.clearAllMocks());

  // The answer reset the rows from the saved approvers: a row added and being typed in
  // after Save was pressed disappeared.
  it('keeps an approver typed while the save is answered', async () => {
    let answer!: (view: PlanView) => void;
    vi.mocked(api.editPlan).mockReturnValue(new Promise((r) => (answer = r)));
    const user = userEvent.setup();
    const onview = renderTab(plan([]));
    await user.click(screen.getByText('Add an approver'));
    await user.type(screen.getByLabelText('Approver 1 name'), 'Ana');
    await user.click(screen.getByText('Save approvers'));
    expect(api.editPlan).toHaveBeenCalledWith(7, { type: 'approvers', approvers: [{ name: 'Ana', role: '' }] });
    await user.click(screen.getByText('Add an approver'));
    await user.type(screen.getByLabelText('Approver 2 name'), 'Bo');
    answer(plan([{ name: 'Ana', role: '' }]));
    await vi.waitFor(() => expect(onview).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(value('Approver 1 name')).toBe('Ana');
    expect(value('Approver 2 name')).toBe('Bo');
  });

  it('shows the approvers as saved when nothing was typed since', async () => {
    vi.mocked(api.editPlan).mockResolvedValue(plan([{ name: 'Ana Lopez', role: 'Director' }]));
    const user = userEvent.setup();
    renderTab(plan([]));
    await user.click(screen.getByText('Add an approver'));
    await user.type(screen.getByLabelText('Approver 1 name'), 'Ana Lopez');
    await user.click(screen.getByText('Add an approver'));
    await user.click(screen.getByText('Save approvers'));
    await vi.waitFor(() => expect(value('Approver 1 role')).toBe('Director'));
    expect(screen.queryByLabelText('Approver 2 name')).toBeNull();
  });
});
