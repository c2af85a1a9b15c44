import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { WorkspaceState } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      listIdentities: vi.fn(async () => []),
      openEngagement: vi.fn(),
      chooseEngagementFile: vi.fn(),
      openChosenEngagement: vi.fn(),
      createEngagement: vi.fn(),
      chooseNewEngagementPath: vi.fn(),
      proposeEngagementPath: vi.fn(),
    },
  };
});

import { api } from '$lib/api';
import { session } from '$lib/session.svelte';
import EngagementsPage from './EngagementsPage.svelte';

const details = { organisation: 'Harbour Logistics', scope: '', facilitator: 'Erin', start_date: null, end_date: null };
const state = (path: string | null): WorkspaceState =>
  ({
    current: path ? { path, details } : null,
    recent: [{ path: '/e/Harbour.keel', organisation: 'Harbour Logistics', opened_at: '2026-11-25T09:00:00Z', available: true }],
    facilitator_name: 'Erin',
    engagements_dir: '/e',
    startup_problem: null,
  }) as unknown as WorkspaceState;

describe('EngagementsPage', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    session.apply(state(null));
  });

  it('says which file it is opening while a large one opens, then shows it', async () => {
    let done: (s: WorkspaceState) => void = () => {};
    vi.mocked(api.openEngagement).mockReturnValueOnce(new Promise((resolve) => (done = resolve)));
    render(EngagementsPage);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Harbour Logistics/ }));
    expect(api.openEngagement).toHaveBeenCalledWith('/e/Harbour.keel');
    expect((await screen.findByRole('status')).textContent).toContain('Opening /e/Harbour.keel');
    expect((screen.getByRole('button', { name: 'Open a file…' }) as HTMLButtonElement).disabled).toBe(true);
    done(state('/e/Harbour.keel'));
    await vi.waitFor(() => expect(session.page).toBe('overview'));
  });

  it('opens a file chosen in the dialog by its id, never by a path it makes up', async () => {
    vi.mocked(api.chooseEngagementFile).mockResolvedValue({ id: 11, path: '/mail/Received.keel' });
    vi.mocked(api.openChosenEngagement).mockResolvedValue(state('/mail/Received.keel'));
    render(EngagementsPage);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open a file…' }));
    await vi.waitFor(() => expect(api.openChosenEngagement).toHaveBeenCalledWith(11));
    expect(api.openEngagement).not.toHaveBeenCalled();
  });
});
