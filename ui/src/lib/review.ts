// The review and the actions, as the pages show them: items grouped by kind (the most
// urgent group first), where each is fixed, actions grouped by owner, what a status
// change needs before it is sent.
import type { Action, ActionEdit, ActionStatus, Review, ReviewItem, ReviewKind, ReviewLink, Severity } from '$lib/api';
import type { Arrival, Page } from '$lib/session.svelte';

export type KindGroup = { kind: ReviewKind; label: string; items: ReviewItem[] };

/** The items by kind, each group in the review's order (most urgent first), the groups
 *  ordered by their most urgent item. */
export function groupByKind(review: Review): KindGroup[] {
  const labels = new Map(review.counts.map((c) => [c.kind, c.label]));
  const groups = new Map<ReviewKind, KindGroup>();
  for (const item of review.items) {
    let group = groups.get(item.kind);
    if (!group) {
      group = { kind: item.kind, label: labels.get(item.kind) ?? item.kind, items: [] };
      groups.set(item.kind, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** The date beside an item: when it is (or was) due, or, for what went stale on a day
 *  (a BIA changed after its validation, a finding after the plan's approval), since when. */
export function dateLabel(item: ReviewItem, today: string): { text: string; past: boolean } {
  if (!item.due) return { text: 'no date', past: false };
  if (item.kind === 'bia_changed' || item.kind === 'plan_finding') return { text: `since ${item.due}`, past: false };
  return { text: `due ${item.due}`, past: item.due < today };
}

/** The `n` most urgent items. */

export function mostUrgent(review: Review, n = 3): ReviewItem[] {
  return review.items.slice(0, n);
}

/** How many items are critical or high. */
export function urgentCount(review: Review): number {
  return review.items.filter((i) => i.severity === 'critical' || i.severity === 'high').length;
}

export const severityLabel: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Where a link takes the facilitator: the page and what it opens there. A plan due
 *  for an exercise (the link names the plan) opens the Exercises page preparing one
 *  that tests it. */
export type Destination = { page: Page; arrival: Arrival | null; interview: number | null; label: string };

export function destination(link: ReviewLink): Destination {
  switch (link.page) {
    case 'plans':
      return { page: 'plans', arrival: { page: 'plans', planId: link.id }, interview: null, label: 'Open the plan' };
    case 'exercises':
      return {
        page: 'exercises',
        arrival: { page: 'exercises', planId: link.id },
        interview: null,
        label: 'Prepare an exercise of the plan',
      };
    case 'people':
      return { page: 'people', arrival: { page: 'people', personId: link.id }, interview: null, label: 'Verify the contact' };
    case 'interview':
      return { page: 'interview', arrival: null, interview: link.id, label: 'Open the interview' };
    case 'resources':
      return {
        page: 'resources',
        arrival: { page: 'resources', resourceId: link.id, field: 'rtc' },
        interview: null,
        label: 'Open the resource',
      };
    case 'actions':
      return { page: 'actions', arrival: { page: 'actions', actionId: link.id }, interview: null, label: 'Open the action' };
  }
}

export type OwnerGroup = { owner: string; actions: Action[] };

/** Actions by owner (owners by name), each owner's by due date. */
export function groupByOwner(actions: Action[]): OwnerGroup[] {
  const byOwner = new Map<string, Action[]>();
  for (const a of actions) byOwner.set(a.owner, [...(byOwner.get(a.owner) ?? []), a]);
  return [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, list]) => ({ owner, actions: [...list].sort((x, y) => x.due.localeCompare(y.due) || x.id - y.id) }));
}

export const statusLabel: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  verified: 'Verified',
  risk_accepted: 'Risk accepted',
};

/** The button that moves an action to a status. */
export const moveLabel: Record<ActionStatus, string> = {
  open: 'Reopen',
  in_progress: 'Start',
  done: 'Done',
  verified: 'Verify',
  risk_accepted: 'Accept risk',
};

/** The statuses an action can be moved to from `status` (a verified action stays). */
export function nextStatuses(status: ActionStatus): ActionStatus[] {
  if (status === 'verified') return [];
  const all: ActionStatus[] = ['open', 'in_progress', 'done', 'verified', 'risk_accepted'];
  return all.filter((s) => s !== status && (s !== 'verified' || status === 'done'));
}

/** Whether an action is still to be done and past its due date on `today` (YYYY-MM-DD). */
export function isOverdue(action: Action, today: string): boolean {
  return (action.status === 'open' || action.status === 'in_progress') && action.due < today;
}

/** The edit that moves an action to `status`; accepting a risk sends who and why. */
export function statusEdit(status: ActionStatus, acceptedBy = '', acceptedWhy = ''): ActionEdit {
  const edit: ActionEdit = {
    title: null,
    description: null,
    owner_id: null,
    due: null,
    status,
    accepted_by: null,
    accepted_why: null,
  };
  if (status === 'risk_accepted') {
    edit.accepted_by = acceptedBy;
    edit.accepted_why = acceptedWhy;
  }
  return edit;
}
