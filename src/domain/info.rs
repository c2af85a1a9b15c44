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

/// How far the engagement has got through the planning stage, counted: what the
/// overview's workflow checklist shows done and next.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EngagementProgress {
    pub units: i64,
    pub activities: i64,
    /// Interviews complete or validated.
    pub interviews_done: i64,
    pub resources: i64,
    /// Resources whose recovery time capability is recorded.
    pub resources_with_rtc: i64,
    /// What activities need (resources and other activities), recorded.
    pub needs: i64,
    pub plans: i64,
    /// Plans with at least one approved, frozen version.
    pub plans_approved: i64,
    /// Values kept as typed and not accepted yet.
    pub unresolved: i64,
}
