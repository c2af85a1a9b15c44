//! Exercises: the list, one exercise (preparation, board at now, findings), preparing
//! one from a loss scenario, editing its injects, starting it, recording on its board
//! (the clock, ratings, steps, restorations, log, close), the hot debrief; and findings
//! of an exercise or an incident; the post-exercise report as a PDF. Each is a call into
//! `keel::ops`.

use keel::ApiError;
use keel::domain::{
    BoardAction, ExerciseSummary, Finding, FindingInput, InjectInput, NewExerciseInput,
};
use keel::ops::exercise::{self, ExerciseView};
use keel::ops::exercise_report::{self, ExerciseReportRequest};
use keel::ops::findings;
use keel::ops::report_file::ReportSummary;
use keel::signing::shelf::SigningRequest;
use tauri::AppHandle;

use crate::dialogs::FilePurpose;
use crate::state::{blocking, on_store};

#[tauri::command]
pub async fn list_exercises(app: AppHandle) -> Result<Vec<ExerciseSummary>, ApiError> {
    on_store(&app, |store| store.exercises()).await
}

#[tauri::command]
pub async fn exercise_view(exercise_id: i64, app: AppHandle) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        let now = store.now();
        exercise::view(store, exercise_id, now)
    })
    .await
}

#[tauri::command]
pub async fn new_exercise(
    input: NewExerciseInput,
    app: AppHandle,
) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        let now = store.now();
        let id = exercise::new(store, &input, now)?;
        exercise::view(store, id, now)
    })
    .await
}

#[tauri::command]
pub async fn set_exercise_injects(
    exercise_id: i64,
    injects: Vec<InjectInput>,
    app: AppHandle,
) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        exercise::set_injects(store, exercise_id, &injects)?;
        let now = store.now();
        exercise::view(store, exercise_id, now)
    })
    .await
}

#[tauri::command]
pub async fn start_exercise(exercise_id: i64, app: AppHandle) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        let now = store.now();
        exercise::start(store, exercise_id, now)
    })
    .await
}

/// Records `action` now; the exercise after it.
#[tauri::command]
pub async fn record_exercise(
    exercise_id: i64,
    action: BoardAction,
    app: AppHandle,
) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        let now = store.now();
        exercise::record(store, exercise_id, &action, now)
    })
    .await
}

/// The hot debrief: strengths, weaknesses, and objectives met (number, met or not or
/// undecided).
#[tauri::command]
pub async fn exercise_debrief(
    exercise_id: i64,
    strengths: String,
    weaknesses: String,
    met: Vec<(u32, Option<bool>)>,
    app: AppHandle,
) -> Result<ExerciseView, ApiError> {
    on_store(&app, move |store| {
        exercise::debrief(store, exercise_id, &strengths, &weaknesses, &met)?;
        let now = store.now();
        exercise::view(store, exercise_id, now)
    })
    .await
}

/// Records a finding of an exercise or incident (`event_id`), or of a plan review.
#[tauri::command]
pub async fn add_finding(
    event_id: Option<i64>,
    input: FindingInput,
    app: AppHandle,
) -> Result<Finding, ApiError> {
    on_store(&app, move |store| findings::add(store, event_id, &input)).await
}

/// The findings of an event, or every finding.
#[tauri::command]
pub async fn list_findings(
    event_id: Option<i64>,
    app: AppHandle,
) -> Result<Vec<Finding>, ApiError> {
    on_store(&app, move |store| store.findings(event_id)).await
}

/// Writes the post-exercise report of exercise `exercise_id` to the file chosen in the
/// save dialog as `file`, signed when `signing` says with what.
#[tauri::command]
pub async fn export_exercise_report(
    exercise_id: i64,
    file: u64,
    signing: Option<SigningRequest>,
    app: AppHandle,
) -> Result<ReportSummary, ApiError> {
    blocking(&app, move |state| {
        let target = state.chosen().path(file, FilePurpose::Pdf)?;
        let request = ExerciseReportRequest {
            exercise_id,
            ..ExerciseReportRequest::default()
        };
        let report = state.with_store(|store| exercise_report::document(store, &request))?;
        // Open the identity first: a wrong passphrase writes nothing.
        let identity = state.signing_identity(signing)?;
        let written = exercise_report::write_pdf(&report, identity.as_ref(), &target)?;
        state.set_exported(target);
        Ok(written.into())
    })
    .await
}
