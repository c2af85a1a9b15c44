//! BIA interviews through the store: every edit saved and audited, the rules enforced
//! at the field, the derived MTPD and tier, and the prioritised list.

use keel::EngagementStore;
use keel::Error;
use keel::domain::{
    ActivityInput, AuditAction, InterviewDuration, InterviewEdit, InterviewStatus, InterviewText,
    ResourceKind,
};

use crate::util::Fixture;

fn with_activity() -> (Fixture, EngagementStore, i64) {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let activity = store
        .add_activity(&ActivityInput {
            name: "Claims intake".into(),
            owner: "Sam".into(),
            ..Default::default()
        })
        .expect("activity");
    (fixture, store, activity.id)
}

fn rating(category_id: i64, bucket_id: i64, rating: u8) -> InterviewEdit {
    InterviewEdit::Rating {
        category_id,
        bucket_id,
        rating: Some(rating),
        rationale: String::new(),
    }
}

fn duration(field: InterviewDuration, value: &str) -> InterviewEdit {
    InterviewEdit::Duration {
        field,
        value: value.into(),
    }
}

fn field_error(err: Error, field: &str) -> String {
    match err {
        Error::Invalid(errors) => errors
            .get(field)
            .unwrap_or_else(|| panic!("no error at {field}: {errors:?}"))
            .to_owned(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// Everything an interview needs to be complete; the customer row reaches 4 at 8h.
fn complete_edits() -> Vec<InterviewEdit> {
    let mut edits = vec![InterviewEdit::AddInterviewee {
        name: "Sam".into(),
        role: "Process owner".into(),
    }];
    for category in 1..=6 {
        edits.push(rating(category, 1, 1));
    }
    edits.push(rating(3, 3, 4));
    edits.push(duration(InterviewDuration::Rto, "4h"));
    edits.push(duration(InterviewDuration::Rpo, "1h"));
    edits.push(InterviewEdit::MbcoPercent {
        value: "50%".into(),
    });
    edits
}

#[test]
fn a_new_activity_has_a_blank_draft_interview() {
    let (_f, store, id) = with_activity();
    let view = store.interview(id).expect("view");
    assert_eq!(view.interview.status, InterviewStatus::Draft);
    assert!(view.proposal.is_none());
    assert!(view.missing.len() >= 5, "{:?}", view.missing);
    let results = store.bia_results().expect("results");
    assert_eq!(results[0].status, None, "not started");
}

#[test]
fn each_edit_is_saved_at_once_and_survives_reopening() {
    let (fixture, mut store, id) = with_activity();
    store
        .edit_interview(
            id,
            &InterviewEdit::Text {
                field: InterviewText::Notes,
                value: "Peak in January".into(),
            },
        )
        .expect("notes");
    store.edit_interview(id, &rating(1, 2, 3)).expect("rating");
    store
        .edit_interview(id, &duration(InterviewDuration::Rpo, "PT30M"))
        .expect("rpo");
    drop(store);

    let view = fixture.open().interview(id).expect("view");
    assert_eq!(view.interview.notes, "Peak in January");
    assert_eq!(
        view.interview.facilitator, "Ana",
        "started by the store's actor"
    );
    assert_eq!(view.interview.ratings.len(), 1);
    assert_eq!(view.interview.rpo.value.map(|d| d.minutes()), Some(30));
}

#[test]
fn the_proposed_mtpd_follows_the_grid_and_sets_no_tier_without_an_rto() {
    let (_f, mut store, id) = with_activity();
    let view = store
        .edit_interview(id, &rating(1, 4, 4))
        .expect("financial 4 at 1d");
    assert_eq!(view.mtpd.map(|d| d.to_string()).as_deref(), Some("1d"));
    let view = store
        .edit_interview(id, &rating(2, 2, 5))
        .expect("operational 5 at 4h");
    let proposal = view.proposal.expect("proposal");
    assert_eq!(proposal.mtpd.to_string(), "4h");
    assert!(proposal.explanation.contains("Operational reaches 5"));
    assert_eq!(view.tier, None);
    let view = store
        .edit_interview(id, &duration(InterviewDuration::Rto, "2h"))
        .expect("rto");
    assert_eq!(view.tier, Some(1));
}

#[test]
fn an_rto_longer_than_the_mtpd_is_refused_at_the_field() {
    let (_f, mut store, id) = with_activity();
    store.edit_interview(id, &rating(1, 3, 4)).expect("mtpd 8h");
    let err = store
        .edit_interview(id, &duration(InterviewDuration::Rto, "1d"))
        .expect_err("refused");
    assert!(field_error(err, "rto").contains("longer than the MTPD (8h)"));
    assert_eq!(store.interview(id).expect("view").interview.rto.value, None);
}

#[test]
fn garbage_durations_are_refused_with_what_is_accepted() {
    let (_f, mut store, id) = with_activity();
    let err = store
        .edit_interview(id, &duration(InterviewDuration::Rpo, "soon"))
        .expect_err("refused");
    assert!(field_error(err, "rpo").contains("e.g. 90m, 4h"));
}

#[test]
fn an_mtpd_override_needs_a_reason_and_may_not_undercut_the_rto() {
    let (_f, mut store, id) = with_activity();
    store.edit_interview(id, &rating(1, 4, 4)).expect("mtpd 1d");
    store
        .edit_interview(id, &duration(InterviewDuration::Rto, "12h"))
        .expect("rto");
    let override_to = |value: &str, reason: &str| InterviewEdit::MtpdOverride {
        value: value.into(),
        reason: reason.into(),
    };
    let err = store
        .edit_interview(id, &override_to("3d", " "))
        .expect_err("no reason");
    field_error(err, "mtpd_override_reason");
    let err = store
        .edit_interview(id, &override_to("8h", "Contract penalty"))
        .expect_err("below the RTO");
    field_error(err, "mtpd_override");

    let view = store
        .edit_interview(
            id,
            &override_to("3d", "Insurance covers the first two days"),
        )
        .expect("override");
    assert_eq!(view.mtpd.map(|d| d.to_string()).as_deref(), Some("3d"));
    assert_eq!(
        view.proposal.map(|p| p.mtpd.to_string()).as_deref(),
        Some("1d"),
        "the proposal is kept beside it"
    );
    let view = store
        .edit_interview(id, &override_to("", ""))
        .expect("back to the proposal");
    assert_eq!(view.mtpd.map(|d| d.to_string()).as_deref(), Some("1d"));
    assert_eq!(view.interview.mtpd_override_reason, "");
}

#[test]
fn rows_stay_monotone_and_a_fall_needs_a_rationale() {
    let (_f, mut store, id) = with_activity();
    store.edit_interview(id, &rating(1, 3, 1)).expect("8h");
    let view = store.edit_interview(id, &rating(1, 1, 3)).expect("1h");
    let row: Vec<u8> = [1, 3]
        .iter()
        .map(|b| {
            view.interview
                .ratings
                .iter()
                .find(|c| c.category_id == 1 && c.bucket_id == *b)
                .map_or(9, |c| c.rating)
        })
        .collect();
    assert_eq!(row, [3, 3], "the later cell was raised");

    let err = store
        .edit_interview(id, &rating(1, 3, 2))
        .expect_err("a fall");
    field_error(err, "rationale");
    let view = store
        .edit_interview(
            id,
            &InterviewEdit::Rating {
                category_id: 1,
                bucket_id: 3,
                rating: Some(2),
                rationale: "Orders move to the partner".into(),
            },
        )
        .expect("explained fall");
    assert_eq!(view.falls.len(), 1);
}

#[test]
fn completion_is_refused_until_everything_is_there_then_validation_names_who_confirmed() {
    let (_f, mut store, id) = with_activity();
    let complete = InterviewEdit::Status {
        status: InterviewStatus::Complete,
        confirmed_by: String::new(),
    };
    let err = store.edit_interview(id, &complete).expect_err("incomplete");
    assert!(field_error(err, "status").contains("Still needed"));

    store
        .edit_interview_all(id, &complete_edits())
        .expect("fill");
    let view = store.edit_interview(id, &complete).expect("complete");
    assert_eq!(view.interview.status, InterviewStatus::Complete);
    assert!(view.missing.is_empty());

    let validate = |by: &str| InterviewEdit::Status {
        status: InterviewStatus::Validated,
        confirmed_by: by.into(),
    };
    field_error(
        store
            .edit_interview(id, &validate(" "))
            .expect_err("nobody"),
        "confirmed_by",
    );
    let view = store
        .edit_interview(id, &validate("Sam"))
        .expect("validated");
    assert_eq!(view.interview.validated_by.as_deref(), Some("Sam"));
    assert!(view.interview.validated_at.is_some());

    // Changing what Sam confirmed takes the validation away; losing a required value
    // takes the interview back to draft.
    let view = store
        .edit_interview(id, &duration(InterviewDuration::Rpo, "2h"))
        .expect("edit");
    assert_eq!(view.interview.status, InterviewStatus::Complete);
    assert_eq!(view.interview.validated_by, None);
    let view = store
        .edit_interview(id, &duration(InterviewDuration::Rto, ""))
        .expect("clear rto");
    assert_eq!(view.interview.status, InterviewStatus::Draft);
}

#[test]
fn interview_edits_are_in_the_audit_log_with_old_and_new_values() {
    let (_f, mut store, id) = with_activity();
    store.edit_interview(id, &rating(1, 3, 4)).expect("mtpd");
    store
        .edit_interview(id, &duration(InterviewDuration::Rto, "4h"))
        .expect("rto");
    store
        .edit_interview(id, &duration(InterviewDuration::Rto, "6h"))
        .expect("rto again");
    let log = store.audit_log(20).expect("log");
    let latest = &log[0];
    assert_eq!(
        (latest.entity.as_str(), latest.entity_label.as_str()),
        ("interview", "Claims intake")
    );
    assert_eq!(latest.action, AuditAction::Update);
    assert_eq!(latest.field.as_deref(), Some("rto"));
    assert_eq!(
        (latest.old_value.as_deref(), latest.new_value.as_deref()),
        (Some("4h"), Some("6h"))
    );
    assert!(
        log.iter()
            .any(|e| e.field.as_deref() == Some("impact: Financial after 8h")
                && e.new_value.as_deref() == Some("4"))
    );
}

#[test]
fn a_refused_edit_in_a_batch_changes_nothing() {
    let (_f, mut store, id) = with_activity();
    let before = store.info().expect("info").audit_entries;
    let err = store
        .edit_interview_all(
            id,
            &[rating(1, 1, 2), duration(InterviewDuration::Rpo, "never")],
        )
        .expect_err("second edit refused");
    field_error(err, "rpo");
    assert!(
        store
            .interview(id)
            .expect("view")
            .interview
            .ratings
            .is_empty()
    );
    assert_eq!(store.info().expect("info").audit_entries, before);
}

#[test]
fn the_prioritised_list_puts_the_shortest_rto_first() {
    let (_f, mut store, slow) = with_activity();
    let fast = store
        .add_activity(&ActivityInput {
            name: "Payments".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    store
        .edit_interview_all(slow, &complete_edits())
        .expect("slow");
    let mut fast_edits = complete_edits();
    fast_edits.push(duration(InterviewDuration::Rto, "1h"));
    store.edit_interview_all(fast, &fast_edits).expect("fast");
    store
        .edit_interview(slow, &duration(InterviewDuration::Rto, "8h"))
        .expect("slower");

    let results = store.bia_results().expect("results");
    let order: Vec<(&str, Option<u8>)> = results
        .iter()
        .map(|r| (r.activity.as_str(), r.tier))
        .collect();
    assert_eq!(order, [("Payments", Some(1)), ("Claims intake", Some(2))]);
    assert_eq!(results[0].mtpd.map(|d| d.minutes()), Some(480));
}

#[test]
fn deleting_an_activity_logs_the_interview_it_takes_with_it() {
    let (_f, mut store, id) = with_activity();
    store.edit_interview(id, &rating(1, 1, 2)).expect("started");
    store.delete_activity(id).expect("delete");
    let log = store.audit_log(20).expect("log");
    assert!(log.iter().any(|e| e.entity == "interview"
        && e.action == AuditAction::Delete
        && e.old_value.as_deref() == Some("draft")));
}

#[test]
fn completeness_names_what_is_missing_and_the_iso_elements_not_covered() {
    let (_f, mut store, id) = with_activity();
    store
        .add_activity(&ActivityInput {
            name: "Payments".into(),
            ..Default::default()
        })
        .expect("second activity");
    store.edit_interview(id, &rating(1, 1, 1)).expect("started");
    let c = store.bia_completeness().expect("completeness");
    assert_eq!(c.not_started, ["Payments"]);
    assert_eq!(c.incomplete, ["Claims intake"]);
    let item = |i: &str| c.iso.iter().find(|e| e.item == i).expect("element");
    assert!(item("a").covered);
    assert!(!item("c").covered);
    assert_eq!(
        item("c").detail,
        "1 of 2 activities have impact rated over time."
    );
    assert!(!item("g").covered && !item("h").covered);

    let results = store.bia_results().expect("results");
    let claims = results
        .iter()
        .find(|r| r.activity == "Claims intake")
        .expect("row");
    assert_eq!(claims.peak_by_bucket.len(), 8);
    assert_eq!(claims.peak_by_bucket[0], Some(1));
}

#[test]
fn resources_are_picked_or_created_on_the_spot_with_amounts_over_time() {
    let (_f, mut store, id) = with_activity();
    let add = |name: &str, kind| InterviewEdit::AddResource {
        resource_id: None,
        name: name.into(),
        resource_kind: kind,
    };
    let view = store
        .edit_interview_all(
            id,
            &[
                add("Claims handlers", ResourceKind::People),
                add("claims HANDLERS", ResourceKind::People),
            ],
        )
        .expect("add twice");
    assert_eq!(
        view.resources.len(),
        1,
        "the same name and kind is the same resource"
    );
    let handlers = view.resources[0].resource.clone();
    assert_eq!(
        store.resources().expect("catalogue"),
        std::slice::from_ref(&handlers)
    );

    let view = store
        .edit_interview(
            id,
            &InterviewEdit::ResourceAmount {
                resource_id: handlers.id,
                bucket_id: 2,
                value: "6".into(),
            },
        )
        .expect("headcount after 4h");
    assert_eq!(view.resources[0].amounts.len(), 1);
    assert_eq!(view.resources[0].amounts[0].quantity, 6.0);
    let err = store
        .edit_interview(
            id,
            &InterviewEdit::ResourceAmount {
                resource_id: handlers.id,
                bucket_id: 2,
                value: "six".into(),
            },
        )
        .expect_err("not a number");
    field_error(err, "resource_amount");

    let view = store
        .edit_interview(
            id,
            &InterviewEdit::RemoveResource {
                resource_id: handlers.id,
            },
        )
        .expect("remove");
    assert!(view.resources.is_empty());
    assert_eq!(
        store.resources().expect("catalogue").len(),
        1,
        "the catalogue keeps the resource"
    );
}

#[test]
fn dependencies_between_activities_read_both_ways() {
    let (_f, mut store, claims) = with_activity();
    let payments = store
        .add_activity(&ActivityInput {
            name: "Payments".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    let view = store
        .edit_interview(
            claims,
            &InterviewEdit::AddDependency {
                other: payments,
                upstream: false,
            },
        )
        .expect("payments needs claims");
    assert_eq!(
        view.downstream
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["Payments"]
    );
    let other = store.interview(payments).expect("view");
    assert_eq!(
        other
            .upstream
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["Claims intake"]
    );

    let err = store
        .edit_interview(
            claims,
            &InterviewEdit::AddDependency {
                other: claims,
                upstream: true,
            },
        )
        .expect_err("itself");
    field_error(err, "dependency");

    let results = store.bia_results().expect("results");
    let dependencies = |name: &str| {
        results
            .iter()
            .find(|r| r.activity == name)
            .map(|r| r.dependencies)
    };
    assert_eq!(
        (dependencies("Payments"), dependencies("Claims intake")),
        (Some(1), Some(0))
    );
}

#[test]
fn the_prioritised_list_read_in_one_pass_agrees_with_each_interview_read_alone() {
    // bia_results reads every interview in four queries; the interview screen reads one.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let results = store.bia_results().expect("results");
    assert!(results.len() >= 20, "the demo's activities");
    assert!(
        results.iter().any(|r| r.status.is_some()),
        "some interviewed"
    );
    for result in &results {
        let view = store.interview(result.activity_id).expect("one interview");
        assert_eq!(result.mtpd, view.mtpd, "{}", result.activity);
        assert_eq!(result.tier, view.tier, "{}", result.activity);
        assert_eq!(result.rto, view.interview.rto.value, "{}", result.activity);
        assert_eq!(result.rpo, view.interview.rpo.value, "{}", result.activity);
        assert_eq!(result.missing, view.missing.len(), "{}", result.activity);
        if let Some(status) = result.status {
            assert_eq!(status, view.interview.status, "{}", result.activity);
        }
    }
}

#[test]
fn durations_and_dates_as_people_say_them_are_accepted_and_an_ambiguous_date_is_asked() {
    let (_fixture, mut store, activity) = with_activity();
    let view = store
        .edit_interview(activity, &duration(InterviewDuration::Rto, "half a day"))
        .expect("half a day");
    assert_eq!(view.interview.rto.value.map(|d| d.minutes()), Some(12 * 60));
    let view = store
        .edit_interview(activity, &duration(InterviewDuration::Rpo, "1h30"))
        .expect("1h30");
    assert_eq!(view.interview.rpo.value.map(|d| d.minutes()), Some(90));
    let view = store
        .edit_interview(
            activity,
            &InterviewEdit::Date {
                value: "2 Dec 2026".into(),
            },
        )
        .expect("2 Dec 2026");
    assert_eq!(
        view.interview.interview_date.map(|d| d.to_string()),
        Some("2026-12-02".into())
    );
    let err = store
        .edit_interview(
            activity,
            &InterviewEdit::Date {
                value: "12/02/2026".into(),
            },
        )
        .expect_err("which order?");
    let message = field_error(err, "interview_date");
    assert!(message.contains("12 February 2026"), "{message}");
    assert!(message.contains("2 December 2026"), "{message}");
    let kept = store.interview(activity).expect("view");
    assert_eq!(
        kept.interview.interview_date.map(|d| d.to_string()),
        Some("2026-12-02".into()),
        "a refused edit changes nothing"
    );
}

/// The window's undo of an edit that withdrew a validation sends, in one batch, what puts
/// the content back and then the validation by the one who confirmed it.
#[test]
fn an_undo_batch_puts_back_the_content_then_the_validation() {
    let (_f, mut store, id) = with_activity();
    store
        .edit_interview_all(id, &complete_edits())
        .expect("fill");
    let view = store
        .edit_interview(
            id,
            &InterviewEdit::Status {
                status: InterviewStatus::Validated,
                confirmed_by: "Sam".into(),
            },
        )
        .expect("validated");
    let sam = view.interview.interviewees[0].clone();
    let view = store
        .edit_interview(id, &InterviewEdit::RemoveInterviewee { id: sam.id })
        .expect("removed");
    assert_ne!(view.interview.status, InterviewStatus::Validated);
    let view = store
        .edit_interview_all(
            id,
            &[
                InterviewEdit::AddInterviewee {
                    name: sam.name,
                    role: sam.role,
                },
                InterviewEdit::Status {
                    status: InterviewStatus::Validated,
                    confirmed_by: "Sam".into(),
                },
            ],
        )
        .expect("undone");
    assert_eq!(view.interview.status, InterviewStatus::Validated);
    assert_eq!(view.interview.validated_by.as_deref(), Some("Sam"));
}
