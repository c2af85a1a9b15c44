//! Field-level validation: collect every problem with an input, not just the first.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

/// Problems with an input, by field name (the names the UI uses for its inputs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One problem with one field.
    pub fn one(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        // The first problem with a field is the one worth showing.
        if self.get(field).is_none() {
            self.0.push((field.to_owned(), message.into()));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The problems, leaving out those at `fields`.
    pub fn without(&self, fields: &[&str]) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .filter(|(f, _)| !fields.contains(&f.as_str()))
                .cloned()
                .collect(),
        )
    }

    /// Every field with a problem.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(f, _)| f.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.0.iter().cloned().collect()
    }

    /// `Ok(())` when nothing was found, otherwise the collected problems as an error.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// A required single-line text: trimmed, not empty, at most `max` characters.
    pub fn required_text(&mut self, field: &str, label: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, format!("{label} is required."));
        }
        self.max_len(field, label, value, max);
        value.to_owned()
    }

    /// An optional text: trimmed, at most `max` characters.
    pub fn optional_text(&mut self, field: &str, label: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        self.max_len(field, label, value, max);
        value.to_owned()
    }

    /// An optional calendar date as people type it (`2026-03-31`, `31 Mar 2026`, see
    /// [`super::parse_date`]); empty means none.
    pub fn optional_date(&mut self, field: &str, label: &str, value: &str) -> Option<NaiveDate> {
        self.optional_date_in(field, label, value, None)
    }

    /// [`Self::optional_date`], with the engagement's order of day and month for dates
    /// written with numbers only (none: such a date that could be read both ways is
    /// refused, naming both readings).
    pub fn optional_date_in(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        order: Option<super::DateOrder>,
    ) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match super::dates::parse_date_in(value, order) {
            Ok(date) => Some(date),
            Err(super::DateRefusal::Ambiguous(day_first, month_first)) => {
                self.add(
                    field,
                    format!(
                        "{label}: is {value} {} or {}? Write it as {} or {}, or say once for this engagement which comes first in such dates (BIA settings).",
                        day_first.format("%-d %B %Y"),
                        month_first.format("%-d %B %Y"),
                        day_first.format("%-d %b %Y"),
                        month_first.format("%-d %b %Y"),
                    ),
                );
                None
            }
            Err(super::DateRefusal::Unreadable) => {
                self.add(
                    field,
                    format!(
                        "{label} must be a date written as YYYY-MM-DD, e.g. 2026-03-31, or as 31 Mar 2026."
                    ),
                );
                None
            }
        }
    }

    fn max_len(&mut self, field: &str, label: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.add(
                field,
                format!("{label} is {len} characters long; at most {max} are allowed."),
            );
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.0.iter().map(|(_, m)| m.as_str()).collect();
        write!(f, "{}", messages.join(" "))
    }
}

/// Case-insensitive comparison key for names ("Finance" = "finance", "ÄRZTE" = "ärzte").
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A label as it starts a sentence or a cell ("parallel test" → "Parallel test").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_message_per_field() {
        let mut errors = FieldErrors::new();
        errors.add("name", "first");
        errors.add("name", "second");
        assert_eq!(errors.get("name"), Some("first"));
        assert_eq!(errors.to_map().len(), 1);
    }

    #[test]
    fn required_text_is_trimmed_and_checked() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            errors.required_text("name", "Name", "  Payroll ", 10),
            "Payroll"
        );
        assert!(errors.is_empty());
        errors.required_text("name", "Name", "   ", 10);
        assert_eq!(errors.get("name"), Some("Name is required."));
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let mut errors = FieldErrors::new();
        errors.required_text("name", "Name", "ÄÖÜäöü", 6);
        assert!(errors.is_empty(), "six characters fit in six");
        errors.required_text("name", "Name", "ÄÖÜäöüß", 6);
        assert!(
            errors
                .get("name")
                .is_some_and(|m| m.contains("7 characters"))
        );
    }

    #[test]
    fn dates_must_be_iso() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.optional_date("d", "Start", ""), None);
        assert_eq!(
            errors.optional_date("d", "Start", "2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        assert!(errors.is_empty());
        assert_eq!(errors.optional_date("d", "Start", "2026-02-30"), None);
        assert!(errors.get("d").is_some_and(|m| m.contains("YYYY-MM-DD")));
    }
}
