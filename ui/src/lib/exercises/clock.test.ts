import { describe, expect, it } from 'vitest';
import type { ExerciseBoard, InjectRow } from '$lib/api';
import { advanceTo, clockText, exerciseTime, formatOffset, presets, restorePoint, typedAdvance, usualClock } from './clock';

const inject = (number: number, offset: number, up = false): InjectRow => ({
  inject: { number, offset_min: offset, text: `Inject ${number}`, expected: [] },
  due_at: '2026-11-30T08:00:00Z',
  up,
  expected: [],
});

const board = (over: Partial<ExerciseBoard> = {}) =>
  ({
    clock: 'scenario',
    state: 'running',
    start: '2026-11-30T08:00:00Z',
    elapsed_min: 0,
    next_inject: 2,
    injects: [inject(1, 0, true), inject(2, 240), inject(3, 480)],
    ...over,
  }) as ExerciseBoard;

describe('the exercise clock', () => {
  it('says the time after T+0 as the room reads it', () => {
    expect(formatOffset(0)).toBe('T+0');
    expect(formatOffset(45)).toBe('T+45m');
    expect(formatOffset(240)).toBe('T+4h');
    expect(formatOffset(1590)).toBe('T+1d 2h 30m');
  });

  it('shows the scenario time set, or the real clock ticking since T+0', () => {
    expect(clockText(board({ elapsed_min: 255 }), Date.parse('2026-12-01T00:00:00Z'))).toBe('T+4h 15m');
    const real = board({ clock: 'real' });
    expect(clockText(real, Date.parse('2026-11-30T08:12:05Z'))).toBe('T+0:12:05');
    expect(clockText(real, Date.parse('2026-11-30T07:59:00Z'))).toBe('T−0:01:00');
  });

  it('offers +15m, +1h and the next inject from where the scenario clock is', () => {
    const moves = presets(board({ elapsed_min: 30 }));
    expect(moves.map((m) => [m.key, m.to])).toEqual([
      ['Q', 45],
      ['H', 90],
      ['I', 240],
    ]);
    expect(moves[2].label).toBe('Inject 2 (T+4h)');
  });

  it('has no next inject once every inject is up, and no moves on the real clock or once closed', () => {
    expect(presets(board({ elapsed_min: 500, next_inject: null })).map((m) => m.key)).toEqual(['Q', 'H']);
    expect(presets(board({ clock: 'real' }))).toEqual([]);
    expect(presets(board({ state: 'closed' }))).toEqual([]);
  });

  it('sends exact minutes, and a typed time with its T+', () => {
    expect(advanceTo(255)).toBe('T+255m');
    expect(typedAdvance(' 4h ')).toBe('T+4h');
    expect(typedAdvance('T+1d')).toBe('T+1d');
    expect(typedAdvance('+90m')).toBe('+90m');
    expect(typedAdvance('  ')).toBeNull();
  });

  it('takes the usual clock of each type', () => {
    expect(usualClock('tabletop')).toBe('scenario');
    expect(usualClock('walkthrough')).toBe('real');
    expect(usualClock('simulation')).toBe('scenario');
    expect(usualClock('parallel')).toBe('real');
    expect(usualClock('full_interruption')).toBe('real');
  });
});

describe('a restore point typed', () => {
  const start = '2026-11-30T08:00:00Z';
  const now = Date.parse('2026-11-30T12:00:00Z');

  it('reads T- before T+0, a date or a time ago, and nothing for empty', () => {
    expect(restorePoint('T-2h', start, now)).toEqual({ at: '2026-11-30T06:00:00Z' });
    expect(restorePoint('t - 3d', start, now)).toEqual({ at: '2026-11-27T08:00:00Z' });
    expect(restorePoint('45m ago', start, now)).toEqual({ at: '2026-11-30T11:15:00Z' });
    expect(restorePoint('', start, now)).toEqual({ at: null });
    expect(restorePoint('T-3650d', start, now)).toEqual({ at: '2016-12-02T08:00:00Z' });
  });

  // T-99999d and beyond threw a RangeError (an invalid Date) that the facilitator never saw.
  it('refuses one more than ten years before T+0 with a message, however it is typed', () => {
    for (const typed of ['T-99999d', 'T-3651d', 'T-99999999999999999999d', '9999999d ago', '1900-01-01 00:00']) {
      const got = restorePoint(typed, start, now);
      expect(got, typed).toEqual({ error: expect.stringContaining(`“${typed}” is more than ten years before T+0`) });
    }
  });
});

describe('a moment of the exercise', () => {
  const start = '2026-12-01T09:00:00Z';
  it('is its time after T+0 on a scenario clock', () => {
    expect(exerciseTime({ clock: 'scenario', start }, '2026-12-01T13:00:00Z')).toBe('T+4h');
  });
  it('is its date and time on the real clock', () => {
    expect(exerciseTime({ clock: 'real', start }, '2026-12-01T13:00:00Z')).toMatch(/^2026-12-01 \d\d:00$/);
  });
  it('is nothing when there is none', () => {
    expect(exerciseTime({ clock: 'real', start }, null)).toBe('');
  });
});
