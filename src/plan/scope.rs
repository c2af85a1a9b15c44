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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::analysis::graph_build::fixtures::{activity, need, warehouse};
    use crate::analysis::graph_build::{NeedRow, NodeRow};
    use crate::domain::ResourceKind;

    fn names(parts: &GraphParts, flags: &[bool]) -> Vec<String> {
        let mut names: Vec<String> = (0..flags.len())
            .filter(|i| flags[*i])
            .map(|i| parts.graph.nodes[i].name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_organisation_covers_every_activity_and_all_they_need() {
        let parts = warehouse();
        let scope = scope_of(&parts, PlanScope::Organisation, &[]);
        assert_eq!(
            names(&parts, &scope.activities),
            ["Dispatch", "Invoicing", "Payroll"]
        );
        assert!(scope.reach.iter().all(|r| *r));
        assert_eq!(scope.words, "The whole organisation");
    }

    #[test]
    fn a_site_covers_the_activities_that_need_it_through_any_chain() {
        let parts = warehouse();
        let scope = scope_of(&parts, PlanScope::Site, &[NodeRef::Resource(3)]);
        assert_eq!(names(&parts, &scope.activities), ["Dispatch", "Payroll"]);
        assert_eq!(
            names(&parts, &scope.reach),
            ["Bureau", "Dispatch", "Payroll", "Site", "WMS"]
        );
        assert_eq!(scope.words, "Site: Site, and the activities that need it");
    }

    #[test]
    fn items_are_the_chosen_activities_and_those_needing_the_chosen_resources() {
        let parts = warehouse();
        let chosen = [
            NodeRef::Activity(3),
            NodeRef::Resource(2),
            NodeRef::Activity(99),
        ];
        let scope = scope_of(&parts, PlanScope::Items, &chosen);
        assert_eq!(names(&parts, &scope.activities), ["Invoicing", "Payroll"]);
        assert_eq!(
            names(&parts, &scope.reach),
            ["Bureau", "Dispatch", "Invoicing", "Payroll", "Site", "WMS"]
        );
        assert_eq!(
            scope.words,
            "Activities: Invoicing; Resources: Bureau, and the activities that need them"
        );
        let refs = scope.activity_refs(&parts);
        assert!(refs.contains(&NodeRef::Activity(3)) && !refs.contains(&NodeRef::Activity(1)));
    }

    #[test]
    fn the_diagram_holds_the_nodes_in_scope_with_their_status() {
        let parts = warehouse();
        let scope = scope_of(&parts, PlanScope::Items, &[NodeRef::Activity(2)]);
        let mut status = vec![NodeStatus::Ok; parts.graph.nodes.len()];
        status[4] = NodeStatus::Gap;
        let diagram = scope_diagram(&parts, &scope, &status);
        let shown: Vec<(&str, NodeStatus)> = diagram
            .nodes
            .iter()
            .map(|n| (n.name.as_str(), n.status))
            .collect();
        assert_eq!(
            shown,
            [
                ("Payroll", NodeStatus::Ok),
                ("Bureau", NodeStatus::Gap),
                ("Site", NodeStatus::Ok)
            ]
        );
        let edges: Vec<(usize, usize)> = diagram.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(edges, [(0, 1), (1, 2)]);
        assert!(diagram.nodes[0].x < diagram.nodes[1].x);
    }

    /// Random graphs of up to 12 nodes with any needs, cycles included.
    fn arbitrary_parts() -> impl Strategy<Value = (GraphParts, Vec<NodeRef>, u8)> {
        (1usize..12).prop_flat_map(|n| {
            (
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec((0..n, 0..n), 0..30),
                prop::collection::vec(0..n, 0..4),
                0u8..3,
            )
                .prop_map(move |(is_activity, edges, chosen, scope)| {
                    let refs: Vec<NodeRef> = (0..n)
                        .map(|i| {
                            if is_activity[i] {
                                NodeRef::Activity(i as i64)
                            } else {
                                NodeRef::Resource(i as i64)
                            }
                        })
                        .collect();
                    let nodes = refs
                        .iter()
                        .map(|r| match r {
                            NodeRef::Activity(id) => activity(*id, &format!("a{id}")),
                            NodeRef::Resource(id) => NodeRow::resource(
                                *id,
                                format!("r{id}"),
                                Some(ResourceKind::Site),
                                None,
                                None,
                            ),
                        })
                        .collect();
                    let needs: Vec<NeedRow> = edges
                        .into_iter()
                        .map(|(a, b)| need(refs[a], refs[b]))
                        .collect();
                    let chosen = chosen.into_iter().map(|i| refs[i]).collect();
                    (GraphParts::build(nodes, &needs), chosen, scope)
                })
        })
    }

    proptest! {
        /// On any graph, cycles included, the walk ends; the activities in scope are
        /// activities within what it reaches, the chosen activities among them, and
        /// what it reaches holds everything a reached node needs.
        #[test]
        fn scope_selection_ends_and_reaches_a_closed_subset((parts, chosen, scope) in arbitrary_parts()) {
            let scope_kind = [PlanScope::Organisation, PlanScope::Items, PlanScope::Site][usize::from(scope)];
            let scope = scope_of(&parts, scope_kind, &chosen);
            let n = parts.graph.nodes.len();
            prop_assert_eq!(scope.activities.len(), n);
            prop_assert_eq!(scope.reach.len(), n);
            let needs = parts.needs();
            for (id, needed) in needs.iter().enumerate() {
                if scope.activities[id] {
                    prop_assert!(parts.is_activity(id));
                    prop_assert!(scope.reach[id]);
                }
                if scope.reach[id] {
                    prop_assert!(needed.iter().all(|next| scope.reach[*next]));
                }
            }
            let index = parts.index();
            for c in &chosen {
                let id = index[c];
                if parts.is_activity(id) && scope_kind != PlanScope::Organisation {
                    prop_assert!(scope.activities[id]);
                }
            }
        }
    }
}
