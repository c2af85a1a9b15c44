//! The rules of each kind of review item: when a plan, a contact, a BIA interview, a
//! demonstrated capability, an action or a plan's exercises have gone stale, and why.

use std::collections::{BTreeMap, HashMap};

use chrono::{Months, NaiveDate};

use super::items::{
    LinkPage, ProgrammeRow, ReviewInputs, ReviewItem, ReviewKind, ReviewLink, Subject, SubjectType,
};
use crate::domain::{NodeRef, Severity, capitalised};

mod evidence;
mod interviews;

pub(super) use evidence::demonstrations;
pub(super) use interviews::interviews;

fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn item(
    kind: ReviewKind,
    (subject, id, name): (SubjectType, i64, &str),
    due: Option<NaiveDate>,
    why: String,
    severity: Severity,
    page: LinkPage,
) -> ReviewItem {
    ReviewItem {
        kind,
        subject: Subject {
            kind: subject,
            id,
            name: name.to_owned(),
        },
        due,
        why,
        severity,
        link: ReviewLink { page, id },
        owner: None,
    }
}

fn months(n: u32) -> String {
    if n == 1 {
        "1 month".to_owned()
    } else {
        format!("{n} months")
    }
}

/// Plans past their review date, and plans approved before a finding that names them.
pub(super) fn plans(inputs: &ReviewInputs, today: NaiveDate, out: &mut Vec<ReviewItem>) {
    for plan in &inputs.plans {
        let Some((version, frozen_at)) = plan.last_approved else {
            continue;
        };
        let subject = (SubjectType::Plan, plan.id, plan.title.as_str());
        let approved = frozen_at.date_naive();
        let next = add_months(approved, plan.review_months);
        if next < today {
            out.push(item(
                ReviewKind::PlanReviewDue,
                subject,
                Some(next),
                format!(
                    "Version {version} was approved on {approved}; its review, every {}, was due on {next}. Review it and approve the next version.",
                    months(plan.review_months)
                ),
                Severity::High,
                LinkPage::Plans,
            ));
        }
        let later: Vec<_> = inputs
            .findings
            .iter()
            .filter(|f| {
                f.created_at > frozen_at
                    && f.about.as_ref().and_then(|a| a.plan_id()) == Some(plan.id)
            })
            .collect();
        if let Some(first) = later.first() {
            let severity = later
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(Severity::Medium)
                .max(Severity::Medium);
            let named: Vec<String> = later
                .iter()
                .take(3)
                .map(|f| format!("\u{201c}{}\u{201d} ({})", f.text, f.severity.as_str()))
                .collect();
            let more = later.len().saturating_sub(3);
            out.push(item(
                ReviewKind::PlanFinding,
                subject,
                Some(first.created_at.date_naive()),
                format!(
                    "Version {version} was approved on {approved}, before {} that name{} it: {}{}. Revise the plan and approve the next version.",
                    if later.len() == 1 { "a finding".to_owned() } else { format!("{} findings", later.len()) },
                    if later.len() == 1 { "s" } else { "" },
                    named.join("; "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                ),
                severity,
                LinkPage::Plans,
            ));
        }
    }
}

/// People a plan relies on (call tree, who may invoke) whose details were not verified
/// within the shortest review cycle of the plans that use them.
pub(super) fn contacts(inputs: &ReviewInputs, today: NaiveDate, out: &mut Vec<ReviewItem>) {
    let plans: HashMap<i64, _> = inputs.plans.iter().map(|p| (p.id, p)).collect();
    let mut uses: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (plan, person) in &inputs.plan_people {
        let list = uses.entry(*person).or_default();
        if !list.contains(plan) {
            list.push(*plan);
        }
    }
    for person in &inputs.people {
        let Some(plan_ids) = uses.get(&person.id) else {
            continue;
        };
        let mut used_by: Vec<_> = plan_ids.iter().filter_map(|id| plans.get(id)).collect();
        used_by.sort_by_key(|p| (p.review_months, p.title.to_lowercase()));
        let Some(strictest) = used_by.first() else {
            continue;
        };
        let verified = person
            .last_verified
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let due = verified.map(|v| add_months(v, strictest.review_months));
        if due.is_some_and(|d| d >= today) {
            continue;
        }
        let titles: Vec<&str> = used_by.iter().map(|p| p.title.as_str()).collect();
        let when = match verified {
            Some(v) => format!(
                "details last verified on {v}, more than {} ago",
                months(strictest.review_months)
            ),
            None => "details never verified".to_owned(),
        };
        out.push(item(
            ReviewKind::ContactUnverified,
            (SubjectType::Person, person.id, &person.name),
            due,
            format!(
                "Relied on by {}; {when} (the review cycle of {}). Check the numbers with them and date the check.",
                titles.join(", "),
                strictest.title
            ),
            Severity::Medium,
            LinkPage::People,
        ));
    }
}

/// Open actions: overdue ones, and those still to come, each with its owner.
pub(super) fn actions(inputs: &ReviewInputs, today: NaiveDate, out: &mut Vec<ReviewItem>) {
    for a in inputs.actions.iter().filter(|a| a.status.is_open()) {
        let about = a
            .plan_title
            .as_deref()
            .map(|t| format!(" about {t}"))
            .unwrap_or_default();
        let overdue = a.overdue(today);
        let why = if overdue {
            let days = (today - a.due).num_days();
            format!(
                "{} action{about}, owned by {}, was due on {} ({days} day{} ago).",
                capitalised(a.status.label()),
                a.owner,
                a.due,
                if days == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} action{about}, owned by {}, due on {}.",
                capitalised(a.status.label()),
                a.owner,
                a.due
            )
        };
        let mut entry = item(
            if overdue {
                ReviewKind::ActionOverdue
            } else {
                ReviewKind::ActionOpen
            },
            (SubjectType::Action, a.id, &a.title),
            Some(a.due),
            why,
            if overdue {
                Severity::High
            } else {
                Severity::Low
            },
            LinkPage::Actions,
        );
        entry.owner = Some(a.owner.clone());
        out.push(entry);
    }
}

/// The exercise programme: every approved plan, when it was last exercised and when the
/// next exercise is due; a plan never exercised, or not within the interval, is listed.
pub(super) fn programme(
    inputs: &ReviewInputs,
    today: NaiveDate,
    out: &mut Vec<ReviewItem>,
) -> Vec<ProgrammeRow> {
    let interval = inputs.exercise_interval_months;
    let mut rows = Vec::new();
    let mut plans: Vec<_> = inputs
        .plans
        .iter()
        .filter(|p| p.first_approved.is_some())
        .collect();
    plans.sort_by_key(|p| (p.title.to_lowercase(), p.id));
    for plan in plans {
        let last = inputs
            .exercises
            .iter()
            .filter(|e| e.plan_id == plan.id)
            .max_by_key(|e| (e.started, e.event_id));
        let approved = plan.first_approved.map(|t| t.date_naive());
        let next_due = match (last, approved) {
            (Some(e), _) => Some(add_months(e.started, interval)),
            (None, Some(a)) => Some(add_months(a, interval)),
            (None, None) => None,
        };
        let subject = (SubjectType::Plan, plan.id, plan.title.as_str());
        match (last, next_due) {
            (Some(e), Some(due)) if due < today => out.push(item(
                ReviewKind::ExerciseDue,
                subject,
                Some(due),
                format!(
                    "Last exercised on {} (\u{201c}{}\u{201d}); the programme asks for an exercise every {}, due on {due}.",
                    e.started,
                    e.title,
                    months(interval)
                ),
                Severity::High,
                LinkPage::Exercises,
            )),
            (None, Some(due)) => out.push(item(
                ReviewKind::ExerciseDue,
                subject,
                Some(due),
                format!(
                    "Never exercised since it was approved on {}; the programme asks for an exercise every {}, {} {due}.",
                    approved.map(|a| a.to_string()).unwrap_or_default(),
                    months(interval),
                    if due < today { "due on" } else { "by" }
                ),
                if due < today {
                    Severity::High
                } else {
                    Severity::Low
                },
                LinkPage::Exercises,
            )),
            _ => {}
        }
        rows.push(ProgrammeRow {
            plan_id: plan.id,
            title: plan.title.clone(),
            last_exercised: last.map(|e| e.started),
            exercise_id: last.map(|e| e.event_id),
            exercise_title: last.map(|e| e.title.clone()),
            next_due,
        });
    }
    rows
}

fn resource_names(inputs: &ReviewInputs) -> HashMap<i64, String> {
    inputs
        .parts
        .graph
        .nodes
        .iter()
        .filter_map(|n| match n.node {
            NodeRef::Resource(id) => Some((id, n.name.clone())),
            NodeRef::Activity(_) => None,
        })
        .collect()
}
