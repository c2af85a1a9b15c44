//! Findings: recorded against an exercise (its hot debrief), an incident (its
//! post-incident review) or, with no event, a plan review. A finding about a step of a
//! plan the event ran names the step as that frozen version has it (the plan's draft
//! may have moved its steps since).

use crate::domain::{AboutRef, Finding, FindingInput};
use crate::{EngagementStore, Error, Result};

/// Records a finding of event `event_id` (`None`: a plan review).
pub fn add(
    store: &mut EngagementStore,
    event_id: Option<i64>,
    input: &FindingInput,
) -> Result<Finding> {
    let checked = input.validate().map_err(Error::Invalid)?;
    let step_name = match (event_id, checked.about) {
        (Some(id), Some(AboutRef::Step(plan_id, step))) => store
            .stored_event(id)?
            .invoked_plans()
            .into_iter()
            .find(|p| p.plan_id == plan_id)
            .map(|p| {
                let index = usize::try_from(step).ok().and_then(|n| n.checked_sub(1));
                index
                    .and_then(|i| p.content.steps.get(i))
                    .map(|s| format!("{}, step {step}: {}", p.content.title, s.title))
                    .ok_or_else(|| {
                        Error::invalid(
                            "about",
                            format!(
                                "\u{201c}{}\u{201d} version {} has steps 1 to {}; there is no step {step}.",
                                p.content.title,
                                p.version,
                                p.content.steps.len()
                            ),
                        )
                    })
            })
            .transpose()?,
        _ => None,
    };
    store.add_finding(event_id, &checked, step_name)
}
