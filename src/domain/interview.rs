//! The BIA interview of one activity: who was asked, impact over time, MTPD, recovery
//! objectives and minimum service level, and its status.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Duration, ImpactCell, ResourceKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InterviewStatus {
    Draft,
    Complete,
    Validated,
}

impl InterviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InterviewStatus::Draft => "draft",
            InterviewStatus::Complete => "complete",
            InterviewStatus::Validated => "validated",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Draft, Self::Complete, Self::Validated]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// How sure the interviewees are of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Low, Self::Medium, Self::High]
            .into_iter()
            .find(|c| c.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Interviewee {
    pub id: i64,
    pub name: String,
    pub role: String,
}

/// A recovery objective with who said it and how sure they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Objective {
    pub value: Option<Duration>,
    pub source: String,
    pub confidence: Option<Confidence>,
}

/// The minimum business continuity objective: reduced capacity acceptable during a
/// disruption.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MinimumService {
    /// Percent of normal capacity.
    pub percent: Option<u8>,
    pub statement: String,
    pub source: String,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ParkedQuestion {
    pub id: i64,
    pub question: String,
    pub resolved: bool,
}

/// What is stored of an interview.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Interview {
    pub activity_id: i64,
    pub status: InterviewStatus,
    pub interview_date: Option<NaiveDate>,
    pub facilitator: String,
    pub notes: String,
    pub interviewees: Vec<Interviewee>,
    pub peak_periods: String,
    /// What happens to the work that piles up during a disruption.
    pub backlog: String,
    pub ratings: Vec<ImpactCell>,
    pub mtpd_override: Option<Duration>,
    pub mtpd_override_reason: String,
    pub rto: Objective,
    pub rpo: Objective,
    pub mbco: MinimumService,
    pub workarounds: String,
    /// How long the manual workarounds can carry the activity.
    pub workaround_duration: Option<Duration>,
    pub validated_by: Option<String>,
    pub validated_at: Option<DateTime<Utc>>,
    pub parked: Vec<ParkedQuestion>,
    /// What was typed into a checked field and could not be accepted, kept as typed.
    pub unresolved: Vec<Unresolved>,
}

/// A value typed into a checked field (a duration, a date, a percentage) of an
/// interview or of what a resource can do, that Keel could not accept, kept exactly as
/// typed with the reason until someone corrects it. The value in force meanwhile is the
/// one accepted before, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Unresolved {
    /// The field it was typed in, as the UI names it (`rto`, `interview_date`…).
    pub field: String,
    /// The field in words (`The RTO`).
    pub label: String,
    pub text: String,
    /// Why it was not accepted.
    pub message: String,
}

impl Unresolved {
    pub fn new(field: &str, text: &str, message: &str) -> Self {
        Self {
            field: field.to_owned(),
            label: Self::field_label(field).0.to_owned(),
            text: text.to_owned(),
            message: message.to_owned(),
        }
    }

    /// What is kept of `text`, refused at `field` for `refusal`: for a duration, with a
    /// likely reading where there is one (`2-4 hours`: perhaps 2h).
    pub fn refused(field: &str, text: &str, refusal: &str) -> Self {
        let mut message = refusal.to_owned();
        let is_duration = matches!(
            field,
            "rto" | "rpo" | "workaround_duration" | "mtpd_override" | "rtc" | "rpc"
        );
        if is_duration && let Some((likely, why)) = super::duration_hint::suggest(text) {
            message.push_str(&format!(" Perhaps {likely}: {why}."));
        }
        Self::new(field, text, &message)
    }

    /// A field's name in words, and the interview step it is on.
    fn field_label(field: &str) -> (&'static str, u8) {
        match field {
            "interview_date" => ("The interview date", 1),
            "mtpd_override" => ("The MTPD set by hand", 4),
            "rto" => ("The RTO", 5),
            "rpo" => ("The RPO", 5),
            "mbco_percent" => ("The minimum service level", 5),
            "workaround_duration" => ("How long the workarounds last", 7),
            // What a resource can do (the Resources page, not an interview step).
            "rtc" => ("The recovery time capability (RTC)", 0),
            "rpc" => ("The recovery point capability (RPC)", 0),
            "demonstrated_on" => ("The exercise date", 0),
            f if f.starts_with("quantity:") => ("An amount behind a rating", 3),
            f if f.starts_with("resource_amount:") => ("An amount of a resource needed", 6),
            _ => ("A value", 8),
        }
    }

    /// What the interview lacks while this stands, in words.
    pub fn missing(&self) -> String {
        let (label, step) = Self::field_label(&self.field);
        format!(
            "{label} was typed as “{}”, which is not accepted yet: {} (step {step}).",
            self.text,
            self.message.trim_end_matches('.')
        )
    }
}

/// A text field of the interview, saved as it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InterviewText {
    Facilitator,
    Notes,
    PeakPeriods,
    Backlog,
    RtoSource,
    RpoSource,
    MbcoStatement,
    MbcoSource,
    Workarounds,
}

impl InterviewText {
    /// The column, which is also the field name in the audit log and in errors.
    pub fn column(self) -> &'static str {
        match self {
            InterviewText::Facilitator => "facilitator",
            InterviewText::Notes => "notes",
            InterviewText::PeakPeriods => "peak_periods",
            InterviewText::Backlog => "backlog",
            InterviewText::RtoSource => "rto_source",
            InterviewText::RpoSource => "rpo_source",
            InterviewText::MbcoStatement => "mbco_statement",
            InterviewText::MbcoSource => "mbco_source",
            InterviewText::Workarounds => "workarounds",
        }
    }
}

/// A duration field of the interview, typed as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InterviewDuration {
    Rto,
    Rpo,
    WorkaroundDuration,
}

impl InterviewDuration {
    pub fn column(self) -> &'static str {
        match self {
            InterviewDuration::Rto => "rto_minutes",
            InterviewDuration::Rpo => "rpo_minutes",
            InterviewDuration::WorkaroundDuration => "workaround_minutes",
        }
    }

    /// The field name the UI and the audit log use.
    pub fn field(self) -> &'static str {
        match self {
            InterviewDuration::Rto => "rto",
            InterviewDuration::Rpo => "rpo",
            InterviewDuration::WorkaroundDuration => "workaround_duration",
        }
    }
}

/// A confidence field of the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InterviewConfidence {
    Rto,
    Rpo,
    Mbco,
}

impl InterviewConfidence {
    pub fn column(self) -> &'static str {
        match self {
            InterviewConfidence::Rto => "rto_confidence",
            InterviewConfidence::Rpo => "rpo_confidence",
            InterviewConfidence::Mbco => "mbco_confidence",
        }
    }
}

/// One change to an interview, as the UI (or a script) sends it. Each one is saved at
/// once and written to the audit log; the screens get the whole interview back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InterviewEdit {
    Text {
        field: InterviewText,
        value: String,
    },
    /// `YYYY-MM-DD`, or empty for none.
    Date {
        value: String,
    },
    /// A duration as typed (`4h`, `1.5d`, `PT4H`), or empty for none.
    Duration {
        field: InterviewDuration,
        value: String,
    },
    Confidence {
        field: InterviewConfidence,
        value: Option<Confidence>,
    },
    /// Percent of normal capacity, 0 to 100, or empty for none.
    MbcoPercent {
        value: String,
    },
    /// An MTPD set by hand instead of the proposal, with the reason; an empty value
    /// returns to the proposal.
    MtpdOverride {
        value: String,
        reason: String,
    },
    /// A rating 0 to 5 of one grid cell (`None` clears it), with its rationale.
    Rating {
        category_id: i64,
        bucket_id: i64,
        rating: Option<u8>,
        rationale: String,
    },
    /// The amount behind a rating (money, customers, records), or empty for none.
    Quantity {
        category_id: i64,
        bucket_id: i64,
        value: String,
    },
    AddInterviewee {
        name: String,
        role: String,
    },
    UpdateInterviewee {
        id: i64,
        name: String,
        role: String,
    },
    RemoveInterviewee {
        id: i64,
    },
    ParkQuestion {
        question: String,
    },
    ResolveQuestion {
        id: i64,
        resolved: bool,
    },
    /// Step 6: a resource the activity needs, picked from the catalogue by id or, with
    /// no id, created on the spot from its name and kind (or found, if it exists).
    AddResource {
        resource_id: Option<i64>,
        name: String,
        resource_kind: ResourceKind,
    },
    RemoveResource {
        resource_id: i64,
    },
    /// How much of a needed resource after a time bucket (headcount, units), or empty.
    ResourceAmount {
        resource_id: i64,
        bucket_id: i64,
        value: String,
    },
    /// Step 7: this activity needs `other` (upstream), or `other` needs it (downstream).
    AddDependency {
        other: i64,
        upstream: bool,
    },
    RemoveDependency {
        other: i64,
        upstream: bool,
    },
    /// Draft, complete (everything needed is there) or validated (an interviewee
    /// confirmed the summary: `confirmed_by` names them).
    Status {
        status: InterviewStatus,
        confirmed_by: String,
    },
}

impl InterviewEdit {
    /// Whether the edit changes what an interviewee confirmed (and so undoes a validation).
    pub fn changes_content(&self) -> bool {
        !matches!(
            self,
            InterviewEdit::Status { .. }
                | InterviewEdit::ParkQuestion { .. }
                | InterviewEdit::ResolveQuestion { .. }
        )
    }
}
