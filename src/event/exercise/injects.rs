//! Drafting an exercise's injects from a loss scenario: one at T+0 saying what is lost,
//! then for each affected activity one at the moment it breaches its RTO and one when
//! it reaches its MTPD, each expecting the responses the tested plans write down (their
//! steps restoring what the activity needs, their call trees). The facilitator edits
//! the draft before the exercise starts.

use std::collections::BTreeMap;

use crate::domain::{AffectedActivity, Duration, Inject};
use crate::plan::PlanSnapshot;

/// At most this many injects are drafted, and this many steps expected of one.
const MAX_INJECTS: usize = 200;
const MAX_STEPS: usize = 20;

/// A plan version the exercise tests.
pub struct TestedPlan<'a> {
    pub title: &'a str,
    pub version: u32,
    pub content: &'a PlanSnapshot,
}

/// The draft timeline for losing `lost` (names), which stops `activities`: activities
/// that breach at the same moment share an inject.
pub fn draft(
    lost: &[String],
    activities: &[AffectedActivity],
    plans: &[TestedPlan<'_>],
) -> Vec<Inject> {
    let mut injects = vec![opening(lost, activities, plans)];
    let mut by_rto: BTreeMap<Duration, Vec<&AffectedActivity>> = BTreeMap::new();
    let mut by_mtpd: BTreeMap<Duration, Vec<&AffectedActivity>> = BTreeMap::new();
    for activity in activities {
        if let Some(rto) = activity.rto_min {
            by_rto.entry(rto).or_default().push(activity);
        }
        if let Some(mtpd) = activity.mtpd_min.filter(|m| Some(*m) > activity.rto_min) {
            by_mtpd.entry(mtpd).or_default().push(activity);
        }
    }
    for (rto, group) in by_rto {
        injects.push(rto_breach(&group, rto, lost, plans));
    }
    for (mtpd, group) in by_mtpd {
        injects.push(mtpd_reached(&group, mtpd));
    }
    // In time order (at the same time, the RTO before the MTPD), the earliest kept,
    // numbered from 1.
    injects.sort_by_key(|i| i.offset_min);
    injects.truncate(MAX_INJECTS);
    for (inject, number) in injects.iter_mut().zip(1u32..) {
        inject.number = number;
    }
    injects
}

/// "A", "A and B", "A, B and C".
fn names(group: &[&AffectedActivity]) -> String {
    match group {
        [] => String::new(),
        [one] => one.name.clone(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            last.name
        ),
    }
}

fn opening(lost: &[String], activities: &[AffectedActivity], plans: &[TestedPlan<'_>]) -> Inject {
    let what = if lost.is_empty() {
        "The scenario begins".to_owned()
    } else {
        format!(
            "{} {} lost",
            lost.join(", "),
            if lost.len() == 1 { "is" } else { "are" }
        )
    };
    let stops = match activities.len() {
        0 => String::new(),
        n => format!(
            "; {} {} stopped: {}",
            n,
            if n == 1 {
                "activity has"
            } else {
                "activities have"
            },
            activities
                .iter()
                .take(10)
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut expected = vec!["Assess the impact on the affected activities".to_owned()];
    for plan in plans {
        expected.push(match plan.content.invocation_criteria.len() {
            0 => format!(
                "Decide whether to invoke \u{201c}{}\u{201d} (version {})",
                plan.title, plan.version
            ),
            n => format!(
                "Decide whether to invoke \u{201c}{}\u{201d} (version {}) against its {}",
                plan.title,
                plan.version,
                if n == 1 {
                    "criterion".to_owned()
                } else {
                    format!("{n} criteria")
                }
            ),
        });
        if let Some(first) = plan.content.call_tree.first() {
            expected.push(format!(
                "Start the call tree of \u{201c}{}\u{201d}: {} calls {}",
                plan.title,
                first.caller.as_deref().unwrap_or("the invoker"),
                first.callee
            ));
        }
    }
    Inject {
        number: 0,
        offset_min: Duration::ZERO,
        text: format!("{what}{stops}."),
        expected,
        activity: String::new(),
    }
}

fn rto_breach(
    group: &[&AffectedActivity],
    rto: Duration,
    lost: &[String],
    plans: &[TestedPlan<'_>],
) -> Inject {
    let mut expected: Vec<String> = Vec::new();
    for plan in plans {
        // The steps restoring what is lost; failing those, the steps restoring what the
        // activities need.
        let needed: Vec<&str> = plan
            .content
            .resources
            .iter()
            .filter(|r| {
                r.needed_by
                    .iter()
                    .any(|a| group.iter().any(|g| &g.name == a))
            })
            .map(|r| r.name.as_str())
            .collect();
        let restoring = |among: &dyn Fn(&str) -> bool| -> Vec<String> {
            plan.content
                .steps
                .iter()
                .zip(1u32..)
                .filter(|(step, _)| step.resource.as_deref().is_some_and(among))
                .take(MAX_STEPS)
                .map(|(step, number)| {
                    let owner = match step.owner_role.trim() {
                        "" => String::new(),
                        role => format!(" ({role})"),
                    };
                    format!(
                        "Step {number} of \u{201c}{}\u{201d}: {}{owner}",
                        plan.title, step.title
                    )
                })
                .collect()
        };
        let mut steps = restoring(&|r| lost.iter().any(|l| l == r));
        if steps.is_empty() {
            steps = restoring(&|r| needed.contains(&r));
        }
        for step in steps {
            if !expected.contains(&step) {
                expected.push(step);
            }
        }
    }
    for activity in group.iter().take(MAX_STEPS) {
        expected.push(match activity.minimum.trim() {
            "" => format!("Resume {}", activity.name),
            minimum => format!("Resume {} at its minimum level: {minimum}", activity.name),
        });
    }
    let (subject, has, their) = if group.len() == 1 {
        (names(group), "has", format!("its RTO ({})", group[0].why))
    } else {
        (names(group), "have", "their RTO".to_owned())
    };
    Inject {
        number: 0,
        offset_min: rto,
        text: format!(
            "{subject} {has} been down for {rto}, {their}. {} should be back now.",
            if group.len() == 1 { "It" } else { "They" }
        ),
        expected,
        activity: group.first().map(|a| a.name.clone()).unwrap_or_default(),
    }
}

fn mtpd_reached(group: &[&AffectedActivity], mtpd: Duration) -> Inject {
    let (has, its) = if group.len() == 1 {
        ("has", "its")
    } else {
        ("have", "their")
    };
    let mut expected = vec!["Escalate to the crisis management team".to_owned()];
    for activity in group.iter().take(MAX_STEPS) {
        expected.push(format!(
            "Decide on a workaround or an alternative for {}",
            activity.name
        ));
    }
    expected.push("Tell the customers and stakeholders affected".to_owned());
    Inject {
        number: 0,
        offset_min: mtpd,
        text: format!(
            "{} {has} been down for {mtpd}, {its} MTPD: from now the damage is no longer acceptable.",
            names(group)
        ),
        expected,
        activity: group.first().map(|a| a.name.clone()).unwrap_or_default(),
    }
}
