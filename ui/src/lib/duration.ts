// Durations are whole minutes across the seam. This shows them in the same short form
// as the core's Display (src/domain/duration.rs), which parses it back; duration.test.ts
// pins the two to the same examples.
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

export function formatDuration(minutes: number | null | undefined): string {
  if (minutes == null) return '';
  if (minutes === 0) return '0m';
  if (minutes % MONTH === 0) return `${minutes / MONTH}mo`;
  if (minutes % WEEK === 0) return `${minutes / WEEK}w`;
  const parts: [number, string][] = [
    [Math.floor(minutes / DAY), 'd'],
    [Math.floor((minutes % DAY) / HOUR), 'h'],
    [minutes % HOUR, 'm'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}

const UNITS: Record<string, number> = { mo: MONTH, w: WEEK, d: DAY, h: HOUR, m: 1 };

/** Minutes from a duration as `formatDuration` (and the core) shows it (`1d 2h`, `1w`),
 *  null for anything else: a value kept as someone typed it is not a duration yet. */
export function parseShown(text: string): number | null {
  const parts = text.trim().split(/\s+/);
  let total = 0;
  for (const part of parts) {
    const m = /^(\d+)(mo|w|d|h|m)$/.exec(part);
    if (!m) return null;
    total += Number(m[1]) * UNITS[m[2]];
  }
  return total;
}
