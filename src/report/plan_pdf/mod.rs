//! A plan version as a PDF: title page, document control, contents, every section of
//! its template (written and generated), the sign-off page, and the revision history
//! with what changed since the last approved version.

mod back;
mod front;
mod sections;

use std::time::Instant;

use super::display::DocInfo;
use super::flow::{self, Block, Frame};
use super::pdf::{Exported, write_pages};
use crate::Result;
use crate::domain::{PlanState, PlanTemplate};
use crate::plan::PlanDocument;

/// The document as layout blocks, and its page frame.
pub fn blocks(doc: &PlanDocument) -> (Vec<Block>, Frame) {
    let c = &doc.content;
    let short = &doc.sha256[..doc.sha256.len().min(12)];
    let mut out = front::title_page(doc);
    front::document_control(doc, &mut out);
    sections::sections(doc, &mut out);
    back::sign_off(doc, &mut out);
    back::history(doc, &mut out);

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
        created: doc.exported_at,
        custom: vec![
            ("KeelPlanId".into(), c.plan_id.to_string()),
            ("KeelPlanVersion".into(), doc.version.to_string()),
            ("KeelContentSHA256".into(), doc.sha256.clone()),
            ("KeelPlanState".into(), doc.state.as_str().into()),
        ],
    };
    write_pages(flowed, info, started)
}

pub(super) fn state_label(state: PlanState) -> &'static str {
    match state {
        PlanState::Draft => "Draft",
        PlanState::InReview => "In review",
        PlanState::Approved => "Approved",
        PlanState::Superseded => "Superseded",
    }
}
