//! Plans: the list, the plan being worked on, review and sign-off, frozen versions.
//! Every change returns the plan as it now stands.

use keel::ApiError;
use keel::domain::{NewPlanInput, PlanEdit, PlanSummary, StepInput};
use keel::plan::view::{FrozenVersion, PlanView};
use tauri::AppHandle;

use crate::state::on_store;

#[tauri::command]
pub async fn list_plans(app: AppHandle) -> Result<Vec<PlanSummary>, ApiError> {
    on_store(&app, move |store| store.plans()).await
}

#[tauri::command]
pub async fn create_plan(input: NewPlanInput, app: AppHandle) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| {
        let id = store.create_plan(&input)?.id;
        store.plan_view(id)
    })
    .await
}

#[tauri::command]
pub async fn plan_view(plan_id: i64, app: AppHandle) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| store.plan_view(plan_id)).await
}

#[tauri::command]
pub async fn edit_plan(plan_id: i64, edit: PlanEdit, app: AppHandle) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| {
        store.edit_plan(plan_id, &edit)?;
        store.plan_view(plan_id)
    })
    .await
}

#[tauri::command]
pub async fn submit_plan(plan_id: i64, app: AppHandle) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| {
        store.submit_plan(plan_id)?;
        store.plan_view(plan_id)
    })
    .await
}

#[tauri::command]
pub async fn withdraw_plan(plan_id: i64, app: AppHandle) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| {
        store.withdraw_plan(plan_id)?;
        store.plan_view(plan_id)
    })
    .await
}

#[tauri::command]
pub async fn approve_plan(
    plan_id: i64,
    name: String,
    role: String,
    comment: String,
    app: AppHandle,
) -> Result<PlanView, ApiError> {
    on_store(&app, move |store| {
        store.approve_plan(plan_id, &name, &role, &comment)?;
        store.plan_view(plan_id)
    })
    .await
}

#[tauri::command]
pub async fn frozen_plan_version(
    plan_id: i64,
    version: u32,
    app: AppHandle,
) -> Result<FrozenVersion, ApiError> {
    on_store(&app, move |store| store.frozen_version(plan_id, version)).await
}

#[tauri::command]
pub async fn propose_plan_steps(plan_id: i64, app: AppHandle) -> Result<Vec<StepInput>, ApiError> {
    on_store(&app, move |store| store.propose_plan_steps(plan_id)).await
}
