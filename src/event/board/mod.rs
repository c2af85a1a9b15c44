//! The board an event's log adds up to: the plan versions invoked with their criteria,
//! call tree and recovery steps as live checklists, and each affected activity with its
//! deadlines, prediction and status at `now`.

mod checklists;
mod prediction;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::assessment::ActivityStatus;
use super::chain::ChainCheck;
use crate::domain::{
    AffectedActivity, Authority, CallOutcome, Duration, EventKind, EventState, Fact, Level,
    LogEntry,
};
use crate::plan::PlanSnapshot;
use checklists::{StepTimes, call_rows, step_rows};
use prediction::{Predictor, activity_row};

/// A frozen plan version an event invoked, as the store read it back.
#[derive(Debug, Clone)]
pub struct InvokedPlan {
    pub plan_id: i64,
    pub version: u32,
    pub sha256: String,
    pub content: PlanSnapshot,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Board {
    pub id: i64,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub state: EventState,
    pub disrupted_at: DateTime<Utc>,
    pub opened_at: DateTime<Utc>,
    pub reported_by: String,
    /// What was named as affected.
    pub affects: Vec<String>,
    pub invoked_at: Option<DateTime<Utc>>,
    pub stood_down_at: Option<DateTime<Utc>>,
    pub stood_down_by: Option<String>,
    pub summary: Option<String>,
    /// The time the board was worked out for.
    pub now: DateTime<Utc>,
    /// The first plan invoked (the one most incidents have).
    pub plan: Option<PlanRef>,
    pub plans: Vec<BoardPlan>,
    pub activities: Vec<BoardActivity>,
    /// Every entry, oldest first.
    pub log: Vec<LogEntry>,
    pub chain_ok: bool,
    pub chain: ChainCheck,
    /// Once stood down: what the post-incident review starts from (targets missed,
    /// overruns, steps out of order or left running, calls unanswered).
    pub review: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlanRef {
    pub id: i64,
    pub version: u32,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BoardPlan {
    pub plan_id: i64,
    pub title: String,
    pub version: u32,
    pub sha256: String,
    /// A later draft existed when the plan was invoked; it was not used.
    pub draft_version: Option<u32>,
    pub invoked_at: DateTime<Utc>,
    pub invoker: String,
    pub authority: Authority,
    pub criteria: Vec<BoardCriterion>,
    pub calls: Vec<BoardCall>,
    pub steps: Vec<BoardStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BoardCriterion {
    pub number: u32,
    pub text: String,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BoardCall {
    /// `None`: the invoker.
    pub caller: Option<String>,
    pub callee: String,
    pub fallback: Option<String>,
    pub outcome: Option<CallOutcome>,
    pub at: Option<DateTime<Utc>>,
    /// Minutes from invocation to the outcome.
    pub after_min: Option<i64>,
    /// The callee did not answer or cannot be reached and the fall-back is not reached yet.
    pub fallback_due: bool,
    pub fallback_outcome: Option<CallOutcome>,
    pub fallback_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BoardStep {
    pub number: u32,
    pub title: String,
    pub owner_role: String,
    pub estimate_min: Option<Duration>,
    pub resource: Option<String>,
    pub preconditions: String,
    /// The plan's own warning (the step comes before one restoring what it needs).
    pub plan_warning: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
    /// Minutes from start to finish, or to now while running.
    pub elapsed_min: Option<i64>,
    pub overrun: bool,
    /// Started before a step restoring something it needs was done.
    pub out_of_order: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BoardActivity {
    pub name: String,
    pub tier: Option<u8>,
    pub why: String,
    pub rto_min: Option<Duration>,
    pub mtpd_min: Option<Duration>,
    pub rpo_min: Option<Duration>,
    pub minimum: String,
    pub priority: u8,
    pub priority_why: String,
    pub rto_deadline: Option<DateTime<Utc>>,
    pub mtpd_deadline: Option<DateTime<Utc>>,
    /// Minutes left at `now` (negative: passed).
    pub rto_left_min: Option<i64>,
    pub mtpd_left_min: Option<i64>,
    /// When it is predicted back, from the estimates of the steps that remain.
    pub predicted_at: Option<DateTime<Utc>>,
    pub predicted_why: String,
    pub status: ActivityStatus,
    pub minimum_at: Option<DateTime<Utc>>,
    pub normal_at: Option<DateTime<Utc>>,
    pub restore_point: Option<DateTime<Utc>>,
    /// Back at the minimum level − disruption start.
    pub achieved_rto_min: Option<i64>,
    /// Disruption start − restore point.
    pub achieved_rpo_min: Option<i64>,
}

/// The event's row, as the store keeps it: what the log cannot say by itself.
#[derive(Debug, Clone)]
pub struct EventHeader {
    pub id: i64,
    pub kind: EventKind,
    pub opened_at: DateTime<Utc>,
}

/// When an activity was back at its minimum level and to normal, and the point its data
/// was restored to.
type Resumption = (
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// Adds up the log. Facts of entries corrected by a later entry are set aside.
pub fn board(
    header: &EventHeader,
    log: Vec<LogEntry>,
    plans: &[InvokedPlan],
    chain: ChainCheck,
    now: DateTime<Utc>,
) -> Board {
    let corrected: HashSet<u32> = log.iter().filter_map(|e| e.corrects).collect();
    // A correction sets aside what a step, call or resumption recorded; the opening, an
    // invocation and the stand-down stand (the event's row and the plans invoked follow
    // them), and a correction of one of those is words only.
    let voided = |e: &LogEntry| {
        corrected.contains(&e.seq)
            && matches!(
                e.fact,
                Some(
                    Fact::StepStarted { .. }
                        | Fact::StepDone { .. }
                        | Fact::Call { .. }
                        | Fact::Resumed { .. }
                )
            )
    };
    let mut b = Board {
        id: header.id,
        kind: header.kind,
        title: String::new(),
        description: String::new(),
        state: EventState::Open,
        disrupted_at: header.opened_at,
        opened_at: header.opened_at,
        reported_by: String::new(),
        affects: Vec::new(),
        invoked_at: None,
        stood_down_at: None,
        stood_down_by: None,
        summary: None,
        now,
        plan: None,
        plans: Vec::new(),
        activities: Vec::new(),
        log: Vec::new(),
        chain_ok: chain.ok,
        chain,
        review: Vec::new(),
    };
    let mut affected: Vec<AffectedActivity> = Vec::new();
    let mut steps: HashMap<(i64, u32), StepTimes> = HashMap::new();
    let mut calls: HashMap<String, (CallOutcome, DateTime<Utc>)> = HashMap::new();
    let mut resumed: HashMap<String, Resumption> = HashMap::new();
    for entry in &log {
        let Some(fact) = entry.fact.as_ref().filter(|_| !voided(entry)) else {
            continue;
        };
        let at = entry.at;
        match fact {
            Fact::Opened {
                title,
                description,
                disrupted_at,
                reported_by,
                affects,
                activities,
            } => {
                b.title.clone_from(title);
                b.description.clone_from(description);
                b.disrupted_at = *disrupted_at;
                b.reported_by.clone_from(reported_by);
                b.affects.clone_from(affects);
                affected.clone_from(activities);
            }
            Fact::Invoked {
                plan_id,
                plan_title,
                version,
                sha256,
                draft_version,
                invoker,
                authority,
                criteria,
            } => {
                let content = plans
                    .iter()
                    .find(|p| p.plan_id == *plan_id && p.version == *version)
                    .map(|p| &p.content);
                b.plans.push(BoardPlan {
                    plan_id: *plan_id,
                    title: plan_title.clone(),
                    version: *version,
                    sha256: sha256.clone(),
                    draft_version: *draft_version,
                    invoked_at: at,
                    invoker: invoker.clone(),
                    authority: authority.clone(),
                    criteria: content
                        .map(|c| {
                            c.invocation_criteria
                                .iter()
                                .zip(1u32..)
                                .map(|(row, number)| BoardCriterion {
                                    number,
                                    text: row.describe(),
                                    met: criteria.contains(&number),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    calls: Vec::new(),
                    steps: Vec::new(),
                });
                b.invoked_at.get_or_insert(at);
                if b.state == EventState::Open {
                    b.state = EventState::Invoked;
                }
            }
            Fact::StepStarted { plan_id, step } => {
                steps.entry((*plan_id, *step)).or_default().started = Some(at);
            }
            Fact::StepDone { plan_id, step } => {
                steps.entry((*plan_id, *step)).or_default().done = Some(at);
            }
            Fact::Call { person, outcome } => {
                // Once reached, a person stays reached at the first time (the report's
                // reach time); a later unanswered call does not undo it.
                let key = person.to_lowercase();
                if calls
                    .get(&key)
                    .is_none_or(|(o, _)| *o != CallOutcome::Reached)
                {
                    calls.insert(key, (*outcome, at));
                }
            }
            Fact::Resumed {
                activity,
                level,
                restore_point,
            } => {
                let slot = resumed.entry(activity.to_lowercase()).or_default();
                match level {
                    Level::Minimum => slot.0 = Some(at),
                    Level::Normal => {
                        slot.1 = Some(at);
                        slot.0.get_or_insert(at);
                    }
                }
                if restore_point.is_some() {
                    slot.2 = *restore_point;
                }
            }
            Fact::StoodDown { summary, by } => {
                b.state = EventState::StoodDown;
                b.stood_down_at = Some(at);
                b.stood_down_by = Some(if by.trim().is_empty() {
                    entry.author.clone()
                } else {
                    by.clone()
                });
                b.summary = Some(summary.clone());
            }
            // An exercise's own facts: its board adds them up (`event::exercise`).
            Fact::ExerciseStarted { .. }
            | Fact::ClockSet { .. }
            | Fact::Observed { .. }
            | Fact::Restored { .. } => {}
        }
    }
    // Once stood down, the clocks stop.
    let clock = b.stood_down_at.map_or(now, |t| t.min(now));
    for plan in &mut b.plans {
        let Some(content) = plans
            .iter()
            .find(|p| p.plan_id == plan.plan_id && p.version == plan.version)
            .map(|p| &p.content)
        else {
            continue;
        };
        plan.calls = call_rows(content, &calls, plan.invoked_at);
        plan.steps = step_rows(content, plan.plan_id, &steps, clock);
    }
    b.plan = b.plans.first().map(|p| PlanRef {
        id: p.plan_id,
        version: p.version,
        sha256: p.sha256.clone(),
    });
    let prediction = Predictor::new(plans, &b.plans, &b.affects, clock);
    b.activities = affected
        .iter()
        .map(|a| {
            let (minimum_at, normal_at, restore_point) = resumed
                .get(&a.name.to_lowercase())
                .copied()
                .unwrap_or_default();
            activity_row(
                a,
                b.disrupted_at,
                clock,
                minimum_at,
                normal_at,
                restore_point,
                &prediction,
            )
        })
        .collect();
    b.activities.sort_by_key(|a| {
        (
            a.priority,
            a.rto_left_min.unwrap_or(i64::MAX),
            a.name.clone(),
        )
    });
    b.log = log;
    if b.state == EventState::StoodDown {
        b.review = super::review::review_points(&b);
    }
    b
}
