//! Durations as people say them in a workshop: `90m`, `4h`, `1.5d`, `2 weeks`,
//! `1 month`, `1d 12h`, or ISO 8601 (`PT4H`, `P3D`, `P1W`). Kept in whole minutes.
//!
//! A month counts as 30 days, a week as 7 days.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub const MINUTE: u32 = 1;
pub const HOUR: u32 = 60;
pub const DAY: u32 = 24 * HOUR;
pub const WEEK: u32 = 7 * DAY;
pub const MONTH: u32 = 30 * DAY;
/// The longest duration Keel accepts: ten years.
pub const MAX_MINUTES: u32 = 10 * 365 * DAY;

/// What the parser accepts, for messages at the field.
pub const ACCEPTED_FORMS: &str = "Write a number and a unit, e.g. 90m, 4h, 1.5d, 2 weeks, 1 month or 1d 12h (or ISO 8601 such as PT4H).";

/// A length of time in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
// A newtype struct is serialised by serde as its inner value: the number of minutes.
#[cfg_attr(test, derive(ts_rs::TS), ts(type = "number"))]
pub struct Duration(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason} {ACCEPTED_FORMS}")]
pub struct DurationError {
    pub reason: String,
}

fn error(reason: impl Into<String>) -> DurationError {
    DurationError {
        reason: reason.into(),
    }
}

impl Duration {
    pub const ZERO: Duration = Duration(0);

    pub fn from_minutes(minutes: u32) -> Option<Duration> {
        (minutes <= MAX_MINUTES).then_some(Duration(minutes))
    }

    /// `d` as people write it (`4h`, `1d 12h`), or `absent` when there is none: the one
    /// way every face and document prints a duration that may be missing.
    pub fn text_or(d: Option<Duration>, absent: &str) -> String {
        d.map_or_else(|| absent.to_owned(), |d| d.to_string())
    }

    /// `self` less `other`, or zero.
    pub fn saturating_sub(self, other: Duration) -> Duration {
        Duration(self.0.saturating_sub(other.0))
    }

    pub fn minutes(self) -> u32 {
        self.0
    }

    /// Reads a duration typed by a person; see the module documentation for the forms.
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(error("The duration is empty."));
        }
        let lower = text.to_lowercase();
        let minutes = if let Some(iso) = lower.strip_prefix('p') {
            parse_iso(iso).ok_or_else(|| {
                error(format!(
                    "\u{201c}{text}\u{201d} is not an ISO 8601 duration."
                ))
            })?
        } else {
            parse_spoken(&lower, text)?
        };
        let rounded = minutes.round();
        if (minutes - rounded).abs() > 1e-6 {
            return Err(error(format!(
                "\u{201c}{text}\u{201d} is not a whole number of minutes."
            )));
        }
        if rounded > f64::from(MAX_MINUTES) {
            return Err(error(format!(
                "\u{201c}{text}\u{201d} is longer than ten years."
            )));
        }
        Ok(Duration(rounded as u32))
    }
}

/// Unit words and their length in minutes, longest spellings first within a unit.
const UNITS: &[(&str, u32)] = &[
    ("minutes", MINUTE),
    ("minute", MINUTE),
    ("mins", MINUTE),
    ("min", MINUTE),
    ("m", MINUTE),
    ("hours", HOUR),
    ("hour", HOUR),
    ("hrs", HOUR),
    ("hr", HOUR),
    ("h", HOUR),
    ("days", DAY),
    ("day", DAY),
    ("d", DAY),
    ("weeks", WEEK),
    ("week", WEEK),
    ("wks", WEEK),
    ("wk", WEEK),
    ("w", WEEK),
    ("months", MONTH),
    ("month", MONTH),
    ("mon", MONTH),
    ("mo", MONTH),
];

/// `1.5d`, `2 weeks`, `1d 12h`, `1 day, 4 hours`: one or more number–unit pairs.
fn parse_spoken(lower: &str, original: &str) -> Result<f64, DurationError> {
    let mut rest = lower.trim();
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        if number_len == 0 {
            return Err(error(format!(
                "\u{201c}{original}\u{201d} should start with a number."
            )));
        }
        let number: f64 = rest[..number_len].replace(',', ".").parse().map_err(|_| {
            error(format!(
                "\u{201c}{}\u{201d} is not a number.",
                &rest[..number_len]
            ))
        })?;
        rest = rest[number_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..unit_len];
        if word.is_empty() {
            return Err(error(format!(
                "\u{201c}{original}\u{201d} needs a unit after the number."
            )));
        }
        let (_, per) = UNITS
            .iter()
            .find(|(name, _)| *name == word)
            .ok_or_else(|| error(format!("\u{201c}{word}\u{201d} is not a unit Keel knows.")))?;
        total += number * f64::from(*per);
        if total > f64::from(MAX_MINUTES) {
            return Err(error(format!(
                "\u{201c}{original}\u{201d} is longer than ten years."
            )));
        }
        rest = rest[unit_len..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        rest = rest.strip_prefix("and ").unwrap_or(rest).trim_start();
    }
    Ok(total)
}

/// The part after `P`: `nW`, `nD`, `nM` (months) before `T`; `nH`, `nM`, `nS` after it.
fn parse_iso(body: &str) -> Option<f64> {
    let (date, time) = match body.split_once('t') {
        Some((date, time)) => (date, Some(time)),
        None => (body, None),
    };
    let mut total = 0.0;
    let mut any = false;
    let mut add = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut rest = part;
        let mut last_index = None;
        while !rest.is_empty() {
            let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let number: f64 = rest[..end].replace(',', ".").parse().ok()?;
            let letter = rest[end..].chars().next()?;
            let index = units.iter().position(|(u, _)| *u == letter)?;
            // Units must come in order, each at most once (P1D2W is not a duration).
            if last_index.is_some_and(|last| index <= last) {
                return None;
            }
            last_index = Some(index);
            total += number * units[index].1;
            any = true;
            rest = &rest[end + 1..];
        }
        Some(())
    };
    add(
        date,
        &[
            ('y', 365.0 * f64::from(DAY)),
            ('m', f64::from(MONTH)),
            ('w', f64::from(WEEK)),
            ('d', f64::from(DAY)),
        ],
    )?;
    if let Some(time) = time {
        if time.is_empty() {
            return None;
        }
        add(
            time,
            &[('h', f64::from(HOUR)), ('m', 1.0), ('s', 1.0 / 60.0)],
        )?;
    }
    any.then_some(total)
}

impl fmt::Display for Duration {
    /// The canonical short form, which `parse` reads back: `0m`, `90m` is `1h 30m`,
    /// `4h`, `1d 12h`, `2w`, `1mo`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        if m == 0 {
            return write!(f, "0m");
        }
        if m.is_multiple_of(MONTH) {
            return write!(f, "{}mo", m / MONTH);
        }
        if m.is_multiple_of(WEEK) {
            return write!(f, "{}w", m / WEEK);
        }
        let parts = [(m / DAY, "d"), ((m % DAY) / HOUR, "h"), (m % HOUR, "m")];
        let text: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n}{unit}"))
            .collect();
        write!(f, "{}", text.join(" "))
    }
}

impl FromStr for Duration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Duration::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn minutes(text: &str) -> u32 {
        Duration::parse(text)
            .unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
            .minutes()
    }

    #[test]
    fn the_forms_people_use() {
        assert_eq!(minutes("90m"), 90);
        assert_eq!(minutes("4h"), 240);
        assert_eq!(minutes("1.5d"), 2160);
        assert_eq!(minutes("1,5 d"), 2160);
        assert_eq!(minutes("2 weeks"), 2 * WEEK);
        assert_eq!(minutes("1 month"), MONTH);
        assert_eq!(minutes("1d 12h"), 2160);
        assert_eq!(
            minutes("1 day, 4 hours and 30 minutes"),
            DAY + 4 * HOUR + 30
        );
        assert_eq!(minutes("  24 H "), DAY);
        assert_eq!(minutes("0h"), 0);
    }

    #[test]
    fn iso_8601() {
        assert_eq!(minutes("PT4H"), 240);
        assert_eq!(minutes("pt90m"), 90);
        assert_eq!(minutes("P3D"), 3 * DAY);
        assert_eq!(minutes("P1W"), WEEK);
        assert_eq!(minutes("P1DT12H"), 2160);
        assert_eq!(minutes("P1M"), MONTH);
        assert_eq!(minutes("PT1H30M"), 90);
        assert_eq!(minutes("PT120S"), 2);
    }

    #[test]
    fn refusals_say_what_is_accepted() {
        for bad in [
            "",
            "4",
            "h",
            "4 parsecs",
            "PT",
            "P",
            "P1D2W",
            "PT4H4H",
            "-4h",
            "4h x",
            "30s",
            "0.5m",
            "11 years",
            "P11Y",
        ] {
            let err = Duration::parse(bad).expect_err(bad);
            assert!(err.to_string().contains("e.g. 90m"), "{bad}: {err}");
        }
    }

    #[test]
    fn display_is_short_and_exact() {
        let shown = |m: u32| Duration(m).to_string();
        assert_eq!(shown(0), "0m");
        assert_eq!(shown(90), "1h 30m");
        assert_eq!(shown(240), "4h");
        assert_eq!(shown(2160), "1d 12h");
        assert_eq!(shown(WEEK), "1w");
        assert_eq!(shown(MONTH), "1mo");
        assert_eq!(shown(3 * DAY), "3d");
    }

    proptest! {
        #[test]
        fn every_duration_round_trips_through_its_display(m in 0..=MAX_MINUTES) {
            let d = Duration(m);
            prop_assert_eq!(Duration::parse(&d.to_string()), Ok(d));
        }

        #[test]
        fn every_accepted_text_round_trips_through_display(
            n in 0u32..1000,
            unit in prop::sample::select(UNITS.iter().map(|(u, _)| *u).collect::<Vec<_>>()),
            space in prop::bool::ANY,
        ) {
            let text = format!("{n}{}{unit}", if space { " " } else { "" });
            if let Ok(d) = Duration::parse(&text) {
                prop_assert_eq!(Duration::parse(&d.to_string()), Ok(d));
            }
        }

        #[test]
        fn garbage_never_panics(text in "\\PC{0,40}") {
            let _ = Duration::parse(&text);
        }

        #[test]
        fn near_misses_never_panic(text in "[0-9.,PTptHhMmDdWwYy ]{0,20}") {
            if let Ok(d) = Duration::parse(&text) {
                prop_assert!(d.minutes() <= MAX_MINUTES);
            }
        }
    }
}

#[cfg(test)]
mod serde_tests {
    use super::*;

    #[test]
    fn crosses_json_as_whole_minutes() {
        assert_eq!(serde_json::to_string(&Duration(240)).expect("json"), "240");
        assert_eq!(
            serde_json::from_str::<Duration>("90").expect("json"),
            Duration(90)
        );
    }
}
