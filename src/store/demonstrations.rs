//! Demonstrated recovery capabilities (worked out from exercise logs and kept for the
//! analysis and the review) and the engagement's review settings: how long a
//! demonstration counts, how often BIA interviews and plan exercises are due.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{EngagementStore, time_text};
use crate::Result;
use crate::domain::{Demonstration, Duration};

/// How often things are looked at again, in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReviewSettings {
    pub bia_review_months: u32,
    pub demonstration_validity_months: u32,
    pub exercise_interval_months: u32,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            bia_review_months: 12,
            demonstration_validity_months: 12,
            exercise_interval_months: 12,
        }
    }
}

/// Column `i`, whole minutes within what Keel keeps.
fn minutes(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Duration> {
    let m: u32 = r.get(i)?;
    Duration::from_minutes(m)
        .ok_or_else(|| super::bad_column(i, format!("{m} minutes is longer than Keel keeps")))
}

fn demonstration(r: &rusqlite::Row<'_>) -> rusqlite::Result<Demonstration> {
    let at: DateTime<Utc> = r.get(3)?;
    Ok(Demonstration {
        event_id: r.get(0)?,
        seq: r.get(1)?,
        resource_id: r.get(2)?,
        demonstrated_at: at,
        rtc_min: minutes(r, 4)?,
        rpc_min: match r.get::<_, Option<u32>>(5)? {
            Some(_) => Some(minutes(r, 5)?),
            None => None,
        },
    })
}

impl EngagementStore {
    /// Every demonstration, by resource then time.
    pub fn demonstrations(&self) -> Result<Vec<Demonstration>> {
        let mut stmt = self.conn.prepare(
            "SELECT event_id, seq, resource_id, demonstrated_at, rtc_minutes, rpc_minutes
             FROM demonstration ORDER BY resource_id, demonstrated_at, event_id, seq",
        )?;
        let rows = stmt.query_map([], demonstration)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets the demonstrations exercise `event_id` made to `shown` (test seeding; an
    /// exercise's own come with its log entries).
    #[cfg(test)]
    pub(crate) fn replace_demonstrations(
        &mut self,
        event_id: i64,
        shown: &[Demonstration],
    ) -> Result<()> {
        self.write(|changes| replace(changes.tx, event_id, shown))
    }

    pub fn review_settings(&self) -> Result<ReviewSettings> {
        Ok(self
            .conn
            .query_row(
                "SELECT bia_review_months, demonstration_validity_months, exercise_interval_months
                 FROM review_settings WHERE id = 1",
                [],
                |r| {
                    Ok(ReviewSettings {
                        bia_review_months: r.get(0)?,
                        demonstration_validity_months: r.get(1)?,
                        exercise_interval_months: r.get(2)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }
}

/// Sets the demonstrations an exercise made to `shown` (its log decides them; a
/// correction can take one back). A resource removed since is left out.
pub(super) fn replace(tx: &Connection, event_id: i64, shown: &[Demonstration]) -> Result<()> {
    tx.execute("DELETE FROM demonstration WHERE event_id = ?1", [event_id])?;
    let mut insert = tx.prepare(
        "INSERT INTO demonstration (event_id, seq, resource_id, demonstrated_at, rtc_minutes, rpc_minutes)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM resource WHERE id = ?3)",
    )?;
    for d in shown {
        insert.execute(params![
            event_id,
            d.seq,
            d.resource_id,
            time_text(d.demonstrated_at),
            d.rtc_min.minutes(),
            d.rpc_min.map(Duration::minutes),
        ])?;
    }
    Ok(())
}
