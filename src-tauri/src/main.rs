//! The desktop app's entry point: starts the Tauri shell (`keel_desktop::run`).

// Keep a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    keel_desktop::run();
}
