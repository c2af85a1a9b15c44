//! An exercise's time. On the real clock it is the wall clock. On a scenario clock it
//! is T+0 (the scenario's start) plus what the facilitator last set ("it is now
//! T+4h"): every entry happens at the scenario time current when it was written, so a
//! tabletop's two hours of discussion can cover a day and a half of disruption.

use chrono::{DateTime, TimeDelta, Utc};

use crate::domain::{ExerciseClock, Fact, LogEntry};

/// The exercise's time of each entry of a log, and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub clock: ExerciseClock,
    /// T+0.
    pub start: DateTime<Utc>,
    /// Per entry, in the log's order.
    pub at: Vec<DateTime<Utc>>,
    pub now: DateTime<Utc>,
    /// What the scenario clock was last set to, in minutes after T+0.
    pub offset_min: u32,
}

/// The times of `log` on its exercise's clock, `real_now` being the wall clock. A
/// setting of the scenario clock that a later entry corrects is set aside: the entries
/// after it happen at the time set before it (a clock moved on by mistake is taken back
/// by correcting that entry).
pub fn timeline(log: &[LogEntry], real_now: DateTime<Utc>) -> Timeline {
    let corrected: std::collections::HashSet<u32> = log.iter().filter_map(|e| e.corrects).collect();
    let start = log
        .iter()
        .find_map(|e| match &e.fact {
            Some(Fact::Opened { disrupted_at, .. }) => Some(*disrupted_at),
            _ => None,
        })
        .or_else(|| log.first().map(|e| e.at))
        .unwrap_or(real_now);
    let clock = log
        .iter()
        .find_map(|e| match &e.fact {
            Some(Fact::ExerciseStarted { clock, .. }) => Some(*clock),
            _ => None,
        })
        .unwrap_or(ExerciseClock::Real);
    let mut offset = 0u32;
    let mut at = Vec::with_capacity(log.len());
    for entry in log {
        match clock {
            ExerciseClock::Real => at.push(entry.at),
            ExerciseClock::Scenario => {
                if let Some(Fact::ClockSet { offset_min }) = &entry.fact
                    && !corrected.contains(&entry.seq)
                {
                    // The clock only moves on (a forged log cannot move it back).
                    offset = offset.max(offset_min.minutes());
                }
                at.push(after(start, offset));
            }
        }
    }
    let now = match clock {
        ExerciseClock::Real => real_now,
        ExerciseClock::Scenario => after(start, offset),
    };
    Timeline {
        clock,
        start,
        at,
        now,
        offset_min: offset,
    }
}

/// `minutes` after `start`, or the last time chrono knows.
pub fn after(start: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
    start
        .checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::domain::{Duration, LogKind};

    fn entry(seq: u32, at: DateTime<Utc>, fact: Option<Fact>) -> LogEntry {
        LogEntry {
            seq,
            at,
            author: "Facilitator".into(),
            kind: LogKind::Status,
            text: "x".into(),
            rationale: String::new(),
            corrects: None,
            fact,
            prev: String::new(),
            hash: String::new(),
        }
    }

    fn opened(start: DateTime<Utc>) -> Fact {
        Fact::Opened {
            title: "Tabletop".into(),
            description: String::new(),
            disrupted_at: start,
            reported_by: String::new(),
            affects: Vec::new(),
            activities: Vec::new(),
        }
    }

    fn started(clock: ExerciseClock) -> Fact {
        Fact::ExerciseStarted {
            clock,
            objectives: Vec::new(),
            injects: Vec::new(),
        }
    }

    fn set(minutes: u32) -> Fact {
        Fact::ClockSet {
            offset_min: Duration::from_minutes(minutes).unwrap(),
        }
    }

    #[test]
    fn a_scenario_clock_places_each_entry_at_the_time_last_set() {
        let t0 = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let wall = Utc.with_ymd_and_hms(2026, 12, 1, 14, 0, 0).unwrap();
        let log = vec![
            entry(1, wall, Some(opened(t0))),
            entry(2, wall, Some(started(ExerciseClock::Scenario))),
            entry(3, wall + TimeDelta::minutes(10), None),
            entry(4, wall + TimeDelta::minutes(20), Some(set(240))),
            entry(5, wall + TimeDelta::minutes(25), None),
        ];
        let t = timeline(&log, wall + TimeDelta::minutes(30));
        assert_eq!(t.start, t0);
        assert_eq!(t.at[2], t0);
        assert_eq!(t.at[4], t0 + TimeDelta::hours(4));
        assert_eq!(t.now, t0 + TimeDelta::hours(4));
        assert_eq!(t.offset_min, 240);
    }

    #[test]
    fn the_real_clock_is_the_wall_clock() {
        let t0 = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let log = vec![
            entry(1, t0, Some(opened(t0))),
            entry(2, t0, Some(started(ExerciseClock::Real))),
            entry(3, t0 + TimeDelta::minutes(95), None),
        ];
        let now = t0 + TimeDelta::hours(3);
        let t = timeline(&log, now);
        assert_eq!(t.at[2], t0 + TimeDelta::minutes(95));
        assert_eq!(t.now, now);
    }

    #[test]
    fn a_clock_set_by_mistake_is_taken_back_by_correcting_it() {
        let t0 = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let mut wrong = entry(3, t0, Some(set(2400)));
        wrong.seq = 3;
        let mut correction = entry(4, t0, None);
        correction.corrects = Some(3);
        let log = vec![
            entry(1, t0, Some(opened(t0))),
            entry(2, t0, Some(started(ExerciseClock::Scenario))),
            wrong,
            correction,
            entry(5, t0, Some(set(240))),
        ];
        let t = timeline(&log, t0);
        assert_eq!(t.at[3], t0, "the mistaken T+40h is set aside");
        assert_eq!(t.now, t0 + TimeDelta::hours(4));
    }

    proptest! {
        /// Whatever the log sets, a scenario clock never runs backwards and every
        /// entry's time is at or after T+0.
        #[test]
        fn the_scenario_clock_never_runs_backwards(sets in proptest::collection::vec(proptest::option::of(0u32..600_000), 0..40)) {
            let t0 = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
            let mut log = vec![entry(1, t0, Some(opened(t0))), entry(2, t0, Some(started(ExerciseClock::Scenario)))];
            for (i, s) in sets.iter().enumerate() {
                log.push(entry(i as u32 + 3, t0, s.map(set)));
            }
            let t = timeline(&log, t0);
            prop_assert_eq!(t.at.len(), log.len());
            for pair in t.at.windows(2) {
                prop_assert!(pair[0] <= pair[1]);
            }
            prop_assert!(t.at.iter().all(|a| *a >= t0));
            prop_assert_eq!(t.now, *t.at.last().unwrap());
        }
    }
}
