// Typing in a field saves at every keystroke, and every save is in the audit log. For
// reading, a run of updates to one field by one person within a few minutes shows as
// one change: from the value before the first to the value after the last.
import type { AuditEntry } from '$lib/api';

export type AuditRow = AuditEntry & { edits: number };

const WINDOW_MS = 5 * 60 * 1000;

/** Collapses runs of edits; `entries` and the result are newest first. */
export function collapseEdits(entries: AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    const newer = rows.at(-1);
    const sameRun =
      newer &&
      entry.action === 'update' &&
      newer.action === 'update' &&
      entry.actor === newer.actor &&
      entry.entity === newer.entity &&
      entry.entity_id === newer.entity_id &&
      entry.field != null &&
      entry.field === newer.field &&
      Date.parse(newer.at) - Date.parse(entry.at) <= WINDOW_MS;
    if (sameRun) {
      // Keep the newest value and time; take the older value from further back.
      newer.old_value = entry.old_value;
      newer.edits += 1;
    } else {
      rows.push({ ...entry, edits: 1 });
    }
  }
  return rows;
}
