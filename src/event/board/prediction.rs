//! When each activity affected by an event is predicted back, along the frozen
//! diagram and the steps still to run, and the activity's row on the board.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};

use super::{BoardActivity, BoardPlan, BoardStep, InvokedPlan};
use crate::domain::AffectedActivity;
use crate::event::assessment::{self, StatusInputs, minutes_between};
use crate::plan::PlanSnapshot;

/// Predicts when each activity is back: along the frozen diagram, a node is back once
/// everything it needs is back (one member of a group of alternatives is enough) and the
/// steps restoring it have run; a step not started starts now, a running one takes what
/// is left of its estimate (none, once overrun), a done one nothing.
pub(super) struct Predictor {
    /// Per invoked plan: node name → minutes from now until it is back (`None`: a step
    /// on the way has no estimate), with the step that decides it.
    finish: Vec<HashMap<String, Option<i64>>>,
    clock: DateTime<Utc>,
}

impl Predictor {
    pub(super) fn new(
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

    pub(super) fn predict(&self, activity: &str) -> (Option<DateTime<Utc>>, String) {
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

pub(super) fn activity_row(
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
    use crate::domain::{Duration, PlanTemplate};
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
