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
