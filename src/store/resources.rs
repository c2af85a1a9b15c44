//! The resource catalogue, what each activity needs, and which activities depend on
//! which.

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::Changes;
use super::{EngagementStore, bad_column};
use crate::domain::{
    ActivityLink, AuditAction, FieldErrors, Resource, ResourceAmount, ResourceKind, ResourceNeed,
};
use crate::{Error, Result};

fn resource_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Resource> {
    let kind: String = row.get(2)?;
    Ok(Resource {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: ResourceKind::parse(&kind)
            .ok_or_else(|| bad_column(2, format!("unknown resource kind {kind:?}")))?,
    })
}

pub(crate) fn resource(conn: &Connection, id: i64) -> Result<Resource> {
    conn.prepare_cached("SELECT id, name, kind FROM resource WHERE id = ?1")?
        .query_row([id], resource_from_row)
        .optional()?
        .ok_or(Error::NotFound {
            entity: "resource",
            id,
        })
}

/// Every resource, in no particular order.
pub(super) fn all(conn: &Connection) -> Result<Vec<Resource>> {
    Ok(conn
        .prepare("SELECT id, name, kind FROM resource")?
        .query_map([], resource_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The resource of this kind and name (ignoring case), creating it (and logging its
/// creation) if there is none.
pub(super) fn find_or_create(
    changes: &Changes<'_>,
    name: &str,
    kind: ResourceKind,
) -> Result<Resource> {
    let name = checked_name(name)?;
    let existing = changes
        .tx
        .prepare("SELECT id, name, kind FROM resource WHERE kind = ?1")?
        .query_map([kind.as_str()], resource_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .find(|r| r.name.to_lowercase() == name.to_lowercase());
    match existing {
        Some(found) => Ok(found),
        None => create(changes, name, kind),
    }
}

/// A resource's name as typed, trimmed and checked.
pub(super) fn checked_name(name: &str) -> Result<String> {
    let mut errors = FieldErrors::new();
    let name = errors.required_text("resource_name", "The resource's name", name, 200);
    errors.into_result()?;
    Ok(name)
}

/// Writes a new resource (its name checked, no other of that kind and name) and logs it.
pub(super) fn create(changes: &Changes<'_>, name: String, kind: ResourceKind) -> Result<Resource> {
    changes
        .tx
        .prepare_cached(
            "INSERT INTO resource (name, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        )?
        .execute(params![name, kind.as_str(), changes.at])?;
    let created = Resource {
        id: changes.tx.last_insert_rowid(),
        name,
        kind,
    };
    changes.record(
        AuditAction::Create,
        ("resource", created.id, &created.name),
        Some("kind"),
        None,
        Some(created.kind.label()),
    )?;
    Ok(created)
}

/// The resources an activity needs, by kind and name, with their amounts.
pub(super) fn needs(conn: &Connection, activity_id: i64) -> Result<Vec<ResourceNeed>> {
    let resources = conn
        .prepare(
            "SELECT r.id, r.name, r.kind FROM activity_resource ar JOIN resource r ON r.id = ar.resource_id
             WHERE ar.activity_id = ?1 ORDER BY r.kind, r.name COLLATE NOCASE",
        )?
        .query_map([activity_id], resource_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut amounts = conn.prepare(
        "SELECT bucket_id, quantity FROM resource_need WHERE activity_id = ?1 AND resource_id = ?2",
    )?;
    resources
        .into_iter()
        .map(|resource| {
            let amounts = amounts
                .query_map(params![activity_id, resource.id], |r| {
                    Ok(ResourceAmount {
                        bucket_id: r.get(0)?,
                        quantity: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ResourceNeed { resource, amounts })
        })
        .collect()
}

/// The activities this one needs (upstream) and the ones that need it (downstream).
pub(super) fn links(
    conn: &Connection,
    activity_id: i64,
) -> Result<(Vec<ActivityLink>, Vec<ActivityLink>)> {
    let list = |sql: &str| -> Result<Vec<ActivityLink>> {
        Ok(conn
            .prepare(sql)?
            .query_map([activity_id], |r| {
                Ok(ActivityLink {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    };
    Ok((
        list(
            "SELECT a.id, a.name FROM activity_dependency d JOIN activity a ON a.id = d.needs_activity_id
             WHERE d.activity_id = ?1 ORDER BY a.name COLLATE NOCASE",
        )?,
        list(
            "SELECT a.id, a.name FROM activity_dependency d JOIN activity a ON a.id = d.activity_id
             WHERE d.needs_activity_id = ?1 ORDER BY a.name COLLATE NOCASE",
        )?,
    ))
}

impl EngagementStore {
    /// Adds a resource to the catalogue (or finds the one of that name and kind).
    pub fn add_catalogue_resource(&mut self, name: &str, kind: ResourceKind) -> Result<Resource> {
        self.write(|changes| find_or_create(changes, name, kind))
    }

    /// The engagement's resource catalogue, by kind and name.
    pub fn resources(&self) -> Result<Vec<Resource>> {
        Ok(self
            .conn
            .prepare("SELECT id, name, kind FROM resource ORDER BY kind, name COLLATE NOCASE")?
            .query_map([], resource_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }
}
