import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/api';
import { collapseEdits } from './audit';

function entry(id: number, at: string, field: string, old_value: string, new_value: string, actor = 'Ana'): AuditEntry {
  return { id, at, actor, action: 'update', entity: 'interview', entity_id: 1, entity_label: 'Payroll', field, old_value, new_value };
}

describe('collapseEdits', () => {
  it('shows a run of keystrokes in one field as one change', () => {
    const rows = collapseEdits([
      entry(3, '2026-11-25T10:00:02Z', 'notes', 'Pe', 'Pea'),
      entry(2, '2026-11-25T10:00:01Z', 'notes', 'P', 'Pe'),
      entry(1, '2026-11-25T10:00:00Z', 'notes', '', 'P'),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 3, old_value: '', new_value: 'Pea', edits: 3 });
  });

  it('keeps changes apart across fields, people and long pauses', () => {
    const rows = collapseEdits([
      entry(4, '2026-11-25T11:00:00Z', 'notes', 'b', 'c'),
      entry(3, '2026-11-25T10:00:02Z', 'notes', 'a', 'b'),
      entry(2, '2026-11-25T10:00:01Z', 'backlog', '', 'x'),
      entry(1, '2026-11-25T10:00:00Z', 'backlog', 'y', '', 'Sam'),
    ]);
    expect(rows.map((r) => [r.id, r.edits])).toEqual([
      [4, 1],
      [3, 1],
      [2, 1],
      [1, 1],
    ]);
  });
});
