import { describe, expect, it } from 'vitest';

import { boardNow, countdown, formatAt, formatClock, formatRoomClock, formatSpan, minutesBetween, parseWhen } from './time';

const at = (iso: string) => Date.parse(iso);

describe('the board clock', () => {
  it('runs on from the core’s now by what has passed on this machine', () => {
    const board = { now: '2026-11-30T10:00:00Z', stood_down_at: null };
    expect(boardNow(board, 5_000, 5_000)).toBe(at('2026-11-30T10:00:00Z'));
    expect(boardNow(board, 5_000, 65_500)).toBe(at('2026-11-30T10:01:00.5Z'));
    // A machine clock set back never runs the board backwards.
    expect(boardNow(board, 5_000, 1_000)).toBe(at('2026-11-30T10:00:00Z'));
  });

  it('stops at the stand-down', () => {
    const board = { now: '2026-11-30T10:00:00Z', stood_down_at: '2026-11-30T10:00:30Z' };
    expect(boardNow(board, 0, 10_000)).toBe(at('2026-11-30T10:00:10Z'));
    expect(boardNow(board, 0, 3_600_000)).toBe(at('2026-11-30T10:00:30Z'));
  });
});

describe('clocks and countdowns', () => {
  it('reads hours, minutes and seconds, with days beyond 24 hours', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(249_999)).toBe('0:04:09');
    expect(formatClock(27 * 3600_000 + 15 * 60_000)).toBe('1d 03:15:00');
    expect(formatClock(-90_000)).toBe('0:01:30');
  });

  it('keeps a countdown days away short for the room', () => {
    expect(formatRoomClock(3 * 3600_000 + 59 * 60_000 + 12_000)).toBe('3:59:12');
    expect(formatRoomClock(2 * 86400_000 + 23 * 3600_000 + 39 * 60_000)).toBe('2d 23h');
  });

  it('counts down in whole seconds rounded up, then says how long ago it passed', () => {
    const deadline = at('2026-11-30T12:00:00Z');
    expect(countdown(deadline, at('2026-11-30T08:00:00Z'))).toEqual({ text: '4:00:00', passed: false });
    expect(countdown(deadline, at('2026-11-30T11:59:59.2Z'))).toEqual({ text: '0:00:01', passed: false });
    expect(countdown(deadline, deadline)).toEqual({ text: '0:00:00', passed: false });
    expect(countdown(deadline, at('2026-11-30T12:12:30Z'))).toEqual({ text: '0:12:30', passed: true });
  });

  it('says minutes as the core does', () => {
    expect(formatSpan(45)).toBe('45m');
    expect(formatSpan(200)).toBe('3h 20m');
    expect(formatSpan(120)).toBe('2h');
    expect(formatSpan(3120)).toBe('2d 4h');
    expect(formatSpan(2880)).toBe('2d');
    expect(formatSpan(-30)).toBe('-30m');
    expect(formatSpan(0)).toBe('0m');
    expect(minutesBetween(at('2026-11-30T10:00:00Z'), at('2026-11-30T10:01:59Z'))).toBe(1);
    expect(minutesBetween(at('2026-11-30T10:01:59Z'), at('2026-11-30T10:00:00Z'))).toBe(-1);
  });
});

describe('times typed by the facilitator', () => {
  const now = new Date(2026, 10, 30, 10, 15, 42);
  const local = (...parts: number[]) => new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4]).toISOString().replace('.000Z', 'Z');

  it('leave empty for now', () => {
    expect(parseWhen('  ', now)).toEqual({ at: null });
  });

  it('a time of day is the last one: today, or yesterday when still to come', () => {
    expect(parseWhen('09:30', now)).toEqual({ at: local(2026, 11, 30, 9, 30) });
    expect(parseWhen('7.05', now)).toEqual({ at: local(2026, 11, 30, 7, 5) });
    expect(parseWhen('23:40', now)).toEqual({ at: local(2026, 11, 29, 23, 40) });
    expect(parseWhen('25:00', now)).toEqual({ error: '“25:00” is not a time of day; type it as 09:30.' });
  });

  it('so long ago', () => {
    const back = (m: number) => new Date(Math.floor((now.getTime() - m * 60_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(parseWhen('45m ago', now)).toEqual({ at: back(45) });
    expect(parseWhen('1h 30m ago', now)).toEqual({ at: back(90) });
    expect(parseWhen('2h ago', now)).toEqual({ at: back(120) });
    expect(parseWhen('1d ago', now)).toEqual({ at: back(1440) });
    expect(parseWhen('9999999999d ago', now)).toEqual({ error: '“9999999999d ago” is further back than any date.' });
  });

  it('a date and time, or RFC 3339', () => {
    expect(parseWhen('2026-11-29 22:05', now)).toEqual({ at: local(2026, 11, 29, 22, 5) });
    expect(parseWhen('2026-11-29T22:05', now)).toEqual({ at: local(2026, 11, 29, 22, 5) });
    expect(parseWhen('2026-11-29T22:05:09Z', now)).toEqual({ at: '2026-11-29T22:05:09Z' });
    expect(parseWhen('2026-02-30 10:00', now)).toEqual({ error: '“2026-02-30 10:00” is not a date and time that exists.' });
  });

  it('says what it cannot read, and how to type it', () => {
    const read = parseWhen('this morning', now);
    expect('error' in read && read.error).toMatch(/cannot read “this morning” as a time/);
    expect('error' in parseWhen('ago', now)).toBe(true);
  });

  it('shows today’s times by the clock, others with their day', () => {
    const today = new Date(2026, 10, 30, 18, 0);
    expect(formatAt(new Date(2026, 10, 30, 9, 5).toISOString(), today)).toBe('09:05');
    expect(formatAt(new Date(2026, 10, 29, 23, 40).toISOString(), today)).toBe('Sun 29 Nov 23:40');
    expect(formatAt(null, today)).toBe('');
  });
});
