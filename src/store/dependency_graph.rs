//! What resources can do and need, and the engagement as a dependency graph for
//! `analysis::dependencies`.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::Changes;
use super::{EngagementStore, resources};
use crate::analysis::dependencies::{
    Analysis, Graph, Need, Node, NodeId, NodeKind, ScenarioOutcome,
};
use crate::domain::{
    AuditAction, Duration, FieldErrors, NodeRef, Resource, ResourceCapabilityInput, ResourceKind,
};
use crate::{Error, Result};

/// What the map needs to know of a graph node besides the analysis.
pub(crate) struct NodeFacts {
    pub node: NodeRef,
    pub unit: Option<String>,
    pub resource_kind: Option<ResourceKind>,
}

#[derive(Default)]
pub(crate) struct GraphParts {
    pub graph: Graph,
    /// Per node of `graph`, in the same order.
    pub facts: Vec<NodeFacts>,
    /// (from, to, alternatives group), sorted.
    pub edges: Vec<(NodeId, NodeId, String)>,
    /// The prioritised list the activity nodes came from.
    pub bia: Vec<crate::domain::BiaResult>,
}

impl GraphParts {
    /// The graph node of each record.
    pub fn index(&self) -> HashMap<NodeRef, NodeId> {
        self.facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.node, i))
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
}

fn optional_duration(errors: &mut FieldErrors, field: &str, text: &str) -> Option<Duration> {
    if text.trim().is_empty() {
        return None;
    }
    match Duration::parse(text) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.add(field, e.to_string());
            None
        }
    }
}

/// Checks `input` and writes it as what `resource` can do; each changed field is
/// written to the audit log.
/// Sets what a resource can do and logs each changed field; with `typed_description`,
/// the description (free text saved as it is typed) joins its editing run instead.
pub(super) fn write_capability(
    changes: &Changes<'_>,
    resource: &Resource,
    input: &ResourceCapabilityInput,
    typed_description: bool,
) -> Result<()> {
    let mut errors = FieldErrors::new();
    let owner = errors.optional_text("owner", "Owner", &input.owner, 200);
    let description =
        errors.optional_text("description", "Description", &input.description, 20_000);
    let rtc = optional_duration(&mut errors, "rtc", &input.rtc);
    let rpc = optional_duration(&mut errors, "rpc", &input.rpc);
    let demonstrated_on = errors.optional_date(
        "demonstrated_on",
        "The exercise date",
        &input.demonstrated_on,
    );
    if input.evidence == Some(crate::domain::Evidence::Demonstrated) && demonstrated_on.is_none() {
        errors.add(
            "demonstrated_on",
            "Demonstrated evidence needs the date of the exercise that showed it.",
        );
    }
    errors.into_result()?;
    let before = capability_fields(&capability(changes.tx, resource.id)?);
    let after = capability_fields(&ResourceCapabilityInput {
        owner: owner.clone(),
        description: description.clone(),
        strategy: input.strategy,
        rtc: rtc.map(|d| d.to_string()).unwrap_or_default(),
        rpc: rpc.map(|d| d.to_string()).unwrap_or_default(),
        evidence: input.evidence,
        demonstrated_on: demonstrated_on.map(|d| d.to_string()).unwrap_or_default(),
    });
    changes
        .tx
        .prepare_cached(
            "UPDATE resource SET owner = ?1, description = ?2, strategy = ?3, rtc_minutes = ?4, rpc_minutes = ?5,
                    evidence = ?6, demonstrated_on = ?7, updated_at = ?8 WHERE id = ?9",
        )?
        .execute(params![
            owner,
            description,
            input.strategy.map(|s| s.as_str()),
            rtc.map(Duration::minutes),
            rpc.map(Duration::minutes),
            input.evidence.map(|e| e.as_str()),
            demonstrated_on,
            changes.at,
            resource.id
        ])?;
    let fields = [
        "owner",
        "description",
        "strategy",
        "rtc",
        "rpc",
        "evidence",
        "demonstrated_on",
    ];
    for ((field, old), new) in fields.iter().zip(&before).zip(&after) {
        if old == new {
            continue;
        }
        let shown = |v: &String| Some(v.clone()).filter(|v| !v.is_empty());
        let subject = ("resource", resource.id, resource.name.as_str());
        if typed_description && *field == "description" {
            changes.typed(subject, field, shown(old).as_deref(), shown(new).as_deref())?;
        } else {
            changes.record(
                AuditAction::Update,
                subject,
                Some(field),
                shown(old).as_deref(),
                shown(new).as_deref(),
            )?;
        }
    }
    Ok(())
}

/// What a resource can do, as the text a person would type to set it again.
pub(super) fn capability(conn: &Connection, resource_id: i64) -> Result<ResourceCapabilityInput> {
    conn.prepare_cached(
        "SELECT owner, description, strategy, rtc_minutes, rpc_minutes, evidence, demonstrated_on
             FROM resource WHERE id = ?1",
    )?
    .query_row([resource_id], |r| {
        let time = |m: Option<u32>| {
            m.and_then(Duration::from_minutes)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        Ok(ResourceCapabilityInput {
            owner: r.get(0)?,
            description: r.get(1)?,
            strategy: r
                .get::<_, Option<String>>(2)?
                .and_then(|s| crate::domain::RecoveryStrategy::parse(&s)),
            rtc: time(r.get(3)?),
            rpc: time(r.get(4)?),
            evidence: r
                .get::<_, Option<String>>(5)?
                .and_then(|s| crate::domain::Evidence::parse(&s)),
            demonstrated_on: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        })
    })
    .optional()?
    .ok_or(Error::NotFound {
        entity: "resource",
        id: resource_id,
    })
}

/// Resource `from` needs `to`; needs of one resource sharing a non-empty `group` are
/// alternatives. Adding a need that exists sets its group.
pub(super) fn add_resource_need(
    changes: &Changes<'_>,
    from: &Resource,
    to: &Resource,
    group: &str,
) -> Result<()> {
    if from.id == to.id {
        return Err(Error::invalid(
            "dependency",
            "A resource cannot depend on itself.",
        ));
    }
    let group = group.trim();
    let old: Option<String> = changes
        .tx
        .prepare_cached(
            "SELECT alternative_group FROM resource_dependency WHERE resource_id = ?1 AND needs_resource_id = ?2",
        )?
        .query_row(params![from.id, to.id], |r| r.get(0))
        .optional()?;
    let subject = ("resource", from.id, from.name.as_str());
    match old {
        None => {
            changes
                .tx
                .prepare_cached(
                    "INSERT INTO resource_dependency (resource_id, needs_resource_id, alternative_group, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![from.id, to.id, group, changes.at])?;
            let what = if group.is_empty() {
                to.name.clone()
            } else {
                format!("{} (alternatives \u{201c}{group}\u{201d})", to.name)
            };
            changes.record(
                AuditAction::Create,
                subject,
                Some("needs resource"),
                None,
                Some(&what),
            )
        }
        Some(old) if old != group => {
            changes
                .tx
                .prepare_cached(
                    "UPDATE resource_dependency SET alternative_group = ?1 WHERE resource_id = ?2 AND needs_resource_id = ?3",
                )?
                .execute(params![group, from.id, to.id])?;
            let shown = |g: &str| Some(g.to_owned()).filter(|g| !g.is_empty());
            changes.record(
                AuditAction::Update,
                subject,
                Some(&format!("alternatives group of {}", to.name)),
                shown(&old).as_deref(),
                shown(group).as_deref(),
            )
        }
        Some(_) => Ok(()),
    }
}

/// Which need of an activity an alternatives group is set on: an activity's need of a
/// resource, or of another activity.
#[derive(Debug, Clone, Copy)]
pub(super) enum NeedTable {
    Resource,
    Activity,
}

/// Puts the need of activity `(id, name)` for `(needed_id, needed_name)` into an
/// alternatives group (empty: none); nothing happens when the need does not exist or
/// is already in that group.
pub(super) fn set_need_group(
    changes: &Changes<'_>,
    table: NeedTable,
    (activity_id, activity_name): (i64, &str),
    (needed_id, needed_name): (i64, &str),
    group: &str,
) -> Result<()> {
    let (select, update) = match table {
        NeedTable::Resource => (
            "SELECT alternative_group FROM activity_resource WHERE activity_id = ?1 AND resource_id = ?2",
            "UPDATE activity_resource SET alternative_group = ?1 WHERE activity_id = ?2 AND resource_id = ?3",
        ),
        NeedTable::Activity => (
            "SELECT alternative_group FROM activity_dependency WHERE activity_id = ?1 AND needs_activity_id = ?2",
            "UPDATE activity_dependency SET alternative_group = ?1 WHERE activity_id = ?2 AND needs_activity_id = ?3",
        ),
    };
    let group = group.trim();
    let old: Option<String> = changes
        .tx
        .prepare_cached(select)?
        .query_row(params![activity_id, needed_id], |r| r.get(0))
        .optional()?;
    let Some(old) = old.filter(|old| old != group) else {
        return Ok(());
    };
    changes
        .tx
        .prepare_cached(update)?
        .execute(params![group, activity_id, needed_id])?;
    changes.record(
        AuditAction::Update,
        ("interview", activity_id, activity_name),
        Some(&format!("alternatives group of {needed_name}")),
        Some(&old).filter(|o| !o.is_empty()).map(String::as_str),
        Some(group).filter(|g| !g.is_empty()),
    )
}

impl EngagementStore {
    /// Sets what a resource can do (owner, description, strategy, RTC, RPC, evidence);
    /// each changed field is written to the audit log.
    pub fn set_resource_capability(
        &mut self,
        resource_id: i64,
        input: &ResourceCapabilityInput,
    ) -> Result<()> {
        let resource = resources::resource(&self.conn, resource_id)?;
        // From the app, the description is typed: logged once per editing run.
        self.write(|changes| write_capability(changes, &resource, input, true))
    }

    /// Resource `resource_id` needs `needs_id`; needs of one resource sharing a non-empty
    /// `group` are alternatives. Adding a need that exists sets its group.
    pub fn add_resource_dependency(
        &mut self,
        resource_id: i64,
        needs_id: i64,
        group: &str,
    ) -> Result<()> {
        let from = resources::resource(&self.conn, resource_id)?;
        let to = resources::resource(&self.conn, needs_id)?;
        self.write(|changes| add_resource_need(changes, &from, &to, group))
    }

    /// Resource `resource_id` no longer needs `needs_id`.
    pub fn remove_resource_dependency(&mut self, resource_id: i64, needs_id: i64) -> Result<()> {
        let from = resources::resource(&self.conn, resource_id)?;
        let to = resources::resource(&self.conn, needs_id)?;
        self.write(|changes| {
            let removed = changes.tx.execute(
                "DELETE FROM resource_dependency WHERE resource_id = ?1 AND needs_resource_id = ?2",
                params![resource_id, needs_id],
            )?;
            if removed == 0 {
                return Ok(());
            }
            changes.record(
                AuditAction::Delete,
                ("resource", resource_id, &from.name),
                Some("needs resource"),
                Some(&to.name),
                None,
            )
        })
    }

    /// Puts an activity's need of a resource into an alternatives group (empty: none).
    pub fn set_resource_need_group(
        &mut self,
        activity_id: i64,
        resource_id: i64,
        group: &str,
    ) -> Result<()> {
        let resource = resources::resource(&self.conn, resource_id)?;
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            set_need_group(
                changes,
                NeedTable::Resource,
                (activity_id, &activity.name),
                (resource_id, &resource.name),
                group,
            )
        })
    }

    /// Puts an activity's need of another activity into an alternatives group.
    pub fn set_activity_need_group(
        &mut self,
        activity_id: i64,
        needs_id: i64,
        group: &str,
    ) -> Result<()> {
        let other = self.activity(needs_id)?;
        let activity = self.activity(activity_id)?;
        self.write(|changes| {
            set_need_group(
                changes,
                NeedTable::Activity,
                (activity_id, &activity.name),
                (needs_id, &other.name),
                group,
            )
        })
    }

    /// The engagement as a dependency graph: activities (with the RTO, RPO, MTPD and
    /// tier of their BIA) and resources (with RTC and RPC), and what each needs.
    pub fn dependency_graph(&self) -> Result<Graph> {
        Ok(self.graph_parts()?.graph)
    }

    /// The graph, which record each node is, and every edge with its group.
    pub(crate) fn graph_parts(&self) -> Result<GraphParts> {
        let mut parts = GraphParts::default();
        let graph = &mut parts.graph;
        let mut activity_node: HashMap<i64, NodeId> = HashMap::new();
        let mut resource_node: HashMap<i64, NodeId> = HashMap::new();
        parts.bia = self.bia_results()?;
        for result in &parts.bia {
            activity_node.insert(result.activity_id, graph.nodes.len());
            parts.facts.push(NodeFacts {
                node: NodeRef::Activity(result.activity_id),
                unit: result.unit.clone(),
                resource_kind: None,
            });
            graph.nodes.push(Node {
                name: result.activity.clone(),
                kind: NodeKind::Activity {
                    rto: result.rto,
                    rpo: result.rpo,
                    mtpd: result.mtpd,
                    tier: result.tier,
                },
                needs: Vec::new(),
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, rtc_minutes, rpc_minutes FROM resource ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<u32>>(3)?,
                r.get::<_, Option<u32>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, name, kind, rtc, rpc) = row?;
            resource_node.insert(id, graph.nodes.len());
            parts.facts.push(NodeFacts {
                node: NodeRef::Resource(id),
                unit: None,
                resource_kind: ResourceKind::parse(&kind),
            });
            graph.nodes.push(Node {
                name,
                kind: NodeKind::Resource {
                    rtc: rtc.and_then(Duration::from_minutes),
                    rpc: rpc.and_then(Duration::from_minutes),
                },
                needs: Vec::new(),
            });
        }
        for (sql, from_map, to_map) in [
            (
                "SELECT activity_id, resource_id, alternative_group FROM activity_resource",
                &activity_node,
                &resource_node,
            ),
            (
                "SELECT activity_id, needs_activity_id, alternative_group FROM activity_dependency",
                &activity_node,
                &activity_node,
            ),
            (
                "SELECT resource_id, needs_resource_id, alternative_group FROM resource_dependency",
                &resource_node,
                &resource_node,
            ),
        ] {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (from, to, group) = row?;
                if let (Some(&f), Some(&t)) = (from_map.get(&from), to_map.get(&to)) {
                    parts.edges.push((f, t, group));
                }
            }
        }
        parts.edges.sort();
        let mut groups: HashMap<(NodeId, String), Vec<NodeId>> = HashMap::new();
        for (from, to, group) in &parts.edges {
            if group.is_empty() {
                parts.graph.nodes[*from].needs.push(Need::One(*to));
            } else {
                groups.entry((*from, group.clone())).or_default().push(*to);
            }
        }
        let mut grouped: Vec<_> = groups.into_iter().collect();
        grouped.sort();
        for ((from, _), members) in grouped {
            parts.graph.nodes[from].needs.push(Need::AnyOf(members));
        }
        Ok(parts)
    }

    /// Gaps, predictions, single points of failure and cycles for the engagement.
    pub fn analyze_dependencies(&self) -> Result<Analysis> {
        Ok(self.dependency_graph()?.analyze())
    }

    /// Loses the named resources (or activities) at once.
    pub fn loss_scenario(&self, names: &[String]) -> Result<Vec<ScenarioOutcome>> {
        let graph = self.dependency_graph()?;
        let mut lost = Vec::new();
        for name in names {
            let key = name.trim().to_lowercase();
            let found: Vec<NodeId> = (0..graph.nodes.len())
                .filter(|id| graph.nodes[*id].name.to_lowercase() == key)
                .collect();
            if found.is_empty() {
                return Err(Error::Conflict(format!(
                    "nothing in {} is named \u{201c}{name}\u{201d}; name a resource or an activity",
                    self.path.display()
                )));
            }
            lost.extend(found);
        }
        Ok(graph.scenario(&lost))
    }

    /// What a resource can do, as the text a person would type to set it again.
    pub fn resource_capability(&self, resource_id: i64) -> Result<ResourceCapabilityInput> {
        capability(&self.conn, resource_id)
    }
}

/// A capability as the texts the audit log compares.
fn capability_fields(c: &ResourceCapabilityInput) -> [String; 7] {
    [
        c.owner.clone(),
        c.description.clone(),
        c.strategy
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        c.rtc.clone(),
        c.rpc.clone(),
        c.evidence
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default(),
        c.demonstrated_on.clone(),
    ]
}
