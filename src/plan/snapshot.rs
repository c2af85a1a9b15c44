//! A plan version as one canonical value: every section, written and generated, as the
//! plan shows it. A frozen version is this value stored as JSON with its SHA-256; the
//! JSON is canonical (fields in a fixed order, whole minutes, whole-number coordinates,
//! no time of the run), so the same content gives the same hash on any machine.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::analysis::dependencies::{Gap, GapKind};
use crate::domain::{ApproverRow, Duration, NodeStatus, PlanTemplate, ResourceKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlanSnapshot {
    pub plan_id: i64,
    pub version: u32,
    pub organisation: String,
    pub title: String,
    pub template: PlanTemplate,
    pub owner: String,
    /// What the plan covers, in words: "The whole organisation", or the names chosen.
    pub scope: String,
    pub review_months: u32,
    pub sections: Vec<SectionText>,
    pub activities: Vec<ActivityRow>,
    pub resources: Vec<ResourceRow>,
    pub diagram: Diagram,
    pub gaps: Vec<GapRow>,
    pub spofs: Vec<SpofRow>,
    pub sequence: Vec<SequenceRow>,
    pub steps: Vec<StepRow>,
    pub teams: Vec<TeamRow>,
    pub contacts: Vec<ContactRow>,
    pub call_tree: Vec<CallRow>,
    pub approvers: Vec<ApproverRow>,
    /// When to invoke the plan. Left out of the JSON when empty, so that versions frozen
    /// before plans had criteria keep their canonical form (and their SHA-256).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invocation_criteria: Vec<CriterionRow>,
    /// Who may invoke the plan; left out when empty, as the criteria are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invokers: Vec<InvokerRow>,
    /// The actions about the plan still open when this content was made, so the author
    /// sees them while rewriting; left out when empty, as the criteria are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_actions: Vec<OpenActionRow>,
}

/// An action about the plan still to be done (open or in progress).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OpenActionRow {
    pub title: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    /// `open` or `in progress`.
    pub status: String,
    /// Where it comes from, in words: "finding: …", "plan review", "post-incident review".
    pub from: String,
}

/// A criterion for invoking the plan, as a version froze it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CriterionRow {
    pub text: String,
    /// "Expected to last longer than", in whole minutes.
    pub threshold_min: Option<Duration>,
}

/// Who may invoke the plan, as a version froze it: a person by name, or anyone holding
/// `role` when no name is given; with an alternate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InvokerRow {
    pub name: Option<String>,
    pub role: String,
    pub alternate: Option<String>,
}

impl CriterionRow {
    /// The criterion in words, with its threshold.
    pub fn describe(&self) -> String {
        match self.threshold_min {
            Some(d) => format!("{} (expected to last longer than {d})", self.text),
            None => self.text.clone(),
        }
    }
}

impl InvokerRow {
    /// The row in words: "Tom Whitaker (Warehouse Manager); alternate Gemma Lowe".
    pub fn describe(&self) -> String {
        let who = match (&self.name, self.role.trim()) {
            (Some(name), "") => name.clone(),
            (Some(name), role) => format!("{name} ({role})"),
            (None, role) => format!("anyone who is {role}"),
        };
        match &self.alternate {
            Some(alt) => format!("{who}; alternate {alt}"),
            None => who,
        }
    }
}

/// The Markdown an author wrote for a section (empty when not written yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SectionText {
    pub key: String,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActivityRow {
    pub name: String,
    pub unit: Option<String>,
    pub mtpd_min: Option<Duration>,
    pub rto_min: Option<Duration>,
    pub rpo_min: Option<Duration>,
    /// Percent, or the statement of the minimum service.
    pub mbco: String,
    pub tier: Option<u8>,
    pub validated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ResourceRow {
    pub name: String,
    pub kind: ResourceKind,
    pub owner: String,
    pub strategy: String,
    pub rtc_min: Option<Duration>,
    pub rpc_min: Option<Duration>,
    pub evidence: String,
    pub needed_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
    pub width: i64,
    pub height: i64,
    pub node_width: i64,
    pub node_height: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DiagramNode {
    pub name: String,
    /// `None` for an activity.
    pub kind: Option<ResourceKind>,
    pub status: NodeStatus,
    pub x: i64,
    pub y: i64,
}

/// Node `from` needs node `to` (indices into the diagram's nodes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DiagramEdge {
    pub from: usize,
    pub to: usize,
    pub group: String,
}

/// A gap as a version froze it: the node and its path by name. Its JSON is part of the
/// hashed content, so its fields, their order and their names never change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GapRow {
    pub kind: GapKind,
    pub node: String,
    /// The requirement, in whole minutes (RTO or RPO; for `chain`, the activity's RTO).
    pub required_min: Option<Duration>,
    /// What the node can do, in whole minutes (RTC, RPC; for `chain`, the prediction).
    pub capability_min: Option<Duration>,
    /// From the activity that sets the requirement down to the node.
    pub path: Vec<String>,
    /// The gap in words, after the node's name. (Absent in snapshots frozen before it
    /// existed.)
    #[serde(default)]
    pub explanation: String,
}

impl From<&Gap> for GapRow {
    fn from(gap: &Gap) -> GapRow {
        GapRow {
            kind: gap.kind,
            node: gap.node.clone(),
            required_min: gap.required_min,
            capability_min: gap.capability_min,
            path: gap.path.clone(),
            explanation: gap.explanation.clone(),
        }
    }
}

/// A single point of failure as a version froze it: the resource, and the activities
/// in scope its loss alone stops, by name. Frozen like [`GapRow`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SpofRow {
    pub resource: String,
    pub breaks: Vec<String>,
}

/// A resource in recovery order: when it can start (everything it needs is back) and
/// when it is back, after a total loss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SequenceRow {
    pub name: String,
    pub kind: ResourceKind,
    pub start_min: Option<Duration>,
    pub finish_min: Option<Duration>,
    /// On the critical path of an activity in scope.
    pub critical: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StepRow {
    pub title: String,
    pub owner_role: String,
    pub duration_min: Option<Duration>,
    /// The resource this step restores.
    pub resource: Option<String>,
    pub preconditions: String,
    /// Set when the step comes before a step restoring something it needs.
    pub warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TeamRow {
    pub name: String,
    pub description: String,
    pub members: Vec<MemberRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MemberRow {
    pub name: String,
    pub role: String,
    /// The member this one stands in for.
    pub alternate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ContactRow {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub phone_alt: String,
    pub email: String,
    pub location: String,
    /// `YYYY-MM-DD`.
    pub last_verified: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CallRow {
    /// `None`: the person who invokes the plan.
    pub caller: Option<String>,
    pub callee: String,
    pub fallback: Option<String>,
}

impl PlanSnapshot {
    /// The canonical JSON that is stored and hashed.
    // Serialising plain structs of strings, numbers and vectors to a String has no way to
    // fail (no maps with non-string keys, no I/O).
    #[allow(clippy::expect_used)]
    pub fn canonical(&self) -> String {
        serde_json::to_string(self).expect("a snapshot always serialises")
    }

    pub fn section(&self, key: &str) -> Option<&SectionText> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Whether the author wrote anything in the section.
    pub fn written(&self, key: &str) -> bool {
        self.section(key).is_some_and(|s| !s.body.trim().is_empty())
    }
}

/// The SHA-256 of a text, as 64 lowercase hex digits.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

    #[test]
    fn sha256_matches_a_known_value() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
