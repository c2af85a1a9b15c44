//! Workshop mode: the agenda timer the facilitator runs, shown on the projector too, and
//! where the facilitator is in the interview, which the projector follows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WorkshopTimer {
    pub elapsed_seconds: u32,
    pub running: bool,
    pub planned_minutes: u32,
}

/// Where the facilitator is in an interview, for the projector to follow: the step, and
/// on the impact grid the cell under discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PresenterFocus {
    pub activity_id: i64,
    /// 1 to 8.
    pub step: u8,
    pub category_id: Option<i64>,
    pub bucket_id: Option<i64>,
}

/// The agenda timer as last saved, so that it survives a restart: a running timer goes
/// on counting from when it was saved, as the workshop did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedTimer {
    pub timer: WorkshopTimer,
    pub saved_at: DateTime<Utc>,
}

impl SavedTimer {
    /// The timer as it stands at `now`: a paused one as saved, a running one with the
    /// time since it was saved added (none when the clock went backwards).
    pub fn at(&self, now: DateTime<Utc>) -> WorkshopTimer {
        let mut timer = self.timer;
        if timer.running {
            let since = (now - self.saved_at).num_seconds().max(0);
            let since = u32::try_from(since).unwrap_or(u32::MAX);
            timer.elapsed_seconds = timer.elapsed_seconds.saturating_add(since);
        }
        timer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(running: bool) -> SavedTimer {
        SavedTimer {
            timer: WorkshopTimer {
                elapsed_seconds: 600,
                running,
                planned_minutes: 90,
            },
            saved_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn a_running_timer_counts_the_time_keel_was_closed_and_a_paused_one_does_not() {
        let later = DateTime::from_timestamp(1_800_000_000 + 300, 0).unwrap_or_default();
        assert_eq!(saved(true).at(later).elapsed_seconds, 900);
        assert_eq!(saved(false).at(later).elapsed_seconds, 600);
        let earlier = DateTime::from_timestamp(1_800_000_000 - 300, 0).unwrap_or_default();
        assert_eq!(
            saved(true).at(earlier).elapsed_seconds,
            600,
            "a clock set back adds nothing"
        );
    }
}
