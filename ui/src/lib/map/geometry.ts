// Where things go on the map canvas, as pure sums: the step an arrow key moves a node,
// when a press has become a drag, and the zoom and scroll that fit the map, or a lit
// path, into view. The canvas draws the nodes with a 70-unit margin on the left.

/** The canvas never zooms out further than this, nor in further than `MAX_ZOOM`. */
export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 2;
/** The room to the left of the nodes, for edges that loop back. */
export const LEFT_MARGIN = 70;

export type Box = { x: number; y: number };
export type Viewport = { width: number; height: number };

export const zoomOut = (zoom: number): number => Math.max(MIN_ZOOM, zoom - 0.1);
export const zoomIn = (zoom: number): number => Math.min(MAX_ZOOM, zoom + 0.1);

/** The zoom at which a map `width` units wide fits a canvas `canvasWidth` pixels wide,
 *  never above 100%. */
export function fitZoom(canvasWidth: number, width: number): number {
  return Math.min(1, Math.max(MIN_ZOOM, (canvasWidth - 20) / (width + LEFT_MARGIN)));
}

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

/** The rectangle the boxes of a path cover, on the canvas (its left margin included). */
export function pathBounds(boxes: Box[], node: { width: number; height: number }): Bounds {
  return {
    left: Math.min(...boxes.map((n) => n.x)) + LEFT_MARGIN,
    right: Math.max(...boxes.map((n) => n.x)) + node.width + LEFT_MARGIN,
    top: Math.min(...boxes.map((n) => n.y)),
    bottom: Math.max(...boxes.map((n) => n.y)) + node.height,
  };
}

/** The zoom at which `bounds` fit the view: `zoom` if they already do, else smaller
 *  (never below `MIN_ZOOM`). */
export function zoomToFit(bounds: Bounds, view: Viewport, zoom: number): number {
  const room = Math.min(
    (view.width - 40) / (bounds.right - bounds.left),
    (view.height - 40) / (bounds.bottom - bounds.top),
  );
  return room < zoom ? Math.max(MIN_ZOOM, room) : zoom;
}

/** The scroll that puts the middle of `bounds` in the middle of the view. */
export function centreOn(bounds: Bounds, view: Viewport, zoom: number): { left: number; top: number } {
  return {
    left: ((bounds.left + bounds.right) / 2) * zoom - view.width / 2,
    top: ((bounds.top + bounds.bottom) / 2) * zoom - view.height / 2,
  };
}
