// The exercise clock as the room reads it ("T+4h", or the real clock ticking since T+0)
// and the ways a facilitator moves a scenario clock on: a quarter of an hour, an hour,
// to the next inject, or to a time typed as T+….
import type { EventKind, ExerciseBoard, ExerciseClock } from '$lib/api';
import { formatDuration } from '$lib/duration';
import { formatClock, formatStamp, parseWhen } from '$lib/incidents/time';

/** Minutes after T+0 as the exercise says them: `T+0`, `T+45m`, `T+4h`, `T+1d 2h 30m`. */
export function formatOffset(minutes: number): string {
  return minutes <= 0 ? 'T+0' : `T+${formatDuration(minutes)}`;
}

/** The clock the exercise shows: the scenario time set, or the real time since T+0
 *  ticking (`T+0:12:05`) at `now` (ms). */
export function clockText(board: Pick<ExerciseBoard, 'clock' | 'start' | 'elapsed_min'>, now: number): string {
  if (board.clock === 'scenario') return formatOffset(board.elapsed_min);
  const since = now - Date.parse(board.start);
  return since < 0 ? `T−${formatClock(-since)}` : `T+${formatClock(since)}`;
}

/** A moment of the exercise as the room knew it: on a scenario clock its time after T+0
 *  (`T+4h`), which is all it means; on the real clock the date and time. */
export function exerciseTime(board: Pick<ExerciseBoard, 'clock' | 'start'>, iso: string | null | undefined): string {
  if (!iso) return '';
  if (board.clock === 'real') return formatStamp(iso);
  return formatOffset(Math.max(0, Math.round((Date.parse(iso) - Date.parse(board.start)) / 60_000)));
}

/** The clock an exercise of `kind` runs on unless told otherwise (as
 *  ExerciseClock::usual_for): where resources are really restored (walkthrough, parallel
 *  and full interruption tests) the real clock, which alone demonstrates capabilities. */
export function usualClock(kind: EventKind): ExerciseClock {
  return kind === 'walkthrough' || kind === 'parallel' || kind === 'full_interruption' || kind === 'incident'
    ? 'real'
    : 'scenario';
}

export type Preset = { key: string; label: string; /** Minutes after T+0 it moves to. */ to: number; hint: string };

/** The one-key moves of a scenario clock from where it is: +15m (Q), +1h (H), and to
 *  the next inject still to come (I), when there is one. None on the real clock or once
 *  closed. */
export function presets(board: Pick<ExerciseBoard, 'clock' | 'state' | 'elapsed_min' | 'next_inject' | 'injects'>): Preset[] {
  if (board.clock !== 'scenario' || board.state === 'closed') return [];
  const at = Math.max(0, board.elapsed_min);
  const moves: Preset[] = [
    { key: 'Q', label: '+15m', to: at + 15, hint: 'a quarter of an hour on' },
    { key: 'H', label: '+1h', to: at + 60, hint: 'an hour on' },
  ];
  const next = board.injects.find((i) => i.inject.number === board.next_inject);
  if (next && next.inject.offset_min > at) {
    moves.push({
      key: 'I',
      label: `Inject ${next.inject.number} (${formatOffset(next.inject.offset_min)})`,
      to: next.inject.offset_min,
      hint: 'to the next inject',
    });
  }
  return moves;
}

/** What an advance to `minutes` after T+0 sends the core: exact whole minutes, which it
 *  reads back as they are. */
export const advanceTo = (minutes: number): string => `T+${Math.round(minutes)}m`;

/** A time typed to move the clock to: `T+4h`, `+90m`, `4h`, `1d 2h` go to the core as
 *  typed (it reads and checks them); empty text is nothing to do. */
export function typedAdvance(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : /^(t\+|\+)/i.test(t) ? t : `T+${t}`;
}

/** How far before T+0 a restore point may go: ten years, the longest span Keel keeps. */
const RESTORE_REACH_MIN = 10 * 365 * 1440;

/** The restore point typed: `T-2h` (before T+0 at `start`), `2026-11-30 06:00`, `09:30` or
 *  `45m ago` on the exercise's clock (`now`, ms); empty for none. One more than ten years
 *  before T+0 is refused (a Date that far back may not exist at all). */
export function restorePoint(text: string, start: string, now: number): { at: string | null } | { error: string } {
  const t = text.trim();
  const t0 = Date.parse(start);
  const tooFar = {
    error: `“${t}” is more than ten years before T+0, further back than Keel takes a restore point: type a nearer one, e.g. T-2h or T-3d.`,
  };
  const before = /^T\s*-\s*(\d+)\s*(m|h|d)$/i.exec(t);
  if (before) {
    const minutes = Number(before[1]) * { m: 1, h: 60, d: 1440 }[before[2].toLowerCase() as 'm' | 'h' | 'd'];
    if (!(minutes <= RESTORE_REACH_MIN)) return tooFar;
    return { at: new Date(t0 - minutes * 60_000).toISOString().replace('.000Z', 'Z') };
  }
  const at = parseWhen(t, new Date(now));
  if ('at' in at && at.at != null && !(Date.parse(at.at) >= t0 - RESTORE_REACH_MIN * 60_000)) return tooFar;
  return at;
}
