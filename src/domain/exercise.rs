//! Exercises: an event of one of the exercise kinds, prepared with its people,
//! objectives, the plan versions it tests and a timeline of injects, then run on the
//! incident board with a clock of its own and observers scoring what they see.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Duration, EventKind, FieldErrors, NodeRef};

/// How an exercise tells time: the wall clock (parallel and full tests), or a scenario
/// clock the facilitator advances ("it is now T+4h") for tabletops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExerciseClock {
    Real,
    Scenario,
}

impl ExerciseClock {
    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseClock::Real => "real",
            ExerciseClock::Scenario => "scenario",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "real" => Some(ExerciseClock::Real),
            "scenario" => Some(ExerciseClock::Scenario),
            _ => None,
        }
    }

    /// The clock an exercise of `kind` runs on unless told otherwise: the real clock
    /// where resources are really restored (walkthrough, parallel and full tests), a
    /// scenario clock for discussions (tabletop, simulation).
    pub fn usual_for(kind: EventKind) -> Self {
        if kind.demonstrates() || kind == EventKind::Incident {
            ExerciseClock::Real
        } else {
            ExerciseClock::Scenario
        }
    }
}

/// Whether restoring a resource in an exercise of `kind` on `clock` demonstrates its
/// recovery capability: a kind that really restores, timed by the real clock (on a
/// scenario clock the time is the facilitator's, not measured).
pub fn demonstrates(kind: EventKind, clock: ExerciseClock) -> bool {
    kind.demonstrates() && clock == ExerciseClock::Real
}

/// Where an exercise stands: prepared (its log still empty), running, closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExerciseState {
    Planned,
    Running,
    Closed,
}

impl ExerciseState {
    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseState::Planned => "planned",
            ExerciseState::Running => "running",
            ExerciseState::Closed => "closed",
        }
    }
}

/// What an observer saw of an expected action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Observed,
    Partly,
    Missed,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Observed, Rating::Partly, Rating::Missed];

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Observed => "observed",
            Rating::Partly => "partly",
            Rating::Missed => "missed",
        }
    }

    /// `observed`, `partly` (or `partly observed`), `missed`; also their first letters.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "observed" | "o" => Some(Rating::Observed),
            "partly" | "partly observed" | "partial" | "p" => Some(Rating::Partly),
            "missed" | "m" => Some(Rating::Missed),
            _ => None,
        }
    }

    /// Points towards the score: 2 observed, 1 partly, 0 missed.
    pub fn points(self) -> u32 {
        match self {
            Rating::Observed => 2,
            Rating::Partly => 1,
            Rating::Missed => 0,
        }
    }
}

/// One inject: what the facilitator brings up at `offset` after the start, and the
/// responses expected of the players.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Inject {
    /// From 1, in the order of the timeline.
    pub number: u32,
    pub offset_min: Duration,
    pub text: String,
    pub expected: Vec<String>,
    /// The activity it was drafted from (empty for one added by hand).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub activity: String,
}

/// An inject as typed; the offset in the words durations are typed in (`4h`, `T+4h`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InjectInput {
    pub offset: String,
    pub text: String,
    pub expected: Vec<String>,
    #[serde(default)]
    pub activity: String,
}

impl InjectInput {
    /// The offset, text and expected actions, checked.
    pub fn validate(&self) -> Result<(Duration, String, Vec<String>), FieldErrors> {
        let mut errors = FieldErrors::new();
        let offset = match parse_offset(&self.offset) {
            Ok(d) => Some(d),
            Err(message) => {
                errors.add("offset", message);
                None
            }
        };
        let text = errors.required_text("text", "What happens", &self.text, 2_000);
        let mut expected = Vec::new();
        for action in &self.expected {
            let action = action.trim();
            if action.chars().count() > 1_000 {
                errors.add(
                    "expected",
                    "An expected action is at most 1,000 characters.",
                );
            } else if !action.is_empty() {
                expected.push(action.to_owned());
            }
        }
        if expected.len() > 50 {
            errors.add("expected", "An inject expects at most 50 actions.");
        }
        errors.into_result()?;
        Ok((offset.unwrap_or(Duration::ZERO), text, expected))
    }
}

/// A time after the start as typed: `4h`, `T+4h`, `+90m`, `0`.
pub fn parse_offset(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let t = t
        .strip_prefix("T+")
        .or_else(|| t.strip_prefix("t+"))
        .or_else(|| t.strip_prefix('+'))
        .unwrap_or(t)
        .trim();
    if t == "0" || t.eq_ignore_ascii_case("T") {
        return Ok(Duration::ZERO);
    }
    Duration::parse(t).map_err(|e| format!("The time after the start: {e}"))
}

/// An exercise as prepared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NewExerciseInput {
    /// `tabletop`, `walkthrough`, `simulation`, `parallel`, `full_interruption`.
    pub kind: String,
    pub title: String,
    /// When it is to be held (for a scenario clock, the scenario's T+0).
    pub date: Option<DateTime<Utc>>,
    /// `real` or `scenario`; empty: the kind's usual clock.
    #[serde(default)]
    pub clock: String,
    pub facilitator: String,
    /// People by name.
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub observers: Vec<String>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub success_criteria: String,
    /// The plans tested, by id: their last approved version.
    #[serde(default)]
    pub plans: Vec<i64>,
    /// What the scenario loses, by node key (`resource:ID`, `activity:ID`).
    #[serde(default)]
    pub lost: Vec<String>,
    /// The scenario in words; empty: drafted from what is lost.
    #[serde(default)]
    pub scenario: String,
}

/// A new exercise, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExercise {
    pub kind: EventKind,
    pub title: String,
    pub clock: ExerciseClock,
    pub facilitator: String,
    pub objectives: Vec<String>,
    pub success_criteria: String,
    pub lost: Vec<NodeRef>,
    pub scenario: String,
}

impl NewExerciseInput {
    pub fn validate(&self) -> Result<NewExercise, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = EventKind::parse(&self.kind).filter(|k| k.is_exercise());
        if kind.is_none() {
            errors.add(
                "kind",
                format!(
                    "\u{201c}{}\u{201d} is not an exercise type: write tabletop, walkthrough, simulation, parallel or full_interruption.",
                    self.kind.trim()
                ),
            );
        }
        let clock = if self.clock.trim().is_empty() {
            kind.map(ExerciseClock::usual_for)
        } else {
            let clock = ExerciseClock::parse(&self.clock);
            if clock.is_none() {
                errors.add("clock", "The clock is real or scenario.");
            }
            clock
        };
        let title = errors.required_text("title", "The title", &self.title, 200);
        let facilitator =
            errors.optional_text("facilitator", "The facilitator", &self.facilitator, 200);
        let success_criteria = errors.optional_text(
            "success_criteria",
            "The success criteria",
            &self.success_criteria,
            5_000,
        );
        let scenario = errors.optional_text("scenario", "The scenario", &self.scenario, 5_000);
        let mut objectives = Vec::new();
        for objective in &self.objectives {
            let objective = objective.trim();
            if objective.chars().count() > 1_000 {
                errors.add("objectives", "An objective is at most 1,000 characters.");
            } else if !objective.is_empty() {
                objectives.push(objective.to_owned());
            }
        }
        if objectives.len() > 50 {
            errors.add("objectives", "An exercise has at most 50 objectives.");
        }
        let mut lost = Vec::new();
        for key in &self.lost {
            match NodeRef::parse("lost", key) {
                Ok(node) if !lost.contains(&node) => lost.push(node),
                Ok(_) => {}
                Err(_) => errors.add(
                    "lost",
                    format!("\u{201c}{key}\u{201d} is not an activity or a resource."),
                ),
            }
        }
        errors.into_result()?;
        Ok(NewExercise {
            kind: kind.unwrap_or(EventKind::Tabletop),
            title,
            clock: clock.unwrap_or(ExerciseClock::Scenario),
            facilitator,
            objectives,
            success_criteria,
            lost,
            scenario,
        })
    }
}

/// An exercise in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExerciseSummary {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: EventKind,
    pub title: String,
    /// When it is (or was) held.
    pub date: DateTime<Utc>,
    pub state: ExerciseState,
    pub clock: ExerciseClock,
    pub facilitator: String,
}

/// A recovery capability shown in an exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Demonstration {
    pub resource_id: i64,
    pub event_id: i64,
    /// The log entry that restored it.
    pub seq: u32,
    pub demonstrated_at: DateTime<Utc>,
    pub rtc_min: Duration,
    pub rpc_min: Option<Duration>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_with_or_without_t_plus() {
        assert_eq!(
            parse_offset("T+4h"),
            Ok(Duration::from_minutes(240).unwrap())
        );
        assert_eq!(
            parse_offset("+90m"),
            Ok(Duration::from_minutes(90).unwrap())
        );
        assert_eq!(
            parse_offset("1d"),
            Ok(Duration::from_minutes(1440).unwrap())
        );
        assert_eq!(parse_offset("0"), Ok(Duration::ZERO));
        assert!(parse_offset("soon").is_err());
    }

    proptest::proptest! {
        /// Whatever is typed as an offset is read or refused, never a panic; an offset
        /// written as the exercise says it (`T+4h 30m`) reads back the same.
        #[test]
        fn any_offset_typed_is_read_or_refused(text in ".{0,40}", minutes in 0u32..=crate::domain::duration::MAX_MINUTES) {
            let _ = parse_offset(&text);
            let d = Duration::from_minutes(minutes).expect("within the range");
            proptest::prop_assert_eq!(parse_offset(&format!("T+{d}")), Ok(d));
        }
    }

    #[test]
    fn a_kind_is_an_exercise_type_or_refused() {
        let mut input = NewExerciseInput {
            kind: "parallel".into(),
            title: "Restore test".into(),
            ..Default::default()
        };
        let checked = input.validate().unwrap();
        assert_eq!(checked.kind, EventKind::ParallelTest);
        assert_eq!(checked.clock, ExerciseClock::Real);
        input.kind = "incident".into();
        assert!(input.validate().unwrap_err().get("kind").is_some());
        input.kind = "tabletop".into();
        assert_eq!(input.validate().unwrap().clock, ExerciseClock::Scenario);
    }
}
