//! A plan version as a document: title page, document control, contents, every section
//! of its template (written and generated), the sign-off page, and the revision
//! history with what changed since the last approved version.

use std::time::Instant;

use super::display::{DisplayList, DocInfo};
use super::flow::{self, A4, Block, Diagram, Flowed, Frame, Table};
use super::fonts::Style;
use super::paragraph::{Align, Span};
use super::{markdown, pdf};
use crate::Result;
use crate::domain::{Approval, Duration, NodeStatus, PlanState, VersionInfo};
use crate::plan::snapshot::PlanSnapshot;
use crate::plan::{Generated, PlanTemplate};

/// Everything a plan's PDF shows.
#[derive(Debug, Clone)]
pub struct PlanDocument {
    pub content: PlanSnapshot,
    pub version: u32,
    pub state: PlanState,
    /// SHA-256 of the canonical content (of the frozen snapshot, for an approved version).
    pub sha256: String,
    pub approvals: Vec<Approval>,
    pub versions: Vec<VersionInfo>,
    /// Since the last approved version before this one.
    pub changes: Vec<String>,
    pub classification: String,
    /// RFC 3339; printed, and the PDF's creation date.
    pub exported_at: String,
}

impl PlanDocument {
    fn approved(&self) -> bool {
        matches!(self.state, PlanState::Approved | PlanState::Superseded)
    }
}

/// A finished PDF, with what the export noticed and how long it took.
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters no shipped font covers; drawn as a box.
    pub missing: Vec<char>,
    pub layout_seconds: f64,
    pub write_seconds: f64,
}

fn time(minutes: Option<u32>) -> String {
    minutes
        .and_then(Duration::from_minutes)
        .map(|d| d.to_string())
        .unwrap_or_else(|| "\u{2014}".into())
}

/// An RFC 3339 time as people read it: `2026-11-25 17:18 UTC`.
fn when(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// Text for the page: characters the shipped fonts lack, but that Keel itself writes
/// (the arrow of a dependency path), become ones they have.
fn printable(text: &str) -> String {
    text.replace('\u{2192}', "\u{203a}")
}

fn cells(texts: &[&str]) -> Vec<Vec<Span>> {
    texts.iter().map(|t| vec![Span::plain(*t)]).collect()
}

fn table(columns: &[f32], header: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns: columns.to_vec(),
        header: cells(header),
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(|t| vec![Span::plain(t)]).collect())
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    })
}

fn heading(level: u8, text: impl Into<String>, toc: bool) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        toc,
    }
}

fn centred(text: impl Into<String>, size: f32, style: Style, space_after: f32) -> Block {
    Block::Paragraph {
        spans: vec![Span::styled(text, style)],
        size,
        align: Align::Center,
        indent: 0.0,
        marker: None,
        space_after,
    }
}

fn bullet(spans: Vec<Span>) -> Block {
    Block::Paragraph {
        spans,
        size: flow::BODY_SIZE,
        align: Align::Left,
        indent: 16.0,
        marker: Some("\u{2022}".into()),
        space_after: 2.0,
    }
}

fn state_label(state: PlanState) -> &'static str {
    match state {
        PlanState::Draft => "Draft",
        PlanState::InReview => "In review",
        PlanState::Approved => "Approved",
        PlanState::Superseded => "Superseded",
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
    }
}

/// The document as layout blocks, and its page frame.
pub fn blocks(doc: &PlanDocument) -> (Vec<Block>, Frame) {
    let c = &doc.content;
    let short = &doc.sha256[..doc.sha256.len().min(12)];
    let mut out = vec![
        Block::Space(150.0),
        centred(c.organisation.clone(), 14.0, Style::Regular, 14.0),
        centred(c.title.clone(), 24.0, Style::Bold, 10.0),
        centred(c.template.label(), 11.0, Style::Italic, 40.0),
        centred(
            format!(
                "Version {} \u{2014} {}",
                doc.version,
                state_label(doc.state)
            ),
            13.0,
            Style::Bold,
            8.0,
        ),
        centred(
            format!(
                "Exported {}",
                &doc.exported_at[..doc.exported_at.len().min(10)]
            ),
            10.0,
            Style::Regular,
            4.0,
        ),
        centred(
            format!(
                "Owner: {}",
                if c.owner.is_empty() {
                    "\u{2014}"
                } else {
                    &c.owner
                }
            ),
            10.0,
            Style::Regular,
            4.0,
        ),
        centred(
            format!("Classification: {}", doc.classification),
            10.0,
            Style::Regular,
            4.0,
        ),
        Block::PageBreak,
        heading(1, "Document control", true),
    ];
    let approved_at = doc
        .approvals
        .iter()
        .map(|a| a.approved_at.as_str())
        .max()
        .unwrap_or("");
    out.push(Block::Table(Table {
        columns: vec![1.4, 4.0],
        header: Vec::new(),
        rows: [
            ("Organisation", c.organisation.clone()),
            ("Plan", c.title.clone()),
            ("Version", doc.version.to_string()),
            ("Approval state", state_label(doc.state).to_owned()),
            (
                "Approved",
                if doc.approved() {
                    when(approved_at)
                } else {
                    "not yet".into()
                },
            ),
            (
                "Approvers",
                c.approvers
                    .iter()
                    .map(|a| format!("{} ({})", a.name, a.role))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            ("Scope", c.scope.clone()),
            ("Review cycle", format!("every {} months", c.review_months)),
            ("Classification", doc.classification.clone()),
            ("Content SHA-256", doc.sha256.clone()),
        ]
        .into_iter()
        .map(|(k, v)| vec![vec![Span::styled(k, Style::Bold)], vec![Span::plain(v)]])
        .collect(),
        size: 9.0,
        min_row_height: 0.0,
    }));
    out.push(Block::text(
        "The content SHA-256 identifies exactly what was approved: keel verify checks a PDF against the engagement it came from.",
    ));
    out.extend([
        Block::Space(12.0),
        heading(1, "Contents", false),
        Block::Contents,
        Block::PageBreak,
    ]);

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
        for kind in def.generated {
            generated(doc, *kind, &mut out);
        }
    }

    out.push(Block::PageBreak);
    out.push(heading(1, "Sign-off", true));
    out.push(Block::text(if doc.approved() {
        format!(
            "Version {} was approved by everyone below and frozen; its content SHA-256 is {}.",
            doc.version, doc.sha256
        )
    } else {
        format!(
            "Version {} is not approved. Each approver below signs here, or approves in Keel, which freezes this exact content.",
            doc.version
        )
    }));
    out.push(Block::Table(Table {
        columns: vec![2.0, 2.0, 1.8, 2.0, 2.4],
        header: cells(&["Name", "Role", "Approved", "Comment", "Signature"]),
        rows: c
            .approvers
            .iter()
            .map(|a| {
                let given = doc
                    .approvals
                    .iter()
                    .find(|x| x.name.eq_ignore_ascii_case(&a.name));
                vec![
                    vec![Span::plain(a.name.clone())],
                    vec![Span::plain(
                        given
                            .map(|g| g.role.clone())
                            .unwrap_or_else(|| a.role.clone()),
                    )],
                    vec![Span::plain(
                        given.map(|g| when(&g.approved_at)).unwrap_or_default(),
                    )],
                    vec![Span::plain(
                        given.map(|g| g.comment.clone()).unwrap_or_default(),
                    )],
                    Vec::new(),
                ]
            })
            .collect(),
        size: 9.0,
        min_row_height: 46.0,
    }));

    out.push(heading(1, "Revision history", true));
    out.push(table(
        &[0.8, 1.2, 2.2, 4.0],
        &["Version", "State", "Approved", "SHA-256"],
        doc.versions
            .iter()
            .map(|v| {
                vec![
                    v.version.to_string(),
                    state_label(v.state).to_owned(),
                    v.approved_at.as_deref().map(when).unwrap_or_default(),
                    v.sha256.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    ));
    out.push(heading(2, "Changes since the last approved version", true));
    if doc.changes.is_empty() {
        out.push(Block::text(
            "None: there is no earlier approved version, or nothing changed.",
        ));
    }
    for change in &doc.changes {
        out.push(bullet(vec![Span::plain(printable(change))]));
    }

    let frame = Frame {
        header_left: c.organisation.clone(),
        header_right: c.title.clone(),
        footer: format!(
            "Version {} \u{00b7} Page {{page}} of {{pages}} \u{00b7} SHA-256 {short}",
            doc.version
        ),
        draft_mark: (!doc.approved()).then(|| "DRAFT \u{2014} NOT APPROVED".to_owned()),
        skip_first: false,
    };
    (out, frame)
}

/// Lays out and writes the plan's PDF.
pub fn export(doc: &PlanDocument) -> Result<Exported> {
    let started = Instant::now();
    let (blocks, frame) = blocks(doc);
    let flowed = flow::flow(&blocks, &frame);
    if flowed.overflowed {
        return Err(flow::too_long("The plan"));
    }
    let c = &doc.content;
    let info = DocInfo {
        title: c.title.clone(),
        author: if c.owner.is_empty() {
            c.organisation.clone()
        } else {
            c.owner.clone()
        },
        subject: format!(
            "{} \u{2014} version {}, {}",
            c.template.label(),
            doc.version,
            state_label(doc.state).to_lowercase()
        ),
        keywords: vec![
            "continuity plan".into(),
            c.organisation.clone(),
            match c.template {
                PlanTemplate::Iso22301 => "ISO 22301".into(),
                PlanTemplate::Nist80034 => "NIST SP 800-34".into(),
            },
        ],
        created: doc.exported_at.clone(),
        custom: vec![
            ("KeelPlanId".into(), c.plan_id.to_string()),
            ("KeelPlanVersion".into(), doc.version.to_string()),
            ("KeelContentSHA256".into(), doc.sha256.clone()),
            ("KeelPlanState".into(), doc.state.as_str().into()),
        ],
    };
    write_pages(flowed, info, started)
}

/// Writes laid-out A4 pages with their document information as a PDF, timing the
/// layout (since `started`) and the writing.
pub(crate) fn write_pages(flowed: Flowed, info: DocInfo, started: Instant) -> Result<Exported> {
    let list = DisplayList {
        page_width: A4.0,
        page_height: A4.1,
        pages: flowed.pages,
        outline: flowed.outline,
        info,
        missing: flowed.missing,
    };
    let laid_out = Instant::now();
    let bytes = pdf::write(&list)?;
    Ok(Exported {
        pages: list.pages.len(),
        missing: list.missing,
        bytes,
        layout_seconds: (laid_out - started).as_secs_f64(),
        write_seconds: laid_out.elapsed().as_secs_f64(),
    })
}
