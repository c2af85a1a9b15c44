//! Findings as the file keeps them: added from an exercise's debrief, an incident's
//! review or a plan review, each naming what it is about (its name kept as it was).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::EngagementStore;
use crate::domain::{About, AboutRef, AuditAction, Finding, FindingCategory, NewFinding, Severity};
use crate::{Error, Result};

const SELECT: &str = "SELECT id, event_id, severity, category, about_type, about_id, about_step,
    about_name, text, created_at, created_by FROM finding";

fn finding(r: &rusqlite::Row<'_>) -> rusqlite::Result<Finding> {
    let about_type: Option<String> = r.get(4)?;
    let about_id: Option<i64> = r.get(5)?;
    let step: Option<u32> = r.get(6)?;
    let name: String = r.get(7)?;
    let about = match (about_type.as_deref(), about_id) {
        (Some("plan"), Some(id)) => Some(About::Plan { id, name }),
        (Some("step"), Some(plan_id)) => Some(About::Step {
            plan_id,
            step: step.unwrap_or(1),
            name,
        }),
        (Some("resource"), Some(id)) => Some(About::Resource { id, name }),
        (Some("activity"), Some(id)) => Some(About::Activity { id, name }),
        (Some("person"), Some(id)) => Some(About::Person { id, name }),
        _ => None,
    };
    let created_at: DateTime<Utc> = r.get(9)?;
    Ok(Finding {
        id: r.get(0)?,
        event_id: r.get(1)?,
        severity: Severity::parse(&r.get::<_, String>(2)?).unwrap_or(Severity::Medium),
        category: FindingCategory::parse(&r.get::<_, String>(3)?).unwrap_or(FindingCategory::Plan),
        about,
        text: r.get(8)?,
        created_at,
        created_by: r.get(10)?,
    })
}

/// The name of what `about` refers to, or a message saying it does not exist. A step is
/// named from the plan's working steps unless `step_name` gives its name in the version
/// the event ran.
fn about_name(conn: &Connection, about: AboutRef, step_name: Option<String>) -> Result<About> {
    let name = |sql: &str, id: i64| -> Result<Option<String>> {
        Ok(conn.query_row(sql, [id], |r| r.get(0)).optional()?)
    };
    let missing = |what: &str, id: i64| {
        Error::invalid(
            "about",
            format!("There is no {what} {id} in this engagement."),
        )
    };
    Ok(match about {
        AboutRef::Plan(id) => About::Plan {
            id,
            name: name("SELECT title FROM plan WHERE id = ?1", id)?
                .ok_or_else(|| missing("plan", id))?,
        },
        AboutRef::Step(plan_id, step) if step_name.is_some() => About::Step {
            plan_id,
            step,
            name: step_name.unwrap_or_default(),
        },
        AboutRef::Step(plan_id, step) => {
            let title = name("SELECT title FROM plan WHERE id = ?1", plan_id)?
                .ok_or_else(|| missing("plan", plan_id))?;
            let step_title: Option<String> = conn
                .query_row(
                    "SELECT title FROM plan_step WHERE plan_id = ?1 AND position = ?2 - 1",
                    params![plan_id, step],
                    |r| r.get(0),
                )
                .optional()?;
            let step_title = step_title.ok_or_else(|| {
                Error::invalid(
                    "about",
                    format!("\u{201c}{title}\u{201d} has no step {step}."),
                )
            })?;
            About::Step {
                plan_id,
                step,
                name: format!("{title}, step {step}: {step_title}"),
            }
        }
        AboutRef::Resource(id) => About::Resource {
            id,
            name: name("SELECT name FROM resource WHERE id = ?1", id)?
                .ok_or_else(|| missing("resource", id))?,
        },
        AboutRef::Activity(id) => About::Activity {
            id,
            name: name("SELECT name FROM activity WHERE id = ?1", id)?
                .ok_or_else(|| missing("activity", id))?,
        },
        AboutRef::Person(id) => About::Person {
            id,
            name: name("SELECT name FROM person WHERE id = ?1", id)?
                .ok_or_else(|| missing("person", id))?,
        },
    })
}

impl EngagementStore {
    /// Adds a finding of event `event_id` (`None`: a plan review); `step_name` names the
    /// step it is about as the version the event ran has it.
    pub fn add_finding(
        &mut self,
        event_id: Option<i64>,
        input: &NewFinding,
        step_name: Option<String>,
    ) -> Result<Finding> {
        let about = input
            .about
            .map(|a| about_name(&self.conn, a, step_name))
            .transpose()?;
        if let Some(id) = event_id {
            let exists: Option<i64> = self
                .conn
                .query_row("SELECT id FROM event WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(Error::NotFound {
                    entity: "event",
                    id,
                });
            }
        }
        let (about_id, step) = match &about {
            Some(About::Step { plan_id, step, .. }) => (Some(*plan_id), Some(*step)),
            Some(
                About::Plan { id, .. }
                | About::Resource { id, .. }
                | About::Activity { id, .. }
                | About::Person { id, .. },
            ) => (Some(*id), None),
            None => (None, None),
        };
        let id = self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO finding (event_id, severity, category, about_type, about_id, about_step,
                    about_name, text, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    event_id,
                    input.severity.as_str(),
                    input.category.as_str(),
                    about.as_ref().map(About::type_str),
                    about_id,
                    step,
                    about.as_ref().map(|a| a.name().to_owned()).unwrap_or_default(),
                    input.text,
                    changes.at,
                    changes.actor(),
                ],
            )?;
            let id = changes.tx.last_insert_rowid();
            changes.record(
                AuditAction::Create,
                ("finding", id, &input.text),
                None,
                None,
                Some(&input.text),
            )?;
            Ok(id)
        })?;
        self.finding(id)
    }

    pub fn finding(&self, id: i64) -> Result<Finding> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], finding)
            .optional()?
            .ok_or(Error::NotFound {
                entity: "finding",
                id,
            })
    }

    /// Every finding, oldest first; of one event when `event_id` is given.
    pub fn findings(&self, event_id: Option<i64>) -> Result<Vec<Finding>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE ?1 IS NULL OR event_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([event_id], finding)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
