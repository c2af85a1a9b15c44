//! Organisational units.

use keel::Error;
use keel::domain::{ActivityInput, OrgUnitInput};

use crate::util::Fixture;

fn unit(name: &str) -> OrgUnitInput {
    OrgUnitInput {
        name: name.into(),
        description: String::new(),
    }
}

#[test]
fn units_are_listed_by_name_with_their_activity_count() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let ops = store.add_unit(&unit("Operations")).expect("add");
    store.add_unit(&unit("finance")).expect("add");
    store
        .add_activity(&ActivityInput {
            name: "Dispatch".into(),
            unit_id: Some(ops.id),
            ..Default::default()
        })
        .expect("add activity");
    let units = store.units().expect("list");
    let names: Vec<_> = units
        .iter()
        .map(|u| (u.name.as_str(), u.activity_count))
        .collect();
    assert_eq!(names, [("finance", 0), ("Operations", 1)]);
}

#[test]
fn a_duplicate_name_is_refused_at_the_name_field_ignoring_case() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    store.add_unit(&unit("Finance")).expect("add");
    let Err(Error::Invalid(errors)) = store.add_unit(&unit("  FINANCE ")) else {
        panic!("expected a validation error");
    };
    assert!(errors.get("name").is_some_and(|m| m.contains("Finance")));
    assert_eq!(store.units().expect("list").len(), 1, "nothing was added");
}

#[test]
fn renaming_keeps_the_id_and_may_change_only_case() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let finance = store.add_unit(&unit("Finance")).expect("add");
    let renamed = store
        .update_unit(finance.id, &unit("FINANCE"))
        .expect("rename");
    assert_eq!(renamed.id, finance.id);
    assert_eq!(store.unit(finance.id).expect("get").name, "FINANCE");
}

#[test]
fn a_unit_with_activities_cannot_be_deleted() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let ops = store.add_unit(&unit("Operations")).expect("add");
    store
        .add_activity(&ActivityInput {
            name: "Dispatch".into(),
            unit_id: Some(ops.id),
            ..Default::default()
        })
        .expect("add activity");
    let err = store.delete_unit(ops.id).expect_err("refused");
    assert!(
        matches!(&err, Error::Conflict(m) if m.contains("1 activity")),
        "{err:?}"
    );
    assert!(store.unit(ops.id).is_ok(), "the unit is still there");
}

#[test]
fn an_empty_unit_can_be_deleted_and_is_then_not_found() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let ops = store.add_unit(&unit("Operations")).expect("add");
    store.delete_unit(ops.id).expect("delete");
    assert!(matches!(store.unit(ops.id), Err(Error::NotFound { .. })));
    assert!(matches!(
        store.delete_unit(ops.id),
        Err(Error::NotFound { .. })
    ));
}
