//! The review: every stale thing as an item with why, when it was due, how serious it is
//! and where it is fixed, most urgent first. The inputs are gathered by the store; the
//! rules of each kind are in `stale`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::stale;
use crate::analysis::evidence::Recorded;
use crate::analysis::graph_build::GraphParts;
use crate::domain::{Action, Demonstration, Finding, InterviewStatus, Person, Severity};

/// What kind of stale thing an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// A plan past its review date.
    PlanReviewDue,
    /// A plan approved before a finding that names it (or one of its steps).
    PlanFinding,
    /// A contact on a plan not verified within the plan's review cycle.
    ContactUnverified,
    /// A BIA interview older than the BIA review interval.
    BiaOutdated,
    /// A BIA interview whose activity's needs changed after it was validated, or whose
    /// validation was withdrawn by a later change.
    BiaChanged,
    /// A demonstrated recovery capability that has expired.
    DemonstrationExpired,
    /// A demonstrated recovery capability expiring within 60 days.
    DemonstrationExpiring,
    /// A resource on a tier-1 chain whose capability was never demonstrated.
    NotDemonstrated,
    /// An open action past its due date.
    ActionOverdue,
    /// An open action, not yet due.
    ActionOpen,
    /// A plan not exercised within the exercise interval.
    ExerciseDue,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 11] = [
        ReviewKind::PlanReviewDue,
        ReviewKind::PlanFinding,
        ReviewKind::ContactUnverified,
        ReviewKind::BiaOutdated,
        ReviewKind::BiaChanged,
        ReviewKind::DemonstrationExpired,
        ReviewKind::DemonstrationExpiring,
        ReviewKind::NotDemonstrated,
        ReviewKind::ActionOverdue,
        ReviewKind::ActionOpen,
        ReviewKind::ExerciseDue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::PlanReviewDue => "plan_review_due",
            ReviewKind::PlanFinding => "plan_finding",
            ReviewKind::ContactUnverified => "contact_unverified",
            ReviewKind::BiaOutdated => "bia_outdated",
            ReviewKind::BiaChanged => "bia_changed",
            ReviewKind::DemonstrationExpired => "demonstration_expired",
            ReviewKind::DemonstrationExpiring => "demonstration_expiring",
            ReviewKind::NotDemonstrated => "not_demonstrated",
            ReviewKind::ActionOverdue => "action_overdue",
            ReviewKind::ActionOpen => "action_open",
            ReviewKind::ExerciseDue => "exercise_due",
        }
    }

    /// A heading for the items of this kind.
    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::PlanReviewDue => "Plans past their review date",
            ReviewKind::PlanFinding => "Plans approved before a finding",
            ReviewKind::ContactUnverified => "Contacts not verified",
            ReviewKind::BiaOutdated => "BIA interviews due for review",
            ReviewKind::BiaChanged => "BIA interviews changed since validation",
            ReviewKind::DemonstrationExpired => "Demonstrations expired",
            ReviewKind::DemonstrationExpiring => "Demonstrations expiring",
            ReviewKind::NotDemonstrated => "Tier-1 resources never demonstrated",
            ReviewKind::ActionOverdue => "Overdue actions",
            ReviewKind::ActionOpen => "Open actions",
            ReviewKind::ExerciseDue => "Plans due for an exercise",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SubjectType {
    Plan,
    Person,
    /// A BIA interview, by its activity's id.
    Activity,
    Resource,
    Action,
}

/// What an item is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Subject {
    #[serde(rename = "type")]
    pub kind: SubjectType,
    pub id: i64,
    pub name: String,
}

/// The page where an item is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LinkPage {
    Plans,
    People,
    Interview,
    Resources,
    Actions,
    Exercises,
}

/// Where an item is fixed: a page and the record to open on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReviewLink {
    pub page: LinkPage,
    pub id: i64,
}

/// One stale thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReviewItem {
    pub kind: ReviewKind,
    pub subject: Subject,
    /// When it was (or is) due; `None` when it has no date.
    pub due: Option<NaiveDate>,
    /// Why it is listed, in a sentence or two.
    pub why: String,
    pub severity: Severity,
    pub link: ReviewLink,
    /// For an action: who owns it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct KindCount {
    pub kind: ReviewKind,
    /// A heading for the items of this kind.
    pub label: String,
    pub count: usize,
}

/// A plan of the exercise programme: when it was last exercised and when the next
/// exercise is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProgrammeRow {
    pub plan_id: i64,
    pub title: String,
    pub last_exercised: Option<NaiveDate>,
    /// The exercise that last tested it.
    pub exercise_id: Option<i64>,
    pub exercise_title: Option<String>,
    pub next_due: Option<NaiveDate>,
}

/// The review on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Review {
    pub today: NaiveDate,
    /// Most urgent first.
    pub items: Vec<ReviewItem>,
    /// How many items of each kind (kinds with none left out), in the kinds' order.
    pub counts: Vec<KindCount>,
    /// Every approved plan, with when it was last exercised.
    pub programme: Vec<ProgrammeRow>,
}

/// A plan's facts the review needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFacts {
    pub id: i64,
    pub title: String,
    pub review_months: u32,
    /// When its first version was approved (frozen).
    pub first_approved: Option<DateTime<Utc>>,
    /// Its latest approved version and when it was frozen.
    pub last_approved: Option<(u32, DateTime<Utc>)>,
}

/// A BIA interview's facts the review needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewFacts {
    pub activity_id: i64,
    pub activity: String,
    pub status: InterviewStatus,
    pub interview_date: Option<NaiveDate>,
    pub validated_at: Option<DateTime<Utc>>,
}

/// An entry of the audit log about what an activity or a resource needs (`entity`
/// `interview`: the activity's needs; `resource`: the resource's), or about an
/// interview's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedChange {
    pub entity: String,
    pub entity_id: i64,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub at: DateTime<Utc>,
}

/// A closed exercise that tested a plan, and when it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRun {
    pub plan_id: i64,
    pub event_id: i64,
    pub title: String,
    pub started: NaiveDate,
}

/// Everything the review is worked out from.
#[derive(Debug, Clone, Default)]
pub struct ReviewInputs {
    pub bia_review_months: u32,
    pub validity_months: u32,
    pub exercise_interval_months: u32,
    pub plans: Vec<PlanFacts>,
    /// Who each plan relies on by id (call tree, who may invoke): (plan id, person id).
    pub plan_people: Vec<(i64, i64)>,
    pub people: Vec<Person>,
    pub findings: Vec<Finding>,
    pub interviews: Vec<InterviewFacts>,
    /// The audit entries on needs and interview statuses (see [`NeedChange`]).
    pub need_changes: Vec<NeedChange>,
    /// Which resources each activity needs directly: (activity id, resource id).
    pub activity_resources: Vec<(i64, i64)>,
    /// The dependency graph, with each activity's tier.
    pub parts: GraphParts,
    /// What is recorded of each resource's capability, by resource id.
    pub capabilities: BTreeMap<i64, Recorded>,
    pub demonstrations: Vec<Demonstration>,
    pub actions: Vec<Action>,
    pub exercises: Vec<ExerciseRun>,
    /// Every exercise's title, by id: a demonstration is said with the exercise it was made in.
    pub exercise_titles: HashMap<i64, String>,
}

/// Demonstrations expiring within this many days are listed.
pub const EXPIRING_WITHIN_DAYS: i64 = 60;

/// The review on `today`.
pub fn review(inputs: &ReviewInputs, today: NaiveDate) -> Review {
    let mut items = Vec::new();
    stale::plans(inputs, today, &mut items);
    stale::contacts(inputs, today, &mut items);
    stale::interviews(inputs, today, &mut items);
    stale::demonstrations(inputs, today, &mut items);
    stale::actions(inputs, today, &mut items);
    let programme = stale::programme(inputs, today, &mut items);
    sort(&mut items);
    let mut counts: BTreeMap<ReviewKind, usize> = BTreeMap::new();
    for item in &items {
        *counts.entry(item.kind).or_default() += 1;
    }
    Review {
        today,
        items,
        counts: counts
            .into_iter()
            .map(|(kind, count)| KindCount {
                kind,
                label: kind.label().to_owned(),
                count,
            })
            .collect(),
        programme,
    }
}

/// Most urgent first: the most severe, then the longest overdue (no date after every
/// date), then by kind and name, so the same engagement always lists the same way.
fn sort(items: &mut [ReviewItem]) {
    items.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| match (a.due, b.due) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| {
                a.subject
                    .name
                    .to_lowercase()
                    .cmp(&b.subject.name.to_lowercase())
            })
            .then_with(|| a.subject.id.cmp(&b.subject.id))
    });
}
