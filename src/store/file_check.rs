//! Looks at a file before SQLite is allowed to touch it, so that a file that is not a
//! Keel engagement, is cut short, was written by a newer Keel, or carries schema objects
//! (tables, indexes, triggers, views) that Keel does not create is refused with a clear
//! reason and left byte-for-byte as it was.
//!
//! The schema check is what makes a file from elsewhere safe to write to: a trigger or
//! view of the file's own would otherwise run its SQL inside Keel's writes.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::APPLICATION_ID;
use super::migrations::{SCHEMA_VERSION, SchemaObject, expected_schemas, schema_objects};
use crate::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// What the checks found out about a file that may be opened for writing.
#[derive(Debug)]
pub(crate) struct Inspection {
    pub schema_version: i64,
}

/// Reads the file header, then the file through a read-only connection. Nothing here
/// writes to the file.
pub(crate) fn inspect(path: &Path) -> Result<Inspection> {
    let header = read_header(path)?;
    check_header(path, &header)?;
    check_with_sqlite(path)
}

fn read_header(path: &Path) -> Result<(Vec<u8>, u64)> {
    let mut file = File::open(path).map_err(Error::io("open", path))?;
    let len = file.metadata().map_err(Error::io("read", path))?.len();
    if len == 0 {
        return Err(not_keel(path, "the file is empty"));
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.by_ref()
        .take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(Error::io("read", path))?;
    Ok((header, len))
}

fn check_header(path: &Path, (header, len): &(Vec<u8>, u64)) -> Result<()> {
    if header.len() < SQLITE_MAGIC.len() || &header[..SQLITE_MAGIC.len()] != SQLITE_MAGIC {
        return Err(not_keel(path, "it is not a database file at all"));
    }
    if header.len() < HEADER_LEN {
        return Err(corrupt(
            path,
            format!("the file is only {len} bytes long, shorter than a database header"),
        ));
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let application_id = be32(68) as i32;
    if application_id != APPLICATION_ID {
        return Err(not_keel(
            path,
            "it is a database, but one written by another program",
        ));
    }
    let user_version = i64::from(be32(60) as i32);
    if user_version > SCHEMA_VERSION {
        return Err(newer(path, user_version));
    }
    // Page size: 1 means 65536. The page count in the header is valid only when the
    // "version-valid-for" number matches the change counter.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let page_count = u64::from(be32(28));
    // While a write-ahead log is beside the file, the file may be caught mid-checkpoint
    // (Keel killed while copying the log into it: the header already counts pages not
    // yet written). The log still holds them, and SQLite, which replays it, is the judge.
    let log_waiting = std::fs::metadata(super::sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0);
    if be32(92) == be32(24) && page_count > 0 && !log_waiting {
        let expected = page_count * page_size;
        if *len < expected {
            return Err(corrupt(
                path,
                format!(
                    "the file is {len} bytes long but its header says {expected}; it was probably cut off while being copied or saved"
                ),
            ));
        }
    }
    Ok(())
}

fn check_with_sqlite(path: &Path) -> Result<Inspection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let as_corrupt = |e: rusqlite::Error| corrupt(path, e.to_string());
    let mut conn = Connection::open_with_flags(path, flags).map_err(as_corrupt)?;
    super::hardening::harden(&mut conn).map_err(as_corrupt)?;
    // The header may lag behind a write-ahead log: ask SQLite for the current values.
    let user_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(as_corrupt)?;
    if user_version > SCHEMA_VERSION {
        return Err(newer(path, user_version));
    }
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(as_corrupt)?;
    if problems != ["ok"] {
        return Err(corrupt(
            path,
            format!("SQLite's check found damage ({})", problems.join("; ")),
        ));
    }
    let found = schema_objects(&conn).map_err(as_corrupt)?;
    let expected = expected_schemas().map_err(|e| {
        corrupt(
            path,
            format!("Keel could not work out its own schema ({e})"),
        )
    })?;
    let version = usize::try_from(user_version).map_err(|_| {
        not_keel(
            path,
            &format!("its schema version {user_version} is not one Keel writes"),
        )
    })?;
    if let Some(difference) = expected
        .get(version)
        .and_then(|wanted| first_difference(&found, wanted))
    {
        return Err(Error::Altered {
            path: path.to_owned(),
            difference,
        });
    }
    Ok(Inspection {
        schema_version: user_version,
    })
}

/// The first schema object that is not exactly what Keel's migrations create, in words:
/// an object Keel does not create, one that differs, or one that is missing.
pub(crate) fn first_difference(found: &[SchemaObject], wanted: &[SchemaObject]) -> Option<String> {
    let same_object = |a: &SchemaObject, b: &SchemaObject| a.kind == b.kind && a.name == b.name;
    for object in found {
        match wanted.iter().find(|w| same_object(w, object)) {
            None => {
                return Some(format!(
                    "has {} `{}` that Keel does not create",
                    article(&object.kind),
                    object.name
                ));
            }
            Some(keel) if keel != object => {
                return Some(format!(
                    "has {} `{}` that differs from the one Keel creates",
                    article(&object.kind),
                    object.name
                ));
            }
            Some(_) => {}
        }
    }
    wanted
        .iter()
        .find(|w| !found.iter().any(|f| same_object(f, w)))
        .map(|missing| {
            format!(
                "lacks {} `{}` that Keel creates",
                article(&missing.kind),
                missing.name
            )
        })
}

fn article(kind: &str) -> String {
    match kind {
        "index" => "an index".into(),
        other => format!("a {other}"),
    }
}

fn not_keel(path: &Path, reason: &str) -> Error {
    Error::NotKeel {
        path: path.to_owned(),
        reason: reason.to_owned(),
    }
}

fn corrupt(path: &Path, reason: String) -> Error {
    Error::Corrupt {
        path: path.to_owned(),
        reason,
    }
}

fn newer(path: &Path, found: i64) -> Error {
    Error::NewerSchema {
        path: path.to_owned(),
        found,
        supported: SCHEMA_VERSION,
    }
}
