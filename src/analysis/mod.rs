//! Pure functions that derive findings from the engagement's data. The UI, the CLI and
//! (later) the PDF all show the same results because they all call these.

pub mod completeness;
pub mod dependencies;
pub mod evidence;
pub mod graph_build;
pub mod impact;
pub mod interview;
pub mod interview_edit;
