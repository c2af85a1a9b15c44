//! Continuity plans as pure values: what a plan covers and shows (built live from the
//! engagement), the canonical snapshot of a version and its hash, the standards check,
//! the changes between versions, the versions and their history, the plan as the app
//! shows it, the document to export, and Markdown.

pub mod check;
pub mod content;
pub mod diff;
pub mod document;
pub mod markdown;
pub mod scope;
pub mod snapshot;
pub mod steps;
pub mod versions;
pub mod view;

pub use document::PlanDocument;
pub use snapshot::PlanSnapshot;
