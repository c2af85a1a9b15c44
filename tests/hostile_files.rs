//! Engagement files that arrive from elsewhere: a file altered by another program is
//! refused before Keel writes to it (by the store and by every CLI command), frozen
//! records cannot be overwritten by any SQL route, and a frozen version whose stored
//! content was changed behind Keel's back is never exported or signed.

use std::path::Path;
use std::process::Command;

use keel::{EngagementStore, Error};
use rusqlite::Connection;

use crate::util::{Fixture, alter_behind_trigger, bytes, demo_file};

/// Changes the file with another program's SQL (no Keel settings, triggers as stored).
fn tamper(path: &Path, sql: &str) {
    let conn = Connection::open(path).expect("open raw");
    conn.execute_batch(sql).expect("tamper");
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
}

/// Runs `keel ARGS`, which must fail with `reason` in its message.
fn refused_by_cli<S: AsRef<std::ffi::OsStr> + std::fmt::Debug>(args: &[S], reason: &str) {
    let run = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env("KEEL_FACILITATOR", "CLI Tester")
        .output()
        .expect("run keel");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "keel {args:?} must fail");
    assert!(stderr.contains(reason), "keel {args:?}: {stderr}");
}

fn refusal(path: &Path) -> String {
    let before = bytes(path);
    let err = EngagementStore::open(path).expect_err("refused");
    assert!(matches!(err, Error::Altered { .. }), "{err:?}");
    assert_eq!(
        bytes(path),
        before,
        "the refused file is byte-for-byte unchanged"
    );
    err.to_string()
}

#[test]
fn a_foreign_trigger_is_refused_by_name_and_the_file_is_untouched() {
    let fixture = Fixture::new();
    tamper(
        &fixture.path,
        "CREATE TABLE loot (x TEXT);
         CREATE TRIGGER grab AFTER INSERT ON audit_log BEGIN INSERT INTO loot VALUES (new.new_value); END;",
    );
    let message = refusal(&fixture.path);
    assert!(message.contains("acme.keel"), "names the file: {message}");
    assert!(
        message.contains("has a table `loot` that Keel does not create")
            || message.contains("has a trigger `grab` that Keel does not create"),
        "{message}"
    );
    assert!(
        message.contains("it was altered by another program"),
        "{message}"
    );
}

#[test]
fn a_foreign_trigger_alone_is_named() {
    let fixture = Fixture::new();
    tamper(
        &fixture.path,
        "CREATE TRIGGER grab AFTER INSERT ON audit_log BEGIN DELETE FROM activity; END;",
    );
    let message = refusal(&fixture.path);
    assert!(
        message.contains(
            "has a trigger `grab` that Keel does not create; it was altered by another program"
        ),
        "{message}"
    );
}

#[test]
fn a_foreign_view_a_changed_table_and_a_missing_index_are_refused() {
    let cases = [
        (
            "CREATE VIEW peek AS SELECT * FROM audit_log;",
            "has a view `peek` that Keel does not create",
        ),
        (
            "ALTER TABLE activity ADD COLUMN note TEXT;",
            "has a table `activity` that differs from the one Keel creates",
        ),
        (
            "DROP INDEX audit_log_entity;",
            "lacks an index `audit_log_entity` that Keel creates",
        ),
        (
            "DROP TRIGGER audit_log_no_delete;",
            "lacks a trigger `audit_log_no_delete` that Keel creates",
        ),
    ];
    for (sql, expected) in cases {
        let fixture = Fixture::new();
        tamper(&fixture.path, sql);
        let message = refusal(&fixture.path);
        assert!(message.contains(expected), "{sql}: {message}");
    }
}

#[test]
fn every_cli_command_refuses_an_altered_file_and_leaves_it_unchanged() {
    let (dir, path) = demo_file();
    tamper(
        &path,
        "CREATE TRIGGER grab AFTER UPDATE ON activity BEGIN DELETE FROM unit; END;",
    );
    let before = bytes(&path);
    let file = path.to_str().expect("utf-8 path");
    let out = dir.path().join("out");
    let out = out.to_str().expect("utf-8 path");
    let pdf = dir.path().join("plan.pdf");
    let commands: Vec<Vec<&str>> = vec![
        vec!["info", file],
        vec!["audit", file],
        vec!["process", "list", file],
        vec!["process", "add", file, "--name", "X", "--unit", "Dispatch"],
        vec!["unit", "add", file, "--name", "Y"],
        vec!["bia", "list", file],
        vec!["analyze", file],
        vec!["scenario", file, "--lose", "Halifax warehouse"],
        vec!["plan", "list", file],
        vec!["plan", "verify", file],
        vec!["export-csv", file, "--out", out],
        vec![
            "export",
            file,
            "--plan",
            "1",
            "--out",
            pdf.to_str().expect("path"),
        ],
    ];
    for args in commands {
        refused_by_cli(&args, "has a trigger `grab` that Keel does not create");
        assert_eq!(bytes(&path), before, "keel {args:?} changed the file");
    }
    assert!(!pdf.exists(), "nothing was exported");
}

#[test]
fn the_oldest_schema_still_opens_and_migrates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.keel");
    std::fs::copy("tests/fixtures/schema-v1.keel", &path).expect("copy fixture");
    let store = EngagementStore::open(&path).expect("a version 1 file opens");
    drop(store);
    let conn = Connection::open(&path).expect("open raw");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, keel::store::SCHEMA_VERSION);
    drop(conn);
    EngagementStore::open(&path).expect("the migrated file opens again");
}

#[test]
fn insert_or_replace_cannot_overwrite_an_audit_row_a_frozen_version_or_its_approvals() {
    let (_dir, path) = demo_file();
    let conn = Connection::open(&path).expect("open raw");
    let attempts = [
        "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, entity_label)
         SELECT id, at, 'Mallory', action, entity, entity_id, entity_label FROM audit_log ORDER BY id LIMIT 1",
        "REPLACE INTO plan_frozen (plan_id, version, snapshot, sha256, open_gaps, frozen_at)
         SELECT plan_id, version, '{}', sha256, open_gaps, frozen_at FROM plan_frozen LIMIT 1",
        "INSERT OR REPLACE INTO plan_approval (plan_id, version, name, role, approved_at, comment)
         SELECT plan_id, version, name, 'Nobody', approved_at, 'replaced' FROM plan_approval
         WHERE (plan_id, version) IN (SELECT plan_id, version FROM plan_frozen) LIMIT 1",
        "INSERT INTO plan_approval (plan_id, version, name, role, approved_at, comment)
         SELECT plan_id, version, 'Mallory', 'CEO', '2026-01-01T00:00:00Z', '' FROM plan_frozen LIMIT 1",
        "INSERT OR IGNORE INTO plan_approval (plan_id, version, name, role, approved_at, comment)
         SELECT plan_id, version, 'Mallory', 'CEO', '2026-01-01T00:00:00Z', '' FROM plan_frozen LIMIT 1",
    ];
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("count") };
    let fingerprint = || {
        (
            count("SELECT count(*) FROM audit_log WHERE actor = 'Mallory'"),
            count("SELECT count(*) FROM plan_approval"),
            count("SELECT count(*) FROM plan_frozen WHERE snapshot = '{}'"),
        )
    };
    let before = fingerprint();
    assert_eq!(before.0, 0);
    assert!(
        count("SELECT count(*) FROM plan_frozen") > 0,
        "the demo has an approved plan"
    );
    for sql in attempts {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(
            err.to_string().contains("frozen") || err.to_string().contains("append-only"),
            "{sql}: {err}"
        );
    }
    assert_eq!(fingerprint(), before, "nothing was overwritten or added");
}

/// Alters the snapshot of approved version 1 of plan 1 behind the triggers' back.
fn alter_frozen_snapshot(path: &Path) {
    alter_behind_trigger(
        path,
        "plan_frozen_no_update",
        "UPDATE plan_frozen SET snapshot = replace(snapshot, 'Halifax', 'Hallifax') WHERE plan_id = 1 AND version = 1",
    );
}

#[test]
fn an_altered_frozen_version_is_not_exported() {
    let (_dir, path) = demo_file();
    let original =
        keel::ops::export::plan_document(&EngagementStore::open(&path).expect("open"), 1, Some(1))
            .expect("the untouched version exports");
    alter_frozen_snapshot(&path);
    let store = EngagementStore::open(&path).expect("the schema is intact, so it opens");
    let err = keel::ops::export::plan_document(&store, 1, Some(1)).expect_err("refused");
    assert!(matches!(err, Error::VersionAltered { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("altered outside Keel"), "{message}");
    assert!(
        message.contains(&original.sha256),
        "names the recorded hash: {message}"
    );
}

#[test]
fn keel_export_refuses_an_altered_frozen_version_signed_or_not() {
    let (dir, path) = demo_file();
    alter_frozen_snapshot(&path);
    let file = path.to_str().expect("utf-8 path");
    let pdf = dir.path().join("plan.pdf");
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery staple\n").expect("passphrase");
    let p12 = dir.path().join("erin.p12");
    let made = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(["identity", "new", "--name", "Erin Example", "--out"])
        .arg(&p12)
        .arg("--passphrase-file")
        .arg(&pass)
        .output()
        .expect("run keel");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let unsigned: Vec<std::ffi::OsString> = vec![
        "export".into(),
        file.into(),
        "--plan".into(),
        "1".into(),
        "--version".into(),
        "1".into(),
        "--out".into(),
        pdf.clone().into(),
    ];
    let mut signed = unsigned.clone();
    signed.extend([
        "--sign".into(),
        p12.into(),
        "--passphrase-file".into(),
        pass.into(),
    ]);
    for args in [unsigned, signed] {
        refused_by_cli(&args, "altered outside Keel");
        assert!(!pdf.exists(), "{args:?} wrote a PDF");
    }
}

#[test]
fn an_approval_time_that_is_not_a_time_is_refused_with_a_message_not_a_conversion_error() {
    let (_dir, path) = demo_file();
    // The draft plan is not frozen, so no trigger guards its approvals.
    tamper(
        &path,
        "INSERT INTO plan_approval (plan_id, version, name, role, approved_at, comment)
         VALUES (2, 1, 'Mallory', 'Nobody', 'yesterday-ish', '')",
    );
    let store = keel::EngagementStore::open(&path).expect("the schema is Keel's");
    let err = store.plan_view(2).expect_err("the time cannot be read");
    let message = err.to_string();
    assert!(message.contains("cannot be read"), "{message}");
    assert!(message.contains("changed outside Keel"), "{message}");
    assert!(store.plan_view(1).is_ok(), "the other plan still opens");
}
