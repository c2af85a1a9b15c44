//! How a recovery capability stands today: the grade and values recorded for it
//! (target, committed, or demonstrated by hand with a date), and the demonstrations
//! exercises made. A demonstration is in force for the engagement's validity (default
//! 12 months); once it has expired the capability falls back to the grade recorded
//! before it, and the expiry is itself worth saying.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::domain::{Demonstration, Duration, Evidence};

/// What is recorded on the resource itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recorded {
    pub evidence: Option<Evidence>,
    pub rtc: Option<Duration>,
    pub rpc: Option<Duration>,
    /// For a demonstration recorded by hand: the date of the exercise that showed it.
    pub demonstrated_on: Option<NaiveDate>,
}

/// One demonstration, dated, with when it stops counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Shown {
    pub on: NaiveDate,
    pub expires_on: NaiveDate,
    pub rtc_min: Option<Duration>,
    pub rpc_min: Option<Duration>,
    /// The exercise that showed it; `None` when it was recorded by hand.
    pub exercise_id: Option<i64>,
}

/// The capability in force on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Standing {
    /// The grade of the RTC in force.
    pub evidence: Option<Evidence>,
    pub rtc: Option<Duration>,
    /// The grade of the RPC in force (demonstrated only where a restore point was shown).
    pub rpc_evidence: Option<Evidence>,
    pub rpc: Option<Duration>,
    /// The demonstration in force.
    pub demonstrated: Option<Shown>,
    /// The latest demonstration, when it has expired and none is in force.
    pub expired: Option<Shown>,
    /// The RTC recorded as target or committed, when a demonstration is in force: what
    /// it was shown against.
    pub target_rtc: Option<Duration>,
    /// The grade of `target_rtc`: target or committed.
    pub target_evidence: Option<Evidence>,
}

impl Standing {
    /// Shown slower than its target or commitment.
    pub fn slower_than_target(&self) -> bool {
        match (self.demonstrated.and_then(|d| d.rtc_min), self.target_rtc) {
            (Some(shown), Some(target)) => shown > target,
            _ => false,
        }
    }
}

/// A grade and the RTC it stands for, in words: "a commitment of 3h", "a target of
/// 15m", "an ungraded 2h", "a target with no time recorded", "nothing recorded".
pub fn grade_words(grade: Option<Evidence>, rtc: Option<Duration>) -> String {
    match (grade, rtc) {
        (Some(Evidence::Target), Some(d)) => format!("a target of {d}"),
        (Some(Evidence::Committed), Some(d)) => format!("a commitment of {d}"),
        (Some(Evidence::Demonstrated), Some(d)) => format!("a demonstrated {d}"),
        (Some(grade), None) => format!("a {} with no time recorded", noun(grade)),
        (None, Some(d)) => format!("an ungraded {d}"),
        (None, None) => "nothing recorded".to_owned(),
    }
}

fn noun(grade: Evidence) -> &'static str {
    match grade {
        Evidence::Target => "target",
        Evidence::Committed => "commitment",
        Evidence::Demonstrated => "demonstration",
    }
}

/// The day `on + months`, or the last day chrono knows.
pub fn expiry(on: NaiveDate, validity_months: u32) -> NaiveDate {
    on.checked_add_months(Months::new(validity_months))
        .unwrap_or(NaiveDate::MAX)
}

/// How the capability stands on `today`. `demonstrations` are this resource's (any
/// order); the newest one not yet expired is in force.
pub fn standing(
    recorded: &Recorded,
    demonstrations: &[Demonstration],
    validity_months: u32,
    today: NaiveDate,
) -> Standing {
    let by_hand = match (recorded.evidence, recorded.demonstrated_on) {
        (Some(Evidence::Demonstrated), Some(on)) => Some(Shown {
            on,
            expires_on: expiry(on, validity_months),
            rtc_min: recorded.rtc,
            rpc_min: recorded.rpc,
            exercise_id: None,
        }),
        _ => None,
    };
    // Newest first: by date, then (same day) the exercise entry recorded last.
    let mut shown: Vec<(NaiveDate, i64, u32, Shown)> = demonstrations
        .iter()
        .map(|d| {
            let on = d.demonstrated_at.date_naive();
            (
                on,
                d.event_id,
                d.seq,
                Shown {
                    on,
                    expires_on: expiry(on, validity_months),
                    rtc_min: Some(d.rtc_min),
                    rpc_min: d.rpc_min,
                    exercise_id: Some(d.event_id),
                },
            )
        })
        .chain(by_hand.map(|s| (s.on, i64::MIN, 0, s)))
        .collect();
    shown.sort_by_key(|s| std::cmp::Reverse((s.0, s.1, s.2)));
    // Only what was shown by `today` counts (an analysis as of an earlier day knows
    // nothing of a later exercise).
    shown.retain(|s| s.0 <= today);
    let valid = shown.iter().map(|s| s.3).find(|s| today < s.expires_on);
    // The grade beneath the demonstrations: what was recorded, unless that was itself a
    // demonstration, which leaves only a target.
    let beneath = match recorded.evidence {
        Some(Evidence::Demonstrated) => Some(Evidence::Target),
        other => other,
    };
    // What a demonstration from an exercise was shown against: the target or commitment
    // recorded (a demonstration recorded by hand is no target to be slower than).
    let target = valid
        .and_then(|d| d.exercise_id)
        .and(recorded.evidence)
        .filter(|e| *e != Evidence::Demonstrated);
    match valid {
        Some(d) => Standing {
            evidence: Some(Evidence::Demonstrated),
            rtc: d.rtc_min.or(recorded.rtc),
            rpc_evidence: if d.rpc_min.is_some() {
                Some(Evidence::Demonstrated)
            } else {
                beneath.filter(|_| recorded.rpc.is_some())
            },
            rpc: d.rpc_min.or(recorded.rpc),
            demonstrated: Some(d),
            expired: None,
            target_rtc: target.and(recorded.rtc),
            target_evidence: target.filter(|_| recorded.rtc.is_some()),
        },
        None => Standing {
            evidence: beneath,
            rtc: recorded.rtc,
            rpc_evidence: beneath.filter(|_| recorded.rpc.is_some()),
            rpc: recorded.rpc,
            demonstrated: None,
            expired: shown.first().map(|s| s.3),
            target_rtc: None,
            target_evidence: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn minutes(m: u32) -> Option<Duration> {
        Duration::from_minutes(m)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn demo(event_id: i64, on: NaiveDate, rtc: u32, rpc: Option<u32>) -> Demonstration {
        Demonstration {
            resource_id: 1,
            event_id,
            seq: 5,
            demonstrated_at: Utc.from_utc_datetime(&on.and_hms_opt(10, 0, 0).unwrap()),
            rtc_min: Duration::from_minutes(rtc).unwrap(),
            rpc_min: rpc.and_then(Duration::from_minutes),
        }
    }

    const COMMITTED: Recorded = Recorded {
        evidence: Some(Evidence::Committed),
        rtc: Some(Duration::ZERO),
        rpc: None,
        demonstrated_on: None,
    };

    #[test]
    fn a_valid_demonstration_is_in_force_with_its_values() {
        let recorded = Recorded {
            rtc: minutes(240),
            rpc: minutes(60),
            ..COMMITTED
        };
        let s = standing(
            &recorded,
            &[demo(4, day(2026, 3, 1), 300, None)],
            12,
            day(2026, 12, 1),
        );
        assert_eq!(s.evidence, Some(Evidence::Demonstrated));
        assert_eq!(s.rtc, minutes(300));
        // No restore point shown: the RPC keeps its committed grade and value.
        assert_eq!(s.rpc_evidence, Some(Evidence::Committed));
        assert_eq!(s.rpc, minutes(60));
        assert_eq!(s.demonstrated.unwrap().expires_on, day(2027, 3, 1));
        assert_eq!(s.target_rtc, minutes(240));
        assert_eq!(s.target_evidence, Some(Evidence::Committed));
        assert!(s.slower_than_target());
    }

    #[test]
    fn an_expired_demonstration_falls_back_to_the_grade_before_it() {
        let recorded = Recorded {
            rtc: minutes(240),
            ..COMMITTED
        };
        let demos = [demo(4, day(2025, 11, 30), 200, Some(15))];
        let s = standing(&recorded, &demos, 12, day(2026, 11, 29));
        assert_eq!(s.evidence, Some(Evidence::Demonstrated));
        let s = standing(&recorded, &demos, 12, day(2026, 11, 30));
        assert_eq!(s.evidence, Some(Evidence::Committed));
        assert_eq!(s.rtc, minutes(240));
        assert_eq!(s.expired.unwrap().expires_on, day(2026, 11, 30));
        assert!(s.demonstrated.is_none());
    }

    #[test]
    fn the_newest_valid_demonstration_wins_and_a_hand_recorded_one_expires_too() {
        let recorded = Recorded {
            evidence: Some(Evidence::Demonstrated),
            rtc: minutes(120),
            rpc: None,
            demonstrated_on: Some(day(2025, 1, 10)),
        };
        let s = standing(&recorded, &[], 12, day(2026, 12, 1));
        assert_eq!(s.evidence, Some(Evidence::Target));
        assert_eq!(s.expired.unwrap().exercise_id, None);
        let demos = [
            demo(2, day(2026, 2, 1), 90, None),
            demo(3, day(2026, 6, 1), 100, None),
        ];
        let s = standing(&recorded, &demos, 12, day(2026, 12, 1));
        assert_eq!(s.rtc, minutes(100));
        assert_eq!(s.demonstrated.unwrap().exercise_id, Some(3));
        // Shown against no target or commitment: nothing to be slower than.
        assert_eq!(s.target_rtc, None);
        assert_eq!(s.target_evidence, None);
    }

    #[test]
    fn nothing_recorded_and_nothing_shown_stands_as_nothing() {
        let s = standing(&Recorded::default(), &[], 12, day(2026, 12, 1));
        assert_eq!(s.evidence, None);
        assert!(s.demonstrated.is_none() && s.expired.is_none());
    }

    proptest::proptest! {
        /// Whatever was shown and whenever it is asked: a demonstration is in force only
        /// before it expires, with its value counting; otherwise the latest one is the
        /// expired one, and the grade is never demonstrated.
        #[test]
        fn a_demonstration_is_never_in_force_on_or_after_its_expiry(
            shown in proptest::collection::vec((0..1500i64, 1..600u32), 0..5),
            by_hand in proptest::option::of(0..1500i64),
            asked in 0..2000i64,
            validity in 1..36u32,
        ) {
            let start = day(2025, 1, 1);
            let at = |offset: i64| start + chrono::Days::new(offset as u64);
            let recorded = Recorded {
                evidence: Some(if by_hand.is_some() { Evidence::Demonstrated } else { Evidence::Committed }),
                rtc: minutes(240),
                rpc: None,
                demonstrated_on: by_hand.map(at),
            };
            let demos: Vec<Demonstration> = shown
                .iter()
                .enumerate()
                .map(|(i, (offset, rtc))| demo(i as i64 + 1, at(*offset), *rtc, None))
                .collect();
            let today = at(asked);
            let s = standing(&recorded, &demos, validity, today);
            match s.demonstrated {
                Some(d) => {
                    proptest::prop_assert!(d.on <= today && today < d.expires_on);
                    proptest::prop_assert_eq!(s.evidence, Some(Evidence::Demonstrated));
                    proptest::prop_assert_eq!(s.rtc, d.rtc_min);
                    proptest::prop_assert!(s.expired.is_none());
                }
                None => {
                    proptest::prop_assert_ne!(s.evidence, Some(Evidence::Demonstrated));
                    proptest::prop_assert_eq!(s.rtc, minutes(240));
                    // Only what was shown by then can have expired.
                    let any = demos.iter().any(|d| d.demonstrated_at.date_naive() <= today)
                        || by_hand.is_some_and(|o| at(o) <= today);
                    proptest::prop_assert_eq!(s.expired.is_some(), any);
                    if let Some(e) = s.expired {
                        proptest::prop_assert!(e.on <= today && today >= e.expires_on);
                    }
                }
            }
        }
    }

    #[test]
    fn a_demonstration_counts_only_from_its_day() {
        let recorded = Recorded {
            rtc: minutes(240),
            ..COMMITTED
        };
        let demos = [demo(4, day(2026, 6, 1), 300, None)];
        let before = standing(&recorded, &demos, 12, day(2026, 5, 31));
        assert_eq!(before.evidence, Some(Evidence::Committed));
        assert!(before.demonstrated.is_none() && before.expired.is_none());
        let on = standing(&recorded, &demos, 12, day(2026, 6, 1));
        assert_eq!(on.evidence, Some(Evidence::Demonstrated));
    }
}
