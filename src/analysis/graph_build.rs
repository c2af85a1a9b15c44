//! The engagement as a dependency graph, built from plain rows: the activities (with
//! what their BIA concluded) and resources (with what they can do), each with its
//! [`NodeRef`], and the needs between them, alternatives grouped by name. The store
//! loads the rows; everything here is pure.

use std::collections::HashMap;

use super::dependencies::{Graph, Need, Node, NodeId, NodeKind};
use super::evidence::Standing;
use crate::domain::{BiaResult, Duration, NodeRef, ResourceKind};

/// One activity or resource as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRow {
    pub node: NodeRef,
    pub name: String,
    pub kind: NodeKind,
    pub unit: Option<String>,
    /// `None` for an activity.
    pub resource_kind: Option<ResourceKind>,
}

impl NodeRow {
    /// An activity with the RTO, RPO, MTPD and tier of its BIA.
    pub fn activity(result: &BiaResult) -> NodeRow {
        NodeRow {
            node: NodeRef::Activity(result.activity_id),
            name: result.activity.clone(),
            kind: NodeKind::Activity {
                rto: result.rto,
                rpo: result.rpo,
                mtpd: result.mtpd,
                tier: result.tier,
            },
            unit: result.unit.clone(),
            resource_kind: None,
        }
    }

    /// A resource with its RTC and RPC, ungraded.
    pub fn resource(
        id: i64,
        name: String,
        kind: Option<ResourceKind>,
        rtc: Option<Duration>,
        rpc: Option<Duration>,
    ) -> NodeRow {
        NodeRow {
            node: NodeRef::Resource(id),
            name,
            kind: NodeKind::Resource {
                rtc,
                rpc,
                standing: None,
            },
            unit: None,
            resource_kind: kind,
        }
    }

    /// A resource as its capability stands: the RTC and RPC in force, with the
    /// evidence behind them.
    pub fn standing(
        id: i64,
        name: String,
        kind: Option<ResourceKind>,
        standing: Standing,
    ) -> NodeRow {
        NodeRow {
            node: NodeRef::Resource(id),
            name,
            kind: NodeKind::Resource {
                rtc: standing.rtc,
                rpc: standing.rpc,
                standing: Some(Box::new(standing)),
            },
            unit: None,
            resource_kind: kind,
        }
    }
}

/// `from` needs `to`; needs of one node sharing a non-empty `group` are alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub from: NodeRef,
    pub to: NodeRef,
    pub group: String,
}

/// What the map and the plans know of a graph node besides the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeFacts {
    pub unit: Option<String>,
    pub resource_kind: Option<ResourceKind>,
}

/// The graph, the facts of each node, and every edge with its group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphParts {
    pub graph: Graph,
    /// Per node of `graph`, in the same order.
    pub facts: Vec<NodeFacts>,
    /// (from, to, alternatives group), sorted.
    pub edges: Vec<(NodeId, NodeId, String)>,
}

impl GraphParts {
    /// The graph of `nodes` (in their order) and `needs`; a need naming a node that is
    /// not among `nodes` is left out. Each node needs its ungrouped needs one by one,
    /// then each of its groups (by name) as a set of alternatives.
    pub fn build(nodes: Vec<NodeRow>, needs: &[NeedRow]) -> GraphParts {
        let mut parts = GraphParts::default();
        for row in nodes {
            parts.facts.push(NodeFacts {
                unit: row.unit,
                resource_kind: row.resource_kind,
            });
            parts.graph.nodes.push(Node {
                node: row.node,
                name: row.name,
                kind: row.kind,
                needs: Vec::new(),
            });
        }
        let index = parts.index();
        parts.edges = needs
            .iter()
            .filter_map(|need| {
                let from = *index.get(&need.from)?;
                let to = *index.get(&need.to)?;
                Some((from, to, need.group.clone()))
            })
            .collect();
        parts.edges.sort();
        let mut groups: HashMap<(NodeId, &str), Vec<NodeId>> = HashMap::new();
        for (from, to, group) in &parts.edges {
            if group.is_empty() {
                parts.graph.nodes[*from].needs.push(Need::One(*to));
            } else {
                groups.entry((*from, group.as_str())).or_default().push(*to);
            }
        }
        let mut grouped: Vec<_> = groups.into_iter().collect();
        grouped.sort();
        for ((from, _), members) in grouped {
            parts.graph.nodes[from].needs.push(Need::AnyOf(members));
        }
        parts
    }

    /// The graph node of each record.
    pub fn index(&self) -> HashMap<NodeRef, NodeId> {
        self.graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.node, i))
            .collect()
    }

    /// For every node, what it needs directly (every member of its groups).
    pub fn needs(&self) -> Vec<Vec<NodeId>> {
        let mut needs = vec![Vec::new(); self.graph.nodes.len()];
        for (from, to, _) in &self.edges {
            needs[*from].push(*to);
        }
        needs
    }

    /// For every node, what needs it directly.
    pub fn needed_by(&self) -> Vec<Vec<NodeId>> {
        let mut needed_by = vec![Vec::new(); self.graph.nodes.len()];
        for (from, to, _) in &self.edges {
            needed_by[*to].push(*from);
        }
        needed_by
    }

    /// Whether node `id` is an activity.
    pub fn is_activity(&self, id: NodeId) -> bool {
        self.facts[id].resource_kind.is_none()
    }
}

/// A small engagement for the tests of every floor that builds on the graph.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{GraphParts, NeedRow, NodeRow};
    use crate::analysis::dependencies::NodeKind;
    use crate::domain::{Duration, NodeRef, ResourceKind};

    pub(crate) fn activity(id: i64, name: &str) -> NodeRow {
        NodeRow {
            node: NodeRef::Activity(id),
            name: name.into(),
            kind: NodeKind::Activity {
                rto: Duration::from_minutes(240),
                rpo: None,
                mtpd: None,
                tier: Some(1),
            },
            unit: None,
            resource_kind: None,
        }
    }

    pub(crate) fn need(from: NodeRef, to: NodeRef) -> NeedRow {
        NeedRow {
            from,
            to,
            group: String::new(),
        }
    }

    /// Dispatch needs the WMS, Payroll the bureau; both need the site; Invoicing
    /// needs Dispatch.
    pub(crate) fn warehouse() -> GraphParts {
        let (dispatch, payroll, invoicing) = (
            NodeRef::Activity(1),
            NodeRef::Activity(2),
            NodeRef::Activity(3),
        );
        let (wms, bureau, site) = (
            NodeRef::Resource(1),
            NodeRef::Resource(2),
            NodeRef::Resource(3),
        );
        let resource = |id, name: &str, kind, rtc| {
            NodeRow::resource(
                id,
                name.into(),
                Some(kind),
                Duration::from_minutes(rtc),
                None,
            )
        };
        GraphParts::build(
            vec![
                activity(1, "Dispatch"),
                activity(2, "Payroll"),
                activity(3, "Invoicing"),
                resource(1, "WMS", ResourceKind::Application, 120),
                resource(2, "Bureau", ResourceKind::Supplier, 60),
                resource(3, "Site", ResourceKind::Site, 60),
            ],
            &[
                need(dispatch, wms),
                need(payroll, bureau),
                need(wms, site),
                need(bureau, site),
                need(invoicing, dispatch),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(id: i64, name: &str) -> NodeRow {
        NodeRow::resource(
            id,
            name.into(),
            Some(ResourceKind::ItService),
            Duration::from_minutes(60),
            None,
        )
    }

    fn need(from: NodeRef, to: NodeRef, group: &str) -> NeedRow {
        NeedRow {
            from,
            to,
            group: group.into(),
        }
    }

    #[test]
    fn needs_become_single_needs_then_groups_and_unknown_nodes_are_left_out() {
        let (a, b, c, d) = (
            NodeRef::Resource(1),
            NodeRef::Resource(2),
            NodeRef::Resource(3),
            NodeRef::Resource(4),
        );
        let parts = GraphParts::build(
            vec![
                resource(1, "A"),
                resource(2, "B"),
                resource(3, "C"),
                resource(4, "D"),
            ],
            &[
                need(a, d, "power"),
                need(a, b, ""),
                need(a, c, "power"),
                need(a, NodeRef::Resource(99), ""),
                need(NodeRef::Activity(1), b, ""),
            ],
        );
        assert_eq!(
            parts.edges,
            [
                (0, 1, String::new()),
                (0, 2, "power".into()),
                (0, 3, "power".into())
            ]
        );
        assert_eq!(
            parts.graph.nodes[0].needs,
            [Need::One(1), Need::AnyOf(vec![2, 3])]
        );
        assert_eq!(parts.graph.nodes[2].node, c);
        assert_eq!(parts.index()[&b], 1);
        assert_eq!(parts.needs()[0], [1, 2, 3]);
        assert_eq!(parts.needed_by()[3], [0]);
        assert!(!parts.is_activity(0));
    }
}
