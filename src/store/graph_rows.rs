//! The rows the dependency graph is built from, loaded in one query per table (the
//! activities come with their BIA), and the store's entry points to the analysis: the
//! graph, its findings and loss scenarios. Building and walking the graph is pure
//! (`analysis`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::EngagementStore;
use crate::analysis::dependencies::{Analysis, Graph, ScenarioOutcome};
use crate::analysis::evidence::{Recorded, standing};
use crate::analysis::graph_build::{GraphParts, NeedRow, NodeRow};
use crate::domain::{BiaResult, Demonstration, Duration, Evidence, NodeRef, ResourceKind};
use crate::{Error, Result};

/// Every resource as a graph node, by id, with its capability as it stands on `today`:
/// what is recorded on it, and the demonstrations exercises made (`shown`, by resource)
/// while they are valid for `validity_months`.
fn resource_rows(
    conn: &Connection,
    shown: &HashMap<i64, Vec<Demonstration>>,
    validity_months: u32,
    today: NaiveDate,
) -> Result<Vec<NodeRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, kind, rtc_minutes, rpc_minutes, evidence, demonstrated_on
         FROM resource ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        let recorded = Recorded {
            rtc: r.get::<_, Option<u32>>(3)?.and_then(Duration::from_minutes),
            rpc: r.get::<_, Option<u32>>(4)?.and_then(Duration::from_minutes),
            evidence: r
                .get::<_, Option<String>>(5)?
                .and_then(|e| Evidence::parse(&e)),
            demonstrated_on: r.get(6)?,
        };
        let shown = shown.get(&id).map_or(&[][..], Vec::as_slice);
        Ok(NodeRow::standing(
            id,
            r.get(1)?,
            ResourceKind::parse(&r.get::<_, String>(2)?),
            standing(&recorded, shown, validity_months, today),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every need: an activity's of a resource or another activity, a resource's of
/// another resource.
fn need_rows(conn: &Connection) -> Result<Vec<NeedRow>> {
    let mut needs = Vec::new();
    for (sql, from, to) in [
        (
            "SELECT activity_id, resource_id, alternative_group FROM activity_resource",
            NodeRef::Activity as fn(i64) -> NodeRef,
            NodeRef::Resource as fn(i64) -> NodeRef,
        ),
        (
            "SELECT activity_id, needs_activity_id, alternative_group FROM activity_dependency",
            NodeRef::Activity as fn(i64) -> NodeRef,
            NodeRef::Activity as fn(i64) -> NodeRef,
        ),
        (
            "SELECT resource_id, needs_resource_id, alternative_group FROM resource_dependency",
            NodeRef::Resource as fn(i64) -> NodeRef,
            NodeRef::Resource as fn(i64) -> NodeRef,
        ),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(NeedRow {
                from: from(r.get(0)?),
                to: to(r.get(1)?),
                group: r.get(2)?,
            })
        })?;
        for row in rows {
            needs.push(row?);
        }
    }
    Ok(needs)
}

impl EngagementStore {
    /// The engagement as a dependency graph: activities (with the RTO, RPO, MTPD and
    /// tier of their BIA) and resources (with the RTC and RPC in force today by the
    /// store's clock: a valid demonstration's, else those recorded), and what each needs.
    pub fn dependency_graph(&self) -> Result<Graph> {
        Ok(self.graph_parts()?.graph)
    }

    /// The graph, the facts of each node, and every edge with its group.
    pub(crate) fn graph_parts(&self) -> Result<GraphParts> {
        Ok(self.graph_parts_and_bia()?.0)
    }

    /// The graph parts, and the prioritised list its activities come from.
    pub(crate) fn graph_parts_and_bia(&self) -> Result<(GraphParts, Vec<BiaResult>)> {
        let bia = self.bia_results()?;
        let mut nodes: Vec<NodeRow> = bia.iter().map(NodeRow::activity).collect();
        let mut shown: HashMap<i64, Vec<Demonstration>> = HashMap::new();
        for d in self.demonstrations()? {
            shown.entry(d.resource_id).or_default().push(d);
        }
        let validity = self.review_settings()?.demonstration_validity_months;
        let today = self.now().date_naive();
        nodes.extend(resource_rows(&self.conn, &shown, validity, today)?);
        let parts = GraphParts::build(nodes, &need_rows(&self.conn)?);
        Ok((parts, bia))
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
            let found = graph.named(name);
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
}
