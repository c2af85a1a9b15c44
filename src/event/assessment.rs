//! The assessment of an affected activity: its deadlines from the start of the
//! disruption, the time left to each, a priority for the incident, the recovery predicted
//! from what remains of the plan's steps, and a status.
//!
//! **Priority** (1 is the most urgent) is the more severe of two ranks:
//! - impact, from the BIA tier: tier 1 → 1, tier 2 → 2, any other or none → 3;
//! - urgency, from the time left to the RTO: 4 h or less (or passed) → 1, 24 h or less
//!   → 2, more or no RTO → 3.
//!
//! **Status** (to the whole minute, as achieved times are counted), in this order: back at the minimum level → `met` if within the RTO, else
//! `missed_rto` (or `missed_mtpd` beyond the MTPD); not back and the MTPD passed →
//! `missed_mtpd`; the RTO passed → `missed_rto`; the predicted recovery later than the RTO,
//! or no prediction and less than a quarter of the RTO left → `at_risk`; else `on_track`.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    OnTrack,
    AtRisk,
    MissedRto,
    MissedMtpd,
    Met,
}

impl ActivityStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActivityStatus::OnTrack => "on track",
            ActivityStatus::AtRisk => "at risk",
            ActivityStatus::MissedRto => "RTO missed",
            ActivityStatus::MissedMtpd => "MTPD missed",
            ActivityStatus::Met => "met",
        }
    }
}

/// `start` plus `d`.
pub fn deadline(start: DateTime<Utc>, d: Option<Duration>) -> Option<DateTime<Utc>> {
    // A time from a hand-made file may sit at the end of the calendar: no deadline then.
    d.and_then(|d| start.checked_add_signed(TimeDelta::minutes(i64::from(d.minutes()))))
}

/// Whole minutes from `from` to `to` (negative when `to` is earlier).
pub fn minutes_between(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_minutes()
}

/// The priority (1–3) and why, from the tier and the minutes left to the RTO.
pub fn priority(tier: Option<u8>, rto_left_min: Option<i64>) -> (u8, String) {
    let impact = match tier {
        Some(1) => 1,
        Some(2) => 2,
        _ => 3,
    };
    let urgency = match rto_left_min {
        Some(left) if left <= 4 * 60 => 1,
        Some(left) if left <= 24 * 60 => 2,
        _ => 3,
    };
    let tier_words = tier.map_or("no tier".to_owned(), |t| format!("tier {t}"));
    let left_words = match rto_left_min {
        None => "no RTO".to_owned(),
        Some(left) if left < 0 => format!("RTO passed {} ago", span(-left)),
        Some(left) => format!("{} left to its RTO", span(left)),
    };
    let p = impact.min(urgency);
    let why = if impact <= urgency {
        format!("P{p}: {tier_words}; {left_words}")
    } else {
        format!("P{p}: {left_words}; {tier_words}")
    };
    (p, why)
}

/// Minutes as people say them: `45m`, `3h 20m`, `2d 4h`.
pub fn span(minutes: i64) -> String {
    let m = minutes.unsigned_abs();
    let sign = if minutes < 0 { "-" } else { "" };
    let (d, h, min) = (m / 1440, (m % 1440) / 60, m % 60);
    let text = match (d, h, min) {
        (0, 0, min) => format!("{min}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, min) => format!("{h}h {min}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    };
    format!("{sign}{text}")
}

/// What the status is worked out from.
#[derive(Debug, Clone, Copy)]
pub struct StatusInputs {
    pub now: DateTime<Utc>,
    pub rto_deadline: Option<DateTime<Utc>>,
    pub mtpd_deadline: Option<DateTime<Utc>>,
    pub rto_min: Option<Duration>,
    pub predicted: Option<DateTime<Utc>>,
    /// When it was back at its minimum level.
    pub minimum_at: Option<DateTime<Utc>>,
}

pub fn status(i: StatusInputs) -> ActivityStatus {
    // Whole minutes, as achieved times are counted: back at 12:00:30 against a deadline
    // of 12:00 is within it.
    let past = |deadline: Option<DateTime<Utc>>, t: DateTime<Utc>| {
        deadline.is_some_and(|d| minutes_between(d, t) > 0)
    };
    if let Some(back) = i.minimum_at {
        return if past(i.mtpd_deadline, back) {
            ActivityStatus::MissedMtpd
        } else if past(i.rto_deadline, back) {
            ActivityStatus::MissedRto
        } else {
            ActivityStatus::Met
        };
    }
    if past(i.mtpd_deadline, i.now) {
        return ActivityStatus::MissedMtpd;
    }
    if past(i.rto_deadline, i.now) {
        return ActivityStatus::MissedRto;
    }
    let late = match (i.predicted, i.rto_deadline) {
        (Some(p), Some(d)) => p > d,
        (None, Some(d)) => {
            let left = minutes_between(i.now, d);
            let whole = i.rto_min.map_or(0, |r| i64::from(r.minutes()));
            left * 4 < whole
        }
        _ => false,
    };
    if late {
        ActivityStatus::AtRisk
    } else {
        ActivityStatus::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn h(hours: u32) -> Option<Duration> {
        Duration::from_minutes(hours * 60)
    }

    #[test]
    fn deadlines_count_from_the_start_of_the_disruption() {
        let start = t("2026-11-30T08:00:00Z");
        assert_eq!(deadline(start, h(4)), Some(t("2026-11-30T12:00:00Z")));
        assert_eq!(deadline(start, None), None);
        assert_eq!(
            minutes_between(t("2026-11-30T10:30:00Z"), t("2026-11-30T12:00:00Z")),
            90
        );
    }

    #[test]
    fn priority_is_the_more_severe_of_impact_and_urgency() {
        assert_eq!(priority(Some(1), Some(48 * 60)).0, 1);
        assert_eq!(priority(Some(3), Some(90)).0, 1);
        assert_eq!(priority(Some(2), Some(48 * 60)).0, 2);
        assert_eq!(priority(None, Some(20 * 60)).0, 2);
        assert_eq!(priority(Some(3), None).0, 3);
        assert_eq!(
            priority(Some(3), Some(-30)).1,
            "P1: RTO passed 30m ago; tier 3"
        );
        assert_eq!(
            priority(Some(1), Some(150)).1,
            "P1: tier 1; 2h 30m left to its RTO"
        );
    }

    #[test]
    fn status_follows_the_clock() {
        let start = t("2026-11-30T08:00:00Z");
        let at = |now: &str, predicted: Option<&str>, back: Option<&str>| {
            status(StatusInputs {
                now: t(now),
                rto_deadline: deadline(start, h(4)),
                mtpd_deadline: deadline(start, h(8)),
                rto_min: h(4),
                predicted: predicted.map(t),
                minimum_at: back.map(t),
            })
        };
        assert_eq!(
            at("2026-11-30T09:00:00Z", Some("2026-11-30T11:00:00Z"), None),
            ActivityStatus::OnTrack
        );
        assert_eq!(
            at("2026-11-30T09:00:00Z", Some("2026-11-30T13:00:00Z"), None),
            ActivityStatus::AtRisk
        );
        assert_eq!(
            at("2026-11-30T11:30:00Z", None, None),
            ActivityStatus::AtRisk
        );
        assert_eq!(
            at("2026-11-30T09:00:00Z", None, None),
            ActivityStatus::OnTrack
        );
        assert_eq!(
            at("2026-11-30T12:01:00Z", None, None),
            ActivityStatus::MissedRto
        );
        assert_eq!(
            at("2026-11-30T16:01:00Z", None, None),
            ActivityStatus::MissedMtpd
        );
        assert_eq!(
            at("2026-11-30T20:00:00Z", None, Some("2026-11-30T11:59:00Z")),
            ActivityStatus::Met
        );
        assert_eq!(
            at("2026-11-30T20:00:00Z", None, Some("2026-11-30T12:30:00Z")),
            ActivityStatus::MissedRto
        );
        assert_eq!(
            at("2026-11-30T20:00:00Z", None, Some("2026-11-30T17:00:00Z")),
            ActivityStatus::MissedMtpd
        );
    }

    proptest! {
        #[test]
        fn once_back_the_status_no_longer_moves_with_the_clock(later in 0i64..100_000, back in 0i64..1_000) {
            let start = t("2026-11-30T08:00:00Z");
            let s = |now: DateTime<Utc>| status(StatusInputs {
                now,
                rto_deadline: deadline(start, h(4)),
                mtpd_deadline: deadline(start, h(8)),
                rto_min: h(4),
                predicted: None,
                minimum_at: Some(start + TimeDelta::minutes(back)),
            });
            let first = start + TimeDelta::minutes(back);
            prop_assert_eq!(s(first), s(first + TimeDelta::minutes(later)));
        }

        #[test]
        fn a_missed_deadline_stays_missed_as_time_passes(a in 0i64..20_000, b in 0i64..20_000) {
            let start = t("2026-11-30T08:00:00Z");
            let s = |m: i64| status(StatusInputs {
                now: start + TimeDelta::minutes(m),
                rto_deadline: deadline(start, h(4)),
                mtpd_deadline: deadline(start, h(8)),
                rto_min: h(4),
                predicted: None,
                minimum_at: None,
            });
            let (early, late) = (a.min(b), a.max(b));
            let rank = |st: ActivityStatus| match st {
                ActivityStatus::OnTrack | ActivityStatus::Met => 0,
                ActivityStatus::AtRisk => 1,
                ActivityStatus::MissedRto => 2,
                ActivityStatus::MissedMtpd => 3,
            };
            prop_assert!(rank(s(early)) <= rank(s(late)));
        }
    }
}
