import { describe, expect, it } from 'vitest';
import type { Action } from '$lib/api';
import { actionInput, actionsByFinding, emptyActionDraft, ownerProblem } from './findingActions';

function action(over: Partial<Action>): Action {
  return {
    id: 1,
    title: 'Fix it',
    description: '',
    owner_id: 1,
    owner: 'Ben',
    due: '2026-12-31',
    status: 'open',
    source: 'finding',
    finding_id: 4,
    event_id: 3,
    plan_id: null,
    plan_title: null,
    done_at: null,
    verified_version: null,
    accepted_by: '',
    accepted_why: '',
    created_at: '2026-11-30T10:00:00Z',
    updated_at: '2026-11-30T10:00:00Z',
    ...over,
  };
}

describe('actions raised from findings', () => {
  it('groups the actions of each finding by due date, leaving out those of no finding', () => {
    const by = actionsByFinding([
      action({ id: 1, finding_id: 4, due: '2027-02-01' }),
      action({ id: 2, finding_id: 5 }),
      action({ id: 3, finding_id: 4, due: '2027-01-01' }),
      action({ id: 4, finding_id: null, source: 'plan_review' }),
    ]);
    expect([...by.keys()].sort()).toEqual([4, 5]);
    expect(by.get(4)!.map((a) => a.id)).toEqual([3, 1]);
  });

  it('asks the core for an action from the finding, the owner picked', () => {
    const draft = { ...emptyActionDraft(), title: ' Replace the contact ', ownerId: 9, ownerText: 'Sian Roberts', due: ' 2027-01-31 ' };
    expect(actionInput(4, draft)).toEqual({
      title: ' Replace the contact ',
      description: '',
      owner_id: 9,
      due: '2027-01-31',
      source: 'finding',
      finding_id: 4,
      event_id: null,
      plan_id: null,
    });
  });

  it('refuses an owner typed but not picked; an empty one is left to the core', () => {
    expect(ownerProblem({ ...emptyActionDraft(), ownerText: 'Nobody' })).toContain('“Nobody” is not picked');
    expect(ownerProblem(emptyActionDraft())).toBeNull();
    expect(actionInput(4, emptyActionDraft()).owner_id).toBeNull();
    // A name cleared after a pick sends no owner.
    expect(actionInput(4, { ...emptyActionDraft(), ownerId: 9, ownerText: ' ' }).owner_id).toBeNull();
  });
});
