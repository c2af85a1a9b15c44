//! Import from spreadsheets: a preview (a dry run) first, then the import itself.

use keel::ApiError;
use keel::import::{ImportFiles, ImportReport};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn import_csv(
    files: ImportFiles,
    dry_run: bool,
    state: State<'_, AppState>,
) -> Result<ImportReport, ApiError> {
    state.with_store(|store| store.import(&files, dry_run))
}
