//! The nouns of Keel: what an engagement holds, and the rules its inputs must follow.

mod action;
mod activity;
mod audit;
mod bia;
mod bia_result;
mod dates;
mod duration;
pub mod duration_hint;
mod engagement;
mod event;
mod exercise;
mod finding;
mod info;
mod interview;
mod map;
mod person;
mod plan;
mod plan_template;
mod resource;
mod unit;
mod validation;
mod workshop;

pub use action::{
    Action, ActionChange, ActionEdit, ActionInput, ActionSource, ActionStatus, NewAction,
};
pub use activity::{Activity, ActivityInput, ActivityQuery};
pub use audit::{AuditAction, AuditEntry, EDITING_RUN_PAUSE, continues_editing_run, need_fields};
pub use bia::{
    BiaSettings, BiaSettingsEdit, ImpactCategory, ImpactCell, MAX_RATING, TierBand, TimeBucket,
};
pub use bia_result::{BiaCompleteness, BiaResult, IsoElement};
pub use dates::{DateOrder, DateRefusal, parse_date, parse_date_in, to_the_second};
pub use duration::{ACCEPTED_FORMS, Duration, DurationError};
pub use engagement::{EngagementDetails, EngagementDetailsInput};
pub use event::{
    AffectedActivity, Authority, BoardAction, CallOutcome, EventKind, EventState, EventSummary,
    Fact, InvokeInput, Level, LogEntry, LogInput, LogKind, OpenIncidentInput,
};
pub use exercise::{
    Demonstration, ExerciseClock, ExerciseState, ExerciseSummary, Inject, InjectInput, NewExercise,
    NewExerciseInput, Rating, demonstrates, parse_offset,
};
pub use finding::{About, AboutRef, Finding, FindingCategory, FindingInput, NewFinding, Severity};
pub use info::{EngagementInfo, EngagementProgress, IntegrityStatus};
pub use interview::{
    Confidence, Interview, InterviewConfidence, InterviewDuration, InterviewEdit, InterviewStatus,
    InterviewText, Interviewee, MinimumService, Objective, ParkedQuestion, Unresolved,
};
pub use map::{MapPosition, Need, NodeRef, NodeStatus};
pub use person::{Person, PersonInput, Team, TeamInput, TeamMember};
pub use plan::{
    Approval, ApproverRow, CallInput, CriterionInput, HashMismatch, InvokerInput, NewPlanInput,
    PdfExportSummary, PlanEdit, PlanScope, PlanState, PlanSummary, ScopeItem, StepInput,
    VersionInfo,
};
pub use plan_template::{Generated, PlanTemplate, SectionDef};
pub use resource::{
    ActivityLink, Evidence, RecoveryStrategy, Resource, ResourceAmount, ResourceCapabilityInput,
    ResourceKind, ResourceNeed,
};
pub use unit::{OrgUnit, OrgUnitInput};
pub(crate) use validation::name_key;
pub use validation::{FieldErrors, capitalised};
pub use workshop::{MapFocus, Presented, PresenterFocus, SavedTimer, WorkshopTimer};
