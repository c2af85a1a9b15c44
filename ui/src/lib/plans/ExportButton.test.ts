import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { choosePdfPath: vi.fn(), exportPlan: vi.fn(), openExportedPdf: vi.fn() } };
});

import { api } from '$lib/api';
import ExportButton from './ExportButton.svelte';

describe('ExportButton', () => {
  beforeEach(() => vi.clearAllMocks());

  it('asks where, exports that version, says what it wrote and opens it', async () => {
    vi.mocked(api.choosePdfPath).mockResolvedValue('/tmp/plan.pdf');
    vi.mocked(api.exportPlan).mockResolvedValue({ path: '/tmp/plan.pdf', pages: 12, version: 2, sha256: 'ab', missing: ['ཀ'] });
    vi.mocked(api.openExportedPdf).mockResolvedValue(null);
    const user = userEvent.setup();
    render(ExportButton, { planId: 7, version: 2, title: 'Warehouse: plan/1' });
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }));
    expect(api.choosePdfPath).toHaveBeenCalledWith('Warehouse plan1 v2.pdf');
    expect(api.exportPlan).toHaveBeenCalledWith(7, 2, '/tmp/plan.pdf');
    expect(await screen.findByText(/12 pages written to/)).toBeTruthy();
    expect(screen.getByText(/No shipped font has ཀ/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open the PDF' }));
    expect(api.openExportedPdf).toHaveBeenCalledOnce();
  });

  it('does nothing when the save dialog is cancelled', async () => {
    vi.mocked(api.choosePdfPath).mockResolvedValue(null);
    render(ExportButton, { planId: 7, title: 'Plan' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export PDF…' }));
    expect(api.exportPlan).not.toHaveBeenCalled();
  });
});
