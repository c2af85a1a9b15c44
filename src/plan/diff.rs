//! "Changes since the last approved version": what a new version means differently from
//! the old one, in sentences (an RTO changed, a contact replaced, a step added), not a
//! diff of text.

use std::collections::BTreeMap;

use super::snapshot::PlanSnapshot;
use crate::domain::Duration;

fn time(d: Option<Duration>) -> String {
    Duration::text_or(d, "none")
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{text}\u{201d}")
}

/// Rows keyed by name: added, removed, and each changed field of the rows in both.
fn keyed<'a, T>(
    out: &mut Vec<String>,
    what: &str,
    old: &'a [T],
    new: &'a [T],
    name: impl Fn(&T) -> &str,
    fields: impl Fn(&T, &T) -> Vec<(String, String, String)>,
) {
    let old_by: BTreeMap<&str, &T> = old.iter().map(|r| (name(r), r)).collect();
    let new_by: BTreeMap<&str, &T> = new.iter().map(|r| (name(r), r)).collect();
    for (key, row) in &new_by {
        match old_by.get(key) {
            None => out.push(format!("{what} added: {}", quoted(key))),
            Some(before) => {
                for (field, was, now) in fields(before, row) {
                    out.push(format!("{field} of {}: {was} \u{2192} {now}", quoted(key)));
                }
            }
        }
    }
    for key in old_by.keys() {
        if !new_by.contains_key(key) {
            out.push(format!("{what} removed: {}", quoted(key)));
        }
    }
}

/// A list in words, or "none" when it is empty.
fn or_none(text: String) -> String {
    if text.is_empty() { "none".into() } else { text }
}

fn changed(field: &str, was: String, now: String) -> Option<(String, String, String)> {
    (was != now).then(|| (field.to_owned(), was, now))
}

/// What changed from `old` to `new`, one sentence each, in the plan's order.
pub fn changes(old: &PlanSnapshot, new: &PlanSnapshot) -> Vec<String> {
    let mut out = Vec::new();
    for (field, was, now) in [
        ("Title", &old.title, &new.title),
        ("Owner", &old.owner, &new.owner),
        ("Scope", &old.scope, &new.scope),
    ] {
        if was != now {
            out.push(format!("{field}: {} \u{2192} {}", quoted(was), quoted(now)));
        }
    }
    if old.review_months != new.review_months {
        out.push(format!(
            "Review cycle: {} \u{2192} {} months",
            old.review_months, new.review_months
        ));
    }
    for section in &new.sections {
        let before = old
            .section(&section.key)
            .map(|s| s.body.trim())
            .unwrap_or("");
        let now = section.body.trim();
        if before == now {
            continue;
        }
        let words = |t: &str| t.split_whitespace().count();
        out.push(match (before.is_empty(), now.is_empty()) {
            (true, _) => format!(
                "Section {} written ({} words)",
                quoted(&section.title),
                words(now)
            ),
            (_, true) => format!("Section {} emptied", quoted(&section.title)),
            _ => format!(
                "Section {} rewritten ({} \u{2192} {} words)",
                quoted(&section.title),
                words(before),
                words(now)
            ),
        });
    }
    keyed(
        &mut out,
        "Activity",
        &old.activities,
        &new.activities,
        |a| &a.name,
        |a, b| {
            [
                changed("MTPD", time(a.mtpd_min), time(b.mtpd_min)),
                changed("RTO", time(a.rto_min), time(b.rto_min)),
                changed("RPO", time(a.rpo_min), time(b.rpo_min)),
                changed("Minimum service", a.mbco.clone(), b.mbco.clone()),
                changed(
                    "Tier",
                    a.tier
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "none".into()),
                    b.tier
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "none".into()),
                ),
            ]
            .into_iter()
            .flatten()
            .collect()
        },
    );
    keyed(
        &mut out,
        "Resource",
        &old.resources,
        &new.resources,
        |r| &r.name,
        |a, b| {
            [
                changed("RTC", time(a.rtc_min), time(b.rtc_min)),
                changed("RPC", time(a.rpc_min), time(b.rpc_min)),
                changed("Recovery strategy", a.strategy.clone(), b.strategy.clone()),
                changed("Evidence", a.evidence.clone(), b.evidence.clone()),
            ]
            .into_iter()
            .flatten()
            .collect()
        },
    );
    keyed(
        &mut out,
        "Contact",
        &old.contacts,
        &new.contacts,
        |c| &c.name,
        |a, b| {
            [
                changed("Phone", a.phone.clone(), b.phone.clone()),
                changed("Other phone", a.phone_alt.clone(), b.phone_alt.clone()),
                changed("E-mail", a.email.clone(), b.email.clone()),
                changed("Role", a.role.clone(), b.role.clone()),
                changed("Location", a.location.clone(), b.location.clone()),
            ]
            .into_iter()
            .flatten()
            .collect()
        },
    );
    let call = |c: &super::snapshot::CallRow| {
        format!(
            "{} calls {}{}",
            c.caller
                .as_deref()
                .unwrap_or("the person invoking the plan"),
            c.callee,
            c.fallback
                .as_deref()
                .map(|f| format!(" (else {f})"))
                .unwrap_or_default()
        )
    };
    for i in 0..old.call_tree.len().max(new.call_tree.len()) {
        match (old.call_tree.get(i), new.call_tree.get(i)) {
            (Some(a), Some(b)) if a != b => out.push(format!(
                "Call tree, call {}: {} replaced by {}",
                i + 1,
                call(a),
                call(b)
            )),
            (None, Some(b)) => out.push(format!("Call tree, call {} added: {}", i + 1, call(b))),
            (Some(a), None) => out.push(format!("Call tree, call {} removed: {}", i + 1, call(a))),
            _ => {}
        }
    }
    keyed(
        &mut out,
        "Recovery step",
        &old.steps,
        &new.steps,
        |s| &s.title,
        |a, b| {
            [
                changed("Duration", time(a.duration_min), time(b.duration_min)),
                changed("Owner", a.owner_role.clone(), b.owner_role.clone()),
                changed(
                    "Preconditions",
                    a.preconditions.clone(),
                    b.preconditions.clone(),
                ),
            ]
            .into_iter()
            .flatten()
            .collect()
        },
    );
    let order = |steps: &[super::snapshot::StepRow]| {
        steps.iter().map(|s| s.title.clone()).collect::<Vec<_>>()
    };
    let (old_order, new_order) = (order(&old.steps), order(&new.steps));
    let common = |a: &[String], b: &[String]| {
        a.iter()
            .filter(|t| b.contains(t))
            .cloned()
            .collect::<Vec<_>>()
    };
    if common(&old_order, &new_order) != common(&new_order, &old_order) {
        out.push("Recovery steps reordered".into());
    }
    let listed = |rows: Vec<String>| rows.join("; ");
    let criteria =
        |c: &PlanSnapshot| listed(c.invocation_criteria.iter().map(|r| r.describe()).collect());
    if criteria(old) != criteria(new) {
        out.push(format!("Invocation criteria: {}", or_none(criteria(new))));
    }
    let invokers = |c: &PlanSnapshot| listed(c.invokers.iter().map(|r| r.describe()).collect());
    if invokers(old) != invokers(new) {
        out.push(format!("Who may invoke: {}", or_none(invokers(new))));
    }
    keyed(
        &mut out,
        "Approver",
        &old.approvers,
        &new.approvers,
        |a| &a.name,
        |a, b| {
            changed("Role", a.role.clone(), b.role.clone())
                .into_iter()
                .collect()
        },
    );
    let gap =
        |g: &crate::plan::snapshot::GapRow| format!("{:?} at {}", g.kind, g.node).to_lowercase();
    for g in &new.gaps {
        if !old
            .gaps
            .iter()
            .any(|o| o.kind == g.kind && o.node == g.node)
        {
            out.push(format!("New gap: {}", gap(g)));
        }
    }
    for g in &old.gaps {
        if !new
            .gaps
            .iter()
            .any(|n| n.kind == g.kind && n.node == g.node)
        {
            out.push(format!("Gap closed: {}", gap(g)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PlanTemplate;
    use crate::plan::snapshot::{ActivityRow, CallRow, StepRow};

    fn activity(rto: u32) -> ActivityRow {
        ActivityRow {
            name: "Dispatch".into(),
            unit: None,
            mtpd_min: Duration::from_minutes(1440),
            rto_min: Duration::from_minutes(rto),
            rpo_min: None,
            mbco: String::new(),
            tier: Some(1),
            validated: true,
        }
    }

    fn step(title: &str) -> StepRow {
        StepRow {
            title: title.into(),
            owner_role: String::new(),
            duration_min: None,
            resource: None,
            preconditions: String::new(),
            warning: None,
        }
    }

    #[test]
    fn invocation_criteria_and_invokers_are_changes() {
        let old = crate::plan::check::tests::empty(PlanTemplate::Iso22301);
        let mut new = old.clone();
        new.invocation_criteria
            .push(crate::plan::snapshot::CriterionRow {
                text: "The site cannot be used".into(),
                threshold_min: Duration::from_minutes(120),
            });
        new.invokers.push(crate::plan::snapshot::InvokerRow {
            name: Some("Tom".into()),
            role: "Site manager".into(),
            alternate: Some("Gemma".into()),
        });
        assert_eq!(
            changes(&old, &new),
            [
                "Invocation criteria: The site cannot be used (expected to last longer than 2h)",
                "Who may invoke: Tom (Site manager); alternate Gemma"
            ]
        );
        assert_eq!(changes(&new, &old)[0], "Invocation criteria: none");
    }

    #[test]
    fn changes_read_as_what_they_mean() {
        let mut old = crate::plan::check::tests::empty(PlanTemplate::Iso22301);
        old.activities = vec![activity(240)];
        old.call_tree = vec![CallRow {
            caller: None,
            callee: "Ana".into(),
            fallback: None,
        }];
        old.steps = vec![step("Restore WMS")];
        let mut new = old.clone();
        assert!(changes(&old, &new).is_empty(), "same content, no change");
        new.activities[0].rto_min = Duration::from_minutes(120);
        new.call_tree[0].callee = "Carl".into();
        new.steps.push(step("Call the drivers"));
        new.sections[0].body = "Keep shipping.".into();
        assert_eq!(
            changes(&old, &new),
            [
                "Section \u{201c}Purpose, scope and objectives\u{201d} written (2 words)",
                "RTO of \u{201c}Dispatch\u{201d}: 4h \u{2192} 2h",
                "Call tree, call 1: the person invoking the plan calls Ana replaced by the person invoking the plan calls Carl",
                "Recovery step added: \u{201c}Call the drivers\u{201d}",
            ]
        );
    }
}
