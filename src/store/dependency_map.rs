//! The dependency map of the engagement as the store keeps it: loading what the map is
//! drawn from (the graph, the places people dragged nodes to) and the edits made on
//! the map (a node moved, a need added or removed, the layout reset). The map itself
//! is built in `map`.

use std::collections::HashMap;

use rusqlite::params;

use super::{EngagementStore, resources};
use crate::domain::{AuditAction, InterviewEdit, MapPosition, Need, NodeRef, ResourceKind};
use crate::map::{self, DependencyMap};
use crate::{Error, Result};

impl EngagementStore {
    /// The map: every activity and resource placed (by hand or by the layered layout),
    /// what each needs, and the findings with the nodes of their paths.
    pub fn dependency_map(&self) -> Result<DependencyMap> {
        let parts = self.graph_parts()?;
        let analysis = parts.graph.analyze();
        Ok(map::dependency_map(
            &parts,
            &analysis,
            &self.map_positions()?,
        ))
    }

    /// Where people dragged nodes to.
    fn map_positions(&self) -> Result<HashMap<NodeRef, MapPosition>> {
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
            positions.insert(NodeRef::from_parts(&kind, id), MapPosition { x, y });
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
