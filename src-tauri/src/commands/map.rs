//! The dependency map: the placed graph, nodes dragged, needs added and removed.

use keel::ApiError;
use keel::domain::{MapPosition, NodeRef};
use keel::map::DependencyMap;
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn dependency_map(app: AppHandle) -> Result<DependencyMap, ApiError> {
    on_store(&app, move |store| store.dependency_map()).await
}

#[tauri::command]
pub async fn set_map_position(
    node: String,
    at: MapPosition,
    app: AppHandle,
) -> Result<(), ApiError> {
    on_store(&app, move |store| {
        store.set_map_position(NodeRef::parse("node", &node)?, at)
    })
    .await
}

#[tauri::command]
pub async fn reset_map_layout(app: AppHandle) -> Result<DependencyMap, ApiError> {
    on_store(&app, move |store| {
        store.reset_map_layout()?;
        store.dependency_map()
    })
    .await
}

#[tauri::command]
pub async fn add_need(
    from: String,
    to: String,
    group: String,
    app: AppHandle,
) -> Result<DependencyMap, ApiError> {
    on_store(&app, move |store| {
        store.add_need(
            NodeRef::parse("from", &from)?,
            NodeRef::parse("to", &to)?,
            &group,
        )?;
        store.dependency_map()
    })
    .await
}

#[tauri::command]
pub async fn remove_need(
    from: String,
    to: String,
    app: AppHandle,
) -> Result<DependencyMap, ApiError> {
    on_store(&app, move |store| {
        store.remove_need(NodeRef::parse("from", &from)?, NodeRef::parse("to", &to)?)?;
        store.dependency_map()
    })
    .await
}
