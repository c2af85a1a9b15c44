//! The BIA settings of an engagement: seeded with the defaults by migration 2, read by
//! every interview.

use rusqlite::{Connection, Transaction, params};

use super::audit::Changes;
use super::{EngagementStore, bad_column};
use crate::domain::{
    AuditAction, BiaSettings, BiaSettingsEdit, DateOrder, Duration, FieldErrors, ImpactCategory,
    MAX_RATING, TierBand, TimeBucket,
};
use crate::{Error, Result};

const SUBJECT: (&str, i64, &str) = ("bia_settings", 1, "BIA settings");

/// Descriptors of a category added by hand, until the facilitator writes better ones.
const GENERIC_LEVELS: [&str; 6] = [
    "None",
    "Minor",
    "Moderate",
    "Significant",
    "Major",
    "Severe",
];

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
    let date_order = date_order(conn)?;
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
        date_order,
    })
}

/// Which comes first in dates written with numbers only, as the engagement says.
pub(super) fn date_order(conn: &Connection) -> rusqlite::Result<Option<DateOrder>> {
    let order: Option<String> = conn
        .prepare_cached("SELECT date_order FROM bia_settings WHERE id = 1")?
        .query_row([], |r| r.get(0))?;
    order
        .map(|o| {
            DateOrder::parse(&o).ok_or_else(|| bad_column(0, format!("unknown date order {o:?}")))
        })
        .transpose()
}

impl EngagementStore {
    pub fn bia_settings(&self) -> Result<BiaSettings> {
        Ok(read(&self.conn)?)
    }

    /// Applies one change to the BIA settings; a refused change says why at its field and
    /// changes nothing. Interviews follow at once: their MTPD, tier and what is missing
    /// are derived from the settings whenever they are read.
    pub fn edit_bia_settings(&mut self, edit: &BiaSettingsEdit) -> Result<BiaSettings> {
        self.write(|changes| {
            let settings = read(changes.tx)?;
            apply(changes, &settings, edit)
        })?;
        // Dates kept as typed because day and month could be either way round are read
        // again in the order just given.
        if let BiaSettingsEdit::DateOrder { value: Some(_) } = edit {
            self.retry_kept_dates()?;
        }
        self.bia_settings()
    }
}

fn log(
    changes: &Changes<'_>,
    action: AuditAction,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    changes.record(action, SUBJECT, Some(field), old, new)
}

fn category(settings: &BiaSettings, id: i64) -> Result<&ImpactCategory> {
    settings
        .categories
        .iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound {
            entity: "impact category",
            id,
        })
}

fn rated(changes: &Changes<'_>, column: &str, id: i64) -> Result<i64> {
    Ok(changes.tx.query_row(
        &format!("SELECT count(DISTINCT activity_id) FROM impact_rating WHERE {column} = ?1"),
        [id],
        |r| r.get(0),
    )?)
}

fn apply(changes: &Changes<'_>, settings: &BiaSettings, edit: &BiaSettingsEdit) -> Result<()> {
    match edit {
        BiaSettingsEdit::UnacceptableRating { value } => {
            if !(1..=MAX_RATING).contains(value) {
                return Err(Error::invalid(
                    "unacceptable_rating",
                    format!("Choose a rating from 1 to {MAX_RATING}."),
                ));
            }
            changes.tx.execute(
                "UPDATE bia_settings SET unacceptable_rating = ?1 WHERE id = 1",
                [value],
            )?;
            log(
                changes,
                AuditAction::Update,
                "unacceptable_rating",
                Some(&settings.unacceptable_rating.to_string()),
                Some(&value.to_string()),
            )
        }
        BiaSettingsEdit::Currency { value } => {
            let mut errors = FieldErrors::new();
            let value = errors.required_text("currency", "The currency", value, 12);
            errors.into_result()?;
            changes.tx.execute(
                "UPDATE bia_settings SET currency = ?1 WHERE id = 1",
                [&value],
            )?;
            log(
                changes,
                AuditAction::Update,
                "currency",
                Some(&settings.currency),
                Some(&value),
            )
        }
        BiaSettingsEdit::DateOrder { value } => {
            changes.tx.execute(
                "UPDATE bia_settings SET date_order = ?1 WHERE id = 1",
                [value.map(DateOrder::as_str)],
            )?;
            let shown = |o: Option<DateOrder>| match o {
                Some(DateOrder::DayFirst) => "day first",
                Some(DateOrder::MonthFirst) => "month first",
                None => "ask",
            };
            log(
                changes,
                AuditAction::Update,
                "date_order",
                Some(shown(settings.date_order)),
                Some(shown(*value)),
            )
        }
        BiaSettingsEdit::RenameCategory { id, name } => {
            let old = category(settings, *id)?;
            let name = category_name(settings, name, Some(*id))?;
            changes.tx.execute(
                "UPDATE impact_category SET name = ?1 WHERE id = ?2",
                params![name, id],
            )?;
            log(
                changes,
                AuditAction::Update,
                &format!("category {}", old.name),
                Some(&old.name),
                Some(&name),
            )
        }
        BiaSettingsEdit::Level {
            id,
            rating,
            descriptor,
        } => {
            let old = category(settings, *id)?;
            if *rating > MAX_RATING {
                return Err(Error::invalid(
                    "level",
                    format!("Ratings go from 0 to {MAX_RATING}."),
                ));
            }
            let mut errors = FieldErrors::new();
            let descriptor = errors.required_text("level", "The descriptor", descriptor, 200);
            errors.into_result()?;
            let mut levels = old.levels.clone();
            let before = std::mem::replace(&mut levels[usize::from(*rating)], descriptor.clone());
            changes.tx.execute(
                "UPDATE impact_category SET levels = ?1 WHERE id = ?2",
                params![serde_json::to_string(&levels)?, id],
            )?;
            log(
                changes,
                AuditAction::Update,
                &format!("{} level {rating}", old.name),
                Some(&before),
                Some(&descriptor),
            )
        }
        BiaSettingsEdit::AddCategory { name } => {
            let name = category_name(settings, name, None)?;
            changes.tx.execute(
                "INSERT INTO impact_category (position, name, monetary, levels)
                 VALUES ((SELECT coalesce(max(position), 0) + 1 FROM impact_category), ?1, 0, ?2)",
                params![name, serde_json::to_string(&GENERIC_LEVELS)?],
            )?;
            log(changes, AuditAction::Create, "category", None, Some(&name))
        }
        BiaSettingsEdit::RemoveCategory { id } => {
            let old = category(settings, *id)?;
            let used = rated(changes, "category_id", *id)?;
            if used > 0 {
                return Err(Error::Conflict(format!(
                    "{used} interview(s) have ratings for \u{201c}{}\u{201d}; it cannot be removed while they do.",
                    old.name
                )));
            }
            changes
                .tx
                .execute("DELETE FROM impact_category WHERE id = ?1", [id])?;
            log(
                changes,
                AuditAction::Delete,
                "category",
                Some(&old.name),
                None,
            )
        }
        BiaSettingsEdit::AddBucket { after } => {
            let after =
                Duration::parse(after).map_err(|e| Error::invalid("bucket", e.to_string()))?;
            if after == Duration::ZERO {
                return Err(Error::invalid(
                    "bucket",
                    "A time bucket comes after some time has passed, e.g. 2h.",
                ));
            }
            if settings.buckets.iter().any(|b| b.after == after) {
                return Err(Error::invalid(
                    "bucket",
                    format!("There is already a bucket at {after}."),
                ));
            }
            changes.tx.execute(
                "INSERT INTO time_bucket (after_minutes) VALUES (?1)",
                [after.minutes()],
            )?;
            log(
                changes,
                AuditAction::Create,
                "time bucket",
                None,
                Some(&after.to_string()),
            )
        }
        BiaSettingsEdit::RemoveBucket { id } => {
            let bucket = settings
                .buckets
                .iter()
                .find(|b| b.id == *id)
                .ok_or(Error::NotFound {
                    entity: "time bucket",
                    id: *id,
                })?;
            let used = rated(changes, "bucket_id", *id)?;
            if used > 0 {
                return Err(Error::Conflict(format!(
                    "{used} interview(s) have ratings after {}; the bucket cannot be removed while they do.",
                    bucket.after
                )));
            }
            changes
                .tx
                .execute("DELETE FROM time_bucket WHERE id = ?1", [id])?;
            log(
                changes,
                AuditAction::Delete,
                "time bucket",
                Some(&bucket.after.to_string()),
                None,
            )
        }
        BiaSettingsEdit::TierMax { tier, max_rto } => {
            let position =
                settings
                    .tiers
                    .iter()
                    .position(|t| t.tier == *tier)
                    .ok_or(Error::NotFound {
                        entity: "tier",
                        id: i64::from(*tier),
                    })?;
            if position + 1 == settings.tiers.len() {
                return Err(Error::invalid(
                    "tier",
                    "The last tier has no upper bound: it takes everything beyond the others.",
                ));
            }
            let max =
                Duration::parse(max_rto).map_err(|e| Error::invalid("tier", e.to_string()))?;
            let below = position
                .checked_sub(1)
                .and_then(|p| settings.tiers[p].max_rto);
            let above = settings.tiers[position + 1].max_rto;
            if below.is_some_and(|b| max <= b) || above.is_some_and(|a| max >= a) {
                return Err(Error::invalid(
                    "tier",
                    format!(
                        "Tier {tier} must end after tier {} and before tier {}.",
                        tier - 1,
                        tier + 1
                    ),
                ));
            }
            let old = settings.tiers[position].max_rto.map(|d| d.to_string());
            changes.tx.execute(
                "UPDATE tier_band SET max_rto_minutes = ?1 WHERE tier = ?2",
                params![max.minutes(), tier],
            )?;
            log(
                changes,
                AuditAction::Update,
                &format!("tier {tier} up to"),
                old.as_deref(),
                Some(&max.to_string()),
            )
        }
    }
}

/// A trimmed category name that no other category has (ignoring case).
fn category_name(settings: &BiaSettings, name: &str, except: Option<i64>) -> Result<String> {
    let mut errors = FieldErrors::new();
    let name = errors.required_text("category", "The category name", name, 80);
    if settings
        .categories
        .iter()
        .any(|c| Some(c.id) != except && c.name.to_lowercase() == name.to_lowercase())
    {
        errors.add(
            "category",
            format!("There is already a category named \u{201c}{name}\u{201d}."),
        );
    }
    errors.into_result()?;
    Ok(name)
}
