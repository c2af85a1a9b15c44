//! Exporting a plan version as PDF (layout and writing off the UI's thread), and opening
//! the PDF just written.

use std::path::PathBuf;

use keel::domain::PdfExportSummary;
use keel::{ApiError, Error, report};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

#[tauri::command]
pub async fn export_plan(
    plan_id: i64,
    version: Option<u32>,
    path: String,
    state: State<'_, AppState>,
) -> Result<PdfExportSummary, ApiError> {
    let doc = state.with_store(|store| store.plan_document(plan_id, version))?;
    let (exported_version, sha256) = (doc.version, doc.sha256.clone());
    let target = PathBuf::from(&path);
    let written = target.clone();
    let exported =
        tauri::async_runtime::spawn_blocking(move || -> keel::Result<report::Exported> {
            let exported = report::export(&doc)?;
            std::fs::write(&written, &exported.bytes).map_err(Error::io("write", &written))?;
            Ok(exported)
        })
        .await
        .map_err(|e| ApiError::from(Error::Conflict(format!("the export stopped: {e}"))))??;
    state.set_exported(target);
    Ok(PdfExportSummary {
        path,
        pages: exported.pages,
        version: exported_version,
        sha256,
        missing: exported.missing.iter().map(|c| c.to_string()).collect(),
    })
}

/// Opens the PDF exported last with the system's PDF reader.
#[tauri::command]
pub fn open_exported_pdf(app: AppHandle, state: State<'_, AppState>) -> Result<(), ApiError> {
    let path = state
        .exported()
        .ok_or_else(|| Error::Conflict("Nothing has been exported yet.".into()))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| Error::Conflict(format!("No program opened {}: {e}", path.display())).into())
}
