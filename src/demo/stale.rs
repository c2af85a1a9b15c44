//! What the demo leaves stale for the review to find: an interview held fourteen months
//! ago and never validated, and a dependency of the payroll bureau recorded after the
//! Payroll interview was validated. (The standby generator's demonstration, recorded by
//! hand, expires within 60 days: see `data::CAPABILITIES`.)

use chrono::{Days, Utc};

use crate::domain::{ActivityQuery, InterviewEdit, ResourceKind};
use crate::{EngagementStore, Error, Result};

fn activity(store: &EngagementStore, name: &str) -> Result<i64> {
    store
        .activities(&ActivityQuery {
            search: name.into(),
            unit_id: None,
        })?
        .into_iter()
        .find(|a| a.name == name)
        .map(|a| a.id)
        .ok_or_else(|| Error::Conflict(format!("the demo has no activity named {name}")))
}

/// Written by the facilitator, `actor`, like the engagement itself.
pub(super) fn write_stale(store: &mut EngagementStore, actor: &str) -> Result<()> {
    store.set_actor(actor);
    let long_ago = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(425))
        .unwrap_or_default();
    let trunking = activity(store, "Trunking between depots")?;
    store.edit_interview(
        trunking,
        &InterviewEdit::Date {
            value: long_ago.to_string(),
        },
    )?;
    let bureau = super::resource_id(store, "Payroll bureau")?;
    let link =
        store.add_catalogue_resource("Bureau file transfer link", ResourceKind::ItService)?;
    store.add_resource_dependency(bureau, link.id, "")?;
    Ok(())
}
