//! Exercises: prepare one from a loss scenario (its injects drafted from the RTOs and
//! MTPDs of the activities it stops), edit the injects, start it, record what happens
//! on its board (the incident board at the exercise's time, with the clock, ratings and
//! restorations of exercises), close it, and hold the hot debrief. Restorations in a
//! walkthrough, parallel or full interruption test demonstrate capabilities.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::incident::{author, losses};
use crate::domain::{
    BoardAction, EventState, ExerciseState, FieldErrors, Finding, Inject, InjectInput, LogEntry,
    NewExerciseInput, NodeRef, to_the_second,
};
use crate::event::chain::{self, ChainCheck};
use crate::event::exercise::injects::{self, TestedPlan};
use crate::event::exercise::record::{self, Start};
use crate::event::exercise::{self as run, ExerciseBoard};
use crate::store::{ExercisePrep, StoredEvent};
use crate::{EngagementStore, Error, Result};

/// An exercise: its preparation and debrief, its board once it has started, and the
/// findings recorded against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExerciseView {
    pub exercise: ExercisePrep,
    pub board: Option<ExerciseBoard>,
    pub findings: Vec<Finding>,
}

/// Prepares an exercise at `at` (its date, when none is given); returns its id. The
/// injects are drafted from what the scenario loses and the plans tested.
pub fn new(
    store: &mut EngagementStore,
    input: &NewExerciseInput,
    at: DateTime<Utc>,
) -> Result<i64> {
    let checked = input.validate().map_err(Error::Invalid)?;
    let date = to_the_second(input.date.unwrap_or(at));
    let everyone = store.people()?;
    let mut people: Vec<(i64, &str)> = Vec::new();
    for (names, role, field) in [
        (&input.participants, "participant", "participants"),
        (&input.observers, "observer", "observers"),
    ] {
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let person = everyone
                .iter()
                .find(|p| p.name.trim().eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    Error::invalid(
                        field,
                        format!("No one called \u{201c}{name}\u{201d} is in People & teams; add them there first."),
                    )
                })?;
            people.push((person.id, role));
        }
    }
    let mut plans = Vec::new();
    let mut contents = Vec::new();
    let mut plan_ids = input.plans.clone();
    plan_ids.sort_unstable();
    plan_ids.dedup();
    for plan_id in &plan_ids {
        let approved = store.approved_version(*plan_id)?;
        approved.row.check_hash(&approved.title)?;
        contents.push((
            approved.title.clone(),
            approved.row.version,
            approved.row.content(&approved.title)?,
        ));
        plans.push((approved.plan_id, approved.row.version, approved.row.sha256));
    }
    let (lost, activities) = losses(store, &checked.lost)?;
    let tested: Vec<TestedPlan<'_>> = contents
        .iter()
        .map(|(title, version, content)| TestedPlan {
            title,
            version: *version,
            content,
        })
        .collect();
    let drafted = injects::draft(&lost, &activities, &tested);
    let mut checked = checked;
    if checked.scenario.is_empty() && !lost.is_empty() {
        checked.scenario = format!(
            "{} {} lost at T+0. Affected: {}.",
            lost.join(", "),
            if lost.len() == 1 { "is" } else { "are" },
            if activities.is_empty() {
                "no activity (what needs it can use an alternative, or nothing needs it; to \
                 test a group of alternatives, lose its members together)"
                    .to_owned()
            } else {
                activities
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
    }
    store.create_exercise(&checked, date, &people, &plans, &drafted)
}

/// Replaces the injects of an exercise that has not started; they are numbered in
/// time order.
pub fn set_injects(
    store: &mut EngagementStore,
    id: i64,
    inputs: &[InjectInput],
) -> Result<Vec<Inject>> {
    if inputs.len() > 500 {
        return Err(Error::invalid(
            "injects",
            "An exercise has at most 500 injects.",
        ));
    }
    // Every inject's problems at once, each at `injects.I.FIELD` (I from 0, in the order
    // given) and named by its place, so that a face can put each beside its own field.
    let mut problems = FieldErrors::new();
    let mut injects = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        match input.validate() {
            Ok((offset_min, text, expected)) => injects.push(Inject {
                number: 0,
                offset_min,
                text,
                expected,
                activity: input.activity.trim().to_owned(),
            }),
            Err(errors) => {
                for field in errors.fields() {
                    problems.add(
                        &format!("injects.{index}.{field}"),
                        format!(
                            "Inject {}: {}",
                            index + 1,
                            errors.get(field).unwrap_or_default()
                        ),
                    );
                }
            }
        }
    }
    problems.into_result().map_err(Error::Invalid)?;
    injects.sort_by_key(|i| i.offset_min);
    for (inject, number) in injects.iter_mut().zip(1u32..) {
        inject.number = number;
    }
    store.set_injects(id, &injects)?;
    Ok(injects)
}

/// The injects of exercise `id` as they would be typed, to edit one and save them all.
pub fn inject_inputs(store: &EngagementStore, id: i64) -> Result<Vec<InjectInput>> {
    Ok(store
        .exercise(id)?
        .injects
        .into_iter()
        .map(|i| InjectInput {
            offset: i.offset_min.to_string(),
            text: i.text,
            expected: i.expected,
            activity: i.activity,
        })
        .collect())
}

/// Starts exercise `id` at `at`: T+0 is then (real clock) or the date prepared
/// (scenario clock). The plan versions tested are invoked, once their SHA-256 checks.
pub fn start(store: &mut EngagementStore, id: i64, at: DateTime<Utc>) -> Result<ExerciseView> {
    let at = to_the_second(at);
    let prep = store.exercise(id)?;
    if prep.state != ExerciseState::Planned {
        return Err(Error::Conflict(format!(
            "\u{201c}{}\u{201d} has already started",
            prep.title
        )));
    }
    let mut plans = Vec::new();
    for tested in &prep.plans {
        let (title, row) = store.frozen_row(tested.plan_id, tested.version)?;
        row.check_hash(&title)?;
        if row.sha256 != tested.sha256 {
            return Err(Error::Conflict(format!(
                "\u{201c}{title}\u{201d} version {} no longer has the SHA-256 it had when the exercise was prepared",
                row.version
            )));
        }
        plans.push((tested.plan_id, title, row.version, row.sha256));
    }
    let (lost, activities) = losses(store, &prep.lost)?;
    let start = match prep.clock {
        crate::domain::ExerciseClock::Real => at,
        crate::domain::ExerciseClock::Scenario => prep.date,
    };
    let entries = record::start_entries(
        Start {
            title: &prep.title,
            kind_label: prep.kind.label(),
            scenario: &prep.scenario,
            start,
            clock: prep.clock,
            facilitator: &prep.facilitator,
            lost,
            activities,
            objectives: prep.objectives.iter().map(|o| o.text.clone()).collect(),
            injects: prep.injects.clone(),
            plans: plans.clone(),
        },
        &author(store),
        at,
    );
    let invoked: Vec<(i64, u32, String)> = plans
        .into_iter()
        .map(|(plan_id, _, version, sha)| (plan_id, version, sha))
        .collect();
    store.start_exercise(id, &entries, &invoked)?;
    view(store, id, at)
}

/// Exercise `id` with its board at `now` (the wall clock).
pub fn view(store: &EngagementStore, id: i64, now: DateTime<Utc>) -> Result<ExerciseView> {
    let exercise = store.exercise(id)?;
    let board = if exercise.state == ExerciseState::Planned {
        None
    } else {
        let stored = store.stored_event(id)?;
        let check = chain::verify(id, &stored.raw);
        Some(board_of(&stored, stored.entries(), check, now))
    };
    Ok(ExerciseView {
        exercise,
        board,
        findings: store.findings(Some(id))?,
    })
}

fn board_of(
    stored: &StoredEvent,
    entries: Vec<LogEntry>,
    check: ChainCheck,
    now: DateTime<Utc>,
) -> ExerciseBoard {
    run::exercise_board(&stored.header, entries, &stored.invoked_plans(), check, now)
}

/// Records `action` in running exercise `id`, written at `at` (the wall clock), by the
/// store's actor; returns the exercise after it.
pub fn record(
    store: &mut EngagementStore,
    id: i64,
    action: &BoardAction,
    at: DateTime<Utc>,
) -> Result<ExerciseView> {
    let at = to_the_second(at);
    let prep = store.exercise(id)?;
    if prep.state == ExerciseState::Planned {
        return Err(Error::Conflict(format!(
            "\u{201c}{}\u{201d} has not started; start it first",
            prep.title
        )));
    }
    let stored = store.stored_event(id)?;
    let check = chain::verify(id, &stored.raw);
    if !check.ok {
        return Err(Error::Conflict(format!(
            "the log of this exercise was altered ({}); nothing more is recorded in it. Run keel exercise verify",
            check.problem
        )));
    }
    let entries = stored.entries();
    if let Some(last) = entries.last()
        && at < last.at
    {
        return Err(Error::invalid(
            "at",
            format!(
                "The log's last entry was written at {} UTC; an exercise's entries are written in order.",
                last.at.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    let before = board_of(&stored, entries.clone(), check.clone(), at);
    let resource = match action {
        BoardAction::Restore { resource, .. } => Some(resource_named(store, resource)?),
        _ => None,
    };
    let entry = record::entry_for(&before, action, &author(store), at, resource)?;
    let state = matches!(action, BoardAction::StandDown { .. }).then_some(EventState::StoodDown);
    // The demonstrations the log makes once this entry is in it (worked out only where
    // the exercise can demonstrate: the board is not added up a second time otherwise).
    let last_seq = entries.last().map_or(0, |e| e.seq);
    let shown = if crate::domain::demonstrates(prep.kind, prep.clock) {
        let mut after = entries;
        after.push(LogEntry {
            seq: last_seq.saturating_add(1),
            at: entry.at,
            author: entry.author.clone(),
            kind: entry.kind,
            text: entry.text.clone(),
            rationale: entry.rationale.clone(),
            corrects: entry.corrects,
            fact: entry.fact.clone(),
            prev: String::new(),
            hash: String::new(),
        });
        run::demonstrations(id, true, &board_of(&stored, after, check, at))
    } else {
        Vec::new()
    };
    store.append_exercise_entry(id, &entry, state, &shown, last_seq)?;
    view(store, id, at)
}

/// Checks exercise `id` as an incident is checked (the log's chain, the plan versions'
/// SHA-256, the row against the log), and that the demonstrations kept for it are those
/// its log makes.
pub fn verify(store: &EngagementStore, id: i64) -> Result<super::incident::IncidentCheck> {
    let prep = store.exercise(id)?;
    let mut check = super::incident::verify(store, id)?;
    if prep.state != ExerciseState::Planned {
        let stored = store.stored_event(id)?;
        let board = board_of(
            &stored,
            stored.entries(),
            chain::verify(id, &stored.raw),
            store.now(),
        );
        let mut made = run::demonstrations(
            id,
            crate::domain::demonstrates(prep.kind, prep.clock),
            &board,
        );
        let mut kept: Vec<_> = store
            .demonstrations()?
            .into_iter()
            .filter(|d| d.event_id == id)
            .collect();
        made.sort_by_key(|d| d.seq);
        kept.sort_by_key(|d| d.seq);
        if made != kept {
            check.ok = false;
            check.problems.push(
                "the demonstrations kept for the exercise are not those its log makes".into(),
            );
        }
    }
    Ok(check)
}

/// The resource a restoration names: (id, name).
fn resource_named(store: &EngagementStore, name: &str) -> Result<(i64, String)> {
    let graph = store.dependency_graph()?;
    graph
        .named(name)
        .into_iter()
        .find_map(|id| match graph.nodes[id].node {
            NodeRef::Resource(r) => Some((r, graph.nodes[id].name.clone())),
            NodeRef::Activity(_) => None,
        })
        .ok_or_else(|| {
            Error::invalid(
                "resource",
                format!("No resource is called \u{201c}{}\u{201d}.", name.trim()),
            )
        })
}

/// The hot debrief of exercise `id`: strengths, weaknesses and which objectives were
/// met (by number).
pub fn debrief(
    store: &mut EngagementStore,
    id: i64,
    strengths: &str,
    weaknesses: &str,
    met: &[(u32, Option<bool>)],
) -> Result<()> {
    for (field, text) in [("strengths", strengths), ("weaknesses", weaknesses)] {
        if text.chars().count() > 5_000 {
            return Err(Error::invalid(field, "At most 5,000 characters."));
        }
    }
    store.set_debrief(id, strengths.trim(), weaknesses.trim(), met)
}
