//! The plan's call tree and recovery steps as live checklists on an event's board:
//! who was reached and when, and each step's times against its estimate.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{BoardCall, BoardStep};
use crate::domain::CallOutcome;
use crate::event::assessment::minutes_between;
use crate::plan::PlanSnapshot;

/// When a step was started and done, from the log.
#[derive(Default)]
pub(super) struct StepTimes {
    pub(super) started: Option<DateTime<Utc>>,
    pub(super) done: Option<DateTime<Utc>>,
}

pub(super) fn call_rows(
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

pub(super) fn step_rows(
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
