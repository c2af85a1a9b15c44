//! What a plan shows, built live from the engagement's values: the activities in scope
//! and what they need, the diagram, findings, recovery sequence and steps, teams,
//! contacts, call tree and approvers, with the written sections. The store gathers
//! [`PlanInputs`]; [`plan_content`] assembles the snapshot a version freezes.
//! The recovery steps are in `steps`.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::scope::{Scope, scope_diagram, scope_of};
use super::snapshot::{
    ActivityRow, CallRow, ContactRow, CriterionRow, GapRow, InvokerRow, MemberRow, OpenActionRow,
    PlanSnapshot, ResourceRow, SectionText, SequenceRow, SpofRow, TeamRow,
};
use crate::analysis::dependencies::{NodeId, NodeKind, Prediction};
use crate::analysis::graph_build::GraphParts;
use crate::domain::{
    Action, ActionSource, ApproverRow, BiaResult, CallInput, CriterionInput, Duration,
    InterviewStatus, InvokerInput, NodeRef, Person, PlanScope, PlanTemplate,
    ResourceCapabilityInput, ResourceKind, StepInput, Team,
};
use crate::map::layout;
use crate::map::status::statuses;

/// A plan's own facts, as its row holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHeader {
    pub id: i64,
    pub version: u32,
    pub title: String,
    pub template: PlanTemplate,
    pub owner: String,
    pub scope: PlanScope,
    pub review_months: u32,
}

/// Everything a plan's content is built from.
#[derive(Debug, Clone, Default)]
pub struct PlanInputs {
    pub organisation: String,
    /// The records chosen for an `items` or `site` scope.
    pub scope_items: Vec<NodeRef>,
    pub parts: GraphParts,
    /// Every activity with what its BIA concluded, in the prioritised order.
    pub bia: Vec<BiaResult>,
    /// What each resource can do, by resource id, as typed.
    pub capabilities: HashMap<i64, ResourceCapabilityInput>,
    /// The written sections' Markdown, by section key (absent: not written yet).
    pub section_bodies: HashMap<String, String>,
    pub steps: Vec<StepInput>,
    pub people: Vec<Person>,
    pub teams: Vec<Team>,
    pub calls: Vec<CallInput>,
    pub approvers: Vec<ApproverRow>,
    pub criteria: Vec<CriterionInput>,
    pub invokers: Vec<InvokerInput>,
    /// The actions about the plan (any status; the open ones are listed).
    pub actions: Vec<Action>,
    /// The text of each finding an action comes from, by finding id.
    pub finding_texts: HashMap<i64, String>,
}

/// The resources in scope, by column then name.
pub(super) fn scope_resources(parts: &GraphParts, scope: &Scope) -> Vec<NodeId> {
    let mut ids: Vec<NodeId> = (0..parts.graph.nodes.len())
        .filter(|i| scope.reach[*i] && !parts.is_activity(*i))
        .collect();
    ids.sort_by_key(|i| {
        (
            layout::column(parts.facts[*i].resource_kind),
            parts.graph.nodes[*i].name.to_lowercase(),
        )
    });
    ids
}

/// The resources of `ids` in recovery order after a total loss, `critical` when on the
/// critical path of an activity in scope (`predicted` gives those paths).
pub(super) fn sequence(
    parts: &GraphParts,
    ids: &[NodeId],
    in_scope: &HashSet<NodeRef>,
    predicted: &[Prediction],
) -> Vec<(NodeId, SequenceRow)> {
    let graph = &parts.graph;
    let finishes = graph.recovery_finishes();
    let critical: HashSet<NodeRef> = predicted
        .iter()
        .filter(|p| in_scope.contains(&p.activity_ref))
        .flat_map(|p| p.critical_path_refs.iter().copied())
        .collect();
    let mut rows: Vec<(NodeId, SequenceRow)> = ids
        .iter()
        .map(|&id| {
            let node = &graph.nodes[id];
            let rtc = match node.kind {
                NodeKind::Resource { rtc, .. } => rtc,
                NodeKind::Activity { .. } => None,
            };
            let finish = finishes[id];
            let row = SequenceRow {
                name: node.name.clone(),
                kind: parts.facts[id]
                    .resource_kind
                    .unwrap_or(ResourceKind::Equipment),
                start_min: finish.zip(rtc).map(|(f, r)| f.saturating_sub(r)),
                finish_min: finish,
                critical: critical.contains(&node.node),
            };
            (id, row)
        })
        .collect();
    rows.sort_by_key(|(_, r)| {
        (
            r.start_min.map_or(u32::MAX, Duration::minutes),
            r.finish_min.map_or(u32::MAX, Duration::minutes),
            r.name.to_lowercase(),
        )
    });
    rows
}

/// What resource `id` can do, as typed (blank when nothing is recorded), with the grade
/// and the RTC and RPC in force where the graph was built with the capability's
/// standing: a valid demonstration's values, or those recorded once it has expired.
pub(super) fn capability(
    parts: &GraphParts,
    inputs: &PlanInputs,
    id: NodeId,
) -> ResourceCapabilityInput {
    let node = &parts.graph.nodes[id];
    let typed = match node.node {
        NodeRef::Resource(r) => inputs.capabilities.get(&r).cloned().unwrap_or_default(),
        NodeRef::Activity(_) => ResourceCapabilityInput::default(),
    };
    match &node.kind {
        NodeKind::Resource {
            rtc,
            rpc,
            standing: Some(s),
        } => ResourceCapabilityInput {
            rtc: Duration::text_or(*rtc, ""),
            rpc: Duration::text_or(*rpc, ""),
            evidence: s.evidence,
            demonstrated_on: s.demonstrated.map(|d| d.on.to_string()).unwrap_or_default(),
            ..typed
        },
        _ => typed,
    }
}

/// The working version's content, live from `inputs`.
pub fn plan_content(plan: &PlanHeader, inputs: &PlanInputs) -> PlanSnapshot {
    let parts = &inputs.parts;
    let graph = &parts.graph;
    let analysis = graph.analyze();
    let status = statuses(graph.nodes.len(), &parts.index(), &analysis);
    let scope = scope_of(parts, plan.scope, &inputs.scope_items);
    let in_scope = scope.activity_refs(parts);
    let in_scope_names: HashSet<&str> = (0..graph.nodes.len())
        .filter(|i| scope.activities[*i])
        .map(|i| graph.nodes[i].name.as_str())
        .collect();

    let activities = inputs
        .bia
        .iter()
        .filter(|r| in_scope.contains(&NodeRef::Activity(r.activity_id)))
        .map(|r| ActivityRow {
            name: r.activity.clone(),
            unit: r.unit.clone(),
            mtpd_min: r.mtpd,
            rto_min: r.rto,
            rpo_min: r.rpo,
            mbco: r.minimum_level(),
            tier: r.tier,
            validated: r.status == Some(InterviewStatus::Validated),
        })
        .collect();

    let resource_ids = scope_resources(parts, &scope);
    let resources = resource_ids
        .iter()
        .map(|&id| {
            let c = capability(parts, inputs, id);
            let needed_by: BTreeSet<String> = parts
                .edges
                .iter()
                .filter(|(from, to, _)| *to == id && scope.reach[*from])
                .map(|(from, _, _)| graph.nodes[*from].name.clone())
                .collect();
            ResourceRow {
                name: graph.nodes[id].name.clone(),
                kind: parts.facts[id]
                    .resource_kind
                    .unwrap_or(ResourceKind::Equipment),
                owner: c.owner,
                strategy: c.strategy.map(|s| s.label().to_owned()).unwrap_or_default(),
                rtc_min: Duration::parse(&c.rtc).ok(),
                rpc_min: Duration::parse(&c.rpc).ok(),
                evidence: c
                    .evidence
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
                needed_by: needed_by.into_iter().collect(),
            }
        })
        .collect();

    let diagram = scope_diagram(parts, &scope, &status);
    let gaps = analysis
        .gaps
        .iter()
        .filter(|g| g.path_refs.first().is_some_and(|n| in_scope.contains(n)))
        .map(GapRow::from)
        .collect();
    let spofs = analysis
        .spofs
        .iter()
        .filter_map(|s| {
            // Spofs name what they break (activity names are unique).
            let breaks: Vec<String> = s
                .breaks
                .iter()
                .filter(|b| in_scope_names.contains(b.as_str()))
                .cloned()
                .collect();
            (!breaks.is_empty()).then(|| SpofRow {
                resource: s.resource.clone(),
                breaks,
            })
        })
        .collect();
    let sequence = sequence(parts, &resource_ids, &in_scope, &analysis.predicted)
        .into_iter()
        .map(|(_, row)| row)
        .collect();

    let person_name = |id: i64| {
        inputs
            .people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let mut listed: BTreeSet<i64> = BTreeSet::new();
    for c in &inputs.calls {
        listed.extend(
            [c.caller_id, Some(c.callee_id), c.fallback_id]
                .into_iter()
                .flatten(),
        );
    }
    for t in &inputs.teams {
        listed.extend(t.members.iter().map(|m| m.person_id));
    }
    let mut contacts: Vec<ContactRow> = inputs
        .people
        .iter()
        .filter(|p| listed.contains(&p.id))
        .map(|p| ContactRow {
            name: p.name.clone(),
            role: p.role.clone(),
            phone: p.phone.clone(),
            phone_alt: p.phone_alt.clone(),
            email: p.email.clone(),
            location: p.location.clone(),
            last_verified: p.last_verified.clone(),
        })
        .collect();
    contacts.sort_by_key(|c| c.name.to_lowercase());

    PlanSnapshot {
        plan_id: plan.id,
        version: plan.version,
        organisation: inputs.organisation.clone(),
        title: plan.title.clone(),
        template: plan.template,
        owner: plan.owner.clone(),
        scope: scope.words,
        review_months: plan.review_months,
        sections: plan
            .template
            .sections()
            .iter()
            .map(|s| SectionText {
                key: s.key.into(),
                title: s.title.into(),
                body: if s.written {
                    inputs
                        .section_bodies
                        .get(s.key)
                        .cloned()
                        .unwrap_or_default()
                } else {
                    String::new()
                },
            })
            .collect(),
        activities,
        resources,
        diagram,
        gaps,
        spofs,
        sequence,
        steps: super::steps::step_rows(parts, &inputs.steps),
        teams: inputs
            .teams
            .iter()
            .map(|t| TeamRow {
                name: t.name.clone(),
                description: t.description.clone(),
                members: t
                    .members
                    .iter()
                    .map(|m| MemberRow {
                        name: person_name(m.person_id),
                        role: m.role.clone(),
                        alternate_of: m.alternate_of.map(person_name),
                    })
                    .collect(),
            })
            .collect(),
        contacts,
        call_tree: inputs
            .calls
            .iter()
            .map(|c| CallRow {
                caller: c.caller_id.map(person_name),
                callee: person_name(c.callee_id),
                fallback: c.fallback_id.map(person_name),
            })
            .collect(),
        approvers: inputs.approvers.clone(),
        invocation_criteria: inputs
            .criteria
            .iter()
            .map(|c| CriterionRow {
                text: c.text.clone(),
                threshold_min: Duration::parse(&c.threshold).ok(),
            })
            .collect(),
        invokers: inputs
            .invokers
            .iter()
            .map(|i| InvokerRow {
                name: i.person_id.map(person_name),
                role: i.role.clone(),
                alternate: i.alternate_id.map(person_name),
            })
            .collect(),
        open_actions: open_actions(inputs),
    }
}

/// The actions about the plan still to be done, by due date.
fn open_actions(inputs: &PlanInputs) -> Vec<OpenActionRow> {
    let mut open: Vec<&Action> = inputs
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .collect();
    open.sort_by_key(|a| (a.due, a.id));
    open.into_iter()
        .map(|a| OpenActionRow {
            title: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due.to_string(),
            status: a.status.label().to_owned(),
            from: match (
                a.source,
                a.finding_id.and_then(|f| inputs.finding_texts.get(&f)),
            ) {
                (ActionSource::Finding, Some(text)) => format!("finding: {text}"),
                (source, _) => source.label().to_owned(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::graph_build::fixtures::warehouse;

    #[test]
    fn the_content_keeps_to_the_scope_and_freezes_gaps_by_name() {
        let inputs = PlanInputs {
            parts: warehouse(),
            scope_items: vec![NodeRef::Activity(2)],
            ..PlanInputs::default()
        };
        let plan = PlanHeader {
            id: 1,
            version: 1,
            title: "Payroll".into(),
            template: PlanTemplate::Iso22301,
            owner: String::new(),
            scope: PlanScope::Items,
            review_months: 12,
        };
        let content = plan_content(&plan, &inputs);
        assert_eq!(content.scope, "Activities: Payroll");
        let resources: Vec<&str> = content.resources.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(resources, ["Bureau", "Site"]);
        assert_eq!(content.resources[0].needed_by, ["Payroll"]);
        // Payroll has no BIA rows here, and only Dispatch (out of scope) has an RTO
        // gap through the WMS: nothing to show.
        assert!(content.activities.is_empty());
        assert!(content.gaps.iter().all(|g| g.path[0] == "Payroll"));
        assert_eq!(
            content.spofs.len(),
            2,
            "the bureau and the site stop Payroll"
        );
        assert!(content.spofs.iter().all(|s| s.breaks == ["Payroll"]));
    }

    #[test]
    fn the_resources_section_shows_a_capability_as_it_stands_and_its_evidence_gaps() {
        use chrono::{NaiveDate, TimeZone, Utc};

        use crate::analysis::dependencies::GapKind;
        use crate::analysis::evidence::{Recorded, standing};
        use crate::domain::{Demonstration, Evidence};

        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // The WMS is committed to 1h; exercise 4 showed it in 3h on 2026-11-20.
        let recorded = Recorded {
            evidence: Some(Evidence::Committed),
            rtc: Duration::from_minutes(60),
            rpc: None,
            demonstrated_on: None,
        };
        let shown = [Demonstration {
            resource_id: 1,
            event_id: 4,
            seq: 9,
            demonstrated_at: Utc.with_ymd_and_hms(2026, 11, 20, 15, 0, 0).unwrap(),
            rtc_min: Duration::from_minutes(180).unwrap(),
            rpc_min: None,
        }];
        let content_on = |today| {
            let mut parts = warehouse();
            let s = standing(&recorded, &shown, 12, today);
            parts.graph.nodes[3].kind = NodeKind::Resource {
                rtc: s.rtc,
                rpc: s.rpc,
                standing: Some(Box::new(s)),
            };
            let mut inputs = PlanInputs {
                parts,
                scope_items: vec![NodeRef::Activity(1)],
                ..PlanInputs::default()
            };
            inputs.capabilities.insert(
                1,
                ResourceCapabilityInput {
                    owner: "IT".into(),
                    rtc: "1h".into(),
                    evidence: Some(Evidence::Committed),
                    ..ResourceCapabilityInput::default()
                },
            );
            let plan = PlanHeader {
                id: 1,
                version: 1,
                title: "Dispatch".into(),
                template: PlanTemplate::Iso22301,
                owner: String::new(),
                scope: PlanScope::Items,
                review_months: 12,
            };
            plan_content(&plan, &inputs)
        };
        let wms = |c: &PlanSnapshot| {
            let r = c.resources.iter().find(|r| r.name == "WMS").unwrap();
            (r.evidence.clone(), r.rtc_min, r.owner.clone())
        };
        let kinds = |c: &PlanSnapshot| {
            c.gaps
                .iter()
                .map(|g| (g.kind, g.path.clone()))
                .collect::<Vec<_>>()
        };
        let path = vec!["Dispatch".to_owned(), "WMS".to_owned()];

        let valid = content_on(day(2026, 12, 1));
        assert_eq!(
            wms(&valid),
            (
                "demonstrated".into(),
                Duration::from_minutes(180),
                "IT".into()
            )
        );
        assert!(kinds(&valid).contains(&(GapKind::DemonstratedSlower, path.clone())));

        let expired = content_on(day(2027, 11, 20));
        assert_eq!(
            wms(&expired),
            ("committed".into(), Duration::from_minutes(60), "IT".into())
        );
        assert!(kinds(&expired).contains(&(GapKind::DemonstrationExpired, path)));
        assert!(
            !kinds(&expired)
                .iter()
                .any(|(k, _)| *k == GapKind::DemonstratedSlower)
        );
    }
}
