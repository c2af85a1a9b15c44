import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { Action } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      listActions: vi.fn(),
      listPeople: vi.fn(),
      listPlans: vi.fn(),
      listFindings: vi.fn(),
      listIncidents: vi.fn(),
      updateAction: vi.fn(),
      addAction: vi.fn(),
    },
  };
});

import { api, KeelError } from '$lib/api';
import { session } from '$lib/session.svelte';
import ActionsPage from './ActionsPage.svelte';

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

const open: Action = {
  id: 4,
  title: 'Second generator',
  description: '',
  owner_id: 2,
  owner: 'Gemma Lowe',
  due: '2020-01-31',
  status: 'open',
  source: 'plan_review',
  finding_id: null,
  event_id: null,
  plan_id: 1,
  plan_title: 'Warehouse plan',
  done_at: null,
  verified_version: null,
  accepted_by: '',
  accepted_why: '',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('ActionsPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listActions).mockResolvedValue([open]);
    vi.mocked(api.listPeople).mockResolvedValue([]);
    vi.mocked(api.listPlans).mockResolvedValue([]);
    vi.mocked(api.listFindings).mockResolvedValue([]);
    vi.mocked(api.listIncidents).mockResolvedValue([]);
    openFile(`/x/actions-${++files}.keel`);
  });

  it('lists actions by owner, an overdue one marked', async () => {
    render(ActionsPage);
    expect(await screen.findByText('Second generator')).toBeTruthy();
    expect(screen.getByText('Gemma Lowe')).toBeTruthy();
    expect(screen.getByText(/overdue/)).toBeTruthy();
  });

  it('asks who accepted a risk and why before sending it, and shows a refusal at its field', async () => {
    vi.mocked(api.updateAction).mockRejectedValueOnce(
      new KeelError({ code: 'validation', message: 'Say why.', fields: { accepted_why: 'Say why the risk is accepted.' } }),
    );
    vi.mocked(api.updateAction).mockResolvedValueOnce({ ...open, status: 'risk_accepted', accepted_by: 'Morgan', accepted_why: 'Closing' });
    render(ActionsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Accept risk' }));
    expect(api.updateAction).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Accepted by'), 'Morgan');
    await user.click(screen.getByRole('button', { name: 'Accept the risk' }));
    expect(api.updateAction).toHaveBeenCalledWith(4, expect.objectContaining({ status: 'risk_accepted', accepted_by: 'Morgan', accepted_why: '' }));
    expect(await screen.findByText('Say why the risk is accepted.')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Why/), 'Closing');
    await user.keyboard('{Enter}');
    expect(api.updateAction).toHaveBeenLastCalledWith(4, expect.objectContaining({ accepted_why: 'Closing' }));
  });

  it('says beside the action why it cannot be verified, with the way to its plan', async () => {
    const done: Action = { ...open, status: 'done', done_at: '2026-11-20T10:00:00Z' };
    vi.mocked(api.listActions).mockResolvedValue([done]);
    vi.mocked(api.updateAction).mockRejectedValue(
      new KeelError({ code: 'conflict', message: '“Second generator” can be verified once Warehouse plan has a version approved after the action was done (2026-11-20).', fields: {} }),
    );
    render(ActionsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Verify' }));
    const said = await screen.findByTestId('action-refused');
    expect(said.textContent).toContain('can be verified once Warehouse plan');
    await user.click(screen.getByRole('button', { name: 'Open the plan' }));
    expect(session.page).toBe('plans');
  });

  it('sends any other status at once', async () => {
    vi.mocked(api.updateAction).mockResolvedValue({ ...open, status: 'done' });
    render(ActionsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(api.updateAction).toHaveBeenCalledWith(4, expect.objectContaining({ status: 'done', accepted_by: null }));
  });

  // The new action and the risk's who and why were the page's own: Alt+R and back lost them.
  it('keeps a new action and a risk being accepted across a page change, for their own file only', async () => {
    const user = userEvent.setup();
    const path = `/x/actions-${files}.keel`;
    const first = render(ActionsPage);
    await user.click(screen.getByRole('button', { name: 'New action' }));
    await user.type(screen.getByLabelText('Title'), 'Test the generator');
    await user.type(screen.getByLabelText('Due'), 'next Friday');
    await user.click(await screen.findByRole('button', { name: 'Accept risk' }));
    await user.type(screen.getByLabelText('Accepted by'), 'Morgan Hale');
    await user.type(screen.getByLabelText(/^Why/), 'Second site covers it');
    first.unmount();

    const back = render(ActionsPage);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Test the generator');
    expect((screen.getByLabelText('Due') as HTMLInputElement).value).toBe('next Friday');
    await screen.findByText('Second generator');
    expect((screen.getByLabelText('Accepted by') as HTMLInputElement).value).toBe('Morgan Hale');
    expect((screen.getByLabelText(/^Why/) as HTMLInputElement).value).toBe('Second site covers it');
    // Cancel closes the form without losing what was typed.
    await user.click(screen.getAllByRole('button', { name: 'Cancel' })[0]);
    await user.click(screen.getByRole('button', { name: 'New action' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Test the generator');
    back.unmount();

    openFile('/x/another-actions.keel');
    const other = render(ActionsPage);
    await screen.findByText('Second generator');
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(screen.queryByLabelText('Accepted by')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New action' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
    other.unmount();

    openFile(path);
    render(ActionsPage);
    await screen.findByText('Second generator');
    expect((screen.getByLabelText('Accepted by') as HTMLInputElement).value).toBe('Morgan Hale');
  });

  it('keeps a refused new action as typed and flagged, and starts afresh once it is added', async () => {
    vi.mocked(api.addAction).mockRejectedValueOnce(
      new KeelError({ code: 'validation', message: 'no', fields: { due: 'Type the due date as YYYY-MM-DD.' } }),
    );
    vi.mocked(api.addAction).mockResolvedValueOnce({ ...open, id: 5, title: 'Test the generator' });
    const user = userEvent.setup();
    const first = render(ActionsPage);
    await user.click(screen.getByRole('button', { name: 'New action' }));
    await user.type(screen.getByLabelText('Title'), 'Test the generator');
    await user.type(screen.getByLabelText('Due'), 'next Friday{Enter}');
    expect(await screen.findByText('Type the due date as YYYY-MM-DD.')).toBeTruthy();
    first.unmount();

    render(ActionsPage);
    const due = screen.getByLabelText(/^Due/) as HTMLInputElement;
    expect(due.value).toBe('next Friday');
    expect(due.getAttribute('aria-invalid')).toBe('true');
    await user.clear(due);
    await user.type(due, '2026-06-01{Enter}');
    expect(api.addAction).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Test the generator', due: '2026-06-01' }));
    await vi.waitFor(() => expect(screen.queryByLabelText('Title')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'New action' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
  });
});
