//! The board an event's log adds up to: the plan versions invoked with their criteria,
//! call tree and recovery steps as live checklists, and each affected activity with its
//! deadlines, prediction and status at `now`.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use super::assessment::{self, ActivityStatus, StatusInputs, minutes_between};
use super::chain::ChainCheck;
use crate::domain::{
    AffectedActivity, Authority, CallOutcome, Duration, EventKind, EventState, Fact, Level,
    LogEntry,
};
use crate::plan::PlanSnapshot;

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

#[derive(Default)]
struct StepTimes {
    started: Option<DateTime<Utc>>,
    done: Option<DateTime<Utc>>,
}

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

fn call_rows(
    content: &PlanSnapshot,
    calls: &HashMap<String, (CallOutcome, DateTime<Utc>)>,
    invoked_at: DateTime<Utc>,
) -> Vec<BoardCall> {
    content
        .call_tree
        .iter()
        .map(|row| {
            let callee = calls.get(&row.callee.to_lowercase()).copied();
            let fallback = row
                .fallback
                .as_ref()
                .and_then(|f| calls.get(&f.to_lowercase()).copied());
            let failed = callee.is_some_and(|(o, _)| o != CallOutcome::Reached);
            BoardCall {
                caller: row.caller.clone(),
                callee: row.callee.clone(),
                fallback: row.fallback.clone(),
                outcome: callee.map(|c| c.0),
                at: callee.map(|c| c.1),
                after_min: callee.map(|c| minutes_between(invoked_at, c.1)),
                fallback_due: failed
                    && row.fallback.is_some()
                    && fallback.is_none_or(|(o, _)| o != CallOutcome::Reached),
                fallback_outcome: fallback.map(|f| f.0),
                fallback_at: fallback.map(|f| f.1),
            }
        })
        .collect()
}

fn step_rows(
    content: &PlanSnapshot,
    plan_id: i64,
    times: &HashMap<(i64, u32), StepTimes>,
    clock: DateTime<Utc>,
) -> Vec<BoardStep> {
    let needs = resource_needs(content);
    let by_resource: HashMap<&str, Vec<u32>> =
        content
            .steps
            .iter()
            .zip(1u32..)
            .fold(HashMap::new(), |mut map, (s, n)| {
                if let Some(r) = &s.resource {
                    map.entry(r.as_str()).or_default().push(n);
                }
                map
            });
    content
        .steps
        .iter()
        .zip(1u32..)
        .map(|(s, number)| {
            let t = times.get(&(plan_id, number));
            let started = t.and_then(|t| t.started);
            let done = t.and_then(|t| t.done);
            let elapsed = started.map(|st| minutes_between(st, done.unwrap_or(clock)));
            let overrun = match (elapsed, s.duration_min) {
                (Some(e), Some(est)) => e > i64::from(est.minutes()),
                _ => false,
            };
            // A step restoring something this one's resource needs, not done when this
            // one started.
            let out_of_order = started.and_then(|st| {
                let resource = s.resource.as_deref()?;
                needs.get(resource)?.iter().find_map(|needed| {
                    by_resource.get(needed.as_str())?.iter().find_map(|&other| {
                        let o = times.get(&(plan_id, other));
                        let finished_first = o.and_then(|o| o.done).is_some_and(|d| d <= st);
                        (!finished_first).then(|| {
                            format!(
                                "Started before step {other} (restoring {needed}, which this one needs) was done."
                            )
                        })
                    })
                })
            });
            BoardStep {
                number,
                title: s.title.clone(),
                owner_role: s.owner_role.clone(),
                estimate_min: s.duration_min,
                resource: s.resource.clone(),
                preconditions: s.preconditions.clone(),
                plan_warning: s.warning.clone(),
                started_at: started,
                done_at: done,
                elapsed_min: elapsed,
                overrun,
                out_of_order,
            }
        })
        .collect()
}

/// The name of each resource a step restores → the names of everything that resource
/// needs, through whole chains (a node never needs itself, even in a cycle). Only the
/// steps' resources: a diagram of thousands of nodes costs a walk per step.
fn resource_needs(content: &PlanSnapshot) -> HashMap<String, Vec<String>> {
    let nodes = &content.diagram.nodes;
    let mut direct: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for e in &content.diagram.edges {
        if e.from < nodes.len() && e.to < nodes.len() {
            direct[e.from].push(e.to);
        }
    }
    let mut out = HashMap::new();
    for resource in content.steps.iter().filter_map(|s| s.resource.as_deref()) {
        if out.contains_key(resource) {
            continue;
        }
        let Some(start) = nodes.iter().position(|n| n.name == resource) else {
            continue;
        };
        let mut seen = vec![false; nodes.len()];
        let mut stack = direct[start].clone();
        let mut needs = Vec::new();
        while let Some(n) = stack.pop() {
            if n != start && !std::mem::replace(&mut seen[n], true) {
                needs.push(nodes[n].name.clone());
                stack.extend(direct[n].iter().copied());
            }
        }
        out.insert(resource.to_owned(), needs);
    }
    out
}

/// Predicts when each activity is back: along the frozen diagram, a node is back once
/// everything it needs is back (one member of a group of alternatives is enough) and the
/// steps restoring it have run; a step not started starts now, a running one takes what
/// is left of its estimate (none, once overrun), a done one nothing.
struct Predictor {
    /// Per invoked plan: node name → minutes from now until it is back (`None`: a step
    /// on the way has no estimate), with the step that decides it.
    finish: Vec<HashMap<String, Option<i64>>>,
    clock: DateTime<Utc>,
}

impl Predictor {
    fn new(
        plans: &[InvokedPlan],
        board_plans: &[BoardPlan],
        lost: &[String],
        clock: DateTime<Utc>,
    ) -> Self {
        let finish = board_plans
            .iter()
            .filter_map(|bp| {
                let content = &plans
                    .iter()
                    .find(|p| p.plan_id == bp.plan_id && p.version == bp.version)?
                    .content;
                Some(finish_times(content, &bp.steps, lost, clock))
            })
            .collect();
        Predictor { finish, clock }
    }

    fn predict(&self, activity: &str) -> (Option<DateTime<Utc>>, String) {
        let found: Vec<Option<i64>> = self
            .finish
            .iter()
            .filter_map(|f| f.get(activity).copied())
            .collect();
        if self.finish.is_empty() {
            return (None, "no plan invoked yet".into());
        }
        if found.is_empty() {
            return (None, "not in the plan invoked".into());
        }
        if found.iter().any(Option::is_none) {
            return (
                None,
                "something it waits for has no estimate, or was lost with no step to restore it"
                    .into(),
            );
        }
        let minutes = found.into_iter().flatten().max().unwrap_or(0);
        (
            TimeDelta::try_minutes(minutes).and_then(|d| self.clock.checked_add_signed(d)),
            if minutes == 0 {
                "every step it waits for is done".into()
            } else {
                format!(
                    "{} of steps remain on its critical path",
                    assessment::span(minutes)
                )
            },
        )
    }
}

/// `lost`: the names of what the incident lost; one the plan has no step for cannot be
/// predicted back.
fn finish_times(
    content: &PlanSnapshot,
    steps: &[BoardStep],
    lost: &[String],
    clock: DateTime<Utc>,
) -> HashMap<String, Option<i64>> {
    let nodes = &content.diagram.nodes;
    // Minutes of work left on each node's own steps.
    let own: Vec<Option<i64>> = nodes
        .iter()
        .map(|n| {
            let mine = || {
                steps
                    .iter()
                    .filter(|s| s.resource.as_deref() == Some(n.name.as_str()))
            };
            if mine().next().is_none() && lost.iter().any(|l| l.eq_ignore_ascii_case(&n.name)) {
                return None;
            }
            mine()
                .filter(|s| s.done_at.is_none())
                .try_fold(0i64, |sum, s| {
                    let est = i64::from(s.estimate_min?.minutes());
                    let ran = s
                        .started_at
                        .map_or(0, |st| minutes_between(st, clock).max(0));
                    sum.checked_add((est - ran).max(0))
                })
        })
        .collect();
    // Needs: (from, group) → members.
    let mut groups: Vec<Vec<Vec<usize>>> = vec![Vec::new(); nodes.len()];
    let mut group_of: Vec<HashMap<&str, usize>> = vec![HashMap::new(); nodes.len()];
    for e in &content.diagram.edges {
        if e.from >= nodes.len() || e.to >= nodes.len() {
            continue;
        }
        if e.group.is_empty() {
            groups[e.from].push(vec![e.to]);
        } else if let Some(&g) = group_of[e.from].get(e.group.as_str()) {
            groups[e.from][g].push(e.to);
        } else {
            group_of[e.from].insert(e.group.as_str(), groups[e.from].len());
            groups[e.from].push(vec![e.to]);
        }
    }
    // Depth-first with memo, on a stack of its own (a long chain in a file from
    // elsewhere must not exhaust the thread's stack); a node met again on its own path
    // counts as back, so a cycle ends.
    let n = nodes.len();
    let mut memo: Vec<Option<Option<i64>>> = vec![None; n];
    let mut on_path = vec![false; n];
    for root in 0..n {
        let mut stack = vec![(root, false)];
        while let Some((node, expanded)) = stack.pop() {
            if memo[node].is_some() {
                continue;
            }
            if !expanded {
                if on_path[node] {
                    continue;
                }
                on_path[node] = true;
                stack.push((node, true));
                for &m in groups[node].iter().flatten() {
                    if memo[m].is_none() && !on_path[m] {
                        stack.push((m, false));
                    }
                }
                continue;
            }
            let back = |m: usize| memo[m].unwrap_or(Some(0));
            let mut start = Some(0i64);
            for group in &groups[node] {
                let earliest = group
                    .iter()
                    .map(|m| back(*m))
                    .min_by_key(|t| t.unwrap_or(i64::MAX));
                start = match (start, earliest.flatten()) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            on_path[node] = false;
            memo[node] = Some(match (start, own[node]) {
                (Some(s), Some(o)) => s.checked_add(o),
                _ => None,
            });
        }
    }
    nodes
        .iter()
        .zip(memo)
        .map(|(node, finish)| (node.name.clone(), finish.flatten()))
        .collect()
}

fn activity_row(
    a: &AffectedActivity,
    start: DateTime<Utc>,
    clock: DateTime<Utc>,
    minimum_at: Option<DateTime<Utc>>,
    normal_at: Option<DateTime<Utc>>,
    restore_point: Option<DateTime<Utc>>,
    prediction: &Predictor,
) -> BoardActivity {
    let rto_deadline = assessment::deadline(start, a.rto_min);
    let mtpd_deadline = assessment::deadline(start, a.mtpd_min);
    let left = |d: Option<DateTime<Utc>>| d.map(|d| minutes_between(clock, d));
    // Once back, the urgency is what it was at that moment.
    let assessed = minimum_at.map_or(clock, |m| m.min(clock));
    let (priority, priority_why) =
        assessment::priority(a.tier, rto_deadline.map(|d| minutes_between(assessed, d)));
    let (predicted_at, predicted_why) = if minimum_at.is_some() {
        (None, "back at its minimum level".into())
    } else {
        prediction.predict(&a.name)
    };
    let status = assessment::status(StatusInputs {
        now: clock,
        rto_deadline,
        mtpd_deadline,
        rto_min: a.rto_min,
        predicted: predicted_at,
        minimum_at,
    });
    BoardActivity {
        name: a.name.clone(),
        tier: a.tier,
        why: a.why.clone(),
        rto_min: a.rto_min,
        mtpd_min: a.mtpd_min,
        rpo_min: a.rpo_min,
        minimum: a.minimum.clone(),
        priority,
        priority_why,
        rto_deadline,
        mtpd_deadline,
        rto_left_min: left(rto_deadline),
        mtpd_left_min: left(mtpd_deadline),
        predicted_at,
        predicted_why,
        status,
        minimum_at,
        normal_at,
        restore_point,
        achieved_rto_min: minimum_at.map(|m| minutes_between(start, m)),
        achieved_rpo_min: restore_point.map(|r| minutes_between(r, start)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PlanTemplate;
    use crate::plan::snapshot::{DiagramEdge, DiagramNode};
    use proptest::prelude::*;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-30T08:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    /// A diagram of `n` nodes named `n0…`, with `edges` (from, to, in group "g" or not).
    fn content(n: usize, edges: &[(usize, usize, bool)]) -> PlanSnapshot {
        let mut c = crate::plan::check::tests::empty(PlanTemplate::Iso22301);
        c.diagram.nodes = (0..n)
            .map(|i| DiagramNode {
                name: format!("n{i}"),
                kind: None,
                status: crate::domain::NodeStatus::Ok,
                x: 0,
                y: 0,
            })
            .collect();
        c.diagram.edges = edges
            .iter()
            .map(|&(from, to, grouped)| DiagramEdge {
                from,
                to,
                group: if grouped { "g".into() } else { String::new() },
            })
            .collect();
        c
    }

    /// (node, estimate, minutes since it started (None: not started), done).
    fn steps(rows: &[(usize, Option<u32>, Option<i64>, bool)]) -> Vec<BoardStep> {
        rows.iter()
            .zip(1u32..)
            .map(|(&(node, est, ran, done), number)| BoardStep {
                number,
                title: String::new(),
                owner_role: String::new(),
                estimate_min: est.and_then(Duration::from_minutes),
                resource: Some(format!("n{node}")),
                preconditions: String::new(),
                plan_warning: None,
                started_at: ran.map(|r| t0() - TimeDelta::minutes(r)),
                done_at: done.then(t0),
                elapsed_min: None,
                overrun: false,
                out_of_order: None,
            })
            .collect()
    }

    /// The same prediction computed the simple way on a diagram whose edges all point
    /// to higher-numbered nodes: from the last node back to the first.
    fn reference(
        n: usize,
        edges: &[(usize, usize, bool)],
        rows: &[(usize, Option<u32>, Option<i64>, bool)],
    ) -> Vec<Option<i64>> {
        let mut finish: Vec<Option<i64>> = vec![Some(0); n];
        for node in (0..n).rev() {
            let mut own = Some(0i64);
            for &(at, est, ran, done) in rows {
                if at == node && !done {
                    own = match (own, est) {
                        (Some(o), Some(e)) => {
                            Some(o + (i64::from(e) - ran.unwrap_or(0).max(0)).max(0))
                        }
                        _ => None,
                    };
                }
            }
            let mut start = Some(0i64);
            let single = edges
                .iter()
                .filter(|e| e.0 == node && !e.2)
                .map(|e| finish[e.1]);
            let grouped: Vec<Option<i64>> = edges
                .iter()
                .filter(|e| e.0 == node && e.2)
                .map(|e| finish[e.1])
                .collect();
            let group = (!grouped.is_empty()).then(|| {
                grouped
                    .iter()
                    .copied()
                    .min_by_key(|f| f.unwrap_or(i64::MAX))
                    .flatten()
            });
            for f in single.chain(group) {
                start = match (start, f) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            finish[node] = match (start, own) {
                (Some(s), Some(o)) => Some(s + o),
                _ => None,
            };
        }
        finish
    }

    fn step_rows() -> impl Strategy<Value = Vec<(usize, Option<u32>, Option<i64>, bool)>> {
        prop::collection::vec(
            (
                0usize..7,
                prop::option::weighted(0.9, 0u32..600),
                prop::option::of(0i64..900),
                any::<bool>(),
            ),
            0..8,
        )
    }

    proptest! {
        #[test]
        fn prediction_matches_the_simple_way_on_a_chain_without_cycles(
            n in 1usize..7,
            raw in prop::collection::vec((0usize..7, 0usize..7, any::<bool>()), 0..14),
            rows in step_rows(),
        ) {
            let edges: Vec<(usize, usize, bool)> = raw
                .into_iter()
                .filter(|(a, b, _)| a < b && *b < n)
                .collect();
            let rows: Vec<_> = rows.into_iter().filter(|r| r.0 < n).collect();
            let got = finish_times(&content(n, &edges), &steps(&rows), &[], t0());
            let want = reference(n, &edges, &rows);
            for (i, w) in want.iter().enumerate() {
                prop_assert_eq!(got.get(&format!("n{i}")).copied().flatten(), *w, "node {}", i);
            }
        }

        #[test]
        fn prediction_ends_and_is_bounded_on_any_diagram(
            n in 1usize..7,
            edges in prop::collection::vec((0usize..9, 0usize..9, any::<bool>()), 0..20),
            rows in step_rows(),
        ) {
            // Cycles and edges to nodes that do not exist included.
            let got = finish_times(&content(n, &edges), &steps(&rows), &[], t0());
            let total: i64 = rows.iter().filter_map(|r| r.1).map(i64::from).sum();
            for value in got.values().flatten() {
                prop_assert!((0..=total).contains(value));
            }
        }
    }
}
