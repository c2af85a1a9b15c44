import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { AuditEntry, ImportReport } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { importCsv: vi.fn(), chooseCsvFile: vi.fn(), onImportProgress: vi.fn() } };
});

import { api } from '$lib/api';
import { importing } from '$lib/importing.svelte';
import ImportPage from './ImportPage.svelte';

function entry(id: number, action: AuditEntry['action'], entity: string, entity_id: number, field: string | null, value: string): AuditEntry {
  const at = '2026-11-25T10:00:00Z';
  return { id, at, actor: 'Erin', action, entity, entity_id, entity_label: `${entity} ${entity_id}`, field, old_value: null, new_value: value };
}

const report = (extra: Partial<ImportReport> = {}): ImportReport => ({
  files: [{ file: '/tmp/a/activities.csv', rows: 2, unknown_columns: ['colour'], rejected: [], unresolved: [] }],
  applied: false,
  dry_run: true,
  changes: [
    entry(1, 'create', 'activity', 1, 'name', 'Dispatch'),
    entry(2, 'create', 'activity', 1, 'owner', 'Dana'),
    entry(3, 'create', 'activity', 2, 'name', 'Payroll'),
    entry(4, 'create', 'interview', 1, 'needs resource', 'WMS'),
    entry(5, 'update', 'interview', 1, 'rto', '4h'),
  ],
  ...extra,
});

describe('ImportPage', () => {
  let progress: (p: { rows_done: number; rows_total: number }) => void = () => {};
  beforeEach(() => {
    vi.clearAllMocks();
    importing.reset();
    vi.mocked(api.onImportProgress).mockImplementation(async (handler) => {
      progress = handler;
      return () => {};
    });
  });

  it('previews what would change, counted, before anything is written', async () => {
    vi.mocked(api.importCsv).mockResolvedValue(report());
    render(ImportPage);
    const user = userEvent.setup();
    vi.mocked(api.chooseCsvFile).mockResolvedValue({ id: 4, path: '/tmp/a/activities.csv' });
    await user.click(screen.getByRole('button', { name: 'Choose… Activities' }));
    expect(await screen.findByText('/tmp/a/activities.csv')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    // The file goes back by the id its dialog gave, never as a path.
    expect(api.importCsv).toHaveBeenCalledWith({ activities: 4, resources: null, dependencies: null }, true);
    const summary = await screen.findByTestId('import-summary');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '2 new activities',
      '1 need between them',
      '1 value changed',
    ]);
    expect(screen.getByText('Ignored columns: colour')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 5 changes' })).toBeTruthy();
  });

  it('lists refused rows by line and offers no import', async () => {
    vi.mocked(api.importCsv).mockResolvedValue(
      report({
        files: [{ file: '/tmp/a/deps.csv', rows: 3, unknown_columns: [], rejected: [{ line: 3, reason: 'nothing is named “Atlantis”' }], unresolved: [] }],
      }),
    );
    render(ImportPage);
    const user = userEvent.setup();
    vi.mocked(api.chooseCsvFile).mockResolvedValue({ id: 5, path: '/tmp/a/deps.csv' });
    await user.click(screen.getByRole('button', { name: 'Choose… Dependencies' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('1 row refused: nothing will be imported')).toBeTruthy();
    expect(screen.getByText('nothing is named “Atlantis”')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('lists values it will keep as written, with a likely reading, and still offers the import', async () => {
    const kept = {
      line: 3,
      column: 'rto',
      name: 'Payroll',
      text: '2-4 hours',
      message: '“2-4 hours” should start with a number. Perhaps 2h: the stricter end of the range.',
    };
    vi.mocked(api.importCsv).mockResolvedValue(
      report({ files: [{ file: '/tmp/a/activities.csv', rows: 2, unknown_columns: [], rejected: [], unresolved: [kept] }] }),
    );
    render(ImportPage);
    const user = userEvent.setup();
    vi.mocked(api.chooseCsvFile).mockResolvedValue({ id: 4, path: '/tmp/a/activities.csv' });
    await user.click(screen.getByRole('button', { name: 'Choose… Activities' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const table = await screen.findByTestId('import-unresolved');
    expect(table.textContent).toContain('“2-4 hours”');
    expect(table.textContent).toContain('Perhaps 2h');
    expect(screen.getByText(/One value Keel cannot accept will be\s+kept as typed, not accepted yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 5 changes' })).toBeTruthy();
  });

  it('shows how far a long import is, in rows of all its rows', async () => {
    let finish: (r: ImportReport) => void = () => {};
    vi.mocked(api.chooseCsvFile).mockResolvedValue({ id: 6, path: '/tmp/big/dependencies.csv' });
    vi.mocked(api.importCsv).mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    render(ImportPage);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose… Dependencies' }));
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    const status = await screen.findByTestId('import-progress');
    expect(status.textContent).toContain('Checking…');
    progress({ rows_done: 12500, rows_total: 60000 });
    await vi.waitFor(() => expect(status.textContent).toMatch(/12.500 of 60.000 rows/));
    expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true);
    finish(report());
    expect(await screen.findByTestId('import-summary')).toBeTruthy();
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('keeps a running preview and its result when the page is left and opened again', async () => {
    let finish: (r: ImportReport) => void = () => {};
    vi.mocked(api.chooseCsvFile).mockResolvedValue({ id: 8, path: '/tmp/big/activities.csv' });
    vi.mocked(api.importCsv).mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    const first = render(ImportPage);
    await user.click(screen.getByRole('button', { name: 'Choose… Activities' }));
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    await screen.findByTestId('import-progress');
    first.unmount();
    render(ImportPage);
    expect(screen.getByTestId('import-progress')).toBeTruthy();
    expect(screen.getByText('/tmp/big/activities.csv')).toBeTruthy();
    finish(report());
    expect(await screen.findByTestId('import-summary')).toBeTruthy();
  });
});
