//! The demo's incident: a flood at the Halifax warehouse nine days ago, handled with
//! the warehouse plan's second version, stood down the next evening. Invoked by the
//! deputy as the warehouse manager's alternate; most activities back within their RTO,
//! order picking late by over an hour; steps that overran; the whole decision log.

use chrono::{DateTime, Days, NaiveTime, TimeDelta, Utc};

use crate::domain::{
    BoardAction, CallOutcome, InvokeInput, Level, LogInput, LogKind, NodeRef, OpenIncidentInput,
};
use crate::ops::incident;
use crate::{EngagementStore, Result};

/// How many days before today the flood began.
pub const DAYS_AGO: u64 = 9;

/// Writes the flood; returns its id.
pub(super) fn write_incident(store: &mut EngagementStore, warehouse_plan: i64) -> Result<i64> {
    let day = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(DAYS_AGO))
        .unwrap_or_default();
    let at = |hours: u32, minutes: u32| -> DateTime<Utc> {
        let time = NaiveTime::from_hms_opt(hours % 24, minutes, 0).unwrap_or_default();
        day.and_time(time).and_utc() + TimeDelta::days(i64::from(hours / 24))
    };
    let site = super::resource_id(store, "Halifax warehouse")?;
    store.set_actor("Gemma Lowe");
    let id = incident::open(
        store,
        &OpenIncidentInput {
            title: "Flood at the Halifax warehouse".into(),
            description: "A burst water main flooded the ground floor of the Halifax warehouse overnight; the picking floor, the chilled store and the loading bays are under water.".into(),
            disrupted_at: Some(at(5, 40)),
            reported_by: "Night shift supervisor, Halifax".into(),
            affects: vec![NodeRef::Resource(site).key()],
        },
        at(5, 58),
    )?;
    let log = |kind, text: &str, rationale: &str| {
        BoardAction::Log(LogInput {
            kind,
            text: text.into(),
            rationale: rationale.into(),
            corrects: None,
        })
    };
    let call = |person: &str, outcome| BoardAction::Call {
        person: person.into(),
        outcome,
    };
    let step_start = |step| BoardAction::StepStart {
        plan_id: None,
        step,
    };
    let step_done = |step| BoardAction::StepDone {
        plan_id: None,
        step,
    };
    let resume = |activity: &str, level, restore_point| BoardAction::Resume {
        activity: activity.into(),
        level,
        restore_point,
    };
    let script: Vec<(&str, DateTime<Utc>, BoardAction)> = vec![
        (
            "Gemma Lowe",
            at(6, 10),
            BoardAction::Invoke(InvokeInput {
                plan_id: warehouse_plan,
                invoker: "Gemma Lowe".into(),
                criteria: vec![1],
                reason: String::new(),
            }),
        ),
        ("Gemma Lowe", at(6, 14), call("Tom Whitaker", CallOutcome::Reached)),
        ("Tom Whitaker", at(6, 20), call("Morgan Hale", CallOutcome::NoAnswer)),
        ("Tom Whitaker", at(6, 20), step_start(1)),
        ("Tom Whitaker", at(6, 25), call("Arjun Mehta", CallOutcome::Reached)),
        (
            "Tom Whitaker",
            at(6, 30),
            log(
                LogKind::Decision,
                "Move picking and dispatch for tier-1 customers to the Brighouse depot",
                "The Halifax picking floor is under water and will not be usable today; Brighouse can take 40% of the volume within a day.",
            ),
        ),
        ("Tom Whitaker", at(6, 30), step_start(2)),
        ("Tom Whitaker", at(6, 40), step_start(3)),
        ("Tom Whitaker", at(6, 45), call("Morgan Hale", CallOutcome::Reached)),
        ("Tom Whitaker", at(6, 45), step_done(1)),
        ("Tom Whitaker", at(7, 0), step_start(4)),
        ("Morgan Hale", at(7, 5), call("Sian Roberts", CallOutcome::Reached)),
        (
            "Sian Roberts",
            at(7, 15),
            log(
                LogKind::Communication,
                "Key clients told of a delay of up to six hours to today's deliveries",
                "",
            ),
        ),
        ("Tom Whitaker", at(7, 30), resume("Delivery enquiries", Level::Minimum, None)),
        ("Tom Whitaker", at(8, 10), step_done(2)),
        (
            "Arjun Mehta",
            at(9, 0),
            resume("Cash management", Level::Minimum, Some(at(4, 40))),
        ),
        ("Tom Whitaker", at(9, 20), resume("Last-mile delivery", Level::Minimum, None)),
        (
            "Tom Whitaker",
            at(10, 5),
            log(
                LogKind::Status,
                "Agency pickers arrived at Brighouse 50 minutes later than booked",
                "",
            ),
        ),
        (
            "Tom Whitaker",
            at(10, 55),
            resume("Order picking and packing", Level::Minimum, Some(at(5, 30))),
        ),
        ("Tom Whitaker", at(11, 30), step_done(3)),
        ("Tom Whitaker", at(13, 40), resume("Inbound goods receipt", Level::Minimum, None)),
        (
            "Morgan Hale",
            at(14, 0),
            log(
                LogKind::Decision,
                "Keep Halifax closed until the insurer's assessor has been",
                "The assessor comes tomorrow morning; moving stock back before then could void the claim.",
            ),
        ),
        ("Tom Whitaker", at(24 + 8, 0), resume("Delivery enquiries", Level::Normal, None)),
        ("Tom Whitaker", at(24 + 9, 0), resume("Customer invoicing", Level::Minimum, None)),
        ("Tom Whitaker", at(24 + 12, 0), resume("Last-mile delivery", Level::Normal, None)),
        (
            "Tom Whitaker",
            at(24 + 16, 0),
            resume("Order picking and packing", Level::Normal, None),
        ),
        (
            "Morgan Hale",
            at(24 + 18, 0),
            BoardAction::StandDown {
                summary: "Dispatch has run at normal volume from Brighouse for a full shift. Halifax repairs continue under facilities. Order picking missed its 4-hour RTO by 1h 15m because the agency pickers arrived late; to be reviewed with the agency.".into(),
                by: String::new(),
            },
        ),
    ];
    for (author, when, action) in script {
        store.set_actor(author);
        incident::record(store, id, &action, when)?;
    }
    Ok(id)
}
