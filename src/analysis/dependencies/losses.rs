//! Losses: which activities a single resource breaks on its own (single points of
//! failure), and what happens when several nodes are lost at once (scenarios).

use super::{Graph, NodeId, NodeKind, ScenarioOutcome, Spof};
use crate::domain::Duration;

impl Graph {
    /// Which activities each resource breaks on its own. A node breaks when something
    /// it needs without alternative breaks, or when every member of one of its groups
    /// does: per node, the set of resources whose loss alone breaks it.
    pub(super) fn spofs(&self, order: &[NodeId], in_cycle: &[bool]) -> Vec<Spof> {
        let resources: Vec<NodeId> = (0..self.nodes.len())
            .filter(|id| !self.nodes[*id].is_activity())
            .collect();
        let mut slot = vec![usize::MAX; self.nodes.len()];
        for (i, id) in resources.iter().enumerate() {
            slot[*id] = i;
        }
        let words = resources.len().div_ceil(64);
        let mut critical: Vec<Vec<u64>> = vec![vec![0; words]; self.nodes.len()];
        for &id in order {
            if in_cycle[id] {
                continue;
            }
            let mut set = vec![0u64; words];
            if slot[id] != usize::MAX {
                set[slot[id] / 64] |= 1 << (slot[id] % 64);
            }
            for need in &self.nodes[id].needs {
                let mut members = need.members().iter().filter(|m| !in_cycle[**m]);
                let Some(first) = members.next() else {
                    continue;
                };
                let Some(second) = members.next() else {
                    // A single member: what breaks it breaks this node, no copy needed.
                    for (s, c) in set.iter_mut().zip(&critical[*first]) {
                        *s |= c;
                    }
                    continue;
                };
                let mut common = critical[*first].clone();
                for m in std::iter::once(second).chain(members) {
                    for (c, w) in common.iter_mut().zip(&critical[*m]) {
                        *c &= w;
                    }
                }
                for (s, c) in set.iter_mut().zip(common) {
                    *s |= c;
                }
            }
            critical[id] = set;
        }
        // Invert "node -> resources that break it" into "resource -> activities it
        // breaks", walking only the set bits.
        let mut broken: Vec<Vec<NodeId>> = vec![Vec::new(); resources.len()];
        for (activity, node) in self.nodes.iter().enumerate() {
            if !node.is_activity() {
                continue;
            }
            for (w, word) in critical[activity].iter().enumerate() {
                let mut bits = *word;
                while bits != 0 {
                    let bit = bits.trailing_zeros() as usize;
                    broken[w * 64 + bit].push(activity);
                    bits &= bits - 1;
                }
            }
        }
        let mut spofs: Vec<(Option<u8>, Spof)> = resources
            .iter()
            .zip(broken)
            .filter(|(_, broken)| !broken.is_empty())
            .map(|(&resource, broken)| {
                let best_tier = broken
                    .iter()
                    .filter_map(|a| match self.nodes[*a].kind {
                        NodeKind::Activity { tier, .. } => tier,
                        NodeKind::Resource { .. } => None,
                    })
                    .min();
                (
                    best_tier,
                    Spof {
                        resource: self.name(resource),
                        resource_ref: self.nodes[resource].node,
                        breaks: broken.iter().map(|a| self.name(*a)).collect(),
                    },
                )
            })
            .collect();
        // Most harmful first: the most urgent tier broken, then how many activities.
        spofs.sort_by(|(ta, a), (tb, b)| {
            (
                ta.is_none(),
                ta,
                std::cmp::Reverse(a.breaks.len()),
                &a.resource,
            )
                .cmp(&(
                    tb.is_none(),
                    tb,
                    std::cmp::Reverse(b.breaks.len()),
                    &b.resource,
                ))
        });
        spofs.into_iter().map(|(_, s)| s).collect()
    }

    /// Loses the given nodes at once: which activities stop, when each would recover
    /// (lost resources take their RTC once what they need is back; nothing else needs
    /// recovering), and which breach their MTPD.
    pub fn scenario(&self, lost: &[NodeId]) -> Vec<ScenarioOutcome> {
        let (_, order) = self.cycles_and_order();
        let mut down: Vec<Option<Option<Duration>>> = vec![None; self.nodes.len()];
        // down[id]: None = running throughout; Some(t) = back at t (None if unknown).
        for &id in &order {
            let node = &self.nodes[id];
            let mut back: Option<Option<Duration>> = None;
            for need in &node.needs {
                // A group is running if any member runs; else back with its earliest.
                let members: Vec<Option<Option<Duration>>> =
                    need.members().iter().map(|m| down[*m]).collect();
                if members.iter().any(Option::is_none) {
                    continue;
                }
                let earliest = members
                    .iter()
                    .map(|m| m.flatten())
                    .min_by_key(|t| t.map_or(u32::MAX, Duration::minutes))
                    .flatten();
                back = Some(match (back, earliest) {
                    (None, e) => e,
                    (Some(Some(a)), Some(b)) => Some(a.max(b)),
                    _ => None,
                });
            }
            if lost.contains(&id) {
                let start = back.unwrap_or(Some(Duration::ZERO));
                back = Some(match (start, node.recovery()) {
                    (Some(s), Some(r)) => {
                        Duration::from_minutes(s.minutes().saturating_add(r.minutes()))
                    }
                    _ => None,
                });
            }
            down[id] = back;
        }
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(id, node)| {
                let NodeKind::Activity { mtpd, .. } = node.kind else {
                    return None;
                };
                let back = down[id]?;
                Some(ScenarioOutcome {
                    activity: node.name.clone(),
                    activity_ref: node.node,
                    recovers_min: back,
                    mtpd_min: mtpd,
                    breaches_mtpd: match (back, mtpd) {
                        (Some(b), Some(m)) => b > m,
                        (None, Some(_)) => true,
                        _ => false,
                    },
                })
            })
            .collect()
    }
}
