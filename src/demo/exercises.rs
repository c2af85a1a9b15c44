//! The demo's exercises: a restore test of the temperature logs fourteen months ago
//! (its demonstration has expired), a parallel test of the head office data centre's
//! standby a fortnight ago (the data centre came back slower than committed), and a
//! tabletop of losing the warehouse management system after the flood, both against
//! the warehouse plan's second version. Each is closed, with findings. They are written
//! after the incident, which keeps the first event's number.

use chrono::{DateTime, Days, NaiveTime, TimeDelta, Utc};

use crate::domain::{BoardAction, FindingInput, NewExerciseInput, NodeRef, Rating};
use crate::ops::{exercise, findings};
use crate::{EngagementStore, Result};

/// The day `days_ago` days before today, at `hours:minutes` (hours may pass 24).
fn day_at(days_ago: u64, hours: u32, minutes: u32) -> DateTime<Utc> {
    let day = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(days_ago))
        .unwrap_or_default();
    let time = NaiveTime::from_hms_opt(hours % 24, minutes, 0).unwrap_or_default();
    day.and_time(time).and_utc() + TimeDelta::days(i64::from(hours / 24))
}

fn observe(inject: u32, expected: u32, rating: Rating, note: &str) -> BoardAction {
    BoardAction::Observe {
        inject,
        expected,
        rating,
        note: note.into(),
    }
}

fn finding(severity: &str, category: &str, about: String, text: &str) -> FindingInput {
    FindingInput {
        severity: severity.into(),
        category: category.into(),
        about,
        text: text.into(),
    }
}

/// Records `script` in exercise `id`, each action by its author at its time.
fn run(
    store: &mut EngagementStore,
    id: i64,
    script: Vec<(&str, DateTime<Utc>, BoardAction)>,
) -> Result<()> {
    for (author, when, action) in script {
        store.set_actor(author);
        exercise::record(store, id, &action, when)?;
    }
    Ok(())
}

/// Writes the three exercises, testing plan `warehouse`.
pub(super) fn write_exercises(store: &mut EngagementStore, warehouse: i64) -> Result<()> {
    write_restore_test(store)?;
    write_parallel_test(store, warehouse)?;
    write_tabletop(store, warehouse)
}

/// Fourteen months ago: the temperature logs restored from backup in 1h 35m. Its
/// demonstration has expired.
fn write_restore_test(store: &mut EngagementStore) -> Result<()> {
    let logs = super::resource_id(store, "Temperature logs")?;
    let at = |h, m| day_at(425, h, m);
    store.set_actor("Arjun Mehta");
    let id = exercise::new(
        store,
        &NewExerciseInput {
            kind: "parallel".into(),
            title: "Temperature log restore test".into(),
            date: Some(at(9, 0)),
            facilitator: "Arjun Mehta".into(),
            objectives: vec![
                "Restore the cold-chain temperature logs from last night's backup".into(),
            ],
            lost: vec![NodeRef::Resource(logs).key()],
            ..NewExerciseInput::default()
        },
        at(8, 30),
    )?;
    exercise::start(store, id, at(9, 0))?;
    run(
        store,
        id,
        vec![
            (
                "Arjun Mehta",
                at(10, 35),
                BoardAction::Restore {
                    resource: "Temperature logs".into(),
                    restore_point: Some(at(2, 0)),
                },
            ),
            (
                "Arjun Mehta",
                at(10, 50),
                BoardAction::StandDown {
                    summary: "Logs restored and checked against the paper records.".into(),
                    by: String::new(),
                },
            ),
        ],
    )?;
    exercise::debrief(
        store,
        id,
        "The backup was complete.",
        "",
        &[(1, Some(true))],
    )?;
    Ok(())
}

/// A fortnight ago: the data centre switched to its warm standby for a day.
fn write_parallel_test(store: &mut EngagementStore, plan: i64) -> Result<()> {
    let centre = super::resource_id(store, "Head office data centre")?;
    let at = |h, m| day_at(15, h, m);
    store.set_actor("Arjun Mehta");
    let id = exercise::new(
        store,
        &NewExerciseInput {
            kind: "parallel".into(),
            title: "Data centre standby failover test".into(),
            date: Some(at(7, 0)),
            facilitator: "Arjun Mehta".into(),
            participants: vec!["Tom Whitaker".into(), "Gemma Lowe".into()],
            observers: vec!["Priya Shah".into()],
            objectives: vec![
                "Bring the head office systems up on the standby within the committed 3 hours"
                    .into(),
                "Reach everyone in the call tree within 30 minutes".into(),
            ],
            success_criteria:
                "WMS and EDI usable from the standby; no more than 15 minutes of data lost.".into(),
            plans: vec![plan],
            lost: vec![NodeRef::Resource(centre).key()],
            ..NewExerciseInput::default()
        },
        at(6, 0),
    )?;
    exercise::start(store, id, at(7, 0))?;
    run(
        store,
        id,
        vec![
            ("Priya Shah", at(7, 10), observe(1, 1, Rating::Observed, "")),
            ("Arjun Mehta", at(7, 15), BoardAction::StepStart { plan_id: None, step: 5 }),
            ("Priya Shah", at(7, 25), observe(1, 3, Rating::Partly, "Two mobile numbers were out of date")),
            (
                "Arjun Mehta",
                at(9, 5),
                BoardAction::Restore {
                    resource: "EDI gateway service".into(),
                    restore_point: Some(at(6, 55)),
                },
            ),
            ("Arjun Mehta", at(10, 25), BoardAction::StepDone { plan_id: None, step: 5 }),
            (
                "Arjun Mehta",
                at(10, 25),
                BoardAction::Restore {
                    resource: "Head office data centre".into(),
                    restore_point: Some(at(6, 50)),
                },
            ),
            ("Priya Shah", at(11, 5), observe(2, 1, Rating::Missed, "The WMS restore waited for the data centre; nobody started it in parallel")),
            (
                "Arjun Mehta",
                at(14, 10),
                BoardAction::Restore {
                    resource: "Warehouse management system".into(),
                    // From the nightly backup: the morning's orders were keyed again.
                    restore_point: Some(at(1, 0)),
                },
            ),
            (
                "Arjun Mehta",
                at(15, 0),
                BoardAction::StandDown {
                    summary: "Back on the primary data centre. The standby took 3h 25m against the 3 hours committed; the WMS followed after 7h 10m.".into(),
                    by: String::new(),
                },
            ),
        ],
    )?;
    exercise::debrief(
        store,
        id,
        "The EDI failover to the alternate supplier was quick and well rehearsed.",
        "The standby waited 25 minutes for the network supplier's DNS change; the WMS restore started late.",
        &[(1, Some(false)), (2, Some(true))],
    )?;
    for input in [
        finding(
            "high",
            "supplier",
            NodeRef::Resource(centre).key(),
            "Failover to the standby took 3h 25m against the 3 hours committed: the DNS change waited for the network supplier.",
        ),
        finding(
            "medium",
            "communication",
            format!("plan:{plan}"),
            "Two mobile numbers in the call tree were out of date.",
        ),
        finding(
            "low",
            "plan",
            format!("step:{plan}:6"),
            "The step restoring the WMS does not say who starts it or that it can run beside the data centre's.",
        ),
    ] {
        findings::add(store, Some(id), &input)?;
    }
    Ok(())
}

/// Five days ago, after the flood: a tabletop of losing the warehouse management
/// system, on a scenario clock, against the plan's second version.
fn write_tabletop(store: &mut EngagementStore, plan: i64) -> Result<()> {
    let wms = super::resource_id(store, "Warehouse management system")?;
    let at = |h, m| day_at(5, h, m);
    store.set_actor("Morgan Hale");
    let id = exercise::new(
        store,
        &NewExerciseInput {
            kind: "tabletop".into(),
            title: "WMS ransomware tabletop".into(),
            date: Some(at(14, 0)),
            facilitator: "Morgan Hale".into(),
            participants: vec!["Tom Whitaker".into(), "Gemma Lowe".into(), "Arjun Mehta".into()],
            observers: vec!["Priya Shah".into()],
            objectives: vec![
                "Decide on invocation within 30 minutes of the first inject".into(),
                "Agree who tells the key clients, and when".into(),
            ],
            scenario: "Ransomware has encrypted the warehouse management system's servers at 14:00 on a weekday. The backups are intact.".into(),
            plans: vec![plan],
            lost: vec![NodeRef::Resource(wms).key()],
            ..NewExerciseInput::default()
        },
        at(13, 0),
    )?;
    exercise::start(store, id, at(14, 0))?;
    let advance = |to: &str| BoardAction::Advance { to: to.into() };
    run(
        store,
        id,
        vec![
            ("Priya Shah", at(14, 10), observe(1, 1, Rating::Observed, "")),
            ("Priya Shah", at(14, 15), observe(1, 2, Rating::Observed, "Invoked by Tom after 12 minutes")),
            ("Priya Shah", at(14, 20), observe(1, 3, Rating::Observed, "")),
            ("Morgan Hale", at(14, 35), advance("T+4h")),
            ("Priya Shah", at(14, 50), observe(2, 1, Rating::Partly, "The restore was started but nobody owned the order of systems")),
            ("Priya Shah", at(14, 55), observe(2, 2, Rating::Missed, "No one decided on the paper fallback for last-mile delivery")),
            ("Morgan Hale", at(15, 5), advance("T+8h")),
            ("Priya Shah", at(15, 20), observe(3, 1, Rating::Observed, "")),
            ("Priya Shah", at(15, 25), observe(3, 5, Rating::Partly, "Clients would hear from account managers, but no script exists")),
            (
                "Morgan Hale",
                at(15, 40),
                BoardAction::StandDown {
                    summary: "Invocation was quick; the order of restoring systems and customer communications need work.".into(),
                    by: String::new(),
                },
            ),
        ],
    )?;
    exercise::debrief(
        store,
        id,
        "Quick, well-founded invocation; the call tree was known by heart.",
        "No agreed order for restoring systems; no script for telling clients.",
        &[(1, Some(true)), (2, Some(false))],
    )?;
    findings::add(
        store,
        Some(id),
        &finding(
            "medium",
            "communication",
            format!("plan:{plan}"),
            "The plan does not say who tells key clients about a WMS outage, or with what words.",
        ),
    )?;
    Ok(())
}
