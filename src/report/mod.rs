//! Typesetting: a small layout engine of Keel's own (shaping, line breaking, pages) that
//! produces a backend-neutral display list, and a PDF writer that draws it; the
//! documents laid out with it: a plan version (`plan_pdf`), an incident's after-action
//! report (`incident_pdf`) and an exercise's post-exercise report (`exercise_pdf`), with
//! the tables of the response they share (`response`), a written section on its own
//! (`section_pdf`).

pub mod claim;
pub mod display;
pub mod exercise_pdf;
pub mod flow;
pub mod fonts;
pub mod incident_pdf;
pub mod markdown;
pub mod paragraph;
pub(crate) mod parts;
pub mod pdf;
pub mod plan_pdf;
pub mod response;
pub mod sample;
pub mod section_pdf;

pub use pdf::Exported;
pub use plan_pdf::export;
pub use section_pdf::{section_layout, section_pdf};
