//! One line of the prioritised list of activities: what the BIA concluded for it.

use serde::Serialize;

use super::{Duration, InterviewStatus, Unresolved};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BiaResult {
    pub activity_id: i64,
    pub activity: String,
    pub unit: Option<String>,
    /// `None` when no interview was started.
    pub status: Option<InterviewStatus>,
    #[serde(rename = "mtpd_minutes")]
    pub mtpd: Option<Duration>,
    /// True when the MTPD was set by hand instead of proposed from the grid.
    pub mtpd_overridden: bool,
    #[serde(rename = "rto_minutes")]
    pub rto: Option<Duration>,
    #[serde(rename = "rpo_minutes")]
    pub rpo: Option<Duration>,
    pub mbco_percent: Option<u8>,
    pub mbco_statement: String,
    pub tier: Option<u8>,
    /// How many things the interview still lacks to be complete.
    pub missing: usize,
    /// Values typed and not accepted yet, kept as typed.
    pub unresolved: Vec<Unresolved>,
    /// The highest rating of any category at each time bucket (settings order), for the
    /// heat map; `None` where nothing is rated.
    pub peak_by_bucket: Vec<Option<u8>>,
    /// How many resources the activity needs, as recorded.
    pub resources: usize,
    /// How many dependencies are recorded: activities it needs, and suppliers.
    pub dependencies: usize,
}

impl BiaResult {
    /// The minimum service level in words: the percentage (`60%`), or else the
    /// statement (empty when neither was given).
    pub fn minimum_level(&self) -> String {
        match self.mbco_percent {
            Some(p) => format!("{p}%"),
            None => self.mbco_statement.clone(),
        }
    }
}

/// What the BIA still lacks: activities not interviewed or not complete, and the
/// elements of ISO 22301 clause 8.2.2 the engagement's data does not cover yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BiaCompleteness {
    pub not_started: Vec<String>,
    pub incomplete: Vec<String>,
    pub iso: Vec<IsoElement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IsoElement {
    /// `a` to `h`.
    pub item: String,
    pub requirement: String,
    pub covered: bool,
    pub detail: String,
}
