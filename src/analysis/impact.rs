//! Impact over time: the proposed MTPD, and keeping rows monotone (impact does not fall
//! as time passes, unless a rationale says why).

use serde::Serialize;

use crate::domain::{BiaSettings, Duration, ImpactCell, MAX_RATING};

/// Why Keel proposes an MTPD: the first time bucket at which a category reaches the
/// unacceptable rating.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MtpdProposal {
    pub mtpd: Duration,
    pub bucket_id: i64,
    /// The categories that reach the unacceptable rating at that bucket.
    pub reasons: Vec<MtpdReason>,
    /// One sentence for the facilitator and the interviewee.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MtpdReason {
    pub category_id: i64,
    pub category: String,
    pub rating: u8,
    pub descriptor: String,
}

fn cell(cells: &[ImpactCell], category_id: i64, bucket_id: i64) -> Option<&ImpactCell> {
    cells
        .iter()
        .find(|c| c.category_id == category_id && c.bucket_id == bucket_id)
}

/// The first bucket (shortest time first) where any category is rated at or above the
/// unacceptable rating; `None` while no rating reaches it.
pub fn propose_mtpd(settings: &BiaSettings, cells: &[ImpactCell]) -> Option<MtpdProposal> {
    settings.buckets.iter().find_map(|bucket| {
        let reasons: Vec<MtpdReason> = settings
            .categories
            .iter()
            .filter_map(|category| {
                let c = cell(cells, category.id, bucket.id)?;
                (c.rating >= settings.unacceptable_rating).then(|| MtpdReason {
                    category_id: category.id,
                    category: category.name.clone(),
                    rating: c.rating,
                    descriptor: category.describe(c.rating, &settings.currency),
                })
            })
            .collect();
        if reasons.is_empty() {
            return None;
        }
        let parts: Vec<String> = reasons
            .iter()
            .map(|r| format!("{} reaches {} ({})", r.category, r.rating, r.descriptor))
            .collect();
        Some(MtpdProposal {
            mtpd: bucket.after,
            bucket_id: bucket.id,
            explanation: format!(
                "After {}, {}; {} is the rating at which an impact becomes unacceptable.",
                bucket.after,
                join_and(&parts),
                settings.unacceptable_rating
            ),
            reasons,
        })
    })
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A rating lower than an earlier one in the same row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImpactFall {
    pub category_id: i64,
    pub bucket_id: i64,
    pub rating: u8,
    /// The highest rating before it, and where.
    pub earlier_rating: u8,
    pub earlier_bucket_id: i64,
    pub explained: bool,
}

/// Every cell rated lower than some earlier cell of its row.
pub fn falls(settings: &BiaSettings, cells: &[ImpactCell]) -> Vec<ImpactFall> {
    let mut found = Vec::new();
    for category in &settings.categories {
        let mut highest: Option<(u8, i64)> = None;
        for bucket in &settings.buckets {
            let Some(c) = cell(cells, category.id, bucket.id) else {
                continue;
            };
            match highest {
                Some((top, at)) if c.rating < top => found.push(ImpactFall {
                    category_id: category.id,
                    bucket_id: bucket.id,
                    rating: c.rating,
                    earlier_rating: top,
                    earlier_bucket_id: at,
                    explained: !c.rationale.trim().is_empty(),
                }),
                Some((top, _)) if c.rating <= top => {}
                _ => highest = Some((c.rating, bucket.id)),
            }
        }
    }
    found
}

/// Why a rating was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatingError {
    #[error("A rating is a whole number from 0 to {MAX_RATING}.")]
    OutOfRange,
    #[error("There is no such category or time bucket in this engagement's settings.")]
    UnknownCell,
    #[error(
        "Impact cannot fall from {earlier} (after {earlier_after}) to {rating} (after {after}) without a rationale: say why it falls."
    )]
    UnexplainedFall {
        rating: u8,
        after: Duration,
        earlier: u8,
        earlier_after: Duration,
    },
}

/// Sets one rating in the grid and keeps its row monotone: later cells of the row that
/// are rated lower and have no rationale are raised to the new rating. A rating lower
/// than an earlier one is accepted only with a rationale. Returns the cells that
/// changed (the one set first), so they can be stored and audited.
pub fn set_rating(
    settings: &BiaSettings,
    cells: &mut Vec<ImpactCell>,
    category_id: i64,
    bucket_id: i64,
    rating: u8,
    rationale: &str,
) -> Result<Vec<ImpactCell>, RatingError> {
    if rating > MAX_RATING {
        return Err(RatingError::OutOfRange);
    }
    let position = settings
        .buckets
        .iter()
        .position(|b| b.id == bucket_id)
        .filter(|_| settings.categories.iter().any(|c| c.id == category_id))
        .ok_or(RatingError::UnknownCell)?;
    let (earlier, later) = settings.buckets.split_at(position);
    let earlier_top = earlier
        .iter()
        .filter_map(|b| cell(cells, category_id, b.id).map(|c| (c.rating, b.after)))
        .max_by_key(|(r, _)| *r);
    if let Some((top, top_after)) = earlier_top
        && rating < top
        && rationale.trim().is_empty()
    {
        return Err(RatingError::UnexplainedFall {
            rating,
            after: settings.buckets[position].after,
            earlier: top,
            earlier_after: top_after,
        });
    }

    let mut changed = Vec::new();
    let quantity = cell(cells, category_id, bucket_id).and_then(|c| c.quantity);
    let updated = ImpactCell {
        category_id,
        bucket_id,
        rating,
        quantity,
        rationale: rationale.trim().to_owned(),
    };
    upsert(cells, updated.clone());
    changed.push(updated);
    for bucket in &later[1..] {
        if let Some(c) = cells
            .iter_mut()
            .find(|c| c.category_id == category_id && c.bucket_id == bucket.id)
            && c.rating < rating
            && c.rationale.trim().is_empty()
        {
            c.rating = rating;
            changed.push(c.clone());
        }
    }
    Ok(changed)
}

fn upsert(cells: &mut Vec<ImpactCell>, new: ImpactCell) {
    match cells
        .iter_mut()
        .find(|c| c.category_id == new.category_id && c.bucket_id == new.bucket_id)
    {
        Some(existing) => *existing = new,
        None => cells.push(new),
    }
}

/// The RTO must not be longer than the MTPD: the activity has to be back before the
/// disruption becomes intolerable.
pub fn check_rto(rto: Duration, mtpd: Option<Duration>) -> Result<(), String> {
    match mtpd {
        Some(mtpd) if rto > mtpd => Err(format!(
            "The RTO ({rto}) is longer than the MTPD ({mtpd}); it must be {mtpd} or less."
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn settings() -> BiaSettings {
        BiaSettings::defaults("EUR")
    }

    /// Buckets 1..=8 are 1h 4h 8h 1d 3d 1w 2w 1mo; categories 1..=6 start with Financial.
    fn rate(cells: &mut Vec<ImpactCell>, category: i64, ratings: &[u8]) {
        for (i, r) in ratings.iter().enumerate() {
            set_rating(&settings(), cells, category, i as i64 + 1, *r, "").expect("monotone");
        }
    }

    #[test]
    fn no_proposal_until_a_rating_is_unacceptable() {
        let mut cells = Vec::new();
        rate(&mut cells, 1, &[0, 1, 2, 3, 3]);
        assert_eq!(propose_mtpd(&settings(), &cells), None);
    }

    #[test]
    fn the_mtpd_is_the_first_bucket_where_any_category_is_unacceptable() {
        let mut cells = Vec::new();
        rate(&mut cells, 1, &[0, 1, 2, 3, 4, 5]); // financial: 4 at 3d
        rate(&mut cells, 3, &[1, 2, 4, 5]); // customer: 4 at 8h
        let proposal = propose_mtpd(&settings(), &cells).expect("a proposal");
        assert_eq!(proposal.mtpd.to_string(), "8h");
        assert_eq!(proposal.bucket_id, 3);
        assert_eq!(proposal.reasons.len(), 1);
        assert_eq!(proposal.reasons[0].category, "Customer");
        assert!(
            proposal
                .explanation
                .contains("After 8h, Customer reaches 4"),
            "{}",
            proposal.explanation
        );
    }

    #[test]
    fn several_reasons_are_named_together() {
        let mut cells = Vec::new();
        rate(&mut cells, 1, &[5]);
        rate(&mut cells, 2, &[4]);
        let proposal = propose_mtpd(&settings(), &cells).expect("a proposal");
        assert_eq!(proposal.mtpd.to_string(), "1h");
        assert!(
            proposal
                .explanation
                .contains("Financial reaches 5 (> 1 M EUR) and Operational reaches 4")
        );
    }

    #[test]
    fn setting_a_rating_raises_lower_later_cells_of_its_row() {
        let mut cells = Vec::new();
        rate(&mut cells, 1, &[0, 1, 1, 2]);
        let changed = set_rating(&settings(), &mut cells, 1, 2, 3, "").expect("set");
        let row: Vec<u8> = (1..=4)
            .map(|b| cell(&cells, 1, b).map_or(9, |c| c.rating))
            .collect();
        assert_eq!(row, [0, 3, 3, 3]);
        assert_eq!(changed.len(), 3, "the cell set and the two raised after it");
        assert!(falls(&settings(), &cells).is_empty());
    }

    #[test]
    fn a_fall_needs_a_rationale() {
        let mut cells = Vec::new();
        rate(&mut cells, 2, &[2, 4, 4]);
        let err = set_rating(&settings(), &mut cells, 2, 3, 1, " ").expect_err("refused");
        assert!(
            err.to_string()
                .contains("from 4 (after 4h) to 1 (after 8h)"),
            "{err}"
        );
        assert_eq!(
            cell(&cells, 2, 3).map(|c| c.rating),
            Some(4),
            "nothing changed"
        );

        set_rating(
            &settings(),
            &mut cells,
            2,
            3,
            1,
            "Work moves to the partner site after 6 h",
        )
        .expect("explained");
        let found = falls(&settings(), &cells);
        assert_eq!(found.len(), 1);
        assert!(found[0].explained);
        assert_eq!(
            (found[0].earlier_rating, found[0].earlier_bucket_id),
            (4, 2)
        );
    }

    #[test]
    fn an_explained_later_fall_is_not_raised_away() {
        let mut cells = Vec::new();
        rate(&mut cells, 1, &[1, 2]);
        set_rating(&settings(), &mut cells, 1, 3, 1, "Insurance pays out").expect("explained");
        set_rating(&settings(), &mut cells, 1, 1, 3, "").expect("set");
        assert_eq!(cell(&cells, 1, 2).map(|c| c.rating), Some(3));
        assert_eq!(
            cell(&cells, 1, 3).map(|c| c.rating),
            Some(1),
            "kept: it has a rationale"
        );
    }

    #[test]
    fn ratings_out_of_range_or_place_are_refused() {
        let mut cells = Vec::new();
        assert_eq!(
            set_rating(&settings(), &mut cells, 1, 1, 6, ""),
            Err(RatingError::OutOfRange)
        );
        assert_eq!(
            set_rating(&settings(), &mut cells, 99, 1, 1, ""),
            Err(RatingError::UnknownCell)
        );
        assert_eq!(
            set_rating(&settings(), &mut cells, 1, 99, 1, ""),
            Err(RatingError::UnknownCell)
        );
        assert!(cells.is_empty());
    }

    #[test]
    fn the_rto_may_not_exceed_the_mtpd() {
        let d = |t: &str| Duration::parse(t).expect("duration");
        assert!(check_rto(d("4h"), Some(d("8h"))).is_ok());
        assert!(check_rto(d("8h"), Some(d("8h"))).is_ok());
        assert!(
            check_rto(d("3d"), None).is_ok(),
            "no MTPD yet: nothing to compare"
        );
        let err = check_rto(d("1d"), Some(d("8h"))).expect_err("refused");
        assert!(err.contains("(1d) is longer than the MTPD (8h)"), "{err}");
    }

    proptest! {
        /// Whatever ratings are typed without rationales, in whatever order, rows stay
        /// monotone and the MTPD never comes before the first unacceptable rating typed.
        #[test]
        fn rows_typed_without_rationales_stay_monotone(
            steps in prop::collection::vec((1i64..=6, 1i64..=8, 0u8..=5), 0..60)
        ) {
            let s = settings();
            let mut cells = Vec::new();
            for (category, bucket, rating) in steps {
                let _ = set_rating(&s, &mut cells, category, bucket, rating, "");
            }
            prop_assert!(falls(&s, &cells).is_empty());
            if let Some(p) = propose_mtpd(&s, &cells) {
                let first = s.buckets.iter().find(|b| {
                    cells.iter().any(|c| c.bucket_id == b.id && c.rating >= s.unacceptable_rating)
                });
                prop_assert_eq!(Some(p.bucket_id), first.map(|b| b.id));
            }
        }
    }
}
