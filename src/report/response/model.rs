//! The response as both reports print it: each affected activity's targets against what
//! was achieved, the plan versions run with their calls and steps planned against
//! actual, and the decision log with each correction paired with what it corrects.
//! Pure: a board in, the figures out.

use chrono::{DateTime, Utc};

use crate::domain::{Authority, CallOutcome, Duration, EventKind, EventState, LogEntry, LogKind};
use crate::event::assessment::{ActivityStatus, minutes_between};
use crate::event::board::{BoardActivity, BoardCall, BoardPlan, BoardStep};
use crate::event::{Board, ChainCheck};

/// What a board came to, measured at `as_of`: shared by an incident's after-action
/// report and an exercise's post-exercise report.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub event_id: i64,
    pub kind: EventKind,
    /// When the disruption began: an exercise's T+0.
    pub disrupted_at: DateTime<Utc>,
    /// The time the figures are worked out for: the stand-down (an exercise's close),
    /// or the report's time while it goes on.
    pub as_of: DateTime<Utc>,
    /// Stood down (an exercise: closed), so the figures are final.
    pub ended: bool,
    pub plans: Vec<PlanInvoked>,
    pub activities: Vec<ActivityOutcome>,
    pub chain: ChainCheck,
    /// What checking the event found when the report was made (`keel incident verify`,
    /// `keel exercise verify`): a line per plan version, and any problem.
    pub verification: Verification,
}

impl Response {
    /// The response on `board`, worked out at its clock (the stand-down, once stood
    /// down).
    pub fn new(board: &Board, verification: Verification) -> Response {
        let as_of = board.stood_down_at.map_or(board.now, |t| t.min(board.now));
        let ended = board.state == EventState::StoodDown;
        Response {
            event_id: board.id,
            kind: board.kind,
            disrupted_at: board.disrupted_at,
            as_of,
            ended,
            plans: board.plans.iter().map(plan_invoked).collect(),
            activities: board
                .activities
                .iter()
                .map(|a| activity_outcome(a, board.disrupted_at, as_of, ended))
                .collect(),
            chain: board.chain.clone(),
            verification,
        }
    }

    /// The log is intact and everything checked when the report was made matched.
    pub fn verified(&self) -> bool {
        self.chain.ok && self.verification.ok
    }

    pub fn exercise(&self) -> bool {
        self.kind != EventKind::Incident
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    pub ok: bool,
    pub lines: Vec<String>,
}

/// A plan version invoked (in an exercise: tested), with its call tree and steps as
/// they went.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInvoked {
    pub plan_id: i64,
    pub title: String,
    pub version: u32,
    pub sha256: String,
    /// A later draft existed when the plan was invoked; it was not used.
    pub draft_version: Option<u32>,
    pub invoked_at: DateTime<Utc>,
    pub invoker: String,
    pub authority: Authority,
    /// Number, criterion in words, met.
    pub criteria: Vec<(u32, String, bool)>,
    pub calls: Vec<CallReach>,
    pub steps: Vec<StepOutcome>,
}

/// One call of the call tree: who was reached, when, minutes after the invocation, and
/// the fall-back's call when there was one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallReach {
    pub number: usize,
    /// `None`: whoever invoked the plan.
    pub caller: Option<String>,
    pub callee: String,
    pub outcome: Option<CallOutcome>,
    pub at: Option<DateTime<Utc>>,
    pub after_min: Option<i64>,
    pub fallback: Option<String>,
    pub fallback_outcome: Option<CallOutcome>,
    pub fallback_at: Option<DateTime<Utc>>,
    pub fallback_after_min: Option<i64>,
    /// The callee failed and the fall-back was never reached.
    pub fallback_due: bool,
}

/// A recovery step, planned against actual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepOutcome {
    pub number: u32,
    pub title: String,
    pub owner_role: String,
    pub estimate: Option<Duration>,
    pub started_at: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
    /// Minutes from start to done, or to the report's time while still running.
    pub actual_min: Option<i64>,
    /// Minutes beyond the estimate.
    pub overrun_min: Option<i64>,
    pub out_of_order: Option<String>,
}

impl StepOutcome {
    pub fn running(&self) -> bool {
        self.started_at.is_some() && self.done_at.is_none()
    }
}

/// How a measure compares with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    Missed,
    /// Not achieved yet, and the target has not passed: the event goes on.
    Open,
    /// Nothing was recorded to measure it by.
    NotRecorded,
    /// The BIA set no target.
    NoTarget,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "MISSED",
            Verdict::Open => "open",
            Verdict::NotRecorded => "not recorded",
            Verdict::NoTarget => "no target",
        }
    }
}

/// One measure of an activity: target, what was achieved (in minutes, where it is a
/// time), and the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub target: Option<Duration>,
    pub achieved_min: Option<i64>,
    pub verdict: Verdict,
}

/// An affected activity: when it was back, and each target against what was achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityOutcome {
    pub name: String,
    pub tier: Option<u8>,
    pub why: String,
    pub status: ActivityStatus,
    /// The minimum level (MBCO/MASL) in words.
    pub minimum: String,
    pub minimum_at: Option<DateTime<Utc>>,
    pub normal_at: Option<DateTime<Utc>>,
    pub restore_point: Option<DateTime<Utc>>,
    /// Back at the minimum level − disruption start.
    pub rto: Measure,
    /// Disruption start − restore point.
    pub rpo: Measure,
    /// Back at the minimum level − disruption start, against the MTPD.
    pub mtpd: Measure,
    /// Whether the minimum level was reached at all.
    pub minimum_verdict: Verdict,
}

/// An entry of the decision log, with the corrections that point to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub seq: u32,
    pub at: DateTime<Utc>,
    pub author: String,
    pub kind: LogKind,
    pub text: String,
    pub rationale: String,
    pub corrects: Option<u32>,
    pub corrected_by: Vec<u32>,
}

/// Every entry of `log`, oldest first, each with the entries that correct it.
pub fn timeline(log: &[LogEntry]) -> Vec<TimelineEntry> {
    log.iter()
        .map(|e| TimelineEntry {
            seq: e.seq,
            at: e.at,
            author: e.author.clone(),
            kind: e.kind,
            text: e.text.clone(),
            rationale: e.rationale.clone(),
            corrects: e.corrects,
            corrected_by: log
                .iter()
                .filter(|c| c.corrects == Some(e.seq))
                .map(|c| c.seq)
                .collect(),
        })
        .collect()
}

fn plan_invoked(p: &BoardPlan) -> PlanInvoked {
    PlanInvoked {
        plan_id: p.plan_id,
        title: p.title.clone(),
        version: p.version,
        sha256: p.sha256.clone(),
        draft_version: p.draft_version,
        invoked_at: p.invoked_at,
        invoker: p.invoker.clone(),
        authority: p.authority.clone(),
        criteria: p
            .criteria
            .iter()
            .map(|c| (c.number, c.text.clone(), c.met))
            .collect(),
        calls: p
            .calls
            .iter()
            .enumerate()
            .map(|(i, c)| call_reach(i + 1, c, p.invoked_at))
            .collect(),
        steps: p.steps.iter().map(step_outcome).collect(),
    }
}

fn call_reach(number: usize, c: &BoardCall, invoked_at: DateTime<Utc>) -> CallReach {
    CallReach {
        number,
        caller: c.caller.clone(),
        callee: c.callee.clone(),
        outcome: c.outcome,
        at: c.at,
        after_min: c.after_min,
        fallback: c.fallback.clone(),
        fallback_outcome: c.fallback_outcome,
        fallback_at: c.fallback_at,
        fallback_after_min: c.fallback_at.map(|t| minutes_between(invoked_at, t)),
        fallback_due: c.fallback_due,
    }
}

fn step_outcome(s: &BoardStep) -> StepOutcome {
    let overrun = match (s.elapsed_min, s.estimate_min) {
        (Some(actual), Some(estimate)) => Some(actual - i64::from(estimate.minutes())),
        _ => None,
    };
    StepOutcome {
        number: s.number,
        title: s.title.clone(),
        owner_role: s.owner_role.clone(),
        estimate: s.estimate_min,
        started_at: s.started_at,
        done_at: s.done_at,
        actual_min: s.elapsed_min,
        overrun_min: overrun.filter(|m| *m > 0),
        out_of_order: s.out_of_order.clone(),
    }
}

/// A time-to-recover measure: back after `achieved` minutes (or not back `elapsed`
/// minutes after the disruption), against `target`. Not back within the target: open
/// while the event goes on, not recorded once it has ended.
fn time_measure(
    target: Option<Duration>,
    achieved: Option<i64>,
    elapsed: i64,
    ended: bool,
) -> Measure {
    let limit = target.map(|t| i64::from(t.minutes()));
    let verdict = match (limit, achieved) {
        (None, _) => Verdict::NoTarget,
        (Some(limit), Some(took)) if took <= limit => Verdict::Met,
        (Some(_), Some(_)) => Verdict::Missed,
        (Some(limit), None) if elapsed > limit => Verdict::Missed,
        (Some(_), None) if ended => Verdict::NotRecorded,
        (Some(_), None) => Verdict::Open,
    };
    Measure {
        target,
        achieved_min: achieved,
        verdict,
    }
}

fn activity_outcome(
    a: &BoardActivity,
    disrupted_at: DateTime<Utc>,
    as_of: DateTime<Utc>,
    ended: bool,
) -> ActivityOutcome {
    let elapsed = minutes_between(disrupted_at, as_of);
    let rpo_verdict = match (a.rpo_min, a.achieved_rpo_min) {
        (_, None) => Verdict::NotRecorded,
        (None, Some(_)) => Verdict::NoTarget,
        (Some(target), Some(lost)) if lost <= i64::from(target.minutes()) => Verdict::Met,
        (Some(_), Some(_)) => Verdict::Missed,
    };
    ActivityOutcome {
        name: a.name.clone(),
        tier: a.tier,
        why: a.why.clone(),
        status: a.status,
        minimum: a.minimum.clone(),
        minimum_at: a.minimum_at,
        normal_at: a.normal_at,
        restore_point: a.restore_point,
        rto: time_measure(a.rto_min, a.achieved_rto_min, elapsed, ended),
        rpo: Measure {
            target: a.rpo_min,
            achieved_min: a.achieved_rpo_min,
            verdict: rpo_verdict,
        },
        mtpd: time_measure(a.mtpd_min, a.achieved_rto_min, elapsed, ended),
        minimum_verdict: match (a.minimum_at, ended) {
            (Some(_), _) => Verdict::Met,
            (None, true) => Verdict::NotRecorded,
            (None, false) => Verdict::Open,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(hours: u32) -> Option<Duration> {
        Duration::from_minutes(hours * 60)
    }

    #[test]
    fn a_recovery_time_is_met_up_to_its_target_and_missed_after_it() {
        let open = |achieved, elapsed| time_measure(h(4), achieved, elapsed, false).verdict;
        assert_eq!(open(Some(240), 300), Verdict::Met);
        assert_eq!(open(Some(241), 300), Verdict::Missed);
        assert_eq!(open(None, 200), Verdict::Open);
        assert_eq!(open(None, 241), Verdict::Missed);
        assert_eq!(
            time_measure(h(4), None, 200, true).verdict,
            Verdict::NotRecorded
        );
        assert_eq!(
            time_measure(None, Some(10), 300, false).verdict,
            Verdict::NoTarget
        );
    }
}
