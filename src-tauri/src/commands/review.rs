//! Improving: the actions (list, add, change), the findings they come from, the review
//! of what has gone stale (today, by the store's clock) and the intervals it goes by.

use keel::ApiError;
use keel::domain::{Action, ActionEdit, ActionInput};
use keel::ops::{action, review};
use keel::review::Review;
use keel::store::ReviewSettings;
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn list_actions(app: AppHandle) -> Result<Vec<Action>, ApiError> {
    on_store(&app, |store| action::list(store)).await
}

#[tauri::command]
pub async fn add_action(input: ActionInput, app: AppHandle) -> Result<Action, ApiError> {
    on_store(&app, move |store| action::add(store, &input)).await
}

#[tauri::command]
pub async fn update_action(id: i64, edit: ActionEdit, app: AppHandle) -> Result<Action, ApiError> {
    on_store(&app, move |store| action::update(store, id, &edit)).await
}

#[tauri::command]
pub async fn review_items(app: AppHandle) -> Result<Review, ApiError> {
    on_store(&app, |store| review::review(store)).await
}

#[tauri::command]
pub async fn review_settings(app: AppHandle) -> Result<ReviewSettings, ApiError> {
    on_store(&app, |store| store.review_settings()).await
}

#[tauri::command]
pub async fn set_review_settings(
    settings: ReviewSettings,
    app: AppHandle,
) -> Result<ReviewSettings, ApiError> {
    on_store(&app, move |store| store.set_review_settings(&settings)).await
}
