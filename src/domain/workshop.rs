//! Workshop mode: the agenda timer the facilitator runs, shown on the projector too,
//! what the projector shows (an interview or the dependency map) and where the
//! facilitator is in it, which the projector follows.

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

/// What the dependency map is focused on, as the map page names it: a node (by its key),
/// a finding (by its index in the map's findings) or a group of the overview (by its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MapFocus {
    Node { key: String },
    Finding { index: u32 },
    Group { id: String },
}

/// What the presentation window shows: an activity's interview, or the dependency map
/// focused as the facilitator has it (the whole map when `focus` is none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Presented {
    Interview { activity_id: i64 },
    Map { focus: Option<MapFocus> },
}

impl Presented {
    /// Whether this may take the projector from `shown` without the facilitator asking
    /// ("Present"): when nothing is shown yet, or the same kind of thing is. Opening
    /// another interview moves the projector to it, and a new focus on the map moves the
    /// mirrored map, but browsing the map does not take the projector from an interview
    /// (nor opening an interview from the map).
    pub fn follows(&self, shown: Option<&Presented>) -> bool {
        match shown {
            None => true,
            Some(shown) => std::mem::discriminant(self) == std::mem::discriminant(shown),
        }
    }
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
    fn the_projector_follows_the_facilitator_within_the_interview_or_the_map_not_across() {
        let interview = |activity_id| Presented::Interview { activity_id };
        let map = |key: &str| Presented::Map {
            focus: Some(MapFocus::Node { key: key.into() }),
        };
        assert!(interview(1).follows(None));
        assert!(map("a").follows(None));
        assert!(interview(2).follows(Some(&interview(1))));
        assert!(map("b").follows(Some(&map("a"))));
        assert!(Presented::Map { focus: None }.follows(Some(&map("a"))));
        assert!(!map("a").follows(Some(&interview(1))));
        assert!(!interview(1).follows(Some(&map("a"))));
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
