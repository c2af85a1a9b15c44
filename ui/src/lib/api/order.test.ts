import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real api module over a mocked Tauri invoke: answers come back in any order.
const pending: { command: string; args: unknown; answer: (v: unknown) => void }[] = [];
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn((command: string, args: unknown) => new Promise((answer) => pending.push({ command, args, answer }))),
}));

import { api } from '$lib/api';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the api seam', () => {
  beforeEach(() => {
    pending.length = 0;
  });

  it('sends changes one after another, in the order they were made', async () => {
    const input = (description: string) => ({ name: 'Dispatch', unit_id: null, owner: '', description, products_services: [] });
    const first = api.updateActivity(1, input('a'));
    const second = api.updateActivity(1, input('ab'));
    // A read is not held back by changes.
    const read = api.listUnits();
    await tick();
    const sent = (command: string) => pending.filter((p) => p.command === command);
    expect(sent('list_units')).toHaveLength(1);
    // The second change waits for the answer to the first.
    expect(sent('update_activity').map((p) => (p.args as { input: { description: string } }).input.description)).toEqual(['a']);
    sent('update_activity')[0].answer(null);
    await first;
    await tick();
    expect(sent('update_activity').map((p) => (p.args as { input: { description: string } }).input.description)).toEqual(['a', 'ab']);
    sent('update_activity')[1].answer(null);
    sent('list_units')[0].answer([]);
    await Promise.all([second, read]);
  });

  it('counts changes on their way, and is settled only when every one is answered', async () => {
    const seen: number[] = [];
    const stop = api.onWrites((n) => seen.push(n));
    const change = api.editPlan(3, { type: 'section', key: 'purpose', body: 'x' } as never);
    let settled = false;
    const waiting = api.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    pending[0].answer({});
    await change;
    await waiting;
    expect(settled).toBe(true);
    expect(seen).toEqual([1, 0]);
    stop();
  });

  it('goes on with the next change after one is refused', async () => {
    const refused = api.deleteUnit(1);
    const next = api.deleteUnit(2);
    await tick();
    pending[0].answer(Promise.reject({ code: 'conflict', message: 'The unit has activities.', fields: {} }));
    await expect(refused).rejects.toThrow('The unit has activities.');
    await tick();
    expect(pending.at(-1)?.args).toEqual({ id: 2 });
    pending.at(-1)!.answer(null);
    await expect(next).resolves.toBeNull();
  });
});
