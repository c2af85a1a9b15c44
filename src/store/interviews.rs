//! BIA interviews: reading one with everything derived from it, the prioritised list,
//! and applying edits (each batch in one transaction, each change in the audit log; the
//! edits themselves are in `interview_edits.rs`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::audit::Changes;
use super::interview_edits::{apply, keep, keep_reason, resolve, settle_status};
use super::{EngagementStore, bad_column, bia_settings, resources};
use crate::analysis::completeness::completeness;
use crate::analysis::interview::{InterviewView, derive};
use crate::analysis::interview_edit as rules;
use crate::domain::{
    Activity, ActivityQuery, AuditAction, BiaCompleteness, BiaResult, BiaSettings, Confidence,
    Duration, ImpactCell, Interview, InterviewEdit, InterviewStatus, Interviewee, MinimumService,
    Objective, ParkedQuestion, Unresolved,
};
use crate::{Error, Result};

pub(super) const ENTITY: &str = "interview";

fn minutes(column: usize, value: Option<i64>) -> rusqlite::Result<Option<Duration>> {
    value
        .map(|m| {
            u32::try_from(m)
                .ok()
                .and_then(Duration::from_minutes)
                .ok_or_else(|| bad_column(column, format!("{m} minutes is out of range")))
        })
        .transpose()
}

fn confidence(column: usize, value: Option<String>) -> rusqlite::Result<Option<Confidence>> {
    value
        .map(|v| {
            Confidence::parse(&v)
                .ok_or_else(|| bad_column(column, format!("unknown confidence {v:?}")))
        })
        .transpose()
}

/// An interview row by activity, and every interview row: the columns of
/// [`interview_row`], `activity_id` last so the others keep their index.
const INTERVIEW_OF: &str =
    "SELECT status, interview_date, facilitator, notes, peak_periods, backlog,
    mtpd_override_minutes, mtpd_override_reason,
    rto_minutes, rto_source, rto_confidence, rpo_minutes, rpo_source, rpo_confidence,
    mbco_percent, mbco_statement, mbco_source, mbco_confidence,
    workarounds, workaround_minutes, validated_by, validated_at, activity_id
    FROM interview WHERE activity_id = ?1";
const INTERVIEWS: &str = "SELECT status, interview_date, facilitator, notes, peak_periods, backlog,
    mtpd_override_minutes, mtpd_override_reason,
    rto_minutes, rto_source, rto_confidence, rpo_minutes, rpo_source, rpo_confidence,
    mbco_percent, mbco_statement, mbco_source, mbco_confidence,
    workarounds, workaround_minutes, validated_by, validated_at, activity_id
    FROM interview";

/// An interview row, without its lists.
fn interview_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Interview> {
    let activity_id: i64 = r.get(22)?;
    let status: String = r.get(0)?;
    let validated_at: Option<String> = r.get(21)?;
    Ok(Interview {
        activity_id,
        status: InterviewStatus::parse(&status)
            .ok_or_else(|| bad_column(0, format!("unknown status {status:?}")))?,
        interview_date: r.get::<_, Option<NaiveDate>>(1)?,
        facilitator: r.get(2)?,
        notes: r.get(3)?,
        interviewees: Vec::new(),
        peak_periods: r.get(4)?,
        backlog: r.get(5)?,
        ratings: Vec::new(),
        mtpd_override: minutes(6, r.get(6)?)?,
        mtpd_override_reason: r.get(7)?,
        rto: Objective {
            value: minutes(8, r.get(8)?)?,
            source: r.get(9)?,
            confidence: confidence(10, r.get(10)?)?,
        },
        rpo: Objective {
            value: minutes(11, r.get(11)?)?,
            source: r.get(12)?,
            confidence: confidence(13, r.get(13)?)?,
        },
        mbco: MinimumService {
            percent: r.get(14)?,
            statement: r.get(15)?,
            source: r.get(16)?,
            confidence: confidence(17, r.get(17)?)?,
        },
        workarounds: r.get(18)?,
        workaround_duration: minutes(19, r.get(19)?)?,
        validated_by: r.get(20)?,
        validated_at: validated_at
            .map(|t| {
                DateTime::parse_from_rfc3339(&t)
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|e| bad_column(21, e))
            })
            .transpose()?,
        parked: Vec::new(),
        unresolved: Vec::new(),
    })
}

// The lists of an interview, the activity id first: one activity's (`_OF`, in the
// order the old per-activity queries used) and every activity's.
const INTERVIEWEES_OF: &str = "SELECT activity_id, id, name, role FROM interviewee WHERE activity_id = ?1 ORDER BY position, id";
const INTERVIEWEES: &str =
    "SELECT activity_id, id, name, role FROM interviewee ORDER BY activity_id, position, id";
const RATINGS_OF: &str = "SELECT activity_id, category_id, bucket_id, rating, quantity, rationale FROM impact_rating WHERE activity_id = ?1";
const RATINGS: &str = "SELECT activity_id, category_id, bucket_id, rating, quantity, rationale FROM impact_rating ORDER BY activity_id, category_id, bucket_id";
const PARKED_OF: &str = "SELECT activity_id, id, question, resolved FROM parked_question WHERE activity_id = ?1 ORDER BY id";
const PARKED: &str =
    "SELECT activity_id, id, question, resolved FROM parked_question ORDER BY activity_id, id";
const UNRESOLVED_OF: &str = "SELECT activity_id, field, text, message FROM interview_unresolved WHERE activity_id = ?1 ORDER BY field";
const UNRESOLVED: &str = "SELECT activity_id, field, text, message FROM interview_unresolved ORDER BY activity_id, field";

fn interviewee(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Interviewee)> {
    Ok((
        r.get(0)?,
        Interviewee {
            id: r.get(1)?,
            name: r.get(2)?,
            role: r.get(3)?,
        },
    ))
}

fn rating(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, ImpactCell)> {
    Ok((
        r.get(0)?,
        ImpactCell {
            category_id: r.get(1)?,
            bucket_id: r.get(2)?,
            rating: r.get(3)?,
            quantity: r.get(4)?,
            rationale: r.get(5)?,
        },
    ))
}

fn unresolved(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Unresolved)> {
    let (field, text, message): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
    Ok((r.get(0)?, Unresolved::new(&field, &text, &message)))
}

fn parked(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, ParkedQuestion)> {
    Ok((
        r.get(0)?,
        ParkedQuestion {
            id: r.get(1)?,
            question: r.get(2)?,
            resolved: r.get(3)?,
        },
    ))
}

/// Runs `sql` (with `params`) and hands each row, read by `row`, to `put`.
fn each<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    row: fn(&rusqlite::Row<'_>) -> rusqlite::Result<(i64, T)>,
    mut put: impl FnMut(i64, T),
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    for item in stmt.query_map(params, row)? {
        let (activity_id, value) = item?;
        put(activity_id, value);
    }
    Ok(())
}

/// The stored interview of an activity, or a blank draft when none was started.
pub(super) fn read(conn: &Connection, activity_id: i64) -> rusqlite::Result<Interview> {
    let mut interview = read_but_kept(conn, activity_id)?;
    let i = &mut interview;
    each(conn, UNRESOLVED_OF, [activity_id], unresolved, |_, v| {
        i.unresolved.push(v)
    })?;
    Ok(interview)
}

/// [`read`] without the values kept as typed: for the reads between the edits of one
/// batch, which know those already (an import reads each interview several times).
fn read_but_kept(conn: &Connection, activity_id: i64) -> rusqlite::Result<Interview> {
    let Some(mut interview) = conn
        .prepare_cached(INTERVIEW_OF)?
        .query_row([activity_id], interview_row)
        .optional()?
    else {
        return Ok(blank(activity_id));
    };
    let i = &mut interview;
    each(conn, INTERVIEWEES_OF, [activity_id], interviewee, |_, v| {
        i.interviewees.push(v)
    })?;
    each(conn, RATINGS_OF, [activity_id], rating, |_, v| {
        i.ratings.push(v)
    })?;
    each(conn, PARKED_OF, [activity_id], parked, |_, v| {
        i.parked.push(v)
    })?;
    Ok(interview)
}

/// Every stored interview, by activity, with its lists: five queries whatever the number.
fn read_all(conn: &Connection) -> rusqlite::Result<HashMap<i64, Interview>> {
    let mut interviews: HashMap<i64, Interview> = conn
        .prepare_cached(INTERVIEWS)?
        .query_map([], interview_row)?
        .map(|i| i.map(|i| (i.activity_id, i)))
        .collect::<rusqlite::Result<_>>()?;
    each(conn, INTERVIEWEES, [], interviewee, |id, v| {
        if let Some(i) = interviews.get_mut(&id) {
            i.interviewees.push(v);
        }
    })?;
    each(conn, RATINGS, [], rating, |id, v| {
        if let Some(i) = interviews.get_mut(&id) {
            i.ratings.push(v);
        }
    })?;
    each(conn, PARKED, [], parked, |id, v| {
        if let Some(i) = interviews.get_mut(&id) {
            i.parked.push(v);
        }
    })?;
    each(conn, UNRESOLVED, [], unresolved, |id, v| {
        if let Some(i) = interviews.get_mut(&id) {
            i.unresolved.push(v);
        }
    })?;
    Ok(interviews)
}

fn blank(activity_id: i64) -> Interview {
    Interview {
        activity_id,
        status: InterviewStatus::Draft,
        interview_date: None,
        facilitator: String::new(),
        notes: String::new(),
        interviewees: Vec::new(),
        peak_periods: String::new(),
        backlog: String::new(),
        ratings: Vec::new(),
        mtpd_override: None,
        mtpd_override_reason: String::new(),
        rto: Objective::default(),
        rpo: Objective::default(),
        mbco: MinimumService::default(),
        workarounds: String::new(),
        workaround_duration: None,
        validated_by: None,
        validated_at: None,
        parked: Vec::new(),
        unresolved: Vec::new(),
    }
}

impl EngagementStore {
    /// The interview of an activity (a blank draft if none was started), with everything
    /// derived from it.
    pub fn interview(&self, activity_id: i64) -> Result<InterviewView> {
        let activity = self.activity(activity_id)?;
        let settings = bia_settings::read(&self.conn)?;
        let mut view = derive(&settings, activity, read(&self.conn, activity_id)?);
        view.resources = resources::needs(&self.conn, activity_id)?;
        (view.upstream, view.downstream) = resources::links(&self.conn, activity_id)?;
        Ok(view)
    }

    /// Every activity with what its BIA concluded, most urgent first: by RTO (none last),
    /// then MTPD, then name.
    pub fn bia_results(&self) -> Result<Vec<BiaResult>> {
        let settings = bia_settings::read(&self.conn)?;
        let mut interviews = read_all(&self.conn)?;
        let counts = |sql: &str| -> Result<std::collections::HashMap<i64, usize>> {
            Ok(self
                .conn
                .prepare(sql)?
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .map(|(id, n)| (id, usize::try_from(n).unwrap_or(0)))
                .collect())
        };
        let resource_counts =
            counts("SELECT activity_id, count(*) FROM activity_resource GROUP BY activity_id")?;
        let dependency_counts = counts(
            "SELECT activity_id, count(*) FROM (
                 SELECT activity_id FROM activity_dependency
                 UNION ALL
                 SELECT ar.activity_id FROM activity_resource ar JOIN resource r ON r.id = ar.resource_id
                 WHERE r.kind = 'supplier'
             ) GROUP BY activity_id",
        )?;
        let mut results = Vec::new();
        for activity in self.activities(&ActivityQuery::default())? {
            let stored = interviews.remove(&activity.id);
            let started = stored.is_some();
            let interview = stored.unwrap_or_else(|| blank(activity.id));
            let v = derive(&settings, activity.clone(), interview);
            results.push(BiaResult {
                activity_id: activity.id,
                activity: activity.name,
                unit: activity.unit_name,
                status: started.then_some(v.interview.status),
                mtpd: v.mtpd,
                mtpd_overridden: v.interview.mtpd_override.is_some(),
                rto: v.interview.rto.value,
                rpo: v.interview.rpo.value,
                mbco_percent: v.interview.mbco.percent,
                mbco_statement: v.interview.mbco.statement,
                tier: v.tier,
                missing: v.missing.len(),
                unresolved: v.interview.unresolved.clone(),
                peak_by_bucket: settings
                    .buckets
                    .iter()
                    .map(|b| {
                        v.interview
                            .ratings
                            .iter()
                            .filter(|c| c.bucket_id == b.id)
                            .map(|c| c.rating)
                            .max()
                    })
                    .collect(),
                resources: resource_counts.get(&activity.id).copied().unwrap_or(0),
                dependencies: dependency_counts.get(&activity.id).copied().unwrap_or(0),
            });
        }
        results.sort_by(|a, b| {
            let key = |r: &BiaResult| (r.rto.is_none(), r.rto, r.mtpd.is_none(), r.mtpd);
            key(a)
                .cmp(&key(b))
                .then_with(|| a.activity.to_lowercase().cmp(&b.activity.to_lowercase()))
        });
        Ok(results)
    }

    /// Tries again every interview date kept as typed (after the engagement said which
    /// comes first in dates written with numbers only); those now read are resolved.
    pub(super) fn retry_kept_dates(&mut self) -> Result<()> {
        let kept: Vec<(i64, String)> = self
            .conn
            .prepare(
                "SELECT activity_id, text FROM interview_unresolved WHERE field = 'interview_date'",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (activity_id, value) in kept {
            self.edit_interview_keeping(activity_id, &[InterviewEdit::Date { value }])?;
        }
        Ok(())
    }

    /// How many values are kept as typed, unresolved, in the whole engagement (in
    /// interviews and in what resources can do).
    pub fn unresolved_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM interview_unresolved) + (SELECT count(*) FROM resource_unresolved)",
                [],
                |r| r.get(0),
            )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// What the BIA still lacks, activity by activity and against ISO 22301 8.2.2.
    pub fn bia_completeness(&self) -> Result<BiaCompleteness> {
        let settings = bia_settings::read(&self.conn)?;
        let activities = self.activities(&ActivityQuery::default())?;
        Ok(completeness(&settings, &activities, &self.bia_results()?))
    }

    /// Applies one edit to an activity's interview, starting the interview if needed.
    /// A refused edit changes nothing and says why, at the field.
    pub fn edit_interview(
        &mut self,
        activity_id: i64,
        edit: &InterviewEdit,
    ) -> Result<InterviewView> {
        self.edit_interview_all(activity_id, std::slice::from_ref(edit))
    }

    /// Applies several edits in order, in one transaction: all of them or none.
    pub fn edit_interview_all(
        &mut self,
        activity_id: i64,
        edits: &[InterviewEdit],
    ) -> Result<InterviewView> {
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            let settings = bia_settings::read(changes.tx)?;
            apply_edits(changes, &settings, &activity, edits)
        })?;
        self.interview(activity_id)
    }

    /// Applies edits as [`Self::edit_interview_all`] does, except that a single value
    /// typed into a checked field that cannot be accepted is kept as typed, unresolved,
    /// with the reason (`2w` as RTO when the MTPD is 8h, `sixty` as minimum service),
    /// instead of being refused: nothing a person says is lost. The value in force is
    /// unchanged, and the interview lists the unresolved value as missing. Other
    /// refusals (and edits that are not typed values) are refused as before.
    pub fn edit_interview_keeping(
        &mut self,
        activity_id: i64,
        edits: &[InterviewEdit],
    ) -> Result<InterviewView> {
        let refused = match self.edit_interview_all(activity_id, edits) {
            Err(Error::Invalid(refused)) => refused,
            other => return other,
        };
        let [edit] = edits else {
            return Err(Error::Invalid(refused));
        };
        let Some(value) = rules::unresolved(edit, &refused) else {
            return Err(Error::Invalid(refused));
        };
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            let settings = bia_settings::read(changes.tx)?;
            keep_refused(changes, &settings, &activity, edit, &value)
        })?;
        self.interview(activity_id)
    }
}

/// Applies edits to an activity's interview in order, starting it if needed; after each
/// one the status is kept honest.
pub(super) fn apply_edits(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    activity: &Activity,
    edits: &[InterviewEdit],
) -> Result<()> {
    start_if_needed(changes, activity.id, &activity.name)?;
    let mut before = read(changes.tx, activity.id)?;
    for edit in edits {
        let subject = (activity.id, activity.name.as_str());
        apply(changes, settings, &before, subject, edit)?;
        // A value accepted (or cleared) at a field ends what was kept there as typed;
        // nothing else in a batch keeps or resolves one, so the list is carried along.
        let mut kept = std::mem::take(&mut before.unresolved);
        if !kept.is_empty()
            && let Some((field, _)) = rules::typed_value(edit)
            && kept.iter().any(|u| u.field == field)
        {
            resolve(changes, subject, &field)?;
            kept.retain(|u| u.field != field);
        }
        let read_now = || -> rusqlite::Result<Interview> {
            let mut now = read_but_kept(changes.tx, activity.id)?;
            now.unresolved.clone_from(&kept);
            Ok(now)
        };
        let after = read_now()?;
        let settled = settle_status(changes, settings, activity, &before, after.clone(), edit)?;
        // What the next edit starts from: as it was after this one, unless settling
        // the status changed it.
        before = if settled { read_now()? } else { after };
    }
    Ok(())
}

/// Keeps `value`, what `edit` typed and could not be accepted, in the activity's
/// interview (starting it if needed), then keeps the status honest: an interview with a
/// value unresolved is not complete.
pub(super) fn keep_refused(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    activity: &Activity,
    edit: &InterviewEdit,
    value: &Unresolved,
) -> Result<()> {
    start_if_needed(changes, activity.id, &activity.name)?;
    let before = read(changes.tx, activity.id)?;
    keep(changes, (activity.id, &activity.name), value)?;
    if let InterviewEdit::MtpdOverride { reason, .. } = edit {
        keep_reason(changes, (activity.id, &activity.name), reason)?;
    }
    let after = read(changes.tx, activity.id)?;
    settle_status(changes, settings, activity, &before, after, edit)?;
    Ok(())
}

/// Starts the interview of an activity on its first edit, facilitated by whoever makes it.
pub(super) fn start_if_needed(changes: &Changes<'_>, activity_id: i64, label: &str) -> Result<()> {
    let inserted = changes
        .tx
        .prepare_cached(
            "INSERT INTO interview (activity_id, facilitator, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT (activity_id) DO NOTHING",
        )?
        .execute(params![activity_id, changes.actor(), changes.at])?;
    if inserted > 0 {
        let subject = (ENTITY, activity_id, label);
        changes.record(
            AuditAction::Create,
            subject,
            Some("status"),
            None,
            Some("draft"),
        )?;
        changes.record(
            AuditAction::Create,
            subject,
            Some("facilitator"),
            None,
            Some(changes.actor()),
        )?;
    }
    Ok(())
}
