//! The Keel desktop shell: starts the workspace and exposes the core as Tauri commands.
//! Commands are thin (input → core → output); the logic lives in the `keel` crate.

mod commands;
mod dialogs;
mod navigation;
mod state;

use keel::settings::login_name;
use keel::workspace::{AppDirs, Workspace};

/// Starts the app. A workspace that cannot start at all (no home directory, unreadable
/// settings folder) is reported on stderr and ends the process with an error status.
pub fn run() {
    let workspace = AppDirs::for_user().and_then(|dirs| {
        Workspace::start(
            dirs,
            &login_name().unwrap_or_else(|| "Facilitator".to_owned()),
        )
    });
    let workspace = match workspace {
        Ok(workspace) => workspace,
        Err(err) => {
            eprintln!("keel: cannot start: {err}");
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(navigation::guard())
        .manage(state::AppState::new(workspace))
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("keel: the window failed: {err}");
        std::process::exit(1);
    }
}
