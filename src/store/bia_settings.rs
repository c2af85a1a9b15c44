//! The BIA settings of an engagement: seeded with the defaults by migration 2, read by
//! every interview.

use rusqlite::{Connection, Transaction, params};

use super::{EngagementStore, bad_column};
use crate::Result;
use crate::domain::{BiaSettings, Duration, ImpactCategory, TierBand, TimeBucket};

/// The seed of migration 2: today's default settings, in euros.
pub(super) fn seed_defaults(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let defaults = BiaSettings::defaults("EUR");
    tx.execute(
        "INSERT INTO bia_settings (id, unacceptable_rating, currency) VALUES (1, ?1, ?2)",
        params![defaults.unacceptable_rating, defaults.currency],
    )?;
    for (position, category) in defaults.categories.iter().enumerate() {
        let levels = serde_json::to_string(&category.levels)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.execute(
            "INSERT INTO impact_category (id, position, name, monetary, levels) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![category.id, position as i64, category.name, category.monetary, levels],
        )?;
    }
    for bucket in &defaults.buckets {
        tx.execute(
            "INSERT INTO time_bucket (id, after_minutes) VALUES (?1, ?2)",
            params![bucket.id, bucket.after.minutes()],
        )?;
    }
    for band in &defaults.tiers {
        tx.execute(
            "INSERT INTO tier_band (tier, max_rto_minutes) VALUES (?1, ?2)",
            params![band.tier, band.max_rto.map(Duration::minutes)],
        )?;
    }
    Ok(())
}

fn duration(column: usize, minutes: i64) -> rusqlite::Result<Duration> {
    u32::try_from(minutes)
        .ok()
        .and_then(Duration::from_minutes)
        .ok_or_else(|| {
            bad_column(
                column,
                format!("{minutes} minutes is not a duration Keel keeps"),
            )
        })
}

/// Reads the settings through `conn` (the store's connection or an open transaction).
pub(super) fn read(conn: &Connection) -> rusqlite::Result<BiaSettings> {
    let (unacceptable_rating, currency): (u8, String) = conn.query_row(
        "SELECT unacceptable_rating, currency FROM bia_settings WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let categories = conn
        .prepare("SELECT id, name, monetary, levels FROM impact_category ORDER BY position, id")?
        .query_map([], |r| {
            let levels: String = r.get(3)?;
            Ok(ImpactCategory {
                id: r.get(0)?,
                name: r.get(1)?,
                monetary: r.get(2)?,
                levels: serde_json::from_str(&levels).map_err(|e| bad_column(3, e))?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let buckets = conn
        .prepare("SELECT id, after_minutes FROM time_bucket ORDER BY after_minutes")?
        .query_map([], |r| {
            Ok(TimeBucket {
                id: r.get(0)?,
                after: duration(1, r.get(1)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let tiers = conn
        .prepare("SELECT tier, max_rto_minutes FROM tier_band ORDER BY tier")?
        .query_map([], |r| {
            let max: Option<i64> = r.get(1)?;
            Ok(TierBand {
                tier: r.get(0)?,
                max_rto: max.map(|m| duration(1, m)).transpose()?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(BiaSettings {
        categories,
        buckets,
        unacceptable_rating,
        tiers,
        currency,
    })
}

impl EngagementStore {
    pub fn bia_settings(&self) -> Result<BiaSettings> {
        Ok(read(&self.conn)?)
    }
}
