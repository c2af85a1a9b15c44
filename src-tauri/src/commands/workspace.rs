//! Which engagement is open, the recent list and the facilitator's name.

use std::path::Path;

use keel::ApiError;
use keel::workspace::{NewEngagementInput, WorkspaceState};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn workspace_state(state: State<'_, AppState>) -> Result<WorkspaceState, ApiError> {
    Ok(state.workspace().state()?)
}

#[tauri::command]
pub fn open_engagement(
    path: String,
    state: State<'_, AppState>,
) -> Result<WorkspaceState, ApiError> {
    Ok(state.workspace().open(Path::new(&path))?)
}

#[tauri::command]
pub fn create_engagement(
    input: NewEngagementInput,
    state: State<'_, AppState>,
) -> Result<WorkspaceState, ApiError> {
    Ok(state.workspace().create(&input)?)
}

#[tauri::command]
pub fn propose_engagement_path(organisation: String, state: State<'_, AppState>) -> String {
    state
        .workspace()
        .propose_path(&organisation)
        .display()
        .to_string()
}

#[tauri::command]
pub fn forget_recent(path: String, state: State<'_, AppState>) -> Result<WorkspaceState, ApiError> {
    Ok(state.workspace().forget_recent(Path::new(&path))?)
}

#[tauri::command]
pub fn set_facilitator_name(
    name: String,
    state: State<'_, AppState>,
) -> Result<WorkspaceState, ApiError> {
    Ok(state.workspace().set_facilitator_name(&name)?)
}
