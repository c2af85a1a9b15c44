//! An incident's after-action report as a PDF, typeset like a plan: title page, summary
//! with contents, the plan version invoked, achieved against target per activity, the
//! recovery steps planned against actual, the call tree's reach times, the timeline of
//! the decision log and the log's chain hash. `model` works the document out from the
//! board; the other files lay it out, with the tables of the response shared with the
//! post-exercise report (`response`).

mod front;
mod log;
mod model;

use std::time::Instant;

pub use model::{IncidentReport, ReportContext};

use super::display::DocInfo;
use super::flow::{self, Block, Frame};
use super::pdf::{Exported, write_pages};
use super::response::tables;
use crate::Result;
use crate::domain::EventState;

fn state_label(state: EventState) -> &'static str {
    match state {
        EventState::Open => "Open, no plan invoked",
        EventState::Invoked => "Plan invoked, not stood down",
        EventState::StoodDown => "Stood down",
    }
}

/// The report as layout blocks, and its page frame.
pub fn blocks(r: &IncidentReport) -> (Vec<Block>, Frame) {
    let mut out = front::title_page(r);
    front::summary(r, &mut out);
    front::response(r, &mut out);
    front::plans(r, &mut out);
    let response = &r.response;
    tables::achieved(response, "3. Achieved against target", &mut out);
    tables::steps(
        response,
        "4. Recovery steps: planned against actual",
        &mut out,
    );
    tables::calls(response, "5. Call tree: reach times", &mut out);
    log::timeline(r, &mut out);
    tables::integrity(response, "7. Integrity of the log", &mut out);
    // By characters: a head read from an altered file need not be hex.
    let short_head: String = response.chain.head.chars().take(12).collect();
    let frame = Frame {
        header_left: r.organisation.clone(),
        header_right: format!("After-action report: {}", r.title),
        footer: format!(
            "Incident {} \u{00b7} Page {{page}} of {{pages}} \u{00b7} Log chain {short_head}",
            r.incident_id
        ),
        draft_mark: if !response.chain.ok {
            Some("LOG DOES NOT VERIFY".to_owned())
        } else if !response.verification.ok {
            Some("DOES NOT VERIFY \u{2014} SEE SECTION 7".to_owned())
        } else if !r.stood_down() {
            Some("INTERIM \u{2014} NOT STOOD DOWN".to_owned())
        } else {
            None
        },
        skip_first: false,
    };
    (out, frame)
}

/// Lays out and writes the report's PDF.
pub fn export(r: &IncidentReport) -> Result<Exported> {
    let started = Instant::now();
    let (blocks, frame) = blocks(r);
    let flowed = flow::flow(&blocks, &frame);
    if flowed.overflowed {
        return Err(flow::too_long("The after-action report"));
    }
    let info = DocInfo {
        title: format!("After-action report: {}", r.title),
        author: r.organisation.clone(),
        subject: format!(
            "After-action report of incident {}, {}",
            r.incident_id,
            state_label(r.state).to_lowercase()
        ),
        keywords: vec![
            "after-action report".into(),
            "incident".into(),
            r.organisation.clone(),
        ],
        created: r.exported_at,
        custom: vec![
            ("KeelIncidentId".into(), r.incident_id.to_string()),
            ("KeelIncidentState".into(), r.state.as_str().into()),
            (
                "KeelLogEntries".into(),
                r.response.chain.entries.to_string(),
            ),
            ("KeelLogChainHead".into(), r.response.chain.head.clone()),
        ],
    };
    write_pages(flowed, info, started)
}
