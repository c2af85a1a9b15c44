import { describe, expect, it } from 'vitest';
import type { Action, Review, ReviewItem } from '$lib/api';
import { dateLabel, destination, groupByKind, groupByOwner, isOverdue, mostUrgent, nextStatuses, statusEdit } from './review';

function item(kind: ReviewItem['kind'], id: number, severity: ReviewItem['severity'], page: ReviewItem['link']['page'] = 'plans'): ReviewItem {
  return {
    kind,
    subject: { type: 'plan', id, name: `Subject ${id}` },
    due: null,
    why: 'Because.',
    severity,
    link: { page, id },
  };
}

const review: Review = {
  today: '2026-03-02',
  items: [
    item('plan_finding', 1, 'critical'),
    item('action_overdue', 7, 'high', 'actions'),
    item('plan_review_due', 1, 'high'),
    item('action_overdue', 8, 'high', 'actions'),
    item('exercise_due', 2, 'low', 'exercises'),
  ],
  counts: [
    { kind: 'plan_review_due', label: 'Plans past their review date', count: 1 },
    { kind: 'plan_finding', label: 'Plans approved before a finding', count: 1 },
    { kind: 'action_overdue', label: 'Overdue actions', count: 2 },
    { kind: 'exercise_due', label: 'Plans due for an exercise', count: 1 },
  ],
  programme: [],
};

function action(over: Partial<Action>): Action {
  return {
    id: 1,
    title: 'Fix it',
    description: '',
    owner_id: 1,
    owner: 'Ben',
    due: '2026-03-01',
    status: 'open',
    source: 'plan_review',
    finding_id: null,
    event_id: null,
    plan_id: 1,
    plan_title: 'Plan',
    done_at: null,
    verified_version: null,
    accepted_by: '',
    accepted_why: '',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

describe('the review as the pages show it', () => {
  it('groups items by kind, the group with the most urgent item first, keeping the order within', () => {
    const groups = groupByKind(review);
    expect(groups.map((g) => g.kind)).toEqual(['plan_finding', 'action_overdue', 'plan_review_due', 'exercise_due']);
    expect(groups[1].label).toBe('Overdue actions');
    expect(groups[1].items.map((i) => i.subject.id)).toEqual([7, 8]);
    expect(mostUrgent(review).map((i) => i.kind)).toEqual(['plan_finding', 'action_overdue', 'plan_review_due']);
  });

  it('sends each link to the page where it is fixed', () => {
    expect(destination({ page: 'people', id: 4 }).arrival).toEqual({ page: 'people', personId: 4 });
    expect(destination({ page: 'interview', id: 9 })).toMatchObject({ page: 'interview', interview: 9 });
    expect(destination({ page: 'resources', id: 3 }).arrival).toEqual({ page: 'resources', resourceId: 3, field: 'rtc' });
    // A plan due for an exercise: the Exercises page, preparing one that tests it.
    expect(destination({ page: 'exercises', id: 2 })).toMatchObject({ page: 'exercises', arrival: { page: 'exercises', planId: 2 } });
    expect(destination({ page: 'actions', id: 5 }).arrival).toEqual({ page: 'actions', actionId: 5 });
  });

  it('groups actions by owner and by due date, and knows which are overdue', () => {
    const groups = groupByOwner([
      action({ id: 1, owner: 'Zoe', due: '2026-05-01' }),
      action({ id: 2, owner: 'Ben', due: '2026-06-01' }),
      action({ id: 3, owner: 'Ben', due: '2026-04-01' }),
    ]);
    expect(groups.map((g) => g.owner)).toEqual(['Ben', 'Zoe']);
    expect(groups[0].actions.map((a) => a.id)).toEqual([3, 2]);
    expect(isOverdue(action({ due: '2026-03-01' }), '2026-03-02')).toBe(true);
    expect(isOverdue(action({ due: '2026-03-01', status: 'done' }), '2026-03-02')).toBe(false);
  });

  it('offers verification only once done, nothing once verified, and sends who and why with an accepted risk', () => {
    expect(nextStatuses('open')).toEqual(['in_progress', 'done', 'risk_accepted']);
    expect(nextStatuses('done')).toContain('verified');
    expect(nextStatuses('verified')).toEqual([]);
    expect(statusEdit('done')).toMatchObject({ status: 'done', accepted_by: null, accepted_why: null });
    expect(statusEdit('risk_accepted', 'Board', 'Too dear')).toMatchObject({ accepted_by: 'Board', accepted_why: 'Too dear' });
  });
});

describe('dateLabel', () => {
  const item = (kind: ReviewItem['kind'], due: string | null): ReviewItem => ({
    kind,
    subject: { type: 'plan', id: 1, name: 'P' },
    due,
    why: '',
    severity: 'high',
    link: { page: 'plans', id: 1 },
  });
  it('says due, and past once passed', () => {
    expect(dateLabel(item('plan_review_due', '2026-11-22'), '2026-12-01')).toEqual({ text: 'due 2026-11-22', past: true });
    expect(dateLabel(item('exercise_due', '2027-10-22'), '2026-12-01')).toEqual({ text: 'due 2027-10-22', past: false });
  });
  it('says since for what went stale on a day', () => {
    expect(dateLabel(item('bia_changed', '2026-12-01'), '2026-12-02')).toEqual({ text: 'since 2026-12-01', past: false });
    expect(dateLabel(item('plan_finding', null), '2026-12-02')).toEqual({ text: 'no date', past: false });
  });
});
