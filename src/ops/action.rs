//! Actions: add one (an action from a finding about a plan or one of its steps is about
//! that plan, and about the finding's exercise or incident), change one (the rules are
//! `review::actions`: who accepts a risk, which approved version verifies it), list them.

use crate::domain::{Action, ActionEdit, ActionInput};
use crate::review;
use crate::{EngagementStore, Result};

/// Adds the action `input` describes; returns it as stored.
pub fn add(store: &mut EngagementStore, input: &ActionInput) -> Result<Action> {
    let order = store.bia_settings()?.date_order;
    let mut new = input.validate(order)?;
    if let Some(id) = new.finding_id {
        let finding = store.finding(id).map_err(|_| {
            crate::Error::invalid(
                "finding",
                format!("There is no finding {id} in this engagement."),
            )
        })?;
        new.plan_id = new
            .plan_id
            .or_else(|| finding.about.as_ref().and_then(|a| a.plan_id()));
        new.event_id = new.event_id.or(finding.event_id);
    }
    store.add_action(&new)
}

/// Changes action `id` as `edit` says, at the store's now. A refused change says why
/// and changes nothing.
pub fn update(store: &mut EngagementStore, id: i64, edit: &ActionEdit) -> Result<Action> {
    let order = store.bia_settings()?.date_order;
    let change = edit.validate(order)?;
    let action = store.action(id)?;
    let versions = match action.plan_id {
        Some(plan) => store.approved_versions(plan)?,
        None => Vec::new(),
    };
    let plan_title = action.plan_title.clone().unwrap_or_default();
    let next = review::apply(&action, &change, &versions, &plan_title, store.now())?;
    store.update_action(&action, &next)
}

/// Every action, by due date.
pub fn list(store: &EngagementStore) -> Result<Vec<Action>> {
    store.actions(None)
}
