//! What a plan shows, built live from the engagement: the activities in scope and what
//! they need, the diagram, findings, recovery sequence and steps, teams, contacts, call
//! tree and approvers, with the written sections. Frozen versions keep this as it was.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use super::EngagementStore;
use super::dependency_graph::GraphParts;
use super::plans::PlanRow;
use crate::Result;
use crate::analysis::dependencies::NodeId;
use crate::analysis::layout;
use crate::domain::{Duration, InterviewStatus, NodeRef, NodeStatus, PlanScope, ResourceKind};
use crate::plan::snapshot::{
    ActivityRow, CallRow, ContactRow, Diagram, DiagramEdge, DiagramNode, MemberRow, PlanSnapshot,
    ResourceRow, SectionText, SequenceRow, StepRow, TeamRow,
};

/// The activities a plan covers, and every node they need through any chain.
struct Scope {
    activities: Vec<bool>,
    reach: Vec<bool>,
    words: String,
}

fn scope_of(parts: &GraphParts, scope: PlanScope, chosen: &[NodeRef]) -> Scope {
    let n = parts.graph.nodes.len();
    let index = parts.index();
    let is_activity = |id: NodeId| parts.facts[id].resource_kind.is_none();
    let needs = parts.needs();
    let mut needed_by: Vec<Vec<NodeId>> = vec![Vec::new(); n];
    for (from, to, _) in &parts.edges {
        needed_by[*to].push(*from);
    }
    let mut activities = vec![false; n];
    let chosen_ids: Vec<NodeId> = chosen
        .iter()
        .filter_map(|c| index.get(c).copied())
        .collect();
    match scope {
        PlanScope::Organisation => (0..n)
            .filter(|i| is_activity(*i))
            .for_each(|i| activities[i] = true),
        PlanScope::Items | PlanScope::Site => {
            // Chosen activities, and the activities that need a chosen resource.
            let mut seen = vec![false; n];
            let mut queue: VecDeque<NodeId> = chosen_ids.iter().copied().collect();
            while let Some(id) = queue.pop_front() {
                if std::mem::replace(&mut seen[id], true) {
                    continue;
                }
                if is_activity(id) {
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
                chosen_ids.iter().partition(|i| is_activity(**i));
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

fn minutes(d: Option<Duration>) -> Option<u32> {
    d.map(Duration::minutes)
}

impl EngagementStore {
    /// The working version's content, live from the engagement.
    pub(crate) fn plan_content(&self, plan: &PlanRow) -> Result<PlanSnapshot> {
        let parts = self.graph_parts()?;
        let analysis = parts.graph.analyze();
        let (status, _) = super::dependency_map::statuses_and_findings(&parts, &analysis);
        let scope = scope_of(&parts, plan.scope, &self.plan_scope_items(plan.id)?);
        let graph = &parts.graph;
        let name = |id: NodeId| graph.nodes[id].name.clone();
        let scope_names: HashSet<String> = (0..graph.nodes.len())
            .filter(|i| scope.activities[*i])
            .map(name)
            .collect();

        let activities = parts
            .bia
            .iter()
            .filter(|r| scope_names.contains(&r.activity))
            .map(|r| ActivityRow {
                name: r.activity.clone(),
                unit: r.unit.clone(),
                mtpd_min: minutes(r.mtpd),
                rto_min: minutes(r.rto),
                rpo_min: minutes(r.rpo),
                mbco: match r.mbco_percent {
                    Some(p) => format!("{p}%"),
                    None => r.mbco_statement.clone(),
                },
                tier: r.tier,
                validated: r.status == Some(InterviewStatus::Validated),
            })
            .collect();

        // Resources in scope, by column then name.
        let mut resource_ids: Vec<NodeId> = (0..graph.nodes.len())
            .filter(|i| scope.reach[*i] && parts.facts[*i].resource_kind.is_some())
            .collect();
        resource_ids.sort_by_key(|i| {
            (
                layout::column(parts.facts[*i].resource_kind),
                name(*i).to_lowercase(),
            )
        });
        let mut resources = Vec::new();
        for &id in &resource_ids {
            let NodeRef::Resource(resource_id) = parts.facts[id].node else {
                continue;
            };
            let c = self.resource_capability(resource_id)?;
            let needed_by: BTreeSet<String> = parts
                .edges
                .iter()
                .filter(|(from, to, _)| *to == id && scope.reach[*from])
                .map(|(from, _, _)| name(*from))
                .collect();
            resources.push(ResourceRow {
                name: name(id),
                kind: parts.facts[id]
                    .resource_kind
                    .unwrap_or(ResourceKind::Equipment),
                owner: c.owner,
                strategy: c.strategy.map(|s| s.label().to_owned()).unwrap_or_default(),
                rtc_min: Duration::parse(&c.rtc).ok().map(Duration::minutes),
                rpc_min: Duration::parse(&c.rpc).ok().map(Duration::minutes),
                evidence: c
                    .evidence
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
                needed_by: needed_by.into_iter().collect(),
            });
        }

        let diagram = scope_diagram(&parts, &scope, &status);
        let gaps = analysis
            .gaps
            .iter()
            .filter(|g| g.path.first().is_some_and(|n| scope_names.contains(n)))
            .cloned()
            .collect();
        let spofs = analysis
            .spofs
            .iter()
            .filter_map(|s| {
                let breaks: Vec<String> = s
                    .breaks
                    .iter()
                    .filter(|b| scope_names.contains(*b))
                    .cloned()
                    .collect();
                (!breaks.is_empty()).then(|| crate::analysis::dependencies::Spof {
                    resource: s.resource.clone(),
                    breaks,
                })
            })
            .collect();

        let finishes = graph.recovery_finishes();
        let critical: HashSet<&str> = analysis
            .predicted
            .iter()
            .filter(|p| scope_names.contains(&p.activity))
            .flat_map(|p| p.critical_path.iter().map(String::as_str))
            .collect();
        let mut sequence: Vec<SequenceRow> = resource_ids
            .iter()
            .map(|&id| {
                let rtc = match graph.nodes[id].kind {
                    crate::analysis::dependencies::NodeKind::Resource { rtc, .. } => minutes(rtc),
                    _ => None,
                };
                let finish = finishes[id];
                SequenceRow {
                    name: name(id),
                    kind: parts.facts[id]
                        .resource_kind
                        .unwrap_or(ResourceKind::Equipment),
                    start_min: finish.zip(rtc).map(|(f, r)| f.saturating_sub(r)),
                    finish_min: finish,
                    critical: critical.contains(name(id).as_str()),
                }
            })
            .collect();
        sequence.sort_by_key(|r| {
            (
                r.start_min.unwrap_or(u32::MAX),
                r.finish_min.unwrap_or(u32::MAX),
                r.name.to_lowercase(),
            )
        });

        let people = self.people()?;
        let person_name = |id: i64| {
            people
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        let calls = self.plan_calls(plan.id)?;
        let teams = self.teams()?;
        let mut listed: BTreeSet<i64> = BTreeSet::new();
        for c in &calls {
            listed.extend(
                [c.caller_id, Some(c.callee_id), c.fallback_id]
                    .into_iter()
                    .flatten(),
            );
        }
        for t in &teams {
            listed.extend(t.members.iter().map(|m| m.person_id));
        }
        let mut contacts: Vec<ContactRow> = people
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

        Ok(PlanSnapshot {
            plan_id: plan.id,
            version: plan.version,
            organisation: self.details()?.organisation,
            title: plan.title.clone(),
            template: plan.template,
            owner: plan.owner.clone(),
            scope: scope.words,
            review_months: plan.review_months,
            sections: plan
                .template
                .sections()
                .iter()
                .map(|s| {
                    Ok(SectionText {
                        key: s.key.into(),
                        title: s.title.into(),
                        body: if s.written {
                            self.plan_section_body(plan.id, s.key)?
                        } else {
                            String::new()
                        },
                    })
                })
                .collect::<Result<_>>()?,
            activities,
            resources,
            diagram,
            gaps,
            spofs,
            sequence,
            steps: self.step_rows(plan.id, &parts)?,
            teams: teams
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
            call_tree: calls
                .iter()
                .map(|c| CallRow {
                    caller: c.caller_id.map(person_name),
                    callee: person_name(c.callee_id),
                    fallback: c.fallback_id.map(person_name),
                })
                .collect(),
            approvers: self.plan_approvers(plan.id)?,
        })
    }
}

/// The map of the nodes in scope, laid out on their own, each with its status.
fn scope_diagram(parts: &GraphParts, scope: &Scope, status: &[NodeStatus]) -> Diagram {
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

impl EngagementStore {
    /// The plan's steps, each flagged when it comes before a step restoring something
    /// its own resource needs.
    fn step_rows(&self, plan_id: i64, parts: &GraphParts) -> Result<Vec<StepRow>> {
        let steps = self.plan_steps(plan_id)?;
        let index = parts.index();
        let node_of = |s: &crate::domain::StepInput| {
            s.resource_id
                .and_then(|r| index.get(&NodeRef::Resource(r)).copied())
        };
        let needs = parts.needs();
        let needed = |start: NodeId| {
            let mut seen = vec![false; needs.len()];
            let mut stack = needs[start].clone();
            while let Some(id) = stack.pop() {
                if !std::mem::replace(&mut seen[id], true) {
                    stack.extend(needs[id].iter().copied());
                }
            }
            seen
        };
        let mut rows = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let warning = node_of(step).and_then(|r| {
                let below = needed(r);
                steps.iter().enumerate().skip(i + 1).find_map(|(j, later)| {
                    let s = node_of(later)?;
                    below[s].then(|| {
                        format!(
                            "Comes before step {} (\u{201c}{}\u{201d}), which restores {} that this one needs.",
                            j + 1,
                            later.title,
                            parts.graph.nodes[s].name
                        )
                    })
                })
            });
            rows.push(StepRow {
                title: step.title.clone(),
                owner_role: step.owner_role.clone(),
                duration_min: Duration::parse(&step.duration).ok().map(Duration::minutes),
                resource: node_of(step).map(|r| parts.graph.nodes[r].name.clone()),
                preconditions: step.preconditions.clone(),
                warning,
            });
        }
        Ok(rows)
    }

    /// Recovery steps proposed from the dependency graph: one per resource in scope, in
    /// the order they can be recovered, owned by the resource's owner, as long as its RTC.
    pub fn propose_plan_steps(&self, plan_id: i64) -> Result<Vec<crate::domain::StepInput>> {
        let plan = self.plan_row(plan_id)?;
        let content = self.plan_content(&plan)?;
        let resources = self.resources()?;
        Ok(content
            .sequence
            .iter()
            .map(|row| {
                let resource = resources
                    .iter()
                    .find(|r| r.name == row.name && r.kind == row.kind);
                let owner = content
                    .resources
                    .iter()
                    .find(|r| r.name == row.name)
                    .map(|r| r.owner.clone());
                crate::domain::StepInput {
                    title: format!("Recover {}", row.name),
                    owner_role: owner.unwrap_or_default(),
                    duration: content
                        .resources
                        .iter()
                        .find(|r| r.name == row.name)
                        .and_then(|r| r.rtc_min)
                        .and_then(Duration::from_minutes)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    resource_id: resource.map(|r| r.id),
                    preconditions: String::new(),
                }
            })
            .collect())
    }
}
