// A board as the core sends it, for the component tests of the incident pages.
import type { Board } from '$lib/api';

export function openBoard(over: Partial<Board> = {}): Board {
  return {
    id: 3,
    kind: 'incident',
    title: 'Halifax warehouse flooded',
    description: '',
    state: 'open',
    disrupted_at: '2026-11-30T08:00:00Z',
    opened_at: '2026-11-30T08:20:00Z',
    reported_by: 'Tom Whitaker',
    affects: ['Halifax warehouse'],
    invoked_at: null,
    stood_down_at: null,
    stood_down_by: null,
    summary: null,
    now: '2026-11-30T08:20:00Z',
    plan: null,
    plans: [],
    activities: [],
    log: [
      {
        seq: 1,
        at: '2026-11-30T08:20:00Z',
        author: 'Erin Example',
        kind: 'status',
        text: 'Incident opened: Halifax warehouse flooded.',
        rationale: '',
        corrects: null,
        fact: null,
        prev: '0'.repeat(64),
        hash: 'a'.repeat(64),
      },
    ],
    chain_ok: true,
    chain: { ok: true, entries: 1, head: 'a'.repeat(64), broken_at: null, problem: '' },
    review: [],
    ...over,
  };
}
