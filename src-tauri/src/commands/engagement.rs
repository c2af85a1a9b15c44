//! The open engagement's details, summary and audit log.

use keel::ApiError;
use keel::domain::{
    AuditEntry, EngagementDetails, EngagementDetailsInput, EngagementInfo, EngagementProgress,
};
use tauri::AppHandle;

use crate::state::{blocking, on_store};

#[tauri::command]
pub async fn update_details(
    input: EngagementDetailsInput,
    app: AppHandle,
) -> Result<EngagementDetails, ApiError> {
    blocking(&app, move |state| {
        let mut workspace = state.workspace();
        let details = workspace.store()?.update_details(&input)?;
        workspace.refresh_recent()?;
        Ok(details)
    })
    .await
}

/// The engagement's summary, with SQLite's integrity check: seconds on a large file.
#[tauri::command]
pub async fn engagement_info(app: AppHandle) -> Result<EngagementInfo, ApiError> {
    on_store(&app, |store| store.info()).await
}

/// How far the planning has got, for the overview's checklist.
#[tauri::command]
pub async fn engagement_progress(app: AppHandle) -> Result<EngagementProgress, ApiError> {
    on_store(&app, |store| store.progress()).await
}

#[tauri::command]
pub async fn audit_log(limit: usize, app: AppHandle) -> Result<Vec<AuditEntry>, ApiError> {
    on_store(&app, move |store| store.audit_log(limit)).await
}

/// Ends the editing runs of the open engagement: the typing in them is written to the
/// audit log now. The window calls it when a text field is left and before it closes.
#[tauri::command]
pub async fn close_editing_runs(app: AppHandle) -> Result<(), ApiError> {
    on_store(&app, |store| store.close_editing_runs().map(drop)).await
}
