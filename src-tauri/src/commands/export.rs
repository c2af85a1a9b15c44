//! Exporting a plan version as PDF (layout and writing off the UI's thread), and opening
//! the PDF just written.

use std::path::PathBuf;

use keel::domain::PdfExportSummary;
use keel::identities::{IdentityInfo, SigningRequest};
use keel::report::identity::Passphrase;
use keel::{ApiError, Error, report};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

#[tauri::command]
pub fn list_identities(state: State<'_, AppState>) -> Result<Vec<IdentityInfo>, ApiError> {
    Ok(state.workspace().dirs().identities().list()?)
}

#[tauri::command]
pub async fn create_identity(
    name: String,
    organisation: String,
    passphrase: Passphrase,
    state: State<'_, AppState>,
) -> Result<IdentityInfo, ApiError> {
    let shelf = state.workspace().dirs().identities();
    // Making an RSA key takes a moment: off the UI's thread.
    tauri::async_runtime::spawn_blocking(move || {
        shelf.create(&name, &organisation, &passphrase, report::signature::now())
    })
    .await
    .map_err(|e| ApiError::from(Error::Conflict(format!("the key was not made: {e}"))))?
    .map_err(ApiError::from)
}

#[tauri::command]
pub fn import_identity(
    path: String,
    passphrase: Passphrase,
    state: State<'_, AppState>,
) -> Result<IdentityInfo, ApiError> {
    let shelf = state.workspace().dirs().identities();
    Ok(shelf.import(
        std::path::Path::new(&path),
        &passphrase,
        report::signature::now(),
    )?)
}

#[tauri::command]
pub async fn export_plan(
    plan_id: i64,
    version: Option<u32>,
    path: String,
    signing: Option<SigningRequest>,
    state: State<'_, AppState>,
) -> Result<PdfExportSummary, ApiError> {
    let doc = state.with_store(|store| store.plan_document(plan_id, version))?;
    // Open the identity first: a wrong passphrase writes nothing.
    let identity = match &signing {
        Some(request) => Some(
            state
                .workspace()
                .dirs()
                .identities()
                .open(&request.identity_id, &request.passphrase)?,
        ),
        None => None,
    };
    let (exported_version, sha256) = (doc.version, doc.sha256.clone());
    let signed_by = identity.as_ref().map(|i| i.name.clone());
    let target = PathBuf::from(&path);
    let written = target.clone();
    let exported =
        tauri::async_runtime::spawn_blocking(move || -> keel::Result<report::Exported> {
            let exported = report::export(&doc)?;
            let bytes = match &identity {
                Some(identity) => {
                    let reason = format!("Version {} of {}", doc.version, doc.content.title);
                    report::signature::sign(
                        &exported.bytes,
                        identity,
                        &report::signature::now(),
                        &reason,
                    )?
                }
                None => exported.bytes.clone(),
            };
            std::fs::write(&written, &bytes).map_err(Error::io("write", &written))?;
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
        signed_by,
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
