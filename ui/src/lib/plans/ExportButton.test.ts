import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { choosePdfPath: vi.fn(), exportPlan: vi.fn(), openExportedPdf: vi.fn(), listIdentities: vi.fn() } };
});

import { api } from '$lib/api';
import ExportButton from './ExportButton.svelte';

describe('ExportButton', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listIdentities).mockResolvedValue([{ id: 'erin-1', name: 'Erin Example', kind: 'self_signed', created_at: '2026-11-25T10:00:00Z' }]);
  });

  it('asks where, exports that version, says what it wrote and opens it', async () => {
    vi.mocked(api.choosePdfPath).mockResolvedValue({ id: 3, path: '/tmp/plan.pdf' });
    vi.mocked(api.exportPlan).mockResolvedValue({ path: '/tmp/plan.pdf', pages: 12, version: 2, sha256: 'ab', missing: ['ཀ'], signed_by: 'Erin Example' });
    vi.mocked(api.openExportedPdf).mockResolvedValue(null);
    const user = userEvent.setup();
    render(ExportButton, { planId: 7, version: 2, title: 'Warehouse: plan/1' });
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }));
    await user.selectOptions(await screen.findByLabelText('Sign with'), 'erin-1');
    const save = screen.getByRole('button', { name: 'Save as…' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Passphrase of the signing identity'), 'correct horse');
    await user.click(save);
    expect(api.choosePdfPath).toHaveBeenCalledWith('Warehouse plan1 v2.pdf');
    expect(api.exportPlan).toHaveBeenCalledWith(7, 2, 3, { identity_id: 'erin-1', passphrase: 'correct horse' });
    expect(await screen.findByText(/12 pages written to/)).toBeTruthy();
    expect(screen.getByText(/signed by Erin Example/)).toBeTruthy();
    expect(screen.getByText(/No shipped font has ཀ/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open the PDF' }));
    expect(api.openExportedPdf).toHaveBeenCalledOnce();
  });

  it('does nothing when the save dialog is cancelled', async () => {
    vi.mocked(api.choosePdfPath).mockResolvedValue(null);
    render(ExportButton, { planId: 7, title: 'Plan' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }));
    await user.click(await screen.findByRole('button', { name: 'Save as…' }));
    expect(api.choosePdfPath).toHaveBeenCalledWith('Plan.pdf');
    expect(api.exportPlan).not.toHaveBeenCalled();
  });
});
