//! The audit log: every change to an engagement, append-only.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Create, Self::Update, Self::Delete]
            .into_iter()
            .find(|a| a.as_str() == text)
    }
}

/// One changed field of one record (or one whole record created or deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// Who made the change: the facilitator name from the settings.
    pub actor: String,
    pub action: AuditAction,
    /// The kind of record: `engagement`, `unit`, `activity`.
    pub entity: String,
    pub entity_id: i64,
    /// The record's name when the change was made.
    pub entity_label: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// The longest pause in typing that still continues an editing run. Free text is saved
/// at every keystroke, but the audit log gets one entry per field per run of typing: a
/// pause longer than this, or an edit elsewhere, ends the run.
pub const EDITING_RUN_PAUSE: chrono::TimeDelta = chrono::TimeDelta::seconds(5);

/// Whether a save made at `now` continues the editing run whose latest save was made at
/// `last`. A clock that went backwards starts a new run: runs are only ever merged when
/// the times say they are one.
pub fn continues_editing_run(last: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= last && now - last <= EDITING_RUN_PAUSE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + seconds, 0).expect("valid time")
    }

    #[test]
    fn a_run_continues_through_short_pauses_only() {
        assert!(continues_editing_run(at(0), at(0)));
        assert!(continues_editing_run(at(0), at(5)));
        assert!(!continues_editing_run(at(0), at(6)));
        assert!(!continues_editing_run(at(0), at(3_600)));
    }

    #[test]
    fn a_clock_that_went_backwards_starts_a_new_run() {
        assert!(!continues_editing_run(at(10), at(9)));
    }
}
