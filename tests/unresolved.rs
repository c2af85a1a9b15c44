//! Values kept as typed: what Keel cannot accept in a checked interview field is kept
//! exactly as typed, unresolved, with the reason, across reopening, until it is
//! corrected; and any text typed is either accepted or kept, never lost.

use keel::EngagementStore;
use keel::domain::{
    ActivityInput, BiaSettingsEdit, DateOrder, InterviewDuration, InterviewEdit, InterviewStatus,
};
use proptest::prelude::*;

use crate::util::Fixture;

fn with_activity() -> (Fixture, EngagementStore, i64) {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let activity = store
        .add_activity(&ActivityInput {
            name: "Dispatch".into(),
            ..Default::default()
        })
        .expect("activity");
    (fixture, store, activity.id)
}

fn rto(value: &str) -> InterviewEdit {
    InterviewEdit::Duration {
        field: InterviewDuration::Rto,
        value: value.into(),
    }
}

/// The customer row reaches 4 (unacceptable) at 8h, so the MTPD proposed is 8h.
fn mtpd_8h() -> InterviewEdit {
    InterviewEdit::Rating {
        category_id: 3,
        bucket_id: 3,
        rating: Some(4),
        rationale: String::new(),
    }
}

#[test]
fn an_rto_beyond_the_mtpd_is_kept_as_typed_until_corrected() {
    let (fixture, mut store, id) = with_activity();
    store.edit_interview(id, &mtpd_8h()).expect("grid");
    store.edit_interview(id, &rto("4h")).expect("rto");
    let view = store
        .edit_interview_keeping(id, &[rto("2w")])
        .expect("kept, not refused");
    let kept = &view.interview.unresolved;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].field.as_str(), kept[0].text.as_str()),
        ("rto", "2w")
    );
    assert!(kept[0].message.contains("MTPD"), "{}", kept[0].message);
    assert_eq!(
        view.interview.rto.value.map(|d| d.to_string()).as_deref(),
        Some("4h"),
        "the value in force is the one accepted before"
    );
    assert!(
        view.missing.iter().any(|m| m.contains("“2w”")),
        "listed as missing: {:?}",
        view.missing
    );
    assert_eq!(store.unresolved_count().expect("count"), 1);
    let log = store.audit_log(5).expect("log");
    assert_eq!(log[0].field.as_deref(), Some("rto"));
    assert_eq!(log[0].new_value.as_deref(), Some("“2w” (unresolved)"));

    // Still there after reopening, and in the prioritised list.
    drop(store);
    let mut store = fixture.open();
    let results = store.bia_results().expect("results");
    assert_eq!(results[0].unresolved[0].text, "2w");
    assert_eq!(
        store
            .interview(id)
            .expect("view")
            .interview
            .unresolved
            .len(),
        1
    );

    // Corrected: the warning goes, and the log says so.
    let view = store
        .edit_interview_keeping(id, &[rto("6h")])
        .expect("accepted");
    assert!(view.interview.unresolved.is_empty());
    assert_eq!(
        view.interview.rto.value.map(|d| d.to_string()).as_deref(),
        Some("6h")
    );
    assert_eq!(store.unresolved_count().expect("count"), 0);
    let log = store.audit_log(5).expect("log");
    assert!(
        log.iter()
            .any(|e| e.old_value.as_deref() == Some("“2w” (unresolved)")
                && e.new_value.as_deref() == Some("resolved"))
    );
}

#[test]
fn each_checked_field_keeps_what_it_cannot_accept_and_clearing_resolves_it() {
    let (_f, mut store, id) = with_activity();
    let edits = [
        InterviewEdit::Date {
            value: "12/02/2026".into(),
        },
        InterviewEdit::MbcoPercent {
            value: "sixty".into(),
        },
        InterviewEdit::MbcoPercent {
            value: "150".into(),
        },
        rto("-1h"),
        InterviewEdit::MtpdOverride {
            value: "half a day".into(),
            reason: String::new(),
        },
    ];
    for edit in &edits {
        store
            .edit_interview_keeping(id, std::slice::from_ref(edit))
            .expect("kept");
    }
    let view = store.interview(id).expect("view");
    let kept: Vec<(&str, &str)> = view
        .interview
        .unresolved
        .iter()
        .map(|u| (u.field.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("interview_date", "12/02/2026"),
            ("mbco_percent", "150"),
            ("mtpd_override", "half a day"),
            ("rto", "-1h"),
        ],
        "the latest text at each field"
    );
    assert_eq!(view.interview.mbco.percent, None, "nothing accepted");
    assert_eq!(view.interview.mtpd_override, None);
    let view = store
        .edit_interview_keeping(
            id,
            &[InterviewEdit::Date {
                value: String::new(),
            }],
        )
        .expect("cleared");
    assert_eq!(view.interview.unresolved.len(), 3);
}

#[test]
fn saying_once_which_comes_first_in_dates_reads_the_kept_ones_and_the_next_ones() {
    let (_f, mut store, id) = with_activity();
    let date = |value: &str| InterviewEdit::Date {
        value: value.into(),
    };
    let view = store
        .edit_interview_keeping(id, &[date("12/02/2026")])
        .expect("kept");
    assert!(
        view.interview.unresolved[0]
            .message
            .contains("BIA settings"),
        "the message says where to settle it once: {}",
        view.interview.unresolved[0].message
    );
    store
        .edit_bia_settings(&BiaSettingsEdit::DateOrder {
            value: Some(DateOrder::MonthFirst),
        })
        .expect("order");
    let view = store.interview(id).expect("view");
    assert!(view.interview.unresolved.is_empty());
    assert_eq!(
        view.interview
            .interview_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-02")
    );
    store
        .edit_bia_settings(&BiaSettingsEdit::DateOrder {
            value: Some(DateOrder::DayFirst),
        })
        .expect("order");
    let view = store
        .edit_interview_keeping(id, &[date("03/04/2026")])
        .expect("read");
    assert_eq!(
        view.interview
            .interview_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-04-03")
    );
    assert_eq!(
        store.bia_settings().expect("settings").date_order,
        Some(DateOrder::DayFirst)
    );
}

#[test]
fn keeping_a_value_takes_a_complete_interview_back_to_draft() {
    let (_f, mut store, id) = with_activity();
    let mut edits = vec![InterviewEdit::AddInterviewee {
        name: "Sam".into(),
        role: "Owner".into(),
    }];
    for category in 1..=6 {
        edits.push(InterviewEdit::Rating {
            category_id: category,
            bucket_id: 1,
            rating: Some(1),
            rationale: String::new(),
        });
    }
    edits.push(mtpd_8h());
    edits.push(rto("4h"));
    edits.push(InterviewEdit::Duration {
        field: InterviewDuration::Rpo,
        value: "1h".into(),
    });
    edits.push(InterviewEdit::MbcoPercent { value: "50".into() });
    edits.push(InterviewEdit::Status {
        status: InterviewStatus::Complete,
        confirmed_by: String::new(),
    });
    let view = store.edit_interview_all(id, &edits).expect("complete");
    assert_eq!(view.interview.status, InterviewStatus::Complete);
    let view = store
        .edit_interview_keeping(id, &[rto("2w")])
        .expect("kept");
    assert_eq!(view.interview.status, InterviewStatus::Draft);
}

#[test]
fn a_batch_or_an_edit_that_is_not_a_typed_value_is_still_refused() {
    let (_f, mut store, id) = with_activity();
    assert!(
        store
            .edit_interview_keeping(id, &[mtpd_8h(), rto("2w")])
            .is_err()
    );
    assert!(
        store
            .edit_interview_keeping(
                id,
                &[InterviewEdit::AddInterviewee {
                    name: String::new(),
                    role: String::new(),
                }],
            )
            .is_err()
    );
    assert_eq!(store.unresolved_count().expect("count"), 0);
}

/// Text a person might type into a checked field: durations, dates, numbers, words,
/// and anything else.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4} ?(m|h|d|w|days|hours|weeks)?",
        "-?[0-9]{1,3}(\\.[0-9])?%?",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
        "(half a day|a day and a half|an hour|sixty|TBD|N/A|2-4 hours|< 1h)",
        ".{0,24}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_in_any_checked_field_is_accepted_or_kept_as_typed(
        field in 0usize..5,
        text in typed(),
    ) {
        let (_f, mut store, id) = with_activity();
        store.edit_interview(id, &mtpd_8h()).expect("grid");
        let edit = match field {
            0 => rto(&text),
            1 => InterviewEdit::Duration { field: InterviewDuration::Rpo, value: text.clone() },
            2 => InterviewEdit::Date { value: text.clone() },
            3 => InterviewEdit::MbcoPercent { value: text.clone() },
            _ => InterviewEdit::MtpdOverride { value: text.clone(), reason: "Agreed with Sam".into() },
        };
        let view = store.edit_interview_keeping(id, std::slice::from_ref(&edit)).expect("never refused");
        let i = &view.interview;
        let accepted = match field {
            0 => i.rto.value.is_some(),
            1 => i.rpo.value.is_some(),
            2 => i.interview_date.is_some(),
            3 => i.mbco.percent.is_some(),
            _ => i.mtpd_override.is_some(),
        };
        let kept: Vec<&str> = i.unresolved.iter().map(|u| u.text.as_str()).collect();
        if text.trim().is_empty() {
            prop_assert!(!accepted && kept.is_empty());
        } else {
            prop_assert!(accepted != (kept == [text.as_str()]), "accepted {} kept {:?}", accepted, kept);
        }
    }
}

#[test]
fn a_resource_keeps_an_rtc_it_cannot_accept_and_saves_the_rest() {
    use keel::domain::{Evidence, ResourceCapabilityInput};
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let (_, wms, _) = crate::util::dispatch_on_wms_on_server(&mut store);
    let input = |rtc: &str, owner: &str| ResourceCapabilityInput {
        owner: owner.into(),
        rtc: rtc.into(),
        rpc: "15m".into(),
        ..Default::default()
    };
    store
        .set_resource_capability(wms, &input("4h", "Arjun"))
        .expect("accepted");
    store
        .set_resource_capability(wms, &input("TBD", "Arjun Mehta"))
        .expect("kept, not refused");
    let shown = store.resource_capability(wms).expect("read");
    assert_eq!(
        (shown.rtc.as_str(), shown.owner.as_str()),
        ("4h", "Arjun Mehta"),
        "the RTC accepted before stays in force; the rest is saved"
    );
    assert_eq!(shown.kept.len(), 1);
    assert_eq!(
        (shown.kept[0].field.as_str(), shown.kept[0].text.as_str()),
        ("rtc", "TBD")
    );
    assert_eq!(
        store.resource_capabilities().expect("all")[&wms].rtc,
        "4h",
        "the RTC accepted before stays in force for the analysis"
    );
    assert_eq!(store.unresolved_count().expect("count"), 1);
    drop(store);
    let mut store = fixture.open();
    assert_eq!(
        store.resource_capability(wms).expect("read").kept[0].text,
        "TBD"
    );
    // An owner too long is refused as before, and nothing changes.
    assert!(
        store
            .set_resource_capability(wms, &input("2h", &"x".repeat(300)))
            .is_err()
    );
    assert_eq!(
        store.resource_capability(wms).expect("read").kept[0].text,
        "TBD"
    );
    // Demonstrated evidence with an unreadable date and none before: refused.
    let demonstrated = ResourceCapabilityInput {
        evidence: Some(Evidence::Demonstrated),
        demonstrated_on: "last spring".into(),
        ..input("2h", "Arjun")
    };
    assert!(store.set_resource_capability(wms, &demonstrated).is_err());
    // Corrected: the kept value goes.
    store
        .set_resource_capability(wms, &input("2h", "Arjun"))
        .expect("accepted");
    let shown = store.resource_capability(wms).expect("read");
    assert_eq!(shown.rtc, "2h");
    assert!(shown.kept.is_empty());
    assert_eq!(store.unresolved_count().expect("count"), 0);
}

#[test]
fn a_reason_typed_with_a_kept_mtpd_is_saved_and_amounts_are_kept_per_cell() {
    let (_f, mut store, id) = with_activity();
    let view = store
        .edit_interview_keeping(
            id,
            &[InterviewEdit::MtpdOverride {
                value: "TBD".into(),
                reason: "Contract with the council".into(),
            }],
        )
        .expect("kept");
    assert_eq!(view.interview.unresolved[0].text, "TBD");
    assert_eq!(
        view.interview.mtpd_override_reason, "Contract with the council",
        "the reason is not lost with the value"
    );
    assert_eq!(view.interview.mtpd_override, None);

    let view = store
        .edit_interview_keeping(
            id,
            &[InterviewEdit::Quantity {
                category_id: 1,
                bucket_id: 3,
                value: "about 2m".into(),
            }],
        )
        .expect("kept");
    let kept = view
        .interview
        .unresolved
        .iter()
        .find(|u| u.field == "quantity:1:3")
        .expect("the cell's amount is kept");
    assert_eq!(kept.text, "about 2m");
    assert!(view.missing.iter().any(|m| m.contains("“about 2m”")));
}

#[test]
fn removing_a_resource_from_the_interview_takes_its_kept_amounts_with_it() {
    let (_f, mut store, id) = with_activity();
    let view = store
        .edit_interview(
            id,
            &InterviewEdit::AddResource {
                resource_id: None,
                name: "Forklift drivers".into(),
                resource_kind: keel::domain::ResourceKind::People,
            },
        )
        .expect("resource");
    let resource_id = view.resources[0].resource.id;
    store
        .edit_interview_keeping(
            id,
            &[InterviewEdit::ResourceAmount {
                resource_id,
                bucket_id: 1,
                value: "a few".into(),
            }],
        )
        .expect("kept");
    assert_eq!(store.unresolved_count().expect("count"), 1);
    let view = store
        .edit_interview_keeping(id, &[InterviewEdit::RemoveResource { resource_id }])
        .expect("removed");
    assert!(view.interview.unresolved.is_empty());
    assert_eq!(store.unresolved_count().expect("count"), 0);
}
