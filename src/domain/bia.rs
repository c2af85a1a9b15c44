//! The settings of a business impact analysis: impact categories and their rating
//! scales, the time buckets at which impact is assessed, the rating at which an impact
//! becomes unacceptable, and the tier bands derived from the RTO.

use serde::{Deserialize, Serialize};

use super::duration::{DAY, HOUR, MONTH, WEEK};
use super::{DateOrder, Duration};

/// The highest rating of every scale (0 none … 5 severe).
pub const MAX_RATING: u8 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImpactCategory {
    pub id: i64,
    pub name: String,
    /// Amounts in the descriptors are in the engagement's currency.
    pub monetary: bool,
    /// One descriptor per rating, index = rating (0 ..= 5).
    pub levels: Vec<String>,
}

impl ImpactCategory {
    /// The descriptor of a rating as shown, with the currency for monetary scales.
    pub fn describe(&self, rating: u8, currency: &str) -> String {
        let text = self
            .levels
            .get(usize::from(rating))
            .cloned()
            .unwrap_or_default();
        if self.monetary && rating > 0 {
            format!("{text} {currency}")
        } else {
            text
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TimeBucket {
    pub id: i64,
    pub after: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TierBand {
    pub tier: u8,
    /// The longest RTO in this tier; `None` for the last tier ("beyond").
    pub max_rto: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BiaSettings {
    pub categories: Vec<ImpactCategory>,
    /// Shortest first.
    pub buckets: Vec<TimeBucket>,
    /// An impact at or above this rating is unacceptable.
    pub unacceptable_rating: u8,
    /// Strictest first; the last one has no upper bound.
    pub tiers: Vec<TierBand>,
    /// Currency of the financial descriptors, e.g. `EUR`.
    pub currency: String,
    /// Which comes first in dates written with numbers only; none: Keel asks.
    pub date_order: Option<DateOrder>,
}

fn minutes(m: u32) -> Duration {
    Duration::from_minutes(m).unwrap_or(Duration::ZERO)
}

impl BiaSettings {
    /// The defaults of a new engagement (ids are positions until stored).
    pub fn defaults(currency: &str) -> BiaSettings {
        let scales: [(&str, [String; 6]); 6] = [
            (
                "Financial",
                [
                    "No loss".into(),
                    "< 10 k".into(),
                    "10 k – 100 k".into(),
                    "100 k – 500 k".into(),
                    "500 k – 1 M".into(),
                    "> 1 M".into(),
                ],
            ),
            (
                "Operational",
                [
                    "No effect".into(),
                    "Minor delays, absorbed by the team".into(),
                    "Backlog cleared within a day".into(),
                    "Backlog needs overtime or extra staff".into(),
                    "Key operations stopped".into(),
                    "Operations cannot be restored without outside help".into(),
                ],
            ),
            (
                "Customer",
                [
                    "No customer notices".into(),
                    "A few customers notice".into(),
                    "Complaints from some customers".into(),
                    "Many customers affected, service levels missed".into(),
                    "Key customers affected, contracts at risk".into(),
                    "Customers lost".into(),
                ],
            ),
            (
                "Legal / regulatory",
                [
                    "None".into(),
                    "Internal policy breached".into(),
                    "Minor breach, no reporting needed".into(),
                    "Reportable breach".into(),
                    "Regulator investigation or fine".into(),
                    "Licence withdrawn or prosecution".into(),
                ],
            ),
            (
                "Reputational",
                [
                    "None".into(),
                    "Talked about internally".into(),
                    "Local or trade press".into(),
                    "National press for a day".into(),
                    "Sustained national coverage".into(),
                    "Lasting damage to the brand".into(),
                ],
            ),
            (
                "Health & safety",
                [
                    "None".into(),
                    "Discomfort".into(),
                    "Minor injury, first aid".into(),
                    "Injury needing treatment".into(),
                    "Serious injury".into(),
                    "Loss of life".into(),
                ],
            ),
        ];
        BiaSettings {
            categories: scales
                .into_iter()
                .enumerate()
                .map(|(i, (name, levels))| ImpactCategory {
                    id: i as i64 + 1,
                    name: name.into(),
                    monetary: i == 0,
                    levels: levels.into(),
                })
                .collect(),
            buckets: [
                HOUR,
                4 * HOUR,
                8 * HOUR,
                DAY,
                3 * DAY,
                WEEK,
                2 * WEEK,
                MONTH,
            ]
            .into_iter()
            .enumerate()
            .map(|(i, m)| TimeBucket {
                id: i as i64 + 1,
                after: minutes(m),
            })
            .collect(),
            unacceptable_rating: 4,
            tiers: vec![
                TierBand {
                    tier: 1,
                    max_rto: Some(minutes(4 * HOUR)),
                },
                TierBand {
                    tier: 2,
                    max_rto: Some(minutes(DAY)),
                },
                TierBand {
                    tier: 3,
                    max_rto: Some(minutes(3 * DAY)),
                },
                TierBand {
                    tier: 4,
                    max_rto: None,
                },
            ],
            currency: currency.into(),
            date_order: None,
        }
    }

    /// The tier of an activity with this RTO.
    pub fn tier_for(&self, rto: Duration) -> u8 {
        self.tiers
            .iter()
            .find(|band| band.max_rto.is_none_or(|max| rto <= max))
            .or(self.tiers.last())
            .map_or(0, |band| band.tier)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_usual_practice() {
        let s = BiaSettings::defaults("EUR");
        assert_eq!(s.categories.len(), 6);
        assert!(
            s.categories
                .iter()
                .all(|c| c.levels.len() == usize::from(MAX_RATING) + 1)
        );
        assert_eq!(s.categories[0].describe(5, &s.currency), "> 1 M EUR");
        assert_eq!(s.categories[0].describe(0, &s.currency), "No loss");
        assert_eq!(
            s.categories[1].describe(4, &s.currency),
            "Key operations stopped"
        );
        let buckets: Vec<String> = s.buckets.iter().map(|b| b.after.to_string()).collect();
        assert_eq!(buckets, ["1h", "4h", "8h", "1d", "3d", "1w", "2w", "1mo"]);
        assert_eq!(s.unacceptable_rating, 4);
    }

    #[test]
    fn tiers_follow_the_rto() {
        let s = BiaSettings::defaults("EUR");
        let tier = |text: &str| s.tier_for(Duration::parse(text).expect("duration"));
        assert_eq!(tier("0m"), 1);
        assert_eq!(tier("4h"), 1);
        assert_eq!(tier("4h 1m"), 2);
        assert_eq!(tier("24h"), 2);
        assert_eq!(tier("3d"), 3);
        assert_eq!(tier("3d 1m"), 4);
        assert_eq!(tier("1mo"), 4);
    }
}

/// One cell of the impact-over-time grid: category × time bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImpactCell {
    pub category_id: i64,
    pub bucket_id: i64,
    /// 0 ..= 5.
    pub rating: u8,
    /// Optional amount behind the rating: money, customers, records.
    pub quantity: Option<f64>,
    /// Why the rating is what it is; required when impact falls over time.
    pub rationale: String,
}

/// One change to the BIA settings; each is checked, saved and written to the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BiaSettingsEdit {
    UnacceptableRating {
        value: u8,
    },
    Currency {
        value: String,
    },
    /// Which comes first in dates written with numbers only (`12/02/2026`); none: ask.
    DateOrder {
        value: Option<DateOrder>,
    },
    RenameCategory {
        id: i64,
        name: String,
    },
    /// The descriptor of one rating (0 ..= 5) of a category.
    Level {
        id: i64,
        rating: u8,
        descriptor: String,
    },
    AddCategory {
        name: String,
    },
    /// Refused while any interview has a rating in the category.
    RemoveCategory {
        id: i64,
    },
    /// A duration as typed, e.g. `2d`.
    AddBucket {
        after: String,
    },
    /// Refused while any interview has a rating at the bucket.
    RemoveBucket {
        id: i64,
    },
    /// The longest RTO of a tier, as typed; the last tier has none.
    TierMax {
        tier: u8,
        max_rto: String,
    },
}
