//! Demonstrated recovery capabilities gone stale: expired, expiring within 60 days, or
//! never demonstrated for a resource on a tier-1 chain.

use std::collections::{BTreeMap, HashMap, VecDeque};

use chrono::NaiveDate;

use super::{item, months, resource_names};
use crate::analysis::dependencies::NodeKind;
use crate::analysis::evidence::standing;
use crate::domain::{Duration, NodeRef, Severity};
use crate::review::items::{
    EXPIRING_WITHIN_DAYS, LinkPage, ReviewInputs, ReviewItem, ReviewKind, SubjectType,
};

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
pub(in crate::review) fn demonstrations(
    inputs: &ReviewInputs,
    today: NaiveDate,
    out: &mut Vec<ReviewItem>,
) {
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
            Some(e) => match inputs.exercise_titles.get(&e) {
                Some(title) => format!(" in \u{201c}{title}\u{201d}"),
                None => format!(" in exercise {e}"),
            },
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
