//! The dependency map of the engagement: the layered layout with the positions people
//! dragged nodes to, each node's status from the analysis, and the edits made on the
//! map (a node moved, a need added or removed, the layout reset).

use std::collections::HashMap;

use rusqlite::params;

use super::dependency_graph::GraphParts;
use super::{EngagementStore, resources};
use crate::analysis::dependencies::{Analysis, GapKind, Graph, NodeId, NodeKind};
use crate::analysis::layout::{self, NODE_HEIGHT, NODE_WIDTH, Point};
use crate::domain::{
    AuditAction, DependencyMap, InterviewEdit, MapEdge, MapFinding, MapNode, MapPosition, Need,
    NodeRef, NodeStatus, ResourceKind,
};
use crate::{Error, Result};

/// The nodes a path of names runs through: from its first node (an activity where one
/// has the name) along what each needs.
/// Each node's status from the analysis (by graph node), and every gap with the keys
/// of the nodes on its path.
pub(super) fn statuses_and_findings(
    parts: &GraphParts,
    analysis: &Analysis,
) -> (Vec<NodeStatus>, Vec<MapFinding>) {
    let graph = &parts.graph;
    let mut status = vec![NodeStatus::Ok; graph.nodes.len()];
    let mut findings = Vec::new();
    for gap in &analysis.gaps {
        let path = trace(graph, &gap.path);
        let target = if gap.kind == GapKind::Chain {
            path.first()
        } else {
            path.last()
        };
        if let Some(&target) = target {
            status[target] = match (gap.kind, status[target]) {
                (GapKind::Unknown, NodeStatus::Ok) => NodeStatus::Unknown,
                (GapKind::Unknown, already) => already,
                _ => NodeStatus::Gap,
            };
        }
        findings.push(MapFinding {
            gap: gap.clone(),
            path: path.iter().map(|id| parts.facts[*id].node.key()).collect(),
        });
    }
    (status, findings)
}

fn trace(graph: &Graph, names: &[String]) -> Vec<NodeId> {
    fn named<'a>(graph: &'a Graph, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        (0..graph.nodes.len()).filter(move |id| graph.nodes[*id].name == name)
    }
    let mut path: Vec<NodeId> = Vec::new();
    for name in names {
        let next = match path.last() {
            Some(&previous) => graph.nodes[previous]
                .needs
                .iter()
                .flat_map(|need| need.members().iter().copied())
                .find(|m| graph.nodes[*m].name == *name),
            None => named(graph, name)
                .find(|id| matches!(graph.nodes[*id].kind, NodeKind::Activity { .. }))
                .or_else(|| named(graph, name).next()),
        };
        match next.or_else(|| named(graph, name).next()) {
            Some(id) => path.push(id),
            None => break,
        }
    }
    path
}

impl EngagementStore {
    /// The map: every activity and resource placed (by hand or by the layered layout),
    /// what each needs, and the findings with the nodes of their paths.
    pub fn dependency_map(&self) -> Result<DependencyMap> {
        let parts = self.graph_parts()?;
        let analysis = parts.graph.analyze();
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

        let placed = self.map_positions()?;
        let (status, findings) = statuses_and_findings(&parts, &analysis);
        let spof_names: std::collections::HashSet<&str> =
            analysis.spofs.iter().map(|s| s.resource.as_str()).collect();

        let mut points = Vec::with_capacity(graph.nodes.len());
        let nodes: Vec<MapNode> = (0..graph.nodes.len())
            .map(|id| {
                let facts = &parts.facts[id];
                let node = &graph.nodes[id];
                let hand = placed.get(&facts.node);
                let at = hand.copied().unwrap_or(laid_out[position_in_order[id]]);
                points.push(at);
                MapNode {
                    key: facts.node.key(),
                    name: node.name.clone(),
                    resource_kind: facts.resource_kind,
                    unit: facts.unit.clone(),
                    tier: match node.kind {
                        NodeKind::Activity { tier, .. } => tier,
                        NodeKind::Resource { .. } => None,
                    },
                    status: status[id],
                    spof: facts.resource_kind.is_some() && spof_names.contains(node.name.as_str()),
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
                from: parts.facts[*f].node.key(),
                to: parts.facts[*t].node.key(),
                group: group.clone(),
            })
            .collect();
        let (width, height) = layout::extent(&points);
        Ok(DependencyMap {
            nodes,
            edges,
            findings,
            width,
            height,
            node_width: NODE_WIDTH,
            node_height: NODE_HEIGHT,
        })
    }

    fn map_positions(&self) -> Result<HashMap<NodeRef, Point>> {
        let mut stmt = self
            .conn
            .prepare("SELECT node_type, node_id, x, y FROM map_position")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, f64>(2)?,
                r.get::<_, f64>(3)?,
            ))
        })?;
        let mut positions = HashMap::new();
        for row in rows {
            let (kind, id, x, y) = row?;
            positions.insert(NodeRef::from_parts(&kind, id), Point { x, y });
        }
        Ok(positions)
    }

    /// The node's name, or `NotFound`.
    pub(super) fn node_name(&self, node: NodeRef) -> Result<String> {
        Ok(match node {
            NodeRef::Activity(id) => self.activity(id)?.name,
            NodeRef::Resource(id) => resources::resource(&self.conn, id)?.name,
        })
    }

    /// Keeps a node where it was dragged to on the map.
    pub fn set_map_position(&mut self, node: NodeRef, at: MapPosition) -> Result<()> {
        let name = self.node_name(node)?;
        const LIMIT: f64 = 1_000_000.0;
        if !(at.x.is_finite() && at.y.is_finite()) || at.x.abs() > LIMIT || at.y.abs() > LIMIT {
            return Err(Error::invalid("position", "That place is off the map."));
        }
        let (x, y) = (at.x.round(), at.y.round());
        let (table, id) = node.parts();
        self.write(|changes| {
            let old: Option<(f64, f64)> =
                rusqlite::OptionalExtension::optional(changes.tx.query_row(
                    "SELECT x, y FROM map_position WHERE node_type = ?1 AND node_id = ?2",
                    params![table, id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                ))?;
            if old == Some((x, y)) {
                return Ok(());
            }
            changes.tx.execute(
                "INSERT INTO map_position (node_type, node_id, x, y) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (node_type, node_id) DO UPDATE SET x = excluded.x, y = excluded.y",
                params![table, id, x, y],
            )?;
            let shown = |(x, y): (f64, f64)| format!("{x:.0}, {y:.0}");
            changes.record(
                AuditAction::Update,
                (table, id, &name),
                Some("position on the map"),
                old.map(shown).as_deref(),
                Some(&shown((x, y))),
            )
        })
    }

    /// Forgets every position set by hand: the map returns to the layered layout.
    pub fn reset_map_layout(&mut self) -> Result<()> {
        self.write(|changes| {
            let removed = changes.tx.execute("DELETE FROM map_position", [])?;
            if removed == 0 {
                return Ok(());
            }
            changes.record(
                AuditAction::Delete,
                ("engagement", 1, "dependency map"),
                Some("positions set by hand"),
                Some(&removed.to_string()),
                None,
            )
        })
    }

    /// `from` needs `to` (an activity needs an activity or a resource, a resource needs
    /// a resource); a non-empty `group` makes it one of `from`'s alternatives. Adding a
    /// need that exists sets its group.
    pub fn add_need(&mut self, from: NodeRef, to: NodeRef, group: &str) -> Result<()> {
        match Need::between(from, to)? {
            Need::ActivityResource { activity, resource } => self.all_or_nothing(false, |store| {
                store.edit_interview(
                    activity,
                    &InterviewEdit::AddResource {
                        resource_id: Some(resource),
                        name: String::new(),
                        resource_kind: ResourceKind::ItService,
                    },
                )?;
                store.set_resource_need_group(activity, resource, group)
            }),
            Need::ActivityActivity { activity, other } => self.all_or_nothing(false, |store| {
                store.edit_interview(
                    activity,
                    &InterviewEdit::AddDependency {
                        other,
                        upstream: true,
                    },
                )?;
                store.set_activity_need_group(activity, other, group)
            }),
            Need::ResourceResource { resource, other } => {
                self.add_resource_dependency(resource, other, group)
            }
        }
    }

    /// `from` no longer needs `to`.
    pub fn remove_need(&mut self, from: NodeRef, to: NodeRef) -> Result<()> {
        match (from, to) {
            (NodeRef::Activity(activity), NodeRef::Resource(resource_id)) => self
                .edit_interview(activity, &InterviewEdit::RemoveResource { resource_id })
                .map(drop),
            (NodeRef::Activity(activity), NodeRef::Activity(other)) => self
                .edit_interview(
                    activity,
                    &InterviewEdit::RemoveDependency {
                        other,
                        upstream: true,
                    },
                )
                .map(drop),
            (NodeRef::Resource(resource), NodeRef::Resource(other)) => {
                self.remove_resource_dependency(resource, other)
            }
            (NodeRef::Resource(_), NodeRef::Activity(_)) => Ok(()),
        }
    }
}
