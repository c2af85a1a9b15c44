//! Review and sign-off: a draft goes to review, each required approver approves, and
//! the last approval freezes the version (its canonical snapshot and SHA-256). Reading
//! a plan, its frozen versions, and checking that no frozen version was altered.

use rusqlite::params;

use super::EngagementStore;
use super::plans::{ENTITY, PlanRow, reopen};
use crate::domain::{
    Approval, AuditAction, FrozenVersion, HashMismatch, PlanState, PlanView, ScopeItem,
    SectionView, VersionInfo,
};
use crate::plan::check::{CheckItem, stale_contacts, standards_check};
use crate::plan::snapshot::sha256_hex;
use crate::plan::{PlanSnapshot, diff, markdown};
use crate::{Error, Result};

pub(super) struct FrozenRow {
    pub version: u32,
    pub snapshot: String,
    pub sha256: String,
    pub open_gaps: String,
    pub frozen_at: String,
}

fn damaged(plan: &PlanRow, version: u32) -> Error {
    Error::Conflict(format!(
        "version {version} of the plan \u{201c}{}\u{201d} is damaged: its stored content no longer reads back; run keel plan verify",
        plan.title
    ))
}

impl EngagementStore {
    pub(super) fn frozen_rows(&self, plan_id: i64) -> Result<Vec<FrozenRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, snapshot, sha256, open_gaps, frozen_at FROM plan_frozen WHERE plan_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(FrozenRow {
                version: r.get(0)?,
                snapshot: r.get(1)?,
                sha256: r.get(2)?,
                open_gaps: r.get(3)?,
                frozen_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn approvals(&self, plan_id: i64, version: u32) -> Result<Vec<Approval>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, role, approved_at, comment FROM plan_approval WHERE plan_id = ?1 AND version = ?2
             ORDER BY approved_at, name",
        )?;
        let rows = stmt.query_map(params![plan_id, version], |r| {
            Ok(Approval {
                name: r.get(0)?,
                role: r.get(1)?,
                approved_at: r.get(2)?,
                comment: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

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
            let content = self.plan_content(&plan)?;
            let open: Vec<CheckItem> = standards_check(&content, self.today())
                .into_iter()
                .filter(|i| !i.present)
                .collect();
            let canonical = content.canonical();
            Some((
                sha256_hex(&canonical),
                canonical,
                serde_json::to_string(&open).unwrap_or_else(|_| "[]".into()),
            ))
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
            if let Some((sha, canonical, open)) = &frozen {
                changes.tx.execute(
                    "INSERT INTO plan_frozen (plan_id, version, snapshot, sha256, open_gaps, frozen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![plan_id, plan.version, canonical, sha, open, changes.at],
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

    pub(super) fn parse_frozen(&self, plan: &PlanRow, row: &FrozenRow) -> Result<PlanSnapshot> {
        serde_json::from_str(&row.snapshot).map_err(|_| damaged(plan, row.version))
    }

    /// A signed-off version, exactly as approved.
    pub fn frozen_version(&self, plan_id: i64, version: u32) -> Result<FrozenVersion> {
        let plan = self.plan_row(plan_id)?;
        let rows = self.frozen_rows(plan_id)?;
        let latest = rows.last().map(|r| r.version);
        let row = rows.iter().find(|r| r.version == version).ok_or_else(|| {
            Error::Conflict(format!(
                "Version {version} of {} was never approved.",
                plan.title
            ))
        })?;
        let content = self.parse_frozen(&plan, row)?;
        Ok(FrozenVersion {
            version,
            state: frozen_state(version, latest),
            sections_html: content
                .sections
                .iter()
                .map(|s| markdown::to_html(&s.body))
                .collect(),
            content,
            sha256: row.sha256.clone(),
            approvals: self.approvals(plan_id, version)?,
            open_gaps: serde_json::from_str(&row.open_gaps).unwrap_or_default(),
            frozen_at: row.frozen_at.clone(),
        })
    }

    /// The plan being worked on. An approved plan shows its frozen content; a draft or
    /// a plan in review shows the engagement as it is now.
    pub fn plan_view(&self, plan_id: i64) -> Result<PlanView> {
        let plan = self.plan_row(plan_id)?;
        let frozen = self.frozen_rows(plan_id)?;
        let content = if plan.state == PlanState::Approved {
            let row = frozen
                .iter()
                .find(|r| r.version == plan.version)
                .ok_or_else(|| damaged(&plan, plan.version))?;
            self.parse_frozen(&plan, row)?
        } else {
            self.plan_content(&plan)?
        };
        // What changed since the last approved version before this content.
        let base = frozen.iter().rev().find(|r| r.version < plan.version);
        let changes = match base {
            Some(row) => diff::changes(&self.parse_frozen(&plan, row)?, &content),
            None => Vec::new(),
        };
        let today = self.today();
        let versions = versions_of(&plan, &frozen);
        let mut scope_items = Vec::new();
        for node in self.plan_scope_items(plan_id)? {
            scope_items.push(ScopeItem {
                key: node.key(),
                name: self.node_name(node)?,
            });
        }
        let sections = plan
            .template
            .sections()
            .iter()
            .map(|def| {
                let body = content
                    .section(def.key)
                    .map(|s| s.body.clone())
                    .unwrap_or_default();
                SectionView {
                    key: def.key.into(),
                    title: def.title.into(),
                    guidance: def.guidance.into(),
                    written: def.written,
                    generated: def.generated.to_vec(),
                    html: markdown::to_html(&body),
                    body,
                }
            })
            .collect();
        Ok(PlanView {
            summary: self.plan_summary(plan_id)?,
            owner: plan.owner.clone(),
            review_months: plan.review_months,
            scope: plan.scope,
            scope_items,
            sections,
            check: standards_check(&content, today),
            stale_contacts: stale_contacts(&content, today),
            calls: self.plan_calls(plan_id)?,
            steps: self.plan_steps(plan_id)?,
            approvals: self.approvals(plan_id, plan.version)?,
            content,
            versions,
            changes,
        })
    }

    /// Recomputes the SHA-256 of every frozen version (of one plan, or of all); returns
    /// how many were checked and each whose stored hash does not match its content.
    pub fn verify_plans(&self, plan_id: Option<i64>) -> Result<(usize, Vec<HashMismatch>)> {
        if let Some(id) = plan_id {
            self.plan_row(id)?;
        }
        let mut stmt = self.conn.prepare(
            "SELECT plan_id, version, snapshot, sha256 FROM plan_frozen WHERE ?1 IS NULL OR plan_id = ?1
             ORDER BY plan_id, version",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut checked = 0;
        let mut mismatches = Vec::new();
        for row in rows {
            let (plan_id, version, snapshot, stored) = row?;
            checked += 1;
            let computed = sha256_hex(&snapshot);
            if computed != stored {
                mismatches.push(HashMismatch {
                    plan_id,
                    version,
                    stored,
                    computed,
                });
            }
        }
        Ok((checked, mismatches))
    }
}

/// A frozen version is the approved one while no later version has been approved.
pub(super) fn frozen_state(version: u32, latest: Option<u32>) -> PlanState {
    if Some(version) == latest {
        PlanState::Approved
    } else {
        PlanState::Superseded
    }
}

/// Every version of a plan, newest first: the frozen ones, and the working one when it
/// is not the last approved.
pub(super) fn versions_of(plan: &PlanRow, frozen: &[FrozenRow]) -> Vec<VersionInfo> {
    let latest = frozen.last().map(|r| r.version);
    let mut versions: Vec<VersionInfo> = frozen
        .iter()
        .map(|r| VersionInfo {
            version: r.version,
            state: frozen_state(r.version, latest),
            approved_at: Some(r.frozen_at.clone()),
            sha256: Some(r.sha256.clone()),
        })
        .collect();
    if plan.state != PlanState::Approved {
        versions.push(VersionInfo {
            version: plan.version,
            state: plan.state,
            approved_at: None,
            sha256: None,
        });
    }
    versions.reverse();
    versions
}
