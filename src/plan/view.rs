//! The plan as the app shows it: the working version with its sections, standards check
//! and history, and a signed-off version exactly as approved. Pure: assembled from what
//! the store loaded.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::check::{CheckItem, stale_contacts, standards_check};
use super::markdown;
use super::snapshot::PlanSnapshot;
use super::versions::{FrozenRow, changes_since_approved, frozen_state, history};
use crate::Result;
use crate::domain::{
    Approval, CallInput, CriterionInput, Generated, InvokerInput, PlanScope, PlanState,
    PlanSummary, PlanTemplate, ScopeItem, StepInput, VersionInfo,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SectionView {
    pub key: String,
    pub title: String,
    pub guidance: String,
    pub written: bool,
    pub generated: Vec<Generated>,
    pub body: String,
    /// The body as HTML, for the preview.
    pub html: String,
}

/// The plan being worked on: its working version, live from the engagement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlanView {
    pub summary: PlanSummary,
    pub owner: String,
    pub review_months: u32,
    pub scope: PlanScope,
    pub scope_items: Vec<ScopeItem>,
    pub sections: Vec<SectionView>,
    pub content: PlanSnapshot,
    pub calls: Vec<CallInput>,
    pub steps: Vec<StepInput>,
    /// When to invoke the plan and who may, as edited.
    pub criteria: Vec<CriterionInput>,
    pub invokers: Vec<InvokerInput>,
    /// Approvals of the working version so far.
    pub approvals: Vec<Approval>,
    pub check: Vec<CheckItem>,
    pub stale_contacts: Vec<String>,
    pub versions: Vec<VersionInfo>,
    /// Since the last approved version; empty when there is none.
    pub changes: Vec<String>,
}

/// A signed-off version, exactly as approved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FrozenVersion {
    pub version: u32,
    pub state: PlanState,
    pub content: PlanSnapshot,
    pub sections_html: Vec<String>,
    pub sha256: String,
    pub approvals: Vec<Approval>,
    /// The standards-check gaps it was approved with.
    pub open_gaps: Vec<CheckItem>,
    pub frozen_at: DateTime<Utc>,
}

/// The sections of `template`, each with what `content` holds in it.
pub fn sections(template: PlanTemplate, content: &PlanSnapshot) -> Vec<SectionView> {
    template
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
        .collect()
}

/// What the plan being worked on is made of, as the store loads it.
#[derive(Debug, Clone)]
pub struct PlanViewSources {
    pub summary: PlanSummary,
    pub template: PlanTemplate,
    pub owner: String,
    pub review_months: u32,
    pub scope: PlanScope,
    pub scope_items: Vec<ScopeItem>,
    pub calls: Vec<CallInput>,
    pub steps: Vec<StepInput>,
    pub criteria: Vec<CriterionInput>,
    pub invokers: Vec<InvokerInput>,
    /// Approvals of the working version so far.
    pub approvals: Vec<Approval>,
    /// Every frozen version, oldest first.
    pub frozen: Vec<FrozenRow>,
    /// The working version's content: frozen when approved, live otherwise.
    pub content: PlanSnapshot,
}

/// The plan being worked on, checked against the standards on `today`.
pub fn plan_view(sources: PlanViewSources, today: NaiveDate) -> Result<PlanView> {
    let PlanViewSources {
        summary,
        template,
        owner,
        review_months,
        scope,
        scope_items,
        calls,
        steps,
        criteria,
        invokers,
        approvals,
        frozen,
        content,
    } = sources;
    let changes = changes_since_approved(&summary.title, &frozen, summary.version, &content)?;
    Ok(PlanView {
        owner,
        review_months,
        scope,
        scope_items,
        sections: sections(template, &content),
        check: standards_check(&content, today),
        stale_contacts: stale_contacts(&content, today),
        calls,
        steps,
        criteria,
        invokers,
        approvals,
        versions: history(summary.version, summary.state, &frozen),
        summary,
        content,
        changes,
    })
}

/// The frozen version `row` of the plan titled `title`, whose latest frozen version is
/// `latest`, with its approvals.
pub fn frozen_version(
    title: &str,
    row: &FrozenRow,
    latest: Option<u32>,
    approvals: Vec<Approval>,
) -> Result<FrozenVersion> {
    let content = row.content(title)?;
    Ok(FrozenVersion {
        version: row.version,
        state: frozen_state(row.version, latest),
        sections_html: content
            .sections
            .iter()
            .map(|s| markdown::to_html(&s.body))
            .collect(),
        content,
        sha256: row.sha256.clone(),
        approvals,
        open_gaps: serde_json::from_str(&row.open_gaps).unwrap_or_default(),
        frozen_at: row.frozen_at,
    })
}
