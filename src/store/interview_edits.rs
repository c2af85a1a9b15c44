//! The edits of an interview: each one checked (refused at its field, changing
//! nothing), written, and logged with its old and new value; then the status is kept
//! honest.
//!
//! This file sends each edit to the function that applies it and holds the edits of the
//! interview's own columns (texts, date, durations, confidences, minimum service, MTPD
//! set by hand). The impact grid is in `ratings`, the people and parked questions in
//! `lists`, what the activity needs in `needs`, the status in `status`, values kept as
//! typed in `unresolved`; the rules the
//! typed values follow are the pure `analysis::interview_edit`.

use rusqlite::params;

use super::audit::Changes;
use super::interviews::ENTITY;
use crate::Result;
use crate::analysis::interview_edit as rules;
use crate::domain::{
    AuditAction, BiaSettings, Confidence, Duration, FieldErrors, Interview, InterviewConfidence,
    InterviewDuration, InterviewEdit, InterviewText,
};

mod lists;
mod needs;
mod ratings;
mod status;
mod unresolved;

pub(super) use needs::{add_resource, link};
pub(super) use status::settle_status;
pub(super) use unresolved::{keep, keep_reason, resolve};

/// How an old or new value is written in the audit log.
fn shown(value: Option<impl ToString>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// Applies `edit` to the interview of the activity `subject`, as it was `before`.
pub(super) fn apply(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    subject: (i64, &str),
    edit: &InterviewEdit,
) -> Result<()> {
    match edit {
        InterviewEdit::Text { field, value } => set_text(changes, subject, *field, value),
        InterviewEdit::Date { value } => set_date(changes, settings, before, subject, value),
        InterviewEdit::Duration { field, value } => {
            set_duration(changes, settings, before, subject, *field, value)
        }
        InterviewEdit::Confidence { field, value } => {
            set_confidence(changes, subject, *field, *value)
        }
        InterviewEdit::MbcoPercent { value } => set_mbco_percent(changes, before, subject, value),
        InterviewEdit::MtpdOverride { value, reason } => {
            set_mtpd_override(changes, before, subject, value, reason)
        }
        InterviewEdit::Rating {
            category_id,
            bucket_id,
            rating,
            rationale,
        } => ratings::set_rating(
            changes,
            settings,
            before,
            subject,
            (*category_id, *bucket_id),
            *rating,
            rationale,
        ),
        InterviewEdit::Quantity {
            category_id,
            bucket_id,
            value,
        } => ratings::set_quantity(
            changes,
            settings,
            before,
            subject,
            (*category_id, *bucket_id),
            value,
        ),
        InterviewEdit::AddInterviewee { name, role } => {
            lists::add_interviewee(changes, subject, name, role)
        }
        InterviewEdit::UpdateInterviewee { id, name, role } => {
            lists::update_interviewee(changes, before, subject, *id, name, role)
        }
        InterviewEdit::RemoveInterviewee { id } => {
            lists::remove_interviewee(changes, before, subject, *id)
        }
        InterviewEdit::ParkQuestion { question } => {
            lists::park_question(changes, subject, question)
        }
        InterviewEdit::ResolveQuestion { id, resolved } => {
            lists::resolve_question(changes, before, subject, *id, *resolved)
        }
        InterviewEdit::AddResource {
            resource_id,
            name,
            resource_kind,
        } => needs::add_named_resource(changes, subject, *resource_id, name, *resource_kind),
        InterviewEdit::RemoveResource { resource_id } => {
            needs::remove_resource(changes, subject, *resource_id)
        }
        InterviewEdit::ResourceAmount {
            resource_id,
            bucket_id,
            value,
        } => {
            needs::set_resource_amount(changes, settings, subject, *resource_id, *bucket_id, value)
        }
        InterviewEdit::AddDependency { other, upstream } => {
            link(changes, subject, *other, *upstream, true)
        }
        InterviewEdit::RemoveDependency { other, upstream } => {
            link(changes, subject, *other, *upstream, false)
        }
        // Status changes are settled after the edit, with the derived view in hand.
        InterviewEdit::Status { .. } => Ok(()),
    }
}

/// A free text of the interview (saved as it is typed).
fn set_text(
    changes: &Changes<'_>,
    subject: (i64, &str),
    field: InterviewText,
    value: &str,
) -> Result<()> {
    let mut errors = FieldErrors::new();
    let value = errors.optional_text(field.column(), "This text", value, 20_000);
    errors.into_result()?;
    let old: String = changes
        .tx
        .prepare_cached(&format!(
            "SELECT {} FROM interview WHERE activity_id = ?1",
            field.column()
        ))?
        .query_row([subject.0], |r| r.get(0))?;
    set_typed_column(changes, subject, field.column(), (&old, &value))
}

/// The date of the interview.
fn set_date(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    subject: (i64, &str),
    value: &str,
) -> Result<()> {
    let mut errors = FieldErrors::new();
    let date = errors.optional_date_in(
        "interview_date",
        "The interview date",
        value,
        settings.date_order,
    );
    errors.into_result()?;
    set_column(
        changes,
        subject,
        ("interview_date", "interview_date"),
        &date,
        (shown(before.interview_date), shown(date)),
    )
}

/// The RTO, the RPO or how long the workaround lasts; the RTO within the MTPD in force.
fn set_duration(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    subject: (i64, &str),
    field: InterviewDuration,
    value: &str,
) -> Result<()> {
    let duration = rules::optional_duration(field.field(), value)?;
    let old = match field {
        InterviewDuration::Rto => before.rto.value,
        InterviewDuration::Rpo => before.rpo.value,
        InterviewDuration::WorkaroundDuration => before.workaround_duration,
    };
    if field == InterviewDuration::Rto
        && let Some(rto) = duration
    {
        rules::check_rto(settings, before, rto)?;
    }
    set_column(
        changes,
        subject,
        (field.column(), field.field()),
        &duration.map(Duration::minutes),
        (shown(old), shown(duration)),
    )
}

/// How sure the interviewee was of a value.
fn set_confidence(
    changes: &Changes<'_>,
    subject: (i64, &str),
    field: InterviewConfidence,
    value: Option<Confidence>,
) -> Result<()> {
    let old: Option<String> = changes
        .tx
        .prepare_cached(&format!(
            "SELECT {} FROM interview WHERE activity_id = ?1",
            field.column()
        ))?
        .query_row([subject.0], |r| r.get(0))?;
    let new = value.map(|c| c.as_str().to_owned());
    set_column(
        changes,
        subject,
        (field.column(), field.column()),
        &new,
        (old, new.clone()),
    )
}

/// The minimum service level, as a percentage.
fn set_mbco_percent(
    changes: &Changes<'_>,
    before: &Interview,
    subject: (i64, &str),
    value: &str,
) -> Result<()> {
    let percent = rules::mbco_percent(value)?;
    set_column(
        changes,
        subject,
        ("mbco_percent", "mbco_percent"),
        &percent,
        (shown(before.mbco.percent), shown(percent)),
    )
}

/// An MTPD set by hand and the reason for it (cleared with it).
fn set_mtpd_override(
    changes: &Changes<'_>,
    before: &Interview,
    subject: (i64, &str),
    value: &str,
    reason: &str,
) -> Result<()> {
    let (mtpd, reason) = rules::mtpd_override(before, value, reason)?;
    set_column(
        changes,
        subject,
        ("mtpd_override_minutes", "mtpd_override"),
        &mtpd.map(Duration::minutes),
        (shown(before.mtpd_override), shown(mtpd)),
    )?;
    set_typed_column(
        changes,
        subject,
        "mtpd_override_reason",
        (&before.mtpd_override_reason, reason),
    )
}

/// Sets one column of the interview and logs the change when the value differs.
fn set_column(
    changes: &Changes<'_>,
    subject: (i64, &str),
    (column, field): (&str, &str),
    value: &dyn rusqlite::ToSql,
    (old, new): (Option<String>, Option<String>),
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    write_column(changes, subject.0, column, value)?;
    changes.record(
        AuditAction::Update,
        (ENTITY, subject.0, subject.1),
        Some(field),
        old.as_deref(),
        new.as_deref(),
    )
}

/// Sets a free-text column (saved as it is typed): the change joins the field's editing
/// run, logged once when the run ends.
fn set_typed_column(
    changes: &Changes<'_>,
    subject: (i64, &str),
    column: &str,
    (old, new): (&str, &str),
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    write_column(changes, subject.0, column, &new)?;
    changes.typed((ENTITY, subject.0, subject.1), column, Some(old), Some(new))
}

fn write_column(
    changes: &Changes<'_>,
    activity_id: i64,
    column: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<()> {
    changes
        .tx
        .prepare_cached(&format!(
            "UPDATE interview SET {column} = ?1, updated_at = ?2 WHERE activity_id = ?3"
        ))?
        .execute(params![value, changes.at, activity_id])?;
    Ok(())
}
