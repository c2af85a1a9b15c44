import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { AuditEntry, ImportReport } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { importCsv: vi.fn(), chooseCsvFile: vi.fn() } };
});

import { api } from '$lib/api';
import ImportPage from './ImportPage.svelte';

function entry(id: number, action: AuditEntry['action'], entity: string, entity_id: number, field: string | null, value: string): AuditEntry {
  const at = '2026-11-25T10:00:00Z';
  return { id, at, actor: 'Erin', action, entity, entity_id, entity_label: `${entity} ${entity_id}`, field, old_value: null, new_value: value };
}

const report = (extra: Partial<ImportReport> = {}): ImportReport => ({
  files: [{ file: '/tmp/a/activities.csv', rows: 2, unknown_columns: ['colour'], rejected: [] }],
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
  beforeEach(() => vi.clearAllMocks());

  it('previews what would change, counted, before anything is written', async () => {
    vi.mocked(api.importCsv).mockResolvedValue(report());
    render(ImportPage);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Activities'), '/tmp/a/activities.csv');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(api.importCsv).toHaveBeenCalledWith({ activities: '/tmp/a/activities.csv', resources: null, dependencies: null }, true);
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
        files: [{ file: '/tmp/a/deps.csv', rows: 3, unknown_columns: [], rejected: [{ line: 3, reason: 'nothing is named “Atlantis”' }] }],
      }),
    );
    render(ImportPage);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Dependencies'), '/tmp/a/deps.csv');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('1 row refused: nothing will be imported')).toBeTruthy();
    expect(screen.getByText('nothing is named “Atlantis”')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });
});
