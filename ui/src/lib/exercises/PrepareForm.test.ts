import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: { listPeople: vi.fn(), listPlans: vi.fn(), listActivities: vi.fn(), listResources: vi.fn(), newExercise: vi.fn() },
  };
});

import { api, type PlanSummary } from '$lib/api';
import { session } from '$lib/session.svelte';
import { runningExercise } from './fixtures';
import { preparing } from './prepare.svelte';
import PrepareForm from './PrepareForm.svelte';

const plan: PlanSummary = {
  id: 3,
  title: 'Warehouse plan',
  template: 'iso22301',
  state: 'approved',
  version: 2,
  approved_version: 2,
  approved_at: '2026-01-01T00:00:00Z',
  sha256: null,
  next_review: null,
  overdue: false,
};

function openFile(path: string) {
  session.apply({
    current: { path, details: { organisation: 'Acme', scope: '', facilitator: 'Ana', start_date: null, end_date: null } },
    recent: [],
    facilitator_name: 'Ana',
    engagements_dir: '/x',
    startup_problem: null,
  });
}

describe('PrepareForm', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listPeople).mockResolvedValue([]);
    vi.mocked(api.listPlans).mockResolvedValue([plan]);
    vi.mocked(api.listActivities).mockResolvedValue([]);
    vi.mocked(api.listResources).mockResolvedValue([]);
    vi.mocked(api.newExercise).mockResolvedValue(runningExercise(9));
  });

  // The draft was one for the whole session: the plans picked in file A were sent to file B.
  it('keeps what is typed across a remount, for its own engagement file only', async () => {
    const user = userEvent.setup();
    openFile('/x/a-prepare.keel');
    const a = render(PrepareForm, { onprepared: () => {} });
    await user.type(screen.getByLabelText('Title'), 'WMS outage tabletop');
    await user.click(await screen.findByRole('checkbox', { name: /Warehouse plan/ }));
    a.unmount();

    render(PrepareForm, { onprepared: () => {} }).unmount();
    const again = render(PrepareForm, { onprepared: () => {} });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('WMS outage tabletop');
    expect(((await screen.findByRole('checkbox', { name: /Warehouse plan/ })) as HTMLInputElement).checked).toBe(true);
    again.unmount();

    openFile('/x/b-prepare.keel');
    const onprepared = vi.fn();
    const b = render(PrepareForm, { onprepared });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
    expect(((await screen.findByRole('checkbox', { name: /Warehouse plan/ })) as HTMLInputElement).checked).toBe(false);
    await user.type(screen.getByLabelText('Title'), 'Flood walkthrough');
    await user.click(screen.getByTestId('prepare-submit'));
    expect(api.newExercise).toHaveBeenCalledWith(expect.objectContaining({ title: 'Flood walkthrough', plans: [], lost: [] }));
    expect(onprepared).toHaveBeenCalledWith(9);
    expect(preparing().draft.title).toBe('');
    b.unmount();

    openFile('/x/a-prepare.keel');
    expect(preparing().draft).toEqual(expect.objectContaining({ title: 'WMS outage tabletop', plans: [3] }));
  });
});
