//! Incidents: the list, one incident's board at now (by the store's clock), opening one,
//! recording what happens on its board, checking its log; and the incident-room window,
//! a second, read-only window for the back of the room that follows the incident the
//! facilitator has open. Every change is sent to every window as the board it made.

use chrono::{DateTime, Utc};
use keel::ApiError;
use keel::domain::{BoardAction, EventSummary, OpenIncidentInput};
use keel::event::Board;
use keel::ops::incident::{self, IncidentCheck};
use keel::ops::incident_report::{self, ReportRequest, ReportSummary};
use keel::signing::shelf::SigningRequest;
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

use crate::dialogs::FilePurpose;
use crate::state::{blocking, on_store};

pub const INCIDENT_ROOM: &str = "incident-room";

/// Sent to every window with the board after a change to an incident.
pub const INCIDENT_CHANGED: &str = "incident-changed";

/// Sent to every window with the board the incident room is given to show.
pub const INCIDENT_ROOM_SHOWS: &str = "incident-room-shows";

#[tauri::command]
pub async fn list_incidents(app: AppHandle) -> Result<Vec<EventSummary>, ApiError> {
    on_store(&app, |store| store.incidents()).await
}

#[tauri::command]
pub async fn incident_board(incident_id: i64, app: AppHandle) -> Result<Board, ApiError> {
    on_store(&app, move |store| {
        let now = store.now();
        incident::board(store, incident_id, now)
    })
    .await
}

#[tauri::command]
pub async fn open_incident(input: OpenIncidentInput, app: AppHandle) -> Result<Board, ApiError> {
    let board = on_store(&app, move |store| {
        let now = store.now();
        let id = incident::open(store, &input, now)?;
        incident::board(store, id, now)
    })
    .await?;
    let _ = app.emit(INCIDENT_CHANGED, &board);
    Ok(board)
}

/// Records `action` at `at` (when it happened, as told), or now; the board after it.
#[tauri::command]
pub async fn record_incident(
    incident_id: i64,
    action: BoardAction,
    at: Option<DateTime<Utc>>,
    app: AppHandle,
) -> Result<Board, ApiError> {
    let board = on_store(&app, move |store| {
        incident::record_told(store, incident_id, &action, at)
    })
    .await?;
    // The incident room only mirrors; a window that is gone is no error.
    let _ = app.emit(INCIDENT_CHANGED, &board);
    Ok(board)
}

#[tauri::command]
pub async fn verify_incident(incident_id: i64, app: AppHandle) -> Result<IncidentCheck, ApiError> {
    on_store(&app, move |store| incident::verify(store, incident_id)).await
}

/// Makes `incident_id` the incident the room shows, and opens (or brings forward) the
/// incident-room window when `open_window` is set; without it the room follows only
/// when it is open.
#[tauri::command]
pub async fn show_in_incident_room(
    incident_id: i64,
    open_window: bool,
    app: AppHandle,
) -> Result<(), ApiError> {
    let board = blocking(&app, move |state| {
        state.set_incident_room(incident_id);
        state.with_store(|store| {
            let now = store.now();
            incident::board(store, incident_id, now)
        })
    })
    .await?;
    let _ = app.emit(INCIDENT_ROOM_SHOWS, &board);
    if open_window {
        open_room(&app)?;
    }
    Ok(())
}

/// The board the incident room shows, for a room window that has just opened.
#[tauri::command]
pub async fn incident_room_board(app: AppHandle) -> Result<Option<Board>, ApiError> {
    blocking(&app, |state| match state.incident_room() {
        Some(id) => state
            .with_store(|store| {
                let now = store.now();
                incident::board(store, id, now)
            })
            .map(Some),
        None => Ok(None),
    })
    .await
}

/// Full screen on and off for the incident-room window (F11 there).
#[tauri::command]
pub fn set_incident_room_fullscreen(fullscreen: bool, app: AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(INCIDENT_ROOM) {
        window.set_fullscreen(fullscreen).map_err(|e| {
            ApiError::from(keel::Error::Conflict(format!("Full screen failed: {e}")))
        })?;
    }
    Ok(())
}

fn open_room(app: &AppHandle) -> Result<(), ApiError> {
    if let Some(window) = app.get_webview_window(INCIDENT_ROOM) {
        let _ = window.set_focus();
        return Ok(());
    }
    WebviewWindowBuilder::new(app, INCIDENT_ROOM, WebviewUrl::App("index.html".into()))
        .title("Keel — incident room")
        .inner_size(1920.0, 1080.0)
        .initialization_script("window.__KEEL_VIEW__ = 'incident-room';")
        .build()
        .map_err(|e| {
            ApiError::from(keel::Error::Conflict(format!(
                "The incident-room window could not be opened: {e}"
            )))
        })?;
    Ok(())
}

/// Writes the after-action report of incident `incident_id` to the file chosen in the
/// save dialog as `file`, signed when `signing` says with what.
#[tauri::command]
pub async fn export_incident_report(
    incident_id: i64,
    file: u64,
    signing: Option<SigningRequest>,
    app: AppHandle,
) -> Result<ReportSummary, ApiError> {
    blocking(&app, move |state| {
        let target = state.chosen().path(file, FilePurpose::Pdf)?;
        let request = ReportRequest {
            incident_id,
            ..ReportRequest::default()
        };
        let report = state.with_store(|store| incident_report::document(store, &request))?;
        // Open the identity first: a wrong passphrase writes nothing.
        let identity = state.signing_identity(signing)?;
        let written = incident_report::write_pdf(&report, identity.as_ref(), &target)?;
        state.set_exported(target);
        Ok(written.into())
    })
    .await
}
