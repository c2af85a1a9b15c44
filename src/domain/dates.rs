//! Calendar dates as people type them: `2026-12-02`, `2 Dec 2026`, `2nd December 2026`,
//! `Dec 2, 2026`, and day/month/year with slashes or dots when only one reading is a
//! date (`25/12/2026`). `12/02/2026` could be either; Keel asks rather than guesses,
//! unless the engagement says once which comes first ([`DateOrder`]).

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Which comes first in a date written with numbers only, as the engagement says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `12/02/2026` is 12 February 2026.
    DayFirst,
    /// `12/02/2026` is 2 December 2026.
    MonthFirst,
}

impl DateOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day_first",
            DateOrder::MonthFirst => "month_first",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::DayFirst, Self::MonthFirst]
            .into_iter()
            .find(|o| o.as_str() == text)
    }
}

/// [`parse_date`], reading a date whose numbers allow both orders in `order` when the
/// engagement has said which.
pub fn parse_date_in(text: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateRefusal> {
    match (parse_date(text), order) {
        (Err(DateRefusal::Ambiguous(day_first, _)), Some(DateOrder::DayFirst)) => Ok(day_first),
        (Err(DateRefusal::Ambiguous(_, month_first)), Some(DateOrder::MonthFirst)) => {
            Ok(month_first)
        }
        (result, _) => result,
    }
}

/// Why a text is not a date, for the message at its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateRefusal {
    /// Not a date in any form Keel reads.
    Unreadable,
    /// Day and month could be swapped (`12/02/2026`): both readings, as ISO dates.
    Ambiguous(NaiveDate, NaiveDate),
}

/// The date `text` names, or why it names none. Never panics, whatever the text.
/// `t` without its fraction of a second: the precision an engagement file keeps times to.
pub fn to_the_second(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

pub fn parse_date(text: &str) -> Result<NaiveDate, DateRefusal> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date);
    }
    if let Some(result) = numeric(text) {
        return result;
    }
    let words = spoken(text);
    // Day, month and a four-digit year: chrono would read `Dec 2026` as the 20th of
    // December of the year 26.
    let parts: Vec<&str> = words.split(' ').collect();
    let full_year = |w: &&str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    if parts.len() != 3 || !parts.last().is_some_and(full_year) {
        return Err(DateRefusal::Unreadable);
    }
    for format in ["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(&words, format) {
            return Ok(date);
        }
    }
    Err(DateRefusal::Unreadable)
}

/// `d/m/yyyy`, `d.m.yyyy` or `d-m-yyyy` (and the month first), when the numbers allow it.
fn numeric(text: &str) -> Option<Result<NaiveDate, DateRefusal>> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    let (a, b, year): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    let day_first = NaiveDate::from_ymd_opt(year, b, a);
    let month_first = NaiveDate::from_ymd_opt(year, a, b);
    Some(match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => Ok(d),
        (Some(d), Some(m)) => Err(DateRefusal::Ambiguous(d, m)),
        (Some(d), None) => Ok(d),
        (None, Some(m)) => Ok(m),
        (None, None) => Err(DateRefusal::Unreadable),
    })
}

/// `2nd December, 2026` as `2 December 2026`: ordinal endings and commas dropped.
fn spoken(text: &str) -> String {
    text.replace(',', " ")
        .split_whitespace()
        .map(|word| {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let ending = &word[digits.len()..];
            let ordinal = ["st", "nd", "rd", "th"].contains(&ending.to_lowercase().as_str());
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && ordinal {
                digits.to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn the_forms_people_write() {
        let dec2 = date(2026, 12, 2);
        for text in [
            "2026-12-02",
            "2 Dec 2026",
            "2 dec 2026",
            "2 December 2026",
            "2nd December 2026",
            "Dec 2, 2026",
            "December 2 2026",
            " 2 DEC 2026 ",
        ] {
            assert_eq!(parse_date(text), Ok(dec2), "{text}");
        }
        assert_eq!(parse_date("25/12/2026"), Ok(date(2026, 12, 25)));
        assert_eq!(parse_date("12/25/2026"), Ok(date(2026, 12, 25)));
        assert_eq!(parse_date("05.05.2026"), Ok(date(2026, 5, 5)));
    }

    #[test]
    fn day_and_month_that_could_swap_are_asked_not_guessed() {
        assert_eq!(
            parse_date("12/02/2026"),
            Err(DateRefusal::Ambiguous(date(2026, 2, 12), date(2026, 12, 2)))
        );
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for text in [
            "",
            "soon",
            "31/02/2026",
            "2026-13-01",
            "2 Dec",
            "12/02/26",
            "Dec 2026",
            "2 Dec 26",
            "Dec 20 26",
        ] {
            assert_eq!(parse_date(text), Err(DateRefusal::Unreadable), "{text}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_a_date_or_a_refusal_and_never_a_panic(text in "\\PC{0,30}") {
            let _ = parse_date(&text);
        }

        #[test]
        fn every_iso_date_and_its_spoken_form_read_back(days in 0i64..50_000) {
            let day = date(1990, 1, 1) + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&day.to_string()), Ok(day));
            prop_assert_eq!(parse_date(&day.format("%-d %b %Y").to_string()), Ok(day));
            prop_assert_eq!(parse_date(&day.format("%B %-d, %Y").to_string()), Ok(day));
        }
    }
}
