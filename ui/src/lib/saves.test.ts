import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { settled: vi.fn(async () => {}) } };
});

import { api, KeelError } from '$lib/api';
import { saves } from './saves.svelte';

const refusal = (fields: Record<string, string>) => new KeelError({ code: 'validation', message: 'Not saved.', fields });

describe('the save state', () => {
  beforeEach(() => {
    saves.reset();
    saves.flushAll(0);
    vi.clearAllMocks();
  });

  it('is saved only when nothing waits, nothing is on its way and nothing was refused', async () => {
    expect(saves.status).toBe('saved');
    saves.wait('plan:1:purpose', () => {});
    expect(saves.status).toBe('saving');
    let answer: (v: string) => void = () => {};
    const saving = saves.save('plan:1:purpose', () => new Promise<string>((resolve) => (answer = resolve)));
    expect(saves.waitingCount).toBe(0);
    expect(saves.status).toBe('saving');
    answer('ok');
    await saving;
    expect(saves.status).toBe('saved');
  });

  it('shows a refused edit as refused, with the reason, until that field saves', async () => {
    await expect(saves.save('interview:7:rto', () => Promise.reject(refusal({ rto: 'The RTO (2w) is longer than the MTPD (8h).' })))).rejects.toThrow();
    expect(saves.status).toBe('refused');
    expect(Object.values(saves.refused)).toEqual(['The RTO (2w) is longer than the MTPD (8h).']);
    // Another field saving does not hide it.
    await saves.save('interview:7:notes', async () => 'ok');
    expect(saves.status).toBe('refused');
    // The same field saving does.
    await saves.save('interview:7:rto', async () => 'ok');
    expect(saves.status).toBe('saved');
  });

  it('counts a failure that is no validation as not saved too', async () => {
    await expect(saves.save('map:activity:3', () => Promise.reject(new KeelError({ code: 'file', message: 'The disk is full.', fields: {} })))).rejects.toThrow();
    expect(saves.refused).toEqual({ 'map:activity:3': 'The disk is full.' });
  });

  it('sends every waiting edit, leaves the focused field, and waits for the answers before the window closes', async () => {
    const first = vi.fn();
    const second = vi.fn();
    saves.wait('plan:1:purpose', first);
    saves.wait('map:activity:3', second);
    const input = document.createElement('input');
    const left = vi.fn();
    input.addEventListener('blur', left);
    document.body.append(input);
    input.focus();
    let settle: () => void = () => {};
    vi.mocked(api.settled).mockReturnValueOnce(new Promise<void>((resolve) => (settle = resolve)));
    let closed = false;
    const closing = saves.flushAll().then(() => (closed = true));
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    expect(left).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(closed).toBe(false);
    settle();
    await closing;
    expect(closed).toBe(true);
    expect(saves.waitingCount).toBe(0);
  });

  it('lets the window close when the core does not answer in time', async () => {
    vi.useFakeTimers();
    vi.mocked(api.settled).mockReturnValueOnce(new Promise<void>(() => {}));
    const closing = saves.flushAll(5000);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(closing).resolves.toBeUndefined();
    vi.useRealTimers();
  });
});
