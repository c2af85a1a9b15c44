//! A synthetic plan of a chosen length, for `keel bench pdf`: written sections with
//! emphasis, lists and tables, and large generated tables, in several scripts.

use crate::domain::{ApproverRow, Duration, PlanState, PlanTemplate, ResourceKind, VersionInfo};
use crate::plan::PlanDocument;
use crate::plan::snapshot::{
    ActivityRow, CallRow, ContactRow, Diagram, PlanSnapshot, ResourceRow, SectionText, SequenceRow,
    StepRow, TeamRow,
};

/// A plan whose content grows with `scale` (about one page per unit).
pub fn synthetic_plan(scale: usize) -> PlanDocument {
    let paragraph = "The recovery team restores the warehouse management system from the \
        nightly backup, checks the last orders against the carrier's manifest, and tells \
        customer service which deliveries will be late. **Nobody** restarts picking until \
        the stock count matches; *every* decision goes in the incident log. Ελληνικά, \
        русский, français: contacts abroad read this too.";
    let sections = PlanTemplate::Iso22301
        .sections()
        .iter()
        .enumerate()
        .map(|(i, def)| SectionText {
            key: def.key.into(),
            title: def.title.into(),
            body: if def.written {
                let mut body = String::new();
                for k in 0..scale.div_ceil(4).max(1) {
                    body.push_str(&format!("## Part {}.{}\n\n{paragraph}\n\n- first action\n- second action, with a longer explanation that wraps onto a second line\n\n", i + 1, k + 1));
                }
                body
            } else {
                String::new()
            },
        })
        .collect();
    let n = scale * 4;
    let content = PlanSnapshot {
        plan_id: 1,
        version: 1,
        organisation: "Synthetic Freight Ltd".into(),
        title: "Synthetic continuity plan".into(),
        template: PlanTemplate::Iso22301,
        owner: "Bench".into(),
        scope: "The whole organisation".into(),
        review_months: 12,
        sections,
        activities: (0..n)
            .map(|i| ActivityRow {
                name: format!("Activity {i}"),
                unit: Some(format!("Unit {}", i % 7)),
                mtpd_min: Duration::from_minutes(1440),
                rto_min: Duration::from_minutes(240),
                rpo_min: Duration::from_minutes(60),
                mbco: "50%".into(),
                tier: Some(1 + (i % 4) as u8),
                validated: i % 2 == 0,
            })
            .collect(),
        resources: (0..n)
            .map(|i| ResourceRow {
                name: format!("Resource {i}"),
                kind: ResourceKind::Application,
                owner: "IT".into(),
                strategy: "Warm standby".into(),
                rtc_min: Duration::from_minutes(120),
                rpc_min: Duration::from_minutes(15),
                evidence: "committed".into(),
                needed_by: vec![format!("Activity {i}")],
            })
            .collect(),
        diagram: Diagram {
            nodes: Vec::new(),
            edges: Vec::new(),
            width: 0,
            height: 0,
            node_width: 200,
            node_height: 44,
        },
        gaps: Vec::new(),
        spofs: Vec::new(),
        sequence: (0..n)
            .map(|i| SequenceRow {
                name: format!("Resource {i}"),
                kind: ResourceKind::Application,
                start_min: Duration::from_minutes(0),
                finish_min: Duration::from_minutes(120),
                critical: i % 5 == 0,
            })
            .collect(),
        steps: (0..n)
            .map(|i| StepRow {
                title: format!("Recover resource {i}"),
                owner_role: "IT operations".into(),
                duration_min: Duration::from_minutes(120),
                resource: Some(format!("Resource {i}")),
                preconditions: String::new(),
                warning: None,
            })
            .collect(),
        teams: vec![TeamRow {
            name: "Incident team".into(),
            description: String::new(),
            members: Vec::new(),
        }],
        contacts: (0..scale)
            .map(|i| ContactRow {
                name: format!("Person {i}"),
                role: "Responder".into(),
                phone: "+44 1632 960000".into(),
                phone_alt: String::new(),
                email: format!("person.number.{i}.responder@synthetic-freight.example"),
                location: "Halifax".into(),
                last_verified: Some("2026-01-01".into()),
            })
            .collect(),
        call_tree: (1..scale)
            .map(|i| CallRow {
                caller: Some(format!("Person {}", i - 1)),
                callee: format!("Person {i}"),
                fallback: None,
            })
            .collect(),
        approvers: vec![ApproverRow {
            name: "Approver".into(),
            role: "Director".into(),
        }],
        invocation_criteria: Vec::new(),
        invokers: Vec::new(),
        open_actions: Vec::new(),
    };
    PlanDocument {
        content,
        version: 1,
        state: PlanState::Draft,
        sha256: "0".repeat(64),
        approvals: Vec::new(),
        versions: vec![VersionInfo {
            version: 1,
            state: PlanState::Draft,
            approved_at: None,
            sha256: None,
        }],
        changes: Vec::new(),
        classification: "Internal".into(),
        // 2026-11-25T12:00:00Z.
        exported_at: chrono::DateTime::from_timestamp(1_795_608_000, 0).unwrap_or_default(),
    }
}
