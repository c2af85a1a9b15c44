//! Workshop mode: a second, read-only window for the projector that mirrors the
//! interview being typed in the main window, following the step and the grid cell the
//! facilitator is on, or the dependency map as the facilitator has it focused.

use keel::ApiError;
use keel::analysis::interview::InterviewView;
use keel::domain::{MapFocus, Presented, PresenterFocus, WorkshopTimer};
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

use super::bia::INTERVIEW_CHANGED;
use crate::state::blocking;

pub const PRESENTATION: &str = "presentation";

/// Sent to every window when the projector is given something else to show.
pub const PRESENTED: &str = "presented";

/// Makes `activity_id` the interview shown on the projector, and opens (or brings
/// forward) the presentation window when `open_window` is set. Without it (an interview
/// opened in the main window) the projector follows only from another interview.
#[tauri::command]
pub async fn present_interview(
    activity_id: i64,
    open_window: bool,
    app: AppHandle,
) -> Result<(), ApiError> {
    let shown = Presented::Interview { activity_id };
    let (view, taken) = blocking(&app, move |state| {
        let view = state.with_store(|store| store.interview(activity_id))?;
        Ok((view, state.present(shown, open_window)))
    })
    .await?;
    let _ = app.emit(INTERVIEW_CHANGED, &view);
    if taken {
        let _ = app.emit(PRESENTED, Presented::Interview { activity_id });
    }
    if open_window {
        open_presentation(&app)?;
    }
    Ok(())
}

/// Makes the dependency map, focused on `focus` (none: the whole map), what the
/// projector shows, and opens the window when `open_window` is set. Without it (the
/// facilitator changed the focus) the mirrored map follows, but an interview on the
/// projector stays.
#[tauri::command]
pub async fn present_map(
    focus: Option<MapFocus>,
    open_window: bool,
    app: AppHandle,
) -> Result<(), ApiError> {
    let shown = Presented::Map { focus };
    let next = shown.clone();
    let taken = blocking(&app, move |state| Ok(state.present(next, open_window))).await?;
    if taken {
        let _ = app.emit(PRESENTED, shown);
    }
    if open_window {
        open_presentation(&app)?;
    }
    Ok(())
}

/// What the projector shows, for a presentation window that has just opened.
#[tauri::command]
pub async fn presented(app: AppHandle) -> Result<Option<Presented>, ApiError> {
    blocking(&app, |state| Ok(state.presented())).await
}

/// Opens the presentation window, or brings it forward when it is open.
fn open_presentation(app: &AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(PRESENTATION) {
        let _ = window.set_focus();
        return Ok(());
    }
    WebviewWindowBuilder::new(app, PRESENTATION, WebviewUrl::App("index.html".into()))
        .title("Keel — presentation")
        .inner_size(1280.0, 800.0)
        .initialization_script("window.__KEEL_VIEW__ = 'presentation';")
        .build()
        .map_err(|e| {
            ApiError::from(keel::Error::Conflict(format!(
                "The presentation window could not be opened: {e}"
            )))
        })?;
    Ok(())
}

/// The interview the presentation window shows, if it shows one.
#[tauri::command]
pub async fn presented_interview(app: AppHandle) -> Result<Option<InterviewView>, ApiError> {
    blocking(&app, |state| match state.presented() {
        Some(Presented::Interview { activity_id }) => state
            .with_store(|store| store.interview(activity_id))
            .map(Some),
        _ => Ok(None),
    })
    .await
}

/// Full screen on and off for the presentation window (F11 there).
#[tauri::command]
pub fn set_presentation_fullscreen(fullscreen: bool, app: AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(PRESENTATION) {
        window.set_fullscreen(fullscreen).map_err(|e| {
            ApiError::from(keel::Error::Conflict(format!("Full screen failed: {e}")))
        })?;
    }
    Ok(())
}

/// Sent to every window when the facilitator moves to another step or grid cell.
pub const PRESENTER_FOCUS: &str = "presenter-focus";

/// Where the facilitator is in the interview (step, grid cell): kept for a presentation
/// window opened later, and passed on to the one open now.
#[tauri::command]
pub async fn share_presenter_focus(focus: PresenterFocus, app: AppHandle) -> Result<(), ApiError> {
    blocking(&app, move |state| {
        state.set_presenter_focus(focus);
        Ok(())
    })
    .await?;
    let _ = app.emit(PRESENTER_FOCUS, focus);
    Ok(())
}

/// Where the facilitator was last, for a presentation window that has just opened.
#[tauri::command]
pub async fn presenter_focus(app: AppHandle) -> Result<Option<PresenterFocus>, ApiError> {
    blocking(&app, |state| Ok(state.presenter_focus())).await
}

/// Sent to every window when the facilitator's agenda timer starts, stops or ticks.
pub const WORKSHOP_TIMER: &str = "workshop-timer";

/// Passes the agenda timer on to the presentation window.
#[tauri::command]
pub fn share_timer(timer: WorkshopTimer, app: AppHandle) {
    let _ = app.emit(WORKSHOP_TIMER, timer);
}

/// The agenda timer as it stands now, as last saved (it survives a restart).
#[tauri::command]
pub async fn saved_timer(app: AppHandle) -> Result<Option<WorkshopTimer>, ApiError> {
    blocking(&app, |state| {
        Ok(state.workspace().timer(chrono::Utc::now()))
    })
    .await
}

/// Keeps the agenda timer as it is now: on start, pause, and when its page is left.
#[tauri::command]
pub async fn save_timer(timer: WorkshopTimer, app: AppHandle) -> Result<(), ApiError> {
    blocking(&app, move |state| {
        Ok(state.workspace().save_timer(timer, chrono::Utc::now())?)
    })
    .await
}
