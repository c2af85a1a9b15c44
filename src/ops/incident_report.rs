//! An incident's after-action report as a (signed) PDF, for `keel incident report` and
//! the desktop. Two steps, like a plan's export ([`super::export`]), so that a face can
//! open the signing identity in between: [`document`] works the report out from the
//! board at the stand-down (or at the time of the report while the incident is open) and
//! checks the incident as `keel incident verify` does; [`write_pdf`] lays it out, signs
//! it if asked, and writes the file.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::incident;
pub use super::report_file::{ReportSummary, WrittenReport};
use crate::report::incident_pdf::{self, IncidentReport, ReportContext};
use crate::report::response::Verification;
use crate::signing::Identity;
use crate::{EngagementStore, Result};

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
    let reason = || {
        format!(
            "After-action report of incident {}: {}",
            report.incident_id, report.title
        )
    };
    super::report_file::write_signed(exported.bytes, signer, &report.exported_at, reason, out)?;
    Ok(WrittenReport {
        path: out.to_owned(),
        title: report.title.clone(),
        pages: exported.pages,
        stood_down: report.stood_down(),
        chain_head: report.response.chain.head.clone(),
        verified: report.verified(),
        missing: exported.missing,
        signed_by: signer.map(|i| i.name.clone()),
    })
}
