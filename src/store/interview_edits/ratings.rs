//! The impact grid of an interview: a rating set or cleared (with the ratings it moves
//! along with it, and a rationale for a fall), and the amount behind a rated cell; each
//! cell logged by its category and time bucket.

use rusqlite::params;

use super::shown;
use crate::analysis::impact::{self, RatingError};
use crate::analysis::interview_edit as rules;
use crate::domain::{AuditAction, BiaSettings, ImpactCell, Interview};
use crate::store::audit::Changes;
use crate::store::interviews::ENTITY;
use crate::{Error, Result};

/// A rating set in one cell, or cleared with `None`: the cells it moves along are
/// written and logged too.
pub(super) fn set_rating(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    (activity_id, label): (i64, &str),
    (category_id, bucket_id): (i64, i64),
    rating: Option<u8>,
    rationale: &str,
) -> Result<()> {
    let find = |cells: &[ImpactCell], c: i64, b: i64| {
        cells
            .iter()
            .find(|x| x.category_id == c && x.bucket_id == b)
            .cloned()
    };
    let Some(rating) = rating else {
        let Some(old) = find(&before.ratings, category_id, bucket_id) else {
            return Ok(());
        };
        changes.tx.execute(
            "DELETE FROM impact_rating WHERE activity_id = ?1 AND category_id = ?2 AND bucket_id = ?3",
            params![activity_id, category_id, bucket_id],
        )?;
        return changes.record(
            AuditAction::Delete,
            (ENTITY, activity_id, label),
            Some(&cell_field(settings, category_id, bucket_id, "impact")),
            describe_cell(Some(&old)).as_deref(),
            None,
        );
    };
    let mut cells = before.ratings.clone();
    let changed = impact::set_rating(
        settings,
        &mut cells,
        category_id,
        bucket_id,
        rating,
        rationale,
    )
    .map_err(|e| match e {
        RatingError::UnexplainedFall { .. } => Error::invalid("rationale", e.to_string()),
        RatingError::OutOfRange | RatingError::UnknownCell => {
            Error::invalid("rating", e.to_string())
        }
    })?;
    for cell in changed {
        let old = find(&before.ratings, cell.category_id, cell.bucket_id);
        if old.as_ref() == Some(&cell) {
            continue;
        }
        changes.tx.execute(
            "INSERT INTO impact_rating (activity_id, category_id, bucket_id, rating, quantity, rationale)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (activity_id, category_id, bucket_id)
             DO UPDATE SET rating = excluded.rating, rationale = excluded.rationale",
            params![activity_id, cell.category_id, cell.bucket_id, cell.rating, cell.quantity, cell.rationale],
        )?;
        changes.record(
            if old.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            },
            (ENTITY, activity_id, label),
            Some(&cell_field(
                settings,
                cell.category_id,
                cell.bucket_id,
                "impact",
            )),
            describe_cell(old.as_ref()).as_deref(),
            describe_cell(Some(&cell)).as_deref(),
        )?;
    }
    Ok(())
}

/// The amount behind a rated cell (e.g. the loss in money), or none.
pub(super) fn set_quantity(
    changes: &Changes<'_>,
    settings: &BiaSettings,
    before: &Interview,
    (activity_id, label): (i64, &str),
    (category_id, bucket_id): (i64, i64),
    value: &str,
) -> Result<()> {
    let quantity = rules::amount("quantity", value)?;
    let Some(existing) = before
        .ratings
        .iter()
        .find(|c| c.category_id == category_id && c.bucket_id == bucket_id)
    else {
        return Err(Error::invalid(
            "quantity",
            "Rate the cell before giving the amount behind the rating.",
        ));
    };
    if existing.quantity == quantity {
        return Ok(());
    }
    changes.tx.execute(
        "UPDATE impact_rating SET quantity = ?1 WHERE activity_id = ?2 AND category_id = ?3 AND bucket_id = ?4",
        params![quantity, activity_id, category_id, bucket_id],
    )?;
    changes.record(
        AuditAction::Update,
        (ENTITY, activity_id, label),
        Some(&cell_field(settings, category_id, bucket_id, "amount")),
        shown(existing.quantity).as_deref(),
        shown(quantity).as_deref(),
    )
}

/// How a cell is named in the audit log: `impact: Finance after 4h`.
fn cell_field(settings: &BiaSettings, category_id: i64, bucket_id: i64, what: &str) -> String {
    let category = settings
        .categories
        .iter()
        .find(|c| c.id == category_id)
        .map_or("?", |c| c.name.as_str());
    let after = settings
        .buckets
        .iter()
        .find(|b| b.id == bucket_id)
        .map_or_else(|| "?".to_owned(), |b| b.after.to_string());
    format!("{what}: {category} after {after}")
}

fn describe_cell(cell: Option<&ImpactCell>) -> Option<String> {
    cell.map(|c| {
        if c.rationale.is_empty() {
            c.rating.to_string()
        } else {
            format!("{} ({})", c.rating, c.rationale)
        }
    })
}
