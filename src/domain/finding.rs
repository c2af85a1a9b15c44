//! Findings: what an exercise's debrief, an incident's review or a plan review found,
//! each with a severity, a category and the one thing it is about.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FindingCategory {
    Plan,
    People,
    Technology,
    Supplier,
    Communication,
    Facilities,
}

impl FindingCategory {
    pub const ALL: [FindingCategory; 6] = [
        FindingCategory::Plan,
        FindingCategory::People,
        FindingCategory::Technology,
        FindingCategory::Supplier,
        FindingCategory::Communication,
        FindingCategory::Facilities,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCategory::Plan => "plan",
            FindingCategory::People => "people",
            FindingCategory::Technology => "technology",
            FindingCategory::Supplier => "supplier",
            FindingCategory::Communication => "communication",
            FindingCategory::Facilities => "facilities",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// What a finding is about: a plan, a step of a plan, a resource, an activity or a
/// person, with its name when the finding was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum About {
    Plan { id: i64, name: String },
    Step { plan_id: i64, step: u32, name: String },
    Resource { id: i64, name: String },
    Activity { id: i64, name: String },
    Person { id: i64, name: String },
}

impl About {
    pub fn type_str(&self) -> &'static str {
        match self {
            About::Plan { .. } => "plan",
            About::Step { .. } => "step",
            About::Resource { .. } => "resource",
            About::Activity { .. } => "activity",
            About::Person { .. } => "person",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            About::Plan { name, .. }
            | About::Step { name, .. }
            | About::Resource { name, .. }
            | About::Activity { name, .. }
            | About::Person { name, .. } => name,
        }
    }

    /// The plan it concerns, if it is about a plan or one of its steps.
    pub fn plan_id(&self) -> Option<i64> {
        match self {
            About::Plan { id, .. } => Some(*id),
            About::Step { plan_id, .. } => Some(*plan_id),
            _ => None,
        }
    }
}

/// What a finding is about, as typed: `plan:ID`, `step:PLAN:N`, `resource:ID`,
/// `activity:ID`, `person:ID`. The store looks the name up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboutRef {
    Plan(i64),
    Step(i64, u32),
    Resource(i64),
    Activity(i64),
    Person(i64),
}

impl AboutRef {
    pub fn parse(field: &str, text: &str) -> Result<Self, FieldErrors> {
        let refused = || {
            FieldErrors::one(
                field,
                format!(
                    "\u{201c}{}\u{201d} is not something a finding can be about: write plan:ID, step:PLAN:N, resource:ID, activity:ID or person:ID.",
                    text.trim()
                ),
            )
        };
        let mut parts = text.trim().split(':');
        let kind = parts.next().unwrap_or_default().to_lowercase();
        let id: i64 = parts
            .next()
            .and_then(|p| p.trim().parse().ok())
            .ok_or_else(refused)?;
        let about = match kind.as_str() {
            "plan" => AboutRef::Plan(id),
            "step" => {
                let step: u32 = parts
                    .next()
                    .and_then(|p| p.trim().parse().ok())
                    .filter(|n| *n >= 1)
                    .ok_or_else(refused)?;
                AboutRef::Step(id, step)
            }
            "resource" => AboutRef::Resource(id),
            "activity" => AboutRef::Activity(id),
            "person" => AboutRef::Person(id),
            _ => return Err(refused()),
        };
        if parts.next().is_some() {
            return Err(refused());
        }
        Ok(about)
    }
}

/// A finding as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FindingInput {
    pub severity: String,
    pub category: String,
    /// `plan:ID`, `step:PLAN:N`, `resource:ID`, `activity:ID`, `person:ID`, or empty.
    #[serde(default)]
    pub about: String,
    pub text: String,
}

/// A finding, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFinding {
    pub severity: Severity,
    pub category: FindingCategory,
    pub about: Option<AboutRef>,
    pub text: String,
}

impl FindingInput {
    pub fn validate(&self) -> Result<NewFinding, FieldErrors> {
        let mut errors = FieldErrors::new();
        let severity = Severity::parse(&self.severity);
        if severity.is_none() {
            errors.add("severity", "The severity is low, medium, high or critical.");
        }
        let category = FindingCategory::parse(&self.category);
        if category.is_none() {
            errors.add(
                "category",
                "The category is plan, people, technology, supplier, communication or facilities.",
            );
        }
        let about = if self.about.trim().is_empty() {
            None
        } else {
            match AboutRef::parse("about", &self.about) {
                Ok(about) => Some(about),
                Err(e) => {
                    for field in e.fields() {
                        errors.add(field, e.get(field).unwrap_or_default());
                    }
                    None
                }
            }
        };
        let text = errors.required_text("text", "The finding", &self.text, 5_000);
        errors.into_result()?;
        Ok(NewFinding {
            severity: severity.unwrap_or(Severity::Low),
            category: category.unwrap_or(FindingCategory::Plan),
            about,
            text,
        })
    }
}

/// A finding as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Finding {
    pub id: i64,
    /// The exercise or incident it came from; `None` for a plan review.
    pub event_id: Option<i64>,
    pub severity: Severity,
    pub category: FindingCategory,
    pub about: Option<About>,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_is_read_by_kind_and_id() {
        assert_eq!(AboutRef::parse("a", "plan:3"), Ok(AboutRef::Plan(3)));
        assert_eq!(AboutRef::parse("a", "step:3:2"), Ok(AboutRef::Step(3, 2)));
        assert_eq!(AboutRef::parse("a", " resource:7 "), Ok(AboutRef::Resource(7)));
        for bad in ["plan", "plan:x", "step:3", "step:3:0", "site:1", "plan:1:2"] {
            assert!(AboutRef::parse("a", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_finding_needs_severity_category_and_words() {
        let errors = FindingInput::default().validate().unwrap_err();
        for field in ["severity", "category", "text"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let ok = FindingInput {
            severity: "High".into(),
            category: "communication".into(),
            about: "person:2".into(),
            text: "The call tree had an old number".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.severity, Severity::High);
        assert_eq!(ok.about, Some(AboutRef::Person(2)));
    }
}
