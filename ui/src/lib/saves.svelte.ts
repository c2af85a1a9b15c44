// Every edit on its way to the core, app-wide: what the header's save state shows, and
// what is sent before the window closes. An edit is, in turn: waiting (typed, its short
// delay not over), in flight (sent, not answered), then committed or refused. A refused
// edit stays refused until the same field saves; "All saved" means none of these is left.
import { api, KeelError } from '$lib/api';

export type SaveStatus = 'saved' | 'saving' | 'refused' | 'unresolved';

class Saves {
  /** Keys of edits waiting on a delay, with the function that sends each now. */
  #waiting = new Map<string, () => unknown>();
  waitingCount = $state(0);
  inFlight = $state(0);
  /** Field key → why the core refused what was typed there. */
  refused = $state<Record<string, string>>({});
  /** Changes of any kind sent to the core and not yet answered (forms with a Save
   *  button too), as the api module counts them. */
  writes = $state(0);
  /** Values the engagement keeps as typed because they could not be accepted: saved,
   *  but waiting for someone to correct them. */
  unresolved = $state(0);

  constructor() {
    // Once every change is answered, the count of values kept as typed is asked again:
    // any change may have moved it (an edit kept or resolved one, an import, a deletion,
    // the order of day and month set).
    api.onWrites?.((pending) => {
      this.writes = pending;
      if (pending === 0) void this.countUnresolved();
    });
  }

  /** A refusal outweighs edits on their way: it needs the user, they do not. */
  get status(): SaveStatus {
    if (Object.keys(this.refused).length > 0) return 'refused';
    if (this.waitingCount > 0 || this.inFlight > 0 || this.writes > 0) return 'saving';
    return this.unresolved > 0 ? 'unresolved' : 'saved';
  }

  /** Asks the core how many values are kept unresolved (after an interview edit, or
   *  when an engagement opens). */
  async countUnresolved(): Promise<void> {
    // Answers may come back out of order: only the latest question's answer counts.
    const asked = ++this.#countsAsked;
    let count = 0;
    try {
      count = (await api.unresolvedCount()) ?? 0;
    } catch {
      // no engagement open: nothing is unresolved
    }
    if (asked === this.#countsAsked) this.unresolved = count;
  }
  #countsAsked = 0;

  /** An edit under `key` waits on a delay; `flush` sends it at once. */
  wait(key: string, flush: () => unknown): void {
    this.#waiting.set(key, flush);
    this.waitingCount = this.#waiting.size;
  }

  /** The edit waiting under `key` was sent (or there is nothing left to send). */
  sent(key: string): void {
    this.#waiting.delete(key);
    this.waitingCount = this.#waiting.size;
  }

  /** Runs `work`, the save of the field `key`: committed clears an earlier refusal,
   *  refused (or failed) marks the field until it saves. Rethrows the failure. */
  async save<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.sent(key);
    this.inFlight++;
    try {
      const result = await work();
      this.accept(key);
      return result;
    } catch (error) {
      this.refuse(key, reason(error, key));
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  refuse(key: string, message: string): void {
    this.refused = { ...this.refused, [key]: message };
  }

  accept(key: string): void {
    if (!(key in this.refused)) return;
    const { [key]: _, ...rest } = this.refused;
    this.refused = rest;
  }

  /** Forgets every refusal (another engagement was opened: those fields are gone). */
  reset(): void {
    this.refused = {};
    void this.countUnresolved();
  }

  /** Sends everything still typed and waits until the core has answered every call, or
   *  `timeoutMs` has passed. Leaving the focused field first lets the fields that save
   *  on leaving (blur, change) send their last value too. */
  async flushAll(timeoutMs = 10_000): Promise<void> {
    const active = globalThis.document?.activeElement;
    if (active instanceof HTMLElement) active.blur();
    for (const flush of [...this.#waiting.values()]) {
      try {
        void flush();
      } catch {
        // a flush that throws at once is refused like any other save
      }
    }
    this.#waiting.clear();
    this.waitingCount = 0;
    await Promise.race([api.settled(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}

function reason(error: unknown, key: string): string {
  if (error instanceof KeelError) return error.fields[key.split(':').at(-1) ?? ''] ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

export const saves = new Saves();
