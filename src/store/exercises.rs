//! Exercises as the file keeps them: the event row with the preparation beside it
//! (clock, facilitator, scenario, people, objectives, plan versions tested, injects),
//! editable until the exercise starts; starting and recording append to the event's
//! log (`store::events`), and the demonstrations its restorations made are kept with it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::events::append;
use super::{EngagementStore, bad_column, time_text};
use crate::domain::{
    AuditAction, Demonstration, Duration, EventKind, EventState, ExerciseClock, ExerciseState,
    ExerciseSummary, Inject, NewExercise, NodeRef,
};
use crate::event::NewEntry;
use crate::{Error, Result};

const ENTITY: &str = "exercise";

/// Someone taking part, as a participant or an observer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExercisePerson {
    pub person_id: i64,
    pub name: String,
    /// `participant` or `observer`.
    pub role: String,
}

/// A plan version the exercise tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TestedVersion {
    pub plan_id: i64,
    pub title: String,
    pub version: u32,
    pub sha256: String,
}

/// An objective and, after the debrief, whether it was met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ObjectiveRow {
    pub number: u32,
    pub text: String,
    pub met: Option<bool>,
}

/// An exercise's preparation and debrief, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExercisePrep {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: EventKind,
    pub title: String,
    /// When it is held; on a scenario clock, T+0.
    pub date: DateTime<Utc>,
    pub state: ExerciseState,
    pub clock: ExerciseClock,
    pub facilitator: String,
    pub scenario: String,
    #[cfg_attr(test, ts(type = "Array<string>"))]
    pub lost: Vec<NodeRef>,
    pub success_criteria: String,
    pub strengths: String,
    pub weaknesses: String,
    pub people: Vec<ExercisePerson>,
    pub objectives: Vec<ObjectiveRow>,
    pub plans: Vec<TestedVersion>,
    pub injects: Vec<Inject>,
}

/// The state an exercise's row and log say it is in.
fn state(event_state: &str, entries: i64) -> ExerciseState {
    match (event_state, entries) {
        ("stood_down", _) => ExerciseState::Closed,
        (_, 0) => ExerciseState::Planned,
        _ => ExerciseState::Running,
    }
}

fn insert_injects(tx: &Connection, id: i64, injects: &[Inject]) -> Result<()> {
    tx.execute("DELETE FROM exercise_inject WHERE event_id = ?1", [id])?;
    for inject in injects {
        tx.execute(
            "INSERT INTO exercise_inject (event_id, position, offset_minutes, text, expected, activity)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                inject.number,
                inject.offset_min.minutes(),
                inject.text,
                serde_json::to_string(&inject.expected)?,
                inject.activity,
            ],
        )?;
    }
    Ok(())
}

/// Column `i`, an exercise type as Keel writes it.
fn exercise_kind(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<EventKind> {
    let text: String = r.get(i)?;
    EventKind::parse(&text)
        .filter(|k| k.is_exercise())
        .ok_or_else(|| bad_column(i, format!("\u{201c}{text}\u{201d} is not an exercise type")))
}

/// Column `i`, a clock as Keel writes it.
fn exercise_clock(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<ExerciseClock> {
    let text: String = r.get(i)?;
    ExerciseClock::parse(&text)
        .ok_or_else(|| bad_column(i, format!("\u{201c}{text}\u{201d} is not a clock")))
}

/// Column `i`, JSON Keel wrote (a list of texts).
fn texts(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| bad_column(i, e))
}

/// Refuses to change the preparation of an exercise that has started.
fn refuse_if_started(tx: &Connection, id: i64) -> Result<()> {
    let entries: i64 = tx.query_row(
        "SELECT count(*) FROM event_log WHERE event_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if entries > 0 {
        return Err(Error::Conflict(
            "the exercise has started: its injects are part of its log now".into(),
        ));
    }
    Ok(())
}

impl EngagementStore {
    /// Saves a prepared exercise held at `date`, with its people (`(person id, role)`),
    /// the plan versions it tests and its drafted injects; returns its id.
    pub fn create_exercise(
        &mut self,
        exercise: &NewExercise,
        date: DateTime<Utc>,
        people: &[(i64, &str)],
        plans: &[(i64, u32, String)],
        injects: &[Inject],
    ) -> Result<i64> {
        self.write(|changes| {
            let tx = changes.tx;
            tx.execute(
                "INSERT INTO event (kind, title, disrupted_at, opened_at, state) VALUES (?1, ?2, ?3, ?4, 'open')",
                params![exercise.kind.as_str(), exercise.title, time_text(date), changes.at],
            )?;
            let id = tx.last_insert_rowid();
            let lost: Vec<String> = exercise.lost.iter().map(|n| n.key()).collect();
            tx.execute(
                "INSERT INTO exercise (event_id, clock, facilitator, scenario, lost, success_criteria)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    exercise.clock.as_str(),
                    exercise.facilitator,
                    exercise.scenario,
                    serde_json::to_string(&lost)?,
                    exercise.success_criteria,
                ],
            )?;
            for (person_id, role) in people {
                tx.execute(
                    "INSERT OR IGNORE INTO exercise_person (event_id, person_id, role) VALUES (?1, ?2, ?3)",
                    params![id, person_id, role],
                )?;
            }
            for (objective, position) in exercise.objectives.iter().zip(1u32..) {
                tx.execute(
                    "INSERT INTO exercise_objective (event_id, position, text) VALUES (?1, ?2, ?3)",
                    params![id, position, objective],
                )?;
            }
            for (plan_id, version, sha) in plans {
                tx.execute(
                    "INSERT INTO exercise_plan (event_id, plan_id, version, sha256) VALUES (?1, ?2, ?3, ?4)",
                    params![id, plan_id, version, sha],
                )?;
            }
            insert_injects(tx, id, injects)?;
            changes.record(
                AuditAction::Create,
                (ENTITY, id, &exercise.title),
                None,
                None,
                Some(&format!("{} ({})", exercise.title, exercise.kind.label())),
            )?;
            Ok(id)
        })
    }

    /// Replaces the injects of an exercise that has not started.
    pub fn set_injects(&mut self, id: i64, injects: &[Inject]) -> Result<()> {
        let title = self.exercise_title(id)?;
        self.write(|changes| {
            refuse_if_started(changes.tx, id)?;
            insert_injects(changes.tx, id, injects)?;
            changes.record(
                AuditAction::Update,
                (ENTITY, id, &title),
                Some("injects"),
                None,
                Some(&format!("{} injects", injects.len())),
            )
        })
    }

    /// Starts an exercise: its first entries, with the plan versions they invoke
    /// (`(plan id, version, SHA-256)`).
    pub fn start_exercise(
        &mut self,
        id: i64,
        entries: &[NewEntry],
        invoked: &[(i64, u32, String)],
    ) -> Result<()> {
        let title = self.exercise_title(id)?;
        self.write(|changes| {
            refuse_if_started(changes.tx, id)?;
            for (plan_id, version, sha) in invoked {
                changes.tx.execute(
                    "INSERT INTO event_plan (event_id, plan_id, version, sha256) VALUES (?1, ?2, ?3, ?4)",
                    params![id, plan_id, version, sha],
                )?;
            }
            for entry in entries {
                append(changes.tx, id, entry)?;
            }
            changes.tx.execute(
                "UPDATE event SET state = 'invoked' WHERE id = ?1",
                [id],
            )?;
            changes.record(
                AuditAction::Update,
                (ENTITY, id, &title),
                Some("state"),
                Some("planned"),
                Some("running"),
            )
        })
    }

    /// Appends `entry` to a running exercise's log after entry `after_seq` (the last one
    /// it was checked against), moving it on to `state`, and sets the demonstrations its
    /// log now makes.
    pub fn append_exercise_entry(
        &mut self,
        id: i64,
        entry: &NewEntry,
        state: Option<EventState>,
        demonstrations: &[Demonstration],
        after_seq: u32,
    ) -> Result<u32> {
        let title = self.exercise_title(id)?;
        self.write(|changes| {
            // The entry was checked against the log up to `after_seq`: refuse it if
            // someone else recorded in the meantime.
            let last: u32 = changes.tx.query_row(
                "SELECT coalesce(max(seq), 0) FROM event_log WHERE event_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if last != after_seq {
                return Err(Error::Conflict(
                    "the exercise's log changed while this was being recorded (someone else recorded in it); look at the board again and record it anew".into(),
                ));
            }
            if let Some(state) = state {
                changes.tx.execute(
                    "UPDATE event SET state = ?1 WHERE id = ?2",
                    params![state.as_str(), id],
                )?;
            }
            let seq = append(changes.tx, id, entry)?;
            super::demonstrations::replace(changes.tx, id, demonstrations)?;
            changes.record(
                AuditAction::Update,
                (ENTITY, id, &title),
                Some("log"),
                None,
                Some(&format!("{seq}. {}", entry.text)),
            )?;
            Ok(seq)
        })
    }

    /// The hot debrief: strengths, weaknesses and which objectives were met (by number).
    pub fn set_debrief(
        &mut self,
        id: i64,
        strengths: &str,
        weaknesses: &str,
        met: &[(u32, Option<bool>)],
    ) -> Result<()> {
        let title = self.exercise_title(id)?;
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE exercise SET strengths = ?1, weaknesses = ?2 WHERE event_id = ?3",
                params![strengths, weaknesses, id],
            )?;
            for (number, value) in met {
                let changed = changes.tx.execute(
                    "UPDATE exercise_objective SET met = ?1 WHERE event_id = ?2 AND position = ?3",
                    params![value.map(i64::from), id, number],
                )?;
                if changed == 0 {
                    return Err(Error::invalid(
                        "met",
                        format!("The exercise has no objective {number}."),
                    ));
                }
            }
            changes.record(
                AuditAction::Update,
                (ENTITY, id, &title),
                Some("debrief"),
                None,
                Some(&format!("strengths: {strengths}; weaknesses: {weaknesses}")),
            )
        })
    }

    fn exercise_title(&self, id: i64) -> Result<String> {
        self.conn
            .query_row(
                "SELECT e.title FROM event e JOIN exercise x ON x.event_id = e.id WHERE e.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound {
                entity: "exercise",
                id,
            })
    }

    /// Every exercise, the latest held first.
    pub fn exercises(&self) -> Result<Vec<ExerciseSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.kind, e.title, e.disrupted_at, e.state, x.clock, x.facilitator,
                    (SELECT count(*) FROM event_log l WHERE l.event_id = e.id)
             FROM event e JOIN exercise x ON x.event_id = e.id
             ORDER BY e.disrupted_at DESC, e.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ExerciseSummary {
                id: r.get(0)?,
                kind: exercise_kind(r, 1)?,
                title: r.get(2)?,
                date: r.get(3)?,
                state: state(&r.get::<_, String>(4)?, r.get(7)?),
                clock: exercise_clock(r, 5)?,
                facilitator: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An exercise's preparation and debrief.
    pub fn exercise(&self, id: i64) -> Result<ExercisePrep> {
        let row = self
            .conn
            .query_row(
                "SELECT e.kind, e.title, e.disrupted_at, e.state, x.clock, x.facilitator, x.scenario,
                        x.lost, x.success_criteria, x.strengths, x.weaknesses,
                        (SELECT count(*) FROM event_log l WHERE l.event_id = e.id)
                 FROM event e JOIN exercise x ON x.event_id = e.id WHERE e.id = ?1",
                [id],
                |r| {
                    Ok((
                        exercise_kind(r, 0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, DateTime<Utc>>(2)?,
                        state(&r.get::<_, String>(3)?, r.get(11)?),
                        exercise_clock(r, 4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        texts(r, 7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, String>(10)?,
                    ))
                },
            )
            .optional()?
            .ok_or(Error::NotFound {
                entity: "exercise",
                id,
            })?;
        let (kind, title, date, state, clock, facilitator, scenario, lost, criteria, s, w) = row;
        Ok(ExercisePrep {
            id,
            kind,
            title,
            date,
            state,
            clock,
            facilitator,
            scenario,
            lost: lost
                .iter()
                .filter_map(|k| NodeRef::parse("lost", k).ok())
                .collect(),
            success_criteria: criteria,
            strengths: s,
            weaknesses: w,
            people: self.exercise_people(id)?,
            objectives: self.exercise_objectives(id)?,
            plans: self.tested_versions(id)?,
            injects: self.exercise_injects(id)?,
        })
    }

    fn exercise_people(&self, id: i64) -> Result<Vec<ExercisePerson>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, x.role FROM exercise_person x JOIN person p ON p.id = x.person_id
             WHERE x.event_id = ?1 ORDER BY x.role DESC, p.name",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ExercisePerson {
                person_id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn exercise_objectives(&self, id: i64) -> Result<Vec<ObjectiveRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT position, text, met FROM exercise_objective WHERE event_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ObjectiveRow {
                number: r.get(0)?,
                text: r.get(1)?,
                met: r.get::<_, Option<i64>>(2)?.map(|m| m != 0),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn tested_versions(&self, id: i64) -> Result<Vec<TestedVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT x.plan_id, p.title, x.version, x.sha256 FROM exercise_plan x JOIN plan p ON p.id = x.plan_id
             WHERE x.event_id = ?1 ORDER BY x.plan_id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(TestedVersion {
                plan_id: r.get(0)?,
                title: r.get(1)?,
                version: r.get(2)?,
                sha256: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn exercise_injects(&self, id: i64) -> Result<Vec<Inject>> {
        let mut stmt = self.conn.prepare(
            "SELECT position, offset_minutes, text, expected, activity FROM exercise_inject
             WHERE event_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Inject {
                number: r.get(0)?,
                offset_min: Duration::from_minutes(r.get(1)?).unwrap_or(Duration::ZERO),
                text: r.get(2)?,
                expected: texts(r, 3)?,
                activity: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl EngagementStore {
    /// Frozen version `version` of plan `plan_id`, with the plan's title.
    pub fn frozen_row(
        &self,
        plan_id: i64,
        version: u32,
    ) -> Result<(String, crate::plan::versions::FrozenRow)> {
        let plan = self.plan_row(plan_id)?;
        let row = self
            .frozen_rows(plan_id)?
            .into_iter()
            .find(|r| r.version == version)
            .ok_or_else(|| {
                Error::Conflict(format!(
                    "Version {version} of \u{201c}{}\u{201d} was never approved.",
                    plan.title
                ))
            })?;
        Ok((plan.title, row))
    }
}
