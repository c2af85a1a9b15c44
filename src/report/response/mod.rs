//! How a response went, in the two reports that tell it: an incident's after-action
//! report (`incident_pdf`) and an exercise's post-exercise report (`exercise_pdf`).
//! `model` works the figures out from the board; `tables` lays them out.

mod model;
pub(crate) mod tables;

pub use model::{
    ActivityOutcome, CallReach, Measure, PlanInvoked, Response, StepOutcome, TimelineEntry,
    Verdict, Verification, timeline,
};
