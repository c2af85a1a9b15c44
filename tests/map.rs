//! The dependency map: layered positions, statuses, finding paths, positions kept by
//! hand, and needs added and removed from the map.

use keel::Error;
use keel::analysis::dependencies::GapKind;
use keel::domain::{MapPosition, NodeRef, NodeStatus, ResourceKind};

use crate::util::Fixture;

fn demo() -> (tempfile::TempDir, keel::EngagementStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    (dir, store)
}

#[test]
fn activities_sit_left_of_what_they_need_and_nothing_overlaps() {
    let (_dir, store) = demo();
    let map = store.dependency_map().expect("map");
    let at = |key: &str| map.nodes.iter().find(|n| n.key == key).expect("node");
    for edge in &map.edges {
        let (from, to) = (at(&edge.from), at(&edge.to));
        if to.resource_kind.is_some() {
            assert!(from.x < to.x, "{} should be left of {}", from.name, to.name);
        }
    }
    for (i, a) in map.nodes.iter().enumerate() {
        for b in &map.nodes[i + 1..] {
            let apart = (a.x - b.x).abs() >= map.node_width || (a.y - b.y).abs() >= map.node_height;
            assert!(apart, "{} and {} overlap", a.name, b.name);
        }
        assert!(a.x + map.node_width <= map.width && a.y + map.node_height <= map.height);
    }
    let site = map
        .nodes
        .iter()
        .find(|n| n.resource_kind == Some(ResourceKind::Site))
        .expect("a site");
    let app = map
        .nodes
        .iter()
        .find(|n| n.resource_kind == Some(ResourceKind::Application))
        .expect("an application");
    assert!(app.x < site.x, "applications come before sites");
}

#[test]
fn a_chain_finding_runs_along_edges_and_colours_its_activity() {
    let (_dir, store) = demo();
    let map = store.dependency_map().expect("map");
    let chain = map
        .findings
        .iter()
        .find(|f| f.gap.kind == GapKind::Chain)
        .expect("a chain gap in the demo");
    assert_eq!(
        chain.path.len(),
        chain.gap.path.len(),
        "every name found on the map"
    );
    for pair in chain.path.windows(2) {
        assert!(
            map.edges
                .iter()
                .any(|e| e.from == pair[0] && e.to == pair[1]),
            "{} does not need {}",
            pair[0],
            pair[1]
        );
    }
    let activity = map
        .nodes
        .iter()
        .find(|n| n.key == chain.path[0])
        .expect("activity");
    assert_eq!(activity.name, chain.gap.node);
    assert_eq!(activity.status, NodeStatus::Gap);
    let unknown = map
        .findings
        .iter()
        .find(|f| f.gap.kind == GapKind::Unknown)
        .expect("an unknown");
    let node = map
        .nodes
        .iter()
        .find(|n| Some(&n.key) == unknown.path.last())
        .expect("node");
    assert_ne!(node.status, NodeStatus::Ok);
    assert!(
        map.nodes.iter().any(|n| n.spof),
        "the demo has single points of failure"
    );
    assert!(map.nodes.iter().any(|n| n.status == NodeStatus::Ok));
}

#[test]
fn a_dragged_node_stays_where_it_was_put_until_the_layout_is_reset() {
    let (_dir, mut store) = demo();
    let before = store.dependency_map().expect("map");
    let node = before.nodes[0].clone();
    let key = NodeRef::parse("node", &node.key).expect("key");
    store
        .set_map_position(key, MapPosition { x: 1234.4, y: 55.6 })
        .expect("moved");
    let moved = store.dependency_map().expect("map");
    let again = moved
        .nodes
        .iter()
        .find(|n| n.key == node.key)
        .expect("node");
    assert_eq!((again.x, again.y, again.placed), (1234.0, 56.0, true));
    assert!(moved.width >= 1234.0 + moved.node_width);
    let log = store.audit_log(1).expect("log");
    assert_eq!(log[0].field.as_deref(), Some("position on the map"));
    assert_eq!(log[0].new_value.as_deref(), Some("1234, 56"));

    let refused = store.set_map_position(
        key,
        MapPosition {
            x: f64::NAN,
            y: 0.0,
        },
    );
    assert!(matches!(refused, Err(Error::Invalid(_))));
    assert!(matches!(
        store.set_map_position(NodeRef::Resource(9999), MapPosition { x: 1.0, y: 1.0 }),
        Err(Error::NotFound { .. })
    ));

    store.reset_map_layout().expect("reset");
    let reset = store.dependency_map().expect("map");
    assert_eq!(reset, before);
}

#[test]
fn needs_added_on_the_map_change_the_analysis_and_can_be_removed() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    let activity = store
        .add_activity(&keel::domain::ActivityInput {
            name: "Payroll".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    let app = store
        .add_catalogue_resource("Payroll system", ResourceKind::Application)
        .expect("app")
        .id;
    let host = store
        .add_catalogue_resource("Host A", ResourceKind::Infrastructure)
        .expect("host")
        .id;
    let (a, r, h) = (
        NodeRef::Activity(activity),
        NodeRef::Resource(app),
        NodeRef::Resource(host),
    );
    store.add_need(a, r, "").expect("activity needs app");
    store.add_need(r, h, "hosts").expect("app needs host");
    let map = store.dependency_map().expect("map");
    assert_eq!(map.edges.len(), 2);
    assert!(
        map.edges
            .iter()
            .any(|e| e.from == r.key() && e.to == h.key() && e.group == "hosts")
    );
    store.add_need(r, h, "").expect("group cleared");
    let map = store.dependency_map().expect("map");
    assert!(
        map.edges
            .iter()
            .any(|e| e.from == r.key() && e.group.is_empty())
    );

    assert!(matches!(store.add_need(r, a, ""), Err(Error::Invalid(_))));
    assert!(matches!(store.add_need(a, a, ""), Err(Error::Invalid(_))));

    store.remove_need(r, h).expect("removed");
    store.remove_need(a, r).expect("removed");
    assert!(store.dependency_map().expect("map").edges.is_empty());
    let log = store.audit_log(2).expect("log");
    assert!(
        log.iter()
            .all(|e| e.action == keel::domain::AuditAction::Delete)
    );
}
