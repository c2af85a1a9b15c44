//! The TypeScript types of the IPC seam, generated from the Rust types (ts-rs) into
//! `ui/src/lib/api/gen/types.ts`. The committed file must match: this test fails when
//! it drifts. Regenerate with `KEEL_WRITE_TS=1 cargo test ts_types` (or `make gen`).

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::analysis::dependencies::{Analysis, CapabilityStanding, Gap, GapKind, Prediction, Spof};
use crate::analysis::evidence::{Shown, Standing};
use crate::analysis::impact::{ImpactFall, MtpdProposal, MtpdReason};
use crate::analysis::interview::InterviewView;
use crate::domain::*;
use crate::event::assessment::ActivityStatus;
use crate::event::board::{
    Board, BoardActivity, BoardCall, BoardCriterion, BoardPlan, BoardStep, PlanRef,
};
use crate::event::chain::ChainCheck;
use crate::import::{
    FileReport, ImportFiles, ImportProgress, ImportReport, RejectedRow, UnresolvedCell,
};
use crate::map::{DependencyMap, MapEdge, MapFinding, MapNode};
use crate::ops::incident::IncidentCheck;
use crate::plan::check::CheckItem;
use crate::plan::snapshot::{
    ActivityRow, CallRow, ContactRow, CriterionRow, Diagram, DiagramEdge, DiagramNode, GapRow,
    InvokerRow, MemberRow, OpenActionRow, PlanSnapshot, ResourceRow, SectionText, SequenceRow,
    SpofRow, StepRow, TeamRow,
};
use crate::plan::view::{FrozenVersion, PlanView, SectionView};
use crate::settings::{RecentEngagement, Settings};
use crate::workspace::{
    CurrentEngagement, NewEngagementInput, RecentEngagementEntry, WorkspaceState,
};
use crate::{ApiError, ErrorCode};

fn decl<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl(cfg))
}

fn generated() -> String {
    // i64 ids and counts cross the seam as JSON numbers, far below 2^53.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        decl::<ApiError>(&cfg),
        decl::<ErrorCode>(&cfg),
        decl::<EngagementDetails>(&cfg),
        decl::<EngagementDetailsInput>(&cfg),
        decl::<OrgUnit>(&cfg),
        decl::<OrgUnitInput>(&cfg),
        decl::<Activity>(&cfg),
        decl::<ActivityInput>(&cfg),
        decl::<ActivityQuery>(&cfg),
        decl::<AuditAction>(&cfg),
        decl::<AuditEntry>(&cfg),
        decl::<EngagementInfo>(&cfg),
        decl::<EngagementProgress>(&cfg),
        decl::<IntegrityStatus>(&cfg),
        decl::<Settings>(&cfg),
        decl::<RecentEngagement>(&cfg),
        decl::<WorkspaceState>(&cfg),
        decl::<CurrentEngagement>(&cfg),
        decl::<RecentEngagementEntry>(&cfg),
        decl::<NewEngagementInput>(&cfg),
        decl::<BiaSettings>(&cfg),
        decl::<DateOrder>(&cfg),
        decl::<BiaSettingsEdit>(&cfg),
        decl::<ImpactCategory>(&cfg),
        decl::<TimeBucket>(&cfg),
        decl::<TierBand>(&cfg),
        decl::<ImpactCell>(&cfg),
        decl::<Duration>(&cfg),
        decl::<InterviewView>(&cfg),
        decl::<Interview>(&cfg),
        decl::<InterviewStatus>(&cfg),
        decl::<Confidence>(&cfg),
        decl::<Interviewee>(&cfg),
        decl::<Objective>(&cfg),
        decl::<MinimumService>(&cfg),
        decl::<ParkedQuestion>(&cfg),
        decl::<Unresolved>(&cfg),
        decl::<InterviewText>(&cfg),
        decl::<InterviewDuration>(&cfg),
        decl::<InterviewConfidence>(&cfg),
        decl::<InterviewEdit>(&cfg),
        decl::<MtpdProposal>(&cfg),
        decl::<MtpdReason>(&cfg),
        decl::<ImpactFall>(&cfg),
        decl::<BiaResult>(&cfg),
        decl::<BiaCompleteness>(&cfg),
        decl::<ResourceKind>(&cfg),
        decl::<Resource>(&cfg),
        decl::<ResourceNeed>(&cfg),
        decl::<ResourceAmount>(&cfg),
        decl::<ActivityLink>(&cfg),
        decl::<WorkshopTimer>(&cfg),
        decl::<PresenterFocus>(&cfg),
        decl::<MapFocus>(&cfg),
        decl::<Presented>(&cfg),
        decl::<Analysis>(&cfg),
        decl::<Gap>(&cfg),
        decl::<GapKind>(&cfg),
        decl::<Prediction>(&cfg),
        decl::<Spof>(&cfg),
        decl::<CapabilityStanding>(&cfg),
        decl::<Shown>(&cfg),
        decl::<Standing>(&cfg),
        decl::<RecoveryStrategy>(&cfg),
        decl::<Evidence>(&cfg),
        decl::<ResourceCapabilityInput>(&cfg),
        decl::<IsoElement>(&cfg),
        decl::<DependencyMap>(&cfg),
        decl::<MapNode>(&cfg),
        decl::<MapEdge>(&cfg),
        decl::<MapFinding>(&cfg),
        decl::<MapPosition>(&cfg),
        decl::<NodeStatus>(&cfg),
        decl::<ImportFiles>(&cfg),
        decl::<ImportReport>(&cfg),
        decl::<FileReport>(&cfg),
        decl::<RejectedRow>(&cfg),
        decl::<UnresolvedCell>(&cfg),
        decl::<ImportProgress>(&cfg),
        decl::<Person>(&cfg),
        decl::<PersonInput>(&cfg),
        decl::<Team>(&cfg),
        decl::<TeamMember>(&cfg),
        decl::<TeamInput>(&cfg),
        decl::<PlanTemplate>(&cfg),
        decl::<Generated>(&cfg),
        decl::<PlanScope>(&cfg),
        decl::<PlanState>(&cfg),
        decl::<NewPlanInput>(&cfg),
        decl::<PlanEdit>(&cfg),
        decl::<CallInput>(&cfg),
        decl::<StepInput>(&cfg),
        decl::<Approval>(&cfg),
        decl::<PlanSummary>(&cfg),
        decl::<SectionView>(&cfg),
        decl::<ScopeItem>(&cfg),
        decl::<VersionInfo>(&cfg),
        decl::<PlanView>(&cfg),
        decl::<FrozenVersion>(&cfg),
        decl::<PdfExportSummary>(&cfg),
        decl::<crate::signing::shelf::IdentityInfo>(&cfg),
        decl::<crate::signing::shelf::IdentityKind>(&cfg),
        decl::<crate::signing::shelf::SigningRequest>(&cfg),
        decl::<CheckItem>(&cfg),
        decl::<PlanSnapshot>(&cfg),
        decl::<SectionText>(&cfg),
        decl::<ActivityRow>(&cfg),
        decl::<ResourceRow>(&cfg),
        decl::<Diagram>(&cfg),
        decl::<GapRow>(&cfg),
        decl::<SpofRow>(&cfg),
        decl::<DiagramNode>(&cfg),
        decl::<DiagramEdge>(&cfg),
        decl::<SequenceRow>(&cfg),
        decl::<StepRow>(&cfg),
        decl::<TeamRow>(&cfg),
        decl::<MemberRow>(&cfg),
        decl::<ContactRow>(&cfg),
        decl::<CallRow>(&cfg),
        decl::<ApproverRow>(&cfg),
        decl::<CriterionRow>(&cfg),
        decl::<InvokerRow>(&cfg),
        decl::<CriterionInput>(&cfg),
        decl::<InvokerInput>(&cfg),
        decl::<EventKind>(&cfg),
        decl::<EventState>(&cfg),
        decl::<EventSummary>(&cfg),
        decl::<LogKind>(&cfg),
        decl::<LogEntry>(&cfg),
        decl::<Fact>(&cfg),
        decl::<AffectedActivity>(&cfg),
        decl::<Authority>(&cfg),
        decl::<CallOutcome>(&cfg),
        decl::<Level>(&cfg),
        decl::<OpenIncidentInput>(&cfg),
        decl::<InvokeInput>(&cfg),
        decl::<LogInput>(&cfg),
        decl::<BoardAction>(&cfg),
        decl::<Board>(&cfg),
        decl::<PlanRef>(&cfg),
        decl::<BoardPlan>(&cfg),
        decl::<BoardCriterion>(&cfg),
        decl::<BoardCall>(&cfg),
        decl::<BoardStep>(&cfg),
        decl::<BoardActivity>(&cfg),
        decl::<ActivityStatus>(&cfg),
        decl::<ChainCheck>(&cfg),
        decl::<IncidentCheck>(&cfg),
        decl::<crate::ops::report_file::ReportSummary>(&cfg),
        decl::<ExerciseClock>(&cfg),
        decl::<ExerciseState>(&cfg),
        decl::<ExerciseSummary>(&cfg),
        decl::<Rating>(&cfg),
        decl::<Inject>(&cfg),
        decl::<InjectInput>(&cfg),
        decl::<NewExerciseInput>(&cfg),
        decl::<Demonstration>(&cfg),
        decl::<Severity>(&cfg),
        decl::<FindingCategory>(&cfg),
        decl::<About>(&cfg),
        decl::<FindingInput>(&cfg),
        decl::<Finding>(&cfg),
        decl::<crate::event::exercise::ExerciseBoard>(&cfg),
        decl::<crate::event::exercise::InjectRow>(&cfg),
        decl::<crate::event::exercise::ExpectedRow>(&cfg),
        decl::<crate::event::exercise::RestoredRow>(&cfg),
        decl::<crate::event::exercise::Score>(&cfg),
        decl::<crate::ops::exercise::ExerciseView>(&cfg),
        decl::<crate::store::ExercisePrep>(&cfg),
        decl::<crate::store::ExercisePerson>(&cfg),
        decl::<crate::store::TestedVersion>(&cfg),
        decl::<crate::store::ObjectiveRow>(&cfg),
        decl::<crate::store::ReviewSettings>(&cfg),
        // Improving: actions and the review.
        decl::<ActionStatus>(&cfg),
        decl::<ActionSource>(&cfg),
        decl::<Action>(&cfg),
        decl::<ActionInput>(&cfg),
        decl::<ActionEdit>(&cfg),
        decl::<OpenActionRow>(&cfg),
        decl::<crate::review::Review>(&cfg),
        decl::<crate::review::ReviewItem>(&cfg),
        decl::<crate::review::ReviewKind>(&cfg),
        decl::<crate::review::Subject>(&cfg),
        decl::<crate::review::SubjectType>(&cfg),
        decl::<crate::review::ReviewLink>(&cfg),
        decl::<crate::review::LinkPage>(&cfg),
        decl::<crate::review::KindCount>(&cfg),
        decl::<crate::review::ProgrammeRow>(&cfg),
    ];
    format!(
        "// Generated from the Rust types by `make gen`; do not edit by hand.\n\n{}",
        decls.join("\n")
    )
}

#[test]
fn ts_types_match_the_committed_file() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/api/gen/types.ts");
    let fresh = generated();
    if std::env::var_os("KEEL_WRITE_TS").is_some() {
        std::fs::write(&path, &fresh).expect("write generated types");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date with the Rust types; run `make gen` and commit the result",
        path.display()
    );
}
