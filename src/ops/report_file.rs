//! What the reports of events have in common once laid out: signing the PDF if asked
//! (at the report's export time) and writing it, and what writing one wrote. Shared by
//! an incident's after-action report ([`super::incident_report`]) and an exercise's
//! post-exercise report ([`super::exercise_report`]); a plan's export signs the same way.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::signing::Identity;
use crate::{Error, Result};

/// What writing a report wrote.
#[derive(Debug, Clone)]
pub struct WrittenReport {
    pub path: PathBuf,
    pub title: String,
    pub pages: usize,
    /// The incident was stood down (the exercise closed): the figures are final.
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

/// Signs `pdf` with `signer` at `at` for `reason` when there is a signer, and writes it
/// to `out`.
pub(crate) fn write_signed(
    pdf: Vec<u8>,
    signer: Option<&Identity>,
    at: &DateTime<Utc>,
    reason: impl FnOnce() -> String,
    out: &Path,
) -> Result<()> {
    let bytes = match signer {
        Some(identity) => crate::signing::sign(&pdf, identity, at, &reason())?,
        None => pdf,
    };
    std::fs::write(out, &bytes).map_err(Error::io("write", out))
}
