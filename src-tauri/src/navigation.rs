//! The app's windows show only the app: a navigation away from its own origin (a link in
//! a plan's preview, a script) is refused. Links that should open go through
//! `open_link`, which hands them to the system browser.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// Whether `url` is the app's own page: `tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows.
pub fn is_app_origin(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// A plugin whose only work is to refuse navigation away from the app, in every window.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("keel-navigation")
        .on_navigation(|_, url| {
            let allowed = is_app_origin(url);
            if !allowed {
                eprintln!("keel: refused to leave the app for {url}");
            }
            allowed
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_load_in_its_windows() {
        for own in [
            "tauri://localhost",
            "tauri://localhost/index.html",
            "http://tauri.localhost/index.html",
            "https://tauri.localhost/",
        ] {
            assert!(is_app_origin(&Url::parse(own).unwrap()), "{own}");
        }
        for foreign in [
            "https://example.org/",
            "http://localhost:1420/",
            "file:///home/erin/plan.html",
            "tauri://evil.example/",
            "mailto:ops@example.org",
            "about:blank",
        ] {
            assert!(!is_app_origin(&Url::parse(foreign).unwrap()), "{foreign}");
        }
    }
}
