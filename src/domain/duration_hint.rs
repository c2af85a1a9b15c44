//! What a duration Keel cannot accept as it stands probably meant, to suggest beside it
//! when it is kept as typed: the stricter end of a range (`2-4 hours` → 2h), the bound
//! of a bound (`< 1h` → 1h), business days read as days (`2 business days` → 2d, the
//! stricter reading). Words that say nothing yet (`TBD`, `N/A`) suggest nothing.

use super::Duration;

/// A likely reading of `text`, with why it was chosen; `None` when there is none.
pub fn suggest(text: &str) -> Option<(Duration, &'static str)> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() || lower.len() > 80 {
        return None;
    }
    if let Some(rest) = lower
        .strip_suffix("business days")
        .or_else(|| lower.strip_suffix("working days"))
        .or_else(|| lower.strip_suffix("business day"))
        .or_else(|| lower.strip_suffix("working day"))
    {
        let days = Duration::parse(&format!("{}d", rest.trim())).ok()?;
        return Some((days, "business days counted as days, the stricter reading"));
    }
    for (prefix, why) in [
        ("<=", "the upper bound"),
        ("<", "the upper bound"),
        ("≤", "the upper bound"),
        ("under ", "the upper bound"),
        ("less than ", "the upper bound"),
        ("up to ", "the upper bound"),
        ("within ", "the upper bound"),
        ("at most ", "the upper bound"),
        ("max ", "the upper bound"),
        ("max. ", "the upper bound"),
        (">=", "the lower bound"),
        (">", "the lower bound"),
        ("≥", "the lower bound"),
        ("more than ", "the lower bound"),
        ("over ", "the lower bound"),
        ("at least ", "the lower bound"),
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return Duration::parse(rest).ok().map(|d| (d, why));
        }
    }
    range(&lower).map(|d| (d, "the stricter end of the range"))
}

/// The shorter end of `A-B unit`, `A to B unit` or `between A and B unit` (the unit
/// may be written on both ends or only on the second).
fn range(lower: &str) -> Option<Duration> {
    let body = lower.strip_prefix("between ").unwrap_or(lower);
    let (first, second) = ["-", "–", "—", " to ", " and "]
        .iter()
        .find_map(|sep| body.split_once(sep))?;
    let (first, second) = (first.trim(), second.trim());
    let high = Duration::parse(second).ok()?;
    let low = Duration::parse(first).ok().or_else(|| {
        // The unit only on the second end: `2-4 hours`.
        let unit = second.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        Duration::parse(&format!("{first}{unit}")).ok()
    })?;
    Some(low.min(high))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(text: &str) -> Option<String> {
        suggest(text).map(|(d, _)| d.to_string())
    }

    #[test]
    fn the_readings_people_write_in_spreadsheets() {
        assert_eq!(shown("2-4 hours").as_deref(), Some("2h"));
        assert_eq!(shown("2h - 4h").as_deref(), Some("2h"));
        assert_eq!(shown("between 1 and 2 days").as_deref(), Some("1d"));
        assert_eq!(shown("4 to 8 hours").as_deref(), Some("4h"));
        assert_eq!(shown("< 1h").as_deref(), Some("1h"));
        assert_eq!(shown("up to 2 days").as_deref(), Some("2d"));
        assert_eq!(shown("more than 4h").as_deref(), Some("4h"));
        assert_eq!(shown("2 business days").as_deref(), Some("2d"));
        assert_eq!(shown("1 working day").as_deref(), Some("1d"));
        for nothing in ["TBD", "N/A", "?", "", "unknown", "-1h", "a-b"] {
            assert_eq!(shown(nothing), None, "{nothing}");
        }
    }

    proptest! {
        #[test]
        fn any_text_gets_a_suggestion_or_none_without_panicking_and_a_range_suggests_its_shorter_end(
            text in ".{0,40}",
            a in 1u32..500,
            b in 1u32..500,
        ) {
            let _ = suggest(&text);
            let suggested = suggest(&format!("{a}-{b} minutes")).map(|(d, _)| d.minutes());
            prop_assert_eq!(suggested, Some(a.min(b)));
        }
    }
}
