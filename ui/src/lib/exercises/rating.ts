// Rating expected actions by keyboard, one key each: the observer moves between the
// expected actions of the injects that are up (↑ ↓ or K J, Home, End), marks the one
// focused observed, partly or missed (O, P, M), or writes a note to it (N). A note typed
// before the rating goes with it; a rating given again keeps the note already there.
import type { ExerciseBoard, Rating } from '$lib/api';

export type RatingRow = { key: string; inject: number; expected: number; text: string; rating: Rating | null; note: string };

export const ratingLabel: Record<Rating, string> = { observed: 'observed', partly: 'partly', missed: 'missed' };

/** The expected actions that can be rated now: those of the injects that are up, in
 *  the timeline's order. */
export function ratingRows(board: Pick<ExerciseBoard, 'injects'>): RatingRow[] {
  return board.injects
    .filter((i) => i.up)
    .flatMap((i) =>
      i.expected.map((e) => ({
        key: rowKey(i.inject.number, e.number),
        inject: i.inject.number,
        expected: e.number,
        text: e.text,
        rating: e.rating,
        note: e.note,
      })),
    );
}

export const rowKey = (inject: number, expected: number) => `${inject}:${expected}`;

export type RatingMove =
  | { type: 'focus'; key: string }
  | { type: 'rate'; key: string; inject: number; expected: number; rating: Rating; note: string }
  | { type: 'note'; key: string };

const ratings: Record<string, Rating> = { o: 'observed', p: 'partly', m: 'missed' };

/** What `key` does on the row `focused` of `rows`, with the notes typed and not yet
 *  sent (`drafts`, by row key); null for a key that means nothing here. */
export function ratingKey(rows: RatingRow[], focused: string | null, key: string, drafts: Record<string, string> = {}): RatingMove | null {
  if (rows.length === 0) return null;
  const at = Math.max(0, rows.findIndex((r) => r.key === focused));
  const k = key.length === 1 ? key.toLowerCase() : key;
  const to = (i: number) => ({ type: 'focus' as const, key: rows[Math.min(rows.length - 1, Math.max(0, i))].key });
  switch (k) {
    case 'ArrowDown':
    case 'j':
      return to(at + 1);
    case 'ArrowUp':
    case 'k':
      return to(at - 1);
    case 'Home':
      return to(0);
    case 'End':
      return to(rows.length - 1);
    case 'n':
      return { type: 'note', key: rows[at].key };
  }
  const rating = ratings[k];
  if (!rating) return null;
  const row = rows[at];
  const draft = drafts[row.key];
  return { type: 'rate', key: row.key, inject: row.inject, expected: row.expected, rating, note: draft?.trim() ? draft : row.note };
}

/** Where focus starts: the first action up that nobody rated, else the last one. */
export function firstUnrated(rows: RatingRow[]): string | null {
  return (rows.find((r) => r.rating == null) ?? rows[rows.length - 1])?.key ?? null;
}
