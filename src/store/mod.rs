//! The engagement store: one engagement = one SQLite file with the extension `.keel`.
//!
//! Every connection runs with foreign keys on, write-ahead logging, `synchronous=FULL`
//! (a committed edit survives a power cut) and a busy timeout. Every write runs in a
//! `BEGIN IMMEDIATE` transaction that also appends to the audit log.

mod actions;
mod activities;
mod audit;
mod bia_settings;
mod capabilities;
mod catalogue_batch;
mod demonstrations;
mod dependency_map;
mod details;
mod editing_runs;
mod events;
mod exercises;
mod file_check;
mod findings;
mod graph_rows;
mod hardening;
mod info;
mod interview_edits;
mod interviews;
mod kept_values;
mod migrations;
mod people;
mod plan_content;
mod plan_document;
mod plan_edits;
mod plan_signoff;
mod plan_versions;
mod plans;
mod resource_unresolved;
mod resources;
mod review_inputs;
mod units;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use catalogue_batch::CatalogueBatch;
pub use demonstrations::ReviewSettings;
pub use events::{Approved, StoredEvent};
pub use exercises::{ExercisePerson, ExercisePrep, ObjectiveRow, TestedVersion};
pub use migrations::SCHEMA_VERSION;

use crate::domain::{EngagementDetailsInput, to_the_second};
use crate::{Error, Result};
use audit::Changes;
use migrations::{MIGRATIONS, Migration};

/// The file extension of an engagement.
pub const EXTENSION: &str = "keel";

/// `PRAGMA application_id` of every Keel engagement: "KEEL" in ASCII.
pub const APPLICATION_ID: i32 = 0x4B45_454C;

/// Where the time of a change comes from; tests inject a fixed clock.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// An open engagement file.
pub struct EngagementStore {
    conn: Connection,
    path: PathBuf,
    actor: String,
    clock: Clock,
}

impl std::fmt::Debug for EngagementStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EngagementStore")
            .field("path", &self.path)
            .field("actor", &self.actor)
            .finish_non_exhaustive()
    }
}

impl EngagementStore {
    /// Creates a new engagement file at `path` (which must not exist yet) and opens it.
    ///
    /// The file is built under a temporary name beside `path` and renamed into place
    /// when complete, so a crash never leaves a half-made engagement behind.
    pub fn create(path: &Path, details: &EngagementDetailsInput, actor: &str) -> Result<Self> {
        Self::create_with_clock(path, details, actor, system_clock())
    }

    pub fn create_with_clock(
        path: &Path,
        details: &EngagementDetailsInput,
        actor: &str,
        clock: Clock,
    ) -> Result<Self> {
        let details = details.validate()?;
        if path.exists() {
            return Err(Error::FileExists(path.to_owned()));
        }
        let file_name = path
            .file_name()
            .ok_or_else(|| Error::NotKeel {
                path: path.to_owned(),
                reason: "the path does not name a file".into(),
            })?
            .to_string_lossy();
        let temp = path.with_file_name(format!(".{file_name}.creating-{}", std::process::id()));
        let built = (|| -> Result<()> {
            let mut store = Self::connect(&temp, actor, clock.clone(), true)?;
            store
                .conn
                .pragma_update(None, "application_id", APPLICATION_ID)?;
            let now = store.now_text();
            migrations::migrate(&mut store.conn, MIGRATIONS, &now)?;
            store.insert_details(&details)?;
            store
                .conn
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
            Ok(())
        })();
        let placed = built.and_then(|()| {
            if path.exists() {
                return Err(Error::FileExists(path.to_owned()));
            }
            std::fs::rename(&temp, path).map_err(Error::io("create", path))
        });
        if let Err(err) = placed {
            for leftover in [temp.clone(), sidecar(&temp, "-wal"), sidecar(&temp, "-shm")] {
                let _ = std::fs::remove_file(leftover);
            }
            return Err(err);
        }
        Self::open_with_clock(path, clock).map(|store| store.with_actor(actor))
    }

    /// Opens an existing engagement, migrating it to the current schema (after writing a
    /// backup copy beside it). A file that is not a Keel engagement, is damaged, or comes
    /// from a newer Keel is refused and left untouched.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_clock(path, system_clock())
    }

    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Self> {
        Self::open_with_migrations(path, clock, MIGRATIONS)
    }

    fn open_with_migrations(path: &Path, clock: Clock, migrations: &[Migration]) -> Result<Self> {
        let inspection = file_check::inspect(path)?;
        let latest = migrations.last().map_or(0, |m| m.version);
        let mut store = Self::connect(path, "", clock, false)?;
        if inspection.schema_version < latest {
            store.backup_before_migration(inspection.schema_version)?;
            let now = store.now_text();
            migrations::migrate(&mut store.conn, migrations, &now)?;
        }
        // Typing left unlogged by a crash (or a quit that skipped it) is logged now.
        store.close_editing_runs()?;
        Ok(store)
    }

    fn connect(path: &Path, actor: &str, clock: Clock, create: bool) -> Result<Self> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(_, _) => Error::Io {
                action: "open",
                path: path.to_owned(),
                source: std::io::Error::other(e.to_string()),
            },
            other => other.into(),
        })?;
        hardening::harden(&mut conn)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            actor: actor.to_owned(),
            clock,
        })
    }

    /// Writes a consistent copy of the file (write-ahead log included) beside it, named
    /// after the schema version it holds, before a migration changes it.
    fn backup_before_migration(&self, from_version: i64) -> Result<PathBuf> {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "engagement".into());
        let stamp = (self.clock)().format("%Y%m%dT%H%M%SZ");
        let backup = self.path.with_file_name(format!(
            "{stem}.backup-schema{from_version}-{stamp}.{EXTENSION}"
        ));
        self.conn
            .backup(rusqlite::MAIN_DB, &backup, rusqlite::backup::NO_PROGRESS)
            .map_err(|e| Error::Io {
                action: "write a backup copy to",
                path: backup.clone(),
                source: std::io::Error::other(e.to_string()),
            })?;
        Ok(backup)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name written to the audit log as the author of changes.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn set_actor(&mut self, actor: &str) {
        actor.trim().clone_into(&mut self.actor);
    }

    pub fn with_actor(mut self, actor: &str) -> Self {
        self.set_actor(actor);
        self
    }

    /// Now by the store's clock, to the second (the precision the file keeps).
    pub fn now(&self) -> DateTime<Utc> {
        to_the_second((self.clock)())
    }

    /// Now by the store's clock, RFC 3339 to the second, as the file keeps times.
    pub(crate) fn now_text(&self) -> String {
        time_text(self.now())
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction with an audit recorder; commits only
    /// if `f` succeeds, so a refused change leaves nothing behind. Inside
    /// [`Self::all_or_nothing`] it runs in a savepoint of the outer transaction.
    fn write<T>(&mut self, f: impl FnOnce(&mut Changes<'_>) -> Result<T>) -> Result<T> {
        let at = self.now_text();
        let actor = if self.actor.is_empty() {
            "unknown".to_owned()
        } else {
            self.actor.clone()
        };
        if !self.conn.is_autocommit() {
            let savepoint = self.conn.savepoint()?;
            let value = f(&mut Changes::new(&savepoint, &actor, &at))?;
            savepoint.commit()?;
            return Ok(value);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&mut Changes::new(&tx, &actor, &at))?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs several changes as one: all are kept or, if `f` fails (or panics), the final
    /// commit fails, or `dry_run` is set, none are (the file is as before, audit log
    /// included). Inside another `all_or_nothing` it runs in a savepoint of the outer
    /// transaction.
    pub fn all_or_nothing<T>(
        &mut self,
        dry_run: bool,
        f: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        let nested = !self.conn.is_autocommit();
        let (begin, keep, undo) = if nested {
            (
                "SAVEPOINT all_or_nothing",
                "RELEASE all_or_nothing",
                "ROLLBACK TO all_or_nothing; RELEASE all_or_nothing",
            )
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        self.conn.execute_batch(begin)?;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        let result = match outcome {
            Ok(result) => result,
            Err(panic) => {
                self.undo_batch(nested, undo);
                std::panic::resume_unwind(panic);
            }
        };
        if result.is_err() || dry_run {
            self.undo_batch(nested, undo);
            return result;
        }
        if let Err(err) = self.conn.execute_batch(keep) {
            self.undo_batch(nested, undo);
            return Err(err.into());
        }
        result
    }

    /// Takes back everything since the batch began. If even that fails (the disk has
    /// gone), the connection is left outside any transaction all the same, so that a
    /// half-done batch can never be committed by a later write.
    fn undo_batch(&mut self, nested: bool, undo: &str) {
        if self.conn.execute_batch(undo).is_err() && !nested && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// `t` as the file keeps times: RFC 3339, to the second, in UTC (`2026-11-30T08:00:00Z`).
pub(crate) fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored text column that does not hold what it should (a bug or a hand-edited file).
fn bad_column(
    column: usize,
    error: impl Into<Box<dyn std::error::Error + Send + Sync>>,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, error.into())
}

fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_clock() -> Clock {
        Arc::new(|| {
            DateTime::parse_from_rfc3339("2026-03-01T09:30:00Z")
                .map_or_else(|_| Utc::now(), |t| t.with_timezone(&Utc))
        })
    }

    #[test]
    fn migrating_an_older_file_writes_a_backup_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("acme.keel");
        let details = EngagementDetailsInput {
            organisation: "Acme".into(),
            ..Default::default()
        };
        drop(
            EngagementStore::create_with_clock(&path, &details, "Ana", fixed_clock())
                .expect("create"),
        );

        let mut next = MIGRATIONS.to_vec();
        next.push(Migration {
            version: SCHEMA_VERSION + 1,
            name: "test",
            sql: "CREATE TABLE later (x INTEGER) STRICT;",
            seed: None,
        });
        let store =
            EngagementStore::open_with_migrations(&path, fixed_clock(), &next).expect("open");
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION + 1);

        let backup = dir.path().join(format!(
            "acme.backup-schema{SCHEMA_VERSION}-20260301T093000Z.keel"
        ));
        let old = Connection::open(&backup).expect("backup opens");
        let old_version: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(
            old_version, SCHEMA_VERSION,
            "the backup holds the file as it was"
        );
        let organisation: String = old
            .query_row("SELECT organisation FROM engagement", [], |r| r.get(0))
            .expect("data");
        assert_eq!(organisation, "Acme");
    }

    fn new_store(dir: &tempfile::TempDir) -> EngagementStore {
        let details = EngagementDetailsInput {
            organisation: "Acme".into(),
            ..Default::default()
        };
        EngagementStore::create_with_clock(
            &dir.path().join("acme.keel"),
            &details,
            "Ana",
            fixed_clock(),
        )
        .expect("create")
    }

    fn units(store: &EngagementStore) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM org_unit", [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn a_batch_whose_commit_fails_is_rolled_back_and_the_store_goes_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = new_store(&dir);
        let audit_before = store.audit_entry_count().expect("audit");
        let result = store.all_or_nothing(false, |store| {
            store.add_unit(&crate::domain::OrgUnitInput {
                name: "Claims".into(),
                ..Default::default()
            })?;
            // A deferred foreign-key violation passes every statement and fails COMMIT.
            store.conn.execute_batch(
                "PRAGMA defer_foreign_keys = ON;
                 INSERT INTO activity (name, unit_id, created_at, updated_at)
                 VALUES ('Orphan', 9999, '2026-01-01', '2026-01-01');",
            )?;
            Ok(())
        });
        assert!(result.is_err(), "the commit fails");
        assert!(store.conn.is_autocommit(), "no transaction is left open");
        assert_eq!(units(&store), 0, "the unit added in the batch is gone");
        assert_eq!(store.audit_entry_count().expect("audit"), audit_before);
        store
            .add_unit(&crate::domain::OrgUnitInput {
                name: "Claims".into(),
                ..Default::default()
            })
            .expect("the next write works");
        assert_eq!(units(&store), 1);
    }

    #[test]
    fn a_batch_that_panics_is_rolled_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = new_store(&dir);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = store.all_or_nothing(false, |store| -> Result<()> {
                store.add_unit(&crate::domain::OrgUnitInput {
                    name: "Claims".into(),
                    ..Default::default()
                })?;
                panic!("a bug in the middle of a batch");
            });
        }));
        assert!(caught.is_err());
        assert!(store.conn.is_autocommit(), "no transaction is left open");
        assert_eq!(units(&store), 0);
    }

    #[test]
    fn connections_distrust_the_schema_and_refuse_writable_schema() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = new_store(&dir);
        let trusted: i64 = store
            .conn
            .pragma_query_value(None, "trusted_schema", |r| r.get(0))
            .expect("pragma");
        assert_eq!(trusted, 0);
        let sneaky = store.conn.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE TABLE x (y)' WHERE name = 'org_unit';",
        );
        assert!(sneaky.is_err(), "defensive mode refuses writing the schema");
        let huge = store.conn.query_row(
            "SELECT length(zeroblob(?1))",
            [i64::from(crate::limits::MAX_VALUE_BYTES) + 1],
            |r| r.get::<_, i64>(0),
        );
        assert!(huge.is_err(), "a value above the length limit is refused");
    }
}
