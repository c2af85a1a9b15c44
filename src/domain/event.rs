//! Events: a disruption being handled — an incident today, an exercise later — and the
//! entries of its decision log. The log is the record: every entry has a time, an
//! author, a kind and words, and may carry a [`Fact`] (a plan invoked, a step started,
//! a person reached, an activity back at its minimum level) from which the board is
//! worked out. Entries are never changed; a correction is a new entry.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Duration, ExerciseClock, FieldErrors, Inject, NodeRef, Rating};

/// What kind of event: an incident, or an exercise of one of five types. They share the
/// board and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Incident,
    /// Discussion around a table, the facilitator moving a scenario clock.
    Tabletop,
    /// The steps walked through in order, where they would be done.
    Walkthrough,
    Simulation,
    /// Recovery run for real beside production.
    #[serde(rename = "parallel")]
    ParallelTest,
    /// Production switched off and recovered.
    FullInterruption,
}

impl EventKind {
    pub const EXERCISES: [EventKind; 5] = [
        EventKind::Tabletop,
        EventKind::Walkthrough,
        EventKind::Simulation,
        EventKind::ParallelTest,
        EventKind::FullInterruption,
    ];

    /// The word stored in the engagement file.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Incident => "incident",
            EventKind::Tabletop => "tabletop",
            EventKind::Walkthrough => "walkthrough",
            EventKind::Simulation => "simulation",
            EventKind::ParallelTest => "parallel_test",
            EventKind::FullInterruption => "full_interruption",
        }
    }

    /// The word the command line and JSON use (`parallel` for a parallel test).
    pub fn word(self) -> &'static str {
        match self {
            EventKind::ParallelTest => "parallel",
            other => other.as_str(),
        }
    }

    /// How the kind reads in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Incident => "incident",
            EventKind::Tabletop => "tabletop exercise",
            EventKind::Walkthrough => "walkthrough",
            EventKind::Simulation => "simulation",
            EventKind::ParallelTest => "parallel test",
            EventKind::FullInterruption => "full interruption test",
        }
    }

    /// The stored word or the command line's (`parallel`, `full-interruption`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase().replace(['-', ' '], "_");
        [EventKind::Incident]
            .into_iter()
            .chain(EventKind::EXERCISES)
            .find(|k| k.as_str() == text || k.word() == text)
    }

    pub fn is_exercise(self) -> bool {
        self != EventKind::Incident
    }

    /// Whether restoring a resource in this kind of exercise demonstrates its recovery
    /// capability: only where it is really restored (walkthrough, parallel, full).
    pub fn demonstrates(self) -> bool {
        matches!(
            self,
            EventKind::Walkthrough | EventKind::ParallelTest | EventKind::FullInterruption
        )
    }
}

/// Where an event stands: opened (assessed, no plan invoked yet), invoked, stood down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EventState {
    Open,
    Invoked,
    StoodDown,
}

impl EventState {
    pub fn as_str(self) -> &'static str {
        match self {
            EventState::Open => "open",
            EventState::Invoked => "invoked",
            EventState::StoodDown => "stood_down",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [EventState::Open, EventState::Invoked, EventState::StoodDown]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// The kind of a log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Decision,
    Action,
    Communication,
    Status,
    Note,
}

impl LogKind {
    pub const ALL: [LogKind; 5] = [
        LogKind::Decision,
        LogKind::Action,
        LogKind::Communication,
        LogKind::Status,
        LogKind::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LogKind::Decision => "decision",
            LogKind::Action => "action",
            LogKind::Communication => "communication",
            LogKind::Status => "status",
            LogKind::Note => "note",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        LogKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim().to_lowercase())
    }
}

/// How a call of the call tree went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    Reached,
    /// No answer yet: the fall-back is due.
    NoAnswer,
    Unreachable,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CallOutcome::Reached => "reached",
            CallOutcome::NoAnswer => "no answer",
            CallOutcome::Unreachable => "not reachable",
        }
    }
}

/// The level an activity is back at: its minimum (MBCO/MASL) or normal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Minimum,
    Normal,
}

impl Level {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "minimum" | "min" => Some(Level::Minimum),
            "normal" => Some(Level::Normal),
            _ => None,
        }
    }
}

/// Why an invoker may invoke: how the frozen version names them, or the reason they
/// gave for invoking without being named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Authority {
    /// Named in the plan.
    Named,
    /// The alternate of someone named.
    AlternateOf { name: String },
    /// Holds a role the plan names.
    Role { role: String },
    /// Not named in the plan: allowed only with a recorded reason.
    WithoutAuthority { reason: String },
    /// The version names no one (approved before plans said who may invoke).
    NotStated,
    /// Invoked by an exercise that tests this version.
    Exercise,
}

impl Authority {
    /// In words, after the invoker's name.
    pub fn describe(&self) -> String {
        match self {
            Authority::Named => "named in the plan".into(),
            Authority::AlternateOf { name } => format!("alternate of {name}"),
            Authority::Role { role } => format!("as {role}"),
            Authority::WithoutAuthority { reason } => {
                format!("WITHOUT AUTHORITY in the plan; reason: {reason}")
            }
            Authority::NotStated => "the plan version names no one who may invoke".into(),
            Authority::Exercise => "as the plan version this exercise tests".into(),
        }
    }

    pub fn without_authority(&self) -> bool {
        matches!(self, Authority::WithoutAuthority { .. })
    }
}

/// An activity an event affects, with the targets it is measured against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AffectedActivity {
    pub activity_id: i64,
    pub name: String,
    pub tier: Option<u8>,
    pub rto_min: Option<Duration>,
    pub mtpd_min: Option<Duration>,
    pub rpo_min: Option<Duration>,
    /// The minimum level (MBCO/MASL) in words: a percentage or a statement.
    pub minimum: String,
    /// Why it is affected: named as affected, or what it needs that was lost.
    pub why: String,
}

/// What a log entry records for the board, beyond its words. Part of the hashed entry,
/// so its shape never changes once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fact {
    Opened {
        title: String,
        description: String,
        disrupted_at: DateTime<Utc>,
        reported_by: String,
        /// What was named as affected (activities and resources), by name.
        affects: Vec<String>,
        activities: Vec<AffectedActivity>,
    },
    Invoked {
        plan_id: i64,
        plan_title: String,
        version: u32,
        sha256: String,
        /// A later draft of the plan existed and was not invoked.
        draft_version: Option<u32>,
        invoker: String,
        authority: Authority,
        /// The criteria ticked as met, by number in the version's list (from 1).
        criteria: Vec<u32>,
    },
    StepStarted {
        plan_id: i64,
        step: u32,
    },
    StepDone {
        plan_id: i64,
        step: u32,
    },
    Call {
        person: String,
        outcome: CallOutcome,
    },
    Resumed {
        activity: String,
        level: Level,
        restore_point: Option<DateTime<Utc>>,
    },
    StoodDown {
        summary: String,
        /// Who decided it (empty: the entry's author).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        by: String,
    },
    /// An exercise began: its clock and its injects, as prepared.
    ExerciseStarted {
        clock: ExerciseClock,
        objectives: Vec<String>,
        injects: Vec<Inject>,
    },
    /// The scenario clock now reads T+`offset_min` (exercises on a scenario clock).
    ClockSet {
        offset_min: Duration,
    },
    /// An observer's rating of an expected action of an inject (both from 1).
    Observed {
        inject: u32,
        expected: u32,
        rating: Rating,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// A resource restored during an exercise, and the point its data came back to.
    Restored {
        resource_id: i64,
        resource: String,
        restore_point: Option<DateTime<Utc>>,
    },
}

/// One entry of an event's decision log, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LogEntry {
    pub seq: u32,
    pub at: DateTime<Utc>,
    pub author: String,
    pub kind: LogKind,
    pub text: String,
    /// Why, for a decision; empty otherwise.
    pub rationale: String,
    /// The entry this one corrects.
    pub corrects: Option<u32>,
    pub fact: Option<Fact>,
    /// The previous entry's hash (64 zeros for the first).
    pub prev: String,
    pub hash: String,
}

/// An event in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EventSummary {
    pub id: i64,
    pub kind: EventKind,
    pub title: String,
    pub state: EventState,
    pub disrupted_at: DateTime<Utc>,
    pub opened_at: DateTime<Utc>,
}

/// An incident as typed when it is opened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OpenIncidentInput {
    pub title: String,
    pub description: String,
    /// When the disruption began; `None`: now.
    pub disrupted_at: Option<DateTime<Utc>>,
    pub reported_by: String,
    /// Activities and resources lost, by node key (`activity:ID`, `resource:ID`).
    pub affects: Vec<String>,
}

impl OpenIncidentInput {
    /// The title, description and reporter, checked; and the affected nodes.
    pub fn validate(&self) -> Result<(String, String, String, Vec<NodeRef>), FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.required_text("title", "The title", &self.title, 200);
        let description =
            errors.optional_text("description", "What happened", &self.description, 5_000);
        let reported_by =
            errors.optional_text("reported_by", "Who reported it", &self.reported_by, 200);
        let mut nodes = Vec::new();
        for key in &self.affects {
            match NodeRef::parse("affects", key) {
                Ok(node) if !nodes.contains(&node) => nodes.push(node),
                Ok(_) => {}
                Err(_) => errors.add(
                    "affects",
                    format!("\u{201c}{key}\u{201d} is not an activity or a resource."),
                ),
            }
        }
        errors.into_result()?;
        Ok((title, description, reported_by, nodes))
    }
}

/// An invocation as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InvokeInput {
    pub plan_id: i64,
    pub invoker: String,
    /// The criteria met, by number in the plan's list (from 1).
    pub criteria: Vec<u32>,
    /// Required when the invoker is not named in the plan.
    pub reason: String,
}

/// A log entry as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LogInput {
    pub kind: LogKind,
    pub text: String,
    pub rationale: String,
    pub corrects: Option<u32>,
}

impl LogInput {
    pub fn validate(&self) -> Result<(String, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = errors.required_text("text", "The entry", &self.text, 5_000);
        let rationale = errors.optional_text("rationale", "The rationale", &self.rationale, 5_000);
        errors.into_result()?;
        Ok((text, rationale))
    }
}

/// One thing recorded on the board, as typed in the app or on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BoardAction {
    Invoke(InvokeInput),
    Log(LogInput),
    StepStart {
        plan_id: Option<i64>,
        step: u32,
    },
    StepDone {
        plan_id: Option<i64>,
        step: u32,
    },
    Call {
        person: String,
        outcome: CallOutcome,
    },
    Resume {
        activity: String,
        level: Level,
        restore_point: Option<DateTime<Utc>>,
    },
    /// `by`: who decided it; the person recording it when empty.
    StandDown {
        summary: String,
        #[serde(default)]
        by: String,
    },
    /// Exercises on a scenario clock: "it is now T+4h" (`to` as typed).
    Advance {
        to: String,
    },
    /// An observer's rating of expected action `expected` of inject `inject`.
    Observe {
        inject: u32,
        expected: u32,
        rating: Rating,
        #[serde(default)]
        note: String,
    },
    /// A resource back during an exercise, by name.
    Restore {
        resource: String,
        restore_point: Option<DateTime<Utc>>,
    },
}
