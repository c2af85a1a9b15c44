//! Review and sign-off: a draft goes to review, each required approver approves, and
//! the last approval freezes the version (its canonical snapshot and SHA-256, made by
//! `plan::versions::freeze`).

use rusqlite::params;

use super::EngagementStore;
use super::plan_edits::reopen;
use super::plans::ENTITY;
use crate::domain::{AuditAction, PlanState};
use crate::plan::versions::freeze;
use crate::{Error, Result};

impl EngagementStore {
    /// Sends the draft to its approvers.
    pub fn submit_plan(&mut self, plan_id: i64) -> Result<()> {
        let plan = self.plan_row(plan_id)?;
        match plan.state {
            PlanState::Draft => {}
            PlanState::InReview => {
                return Err(Error::Conflict(format!(
                    "{} is already in review.",
                    plan.title
                )));
            }
            _ => {
                return Err(Error::Conflict(format!(
                    "Version {} of {} is approved; edit the plan to start the next version.",
                    plan.version, plan.title
                )));
            }
        }
        if self.plan_approvers(plan_id)?.is_empty() {
            return Err(Error::invalid(
                "approvers",
                "Name at least one approver before sending the plan for review.",
            ));
        }
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE plan SET state = 'in_review', updated_at = ?1 WHERE id = ?2",
                params![changes.at, plan_id],
            )?;
            changes.record(
                AuditAction::Update,
                (ENTITY, plan_id, &plan.title),
                Some("state"),
                Some("draft"),
                Some(&format!("in review (version {})", plan.version)),
            )
        })
    }

    /// Takes a plan out of review: back to draft, approvals given so far withdrawn.
    pub fn withdraw_plan(&mut self, plan_id: i64) -> Result<()> {
        let plan = self.plan_row(plan_id)?;
        if plan.state != PlanState::InReview {
            return Err(Error::Conflict(format!("{} is not in review.", plan.title)));
        }
        self.write(|changes| reopen(changes, &plan))
    }

    /// Records `name`'s approval of the version in review. When the last required
    /// approver has approved, the version is frozen; returns whether it was.
    pub fn approve_plan(
        &mut self,
        plan_id: i64,
        name: &str,
        role: &str,
        comment: &str,
    ) -> Result<bool> {
        let plan = self.plan_row(plan_id)?;
        if plan.state != PlanState::InReview {
            return Err(Error::Conflict(match plan.state {
                PlanState::Draft => format!("{} is a draft; send it for review first.", plan.title),
                _ => format!(
                    "Version {} of {} is already approved.",
                    plan.version, plan.title
                ),
            }));
        }
        let approvers = self.plan_approvers(plan_id)?;
        let key = name.trim().to_lowercase();
        let Some(approver) = approvers.iter().find(|a| a.name.to_lowercase() == key) else {
            let names: Vec<&str> = approvers.iter().map(|a| a.name.as_str()).collect();
            return Err(Error::invalid(
                "name",
                format!(
                    "\u{201c}{}\u{201d} is not a required approver of this plan; they are: {}.",
                    name.trim(),
                    names.join(", ")
                ),
            ));
        };
        let given = self.approvals(plan_id, plan.version)?;
        if given.iter().any(|a| a.name.to_lowercase() == key) {
            return Err(Error::Conflict(format!(
                "{} has already approved version {}.",
                approver.name, plan.version
            )));
        }
        let role = if role.trim().is_empty() {
            approver.role.clone()
        } else {
            role.trim().to_owned()
        };
        let completes = given.len() + 1 == approvers.len();
        // The frozen content is what the plan shows now, generated sections included.
        let frozen = if completes {
            Some(freeze(&self.plan_content(&plan)?, self.today()))
        } else {
            None
        };
        let subject_name = plan.title.clone();
        self.write(|changes| {
            let subject = (ENTITY, plan_id, subject_name.as_str());
            changes.tx.execute(
                "INSERT INTO plan_approval (plan_id, version, name, role, approved_at, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![plan_id, plan.version, approver.name, role, changes.at, comment.trim()],
            )?;
            changes.record(
                AuditAction::Create,
                subject,
                Some(&format!("approval of version {}", plan.version)),
                None,
                Some(&format!("{} ({role})", approver.name)),
            )?;
            if let Some(frozen) = &frozen {
                let sha = &frozen.sha256;
                changes.tx.execute(
                    "INSERT INTO plan_frozen (plan_id, version, snapshot, sha256, open_gaps, frozen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![plan_id, plan.version, frozen.canonical, sha, frozen.open_gaps, changes.at],
                )?;
                changes.tx.execute(
                    "UPDATE plan SET state = 'approved', updated_at = ?1 WHERE id = ?2",
                    params![changes.at, plan_id],
                )?;
                changes.record(
                    AuditAction::Update,
                    subject,
                    Some("state"),
                    Some("in review"),
                    Some(&format!("approved and frozen (version {}, SHA-256 {sha})", plan.version)),
                )?;
            }
            Ok(())
        })?;
        Ok(frozen.is_some())
    }
}
