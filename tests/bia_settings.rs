//! Editing the BIA settings: each change checked, saved and audited; interviews follow.

use keel::Error;
use keel::domain::{ActivityInput, BiaSettingsEdit, InterviewEdit};

use crate::util::Fixture;

fn field(err: Error, name: &str) -> String {
    match err {
        Error::Invalid(errors) => errors
            .get(name)
            .unwrap_or_else(|| panic!("no error at {name}"))
            .to_owned(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn the_unacceptable_rating_moves_the_proposed_mtpd() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let id = store
        .add_activity(&ActivityInput {
            name: "Payroll".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    let rate = |bucket_id, rating| InterviewEdit::Rating {
        category_id: 1,
        bucket_id,
        rating: Some(rating),
        rationale: String::new(),
    };
    store
        .edit_interview_all(id, &[rate(2, 3), rate(4, 4)])
        .expect("ratings");
    assert_eq!(
        store
            .interview(id)
            .expect("view")
            .mtpd
            .map(|d| d.to_string())
            .as_deref(),
        Some("1d")
    );

    store
        .edit_bia_settings(&BiaSettingsEdit::UnacceptableRating { value: 3 })
        .expect("lower the bar");
    assert_eq!(
        store
            .interview(id)
            .expect("view")
            .mtpd
            .map(|d| d.to_string())
            .as_deref(),
        Some("4h")
    );

    let log = store.audit_log(1).expect("log");
    assert_eq!(log[0].entity, "bia_settings");
    assert_eq!(
        (log[0].old_value.as_deref(), log[0].new_value.as_deref()),
        (Some("4"), Some("3"))
    );

    let err = store
        .edit_bia_settings(&BiaSettingsEdit::UnacceptableRating { value: 0 })
        .expect_err("out of range");
    field(err, "unacceptable_rating");
}

#[test]
fn categories_can_be_added_renamed_described_and_removed_while_unused() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let settings = store
        .edit_bia_settings(&BiaSettingsEdit::AddCategory {
            name: "Environmental".into(),
        })
        .expect("add");
    let env = settings.categories.last().expect("added last").clone();
    assert_eq!(env.name, "Environmental");
    assert_eq!(env.levels.len(), 6);

    let err = store
        .edit_bia_settings(&BiaSettingsEdit::RenameCategory {
            id: env.id,
            name: "financial".into(),
        })
        .expect_err("duplicate");
    assert!(field(err, "category").contains("already"));

    let settings = store
        .edit_bia_settings(&BiaSettingsEdit::Level {
            id: env.id,
            rating: 5,
            descriptor: "Lasting pollution".into(),
        })
        .expect("describe");
    assert_eq!(
        settings.categories.last().map(|c| c.levels[5].as_str()),
        Some("Lasting pollution")
    );

    let id = store
        .add_activity(&ActivityInput {
            name: "Payroll".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    store
        .edit_interview(
            id,
            &InterviewEdit::Rating {
                category_id: env.id,
                bucket_id: 1,
                rating: Some(1),
                rationale: String::new(),
            },
        )
        .expect("rated");
    let err = store
        .edit_bia_settings(&BiaSettingsEdit::RemoveCategory { id: env.id })
        .expect_err("in use");
    assert!(
        matches!(err, Error::Conflict(ref m) if m.contains("1 interview(s)")),
        "{err:?}"
    );
}

#[test]
fn buckets_are_unique_durations_and_tiers_stay_in_order() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let settings = store
        .edit_bia_settings(&BiaSettingsEdit::AddBucket { after: "2h".into() })
        .expect("add 2h");
    let labels: Vec<String> = settings
        .buckets
        .iter()
        .map(|b| b.after.to_string())
        .collect();
    assert_eq!(&labels[..3], ["1h", "2h", "4h"], "kept in time order");
    let err = store
        .edit_bia_settings(&BiaSettingsEdit::AddBucket {
            after: "120m".into(),
        })
        .expect_err("duplicate");
    assert!(field(err, "bucket").contains("already"));

    let settings = store
        .edit_bia_settings(&BiaSettingsEdit::TierMax {
            tier: 1,
            max_rto: "2h".into(),
        })
        .expect("tier 1 up to 2h");
    assert_eq!(
        settings.tier_for(keel::domain::Duration::parse("3h").expect("3h")),
        2
    );
    let err = store
        .edit_bia_settings(&BiaSettingsEdit::TierMax {
            tier: 2,
            max_rto: "1h".into(),
        })
        .expect_err("below tier 1");
    assert!(field(err, "tier").contains("after tier 1"));
    let err = store
        .edit_bia_settings(&BiaSettingsEdit::TierMax {
            tier: 4,
            max_rto: "1mo".into(),
        })
        .expect_err("last tier");
    field(err, "tier");
}
