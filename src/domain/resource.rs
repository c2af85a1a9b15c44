//! Resources: what activities need to run (IT services, applications, infrastructure,
//! data and vital records, suppliers, sites, people and roles, equipment).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    ItService,
    Application,
    Infrastructure,
    Data,
    Supplier,
    Site,
    People,
    Equipment,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 8] = [
        ResourceKind::ItService,
        ResourceKind::Application,
        ResourceKind::Infrastructure,
        ResourceKind::Data,
        ResourceKind::Supplier,
        ResourceKind::Site,
        ResourceKind::People,
        ResourceKind::Equipment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::ItService => "it_service",
            ResourceKind::Application => "application",
            ResourceKind::Infrastructure => "infrastructure",
            ResourceKind::Data => "data",
            ResourceKind::Supplier => "supplier",
            ResourceKind::Site => "site",
            ResourceKind::People => "people",
            ResourceKind::Equipment => "equipment",
        }
    }

    /// How the kind reads in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::ItService => "IT service",
            ResourceKind::Application => "application",
            ResourceKind::Infrastructure => "infrastructure",
            ResourceKind::Data => "data / vital record",
            ResourceKind::Supplier => "supplier",
            ResourceKind::Site => "site",
            ResourceKind::People => "people / role",
            ResourceKind::Equipment => "equipment",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Resource {
    pub id: i64,
    pub name: String,
    pub kind: ResourceKind,
}

/// A resource an activity needs, with the amounts needed after each time bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ResourceNeed {
    pub resource: Resource,
    /// (bucket id, amount), in no particular order; buckets without one are absent.
    pub amounts: Vec<ResourceAmount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ResourceAmount {
    pub bucket_id: i64,
    pub quantity: f64,
}

/// Another activity, as a link in the dependencies of an interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActivityLink {
    pub id: i64,
    pub name: String,
}
