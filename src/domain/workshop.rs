//! Workshop mode: the agenda timer the facilitator runs, shown on the projector too.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WorkshopTimer {
    pub elapsed_seconds: u32,
    pub running: bool,
    pub planned_minutes: u32,
}
