//! Activities: create, edit, delete, list, search; validation at the field.

use keel::Error;
use keel::domain::{ActivityInput, ActivityQuery, OrgUnitInput};

use crate::util::Fixture;

fn activity(name: &str, unit_id: Option<i64>) -> ActivityInput {
    ActivityInput {
        name: name.into(),
        unit_id,
        owner: "Sam Patel".into(),
        description: String::new(),
        products_services: vec!["Claims paid".into()],
    }
}

#[test]
fn an_activity_round_trips_through_the_file() {
    let fixture = Fixture::new();
    let unit_id = {
        let mut store = fixture.open();
        let unit = store
            .add_unit(&OrgUnitInput {
                name: "Claims".into(),
                description: String::new(),
            })
            .expect("unit");
        store
            .add_activity(&activity("Claims handling", Some(unit.id)))
            .expect("add");
        unit.id
    };
    let store = fixture.open();
    let all = store.activities(&ActivityQuery::default()).expect("list");
    assert_eq!(all.len(), 1);
    let a = &all[0];
    assert_eq!(a.name, "Claims handling");
    assert_eq!(a.unit_id, Some(unit_id));
    assert_eq!(a.unit_name.as_deref(), Some("Claims"));
    assert_eq!(a.owner, "Sam Patel");
    assert_eq!(a.products_services, ["Claims paid"]);
}

#[test]
fn search_finds_by_part_of_the_name_ignoring_case() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    for name in ["Claims handling", "Policy renewals", "Claims fraud review"] {
        store.add_activity(&activity(name, None)).expect("add");
    }
    let found = store
        .activities(&ActivityQuery {
            search: "CLAIMS".into(),
            unit_id: None,
        })
        .expect("search");
    let names: Vec<_> = found.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Claims fraud review", "Claims handling"]);
}

#[test]
fn invalid_input_is_refused_field_by_field_and_changes_nothing() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let logged_before = store.info().expect("info").audit_entries;
    let input = ActivityInput {
        name: "   ".into(),
        unit_id: Some(999),
        owner: "x".repeat(201),
        ..Default::default()
    };
    let Err(Error::Invalid(errors)) = store.add_activity(&input) else {
        panic!("expected a validation error");
    };
    assert_eq!(errors.get("name"), Some("Activity name is required."));
    assert!(
        errors
            .get("owner")
            .is_some_and(|m| m.contains("201 characters"))
    );
    assert!(
        store
            .activities(&ActivityQuery::default())
            .expect("list")
            .is_empty()
    );
    assert_eq!(
        store.info().expect("info").audit_entries,
        logged_before,
        "nothing was logged"
    );
}

#[test]
fn a_missing_unit_is_reported_at_the_unit_field() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let Err(Error::Invalid(errors)) = store.add_activity(&activity("Payroll", Some(42))) else {
        panic!("expected a validation error");
    };
    assert!(errors.get("unit_id").is_some());
    assert!(errors.get("name").is_none());
}

#[test]
fn duplicate_names_are_refused_but_an_edit_may_keep_its_own_name() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let payroll = store.add_activity(&activity("Payroll", None)).expect("add");
    assert!(matches!(
        store.add_activity(&activity("payroll", None)),
        Err(Error::Invalid(e)) if e.get("name").is_some()
    ));
    let mut edit = activity("Payroll", None);
    edit.owner = "Kim Lee".into();
    let updated = store.update_activity(payroll.id, &edit).expect("edit");
    assert_eq!(updated.owner, "Kim Lee");
}

#[test]
fn deleting_an_activity_removes_it() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let a = store.add_activity(&activity("Payroll", None)).expect("add");
    store.delete_activity(a.id).expect("delete");
    assert!(
        store
            .activities(&ActivityQuery::default())
            .expect("list")
            .is_empty()
    );
    assert!(matches!(
        store.update_activity(a.id, &activity("Payroll", None)),
        Err(Error::NotFound { .. })
    ));
}
