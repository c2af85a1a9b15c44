//! Business impact analysis: settings, interviews, the prioritised list.

use keel::ApiError;
use keel::domain::{
    BiaCompleteness, BiaResult, BiaSettings, BiaSettingsEdit, InterviewEdit, InterviewView,
    Resource,
};
use tauri::{AppHandle, Emitter, State};

use crate::state::AppState;

/// Sent to every window after an interview changes, so the presentation view mirrors it.
pub const INTERVIEW_CHANGED: &str = "interview-changed";

#[tauri::command]
pub fn bia_settings(state: State<'_, AppState>) -> Result<BiaSettings, ApiError> {
    state.with_store(|store| store.bia_settings())
}

#[tauri::command]
pub fn interview(activity_id: i64, state: State<'_, AppState>) -> Result<InterviewView, ApiError> {
    state.with_store(|store| store.interview(activity_id))
}

#[tauri::command]
pub fn edit_interview(
    activity_id: i64,
    edits: Vec<InterviewEdit>,
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<InterviewView, ApiError> {
    let view = state.with_store(|store| store.edit_interview_all(activity_id, &edits))?;
    // The presentation window only mirrors; a window that is gone is no error.
    let _ = app.emit(INTERVIEW_CHANGED, &view);
    Ok(view)
}

#[tauri::command]
pub fn bia_results(state: State<'_, AppState>) -> Result<Vec<BiaResult>, ApiError> {
    state.with_store(|store| store.bia_results())
}

#[tauri::command]
pub fn bia_completeness(state: State<'_, AppState>) -> Result<BiaCompleteness, ApiError> {
    state.with_store(|store| store.bia_completeness())
}

#[tauri::command]
pub fn edit_bia_settings(
    edit: BiaSettingsEdit,
    state: State<'_, AppState>,
) -> Result<BiaSettings, ApiError> {
    state.with_store(|store| store.edit_bia_settings(&edit))
}

#[tauri::command]
pub fn list_resources(state: State<'_, AppState>) -> Result<Vec<Resource>, ApiError> {
    state.with_store(|store| store.resources())
}
