//! Continuity plans as pure values: the canonical snapshot of a version and its hash,
//! the standards check, the changes between versions, the versions and their history,
//! the plan as the app shows it, the document to export, and Markdown.

pub mod check;
pub mod diff;
pub mod document;
pub mod markdown;
pub mod snapshot;
pub mod versions;
pub mod view;

/// The templates are domain nouns; plans are built from them.
pub use crate::domain::{Generated, PlanTemplate, SectionDef};
pub use document::PlanDocument;
pub use snapshot::PlanSnapshot;
