//! Organisational units.

use keel::ApiError;
use keel::domain::{OrgUnit, OrgUnitInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_units(state: State<'_, AppState>) -> Result<Vec<OrgUnit>, ApiError> {
    state.with_store(|store| store.units())
}

#[tauri::command]
pub fn add_unit(input: OrgUnitInput, state: State<'_, AppState>) -> Result<OrgUnit, ApiError> {
    state.with_store(|store| store.add_unit(&input))
}

#[tauri::command]
pub fn update_unit(
    id: i64,
    input: OrgUnitInput,
    state: State<'_, AppState>,
) -> Result<OrgUnit, ApiError> {
    state.with_store(|store| store.update_unit(id, &input))
}

#[tauri::command]
pub fn delete_unit(id: i64, state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_store(|store| store.delete_unit(id))
}
