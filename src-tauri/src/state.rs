//! The shell's state: the facilitator's workspace behind a lock.

use std::sync::{Mutex, MutexGuard};

use keel::workspace::Workspace;
use keel::{ApiError, Error};

pub struct AppState(Mutex<Workspace>);

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self(Mutex::new(workspace))
    }

    /// The workspace; a lock poisoned by a panic elsewhere is still usable, because
    /// every change is a committed SQLite transaction or nothing.
    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the open engagement.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut keel::EngagementStore) -> Result<T, Error>,
    ) -> Result<T, ApiError> {
        let mut workspace = self.workspace();
        Ok(f(workspace.store()?)?)
    }
}
