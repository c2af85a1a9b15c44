//! The post-exercise report as a document: what it prints, worked out from the
//! exercise's preparation and debrief, its board at the close (or at the time of the
//! report while it runs), its findings and the actions raised from them. The figures of
//! the response (targets, steps, calls) are `response`'s, as in an incident's
//! after-action report. Pure: the facts in, the document out.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::analysis::evidence::{Recorded, expiry};
use crate::domain::{EventKind, ExerciseClock, ExerciseState, Finding};
use crate::event::assessment::minutes_between;
use crate::event::exercise::{self, ExerciseBoard, InjectRow, Score, clock};
use crate::report::response::{self, Response, TimelineEntry, Verification};

/// Everything a post-exercise report prints.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseReport {
    pub organisation: String,
    pub exported_at: DateTime<Utc>,
    pub classification: String,
    pub exercise_id: i64,
    pub kind: EventKind,
    pub title: String,
    pub state: ExerciseState,
    pub clock: ExerciseClock,
    pub facilitator: String,
    pub participants: Vec<String>,
    pub observers: Vec<String>,
    pub plans: Vec<PlanTested>,
    pub scenario: String,
    /// What the scenario loses.
    pub lost: Vec<String>,
    pub success_criteria: String,
    pub objectives: Vec<ObjectiveLine>,
    /// T+0, in exercise time (on a scenario clock, the date it was prepared for).
    pub start: DateTime<Utc>,
    /// In exercise time.
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<String>,
    pub summary: Option<String>,
    /// The injects with the observers' ratings, and the ratings added up.
    pub injects: Vec<InjectRow>,
    pub score: Score,
    pub restored: Vec<RestoredLine>,
    /// Whether a restoration in this kind of exercise demonstrates a capability.
    pub demonstrates: bool,
    pub validity_months: u32,
    /// The plans tested as run, the activities' targets against what was achieved, the
    /// log's chain and what checking the exercise found; in exercise time.
    pub response: Response,
    pub log: Vec<LogLine>,
    pub findings: Vec<Finding>,
    pub strengths: String,
    pub weaknesses: String,
    pub actions: Vec<ActionLine>,
}

/// What the exercise was prepared with and what its debrief said: the facts beside the
/// log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preparation {
    pub id: i64,
    pub kind: EventKind,
    pub title: String,
    pub clock: ExerciseClock,
    pub facilitator: String,
    pub participants: Vec<String>,
    pub observers: Vec<String>,
    pub plans: Vec<PlanTested>,
    pub scenario: String,
    pub success_criteria: String,
    pub objectives: Vec<ObjectiveLine>,
    pub strengths: String,
    pub weaknesses: String,
}

/// A plan version the exercise tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTested {
    pub plan_id: i64,
    pub title: String,
    pub version: u32,
    pub sha256: String,
}

/// An objective and whether the debrief found it met (`None`: not assessed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveLine {
    pub number: u32,
    pub text: String,
    pub met: Option<bool>,
}

/// An action raised from one of the exercise's findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLine {
    pub finding_id: Option<i64>,
    pub title: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: String,
}

/// What the facts from outside the board and the preparation are.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseContext {
    pub organisation: String,
    pub exported_at: DateTime<Utc>,
    pub classification: String,
    pub verification: Verification,
    /// What is recorded on each resource (by id): the capability a restoration is
    /// measured against.
    pub recorded: BTreeMap<i64, Recorded>,
    /// How long a demonstration counts (the engagement's review settings).
    pub validity_months: u32,
}

/// A resource restored during the exercise: what it achieved against what is recorded
/// for it, and whether that demonstrated its capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoredLine {
    pub resource: String,
    /// In exercise time.
    pub at: DateTime<Utc>,
    /// T+0 to restored.
    pub achieved_rtc_min: i64,
    pub restore_point: Option<DateTime<Utc>>,
    /// Restore point to T+0: the data lost.
    pub achieved_rpc_min: Option<i64>,
    pub recorded: Recorded,
    /// When the exercise demonstrated the capability: the day the demonstration stops
    /// counting.
    pub demonstrated_until: Option<NaiveDate>,
}

impl RestoredLine {
    /// Slower than the RTC recorded for the resource.
    pub fn slower_than_recorded(&self) -> bool {
        self.recorded
            .rtc
            .is_some_and(|rtc| self.achieved_rtc_min > i64::from(rtc.minutes()))
    }

    /// More data lost than the RPC recorded for the resource.
    pub fn more_lost_than_recorded(&self) -> bool {
        match (self.achieved_rpc_min, self.recorded.rpc) {
            (Some(lost), Some(rpc)) => lost > i64::from(rpc.minutes()),
            _ => false,
        }
    }
}

/// An entry of the exercise's log: when it was written, and when that was in the
/// exercise (on a scenario clock, the time the facilitator had set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub entry: TimelineEntry,
    pub exercise_at: DateTime<Utc>,
    /// Minutes after T+0.
    pub offset_min: i64,
}

impl ExerciseReport {
    /// The report of an exercise prepared as `prep` whose log adds up to `board`.
    pub fn new(
        prep: Preparation,
        board: &ExerciseBoard,
        findings: Vec<Finding>,
        actions: Vec<ActionLine>,
        context: ExerciseContext,
    ) -> ExerciseReport {
        let b = &board.board;
        let shown = exercise::demonstrations(
            prep.id,
            crate::domain::demonstrates(prep.kind, prep.clock),
            board,
        );
        let restored = board
            .restored
            .iter()
            .map(|r| RestoredLine {
                resource: r.resource.clone(),
                at: r.at,
                achieved_rtc_min: r.achieved_rtc_min,
                restore_point: r.restore_point,
                achieved_rpc_min: r.achieved_rpc_min,
                recorded: context
                    .recorded
                    .get(&r.resource_id)
                    .copied()
                    .unwrap_or_default(),
                demonstrated_until: shown
                    .iter()
                    .find(|d| d.resource_id == r.resource_id)
                    .map(|d| expiry(d.demonstrated_at.date_naive(), context.validity_months)),
            })
            .collect();
        let times = clock::timeline(&b.log, board.now);
        let log = response::timeline(&b.log)
            .into_iter()
            .zip(times.at)
            .map(|(entry, exercise_at)| LogLine {
                entry,
                exercise_at,
                offset_min: minutes_between(board.start, exercise_at),
            })
            .collect();
        ExerciseReport {
            organisation: context.organisation,
            exported_at: context.exported_at,
            classification: context.classification,
            exercise_id: prep.id,
            kind: prep.kind,
            title: prep.title,
            state: board.state,
            clock: prep.clock,
            facilitator: prep.facilitator,
            participants: prep.participants,
            observers: prep.observers,
            plans: prep.plans,
            scenario: prep.scenario,
            lost: b.affects.clone(),
            success_criteria: prep.success_criteria,
            objectives: prep.objectives,
            start: board.start,
            closed_at: b.stood_down_at,
            closed_by: b.stood_down_by.clone(),
            summary: b.summary.clone(),
            injects: board.injects.clone(),
            score: board.score,
            restored,
            demonstrates: crate::domain::demonstrates(prep.kind, prep.clock),
            validity_months: context.validity_months,
            response: Response::new(b, context.verification),
            log,
            findings,
            strengths: prep.strengths,
            weaknesses: prep.weaknesses,
            actions,
        }
    }

    pub fn closed(&self) -> bool {
        self.state == ExerciseState::Closed
    }

    /// The log is intact and everything checked when the report was made matched.
    pub fn verified(&self) -> bool {
        self.response.verified()
    }

    /// Minutes from T+0 to the time the figures are worked out for.
    pub fn elapsed_min(&self) -> i64 {
        minutes_between(self.start, self.response.as_of)
    }
}
