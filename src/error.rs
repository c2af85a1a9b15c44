//! Errors of the core, and the one shape they take across the IPC seam.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::domain::FieldErrors;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Messages say what happened, to which file
/// or record, and what the user can do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} is not a Keel engagement: {reason}", path.display())]
    NotKeel { path: PathBuf, reason: String },

    #[error("{} is damaged and was not opened: {reason}. Restore it from a backup copy.", path.display())]
    Corrupt { path: PathBuf, reason: String },

    #[error(
        "{} {difference}; it was altered by another program, so Keel did not open it. The file was not changed; open a copy you or a colleague saved from Keel.",
        path.display()
    )]
    Altered { path: PathBuf, difference: String },

    #[error(
        "Version {version} of \u{201c}{plan}\u{201d} was altered outside Keel: its stored content no longer matches the SHA-256 recorded when it was approved (recorded {recorded}, now {computed}). Nothing was exported or signed; restore the engagement from a backup and run keel plan verify."
    )]
    VersionAltered {
        plan: String,
        version: u32,
        recorded: String,
        computed: String,
    },

    #[error(
        "{} was written by a newer Keel (schema version {found}; this Keel reads up to {supported}). Open it with a newer Keel; the file was not changed.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{} already exists; choose another name or location", .0.display())]
    FileExists(PathBuf),

    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A file from outside whose content Keel cannot read: not UTF-8, not CSV, too large.
    /// The message names the file and says what to do.
    #[error("{0}")]
    Unreadable(String),

    #[error("{0}")]
    Invalid(FieldErrors),

    #[error("this {entity} no longer exists (id {id}); the list has been refreshed")]
    NotFound { entity: &'static str, id: i64 },

    #[error("{0}")]
    Conflict(String),

    /// A PDF could not be signed, or a signing identity could not be made or read (a
    /// wrong passphrase is a refusal of the `passphrase` field instead).
    #[error("{0}")]
    Signing(String),

    #[error("no engagement is open; open or create one first")]
    NoEngagement,

    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),

    #[error("could not read or write settings: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// A refusal of one field's value, with the message shown at that field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid(FieldErrors::one(field, message))
    }

    /// Wraps an I/O error with what was being done to which file.
    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }
}

fn sqlite_message(err: &rusqlite::Error) -> String {
    if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = err {
        // A stored value Keel wrote is no longer what Keel writes (a time that is not a
        // time, a number out of range): someone changed the file.
        return format!(
            "a value stored in the engagement cannot be read ({cause}); the file was changed outside Keel, so restore it from a backup copy"
        );
    }
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::OperationInterrupted) => format!(
            "a query ran for more than {} seconds and was stopped, so nothing was changed; the engagement may be damaged or crafted: open a copy you trust",
            crate::limits::MAX_STATEMENT_TIME.as_secs()
        ),
        Some(rusqlite::ErrorCode::TooBig) => format!(
            "a value is larger than Keel accepts ({} MiB), so nothing was changed",
            crate::limits::MAX_VALUE_BYTES / (1024 * 1024)
        ),
        _ => format!("database error: {err}"),
    }
}

/// What the UI branches on. Add a code only when the UI does something different for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input was refused; `fields` says which inputs and why.
    Validation,
    /// The record is gone (deleted elsewhere); reload.
    NotFound,
    /// The change would break a rule that involves other records.
    Conflict,
    /// A PDF could not be signed, or a signing identity could not be made or read.
    Signing,
    /// A file could not be opened, created or written.
    File,
    /// No engagement is open; show the open/create screen.
    NoEngagement,
    /// Anything else: a bug or a database failure.
    Internal,
}

/// The one serialised error shape that crosses the IPC seam: `{ code, message, fields }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Field name → message, for validation errors; empty otherwise.
    pub fields: BTreeMap<String, String>,
}

/// A validation's collected problems, as the error every face shows beside the fields.
impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Error::Invalid(errors)
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        let code = match &err {
            Error::Invalid(_) => ErrorCode::Validation,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Conflict(_) | Error::VersionAltered { .. } => ErrorCode::Conflict,
            Error::Signing(_) => ErrorCode::Signing,
            Error::NotKeel { .. }
            | Error::Corrupt { .. }
            | Error::NewerSchema { .. }
            | Error::Altered { .. }
            | Error::FileExists(_)
            | Error::Unreadable(_)
            | Error::Io { .. } => ErrorCode::File,
            Error::NoEngagement => ErrorCode::NoEngagement,
            Error::Sqlite(_) | Error::Json(_) => ErrorCode::Internal,
        };
        let fields = match &err {
            Error::Invalid(fields) => fields.to_map(),
            _ => BTreeMap::new(),
        };
        ApiError {
            code,
            message: err.to_string(),
            fields,
        }
    }
}
