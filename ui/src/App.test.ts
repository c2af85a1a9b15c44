import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { WorkspaceState } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: {
      workspaceState: vi.fn(),
      onCloseRequested: vi.fn(async () => () => {}),
      closeEditingRuns: vi.fn(async () => {}),
      listIdentities: vi.fn(async () => []),
      unresolvedCount: vi.fn(async () => 0),
    },
  };
});

import { api } from '$lib/api';
import App from './App.svelte';

describe('App', () => {
  it('shows no page until the workspace is read, then the engagements page with the stored name', async () => {
    let read: (state: WorkspaceState) => void = () => {};
    vi.mocked(api.workspaceState).mockReturnValueOnce(new Promise((resolve) => (read = resolve)));
    render(App);
    expect(screen.getByText('Opening…')).toBeTruthy();
    expect(document.getElementById('facilitator-name')).toBeNull();

    read({ current: null, recent: [], facilitator_name: 'Erin Ortiz', engagements_dir: '/e', startup_problem: null });
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    expect(name.value).toBe('Erin Ortiz');
    expect(screen.queryByText('Opening…')).toBeNull();
  });
});
