//! The review: each kind of item appears when something goes stale and goes when it is
//! fixed (an injected clock and review days chosen by the test); a BIA whose activity's
//! dependencies change after it was validated; the settings it goes by; and
//! `keel review --json` as a script reads it.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use keel::EngagementStore;
use keel::domain::{
    AboutRef, ActionEdit, ActionInput, CallInput, FindingCategory, InterviewEdit, InterviewStatus,
    NewFinding, PersonInput, PlanEdit, ResourceKind, Severity,
};
use keel::ops::{action, review};
use keel::review::{Review, ReviewKind, SubjectType};
use keel::store::ReviewSettings;

use crate::util::{Fixture, ManualClock};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

/// The items of `kind`, by subject name.
fn of(review: &Review, kind: ReviewKind) -> Vec<String> {
    review
        .items
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| i.subject.name.clone())
        .collect()
}

fn on(store: &EngagementStore, today: NaiveDate) -> Review {
    review::review_on(store, today).expect("review")
}

/// A plan for Dispatch (RTO 4h, tier 1, on the WMS on the server) with one approver
/// and Ben on its call tree, approved on the fixture's day (2026-03-02).
fn approved_plan(store: &mut EngagementStore, ben: i64) -> i64 {
    let plan = crate::util::warehouse_plan(store, &[("Morgan Hale", "COO")]);
    store
        .edit_plan(
            plan,
            &PlanEdit::CallTree {
                calls: vec![CallInput {
                    caller_id: None,
                    callee_id: ben,
                    fallback_id: None,
                }],
            },
        )
        .expect("call tree");
    approve(store, plan);
    plan
}

fn approve(store: &mut EngagementStore, plan: i64) {
    store.submit_plan(plan).expect("in review");
    assert!(
        store
            .approve_plan(plan, "Morgan Hale", "", "")
            .expect("approve")
    );
}

/// An exercise of the frozen version 1 of `plan` run on `day`, or a demonstration of
/// `resource` in it: rows as the exercise code writes them, put in with plain SQL.
fn exercise(fixture: &Fixture, plan: Option<i64>, demonstrated: Option<(i64, u32)>, on: &str) {
    let conn = rusqlite::Connection::open(&fixture.path).expect("open raw");
    let at = format!("{on}T10:00:00Z");
    conn.execute(
        "INSERT INTO event (kind, title, disrupted_at, opened_at, state)
         VALUES ('parallel_test', 'Failover test', ?1, ?1, 'stood_down')",
        [&at],
    )
    .expect("event");
    let event = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO exercise (event_id, clock) VALUES (?1, 'real')",
        [event],
    )
    .expect("exercise");
    if let Some(plan) = plan {
        conn.execute(
            "INSERT INTO exercise_plan (event_id, plan_id, version, sha256)
             SELECT ?1, plan_id, version, sha256 FROM plan_frozen WHERE plan_id = ?2 AND version = 1",
            [event, plan],
        )
        .expect("exercise plan");
    }
    if let Some((resource, minutes)) = demonstrated {
        conn.execute(
            "INSERT INTO demonstration (event_id, seq, resource_id, demonstrated_at, rtc_minutes)
             VALUES (?1, 3, ?2, ?3, ?4)",
            rusqlite::params![event, resource, at, minutes],
        )
        .expect("demonstration");
    }
}

#[test]
fn each_kind_of_item_appears_when_stale_and_goes_when_fixed() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let (dispatch, wms, server) = crate::util::dispatch_on_wms_on_server(&mut store);
    let ben = store
        .add_person(&PersonInput {
            name: "Ben Okafor".into(),
            phone: "+44 1632 960000".into(),
            last_verified: "2024-01-01".into(),
            ..Default::default()
        })
        .expect("person")
        .id;
    let plan = approved_plan(&mut store, ben);
    let today = day(2026, 3, 2);

    // Ben has not been checked for two years; the WMS and the server, on Dispatch's
    // tier-1 chain, were never demonstrated; the new plan was never exercised.
    let r = on(&store, today);
    assert_eq!(of(&r, ReviewKind::ContactUnverified), ["Ben Okafor"]);
    assert_eq!(of(&r, ReviewKind::NotDemonstrated), ["Server", "WMS"]);
    assert_eq!(
        of(&r, ReviewKind::ExerciseDue),
        ["Warehouse continuity plan"]
    );
    assert!(of(&r, ReviewKind::PlanReviewDue).is_empty());
    let contact = &r.items[0];
    assert_eq!(contact.subject.kind, SubjectType::Person);
    assert_eq!(contact.link.id, ben);
    assert!(contact.why.contains("2024-01-01"), "{}", contact.why);
    assert_eq!(r.programme[0].last_exercised, None);

    store
        .update_person(
            ben,
            &PersonInput {
                name: "Ben Okafor".into(),
                phone: "+44 1632 960000".into(),
                last_verified: "2026-03-01".into(),
                ..Default::default()
            },
        )
        .expect("verified");
    assert!(of(&on(&store, today), ReviewKind::ContactUnverified).is_empty());

    // A restore of the WMS a year and a month ago has expired; one of the server ten
    // and a half months ago expires within 60 days. An exercise of the plan last month
    // puts it on the programme.
    exercise(&fixture, None, Some((wms, 30)), "2025-02-01");
    exercise(&fixture, Some(plan), Some((server, 45)), "2025-04-15");
    exercise(&fixture, Some(plan), None, "2026-02-10");
    let r = on(&store, today);
    assert_eq!(of(&r, ReviewKind::DemonstrationExpired), ["WMS"]);
    assert_eq!(of(&r, ReviewKind::DemonstrationExpiring), ["Server"]);
    assert!(
        of(&r, ReviewKind::NotDemonstrated).is_empty(),
        "both were shown once"
    );
    assert!(of(&r, ReviewKind::ExerciseDue).is_empty());
    assert_eq!(r.programme[0].last_exercised, Some(day(2026, 2, 10)));
    assert_eq!(r.programme[0].next_due, Some(day(2027, 2, 10)));
    let expired = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::DemonstrationExpired)
        .expect("expired");
    assert_eq!(expired.due, Some(day(2026, 2, 1)));
    assert_eq!(expired.severity, Severity::High);
    assert!(expired.why.contains("committed") || expired.why.contains("not graded"));

    // Demonstrations counting for two years: neither is stale any more.
    store
        .set_review_settings(&ReviewSettings {
            demonstration_validity_months: 24,
            ..store.review_settings().expect("settings")
        })
        .expect("settings");
    let r = on(&store, today);
    assert!(of(&r, ReviewKind::DemonstrationExpired).is_empty());
    assert!(of(&r, ReviewKind::DemonstrationExpiring).is_empty());
    // Exercised every six months: the February exercise is due again in August.
    store
        .set_review_settings(&ReviewSettings {
            exercise_interval_months: 6,
            ..store.review_settings().expect("settings")
        })
        .expect("settings");
    assert_eq!(
        of(&on(&store, day(2026, 8, 11)), ReviewKind::ExerciseDue),
        ["Warehouse continuity plan"]
    );
    assert!(of(&on(&store, day(2026, 8, 10)), ReviewKind::ExerciseDue).is_empty());

    // The BIA, interviewed on 10 January 2025, is more than twelve months old.
    store
        .edit_interview(
            dispatch,
            &InterviewEdit::Date {
                value: "2025-01-10".into(),
            },
        )
        .expect("date");
    assert_eq!(
        of(&on(&store, today), ReviewKind::BiaOutdated),
        ["Dispatch"]
    );
    store
        .edit_interview(
            dispatch,
            &InterviewEdit::Date {
                value: "2026-02-20".into(),
            },
        )
        .expect("date");
    assert!(of(&on(&store, today), ReviewKind::BiaOutdated).is_empty());

    // A year on, the plan is past its review date; a finding about one of its steps,
    // made after the approval, names it too.
    clock.advance(370 * 86_400);
    let later = day(2027, 3, 10);
    assert_eq!(
        of(&on(&store, later), ReviewKind::PlanReviewDue),
        ["Warehouse continuity plan"]
    );
    store
        .edit_plan(
            plan,
            &PlanEdit::Steps {
                steps: vec![keel::domain::StepInput {
                    title: "Restore the WMS".into(),
                    ..Default::default()
                }],
            },
        )
        .expect("steps");
    store
        .add_finding(
            None,
            &NewFinding {
                severity: Severity::Critical,
                category: FindingCategory::Plan,
                about: Some(AboutRef::Plan(plan)),
                text: "The plan still names the old site".into(),
            },
            None,
        )
        .expect("finding");
    let r = on(&store, later);
    let named = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::PlanFinding)
        .expect("approved before a finding");
    assert_eq!(named.severity, Severity::Critical);
    assert!(named.why.contains("old site"), "{}", named.why);
    assert_eq!(
        r.items[0].kind,
        ReviewKind::PlanFinding,
        "the most severe first"
    );
    clock.advance(60);
    approve(&mut store, plan);
    let r = on(&store, later);
    assert!(of(&r, ReviewKind::PlanReviewDue).is_empty());
    assert!(of(&r, ReviewKind::PlanFinding).is_empty());

    // Actions: overdue, then open, then done.
    let fix = action::add(
        &mut store,
        &ActionInput {
            title: "Move the plan to the new site".into(),
            owner_id: Some(ben),
            due: "2027-03-01".into(),
            source: "plan_review".into(),
            plan_id: Some(plan),
            ..ActionInput::default()
        },
    )
    .expect("action");
    let r = on(&store, later);
    let overdue = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::ActionOverdue)
        .expect("overdue");
    assert_eq!(overdue.owner.as_deref(), Some("Ben Okafor"));
    assert_eq!(overdue.subject.kind, SubjectType::Action);
    assert!(overdue.why.contains("9 days ago"), "{}", overdue.why);
    action::update(
        &mut store,
        fix.id,
        &ActionEdit {
            due: Some("2027-04-30".into()),
            ..ActionEdit::default()
        },
    )
    .expect("later");
    assert_eq!(
        of(&on(&store, later), ReviewKind::ActionOpen),
        ["Move the plan to the new site"]
    );
    action::update(
        &mut store,
        fix.id,
        &ActionEdit {
            status: Some("done".into()),
            ..ActionEdit::default()
        },
    )
    .expect("done");
    let r = on(&store, later);
    assert!(of(&r, ReviewKind::ActionOpen).is_empty());
    assert!(of(&r, ReviewKind::ActionOverdue).is_empty());

    // Most urgent first, always the same way.
    let again = on(&store, later);
    assert_eq!(r, again);
    for pair in r.items.windows(2) {
        assert!(pair[0].severity >= pair[1].severity, "{:?}", r.items);
    }
}

/// A clock after now (the demo is written by the wall clock) that the test moves.
fn after_now() -> (keel::store::Clock, Arc<AtomicI64>) {
    let start = Utc::now() + TimeDelta::hours(1);
    let offset = Arc::new(AtomicI64::new(0));
    let seconds = offset.clone();
    let clock: keel::store::Clock = Arc::new(move || -> DateTime<Utc> {
        start + TimeDelta::seconds(seconds.load(Ordering::SeqCst))
    });
    (clock, offset)
}

#[test]
fn the_demo_review_shows_every_kind_of_item_today() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.keel");
    let store = keel::demo::write_demo(&path, "Ana").expect("demo");
    let review = on(&store, store.now().date_naive());
    for kind in ReviewKind::ALL {
        assert!(
            !of(&review, kind).is_empty(),
            "the demo's review has no {kind:?} item: {:?}",
            review.items.iter().map(|i| i.kind).collect::<Vec<_>>()
        );
    }
    // The peak-season plan, reviewed monthly, is past its review and never exercised.
    let peak = "Peak-season driver cover plan".to_owned();
    assert!(of(&review, ReviewKind::PlanReviewDue).contains(&peak));
    assert!(of(&review, ReviewKind::ExerciseDue).contains(&peak));
}

#[test]
fn a_bia_is_listed_when_its_dependencies_change_after_it_was_validated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.keel");
    drop(keel::demo::write_demo(&path, "Ana").expect("demo"));
    let (clock, offset) = after_now();
    let mut store = EngagementStore::open_with_clock(&path, clock)
        .expect("open")
        .with_actor("Ana");
    let today = store.now().date_naive() + TimeDelta::days(1);
    let tick = || offset.fetch_add(60, Ordering::SeqCst);
    // The demo leaves Payroll's BIA changed on purpose (its bureau gained a dependency);
    // the others are fresh.
    let bia_changed = |store: &EngagementStore| -> Vec<String> {
        of(&on(store, today), ReviewKind::BiaChanged)
            .into_iter()
            .filter(|name| name != "Payroll")
            .collect()
    };
    assert_eq!(of(&on(&store, today), ReviewKind::BiaChanged), ["Payroll"]);
    assert!(
        bia_changed(&store).is_empty(),
        "the demo's other BIAs are fresh"
    );

    // Two validated activities and a resource the first needs, by plain SQL.
    let conn = rusqlite::Connection::open(&path).expect("open raw");
    let validated: Vec<(i64, String)> = conn
        .prepare(
            "SELECT a.id, a.name FROM interview i JOIN activity a ON a.id = i.activity_id
             WHERE i.status = 'validated' AND a.name <> 'Payroll'
               AND EXISTS (SELECT 1 FROM activity_resource r WHERE r.activity_id = a.id)
             ORDER BY a.id",
        )
        .expect("query")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read");
    let (a, a_name) = validated[0].clone();
    let linked = |x: i64, y: i64| -> bool {
        conn.query_row(
            "SELECT count(*) > 0 FROM activity_dependency
             WHERE (activity_id = ?1 AND needs_activity_id = ?2) OR (activity_id = ?2 AND needs_activity_id = ?1)",
            [x, y],
            |r| r.get(0),
        )
        .expect("query")
    };
    let (b, b_name) = validated[1..]
        .iter()
        .find(|(b, _)| !linked(a, *b))
        .cloned()
        .expect("a validated activity A does not depend on");
    let needed: i64 = conn
        .query_row(
            "SELECT resource_id FROM activity_resource WHERE activity_id = ?1 ORDER BY resource_id LIMIT 1",
            [a],
            |r| r.get(0),
        )
        .expect("a resource");
    drop(conn);

    // The resource A needs gets a dependency of its own: A (validated, untouched) is
    // listed, with what changed.
    tick();
    let spare = store
        .add_catalogue_resource("Spare generator", ResourceKind::Equipment)
        .expect("resource")
        .id;
    store
        .add_resource_dependency(needed, spare, "")
        .expect("dependency");
    let r = on(&store, today);
    let item = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::BiaChanged && i.subject.id == a)
        .expect("A is listed");
    assert!(
        item.why.contains("now needs Spare generator"),
        "{}",
        item.why
    );
    assert_eq!(item.subject.kind, SubjectType::Activity);
    assert_eq!(item.link.id, a);

    // Validated again: gone.
    let revalidate = |store: &mut EngagementStore, id: i64| {
        tick();
        store
            .edit_interview(
                id,
                &InterviewEdit::Status {
                    status: InterviewStatus::Validated,
                    confirmed_by: "The process owner".into(),
                },
            )
            .expect("validated again");
    };
    for (id, _) in &validated {
        revalidate(&mut store, *id);
    }
    assert!(bia_changed(&store).is_empty(), "{:?}", bia_changed(&store));

    // B is said to be needed by A, on B's interview: A's dependencies changed while
    // A's interview stayed validated; B's own validation is withdrawn by the edit.
    tick();
    store
        .edit_interview(
            b,
            &InterviewEdit::AddDependency {
                other: a,
                upstream: false,
            },
        )
        .expect("A needs B");
    let listed = bia_changed(&store);
    assert!(listed.contains(&a_name), "{listed:?}");
    assert!(listed.contains(&b_name), "{listed:?}");
    let r = on(&store, today);
    let on_a = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::BiaChanged && i.subject.id == a)
        .expect("A");
    assert!(
        on_a.why.contains(&format!("now needs {b_name}")),
        "{}",
        on_a.why
    );
    let on_b = r
        .items
        .iter()
        .find(|i| i.kind == ReviewKind::BiaChanged && i.subject.id == b)
        .expect("B");
    assert!(on_b.why.contains("validated until"), "{}", on_b.why);
    revalidate(&mut store, a);
    revalidate(&mut store, b);
    assert!(bia_changed(&store).is_empty());
}

#[test]
fn the_review_settings_are_checked_and_audited() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    assert_eq!(
        store.review_settings().expect("settings"),
        ReviewSettings::default()
    );
    let before = store.audit_entry_count().expect("audit");
    let refused = store.set_review_settings(&ReviewSettings {
        bia_review_months: 0,
        demonstration_validity_months: 61,
        exercise_interval_months: 6,
    });
    let Err(keel::Error::Invalid(fields)) = refused else {
        panic!("expected a refusal, got {refused:?}");
    };
    assert!(fields.get("bia_review_months").is_some());
    assert!(fields.get("demonstration_validity_months").is_some());
    assert_eq!(store.audit_entry_count().expect("audit"), before);
    store
        .set_review_settings(&ReviewSettings {
            bia_review_months: 24,
            ..ReviewSettings::default()
        })
        .expect("set");
    let log = store.audit_log(1).expect("log");
    assert_eq!(log[0].entity, "review_settings");
    assert_eq!(log[0].new_value.as_deref(), Some("24"));
}

#[test]
fn keel_review_json_lists_items_with_kind_subject_due_why_and_severity() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8 path");
    let keel = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_keel"))
            .args(args)
            .env("KEEL_FACILITATOR", "Ana")
            .output()
            .expect("run keel");
        assert!(
            out.status.success(),
            "keel {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    keel(&["demo", file]);
    let review: serde_json::Value =
        serde_json::from_str(&keel(&["review", file, "--json", "--at", "2030-01-01"]))
            .expect("json");
    assert_eq!(review["today"], "2030-01-01");
    let items = review["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        for field in ["kind", "why", "severity"] {
            assert!(item[field].is_string(), "{field} in {item}");
        }
        assert!(item["due"].is_string() || item["due"].is_null(), "{item}");
        assert!(item["subject"]["type"].is_string(), "{item}");
        assert!(item["subject"]["id"].is_i64(), "{item}");
        assert!(item["subject"]["name"].is_string(), "{item}");
        assert!(item["link"]["page"].is_string() && item["link"]["id"].is_i64());
    }
    let kinds: Vec<&str> = items.iter().filter_map(|i| i["kind"].as_str()).collect();
    for kind in [
        "plan_review_due",
        "contact_unverified",
        "bia_outdated",
        "exercise_due",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let severities = ["critical", "high", "medium", "low"];
    let rank = |i: &serde_json::Value| {
        severities
            .iter()
            .position(|s| i["severity"] == *s)
            .expect("a severity")
    };
    assert!(items.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
    let distinct: std::collections::BTreeSet<&str> = kinds.iter().copied().collect();
    assert_eq!(
        review["counts"].as_array().expect("counts").len(),
        distinct.len()
    );

    let text = keel(&["review", file, "--at", "2030-01-01"]);
    assert!(text.contains("Exercise programme:"), "{text}");
    let settings = keel(&["review", "settings", file, "--bia-months", "24", "--json"]);
    let settings: serde_json::Value = serde_json::from_str(&settings).expect("json");
    assert_eq!(settings["bia_review_months"], 24);
    assert_eq!(settings["exercise_interval_months"], 12);
}
