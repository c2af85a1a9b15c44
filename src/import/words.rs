//! Kinds, strategies and evidence as people write them in spreadsheets.

use crate::domain::{Evidence, RecoveryStrategy, ResourceKind};

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

pub fn kind(text: &str) -> Option<ResourceKind> {
    Some(match key(text).as_str() {
        "itservice" | "service" | "itservices" => ResourceKind::ItService,
        "application" | "app" | "applications" | "software" | "system" => ResourceKind::Application,
        "infrastructure" | "infra" | "server" | "network" => ResourceKind::Infrastructure,
        "data" | "vitalrecord" | "vitalrecords" | "datavitalrecord" | "record" | "records" => {
            ResourceKind::Data
        }
        "supplier" | "vendor" | "suppliers" | "thirdparty" => ResourceKind::Supplier,
        "site" | "location" | "building" | "premises" => ResourceKind::Site,
        "people" | "role" | "peoplerole" | "staff" | "person" | "team" => ResourceKind::People,
        "equipment" | "device" | "devices" => ResourceKind::Equipment,
        _ => return None,
    })
}

pub fn strategy(text: &str) -> Option<RecoveryStrategy> {
    Some(match key(text).as_str() {
        "hotstandby" | "hot" | "activeactive" => RecoveryStrategy::HotStandby,
        "warmstandby" | "warm" => RecoveryStrategy::WarmStandby,
        "coldstandby" | "cold" => RecoveryStrategy::ColdStandby,
        "manualworkaround" | "manual" | "workaround" => RecoveryStrategy::ManualWorkaround,
        "restorefrombackup" | "restore" | "backup" => RecoveryStrategy::RestoreFromBackup,
        "alternatesupplier" | "alternativesupplier" | "secondsupplier" => {
            RecoveryStrategy::AlternateSupplier
        }
        "none" | "nostrategy" => RecoveryStrategy::None,
        _ => return None,
    })
}

pub fn evidence(text: &str) -> Option<Evidence> {
    Some(match key(text).as_str() {
        "target" | "wished" | "assumed" => Evidence::Target,
        "committed" | "sla" | "contract" | "promised" => Evidence::Committed,
        "demonstrated" | "tested" | "exercised" => Evidence::Demonstrated,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_as_people_write_them() {
        assert_eq!(kind("IT service"), Some(ResourceKind::ItService));
        assert_eq!(kind("Application"), Some(ResourceKind::Application));
        assert_eq!(kind("data / vital record"), Some(ResourceKind::Data));
        assert_eq!(kind("People/Role"), Some(ResourceKind::People));
        assert_eq!(kind("spaceship"), None);
        assert_eq!(strategy("Hot standby"), Some(RecoveryStrategy::HotStandby));
        assert_eq!(evidence("SLA"), Some(Evidence::Committed));
    }
}
