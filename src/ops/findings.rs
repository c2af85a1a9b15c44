//! Findings: recorded against an exercise (its hot debrief), an incident (its
//! post-incident review) or, with no event, a plan review.

use crate::domain::{Finding, FindingInput};
use crate::{EngagementStore, Error, Result};

/// Records a finding of event `event_id` (`None`: a plan review).
pub fn add(
    store: &mut EngagementStore,
    event_id: Option<i64>,
    input: &FindingInput,
) -> Result<Finding> {
    let checked = input.validate().map_err(Error::Invalid)?;
    store.add_finding(event_id, &checked)
}
