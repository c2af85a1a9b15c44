//! Values kept as typed: what a person typed into a checked field and Keel could not
//! accept is written here with the reason (and logged), and goes when the field is next
//! saved with a value Keel accepts, or cleared. What is kept is `analysis::interview_edit::
//! unresolved`; the value in force stays the one accepted before.

use rusqlite::params;

use super::ENTITY;
use crate::Result;
use crate::domain::{AuditAction, Unresolved};
use crate::store::audit::Changes;
use crate::store::kept_values::INTERVIEW;

/// Keeps `value` for the activity `subject`, replacing what was kept at its field.
pub(in crate::store) fn keep(
    changes: &Changes<'_>,
    subject: (i64, &str),
    value: &Unresolved,
) -> Result<()> {
    let old = INTERVIEW.text(changes, subject.0, &value.field)?;
    if old.as_deref() == Some(value.text.as_str()) {
        return Ok(());
    }
    INTERVIEW.keep(changes, subject, value, old.as_deref())
}

/// The reason typed with an MTPD set by hand that is kept as typed: saved on its own, so
/// that it is not lost with the refused edit (it takes effect with the MTPD once that is
/// accepted).
pub(in crate::store) fn keep_reason(
    changes: &Changes<'_>,
    subject: (i64, &str),
    reason: &str,
) -> Result<()> {
    let reason = reason.trim();
    let old: String = changes
        .tx
        .prepare_cached("SELECT mtpd_override_reason FROM interview WHERE activity_id = ?1")?
        .query_row([subject.0], |r| r.get(0))?;
    if old == reason || reason.is_empty() {
        return Ok(());
    }
    changes
        .tx
        .prepare_cached(
            "UPDATE interview SET mtpd_override_reason = ?1, updated_at = ?2 WHERE activity_id = ?3",
        )?
        .execute(params![reason, changes.at, subject.0])?;
    changes.record(
        AuditAction::Update,
        (ENTITY, subject.0, subject.1),
        Some("mtpd_override_reason"),
        Some(old.as_str()).filter(|o| !o.is_empty()),
        Some(reason),
    )
}

/// Forgets what was kept at `field` (it was just saved or cleared), logging it.
pub(in crate::store) fn resolve(
    changes: &Changes<'_>,
    subject: (i64, &str),
    field: &str,
) -> Result<()> {
    match INTERVIEW.text(changes, subject.0, field)? {
        Some(old) => INTERVIEW.resolve(changes, subject, field, &old),
        None => Ok(()),
    }
}
