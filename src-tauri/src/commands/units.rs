//! Organisational units.

use keel::ApiError;
use keel::domain::{OrgUnit, OrgUnitInput};
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn list_units(app: AppHandle) -> Result<Vec<OrgUnit>, ApiError> {
    on_store(&app, move |store| store.units()).await
}

#[tauri::command]
pub async fn add_unit(input: OrgUnitInput, app: AppHandle) -> Result<OrgUnit, ApiError> {
    on_store(&app, move |store| store.add_unit(&input)).await
}

#[tauri::command]
pub async fn update_unit(
    id: i64,
    input: OrgUnitInput,
    app: AppHandle,
) -> Result<OrgUnit, ApiError> {
    on_store(&app, move |store| store.update_unit(id, &input)).await
}

#[tauri::command]
pub async fn delete_unit(id: i64, app: AppHandle) -> Result<(), ApiError> {
    on_store(&app, move |store| store.delete_unit(id)).await
}
