//! Plans as the app and the CLI see them: what is typed to create and edit one, the
//! list, their versions and approvals, and what an export wrote. The plan being worked
//! on and the versions signed off, which hold plan content, are in `plan::view`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::PlanTemplate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PlanScope {
    /// Every activity of the engagement.
    Organisation,
    /// The chosen activities, and the activities that need the chosen resources.
    Items,
    /// The activities that need the chosen site, directly or through a chain.
    Site,
}

impl PlanScope {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanScope::Organisation => "organisation",
            PlanScope::Items => "items",
            PlanScope::Site => "site",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [PlanScope::Organisation, PlanScope::Items, PlanScope::Site]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    Draft,
    InReview,
    Approved,
    /// Approved once; a later version has been approved since.
    Superseded,
}

impl PlanState {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanState::Draft => "draft",
            PlanState::InReview => "in_review",
            PlanState::Approved => "approved",
            PlanState::Superseded => "superseded",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            PlanState::Draft,
            PlanState::InReview,
            PlanState::Approved,
            PlanState::Superseded,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NewPlanInput {
    pub title: String,
    pub template: PlanTemplate,
    pub owner: String,
    /// Months between reviews; 12 when not given.
    pub review_months: Option<u32>,
}

/// One change to the plan being worked on. An edit to an approved plan starts the next
/// version as a draft; an edit to a plan in review sends it back to draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PlanEdit {
    Details {
        title: String,
        owner: String,
        review_months: u32,
    },
    /// `items`: node keys (`activity:ID`, `resource:ID`); for a site, the site.
    Scope {
        scope: PlanScope,
        items: Vec<String>,
    },
    /// The Markdown of a written section.
    Section {
        key: String,
        body: String,
    },
    Approvers {
        approvers: Vec<ApproverRow>,
    },
    CallTree {
        calls: Vec<CallInput>,
    },
    Steps {
        steps: Vec<StepInput>,
    },
    /// When the plan is invoked, and who may invoke it.
    Invocation {
        criteria: Vec<CriterionInput>,
        invokers: Vec<InvokerInput>,
    },
}

/// A criterion for invoking the plan, e.g. "The warehouse cannot be used", expected to
/// last longer than a threshold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CriterionInput {
    pub text: String,
    /// As typed (`2h`), or empty: no threshold.
    pub threshold: String,
}

/// Who may invoke the plan: a named person, or anyone holding a role; with an alternate
/// who may invoke in their place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InvokerInput {
    pub person_id: Option<i64>,
    pub role: String,
    pub alternate_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CallInput {
    /// `None`: the person who invokes the plan makes this call.
    pub caller_id: Option<i64>,
    pub callee_id: i64,
    pub fallback_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StepInput {
    pub title: String,
    pub owner_role: String,
    /// As typed (`2h`, `PT30M`), or empty.
    pub duration: String,
    pub resource_id: Option<i64>,
    pub preconditions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ApproverRow {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Approval {
    pub name: String,
    pub role: String,
    pub approved_at: DateTime<Utc>,
    pub comment: String,
}

/// A plan in the list: where its working version stands, and its last approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlanSummary {
    pub id: i64,
    pub title: String,
    pub template: PlanTemplate,
    pub state: PlanState,
    pub version: u32,
    pub approved_version: Option<u32>,
    pub approved_at: Option<DateTime<Utc>>,
    pub sha256: Option<String>,
    /// `YYYY-MM-DD`: the last approval plus the review cycle.
    pub next_review: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScopeItem {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct VersionInfo {
    pub version: u32,
    pub state: PlanState,
    pub approved_at: Option<DateTime<Utc>>,
    pub sha256: Option<String>,
}

/// A frozen version whose stored hash no longer matches its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HashMismatch {
    pub plan_id: i64,
    pub version: u32,
    pub stored: String,
    pub computed: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PdfExportSummary {
    pub path: String,
    pub pages: usize,
    pub version: u32,
    pub sha256: String,
    /// Characters no shipped font has; they show as boxes in the PDF.
    pub missing: Vec<String>,
    /// Who signed it, when it was signed.
    pub signed_by: Option<String>,
}
