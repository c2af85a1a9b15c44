//! Integration tests of the core: one binary, a module per area (ripgrep's layout).

// Helpers outside `#[test]` functions may panic too: here a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod actions;
mod activities;
mod audit;
mod bia;
mod bia_settings;
mod cli;
mod dependencies;
mod editing_runs;
mod exercise_report;
mod exercises;
mod floors;
mod fuzz;
mod hostile_files;
mod identities;
mod import;
mod incident_report;
mod incidents;
mod map;
mod open_refusals;
mod pins;
mod plans;
mod report;
mod review;
mod units;
mod unresolved;
mod workspace;
