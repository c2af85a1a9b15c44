// Zoom for the room: Ctrl+= (or Ctrl++) makes everything larger, Ctrl+- smaller and
// Ctrl+0 puts it back, in every window (the main one, the presentation and the incident
// room), each remembered on this machine for the next start.
import { api } from '$lib/api';

/** The zoom levels, from a small laptop screen to the back of a large room. */
export const ZOOM_STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5];

export type ZoomMove = 'in' | 'out' | 'reset';

/** What a key pressed asks of the zoom, if anything. */
export function zoomMove(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ZoomMove | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '=' || event.key === '+') return 'in';
  if (event.key === '-' || event.key === '_') return 'out';
  if (event.key === '0') return 'reset';
  return null;
}

/** The zoom after `move` from `current` (the nearest step, then one step on). */
export function zoomAfter(current: number, move: ZoomMove): number {
  if (move === 'reset') return 1;
  const at = ZOOM_STEPS.reduce((best, z, i) => (Math.abs(z - current) < Math.abs(ZOOM_STEPS[best] - current) ? i : best), 0);
  const next = move === 'in' ? Math.min(at + 1, ZOOM_STEPS.length - 1) : Math.max(at - 1, 0);
  return ZOOM_STEPS[next];
}

/** A stored zoom, or 1 when none or not one of the steps. */
export function storedZoom(text: string | null): number {
  const z = Number(text);
  return ZOOM_STEPS.includes(z) ? z : 1;
}

/** Applies the zoom kept for `windowRole` and listens for the keys; `said` is told each
 *  new level (the main window shows it). */
export function installZoom(windowRole: string, said: (zoom: number) => void = () => {}): void {
  const key = `keel.zoom.${windowRole}`;
  let zoom = storedZoom(localStorage.getItem(key));
  if (zoom !== 1) void api.setZoom(zoom).catch(() => {});
  window.addEventListener('keydown', (event) => {
    const move = zoomMove(event);
    if (!move) return;
    event.preventDefault();
    zoom = zoomAfter(zoom, move);
    localStorage.setItem(key, String(zoom));
    void api.setZoom(zoom).catch(() => {});
    said(zoom);
  });
}
