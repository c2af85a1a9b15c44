//! Activities (processes).

use keel::ApiError;
use keel::domain::{Activity, ActivityInput, ActivityQuery};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_activities(
    query: ActivityQuery,
    state: State<'_, AppState>,
) -> Result<Vec<Activity>, ApiError> {
    state.with_store(|store| store.activities(&query))
}

#[tauri::command]
pub fn add_activity(
    input: ActivityInput,
    state: State<'_, AppState>,
) -> Result<Activity, ApiError> {
    state.with_store(|store| store.add_activity(&input))
}

#[tauri::command]
pub fn update_activity(
    id: i64,
    input: ActivityInput,
    state: State<'_, AppState>,
) -> Result<Activity, ApiError> {
    state.with_store(|store| store.update_activity(id, &input))
}

#[tauri::command]
pub fn delete_activity(id: i64, state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_store(|store| store.delete_activity(id))
}
