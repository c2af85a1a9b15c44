// Time on the incident board: the board's clock running on between two answers of the
// core, countdowns and clocks as the room reads them, and the times a facilitator types
// ("09:30", "45m ago", "2026-11-30 09:30").

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The board's "now" as it runs on: the core's `now` when the board was received
 *  (`receivedAt`, by this machine's clock) plus what has passed since; it stops at the
 *  stand-down, as the core's clocks do. Milliseconds. */
export function boardNow(
  board: { now: string; stood_down_at: string | null },
  receivedAt: number,
  machineNow: number,
): number {
  const now = Date.parse(board.now) + Math.max(0, machineNow - receivedAt);
  return board.stood_down_at ? Math.min(now, Date.parse(board.stood_down_at)) : now;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A clock of elapsed time: `0:04:09`, `27:15:00`, `3d 04:10:00`; negative spans are
 *  shown as their size. Whole seconds, rounded down. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / SECOND);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return days > 0 ? `${days}d ${two(h)}:${two(m)}:${two(s)}` : `${h}:${two(m)}:${two(s)}`;
}

/** Time left until `deadline` at `now` (both ms): the clock and whether it passed. A
 *  countdown shows whole seconds rounded up, so it reads 0:00:00 only at the deadline. */
export function countdown(deadline: number, now: number): { text: string; passed: boolean } {
  const left = deadline - now;
  if (left >= 0) return { text: formatClock(Math.ceil(left / SECOND) * SECOND), passed: false };
  return { text: formatClock(-left), passed: true };
}

/** A countdown for the back of the room: the clock under a day, `2d 23h` beyond (the
 *  seconds of a deadline days away do not matter, and the figure must stay short). */
export function formatRoomClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / SECOND);
  if (total < 86400) return formatClock(ms);
  return `${Math.floor(total / 86400)}d ${Math.floor((total % 86400) / 3600)}h`;
}

/** Minutes as the core says them (its `span`): `45m`, `3h 20m`, `2d 4h`, `-30m`. */
export function formatSpan(minutes: number): string {
  const m = Math.abs(Math.trunc(minutes));
  const sign = minutes < 0 && m > 0 ? '-' : '';
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  let text: string;
  if (d === 0 && h === 0) text = `${min}m`;
  else if (d === 0) text = min === 0 ? `${h}h` : `${h}h ${min}m`;
  else text = h === 0 ? `${d}d` : `${d}d ${h}h`;
  return sign + text;
}

/** Whole minutes from `from` to `to` (ms), towards zero, as the core counts them. */
export function minutesBetween(from: number, to: number): number {
  return Math.trunc((to - from) / MINUTE);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as the facilitator reads it: `09:30` today, `Mon 30 Nov 09:30` another day
 *  (local time). */
export function formatAt(iso: string | null | undefined, today: Date = new Date()): string {
  if (!iso) return '';
  const t = new Date(iso);
  const hm = `${two(t.getHours())}:${two(t.getMinutes())}`;
  if (t.toDateString() === today.toDateString()) return hm;
  return `${WEEKDAYS[t.getDay()]} ${t.getDate()} ${MONTHS[t.getMonth()]} ${hm}`;
}

/** A time with its date, for the record: `2026-11-30 09:30` (local time). */
export function formatStamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

const AGO = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s+ago$/i;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})$/;

/** A time typed by the facilitator, in local time: empty (null: now), `09:30` (the last
 *  09:30: today, or yesterday when it is still to come),
 *  `45m ago`, `1h 30m ago`, `2026-11-30 09:30`, or RFC 3339. Gives the time as RFC 3339
 *  (UTC), or what is wrong with the text. */
export function parseWhen(text: string, now: Date = new Date()): { at: string | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { at: null };
  const ago = AGO.exec(t);
  if (ago && (ago[1] || ago[2] || ago[3])) {
    const back = (Number(ago[1] ?? 0) * 1440 + Number(ago[2] ?? 0) * 60 + Number(ago[3] ?? 0)) * MINUTE;
    const at = new Date(now.getTime() - back);
    // Beyond the calendar a Date has no time at all (and toISOString would throw).
    if (!Number.isFinite(at.getTime())) return { error: `“${t}” is further back than any date.` };
    return { at: iso(at) };
  }
  const clock = CLOCK.exec(t);
  if (clock) {
    const [h, m] = [Number(clock[1]), Number(clock[2])];
    if (h > 23 || m > 59) return { error: `“${t}” is not a time of day; type it as 09:30.` };
    const at = new Date(now);
    at.setHours(h, m, 0, 0);
    // A time of day still to come today means yesterday (typed at 01:00, 23:40 was last night).
    if (at.getTime() > now.getTime()) at.setDate(at.getDate() - 1);
    return { at: iso(at) };
  }
  const local = LOCAL.exec(t);
  if (local) {
    const [y, mo, d, h, m] = local.slice(1).map(Number);
    const at = new Date(y, mo - 1, d, h, m, 0, 0);
    if (at.getMonth() !== mo - 1 || at.getDate() !== d || h > 23 || m > 59) {
      return { error: `“${t}” is not a date and time that exists.` };
    }
    return { at: iso(at) };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t) && !Number.isNaN(Date.parse(t))) {
    return { at: iso(new Date(t)) };
  }
  return { error: `Keel cannot read “${t}” as a time: type 09:30 (today), 45m ago, or 2026-11-30 09:30.` };
}

/** RFC 3339 in UTC to the second, as the core keeps times. */
function iso(t: Date): string {
  return new Date(Math.floor(t.getTime() / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

export const ms = { SECOND, MINUTE, HOUR, DAY };
