//! Incidents on the demo engagement: invocation at the approved version, the authority
//! rule, achieved RTO/RPO and status with an injected clock, the append-only log (in
//! plain SQL) and its hash chain, and a scripted replay on the command line.

use std::path::Path;
use std::process::Command;

use chrono::Utc;
use keel::domain::{
    Authority, BoardAction, CallOutcome, InvokeInput, Level, LogInput, LogKind, NodeRef,
    OpenIncidentInput, PlanEdit,
};
use keel::event::assessment::ActivityStatus;
use keel::ops::incident;
use keel::{EngagementStore, Error};

use crate::util::{alter_behind_trigger, demo_file, keel_as, t};

/// Opens an incident losing the Halifax warehouse, begun at 08:00 on 30 November.
fn open_flood(store: &mut EngagementStore) -> i64 {
    let site = store
        .resources()
        .expect("resources")
        .into_iter()
        .find(|r| r.name == "Halifax warehouse")
        .expect("the demo's site")
        .id;
    incident::open(
        store,
        &OpenIncidentInput {
            title: "Power cut".into(),
            disrupted_at: Some(t("2026-11-30T08:00:00Z")),
            affects: vec![NodeRef::Resource(site).key()],
            ..OpenIncidentInput::default()
        },
        t("2026-11-30T08:10:00Z"),
    )
    .expect("open")
}

fn invoke(invoker: &str, reason: &str) -> BoardAction {
    BoardAction::Invoke(InvokeInput {
        plan_id: 1,
        invoker: invoker.into(),
        criteria: vec![1],
        reason: reason.into(),
    })
}

#[test]
fn a_plan_with_a_draft_is_invoked_at_its_last_approved_version_and_a_draft_never() {
    let (_dir, path) = demo_file();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Ana");
    let approved = store.plan_summary(1).expect("plan");
    store
        .edit_plan(
            1,
            &PlanEdit::Section {
                key: "assumptions".into(),
                body: "Brighouse can take half the volume.".into(),
            },
        )
        .expect("edit");
    assert_eq!(store.plan_summary(1).expect("plan").version, 3, "a draft");
    let id = open_flood(&mut store);
    let board = incident::record(
        &mut store,
        id,
        &invoke("Tom Whitaker", ""),
        t("2026-11-30T08:20:00Z"),
    )
    .expect("invoke");
    let plan = &board.plans[0];
    assert_eq!((plan.version, plan.draft_version), (2, Some(3)));
    assert_eq!(Some(plan.sha256.clone()), approved.sha256);
    assert!(
        board.log[1]
            .text
            .contains("version 3 is a draft and was not invoked")
    );
    assert_eq!(board.plan.as_ref().map(|p| p.version), Some(2));

    // The IT plan was never approved.
    let refused = incident::record(
        &mut store,
        id,
        &BoardAction::Invoke(InvokeInput {
            plan_id: 2,
            invoker: "Arjun Mehta".into(),
            criteria: vec![],
            reason: String::new(),
        }),
        t("2026-11-30T08:21:00Z"),
    )
    .expect_err("a draft cannot be invoked");
    assert!(
        refused.to_string().contains("a draft cannot be invoked"),
        "{refused}"
    );
}

#[test]
fn only_those_the_plan_names_invoke_without_a_reason() {
    let (_dir, path) = demo_file();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Ana");
    let id = open_flood(&mut store);
    let at = t("2026-11-30T08:20:00Z");
    let Err(Error::Invalid(fields)) =
        incident::record(&mut store, id, &invoke("Priya Shah", ""), at)
    else {
        panic!("someone the plan does not name needs a reason");
    };
    assert!(
        fields
            .get("reason")
            .is_some_and(|m| m.contains("not named"))
    );
    assert_eq!(
        incident::board(&store, id, at).expect("board").log.len(),
        1,
        "nothing recorded"
    );

    let board = incident::record(
        &mut store,
        id,
        &invoke(
            "Priya Shah",
            "Tom and Gemma are both on the flooded site without signal",
        ),
        at,
    )
    .expect("with a reason");
    assert!(board.plans[0].authority.without_authority());
    assert!(board.log[1].text.contains("WITHOUT AUTHORITY"));
    assert_eq!(
        board.log[1].rationale,
        "Tom and Gemma are both on the flooded site without signal"
    );

    // The deputy is the warehouse manager's alternate.
    let other = open_flood(&mut store);
    let board =
        incident::record(&mut store, other, &invoke("gemma lowe", ""), at).expect("alternate");
    assert_eq!(
        board.plans[0].authority,
        Authority::AlternateOf {
            name: "Tom Whitaker".into()
        }
    );
    // A criterion the version does not list is refused.
    let third = open_flood(&mut store);
    let mut wrong = invoke("Tom Whitaker", "");
    if let BoardAction::Invoke(input) = &mut wrong {
        input.criteria = vec![4];
    }
    assert!(incident::record(&mut store, third, &wrong, at).is_err());
}

#[test]
fn achieved_times_and_status_follow_an_injected_clock() {
    let (_dir, path) = demo_file();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Tom Whitaker");
    let id = open_flood(&mut store);
    let status = |store: &EngagementStore, at: &str, name: &str| {
        let board = incident::board(store, id, t(at)).expect("board");
        board
            .activities
            .into_iter()
            .find(|a| a.name == name)
            .expect("affected")
    };
    // Order picking: RTO 4h, MTPD 8h, from 08:00.
    let before = status(&store, "2026-11-30T09:00:00Z", "Order picking and packing");
    assert_eq!(before.rto_deadline, Some(t("2026-11-30T12:00:00Z")));
    assert_eq!(before.mtpd_deadline, Some(t("2026-11-30T16:00:00Z")));
    assert_eq!(
        (before.rto_left_min, before.mtpd_left_min),
        (Some(180), Some(420))
    );
    assert_eq!(before.priority, 1);
    assert_ne!(before.status, ActivityStatus::MissedRto);
    assert_eq!(
        status(&store, "2026-11-30T12:01:00Z", "Order picking and packing").status,
        ActivityStatus::MissedRto
    );
    assert_eq!(
        status(&store, "2026-11-30T16:01:00Z", "Order picking and packing").status,
        ActivityStatus::MissedMtpd
    );

    incident::record(
        &mut store,
        id,
        &invoke("Tom Whitaker", ""),
        t("2026-11-30T08:20:00Z"),
    )
    .expect("invoke");
    let resume = |activity: &str, point: Option<&str>| BoardAction::Resume {
        activity: activity.into(),
        level: Level::Minimum,
        restore_point: point.map(t),
    };
    incident::record(
        &mut store,
        id,
        &resume("Last-mile delivery", None),
        t("2026-11-30T11:30:00Z"),
    )
    .expect("resume");
    incident::record(
        &mut store,
        id,
        &resume("Order picking and packing", Some("2026-11-30T07:40:00Z")),
        t("2026-11-30T12:45:00Z"),
    )
    .expect("resume");
    let later = "2026-12-05T00:00:00Z";
    let picking = status(&store, later, "Order picking and packing");
    assert_eq!(
        (picking.achieved_rto_min, picking.achieved_rpo_min),
        (Some(285), Some(20))
    );
    assert_eq!(picking.status, ActivityStatus::MissedRto);
    let delivery = status(&store, later, "Last-mile delivery");
    assert_eq!(
        (delivery.achieved_rto_min, delivery.status),
        (Some(210), ActivityStatus::Met)
    );
    // A restore point after the disruption began is refused; nothing is recorded twice.
    assert!(
        incident::record(
            &mut store,
            id,
            &resume("Inbound goods receipt", Some("2026-11-30T09:00:00Z")),
            t("2026-11-30T13:00:00Z")
        )
        .is_err()
    );
    assert!(
        incident::record(
            &mut store,
            id,
            &resume("Last-mile delivery", None),
            t("2026-11-30T13:00:00Z")
        )
        .is_err()
    );
    // Nothing happens before the disruption began.
    assert!(
        incident::record(
            &mut store,
            id,
            &resume("Inbound goods receipt", None),
            t("2026-11-30T07:00:00Z")
        )
        .is_err()
    );
}

#[test]
fn steps_run_in_order_overruns_and_calls_with_their_fall_back_are_kept() {
    let (_dir, path) = demo_file();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Tom Whitaker");
    let id = open_flood(&mut store);
    let step = |start: bool, n: u32| {
        if start {
            BoardAction::StepStart {
                plan_id: None,
                step: n,
            }
        } else {
            BoardAction::StepDone {
                plan_id: None,
                step: n,
            }
        }
    };
    assert!(
        incident::record(&mut store, id, &step(true, 1), t("2026-11-30T08:15:00Z")).is_err(),
        "no plan invoked yet"
    );
    incident::record(
        &mut store,
        id,
        &invoke("Tom Whitaker", ""),
        t("2026-11-30T08:20:00Z"),
    )
    .expect("invoke");
    assert!(
        incident::record(&mut store, id, &step(false, 1), t("2026-11-30T08:25:00Z")).is_err(),
        "not started"
    );
    assert!(
        incident::record(&mut store, id, &step(true, 99), t("2026-11-30T08:25:00Z")).is_err(),
        "no such step"
    );
    incident::record(&mut store, id, &step(true, 1), t("2026-11-30T08:25:00Z")).expect("start");
    let board =
        incident::record(&mut store, id, &step(false, 1), t("2026-11-30T08:45:00Z")).expect("done");
    let first = &board.plans[0].steps[0];
    assert_eq!(
        (first.elapsed_min, first.overrun),
        (Some(20), true),
        "15m estimated"
    );

    let call = |person: &str, outcome| BoardAction::Call {
        person: person.into(),
        outcome,
    };
    let board = incident::record(
        &mut store,
        id,
        &call("Tom Whitaker", CallOutcome::NoAnswer),
        t("2026-11-30T08:22:00Z"),
    )
    .expect("call");
    let tom = &board.plans[0].calls[0];
    assert!(tom.fallback_due, "Gemma is due");
    let board = incident::record(
        &mut store,
        id,
        &call("Gemma Lowe", CallOutcome::Reached),
        t("2026-11-30T08:26:00Z"),
    )
    .expect("call");
    let tom = &board.plans[0].calls[0];
    assert!(!tom.fallback_due);
    assert_eq!(tom.fallback_at, Some(t("2026-11-30T08:26:00Z")));
    assert!(
        incident::record(
            &mut store,
            id,
            &call("Someone Else", CallOutcome::Reached),
            t("2026-11-30T08:27:00Z")
        )
        .is_err()
    );

    // Stood down: only notes and corrections from then on.
    let down = incident::record(
        &mut store,
        id,
        &BoardAction::StandDown {
            summary: "Power back.".into(),
            by: "Morgan Hale".into(),
        },
        t("2026-11-30T18:00:00Z"),
    )
    .expect("stand down");
    // Recorded by the facilitator, decided by the operations director.
    assert_eq!(down.stood_down_by.as_deref(), Some("Morgan Hale"));
    let last = down.log.last().expect("an entry");
    assert_eq!(
        (last.author.as_str(), last.text.as_str()),
        ("Tom Whitaker", "Stood down by Morgan Hale")
    );
    assert!(incident::record(&mut store, id, &step(true, 2), t("2026-11-30T18:05:00Z")).is_err());
    let note = |kind, corrects| {
        BoardAction::Log(LogInput {
            kind,
            text: "Lessons meeting booked".into(),
            rationale: String::new(),
            corrects,
        })
    };
    assert!(
        incident::record(
            &mut store,
            id,
            &note(LogKind::Decision, None),
            t("2026-11-30T18:05:00Z")
        )
        .is_err()
    );
    incident::record(
        &mut store,
        id,
        &note(LogKind::Note, None),
        t("2026-11-30T18:05:00Z"),
    )
    .expect("a note");
    let board = incident::record(
        &mut store,
        id,
        &note(LogKind::Action, Some(5)),
        t("2026-11-30T18:06:00Z"),
    )
    .expect("a correction");
    assert_eq!(board.log.last().and_then(|e| e.corrects), Some(5));
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open raw")
}

#[test]
fn the_log_refuses_change_in_plain_sql_and_a_change_behind_dropped_triggers_is_found() {
    let (_dir, path) = demo_file();
    // The demo's incident, written with its whole log.
    let conn = raw(&path);
    let update = conn.execute(
        "UPDATE event_log SET text = 'nothing happened' WHERE event_id = 1 AND seq = 3",
        [],
    );
    assert!(update.is_err_and(|e| e.to_string().contains("cannot be changed")));
    let delete = conn.execute("DELETE FROM event_log WHERE event_id = 1 AND seq = 28", []);
    assert!(delete.is_err_and(|e| e.to_string().contains("cannot be removed")));
    assert!(conn.execute("DELETE FROM event WHERE id = 1", []).is_err());
    assert!(
        conn.execute("UPDATE event_plan SET version = 1", [])
            .is_err()
    );
    drop(conn);

    let store = EngagementStore::open(&path).expect("open");
    let check = incident::verify(&store, 1).expect("verify");
    assert!(check.ok, "{check:?}");
    drop(store);

    alter_behind_trigger(
        &path,
        "event_log_no_update",
        "UPDATE event_log SET text = replace(text, '5h 15m', '3h 15m') WHERE event_id = 1 AND seq = 20",
    );
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Ana");
    let check = incident::verify(&store, 1).expect("verify");
    assert!(!check.ok);
    assert_eq!(check.chain.broken_at, Some(20));
    assert!(
        check.problems[0].contains("entry 20 was changed"),
        "{:?}",
        check.problems
    );
    let more = incident::record(
        &mut store,
        1,
        &BoardAction::Log(LogInput {
            kind: LogKind::Note,
            text: "x".into(),
            rationale: String::new(),
            corrects: None,
        }),
        Utc::now(),
    );
    assert!(more.is_err(), "nothing more is written to an altered log");
    let out = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(["incident", "verify"])
        .arg(&path)
        .args(["--incident", "1"])
        .output()
        .expect("run keel");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("entry 20 was changed"));
}

#[test]
fn an_altered_plan_version_behind_an_incident_is_found() {
    let (_dir, path) = demo_file();
    alter_behind_trigger(
        &path,
        "plan_frozen_no_update",
        "UPDATE plan_frozen SET snapshot = replace(snapshot, 'Halifax', 'Hallifax') WHERE plan_id = 1 AND version = 2",
    );
    let store = EngagementStore::open(&path).expect("open");
    let check = incident::verify(&store, 1).expect("verify");
    assert!(!check.ok);
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.contains("no longer has its SHA-256")),
        "{:?}",
        check.problems
    );
}

/// A power cut at Halifax replayed on the command line, every time given. By hand, from
/// 08:00: last-mile delivery (RTO 4h) back at 11:30 is 210 minutes, met; order picking
/// (RTO 4h) back at 12:45 is 285 minutes, RTO missed, with data restored to 07:40 an
/// RPO of 20 minutes; step 1 (15m estimated) ran 08:25–08:45, 20 minutes, overrun; step 2
/// (2h) ran 08:30–10:00, 90 minutes; Arjun was reached 15 minutes after invocation.
#[test]
fn a_replayed_incident_gives_the_figures_computed_by_hand() {
    let (_dir, path) = demo_file();
    let file = path.to_str().expect("utf-8 path");
    let tom = "Tom Whitaker";
    let opened = keel_as(
        tom,
        &[
            "incident",
            "open",
            file,
            "--title",
            "Power cut at Halifax",
            "--affects",
            "Halifax warehouse",
            "--disrupted",
            "2026-11-30T08:00:00Z",
            "--at",
            "2026-11-30T08:10:00Z",
            "--json",
        ],
    );
    let id: serde_json::Value = serde_json::from_str(&opened).expect("json");
    let id = id["id"].as_i64().expect("an id").to_string();
    let id = id.as_str();
    let run = |who: &str, args: &[&str]| {
        let mut all = vec!["incident", args[0], file, "--incident", id];
        all.extend(&args[1..]);
        keel_as(who, &all)
    };
    run(
        tom,
        &[
            "invoke",
            "--plan",
            "1",
            "--criteria",
            "1",
            "--at",
            "2026-11-30T08:20:00Z",
        ],
    );
    run(
        tom,
        &[
            "call",
            "--person",
            "Tom Whitaker",
            "--reached",
            "--at",
            "2026-11-30T08:22:00Z",
        ],
    );
    run(
        tom,
        &[
            "call",
            "--person",
            "Morgan Hale",
            "--unreachable",
            "--at",
            "2026-11-30T08:30:00Z",
        ],
    );
    run(
        tom,
        &[
            "call",
            "--person",
            "Arjun Mehta",
            "--reached",
            "--at",
            "2026-11-30T08:35:00Z",
        ],
    );
    run(
        tom,
        &[
            "step",
            "--step",
            "1",
            "--start",
            "--at",
            "2026-11-30T08:25:00Z",
        ],
    );
    run(
        tom,
        &[
            "step",
            "--step",
            "2",
            "--start",
            "--at",
            "2026-11-30T08:30:00Z",
        ],
    );
    run(
        tom,
        &[
            "log",
            "--kind",
            "decision",
            "--text",
            "Relocate picking to Brighouse",
            "--rationale",
            "Halifax has no power for the day",
            "--at",
            "2026-11-30T08:40:00Z",
        ],
    );
    run(
        tom,
        &[
            "step",
            "--step",
            "1",
            "--done",
            "--at",
            "2026-11-30T08:45:00Z",
        ],
    );
    run(
        tom,
        &[
            "step",
            "--step",
            "2",
            "--done",
            "--at",
            "2026-11-30T10:00:00Z",
        ],
    );
    run(
        tom,
        &[
            "resume",
            "--activity",
            "Last-mile delivery",
            "--level",
            "minimum",
            "--at",
            "2026-11-30T11:30:00Z",
        ],
    );
    run(
        tom,
        &[
            "resume",
            "--activity",
            "Order picking and packing",
            "--level",
            "minimum",
            "--restore-point",
            "2026-11-30T07:40:00Z",
            "--at",
            "2026-11-30T12:45:00Z",
        ],
    );
    run(
        "Morgan Hale",
        &[
            "stand-down",
            "--summary",
            "Power restored; dispatch back to normal.",
            "--at",
            "2026-11-30T19:00:00Z",
        ],
    );

    let shown: serde_json::Value =
        serde_json::from_str(&run(tom, &["show", "--json"])).expect("json");
    assert_eq!(shown["title"], "Power cut at Halifax");
    assert_eq!(shown["state"], "stood_down");
    let plans: serde_json::Value =
        serde_json::from_str(&keel_as(tom, &["plan", "list", file, "--json"])).expect("json");
    assert_eq!(shown["plan"]["id"], 1);
    assert_eq!(shown["plan"]["version"], 2);
    assert_eq!(shown["plan"]["sha256"], plans[0]["sha256"]);
    let activity = |name: &str| {
        shown["activities"]
            .as_array()
            .expect("activities")
            .iter()
            .find(|a| a["name"] == name)
            .cloned()
            .expect("affected")
    };
    let picking = activity("Order picking and packing");
    assert_eq!(
        (picking["rto_min"].as_i64(), picking["mtpd_min"].as_i64()),
        (Some(240), Some(480))
    );
    assert_eq!(picking["achieved_rto_min"], 285);
    assert_eq!(picking["achieved_rpo_min"], 20);
    assert_eq!(picking["status"], "missed_rto");
    let delivery = activity("Last-mile delivery");
    assert_eq!(delivery["achieved_rto_min"], 210);
    assert!(delivery["achieved_rpo_min"].is_null());
    assert_eq!(delivery["status"], "met");
    // Inbound goods receipt (RTO 12h) waits for the warehouse, a week's work: at risk at
    // stand-down, with an hour left.
    let inbound = activity("Inbound goods receipt");
    assert_eq!(inbound["status"], "at_risk");
    assert_eq!(inbound["rto_left_min"], 60);
    let steps = &shown["plans"][0]["steps"];
    assert_eq!(
        (
            steps[0]["elapsed_min"].as_i64(),
            steps[0]["overrun"].as_bool()
        ),
        (Some(20), Some(true))
    );
    assert_eq!(
        (
            steps[1]["elapsed_min"].as_i64(),
            steps[1]["overrun"].as_bool()
        ),
        (Some(90), Some(false))
    );
    let calls = &shown["plans"][0]["calls"];
    assert_eq!(calls[2]["callee"], "Arjun Mehta");
    assert_eq!(calls[2]["after_min"], 15);
    assert_eq!(calls[1]["outcome"], "unreachable");
    let log = shown["log"].as_array().expect("log");
    assert_eq!(log.len(), 13);
    for entry in log {
        for key in ["at", "author", "kind", "text", "hash"] {
            assert!(entry.get(key).is_some(), "{key}");
        }
    }
    assert_eq!(log[7]["kind"], "decision");
    assert_eq!(log[7]["rationale"], "Halifax has no power for the day");
    assert_eq!(log[12]["author"], "Morgan Hale");
    assert_eq!(shown["chain_ok"], true);
    // Stood down: the points the post-incident review starts from.
    let review: Vec<&str> = shown["review"]
        .as_array()
        .expect("review")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    for point in [
        "Order picking and packing missed its RTO: back at its minimum level after 4h 45m against 4h.",
        "Order picking and packing lost 20m of data against an RPO of 15m.",
        "Inbound goods receipt was never recorded back at its minimum level.",
        "Step 1 (Recover Standby generator) took 20m against 15m.",
        "Morgan Hale could not be reached.",
        "Sian Roberts was never called.",
    ] {
        assert!(review.contains(&point), "{point} not in {review:?}");
    }
    assert!(
        !review.iter().any(|p| p.contains("Last-mile delivery")),
        "met: {review:?}"
    );
    let verified = run(tom, &["verify"]);
    assert!(verified.contains("13 entries are intact"), "{verified}");
    assert!(verified.contains(&format!(
        "SHA-256 {} matches",
        plans[0]["sha256"].as_str().unwrap_or("?")
    )));
}

#[test]
fn losing_both_alternatives_at_once_stops_what_needs_either() {
    use keel::domain::ResourceKind;
    let fixture = crate::util::Fixture::new();
    let mut store = fixture.open();
    let (_dispatch, wms, server) = crate::util::dispatch_on_wms_on_server(&mut store);
    let standby = store
        .add_catalogue_resource("Standby server", ResourceKind::Infrastructure)
        .expect("standby")
        .id;
    // The WMS runs on the server or, failing that, on the standby.
    store
        .remove_resource_dependency(wms, server)
        .expect("unlink");
    store
        .add_resource_dependency(wms, server, "hosts")
        .expect("server");
    store
        .add_resource_dependency(wms, standby, "hosts")
        .expect("standby");
    let open = |store: &mut EngagementStore, lost: &[i64]| {
        let id = incident::open(
            store,
            &OpenIncidentInput {
                title: "Power cut".into(),
                affects: lost.iter().map(|r| NodeRef::Resource(*r).key()).collect(),
                ..OpenIncidentInput::default()
            },
            t("2026-11-30T08:00:00Z"),
        )
        .expect("open");
        incident::board(store, id, t("2026-11-30T08:00:00Z")).expect("board")
    };
    assert!(
        open(&mut store, &[server]).activities.is_empty(),
        "the standby takes over"
    );
    let both = open(&mut store, &[server, standby]);
    let names: Vec<(&str, &str)> = both
        .activities
        .iter()
        .map(|a| (a.name.as_str(), a.why.as_str()))
        .collect();
    assert_eq!(names, [("Dispatch", "needs one of Server, Standby server")]);
}

#[test]
fn no_row_of_an_incident_is_replaced_and_a_plan_row_swapped_behind_the_triggers_is_found() {
    let (_dir, path) = demo_file();
    let conn = raw(&path);
    for sql in [
        "INSERT OR REPLACE INTO event_log SELECT event_id, seq, at, author, kind, 'rewritten', rationale, corrects, fact, prev, hash FROM event_log WHERE event_id = 1 AND seq = 2",
        "REPLACE INTO event_plan SELECT event_id, plan_id, 1, sha256 FROM event_plan WHERE event_id = 1",
        "REPLACE INTO event SELECT id, kind, 'Nothing happened', disrupted_at, opened_at, state FROM event WHERE id = 1",
    ] {
        let refused = conn.execute(sql, []);
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains("cannot be replaced")),
            "{sql}: {refused:?}"
        );
    }
    drop(conn);
    alter_behind_trigger(
        &path,
        "event_plan_no_delete",
        "DELETE FROM event_plan WHERE event_id = 1",
    );
    let store = EngagementStore::open(&path).expect("open");
    let check = incident::verify(&store, 1).expect("verify");
    assert!(check.chain.ok, "the log itself is intact");
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.contains("not those its log invoked")),
        "{:?}",
        check.problems
    );
}

#[test]
fn corrections_set_aside_steps_and_resumptions_but_not_the_invocation() {
    let (_dir, path) = demo_file();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Tom Whitaker");
    let id = open_flood(&mut store);
    incident::record(
        &mut store,
        id,
        &invoke("Tom Whitaker", ""),
        t("2026-11-30T08:20:00Z"),
    )
    .expect("invoke");
    let board = incident::record(
        &mut store,
        id,
        &BoardAction::StepStart {
            plan_id: None,
            step: 1,
        },
        t("2026-11-30T08:25:00Z"),
    )
    .expect("start");
    let started = board.log.last().expect("entry").seq;
    let correct = |seq: u32| {
        BoardAction::Log(LogInput {
            kind: LogKind::Note,
            text: "Recorded by mistake".into(),
            rationale: String::new(),
            corrects: Some(seq),
        })
    };
    let board = incident::record(&mut store, id, &correct(started), t("2026-11-30T08:26:00Z"))
        .expect("correct");
    assert!(
        board.plans[0].steps[0].started_at.is_none(),
        "the start is set aside"
    );
    let board =
        incident::record(&mut store, id, &correct(2), t("2026-11-30T08:27:00Z")).expect("correct");
    assert_eq!(
        board.state,
        keel::domain::EventState::Invoked,
        "an invocation stands"
    );
    assert!(incident::verify(&store, id).expect("verify").ok);
    // Times that run backwards on the board are refused.
    assert!(
        incident::record(
            &mut store,
            id,
            &BoardAction::Call {
                person: "Tom Whitaker".into(),
                outcome: CallOutcome::Reached
            },
            t("2026-11-30T08:15:00Z")
        )
        .is_err(),
        "a call before the invocation"
    );
    incident::record(
        &mut store,
        id,
        &BoardAction::Log(LogInput {
            kind: LogKind::Note,
            text: "x".into(),
            rationale: String::new(),
            corrects: None,
        }),
        t("2026-11-30T12:00:00Z"),
    )
    .expect("note");
    assert!(
        incident::record(
            &mut store,
            id,
            &BoardAction::StandDown {
                summary: "Done".into(),
                by: String::new()
            },
            t("2026-11-30T11:00:00Z")
        )
        .is_err(),
        "a stand-down before the last entry"
    );
}

#[test]
fn told_later_is_recorded_at_the_time_given_and_a_time_to_come_is_refused() {
    let (_dir, path) = demo_file();
    let now = Utc::now();
    let mut store = EngagementStore::open(&path)
        .expect("open")
        .with_actor("Tom Whitaker");
    let site = store
        .resources()
        .expect("resources")
        .into_iter()
        .find(|r| r.name == "Halifax warehouse")
        .expect("site")
        .id;
    let id = incident::open(
        &mut store,
        &OpenIncidentInput {
            title: "Power cut".into(),
            disrupted_at: Some(now - chrono::TimeDelta::hours(2)),
            affects: vec![NodeRef::Resource(site).key()],
            ..OpenIncidentInput::default()
        },
        now - chrono::TimeDelta::minutes(100),
    )
    .expect("open");
    let resume = BoardAction::Resume {
        activity: "Last-mile delivery".into(),
        level: Level::Minimum,
        restore_point: None,
    };
    let later = incident::record_told(
        &mut store,
        id,
        &resume,
        Some(now + chrono::TimeDelta::hours(1)),
    );
    assert!(
        matches!(later, Err(Error::Invalid(ref f)) if f.get("at").is_some()),
        "{later:?}"
    );
    let board = incident::record_told(
        &mut store,
        id,
        &resume,
        Some(now - chrono::TimeDelta::minutes(30)),
    )
    .expect("told late");
    let delivery = board
        .activities
        .iter()
        .find(|a| a.name == "Last-mile delivery")
        .expect("affected");
    assert_eq!(delivery.achieved_rto_min, Some(90));
}
