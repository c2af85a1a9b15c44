// Where things go on the map canvas, as pure sums: the step an arrow key moves a node or
// pans the view, when a press has become a drag, and the zoom and scroll that fit what
// is shown into view without making its text too small to read. The canvas draws with
// a 70-unit margin on the left.

/** Text meant to be read is never drawn smaller than this on screen, in CSS px. */
export const READABLE_PX = 12;
/** The smallest text the canvas draws (a node's second line, a group's counts), in
 *  canvas units: at zoom z it is `SMALLEST_TEXT * z` px on screen. */
export const SMALLEST_TEXT = 13;
/** The canvas never zooms out further than this (every text stays at `READABLE_PX` or
 *  more), nor in further than `MAX_ZOOM`. */
export const MIN_ZOOM = READABLE_PX / SMALLEST_TEXT;
export const MAX_ZOOM = 2;
/** Fit never zooms in further than this: a short chain is drawn large, not huge. */
export const MAX_FIT = 1.5;
/** The room to the left of the nodes, for edges that loop back. */
export const LEFT_MARGIN = 70;
/** The room beside a focused chain for edges that loop back within a column. */
export const LOOP_ROOM = 40;
/** What the canvas keeps free around what it fits (its padding and a little air). */
const FIT_PAD = 24;

export type Box = { x: number; y: number };
export type Viewport = { width: number; height: number };
export type Size = { width: number; height: number };

const clamp = (z: number, low: number, high: number) => Math.min(high, Math.max(low, z));
export const zoomOut = (zoom: number): number => clamp(zoom - 0.1, MIN_ZOOM, MAX_ZOOM);
export const zoomIn = (zoom: number): number => clamp(zoom + 0.1, MIN_ZOOM, MAX_ZOOM);

/** How large a canvas draws: its smallest text (`small`, in canvas units), never drawn
 *  at a zoom under `least` (that text then at the size meant to be read), and Fit never
 *  zooming in further than `most`. */
export type Scale = { small: number; least: number; most: number };
/** On the facilitator's screen: text at 12 px or more. */
export const SCREEN: Scale = { small: SMALLEST_TEXT, least: MIN_ZOOM, most: MAX_FIT };
/** On a projector, read from the back of a room: the smaller lines (a node's kind, a
 *  group's counts) as large as the names, no text under 24 px, and a short chain drawn
 *  larger. */
const PROJECTOR_SMALL = 15;
export const PROJECTOR: Scale = { small: PROJECTOR_SMALL, least: 24 / PROJECTOR_SMALL, most: 2.5 };

/** The largest zoom at which `content` (the drawing, its left margin included) fits the
 *  `view`, whatever the text then measures. */
export const roomFor = (view: Viewport, content: Size): number =>
  Math.min((view.width - FIT_PAD) / content.width, (view.height - FIT_PAD) / content.height);

/** Whether `content` fits the `view` whole with its text still readable. */
export const fitsReadably = (view: Viewport, content: Size): boolean => roomFor(view, content) >= MIN_ZOOM;

/** The zoom that shows as much of `content` as the `view` holds: all of it when it fits
 *  readably (never larger than `scale.most`), otherwise the smallest readable zoom. */
export const fitZoom = (view: Viewport, content: Size, scale: Scale = SCREEN): number =>
  clamp(roomFor(view, content), scale.least, scale.most);

/** How far an arrow key moves a node (further with Shift); null for any other key. */
export function arrowStep(key: string, shift: boolean): [number, number] | null {
  const step = shift ? 40 : 10;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  return moves[key] ?? null;
}

/** A press that has moved more than a few pixels is a drag; otherwise it is a click. */
export const isDrag = (dx: number, dy: number): boolean => Math.abs(dx) + Math.abs(dy) > 3;

/** A node's place moved by (dx, dy), kept off the top and left edges. */
export const movedBy = (from: Box, dx: number, dy: number): Box => ({
  x: Math.max(0, from.x + dx),
  y: Math.max(0, from.y + dy),
});

export type Bounds = { left: number; right: number; top: number; bottom: number };

/** The scroll that puts the middle of `bounds` in the middle of the view. */
export function centreOn(bounds: Bounds, view: Viewport, zoom: number): { left: number; top: number } {
  return {
    left: ((bounds.left + bounds.right) / 2) * zoom - view.width / 2,
    top: ((bounds.top + bounds.bottom) / 2) * zoom - view.height / 2,
  };
}

/** The scroll after an arrow key pans the view (further with Shift), kept within the
 *  scrollable room; null for any other key. */
export function panned(
  key: string,
  shift: boolean,
  at: { left: number; top: number },
  most: { left: number; top: number },
): { left: number; top: number } | null {
  const step = arrowStep(key, shift);
  if (!step) return null;
  return {
    left: clamp(at.left + step[0] * 6, 0, Math.max(0, most.left)),
    top: clamp(at.top + step[1] * 6, 0, Math.max(0, most.top)),
  };
}
