//! The rules of each kind of review item: when a plan, a contact, a BIA interview, a
//! demonstrated capability, an action or a plan's exercises have gone stale, and why.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use chrono::{Months, NaiveDate};

use super::items::{
    EXPIRING_WITHIN_DAYS, LinkPage, NeedChange, ProgrammeRow, ReviewInputs, ReviewItem, ReviewKind,
    ReviewLink, Subject, SubjectType,
};
use crate::analysis::dependencies::NodeKind;
use crate::analysis::evidence::standing;
use crate::domain::need_fields::{
    NEEDED_BY_ACTIVITY, NEEDS_ACTIVITY, NEEDS_RESOURCE, is_interview_need, is_resource_need,
};
use crate::domain::{Duration, InterviewStatus, NodeRef, Severity, capitalised};

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

fn describe(change: &NeedChange, own: bool, label: &str) -> String {
    let (old, new) = (change.old.as_deref(), change.new.as_deref());
    let subject = if own {
        String::new()
    } else {
        format!("{label} ")
    };
    let field = change.field.as_str();
    let needs = field == NEEDS_RESOURCE || field == NEEDS_ACTIVITY;
    match (old, new) {
        (_, new) if field == NEEDED_BY_ACTIVITY && !own => match new {
            Some(_) => format!("now needs {label}"),
            None => format!("no longer needs {label}"),
        },
        (None, Some(n)) if needs => format!("{subject}now needs {n}"),
        (Some(o), None) if needs => format!("{subject}no longer needs {o}"),
        (None, Some(n)) if field == NEEDED_BY_ACTIVITY => format!("now needed by {n}"),
        (Some(o), None) if field == NEEDED_BY_ACTIVITY => format!("no longer needed by {o}"),
        _ => format!("{subject}{field} changed"),
    }
}

/// BIA interviews older than the review interval; validated interviews whose activity's
/// needs changed after the validation; interviews whose validation a change withdrew.
pub(super) fn interviews(inputs: &ReviewInputs, today: NaiveDate, out: &mut Vec<ReviewItem>) {
    let mut needs: HashMap<i64, HashSet<i64>> = HashMap::new();
    for (activity, resource) in &inputs.activity_resources {
        needs.entry(*activity).or_default().insert(*resource);
    }
    let resource_names = resource_names(inputs);
    for i in &inputs.interviews {
        let subject = (SubjectType::Activity, i.activity_id, i.activity.as_str());
        let validated = i.validated_at.map(|t| t.date_naive());
        let anchor = match (validated, i.interview_date) {
            (Some(v), Some(d)) => Some(v.max(d)),
            (v, d) => v.or(d),
        };
        if let Some(anchor) = anchor {
            let due = add_months(anchor, inputs.bia_review_months);
            if due < today {
                let when = match (i.interview_date, validated) {
                    (Some(d), Some(v)) => format!("Interviewed on {d} and validated on {v}"),
                    (Some(d), None) => format!("Interviewed on {d}"),
                    (None, Some(v)) => format!("Validated on {v}"),
                    (None, None) => String::new(),
                };
                out.push(item(
                    ReviewKind::BiaOutdated,
                    subject,
                    Some(due),
                    format!(
                        "{when}; the BIA is reviewed every {}, so it was due on {due}. Go through it again with the activity's owner.",
                        months(inputs.bia_review_months)
                    ),
                    Severity::Medium,
                    LinkPage::Interview,
                ));
            }
        }
        if i.status == InterviewStatus::Validated {
            let Some(validated_at) = i.validated_at else {
                continue;
            };
            let own_resources = needs.get(&i.activity_id);
            let mut changes: Vec<&NeedChange> = inputs
                .need_changes
                .iter()
                .filter(|c| c.at > validated_at)
                .filter(|c| match c.entity.as_str() {
                    "interview" if c.entity_id == i.activity_id => is_interview_need(&c.field),
                    "interview" => {
                        c.field == NEEDED_BY_ACTIVITY
                            && [c.old.as_deref(), c.new.as_deref()].contains(&Some(&i.activity))
                    }
                    "resource" => {
                        is_resource_need(&c.field)
                            && own_resources.is_some_and(|r| r.contains(&c.entity_id))
                    }
                    _ => false,
                })
                .collect();
            changes.sort_by_key(|c| c.at);
            if let Some(first) = changes.first() {
                let what: Vec<String> = changes
                    .iter()
                    .take(3)
                    .map(|c| {
                        let own = c.entity == "interview" && c.entity_id == i.activity_id;
                        let label = if c.entity == "resource" {
                            resource_names
                                .get(&c.entity_id)
                                .cloned()
                                .unwrap_or_default()
                        } else {
                            inputs
                                .interviews
                                .iter()
                                .find(|o| o.activity_id == c.entity_id)
                                .map(|o| o.activity.clone())
                                .unwrap_or_default()
                        };
                        describe(c, own, &label)
                    })
                    .collect();
                out.push(item(
                    ReviewKind::BiaChanged,
                    subject,
                    Some(first.at.date_naive()),
                    format!(
                        "Validated on {}; since then its dependencies changed ({}{}). Confirm the interview with the activity's owner again.",
                        validated_at.date_naive(),
                        what.join("; "),
                        if changes.len() > 3 { format!("; {} more", changes.len() - 3) } else { String::new() }
                    ),
                    Severity::High,
                    LinkPage::Interview,
                ));
            }
        } else {
            let withdrawn = inputs
                .need_changes
                .iter()
                .filter(|c| {
                    c.entity == "interview"
                        && c.entity_id == i.activity_id
                        && c.field == "status"
                        && c.old.as_deref().is_some_and(|o| o.starts_with("validated"))
                })
                .max_by_key(|c| c.at);
            if let Some(w) = withdrawn {
                let with: Vec<String> = inputs
                    .need_changes
                    .iter()
                    .filter(|c| {
                        c.at == w.at
                            && c.entity == "interview"
                            && c.entity_id == i.activity_id
                            && is_interview_need(&c.field)
                    })
                    .map(|c| describe(c, true, ""))
                    .collect();
                let what = if with.is_empty() {
                    "its content changed".to_owned()
                } else {
                    format!("its dependencies changed ({})", with.join("; "))
                };
                out.push(item(
                    ReviewKind::BiaChanged,
                    subject,
                    Some(w.at.date_naive()),
                    format!(
                        "It was validated until {}, when {what}; it is {} now. Validate it again with the activity's owner.",
                        w.at.date_naive(),
                        i.status.as_str()
                    ),
                    Severity::High,
                    LinkPage::Interview,
                ));
            }
        }
    }
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

/// Each resource on a chain below a tier-1 activity, with the first such activity (by
/// name) that needs it.
fn tier_one_chains(inputs: &ReviewInputs) -> HashMap<i64, String> {
    let nodes = &inputs.parts.graph.nodes;
    let mut starts: Vec<usize> = (0..nodes.len())
        .filter(|&i| matches!(nodes[i].kind, NodeKind::Activity { tier: Some(1), .. }))
        .collect();
    starts.sort_by_key(|&i| nodes[i].name.to_lowercase());
    let mut reached: HashMap<i64, String> = HashMap::new();
    for start in starts {
        let mut seen = vec![false; nodes.len()];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(at) = queue.pop_front() {
            if let NodeRef::Resource(id) = nodes[at].node {
                reached
                    .entry(id)
                    .or_insert_with(|| nodes[start].name.clone());
            }
            for need in &nodes[at].needs {
                for &next in need.members() {
                    if next < nodes.len() && !seen[next] {
                        seen[next] = true;
                        queue.push_back(next);
                    }
                }
            }
        }
    }
    reached
}

/// Demonstrated capabilities expired or expiring within 60 days, and resources on a
/// tier-1 chain never demonstrated at all.
pub(super) fn demonstrations(inputs: &ReviewInputs, today: NaiveDate, out: &mut Vec<ReviewItem>) {
    let names = resource_names(inputs);
    let tier_one = tier_one_chains(inputs);
    let mut by_resource: BTreeMap<i64, Vec<crate::domain::Demonstration>> = BTreeMap::new();
    for d in &inputs.demonstrations {
        by_resource
            .entry(d.resource_id)
            .or_default()
            .push(d.clone());
    }
    let mut ids: Vec<i64> = names.keys().copied().collect();
    ids.sort_unstable();
    let shown_rtc = |d: Option<Duration>| Duration::text_or(d, "no RTC");
    for id in ids {
        let name = &names[&id];
        let subject = (SubjectType::Resource, id, name.as_str());
        let recorded = inputs.capabilities.get(&id).copied().unwrap_or_default();
        let shown = by_resource.get(&id).map(Vec::as_slice).unwrap_or_default();
        let s = standing(&recorded, shown, inputs.validity_months, today);
        let from = |exercise: Option<i64>| match exercise {
            Some(e) => format!(" in exercise {e}"),
            None => String::new(),
        };
        if let Some(d) = s.demonstrated {
            let left = (d.expires_on - today).num_days();
            if left <= EXPIRING_WITHIN_DAYS {
                out.push(item(
                    ReviewKind::DemonstrationExpiring,
                    subject,
                    Some(d.expires_on),
                    format!(
                        "Its RTC of {} was demonstrated on {}{}; that counts until {} ({left} days). Exercise it again before then.",
                        shown_rtc(d.rtc_min),
                        d.on,
                        from(d.exercise_id),
                        d.expires_on
                    ),
                    Severity::Low,
                    LinkPage::Resources,
                ));
            }
        } else if let Some(e) = s.expired {
            let grade = s.evidence.map_or("not graded", |g| g.as_str());
            out.push(item(
                ReviewKind::DemonstrationExpired,
                subject,
                Some(e.expires_on),
                format!(
                    "Its RTC of {} was demonstrated on {}{}; that expired on {} after the {} validity, and the capability counts as {grade} again. Demonstrate it in a walkthrough, parallel or full test.",
                    shown_rtc(e.rtc_min),
                    e.on,
                    from(e.exercise_id),
                    e.expires_on,
                    months(inputs.validity_months)
                ),
                Severity::High,
                LinkPage::Resources,
            ));
        } else if let Some(activity) = tier_one.get(&id) {
            let stands = match (s.evidence, s.rtc) {
                (Some(g), Some(rtc)) => format!("its RTC of {rtc} is {}", g.as_str()),
                (_, Some(rtc)) => format!("its RTC of {rtc} is not graded"),
                _ => "no RTC is recorded".to_owned(),
            };
            out.push(item(
                ReviewKind::NotDemonstrated,
                subject,
                None,
                format!(
                    "On the chain of the tier-1 activity {activity}; {stands}, and it has never been demonstrated. Time it in a walkthrough, parallel or full test."
                ),
                Severity::Medium,
                LinkPage::Resources,
            ));
        }
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
