//! An exercise's post-exercise report as a (signed) PDF, for `keel exercise report` and
//! the desktop. Two steps, like an incident's report ([`super::incident_report`]), so
//! that a face can open the signing identity in between: [`document`] works the report
//! out from the exercise's board at its close (or at the time of the report while it
//! runs) and checks the exercise as `keel exercise verify` does; [`write_pdf`] lays it
//! out, signs it if asked, and writes the file.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::report_file::{WrittenReport, write_signed};
use super::{exercise, incident};
use crate::domain::{ExerciseState, Fact};
use crate::report::exercise_pdf::{
    self, ActionLine, ExerciseContext, ExerciseReport, ObjectiveLine, PlanTested, Preparation,
};
use crate::report::response::Verification;
use crate::store::ExercisePrep;
use crate::{EngagementStore, Error, Result};

/// Which exercise, and what the report says about itself.
#[derive(Debug, Clone, Default)]
pub struct ExerciseReportRequest {
    pub exercise_id: i64,
    /// "Internal" when `None`.
    pub classification: Option<String>,
    /// The export (and signing) time to print instead of now, for a file that comes out
    /// the same every time; also the time the figures of an exercise still running are
    /// worked out for.
    pub at: Option<DateTime<Utc>>,
}

/// The report `request` asks for, ready to write.
pub fn document(
    store: &EngagementStore,
    request: &ExerciseReportRequest,
) -> Result<ExerciseReport> {
    let id = request.exercise_id;
    let prep = store.exercise(id)?;
    if prep.state == ExerciseState::Planned {
        return Err(Error::Conflict(format!(
            "\u{201c}{}\u{201d} has not started, so there is nothing to report yet; start it first",
            prep.title
        )));
    }
    let exported_at = request.at.unwrap_or_else(|| store.now());
    let mut view = exercise::view(store, id, exported_at)?;
    // A closed exercise is reported as it closed, whatever the report's time: its
    // figures are worked out at the (wall-clock) time the close was written.
    let closed_at = view.board.as_ref().and_then(|b| {
        b.board
            .log
            .iter()
            .rev()
            .find(|e| matches!(e.fact, Some(Fact::StoodDown { .. })))
            .map(|e| e.at)
    });
    if let Some(closed) = closed_at.filter(|t| *t != exported_at) {
        view = exercise::view(store, id, closed)?;
    }
    let board = view
        .board
        .ok_or_else(|| Error::Conflict(format!("\u{201c}{}\u{201d} has no log yet", prep.title)))?;
    let check = incident::verify(store, id)?;
    let recorded = store.recorded_capabilities()?;
    let context = ExerciseContext {
        organisation: store.details()?.organisation,
        exported_at,
        classification: request
            .classification
            .clone()
            .unwrap_or_else(|| "Internal".into()),
        verification: Verification {
            ok: check.ok,
            lines: check.plans.into_iter().chain(check.problems).collect(),
        },
        recorded,
        validity_months: store.review_settings()?.demonstration_validity_months,
    };
    // The actions raised from this exercise's findings.
    let actions: Vec<ActionLine> = store
        .actions(None)?
        .into_iter()
        .filter(|a| {
            a.finding_id
                .is_some_and(|f| view.findings.iter().any(|x| x.id == f))
        })
        .map(|a| ActionLine {
            finding_id: a.finding_id,
            title: a.title,
            owner: a.owner,
            due: Some(a.due),
            status: a.status.label().to_owned(),
        })
        .collect();
    Ok(ExerciseReport::new(
        preparation(prep),
        &board,
        view.findings,
        actions,
        context,
    ))
}

/// The preparation and debrief as the report prints them.
fn preparation(prep: ExercisePrep) -> Preparation {
    let people = |role: &str| {
        prep.people
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.name.clone())
            .collect()
    };
    Preparation {
        id: prep.id,
        kind: prep.kind,
        title: prep.title.clone(),
        clock: prep.clock,
        facilitator: prep.facilitator.clone(),
        participants: people("participant"),
        observers: people("observer"),
        plans: prep
            .plans
            .iter()
            .map(|p| PlanTested {
                plan_id: p.plan_id,
                title: p.title.clone(),
                version: p.version,
                sha256: p.sha256.clone(),
            })
            .collect(),
        scenario: prep.scenario.clone(),
        success_criteria: prep.success_criteria.clone(),
        objectives: prep
            .objectives
            .iter()
            .map(|o| ObjectiveLine {
                number: o.number,
                text: o.text.clone(),
                met: o.met,
            })
            .collect(),
        strengths: prep.strengths.clone(),
        weaknesses: prep.weaknesses.clone(),
    }
}

/// Lays out `report`, signs it with `signer` (at its export time) when given, and writes
/// the PDF to `out`.
pub fn write_pdf(
    report: &ExerciseReport,
    signer: Option<&crate::signing::Identity>,
    out: &Path,
) -> Result<WrittenReport> {
    let exported = exercise_pdf::export(report)?;
    let reason = || {
        format!(
            "Post-exercise report of exercise {}: {}",
            report.exercise_id, report.title
        )
    };
    write_signed(exported.bytes, signer, &report.exported_at, reason, out)?;
    Ok(WrittenReport {
        path: out.to_owned(),
        title: report.title.clone(),
        pages: exported.pages,
        stood_down: report.closed(),
        chain_head: report.response.chain.head.clone(),
        verified: report.verified(),
        missing: exported.missing,
        signed_by: signer.map(|i| i.name.clone()),
    })
}
