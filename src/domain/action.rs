//! Actions (corrective and preventive): what a finding, an incident's review or a plan
//! review asks someone to do, by when, and how far it has got. The rules of moving an
//! action on (who accepts a risk, which approved version verifies it) are in
//! `review::actions`; here are the nouns and the checks of what was typed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{DateOrder, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    Verified,
    RiskAccepted,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Verified,
        ActionStatus::RiskAccepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Verified => "verified",
            ActionStatus::RiskAccepted => "risk_accepted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Verified => "verified",
            ActionStatus::RiskAccepted => "risk accepted",
        }
    }

    /// `open`, `in_progress` (or `in progress`, `in-progress`), `done`, `verified`,
    /// `risk_accepted` (or `risk accepted`, `accepted`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase().replace(['-', ' '], "_");
        match text.as_str() {
            "accepted" => Some(ActionStatus::RiskAccepted),
            "progress" => Some(ActionStatus::InProgress),
            _ => Self::ALL.into_iter().find(|s| s.as_str() == text),
        }
    }

    /// Still to be done: open or in progress.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// Where an action comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActionSource {
    /// A finding of an exercise or an incident.
    Finding,
    /// The review that closes an incident.
    IncidentReview,
    /// A plan's periodic review.
    PlanReview,
}

impl ActionSource {
    pub const ALL: [ActionSource; 3] = [
        ActionSource::Finding,
        ActionSource::IncidentReview,
        ActionSource::PlanReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionSource::Finding => "finding",
            ActionSource::IncidentReview => "incident_review",
            ActionSource::PlanReview => "plan_review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionSource::Finding => "finding",
            ActionSource::IncidentReview => "post-incident review",
            ActionSource::PlanReview => "plan review",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A new action as typed. `source` is `finding`, `incident_review` or `plan_review`;
/// a finding's action names the finding, an incident review's the incident, a plan
/// review's the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActionInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub owner_id: Option<i64>,
    /// `YYYY-MM-DD` (or the engagement's date order).
    pub due: String,
    pub source: String,
    #[serde(default)]
    pub finding_id: Option<i64>,
    #[serde(default)]
    pub event_id: Option<i64>,
    #[serde(default)]
    pub plan_id: Option<i64>,
}

/// A new action, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub title: String,
    pub description: String,
    pub owner_id: i64,
    pub due: NaiveDate,
    pub source: ActionSource,
    pub finding_id: Option<i64>,
    pub event_id: Option<i64>,
    pub plan_id: Option<i64>,
}

fn title(errors: &mut FieldErrors, value: &str) -> String {
    errors.required_text("title", "The action's title", value, 200)
}

fn description(errors: &mut FieldErrors, value: &str) -> String {
    errors.optional_text("description", "The description", value, 5_000)
}

fn due(errors: &mut FieldErrors, value: &str, order: Option<DateOrder>) -> Option<NaiveDate> {
    let date = errors.optional_date_in("due", "The due date", value, order);
    if value.trim().is_empty() {
        errors.add("due", "The due date is required.");
    }
    date
}

impl ActionInput {
    pub fn validate(&self, order: Option<DateOrder>) -> Result<NewAction, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = title(&mut errors, &self.title);
        let description = description(&mut errors, &self.description);
        if self.owner_id.is_none() {
            errors.add("owner", "Choose who owns the action.");
        }
        let due = due(&mut errors, &self.due, order);
        let source = ActionSource::parse(&self.source);
        match source {
            None => errors.add(
                "source",
                "An action comes from a finding, an incident review or a plan review.",
            ),
            Some(ActionSource::Finding) if self.finding_id.is_none() => {
                errors.add("finding", "Name the finding the action comes from.");
            }
            Some(ActionSource::IncidentReview) if self.event_id.is_none() => {
                errors.add("event", "Name the incident whose review raised the action.");
            }
            Some(ActionSource::PlanReview) if self.plan_id.is_none() => {
                errors.add("plan", "Name the plan whose review raised the action.");
            }
            _ => {}
        }
        errors.into_result()?;
        Ok(NewAction {
            title,
            description,
            owner_id: self.owner_id.unwrap_or_default(),
            due: due.unwrap_or_default(),
            source: source.unwrap_or(ActionSource::PlanReview),
            finding_id: self.finding_id,
            event_id: self.event_id,
            plan_id: self.plan_id,
        })
    }
}

/// A change to an action as typed: each field left `None` stays as it is. Accepting a
/// risk needs `accepted_by` and `accepted_why`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActionEdit {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub accepted_by: Option<String>,
    #[serde(default)]
    pub accepted_why: Option<String>,
}

/// A change to an action, checked as typed (whether the action may move so is
/// `review::actions`'s to say).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionChange {
    pub title: Option<String>,
    pub description: Option<String>,
    pub owner_id: Option<i64>,
    pub due: Option<NaiveDate>,
    pub status: Option<ActionStatus>,
    pub accepted_by: Option<String>,
    pub accepted_why: Option<String>,
}

impl ActionEdit {
    pub fn validate(&self, order: Option<DateOrder>) -> Result<ActionChange, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.as_deref().map(|t| title(&mut errors, t));
        let description = self
            .description
            .as_deref()
            .map(|d| description(&mut errors, d));
        let due = match self.due.as_deref() {
            Some(d) => due(&mut errors, d, order),
            None => None,
        };
        let status = match self.status.as_deref() {
            Some(s) => {
                let status = ActionStatus::parse(s);
                if status.is_none() {
                    errors.add(
                        "status",
                        "The status is open, in progress, done, verified or risk accepted.",
                    );
                }
                status
            }
            None => None,
        };
        let accepted_by = self
            .accepted_by
            .as_deref()
            .map(|a| errors.optional_text("accepted_by", "Who accepted the risk", a, 200));
        let accepted_why = self
            .accepted_why
            .as_deref()
            .map(|a| errors.optional_text("accepted_why", "Why the risk is accepted", a, 5_000));
        errors.into_result()?;
        Ok(ActionChange {
            title,
            description,
            owner_id: self.owner_id,
            due,
            status,
            accepted_by,
            accepted_why,
        })
    }
}

/// An action as stored, with its owner's and its plan's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Action {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub owner_id: i64,
    pub owner: String,
    pub due: NaiveDate,
    pub status: ActionStatus,
    pub source: ActionSource,
    pub finding_id: Option<i64>,
    pub event_id: Option<i64>,
    /// The plan it is about: named by a plan review, or by the finding it comes from.
    pub plan_id: Option<i64>,
    pub plan_title: Option<String>,
    /// When it was marked done (kept once verified).
    pub done_at: Option<DateTime<Utc>>,
    /// The approved version of its plan that closed it.
    pub verified_version: Option<u32>,
    pub accepted_by: String,
    pub accepted_why: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Action {
    /// Still open (open or in progress) and past its due date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due < today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_people_write_them() {
        assert_eq!(
            ActionStatus::parse("In progress"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(
            ActionStatus::parse("risk-accepted"),
            Some(ActionStatus::RiskAccepted)
        );
        assert_eq!(ActionStatus::parse("closed"), None);
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(s.as_str()), Some(s));
            assert_eq!(ActionStatus::parse(s.label()), Some(s));
        }
    }

    #[test]
    fn a_new_action_needs_title_owner_due_and_where_it_comes_from() {
        let errors = ActionInput {
            source: "finding".into(),
            ..ActionInput::default()
        }
        .validate(None)
        .unwrap_err();
        for field in ["title", "owner", "due", "finding"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let ok = ActionInput {
            title: "Update the call tree".into(),
            owner_id: Some(3),
            due: "2026-12-31".into(),
            source: "plan review".into(),
            plan_id: Some(1),
            ..ActionInput::default()
        }
        .validate(None)
        .unwrap();
        assert_eq!(ok.source, ActionSource::PlanReview);
        assert_eq!(ok.due, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    }

    #[test]
    fn an_edit_checks_only_what_it_changes() {
        assert_eq!(
            ActionEdit::default().validate(None),
            Ok(ActionChange::default())
        );
        let errors = ActionEdit {
            status: Some("closed".into()),
            due: Some("someday".into()),
            title: Some(" ".into()),
            ..ActionEdit::default()
        }
        .validate(None)
        .unwrap_err();
        for field in ["status", "due", "title"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
