//! Hand-computed graphs for each finding, and properties over random graphs.
use super::*;
use proptest::prelude::*;

fn h(hours: u32) -> Option<Duration> {
    Duration::from_minutes(hours * 60)
}

/// A stable id from a name (FNV-1a), so each test node is a record of its own.
fn id_of(name: &str) -> i64 {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash >> 1) as i64
}

fn activity(name: &str, rto: u32, needs: Vec<Need>) -> Node {
    Node {
        node: NodeRef::Activity(id_of(name)),
        name: name.into(),
        kind: NodeKind::Activity {
            rto: h(rto),
            rpo: h(1),
            mtpd: h(rto * 2),
            tier: Some(1),
        },
        needs,
    }
}

fn resource(name: &str, rtc: Option<u32>, needs: Vec<Need>) -> Node {
    Node {
        node: NodeRef::Resource(id_of(name)),
        name: name.into(),
        kind: NodeKind::Resource {
            rtc: rtc.and_then(h),
            rpc: h(1),
            standing: None,
        },
        needs,
    }
}

fn kinds(analysis: &Analysis) -> Vec<(GapKind, &str)> {
    analysis
        .gaps
        .iter()
        .map(|g| (g.kind, g.node.as_str()))
        .collect()
}

#[test]
fn a_resource_slower_than_the_rto_of_a_chain_above_it_is_an_rto_gap_with_its_path() {
    // Dispatch (RTO 4h) needs WMS, which needs the database (RTC 6h).
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(1)]),
            resource("WMS", Some(1), vec![Need::One(2)]),
            resource("Database", Some(6), vec![]),
        ],
    };
    let a = g.analyze();
    let gap = a
        .gaps
        .iter()
        .find(|g| g.kind == GapKind::Rto)
        .expect("an rto gap");
    assert_eq!(gap.node, "Database");
    assert_eq!((gap.required_min, gap.capability_min), (h(4), h(6)));
    assert_eq!(gap.path, ["Dispatch", "WMS", "Database"]);
    let refs: Vec<NodeRef> = g.nodes.iter().map(|n| n.node).collect();
    assert_eq!(gap.node_ref, refs[2]);
    assert_eq!(gap.path_refs, refs);
}

#[test]
fn findings_name_their_nodes_by_record_as_well_as_by_name() {
    // Two resources share a name; the record tells them apart.
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(1)]),
            resource("Server", Some(6), vec![]),
            Node {
                node: NodeRef::Resource(2),
                ..resource("Server", Some(1), vec![])
            },
        ],
    };
    let a = g.analyze();
    assert_eq!(kinds(&a), [(GapKind::Rto, "Server")]);
    assert_eq!(a.gaps[0].node_ref, g.nodes[1].node);
    assert_eq!(a.spofs[0].resource_ref, g.nodes[1].node);
    assert_eq!(a.predicted[0].activity_ref, g.nodes[0].node);
    assert_eq!(
        a.predicted[0].critical_path_refs,
        [g.nodes[0].node, g.nodes[1].node]
    );
    let outcome = g.scenario(&[1]);
    assert_eq!(outcome[0].activity_ref, g.nodes[0].node);
    assert_eq!(g.named(" server "), [1, 2]);
}

#[test]
fn links_fast_enough_one_by_one_can_still_make_a_slow_chain() {
    // Each RTC is 2h, under the RTO of 4h; one after the other they take 6h.
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(1)]),
            resource("WMS", Some(2), vec![Need::One(2)]),
            resource("Server", Some(2), vec![Need::One(3)]),
            resource("Network", Some(2), vec![]),
        ],
    };
    let a = g.analyze();
    assert_eq!(kinds(&a), [(GapKind::Chain, "Dispatch")]);
    assert_eq!(
        a.gaps[0].explanation,
        "each link is fast enough, yet the chain recovers in 6h, past its RTO of 4h"
    );
    let prediction = &a.predicted[0];
    assert_eq!(prediction.predicted_min, h(6));
    assert_eq!(
        prediction.critical_path,
        ["Dispatch", "WMS", "Server", "Network"]
    );
}

#[test]
fn an_alternatives_group_is_as_good_as_its_best_member() {
    let group = |best: u32| Graph {
        nodes: vec![
            activity("Payments", 4, vec![Need::AnyOf(vec![1, 2])]),
            resource("Bank A", Some(8), vec![]),
            resource("Bank B", Some(best), vec![]),
        ],
    };
    assert!(group(2).analyze().gaps.is_empty(), "Bank B is fast enough");
    let a = group(6).analyze();
    assert_eq!(
        kinds(&a),
        [(GapKind::Rto, "Bank B")],
        "the best member is still too slow"
    );
    assert!(a.spofs.is_empty(), "neither bank breaks Payments alone");
}

#[test]
fn an_activity_needed_by_a_more_urgent_one_is_an_upstream_gap() {
    let g = Graph {
        nodes: vec![
            activity("Invoicing", 4, vec![Need::One(1)]),
            activity("Pricing", 24, vec![]),
        ],
    };
    let a = g.analyze();
    assert_eq!(kinds(&a), [(GapKind::Upstream, "Pricing")]);
    assert_eq!(a.gaps[0].path, ["Invoicing", "Pricing"]);
}

#[test]
fn a_required_resource_without_a_capability_is_unknown() {
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(1)]),
            resource("Scanner", None, vec![]),
        ],
    };
    let a = g.analyze();
    assert_eq!(kinds(&a), [(GapKind::Unknown, "Scanner")]);
    assert_eq!(
        a.predicted[0].predicted_min, None,
        "the prediction is unknown too"
    );
}

#[test]
fn single_points_of_failure_are_those_without_alternative() {
    // Dispatch needs the site and (WMS or paper); Loading needs the site.
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(2), Need::AnyOf(vec![3, 4])]),
            activity("Loading", 8, vec![Need::One(2)]),
            resource("Site", Some(1), vec![]),
            resource("WMS", Some(1), vec![]),
            resource("Paper forms", Some(1), vec![]),
        ],
    };
    let a = g.analyze();
    assert_eq!(a.spofs.len(), 1);
    assert_eq!(a.spofs[0].resource, "Site");
    assert_eq!(a.spofs[0].breaks, ["Dispatch", "Loading"]);
}

#[test]
fn cycles_are_named_and_the_rest_is_still_analysed() {
    let g = Graph {
        nodes: vec![
            resource("A", Some(1), vec![Need::One(1)]),
            resource("B", Some(1), vec![Need::One(0)]),
            activity("Dispatch", 4, vec![Need::One(3)]),
            resource("Database", Some(6), vec![]),
        ],
    };
    let a = g.analyze();
    assert_eq!(a.cycles, [vec!["A".to_owned(), "B".to_owned()]]);
    assert_eq!(kinds(&a), [(GapKind::Rto, "Database")]);
}

#[test]
fn losing_a_site_stops_what_needs_it_until_it_is_back() {
    let g = Graph {
        nodes: vec![
            activity("Dispatch", 4, vec![Need::One(2)]),
            activity("Payroll", 48, vec![Need::One(3)]),
            resource("Depot", Some(12), vec![]),
            resource("Payroll bureau", Some(1), vec![]),
        ],
    };
    let outcome = g.scenario(&[2]);
    assert_eq!(outcome.len(), 1, "only Dispatch stops");
    assert_eq!(outcome[0].activity, "Dispatch");
    assert_eq!(outcome[0].recovers_min, h(12));
    assert!(outcome[0].breaches_mtpd, "12h is past its MTPD of 8h");
}

fn arbitrary_graph() -> impl Strategy<Value = Graph> {
    (1usize..12).prop_flat_map(|n| {
        let node = (
            any::<bool>(),
            prop::option::of(0u32..72),
            prop::collection::vec((prop::collection::vec(0..n, 1..3), any::<bool>()), 0..3),
        );
        prop::collection::vec(node, n).prop_map(|nodes| Graph {
            nodes: nodes
                .into_iter()
                .enumerate()
                .map(|(i, (is_activity, time, needs))| {
                    let needs = needs
                        .into_iter()
                        .map(|(members, group)| {
                            if group {
                                Need::AnyOf(members)
                            } else {
                                Need::One(members[0])
                            }
                        })
                        .collect();
                    if is_activity {
                        activity(&format!("a{i}"), time.unwrap_or(4).max(1), needs)
                    } else {
                        resource(&format!("r{i}"), time, needs)
                    }
                })
                .collect(),
        })
    })
}

proptest! {
    #[test]
    fn analysis_never_panics(g in arbitrary_graph(), lost in prop::collection::vec(0usize..12, 0..3)) {
        let a = g.analyze();
        prop_assert_eq!(a.predicted.len(), g.nodes.iter().filter(|n| n.is_activity()).count());
        let lost: Vec<NodeId> = lost.into_iter().filter(|l| *l < g.nodes.len()).collect();
        let _ = g.scenario(&lost);
    }

    /// An alternative only helps: no existing node gets a capability, upstream or
    /// unknown finding it did not have, and no activity is predicted to recover
    /// later. (A group still too slow may now name the new member as its best, and
    /// a slow chain once hidden behind a slow link may now show as a chain gap: the
    /// same trouble, named more exactly.)
    #[test]
    fn adding_an_alternative_never_adds_a_gap(g in arbitrary_graph(), rtc in 0u32..72) {
        let hurt = |a: &Analysis| -> std::collections::BTreeSet<(String, String)> {
            a.gaps
                .iter()
                .filter(|g| g.node != "spare" && g.kind != GapKind::Chain)
                .map(|g| (format!("{:?}", g.kind), g.node.clone()))
                .collect()
        };
        let predicted = |a: &Analysis| a.predicted.iter().map(|p| p.predicted_min).collect::<Vec<_>>();
        let before_predicted = predicted(&g.analyze());
        let before = hurt(&g.analyze());
        // Give the first mandatory need of the first node that has one a fresh
        // alternative.
        let mut more = g;
        let extra = more.nodes.len();
        more.nodes.push(resource("spare", Some(rtc), vec![]));
        let first_mandatory = more
            .nodes
            .iter_mut()
            .flat_map(|n| n.needs.iter_mut())
            .find(|n| matches!(n, Need::One(_)));
        if let Some(need) = first_mandatory
            && let Need::One(id) = *need
        {
            *need = Need::AnyOf(vec![id, extra]);
        }
        let analysis = more.analyze();
        let after = hurt(&analysis);
        prop_assert!(after.is_subset(&before), "{:?} is not within {:?}", after, before);
        for (old, new) in before_predicted.iter().zip(predicted(&analysis)) {
            if let (Some(old), Some(new)) = (old, new) {
                prop_assert!(new <= *old, "predicted {} after, {} before", new, old);
            }
        }
    }
}
