//! The shell's state: the facilitator's workspace behind a lock, the files chosen in
//! Keel's dialogs, what the presentation window shows (an interview or the map) and the
//! incident the incident-room window shows.
//!
//! Every command reaches the workspace through [`blocking`] or [`on_store`], on a
//! blocking thread: the window's thread never waits for the lock, which an import or a
//! migrating engagement may hold for seconds.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use keel::domain::{Presented, PresenterFocus};
use keel::signing::Identity;
use keel::signing::shelf::SigningRequest;
use keel::workspace::Workspace;
use keel::{ApiError, EngagementStore, Error};
use tauri::{AppHandle, Manager};

use crate::dialogs::ChosenFiles;

pub struct AppState {
    workspace: Mutex<Workspace>,
    /// Paths the user chose in a file dialog; the page refers to them by id only.
    chosen: Mutex<ChosenFiles>,
    /// What the presentation window shows: an interview, or the map and its focus.
    presented: Mutex<Option<Presented>>,
    /// Where the facilitator is in the interview shown (step, grid cell), last shared.
    presenter_focus: Mutex<Option<PresenterFocus>>,
    /// The PDF exported last: the only file "open the PDF" opens.
    exported: Mutex<Option<PathBuf>>,
    /// The incident the incident-room window shows.
    incident_room: Mutex<Option<i64>>,
}

/// A lock poisoned by a panic elsewhere is still usable: every change is a committed
/// SQLite transaction or nothing.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace: Mutex::new(workspace),
            chosen: Mutex::new(ChosenFiles::default()),
            presented: Mutex::new(None),
            presenter_focus: Mutex::new(None),
            exported: Mutex::new(None),
            incident_room: Mutex::new(None),
        }
    }

    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        lock(&self.workspace)
    }

    pub fn chosen(&self) -> MutexGuard<'_, ChosenFiles> {
        lock(&self.chosen)
    }

    /// Runs `f` on the open engagement.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut EngagementStore) -> Result<T, Error>,
    ) -> Result<T, ApiError> {
        let mut workspace = self.workspace();
        Ok(f(workspace.store()?)?)
    }

    /// The signing identity `signing` names, opened with its passphrase (a wrong one is
    /// refused here, before anything is written); `None` when not signing.
    pub fn signing_identity(
        &self,
        signing: Option<SigningRequest>,
    ) -> Result<Option<Identity>, Error> {
        signing
            .map(|s| {
                let shelf = self.workspace().dirs().identities();
                shelf.open(&s.identity_id, &s.passphrase)
            })
            .transpose()
    }

    pub fn exported(&self) -> Option<PathBuf> {
        lock(&self.exported).clone()
    }

    pub fn set_exported(&self, path: PathBuf) {
        *lock(&self.exported) = Some(path);
    }

    pub fn presented(&self) -> Option<Presented> {
        lock(&self.presented).clone()
    }

    /// Shows `next` on the projector when the facilitator asked (`asked`) or when it
    /// follows what is shown (`Presented::follows`); whether it did.
    pub fn present(&self, next: Presented, asked: bool) -> bool {
        let mut shown = lock(&self.presented);
        let take = asked || next.follows(shown.as_ref());
        if take {
            *shown = Some(next);
        }
        take
    }

    /// Forgets what the projector and the incident room show (another engagement was
    /// opened).
    pub fn forget_presented(&self) {
        *lock(&self.presented) = None;
        *lock(&self.presenter_focus) = None;
        *lock(&self.incident_room) = None;
    }

    pub fn incident_room(&self) -> Option<i64> {
        *lock(&self.incident_room)
    }

    pub fn set_incident_room(&self, incident_id: i64) {
        *lock(&self.incident_room) = Some(incident_id);
    }

    pub fn presenter_focus(&self) -> Option<PresenterFocus> {
        *lock(&self.presenter_focus)
    }

    pub fn set_presenter_focus(&self, focus: PresenterFocus) {
        *lock(&self.presenter_focus) = Some(focus);
    }
}

/// Runs `f` with the app's state on a blocking thread, off the window's thread.
pub async fn blocking<T, F>(app: &AppHandle, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
{
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|e| {
            ApiError::from(Error::Conflict(format!(
                "The work stopped before it ended ({e}); nothing more was written. Try again."
            )))
        })?
}

/// Runs `f` on the open engagement on a blocking thread.
pub async fn on_store<T, F>(app: &AppHandle, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut EngagementStore) -> Result<T, Error> + Send + 'static,
{
    blocking(app, move |state| state.with_store(f)).await
}
