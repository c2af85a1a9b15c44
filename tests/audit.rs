//! The audit log: who changed what, when, from what to what; append-only in SQL.

use keel::domain::{ActivityInput, AuditAction, EngagementDetailsInput, OrgUnitInput};
use rusqlite::Connection;

use crate::util::Fixture;

#[test]
fn every_change_is_logged_with_actor_field_and_old_and_new_values() {
    let fixture = Fixture::new();
    let mut store = fixture.open().with_actor("Bea Facilitator");
    let unit = store
        .add_unit(&OrgUnitInput {
            name: "Claims".into(),
            description: String::new(),
        })
        .expect("unit");
    let a = store
        .add_activity(&ActivityInput {
            name: "Claims intake".into(),
            unit_id: Some(unit.id),
            owner: "Sam".into(),
            ..Default::default()
        })
        .expect("add");
    store
        .update_activity(
            a.id,
            &ActivityInput {
                name: "Claims intake".into(),
                unit_id: Some(unit.id),
                owner: "Kim".into(),
                ..Default::default()
            },
        )
        .expect("edit");

    let log = store.audit_log(100).expect("log");
    let latest = &log[0];
    assert_eq!(latest.actor, "Bea Facilitator");
    assert_eq!(latest.action, AuditAction::Update);
    assert_eq!(latest.entity, "activity");
    assert_eq!(latest.entity_label, "Claims intake");
    assert_eq!(latest.field.as_deref(), Some("owner"));
    assert_eq!(latest.old_value.as_deref(), Some("Sam"));
    assert_eq!(latest.new_value.as_deref(), Some("Kim"));
    assert_eq!(latest.at.to_rfc3339(), "2026-03-02T10:15:00+00:00");

    let created_unit_of_activity = log
        .iter()
        .find(|e| {
            e.entity == "activity"
                && e.action == AuditAction::Create
                && e.field.as_deref() == Some("unit")
        })
        .expect("the activity's unit is logged by name");
    assert_eq!(
        created_unit_of_activity.new_value.as_deref(),
        Some("Claims")
    );
}

#[test]
fn an_edit_that_changes_nothing_logs_nothing() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let details = store.details().expect("details");
    let before = store.info().expect("info").audit_entries;
    store
        .update_details(&EngagementDetailsInput::from(&details))
        .expect("same again");
    assert_eq!(store.info().expect("info").audit_entries, before);
}

#[test]
fn a_deletion_keeps_what_was_lost() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let a = store
        .add_activity(&ActivityInput {
            name: "Payroll".into(),
            owner: "Kim".into(),
            ..Default::default()
        })
        .expect("add");
    store.delete_activity(a.id).expect("delete");
    let log = store.audit_log(10).expect("log");
    let deleted: Vec<_> = log
        .iter()
        .filter(|e| e.action == AuditAction::Delete)
        .collect();
    assert!(
        deleted
            .iter()
            .any(|e| e.field.as_deref() == Some("owner") && e.old_value.as_deref() == Some("Kim"))
    );
    assert!(deleted.iter().all(|e| e.new_value.is_none()));
}

#[test]
fn audit_rows_cannot_be_updated_or_deleted_even_with_raw_sql() {
    let fixture = Fixture::new();
    let conn = Connection::open(&fixture.path).expect("raw connection");
    let count = |conn: &Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .expect("count")
    };
    let before = count(&conn);
    assert!(before > 0);

    let update = conn.execute("UPDATE audit_log SET actor = 'Mallory'", []);
    assert!(update.is_err_and(|e| e.to_string().contains("append-only")));
    let delete = conn.execute("DELETE FROM audit_log", []);
    assert!(delete.is_err_and(|e| e.to_string().contains("append-only")));

    assert_eq!(count(&conn), before);
    let actors: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE actor = 'Mallory'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(actors, 0);
}
