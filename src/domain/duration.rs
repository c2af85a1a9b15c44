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
pub const ACCEPTED_FORMS: &str = "Write a number and a unit, e.g. 90m, 4h, 1.5d, 2 weeks, 1 month or 1d 12h; half a day, 1h30 and a day and a half work too (so does ISO 8601 such as PT4H).";

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

    /// Whole minutes measured (a time achieved), held between zero and the longest
    /// duration Keel keeps.
    pub fn clamped(minutes: i64) -> Duration {
        Duration(minutes.clamp(0, i64::from(MAX_MINUTES)) as u32)
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

/// A piece of a spoken duration: a number, or a word (a unit, a number word, `and`…).
#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Number(&'a str),
    Word(&'a str),
    /// Anything else (`-`, `<`, `/`): no spoken duration has it.
    Other(char),
}

/// Splits `text` (lower case) into numbers and words; spaces and commas between them
/// only separate (a comma inside a number is its decimal mark: `1,5 d`).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let run = |pred: fn(char) -> bool| rest.find(|c: char| !pred(c)).unwrap_or(rest.len());
        if c.is_ascii_digit() || c == '.' {
            let len = run(|c| c.is_ascii_digit() || c == '.' || c == ',');
            // A trailing comma ends the number: `1 day, 4 hours`.
            let number = rest[..len].trim_end_matches(',');
            out.push(Token::Number(number));
            rest = &rest[number.len()..];
        } else if c.is_alphabetic() {
            let len = run(char::is_alphabetic);
            out.push(Token::Word(&rest[..len]));
            rest = &rest[len..];
        } else if c.is_whitespace() || c == ',' {
            rest = &rest[c.len_utf8()..];
        } else {
            out.push(Token::Other(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A number said as a word: `a day`, `an hour`, `two weeks`.
fn number_word(word: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match word {
        "a" | "an" => Some(1.0),
        _ => WORDS
            .iter()
            .position(|w| *w == word)
            .map(|i| (i + 1) as f64),
    }
}

fn unit(word: &str) -> Option<u32> {
    UNITS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, per)| *per)
}

/// `1.5d`, `2 weeks`, `1d 12h`, `1 day, 4 hours`, and as people say them: `half a day`,
/// `an hour and a half`, `a day and a half`, `two weeks`, `1h30` (minutes after hours).
/// One or more number–unit pairs, `and` between them allowed.
fn parse_spoken(lower: &str, original: &str) -> Result<f64, DurationError> {
    let tokens = tokens(lower);
    let mut at = 0;
    let mut total = 0.0;
    let mut last_unit = None;
    while at < tokens.len() {
        // The number: digits, a number word, or `half a(n)`.
        let number = match &tokens[at] {
            Token::Number(text) => text
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| error(format!("\u{201c}{text}\u{201d} is not a number.")))?,
            Token::Word("half") if matches!(tokens.get(at + 1), Some(Token::Word("a" | "an"))) => {
                at += 1;
                0.5
            }
            Token::Word("and") if at > 0 && at + 1 < tokens.len() => {
                at += 1;
                continue;
            }
            Token::Word(word) if number_word(word).is_some() && tokens.len() > at + 1 => {
                number_word(word).unwrap_or(1.0)
            }
            _ => {
                return Err(error(format!(
                    "\u{201c}{original}\u{201d} should start with a number."
                )));
            }
        };
        at += 1;
        let per = match tokens.get(at) {
            Some(Token::Word(word)) => unit(word).ok_or_else(|| {
                error(format!("\u{201c}{word}\u{201d} is not a unit Keel knows."))
            })?,
            // `1h30`: a last bare number after hours is minutes.
            None if last_unit == Some(HOUR) => MINUTE,
            _ => {
                return Err(error(format!(
                    "\u{201c}{original}\u{201d} needs a unit after the number."
                )));
            }
        };
        at += 1;
        // `a day and a half`: half of the unit just said.
        let half = matches!(
            tokens.get(at..at + 3),
            Some([Token::Word("and"), Token::Word("a"), Token::Word("half")])
        );
        if half {
            at += 3;
        }
        let number = if half { number + 0.5 } else { number };
        total += number * f64::from(per);
        last_unit = Some(per);
        if total > f64::from(MAX_MINUTES) {
            return Err(error(format!(
                "\u{201c}{original}\u{201d} is longer than ten years."
            )));
        }
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
    fn the_forms_people_say() {
        assert_eq!(minutes("half a day"), 12 * HOUR);
        assert_eq!(minutes("half an hour"), 30);
        assert_eq!(minutes("a day and a half"), 36 * HOUR);
        assert_eq!(minutes("an hour and a half"), 90);
        assert_eq!(minutes("2 days and a half"), 60 * HOUR);
        assert_eq!(minutes("1h30"), 90);
        assert_eq!(minutes("1h 30"), 90);
        assert_eq!(minutes("2h05"), 125);
        assert_eq!(minutes("two weeks"), 2 * WEEK);
        assert_eq!(minutes("a day"), DAY);
        assert_eq!(minutes("1 day and 4 hours"), DAY + 4 * HOUR);
        assert_eq!(minutes("Half A Day"), 12 * HOUR);
    }

    #[test]
    fn what_is_not_one_duration_is_still_refused() {
        // Ranges, bounds, placeholders and business days are left for a person to decide.
        for bad in [
            "2-4 hours",
            "< 1h",
            "TBD",
            "N/A",
            "2 business days",
            "1d30",
            "a",
            "and 4h",
            "4h and",
            "half",
            "half a",
            "a half day",
            "30 and a half",
        ] {
            assert!(Duration::parse(bad).is_err(), "{bad:?} should be refused");
        }
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
        fn spoken_near_misses_never_panic(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "an", "half", "and", "one", "two", "day", "hour", "h", "d", "30", "1.5",
                    ",", "-", "<",
                ]),
                0..8,
            ),
        ) {
            let text = words.join(" ");
            if let Ok(d) = Duration::parse(&text) {
                prop_assert!(d.minutes() <= MAX_MINUTES);
                prop_assert_eq!(Duration::parse(&d.to_string()), Ok(d));
            }
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
