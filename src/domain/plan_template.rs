//! The two plan templates: their sections in order, each with guidance for the author,
//! whether the author writes it, and what Keel fills in from the engagement.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PlanTemplate {
    /// Continuity plan, ISO 22301:2019 clause 8.4.
    Iso22301,
    /// IT service contingency plan, NIST SP 800-34 Rev. 1 outline.
    Nist80034,
}

impl PlanTemplate {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanTemplate::Iso22301 => "iso22301",
            PlanTemplate::Nist80034 => "nist80034",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [PlanTemplate::Iso22301, PlanTemplate::Nist80034]
            .into_iter()
            .find(|t| t.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            PlanTemplate::Iso22301 => "Continuity plan (ISO 22301 clause 8.4)",
            PlanTemplate::Nist80034 => "IT service contingency plan (NIST SP 800-34)",
        }
    }

    pub fn sections(self) -> &'static [SectionDef] {
        match self {
            PlanTemplate::Iso22301 => ISO_SECTIONS,
            PlanTemplate::Nist80034 => NIST_SECTIONS,
        }
    }

    pub fn section(self, key: &str) -> Option<&'static SectionDef> {
        self.sections().iter().find(|s| s.key == key)
    }
}

/// What Keel fills into a section from the engagement's own data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Generated {
    /// The activities in scope with MTPD, RTO, RPO, MBCO and tier.
    Activities,
    /// Activities by tier, and how many interviews are validated.
    BiaSummary,
    /// The resources the activities need, with RTC, RPC, strategy and evidence.
    Resources,
    /// The dependency diagram of the scope.
    Diagram,
    /// Open gaps and single points of failure in the scope.
    Findings,
    /// The recovery sequence in dependency order, with the critical path.
    Sequence,
    /// The plan's recovery steps.
    Procedures,
    /// Teams, contacts and the call tree.
    Contacts,
    /// The required approvers and their approvals.
    Approvals,
    /// The actions about the plan still open (nothing when there are none).
    OpenActions,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SectionDef {
    pub key: &'static str,
    pub title: &'static str,
    pub guidance: &'static str,
    /// The author writes Markdown here.
    pub written: bool,
    pub generated: &'static [Generated],
}

const fn written(key: &'static str, title: &'static str, guidance: &'static str) -> SectionDef {
    SectionDef {
        key,
        title,
        guidance,
        written: true,
        generated: &[],
    }
}

const ISO_SECTIONS: &[SectionDef] = &[
    SectionDef {
        key: "purpose",
        title: "Purpose, scope and objectives",
        guidance: "Why this plan exists, what it covers (and does not), and what it must achieve: which activities are resumed, at what minimum level, within which time frames.",
        written: true,
        generated: &[Generated::Activities, Generated::BiaSummary],
    },
    written(
        "assumptions",
        "Assumptions",
        "What the plan takes for granted: the scenarios it covers, staff availability, what suppliers will do, which sites remain usable.",
    ),
    SectionDef {
        key: "roles",
        title: "Roles, responsibilities and authority",
        guidance: "Who leads the response, who decides what, and who stands in for whom. Name the authority to spend money and to speak for the organisation.",
        written: true,
        generated: &[Generated::Contacts],
    },
    written(
        "activation",
        "Activation: criteria and procedure",
        "The thresholds that trigger the plan (e.g. an outage expected to exceed the RTO), who may invoke it, how the decision is taken and recorded, and the first hour's actions.",
    ),
    written(
        "communication",
        "Communication",
        "How staff, customers, suppliers, regulators, responders and the media are told what, by whom and when; where the log of decisions and actions is kept.",
    ),
    SectionDef {
        key: "recovery",
        title: "Recovery actions within the time frames",
        guidance: "The actions that bring the activities back within their RTOs, in order. Keel lists the recovery sequence from the dependency graph; the steps below are yours to order and assign.",
        written: true,
        generated: &[Generated::Sequence, Generated::Procedures],
    },
    SectionDef {
        key: "interdependencies",
        title: "Interdependencies",
        guidance: "Internal and external dependencies that the response relies on, and what happens if they fail too.",
        written: true,
        generated: &[Generated::Diagram, Generated::Findings],
    },
    SectionDef {
        key: "resources",
        title: "Resources",
        guidance: "People, sites, systems, data, equipment and suppliers needed, and how each is recovered.",
        written: false,
        generated: &[Generated::Resources],
    },
    written(
        "reporting",
        "Reporting",
        "What is reported during the response, to whom and how often; what is recorded for the review afterwards.",
    ),
    SectionDef {
        key: "stand_down",
        title: "Stand-down and return to normal",
        guidance: "When and by whom the response is stood down, how normal operations resume, and how lessons are captured. Keel lists the actions about this plan still open.",
        written: true,
        generated: &[Generated::OpenActions],
    },
];

const NIST_SECTIONS: &[SectionDef] = &[
    SectionDef {
        key: "approval",
        title: "Plan approval",
        guidance: "Who approves this plan. Keel records each approval with the exact version it applies to.",
        written: false,
        generated: &[Generated::Approvals],
    },
    SectionDef {
        key: "introduction",
        title: "Introduction",
        guidance: "Background, scope and assumptions: the system and the business activities it supports.",
        written: true,
        generated: &[Generated::Activities],
    },
    SectionDef {
        key: "concept",
        title: "Concept of operations",
        guidance: "The system description, the three phases (activation and notification, recovery, reconstitution), and the roles.",
        written: true,
        generated: &[Generated::Diagram],
    },
    SectionDef {
        key: "activation",
        title: "Activation and notification",
        guidance: "Activation criteria, the notification procedure and the outage assessment.",
        written: true,
        generated: &[Generated::Contacts],
    },
    SectionDef {
        key: "recovery",
        title: "Recovery",
        guidance: "The recovery sequence, the procedures and the escalation path.",
        written: true,
        generated: &[Generated::Sequence, Generated::Procedures],
    },
    written(
        "reconstitution",
        "Reconstitution",
        "Validation testing, the recovery declaration, user notification, clean-up, back-up of the restored system and event documentation.",
    ),
    SectionDef {
        key: "appendix_bia",
        title: "Appendix: business impact analysis",
        guidance: "The BIA of the activities the system supports.",
        written: false,
        generated: &[Generated::BiaSummary, Generated::Findings],
    },
    SectionDef {
        key: "appendix_inventory",
        title: "Appendix: inventory and vendor contacts",
        guidance: "Hardware, software, data and suppliers, with how each is recovered.",
        written: false,
        generated: &[Generated::Resources],
    },
    written(
        "appendix_alternate",
        "Appendix: alternate site and storage",
        "Where processing moves, where back-ups are kept, and how to get to both.",
    ),
    SectionDef {
        key: "appendix_tests",
        title: "Appendix: validation tests, test and maintenance schedule",
        guidance: "How recovery is validated, and when the plan is tested and reviewed. Keel lists the actions about this plan still open.",
        written: true,
        generated: &[Generated::OpenActions],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_keys_are_unique_and_every_section_has_content() {
        for template in [PlanTemplate::Iso22301, PlanTemplate::Nist80034] {
            let sections = template.sections();
            for (i, s) in sections.iter().enumerate() {
                assert!(
                    sections[i + 1..].iter().all(|o| o.key != s.key),
                    "{}",
                    s.key
                );
                assert!(s.written || !s.generated.is_empty(), "{} is empty", s.key);
                assert!(!s.guidance.is_empty());
            }
            assert_eq!(PlanTemplate::parse(template.as_str()), Some(template));
        }
        assert_eq!(PlanTemplate::Iso22301.sections().len(), 10);
    }
}
