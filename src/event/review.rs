//! What the post-incident review starts from, once an incident is stood down: every
//! target missed, every step that overran, ran out of order or was left running, every
//! call that went unanswered, and an invocation without authority — each in a sentence.

use super::assessment::{ActivityStatus, span};
use super::board::Board;
use crate::domain::{CallOutcome, Duration};

/// The points for the review, most serious first.
pub fn review_points(b: &Board) -> Vec<String> {
    let mut points = Vec::new();
    let target = |d: Option<Duration>| Duration::text_or(d, "none set");
    for a in &b.activities {
        let back = a.achieved_rto_min.map(span);
        match (a.status, back) {
            (ActivityStatus::MissedMtpd, Some(back)) => points.push(format!(
                "{} was back at its minimum level after {back}, beyond its MTPD of {}.",
                a.name,
                target(a.mtpd_min)
            )),
            (ActivityStatus::MissedMtpd, None) => points.push(format!(
                "{} was not back at its minimum level within its MTPD of {}.",
                a.name,
                target(a.mtpd_min)
            )),
            (ActivityStatus::MissedRto, Some(back)) => points.push(format!(
                "{} missed its RTO: back at its minimum level after {back} against {}.",
                a.name,
                target(a.rto_min)
            )),
            (ActivityStatus::MissedRto, None) => points.push(format!(
                "{} was not back within its RTO of {}.",
                a.name,
                target(a.rto_min)
            )),
            (ActivityStatus::AtRisk | ActivityStatus::OnTrack, None) => points.push(format!(
                "{} was never recorded back at its minimum level.",
                a.name
            )),
            _ => {}
        }
        if let (Some(achieved), Some(rpo)) = (a.achieved_rpo_min, a.rpo_min)
            && achieved > i64::from(rpo.minutes())
        {
            points.push(format!(
                "{} lost {} of data against an RPO of {rpo}.",
                a.name,
                span(achieved)
            ));
        }
    }
    for plan in &b.plans {
        if plan.authority.without_authority() {
            points.push(format!(
                "{} invoked the plan without authority in it ({}).",
                plan.invoker,
                plan.authority.describe()
            ));
        }
        for s in &plan.steps {
            let label = format!("Step {} ({})", s.number, s.title);
            if s.overrun
                && let (Some(elapsed), Some(est)) = (s.elapsed_min, s.estimate_min)
            {
                points.push(format!("{label} took {} against {est}.", span(elapsed)));
            }
            if let Some(why) = &s.out_of_order {
                points.push(format!("{label}: {why}"));
            }
            if s.started_at.is_some() && s.done_at.is_none() {
                points.push(format!("{label} was still running at stand-down."));
            }
        }
        for c in &plan.calls {
            match c.outcome {
                Some(CallOutcome::Unreachable) => {
                    points.push(format!("{} could not be reached.", c.callee));
                }
                Some(CallOutcome::NoAnswer) => {
                    points.push(format!("{} did not answer.", c.callee));
                }
                None => points.push(format!("{} was never called.", c.callee)),
                Some(CallOutcome::Reached) => {}
            }
        }
    }
    points
}
