//! People to call and the teams they form.

use keel::ApiError;
use keel::domain::{Person, PersonInput, Team, TeamInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_people(state: State<'_, AppState>) -> Result<Vec<Person>, ApiError> {
    state.with_store(|store| store.people())
}

#[tauri::command]
pub fn add_person(input: PersonInput, state: State<'_, AppState>) -> Result<Person, ApiError> {
    state.with_store(|store| store.add_person(&input))
}

#[tauri::command]
pub fn update_person(
    id: i64,
    input: PersonInput,
    state: State<'_, AppState>,
) -> Result<Person, ApiError> {
    state.with_store(|store| store.update_person(id, &input))
}

#[tauri::command]
pub fn delete_person(id: i64, state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_store(|store| store.delete_person(id))
}

#[tauri::command]
pub fn list_teams(state: State<'_, AppState>) -> Result<Vec<Team>, ApiError> {
    state.with_store(|store| store.teams())
}

#[tauri::command]
pub fn add_team(input: TeamInput, state: State<'_, AppState>) -> Result<Team, ApiError> {
    state.with_store(|store| store.add_team(&input))
}

#[tauri::command]
pub fn update_team(
    id: i64,
    input: TeamInput,
    state: State<'_, AppState>,
) -> Result<Team, ApiError> {
    state.with_store(|store| store.update_team(id, &input))
}

#[tauri::command]
pub fn delete_team(id: i64, state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with_store(|store| store.delete_team(id))
}
