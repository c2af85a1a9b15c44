//! A summary of an engagement file: schema version, counts, integrity.

use super::EngagementStore;
use crate::Result;
use crate::domain::{EngagementInfo, IntegrityStatus};

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
}
