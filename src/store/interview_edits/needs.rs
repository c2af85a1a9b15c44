//! What the activity of an interview needs: resources (added by id or by name, removed,
//! and the amounts needed after each time bucket) and other activities (needed by it or
//! needing it), each change logged.

use rusqlite::{OptionalExtension, params};

use super::shown;
use crate::analysis::interview_edit as rules;
use crate::domain::{AuditAction, BiaSettings, Resource, ResourceKind, need_fields};
use crate::store::audit::Changes;
use crate::store::interviews::ENTITY;
use crate::store::resources;
use crate::{Error, Result};

/// The `AddResource` edit: the resource with `resource_id`, or else the one called
/// `name` (made if there is none).
pub(super) fn add_named_resource(
    changes: &Changes<'_>,
    subject: (i64, &str),
    resource_id: Option<i64>,
    name: &str,
    resource_kind: ResourceKind,
) -> Result<()> {
    let resource = match resource_id {
        Some(id) => resources::resource(changes.tx, id)?,
        None => resources::find_or_create(changes, name, resource_kind)?,
    };
    add_resource(changes, subject, &resource)
}

pub(super) fn remove_resource(
    changes: &Changes<'_>,
    (activity_id, label): (i64, &str),
    resource_id: i64,
) -> Result<()> {
    let resource = resources::resource(changes.tx, resource_id)?;
    let removed = changes.tx.execute(
        "DELETE FROM activity_resource WHERE activity_id = ?1 AND resource_id = ?2",
        params![activity_id, resource_id],
    )?;
    if removed == 0 {
        return Ok(());
    }
    // Amounts of it kept as typed go with it: there is no field left to correct them in.
    changes.tx.execute(
        "DELETE FROM interview_unresolved WHERE activity_id = ?1 AND field LIKE ?2",
        params![activity_id, format!("resource_amount:{resource_id}:%")],
    )?;
    changes.record(
        AuditAction::Delete,
        (ENTITY, activity_id, label),
        Some(need_fields::NEEDS_RESOURCE),
        Some(&resource.described()),
        None,
    )
}

/// How much of a resource the activity needs after one time bucket, or none.
pub(super) fn set_resource_amount(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    (activity_id, label): (i64, &str),
    resource_id: i64,
    bucket_id: i64,
    value: &str,
) -> Result<()> {
    let resource = resources::resource(changes.tx, resource_id)?;
    let quantity = rules::amount("resource_amount", value)?;
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
        .find(|b| b.id == bucket_id)
        .map_or_else(|| "?".to_owned(), |b| b.after.to_string());
    changes.record(
        AuditAction::Update,
        (ENTITY, activity_id, label),
        Some(&need_fields::amount_needed_after(&resource.name, &after)),
        shown(old).as_deref(),
        shown(quantity).as_deref(),
    )
}

/// The activity `subject` needs `resource` (the `AddResource` edit, its resource
/// found): logged when the need is new. It does not look at the interview.
pub(in crate::store) fn add_resource(
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
        Some(need_fields::NEEDS_RESOURCE),
        None,
        Some(&resource.described()),
    )
}

/// Adds (or, with `adding` false, removes) that the activity `subject` needs `other`
/// (with `upstream`) or is needed by it: the `AddDependency` and `RemoveDependency`
/// edits. It does not look at the interview.
pub(in crate::store) fn link(
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
        need_fields::NEEDS_ACTIVITY
    } else {
        need_fields::NEEDED_BY_ACTIVITY
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
