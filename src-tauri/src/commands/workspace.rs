//! Which engagement is open, the recent list and the facilitator's name.
//!
//! An engagement is opened from the recent list or from a file chosen in the open
//! dialog, and created where Keel proposes or where the save dialog said: never at a
//! path the page makes up.

use std::path::Path;

use keel::workspace::{NewEngagementInput, WorkspaceState};
use keel::{ApiError, Error};
use tauri::{AppHandle, Manager};

use crate::dialogs::FilePurpose;
use crate::state::blocking;

#[tauri::command]
pub async fn workspace_state(app: AppHandle) -> Result<WorkspaceState, ApiError> {
    blocking(&app, |state| Ok(state.workspace().state()?)).await
}

/// What the projector and the incident room showed belongs to the engagement left:
/// forgotten, and their windows closed, so an id is never shown against another engagement.
fn switched(app: &AppHandle, state: WorkspaceState) -> WorkspaceState {
    if let Some(shell) = app.try_state::<crate::state::AppState>() {
        shell.forget_presented();
    }
    for label in [
        super::presentation::PRESENTATION,
        super::incidents::INCIDENT_ROOM,
    ] {
        if let Some(window) = app.get_webview_window(label) {
            let _ = window.close();
        }
    }
    state
}

/// Opens the sample engagement, writing it the first time.
#[tauri::command]
pub async fn open_sample(app: AppHandle) -> Result<WorkspaceState, ApiError> {
    let opened = blocking(&app, |state| Ok(state.workspace().open_sample()?)).await?;
    Ok(switched(&app, opened))
}

/// Opens an engagement of the recent list. Opening may migrate the file: seconds.
#[tauri::command]
pub async fn open_engagement(path: String, app: AppHandle) -> Result<WorkspaceState, ApiError> {
    blocking(&app, move |state| {
        let mut workspace = state.workspace();
        if !workspace
            .state()?
            .recent
            .iter()
            .any(|r| r.entry.path == path)
        {
            return Err(Error::Conflict(format!(
                "{path} is not in the recent list: open it with “Open a file…”."
            ))
            .into());
        }
        Ok(workspace.open(Path::new(&path))?)
    })
    .await
    .map(|opened| switched(&app, opened))
}

/// Opens the engagement chosen in the open dialog as `file`.
#[tauri::command]
pub async fn open_chosen_engagement(file: u64, app: AppHandle) -> Result<WorkspaceState, ApiError> {
    blocking(&app, move |state| {
        let path = state.chosen().path(file, FilePurpose::Engagement)?;
        Ok(state.workspace().open(&path)?)
    })
    .await
    .map(|opened| switched(&app, opened))
}

/// Creates an engagement where the save dialog said (`file`), or where Keel proposes.
#[tauri::command]
pub async fn create_engagement(
    organisation: String,
    file: Option<u64>,
    app: AppHandle,
) -> Result<WorkspaceState, ApiError> {
    blocking(&app, move |state| {
        let path = match file {
            Some(id) => state
                .chosen()
                .path(id, FilePurpose::NewEngagement)?
                .display()
                .to_string(),
            None => String::new(),
        };
        Ok(state
            .workspace()
            .create(&NewEngagementInput { organisation, path })?)
    })
    .await
    .map(|opened| switched(&app, opened))
}

#[tauri::command]
pub async fn propose_engagement_path(
    organisation: String,
    app: AppHandle,
) -> Result<String, ApiError> {
    blocking(&app, move |state| {
        Ok(state
            .workspace()
            .propose_path(&organisation)
            .display()
            .to_string())
    })
    .await
}

#[tauri::command]
pub async fn forget_recent(path: String, app: AppHandle) -> Result<WorkspaceState, ApiError> {
    blocking(&app, move |state| {
        Ok(state.workspace().forget_recent(Path::new(&path))?)
    })
    .await
}

#[tauri::command]
pub async fn set_facilitator_name(
    name: String,
    app: AppHandle,
) -> Result<WorkspaceState, ApiError> {
    blocking(&app, move |state| {
        Ok(state.workspace().set_facilitator_name(&name)?)
    })
    .await
}
