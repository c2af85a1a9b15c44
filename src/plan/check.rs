//! The standards check before sign-off: for the plan at hand, each element the
//! template's standard asks for (ISO 22301 clause 8.4.4, or the NIST SP 800-34 outline),
//! whether it is there, and where to fix it when it is not.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::snapshot::PlanSnapshot;
use crate::domain::PlanTemplate;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckItem {
    /// The clause or outline element, e.g. `8.4.4 d)`.
    pub element: String,
    pub label: String,
    pub present: bool,
    /// What to do, and where, when it is missing.
    pub fix: String,
    /// The section to open to fix it, when it is a section.
    pub section: Option<String>,
}

struct Checker<'a> {
    plan: &'a PlanSnapshot,
    items: Vec<CheckItem>,
}

impl Checker<'_> {
    fn item(
        &mut self,
        element: &str,
        label: &str,
        present: bool,
        fix: &str,
        section: Option<&str>,
    ) {
        self.items.push(CheckItem {
            element: element.into(),
            label: label.into(),
            present,
            fix: fix.into(),
            section: section.map(str::to_owned),
        });
    }

    /// A written section must not be empty.
    fn section(&mut self, element: &str, label: &str, key: &str) {
        let title = self
            .plan
            .section(key)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| key.to_owned());
        let present = self.plan.written(key);
        self.item(
            element,
            label,
            present,
            &format!("Write the section \u{201c}{title}\u{201d}."),
            Some(key),
        );
    }
}

/// Contacts on the call tree not verified within the review cycle before `today`.
pub fn stale_contacts(plan: &PlanSnapshot, today: NaiveDate) -> Vec<String> {
    let since = today
        .checked_sub_months(Months::new(plan.review_months))
        .unwrap_or(NaiveDate::MIN);
    let mut names: Vec<String> = Vec::new();
    let on_tree = plan.call_tree.iter().flat_map(|c| {
        std::iter::once(c.callee.as_str())
            .chain(c.caller.as_deref())
            .chain(c.fallback.as_deref())
    });
    for name in on_tree {
        let verified = plan
            .contacts
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.last_verified.as_deref())
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if verified.is_none_or(|d| d < since) && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Every element of the template's standard, present or not, in the standard's order.
pub fn standards_check(plan: &PlanSnapshot, today: NaiveDate) -> Vec<CheckItem> {
    let mut c = Checker {
        plan,
        items: Vec::new(),
    };
    let stale = stale_contacts(plan, today);
    let contacts_fix = if plan.call_tree.is_empty() {
        "Build the call tree on the plan's Call tree tab.".to_owned()
    } else {
        format!(
            "Verify and date the contact details of {}.",
            stale.join(", ")
        )
    };
    match plan.template {
        PlanTemplate::Iso22301 => {
            c.section("8.4.4 a)", "Purpose, scope and objectives", "purpose");
            c.item(
                "8.4.4 a)",
                "Activities in scope, with their objectives",
                !plan.activities.is_empty(),
                "Choose the activities, resources or site the plan covers (Details).",
                None,
            );
            c.section("8.4.4 b)", "Roles and responsibilities", "roles");
            c.item(
                "8.4.4 b)",
                "Teams or a call tree",
                !plan.teams.is_empty() || !plan.call_tree.is_empty(),
                "Set up the response teams or the call tree (Contacts).",
                None,
            );
            c.section("8.4.4 c)", "Actions to implement the solutions", "recovery");
            c.item(
                "8.4.4 c)",
                "Recovery steps, in order",
                !plan.steps.is_empty(),
                "Add recovery steps (Steps); Keel can propose them from the dependencies.",
                None,
            );
            c.section(
                "8.4.4 d)",
                "Activation criteria and procedure",
                "activation",
            );
            c.section(
                "8.4.3",
                "Communication and the log of decisions",
                "communication",
            );
            c.item(
                "8.4.4 d)",
                "Contacts on the call tree verified within the review cycle",
                !plan.call_tree.is_empty() && stale.is_empty(),
                &contacts_fix,
                None,
            );
            c.item(
                "8.4.4 e)",
                "Internal and external interdependencies",
                !plan.diagram.edges.is_empty(),
                "Record what the activities in scope need (BIA interview step 6 and 7, or the map).",
                None,
            );
            c.item(
                "8.4.4 f)",
                "Resource requirements",
                !plan.resources.is_empty(),
                "Record the resources the activities in scope need.",
                None,
            );
            c.section("8.4.4 g)", "Reporting requirements", "reporting");
            c.section("8.4.4 h)", "Process for standing down", "stand_down");
        }
        PlanTemplate::Nist80034 => {
            c.item(
                "Plan approval",
                "Approvers named",
                !plan.approvers.is_empty(),
                "Name the approvers (Sign-off).",
                None,
            );
            c.section(
                "Introduction",
                "Background, scope and assumptions",
                "introduction",
            );
            c.section(
                "Concept of operations",
                "System description, phases and roles",
                "concept",
            );
            c.section(
                "Activation and notification",
                "Criteria, notification and outage assessment",
                "activation",
            );
            c.item(
                "Activation and notification",
                "Call tree with verified contacts",
                !plan.call_tree.is_empty() && stale.is_empty(),
                &contacts_fix,
                None,
            );
            c.section(
                "Recovery",
                "Sequence, procedures and escalation",
                "recovery",
            );
            c.item(
                "Recovery",
                "Recovery procedures",
                !plan.steps.is_empty(),
                "Add recovery steps (Steps); Keel can propose them from the dependencies.",
                None,
            );
            c.section(
                "Reconstitution",
                "Validation, declaration, clean-up",
                "reconstitution",
            );
            c.item(
                "Appendix: BIA",
                "Business impact analysis of the activities supported",
                plan.activities.iter().any(|a| a.rto_min.is_some()),
                "Run the BIA interviews of the activities in scope.",
                None,
            );
            c.item(
                "Appendix: inventory",
                "Inventory of resources",
                !plan.resources.is_empty(),
                "Record the resources the activities in scope need.",
                None,
            );
            c.section(
                "Appendix: alternate site",
                "Alternate site and storage",
                "appendix_alternate",
            );
            c.section(
                "Appendix: tests",
                "Validation tests and maintenance schedule",
                "appendix_tests",
            );
        }
    }
    c.items
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::plan::snapshot::{CallRow, ContactRow, SectionText};

    pub(crate) fn empty(template: PlanTemplate) -> PlanSnapshot {
        PlanSnapshot {
            plan_id: 1,
            version: 1,
            organisation: "Acme".into(),
            title: "Plan".into(),
            template,
            owner: String::new(),
            scope: String::new(),
            review_months: 12,
            sections: template
                .sections()
                .iter()
                .map(|s| SectionText {
                    key: s.key.into(),
                    title: s.title.into(),
                    body: String::new(),
                })
                .collect(),
            activities: vec![],
            resources: vec![],
            diagram: crate::plan::snapshot::Diagram {
                nodes: vec![],
                edges: vec![],
                width: 0,
                height: 0,
                node_width: 0,
                node_height: 0,
            },
            gaps: vec![],
            spofs: vec![],
            sequence: vec![],
            steps: vec![],
            teams: vec![],
            contacts: vec![],
            call_tree: vec![],
            approvers: vec![],
            invocation_criteria: vec![],
            invokers: vec![],
            open_actions: vec![],
        }
    }

    #[test]
    fn a_version_frozen_before_invocation_data_keeps_its_canonical_form() {
        let content = empty(PlanTemplate::Iso22301);
        let canonical = content.canonical();
        assert!(!canonical.contains("invocation_criteria") && !canonical.contains("invokers"));
        let back: PlanSnapshot = serde_json::from_str(&canonical).expect("reads back");
        assert_eq!(back.canonical(), canonical);
        let mut with = back;
        with.invocation_criteria
            .push(crate::plan::snapshot::CriterionRow {
                text: "The site cannot be used".into(),
                threshold_min: None,
            });
        assert!(with.canonical().ends_with(
            r#""invocation_criteria":[{"text":"The site cannot be used","threshold_min":null}]}"#
        ));
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn writing_a_section_ticks_its_element() {
        let mut plan = empty(PlanTemplate::Iso22301);
        let today = day("2026-11-25");
        let missing = |p: &PlanSnapshot| {
            standards_check(p, today)
                .iter()
                .filter(|i| !i.present)
                .count()
        };
        let before = missing(&plan);
        assert_eq!(
            before,
            standards_check(&plan, today).len(),
            "nothing is there yet"
        );
        plan.sections[0].body = "To keep the warehouse shipping.".into();
        assert_eq!(missing(&plan), before - 1);
        let activation = standards_check(&plan, today)
            .into_iter()
            .find(|i| i.section.as_deref() == Some("activation"))
            .unwrap();
        assert!(
            !activation.present
                && activation
                    .fix
                    .contains("Activation: criteria and procedure")
        );
    }

    #[test]
    fn contacts_not_verified_within_the_cycle_are_flagged() {
        let mut plan = empty(PlanTemplate::Iso22301);
        plan.call_tree = vec![CallRow {
            caller: None,
            callee: "Ana".into(),
            fallback: Some("Ben".into()),
        }];
        let contact = |name: &str, date: Option<&str>| ContactRow {
            name: name.into(),
            role: String::new(),
            phone: String::new(),
            phone_alt: String::new(),
            email: String::new(),
            location: String::new(),
            last_verified: date.map(str::to_owned),
        };
        plan.contacts = vec![
            contact("Ana", Some("2026-06-01")),
            contact("Ben", Some("2025-06-01")),
        ];
        assert_eq!(stale_contacts(&plan, day("2026-11-25")), ["Ben"]);
        plan.contacts[1].last_verified = None;
        assert_eq!(stale_contacts(&plan, day("2026-11-25")), ["Ben"]);
        plan.contacts[1].last_verified = Some("2026-01-01".into());
        assert!(stale_contacts(&plan, day("2026-11-25")).is_empty());
    }
}
