//! An incident's after-action report as a (signed) PDF, for `keel incident report` and
//! the desktop. Two steps, like a plan's export ([`super::export`]), so that a face can
//! open the signing identity in between: [`document`] works the report out from the
//! board at the stand-down (or at the time of the report while the incident is open) and
//! checks the incident as `keel incident verify` does; [`write_pdf`] lays it out, signs
//! it if asked, and writes the file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::incident;
use crate::report::incident_pdf::{self, IncidentReport, ReportContext, Verification};
use crate::signing::Identity;
use crate::{EngagementStore, Error, Result};

/// Which incident, and what the report says about itself.
#[derive(Debug, Clone, Default)]
pub struct ReportRequest {
    pub incident_id: i64,
    /// "Internal" when `None`.
    pub classification: Option<String>,
    /// The export (and signing) time to print instead of now, for a file that comes out
    /// the same every time; also the time the figures of an incident still open are
    /// worked out for.
    pub at: Option<DateTime<Utc>>,
}

/// What writing a report wrote.
#[derive(Debug, Clone)]
pub struct WrittenReport {
    pub path: PathBuf,
    pub title: String,
    pub pages: usize,
    pub stood_down: bool,
    /// The log's chain hash, and whether the chain and the plan versions verified.
    pub chain_head: String,
    pub verified: bool,
    /// Characters no shipped font has; they show as boxes in the PDF.
    pub missing: Vec<char>,
    /// Who signed it.
    pub signed_by: Option<String>,
}

/// What writing a report wrote, as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportSummary {
    pub path: String,
    pub pages: usize,
    pub stood_down: bool,
    pub chain_head: String,
    /// The chain and the plan versions invoked verified.
    pub verified: bool,
    pub missing: Vec<String>,
    pub signed_by: Option<String>,
}

impl From<WrittenReport> for ReportSummary {
    fn from(w: WrittenReport) -> ReportSummary {
        ReportSummary {
            path: w.path.display().to_string(),
            pages: w.pages,
            stood_down: w.stood_down,
            chain_head: w.chain_head,
            verified: w.verified,
            missing: w.missing.iter().map(char::to_string).collect(),
            signed_by: w.signed_by,
        }
    }
}

/// The report `request` asks for, ready to write.
pub fn document(store: &EngagementStore, request: &ReportRequest) -> Result<IncidentReport> {
    let id = request.incident_id;
    let exported_at = request.at.unwrap_or_else(|| store.now());
    let mut board = incident::board(store, id, exported_at)?;
    // A report made before the stand-down it includes (an earlier --at) still counts to
    // the stand-down: the figures of a closed incident do not depend on the report's time.
    if let Some(down) = board.stood_down_at.filter(|t| *t > exported_at) {
        board = incident::board(store, id, down)?;
    }
    let check = incident::verify(store, id)?;
    let context = ReportContext {
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
    };
    Ok(IncidentReport::new(&board, context))
}

/// Lays out `report`, signs it with `signer` (at its export time) when given, and writes
/// the PDF to `out`.
pub fn write_pdf(
    report: &IncidentReport,
    signer: Option<&Identity>,
    out: &Path,
) -> Result<WrittenReport> {
    let exported = incident_pdf::export(report)?;
    let bytes = match signer {
        Some(identity) => {
            let reason = format!(
                "After-action report of incident {}: {}",
                report.incident_id, report.title
            );
            crate::signing::sign(&exported.bytes, identity, &report.exported_at, &reason)?
        }
        None => exported.bytes,
    };
    std::fs::write(out, &bytes).map_err(Error::io("write", out))?;
    Ok(WrittenReport {
        path: out.to_owned(),
        title: report.title.clone(),
        pages: exported.pages,
        stood_down: report.stood_down(),
        chain_head: report.chain.head.clone(),
        verified: report.verified(),
        missing: exported.missing,
        signed_by: signer.map(|i| i.name.clone()),
    })
}
