//! What a plan covers: the activities in its scope (every one, the chosen ones, or
//! those that need a chosen resource through any chain), every node they need, the
//! scope in words, and the diagram of those nodes laid out on their own.

use std::collections::{HashMap, VecDeque};

use super::snapshot::{Diagram, DiagramEdge, DiagramNode};
use crate::analysis::dependencies::NodeId;
use crate::analysis::graph_build::GraphParts;
use crate::domain::{NodeRef, NodeStatus, PlanScope};
use crate::map::layout;

/// The activities a plan covers, and every node they need through any chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// Per graph node: an activity in scope.
    pub activities: Vec<bool>,
    /// Per graph node: in scope, or needed by something in scope through any chain.
    pub reach: Vec<bool>,
    /// The scope in words: "The whole organisation", or the names chosen.
    pub words: String,
}

impl Scope {
    /// The activities in scope, as records.
    pub fn activity_refs(&self, parts: &GraphParts) -> std::collections::HashSet<NodeRef> {
        (0..parts.graph.nodes.len())
            .filter(|i| self.activities[*i])
            .map(|i| parts.graph.nodes[i].node)
            .collect()
    }
}

/// The scope of a plan over `parts`: `scope` says how to read `chosen` (records not in
/// the graph are ignored).
pub fn scope_of(parts: &GraphParts, scope: PlanScope, chosen: &[NodeRef]) -> Scope {
    let n = parts.graph.nodes.len();
    let index = parts.index();
    let needs = parts.needs();
    let needed_by = parts.needed_by();
    let mut activities = vec![false; n];
    let chosen_ids: Vec<NodeId> = chosen
        .iter()
        .filter_map(|c| index.get(c).copied())
        .collect();
    match scope {
        PlanScope::Organisation => (0..n)
            .filter(|i| parts.is_activity(*i))
            .for_each(|i| activities[i] = true),
        PlanScope::Items | PlanScope::Site => {
            // Chosen activities, and the activities that need a chosen resource.
            let mut seen = vec![false; n];
            let mut queue: VecDeque<NodeId> = chosen_ids.iter().copied().collect();
            while let Some(id) = queue.pop_front() {
                if std::mem::replace(&mut seen[id], true) {
                    continue;
                }
                if parts.is_activity(id) {
                    activities[id] = true;
                } else {
                    queue.extend(needed_by[id].iter().copied());
                }
            }
        }
    }
    let mut reach = activities.clone();
    let mut queue: VecDeque<NodeId> = (0..n).filter(|i| activities[*i]).collect();
    while let Some(id) = queue.pop_front() {
        for &next in &needs[id] {
            if !reach[next] {
                reach[next] = true;
                queue.push_back(next);
            }
        }
    }
    let names = |ids: &[NodeId]| {
        ids.iter()
            .map(|i| parts.graph.nodes[*i].name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let words = match scope {
        PlanScope::Organisation => "The whole organisation".to_owned(),
        PlanScope::Site => format!(
            "Site: {}, and the activities that need it",
            names(&chosen_ids)
        ),
        PlanScope::Items => {
            let (acts, res): (Vec<NodeId>, Vec<NodeId>) =
                chosen_ids.iter().partition(|i| parts.is_activity(**i));
            let mut parts_text = Vec::new();
            if !acts.is_empty() {
                parts_text.push(format!("Activities: {}", names(&acts)));
            }
            if !res.is_empty() {
                parts_text.push(format!(
                    "Resources: {}, and the activities that need them",
                    names(&res)
                ));
            }
            parts_text.join("; ")
        }
    };
    Scope {
        activities,
        reach,
        words,
    }
}

/// The map of the nodes in scope, laid out on their own, each with its status (by
/// graph node).
pub fn scope_diagram(parts: &GraphParts, scope: &Scope, status: &[NodeStatus]) -> Diagram {
    let mut ids: Vec<NodeId> = (0..parts.graph.nodes.len())
        .filter(|i| scope.reach[*i])
        .collect();
    ids.sort_by_key(|i| {
        (
            layout::column(parts.facts[*i].resource_kind),
            parts.graph.nodes[*i].name.to_lowercase(),
        )
    });
    let position: HashMap<NodeId, usize> = ids.iter().enumerate().map(|(k, id)| (*id, k)).collect();
    let edges: Vec<DiagramEdge> = parts
        .edges
        .iter()
        .filter_map(|(f, t, g)| {
            Some(DiagramEdge {
                from: *position.get(f)?,
                to: *position.get(t)?,
                group: g.clone(),
            })
        })
        .collect();
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let layers: Vec<usize> = ids
        .iter()
        .map(|i| layout::column(parts.facts[*i].resource_kind))
        .collect();
    let points = layout::layered(&layout::push_right(&layers, &pairs), &pairs);
    let (width, height) = layout::extent(&points);
    Diagram {
        nodes: ids
            .iter()
            .zip(&points)
            .map(|(id, p)| DiagramNode {
                name: parts.graph.nodes[*id].name.clone(),
                kind: parts.facts[*id].resource_kind,
                status: status[*id],
                x: p.x.round() as i64,
                y: p.y.round() as i64,
            })
            .collect(),
        edges,
        width: width.round() as i64,
        height: height.round() as i64,
        node_width: layout::NODE_WIDTH as i64,
        node_height: layout::NODE_HEIGHT as i64,
    }
}
