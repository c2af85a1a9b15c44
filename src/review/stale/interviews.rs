//! BIA interviews gone stale: older than the BIA review interval, or validated before
//! their activity's needs changed (or withdrawn from validation by such a change).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{add_months, item, months, resource_names};
use crate::domain::need_fields::{
    NEEDED_BY_ACTIVITY, NEEDS_ACTIVITY, NEEDS_RESOURCE, is_interview_need, is_resource_need,
};
use crate::domain::{InterviewStatus, Severity};
use crate::review::items::{
    LinkPage, NeedChange, ReviewInputs, ReviewItem, ReviewKind, SubjectType,
};

/// What one change to needs did, in words (`own`: on the interview's own activity).
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
pub(in crate::review) fn interviews(
    inputs: &ReviewInputs,
    today: NaiveDate,
    out: &mut Vec<ReviewItem>,
) {
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
