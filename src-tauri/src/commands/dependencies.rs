//! Dependency mapping: the analysis of the open engagement, and what resources can do.

use keel::ApiError;
use keel::analysis::dependencies::Analysis;
use keel::domain::ResourceCapabilityInput;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn dependency_analysis(state: State<'_, AppState>) -> Result<Analysis, ApiError> {
    state.with_store(|store| store.analyze_dependencies())
}

#[tauri::command]
pub fn resource_capability(
    resource_id: i64,
    state: State<'_, AppState>,
) -> Result<ResourceCapabilityInput, ApiError> {
    state.with_store(|store| store.resource_capability(resource_id))
}

#[tauri::command]
pub fn set_resource_capability(
    resource_id: i64,
    input: ResourceCapabilityInput,
    state: State<'_, AppState>,
) -> Result<ResourceCapabilityInput, ApiError> {
    state.with_store(|store| {
        store.set_resource_capability(resource_id, &input)?;
        store.resource_capability(resource_id)
    })
}
