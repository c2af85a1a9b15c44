//! An incident's after-action report as a PDF, typeset like a plan: title page, summary
//! with contents, the plan version invoked, achieved against target per activity, the
//! recovery steps planned against actual, the call tree's reach times, the timeline of
//! the decision log and the log's chain hash. `model` works the document out from the
//! board; the other files lay it out.

mod front;
mod log;
mod model;
mod outcome;

use std::time::Instant;

use chrono::{DateTime, Utc};

pub use model::{
    ActivityOutcome, CallReach, IncidentReport, Measure, PlanInvoked, ReportContext, StepOutcome,
    TimelineEntry, Verdict, Verification,
};

use super::display::DocInfo;
use super::flow::{self, Block, Frame};
use super::pdf::{Exported, write_pages};
use crate::Result;
use crate::domain::EventState;

/// A time in a table: `30 Nov 06:40` (the summary says every time is UTC).
fn short(at: &DateTime<Utc>) -> String {
    at.format("%d %b %H:%M").to_string()
}

/// `1 entry`, `24 entries`.
fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".into()
    } else {
        format!("{n} entries")
    }
}

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
    outcome::achieved(r, &mut out);
    outcome::steps(r, &mut out);
    outcome::calls(r, &mut out);
    log::timeline(r, &mut out);
    log::integrity(r, &mut out);
    // By characters: a head read from an altered file need not be hex.
    let short_head: String = r.chain.head.chars().take(12).collect();
    let frame = Frame {
        header_left: r.organisation.clone(),
        header_right: format!("After-action report: {}", r.title),
        footer: format!(
            "Incident {} \u{00b7} Page {{page}} of {{pages}} \u{00b7} Log chain {short_head}",
            r.incident_id
        ),
        draft_mark: if !r.chain.ok {
            Some("LOG DOES NOT VERIFY".to_owned())
        } else if !r.verification.ok {
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
            ("KeelLogEntries".into(), r.chain.entries.to_string()),
            ("KeelLogChainHead".into(), r.chain.head.clone()),
        ],
    };
    write_pages(flowed, info, started)
}
