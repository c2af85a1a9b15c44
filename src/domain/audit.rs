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

/// The audit log's field names for a change to what an activity or a resource needs.
/// The store writes them and the review reads them back to find a BIA whose needs
/// changed after it was validated, so both sides use these and nothing else.
pub mod need_fields {
    /// An activity's or a resource's need of a resource was added or removed.
    pub const NEEDS_RESOURCE: &str = "needs resource";
    /// An activity's need of another activity was added or removed.
    pub const NEEDS_ACTIVITY: &str = "needs activity";
    /// Another activity's need of this one was added or removed.
    pub const NEEDED_BY_ACTIVITY: &str = "needed by activity";
    const GROUP_OF: &str = "alternatives group of ";
    const NEEDED_AFTER: &str = " needed after ";

    /// The alternatives group of the need of `needed` changed.
    pub fn alternatives_group_of(needed: &str) -> String {
        format!("{GROUP_OF}{needed}")
    }

    /// The amount of `resource` needed after the time bucket `after` changed.
    pub fn amount_needed_after(resource: &str, after: &str) -> String {
        format!("{resource}{NEEDED_AFTER}{after}")
    }

    /// Whether `field` is a change to an activity's needs (its interview's entries).
    pub fn is_interview_need(field: &str) -> bool {
        [NEEDS_RESOURCE, NEEDS_ACTIVITY, NEEDED_BY_ACTIVITY].contains(&field)
            || field.starts_with(GROUP_OF)
            || field.contains(NEEDED_AFTER)
    }

    /// Whether `field` is a change to a resource's needs (the resource's entries).
    pub fn is_resource_need(field: &str) -> bool {
        field == NEEDS_RESOURCE || field.starts_with(GROUP_OF)
    }

    /// SQL `LIKE` patterns that find the fields of [`is_interview_need`] and
    /// [`is_resource_need`] that are not fixed names.
    pub fn group_like() -> String {
        format!("{GROUP_OF}%")
    }
    pub fn amount_like() -> String {
        format!("%{NEEDED_AFTER}%")
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_written_names_are_the_ones_read_back() {
            assert!(is_interview_need(&alternatives_group_of("Fuel")));
            assert!(is_resource_need(&alternatives_group_of("Fuel")));
            assert!(is_interview_need(&amount_needed_after("Drivers", "4h")));
            assert!(!is_resource_need(&amount_needed_after("Drivers", "4h")));
            for fixed in [NEEDS_RESOURCE, NEEDS_ACTIVITY, NEEDED_BY_ACTIVITY] {
                assert!(is_interview_need(fixed));
            }
            assert!(!is_interview_need("name"));
            assert!(!is_resource_need(NEEDS_ACTIVITY));
        }
    }
}
