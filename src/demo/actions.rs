//! The demo's actions, one in every status: from the first plan review (done before the
//! plan's second version was approved, so that version verifies it), from the findings
//! of the parallel test and the tabletop, and from the flood's post-incident review (a
//! risk accepted, with who and why). One is overdue.

use chrono::{Days, Utc};

use crate::domain::{ActionEdit, ActionInput, FindingInput, NodeRef};
use crate::ops::{action, findings};
use crate::{EngagementStore, Error, Result};

fn person(store: &EngagementStore, name: &str) -> Result<i64> {
    store
        .people()?
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.id)
        .ok_or_else(|| Error::Conflict(format!("the demo has no person named {name}")))
}

/// `days` from today (negative: before), as typed.
fn due(days: i64) -> String {
    let today = Utc::now().date_naive();
    let day = if days >= 0 {
        today.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    day.unwrap_or(today).to_string()
}

fn status(status: &str) -> ActionEdit {
    ActionEdit {
        status: Some(status.into()),
        ..ActionEdit::default()
    }
}

/// The first plan review's action, done while the plan's first version is in force.
/// Returns its id, to be verified once the second version is approved.
pub(super) fn write_plan_review_action(store: &mut EngagementStore, plan: i64) -> Result<i64> {
    store.set_actor("Priya Shah");
    let added = action::add(
        store,
        &ActionInput {
            title: "Say who may invoke the warehouse plan, with alternates".into(),
            description: "The first version names no one; the review asked for the warehouse manager and a deputy.".into(),
            owner_id: Some(person(store, "Morgan Hale")?),
            due: due(-25),
            source: "plan_review".into(),
            plan_id: Some(plan),
            ..ActionInput::default()
        },
    )?;
    store.set_actor("Morgan Hale");
    action::update(store, added.id, &status("done"))?;
    Ok(added.id)
}

/// The actions of the exercises' findings and the flood's review, and the plan review's
/// action verified by the version approved after it was done.
pub(super) fn write_actions(
    store: &mut EngagementStore,
    plan_review_action: i64,
    flood: i64,
) -> Result<()> {
    store.set_actor("Priya Shah");
    action::update(store, plan_review_action, &status("verified"))?;
    let all = store.findings(None)?;
    let finding = |text: &str| -> Result<i64> {
        all.iter()
            .find(|f| f.text.starts_with(text))
            .map(|f| f.id)
            .ok_or_else(|| {
                Error::Conflict(format!("the demo has no finding \u{201c}{text}\u{201d}"))
            })
    };
    let from_finding = |title: &str, owner: i64, days: i64, finding: i64| ActionInput {
        title: title.into(),
        owner_id: Some(owner),
        due: due(days),
        source: "finding".into(),
        finding_id: Some(finding),
        ..ActionInput::default()
    };
    let (arjun, morgan, tom) = (
        person(store, "Arjun Mehta")?,
        person(store, "Morgan Hale")?,
        person(store, "Tom Whitaker")?,
    );
    let dns = finding("Failover to the standby")?;
    let supplier = action::add(
        store,
        &from_finding(
            "Agree a 30-minute DNS change with the network supplier",
            arjun,
            30,
            dns,
        ),
    )?;
    action::update(store, supplier.id, &status("in_progress"))?;
    let rehearsed = action::add(
        store,
        &from_finding("Rehearse the DNS change on the standby", arjun, -5, dns),
    )?;
    action::update(store, rehearsed.id, &status("done"))?;
    action::update(store, rehearsed.id, &status("verified"))?;
    action::add(
        store,
        &from_finding(
            "Update the two mobile numbers in the call tree",
            morgan,
            -3,
            finding("Two mobile numbers")?,
        ),
    )?;
    let step = action::add(
        store,
        &from_finding(
            "Name who starts the WMS restore, beside the data centre's",
            tom,
            14,
            finding("The step restoring the WMS")?,
        ),
    )?;
    action::update(store, step.id, &status("done"))?;
    action::add(
        store,
        &from_finding(
            "Write the words for telling key clients of a WMS outage",
            morgan,
            21,
            finding("The plan does not say who tells key clients")?,
        ),
    )?;
    // The flood's post-incident review: a finding, and its risk accepted.
    let pickers = super::resource_id(store, "Pickers and packers")?;
    let late = findings::add(
        store,
        Some(flood),
        &FindingInput {
            severity: "high".into(),
            category: "supplier".into(),
            about: NodeRef::Resource(pickers).key(),
            text: "The agency's pickers arrived 50 minutes after the time booked, so order picking missed its RTO.".into(),
        },
    )?;
    let standby = action::add(
        store,
        &from_finding(
            "Keep a second agency on standby for Brighouse",
            tom,
            10,
            late.id,
        ),
    )?;
    action::update(
        store,
        standby.id,
        &ActionEdit {
            status: Some("risk_accepted".into()),
            accepted_by: Some("Morgan Hale".into()),
            accepted_why: Some(
                "A retainer for a second agency costs more than an hour's late picking once in several years; the first agency has agreed a penalty clause instead."
                    .into(),
            ),
            ..ActionEdit::default()
        },
    )?;
    Ok(())
}
