//! Responding to a disruption, worked out from its decision log: the hash chain that
//! makes the log tamper-evident (`chain`), the assessment of each affected activity —
//! deadlines, priority, predicted recovery and status (`assessment`), the board the log
//! adds up to (`board`), what a new entry may record (`record`), and the points a
//! post-incident review starts from (`review`). Pure: the log and
//! the frozen plan versions in, values out; `now` is passed in.

pub mod assessment;
pub mod board;
pub mod chain;
pub mod exercise;
pub mod record;
pub mod review;

pub use board::{Board, InvokedPlan, board};
pub use chain::{ChainCheck, RawEntry};
pub use record::NewEntry;
