//! Plans: the list, the plan being worked on, review and sign-off, frozen versions.
//! Every change returns the plan as it now stands.

use keel::ApiError;
use keel::domain::{FrozenVersion, NewPlanInput, PlanEdit, PlanSummary, PlanView, StepInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>, ApiError> {
    state.with_store(|store| store.plans())
}

#[tauri::command]
pub fn create_plan(input: NewPlanInput, state: State<'_, AppState>) -> Result<PlanView, ApiError> {
    state.with_store(|store| {
        let id = store.create_plan(&input)?.id;
        store.plan_view(id)
    })
}

#[tauri::command]
pub fn plan_view(plan_id: i64, state: State<'_, AppState>) -> Result<PlanView, ApiError> {
    state.with_store(|store| store.plan_view(plan_id))
}

#[tauri::command]
pub fn edit_plan(
    plan_id: i64,
    edit: PlanEdit,
    state: State<'_, AppState>,
) -> Result<PlanView, ApiError> {
    state.with_store(|store| {
        store.edit_plan(plan_id, &edit)?;
        store.plan_view(plan_id)
    })
}

#[tauri::command]
pub fn submit_plan(plan_id: i64, state: State<'_, AppState>) -> Result<PlanView, ApiError> {
    state.with_store(|store| {
        store.submit_plan(plan_id)?;
        store.plan_view(plan_id)
    })
}

#[tauri::command]
pub fn withdraw_plan(plan_id: i64, state: State<'_, AppState>) -> Result<PlanView, ApiError> {
    state.with_store(|store| {
        store.withdraw_plan(plan_id)?;
        store.plan_view(plan_id)
    })
}

#[tauri::command]
pub fn approve_plan(
    plan_id: i64,
    name: String,
    role: String,
    comment: String,
    state: State<'_, AppState>,
) -> Result<PlanView, ApiError> {
    state.with_store(|store| {
        store.approve_plan(plan_id, &name, &role, &comment)?;
        store.plan_view(plan_id)
    })
}

#[tauri::command]
pub fn frozen_plan_version(
    plan_id: i64,
    version: u32,
    state: State<'_, AppState>,
) -> Result<FrozenVersion, ApiError> {
    state.with_store(|store| store.frozen_version(plan_id, version))
}

#[tauri::command]
pub fn propose_plan_steps(
    plan_id: i64,
    state: State<'_, AppState>,
) -> Result<Vec<StepInput>, ApiError> {
    state.with_store(|store| store.propose_plan_steps(plan_id))
}
