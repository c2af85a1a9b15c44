// What the incident and exercise views share: the answer the core last sent, this
// machine's clock ticking every second from it, and a fresh answer asked for every
// minute while the event is live (predictions, priorities and which injects are up
// are the core's to say).

export abstract class LiveEvent<T> {
  /** When the last answer arrived, by this machine's clock (ms). */
  receivedAt = $state(0);
  /** This machine's clock, ticking every second while the page is open. */
  machineNow = $state(Date.now());
  loadError = $state<string | null>(null);
  #ticker: ReturnType<typeof setInterval> | null = null;
  /** When an answer was last asked for by the minute's refresh (ms). */
  #asked = 0;

  /** Asks the core for the event's answer. */
  protected abstract fetch(): Promise<T>;
  /** Keeps `answer`; false when it is another event's (then it is dropped). */
  protected abstract accept(answer: T): boolean;
  /** Whether the event is under way, so that its answer is asked for again each minute. */
  protected abstract get live(): boolean;

  start(): void {
    this.#ticker ??= setInterval(() => {
      this.machineNow = Date.now();
      if (this.live && this.machineNow - Math.max(this.receivedAt, this.#asked) >= 60_000) {
        this.#asked = this.machineNow;
        void this.load();
      }
    }, 1000);
  }

  stop(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = null;
  }

  async load(): Promise<void> {
    try {
      this.take(await this.fetch());
      this.loadError = null;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Takes an answer from the core; its clock runs on from now. */
  take(answer: T): void {
    if (!this.accept(answer)) return;
    this.machineNow = Date.now();
    this.receivedAt = this.machineNow;
  }
}
