//! Embedded SQL migrations, applied in one transaction and tracked by `user_version`.
//!
//! The text of each applied migration is kept in the file (`schema_migration`), so a test
//! can prove an applied migration was never edited afterwards.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

#[derive(Clone, Copy)]
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
    /// Rows the migration adds after its SQL, written by Rust (e.g. today's defaults).
    pub seed: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("migrations/0001_initial.sql"),
        seed: None,
    },
    Migration {
        version: 2,
        name: "bia",
        sql: include_str!("migrations/0002_bia.sql"),
        seed: Some(super::bia_settings::seed_defaults),
    },
    Migration {
        version: 3,
        name: "resources",
        sql: include_str!("migrations/0003_resources.sql"),
        seed: None,
    },
    Migration {
        version: 4,
        name: "dependencies",
        sql: include_str!("migrations/0004_dependencies.sql"),
        seed: None,
    },
    Migration {
        version: 5,
        name: "map",
        sql: include_str!("migrations/0005_map.sql"),
        seed: None,
    },
    Migration {
        version: 6,
        name: "plans",
        sql: include_str!("migrations/0006_plans.sql"),
        seed: None,
    },
    Migration {
        version: 7,
        name: "hardening",
        sql: include_str!("migrations/0007_hardening.sql"),
        seed: None,
    },
    Migration {
        version: 8,
        name: "editing_runs",
        sql: include_str!("migrations/0008_editing_runs.sql"),
        seed: None,
    },
    Migration {
        version: 9,
        name: "as_typed",
        sql: include_str!("migrations/0009_as_typed.sql"),
        seed: None,
    },
    Migration {
        version: 10,
        name: "events",
        sql: include_str!("migrations/0010_events.sql"),
        seed: None,
    },
    Migration {
        version: 11,
        name: "exercises",
        sql: include_str!("migrations/0011_exercises.sql"),
        seed: None,
    },
];

/// The schema version this Keel writes, and the newest it can read.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// One entry of `sqlite_schema`: a table, index, trigger or view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    pub sql: Option<String>,
}

/// Every schema object of a database, in the order they were created.
pub(crate) fn schema_objects(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok(SchemaObject {
            kind: r.get(0)?,
            name: r.get(1)?,
            table: r.get(2)?,
            sql: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// Exactly what Keel's migrations create at each schema version: entry `v` is the
/// schema of a file at `user_version` `v` (entry 0 is an empty file). Worked out once
/// per process by applying the migrations, one at a time, to a database in memory.
/// A failure here is a bug in a migration (the tests below catch it).
pub(crate) fn expected_schemas() -> Result<&'static [Vec<SchemaObject>], &'static str> {
    type Schemas = Result<Vec<Vec<SchemaObject>>, String>;
    static SCHEMAS: std::sync::OnceLock<Schemas> = std::sync::OnceLock::new();
    let built = SCHEMAS.get_or_init(|| {
        let build = || -> rusqlite::Result<Vec<Vec<SchemaObject>>> {
            let mut conn = Connection::open_in_memory()?;
            let mut schemas = vec![schema_objects(&conn)?];
            for upto in 1..=MIGRATIONS.len() {
                migrate(&mut conn, &MIGRATIONS[..upto], "1970-01-01T00:00:00Z")?;
                schemas.push(schema_objects(&conn)?);
            }
            Ok(schemas)
        };
        build().map_err(|e| e.to_string())
    });
    match built {
        Ok(schemas) => Ok(schemas),
        Err(e) => Err(e.as_str()),
    }
}

/// Applies every migration newer than the file's `user_version`, all in one transaction:
/// either the file ends up at the newest version, or it is left as it was.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
    applied_at: &str,
) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    let Some(last) = pending.last() else {
        return Ok(());
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migration (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             sql        TEXT NOT NULL,
             applied_at TEXT NOT NULL
         ) STRICT;",
    )?;
    for migration in &pending {
        tx.execute_batch(migration.sql)?;
        if let Some(seed) = migration.seed {
            seed(&tx)?;
        }
        tx.execute(
            "INSERT INTO schema_migration (version, name, sql, applied_at) VALUES (?1, ?2, ?3, ?4)",
            params![migration.version, migration.name, migration.sql, applied_at],
        )?;
    }
    tx.pragma_update(None, "user_version", last.version)?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version,
                i as i64 + 1,
                "migration {} is out of order",
                m.name
            );
        }
    }

    #[test]
    fn every_schema_version_has_its_expected_schema() {
        let schemas = expected_schemas().expect("the migrations apply");
        assert_eq!(schemas.len(), MIGRATIONS.len() + 1);
        assert!(schemas[0].is_empty());
        for pair in schemas.windows(2) {
            assert!(
                pair[1].len() > pair[0].len(),
                "each migration adds to the schema"
            );
        }
    }

    #[test]
    fn a_failing_migration_leaves_the_file_at_its_version() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn, &MIGRATIONS[..1], "2026-01-01T00:00:00Z").expect("v1");
        let broken = [
            MIGRATIONS[0],
            Migration {
                version: 2,
                name: "ok part",
                sql: "CREATE TABLE t2 (x INTEGER) STRICT;",
                seed: None,
            },
            Migration {
                version: 3,
                name: "broken",
                sql: "CREATE TABLE oops (",
                seed: None,
            },
        ];
        assert!(migrate(&mut conn, &broken, "2026-01-02T00:00:00Z").is_err());
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, 1);
        let t2: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 't2'",
                [],
                |r| r.get(0),
            )
            .expect("schema");
        assert_eq!(
            t2, 0,
            "the migrations before the broken one were rolled back too"
        );
    }
}
