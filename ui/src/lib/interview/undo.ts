// What undoes an interview edit: computed from the interview as it was before the edit.
import type { BiaSettings, InterviewEdit, InterviewText, InterviewView } from '$lib/api';
import { formatDuration } from '$lib/duration';

export function textValue(view: InterviewView, field: InterviewText): string {
  const i = view.interview;
  switch (field) {
    case 'facilitator':
      return i.facilitator;
    case 'notes':
      return i.notes;
    case 'peak_periods':
      return i.peak_periods;
    case 'backlog':
      return i.backlog;
    case 'rto_source':
      return i.rto.source;
    case 'rpo_source':
      return i.rpo.source;
    case 'mbco_statement':
      return i.mbco.statement;
    case 'mbco_source':
      return i.mbco.source;
    case 'workarounds':
      return i.workarounds;
  }
}

/** The edits that put back what `edit` changed, from the interview before and after it;
 *  null when it is not undone here (parked questions and status changes are undone by
 *  hand, and are in the audit log). */
export function inverseOf(
  view: InterviewView,
  settings: BiaSettings,
  edit: InterviewEdit,
  after: InterviewView = view,
): InterviewEdit[] | null {
  const i = view.interview;
  switch (edit.kind) {
    case 'text':
      return [{ kind: 'text', field: edit.field, value: textValue(view, edit.field) }];
    case 'date':
      return [{ kind: 'date', value: i.interview_date ?? '' }];
    case 'duration': {
      const old = { rto: i.rto.value, rpo: i.rpo.value, workaround_duration: i.workaround_duration }[edit.field];
      return [{ kind: 'duration', field: edit.field, value: formatDuration(old) }];
    }
    case 'confidence': {
      const old = { rto: i.rto.confidence, rpo: i.rpo.confidence, mbco: i.mbco.confidence }[edit.field];
      return [{ kind: 'confidence', field: edit.field, value: old }];
    }
    case 'mbco_percent':
      return [{ kind: 'mbco_percent', value: i.mbco.percent == null ? '' : String(i.mbco.percent) }];
    case 'mtpd_override':
      return [{ kind: 'mtpd_override', value: formatDuration(i.mtpd_override), reason: i.mtpd_override_reason }];
    case 'rating':
      // A rating may raise the later cells of its row: put the whole row back, earliest
      // first, so every step on the way is a valid row again.
      return settings.buckets.map((bucket) => {
        const old = i.ratings.find((c) => c.category_id === edit.category_id && c.bucket_id === bucket.id);
        return {
          kind: 'rating',
          category_id: edit.category_id,
          bucket_id: bucket.id,
          rating: old ? old.rating : null,
          rationale: old?.rationale ?? '',
        };
      });
    case 'quantity': {
      const old = i.ratings.find((c) => c.category_id === edit.category_id && c.bucket_id === edit.bucket_id);
      return [
        {
          kind: 'quantity',
          category_id: edit.category_id,
          bucket_id: edit.bucket_id,
          value: old?.quantity == null ? '' : String(old.quantity),
        },
      ];
    }
    case 'add_interviewee': {
      const added = after.interview.interviewees.find((p) => !i.interviewees.some((q) => q.id === p.id));
      return added ? [{ kind: 'remove_interviewee', id: added.id }] : [];
    }
    case 'update_interviewee': {
      const old = i.interviewees.find((p) => p.id === edit.id);
      return old ? [{ kind: 'update_interviewee', id: old.id, name: old.name, role: old.role }] : [];
    }
    case 'remove_interviewee': {
      const old = i.interviewees.find((p) => p.id === edit.id);
      return old ? [{ kind: 'add_interviewee', name: old.name, role: old.role }] : [];
    }
    case 'add_resource': {
      const added = after.resources.find((n) => !view.resources.some((m) => m.resource.id === n.resource.id));
      return added ? [{ kind: 'remove_resource', resource_id: added.resource.id }] : [];
    }
    case 'remove_resource': {
      // Put the resource back with the amounts it had.
      const old = view.resources.find((n) => n.resource.id === edit.resource_id);
      if (!old) return [];
      return [
        { kind: 'add_resource', resource_id: old.resource.id, name: old.resource.name, resource_kind: old.resource.kind },
        ...old.amounts.map(
          (a): InterviewEdit => ({
            kind: 'resource_amount',
            resource_id: old.resource.id,
            bucket_id: a.bucket_id,
            value: String(a.quantity),
          }),
        ),
      ];
    }
    case 'resource_amount': {
      const old = view.resources
        .find((n) => n.resource.id === edit.resource_id)
        ?.amounts.find((a) => a.bucket_id === edit.bucket_id)?.quantity;
      return [{ ...edit, value: old == null ? '' : String(old) }];
    }
    case 'add_dependency':
      return [{ kind: 'remove_dependency', other: edit.other, upstream: edit.upstream }];
    case 'remove_dependency':
      return [{ kind: 'add_dependency', other: edit.other, upstream: edit.upstream }];
    default:
      return null;
  }
}

/** The status edit that puts back what `edits` changed of the interview's status as a side
 *  effect (a change to a validated interview withdraws its validation): done last, once the
 *  content is back. Nothing when the status did not move or an edit set it on purpose. */
export function statusRestore(before: InterviewView, after: InterviewView, edits: InterviewEdit[]): InterviewEdit[] {
  const was = before.interview;
  if (was.status === after.interview.status || edits.some((e) => e.kind === 'status')) return [];
  return [{ kind: 'status', status: was.status, confirmed_by: was.validated_by ?? '' }];
}

/** The error keys the core uses for an edit's fields. */
export function fieldsOf(edit: InterviewEdit): string[] {
  switch (edit.kind) {
    case 'text':
      return [edit.field];
    case 'date':
      return ['interview_date'];
    case 'duration':
      return [edit.field];
    case 'confidence':
      return [];
    case 'mbco_percent':
      return ['mbco_percent'];
    case 'mtpd_override':
      return ['mtpd_override', 'mtpd_override_reason'];
    case 'rating':
      return ['rating', 'rationale'];
    case 'quantity':
      return ['quantity'];
    case 'add_interviewee':
    case 'update_interviewee':
    case 'remove_interviewee':
      return ['interviewee_name', 'interviewee_role'];
    case 'park_question':
    case 'resolve_question':
      return ['question'];
    case 'add_resource':
    case 'remove_resource':
      return ['resource_name'];
    case 'resource_amount':
      return ['resource_amount'];
    case 'add_dependency':
    case 'remove_dependency':
      return ['dependency'];
    case 'status':
      return ['status', 'confirmed_by'];
  }
}
