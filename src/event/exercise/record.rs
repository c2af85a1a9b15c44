//! What a new entry of an exercise may record: the scenario clock only moves on, a
//! rating is of an expected action of an inject that is up, a resource is restored
//! once, and everything else follows the incident rules (`event::record`) at the
//! exercise's time. Also the entries that start an exercise.

use chrono::{DateTime, Utc};

use super::ExerciseBoard;
use crate::domain::{
    AffectedActivity, Authority, BoardAction, Duration, ExerciseClock, ExerciseState, Fact, Inject,
    LogKind, parse_offset,
};
use crate::event::NewEntry;
use crate::event::assessment::{minutes_between, span};
use crate::event::record::{self as incident, refuse};
use crate::{Error, Result};

/// A resource named in a restoration, found by the caller: (id, name).
pub type FoundResource = (i64, String);

/// The entry for `action` by `author`, written at `written` (the wall clock; the board
/// is at the exercise's time). `resource` is the resource a restoration names.
pub fn entry_for(
    board: &ExerciseBoard,
    action: &BoardAction,
    author: &str,
    written: DateTime<Utc>,
    resource: Option<FoundResource>,
) -> Result<NewEntry> {
    let now = board.now;
    let closed = board.state == ExerciseState::Closed;
    let entry = |kind, text: String, fact| NewEntry {
        at: written,
        author: author.to_owned(),
        kind,
        text,
        rationale: String::new(),
        corrects: None,
        fact: Some(fact),
    };
    let mut new = match action {
        BoardAction::Invoke(_) => {
            return Err(refuse(
                "the plan versions an exercise tests are invoked when it starts",
            ));
        }
        BoardAction::Advance { .. } | BoardAction::Observe { .. } | BoardAction::Restore { .. }
            if closed =>
        {
            return Err(refuse(
                "the exercise is closed: add notes or corrections only",
            ));
        }
        BoardAction::Advance { to } => {
            if board.clock == ExerciseClock::Real {
                return Err(refuse(
                    "this exercise runs on the real clock; its time moves by itself",
                ));
            }
            let offset = parse_offset(to).map_err(|m| Error::invalid("to", m))?;
            let current = u32::try_from(board.elapsed_min.max(0)).unwrap_or(u32::MAX);
            if offset.minutes() <= current {
                return Err(Error::invalid(
                    "to",
                    format!(
                        "The scenario clock reads T+{}; it only moves on.",
                        Duration::clamped(board.elapsed_min)
                    ),
                ));
            }
            let up: Vec<String> = board
                .injects
                .iter()
                .filter(|i| !i.up && i.inject.offset_min <= offset)
                .map(|i| i.inject.number.to_string())
                .collect();
            let mut text = format!("Scenario clock: it is now T+{offset}");
            match up.len() {
                0 => {}
                1 => text.push_str(&format!("; inject {} is up", up[0])),
                _ => text.push_str(&format!("; injects {} are up", up.join(", "))),
            }
            entry(LogKind::Status, text, Fact::ClockSet { offset_min: offset })
        }
        BoardAction::Observe {
            inject,
            expected,
            rating,
            note,
        } => {
            let note = note.trim();
            if note.chars().count() > 2_000 {
                return Err(Error::invalid(
                    "note",
                    "A note is at most 2,000 characters.",
                ));
            }
            let row = board
                .injects
                .iter()
                .find(|i| i.inject.number == *inject)
                .ok_or_else(|| {
                    refuse(format!(
                        "the exercise has injects 1 to {}; there is no inject {inject}",
                        board.injects.len()
                    ))
                })?;
            if !row.up {
                return Err(refuse(format!(
                    "inject {inject} comes up at T+{}; it is not up yet",
                    row.inject.offset_min
                )));
            }
            let action = row
                .expected
                .iter()
                .find(|e| e.number == *expected)
                .ok_or_else(|| {
                    refuse(format!(
                        "inject {inject} expects {} actions; there is no action {expected}",
                        row.expected.len()
                    ))
                })?;
            let mut text = format!(
                "Inject {inject}, expected action {expected} (\u{201c}{}\u{201d}): {}",
                action.text,
                rating.as_str()
            );
            if !note.is_empty() {
                text.push_str(&format!(". {note}"));
            }
            entry(
                LogKind::Note,
                text,
                Fact::Observed {
                    inject: *inject,
                    expected: *expected,
                    rating: *rating,
                    note: note.to_owned(),
                },
            )
        }
        BoardAction::Restore { restore_point, .. } => {
            let (resource_id, name) =
                resource.ok_or_else(|| refuse("name the resource restored"))?;
            if board.restored.iter().any(|r| r.resource_id == resource_id) {
                return Err(refuse(format!(
                    "{name} is already restored in this exercise; correct that entry if it was wrong"
                )));
            }
            if restore_point.is_some_and(|p| p > now) {
                return Err(Error::invalid(
                    "restore_point",
                    "The restore point cannot be later than the restoration.",
                ));
            }
            let took = span(minutes_between(board.start, now));
            let mut text = format!("Restored: {name}, {took} after T+0");
            if let Some(point) = restore_point {
                let lost = span(minutes_between(*point, board.start));
                text.push_str(&format!(
                    "; data restored to {} ({} lost)",
                    point.format("%Y-%m-%d %H:%M UTC"),
                    if *point >= board.start {
                        "nothing".to_owned()
                    } else {
                        lost
                    }
                ));
            }
            entry(
                LogKind::Action,
                text,
                Fact::Restored {
                    resource_id,
                    resource: name,
                    restore_point: *restore_point,
                },
            )
        }
        other => incident::entry_for(&board.board, other, author, now)?,
    };
    new.at = written;
    Ok(new)
}

/// What starts an exercise: its title and scenario, T+0, who runs it, what is lost and
/// the activities that stops, its objectives, injects and the plan versions it tests.
pub struct Start<'a> {
    pub title: &'a str,
    pub kind_label: &'a str,
    pub scenario: &'a str,
    pub start: DateTime<Utc>,
    pub clock: ExerciseClock,
    pub facilitator: &'a str,
    pub lost: Vec<String>,
    pub activities: Vec<AffectedActivity>,
    pub objectives: Vec<String>,
    pub injects: Vec<Inject>,
    /// (plan id, title, version, SHA-256).
    pub plans: Vec<(i64, String, u32, String)>,
}

/// The entries that start an exercise, written at `written` by `author`: the opening
/// (what is lost, the activities stopped), the exercise's clock and injects, and one
/// invocation per plan version tested.
pub fn start_entries(start: Start<'_>, author: &str, written: DateTime<Utc>) -> Vec<NewEntry> {
    let entry = |kind, text: String, fact| NewEntry {
        at: written,
        author: author.to_owned(),
        kind,
        text,
        rationale: String::new(),
        corrects: None,
        fact: Some(fact),
    };
    let clock_words = match start.clock {
        ExerciseClock::Real => "on the real clock".to_owned(),
        ExerciseClock::Scenario => format!(
            "on a scenario clock, T+0 = {}",
            start.start.format("%Y-%m-%d %H:%M UTC")
        ),
    };
    let mut text = format!(
        "Exercise started: {} ({}, {clock_words})",
        start.title, start.kind_label
    );
    if !start.lost.is_empty() {
        text.push_str(&format!(
            ". Lost: {}; {} activities affected",
            start.lost.join(", "),
            start.activities.len()
        ));
    }
    let mut entries = vec![entry(
        LogKind::Status,
        text,
        Fact::Opened {
            title: start.title.to_owned(),
            description: start.scenario.to_owned(),
            disrupted_at: start.start,
            reported_by: start.facilitator.to_owned(),
            affects: start.lost,
            activities: start.activities,
        },
    )];
    entries.push(entry(
        LogKind::Note,
        format!(
            "{} {}, {} {}",
            start.objectives.len(),
            if start.objectives.len() == 1 {
                "objective"
            } else {
                "objectives"
            },
            start.injects.len(),
            if start.injects.len() == 1 {
                "inject"
            } else {
                "injects"
            }
        ),
        Fact::ExerciseStarted {
            clock: start.clock,
            objectives: start.objectives,
            injects: start.injects,
        },
    ));
    let invoker = if start.facilitator.trim().is_empty() {
        author.to_owned()
    } else {
        start.facilitator.to_owned()
    };
    for (plan_id, title, version, sha256) in start.plans {
        entries.push(entry(
            LogKind::Decision,
            format!(
                "\u{201c}{title}\u{201d} version {version} invoked for the exercise (SHA-256 {sha256})"
            ),
            Fact::Invoked {
                plan_id,
                plan_title: title,
                version,
                sha256,
                draft_version: None,
                invoker: invoker.clone(),
                authority: Authority::Exercise,
                criteria: Vec::new(),
            },
        ));
    }
    entries
}
