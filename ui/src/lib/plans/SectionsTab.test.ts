import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { PlanView, SectionView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { editPlan: vi.fn(), openLink: vi.fn(), settled: vi.fn(async () => {}) } };
});

import { api } from '$lib/api';
import { saves } from '$lib/saves.svelte';
import SectionsTab from './SectionsTab.svelte';

function section(key: string, body: string): SectionView {
  return { key, title: key.toUpperCase(), guidance: '', written: true, generated: [], body, html: body ? `<p>${body}</p>` : '' };
}

function plan(id: number, purpose: string): PlanView {
  return {
    summary: { id, title: `Plan ${id}`, template: 'iso22301', state: 'draft', version: 1, approved_version: null, approved_at: null, sha256: null, next_review: null, overdue: false },
    sections: [section('purpose', purpose), section('activation', '')],
  } as unknown as PlanView;
}

describe('SectionsTab', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.editPlan).mockImplementation(async (id) => plan(id, 'saved'));
  });

  it('saves what was typed when another section is opened at once', async () => {
    const user = userEvent.setup();
    const onview = vi.fn();
    const { rerender } = render(SectionsTab, { view: plan(1, ''), locked: false, selected: 'purpose', onview });
    await user.type(screen.getByLabelText('PURPOSE (Markdown)'), 'Keep shipping.');
    await rerender({ view: plan(1, ''), locked: false, selected: 'activation', onview });
    expect(api.editPlan).toHaveBeenCalledWith(1, { type: 'section', key: 'purpose', body: 'Keep shipping.' });
    expect((screen.getByLabelText('ACTIVATION (Markdown)') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the text of the plan opened, not of the one before', async () => {
    const onview = vi.fn();
    const { rerender } = render(SectionsTab, { view: plan(1, 'First plan text'), locked: false, selected: 'purpose', onview });
    expect((screen.getByLabelText('PURPOSE (Markdown)') as HTMLTextAreaElement).value).toBe('First plan text');
    await rerender({ view: plan(2, ''), locked: false, selected: 'purpose', onview });
    expect((screen.getByLabelText('PURPOSE (Markdown)') as HTMLTextAreaElement).value).toBe('');
    expect(api.editPlan).not.toHaveBeenCalled();
  });

  it('shows an approved version read-only', () => {
    render(SectionsTab, { view: plan(1, 'Frozen text'), locked: true, selected: 'purpose', onview: vi.fn() });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('section-preview').innerHTML).toContain('Frozen text');
  });

  it('opens a link of the preview in the browser, not in the window', async () => {
    const view = plan(1, 'See the runbook');
    view.sections[0].html = '<p>See <a href="https://intranet.example/runbook">the runbook</a></p>';
    render(SectionsTab, { view, locked: false, selected: 'purpose', onview: vi.fn() });
    const link = screen.getByRole('link', { name: 'the runbook' });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(api.openLink).toHaveBeenCalledWith('https://intranet.example/runbook');
  });

  it('is not saved while text waits on its delay, and the close of the window sends it', async () => {
    const user = userEvent.setup();
    render(SectionsTab, { view: plan(1, ''), locked: false, selected: 'purpose', onview: vi.fn() });
    await user.type(screen.getByLabelText('PURPOSE (Markdown)'), 'Call the depot.');
    expect(saves.status).toBe('saving');
    expect(api.editPlan).not.toHaveBeenCalled();
    await saves.flushAll();
    expect(api.editPlan).toHaveBeenCalledWith(1, { type: 'section', key: 'purpose', body: 'Call the depot.' });
    await vi.waitFor(() => expect(saves.status).toBe('saved'));
  });
});
