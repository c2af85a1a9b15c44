//! How an action moves on: open → in progress → done → verified, or risk accepted (by
//! someone, for a reason). An action about a plan is verified only by an approved
//! version of that plan frozen after the action was done; that version is the one that
//! closed it.

use chrono::{DateTime, Utc};

use crate::domain::{Action, ActionChange, ActionStatus, FieldErrors};
use crate::{Error, Result};

/// An approved (frozen) version of a plan and when it was frozen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApprovedVersion {
    pub version: u32,
    pub frozen_at: DateTime<Utc>,
}

/// The first approved version frozen after `done_at`: the one that closes an action
/// done then. `versions` in any order.
pub fn closing_version(
    done_at: DateTime<Utc>,
    versions: &[ApprovedVersion],
) -> Option<ApprovedVersion> {
    versions
        .iter()
        .filter(|v| v.frozen_at > done_at)
        .min_by_key(|v| (v.frozen_at, v.version))
        .copied()
}

/// The action after `change`, made at `now` (by the store's clock), with `versions` the
/// approved versions of the plan it is about (empty for an action about no plan).
/// `plan_title` names the plan in a refusal. A refused change says why and changes
/// nothing.
pub fn apply(
    action: &Action,
    change: &ActionChange,
    versions: &[ApprovedVersion],
    plan_title: &str,
    now: DateTime<Utc>,
) -> Result<Action> {
    let mut next = action.clone();
    if let Some(title) = &change.title {
        next.title.clone_from(title);
    }
    if let Some(description) = &change.description {
        next.description.clone_from(description);
    }
    if let Some(owner) = change.owner_id {
        next.owner_id = owner;
    }
    if let Some(due) = change.due {
        next.due = due;
    }
    if let Some(by) = &change.accepted_by {
        next.accepted_by.clone_from(by);
    }
    if let Some(why) = &change.accepted_why {
        next.accepted_why.clone_from(why);
    }
    let target = change.status.unwrap_or(action.status);
    if action.status == ActionStatus::Verified && target != ActionStatus::Verified {
        return Err(Error::Conflict(format!(
            "\u{201c}{}\u{201d} is verified{}: it stays closed. Raise a new action if more is needed.",
            action.title,
            action
                .verified_version
                .map(|v| format!(" by version {v} of {plan_title}"))
                .unwrap_or_default()
        )));
    }
    match target {
        ActionStatus::Open | ActionStatus::InProgress => {
            next.done_at = None;
            next.verified_version = None;
            next.accepted_by.clear();
            next.accepted_why.clear();
        }
        ActionStatus::Done => {
            if action.status != ActionStatus::Done {
                next.done_at = Some(now);
            }
            next.verified_version = None;
            next.accepted_by.clear();
            next.accepted_why.clear();
        }
        ActionStatus::Verified if action.status != ActionStatus::Verified => {
            let Some(done_at) = action
                .done_at
                .filter(|_| action.status == ActionStatus::Done)
            else {
                return Err(Error::Conflict(format!(
                    "\u{201c}{}\u{201d} is {}: mark it done before verifying it.",
                    action.title,
                    action.status.label()
                )));
            };
            if action.plan_id.is_some() {
                let Some(closing) = closing_version(done_at, versions) else {
                    let latest = versions.iter().max_by_key(|v| v.version);
                    return Err(Error::Conflict(format!(
                        "\u{201c}{}\u{201d} can be verified once {plan_title} has a version approved after the action was done ({}). {}",
                        action.title,
                        done_at.format("%Y-%m-%d"),
                        match latest {
                            Some(v) => format!(
                                "Its latest approved version, {}, dates from {}: revise the plan, have it approved, then verify.",
                                v.version,
                                v.frozen_at.format("%Y-%m-%d")
                            ),
                            None => "No version of it is approved yet.".to_owned(),
                        }
                    )));
                };
                next.verified_version = Some(closing.version);
            }
        }
        ActionStatus::Verified => {}
        ActionStatus::RiskAccepted => {
            let mut errors = FieldErrors::new();
            if next.accepted_by.trim().is_empty() {
                errors.add("accepted_by", "Name who accepted the risk.");
            }
            if next.accepted_why.trim().is_empty() {
                errors.add("accepted_why", "Say why the risk is accepted.");
            }
            errors.into_result()?;
            next.done_at = None;
            next.verified_version = None;
        }
    }
    if target != ActionStatus::RiskAccepted && target != action.status {
        // Who and why belong to an accepted risk only.
        next.accepted_by.clear();
        next.accepted_why.clear();
    }
    next.status = target;
    if next != *action {
        next.updated_at = now;
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::domain::ActionSource;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
    }

    fn action(status: ActionStatus, done_at: Option<DateTime<Utc>>) -> Action {
        Action {
            id: 1,
            title: "Fix the call tree".into(),
            description: String::new(),
            owner_id: 2,
            owner: "Ana".into(),
            due: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            status,
            source: ActionSource::PlanReview,
            finding_id: None,
            event_id: None,
            plan_id: Some(7),
            plan_title: Some("Warehouse".into()),
            done_at,
            verified_version: None,
            accepted_by: String::new(),
            accepted_why: String::new(),
            created_at: at(1),
            updated_at: at(1),
        }
    }

    fn to(status: ActionStatus) -> ActionChange {
        ActionChange {
            status: Some(status),
            ..ActionChange::default()
        }
    }

    #[test]
    fn done_is_dated_and_only_a_later_approved_version_verifies() {
        let done = apply(
            &action(ActionStatus::InProgress, None),
            &to(ActionStatus::Done),
            &[],
            "Warehouse",
            at(5),
        )
        .unwrap();
        assert_eq!(done.done_at, Some(at(5)));
        let before = [ApprovedVersion {
            version: 2,
            frozen_at: at(4),
        }];
        let refused = apply(
            &done,
            &to(ActionStatus::Verified),
            &before,
            "Warehouse",
            at(6),
        );
        let Err(Error::Conflict(message)) = refused else {
            panic!("expected a refusal, got {refused:?}");
        };
        assert!(message.contains("version, 2"), "{message}");
        let versions = [
            before[0],
            ApprovedVersion {
                version: 4,
                frozen_at: at(20),
            },
            ApprovedVersion {
                version: 3,
                frozen_at: at(10),
            },
        ];
        let verified = apply(
            &done,
            &to(ActionStatus::Verified),
            &versions,
            "Warehouse",
            at(21),
        )
        .unwrap();
        assert_eq!(verified.status, ActionStatus::Verified);
        assert_eq!(verified.verified_version, Some(3));
        assert!(
            apply(
                &verified,
                &to(ActionStatus::Open),
                &versions,
                "Warehouse",
                at(22)
            )
            .is_err(),
            "a verified action stays closed"
        );
    }

    #[test]
    fn an_action_is_done_before_it_is_verified() {
        let refused = apply(
            &action(ActionStatus::Open, None),
            &to(ActionStatus::Verified),
            &[],
            "Warehouse",
            at(5),
        );
        assert!(matches!(refused, Err(Error::Conflict(_))));
    }

    #[test]
    fn risk_accepted_needs_who_and_why_and_reopening_forgets_them() {
        let open = action(ActionStatus::Open, None);
        let refused = apply(&open, &to(ActionStatus::RiskAccepted), &[], "", at(5));
        let Err(Error::Invalid(fields)) = refused else {
            panic!("expected field errors, got {refused:?}");
        };
        assert!(fields.get("accepted_by").is_some() && fields.get("accepted_why").is_some());
        let accepted = apply(
            &open,
            &ActionChange {
                status: Some(ActionStatus::RiskAccepted),
                accepted_by: Some("Board".into()),
                accepted_why: Some("Replacement due next year".into()),
                ..ActionChange::default()
            },
            &[],
            "",
            at(5),
        )
        .unwrap();
        assert_eq!(accepted.accepted_by, "Board");
        let reopened = apply(&accepted, &to(ActionStatus::Open), &[], "", at(6)).unwrap();
        assert!(reopened.accepted_by.is_empty() && reopened.accepted_why.is_empty());
    }
}
