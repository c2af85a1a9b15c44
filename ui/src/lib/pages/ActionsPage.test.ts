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
import ActionsPage from './ActionsPage.svelte';

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

  it('sends any other status at once', async () => {
    vi.mocked(api.updateAction).mockResolvedValue({ ...open, status: 'done' });
    render(ActionsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(api.updateAction).toHaveBeenCalledWith(4, expect.objectContaining({ status: 'done', accepted_by: null }));
  });
});
