//! Exercises on the demo engagement: injects drafted from the RTOs and MTPDs of what a
//! loss stops, the scenario clock, observers' ratings, restorations that demonstrate a
//! capability only where a resource is really restored, corrections, and a scripted
//! parallel test on the command line.

use std::path::Path;
use std::process::Command;

use keel::domain::{
    BoardAction, Duration, ExerciseClock, ExerciseState, LogInput, LogKind, NewExerciseInput,
    NodeRef, Rating,
};
use keel::ops::exercise;
use keel::{EngagementStore, Error};

use crate::util::{demo_file, keel_as, t};

fn resource_id(store: &EngagementStore, name: &str) -> i64 {
    store
        .resources()
        .expect("resources")
        .into_iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("the demo's {name}"))
        .id
}

/// Prepares an exercise of `kind` losing the warehouse management system, testing plan 1.
fn prepare(store: &mut EngagementStore, kind: &str) -> i64 {
    let wms = resource_id(store, "Warehouse management system");
    exercise::new(
        store,
        &NewExerciseInput {
            kind: kind.into(),
            title: format!("WMS {kind}"),
            date: Some(t("2026-12-07T09:00:00Z")),
            facilitator: "Morgan Hale".into(),
            objectives: vec!["Invoke within 30 minutes".into()],
            plans: vec![1],
            lost: vec![NodeRef::Resource(wms).key()],
            ..NewExerciseInput::default()
        },
        t("2026-12-01T09:00:00Z"),
    )
    .expect("prepare")
}

fn store(path: &Path) -> EngagementStore {
    EngagementStore::open(path).expect("open").with_actor("Ana")
}

#[test]
fn injects_come_at_the_rto_and_mtpd_of_each_activity_the_loss_stops() {
    let (_dir, path) = demo_file();
    let mut store = store(&path);
    let id = prepare(&mut store, "tabletop");
    let prep = store.exercise(id).expect("exercise");
    assert_eq!(
        prep.clock,
        ExerciseClock::Scenario,
        "a tabletop's usual clock"
    );
    assert_eq!(prep.state, ExerciseState::Planned);
    // What losing the WMS stops, with the targets the BIA sets.
    let bia = store.bia_results().expect("bia");
    let graph = store.dependency_graph().expect("graph");
    let wms = graph.named("Warehouse management system");
    let stopped: Vec<String> = graph
        .scenario(&wms)
        .into_iter()
        .map(|o| o.activity)
        .collect();
    assert!(stopped.len() >= 3, "the WMS stops several activities");
    let offsets: Vec<u32> = prep
        .injects
        .iter()
        .map(|i| i.offset_min.minutes())
        .collect();
    assert_eq!(offsets[0], 0, "the first inject is the loss at T+0");
    assert!(offsets.windows(2).all(|w| w[0] <= w[1]), "in time order");
    for name in &stopped {
        let result = bia.iter().find(|b| &b.activity == name).expect("a BIA row");
        let rto = result.rto.expect("an RTO");
        let breach = prep
            .injects
            .iter()
            .find(|i| {
                i.offset_min == rto && i.text.contains(name.as_str()) && i.text.contains("RTO")
            })
            .unwrap_or_else(|| panic!("an inject at {name}'s RTO"));
        assert!(
            breach
                .expected
                .iter()
                .any(|e| e.starts_with(&format!("Resume {name}"))),
            "{name}'s RTO inject expects it resumed: {:?}",
            breach.expected
        );
        if let Some(mtpd) = result.mtpd.filter(|m| *m > rto) {
            assert!(
                prep.injects.iter().any(|i| i.offset_min == mtpd
                    && i.text.contains(name.as_str())
                    && i.text.contains("MTPD")),
                "an inject at {name}'s MTPD"
            );
        }
    }
    // The plan's step restoring the WMS is expected when the first RTO is breached.
    let first_rto = prep
        .injects
        .iter()
        .find(|i| i.offset_min > Duration::ZERO)
        .expect("an RTO inject");
    assert!(
        first_rto
            .expected
            .iter()
            .any(|e| e.contains("Recover Warehouse management system")),
        "{:?}",
        first_rto.expected
    );
}

#[test]
fn a_tabletop_runs_on_a_scenario_clock_with_ratings_and_demonstrates_nothing() {
    let (_dir, path) = demo_file();
    let mut store = store(&path);
    let id = prepare(&mut store, "tabletop");
    let view = exercise::start(&mut store, id, t("2026-12-01T10:00:00Z")).expect("start");
    let board = view.board.expect("a board");
    assert_eq!(
        board.start,
        t("2026-12-07T09:00:00Z"),
        "T+0 is the date prepared"
    );
    assert_eq!(board.elapsed_min, 0);
    assert_eq!(board.board.plans.len(), 1, "the tested version is invoked");
    assert_eq!(board.next_inject, Some(2));

    // An inject not yet up cannot be rated.
    let observe = |inject, expected, rating| BoardAction::Observe {
        inject,
        expected,
        rating,
        note: String::new(),
    };
    let refused = exercise::record(
        &mut store,
        id,
        &observe(2, 1, Rating::Observed),
        t("2026-12-01T10:05:00Z"),
    );
    assert!(matches!(refused, Err(Error::Conflict(m)) if m.contains("not up yet")));

    let advance = |to: &str| BoardAction::Advance { to: to.into() };
    let view = exercise::record(&mut store, id, &advance("T+4h"), t("2026-12-01T10:20:00Z"))
        .expect("advance");
    let board = view.board.expect("board");
    assert_eq!(board.elapsed_min, 240);
    assert!(board.injects[1].up, "the RTO inject is up at T+4h");
    // The clock only moves on.
    let back = exercise::record(&mut store, id, &advance("2h"), t("2026-12-01T10:21:00Z"));
    assert!(matches!(back, Err(Error::Invalid(e)) if e.get("to").is_some()));

    exercise::record(
        &mut store,
        id,
        &observe(1, 1, Rating::Missed),
        t("2026-12-01T10:22:00Z"),
    )
    .expect("rate");
    // A second rating of the same action replaces the first.
    exercise::record(
        &mut store,
        id,
        &observe(1, 1, Rating::Observed),
        t("2026-12-01T10:23:00Z"),
    )
    .expect("re-rate");
    let view = exercise::record(
        &mut store,
        id,
        &observe(2, 1, Rating::Partly),
        t("2026-12-01T10:24:00Z"),
    )
    .expect("rate");
    let board = view.board.expect("board");
    assert_eq!(board.injects[0].expected[0].rating, Some(Rating::Observed));
    assert_eq!(
        (board.score.observed, board.score.partly, board.score.missed),
        (1, 1, 0)
    );
    assert_eq!(board.score.percent, Some(75));

    // A step done in scenario time: started at T+4h, done at T+6h30.
    let step = |start| {
        if start {
            BoardAction::StepStart {
                plan_id: None,
                step: 6,
            }
        } else {
            BoardAction::StepDone {
                plan_id: None,
                step: 6,
            }
        }
    };
    exercise::record(&mut store, id, &step(true), t("2026-12-01T10:25:00Z")).expect("start step");
    exercise::record(
        &mut store,
        id,
        &advance("T+6h30m"),
        t("2026-12-01T10:40:00Z"),
    )
    .expect("advance");
    let view = exercise::record(&mut store, id, &step(false), t("2026-12-01T10:41:00Z"))
        .expect("step done");
    let board = view.board.expect("board");
    let s = &board.board.plans[0].steps[5];
    assert_eq!(s.elapsed_min, Some(150), "2h30 of scenario time");
    assert_eq!(s.started_at, Some(t("2026-12-07T13:00:00Z")));
    // The log keeps the times it was written.
    assert_eq!(
        board.board.log.last().expect("entry").at,
        t("2026-12-01T10:41:00Z")
    );

    let wms = BoardAction::Restore {
        resource: "warehouse management system".into(),
        restore_point: Some(t("2026-12-07T08:45:00Z")),
    };
    let view = exercise::record(&mut store, id, &wms, t("2026-12-01T10:42:00Z")).expect("restore");
    let restored = &view.board.expect("board").restored[0];
    assert_eq!(
        (restored.achieved_rtc_min, restored.achieved_rpc_min),
        (390, Some(15))
    );
    assert!(
        store
            .demonstrations()
            .expect("demonstrations")
            .iter()
            .all(|d| d.event_id != id),
        "a tabletop restores nothing for real"
    );
}

#[test]
fn a_parallel_test_demonstrates_what_it_restores_until_the_restoration_is_corrected() {
    let (_dir, path) = demo_file();
    let mut store = store(&path);
    let id = prepare(&mut store, "parallel");
    let view = exercise::start(&mut store, id, t("2026-12-01T10:00:00Z")).expect("start");
    let board = view.board.expect("board");
    assert_eq!(board.clock, ExerciseClock::Real);
    assert_eq!(board.start, t("2026-12-01T10:00:00Z"), "T+0 is the start");
    // The real clock cannot be advanced.
    let refused = exercise::record(
        &mut store,
        id,
        &BoardAction::Advance { to: "T+1h".into() },
        t("2026-12-01T10:05:00Z"),
    );
    assert!(matches!(refused, Err(Error::Conflict(m)) if m.contains("real clock")));

    let wms = resource_id(&store, "Warehouse management system");
    let restore = BoardAction::Restore {
        resource: "Warehouse management system".into(),
        restore_point: Some(t("2026-12-01T09:40:00Z")),
    };
    let view =
        exercise::record(&mut store, id, &restore, t("2026-12-01T15:10:00Z")).expect("restore");
    let seq = view
        .board
        .as_ref()
        .expect("board")
        .board
        .log
        .last()
        .expect("entry")
        .seq;
    let of_this = |store: &EngagementStore| -> Vec<keel::domain::Demonstration> {
        store
            .demonstrations()
            .expect("demonstrations")
            .into_iter()
            .filter(|d| d.event_id == id)
            .collect()
    };
    let shown = of_this(&store);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].resource_id, wms);
    assert_eq!(shown[0].rtc_min.minutes(), 310, "10:00 to 15:10");
    assert_eq!(
        shown[0].rpc_min.map(Duration::minutes),
        Some(20),
        "restored to 09:40"
    );
    assert_eq!(shown[0].demonstrated_at, t("2026-12-01T15:10:00Z"));
    // Restored twice: refused.
    let again = exercise::record(&mut store, id, &restore, t("2026-12-01T15:20:00Z"));
    assert!(matches!(again, Err(Error::Conflict(m)) if m.contains("already restored")));
    // A correction withdraws it, and the demonstration with it.
    let correction = BoardAction::Log(LogInput {
        kind: LogKind::Note,
        text: "The restore was of the test copy, not the WMS".into(),
        rationale: String::new(),
        corrects: Some(seq),
    });
    exercise::record(&mut store, id, &correction, t("2026-12-01T15:30:00Z")).expect("correct");
    assert!(of_this(&store).is_empty());
    // Closed: nothing but notes.
    exercise::record(
        &mut store,
        id,
        &BoardAction::StandDown {
            summary: "Done".into(),
            by: String::new(),
        },
        t("2026-12-01T16:00:00Z"),
    )
    .expect("close");
    let late = exercise::record(&mut store, id, &restore, t("2026-12-01T16:10:00Z"));
    assert!(matches!(late, Err(Error::Conflict(m)) if m.contains("closed")));
    assert_eq!(
        store.exercise(id).expect("exercise").state,
        ExerciseState::Closed
    );
}

#[test]
fn injects_are_edited_before_the_start_and_fixed_after_it() {
    let (_dir, path) = demo_file();
    let mut store = store(&path);
    let id = prepare(&mut store, "walkthrough");
    let mut inputs = exercise::inject_inputs(&store, id).expect("inputs");
    let drafted = inputs.len();
    inputs.push(keel::domain::InjectInput {
        offset: "T+30m".into(),
        text: "The press calls".into(),
        expected: vec!["Refer to the communications lead".into()],
        activity: String::new(),
    });
    let injects = exercise::set_injects(&mut store, id, &inputs).expect("edit");
    assert_eq!(injects.len(), drafted + 1);
    assert_eq!(injects[1].text, "The press calls", "numbered in time order");
    assert_eq!(injects[1].number, 2);
    inputs[0].offset = "soon".into();
    assert!(
        matches!(exercise::set_injects(&mut store, id, &inputs), Err(Error::Invalid(e)) if e.get("injects.0.offset").is_some_and(|m| m.starts_with("Inject 1: ")))
    );
    inputs[0].offset = "0".into();
    exercise::start(&mut store, id, t("2026-12-01T10:00:00Z")).expect("start");
    let after = exercise::set_injects(&mut store, id, &inputs[..1]);
    assert!(matches!(after, Err(Error::Conflict(m)) if m.contains("started")));
    assert_eq!(
        store.exercise(id).expect("exercise").injects.len(),
        drafted + 1
    );
    assert!(matches!(
        exercise::start(&mut store, id, t("2026-12-01T11:00:00Z")),
        Err(Error::Conflict(_))
    ));
}

fn keel(args: &[&str]) -> String {
    keel_as("Morgan Hale", args)
}

/// A parallel test of the demo replayed on the command line: the WMS restored 4h 45m
/// after the start is demonstrated at 285 minutes.
#[test]
fn a_parallel_test_on_the_command_line_demonstrates_the_restored_capability() {
    let (_dir, path) = demo_file();
    let file = path.to_str().expect("utf-8 path");
    let out = keel(&[
        "exercise",
        "new",
        file,
        "--type",
        "parallel",
        "--title",
        "WMS failover test",
        "--date",
        "2026-12-01T08:00:00Z",
        "--plan",
        "1",
        "--lose",
        "Warehouse management system",
        "--objective",
        "Restore the WMS within its RTC",
        "--json",
        "--at",
        "2026-11-30T12:00:00Z",
    ]);
    let id = serde_json::from_str::<serde_json::Value>(&out).expect("json")["id"]
        .as_i64()
        .expect("an id")
        .to_string();
    let id = id.as_str();
    // Before: the pickers and packers, on tier-1 chains, were never demonstrated.
    let listed = |review: &serde_json::Value, kind: &str| -> bool {
        review["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["kind"] == kind && i["subject"]["name"] == "Pickers and packers")
    };
    let review_on = |day: &str| -> serde_json::Value {
        serde_json::from_str(&keel(&["review", file, "--json", "--at", day])).expect("json")
    };
    assert!(listed(&review_on("2026-12-02"), "not_demonstrated"));
    keel(&[
        "exercise",
        "start",
        file,
        "--exercise",
        id,
        "--at",
        "2026-12-01T08:00:00Z",
    ]);
    keel(&[
        "exercise",
        "step",
        file,
        "--exercise",
        id,
        "--step",
        "6",
        "--start",
        "--at",
        "2026-12-01T08:05:00Z",
    ]);
    keel(&[
        "exercise",
        "step",
        file,
        "--exercise",
        id,
        "--step",
        "6",
        "--done",
        "--at",
        "2026-12-01T12:40:00Z",
    ]);
    let restored = keel(&[
        "exercise",
        "restore",
        file,
        "--exercise",
        id,
        "--resource",
        "Warehouse management system",
        "--restore-point",
        "2026-12-01T07:50:00Z",
        "--at",
        "2026-12-01T12:45:00Z",
    ]);
    assert!(
        restored.contains("demonstrated: 4h 45m (RTC), 10m (RPC)"),
        "{restored}"
    );
    keel(&[
        "exercise",
        "restore",
        file,
        "--exercise",
        id,
        "--resource",
        "Pickers and packers",
        "--at",
        "2026-12-01T12:45:30Z",
    ]);
    keel(&[
        "exercise",
        "observe",
        file,
        "--exercise",
        id,
        "--inject",
        "1",
        "--action",
        "1",
        "--observed",
        "--at",
        "2026-12-01T12:46:00Z",
    ]);
    keel(&[
        "exercise",
        "finding",
        file,
        "--exercise",
        id,
        "--severity",
        "medium",
        "--category",
        "technology",
        "--about",
        "plan:1",
        "--text",
        "The failover runbook misses the DNS change",
    ]);
    keel(&[
        "exercise",
        "close",
        file,
        "--exercise",
        id,
        "--summary",
        "WMS back on the standby",
        "--met",
        "1",
        "--strengths",
        "Calm, quick",
        "--at",
        "2026-12-01T13:00:00Z",
    ]);
    let list: serde_json::Value =
        serde_json::from_str(&keel(&["exercise", "list", file, "--json"])).expect("json");
    let row = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|e| e["id"].as_i64().map(|i| i.to_string()).as_deref() == Some(id))
        .expect("listed");
    assert_eq!(row["type"], "parallel");
    assert_eq!(row["state"], "closed");
    assert_eq!(row["title"], "WMS failover test");
    assert_eq!(row["date"], "2026-12-01T08:00:00Z");
    let show: serde_json::Value = serde_json::from_str(&keel(&[
        "exercise",
        "show",
        file,
        "--exercise",
        id,
        "--json",
    ]))
    .expect("json");
    assert_eq!(show["board"]["restored"][0]["achieved_rtc_min"], 285);
    assert_eq!(
        show["board"]["board"]["plans"][0]["steps"][5]["elapsed_min"],
        275
    );
    assert_eq!(show["exercise"]["objectives"][0]["met"], true);
    assert_eq!(show["findings"][0]["about"]["type"], "plan");
    let verified = keel(&["exercise", "verify", file, "--exercise", id]);
    assert!(verified.contains("intact"), "{verified}");
    let store = EngagementStore::open(&path).expect("open");
    let shown = store.demonstrations().expect("demonstrations");
    assert!(
        shown
            .iter()
            .any(|d| d.rtc_min.minutes() == 285 && d.rpc_min.map(Duration::minutes) == Some(10))
    );
    // The review no longer lists the pickers as never demonstrated; a year on, their
    // demonstration is listed as expired.
    let after = review_on("2026-12-02");
    assert!(!listed(&after, "not_demonstrated"));
    assert!(!listed(&after, "demonstration_expired"));
    assert!(listed(&review_on("2027-12-05"), "demonstration_expired"));
}

#[test]
fn only_a_real_clock_demonstrates_and_a_step_is_named_as_the_version_run_has_it() {
    let (_dir, path) = demo_file();
    let mut store = store(&path);
    // A walkthrough restores for real, on the real clock unless told otherwise…
    let id = prepare(&mut store, "walkthrough");
    assert_eq!(
        store.exercise(id).expect("exercise").clock,
        ExerciseClock::Real
    );
    // …but one run on a scenario clock demonstrates nothing: its times are the
    // facilitator's, not measured.
    let wms = resource_id(&store, "Warehouse management system");
    let scenario = exercise::new(
        &mut store,
        &NewExerciseInput {
            kind: "walkthrough".into(),
            title: "Talked-through restore".into(),
            date: Some(t("2026-12-07T09:00:00Z")),
            clock: "scenario".into(),
            plans: vec![1, 1],
            lost: vec![NodeRef::Resource(wms).key()],
            ..NewExerciseInput::default()
        },
        t("2026-12-01T09:00:00Z"),
    )
    .expect("a plan named twice is tested once");
    assert_eq!(store.exercise(scenario).expect("exercise").plans.len(), 1);
    exercise::start(&mut store, scenario, t("2026-12-01T10:00:00Z")).expect("start");
    let restore = BoardAction::Restore {
        resource: "Warehouse management system".into(),
        restore_point: None,
    };
    exercise::record(&mut store, scenario, &restore, t("2026-12-01T10:05:00Z")).expect("restore");
    assert!(
        store
            .demonstrations()
            .expect("demonstrations")
            .iter()
            .all(|d| d.event_id != scenario)
    );

    // A finding about step 6 names the step of the version the exercise ran.
    let finding = keel::ops::findings::add(
        &mut store,
        Some(scenario),
        &keel::domain::FindingInput {
            severity: "low".into(),
            category: "plan".into(),
            about: "step:1:6".into(),
            text: "Nobody owns the restore".into(),
        },
    )
    .expect("finding");
    let name = finding.about.expect("about").name().to_owned();
    assert!(
        name.contains("step 6: Recover Warehouse management system"),
        "{name}"
    );
    let beyond = keel::ops::findings::add(
        &mut store,
        Some(scenario),
        &keel::domain::FindingInput {
            severity: "low".into(),
            category: "plan".into(),
            about: "step:1:99".into(),
            text: "x".into(),
        },
    );
    assert!(
        matches!(beyond, Err(Error::Invalid(e)) if e.get("about").is_some_and(|m| m.contains("no step 99")))
    );

    // An entry checked against an older log is refused, and nothing is written.
    let stale = keel::event::NewEntry {
        at: t("2026-12-01T10:06:00Z"),
        author: "Ana".into(),
        kind: LogKind::Note,
        text: "Checked against entry 1 only".into(),
        rationale: String::new(),
        corrects: None,
        fact: None,
    };
    let before = store.stored_event(scenario).expect("log").raw.len();
    let refused = store.append_exercise_entry(scenario, &stale, None, &[], 1);
    assert!(matches!(refused, Err(Error::Conflict(m)) if m.contains("changed while")));
    assert_eq!(store.stored_event(scenario).expect("log").raw.len(), before);
}

#[test]
fn closing_with_an_objective_it_does_not_have_is_refused_before_anything_is_written() {
    let (_dir, path) = demo_file();
    let file = path.to_str().expect("utf-8 path");
    let id = {
        let mut store = store(&path);
        let id = prepare(&mut store, "tabletop");
        exercise::start(&mut store, id, t("2026-12-01T10:00:00Z")).expect("start");
        id.to_string()
    };
    let out = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args([
            "exercise",
            "close",
            file,
            "--exercise",
            &id,
            "--summary",
            "Done",
            "--met",
            "7",
            "--at",
            "2026-12-01T11:00:00Z",
        ])
        .output()
        .expect("run keel");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no objective 7"));
    let store = store(&path);
    assert_eq!(
        store
            .exercise(id.parse().expect("id"))
            .expect("exercise")
            .state,
        ExerciseState::Running
    );
}

#[test]
fn verify_finds_a_demonstration_changed_behind_the_log() {
    let (_dir, path) = demo_file();
    let parallel = {
        let store = store(&path);
        let id = store
            .exercises()
            .expect("exercises")
            .into_iter()
            .find(|e| e.title == "Data centre standby failover test")
            .expect("the demo's parallel test")
            .id;
        let check = exercise::verify(&store, id).expect("verify");
        assert!(check.ok, "{:?}", check.problems);
        id
    };
    rusqlite::Connection::open(&path)
        .expect("raw")
        .execute(
            "UPDATE demonstration SET rtc_minutes = 1 WHERE event_id = ?1",
            [parallel],
        )
        .expect("changed behind Keel");
    let check = exercise::verify(&store(&path), parallel).expect("verify");
    assert!(!check.ok);
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.contains("demonstrations kept"))
    );
}
