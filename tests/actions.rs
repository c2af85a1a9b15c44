//! Actions: verified only by an approved version of their plan frozen after they were
//! done (and naming it), risk accepted only with who and why, an action from a finding
//! about a plan's step being about the plan, the open ones listed in the plan's draft,
//! and `keel action` as a script drives it.

use std::process::Command;

use keel::EngagementStore;
use keel::Error;
use keel::domain::{
    AboutRef, ActionEdit, ActionInput, ActionStatus, FindingCategory, NewFinding, PersonInput,
    PlanEdit, Severity, StepInput,
};
use keel::ops::action;

use crate::util::{Fixture, ManualClock};

/// A plan with one approver and a step, approved; and its owner-to-be.
fn plan_and_person(store: &mut EngagementStore) -> (i64, i64) {
    let plan = crate::util::warehouse_plan(store, &[("Morgan Hale", "COO")]);
    store
        .edit_plan(
            plan,
            &PlanEdit::Steps {
                steps: vec![StepInput {
                    title: "Move to the standby site".into(),
                    ..Default::default()
                }],
            },
        )
        .expect("steps");
    approve(store, plan);
    let owner = store
        .add_person(&PersonInput {
            name: "Gemma Lowe".into(),
            ..Default::default()
        })
        .expect("person")
        .id;
    (plan, owner)
}

fn approve(store: &mut EngagementStore, plan: i64) {
    store.submit_plan(plan).expect("in review");
    assert!(
        store
            .approve_plan(plan, "Morgan Hale", "", "")
            .expect("approve")
    );
}

fn to(status: &str) -> ActionEdit {
    ActionEdit {
        status: Some(status.into()),
        ..ActionEdit::default()
    }
}

#[test]
fn a_plan_action_is_verified_only_by_a_version_approved_after_it_was_done() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let (plan, owner) = plan_and_person(&mut store);
    clock.advance(3600);
    let finding = store
        .add_finding(
            None,
            &NewFinding {
                severity: Severity::High,
                category: FindingCategory::Plan,
                about: Some(AboutRef::Step(plan, 1)),
                text: "The standby site's keys are not where the step says".into(),
            },
            None,
        )
        .expect("finding");
    let added = action::add(
        &mut store,
        &ActionInput {
            title: "Say where the keys are".into(),
            owner_id: Some(owner),
            due: "2026-04-30".into(),
            source: "finding".into(),
            finding_id: Some(finding.id),
            ..ActionInput::default()
        },
    )
    .expect("action");
    assert_eq!(
        added.plan_id,
        Some(plan),
        "a finding about a step is about its plan"
    );
    assert_eq!(added.status, ActionStatus::Open);

    // The next draft lists it.
    store
        .edit_plan(
            plan,
            &PlanEdit::Section {
                key: "purpose".into(),
                body: "Keep dispatching.".into(),
            },
        )
        .expect("next version");
    let draft = store.plan_view(plan).expect("view").content;
    assert_eq!(draft.open_actions.len(), 1);
    assert_eq!(draft.open_actions[0].owner, "Gemma Lowe");
    assert!(
        draft.open_actions[0].from.contains("keys"),
        "{:?}",
        draft.open_actions
    );

    clock.advance(3600);
    let done = action::update(&mut store, added.id, &to("done")).expect("done");
    assert!(done.done_at.is_some());
    assert!(
        store
            .plan_view(plan)
            .expect("view")
            .content
            .open_actions
            .is_empty(),
        "a done action is no longer open"
    );

    // Version 1 was approved before it was done: refused, and nothing changed.
    let before = store.audit_entry_count().expect("audit");
    let refused = action::update(&mut store, added.id, &to("verified"));
    let Err(Error::Conflict(message)) = refused else {
        panic!("expected a refusal, got {refused:?}");
    };
    assert!(message.contains("version, 1"), "{message}");
    assert_eq!(store.action(added.id).expect("action"), done);
    assert_eq!(store.audit_entry_count().expect("audit"), before);

    // Version 2, approved after it was done, closes it.
    clock.advance(3600);
    approve(&mut store, plan);
    let verified = action::update(&mut store, added.id, &to("verified")).expect("verified");
    assert_eq!(verified.status, ActionStatus::Verified);
    assert_eq!(verified.verified_version, Some(2));
    let log = store.audit_log(3).expect("log");
    assert!(
        log.iter()
            .any(|e| e.field.as_deref() == Some("verified_by_version")
                && e.new_value.as_deref() == Some("2")),
        "{log:?}"
    );
}

#[test]
fn risk_accepted_needs_who_and_why_and_nothing_changes_without_them() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let (plan, owner) = plan_and_person(&mut store);
    let added = action::add(
        &mut store,
        &ActionInput {
            title: "Second generator".into(),
            owner_id: Some(owner),
            due: "2026-06-30".into(),
            source: "plan review".into(),
            plan_id: Some(plan),
            ..ActionInput::default()
        },
    )
    .expect("action");
    let before = store.audit_entry_count().expect("audit");
    for edit in [
        to("risk accepted"),
        ActionEdit {
            accepted_by: Some("Morgan Hale".into()),
            ..to("risk_accepted")
        },
        ActionEdit {
            accepted_why: Some("  ".into()),
            accepted_by: Some("Morgan Hale".into()),
            ..to("risk_accepted")
        },
    ] {
        let refused = action::update(&mut store, added.id, &edit);
        let Err(Error::Invalid(fields)) = refused else {
            panic!("expected a refusal, got {refused:?}");
        };
        assert!(fields.get("accepted_why").is_some());
    }
    assert_eq!(store.action(added.id).expect("action"), added);
    assert_eq!(store.audit_entry_count().expect("audit"), before);

    let accepted = action::update(
        &mut store,
        added.id,
        &ActionEdit {
            accepted_by: Some("Morgan Hale".into()),
            accepted_why: Some("The site closes next year".into()),
            ..to("risk_accepted")
        },
    )
    .expect("accepted");
    assert_eq!(accepted.status, ActionStatus::RiskAccepted);
    assert_eq!(accepted.accepted_by, "Morgan Hale");
    // An owner who has actions is not deleted from under them.
    assert!(matches!(
        store.delete_person(owner),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn a_new_action_is_checked_field_by_field() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let refused = action::add(
        &mut store,
        &ActionInput {
            source: "incident_review".into(),
            due: "soon".into(),
            ..ActionInput::default()
        },
    );
    let Err(Error::Invalid(fields)) = refused else {
        panic!("expected a refusal, got {refused:?}");
    };
    for field in ["title", "owner", "due", "event"] {
        assert!(fields.get(field).is_some(), "{field}");
    }
    let refused = action::add(
        &mut store,
        &ActionInput {
            title: "Check".into(),
            owner_id: Some(99),
            due: "2026-05-01".into(),
            source: "plan_review".into(),
            plan_id: Some(1),
            ..ActionInput::default()
        },
    );
    assert!(matches!(refused, Err(Error::Invalid(_))), "{refused:?}");
    assert!(store.actions(None).expect("actions").is_empty());
}

#[test]
fn keel_action_adds_updates_and_lists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8 path");
    let keel = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_keel"))
            .args(args)
            .env("KEEL_FACILITATOR", "Ana")
            .output()
            .expect("run keel")
    };
    let ok = |args: &[&str]| {
        let out = keel(args);
        assert!(
            out.status.success(),
            "keel {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(&["demo", file]);
    let id = ok(&[
        "action",
        "add",
        file,
        "--title",
        "Re-check the call tree",
        "--owner",
        "sian roberts",
        "--due",
        "2030-01-31",
        "--plan",
        "1",
    ]);
    let id = id.trim();
    ok(&[
        "action",
        "update",
        file,
        "--id",
        id,
        "--status",
        "in progress",
    ]);
    let refused = keel(&[
        "action",
        "update",
        file,
        "--id",
        id,
        "--status",
        "risk_accepted",
    ]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--accepted-by"), "{stderr}");
    ok(&["action", "update", file, "--id", id, "--status", "done"]);
    let refused = keel(&["action", "update", file, "--id", id, "--status", "verified"]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("revise the plan, have it approved, then verify"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(&["action", "list", file, "--json"])).expect("json");
    let action = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|a| a["title"] == "Re-check the call tree")
        .expect("the action added");
    assert_eq!(action["title"], "Re-check the call tree");
    assert_eq!(action["owner"], "Sian Roberts");
    assert_eq!(action["status"], "done");
    assert_eq!(action["source"], "plan_review");
    assert_eq!(action["plan_id"], 1);
    assert_eq!(action["due"], "2030-01-31");
}
