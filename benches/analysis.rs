//! The dependency analysis on a large engagement: 10,000 activities and resources with
//! 50,000 dependencies (some in alternatives groups). `cargo bench --bench analysis`.

use criterion::{Criterion, criterion_group, criterion_main};
use keel::analysis::dependencies::{Graph, Need, Node, NodeKind};
use keel::domain::{Duration, NodeRef};

/// A deterministic pseudo-random sequence (no dependency on a random crate).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// 2,000 activities over 8,000 resources in layers (applications over infrastructure
/// over sites and suppliers), 50,000 needs in all, one in ten an alternatives group.
fn engagement() -> Graph {
    const ACTIVITIES: usize = 2_000;
    const RESOURCES: usize = 8_000;
    const NEEDS: usize = 50_000;
    let mut rng = Lcg(7);
    let minutes = |m: usize| Duration::from_minutes(m as u32);
    let mut nodes: Vec<Node> = (0..ACTIVITIES)
        .map(|i| Node {
            node: NodeRef::Activity(i as i64),
            name: format!("activity {i}"),
            kind: NodeKind::Activity {
                rto: minutes(60 * (1 + i % 72)),
                rpo: minutes(15 * (1 + i % 16)),
                mtpd: minutes(120 * (1 + i % 72)),
                tier: Some(1 + (i % 4) as u8),
            },
            needs: Vec::new(),
        })
        .collect();
    nodes.extend((0..RESOURCES).map(|i| Node {
        node: NodeRef::Resource(i as i64),
        name: format!("resource {i}"),
        kind: NodeKind::Resource {
            rtc: if i % 50 == 0 {
                None
            } else {
                minutes(30 * (1 + i % 24))
            },
            rpc: minutes(15 * (1 + i % 8)),
            standing: None,
        },
        needs: Vec::new(),
    }));
    for n in 0..NEEDS {
        // Activities need resources (and a few other activities); a resource needs
        // resources further down the layers, so the graph has no cycle.
        let from = if n < NEEDS / 3 {
            rng.below(ACTIVITIES)
        } else {
            ACTIVITIES + rng.below(RESOURCES - 100)
        };
        let lowest = if from < ACTIVITIES {
            ACTIVITIES
        } else {
            from + 1
        };
        let target = |rng: &mut Lcg| lowest + rng.below(ACTIVITIES + RESOURCES - lowest);
        let need = if n % 10 == 0 {
            Need::AnyOf(vec![target(&mut rng), target(&mut rng)])
        } else if from < ACTIVITIES && n % 97 == 0 && from + 1 < ACTIVITIES {
            Need::One(from + 1 + rng.below(ACTIVITIES - from - 1))
        } else {
            Need::One(target(&mut rng))
        };
        nodes[from].needs.push(need);
    }
    Graph { nodes }
}

fn analysis(c: &mut Criterion) {
    let graph = engagement();
    let mut group = c.benchmark_group("dependency analysis, 10,000 nodes, 50,000 needs");
    group.sample_size(20);
    group.bench_function("full (gaps, predictions, SPOFs, cycles)", |b| {
        b.iter(|| graph.analyze())
    });
    group.bench_function("gaps and predictions", |b| b.iter(|| graph.findings()));
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
