//! Plans: generated sections that follow the data until frozen, review and sign-off,
//! frozen versions that SQL cannot change, and the hash check that catches what
//! bypasses it.

use keel::EngagementStore;
use keel::Error;
use keel::domain::{
    Duration, InterviewDuration, InterviewEdit, PersonInput, PlanEdit, PlanState, StepInput,
};

use crate::util::Fixture;

/// Dispatch (RTO 4h) needs the WMS, which needs the server; a plan for it all with two
/// approvers. Returns the store, Dispatch's id and the plan's id.
fn engagement(fixture: &Fixture) -> (EngagementStore, i64, i64) {
    let mut store = fixture.open();
    let (dispatch, _, _) = crate::util::dispatch_on_wms_on_server(&mut store);
    let plan = crate::util::warehouse_plan(
        &mut store,
        &[("Morgan Hale", "COO"), ("Priya Shah", "Head of Risk")],
    );
    (store, dispatch, plan)
}

fn approve_all(store: &mut EngagementStore, plan: i64) {
    store.submit_plan(plan).expect("in review");
    assert!(
        !store
            .approve_plan(plan, "morgan hale", "", "")
            .expect("first")
    );
    assert!(
        store
            .approve_plan(plan, "Priya Shah", "Head of Risk", "Fine.")
            .expect("second")
    );
}

fn rto(store: &EngagementStore, plan: i64) -> Option<u32> {
    store.plan_view(plan).expect("view").content.activities[0]
        .rto_min
        .map(Duration::minutes)
}

#[test]
fn generated_sections_follow_the_data_while_draft_and_stop_once_frozen() {
    let fixture = Fixture::new();
    let (mut store, dispatch, plan) = engagement(&fixture);
    assert_eq!(rto(&store, plan), Some(240));
    let set_rto = |store: &mut EngagementStore, value: &str| {
        store
            .edit_interview(
                dispatch,
                &InterviewEdit::Duration {
                    field: InterviewDuration::Rto,
                    value: value.into(),
                },
            )
            .expect("rto");
    };
    set_rto(&mut store, "2h");
    assert_eq!(rto(&store, plan), Some(120), "a draft follows the data");

    approve_all(&mut store, plan);
    let view = store.plan_view(plan).expect("view");
    assert_eq!(view.summary.state, PlanState::Approved);
    set_rto(&mut store, "1h");
    assert_eq!(
        rto(&store, plan),
        Some(120),
        "the approved version does not"
    );
    let frozen = store.frozen_version(plan, 1).expect("v1");
    assert_eq!(
        frozen.content.activities[0].rto_min.map(Duration::minutes),
        Some(120)
    );
    assert_eq!(frozen.approvals.len(), 2);
    assert_eq!(
        frozen.approvals[0].role, "COO",
        "the listed role when none is given"
    );
    assert!(
        !frozen.open_gaps.is_empty(),
        "approved with its standards-check gaps recorded"
    );

    // The next edit starts version 2 as a draft, which follows the data again.
    store
        .edit_plan(
            plan,
            &PlanEdit::Section {
                key: "activation".into(),
                body: "Invoke when the WMS is down for more than an hour.".into(),
            },
        )
        .expect("edit");
    let view = store.plan_view(plan).expect("view");
    assert_eq!(
        (view.summary.version, view.summary.state),
        (2, PlanState::Draft)
    );
    assert_eq!(
        view.content.activities[0].rto_min.map(Duration::minutes),
        Some(60)
    );
    assert!(
        view.changes
            .iter()
            .any(|c| c == "RTO of \u{201c}Dispatch\u{201d}: 2h \u{2192} 1h"),
        "{:?}",
        view.changes
    );
    assert!(
        view.changes
            .iter()
            .any(|c| c.starts_with("Section \u{201c}Activation"))
    );
    assert_eq!(view.versions.len(), 2);
    assert_eq!(
        store.frozen_version(plan, 1).expect("v1").content,
        frozen.content
    );
}

#[test]
fn the_snapshot_hash_is_the_same_for_the_same_content_on_another_run() {
    let a = Fixture::new();
    let b = Fixture::new();
    let (store_a, _, plan_a) = engagement(&a);
    drop(engagement(&b).0);
    // Another run, another clock: nothing of the run's time goes into the content.
    let later = std::sync::Arc::new(chrono::Utc::now);
    let store_b = EngagementStore::open_with_clock(&b.path, later).expect("open");
    let view_a = store_a.plan_view(plan_a).expect("a");
    let view_b = store_b.plan_view(plan_a).expect("b");
    assert_eq!(view_a.content.canonical(), view_b.content.canonical());
    assert!(
        !view_a.content.canonical().contains("2026-03-02"),
        "no time of the run in it"
    );
}

#[test]
fn frozen_content_cannot_be_changed_or_removed_with_plain_sql() {
    let fixture = Fixture::new();
    let (mut store, _, plan) = engagement(&fixture);
    approve_all(&mut store, plan);
    drop(store);
    let conn = rusqlite::Connection::open(&fixture.path).expect("raw sql");
    for sql in [
        "UPDATE plan_frozen SET snapshot = '{}'",
        "UPDATE plan_frozen SET sha256 = lower(sha256)",
        "DELETE FROM plan_frozen",
        "UPDATE plan_approval SET comment = 'forged'",
        "DELETE FROM plan_approval",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(err.to_string().contains("frozen"), "{sql}: {err}");
    }
    let count: i64 = conn
        .query_row("SELECT count(*) FROM plan_approval", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 2);
}

#[test]
fn verify_finds_a_byte_changed_behind_the_triggers_back() {
    let fixture = Fixture::new();
    let (mut store, _, plan) = engagement(&fixture);
    approve_all(&mut store, plan);
    assert_eq!(store.verify_plans(Some(plan)).expect("verify"), (1, vec![]));
    drop(store);
    crate::util::alter_behind_trigger(
        &fixture.path,
        "plan_frozen_no_update",
        "UPDATE plan_frozen SET snapshot = replace(snapshot, 'Dispatch', 'Dispatcx')",
    );
    let store = fixture.open();
    let (checked, mismatches) = store.verify_plans(None).expect("verify");
    assert_eq!(checked, 1);
    assert_eq!(mismatches.len(), 1);
    assert_eq!((mismatches[0].plan_id, mismatches[0].version), (plan, 1));
    assert_ne!(mismatches[0].stored, mismatches[0].computed);
}

#[test]
fn sign_off_refuses_what_is_not_its_turn_and_review_edits_withdraw_approvals() {
    let fixture = Fixture::new();
    let (mut store, _, plan) = engagement(&fixture);
    assert!(
        matches!(
            store.approve_plan(plan, "Morgan Hale", "", ""),
            Err(Error::Conflict(_))
        ),
        "a draft"
    );
    store.submit_plan(plan).expect("review");
    assert!(matches!(
        store.approve_plan(plan, "Someone Else", "", ""),
        Err(Error::Invalid(_))
    ));
    store
        .approve_plan(plan, "Morgan Hale", "", "")
        .expect("one");
    assert!(
        matches!(
            store.approve_plan(plan, "Morgan Hale", "", ""),
            Err(Error::Conflict(_))
        ),
        "twice"
    );
    assert_eq!(store.plan_view(plan).expect("view").approvals.len(), 1);
    store
        .edit_plan(
            plan,
            &PlanEdit::Section {
                key: "purpose".into(),
                body: "Keep the warehouse shipping.".into(),
            },
        )
        .expect("edit in review");
    let view = store.plan_view(plan).expect("view");
    assert_eq!(view.summary.state, PlanState::Draft);
    assert!(
        view.approvals.is_empty(),
        "approvals of changed content are withdrawn"
    );
    assert!(
        matches!(
            store.edit_plan(
                plan,
                &PlanEdit::Section {
                    key: "resources".into(),
                    body: "x".into()
                }
            ),
            Err(Error::Invalid(_))
        ),
        "a generated-only section is not written"
    );
}

#[test]
fn the_standards_check_shrinks_as_sections_are_written_and_steps_are_checked() {
    let fixture = Fixture::new();
    let (mut store, _, plan) = engagement(&fixture);
    let open = |store: &EngagementStore| {
        store
            .plan_view(plan)
            .expect("view")
            .check
            .iter()
            .filter(|i| !i.present)
            .count()
    };
    let before = open(&store);
    for key in ["purpose", "activation"] {
        store
            .edit_plan(
                plan,
                &PlanEdit::Section {
                    key: key.into(),
                    body: "Written.".into(),
                },
            )
            .expect("section");
    }
    assert_eq!(open(&store), before - 2);

    // Keel proposes the server before the WMS; put them the wrong way round.
    let mut steps = store.propose_plan_steps(plan).expect("proposal");
    assert_eq!(
        steps.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["Recover Server", "Recover WMS"]
    );
    steps.reverse();
    store
        .edit_plan(plan, &PlanEdit::Steps { steps })
        .expect("steps");
    let view = store.plan_view(plan).expect("view");
    assert!(
        view.content.steps[0]
            .warning
            .as_deref()
            .is_some_and(|w| w.contains("Server"))
    );
    assert!(view.content.steps[1].warning.is_none());
    assert_eq!(open(&store), before - 3, "recovery steps are there now");
    let bad = store.edit_plan(
        plan,
        &PlanEdit::Steps {
            steps: vec![StepInput {
                title: "Call drivers".into(),
                duration: "soon".into(),
                ..Default::default()
            }],
        },
    );
    assert!(matches!(bad, Err(Error::Invalid(_))));
}

#[test]
fn people_on_the_call_tree_become_the_plans_contacts_and_cannot_be_deleted() {
    let fixture = Fixture::new();
    let (mut store, _, plan) = engagement(&fixture);
    let person = |store: &mut EngagementStore, name: &str, verified: &str| {
        store
            .add_person(&PersonInput {
                name: name.into(),
                phone: "+44 1632 960000".into(),
                last_verified: verified.into(),
                ..Default::default()
            })
            .expect("person")
            .id
    };
    let ana = person(&mut store, "Ana Lopez", "2026-02-01");
    let ben = person(&mut store, "Ben Okafor", "2024-01-01");
    assert!(matches!(
        store.add_person(&PersonInput {
            name: "ana lopez".into(),
            ..Default::default()
        }),
        Err(Error::Invalid(_))
    ));
    store
        .edit_plan(
            plan,
            &PlanEdit::CallTree {
                calls: vec![keel::domain::CallInput {
                    caller_id: None,
                    callee_id: ana,
                    fallback_id: Some(ben),
                }],
            },
        )
        .expect("call tree");
    let view = store.plan_view(plan).expect("view");
    assert_eq!(view.content.call_tree[0].callee, "Ana Lopez");
    assert_eq!(view.content.contacts.len(), 2);
    assert_eq!(
        view.stale_contacts,
        ["Ben Okafor"],
        "not verified within twelve months"
    );
    assert!(matches!(store.delete_person(ben), Err(Error::Conflict(_))));
}

#[test]
fn the_demo_has_an_approved_plan_with_two_approvers_and_a_draft_with_gaps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let plans = store.plans().expect("plans");
    let approved = plans
        .iter()
        .find(|p| p.state == PlanState::Approved)
        .expect("approved");
    assert_eq!(
        store
            .frozen_version(approved.id, 1)
            .expect("v1")
            .approvals
            .len(),
        2
    );
    let view = store.plan_view(approved.id).expect("view");
    assert!(!view.content.steps.is_empty() && !view.content.call_tree.is_empty());
    assert!(
        view.content
            .activities
            .iter()
            .any(|a| a.name == "Order picking and packing"),
        "site scope"
    );
    let draft = plans
        .iter()
        .find(|p| p.state == PlanState::Draft)
        .expect("draft");
    let check = store.plan_view(draft.id).expect("view").check;
    assert!(
        check.iter().any(|i| !i.present),
        "open standards-check gaps"
    );
    assert!(check.iter().any(|i| i.present));
}
