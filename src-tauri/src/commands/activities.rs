//! Activities (processes).

use keel::ApiError;
use keel::domain::{Activity, ActivityInput, ActivityQuery};
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn list_activities(
    query: ActivityQuery,
    app: AppHandle,
) -> Result<Vec<Activity>, ApiError> {
    on_store(&app, move |store| store.activities(&query)).await
}

#[tauri::command]
pub async fn add_activity(input: ActivityInput, app: AppHandle) -> Result<Activity, ApiError> {
    on_store(&app, move |store| store.add_activity(&input)).await
}

#[tauri::command]
pub async fn update_activity(
    id: i64,
    input: ActivityInput,
    app: AppHandle,
) -> Result<Activity, ApiError> {
    on_store(&app, move |store| store.update_activity(id, &input)).await
}

#[tauri::command]
pub async fn delete_activity(id: i64, app: AppHandle) -> Result<(), ApiError> {
    on_store(&app, move |store| store.delete_activity(id)).await
}
