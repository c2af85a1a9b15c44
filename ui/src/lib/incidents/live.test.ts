import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvent } from './live.svelte';

/** An event whose answers are numbers: its own are even; live while `on`. */
class Counter extends LiveEvent<number> {
  on = true;
  kept: number | null = null;
  asked = 0;
  protected fetch(): Promise<number> {
    this.asked++;
    return Promise.resolve(2 * this.asked);
  }
  protected accept(answer: number): boolean {
    if (answer % 2 !== 0) return false;
    this.kept = answer;
    return true;
  }
  protected get live(): boolean {
    return this.on;
  }
}

describe('LiveEvent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again each minute while live, and not once over', async () => {
    const e = new Counter();
    e.take(0);
    e.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(e.asked).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(e.asked).toBe(1);
    expect(e.kept).toBe(2);
    e.on = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(e.asked).toBe(1);
    e.stop();
  });

  it('drops an answer that is another event’s, and keeps the clock it had', () => {
    const e = new Counter();
    e.take(4);
    const received = e.receivedAt;
    vi.advanceTimersByTime(5_000);
    e.take(3);
    expect(e.kept).toBe(4);
    expect(e.receivedAt).toBe(received);
  });

  it('says why a load failed, and clears it once one works', async () => {
    const e = new Counter();
    vi.spyOn(e as unknown as { fetch: () => Promise<number> }, 'fetch').mockRejectedValueOnce(new Error('gone'));
    await e.load();
    expect(e.loadError).toBe('gone');
    await e.load();
    expect(e.loadError).toBeNull();
  });
});
