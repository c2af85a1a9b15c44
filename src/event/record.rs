//! What a new log entry records, checked against the board as it stands: a step must
//! exist and be started before it is done, a person must be in the call tree, nothing
//! happens before the disruption began, and after stand-down only notes and corrections
//! are added. Also who may invoke a plan, from the invokers its frozen version names.

use chrono::{DateTime, Utc};

use super::assessment::span;
use super::board::Board;
use crate::domain::{
    Authority, BoardAction, CallOutcome, EventState, Fact, FieldErrors, Level, LogKind,
};
use crate::plan::snapshot::InvokerRow;
use crate::{Error, Result};

/// An entry to append: the chain's number and hashes are added by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub at: DateTime<Utc>,
    pub author: String,
    pub kind: LogKind,
    pub text: String,
    pub rationale: String,
    pub corrects: Option<u32>,
    pub fact: Option<Fact>,
}

/// What is said of anything but a note or a correction once the event is over.
fn stood_down_refusal(board: &Board) -> Error {
    refuse(if board.kind.is_exercise() {
        "the exercise is closed: add notes or corrections only"
    } else {
        "the incident is stood down: add notes or corrections only"
    })
}

pub(super) fn refuse(message: impl Into<String>) -> Error {
    Error::Conflict(message.into())
}

/// How the frozen version's invokers name `invoker` (who holds `roles`); without a
/// place in the list, the reason given (required).
pub fn authority(
    invokers: &[InvokerRow],
    invoker: &str,
    roles: &[String],
    reason: &str,
) -> Result<Authority> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    if invokers.is_empty() {
        return Ok(Authority::NotStated);
    }
    for row in invokers {
        if row.name.as_deref().is_some_and(|n| same(n, invoker)) {
            return Ok(Authority::Named);
        }
    }
    for row in invokers {
        if row.alternate.as_deref().is_some_and(|n| same(n, invoker)) {
            let name = row.name.clone().unwrap_or_else(|| row.role.clone());
            return Ok(Authority::AlternateOf { name });
        }
    }
    for row in invokers {
        if row.name.is_none() && roles.iter().any(|r| same(r, &row.role)) {
            return Ok(Authority::Role {
                role: row.role.clone(),
            });
        }
    }
    let reason = reason.trim();
    if reason.chars().count() > 5_000 {
        return Err(Error::Invalid(FieldErrors::one(
            "reason",
            "The reason is at most 5,000 characters.",
        )));
    }
    if reason.is_empty() {
        let named: Vec<String> = invokers.iter().map(InvokerRow::describe).collect();
        return Err(Error::Invalid(FieldErrors::one(
            "reason",
            format!(
                "{invoker} is not named in the plan as someone who may invoke it ({}). Give the reason for invoking without that authority; it is recorded and shown with the invocation.",
                named.join("; ")
            ),
        )));
    }
    Ok(Authority::WithoutAuthority {
        reason: reason.to_owned(),
    })
}

/// Refuses `what` recorded at `at`, before the plan was invoked at `invoked`.
pub(super) fn before_invocation(
    invoked: DateTime<Utc>,
    at: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    if at < invoked {
        return Err(refuse(format!(
            "{what} comes after the plan is invoked ({} UTC), not at {} UTC",
            invoked.format("%Y-%m-%d %H:%M"),
            at.format("%Y-%m-%d %H:%M")
        )));
    }
    Ok(())
}

/// Refuses a time before the disruption began.
pub fn check_time(board: &Board, at: DateTime<Utc>) -> Result<()> {
    if at < board.disrupted_at {
        return Err(refuse(format!(
            "{} UTC is before the disruption began ({} UTC); record it at or after that time.",
            at.format("%Y-%m-%d %H:%M"),
            board.disrupted_at.format("%Y-%m-%d %H:%M")
        )));
    }
    Ok(())
}

/// The entry for `action` by `author` at `at` (not for an invocation: see
/// [`invocation_entry`], which needs the plan version).
pub fn entry_for(
    board: &Board,
    action: &BoardAction,
    author: &str,
    at: DateTime<Utc>,
) -> Result<NewEntry> {
    check_time(board, at)?;
    let stood_down = board.state == EventState::StoodDown;
    let entry = |kind, text: String, rationale: String, corrects, fact| NewEntry {
        at,
        author: author.to_owned(),
        kind,
        text,
        rationale,
        corrects,
        fact,
    };
    if let BoardAction::Log(input) = action {
        let (text, rationale) = input.validate().map_err(Error::Invalid)?;
        if let Some(c) = input.corrects {
            if !board.log.iter().any(|e| e.seq == c) {
                return Err(refuse(format!("there is no entry {c} to correct")));
            }
        } else if stood_down && input.kind != LogKind::Note {
            return Err(stood_down_refusal(board));
        }
        return Ok(entry(input.kind, text, rationale, input.corrects, None));
    }
    if stood_down {
        return Err(stood_down_refusal(board));
    }
    Ok(match action {
        BoardAction::Log(_) | BoardAction::Invoke(_) => {
            return Err(refuse("an invocation needs the plan version; use invoke"));
        }
        BoardAction::Advance { .. } | BoardAction::Observe { .. } | BoardAction::Restore { .. } => {
            return Err(refuse(
                "the clock, observations and restored resources belong to exercises",
            ));
        }
        BoardAction::StepStart { plan_id, step } | BoardAction::StepDone { plan_id, step } => {
            let start = matches!(action, BoardAction::StepStart { .. });
            let plan = match plan_id {
                Some(id) => board
                    .plans
                    .iter()
                    .find(|p| p.plan_id == *id)
                    .ok_or_else(|| refuse(format!("plan {id} is not invoked in this incident")))?,
                None => board.plans.first().ok_or_else(|| {
                    refuse("no plan is invoked yet: invoke one before running its steps")
                })?,
            };
            let s = plan
                .steps
                .iter()
                .find(|s| s.number == *step)
                .ok_or_else(|| {
                    refuse(format!(
                        "\u{201c}{}\u{201d} version {} has steps 1 to {}; there is no step {step}",
                        plan.title,
                        plan.version,
                        plan.steps.len()
                    ))
                })?;
            if start {
                if s.started_at.is_some() {
                    return Err(refuse(format!("step {step} is already started")));
                }
                before_invocation(plan.invoked_at, at, "a step")?;
                entry(
                    LogKind::Action,
                    format!("Step {step} started: {}", s.title),
                    String::new(),
                    None,
                    Some(Fact::StepStarted {
                        plan_id: plan.plan_id,
                        step: *step,
                    }),
                )
            } else {
                let Some(started) = s.started_at else {
                    return Err(refuse(format!(
                        "step {step} is not started; start it before marking it done"
                    )));
                };
                if s.done_at.is_some() {
                    return Err(refuse(format!("step {step} is already done")));
                }
                if at < started {
                    return Err(refuse(format!(
                        "step {step} started at {} UTC; it cannot be done before that",
                        started.format("%Y-%m-%d %H:%M")
                    )));
                }
                let took = (at - started).num_minutes();
                let against = s
                    .estimate_min
                    .map(|e| format!(" against {e}"))
                    .unwrap_or_default();
                entry(
                    LogKind::Action,
                    format!(
                        "Step {step} done: {} (took {}{against})",
                        s.title,
                        span(took)
                    ),
                    String::new(),
                    None,
                    Some(Fact::StepDone {
                        plan_id: plan.plan_id,
                        step: *step,
                    }),
                )
            }
        }
        BoardAction::Call { person, outcome } => {
            let known = board.plans.iter().flat_map(|p| &p.calls).find_map(|c| {
                [Some(&c.callee), c.fallback.as_ref()]
                    .into_iter()
                    .flatten()
                    .find(|n| n.trim().eq_ignore_ascii_case(person.trim()))
            });
            let Some(name) = known else {
                let everyone: Vec<&str> = board
                    .plans
                    .iter()
                    .flat_map(|p| &p.calls)
                    .flat_map(|c| [Some(&c.callee), c.fallback.as_ref()])
                    .flatten()
                    .map(String::as_str)
                    .collect();
                return Err(refuse(if everyone.is_empty() {
                    "no call tree to follow: invoke a plan with a call tree first".to_owned()
                } else {
                    format!(
                        "{person} is not in the call tree; it has {}",
                        everyone.join(", ")
                    )
                }));
            };
            if let Some(invoked) = board.invoked_at {
                before_invocation(invoked, at, "a call of the call tree")?;
            }
            let fallback = board
                .plans
                .iter()
                .flat_map(|p| &p.calls)
                .find(|c| c.callee.eq_ignore_ascii_case(name))
                .and_then(|c| c.fallback.clone());
            let text = match (outcome, fallback) {
                (CallOutcome::Reached, _) => format!("{name} reached"),
                (o, Some(f)) => format!("{name}: {}; fall-back {f} due", o.as_str()),
                (o, None) => format!("{name}: {}", o.as_str()),
            };
            entry(
                LogKind::Communication,
                text,
                String::new(),
                None,
                Some(Fact::Call {
                    person: name.clone(),
                    outcome: *outcome,
                }),
            )
        }
        BoardAction::Resume {
            activity,
            level,
            restore_point,
        } => {
            let a = board
                .activities
                .iter()
                .find(|a| a.name.trim().eq_ignore_ascii_case(activity.trim()))
                .ok_or_else(|| {
                    let names: Vec<&str> =
                        board.activities.iter().map(|a| a.name.as_str()).collect();
                    refuse(format!(
                        "{activity} is not affected by this incident; affected: {}",
                        names.join(", ")
                    ))
                })?;
            if restore_point.is_some_and(|point| point > board.disrupted_at) {
                return Err(refuse(
                    "a restore point after the disruption began loses no data; leave it out",
                ));
            }
            let achieved = (at - board.disrupted_at).num_minutes();
            let text = match level {
                Level::Minimum => {
                    if a.minimum_at.is_some() {
                        return Err(refuse(format!(
                            "{} is already back at its minimum level; correct that entry to change it",
                            a.name
                        )));
                    }
                    let target = a
                        .rto_min
                        .map(|r| format!(" against an RTO of {r}"))
                        .unwrap_or_default();
                    format!(
                        "{} back at its minimum level ({}): achieved RTO {}{target}",
                        a.name,
                        if a.minimum.is_empty() {
                            "as agreed"
                        } else {
                            &a.minimum
                        },
                        span(achieved)
                    )
                }
                Level::Normal => {
                    if a.normal_at.is_some() {
                        return Err(refuse(format!("{} is already back to normal", a.name)));
                    }
                    if let Some(minimum) = a.minimum_at.filter(|m| at < *m) {
                        return Err(refuse(format!(
                            "{} was back at its minimum level at {} UTC; it cannot be back to normal before that",
                            a.name,
                            minimum.format("%Y-%m-%d %H:%M")
                        )));
                    }
                    format!("{} back to normal after {}", a.name, span(achieved))
                }
            };
            let text = match restore_point {
                Some(p) => format!(
                    "{text}; data restored to {} UTC (achieved RPO {})",
                    p.format("%Y-%m-%d %H:%M"),
                    span((board.disrupted_at - *p).num_minutes())
                ),
                None => text,
            };
            entry(
                LogKind::Status,
                text,
                String::new(),
                None,
                Some(Fact::Resumed {
                    activity: a.name.clone(),
                    level: *level,
                    restore_point: *restore_point,
                }),
            )
        }
        BoardAction::StandDown { summary, by } => {
            if let Some(last) = board.log.iter().map(|e| e.at).max().filter(|t| at < *t) {
                return Err(refuse(format!(
                    "the log has an entry at {} UTC; the stand-down comes after everything it closes",
                    last.format("%Y-%m-%d %H:%M")
                )));
            }
            let mut errors = FieldErrors::new();
            let summary = errors.required_text("summary", "The closing summary", summary, 5_000);
            let by = errors.optional_text("by", "Who stands it down", by, 200);
            errors.into_result()?;
            let who = if by.is_empty() { author } else { by.as_str() };
            entry(
                LogKind::Decision,
                format!("Stood down by {who}"),
                summary.clone(),
                None,
                Some(Fact::StoodDown { summary, by }),
            )
        }
    })
}

/// The version an invocation runs against, as the store found it.
#[derive(Debug, Clone)]
pub struct Invocable<'a> {
    pub plan_id: i64,
    pub title: &'a str,
    pub version: u32,
    pub sha256: &'a str,
    /// The plan's working version when it is a draft after the approved one.
    pub draft_version: Option<u32>,
    pub content: &'a crate::plan::PlanSnapshot,
}

/// The entry invoking `plan` by `invoker` with the criteria numbered `criteria`.
pub fn invocation_entry(
    board: &Board,
    plan: &Invocable<'_>,
    invoker: &str,
    authority: Authority,
    criteria: &[u32],
    at: DateTime<Utc>,
) -> Result<NewEntry> {
    check_time(board, at)?;
    if board.state == EventState::StoodDown {
        return Err(refuse("the incident is stood down; open a new one"));
    }
    if board.plans.iter().any(|p| p.plan_id == plan.plan_id) {
        return Err(refuse(format!(
            "\u{201c}{}\u{201d} is already invoked in this incident",
            plan.title
        )));
    }
    let listed = plan.content.invocation_criteria.len();
    let mut met: Vec<u32> = Vec::new();
    for &n in criteria {
        if n == 0 || n as usize > listed {
            return Err(Error::Invalid(FieldErrors::one(
                "criteria",
                if listed == 0 {
                    format!(
                        "Version {} of \u{201c}{}\u{201d} lists no invocation criteria; tick none.",
                        plan.version, plan.title
                    )
                } else {
                    format!(
                        "Version {} of \u{201c}{}\u{201d} lists criteria 1 to {listed}; there is no criterion {n}.",
                        plan.version, plan.title
                    )
                },
            )));
        }
        if !met.contains(&n) {
            met.push(n);
        }
    }
    met.sort_unstable();
    let named: Vec<String> = met
        .iter()
        .filter_map(|n| plan.content.invocation_criteria.get(*n as usize - 1))
        .map(|c| c.describe())
        .collect();
    let draft = plan
        .draft_version
        .map(|d| format!(" (version {d} is a draft and was not invoked)"))
        .unwrap_or_default();
    let mut text = format!(
        "Invoked \u{201c}{}\u{201d} version {}{draft}, SHA-256 {}, by {invoker}, {}",
        plan.title,
        plan.version,
        plan.sha256,
        authority.describe()
    );
    if !named.is_empty() {
        text.push_str(&format!("; criteria met: {}", named.join("; ")));
    }
    let rationale = match &authority {
        Authority::WithoutAuthority { reason } => reason.clone(),
        _ => String::new(),
    };
    Ok(NewEntry {
        at,
        author: invoker.to_owned(),
        kind: LogKind::Decision,
        text,
        rationale,
        corrects: None,
        fact: Some(Fact::Invoked {
            plan_id: plan.plan_id,
            plan_title: plan.title.to_owned(),
            version: plan.version,
            sha256: plan.sha256.to_owned(),
            draft_version: plan.draft_version,
            invoker: invoker.to_owned(),
            authority,
            criteria: met,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: Option<&str>, role: &str, alternate: Option<&str>) -> InvokerRow {
        InvokerRow {
            name: name.map(str::to_owned),
            role: role.into(),
            alternate: alternate.map(str::to_owned),
        }
    }

    #[test]
    fn authority_comes_from_a_name_an_alternate_or_a_role_else_a_reason() {
        let rows = [
            row(
                Some("Tom Whitaker"),
                "Warehouse Manager",
                Some("Gemma Lowe"),
            ),
            row(None, "Duty manager", None),
        ];
        let roles = |r: &[&str]| r.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            authority(&rows, " tom whitaker ", &[], "").ok(),
            Some(Authority::Named)
        );
        assert_eq!(
            authority(&rows, "Gemma Lowe", &[], "").ok(),
            Some(Authority::AlternateOf {
                name: "Tom Whitaker".into()
            })
        );
        assert_eq!(
            authority(&rows, "Ravi", &roles(&["duty manager"]), "").ok(),
            Some(Authority::Role {
                role: "Duty manager".into()
            })
        );
        let refused = authority(&rows, "Ravi", &roles(&["Driver"]), "  ");
        assert!(matches!(refused, Err(Error::Invalid(_))));
        assert_eq!(
            authority(&rows, "Ravi", &[], "Everyone else is unreachable").ok(),
            Some(Authority::WithoutAuthority {
                reason: "Everyone else is unreachable".into()
            })
        );
        assert_eq!(
            authority(&[], "Ravi", &[], "").ok(),
            Some(Authority::NotStated)
        );
    }
}
