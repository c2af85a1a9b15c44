// Actions raised from the findings of an exercise's debrief or an incident's review: what
// is typed for each finding (kept with the finding's draft while tabs and pages change),
// the input the core takes, and the actions already raised, by finding.
import type { Action, ActionInput } from '$lib/api';

/** An action being raised from one finding, as typed. */
export type ActionDraft = {
  /** Whether its form is shown under the finding. */
  open: boolean;
  title: string;
  /** The person picked as owner; null while the name typed matches no one. */
  ownerId: number | null;
  ownerText: string;
  /** As typed: `YYYY-MM-DD` or the engagement's date order; the core reads it. */
  due: string;
};

export const emptyActionDraft = (): ActionDraft => ({ open: false, title: '', ownerId: null, ownerText: '', due: '' });

/** The actions of each finding (by finding id), each finding's by due date. */
export function actionsByFinding(actions: Action[]): Map<number, Action[]> {
  const byFinding = new Map<number, Action[]>();
  for (const a of actions) {
    if (a.finding_id == null) continue;
    byFinding.set(a.finding_id, [...(byFinding.get(a.finding_id) ?? []), a]);
  }
  for (const list of byFinding.values()) list.sort((x, y) => x.due.localeCompare(y.due) || x.id - y.id);
  return byFinding;
}

/** Why the owner typed cannot be sent, before asking the core; null when it can (an
 *  empty owner is the core's to refuse, at its field). */
export function ownerProblem(draft: ActionDraft): string | null {
  const typed = draft.ownerText.trim();
  if (typed !== '' && draft.ownerId == null) return `“${typed}” is not picked: choose the owner from the people listed.`;
  return null;
}

/** The action the core is asked to add from finding `findingId`: its exercise or
 *  incident, and the plan it names, the core takes from the finding. */
export function actionInput(findingId: number, draft: ActionDraft): ActionInput {
  return {
    title: draft.title,
    description: '',
    owner_id: draft.ownerText.trim() === '' ? null : draft.ownerId,
    due: draft.due.trim(),
    source: 'finding',
    finding_id: findingId,
    event_id: null,
    plan_id: null,
  };
}
