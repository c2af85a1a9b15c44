import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { EngagementInfo, WorkspaceState } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      updateDetails: vi.fn(),
      workspaceState: vi.fn(),
      engagementInfo: vi.fn(),
      listPlans: vi.fn(),
      engagementProgress: vi.fn(),
      reviewItems: vi.fn(),
    },
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

const info: EngagementInfo = {
  path: '/x/acme.keel',
  organisation: 'Acme',
  schema_version: 1,
  integrity: 'ok',
  integrity_detail: [],
  units: 2,
  activities: 5,
  audit_entries: 9,
};

describe('OverviewPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    session.apply(workspace);
    vi.mocked(api.engagementInfo).mockResolvedValue(info);
    vi.mocked(api.workspaceState).mockResolvedValue(workspace);
    vi.mocked(api.reviewItems).mockResolvedValue({ today: '2026-03-02', items: [], counts: [], programme: [] });
  });

  it('shows the review counts and the three most urgent items, each a link to where it is fixed', async () => {
    const item = (id: number, severity: 'critical' | 'high' | 'low', kind: 'plan_finding' | 'action_overdue' = 'action_overdue') => ({
      kind,
      subject: { type: 'action' as const, id, name: `Action ${id}` },
      due: '2026-02-01',
      why: `Why ${id}.`,
      severity,
      link: { page: 'actions' as const, id },
    });
    vi.mocked(api.reviewItems).mockResolvedValue({
      today: '2026-03-02',
      items: [item(1, 'critical', 'plan_finding'), item(2, 'high'), item(3, 'high'), item(4, 'low')],
      counts: [
        { kind: 'plan_finding', label: 'Plans approved before a finding', count: 1 },
        { kind: 'action_overdue', label: 'Overdue actions', count: 3 },
      ],
      programme: [],
    });
    render(OverviewPage);
    const urgent = await screen.findAllByTestId('urgent-item');
    expect(urgent.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Action 1'),
      expect.stringContaining('Action 2'),
      expect.stringContaining('Action 3'),
    ]);
    expect(screen.getByTestId('review-counts').textContent).toContain('Overdue actions: 3');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Action 2' }));
    expect(session.page).toBe('actions');
    expect(session.arrival).toEqual({ page: 'actions', actionId: 2 });
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

  it('keeps a field saved while the page was still reading its figures, and sends it again on the next save', async () => {
    // The figures answer only when the test says so: the save is then half done.
    let figures: () => void = () => {};
    vi.mocked(api.engagementInfo).mockReturnValueOnce(new Promise((resolve) => (figures = () => resolve(info))));
    let state: (s: WorkspaceState) => void = () => {};
    vi.mocked(api.workspaceState).mockReturnValueOnce(new Promise((resolve) => (state = resolve)));
    vi.mocked(api.updateDetails).mockImplementation(async (input) => ({ ...input, start_date: null, end_date: null }));
    render(OverviewPage);
    const user = userEvent.setup();
    const organisation = screen.getByLabelText('Organisation') as HTMLInputElement;
    await user.clear(organisation);
    await user.type(organisation, 'Acme Freight');
    await user.tab();
    await vi.waitFor(() => expect(api.workspaceState).toHaveBeenCalled());

    // The figures arrive between the save and the new workspace state.
    figures();
    await new Promise((resolve) => setTimeout(resolve, 0)); // load() has finished
    const details = { ...workspace.current!.details, organisation: 'Acme Freight' };
    state({ ...workspace, current: { ...workspace.current!, details } });

    expect(await screen.findByText('All changes saved')).toBeTruthy();
    expect(organisation.value).toBe('Acme Freight');
    await user.type(screen.getByLabelText('Scope statement'), 'Head office');
    await user.tab();
    expect(api.updateDetails).toHaveBeenLastCalledWith(expect.objectContaining({ organisation: 'Acme Freight', scope: 'Head office' }));
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
