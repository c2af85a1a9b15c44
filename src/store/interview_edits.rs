//! The edits of an interview: each one checked (refused at its field, changing
//! nothing), written, and logged with its old and new value; then the status is kept
//! honest.

use rusqlite::{OptionalExtension, params};

use super::audit::Changes;
use super::interviews::ENTITY;
use super::resources;
use crate::analysis::impact::{self, RatingError};
use crate::analysis::interview::derive;
use crate::domain::{
    Activity, AuditAction, BiaSettings, Duration, FieldErrors, ImpactCell, Interview,
    InterviewDuration, InterviewEdit, InterviewStatus, Interviewee, Resource,
};
use crate::{Error, Result};

fn parse_optional_duration(field: &str, text: &str) -> Result<Option<Duration>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Duration::parse(text)
        .map(Some)
        .map_err(|e| Error::invalid(field, e.to_string()))
}

/// An amount typed by a person (`250000`, `250,000`, `12.5`), or empty for none.
fn parse_amount(field: &str, text: &str) -> Result<Option<f64>> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .replace([',', ' ', '\u{a0}'], "")
            .parse::<f64>()
            .ok()
            .filter(|q| q.is_finite() && *q >= 0.0)
            .map(Some)
            .ok_or_else(|| {
                Error::invalid(field, "Write the amount as a plain number, e.g. 250000.")
            }),
    }
}

fn shown(value: Option<impl ToString>) -> Option<String> {
    value.map(|v| v.to_string())
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

pub(super) fn apply(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    subject: (i64, &str),
    edit: &InterviewEdit,
) -> Result<()> {
    let (activity_id, label) = subject;
    match edit {
        InterviewEdit::Text { field, value } => {
            let mut errors = FieldErrors::new();
            let value = errors.optional_text(field.column(), "This text", value, 20_000);
            errors.into_result()?;
            let old: String = changes
                .tx
                .prepare_cached(&format!(
                    "SELECT {} FROM interview WHERE activity_id = ?1",
                    field.column()
                ))?
                .query_row([activity_id], |r| r.get(0))?;
            set_typed_column(changes, subject, field.column(), (&old, &value))
        }
        InterviewEdit::Date { value } => {
            let mut errors = FieldErrors::new();
            let date = errors.optional_date("interview_date", "The interview date", value);
            errors.into_result()?;
            set_column(
                changes,
                subject,
                ("interview_date", "interview_date"),
                &date,
                (shown(before.interview_date), shown(date)),
            )
        }
        InterviewEdit::Duration { field, value } => {
            let duration = parse_optional_duration(field.field(), value)?;
            let old = match field {
                InterviewDuration::Rto => before.rto.value,
                InterviewDuration::Rpo => before.rpo.value,
                InterviewDuration::WorkaroundDuration => before.workaround_duration,
            };
            if *field == InterviewDuration::Rto
                && let Some(rto) = duration
            {
                let proposal = impact::propose_mtpd(settings, &before.ratings).map(|p| p.mtpd);
                impact::check_rto(rto, before.mtpd_override.or(proposal))
                    .map_err(|m| Error::invalid("rto", m))?;
            }
            set_column(
                changes,
                subject,
                (field.column(), field.field()),
                &duration.map(Duration::minutes),
                (shown(old), shown(duration)),
            )
        }
        InterviewEdit::Confidence { field, value } => {
            let old: Option<String> = changes
                .tx
                .prepare_cached(&format!(
                    "SELECT {} FROM interview WHERE activity_id = ?1",
                    field.column()
                ))?
                .query_row([activity_id], |r| r.get(0))?;
            let new = value.map(|c| c.as_str().to_owned());
            set_column(
                changes,
                subject,
                (field.column(), field.column()),
                &new,
                (old, new.clone()),
            )
        }
        InterviewEdit::MbcoPercent { value } => {
            let percent =
                match value.trim().trim_end_matches('%').trim() {
                    "" => None,
                    text => Some(text.parse::<u8>().ok().filter(|p| *p <= 100).ok_or_else(
                        || {
                            Error::invalid(
                                "mbco_percent",
                                "The minimum service level is a whole percentage from 0 to 100.",
                            )
                        },
                    )?),
                };
            set_column(
                changes,
                subject,
                ("mbco_percent", "mbco_percent"),
                &percent,
                (shown(before.mbco.percent), shown(percent)),
            )
        }
        InterviewEdit::MtpdOverride { value, reason } => {
            let mtpd = parse_optional_duration("mtpd_override", value)?;
            let reason = reason.trim();
            if mtpd.is_some() && reason.is_empty() {
                return Err(Error::invalid(
                    "mtpd_override_reason",
                    "Say why the MTPD differs from Keel's proposal; the reason is kept with it.",
                ));
            }
            if let (Some(mtpd), Some(rto)) = (mtpd, before.rto.value) {
                impact::check_rto(rto, Some(mtpd))
                    .map_err(|m| Error::invalid("mtpd_override", m))?;
            }
            let reason = if mtpd.is_some() { reason } else { "" };
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
        InterviewEdit::Rating {
            category_id,
            bucket_id,
            rating,
            rationale,
        } => set_rating(
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
        } => {
            let quantity = parse_amount("quantity", value)?;
            let Some(existing) = before
                .ratings
                .iter()
                .find(|c| c.category_id == *category_id && c.bucket_id == *bucket_id)
            else {
                return Err(Error::invalid(
                    "quantity",
                    "Rate the cell before giving the amount behind the rating.",
                ));
            };
            if existing.quantity == quantity {
                return Ok(());
            }
            changes.tx.execute(
                "UPDATE impact_rating SET quantity = ?1 WHERE activity_id = ?2 AND category_id = ?3 AND bucket_id = ?4",
                params![quantity, activity_id, category_id, bucket_id],
            )?;
            changes.record(
                AuditAction::Update,
                (ENTITY, activity_id, label),
                Some(&cell_field(settings, *category_id, *bucket_id, "amount")),
                shown(existing.quantity).as_deref(),
                shown(quantity).as_deref(),
            )
        }
        InterviewEdit::AddInterviewee { name, role } => {
            let (name, role) = interviewee_input(name, role)?;
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
        InterviewEdit::UpdateInterviewee { id, name, role } => {
            let (name, role) = interviewee_input(name, role)?;
            let old = interviewee(before, *id)?;
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
        InterviewEdit::RemoveInterviewee { id } => {
            let old = interviewee(before, *id)?;
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
        InterviewEdit::ParkQuestion { question } => {
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
        InterviewEdit::ResolveQuestion { id, resolved } => {
            let old = before
                .parked
                .iter()
                .find(|q| q.id == *id)
                .ok_or(Error::NotFound {
                    entity: "parked question",
                    id: *id,
                })?;
            if old.resolved == *resolved {
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
                Some(state(*resolved)),
            )
        }
        InterviewEdit::AddResource {
            resource_id,
            name,
            resource_kind,
        } => {
            let resource = match resource_id {
                Some(id) => resources::resource(changes.tx, *id)?,
                None => resources::find_or_create(changes, name, *resource_kind)?,
            };
            add_resource(changes, subject, &resource)
        }
        InterviewEdit::RemoveResource { resource_id } => {
            let resource = resources::resource(changes.tx, *resource_id)?;
            let removed = changes.tx.execute(
                "DELETE FROM activity_resource WHERE activity_id = ?1 AND resource_id = ?2",
                params![activity_id, resource_id],
            )?;
            if removed == 0 {
                return Ok(());
            }
            changes.record(
                AuditAction::Delete,
                (ENTITY, activity_id, label),
                Some("needs resource"),
                Some(&resource.described()),
                None,
            )
        }
        InterviewEdit::ResourceAmount {
            resource_id,
            bucket_id,
            value,
        } => {
            let resource = resources::resource(changes.tx, *resource_id)?;
            let quantity = parse_amount("resource_amount", value)?;
            let needed: bool = changes.tx.query_row(
                "SELECT count(*) > 0 FROM activity_resource WHERE activity_id = ?1 AND resource_id = ?2",
                params![activity_id, resource_id],
                |r| r.get(0),
            )?;
            if !needed {
                return Err(Error::invalid(
                    "resource_amount",
                    "Add the resource to the activity before giving amounts.",
                ));
            }
            let old: Option<f64> = changes
                .tx
                .query_row(
                    "SELECT quantity FROM resource_need WHERE activity_id = ?1 AND resource_id = ?2 AND bucket_id = ?3",
                    params![activity_id, resource_id, bucket_id],
                    |r| r.get(0),
                )
                .optional()?;
            if old == quantity {
                return Ok(());
            }
            match quantity {
                Some(q) => changes.tx.execute(
                    "INSERT INTO resource_need (activity_id, resource_id, bucket_id, quantity) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (activity_id, resource_id, bucket_id) DO UPDATE SET quantity = excluded.quantity",
                    params![activity_id, resource_id, bucket_id, q],
                )?,
                None => changes.tx.execute(
                    "DELETE FROM resource_need WHERE activity_id = ?1 AND resource_id = ?2 AND bucket_id = ?3",
                    params![activity_id, resource_id, bucket_id],
                )?,
            };
            let after = settings
                .buckets
                .iter()
                .find(|b| b.id == *bucket_id)
                .map_or_else(|| "?".to_owned(), |b| b.after.to_string());
            changes.record(
                AuditAction::Update,
                (ENTITY, activity_id, label),
                Some(&format!("{} needed after {after}", resource.name)),
                shown(old).as_deref(),
                shown(quantity).as_deref(),
            )
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

/// The activity `subject` needs `resource` (the `AddResource` edit, its resource
/// found): logged when the need is new. It does not look at the interview.
pub(super) fn add_resource(
    changes: &Changes<'_>,
    (activity_id, label): (i64, &str),
    resource: &Resource,
) -> Result<()> {
    let added = changes
        .tx
        .prepare_cached(
            "INSERT INTO activity_resource (activity_id, resource_id, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![activity_id, resource.id, changes.at])?;
    if added == 0 {
        return Ok(());
    }
    changes.record(
        AuditAction::Create,
        (ENTITY, activity_id, label),
        Some("needs resource"),
        None,
        Some(&resource.described()),
    )
}

/// Adds (or, with `adding` false, removes) that the activity `subject` needs `other`
/// (with `upstream`) or is needed by it: the `AddDependency` and `RemoveDependency`
/// edits. It does not look at the interview.
pub(super) fn link(
    changes: &Changes<'_>,
    (activity_id, label): (i64, &str),
    other: i64,
    upstream: bool,
    adding: bool,
) -> Result<()> {
    if other == activity_id {
        return Err(Error::invalid(
            "dependency",
            "An activity cannot depend on itself.",
        ));
    }
    let other_name: String = changes
        .tx
        .prepare_cached("SELECT name FROM activity WHERE id = ?1")?
        .query_row([other], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound {
            entity: "activity",
            id: other,
        })?;
    let (needs, needed) = if upstream {
        (activity_id, other)
    } else {
        (other, activity_id)
    };
    let changed = if adding {
        changes
            .tx
            .prepare_cached(
                "INSERT INTO activity_dependency (activity_id, needs_activity_id, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![needs, needed, changes.at])?
    } else {
        changes
            .tx
            .prepare_cached(
                "DELETE FROM activity_dependency WHERE activity_id = ?1 AND needs_activity_id = ?2",
            )?
            .execute(params![needs, needed])?
    };
    if changed == 0 {
        return Ok(());
    }
    let field = if upstream {
        "needs activity"
    } else {
        "needed by activity"
    };
    let (old, new) = if adding {
        (None, Some(other_name.as_str()))
    } else {
        (Some(other_name.as_str()), None)
    };
    changes.record(
        if adding {
            AuditAction::Create
        } else {
            AuditAction::Delete
        },
        (ENTITY, activity_id, label),
        Some(field),
        old,
        new,
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

fn person(name: &str, role: &str) -> String {
    if role.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({role})")
    }
}

fn interviewee_input(name: &str, role: &str) -> Result<(String, String)> {
    let mut errors = FieldErrors::new();
    let name = errors.required_text("interviewee_name", "The interviewee's name", name, 200);
    let role = errors.optional_text("interviewee_role", "The role", role, 200);
    errors.into_result()?;
    Ok((name, role))
}

fn cell_field(settings: &BiaSettings, category_id: i64, bucket_id: i64, what: &str) -> String {
    let category = settings
        .categories
        .iter()
        .find(|c| c.id == category_id)
        .map_or("?", |c| c.name.as_str());
    let after = settings
        .buckets
        .iter()
        .find(|b| b.id == bucket_id)
        .map_or_else(|| "?".to_owned(), |b| b.after.to_string());
    format!("{what}: {category} after {after}")
}

fn describe_cell(cell: Option<&ImpactCell>) -> Option<String> {
    cell.map(|c| {
        if c.rationale.is_empty() {
            c.rating.to_string()
        } else {
            format!("{} ({})", c.rating, c.rationale)
        }
    })
}

fn set_rating(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    (activity_id, label): (i64, &str),
    (category_id, bucket_id): (i64, i64),
    rating: Option<u8>,
    rationale: &str,
) -> Result<()> {
    let find = |cells: &[ImpactCell], c: i64, b: i64| {
        cells
            .iter()
            .find(|x| x.category_id == c && x.bucket_id == b)
            .cloned()
    };
    let Some(rating) = rating else {
        let Some(old) = find(&before.ratings, category_id, bucket_id) else {
            return Ok(());
        };
        changes.tx.execute(
            "DELETE FROM impact_rating WHERE activity_id = ?1 AND category_id = ?2 AND bucket_id = ?3",
            params![activity_id, category_id, bucket_id],
        )?;
        return changes.record(
            AuditAction::Delete,
            (ENTITY, activity_id, label),
            Some(&cell_field(settings, category_id, bucket_id, "impact")),
            describe_cell(Some(&old)).as_deref(),
            None,
        );
    };
    let mut cells = before.ratings.clone();
    let changed = impact::set_rating(
        settings,
        &mut cells,
        category_id,
        bucket_id,
        rating,
        rationale,
    )
    .map_err(|e| match e {
        RatingError::UnexplainedFall { .. } => Error::invalid("rationale", e.to_string()),
        RatingError::OutOfRange | RatingError::UnknownCell => {
            Error::invalid("rating", e.to_string())
        }
    })?;
    for cell in changed {
        let old = find(&before.ratings, cell.category_id, cell.bucket_id);
        if old.as_ref() == Some(&cell) {
            continue;
        }
        changes.tx.execute(
            "INSERT INTO impact_rating (activity_id, category_id, bucket_id, rating, quantity, rationale)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (activity_id, category_id, bucket_id)
             DO UPDATE SET rating = excluded.rating, rationale = excluded.rationale",
            params![activity_id, cell.category_id, cell.bucket_id, cell.rating, cell.quantity, cell.rationale],
        )?;
        changes.record(
            if old.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            },
            (ENTITY, activity_id, label),
            Some(&cell_field(
                settings,
                cell.category_id,
                cell.bucket_id,
                "impact",
            )),
            describe_cell(old.as_ref()).as_deref(),
            describe_cell(Some(&cell)).as_deref(),
        )?;
    }
    Ok(())
}

/// Applies a status change, and keeps the status honest after any other edit: an
/// interview that is no longer complete goes back to draft, and one whose content
/// changed after it was validated loses its validation. True when the status changed.
pub(super) fn settle_status(
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
    let (target, confirmed_by) = match edit {
        InterviewEdit::Status {
            status,
            confirmed_by,
        } => {
            let confirmed_by = confirmed_by.trim();
            if *status != InterviewStatus::Draft && !derived.missing.is_empty() {
                return Err(Error::invalid(
                    "status",
                    format!(
                        "The interview is not complete yet. Still needed: {}",
                        derived.missing.join(" ")
                    ),
                ));
            }
            if *status == InterviewStatus::Validated && confirmed_by.is_empty() {
                return Err(Error::invalid(
                    "confirmed_by",
                    "Name the interviewee who confirmed the summary.",
                ));
            }
            (
                *status,
                Some(confirmed_by.to_owned()).filter(|c| !c.is_empty()),
            )
        }
        _ if current != InterviewStatus::Draft && !derived.missing.is_empty() => {
            (InterviewStatus::Draft, None)
        }
        _ if current == InterviewStatus::Validated && edit.changes_content() => {
            (InterviewStatus::Complete, None)
        }
        _ => return Ok(false),
    };
    if target == current && target != InterviewStatus::Validated {
        return Ok(false);
    }
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
