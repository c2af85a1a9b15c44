//! An exercise run on the incident board: its own clock (the wall clock, or a scenario
//! clock the facilitator moves on), its injects coming up at their time, observers'
//! ratings of the expected actions, and the resources restored with the times they
//! took. The log is the record, as for incidents; every time on the board is the
//! exercise's time (`clock`). Drafting injects from a loss scenario is `injects`, what
//! a new entry may record is `record`.

pub mod clock;
pub mod injects;
pub mod record;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::assessment::minutes_between;
use super::board::{Board, EventHeader, InvokedPlan};
use super::chain::ChainCheck;
use crate::domain::{
    Demonstration, Duration, EventState, ExerciseClock, ExerciseState, Fact, Inject, LogEntry,
    Rating,
};

/// The board of a running or closed exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExerciseBoard {
    pub clock: ExerciseClock,
    pub state: ExerciseState,
    /// T+0: when the scenario begins (the start, on the real clock).
    pub start: DateTime<Utc>,
    /// The exercise's time now, and how long after T+0 that is.
    pub now: DateTime<Utc>,
    pub elapsed_min: i64,
    pub objectives: Vec<String>,
    pub injects: Vec<InjectRow>,
    /// The next inject still to come up.
    pub next_inject: Option<u32>,
    pub restored: Vec<RestoredRow>,
    pub score: Score,
    /// The incident board, in exercise time; its log keeps the times written.
    pub board: Board,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InjectRow {
    pub inject: Inject,
    pub due_at: DateTime<Utc>,
    /// Its time has come.
    pub up: bool,
    pub expected: Vec<ExpectedRow>,
}

/// An expected action and what the observers made of it (the latest rating counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExpectedRow {
    pub number: u32,
    pub text: String,
    pub rating: Option<Rating>,
    pub note: String,
    pub by: String,
}

/// A resource restored during the exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RestoredRow {
    pub resource_id: i64,
    pub resource: String,
    /// The log entry that recorded it.
    pub seq: u32,
    /// In exercise time, and when it was written.
    pub at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    /// T+0 to restored: the recovery time achieved.
    pub achieved_rtc_min: i64,
    pub restore_point: Option<DateTime<Utc>>,
    /// Restore point to T+0: the data lost.
    pub achieved_rpc_min: Option<i64>,
}

/// The observers' ratings added up: observed counts 2, partly 1, missed 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Score {
    pub observed: u32,
    pub partly: u32,
    pub missed: u32,
    /// Expected actions of injects already up that nobody rated yet.
    pub unrated: u32,
    /// Points over the most the rated actions could score, in percent.
    pub percent: Option<u32>,
}

/// Adds an exercise's log up at `real_now` (the wall clock). Facts of corrected entries
/// are set aside, as on the incident board.
pub fn exercise_board(
    header: &EventHeader,
    log: Vec<LogEntry>,
    plans: &[InvokedPlan],
    chain: ChainCheck,
    real_now: DateTime<Utc>,
) -> ExerciseBoard {
    let corrected: HashSet<u32> = log.iter().filter_map(|e| e.corrects).collect();
    let timeline = clock::timeline(&log, real_now);
    let timed: Vec<LogEntry> = log
        .iter()
        .zip(&timeline.at)
        .map(|(e, at)| LogEntry {
            at: *at,
            ..e.clone()
        })
        .collect();
    let mut board = super::board(header, timed.clone(), plans, chain, timeline.now);
    // Once closed, the exercise's time stops.
    let now = board
        .stood_down_at
        .map_or(timeline.now, |t| t.min(timeline.now));
    let mut objectives = Vec::new();
    let mut injects: Vec<Inject> = Vec::new();
    let mut ratings: HashMap<(u32, u32), (Rating, String, String)> = HashMap::new();
    let mut restored: Vec<RestoredRow> = Vec::new();
    for (entry, original) in timed.iter().zip(&log) {
        if corrected.contains(&entry.seq) {
            // A started exercise stands; a rating or a restoration corrected is withdrawn.
            if !matches!(entry.fact, Some(Fact::ExerciseStarted { .. })) {
                continue;
            }
        }
        match &entry.fact {
            Some(Fact::ExerciseStarted {
                objectives: o,
                injects: i,
                ..
            }) => {
                objectives.clone_from(o);
                injects.clone_from(i);
            }
            Some(Fact::Observed {
                inject,
                expected,
                rating,
                note,
            }) => {
                ratings.insert(
                    (*inject, *expected),
                    (*rating, note.clone(), entry.author.clone()),
                );
            }
            Some(Fact::Restored {
                resource_id,
                resource,
                restore_point,
            }) if !restored.iter().any(|r| r.resource_id == *resource_id) => {
                restored.push(RestoredRow {
                    resource_id: *resource_id,
                    resource: resource.clone(),
                    seq: entry.seq,
                    at: entry.at,
                    recorded_at: original.at,
                    achieved_rtc_min: minutes_between(timeline.start, entry.at).max(0),
                    restore_point: *restore_point,
                    achieved_rpc_min: restore_point
                        .map(|p| minutes_between(p, timeline.start).max(0)),
                });
            }
            _ => {}
        }
    }
    let rows: Vec<InjectRow> = injects
        .into_iter()
        .map(|inject| {
            let due_at = clock::after(timeline.start, inject.offset_min.minutes());
            let expected = inject
                .expected
                .iter()
                .zip(1u32..)
                .map(|(text, number)| {
                    let rated = ratings.get(&(inject.number, number));
                    ExpectedRow {
                        number,
                        text: text.clone(),
                        rating: rated.map(|r| r.0),
                        note: rated.map(|r| r.1.clone()).unwrap_or_default(),
                        by: rated.map(|r| r.2.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            InjectRow {
                up: due_at <= now,
                due_at,
                inject,
                expected,
            }
        })
        .collect();
    let score = score(&rows);
    board.log = log;
    ExerciseBoard {
        clock: timeline.clock,
        state: if board.state == EventState::StoodDown {
            ExerciseState::Closed
        } else {
            ExerciseState::Running
        },
        start: timeline.start,
        now,
        elapsed_min: minutes_between(timeline.start, now),
        objectives,
        next_inject: rows.iter().find(|r| !r.up).map(|r| r.inject.number),
        injects: rows,
        restored,
        score,
        board,
    }
}

fn score(rows: &[InjectRow]) -> Score {
    let mut s = Score::default();
    for row in rows {
        for e in &row.expected {
            match e.rating {
                Some(Rating::Observed) => s.observed += 1,
                Some(Rating::Partly) => s.partly += 1,
                Some(Rating::Missed) => s.missed += 1,
                None if row.up => s.unrated += 1,
                None => {}
            }
        }
    }
    let rated = s.observed + s.partly + s.missed;
    if rated > 0 {
        s.percent = Some((s.observed * 2 + s.partly) * 100 / (rated * 2));
    }
    s
}

/// The recovery capabilities an exercise of a kind that restores for real
/// (walkthrough, parallel, full interruption) demonstrated; none for the others.
pub fn demonstrations(
    event_id: i64,
    demonstrates: bool,
    board: &ExerciseBoard,
) -> Vec<Demonstration> {
    if !demonstrates {
        return Vec::new();
    }
    board
        .restored
        .iter()
        .map(|r| Demonstration {
            resource_id: r.resource_id,
            event_id,
            seq: r.seq,
            demonstrated_at: r.recorded_at,
            rtc_min: Duration::clamped(r.achieved_rtc_min),
            rpc_min: r.achieved_rpc_min.map(Duration::clamped),
        })
        .collect()
}
