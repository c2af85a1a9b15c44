//! Dependency mapping: the analysis of the open engagement, and what resources can do.

use keel::ApiError;
use keel::analysis::dependencies::Analysis;
use keel::analysis::evidence::Standing;
use keel::domain::ResourceCapabilityInput;
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn dependency_analysis(app: AppHandle) -> Result<Analysis, ApiError> {
    on_store(&app, move |store| store.analyze_dependencies()).await
}

#[tauri::command]
pub async fn resource_capability(
    resource_id: i64,
    app: AppHandle,
) -> Result<ResourceCapabilityInput, ApiError> {
    on_store(&app, move |store| store.resource_capability(resource_id)).await
}

/// How the capability stands today: a demonstration in force or expired, and the values
/// in force.
#[tauri::command]
pub async fn capability_standing(resource_id: i64, app: AppHandle) -> Result<Standing, ApiError> {
    on_store(&app, move |store| store.capability_standing(resource_id)).await
}

#[tauri::command]
pub async fn set_resource_capability(
    resource_id: i64,
    input: ResourceCapabilityInput,
    app: AppHandle,
) -> Result<ResourceCapabilityInput, ApiError> {
    on_store(&app, move |store| {
        store.set_resource_capability(resource_id, &input)?;
        store.resource_capability(resource_id)
    })
    .await
}
