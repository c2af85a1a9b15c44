//! Files that must be refused: not a Keel engagement, truncated or damaged, or written by
//! a newer Keel. Each is refused with a message naming the file and the reason, and the
//! file is left byte-for-byte unchanged.

use keel::{EngagementStore, Error};
use rusqlite::Connection;

use crate::util::{Fixture, bytes, file_names};

fn refused(path: &std::path::Path) -> Error {
    EngagementStore::open(path).expect_err("the file must be refused")
}

#[test]
fn a_text_file_is_not_a_keel_engagement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.keel");
    std::fs::write(&path, "Minutes of the kick-off meeting\n").expect("write");
    let before = bytes(&path);

    let err = refused(&path);
    assert!(matches!(err, Error::NotKeel { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("notes.keel"), "names the file: {message}");
    assert!(message.contains("not a Keel engagement"), "{message}");
    assert_eq!(bytes(&path), before);
    assert_eq!(
        file_names(dir.path()),
        ["notes.keel"],
        "no side files are left behind"
    );
}

#[test]
fn an_empty_file_is_not_a_keel_engagement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.keel");
    std::fs::write(&path, b"").expect("write");
    let err = refused(&path);
    assert!(err.to_string().contains("empty"), "{err}");
    assert_eq!(bytes(&path), b"");
}

#[test]
fn another_programs_database_is_not_a_keel_engagement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).expect("create");
    conn.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .expect("fill");
    drop(conn);
    let before = bytes(&path);

    let err = refused(&path);
    assert!(matches!(err, Error::NotKeel { .. }), "{err:?}");
    assert!(err.to_string().contains("another program"), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_truncated_engagement_is_refused_as_damaged() {
    let fixture = Fixture::new();
    {
        let mut store = fixture.open();
        for i in 0..200 {
            store
                .add_unit(&keel::domain::OrgUnitInput {
                    name: format!("Unit {i}"),
                    description: "x".repeat(200),
                })
                .expect("add");
        }
    }
    let full = bytes(&fixture.path);
    assert!(full.len() > 4096 * 4, "the file spans several pages");
    std::fs::write(&fixture.path, &full[..full.len() / 2]).expect("truncate");
    let before = bytes(&fixture.path);

    let err = refused(&fixture.path);
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("acme.keel"), "{message}");
    assert!(message.contains("cut off"), "{message}");
    assert_eq!(bytes(&fixture.path), before);
}

#[test]
fn a_file_cut_inside_the_header_is_refused_as_damaged() {
    let fixture = Fixture::new();
    let full = bytes(&fixture.path);
    std::fs::write(&fixture.path, &full[..40]).expect("truncate");
    let err = refused(&fixture.path);
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
    assert_eq!(bytes(&fixture.path), &full[..40]);
}

#[test]
fn a_file_with_damaged_pages_is_refused() {
    let fixture = Fixture::new();
    let mut data = bytes(&fixture.path);
    // Overwrite everything after the first page with garbage, keeping the length.
    for (i, byte) in data.iter_mut().enumerate().skip(4096) {
        *byte = (i % 251) as u8;
    }
    std::fs::write(&fixture.path, &data).expect("damage");

    let err = refused(&fixture.path);
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("acme.keel"), "{err}");
    assert_eq!(bytes(&fixture.path), data);
}

#[test]
fn a_file_from_a_newer_keel_is_refused_and_left_unchanged() {
    let fixture = Fixture::new();
    {
        let conn = Connection::open(&fixture.path).expect("open");
        conn.pragma_update(None, "user_version", keel::store::SCHEMA_VERSION + 1)
            .expect("bump version");
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
    }
    let before = bytes(&fixture.path);
    let names_before = file_names(fixture.dir.path());

    let err = refused(&fixture.path);
    assert!(
        matches!(err, Error::NewerSchema { found, supported, .. } if found == supported + 1),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("newer Keel"), "{message}");
    assert!(message.contains("acme.keel"), "{message}");
    assert_eq!(bytes(&fixture.path), before);
    assert_eq!(
        file_names(fixture.dir.path()),
        names_before,
        "no backup or side file was written"
    );
}

#[test]
fn a_missing_file_is_reported_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = refused(&dir.path().join("gone.keel"));
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("gone.keel"), "{err}");
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let fixture = Fixture::new();
    let before = bytes(&fixture.path);
    let details = keel::domain::EngagementDetailsInput {
        organisation: "Other".into(),
        ..Default::default()
    };
    let err = EngagementStore::create(&fixture.path, &details, "Ana").expect_err("refused");
    assert!(matches!(err, Error::FileExists(_)), "{err:?}");
    assert_eq!(bytes(&fixture.path), before);
}

#[test]
fn the_v1_fixture_still_opens_and_its_migration_text_was_never_edited() {
    // tests/fixtures/schema-v1.keel was written by Keel at schema version 1 and is never
    // regenerated: it proves old files keep opening, and that migration 1 is unchanged.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema-v1.keel");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.keel"),
        &path,
    )
    .expect("copy fixture");
    let store = EngagementStore::open(&path).expect("opens");
    assert_eq!(
        store.details().expect("details").organisation,
        "Fixture Holdings"
    );
    assert_eq!(
        store.activities(&Default::default()).expect("list").len(),
        2
    );
    let settings = store
        .bia_settings()
        .expect("migrated to the current schema");
    assert_eq!(settings.categories.len(), 6, "the BIA defaults were seeded");
    assert!(
        crate::util::file_names(dir.path())
            .iter()
            .any(|n| n.starts_with("schema-v1.backup-schema1-")),
        "a backup of the version 1 file was written before migrating"
    );

    let conn = Connection::open(&path).expect("raw");
    let stored: String = conn
        .query_row(
            "SELECT sql FROM schema_migration WHERE version = 1",
            [],
            |r| r.get(0),
        )
        .expect("stored migration");
    assert_eq!(
        stored,
        include_str!("../src/store/migrations/0001_initial.sql"),
        "migration 1 was edited after it was applied; add a new migration instead"
    );
}
