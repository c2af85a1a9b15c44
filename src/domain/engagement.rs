//! The engagement itself: one client, one programme of work, one `.keel` file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// Details of the engagement as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EngagementDetails {
    pub organisation: String,
    /// What the programme covers (and what it leaves out).
    pub scope: String,
    pub facilitator: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// Details as typed by the user; dates are `YYYY-MM-DD` or empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EngagementDetailsInput {
    pub organisation: String,
    pub scope: String,
    pub facilitator: String,
    pub start_date: String,
    pub end_date: String,
}

impl EngagementDetailsInput {
    /// Checks the input and returns the details to store, or every problem found.
    pub fn validate(&self) -> Result<EngagementDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organisation =
            errors.required_text("organisation", "Organisation", &self.organisation, 200);
        let scope = errors.optional_text("scope", "Scope statement", &self.scope, 20_000);
        let facilitator =
            errors.optional_text("facilitator", "Facilitator", &self.facilitator, 200);
        let start_date = errors.optional_date("start_date", "Start date", &self.start_date);
        let end_date = errors.optional_date("end_date", "End date", &self.end_date);
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            errors.add(
                "end_date",
                format!("End date {end} is before the start date {start}."),
            );
        }
        errors.into_result()?;
        Ok(EngagementDetails {
            organisation,
            scope,
            facilitator,
            start_date,
            end_date,
        })
    }
}

impl From<&EngagementDetails> for EngagementDetailsInput {
    fn from(d: &EngagementDetails) -> Self {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            organisation: d.organisation.clone(),
            scope: d.scope.clone(),
            facilitator: d.facilitator.clone(),
            start_date: date(d.start_date),
            end_date: date(d.end_date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_before_start_is_refused_at_the_end_date() {
        let input = EngagementDetailsInput {
            organisation: "Acme".into(),
            start_date: "2026-05-01".into(),
            end_date: "2026-04-01".into(),
            ..Default::default()
        };
        let Err(errors) = input.validate() else {
            panic!("expected a validation error");
        };
        assert!(errors.get("end_date").is_some());
        assert!(errors.get("start_date").is_none());
    }
}
