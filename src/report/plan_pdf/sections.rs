//! The body of a plan's document: every section of its template in order, what the
//! author wrote and what Keel generates from the engagement (tables, the diagram,
//! findings, the call tree), and the plan's invocation criteria and who may invoke it
//! after what the author wrote on activation.

use crate::domain::{Generated, NodeStatus};
use crate::plan::{PlanDocument, PlanSnapshot};
use crate::report::flow::{Block, Diagram};
use crate::report::fonts::Style;
use crate::report::markdown;
use crate::report::paragraph::Span;
use crate::report::parts::{bullet, heading, table, time};

/// The section, in both templates, that says when and by whom the plan is invoked.
const ACTIVATION: &str = "activation";

/// Every section of the template, numbered, written and generated.
pub(super) fn sections(doc: &PlanDocument, out: &mut Vec<Block>) {
    let c = &doc.content;
    for (i, def) in c.template.sections().iter().enumerate() {
        out.push(heading(1, format!("{}. {}", i + 1, def.title), true));
        if def.written {
            let body = c.section(def.key).map(|s| s.body.as_str()).unwrap_or("");
            if body.trim().is_empty() {
                out.push(Block::para(vec![Span::styled(
                    "Not written yet.",
                    Style::Italic,
                )]));
            } else {
                out.extend(markdown::blocks(body));
            }
        }
        if def.key == ACTIVATION {
            invocation(c, out);
        }
        for kind in def.generated {
            generated(doc, *kind, out);
        }
    }
}

/// The invocation criteria and who may invoke, each only when the plan lists some: a
/// version frozen before plans had them keeps its pages (and its PDF's bytes).
fn invocation(c: &PlanSnapshot, out: &mut Vec<Block>) {
    if !c.invocation_criteria.is_empty() {
        out.push(heading(3, "Invocation criteria", true));
        out.push(Block::text(
            "Whoever invokes the plan records which of these are met.",
        ));
        out.push(table(
            &[0.5, 5.0, 1.8],
            &["#", "Criterion", "Expected to last longer than"],
            c.invocation_criteria
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    vec![
                        (i + 1).to_string(),
                        row.text.clone(),
                        time(row.threshold_min),
                    ]
                })
                .collect(),
        ));
    }
    if !c.invokers.is_empty() {
        out.push(heading(3, "Who may invoke", true));
        out.push(table(
            &[2.4, 2.4, 2.4],
            &["Name", "Role", "Alternate"],
            c.invokers
                .iter()
                .map(|row| {
                    vec![
                        row.name
                            .clone()
                            .unwrap_or_else(|| "Anyone in this role".into()),
                        row.role.clone(),
                        row.alternate.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ));
        out.push(Block::text(
            "Anyone else may invoke the plan only with a reason, which is recorded; the invocation is then shown as made without authority.",
        ));
    }
}

fn generated(doc: &PlanDocument, kind: Generated, out: &mut Vec<Block>) {
    let c = &doc.content;
    match kind {
        Generated::Activities => {
            out.push(heading(3, "Activities in scope", true));
            out.push(table(
                &[3.2, 2.0, 0.9, 0.9, 0.9, 1.6, 0.7],
                &[
                    "Activity",
                    "Unit",
                    "MTPD",
                    "RTO",
                    "RPO",
                    "Minimum service",
                    "Tier",
                ],
                c.activities
                    .iter()
                    .map(|a| {
                        vec![
                            a.name.clone(),
                            a.unit.clone().unwrap_or_default(),
                            time(a.mtpd_min),
                            time(a.rto_min),
                            time(a.rpo_min),
                            a.mbco.clone(),
                            a.tier
                                .map(|t| t.to_string())
                                .unwrap_or_else(|| "\u{2014}".into()),
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::BiaSummary => {
            let mut tiers: std::collections::BTreeMap<String, usize> = Default::default();
            for a in &c.activities {
                *tiers
                    .entry(
                        a.tier
                            .map(|t| format!("tier {t}"))
                            .unwrap_or_else(|| "no tier yet".into()),
                    )
                    .or_default() += 1;
            }
            let parts: Vec<String> = tiers.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            out.push(Block::text(format!(
                "{} activities in scope ({}); {} interviews validated.",
                c.activities.len(),
                parts.join(", "),
                c.activities.iter().filter(|a| a.validated).count()
            )));
        }
        Generated::Resources => {
            out.push(heading(3, "Resources needed", true));
            out.push(table(
                &[2.2, 1.7, 0.7, 0.7, 1.5, 1.5, 2.4],
                &[
                    "Resource",
                    "Kind",
                    "RTC",
                    "RPC",
                    "Strategy",
                    "Evidence",
                    "Needed by",
                ],
                c.resources
                    .iter()
                    .map(|r| {
                        vec![
                            r.name.clone(),
                            r.kind.label().to_owned(),
                            time(r.rtc_min),
                            time(r.rpc_min),
                            r.strategy.clone(),
                            r.evidence.clone(),
                            r.needed_by.join(", "),
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::Diagram => {
            let d = &c.diagram;
            out.push(Block::Diagram(Diagram {
                title: "Dependency diagram".into(),
                caption: "Grey boxes have a gap, light dashed ones an unknown capability; dashed lines are alternatives (any one suffices).".into(),
                width: d.width as f32 + 40.0,
                height: d.height as f32,
                node_width: d.node_width as f32,
                node_height: d.node_height as f32,
                nodes: d
                    .nodes
                    .iter()
                    .map(|n| {
                        let kind = n.kind.map(|k| k.label()).unwrap_or("activity");
                        let (fill, note) = match n.status {
                            NodeStatus::Ok => (1.0, ""),
                            NodeStatus::Gap => (0.78, " \u{00b7} gap"),
                            NodeStatus::Unknown => (0.93, " \u{00b7} unknown"),
                        };
                        (
                            n.x as f32 + 40.0,
                            n.y as f32,
                            n.name.clone(),
                            format!("{kind}{note}"),
                            fill,
                            n.status == NodeStatus::Unknown,
                        )
                    })
                    .collect(),
                edges: d
                    .edges
                    .iter()
                    .map(|e| (e.from, e.to, !e.group.is_empty()))
                    .collect(),
            }));
        }
        Generated::Findings => {
            out.push(heading(3, "Open gaps and single points of failure", true));
            if c.gaps.is_empty() && c.spofs.is_empty() {
                out.push(Block::text("None in scope."));
            }
            for g in &c.gaps {
                out.push(bullet(vec![
                    Span::styled(format!("{} ", g.node), Style::Bold),
                    Span::plain(format!(
                        "{} ({}).",
                        g.explanation,
                        g.path.join(" \u{203a} ")
                    )),
                ]));
            }
            for s in &c.spofs {
                out.push(bullet(vec![
                    Span::styled(format!("{} ", s.resource), Style::Bold),
                    Span::plain(format!(
                        "is a single point of failure for {}.",
                        s.breaks.join(", ")
                    )),
                ]));
            }
        }
        Generated::Sequence => {
            out.push(heading(3, "Recovery sequence after a total loss", true));
            out.push(table(
                &[3.0, 1.6, 1.2, 1.2, 1.4],
                &["Resource", "Kind", "Starts at", "Back at", "Critical path"],
                c.sequence
                    .iter()
                    .map(|s| {
                        vec![
                            s.name.clone(),
                            s.kind.label().to_owned(),
                            time(s.start_min),
                            time(s.finish_min),
                            if s.critical {
                                "yes".into()
                            } else {
                                String::new()
                            },
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::Procedures => {
            out.push(heading(3, "Recovery steps", true));
            out.push(table(
                &[0.5, 3.0, 1.6, 0.9, 1.8, 2.2],
                &["#", "Step", "Owner", "Time", "Restores", "Preconditions"],
                c.steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let mut title = s.title.clone();
                        if let Some(w) = &s.warning {
                            title.push_str(&format!(" \u{2014} warning: {w}"));
                        }
                        vec![
                            (i + 1).to_string(),
                            title,
                            s.owner_role.clone(),
                            time(s.duration_min),
                            s.resource.clone().unwrap_or_default(),
                            s.preconditions.clone(),
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::Contacts => {
            out.push(heading(3, "Teams, contacts and call tree", true));
            for t in &c.teams {
                let members: Vec<String> = t
                    .members
                    .iter()
                    .map(|m| {
                        let mut s = m.name.clone();
                        if !m.role.is_empty() {
                            s.push_str(&format!(" ({})", m.role));
                        }
                        if let Some(of) = &m.alternate_of {
                            s.push_str(&format!(", alternate for {of}"));
                        }
                        s
                    })
                    .collect();
                out.push(Block::para(vec![
                    Span::styled(format!("{}: ", t.name), Style::Bold),
                    Span::plain(members.join("; ")),
                ]));
            }
            out.push(table(
                &[0.5, 2.4, 2.4, 2.4],
                &["#", "Caller", "Calls", "If unreachable"],
                c.call_tree
                    .iter()
                    .enumerate()
                    .map(|(i, call)| {
                        vec![
                            (i + 1).to_string(),
                            call.caller
                                .clone()
                                .unwrap_or_else(|| "Whoever invokes the plan".into()),
                            call.callee.clone(),
                            call.fallback.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ));
            out.push(table(
                &[1.8, 1.8, 1.8, 2.4, 1.2],
                &["Name", "Role", "Phone", "E-mail", "Verified"],
                c.contacts
                    .iter()
                    .map(|p| {
                        vec![
                            p.name.clone(),
                            p.role.clone(),
                            [p.phone.as_str(), p.phone_alt.as_str()]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(", "),
                            p.email.clone(),
                            p.last_verified.clone().unwrap_or_else(|| "never".into()),
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::Approvals => {
            out.push(heading(3, "Approvers", true));
            for a in &c.approvers {
                out.push(bullet(vec![Span::plain(format!("{}, {}", a.name, a.role))]));
            }
            out.push(Block::text("Their approvals are on the sign-off page."));
        }
        // Only when there are some: versions frozen before actions keep their pages.
        Generated::OpenActions if !c.open_actions.is_empty() => {
            out.push(heading(3, "Open actions about this plan", true));
            out.push(table(
                &[2.6, 1.4, 0.9, 0.9, 2.0],
                &["Action", "Owner", "Due", "Status", "From"],
                c.open_actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.title.clone(),
                            a.owner.clone(),
                            a.due.clone(),
                            a.status.clone(),
                            a.from.clone(),
                        ]
                    })
                    .collect(),
            ));
        }
        Generated::OpenActions => {}
    }
}
