import { describe, expect, it } from 'vitest';

import type { BoardStep, InvokerRow } from '$lib/api';
import { boardActivity } from './fixtures';
import { authorityFor, corrections, describeCriterion, describeInvoker, endedWord, eventNoun, liveStatus, stepElapsed } from './board';

const activity = boardActivity;
const t = (iso: string) => Date.parse(iso);

describe('an activity’s status as the clock runs', () => {
  it('turns to RTO missed, then MTPD missed, a whole minute past each deadline (as the core counts)', () => {
    const a = activity();
    expect(liveStatus(a, t('2026-11-30T11:59:59Z'))).toBe('on_track');
    expect(liveStatus(a, t('2026-11-30T12:00:59Z'))).toBe('on_track');
    expect(liveStatus(a, t('2026-11-30T12:01:00Z'))).toBe('missed_rto');
    expect(liveStatus(a, t('2026-11-30T16:01:00Z'))).toBe('missed_mtpd');
  });

  it('is at risk when predicted back after its RTO, or with no prediction and under a quarter of the RTO left', () => {
    expect(liveStatus(activity({ predicted_at: '2026-11-30T12:30:00Z' }), t('2026-11-30T09:00:00Z'))).toBe('at_risk');
    const unknown = activity({ predicted_at: null });
    expect(liveStatus(unknown, t('2026-11-30T10:00:00Z'))).toBe('on_track');
    expect(liveStatus(unknown, t('2026-11-30T11:00:01Z'))).toBe('at_risk');
  });

  it('no longer moves once back at its minimum level', () => {
    const back = activity({ minimum_at: '2026-11-30T11:00:00Z', status: 'met' });
    expect(liveStatus(back, t('2026-12-01T00:00:00Z'))).toBe('met');
  });
});

describe('a running step', () => {
  const step: BoardStep = {
    number: 1,
    title: 'Start the standby generator',
    owner_role: 'Facilities',
    estimate_min: 30,
    resource: 'Standby generator',
    preconditions: '',
    plan_warning: null,
    started_at: null,
    done_at: null,
    elapsed_min: null,
    overrun: false,
    out_of_order: null,
  };

  it('has no elapsed time before it starts', () => {
    expect(stepElapsed(step, t('2026-11-30T10:00:00Z'))).toBeNull();
  });

  it('runs on with the clock and is flagged past its estimate', () => {
    const running = { ...step, started_at: '2026-11-30T10:00:00Z' };
    expect(stepElapsed(running, t('2026-11-30T10:30:59Z'))).toEqual({ minutes: 30, overrun: false });
    expect(stepElapsed(running, t('2026-11-30T10:31:00Z'))).toEqual({ minutes: 31, overrun: true });
  });

  it('stops at its finish', () => {
    const done = { ...step, started_at: '2026-11-30T10:00:00Z', done_at: '2026-11-30T10:20:00Z' };
    expect(stepElapsed(done, t('2026-11-30T18:00:00Z'))).toEqual({ minutes: 20, overrun: false });
  });
});

describe('who may invoke', () => {
  const invokers: InvokerRow[] = [
    { name: 'Tom Whitaker', role: 'Warehouse Manager', alternate: 'Gemma Lowe' },
    { name: null, role: 'Duty Director', alternate: null },
  ];
  const people = [
    { name: 'Priya Shah', role: 'Duty Director' },
    { name: 'Erin Example', role: 'Consultant' },
  ];

  it('the named, their alternates and holders of a named role need no reason', () => {
    expect(authorityFor(invokers, ' tom whitaker ', people).needsReason).toBe(false);
    expect(authorityFor(invokers, 'Gemma Lowe', people).words).toBe('Gemma Lowe is the alternate of Tom Whitaker.');
    expect(authorityFor(invokers, 'Priya Shah', people).words).toBe('Priya Shah holds the role Duty Director.');
  });

  it('anyone else needs a reason', () => {
    const other = authorityFor(invokers, 'Erin Example', people);
    expect(other.needsReason).toBe(true);
    expect(other.words).toMatch(/not named in the plan/);
  });

  it('a version naming no one needs none', () => {
    expect(authorityFor([], 'Erin Example', people).needsReason).toBe(false);
  });

  it('words as the core has them', () => {
    expect(describeInvoker(invokers[0])).toBe('Tom Whitaker (Warehouse Manager); alternate Gemma Lowe');
    expect(describeInvoker(invokers[1])).toBe('anyone who is Duty Director');
    expect(describeCriterion({ text: 'The warehouse cannot be used', threshold_min: 120 })).toBe(
      'The warehouse cannot be used (expected to last longer than 2h)',
    );
  });
});

it('lists the entries correcting each entry', () => {
  const entry = (seq: number, corrects: number | null) => ({
    seq,
    at: '2026-11-30T10:00:00Z',
    author: 'Erin',
    kind: 'note' as const,
    text: '',
    rationale: '',
    corrects,
    fact: null,
    prev: '',
    hash: '',
  });
  expect(corrections([entry(1, null), entry(2, 1), entry(3, 1)]).get(1)).toEqual([2, 3]);
});

describe('the words for the event itself', () => {
  it('says incident and stood down for an incident, exercise and closed for the others', () => {
    expect([eventNoun('incident'), endedWord('incident')]).toEqual(['incident', 'Stood down']);
    expect([eventNoun('tabletop'), endedWord('parallel')]).toEqual(['exercise', 'Closed']);
  });
});
