//! A plan version as the document to export: its content (frozen, or live for the
//! working draft), hash, approvals, revision history and changes.

use super::EngagementStore;
use super::plan_signoff::{FrozenRow, frozen_state, versions_of};
use crate::plan::diff;
use crate::plan::snapshot::sha256_hex;
use crate::report::PlanDocument;
use crate::{Error, Result};

impl EngagementStore {
    /// Version `version` of a plan (its working version when `None`), ready to export.
    pub fn plan_document(&self, plan_id: i64, version: Option<u32>) -> Result<PlanDocument> {
        let plan = self.plan_row(plan_id)?;
        let frozen = self.frozen_rows(plan_id)?;
        let wanted = version.unwrap_or(plan.version);
        let latest = frozen.last().map(|r| r.version);
        let (content, sha256, state) = match frozen.iter().find(|r| r.version == wanted) {
            Some(row) => {
                check_hash(&plan.title, row)?;
                (
                    self.parse_frozen(&plan, row)?,
                    row.sha256.clone(),
                    frozen_state(wanted, latest),
                )
            }
            None if wanted == plan.version => {
                let content = self.plan_content(&plan)?;
                let sha = sha256_hex(&content.canonical());
                (content, sha, plan.state)
            }
            None => {
                return Err(Error::Conflict(format!(
                    "{} has no version {wanted}: its versions are 1 to {}",
                    plan.title, plan.version
                )));
            }
        };
        let base = frozen.iter().rev().find(|r| r.version < wanted);
        let changes = match base {
            Some(row) => diff::changes(&self.parse_frozen(&plan, row)?, &content),
            None => Vec::new(),
        };
        Ok(PlanDocument {
            version: wanted,
            state,
            sha256,
            approvals: self.approvals(plan_id, wanted)?,
            versions: versions_of(&plan, &frozen),
            changes,
            classification: "Internal".into(),
            exported_at: self.now_text(),
            content,
        })
    }
}

/// A frozen version is exported (and signed) only while its stored content still has
/// the SHA-256 recorded when it was approved: raw SQL with the triggers dropped could
/// have changed it, and a document must never carry a hash it does not match.
fn check_hash(title: &str, row: &FrozenRow) -> Result<()> {
    let computed = sha256_hex(&row.snapshot);
    if computed == row.sha256 {
        return Ok(());
    }
    Err(Error::VersionAltered {
        plan: title.to_owned(),
        version: row.version,
        recorded: row.sha256.clone(),
        computed,
    })
}
