//! The shell's state: the facilitator's workspace behind a lock, and which interview the
//! presentation window shows.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use keel::workspace::Workspace;
use keel::{ApiError, Error};

pub struct AppState {
    workspace: Mutex<Workspace>,
    /// The activity whose interview the presentation window shows.
    presented: Mutex<Option<i64>>,
    /// The PDF exported last: the only file "open the PDF" opens.
    exported: Mutex<Option<PathBuf>>,
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
            presented: Mutex::new(None),
            exported: Mutex::new(None),
        }
    }

    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        lock(&self.workspace)
    }

    /// Runs `f` on the open engagement.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut keel::EngagementStore) -> Result<T, Error>,
    ) -> Result<T, ApiError> {
        let mut workspace = self.workspace();
        Ok(f(workspace.store()?)?)
    }

    pub fn exported(&self) -> Option<PathBuf> {
        lock(&self.exported).clone()
    }

    pub fn set_exported(&self, path: PathBuf) {
        *lock(&self.exported) = Some(path);
    }

    pub fn presented(&self) -> Option<i64> {
        *lock(&self.presented)
    }

    pub fn set_presented(&self, activity_id: Option<i64>) {
        *lock(&self.presented) = activity_id;
    }
}
