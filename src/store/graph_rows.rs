//! The rows the dependency graph is built from, loaded in one query per table (the
//! activities come with their BIA), and the store's entry points to the analysis: the
//! graph, its findings and loss scenarios. Building and walking the graph is pure
//! (`analysis`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::EngagementStore;
use super::capabilities::{RECORDED_COLUMNS, recorded};
use crate::analysis::dependencies::{Analysis, Graph, ScenarioOutcome};
use crate::analysis::evidence::standing;
use crate::analysis::graph_build::{GraphParts, NeedRow, NodeRow};
use crate::domain::{BiaResult, Demonstration, NodeRef, ResourceKind};
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
    let mut stmt = conn.prepare(&format!(
        "SELECT id, name, kind, {RECORDED_COLUMNS} FROM resource ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        let recorded = recorded(r, 3)?;
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};

    use chrono::{DateTime, TimeDelta, TimeZone, Utc};

    use super::*;
    use crate::analysis::dependencies::GapKind;
    use crate::domain::{
        ActivityInput, Duration, EngagementDetailsInput, Evidence, InterviewDuration,
        InterviewEdit, NewPlanInput, PlanTemplate, ResourceCapabilityInput,
    };

    /// 2026-12-01 09:00 UTC, moved on by the days the test adds to `days`.
    fn clock(days: &Arc<AtomicI64>) -> super::super::Clock {
        let days = days.clone();
        Arc::new(move || {
            Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
                + TimeDelta::days(days.load(Ordering::SeqCst))
        })
    }

    /// Dispatch (RTO 4h) needs the WMS, committed to recover in 3h; a parallel test
    /// (event 1) showed it recovering in `shown` on 2026-11-20.
    fn engagement(
        dir: &tempfile::TempDir,
        days: &Arc<AtomicI64>,
        shown: &str,
    ) -> (EngagementStore, i64) {
        let details = EngagementDetailsInput {
            organisation: "Acme".into(),
            ..Default::default()
        };
        let mut store = EngagementStore::create_with_clock(
            &dir.path().join("acme.keel"),
            &details,
            "Ana",
            clock(days),
        )
        .unwrap();
        let dispatch = store
            .add_activity(&ActivityInput {
                name: "Dispatch".into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        store
            .edit_interview_all(
                dispatch,
                &[
                    InterviewEdit::Duration {
                        field: InterviewDuration::Rto,
                        value: "4h".into(),
                    },
                    InterviewEdit::AddResource {
                        resource_id: None,
                        name: "WMS".into(),
                        resource_kind: ResourceKind::Application,
                    },
                ],
            )
            .unwrap();
        let wms = store.resources().unwrap()[0].id;
        store
            .set_resource_capability(
                wms,
                &ResourceCapabilityInput {
                    rtc: "3h".into(),
                    rpc: "1h".into(),
                    evidence: Some(Evidence::Committed),
                    ..Default::default()
                },
            )
            .unwrap();
        store
            .conn
            .execute(
                "INSERT INTO event (kind, title, disrupted_at, opened_at, state)
                 VALUES ('parallel_test', 'WMS failover', '2026-11-20T13:00:00Z', '2026-11-20T13:00:00Z', 'open')",
                [],
            )
            .unwrap();
        let event = store.conn.last_insert_rowid();
        let at: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 11, 20, 14, 30, 0).unwrap();
        store
            .replace_demonstrations(
                event,
                &[Demonstration {
                    resource_id: wms,
                    event_id: event,
                    seq: 4,
                    demonstrated_at: at,
                    rtc_min: Duration::parse(shown).unwrap(),
                    rpc_min: Duration::from_minutes(30),
                }],
            )
            .unwrap();
        (store, event)
    }

    fn kinds(analysis: &Analysis) -> Vec<GapKind> {
        analysis.gaps.iter().map(|g| g.kind).collect()
    }

    #[test]
    fn a_valid_demonstration_is_the_capability_the_analysis_and_the_plan_use() {
        let dir = tempfile::tempdir().unwrap();
        let days = Arc::new(AtomicI64::new(0));
        let (mut store, event) = engagement(&dir, &days, "2h");
        let a = store.analyze_dependencies().unwrap();
        assert!(a.gaps.is_empty(), "{:?}", a.gaps);
        assert_eq!(a.predicted[0].predicted_min, Duration::from_minutes(120));
        let wms = &a.capabilities[0];
        assert_eq!(wms.resource, "WMS");
        assert_eq!(wms.evidence, Some(Evidence::Demonstrated));
        assert_eq!(
            (wms.rtc_min, wms.rpc_min),
            (Duration::from_minutes(120), Duration::from_minutes(30))
        );
        let shown = wms.demonstrated.unwrap();
        assert_eq!(shown.exercise_id, Some(event));
        assert_eq!(shown.on.to_string(), "2026-11-20");
        assert_eq!(shown.expires_on.to_string(), "2027-11-20");
        // The JSON a script reads.
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["capabilities"][0]["evidence"], "demonstrated");
        assert_eq!(json["capabilities"][0]["rtc_min"], 120);
        assert_eq!(
            json["capabilities"][0]["demonstrated"]["exercise_id"],
            event
        );

        let plan = store
            .create_plan(&NewPlanInput {
                title: "Dispatch".into(),
                template: PlanTemplate::Iso22301,
                owner: String::new(),
                review_months: None,
            })
            .unwrap();
        let content = store.plan_view(plan.id).unwrap().content;
        let row = content.resources.iter().find(|r| r.name == "WMS").unwrap();
        assert_eq!(
            (row.evidence.as_str(), row.rtc_min),
            ("demonstrated", Duration::from_minutes(120))
        );
        let steps = store.propose_plan_steps(plan.id).unwrap();
        assert_eq!(steps[0].duration, "2h");
        // The Resources page's read says the same.
        let id = store.resources().unwrap()[0].id;
        let read = store.capability_standing(id).unwrap();
        assert_eq!(read.demonstrated, Some(shown));
        assert_eq!(read.rtc, Duration::from_minutes(120));
    }

    #[test]
    fn past_the_validity_the_demonstration_expires_into_a_finding_and_the_commitment_counts_again()
    {
        let dir = tempfile::tempdir().unwrap();
        let days = Arc::new(AtomicI64::new(0));
        let (store, _) = engagement(&dir, &days, "6h");
        // Shown slower than both the commitment and Dispatch's RTO.
        let a = store.analyze_dependencies().unwrap();
        assert_eq!(kinds(&a), [GapKind::Rto, GapKind::DemonstratedSlower]);
        assert_eq!(a.gaps[1].path, ["Dispatch", "WMS"]);
        assert_eq!(
            a.gaps[1].explanation,
            "was shown to recover in 6h on 2026-11-20, slower than its commitment of 3h"
        );

        // The day before the year is out it still counts; on the day, it has expired.
        days.store(353, Ordering::SeqCst);
        assert_eq!(store.now().date_naive().to_string(), "2027-11-19");
        assert!(
            store.analyze_dependencies().unwrap().capabilities[0]
                .demonstrated
                .is_some()
        );
        days.store(354, Ordering::SeqCst);
        let a = store.analyze_dependencies().unwrap();
        assert_eq!(kinds(&a), [GapKind::DemonstrationExpired]);
        let gap = &a.gaps[0];
        assert_eq!(gap.path, ["Dispatch", "WMS"]);
        assert_eq!(
            (gap.required_min, gap.capability_min),
            (Duration::from_minutes(240), Duration::from_minutes(180))
        );
        assert_eq!(
            gap.explanation,
            "was shown to recover in 6h on 2026-11-20, but that demonstration expired on \
             2027-11-20; it counts as a commitment of 3h until it is shown again"
        );
        let wms = &a.capabilities[0];
        assert_eq!(
            (wms.evidence, wms.rtc_min),
            (Some(Evidence::Committed), Duration::from_minutes(180))
        );
        assert_eq!(
            wms.expired.map(|e| e.expires_on.to_string()),
            Some("2027-11-20".into())
        );
        assert_eq!(a.predicted[0].predicted_min, Duration::from_minutes(180));

        // A longer validity set for the engagement keeps it in force.
        store
            .conn
            .execute(
                "UPDATE review_settings SET demonstration_validity_months = 24",
                [],
            )
            .unwrap();
        let a = store.analyze_dependencies().unwrap();
        assert_eq!(a.capabilities[0].evidence, Some(Evidence::Demonstrated));
        assert_eq!(
            a.capabilities[0]
                .demonstrated
                .map(|d| d.expires_on.to_string()),
            Some("2028-11-20".into())
        );
    }
}
