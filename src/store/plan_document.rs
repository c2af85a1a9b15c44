//! Loading what the document of a plan version is made of: the plan's frozen versions,
//! the approvals of the version asked for, and the live content when that version is
//! the working draft. `plan::document` assembles the document from them.

use super::EngagementStore;
use crate::Result;
use crate::plan::document::{DocumentSources, needs_live_content};

impl EngagementStore {
    /// What version `version` of a plan (its working version when `None`) is made of.
    pub fn plan_document_sources(
        &self,
        plan_id: i64,
        version: Option<u32>,
    ) -> Result<DocumentSources> {
        let plan = self.plan_row(plan_id)?;
        let frozen = self.frozen_rows(plan_id)?;
        let wanted = version.unwrap_or(plan.version);
        let live = if needs_live_content(wanted, plan.version, &frozen) {
            Some(self.plan_content(&plan)?)
        } else {
            None
        };
        Ok(DocumentSources {
            approvals: self.approvals(plan_id, wanted)?,
            title: plan.title,
            working_version: plan.version,
            working_state: plan.state,
            version: wanted,
            frozen,
            live,
        })
    }
}
