//! The map the app draws: every activity and resource placed (by hand or by the
//! layered layout), what each needs, and the findings with the nodes of their paths.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::layout::{self, NODE_HEIGHT, NODE_WIDTH, Point};
use super::status::statuses;
use crate::analysis::dependencies::{Analysis, Gap, NodeId, NodeKind};
use crate::analysis::graph_build::GraphParts;
use crate::domain::{MapPosition, NodeRef, NodeStatus, ResourceKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapNode {
    /// `activity:ID` or `resource:ID`.
    pub key: String,
    pub name: String,
    /// `None` for an activity.
    pub resource_kind: Option<ResourceKind>,
    pub unit: Option<String>,
    pub tier: Option<u8>,
    pub status: NodeStatus,
    /// Its loss alone stops at least one activity.
    pub spof: bool,
    pub x: f64,
    pub y: f64,
    /// Dragged there by hand (otherwise placed by the layered layout).
    pub placed: bool,
}

/// `from` needs `to`; edges of one node sharing a non-empty group are alternatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapEdge {
    pub from: String,
    pub to: String,
    pub group: String,
}

/// A gap with the keys of the nodes on its path, in the path's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapFinding {
    pub gap: Gap,
    pub path: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DependencyMap {
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    pub findings: Vec<MapFinding>,
    pub width: f64,
    pub height: f64,
    pub node_width: f64,
    pub node_height: f64,
}

/// The map of `parts`, with the statuses and findings of `analysis`; a node in
/// `placed` sits where it was dragged to, every other one where the layout puts it.
pub fn dependency_map(
    parts: &GraphParts,
    analysis: &Analysis,
    placed: &HashMap<NodeRef, MapPosition>,
) -> DependencyMap {
    let graph = &parts.graph;

    // Lay out in a stable order: by column, then by name.
    let layers: Vec<usize> = parts
        .facts
        .iter()
        .map(|f| layout::column(f.resource_kind))
        .collect();
    let mut order: Vec<NodeId> = (0..graph.nodes.len()).collect();
    order.sort_by(|a, b| {
        (layers[*a], graph.nodes[*a].name.to_lowercase())
            .cmp(&(layers[*b], graph.nodes[*b].name.to_lowercase()))
    });
    let mut position_in_order = vec![0; order.len()];
    for (i, id) in order.iter().enumerate() {
        position_in_order[*id] = i;
    }
    let ordered_edges: Vec<(usize, usize)> = parts
        .edges
        .iter()
        .map(|(f, t, _)| (position_in_order[*f], position_in_order[*t]))
        .collect();
    let ordered_layers: Vec<usize> = order.iter().map(|id| layers[*id]).collect();
    let ordered_layers = layout::push_right(&ordered_layers, &ordered_edges);
    let laid_out = layout::layered(&ordered_layers, &ordered_edges);

    let status = statuses(graph.nodes.len(), &parts.index(), analysis);
    let spofs: HashSet<NodeRef> = analysis.spofs.iter().map(|s| s.resource_ref).collect();

    let mut points = Vec::with_capacity(graph.nodes.len());
    let nodes: Vec<MapNode> = (0..graph.nodes.len())
        .map(|id| {
            let facts = &parts.facts[id];
            let node = &graph.nodes[id];
            let hand = placed.get(&node.node).map(|p| Point { x: p.x, y: p.y });
            let at = hand.unwrap_or(laid_out[position_in_order[id]]);
            points.push(at);
            MapNode {
                key: node.node.key(),
                name: node.name.clone(),
                resource_kind: facts.resource_kind,
                unit: facts.unit.clone(),
                tier: match node.kind {
                    NodeKind::Activity { tier, .. } => tier,
                    NodeKind::Resource { .. } => None,
                },
                status: status[id],
                spof: facts.resource_kind.is_some() && spofs.contains(&node.node),
                x: at.x,
                y: at.y,
                placed: hand.is_some(),
            }
        })
        .collect();
    let edges = parts
        .edges
        .iter()
        .map(|(f, t, group)| MapEdge {
            from: graph.nodes[*f].node.key(),
            to: graph.nodes[*t].node.key(),
            group: group.clone(),
        })
        .collect();
    let findings = analysis
        .gaps
        .iter()
        .map(|gap| MapFinding {
            gap: gap.clone(),
            path: gap.path_refs.iter().map(|r| r.key()).collect(),
        })
        .collect();
    let (width, height) = layout::extent(&points);
    DependencyMap {
        nodes,
        edges,
        findings,
        width,
        height,
        node_width: NODE_WIDTH,
        node_height: NODE_HEIGHT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::graph_build::fixtures::warehouse;

    #[test]
    fn nodes_sit_where_they_were_dragged_or_where_the_layout_puts_them() {
        let parts = warehouse();
        let analysis = parts.graph.analyze();
        let placed = HashMap::from([(NodeRef::Resource(1), MapPosition { x: 500.0, y: 7.0 })]);
        let map = dependency_map(&parts, &analysis, &placed);
        let wms = map.nodes.iter().find(|n| n.key == "resource:1");
        assert!(wms.is_some_and(|n| n.placed && n.x == 500.0 && n.y == 7.0));
        let site = map.nodes.iter().find(|n| n.key == "resource:3");
        assert!(
            site.is_some_and(|n| !n.placed && n.spof),
            "the site stops everything"
        );
        assert!(
            map.nodes
                .iter()
                .filter(|n| n.spof)
                .all(|n| n.resource_kind.is_some())
        );
        assert_eq!(map.edges.len(), 5);
        assert_eq!(map.findings.len(), analysis.gaps.len());
        for finding in &map.findings {
            let keys: Vec<String> = finding.gap.path_refs.iter().map(|r| r.key()).collect();
            assert_eq!(finding.path, keys);
        }
        assert_eq!(map.node_width, NODE_WIDTH);
    }
}
