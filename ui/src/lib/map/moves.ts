// Moving nodes on the map and keeping them there: a press that moves is a drag, the
// arrow keys move a focused node (saved once the keys rest), every saved move can be
// undone, last first, and a move that is refused puts the node back.
import { api, type MapNode } from '$lib/api';
import { attempt } from '$lib/errors';
import { saves } from '$lib/saves.svelte';
import { arrowStep, isDrag, movedBy } from './geometry';

/** How long the arrow keys rest before a keyboard move is saved, in ms. */
const KEYS_REST = 600;

export class NodeMoves {
  /** Where each saved move started, the last one last. */
  #undo: { key: string; x: number; y: number }[] = [];
  #drag: { node: MapNode; x0: number; y0: number; px: number; py: number; moved: boolean } | null = null;
  #keyMove: { node: MapNode; x0: number; y0: number; timer: ReturnType<typeof setTimeout> } | null = null;

  pointerdown(event: PointerEvent, node: MapNode) {
    if (event.button !== 0) return;
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    this.#drag = { node, x0: node.x, y0: node.y, px: event.clientX, py: event.clientY, moved: false };
  }

  /** Follows the pointer, at the canvas's `zoom`, once the press has become a drag. */
  pointermove(event: PointerEvent, zoom: number) {
    const drag = this.#drag;
    if (!drag) return;
    const dx = (event.clientX - drag.px) / zoom;
    const dy = (event.clientY - drag.py) / zoom;
    if (isDrag(dx, dy)) drag.moved = true;
    if (drag.moved) {
      const to = movedBy({ x: drag.x0, y: drag.y0 }, dx, dy);
      drag.node.x = to.x;
      drag.node.y = to.y;
    }
  }

  /** Ends a press: a drag is saved; a click returns its node, to be selected. */
  pointerup(): MapNode | null {
    if (!this.#drag) return null;
    const { node, x0, y0, moved } = this.#drag;
    this.#drag = null;
    if (moved) {
      void this.#place(node, x0, y0);
      return null;
    }
    return node;
  }

  /** Moves the focused `node` by an arrow key; false, and nothing done, for another key. */
  arrowKey(event: KeyboardEvent, node: MapNode): boolean {
    const move = arrowStep(event.key, event.shiftKey);
    if (!move) return false;
    event.preventDefault();
    if (this.#keyMove && this.#keyMove.node !== node) this.flush();
    if (!this.#keyMove) this.#keyMove = { node, x0: node.x, y0: node.y, timer: setTimeout(this.flush, KEYS_REST) };
    clearTimeout(this.#keyMove.timer);
    this.#keyMove.timer = setTimeout(this.flush, KEYS_REST);
    saves.wait(`map:${node.key}`, this.flush);
    const to = movedBy(node, move[0], move[1]);
    node.x = to.x;
    node.y = to.y;
    return true;
  }

  /** Saves a keyboard move still waiting for the keys to rest. */
  flush = () => {
    if (!this.#keyMove) return;
    clearTimeout(this.#keyMove.timer);
    const { node, x0, y0 } = this.#keyMove;
    this.#keyMove = null;
    void this.#place(node, x0, y0);
  };

  /** Puts the last saved move back, on the node of that key in `byKey`. */
  async undo(byKey: Map<string, MapNode>) {
    const last = this.#undo.pop();
    const node = last && byKey.get(last.key);
    if (!last || !node) return;
    const saved = await attempt(() => api.setMapPosition(last.key, { x: last.x, y: last.y }));
    if (saved !== undefined) {
      node.x = last.x;
      node.y = last.y;
    }
  }

  /** Forgets every move (the layout was reset). */
  forget() {
    this.#undo = [];
  }

  async #place(node: MapNode, fromX: number, fromY: number) {
    this.#undo.push({ key: node.key, x: fromX, y: fromY });
    const saved = await attempt(() =>
      saves.save(`map:${node.key}`, () => api.setMapPosition(node.key, { x: node.x, y: node.y })),
    );
    if (saved === undefined) {
      node.x = fromX;
      node.y = fromY;
      this.#undo.pop();
    } else {
      node.placed = true;
    }
  }
}
