//! Import from spreadsheets: a preview (a dry run) first, then the import itself, from
//! the files chosen in the open dialog. Both run off the window's thread and tell the
//! window how far they are with `import-progress` events.

use keel::ApiError;
use keel::import::{ImportFiles, ImportProgress, ImportReport};
use serde::Deserialize;
use tauri::{AppHandle, Emitter};

use crate::dialogs::FilePurpose;
use crate::state::blocking;

/// Sent to the window while an import (or its preview) runs.
pub const IMPORT_PROGRESS: &str = "import-progress";

/// The files to import, as the ids the open dialog gave them.
#[derive(Debug, Deserialize)]
pub struct ChosenImportFiles {
    pub activities: Option<u64>,
    pub resources: Option<u64>,
    pub dependencies: Option<u64>,
}

#[tauri::command]
pub async fn import_csv(
    files: ChosenImportFiles,
    dry_run: bool,
    app: AppHandle,
) -> Result<ImportReport, ApiError> {
    let emitter = app.clone();
    let mut progress = move |done: ImportProgress| {
        let _ = emitter.emit(IMPORT_PROGRESS, done);
    };
    blocking(&app, move |state| {
        let files = {
            let chosen = state.chosen();
            let path = |id: Option<u64>| id.map(|id| chosen.path(id, FilePurpose::Csv)).transpose();
            ImportFiles {
                activities: path(files.activities)?,
                resources: path(files.resources)?,
                dependencies: path(files.dependencies)?,
            }
        };
        state.with_store(|store| store.import_with_progress(&files, dry_run, &mut progress))
    })
    .await
}
