//! The inputs of a plan's live content, gathered from the engagement in a few queries;
//! `plan::content` builds the content (and the proposed steps) from them.

use std::collections::HashMap;

use super::EngagementStore;
use super::capabilities;
use super::plans::PlanRow;
use crate::Result;
use crate::domain::StepInput;
use crate::plan::PlanSnapshot;
use crate::plan::content::{self, PlanHeader, PlanInputs};
use crate::plan::steps;

impl PlanRow {
    /// The plan's own facts, as the content needs them.
    fn header(&self) -> PlanHeader {
        PlanHeader {
            id: self.id,
            version: self.version,
            title: self.title.clone(),
            template: self.template,
            owner: self.owner.clone(),
            scope: self.scope,
            review_months: self.review_months,
        }
    }
}

impl EngagementStore {
    /// The written sections of a plan's template, by key, in one query (a section never
    /// written is empty).
    fn plan_section_bodies(&self, plan: &PlanRow) -> Result<HashMap<String, String>> {
        let mut stored: HashMap<String, String> = self
            .conn
            .prepare_cached("SELECT section_key, body FROM plan_section WHERE plan_id = ?1")?
            .query_map([plan.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(plan
            .template
            .sections()
            .iter()
            .filter(|s| s.written)
            .map(|s| (s.key.to_owned(), stored.remove(s.key).unwrap_or_default()))
            .collect())
    }

    /// The graph, scope and capabilities a plan's resources are worked out from.
    fn plan_graph_inputs(&self, plan: &PlanRow) -> Result<PlanInputs> {
        let (parts, bia) = self.graph_parts_and_bia()?;
        Ok(PlanInputs {
            scope_items: self.plan_scope_items(plan.id)?,
            parts,
            bia,
            capabilities: capabilities::capabilities(&self.conn)?,
            ..PlanInputs::default()
        })
    }

    /// The working version's content, live from the engagement.
    pub(crate) fn plan_content(&self, plan: &PlanRow) -> Result<PlanSnapshot> {
        let (criteria, invokers) = self.plan_invocation(plan.id)?;
        let inputs = PlanInputs {
            criteria,
            invokers,
            organisation: self.details()?.organisation,
            section_bodies: self.plan_section_bodies(plan)?,
            steps: self.plan_steps(plan.id)?,
            people: self.people()?,
            teams: self.teams()?,
            calls: self.plan_calls(plan.id)?,
            approvers: self.plan_approvers(plan.id)?,
            actions: self.actions(Some(plan.id))?,
            finding_texts: self
                .findings(None)?
                .into_iter()
                .map(|f| (f.id, f.text))
                .collect(),
            ..self.plan_graph_inputs(plan)?
        };
        Ok(content::plan_content(&plan.header(), &inputs))
    }

    /// Recovery steps proposed from the dependency graph: one per resource in scope, in
    /// the order they can be recovered, owned by the resource's owner, as long as its RTC.
    pub fn propose_plan_steps(&self, plan_id: i64) -> Result<Vec<StepInput>> {
        let plan = self.plan_row(plan_id)?;
        let inputs = self.plan_graph_inputs(&plan)?;
        Ok(steps::propose_steps(plan.scope, &inputs))
    }
}
