// Short messages at the bottom of the window: what just happened, or what went wrong.
export type Toast = { id: number; kind: 'info' | 'error'; text: string; topic?: string };

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  /** Shows `text`; one with the same `topic` (the zoom level, say) takes the place of
   *  the last one on that topic rather than piling up under it. */
  show(text: string, kind: Toast['kind'] = 'info', topic?: string): void {
    const id = this.#next++;
    if (topic) this.items = this.items.filter((t) => t.topic !== topic);
    this.items.push({ id, kind, text, topic });
    setTimeout(() => this.dismiss(id), kind === 'error' ? 9000 : 4000);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
