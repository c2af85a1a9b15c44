//! The review of what has gone stale: the store gathers, `review::review` decides.

use chrono::NaiveDate;

use crate::review::{self, Review};
use crate::{EngagementStore, Result};

/// The review today, by the store's clock.
pub fn review(store: &EngagementStore) -> Result<Review> {
    review_on(store, store.now().date_naive())
}

/// The review as it stands on `today`.
pub fn review_on(store: &EngagementStore, today: NaiveDate) -> Result<Review> {
    Ok(review::review(&store.review_inputs()?, today))
}
