//! The status of an interview after an edit: the change asked for, or the one that keeps
//! it honest (the rule is `analysis::interview_edit::status_after`), written and logged
//! with who confirmed a validation.

use rusqlite::params;

use crate::Result;
use crate::analysis::interview::derive;
use crate::analysis::interview_edit as rules;
use crate::domain::{
    Activity, AuditAction, BiaSettings, Interview, InterviewEdit, InterviewStatus,
};
use crate::store::audit::Changes;
use crate::store::interviews::ENTITY;

/// Applies a status change, and keeps the status honest after any other edit: an
/// interview that is no longer complete goes back to draft, and one whose content
/// changed after it was validated loses its validation. True when the status changed.
pub(in crate::store) fn settle_status(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    activity: &Activity,
    before: &Interview,
    after: Interview,
    edit: &InterviewEdit,
) -> Result<bool> {
    let current = after.status;
    if current == InterviewStatus::Draft && !matches!(edit, InterviewEdit::Status { .. }) {
        // Only a status change moves a draft: nothing to derive.
        return Ok(false);
    }
    let derived = derive(settings, activity.clone(), after);
    let Some((target, confirmed_by)) = rules::status_after(current, &derived.missing, edit)? else {
        return Ok(false);
    };
    let (by, at) = match target {
        InterviewStatus::Validated => (confirmed_by, Some(changes.at.to_owned())),
        _ => (None, None),
    };
    changes.tx.execute(
        "UPDATE interview SET status = ?1, validated_by = ?2, validated_at = ?3, updated_at = ?4 WHERE activity_id = ?5",
        params![target.as_str(), by, at, changes.at, activity.id],
    )?;
    let describe = |status: InterviewStatus, by: Option<&str>| match (status, by) {
        (InterviewStatus::Validated, Some(by)) => format!("validated (confirmed by {by})"),
        (status, _) => status.as_str().to_owned(),
    };
    changes.record(
        AuditAction::Update,
        (ENTITY, activity.id, &activity.name),
        Some("status"),
        Some(&describe(current, before.validated_by.as_deref())),
        Some(&describe(target, by.as_deref())),
    )?;
    Ok(true)
}
