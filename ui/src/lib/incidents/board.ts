// What the incident board shows between two answers of the core, worked out from the
// board it last sent and the clock: each activity's status as its deadlines pass, a
// step's elapsed time and overrun, who may invoke a plan version, and the words for
// criteria, authority, statuses and the event itself (the same as the core's, src/event/).
import type {
  ActivityStatus,
  Authority,
  BoardActivity,
  BoardStep,
  CriterionRow,
  EventKind,
  InvokerRow,
  LogEntry,
  Person,
} from '$lib/api';
import { formatDuration } from '$lib/duration';
import { minutesBetween } from './time';

export const statusLabel: Record<ActivityStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  missed_rto: 'RTO missed',
  missed_mtpd: 'MTPD missed',
  met: 'met',
};

/** The activity's status at `now` (ms), by the core's rules (src/event/assessment.rs):
 *  once back at its minimum level it no longer moves; otherwise a deadline passed since
 *  the board was worked out counts at once, and with no prediction, less than a quarter
 *  of the RTO left puts it at risk. */
export function liveStatus(a: BoardActivity, now: number): ActivityStatus {
  if (a.minimum_at) return a.status;
  // Whole minutes, as the core counts them: a minute past the deadline is past it.
  const past = (deadline: string | null) => deadline != null && minutesBetween(Date.parse(deadline), now) > 0;
  if (past(a.mtpd_deadline)) return 'missed_mtpd';
  if (past(a.rto_deadline)) return 'missed_rto';
  if (a.status !== 'on_track' || !a.rto_deadline) return a.status;
  const rto = Date.parse(a.rto_deadline);
  if (a.predicted_at != null) return Date.parse(a.predicted_at) > rto ? 'at_risk' : 'on_track';
  const left = minutesBetween(now, rto);
  return left * 4 < (a.rto_min ?? 0) ? 'at_risk' : 'on_track';
}

export type StepState = 'waiting' | 'running' | 'done';

export function stepState(s: BoardStep): StepState {
  return s.done_at ? 'done' : s.started_at ? 'running' : 'waiting';
}

/** Minutes the step has run at `now` (to its finish once done), and whether that is
 *  beyond its estimate; null before it starts. */
export function stepElapsed(s: BoardStep, now: number): { minutes: number; overrun: boolean } | null {
  if (!s.started_at) return null;
  const end = s.done_at ? Date.parse(s.done_at) : now;
  const minutes = minutesBetween(Date.parse(s.started_at), end);
  return { minutes, overrun: s.estimate_min != null && minutes > s.estimate_min };
}

/** A criterion in words, with its threshold (as CriterionRow::describe). */
export function describeCriterion(c: CriterionRow): string {
  return c.threshold_min != null ? `${c.text} (expected to last longer than ${formatDuration(c.threshold_min)})` : c.text;
}

/** An invoker row in words (as InvokerRow::describe). */
export function describeInvoker(row: InvokerRow): string {
  const role = row.role.trim();
  const who = row.name != null ? (role ? `${row.name} (${role})` : row.name) : `anyone who is ${role}`;
  return row.alternate != null ? `${who}; alternate ${row.alternate}` : who;
}

/** How an invocation's authority reads after the invoker's name (as Authority::describe,
 *  without the reason, which is shown beside it). */
export function describeAuthority(a: Authority): string {
  switch (a.type) {
    case 'named':
      return 'named in the plan';
    case 'alternate_of':
      return `alternate of ${a.name}`;
    case 'role':
      return `as ${a.role}`;
    case 'without_authority':
      return 'without authority';
    case 'not_stated':
      return 'the plan version names no one who may invoke';
    case 'exercise':
      return 'as the plan version this exercise tests';
  }
}

/** Whether `invoker` may invoke a version naming `invokers`, as the core will decide it
 *  (src/event/record.rs `authority`): named, an alternate, holding a role named without a
 *  name (roles from the engagement's people), or none of these (a reason is needed). */
export function authorityFor(
  invokers: InvokerRow[],
  invoker: string,
  people: Pick<Person, 'name' | 'role'>[],
): { needsReason: boolean; words: string } {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const name = invoker.trim();
  if (invokers.length === 0) return { needsReason: false, words: 'This version names no one who may invoke it.' };
  if (name === '') return { needsReason: false, words: '' };
  if (invokers.some((r) => r.name != null && same(r.name, name))) {
    return { needsReason: false, words: `${name} is named in the plan.` };
  }
  const alternate = invokers.find((r) => r.alternate != null && same(r.alternate, name));
  if (alternate) return { needsReason: false, words: `${name} is the alternate of ${alternate.name ?? alternate.role}.` };
  const roles = people.filter((p) => same(p.name, name)).map((p) => p.role);
  const role = invokers.find((r) => r.name == null && roles.some((held) => same(held, r.role)));
  if (role) return { needsReason: false, words: `${name} holds the role ${role.role}.` };
  return {
    needsReason: true,
    words: `${name} is not named in the plan as someone who may invoke it. Give the reason; the invocation is then recorded and shown as without authority.`,
  };
}

/** Entry number → the numbers of the entries correcting it. */
export function corrections(log: LogEntry[]): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (const e of log) {
    if (e.corrects != null) by.set(e.corrects, [...(by.get(e.corrects) ?? []), e.seq]);
  }
  return by;
}

/** What the board is of, in a sentence: an exercise runs on the incident's board, and
 *  its tabs should not call it an incident. */
export function eventNoun(kind: EventKind): 'incident' | 'exercise' {
  return kind === 'incident' ? 'incident' : 'exercise';
}

/** How the board's end is said: an incident is stood down, an exercise closed. */
export function endedWord(kind: EventKind): 'Stood down' | 'Closed' {
  return kind === 'incident' ? 'Stood down' : 'Closed';
}
