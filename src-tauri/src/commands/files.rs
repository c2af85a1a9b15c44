//! The file dialogs, shown from the Rust side, and links opened in the system browser.

use keel::{ApiError, Error};
use tauri::{AppHandle, Url};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{self, ChosenFile, FilePurpose};
use crate::state::blocking;

/// Shows the open or save dialog for `purpose` (`suggested`: the file name or path it
/// starts from) and remembers the answer; `None` when cancelled.
#[tauri::command]
pub async fn choose_file(
    purpose: FilePurpose,
    suggested: Option<String>,
    app: AppHandle,
) -> Result<Option<ChosenFile>, ApiError> {
    let asker = app.clone();
    blocking(&app, move |state| {
        let path = dialogs::ask(&asker, purpose, suggested.as_deref());
        Ok(path.map(|path| state.chosen().remember(purpose, path)))
    })
    .await
}

/// The schemes a link in a plan may open: web pages and e-mail, nothing else.
pub fn openable(url: &str) -> Result<Url, Error> {
    let parsed = Url::parse(url.trim())
        .map_err(|_| Error::Conflict(format!("“{url}” is not a link Keel can open.")))?;
    match parsed.scheme() {
        "http" | "https" | "mailto" => Ok(parsed),
        scheme => Err(Error::Conflict(format!(
            "Keel opens only web (http, https) and e-mail (mailto) links, not {scheme}: links."
        ))),
    }
}

/// Opens a link from a plan's text in the system's browser or mail program.
#[tauri::command]
pub async fn open_link(url: String, app: AppHandle) -> Result<(), ApiError> {
    let url = openable(&url)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| Error::Conflict(format!("No program opened {url}: {e}")).into())
}

#[cfg(test)]
mod tests {
    use super::openable;

    #[test]
    fn only_web_and_mail_links_open() {
        for ok in [
            "https://example.org/plan",
            "http://intranet/runbook",
            "mailto:ops@example.org",
        ] {
            assert!(openable(ok).is_ok(), "{ok}");
        }
        for refused in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "tauri://localhost/index.html",
            "smb://server/share",
            "ms-settings:privacy",
            "../relative",
            "",
        ] {
            assert!(openable(refused).is_err(), "{refused}");
        }
    }
}
