//! Actions as the file keeps them: added, changed (each field's change in the audit
//! log) and listed with their owner's and plan's names; and the approved versions of a
//! plan, which `review::actions` needs to say whether an action may be verified.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::EngagementStore;
use super::audit::{Audited, Fields};
use crate::domain::{Action, ActionSource, ActionStatus, NewAction};
use crate::review::ApprovedVersion;
use crate::{Error, Result};

impl Audited for Action {
    const ENTITY: &'static str = "action";
    fn id(&self) -> i64 {
        self.id
    }
    fn label(&self) -> &str {
        &self.title
    }
    fn fields(&self) -> Fields {
        vec![
            ("title", self.title.clone()),
            ("description", self.description.clone()),
            ("owner", self.owner.clone()),
            ("due", self.due.to_string()),
            ("status", self.status.label().to_owned()),
            ("source", self.source.label().to_owned()),
            (
                "finding",
                self.finding_id.map(|f| f.to_string()).unwrap_or_default(),
            ),
            ("plan", self.plan_title.clone().unwrap_or_default()),
            (
                "done_at",
                self.done_at.map(super::time_text).unwrap_or_default(),
            ),
            (
                "verified_by_version",
                self.verified_version
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            ),
            ("accepted_by", self.accepted_by.clone()),
            ("accepted_why", self.accepted_why.clone()),
        ]
    }
}

const SELECT: &str = "SELECT a.id, a.title, a.description, a.owner_id, p.name, a.due, a.status,
    a.source, a.finding_id, a.event_id, a.plan_id, pl.title, a.done_at, a.verified_version,
    a.accepted_by, a.accepted_why, a.created_at, a.updated_at
    FROM action a JOIN person p ON p.id = a.owner_id LEFT JOIN plan pl ON pl.id = a.plan_id";

fn action(r: &rusqlite::Row<'_>) -> rusqlite::Result<Action> {
    let status: String = r.get(6)?;
    let source: String = r.get(7)?;
    Ok(Action {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        owner_id: r.get(3)?,
        owner: r.get(4)?,
        due: r.get(5)?,
        status: ActionStatus::parse(&status)
            .ok_or_else(|| super::bad_column(6, format!("unknown action status {status:?}")))?,
        source: ActionSource::parse(&source)
            .ok_or_else(|| super::bad_column(7, format!("unknown action source {source:?}")))?,
        finding_id: r.get(8)?,
        event_id: r.get(9)?,
        plan_id: r.get(10)?,
        plan_title: r.get(11)?,
        done_at: r.get(12)?,
        verified_version: r.get(13)?,
        accepted_by: r.get(14)?,
        accepted_why: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
    })
}

fn exists(conn: &Connection, table: &str, id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE id = ?1"),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

impl EngagementStore {
    /// Adds an action; the owner, finding, event and plan it names must exist.
    pub fn add_action(&mut self, input: &NewAction) -> Result<Action> {
        if !exists(&self.conn, "person", input.owner_id)? {
            return Err(Error::invalid(
                "owner",
                format!("There is no person {} in this engagement.", input.owner_id),
            ));
        }
        for (field, table, id) in [
            ("finding", "finding", input.finding_id),
            ("event", "event", input.event_id),
            ("plan", "plan", input.plan_id),
        ] {
            if let Some(id) = id
                && !exists(&self.conn, table, id)?
            {
                return Err(Error::invalid(
                    field,
                    format!("There is no {table} {id} in this engagement."),
                ));
            }
        }
        let id = self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO action (title, description, owner_id, due, status, source, finding_id,
                    event_id, plan_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7, ?8, ?9, ?9)",
                params![
                    input.title,
                    input.description,
                    input.owner_id,
                    input.due.to_string(),
                    input.source.as_str(),
                    input.finding_id,
                    input.event_id,
                    input.plan_id,
                    changes.at,
                ],
            )?;
            let id = changes.tx.last_insert_rowid();
            let created =
                changes
                    .tx
                    .query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], action)?;
            changes.created(&created)?;
            Ok(id)
        })?;
        self.action(id)
    }

    /// Writes `new` over the action `old` (as read before the change was worked out);
    /// each field that differs goes to the audit log. Refused when the action changed
    /// meanwhile.
    pub fn update_action(&mut self, old: &Action, new: &Action) -> Result<Action> {
        if new.owner_id != old.owner_id && !exists(&self.conn, "person", new.owner_id)? {
            return Err(Error::invalid(
                "owner",
                format!("There is no person {} in this engagement.", new.owner_id),
            ));
        }
        if new == old {
            return Ok(new.clone());
        }
        self.write(|changes| {
            let current = changes
                .tx
                .query_row(&format!("{SELECT} WHERE a.id = ?1"), [old.id], action)
                .optional()?
                .ok_or(Error::NotFound {
                    entity: "action",
                    id: old.id,
                })?;
            if current != *old {
                return Err(Error::Conflict(format!(
                    "\u{201c}{}\u{201d} was changed meanwhile; look at it again and repeat the change.",
                    old.title
                )));
            }
            changes.tx.execute(
                "UPDATE action SET title = ?1, description = ?2, owner_id = ?3, due = ?4, status = ?5,
                    done_at = ?6, verified_version = ?7, accepted_by = ?8, accepted_why = ?9,
                    updated_at = ?10
                 WHERE id = ?11",
                params![
                    new.title,
                    new.description,
                    new.owner_id,
                    new.due.to_string(),
                    new.status.as_str(),
                    new.done_at.map(super::time_text),
                    new.verified_version,
                    new.accepted_by,
                    new.accepted_why,
                    changes.at,
                    old.id,
                ],
            )?;
            let written = changes
                .tx
                .query_row(&format!("{SELECT} WHERE a.id = ?1"), [old.id], action)?;
            changes.updated(old, &written)
        })?;
        self.action(old.id)
    }

    pub fn action(&self, id: i64) -> Result<Action> {
        self.conn
            .query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], action)
            .optional()?
            .ok_or(Error::NotFound {
                entity: "action",
                id,
            })
    }

    /// Every action, by due date; of one plan when `plan_id` is given.
    pub fn actions(&self, plan_id: Option<i64>) -> Result<Vec<Action>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE ?1 IS NULL OR a.plan_id = ?1 ORDER BY a.due, a.id"
        ))?;
        let rows = stmt.query_map([plan_id], action)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The approved versions of a plan and when each was frozen, oldest first.
    pub fn approved_versions(&self, plan_id: i64) -> Result<Vec<ApprovedVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, frozen_at FROM plan_frozen WHERE plan_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            let frozen_at: DateTime<Utc> = r.get(1)?;
            Ok(ApprovedVersion {
                version: r.get(0)?,
                frozen_at,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
