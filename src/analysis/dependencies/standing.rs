//! What the evidence of each resource's capability adds to the analysis: how every
//! capability stands (the grade and values in force, the demonstration in force or the
//! one that expired), and two findings, each along the path of the RTO required of the
//! resource (just the resource when nothing requires it):
//! - `demonstrated_slower`: an exercise showed it recovering slower than its target or
//!   commitment (the shown value is what the rest of the analysis uses);
//! - `demonstration_expired`: its last demonstration is past the engagement's validity,
//!   and the grade beneath it counts again.

use serde::Serialize;

use super::{Gap, GapKind, Graph, NodeId, NodeKind};
use crate::analysis::evidence::{Shown, Standing, grade_words};
use crate::domain::{Duration, Evidence, NodeRef};

/// How a resource's capability stands on the day the graph was built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CapabilityStanding {
    pub resource: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub resource_ref: NodeRef,
    /// The grade of the RTC in force; `None` when no grade is recorded.
    pub evidence: Option<Evidence>,
    /// The RTC in force (the demonstrated one while a demonstration is valid).
    pub rtc_min: Option<Duration>,
    /// The grade of the RPC in force (demonstrated only where a restore point was shown).
    pub rpc_evidence: Option<Evidence>,
    pub rpc_min: Option<Duration>,
    /// The demonstration in force.
    pub demonstrated: Option<Shown>,
    /// The latest demonstration, when it has expired and none is in force.
    pub expired: Option<Shown>,
    /// The target or committed RTC a demonstration from an exercise was shown against.
    pub target_rtc_min: Option<Duration>,
    /// Shown slower than that target or commitment.
    pub slower_than_target: bool,
}

impl Graph {
    /// The standing a resource node was built with, if any.
    pub(super) fn standing(&self, id: NodeId) -> Option<&Standing> {
        match &self.nodes[id].kind {
            NodeKind::Resource { standing, .. } => standing.as_deref(),
            NodeKind::Activity { .. } => None,
        }
    }

    /// How every resource's capability stands, in the order of the graph. A resource
    /// built without a standing counts its RTC and RPC, ungraded.
    pub(super) fn standings(&self) -> Vec<CapabilityStanding> {
        self.nodes
            .iter()
            .filter_map(|node| {
                let NodeKind::Resource { rtc, rpc, standing } = &node.kind else {
                    return None;
                };
                let s = standing.as_deref();
                Some(CapabilityStanding {
                    resource: node.name.clone(),
                    resource_ref: node.node,
                    evidence: s.and_then(|s| s.evidence),
                    rtc_min: *rtc,
                    rpc_evidence: s.and_then(|s| s.rpc_evidence),
                    rpc_min: *rpc,
                    demonstrated: s.and_then(|s| s.demonstrated),
                    expired: s.and_then(|s| s.expired),
                    target_rtc_min: s.and_then(|s| s.target_rtc),
                    slower_than_target: s.is_some_and(Standing::slower_than_target),
                })
            })
            .collect()
    }

    /// `demonstrated_slower` and `demonstration_expired` findings, along the path of
    /// the RTO required of each resource (`rto`), or the resource alone.
    pub(super) fn evidence_gaps(
        &self,
        rto: &[Option<(Duration, Vec<NodeId>)>],
        gaps: &mut Vec<Gap>,
    ) {
        for (id, requirement) in rto.iter().enumerate() {
            let Some(s) = self.standing(id) else {
                continue;
            };
            let (required, path) = match requirement {
                Some((limit, path)) => (Some(*limit), path.as_slice()),
                None => (None, std::slice::from_ref(&id)),
            };
            if s.slower_than_target() {
                let shown = s.demonstrated.and_then(|d| d.rtc_min);
                gaps.push(Gap::new(
                    self,
                    GapKind::DemonstratedSlower,
                    id,
                    s.target_rtc,
                    shown,
                    path,
                ));
            }
            if s.expired.is_some() {
                gaps.push(Gap::new(
                    self,
                    GapKind::DemonstrationExpired,
                    id,
                    required,
                    s.rtc,
                    path,
                ));
            }
        }
    }
}

/// The words of an evidence finding after the resource's name, from the standing it
/// was built with.
pub(super) fn explanation(kind: GapKind, standing: Option<&Standing>) -> String {
    match (kind, standing) {
        (GapKind::DemonstrationExpired, Some(s)) => match &s.expired {
            Some(e) => expired_words(s, e),
            None => "has a demonstration that expired".to_owned(),
        },
        (GapKind::DemonstrationExpired, None) => "has a demonstration that expired".to_owned(),
        (_, Some(s)) => {
            let shown = s.demonstrated.and_then(|d| d.rtc_min);
            let on = s.demonstrated.map(|d| d.on.to_string()).unwrap_or_default();
            let what = match s.target_evidence {
                Some(Evidence::Committed) => "commitment",
                _ => "target",
            };
            format!(
                "was shown to recover in {} on {on}, slower than its {what} of {}",
                Duration::text_or(shown, "?"),
                Duration::text_or(s.target_rtc, "?"),
            )
        }
        (_, None) => "was shown to recover slower than its target".to_owned(),
    }
}

/// "was shown to recover in 3h on 2025-10-01, but that demonstration expired on
/// 2026-10-01; it counts as a commitment of 4h until it is shown again".
fn expired_words(s: &Standing, e: &Shown) -> String {
    let shown = match e.rtc_min {
        Some(d) => format!("was shown to recover in {d} on {}", e.on),
        None => format!("was shown to recover on {}", e.on),
    };
    let now = match (s.evidence, s.rtc) {
        (None, None) => "no other recovery time is recorded for it".to_owned(),
        (grade, rtc) => format!(
            "it counts as {} until it is shown again",
            grade_words(grade, rtc)
        ),
    };
    format!(
        "{shown}, but that demonstration expired on {}; {now}",
        e.expires_on
    )
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::analysis::dependencies::{Need, Node};
    use crate::analysis::evidence::{Recorded, standing};
    use crate::domain::Demonstration;

    fn h(hours: u32) -> Option<Duration> {
        Duration::from_minutes(hours * 60)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Shown by exercise 7 on 2026-11-20 to recover in `hours`.
    fn shown(hours: u32) -> Demonstration {
        Demonstration {
            resource_id: 2,
            event_id: 7,
            seq: 3,
            demonstrated_at: Utc
                .from_utc_datetime(&day(2026, 11, 20).and_hms_opt(14, 0, 0).unwrap()),
            rtc_min: h(hours).unwrap(),
            rpc_min: None,
        }
    }

    /// The WMS, committed to recover in 3h, as it stands on `today` after `demos`.
    fn wms(demos: &[Demonstration], today: NaiveDate) -> Node {
        let recorded = Recorded {
            evidence: Some(Evidence::Committed),
            rtc: h(3),
            rpc: h(1),
            demonstrated_on: None,
        };
        let s = standing(&recorded, demos, 12, today);
        Node {
            node: NodeRef::Resource(2),
            name: "WMS".into(),
            kind: NodeKind::Resource {
                rtc: s.rtc,
                rpc: s.rpc,
                standing: Some(Box::new(s)),
            },
            needs: Vec::new(),
        }
    }

    /// Dispatch (RTO 4h) needs the WMS.
    fn dispatch_on(wms: Node) -> Graph {
        Graph {
            nodes: vec![
                Node {
                    node: NodeRef::Activity(1),
                    name: "Dispatch".into(),
                    kind: NodeKind::Activity {
                        rto: h(4),
                        rpo: h(1),
                        mtpd: h(8),
                        tier: Some(1),
                    },
                    needs: vec![Need::One(1)],
                },
                wms,
            ],
        }
    }

    fn gap(analysis: &crate::analysis::dependencies::Analysis, kind: GapKind) -> &Gap {
        analysis
            .gaps
            .iter()
            .find(|g| g.kind == kind)
            .unwrap_or_else(|| panic!("a {kind:?} gap in {:?}", analysis.gaps))
    }

    #[test]
    fn a_demonstrated_value_slower_than_the_commitment_drives_the_rto_gap_and_the_prediction() {
        let g = dispatch_on(wms(&[shown(6)], day(2026, 12, 1)));
        let a = g.analyze();
        // The 6h shown is the WMS's RTC now: past Dispatch's 4h.
        let rto = gap(&a, GapKind::Rto);
        assert_eq!((rto.required_min, rto.capability_min), (h(4), h(6)));
        assert_eq!(a.predicted[0].predicted_min, h(6));
        // And slower than the 3h committed, along the same path.
        let slower = gap(&a, GapKind::DemonstratedSlower);
        assert_eq!((slower.required_min, slower.capability_min), (h(3), h(6)));
        assert_eq!(slower.path, ["Dispatch", "WMS"]);
        assert_eq!(slower.path_refs, rto.path_refs);
        assert_eq!(
            slower.explanation,
            "was shown to recover in 6h on 2026-11-20, slower than its commitment of 3h"
        );
        let c = &a.capabilities[0];
        assert_eq!(
            (c.resource.as_str(), c.resource_ref),
            ("WMS", NodeRef::Resource(2))
        );
        assert_eq!(
            (c.evidence, c.rtc_min),
            (Some(Evidence::Demonstrated), h(6))
        );
        assert_eq!(
            c.demonstrated.map(|d| (d.on, d.exercise_id)),
            Some((day(2026, 11, 20), Some(7)))
        );
        assert_eq!(
            c.demonstrated.map(|d| d.expires_on),
            Some(day(2027, 11, 20))
        );
        assert!(c.slower_than_target && c.expired.is_none());
    }

    #[test]
    fn a_demonstration_faster_than_the_commitment_is_no_finding_and_its_value_counts() {
        let a = dispatch_on(wms(&[shown(2)], day(2026, 12, 1))).analyze();
        assert!(a.gaps.is_empty(), "{:?}", a.gaps);
        assert_eq!(a.predicted[0].predicted_min, h(2));
        assert_eq!(a.capabilities[0].rtc_min, h(2));
    }

    #[test]
    fn an_expired_demonstration_falls_back_to_the_commitment_and_is_a_finding_with_its_path() {
        // A year on, the 6h shown no longer counts: the 3h committed does, and is fast
        // enough; the expiry is the finding.
        let a = dispatch_on(wms(&[shown(6)], day(2027, 11, 20))).analyze();
        let kinds: Vec<GapKind> = a.gaps.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [GapKind::DemonstrationExpired]);
        let expired = &a.gaps[0];
        assert_eq!((expired.required_min, expired.capability_min), (h(4), h(3)));
        assert_eq!(expired.path, ["Dispatch", "WMS"]);
        assert_eq!(
            expired.explanation,
            "was shown to recover in 6h on 2026-11-20, but that demonstration expired on \
             2027-11-20; it counts as a commitment of 3h until it is shown again"
        );
        assert_eq!(a.predicted[0].predicted_min, h(3));
        let c = &a.capabilities[0];
        assert_eq!((c.evidence, c.rtc_min), (Some(Evidence::Committed), h(3)));
        assert!(c.demonstrated.is_none());
        assert_eq!(c.expired.map(|e| e.expires_on), Some(day(2027, 11, 20)));
    }

    #[test]
    fn evidence_findings_of_a_resource_nothing_requires_have_the_resource_alone_as_path() {
        let slow = Graph {
            nodes: vec![wms(&[shown(6)], day(2026, 12, 1))],
        };
        let expired = Graph {
            nodes: vec![wms(&[shown(6)], day(2028, 1, 1))],
        };
        for (g, kind) in [
            (slow, GapKind::DemonstratedSlower),
            (expired, GapKind::DemonstrationExpired),
        ] {
            let a = g.analyze();
            let found = gap(&a, kind);
            assert_eq!(found.path, ["WMS"]);
            assert_eq!(found.path_refs, [NodeRef::Resource(2)]);
            assert_eq!(a.gaps.len(), 1);
        }
    }

    #[test]
    fn the_findings_without_spofs_leave_the_standings_out_but_keep_the_evidence_gaps() {
        let a = dispatch_on(wms(&[shown(6)], day(2026, 12, 1))).findings();
        assert!(a.capabilities.is_empty());
        assert!(a.gaps.iter().any(|g| g.kind == GapKind::DemonstratedSlower));
    }

    #[test]
    fn the_new_kinds_are_snake_case_in_json() {
        let json =
            serde_json::to_string(&[GapKind::DemonstratedSlower, GapKind::DemonstrationExpired])
                .unwrap();
        assert_eq!(json, r#"["demonstrated_slower","demonstration_expired"]"#);
    }
}
