//! The front of an after-action report: the title page, the summary of key facts with
//! the contents, the response in order (what happened, who invoked what, the stand-down,
//! the closing summary and the points for the review), and the plan version invoked with its SHA-256, its authority
//! and the criteria met.

use super::model::IncidentReport;
use super::state_label;
use crate::domain::Authority;
use crate::event::assessment::{minutes_between, span};
use crate::report::flow::Block;
use crate::report::fonts::Style;
use crate::report::paragraph::Span;
use crate::report::parts::{
    bullet, centred, entries, heading, key_values, short, table, title_page_end, title_page_start,
    when,
};
use crate::report::response::tables;

/// The title page, up to its page break.
pub(super) fn title_page(r: &IncidentReport) -> Vec<Block> {
    let mut out = title_page_start(
        &r.organisation,
        &r.title,
        "After-action report",
        format!(
            "Incident {} \u{2014} {}",
            r.incident_id,
            state_label(r.state)
        ),
    )
    .to_vec();
    out.push(centred(
        format!("Disruption began {}", when(&r.response.disrupted_at)),
        10.0,
        Style::Regular,
        4.0,
    ));
    out.push(centred(
        match r.stood_down_at {
            Some(t) => format!("Stood down {}", when(&t)),
            None => format!("Not stood down; figures as at {}", when(&r.response.as_of)),
        },
        10.0,
        Style::Regular,
        4.0,
    ));
    out.extend(title_page_end(&r.exported_at, &r.classification));
    out
}

/// After the disruption began, in words: "30m after the disruption began".
fn after_start(r: &IncidentReport, t: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "{} after the disruption began",
        span(minutes_between(r.response.disrupted_at, t))
    )
}

/// The summary of key facts, and the contents.
pub(super) fn summary(r: &IncidentReport, out: &mut Vec<Block>) {
    out.push(heading(1, "Summary", true));
    let mut rows = vec![
        ("Organisation", r.organisation.clone()),
        (
            "Incident",
            format!("{} \u{2014} {}", r.incident_id, r.title),
        ),
        ("State", state_label(r.state).to_owned()),
        ("Disruption began", when(&r.response.disrupted_at)),
        (
            "Opened",
            format!(
                "{} by {}{}",
                when(&r.opened_at),
                r.opened_by,
                if r.reported_by.is_empty() {
                    String::new()
                } else {
                    format!("; reported by {}", r.reported_by)
                }
            ),
        ),
    ];
    if !r.affects.is_empty() {
        rows.push(("Lost", r.affects.join(", ")));
    }
    for p in &r.response.plans {
        rows.push((
            "Plan invoked",
            format!(
                "\u{201c}{}\u{201d} version {}, {} by {}",
                p.title,
                p.version,
                when(&p.invoked_at),
                p.invoker
            ),
        ));
    }
    rows.push((
        "Stood down",
        match (&r.stood_down_at, &r.stood_down_by) {
            (Some(t), Some(by)) => format!("{} by {by}", when(t)),
            (Some(t), None) => when(t),
            _ => format!("not yet; figures as at {}", when(&r.response.as_of)),
        },
    ));
    rows.push(("Outcome", tables::outcome(&r.response)));
    rows.push((
        "Decision log",
        format!(
            "{}; chain {}",
            entries(r.response.chain.entries),
            match (r.response.chain.ok, r.response.verification.ok) {
                (true, true) => "verified",
                (true, false) => "verified, but other checks failed (section 7)",
                (false, _) => "DOES NOT VERIFY",
            }
        ),
    ));
    rows.push(("Classification", r.classification.clone()));
    out.push(key_values(rows));
    out.push(Block::text("All times are UTC."));
    out.extend([
        Block::Space(12.0),
        heading(1, "Contents", false),
        Block::Contents,
        Block::PageBreak,
    ]);
}

/// What happened, the response in order, and the closing summary.
pub(super) fn response(r: &IncidentReport, out: &mut Vec<Block>) {
    out.push(heading(1, "1. The response", true));
    if !r.description.trim().is_empty() {
        out.push(heading(2, "What happened", false));
        out.extend(paragraphs(&r.description));
    }
    out.push(heading(2, "In order", false));
    out.extend(story(r).into_iter().map(Block::text));
    if let Some(summary) = &r.summary {
        out.push(heading(2, "Closing summary", false));
        out.extend(paragraphs(summary));
    }
    if !r.review.is_empty() {
        out.push(heading(2, "Points for the review", false));
        for point in &r.review {
            out.push(bullet(vec![Span::plain(point.clone())]));
        }
    }
}

/// Text as typed, a paragraph per line.
fn paragraphs(text: &str) -> Vec<Block> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Block::text(l.trim()))
        .collect()
}

/// What happened, in order: opened, invoked, stood down.
fn story(r: &IncidentReport) -> Vec<String> {
    let mut lines = vec![format!(
        "The disruption began at {}. {} opened the incident at {}, {}.",
        when(&r.response.disrupted_at),
        r.opened_by,
        short(&r.opened_at),
        after_start(r, r.opened_at)
    )];
    if r.response.plans.is_empty() {
        lines.push("No plan was invoked.".into());
    }
    for p in &r.response.plans {
        lines.push(format!(
            "{} invoked \u{201c}{}\u{201d} version {} at {}, {}; {}.",
            p.invoker,
            p.title,
            p.version,
            short(&p.invoked_at),
            after_start(r, p.invoked_at),
            authority_words(&p.authority)
        ));
    }
    if let (Some(t), Some(by)) = (&r.stood_down_at, &r.stood_down_by) {
        lines.push(format!(
            "{by} stood the response down at {}, {}.",
            short(t),
            after_start(r, *t)
        ));
    }
    lines
}

fn authority_words(a: &Authority) -> String {
    match a {
        Authority::Named => "the plan names them as someone who may invoke it".into(),
        Authority::AlternateOf { name } => format!("the plan names them as alternate of {name}"),
        Authority::Role { role } => format!("the plan lets anyone who is {role} invoke it"),
        Authority::WithoutAuthority { reason } => {
            format!(
                "the plan does not name them: invoked WITHOUT AUTHORITY, for this reason: {reason}"
            )
        }
        Authority::NotStated => "the plan version names no one who may invoke it".into(),
        Authority::Exercise => "the exercise tests this plan version".into(),
    }
}

/// The plan versions invoked: hash, later draft, invoker and authority, criteria met.
pub(super) fn plans(r: &IncidentReport, out: &mut Vec<Block>) {
    out.push(heading(1, "2. Plan invoked", true));
    if r.response.plans.is_empty() {
        out.push(Block::text("No plan was invoked in this incident."));
        return;
    }
    for p in &r.response.plans {
        if r.response.plans.len() > 1 {
            out.push(heading(2, p.title.clone(), true));
        }
        out.push(key_values(vec![
            (
                "Plan",
                format!("\u{201c}{}\u{201d} (plan {})", p.title, p.plan_id),
            ),
            ("Version", format!("{} (approved and frozen)", p.version)),
            ("Content SHA-256", p.sha256.clone()),
            (
                "Later draft",
                match p.draft_version {
                    Some(d) => format!(
                        "version {d} was a draft when the plan was invoked; it was not used"
                    ),
                    None => "none: the version invoked was the plan's latest".into(),
                },
            ),
            ("Invoked", when(&p.invoked_at)),
            ("Invoked by", p.invoker.clone()),
            ("Authority", p.authority.describe()),
        ]));
        if p.criteria.is_empty() {
            out.push(Block::text(
                "The version invoked lists no invocation criteria.",
            ));
        } else {
            out.push(heading(3, "Invocation criteria", false));
            out.push(table(
                &[0.5, 6.0, 1.0],
                &["#", "Criterion", "Met"],
                p.criteria
                    .iter()
                    .map(|(n, text, met)| {
                        vec![
                            n.to_string(),
                            text.clone(),
                            if *met { "yes" } else { "no" }.into(),
                        ]
                    })
                    .collect(),
            ));
        }
    }
    out.push(Block::text(
        "The content SHA-256 names exactly the version that was approved and invoked: keel verify checks an exported plan against it.",
    ));
}
