//! The front of a plan's document: the title page, the document-control table and the
//! contents.

use super::state_label;
use crate::plan::PlanDocument;
use crate::report::flow::Block;
use crate::report::fonts::Style;
use crate::report::parts::{centred, heading, key_values, title_page_start, when};

/// The title page, up to its page break.
pub(super) fn title_page(doc: &PlanDocument) -> Vec<Block> {
    let c = &doc.content;
    let mut out = title_page_start(
        &c.organisation,
        &c.title,
        c.template.label(),
        format!(
            "Version {} \u{2014} {}",
            doc.version,
            state_label(doc.state)
        ),
    )
    .to_vec();
    out.extend([
        centred(
            format!("Exported {}", doc.exported_at.format("%Y-%m-%d")),
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
    ]);
    out
}

/// The document-control table, what the content SHA-256 is for, and the contents.
pub(super) fn document_control(doc: &PlanDocument, out: &mut Vec<Block>) {
    let c = &doc.content;
    out.push(heading(1, "Document control", true));
    let approved_at = doc.approvals.iter().map(|a| a.approved_at).max();
    out.push(key_values(vec![
        ("Organisation", c.organisation.clone()),
        ("Plan", c.title.clone()),
        ("Version", doc.version.to_string()),
        ("Approval state", state_label(doc.state).to_owned()),
        (
            "Approved",
            if doc.approved() {
                approved_at.as_ref().map(when).unwrap_or_default()
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
    ]));
    out.push(Block::text(
        "The content SHA-256 identifies exactly what was approved: keel verify checks a PDF against the engagement it came from.",
    ));
    out.extend([
        Block::Space(12.0),
        heading(1, "Contents", false),
        Block::Contents,
        Block::PageBreak,
    ]);
}
