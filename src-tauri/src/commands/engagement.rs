//! The open engagement's details, summary and audit log.

use keel::ApiError;
use keel::domain::{AuditEntry, EngagementDetails, EngagementDetailsInput, EngagementInfo};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn update_details(
    input: EngagementDetailsInput,
    state: State<'_, AppState>,
) -> Result<EngagementDetails, ApiError> {
    let mut workspace = state.workspace();
    let details = workspace.store()?.update_details(&input)?;
    workspace.refresh_recent()?;
    Ok(details)
}

#[tauri::command]
pub fn engagement_info(state: State<'_, AppState>) -> Result<EngagementInfo, ApiError> {
    state.with_store(|store| store.info())
}

#[tauri::command]
pub fn audit_log(limit: usize, state: State<'_, AppState>) -> Result<Vec<AuditEntry>, ApiError> {
    state.with_store(|store| store.audit_log(limit))
}

/// Ends the editing runs of the open engagement: the typing in them is written to the
/// audit log now. The window calls it when a text field is left and before it closes.
#[tauri::command]
pub fn close_editing_runs(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_store(|store| store.close_editing_runs().map(drop))
}
