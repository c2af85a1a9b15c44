//! A summary of an engagement file, for `keel info` and the app's status line.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IntegrityStatus {
    Ok,
    Damaged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EngagementInfo {
    pub path: String,
    pub organisation: String,
    pub schema_version: i64,
    pub integrity: IntegrityStatus,
    /// What SQLite's integrity check reported when it was not `ok`.
    pub integrity_detail: Vec<String>,
    pub units: i64,
    pub activities: i64,
    pub audit_entries: i64,
}
