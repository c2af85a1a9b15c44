//! A summary of an engagement file: schema version, counts, integrity; and how far the
//! planning has got, counted for the overview's checklist.

use super::EngagementStore;
use crate::Result;
use crate::domain::{EngagementInfo, EngagementProgress, IntegrityStatus};

impl EngagementStore {
    /// Counts the records and runs SQLite's full integrity check.
    pub fn info(&self) -> Result<EngagementInfo> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        let schema_version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let mut stmt = self.conn.prepare("PRAGMA integrity_check(20)")?;
        let report: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let ok = report == ["ok"];
        Ok(EngagementInfo {
            path: self.path.display().to_string(),
            organisation: self.details()?.organisation,
            schema_version,
            integrity: if ok {
                IntegrityStatus::Ok
            } else {
                IntegrityStatus::Damaged
            },
            integrity_detail: if ok { Vec::new() } else { report },
            units: count("org_unit")?,
            activities: count("activity")?,
            audit_entries: self.audit_entry_count()?,
        })
    }

    /// How far the planning has got: a count per step of the workflow, in one query.
    pub fn progress(&self) -> Result<EngagementProgress> {
        Ok(self.conn.query_row(
            "SELECT
                (SELECT count(*) FROM org_unit),
                (SELECT count(*) FROM activity),
                (SELECT count(*) FROM interview WHERE status IN ('complete', 'validated')),
                (SELECT count(*) FROM resource),
                (SELECT count(*) FROM resource WHERE rtc_minutes IS NOT NULL),
                (SELECT count(*) FROM activity_resource) + (SELECT count(*) FROM activity_dependency),
                (SELECT count(*) FROM plan),
                (SELECT count(DISTINCT plan_id) FROM plan_frozen),
                (SELECT count(*) FROM interview_unresolved) + (SELECT count(*) FROM resource_unresolved)",
            [],
            |r| {
                Ok(EngagementProgress {
                    units: r.get(0)?,
                    activities: r.get(1)?,
                    interviews_done: r.get(2)?,
                    resources: r.get(3)?,
                    resources_with_rtc: r.get(4)?,
                    needs: r.get(5)?,
                    plans: r.get(6)?,
                    plans_approved: r.get(7)?,
                    unresolved: r.get(8)?,
                })
            },
        )?)
    }
}
