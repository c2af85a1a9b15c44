//! Dependency analysis over whole chains (issue 4, first step: the pure core).
//!
//! The graph holds activities and resources; each node lists what it needs, either a
//! single node (mandatory) or an alternatives group (any one member suffices). From it:
//! - the RTO and RPO required of every node: the strictest of everything that depends on
//!   it, directly or through any chain, with the path that sets it;
//! - gaps: `rto`/`rpo` (a capability slower than required; for a group, its best member),
//!   `chain` (every link fast enough, the chain as a whole not), `upstream` (an activity
//!   needed by one with a shorter RTO), `unknown` (a required capability not recorded);
//! - predicted recovery after a total loss, with the critical path;
//! - single points of failure, and loss scenarios;
//! - cycles, reported by name, with the analysis completing outside them.
//!
//! RTC means the time a resource needs to recover once everything it depends on is
//! available; an activity's predicted recovery is the latest finish among what it needs.

use serde::{Deserialize, Serialize};

use crate::analysis::evidence::Standing;
use crate::domain::{Duration, NodeRef};

pub use standing::CapabilityStanding;

/// Index of a node in a [`Graph`].
pub type NodeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Activity {
        rto: Option<Duration>,
        rpo: Option<Duration>,
        mtpd: Option<Duration>,
        tier: Option<u8>,
    },
    Resource {
        /// Recovery time capability, once everything it needs is available.
        rtc: Option<Duration>,
        /// Recovery point capability.
        rpc: Option<Duration>,
        /// How the capability stands (its grade, a demonstration in force or expired),
        /// when the graph was built with one; `rtc` and `rpc` are the values in force.
        standing: Option<Box<Standing>>,
    },
}

/// What a node needs: one node, or any one of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    One(NodeId),
    AnyOf(Vec<NodeId>),
}

impl Need {
    pub fn members(&self) -> &[NodeId] {
        match self {
            Need::One(id) => std::slice::from_ref(id),
            Need::AnyOf(ids) => ids,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The record this node is: the stable key findings refer to it by.
    pub node: NodeRef,
    /// For display only.
    pub name: String,
    pub kind: NodeKind,
    pub needs: Vec<Need>,
}

impl Node {
    fn is_activity(&self) -> bool {
        matches!(self.kind, NodeKind::Activity { .. })
    }

    fn own_rto(&self) -> Option<Duration> {
        match self.kind {
            NodeKind::Activity { rto, .. } => rto,
            NodeKind::Resource { .. } => None,
        }
    }

    fn own_rpo(&self) -> Option<Duration> {
        match self.kind {
            NodeKind::Activity { rpo, .. } => rpo,
            NodeKind::Resource { .. } => None,
        }
    }

    /// The time this node itself takes to recover: its RTC, nothing for an activity.
    fn recovery(&self) -> Option<Duration> {
        match self.kind {
            NodeKind::Activity { .. } => Some(Duration::ZERO),
            NodeKind::Resource { rtc, .. } => rtc,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    Rto,
    Rpo,
    Chain,
    Upstream,
    Unknown,
    /// An exercise showed the resource recovering slower than its target or commitment.
    DemonstratedSlower,
    /// The resource's last demonstration has expired; the grade beneath it counts again.
    DemonstrationExpired,
}

impl GapKind {
    /// The kind as the JSON spells it (`demonstrated_slower`).
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::Rto => "rto",
            GapKind::Rpo => "rpo",
            GapKind::Chain => "chain",
            GapKind::Upstream => "upstream",
            GapKind::Unknown => "unknown",
            GapKind::DemonstratedSlower => "demonstrated_slower",
            GapKind::DemonstrationExpired => "demonstration_expired",
        }
    }
}

/// A finding, with the dependency path (from the activity that sets the requirement
/// down to the node) that explains it. Nodes are named for display, and referred to by
/// record in `node_ref` and `path_refs` (`activity:ID` keys in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Gap {
    pub kind: GapKind,
    pub node: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub node_ref: NodeRef,
    /// The requirement, in whole minutes (RTO or RPO; for `chain`, the activity's RTO;
    /// for `demonstrated_slower`, the target or committed RTC; for
    /// `demonstration_expired`, the RTO required of it, if any).
    pub required_min: Option<Duration>,
    /// What the node can do, in whole minutes (RTC, RPC; for `chain`, the prediction;
    /// for `demonstrated_slower`, the RTC shown; for `demonstration_expired`, the RTC in
    /// force again).
    pub capability_min: Option<Duration>,
    pub path: Vec<String>,
    #[cfg_attr(test, ts(type = "Array<string>"))]
    pub path_refs: Vec<NodeRef>,
    /// The gap in words, after the node's name ("recovers in 1w, but 4h is required of
    /// it"): the same sentence in the app, the CLI and the PDF.
    pub explanation: String,
}

impl Gap {
    /// The gap of node `node` of `graph` along `path` (node ids), explained in words.
    fn new(
        graph: &Graph,
        kind: GapKind,
        node: NodeId,
        required_min: Option<Duration>,
        capability_min: Option<Duration>,
        path: &[NodeId],
    ) -> Gap {
        let (cap, req) = (
            Duration::text_or(capability_min, "?"),
            Duration::text_or(required_min, "?"),
        );
        let explanation = match kind {
            GapKind::Rto => format!("recovers in {cap}, but {req} is required of it"),
            GapKind::Rpo => {
                format!("can restore to {cap} ago, but at most {req} of data may be lost")
            }
            GapKind::Chain => format!(
                "each link is fast enough, yet the chain recovers in {cap}, past its RTO of {req}"
            ),
            GapKind::Upstream => format!(
                "has an RTO of {cap}, but something that needs it must be back within {req}"
            ),
            GapKind::Unknown => {
                format!("is needed within {req}, but nobody has recorded how fast it recovers")
            }
            GapKind::DemonstratedSlower | GapKind::DemonstrationExpired => {
                standing::explanation(kind, graph.standing(node))
            }
        };
        Gap {
            kind,
            node: graph.name(node),
            node_ref: graph.nodes[node].node,
            required_min,
            capability_min,
            path: path.iter().map(|id| graph.name(*id)).collect(),
            path_refs: path.iter().map(|id| graph.nodes[*id].node).collect(),
            explanation,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Prediction {
    pub activity: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub activity_ref: NodeRef,
    pub rto_min: Option<Duration>,
    /// Predicted recovery after a total loss; `None` when a capability on the way is
    /// unknown or the activity sits on a cycle.
    pub predicted_min: Option<Duration>,
    /// From the activity down to the last node to recover.
    pub critical_path: Vec<String>,
    #[cfg_attr(test, ts(type = "Array<string>"))]
    pub critical_path_refs: Vec<NodeRef>,
}

/// A resource whose loss alone stops the activities it `breaks` (by name: activity
/// names are unique, and a second list of records for every broken activity made the
/// analysis of a large engagement 5% slower).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Spof {
    pub resource: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub resource_ref: NodeRef,
    pub breaks: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Analysis {
    pub gaps: Vec<Gap>,
    pub spofs: Vec<Spof>,
    pub predicted: Vec<Prediction>,
    pub cycles: Vec<Vec<String>>,
    /// How each resource's capability stands: the grade and values in force, with the
    /// demonstration in force or the one that expired. (Only in the full analysis.)
    pub capabilities: Vec<CapabilityStanding>,
}

/// The outcome of losing some resources at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScenarioOutcome {
    pub activity: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub activity_ref: NodeRef,
    /// When it would be running again, in whole minutes; `None` when unknown.
    pub recovers_min: Option<Duration>,
    pub mtpd_min: Option<Duration>,
    pub breaches_mtpd: bool,
}

impl Graph {
    fn name(&self, id: NodeId) -> String {
        self.nodes[id].name.clone()
    }

    /// The nodes a person means by `name`: those called that, ignoring case and the
    /// spaces around it.
    pub fn named(&self, name: &str) -> Vec<NodeId> {
        let key = name.trim().to_lowercase();
        (0..self.nodes.len())
            .filter(|id| self.nodes[*id].name.to_lowercase() == key)
            .collect()
    }

    /// The nodes on cycles (each strongly connected component of more than one node,
    /// or a node that needs itself), and every node's topological position otherwise.
    fn cycles_and_order(&self) -> (Vec<Vec<NodeId>>, Vec<NodeId>) {
        let n = self.nodes.len();
        // Iterative Tarjan over "X needs Y" edges.
        let mut index = vec![usize::MAX; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut components: Vec<Vec<NodeId>> = Vec::new();
        let mut next = 0;
        let successors = |v: NodeId| -> Vec<NodeId> {
            self.nodes[v]
                .needs
                .iter()
                .flat_map(|need| need.members().iter().copied())
                .collect()
        };
        for root in 0..n {
            if index[root] != usize::MAX {
                continue;
            }
            let mut work: Vec<(NodeId, Vec<NodeId>, usize)> = vec![(root, successors(root), 0)];
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some((v, succ, i)) = work.last_mut() {
                if let Some(&w) = succ.get(*i) {
                    *i += 1;
                    if index[w] == usize::MAX {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        work.push((w, successors(w), 0));
                    } else if on_stack[w] {
                        low[*v] = low[*v].min(index[w]);
                    }
                } else {
                    let v = *v;
                    work.pop();
                    if let Some((parent, _, _)) = work.last() {
                        low[*parent] = low[*parent].min(low[v]);
                    }
                    if low[v] == index[v] {
                        let mut component = Vec::new();
                        while let Some(w) = stack.pop() {
                            on_stack[w] = false;
                            component.push(w);
                            if w == v {
                                break;
                            }
                        }
                        components.push(component);
                    }
                }
            }
        }
        // Tarjan emits components dependencies-first: that is the order to compute
        // finishes in. Cycles are the components that loop.
        let mut cycles = Vec::new();
        let mut order = Vec::new();
        for component in components {
            let loops = component.len() > 1 || successors(component[0]).contains(&component[0]);
            if loops {
                let mut names = component.clone();
                names.sort_unstable();
                cycles.push(names);
            } else {
                order.push(component[0]);
            }
        }
        (cycles, order)
    }

    /// The full analysis.
    pub fn analyze(&self) -> Analysis {
        self.run(true)
    }

    /// When each node is back after a total loss, in whole minutes; `None` when a
    /// capability on the way is unknown or the node sits on a cycle.
    pub fn recovery_finishes(&self) -> Vec<Option<Duration>> {
        let (cycles, order) = self.cycles_and_order();
        let mut in_cycle = vec![false; self.nodes.len()];
        for id in cycles.iter().flatten() {
            in_cycle[*id] = true;
        }
        self.finishes(&order, &in_cycle)
            .into_iter()
            .map(|f| f.map(|(at, _)| at))
            .collect()
    }

    /// Gaps, predictions and cycles, without the single points of failure.
    pub fn findings(&self) -> Analysis {
        self.run(false)
    }

    /// With `full`, the single points of failure and the capabilities' standings too.
    fn run(&self, full: bool) -> Analysis {
        let (cycles, order) = self.cycles_and_order();
        let mut in_cycle = vec![false; self.nodes.len()];
        for id in cycles.iter().flatten() {
            in_cycle[*id] = true;
        }
        let required_rto = self.required(&order, &in_cycle, Node::own_rto);
        let required_rpo = self.required(&order, &in_cycle, Node::own_rpo);
        let finish = self.finishes(&order, &in_cycle);

        let mut gaps = Vec::new();
        self.capability_gaps(
            &required_rto,
            GapKind::Rto,
            |node| match node.kind {
                NodeKind::Resource { rtc, .. } => rtc,
                NodeKind::Activity { .. } => None,
            },
            &mut gaps,
        );
        self.capability_gaps(
            &required_rpo,
            GapKind::Rpo,
            |node| match node.kind {
                NodeKind::Resource { rpc, .. } => rpc,
                NodeKind::Activity { .. } => None,
            },
            &mut gaps,
        );
        self.upstream_gaps(&required_rto, &mut gaps);
        self.unknown_gaps(&required_rto, &required_rpo, &mut gaps);
        self.evidence_gaps(&required_rto, &mut gaps);

        // A slow chain through a link that is itself too slow is that link's gap.
        let slow_links: std::collections::HashSet<NodeRef> = gaps
            .iter()
            .filter(|g| g.kind == GapKind::Rto)
            .map(|g| g.node_ref)
            .collect();
        let mut predicted = Vec::new();
        for (id, node) in self.nodes.iter().enumerate() {
            let NodeKind::Activity { rto, .. } = node.kind else {
                continue;
            };
            let (at, path): (_, &[NodeId]) = match &finish[id] {
                Some((at, path)) => (Some(*at), path),
                None => (None, &[]),
            };
            if let (Some(at), Some(rto)) = (at, rto)
                && at > rto
                && !path
                    .iter()
                    .any(|n| slow_links.contains(&self.nodes[*n].node))
            {
                gaps.push(Gap::new(
                    self,
                    GapKind::Chain,
                    id,
                    Some(rto),
                    Some(at),
                    path,
                ));
            }
            predicted.push(Prediction {
                activity: node.name.clone(),
                activity_ref: node.node,
                rto_min: rto,
                predicted_min: at,
                critical_path: path.iter().map(|n| self.name(*n)).collect(),
                critical_path_refs: path.iter().map(|n| self.nodes[*n].node).collect(),
            });
        }

        Analysis {
            gaps,
            spofs: if full {
                self.spofs(&order, &in_cycle)
            } else {
                Vec::new()
            },
            predicted,
            cycles: cycles
                .iter()
                .map(|c| c.iter().map(|id| self.name(*id)).collect())
                .collect(),
            capabilities: if full { self.standings() } else { Vec::new() },
        }
    }

    /// For every node, the strictest requirement of everything that needs it (its own
    /// for an activity), with the path from the node that sets it. Requirements do not
    /// pass through cycles.
    fn required(
        &self,
        order: &[NodeId],
        in_cycle: &[bool],
        own: impl Fn(&Node) -> Option<Duration>,
    ) -> Vec<Option<(Duration, Vec<NodeId>)>> {
        let mut required: Vec<Option<(Duration, Vec<NodeId>)>> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(id, node)| own(node).map(|d| (d, vec![id])))
            .collect();
        // Dependents come after what they need in `order`: walk it backwards.
        for &id in order.iter().rev() {
            if in_cycle[id] {
                continue;
            }
            // Taken out while its needs are updated (none of them is `id`: a node that
            // needs itself is on a cycle), and put back after.
            let Some((limit, path)) = required[id].take() else {
                continue;
            };
            for need in &self.nodes[id].needs {
                for &member in need.members() {
                    if in_cycle[member] {
                        continue;
                    }
                    let stricter = required[member].as_ref().is_none_or(|(d, _)| limit < *d);
                    if stricter {
                        let mut longer = path.clone();
                        longer.push(member);
                        required[member] = Some((limit, longer));
                    }
                }
            }
            required[id] = Some((limit, path));
        }
        required
    }

    /// `rto`/`rpo` gaps: mandatory needs whose capability is slower than the node that
    /// needs them requires, and alternatives groups whose best member is.
    fn capability_gaps(
        &self,
        required: &[Option<(Duration, Vec<NodeId>)>],
        kind: GapKind,
        capability: impl Fn(&Node) -> Option<Duration>,
        gaps: &mut Vec<Gap>,
    ) {
        let mut reported = vec![false; self.nodes.len()];
        for (parent, node) in self.nodes.iter().enumerate() {
            let Some((limit, path)) = &required[parent] else {
                continue;
            };
            for need in &node.needs {
                // The member that does best; a group is as good as its best member.
                let best = need
                    .members()
                    .iter()
                    .filter_map(|m| capability(&self.nodes[*m]).map(|c| (c, *m)))
                    .min();
                let Some((best_capability, member)) = best else {
                    continue;
                };
                let unknown_member = need
                    .members()
                    .iter()
                    .any(|m| capability(&self.nodes[*m]).is_none());
                let group = matches!(need, Need::AnyOf(_));
                if best_capability > *limit && !(group && unknown_member) && !reported[member] {
                    reported[member] = true;
                    let mut longer = path.clone();
                    longer.push(member);
                    gaps.push(Gap::new(
                        self,
                        kind,
                        member,
                        Some(*limit),
                        Some(best_capability),
                        &longer,
                    ));
                }
            }
        }
    }

    /// Activities needed by something with a shorter RTO than their own.
    fn upstream_gaps(&self, required: &[Option<(Duration, Vec<NodeId>)>], gaps: &mut Vec<Gap>) {
        for (id, node) in self.nodes.iter().enumerate() {
            let (Some(own), Some((limit, path))) = (node.own_rto(), &required[id]) else {
                continue;
            };
            if node.is_activity() && *limit < own {
                gaps.push(Gap::new(
                    self,
                    GapKind::Upstream,
                    id,
                    Some(*limit),
                    Some(own),
                    path,
                ));
            }
        }
    }

    /// Resources something requires a recovery time or point of, without an RTC or RPC.
    fn unknown_gaps(
        &self,
        rto: &[Option<(Duration, Vec<NodeId>)>],
        rpo: &[Option<(Duration, Vec<NodeId>)>],
        gaps: &mut Vec<Gap>,
    ) {
        for (id, node) in self.nodes.iter().enumerate() {
            let NodeKind::Resource { rtc, rpc, .. } = node.kind else {
                continue;
            };
            let missing_rtc = rtc.is_none() && rto[id].is_some();
            let missing_rpc = rpc.is_none() && rpo[id].is_some();
            let Some((limit, path)) = (if missing_rtc {
                &rto[id]
            } else if missing_rpc {
                &rpo[id]
            } else {
                &None
            }) else {
                continue;
            };
            gaps.push(Gap::new(
                self,
                GapKind::Unknown,
                id,
                Some(*limit),
                None,
                path,
            ));
        }
    }

    /// When each node finishes recovering after a total loss, with the critical path
    /// (the node, then what finished last below it, and so on). `None` when unknown.
    fn finishes(
        &self,
        order: &[NodeId],
        in_cycle: &[bool],
    ) -> Vec<Option<(Duration, Vec<NodeId>)>> {
        let mut finish: Vec<Option<(Duration, Vec<NodeId>)>> = vec![None; self.nodes.len()];
        for &id in order {
            if in_cycle[id] {
                continue;
            }
            let node = &self.nodes[id];
            let mut latest: Option<(Duration, Vec<NodeId>)> = Some((Duration::ZERO, Vec::new()));
            for need in &node.needs {
                // A group is ready when its earliest member is (the first of equals);
                // with a member whose finish is unknown, the group's is unknown too (it
                // might be earlier).
                let mut ready: Option<&(Duration, Vec<NodeId>)> = None;
                for m in need.members() {
                    match &finish[*m] {
                        None => {
                            ready = None;
                            break;
                        }
                        Some(f) => {
                            if ready.is_none_or(|r| f.0 < r.0) {
                                ready = Some(f);
                            }
                        }
                    }
                }
                latest = match (latest, ready) {
                    (Some(a), Some(b)) => Some(if b.0 > a.0 { b.clone() } else { a }),
                    _ => None,
                };
            }
            finish[id] = match (latest, node.recovery()) {
                (Some((at, below)), Some(own)) => {
                    let total = Duration::from_minutes(at.minutes().saturating_add(own.minutes()))
                        .unwrap_or(at);
                    let mut path = vec![id];
                    path.extend(below);
                    Some((total, path))
                }
                _ => None,
            };
        }
        finish
    }
}

mod losses;
mod standing;

#[cfg(test)]
mod tests;
