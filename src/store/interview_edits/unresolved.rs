//! Values kept as typed: what a person typed into a checked field and Keel could not
//! accept is written here with the reason (and logged), and goes when the field is next
//! saved with a value Keel accepts, or cleared. What is kept is `analysis::interview_edit::
//! unresolved`; the value in force stays the one accepted before.

use rusqlite::{OptionalExtension, params};

use super::ENTITY;
use crate::Result;
use crate::domain::{AuditAction, Unresolved};
use crate::store::audit::Changes;

/// How a kept value is written in the audit log.
fn shown(text: &str) -> String {
    format!("“{text}” (unresolved)")
}

/// Keeps `value` for the activity `subject`, replacing what was kept at its field.
pub(in crate::store) fn keep(
    changes: &Changes<'_>,
    subject: (i64, &str),
    value: &Unresolved,
) -> Result<()> {
    let old = kept(changes, subject.0, &value.field)?;
    if old.as_deref() == Some(value.text.as_str()) {
        return Ok(());
    }
    changes
        .tx
        .prepare_cached(
            "INSERT INTO interview_unresolved (activity_id, field, text, message, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (activity_id, field)
             DO UPDATE SET text = excluded.text, message = excluded.message, recorded_at = excluded.recorded_at",
        )?
        .execute(params![
            subject.0,
            value.field,
            value.text,
            value.message,
            changes.at
        ])?;
    changes.record(
        AuditAction::Update,
        (ENTITY, subject.0, subject.1),
        Some(&value.field),
        old.as_deref().map(shown).as_deref(),
        Some(&shown(&value.text)),
    )
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
    let Some(old) = kept(changes, subject.0, field)? else {
        return Ok(());
    };
    changes
        .tx
        .prepare_cached("DELETE FROM interview_unresolved WHERE activity_id = ?1 AND field = ?2")?
        .execute(params![subject.0, field])?;
    changes.record(
        AuditAction::Update,
        (ENTITY, subject.0, subject.1),
        Some(field),
        Some(&shown(&old)),
        Some("resolved"),
    )
}

fn kept(changes: &Changes<'_>, activity_id: i64, field: &str) -> Result<Option<String>> {
    Ok(changes
        .tx
        .prepare_cached(
            "SELECT text FROM interview_unresolved WHERE activity_id = ?1 AND field = ?2",
        )?
        .query_row(params![activity_id, field], |r| r.get(0))
        .optional()?)
}
