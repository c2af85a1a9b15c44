//! An exercise's post-exercise report as a PDF (ISO 22301 clause 8.5: the exercise
//! programme's evaluation), typeset like the after-action report of an incident: title
//! page, summary with contents, the exercise (type, clock, people, the plan versions
//! tested with their SHA-256, the scenario), the objectives and whether each was met,
//! the injects with each expected action's rating and the score, achieved against
//! target per activity and per resource restored, the steps planned against actual and
//! the call tree (the tables of `response`, shared with incidents), the debrief's
//! strengths, weaknesses and findings, the actions raised, the log and its chain hash.
//! `model` works the document out; the other files lay it out.

mod front;
mod model;
mod results;
mod scoring;

use std::time::Instant;

use chrono::{DateTime, Utc};

pub use model::{
    ActionLine, ExerciseContext, ExerciseReport, LogLine, ObjectiveLine, PlanTested, Preparation,
    RestoredLine,
};

use super::display::DocInfo;
use super::flow::{self, Block, Frame};
use super::pdf::{Exported, write_pages};
use super::response::tables;
use crate::Result;
use crate::domain::ExerciseState;
use crate::event::assessment::{minutes_between, span};

/// Where the exercise stands, in words.
fn state_label(state: ExerciseState) -> &'static str {
    match state {
        ExerciseState::Planned => "Prepared, not started",
        ExerciseState::Running => "Running, not closed",
        ExerciseState::Closed => "Closed",
    }
}

/// `T+4h 45m` after `start`.
fn t_plus(start: DateTime<Utc>, at: DateTime<Utc>) -> String {
    offset(minutes_between(start, at))
}

/// `T+4h 45m`; `T+0` at the start.
fn offset(minutes: i64) -> String {
    if minutes == 0 {
        "T+0".into()
    } else {
        format!("T+{}", span(minutes))
    }
}

/// The report as layout blocks, and its page frame.
pub fn blocks(r: &ExerciseReport) -> (Vec<Block>, Frame) {
    let response = &r.response;
    let mut out = front::title_page(r);
    front::summary(r, &mut out);
    front::exercise(r, &mut out);
    front::objectives(r, &mut out);
    scoring::injects(r, &mut out);
    tables::achieved(response, "4. Achieved against target", &mut out);
    results::restored(r, &mut out);
    tables::steps(
        response,
        "5. Recovery steps: planned against actual",
        &mut out,
    );
    tables::calls(response, "6. Call tree: reach times", &mut out);
    results::debrief(r, &mut out);
    results::actions(r, &mut out);
    results::log(r, &mut out);
    tables::integrity(response, "10. Integrity of the log", &mut out);
    // By characters: a head read from an altered file need not be hex.
    let short_head: String = response.chain.head.chars().take(12).collect();
    let frame = Frame {
        header_left: r.organisation.clone(),
        header_right: format!("Post-exercise report: {}", r.title),
        footer: format!(
            "Exercise {} \u{00b7} Page {{page}} of {{pages}} \u{00b7} Log chain {short_head}",
            r.exercise_id
        ),
        draft_mark: if !response.chain.ok {
            Some("LOG DOES NOT VERIFY".to_owned())
        } else if !response.verification.ok {
            Some("DOES NOT VERIFY \u{2014} SEE SECTION 10".to_owned())
        } else if !r.closed() {
            Some("INTERIM \u{2014} NOT CLOSED".to_owned())
        } else {
            None
        },
        skip_first: false,
    };
    (out, frame)
}

/// Lays out and writes the report's PDF.
pub fn export(r: &ExerciseReport) -> Result<Exported> {
    let started = Instant::now();
    let (blocks, frame) = blocks(r);
    let flowed = flow::flow(&blocks, &frame);
    if flowed.overflowed {
        return Err(flow::too_long("The post-exercise report"));
    }
    let info = DocInfo {
        title: format!("Post-exercise report: {}", r.title),
        author: r.organisation.clone(),
        subject: format!(
            "Post-exercise report of exercise {} ({}), {}",
            r.exercise_id,
            r.kind.label(),
            state_label(r.state).to_lowercase()
        ),
        keywords: vec![
            "post-exercise report".into(),
            "exercise".into(),
            r.kind.label().into(),
            r.organisation.clone(),
        ],
        created: r.exported_at,
        custom: vec![
            ("KeelExerciseId".into(), r.exercise_id.to_string()),
            ("KeelExerciseType".into(), r.kind.word().into()),
            ("KeelExerciseState".into(), r.state.as_str().into()),
            (
                "KeelLogEntries".into(),
                r.response.chain.entries.to_string(),
            ),
            ("KeelLogChainHead".into(), r.response.chain.head.clone()),
        ],
    };
    write_pages(flowed, info, started)
}
