import { describe, expect, it } from 'vitest';
import type { ExerciseBoard, InjectRow } from '$lib/api';
import { firstUnrated, ratingKey, ratingRows } from './rating';

const row = (number: number, up: boolean, ratings: (null | 'observed' | 'partly' | 'missed')[]): InjectRow => ({
  inject: { number, offset_min: number * 60, text: `Inject ${number}`, expected: ratings.map((_, i) => `Action ${i + 1}`) },
  due_at: '2026-11-30T08:00:00Z',
  up,
  expected: ratings.map((rating, i) => ({ number: i + 1, text: `Action ${i + 1}`, rating, note: rating ? 'seen' : '', by: '' })),
});

const board = { injects: [row(1, true, ['observed', null]), row(2, true, [null]), row(3, false, [null, null])] } as ExerciseBoard;
const rows = ratingRows(board);

describe('rating expected actions by keyboard', () => {
  it('lists the actions of the injects that are up, in order', () => {
    expect(rows.map((r) => r.key)).toEqual(['1:1', '1:2', '2:1']);
    expect(firstUnrated(rows)).toBe('1:2');
    expect(firstUnrated(ratingRows({ injects: [row(1, true, ['missed'])] }))).toBe('1:1');
    expect(firstUnrated([])).toBeNull();
  });

  it('moves with the arrows, J and K, Home and End, and stops at the ends', () => {
    expect(ratingKey(rows, '1:1', 'ArrowDown')).toEqual({ type: 'focus', key: '1:2' });
    expect(ratingKey(rows, '1:2', 'j')).toEqual({ type: 'focus', key: '2:1' });
    expect(ratingKey(rows, '2:1', 'J')).toEqual({ type: 'focus', key: '2:1' });
    expect(ratingKey(rows, '2:1', 'k')).toEqual({ type: 'focus', key: '1:2' });
    expect(ratingKey(rows, '1:1', 'ArrowUp')).toEqual({ type: 'focus', key: '1:1' });
    expect(ratingKey(rows, '1:2', 'End')).toEqual({ type: 'focus', key: '2:1' });
    expect(ratingKey(rows, '2:1', 'Home')).toEqual({ type: 'focus', key: '1:1' });
  });

  it('rates the focused action with one key: O, P or M', () => {
    expect(ratingKey(rows, '1:2', 'o')).toEqual({ type: 'rate', key: '1:2', inject: 1, expected: 2, rating: 'observed', note: '' });
    expect(ratingKey(rows, '2:1', 'P')).toMatchObject({ rating: 'partly', inject: 2, expected: 1 });
    expect(ratingKey(rows, '2:1', 'm')).toMatchObject({ rating: 'missed' });
  });

  it('sends a note typed before the rating, and keeps the note already given when rated again', () => {
    expect(ratingKey(rows, '1:2', 'o', { '1:2': 'Called within 10 minutes' })).toMatchObject({ note: 'Called within 10 minutes' });
    expect(ratingKey(rows, '1:1', 'p')).toMatchObject({ rating: 'partly', note: 'seen' });
    expect(ratingKey(rows, '1:1', 'p', { '1:1': '  ' })).toMatchObject({ note: 'seen' });
  });

  it('opens the note with N, and ignores other keys or an empty list', () => {
    expect(ratingKey(rows, '2:1', 'n')).toEqual({ type: 'note', key: '2:1' });
    expect(ratingKey(rows, '2:1', 'x')).toBeNull();
    expect(ratingKey([], null, 'o')).toBeNull();
    // With nothing focused yet, a key acts on the first row.
    expect(ratingKey(rows, null, 'm')).toMatchObject({ key: '1:1', rating: 'missed' });
  });
});
