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
    shown.sort_by(|a, b| (b.0, b.1, b.2).cmp(&(a.0, a.1, a.2)));
    let valid = shown
        .iter()
        .map(|s| s.3)
        .find(|s| today < s.expires_on);
    // The grade beneath the demonstrations: what was recorded, unless that was itself a
    // demonstration, which leaves only a target.
    let beneath = match recorded.evidence {
        Some(Evidence::Demonstrated) => Some(Evidence::Target),
        other => other,
    };
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
            target_rtc: if d.exercise_id.is_some() {
                recorded.rtc.filter(|_| beneath.is_some())
            } else {
                None
            },
        },
        None => Standing {
            evidence: beneath,
            rtc: recorded.rtc,
            rpc_evidence: beneath.filter(|_| recorded.rpc.is_some()),
            rpc: recorded.rpc,
            demonstrated: None,
            expired: shown.first().map(|s| s.3),
            target_rtc: None,
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
        let s = standing(&recorded, &[demo(4, day(2026, 3, 1), 300, None)], 12, day(2026, 12, 1));
        assert_eq!(s.evidence, Some(Evidence::Demonstrated));
        assert_eq!(s.rtc, minutes(300));
        // No restore point shown: the RPC keeps its committed grade and value.
        assert_eq!(s.rpc_evidence, Some(Evidence::Committed));
        assert_eq!(s.rpc, minutes(60));
        assert_eq!(s.demonstrated.unwrap().expires_on, day(2027, 3, 1));
        assert_eq!(s.target_rtc, minutes(240));
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
        let demos = [demo(2, day(2026, 2, 1), 90, None), demo(3, day(2026, 6, 1), 100, None)];
        let s = standing(&recorded, &demos, 12, day(2026, 12, 1));
        assert_eq!(s.rtc, minutes(100));
        assert_eq!(s.demonstrated.unwrap().exercise_id, Some(3));
        // Shown against no target or commitment: nothing to be slower than.
        assert_eq!(s.target_rtc, None);
    }

    #[test]
    fn nothing_recorded_and_nothing_shown_stands_as_nothing() {
        let s = standing(&Recorded::default(), &[], 12, day(2026, 12, 1));
        assert_eq!(s.evidence, None);
        assert!(s.demonstrated.is_none() && s.expired.is_none());
    }
}
