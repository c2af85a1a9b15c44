//! The dependency map: the placed graph, nodes dragged, needs added and removed.

use keel::ApiError;
use keel::domain::{DependencyMap, MapPosition, NodeRef};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn dependency_map(state: State<'_, AppState>) -> Result<DependencyMap, ApiError> {
    state.with_store(|store| store.dependency_map())
}

#[tauri::command]
pub fn set_map_position(
    node: String,
    at: MapPosition,
    state: State<'_, AppState>,
) -> Result<(), ApiError> {
    state.with_store(|store| store.set_map_position(NodeRef::parse("node", &node)?, at))
}

#[tauri::command]
pub fn reset_map_layout(state: State<'_, AppState>) -> Result<DependencyMap, ApiError> {
    state.with_store(|store| {
        store.reset_map_layout()?;
        store.dependency_map()
    })
}

#[tauri::command]
pub fn add_need(
    from: String,
    to: String,
    group: String,
    state: State<'_, AppState>,
) -> Result<DependencyMap, ApiError> {
    state.with_store(|store| {
        store.add_need(
            NodeRef::parse("from", &from)?,
            NodeRef::parse("to", &to)?,
            &group,
        )?;
        store.dependency_map()
    })
}

#[tauri::command]
pub fn remove_need(
    from: String,
    to: String,
    state: State<'_, AppState>,
) -> Result<DependencyMap, ApiError> {
    state.with_store(|store| {
        store.remove_need(NodeRef::parse("from", &from)?, NodeRef::parse("to", &to)?)?;
        store.dependency_map()
    })
}
