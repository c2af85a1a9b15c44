//! People to call and the teams they form.

use keel::ApiError;
use keel::domain::{Person, PersonInput, Team, TeamInput};
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn list_people(app: AppHandle) -> Result<Vec<Person>, ApiError> {
    on_store(&app, move |store| store.people()).await
}

#[tauri::command]
pub async fn add_person(input: PersonInput, app: AppHandle) -> Result<Person, ApiError> {
    on_store(&app, move |store| store.add_person(&input)).await
}

#[tauri::command]
pub async fn update_person(
    id: i64,
    input: PersonInput,
    app: AppHandle,
) -> Result<Person, ApiError> {
    on_store(&app, move |store| store.update_person(id, &input)).await
}

#[tauri::command]
pub async fn delete_person(id: i64, app: AppHandle) -> Result<(), ApiError> {
    on_store(&app, move |store| store.delete_person(id)).await
}

#[tauri::command]
pub async fn list_teams(app: AppHandle) -> Result<Vec<Team>, ApiError> {
    on_store(&app, move |store| store.teams()).await
}

#[tauri::command]
pub async fn add_team(input: TeamInput, app: AppHandle) -> Result<Team, ApiError> {
    on_store(&app, move |store| store.add_team(&input)).await
}

#[tauri::command]
pub async fn update_team(id: i64, input: TeamInput, app: AppHandle) -> Result<Team, ApiError> {
    on_store(&app, move |store| store.update_team(id, &input)).await
}

#[tauri::command]
pub async fn delete_team(id: i64, app: AppHandle) -> Result<(), ApiError> {
    on_store(&app, move |store| store.delete_team(id)).await
}
