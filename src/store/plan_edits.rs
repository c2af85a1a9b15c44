//! Editing the working version of a plan. An edit to an approved plan starts the next
//! version as a draft; an edit to a plan in review sends it back to draft and withdraws
//! the approvals given so far.

use rusqlite::{OptionalExtension, params};

use super::EngagementStore;
use super::audit::Changes;
use super::plans::{ENTITY, PlanRow, review_months};
use crate::domain::{
    ApproverRow, AuditAction, CallInput, Duration, FieldErrors, InvokerInput, NodeRef, PlanEdit,
    PlanScope, PlanState,
};
use crate::{Error, Result};

impl EngagementStore {
    /// Applies one edit to the working version (see the module note on versions).
    pub fn edit_plan(&mut self, plan_id: i64, edit: &PlanEdit) -> Result<()> {
        let plan = self.plan_row(plan_id)?;
        let checked = self.check_plan_edit(&plan, edit)?;
        self.write(|changes| {
            reopen(changes, &plan)?;
            apply(changes, &plan, checked)
        })
    }

    /// Validates an edit and resolves what it names, before anything is written.
    fn check_plan_edit(&self, plan: &PlanRow, edit: &PlanEdit) -> Result<CheckedEdit> {
        Ok(match edit {
            PlanEdit::Details {
                title,
                owner,
                review_months: months,
            } => {
                let mut errors = FieldErrors::new();
                let title = errors.required_text("title", "The title", title, 200);
                let owner = errors.optional_text("owner", "The owner", owner, 200);
                let months = review_months(&mut errors, *months);
                errors.into_result()?;
                self.plan_title_free(&title, Some(plan.id))?;
                CheckedEdit::Details(title, owner, months)
            }
            PlanEdit::Scope { scope, items } => {
                let mut nodes = Vec::new();
                for item in items {
                    let node = NodeRef::parse("scope", item)?;
                    match node {
                        NodeRef::Activity(id) => drop(self.activity(id)?),
                        NodeRef::Resource(id) => drop(super::resources::resource(&self.conn, id)?),
                    }
                    if !nodes.contains(&node) {
                        nodes.push(node);
                    }
                }
                match scope {
                    PlanScope::Organisation => nodes.clear(),
                    PlanScope::Items if nodes.is_empty() => {
                        return Err(Error::invalid(
                            "scope",
                            "Choose at least one activity or resource.",
                        ));
                    }
                    PlanScope::Site => {
                        let site = match nodes.as_slice() {
                            [NodeRef::Resource(id)] => super::resources::resource(&self.conn, *id)?,
                            _ => return Err(Error::invalid("scope", "Choose one site.")),
                        };
                        if site.kind != crate::domain::ResourceKind::Site {
                            return Err(Error::invalid(
                                "scope",
                                format!("{} is not a site.", site.name),
                            ));
                        }
                    }
                    PlanScope::Items => {}
                }
                CheckedEdit::Scope(*scope, nodes)
            }
            PlanEdit::Section { key, body } => {
                let section = plan
                    .template
                    .section(key)
                    .filter(|s| s.written)
                    .ok_or_else(|| {
                        Error::invalid(
                            "section",
                            format!("This plan has no written section \u{201c}{key}\u{201d}."),
                        )
                    })?;
                if body.len() > 200_000 {
                    return Err(Error::invalid(
                        "section",
                        "A section holds at most 200,000 characters.",
                    ));
                }
                CheckedEdit::Section(section.key, section.title, body.clone())
            }
            PlanEdit::Approvers { approvers } => {
                let mut errors = FieldErrors::new();
                let mut clean: Vec<ApproverRow> = Vec::new();
                for a in approvers {
                    let name =
                        errors.required_text("approvers", "An approver's name", &a.name, 200);
                    let role =
                        errors.optional_text("approvers", "An approver's role", &a.role, 200);
                    if clean
                        .iter()
                        .any(|c| c.name.to_lowercase() == name.to_lowercase())
                    {
                        errors.add("approvers", format!("{name} is listed twice."));
                    }
                    clean.push(ApproverRow { name, role });
                }
                errors.into_result()?;
                CheckedEdit::Approvers(clean)
            }
            PlanEdit::CallTree { calls } => {
                for call in calls {
                    for id in [call.caller_id, Some(call.callee_id), call.fallback_id]
                        .into_iter()
                        .flatten()
                    {
                        self.person(id)?;
                    }
                    if Some(call.callee_id) == call.caller_id
                        || Some(call.callee_id) == call.fallback_id
                    {
                        return Err(Error::invalid(
                            "calls",
                            "A call needs someone else to call, and a different fall-back.",
                        ));
                    }
                }
                CheckedEdit::CallTree(calls.clone())
            }
            PlanEdit::Steps { steps } => {
                let mut errors = FieldErrors::new();
                let mut clean = Vec::new();
                for (i, step) in steps.iter().enumerate() {
                    let field = format!("steps.{i}");
                    let title = errors.required_text(&field, "A step's title", &step.title, 300);
                    let owner_role =
                        errors.optional_text(&field, "The owner role", &step.owner_role, 200);
                    let preconditions = errors.optional_text(
                        &field,
                        "The preconditions",
                        &step.preconditions,
                        5_000,
                    );
                    let duration = match step.duration.trim() {
                        "" => None,
                        text => match Duration::parse(text) {
                            Ok(d) => Some(d),
                            Err(e) => {
                                errors.add(&field, e.to_string());
                                None
                            }
                        },
                    };
                    if let Some(id) = step.resource_id {
                        super::resources::resource(&self.conn, id)?;
                    }
                    clean.push(CheckedStep {
                        title,
                        owner_role,
                        duration,
                        resource_id: step.resource_id,
                        preconditions,
                    });
                }
                errors.into_result()?;
                CheckedEdit::Steps(clean)
            }
            PlanEdit::Invocation { criteria, invokers } => {
                let mut errors = FieldErrors::new();
                let mut clean = Vec::new();
                for (i, c) in criteria.iter().enumerate() {
                    let field = format!("criteria.{i}");
                    let text = errors.required_text(&field, "A criterion", &c.text, 500);
                    let threshold = match c.threshold.trim() {
                        "" => None,
                        typed => match Duration::parse(typed) {
                            Ok(d) => Some(d),
                            Err(e) => {
                                errors.add(&format!("{field}.threshold"), e.to_string());
                                None
                            }
                        },
                    };
                    clean.push((text, threshold));
                }
                let mut people = Vec::new();
                for (i, who) in invokers.iter().enumerate() {
                    let field = format!("invokers.{i}");
                    let role = errors.optional_text(&field, "The role", &who.role, 200);
                    if who.person_id.is_none() && role.is_empty() {
                        errors.add(&field, "Name a person or a role who may invoke the plan.");
                    }
                    for id in [who.person_id, who.alternate_id].into_iter().flatten() {
                        self.person(id)?;
                    }
                    if who.person_id.is_some() && who.person_id == who.alternate_id {
                        errors.add(&field, "The alternate must be someone else.");
                    }
                    people.push(InvokerInput {
                        person_id: who.person_id,
                        role,
                        alternate_id: who.alternate_id,
                    });
                }
                errors.into_result()?;
                CheckedEdit::Invocation(clean, people)
            }
        })
    }
}

enum CheckedEdit {
    Details(String, String, u32),
    Scope(PlanScope, Vec<NodeRef>),
    Section(&'static str, &'static str, String),
    Approvers(Vec<ApproverRow>),
    CallTree(Vec<CallInput>),
    Steps(Vec<CheckedStep>),
    Invocation(Vec<(String, Option<Duration>)>, Vec<InvokerInput>),
}

struct CheckedStep {
    title: String,
    owner_role: String,
    duration: Option<Duration>,
    resource_id: Option<i64>,
    preconditions: String,
}

/// Makes the working version editable: an approved plan gets its next version as a
/// draft; a plan in review goes back to draft and its approvals are withdrawn.
pub(crate) fn reopen(changes: &Changes<'_>, plan: &PlanRow) -> Result<()> {
    let subject = (ENTITY, plan.id, plan.title.as_str());
    match plan.state {
        PlanState::Approved => {
            changes.tx.execute(
                "UPDATE plan SET version = version + 1, state = 'draft', updated_at = ?1 WHERE id = ?2",
                params![changes.at, plan.id],
            )?;
            changes.record(
                AuditAction::Create,
                subject,
                Some("draft version"),
                None,
                Some(&(plan.version + 1).to_string()),
            )
        }
        PlanState::InReview => {
            let withdrawn = changes.tx.execute(
                "DELETE FROM plan_approval WHERE plan_id = ?1 AND version = ?2",
                params![plan.id, plan.version],
            )?;
            changes.tx.execute(
                "UPDATE plan SET state = 'draft', updated_at = ?1 WHERE id = ?2",
                params![changes.at, plan.id],
            )?;
            let note = if withdrawn > 0 {
                format!("draft (edited in review; {withdrawn} approvals withdrawn)")
            } else {
                "draft (edited in review)".into()
            };
            changes.record(
                AuditAction::Update,
                subject,
                Some("state"),
                Some("in review"),
                Some(&note),
            )
        }
        PlanState::Draft | PlanState::Superseded => Ok(()),
    }
}

fn apply(changes: &Changes<'_>, plan: &PlanRow, edit: CheckedEdit) -> Result<()> {
    let tx = changes.tx;
    let subject = (ENTITY, plan.id, plan.title.as_str());
    let touch = || {
        tx.execute(
            "UPDATE plan SET updated_at = ?1 WHERE id = ?2",
            params![changes.at, plan.id],
        )
    };
    match edit {
        CheckedEdit::Details(title, owner, months) => {
            tx.execute(
                "UPDATE plan SET title = ?1, owner = ?2, review_months = ?3, updated_at = ?4 WHERE id = ?5",
                params![title, owner, months, changes.at, plan.id],
            )?;
            for (field, old, new) in [
                ("title", plan.title.clone(), title),
                ("owner", plan.owner.clone(), owner),
                (
                    "review_months",
                    plan.review_months.to_string(),
                    months.to_string(),
                ),
            ] {
                if old != new {
                    changes.record(
                        AuditAction::Update,
                        subject,
                        Some(field),
                        Some(&old),
                        Some(&new),
                    )?;
                }
            }
        }
        CheckedEdit::Scope(scope, nodes) => {
            tx.execute("DELETE FROM plan_scope_item WHERE plan_id = ?1", [plan.id])?;
            for node in &nodes {
                let (kind, id) = node.parts();
                tx.execute(
                    "INSERT INTO plan_scope_item (plan_id, node_type, node_id) VALUES (?1, ?2, ?3)",
                    params![plan.id, kind, id],
                )?;
            }
            tx.execute(
                "UPDATE plan SET scope = ?1 WHERE id = ?2",
                params![scope.as_str(), plan.id],
            )?;
            touch()?;
            let keys: Vec<String> = nodes.iter().map(|n| n.key()).collect();
            changes.record(
                AuditAction::Update,
                subject,
                Some("scope"),
                Some(plan.scope.as_str()),
                Some(format!("{} {}", scope.as_str(), keys.join(" ")).trim()),
            )?;
        }
        CheckedEdit::Section(key, title, body) => {
            let old: String = tx
                .query_row(
                    "SELECT body FROM plan_section WHERE plan_id = ?1 AND section_key = ?2",
                    params![plan.id, key],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default();
            if old == body {
                return Ok(());
            }
            tx.execute(
                "INSERT INTO plan_section (plan_id, section_key, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (plan_id, section_key) DO UPDATE SET body = excluded.body",
                params![plan.id, key, body],
            )?;
            touch()?;
            let shown = |t: &str| Some(t.to_owned()).filter(|t| !t.is_empty());
            // Typed as free text: logged once per editing run.
            changes.typed(
                subject,
                &format!("section {title}"),
                shown(&old).as_deref(),
                shown(&body).as_deref(),
            )?;
        }
        CheckedEdit::Approvers(approvers) => {
            tx.execute("DELETE FROM plan_approver WHERE plan_id = ?1", [plan.id])?;
            for (i, a) in approvers.iter().enumerate() {
                tx.execute(
                    "INSERT INTO plan_approver (plan_id, position, name, role) VALUES (?1, ?2, ?3, ?4)",
                    params![plan.id, i as i64, a.name, a.role],
                )?;
            }
            touch()?;
            let list: Vec<String> = approvers
                .iter()
                .map(|a| format!("{} ({})", a.name, a.role))
                .collect();
            changes.record(
                AuditAction::Update,
                subject,
                Some("approvers"),
                None,
                Some(&list.join(", ")),
            )?;
        }
        CheckedEdit::CallTree(calls) => {
            tx.execute("DELETE FROM plan_call WHERE plan_id = ?1", [plan.id])?;
            for (i, c) in calls.iter().enumerate() {
                tx.execute(
                    "INSERT INTO plan_call (plan_id, position, caller_id, callee_id, fallback_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![plan.id, i as i64, c.caller_id, c.callee_id, c.fallback_id],
                )?;
            }
            touch()?;
            changes.record(
                AuditAction::Update,
                subject,
                Some("call tree"),
                None,
                Some(&format!("{} calls", calls.len())),
            )?;
        }
        CheckedEdit::Steps(steps) => {
            tx.execute("DELETE FROM plan_step WHERE plan_id = ?1", [plan.id])?;
            for (i, step) in steps.iter().enumerate() {
                tx.execute(
                    "INSERT INTO plan_step (plan_id, position, title, owner_role, duration_minutes, resource_id, preconditions)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        plan.id,
                        i as i64,
                        step.title,
                        step.owner_role,
                        step.duration.map(Duration::minutes),
                        step.resource_id,
                        step.preconditions
                    ],
                )?;
            }
            touch()?;
            let titles: Vec<&str> = steps.iter().map(|s| s.title.as_str()).collect();
            changes.record(
                AuditAction::Update,
                subject,
                Some("recovery steps"),
                None,
                Some(&titles.join("; ")),
            )?;
        }
        CheckedEdit::Invocation(criteria, invokers) => {
            tx.execute("DELETE FROM plan_criterion WHERE plan_id = ?1", [plan.id])?;
            for (i, (text, threshold)) in criteria.iter().enumerate() {
                tx.execute(
                    "INSERT INTO plan_criterion (plan_id, position, text, threshold_minutes) VALUES (?1, ?2, ?3, ?4)",
                    params![plan.id, i as i64, text, threshold.map(Duration::minutes)],
                )?;
            }
            tx.execute("DELETE FROM plan_invoker WHERE plan_id = ?1", [plan.id])?;
            for (i, who) in invokers.iter().enumerate() {
                tx.execute(
                    "INSERT INTO plan_invoker (plan_id, position, person_id, role, alternate_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![plan.id, i as i64, who.person_id, who.role, who.alternate_id],
                )?;
            }
            touch()?;
            changes.record(
                AuditAction::Update,
                subject,
                Some("invocation"),
                None,
                Some(&format!(
                    "{} criteria, {} who may invoke",
                    criteria.len(),
                    invokers.len()
                )),
            )?;
        }
    }
    Ok(())
}
