//! The after-action report as a document: what it prints, worked out from the board of
//! the incident at its stand-down (or at the time of the report while it is still
//! open). The figures of the response (targets, steps, calls) are `response`'s, shared
//! with the post-exercise report. Pure: the board and the few facts from outside it in,
//! the document out.

use chrono::{DateTime, Utc};

use crate::domain::EventState;
use crate::event::Board;
use crate::report::response::{self, Response, TimelineEntry, Verification};

/// Everything an after-action report prints.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentReport {
    pub organisation: String,
    pub incident_id: i64,
    pub title: String,
    pub description: String,
    pub state: EventState,
    pub opened_at: DateTime<Utc>,
    /// Who wrote the first entry of the log.
    pub opened_by: String,
    pub reported_by: String,
    /// What was named as lost.
    pub affects: Vec<String>,
    pub stood_down_at: Option<DateTime<Utc>>,
    pub stood_down_by: Option<String>,
    pub summary: Option<String>,
    /// Once stood down: what the post-incident review starts from, most serious first.
    pub review: Vec<String>,
    pub exported_at: DateTime<Utc>,
    pub classification: String,
    /// The plans invoked, the activities' targets against what was achieved, the
    /// log's chain and what checking the incident found, as at the stand-down.
    pub response: Response,
    /// Every entry of the log, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// What the facts from outside the board are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportContext {
    pub organisation: String,
    pub exported_at: DateTime<Utc>,
    pub classification: String,
    pub verification: Verification,
}

impl IncidentReport {
    /// The report of `board`, worked out at its clock (the stand-down, once stood down).
    pub fn new(board: &Board, context: ReportContext) -> IncidentReport {
        IncidentReport {
            organisation: context.organisation,
            incident_id: board.id,
            title: board.title.clone(),
            description: board.description.clone(),
            state: board.state,
            opened_at: board.opened_at,
            opened_by: board
                .log
                .first()
                .map(|e| e.author.clone())
                .unwrap_or_default(),
            reported_by: board.reported_by.clone(),
            affects: board.affects.clone(),
            stood_down_at: board.stood_down_at,
            stood_down_by: board.stood_down_by.clone(),
            summary: board.summary.clone(),
            review: board.review.clone(),
            exported_at: context.exported_at,
            classification: context.classification,
            response: Response::new(board, context.verification),
            timeline: response::timeline(&board.log),
        }
    }

    pub fn stood_down(&self) -> bool {
        self.state == EventState::StoodDown
    }

    /// The log is intact and everything checked when the report was made matched.
    pub fn verified(&self) -> bool {
        self.response.verified()
    }
}
