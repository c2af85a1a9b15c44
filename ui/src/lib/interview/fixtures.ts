// An interview as the core sends it, for the tests of the interview's state and steps.
import type { Activity, InterviewView } from '$lib/api';

const PAYROLL: Activity = { id: 7, name: 'Payroll', unit_id: null, unit_name: null, owner: '', description: '', products_services: [] };

/** The interview of `activity` (Payroll unless told), a draft with nothing in it but `over`. */
export function interviewView(over: Partial<InterviewView['interview']> = {}, activity: Activity = PAYROLL): InterviewView {
  return {
    activity,
    interview: {
      activity_id: activity.id,
      status: 'draft',
      interview_date: null,
      facilitator: '',
      notes: '',
      interviewees: [],
      peak_periods: '',
      backlog: '',
      ratings: [],
      mtpd_override: null,
      mtpd_override_reason: '',
      rto: { value: null, source: '', confidence: null },
      rpo: { value: null, source: '', confidence: null },
      mbco: { percent: null, statement: '', source: '', confidence: null },
      workarounds: '',
      workaround_duration: null,
      validated_by: null,
      validated_at: null,
      parked: [],
      unresolved: [],
      ...over,
    },
    proposal: null,
    mtpd: null,
    tier: null,
    falls: [],
    missing: [],
    resources: [],
    upstream: [],
    downstream: [],
  };
}
