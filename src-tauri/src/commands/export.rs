//! Exporting a plan version as PDF to the file chosen in the save dialog, signing
//! identities, and opening the PDF just written. The slow parts (making a key, reading a
//! PKCS#12 file, laying out and signing a plan) run off the window's thread.

use keel::domain::PdfExportSummary;
use keel::ops::export::{self, ExportRequest};
use keel::signing::Passphrase;
use keel::signing::shelf::{IdentityInfo, SigningRequest};
use keel::{ApiError, Error};
use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::FilePurpose;
use crate::state::blocking;

#[tauri::command]
pub async fn list_identities(app: AppHandle) -> Result<Vec<IdentityInfo>, ApiError> {
    blocking(&app, |state| {
        Ok(state.workspace().dirs().identities().list()?)
    })
    .await
}

#[tauri::command]
pub async fn create_identity(
    name: String,
    organisation: String,
    passphrase: Passphrase,
    app: AppHandle,
) -> Result<IdentityInfo, ApiError> {
    blocking(&app, move |state| {
        let shelf = state.workspace().dirs().identities();
        Ok(shelf.create(&name, &organisation, &passphrase, keel::signing::now())?)
    })
    .await
}

/// Imports the PKCS#12 file chosen in the open dialog as `file`.
#[tauri::command]
pub async fn import_identity(
    file: u64,
    passphrase: Passphrase,
    app: AppHandle,
) -> Result<IdentityInfo, ApiError> {
    blocking(&app, move |state| {
        let path = state.chosen().path(file, FilePurpose::Identity)?;
        let shelf = state.workspace().dirs().identities();
        Ok(shelf.import(&path, &passphrase, keel::signing::now())?)
    })
    .await
}

/// Writes version `version` of the plan (the working version when `None`) to the file
/// chosen in the save dialog as `file`, signed when `signing` says with what.
#[tauri::command]
pub async fn export_plan(
    plan_id: i64,
    version: Option<u32>,
    file: u64,
    signing: Option<SigningRequest>,
    app: AppHandle,
) -> Result<PdfExportSummary, ApiError> {
    blocking(&app, move |state| {
        let target = state.chosen().path(file, FilePurpose::Pdf)?;
        let request = ExportRequest {
            plan_id,
            version,
            ..Default::default()
        };
        let doc = state.with_store(|store| export::document(store, &request))?;
        // Open the identity first: a wrong passphrase writes nothing.
        let identity = state.signing_identity(signing)?;
        let exported = export::write_pdf(&doc, identity.as_ref(), &target)?;
        state.set_exported(target);
        Ok(exported.into())
    })
    .await
}

/// Opens the PDF exported last with the system's PDF reader.
#[tauri::command]
pub async fn open_exported_pdf(app: AppHandle) -> Result<(), ApiError> {
    let opener = app.clone();
    blocking(&app, move |state| {
        let path = state
            .exported()
            .ok_or_else(|| Error::Conflict("Nothing has been exported yet.".into()))?;
        opener
            .opener()
            .open_path(path.to_string_lossy(), None::<&str>)
            .map_err(|e| {
                Error::Conflict(format!("No program opened {}: {e}", path.display())).into()
            })
    })
    .await
}
