//! Resources: what activities need to run (IT services, applications, infrastructure,
//! data and vital records, suppliers, sites, people and roles, equipment).

use serde::{Deserialize, Serialize};

use super::Unresolved;

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

impl Resource {
    /// The name with its kind, as the audit log and messages show it.
    pub fn described(&self) -> String {
        format!("{} ({})", self.name, self.kind.label())
    }
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

/// How a resource is brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryStrategy {
    HotStandby,
    WarmStandby,
    ColdStandby,
    ManualWorkaround,
    RestoreFromBackup,
    AlternateSupplier,
    None,
}

impl RecoveryStrategy {
    pub const ALL: [RecoveryStrategy; 7] = [
        RecoveryStrategy::HotStandby,
        RecoveryStrategy::WarmStandby,
        RecoveryStrategy::ColdStandby,
        RecoveryStrategy::ManualWorkaround,
        RecoveryStrategy::RestoreFromBackup,
        RecoveryStrategy::AlternateSupplier,
        RecoveryStrategy::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecoveryStrategy::HotStandby => "hot_standby",
            RecoveryStrategy::WarmStandby => "warm_standby",
            RecoveryStrategy::ColdStandby => "cold_standby",
            RecoveryStrategy::ManualWorkaround => "manual_workaround",
            RecoveryStrategy::RestoreFromBackup => "restore_from_backup",
            RecoveryStrategy::AlternateSupplier => "alternate_supplier",
            RecoveryStrategy::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// How the strategy reads in a document.
    pub fn label(self) -> &'static str {
        match self {
            RecoveryStrategy::HotStandby => "Hot standby",
            RecoveryStrategy::WarmStandby => "Warm standby",
            RecoveryStrategy::ColdStandby => "Cold standby",
            RecoveryStrategy::ManualWorkaround => "Manual workaround",
            RecoveryStrategy::RestoreFromBackup => "Restore from backup",
            RecoveryStrategy::AlternateSupplier => "Alternate supplier",
            RecoveryStrategy::None => "None",
        }
    }
}

/// How we know a capability: wished, promised (an SLA), or timed in an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    Target,
    Committed,
    Demonstrated,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Target => "target",
            Evidence::Committed => "committed",
            Evidence::Demonstrated => "demonstrated",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Evidence::Target,
            Evidence::Committed,
            Evidence::Demonstrated,
        ]
        .into_iter()
        .find(|e| e.as_str() == text)
    }
}

/// What a resource can do, as typed: durations as in the BIA (`4h`), dates
/// `YYYY-MM-DD`, empty for unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ResourceCapabilityInput {
    pub owner: String,
    pub description: String,
    pub strategy: Option<RecoveryStrategy>,
    /// Recovery time capability: the time it needs once everything it depends on is back.
    pub rtc: String,
    /// Recovery point capability.
    pub rpc: String,
    pub evidence: Option<Evidence>,
    /// For demonstrated evidence: the date of the exercise that showed it.
    pub demonstrated_on: String,
    /// As read: the checked values (RTC, RPC, exercise date) typed and kept because Keel
    /// could not accept them; the fields above hold the values in force (accepted
    /// before). Ignored when sent back.
    #[serde(default)]
    pub kept: Vec<Unresolved>,
}
