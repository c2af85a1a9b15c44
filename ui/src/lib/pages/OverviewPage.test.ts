import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { WorkspaceState } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: { updateDetails: vi.fn(), workspaceState: vi.fn(), engagementInfo: vi.fn(), listPlans: vi.fn() },
  };
});

import { api, KeelError } from '$lib/api';
import { session } from '$lib/session.svelte';
import OverviewPage from './OverviewPage.svelte';

const workspace: WorkspaceState = {
  current: {
    path: '/x/acme.keel',
    details: { organisation: 'Acme', scope: '', facilitator: 'Ana', start_date: null, end_date: null },
  },
  recent: [],
  facilitator_name: 'Ana',
  engagements_dir: '/x',
  startup_problem: null,
};

describe('OverviewPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    session.apply(workspace);
    vi.mocked(api.engagementInfo).mockResolvedValue({
      path: '/x/acme.keel',
      organisation: 'Acme',
      schema_version: 1,
      integrity: 'ok',
      integrity_detail: [],
      units: 2,
      activities: 5,
      audit_entries: 9,
    });
    vi.mocked(api.workspaceState).mockResolvedValue(workspace);
  });

  it('saves a field when it is left', async () => {
    vi.mocked(api.updateDetails).mockImplementation(async (input) => ({ ...workspace.current!.details, ...input, start_date: null, end_date: null }));
    render(OverviewPage);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Scope statement'), 'Head office only');
    expect(api.updateDetails).not.toHaveBeenCalled();
    await user.tab();

    expect(api.updateDetails).toHaveBeenCalledWith(expect.objectContaining({ organisation: 'Acme', scope: 'Head office only' }));
    expect(await screen.findByText('All changes saved')).toBeTruthy();
  });

  it('shows a refused date at its field and says the change is not saved', async () => {
    vi.mocked(api.updateDetails).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { start_date: 'Start date must be a date written as YYYY-MM-DD, e.g. 2026-03-31.' } }),
    );
    render(OverviewPage);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Start date'), '31/03/2026');
    await user.tab();

    expect((await screen.findByRole('alert')).textContent).toContain('YYYY-MM-DD');
    expect(screen.getByTestId('save-state').textContent).toContain('Not saved');
    expect((screen.getByLabelText('Start date') as HTMLInputElement).value).toBe('31/03/2026');
  });

  it('shows the counts of the engagement', async () => {
    render(OverviewPage);
    expect(await screen.findByText('5')).toBeTruthy();
    expect(screen.getByText('activities')).toBeTruthy();
  });
});
