//! The lists an interview keeps: who was interviewed (added, changed, removed) and the
//! questions parked for later (parked, resolved or opened again), each change logged.

use rusqlite::params;

use crate::analysis::interview_edit as rules;
use crate::domain::{AuditAction, FieldErrors, Interview, Interviewee};
use crate::store::audit::Changes;
use crate::store::interviews::ENTITY;
use crate::{Error, Result};

pub(super) fn add_interviewee(
    changes: &Changes<'_>,
    (activity_id, label): (i64, &str),
    name: &str,
    role: &str,
) -> Result<()> {
    let (name, role) = rules::interviewee(name, role)?;
    changes.tx.execute(
        "INSERT INTO interviewee (activity_id, position, name, role)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM interviewee WHERE activity_id = ?1), ?2, ?3)",
        params![activity_id, name, role],
    )?;
    changes.record(
        AuditAction::Create,
        (ENTITY, activity_id, label),
        Some("interviewee"),
        None,
        Some(&person(&name, &role)),
    )
}

pub(super) fn update_interviewee(
    changes: &Changes<'_>,
    before: &Interview,
    (activity_id, label): (i64, &str),
    id: i64,
    name: &str,
    role: &str,
) -> Result<()> {
    let (name, role) = rules::interviewee(name, role)?;
    let old = interviewee(before, id)?;
    if old.name == name && old.role == role {
        return Ok(());
    }
    changes.tx.execute(
        "UPDATE interviewee SET name = ?1, role = ?2 WHERE id = ?3",
        params![name, role, id],
    )?;
    changes.record(
        AuditAction::Update,
        (ENTITY, activity_id, label),
        Some("interviewee"),
        Some(&person(&old.name, &old.role)),
        Some(&person(&name, &role)),
    )
}

pub(super) fn remove_interviewee(
    changes: &Changes<'_>,
    before: &Interview,
    (activity_id, label): (i64, &str),
    id: i64,
) -> Result<()> {
    let old = interviewee(before, id)?;
    changes
        .tx
        .execute("DELETE FROM interviewee WHERE id = ?1", [id])?;
    changes.record(
        AuditAction::Delete,
        (ENTITY, activity_id, label),
        Some("interviewee"),
        Some(&person(&old.name, &old.role)),
        None,
    )
}

pub(super) fn park_question(
    changes: &Changes<'_>,
    (activity_id, label): (i64, &str),
    question: &str,
) -> Result<()> {
    let mut errors = FieldErrors::new();
    let question = errors.required_text("question", "The question", question, 2_000);
    errors.into_result()?;
    changes.tx.execute(
        "INSERT INTO parked_question (activity_id, question, created_at) VALUES (?1, ?2, ?3)",
        params![activity_id, question, changes.at],
    )?;
    changes.record(
        AuditAction::Create,
        (ENTITY, activity_id, label),
        Some("parked_question"),
        None,
        Some(&question),
    )
}

pub(super) fn resolve_question(
    changes: &Changes<'_>,
    before: &Interview,
    (activity_id, label): (i64, &str),
    id: i64,
    resolved: bool,
) -> Result<()> {
    let old = before
        .parked
        .iter()
        .find(|q| q.id == id)
        .ok_or(Error::NotFound {
            entity: "parked question",
            id,
        })?;
    if old.resolved == resolved {
        return Ok(());
    }
    changes.tx.execute(
        "UPDATE parked_question SET resolved = ?1 WHERE id = ?2",
        params![resolved, id],
    )?;
    let state = |r: bool| if r { "resolved" } else { "open" };
    changes.record(
        AuditAction::Update,
        (ENTITY, activity_id, label),
        Some(&format!("parked_question \u{201c}{}\u{201d}", old.question)),
        Some(state(old.resolved)),
        Some(state(resolved)),
    )
}

fn interviewee(interview: &Interview, id: i64) -> Result<&Interviewee> {
    interview
        .interviewees
        .iter()
        .find(|i| i.id == id)
        .ok_or(Error::NotFound {
            entity: "interviewee",
            id,
        })
}

/// How an interviewee is written in the audit log: `Ann Lee (Shift lead)`.
fn person(name: &str, role: &str) -> String {
    if role.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({role})")
    }
}
