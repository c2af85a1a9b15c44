//! How each node fares in the analysis: the node a gap names is a gap (or unknown,
//! when all that is missing is its capability); every other node is ok. An expired
//! demonstration alone leaves a node as it is.

use std::collections::HashMap;

use crate::analysis::dependencies::{Analysis, GapKind, NodeId};
use crate::domain::{NodeRef, NodeStatus};

/// The status of every node of a graph of `len` nodes, `index` saying which node each
/// record is: a node a gap names is a gap, unless every gap naming it is `unknown`.
pub fn statuses(
    len: usize,
    index: &HashMap<NodeRef, NodeId>,
    analysis: &Analysis,
) -> Vec<NodeStatus> {
    let mut status = vec![NodeStatus::Ok; len];
    for gap in &analysis.gaps {
        let Some(&target) = index.get(&gap.node_ref) else {
            continue;
        };
        status[target] = match (gap.kind, status[target]) {
            (GapKind::Unknown, NodeStatus::Ok) => NodeStatus::Unknown,
            (GapKind::Unknown, already) => already,
            // Stale evidence is a finding, not a capability too slow: the node fares as
            // its values in force make it.
            (GapKind::DemonstrationExpired, already) => already,
            _ => NodeStatus::Gap,
        };
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dependencies::{Graph, Need, Node, NodeKind};
    use crate::domain::Duration;

    fn node(node: NodeRef, name: &str, kind: NodeKind, needs: Vec<Need>) -> Node {
        Node {
            node,
            name: name.into(),
            kind,
            needs,
        }
    }

    #[test]
    fn the_node_a_gap_names_is_a_gap_and_a_missing_capability_is_unknown() {
        let h = |hours: u32| Duration::from_minutes(hours * 60);
        let resource = |rtc| NodeKind::Resource {
            rtc,
            rpc: h(1),
            standing: None,
        };
        // Dispatch (RTO 4h) needs the WMS (6h) and the printer (RTC unknown); the
        // scanner is needed by nothing.
        let graph = Graph {
            nodes: vec![
                node(
                    NodeRef::Activity(1),
                    "Dispatch",
                    NodeKind::Activity {
                        rto: h(4),
                        rpo: h(1),
                        mtpd: h(8),
                        tier: Some(1),
                    },
                    vec![Need::One(1), Need::One(2)],
                ),
                node(NodeRef::Resource(7), "WMS", resource(h(6)), vec![]),
                node(NodeRef::Resource(8), "Printer", resource(None), vec![]),
                node(NodeRef::Resource(9), "Scanner", resource(None), vec![]),
            ],
        };
        let index = graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.node, i))
            .collect();
        assert_eq!(
            statuses(4, &index, &graph.analyze()),
            [
                NodeStatus::Ok,
                NodeStatus::Gap,
                NodeStatus::Unknown,
                NodeStatus::Ok
            ]
        );
    }

    #[test]
    fn an_expired_demonstration_leaves_a_node_as_it_is_and_one_shown_slower_is_a_gap() {
        use crate::analysis::dependencies::{Analysis, Gap};
        let gap = |kind, id| Gap {
            kind,
            node: String::new(),
            node_ref: NodeRef::Resource(id),
            required_min: None,
            capability_min: None,
            path: Vec::new(),
            path_refs: Vec::new(),
            explanation: String::new(),
        };
        let analysis = Analysis {
            gaps: vec![
                gap(GapKind::DemonstrationExpired, 1),
                gap(GapKind::DemonstrationExpired, 2),
                gap(GapKind::Unknown, 2),
                gap(GapKind::DemonstratedSlower, 3),
            ],
            ..Analysis::default()
        };
        let index = (1..=3)
            .map(|id| (NodeRef::Resource(id), id as usize - 1))
            .collect();
        assert_eq!(
            statuses(3, &index, &analysis),
            [NodeStatus::Ok, NodeStatus::Unknown, NodeStatus::Gap]
        );
    }
}
