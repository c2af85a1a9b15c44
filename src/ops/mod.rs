//! Operations: one small function per user action ("export this version, signed, to
//! this path"; "is this PDF an approved version?"; "write this incident's after-action
//! report"; "write this exercise's post-exercise report"). Each loads through the
//! store, runs the pure floors (`plan`, `report`) and writes what it must; the CLI and
//! the desktop shell both call them, so the faces only parse input and show the result.

pub mod action;
pub mod exercise;
pub mod exercise_report;
pub mod export;
pub mod findings;
pub mod incident;
pub mod incident_report;
pub mod report_file;
pub mod review;
pub mod verify;
