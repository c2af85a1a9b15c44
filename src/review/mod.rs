//! Stage 4 of the continuity cycle, improve: the rules of actions (who accepts a risk,
//! which approved version verifies an action) and the review — what has gone stale, in
//! one list, most urgent first. Pure: the store gathers the inputs, `today` and `now`
//! are passed in.

pub mod actions;
pub mod items;
mod stale;

pub use actions::{ApprovedVersion, apply, closing_version};
pub use items::{
    ExerciseRun, InterviewFacts, KindCount, LinkPage, NeedChange, PlanFacts, ProgrammeRow, Review,
    ReviewInputs, ReviewItem, ReviewKind, ReviewLink, Subject, SubjectType, review,
};
