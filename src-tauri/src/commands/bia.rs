//! Business impact analysis: settings, interviews, the prioritised list.

use keel::ApiError;
use keel::analysis::interview::InterviewView;
use keel::domain::{
    BiaCompleteness, BiaResult, BiaSettings, BiaSettingsEdit, InterviewEdit, Resource,
};
use tauri::{AppHandle, Emitter};

use crate::state::on_store;

/// Sent to every window after an interview changes, so the presentation view mirrors it.
pub const INTERVIEW_CHANGED: &str = "interview-changed";

#[tauri::command]
pub async fn bia_settings(app: AppHandle) -> Result<BiaSettings, ApiError> {
    on_store(&app, move |store| store.bia_settings()).await
}

#[tauri::command]
pub async fn interview(activity_id: i64, app: AppHandle) -> Result<InterviewView, ApiError> {
    on_store(&app, move |store| store.interview(activity_id)).await
}

#[tauri::command]
pub async fn edit_interview(
    activity_id: i64,
    edits: Vec<InterviewEdit>,
    app: AppHandle,
) -> Result<InterviewView, ApiError> {
    // A value typed that cannot be accepted is kept as typed, unresolved.
    let view = on_store(&app, move |store| {
        store.edit_interview_keeping(activity_id, &edits)
    })
    .await?;
    // The presentation window only mirrors; a window that is gone is no error.
    let _ = app.emit(INTERVIEW_CHANGED, &view);
    Ok(view)
}

#[tauri::command]
pub async fn bia_results(app: AppHandle) -> Result<Vec<BiaResult>, ApiError> {
    on_store(&app, move |store| store.bia_results()).await
}

/// How many values in the engagement are kept as typed and not accepted yet.
#[tauri::command]
pub async fn unresolved_count(app: AppHandle) -> Result<usize, ApiError> {
    on_store(&app, move |store| store.unresolved_count()).await
}

#[tauri::command]
pub async fn bia_completeness(app: AppHandle) -> Result<BiaCompleteness, ApiError> {
    on_store(&app, move |store| store.bia_completeness()).await
}

#[tauri::command]
pub async fn edit_bia_settings(
    edit: BiaSettingsEdit,
    app: AppHandle,
) -> Result<BiaSettings, ApiError> {
    on_store(&app, move |store| store.edit_bia_settings(&edit)).await
}

#[tauri::command]
pub async fn list_resources(app: AppHandle) -> Result<Vec<Resource>, ApiError> {
    on_store(&app, move |store| store.resources()).await
}
