//! The engagement as a dependency graph: capabilities, resource needs, alternatives
//! groups, and the analysis over them.

use keel::Error;
use keel::analysis::dependencies::GapKind;
use keel::domain::{Evidence, ResourceCapabilityInput, ResourceKind};

use crate::util::Fixture;

#[test]
fn a_slow_resource_under_an_urgent_activity_is_a_gap_with_its_path() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let (_, wms, server) = crate::util::dispatch_on_wms_on_server(&mut store);
    let rtc = |rtc: &str| ResourceCapabilityInput {
        rtc: rtc.into(),
        rpc: "0m".into(),
        ..Default::default()
    };
    store.set_resource_capability(wms, &rtc("1h")).expect("wms");
    store
        .set_resource_capability(server, &rtc("6h"))
        .expect("server");

    let analysis = store.analyze_dependencies().expect("analysis");
    let gap = analysis
        .gaps
        .iter()
        .find(|g| g.kind == GapKind::Rto)
        .expect("an rto gap");
    assert_eq!(gap.node, "Server");
    assert_eq!(gap.path, ["Dispatch", "WMS", "Server"]);
    assert_eq!(gap.explanation, "recovers in 6h, but 4h is required of it");
    assert_eq!(
        analysis.spofs.len(),
        2,
        "the WMS and the server each break Dispatch"
    );

    let log = store.audit_log(3).expect("log");
    assert!(log.iter().any(|e| e.entity == "resource"
        && e.field.as_deref() == Some("rtc")
        && e.new_value.as_deref() == Some("6h")));
}

#[test]
fn capabilities_are_checked_at_their_fields() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let id = store
        .add_catalogue_resource("WMS", ResourceKind::Application)
        .expect("wms")
        .id;
    let err = store
        .set_resource_capability(
            id,
            &ResourceCapabilityInput {
                rtc: "soon".into(),
                evidence: Some(Evidence::Demonstrated),
                ..Default::default()
            },
        )
        .expect_err("refused");
    let Error::Invalid(errors) = err else {
        panic!("expected a validation error")
    };
    assert!(errors.get("rtc").is_some_and(|m| m.contains("e.g. 90m")));
    assert!(errors.get("demonstrated_on").is_some());
}

#[test]
fn the_demo_has_findings_of_every_kind_and_an_alternatives_group() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let analysis = store.analyze_dependencies().expect("analysis");
    for kind in [
        GapKind::Rto,
        GapKind::Rpo,
        GapKind::Chain,
        GapKind::Upstream,
        GapKind::Unknown,
    ] {
        assert!(
            analysis.gaps.iter().any(|g| g.kind == kind),
            "no {kind:?} gap in the demo"
        );
    }
    assert!(!analysis.spofs.is_empty());
    assert!(
        !analysis.spofs.iter().any(|s| s.resource == "Drivers"),
        "own or agency drivers: an alternatives group, so neither is a single point of failure"
    );
    let outcome = store
        .loss_scenario(&["Halifax warehouse".into()])
        .expect("scenario");
    assert!(
        outcome
            .iter()
            .any(|o| o.activity == "Order picking and packing" && o.breaches_mtpd)
    );
    assert!(
        store.loss_scenario(&["Atlantis".into()]).is_err(),
        "an unknown name is refused"
    );
}
