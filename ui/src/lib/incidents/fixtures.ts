// A board as the core sends it, for the component tests of the incident pages.
import type { Board, BoardActivity } from '$lib/api';

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

/** An affected activity on the board: Order picking and packing, tier 1, on track. */
export const boardActivity = (over: Partial<BoardActivity> = {}): BoardActivity => ({
  name: 'Order picking and packing',
  tier: 1,
  why: 'needs Halifax warehouse',
  rto_min: 240,
  mtpd_min: 480,
  rpo_min: 60,
  minimum: '50%',
  priority: 1,
  priority_why: 'P1: tier 1; 4h left to its RTO',
  rto_deadline: '2026-11-30T12:00:00Z',
  mtpd_deadline: '2026-11-30T16:00:00Z',
  rto_left_min: 240,
  mtpd_left_min: 480,
  predicted_at: '2026-11-30T11:00:00Z',
  predicted_why: '3h of steps remain on its critical path',
  status: 'on_track',
  minimum_at: null,
  normal_at: null,
  restore_point: null,
  achieved_rto_min: null,
  achieved_rpo_min: null,
  ...over,
});
