//! Exporting a plan version as a (signed) PDF to a path, for `keel export` and the
//! desktop's export button. Two steps, so that a face can open the signing identity in
//! between (a wrong passphrase then writes nothing) and need not hold the engagement
//! while the pages are laid out: [`document`] loads the version and checks its hash,
//! [`write_pdf`] lays it out, signs it if asked, and writes the file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::PdfExportSummary;
use crate::plan::PlanDocument;
use crate::plan::document::assemble;
use crate::report;
use crate::signing::Identity;
use crate::{EngagementStore, Result};

/// Which version to export, and what the document says about itself.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    pub plan_id: i64,
    /// The working version when `None`.
    pub version: Option<u32>,
    /// "Internal" when `None`.
    pub classification: Option<String>,
    /// The export (and signing) time to print instead of now, for a file that comes out
    /// the same every time.
    pub at: Option<DateTime<Utc>>,
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct ExportedPlan {
    pub path: PathBuf,
    pub title: String,
    pub pages: usize,
    pub version: u32,
    pub sha256: String,
    /// Characters no shipped font has; they show as boxes in the PDF.
    pub missing: Vec<char>,
    /// Who signed it.
    pub signed_by: Option<String>,
}

impl From<ExportedPlan> for PdfExportSummary {
    fn from(e: ExportedPlan) -> Self {
        PdfExportSummary {
            path: e.path.display().to_string(),
            pages: e.pages,
            version: e.version,
            sha256: e.sha256,
            missing: e.missing.iter().map(|c| c.to_string()).collect(),
            signed_by: e.signed_by,
        }
    }
}

/// Version `version` of a plan (its working version when `None`) as a document,
/// classified "Internal" and exported now by the store's clock. A frozen version must
/// still have the SHA-256 recorded when it was approved.
pub fn plan_document(
    store: &EngagementStore,
    plan_id: i64,
    version: Option<u32>,
) -> Result<PlanDocument> {
    let sources = store.plan_document_sources(plan_id, version)?;
    assemble(sources, store.now())
}

/// The document `request` asks for, ready to write.
pub fn document(store: &EngagementStore, request: &ExportRequest) -> Result<PlanDocument> {
    let mut doc = plan_document(store, request.plan_id, request.version)?;
    if let Some(c) = &request.classification {
        doc.classification = c.clone();
    }
    if let Some(at) = request.at {
        doc.exported_at = at;
    }
    Ok(doc)
}

/// Lays out `doc`, signs it with `signer` (at its export time) when given, and writes
/// the PDF to `out`.
pub fn write_pdf(
    doc: &PlanDocument,
    signer: Option<&Identity>,
    out: &Path,
) -> Result<ExportedPlan> {
    let exported = report::export(doc)?;
    let reason = || format!("Version {} of {}", doc.version, doc.content.title);
    super::report_file::write_signed(exported.bytes, signer, &doc.exported_at, reason, out)?;
    Ok(ExportedPlan {
        path: out.to_owned(),
        title: doc.content.title.clone(),
        pages: exported.pages,
        version: doc.version,
        sha256: doc.sha256.clone(),
        missing: exported.missing,
        signed_by: signer.map(|i| i.name.clone()),
    })
}
