//! Activities (processes): list, search, add, change, delete.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::EngagementStore;
use super::audit::{Audited, Changes, Fields};
use crate::domain::{Activity, ActivityInput, ActivityQuery, AuditAction, FieldErrors, name_key};
use crate::{Error, Result};

impl Audited for Activity {
    const ENTITY: &'static str = "activity";
    const TYPED: &'static [&'static str] = &["description", "products_services"];
    fn id(&self) -> i64 {
        self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn fields(&self) -> Fields {
        vec![
            ("name", self.name.clone()),
            ("unit", self.unit_name.clone().unwrap_or_default()),
            ("owner", self.owner.clone()),
            ("description", self.description.clone()),
            ("products_services", self.products_services.join("; ")),
        ]
    }
}

const SELECT_ACTIVITY: &str =
    "SELECT a.id, a.name, a.unit_id, u.name, a.owner, a.description, a.products_services
    FROM activity a LEFT JOIN org_unit u ON u.id = a.unit_id";

fn activity_from_row(row: &Row<'_>) -> rusqlite::Result<Activity> {
    let products: String = row.get(6)?;
    Ok(Activity {
        id: row.get(0)?,
        name: row.get(1)?,
        unit_id: row.get(2)?,
        unit_name: row.get(3)?,
        owner: row.get(4)?,
        description: row.get(5)?,
        products_services: serde_json::from_str(&products).map_err(|e| super::bad_column(6, e))?,
    })
}

/// One activity, read through `conn` (the store's connection or an open transaction).
fn activity_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Activity>> {
    conn.prepare_cached(&format!("{SELECT_ACTIVITY} WHERE a.id = ?1"))?
        .query_row([id], activity_from_row)
        .optional()
}

/// Every activity, in no particular order.
pub(super) fn all(conn: &Connection) -> Result<Vec<Activity>> {
    Ok(conn
        .prepare(SELECT_ACTIVITY)?
        .query_map([], activity_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// What the name check says when `other` already has the name.
pub(super) fn name_taken(other: &str) -> String {
    format!("There is already an activity named \u{201c}{other}\u{201d}.")
}

/// Writes a new activity from a checked input (see `check_activity`) and logs it.
pub(super) fn insert(changes: &Changes<'_>, input: &ActivityInput) -> Result<Activity> {
    changes
        .tx
        .prepare_cached(
            "INSERT INTO activity (name, unit_id, owner, description, products_services, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        )?
        .execute(params![
            input.name,
            input.unit_id,
            input.owner,
            input.description,
            serde_json::to_string(&input.products_services)?,
            changes.at
        ])?;
    let id = changes.tx.last_insert_rowid();
    let created = activity_by_id(changes.tx, id)?.ok_or(Error::NotFound {
        entity: "activity",
        id,
    })?;
    changes.created(&created)?;
    Ok(created)
}

/// Changes `old` to a checked input and logs each changed field.
pub(super) fn update(
    changes: &Changes<'_>,
    old: &Activity,
    input: &ActivityInput,
) -> Result<Activity> {
    changes
        .tx
        .prepare_cached(
            "UPDATE activity SET name = ?1, unit_id = ?2, owner = ?3, description = ?4,
                    products_services = ?5, updated_at = ?6 WHERE id = ?7",
        )?
        .execute(params![
            input.name,
            input.unit_id,
            input.owner,
            input.description,
            serde_json::to_string(&input.products_services)?,
            changes.at,
            old.id
        ])?;
    let new = activity_by_id(changes.tx, old.id)?.ok_or(Error::NotFound {
        entity: "activity",
        id: old.id,
    })?;
    changes.updated(old, &new)?;
    Ok(new)
}

impl EngagementStore {
    /// Activities matching `query`, by name.
    pub fn activities(&self, query: &ActivityQuery) -> Result<Vec<Activity>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT_ACTIVITY} ORDER BY a.name COLLATE NOCASE, a.id"
        ))?;
        let all = stmt.query_map([], activity_from_row)?;
        let mut found = Vec::new();
        for activity in all {
            let activity = activity?;
            if query.matches(&activity) {
                found.push(activity);
            }
        }
        Ok(found)
    }

    pub fn activity(&self, id: i64) -> Result<Activity> {
        self.conn
            .query_row(
                &format!("{SELECT_ACTIVITY} WHERE a.id = ?1"),
                [id],
                activity_from_row,
            )
            .optional()?
            .ok_or(Error::NotFound {
                entity: "activity",
                id,
            })
    }

    pub fn add_activity(&mut self, input: &ActivityInput) -> Result<Activity> {
        let input = self.check_activity(input, None)?;
        let id = self.write(|changes| insert(changes, &input))?.id;
        self.activity(id)
    }

    pub fn update_activity(&mut self, id: i64, input: &ActivityInput) -> Result<Activity> {
        let old = self.activity(id)?;
        let input = self.check_activity(input, Some(id))?;
        self.write(|changes| update(changes, &old, &input))?;
        self.activity(id)
    }

    /// Deletes an activity and, with it, its BIA interview; the audit log keeps the
    /// activity's fields and the status the interview had.
    pub fn delete_activity(&mut self, id: i64) -> Result<()> {
        let activity = self.activity(id)?;
        self.write(|changes| {
            let interview: Option<String> = changes
                .tx
                .query_row(
                    "SELECT status FROM interview WHERE activity_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(status) = interview {
                changes.record(
                    AuditAction::Delete,
                    ("interview", id, &activity.name),
                    Some("status"),
                    Some(&status),
                    None,
                )?;
            }
            changes
                .tx
                .execute("DELETE FROM activity WHERE id = ?1", [id])?;
            changes.deleted(&activity)
        })
    }

    /// Validates the input and the rules that involve other records: the name is free
    /// and the unit exists.
    fn check_activity(&self, input: &ActivityInput, except: Option<i64>) -> Result<ActivityInput> {
        let input = input.validate()?;
        let mut errors = FieldErrors::new();
        let key = name_key(&input.name);
        if let Some(other) = self
            .activities(&ActivityQuery::default())?
            .into_iter()
            .find(|a| name_key(&a.name) == key && Some(a.id) != except)
        {
            errors.add("name", name_taken(&other.name));
        }
        if let Some(unit_id) = input.unit_id
            && self.unit(unit_id).is_err()
        {
            errors.add("unit_id", "The chosen unit no longer exists; pick another.");
        }
        errors.into_result()?;
        Ok(input)
    }
}
