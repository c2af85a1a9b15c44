//! Reading a plan's versions: the frozen rows and approvals, the plan being worked on,
//! a signed-off version, and which frozen versions no longer match their hash. What is
//! made of them is assembled in `plan::view` and `plan::versions`.

use rusqlite::params;

use super::EngagementStore;
use crate::domain::{Approval, HashMismatch, PlanState, ScopeItem};
use crate::plan::versions::{FrozenRow, damaged, hash_mismatch};
use crate::plan::view::{self, FrozenVersion, PlanView, PlanViewSources};
use crate::{Error, Result};

impl EngagementStore {
    /// Every frozen version of a plan, oldest first.
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
        view::frozen_version(&plan.title, row, latest, self.approvals(plan_id, version)?)
    }

    /// The plan being worked on. An approved plan shows its frozen content; a draft or
    /// a plan in review shows the engagement as it is now.
    pub fn plan_view(&self, plan_id: i64) -> Result<PlanView> {
        let plan = self.plan_row(plan_id)?;
        let frozen = self.frozen_rows(plan_id)?;
        let content = if plan.state == PlanState::Approved {
            frozen
                .iter()
                .find(|r| r.version == plan.version)
                .ok_or_else(|| damaged(&plan.title, plan.version))?
                .content(&plan.title)?
        } else {
            self.plan_content(&plan)?
        };
        let mut scope_items = Vec::new();
        for node in self.plan_scope_items(plan_id)? {
            scope_items.push(ScopeItem {
                key: node.key(),
                name: self.node_name(node)?,
            });
        }
        let (criteria, invokers) = self.plan_invocation(plan_id)?;
        let sources = PlanViewSources {
            criteria,
            invokers,
            summary: self.plan_summary(plan_id)?,
            template: plan.template,
            owner: plan.owner.clone(),
            review_months: plan.review_months,
            scope: plan.scope,
            scope_items,
            calls: self.plan_calls(plan_id)?,
            steps: self.plan_steps(plan_id)?,
            approvals: self.approvals(plan_id, plan.version)?,
            frozen,
            content,
        };
        view::plan_view(sources, self.today())
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
            mismatches.extend(hash_mismatch(plan_id, version, &snapshot, stored));
        }
        Ok((checked, mismatches))
    }
}
