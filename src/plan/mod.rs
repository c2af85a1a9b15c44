//! Continuity plans as pure values: the templates, what a plan covers and shows (built
//! live from the engagement), the canonical snapshot of a version and its hash, the
//! standards check, the changes between versions, and Markdown.

pub mod check;
pub mod content;
pub mod diff;
pub mod markdown;
pub mod scope;
pub mod snapshot;
pub mod steps;
pub mod templates;

pub use snapshot::PlanSnapshot;
pub use templates::{Generated, PlanTemplate, SectionDef};
