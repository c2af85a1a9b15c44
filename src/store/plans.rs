//! Plans: a plan's own row, creating one, the list, and reading what its working
//! version holds (steps, call tree, approvers, scope, written sections). Editing it is
//! in `plan_edits`.

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::EngagementStore;
use crate::domain::{
    ApproverRow, AuditAction, CallInput, CriterionInput, Duration, FieldErrors, InvokerInput,
    NewPlanInput, NodeRef, PlanScope, PlanState, PlanSummary, PlanTemplate, StepInput,
};
use crate::{Error, Result};

/// A plan's own row.
#[derive(Debug, Clone)]
pub(crate) struct PlanRow {
    pub id: i64,
    pub title: String,
    pub template: PlanTemplate,
    pub scope: PlanScope,
    pub owner: String,
    pub review_months: u32,
    pub version: u32,
    /// Draft, in review or approved (the working version is the frozen one).
    pub state: PlanState,
}

pub(crate) const ENTITY: &str = "plan";

pub(super) fn review_months(errors: &mut FieldErrors, months: u32) -> u32 {
    if !(1..=60).contains(&months) {
        errors.add("review_months", "The review cycle is 1 to 60 months.");
    }
    months
}

impl EngagementStore {
    pub(crate) fn plan_row(&self, id: i64) -> Result<PlanRow> {
        self.conn
            .query_row(
                "SELECT id, title, template, scope, owner, review_months, version, state FROM plan WHERE id = ?1",
                [id],
                |r| {
                    let text = |i: usize| r.get::<_, String>(i);
                    Ok(PlanRow {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        template: PlanTemplate::parse(&text(2)?).unwrap_or(PlanTemplate::Iso22301),
                        scope: PlanScope::parse(&text(3)?).unwrap_or(PlanScope::Organisation),
                        owner: r.get(4)?,
                        review_months: r.get(5)?,
                        version: r.get(6)?,
                        state: PlanState::parse(&text(7)?).unwrap_or(PlanState::Draft),
                    })
                },
            )
            .optional()?
            .ok_or(Error::NotFound { entity: "plan", id })
    }

    pub(super) fn plan_title_free(&self, title: &str, except: Option<i64>) -> Result<()> {
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM plan WHERE title = ?1 COLLATE NOCASE AND id IS NOT ?2",
                params![title, except],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(
                "title",
                format!("There is already a plan titled \u{201c}{title}\u{201d}."),
            ));
        }
        Ok(())
    }

    /// A new plan, version 1, a draft covering the whole organisation.
    pub fn create_plan(&mut self, input: &NewPlanInput) -> Result<PlanSummary> {
        let mut errors = FieldErrors::new();
        let title = errors.required_text("title", "The title", &input.title, 200);
        let owner = errors.optional_text("owner", "The owner", &input.owner, 200);
        let months = review_months(&mut errors, input.review_months.unwrap_or(12));
        errors.into_result()?;
        self.plan_title_free(&title, None)?;
        let id = self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO plan (title, template, scope, owner, review_months, created_at, updated_at)
                 VALUES (?1, ?2, 'organisation', ?3, ?4, ?5, ?5)",
                params![title, input.template.as_str(), owner, months, changes.at],
            )?;
            let id = changes.tx.last_insert_rowid();
            for (field, value) in [
                ("title", title.clone()),
                ("template", input.template.label().to_owned()),
                ("owner", owner.clone()),
                ("review_months", months.to_string()),
            ] {
                if !value.is_empty() {
                    changes.record(AuditAction::Create, (ENTITY, id, &title), Some(field), None, Some(&value))?;
                }
            }
            Ok(id)
        })?;
        self.plan_summary(id)
    }

    /// Every plan, by title.
    pub fn plans(&self) -> Result<Vec<PlanSummary>> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM plan ORDER BY title COLLATE NOCASE, id")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        ids.into_iter().map(|id| self.plan_summary(id)).collect()
    }

    pub fn plan_summary(&self, id: i64) -> Result<PlanSummary> {
        let plan = self.plan_row(id)?;
        let last: Option<(u32, DateTime<Utc>, String)> = self
            .conn
            .query_row(
                "SELECT version, frozen_at, sha256 FROM plan_frozen WHERE plan_id = ?1 ORDER BY version DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let today = self.today();
        let next_review = last.as_ref().and_then(|(_, at, _)| {
            let approved = at.date_naive();
            approved.checked_add_months(Months::new(plan.review_months))
        });
        Ok(PlanSummary {
            id,
            title: plan.title,
            template: plan.template,
            state: plan.state,
            version: plan.version,
            approved_version: last.as_ref().map(|l| l.0),
            approved_at: last.as_ref().map(|l| l.1),
            sha256: last.map(|l| l.2),
            next_review: next_review.map(|d| d.to_string()),
            overdue: next_review.is_some_and(|d| d < today),
        })
    }

    /// Today, by the store's clock.
    pub(crate) fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// The plan's recovery steps, as typed.
    pub(crate) fn plan_steps(&self, plan_id: i64) -> Result<Vec<StepInput>> {
        let mut stmt = self.conn.prepare(
            "SELECT title, owner_role, duration_minutes, resource_id, preconditions FROM plan_step
             WHERE plan_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(StepInput {
                title: r.get(0)?,
                owner_role: r.get(1)?,
                duration: Duration::text_or(
                    r.get::<_, Option<u32>>(2)?.and_then(Duration::from_minutes),
                    "",
                ),
                resource_id: r.get(3)?,
                preconditions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn plan_calls(&self, plan_id: i64) -> Result<Vec<CallInput>> {
        let mut stmt = self.conn.prepare(
            "SELECT caller_id, callee_id, fallback_id FROM plan_call WHERE plan_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(CallInput {
                caller_id: r.get(0)?,
                callee_id: r.get(1)?,
                fallback_id: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The plan's invocation criteria and who may invoke it, in order.
    pub(crate) fn plan_invocation(
        &self,
        plan_id: i64,
    ) -> Result<(Vec<CriterionInput>, Vec<InvokerInput>)> {
        let criteria = self
            .conn
            .prepare_cached(
                "SELECT text, threshold_minutes FROM plan_criterion WHERE plan_id = ?1 ORDER BY position",
            )?
            .query_map([plan_id], |r| {
                Ok(CriterionInput {
                    text: r.get(0)?,
                    threshold: Duration::text_or(
                        r.get::<_, Option<u32>>(1)?.and_then(Duration::from_minutes),
                        "",
                    ),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let invokers = self
            .conn
            .prepare_cached(
                "SELECT person_id, role, alternate_id FROM plan_invoker WHERE plan_id = ?1 ORDER BY position",
            )?
            .query_map([plan_id], |r| {
                Ok(InvokerInput {
                    person_id: r.get(0)?,
                    role: r.get(1)?,
                    alternate_id: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok((criteria, invokers))
    }

    pub(crate) fn plan_approvers(&self, plan_id: i64) -> Result<Vec<ApproverRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, role FROM plan_approver WHERE plan_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(ApproverRow {
                name: r.get(0)?,
                role: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn plan_scope_items(&self, plan_id: i64) -> Result<Vec<NodeRef>> {
        let mut stmt = self.conn.prepare(
            "SELECT node_type, node_id FROM plan_scope_item WHERE plan_id = ?1 ORDER BY node_type, node_id",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut nodes = Vec::new();
        for row in rows {
            let (kind, id) = row?;
            nodes.push(NodeRef::from_parts(&kind, id));
        }
        Ok(nodes)
    }
}
