//! File dialogs run from the Rust side, and the files they returned.
//!
//! The page never hands Keel a path to read or write: it asks for a dialog by purpose,
//! gets back an id (and the path, to show), and passes the id to the command that reads
//! or writes. A path the page makes up names nothing here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use keel::{ApiError, Error};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

/// What a file is chosen for: which dialog (open or save), which filter, and which
/// commands may use the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilePurpose {
    /// An engagement to open.
    Engagement,
    /// Where to create a new engagement.
    NewEngagement,
    /// A spreadsheet saved as CSV, to import.
    Csv,
    /// A PKCS#12 signing identity, to import.
    Identity,
    /// Where to write an exported PDF.
    Pdf,
}

impl FilePurpose {
    fn saves(self) -> bool {
        matches!(self, Self::NewEngagement | Self::Pdf)
    }

    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Engagement | Self::NewEngagement => ("Keel engagement", &["keel"]),
            Self::Csv => ("CSV file", &["csv", "txt"]),
            Self::Identity => ("PKCS#12 identity", &["p12", "pfx"]),
            Self::Pdf => ("PDF document", &["pdf"]),
        }
    }
}

/// A file the user chose: the id the page passes back, and the path to show.
#[derive(Debug, Clone, Serialize)]
pub struct ChosenFile {
    pub id: u64,
    pub path: String,
}

/// The paths dialogs returned in this run of the app, by id.
#[derive(Default)]
pub struct ChosenFiles {
    next: u64,
    files: HashMap<u64, (FilePurpose, PathBuf)>,
}

impl ChosenFiles {
    pub fn remember(&mut self, purpose: FilePurpose, path: PathBuf) -> ChosenFile {
        self.next += 1;
        let shown = path.display().to_string();
        self.files.insert(self.next, (purpose, path));
        ChosenFile {
            id: self.next,
            path: shown,
        }
    }

    /// The path chosen as `id` for `purpose`; any other id is refused.
    pub fn path(&self, id: u64, purpose: FilePurpose) -> Result<PathBuf, ApiError> {
        match self.files.get(&id) {
            Some((chosen_for, path)) if *chosen_for == purpose => Ok(path.clone()),
            _ => Err(Error::Conflict(
                "Keel only uses files chosen in its own file dialog: choose the file again.".into(),
            )
            .into()),
        }
    }
}

/// Shows the dialog for `purpose` and waits for the answer; `None` when cancelled.
/// Blocks: call it off the window's thread.
pub fn ask(app: &AppHandle, purpose: FilePurpose, suggested: Option<&str>) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (name, extensions) = purpose.filter();
    let mut dialog = app.dialog().file().add_filter(name, extensions);
    // Modal to the main window, as the page's own dialogs were.
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    if let Some(suggested) = suggested.map(Path::new) {
        if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(file) = suggested.file_name() {
            dialog = dialog.set_file_name(file.to_string_lossy());
        }
    }
    let picked = if purpose.saves() {
        dialog.blocking_save_file()
    } else {
        dialog.blocking_pick_file()
    };
    picked.and_then(|p| p.into_path().ok())
}

/// The real-window tests cannot click in a native dialog. In debug builds only, when
/// `KEEL_E2E_DIALOG_ANSWERS` names a file, each dialog takes that file's first line as
/// its answer (an empty line: cancelled) and is never shown. The variable is read here,
/// by the Rust side, never by the page; release builds ignore it.
#[cfg(debug_assertions)]
fn test_answer() -> Option<Option<PathBuf>> {
    let file = std::env::var_os("KEEL_E2E_DIALOG_ANSWERS").filter(|f| !f.is_empty())?;
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut lines = text.lines();
    let answer = lines.next().unwrap_or("").trim();
    let rest: Vec<&str> = lines.collect();
    let _ = std::fs::write(&file, rest.join("\n"));
    Some((!answer.is_empty()).then(|| PathBuf::from(answer)))
}

#[cfg(not(debug_assertions))]
fn test_answer() -> Option<Option<PathBuf>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_used_only_by_its_id_and_for_its_purpose() {
        let mut chosen = ChosenFiles::default();
        let csv = chosen.remember(FilePurpose::Csv, PathBuf::from("/data/activities.csv"));
        let pdf = chosen.remember(FilePurpose::Pdf, PathBuf::from("/out/plan.pdf"));
        assert_eq!(
            chosen.path(csv.id, FilePurpose::Csv).unwrap(),
            PathBuf::from("/data/activities.csv")
        );
        // A file chosen to be read is never written, and the reverse.
        assert!(chosen.path(csv.id, FilePurpose::Pdf).is_err());
        assert!(chosen.path(pdf.id, FilePurpose::Csv).is_err());
        // An id no dialog gave is refused.
        assert!(chosen.path(pdf.id + 1, FilePurpose::Pdf).is_err());
    }
}
