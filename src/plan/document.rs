//! A plan version as the document to export: its content (frozen, or live for the
//! working draft), hash, approvals, revision history and changes, assembled from what
//! the store loaded.

use chrono::{DateTime, Utc};

use super::snapshot::{PlanSnapshot, sha256_hex};
use super::versions::{FrozenRow, changes_since_approved, frozen_state, history};
use crate::domain::{Approval, PlanState, VersionInfo};
use crate::{Error, Result};

/// Everything a plan's document shows.
#[derive(Debug, Clone)]
pub struct PlanDocument {
    pub content: PlanSnapshot,
    pub version: u32,
    pub state: PlanState,
    /// SHA-256 of the canonical content (of the frozen snapshot, for an approved version).
    pub sha256: String,
    pub approvals: Vec<Approval>,
    pub versions: Vec<VersionInfo>,
    /// Since the last approved version before this one.
    pub changes: Vec<String>,
    pub classification: String,
    /// Printed, and the PDF's creation date.
    pub exported_at: DateTime<Utc>,
}

impl PlanDocument {
    /// Whether this version was approved (and frozen), now or before a later one.
    pub fn approved(&self) -> bool {
        matches!(self.state, PlanState::Approved | PlanState::Superseded)
    }
}

/// What a document of one version is made of, as the store loads it.
#[derive(Debug, Clone)]
pub struct DocumentSources {
    /// The plan's title, to name it in refusals.
    pub title: String,
    /// The working version and where it stands.
    pub working_version: u32,
    pub working_state: PlanState,
    /// The version asked for.
    pub version: u32,
    /// Every frozen version, oldest first.
    pub frozen: Vec<FrozenRow>,
    /// The live content of the working version: loaded only when [`needs_live_content`].
    pub live: Option<PlanSnapshot>,
    /// The approvals of the version asked for.
    pub approvals: Vec<Approval>,
}

/// Whether a document of `version` is made from the live content: it is the working
/// version and was not frozen.
pub fn needs_live_content(version: u32, working_version: u32, frozen: &[FrozenRow]) -> bool {
    version == working_version && frozen.iter().all(|r| r.version != version)
}

/// The document of the version asked for, classified "Internal" and exported at
/// `exported_at`. A frozen version must still have its recorded hash.
pub fn assemble(sources: DocumentSources, exported_at: DateTime<Utc>) -> Result<PlanDocument> {
    let DocumentSources {
        title,
        working_version,
        working_state,
        version,
        frozen,
        live,
        approvals,
    } = sources;
    let latest = frozen.last().map(|r| r.version);
    let (content, sha256, state) = match (frozen.iter().find(|r| r.version == version), live) {
        (Some(row), _) => {
            row.check_hash(&title)?;
            (
                row.content(&title)?,
                row.sha256.clone(),
                frozen_state(version, latest),
            )
        }
        (None, Some(content)) if version == working_version => {
            let sha = sha256_hex(&content.canonical());
            (content, sha, working_state)
        }
        (None, _) => {
            return Err(Error::Conflict(format!(
                "{title} has no version {version}: its versions are 1 to {working_version}"
            )));
        }
    };
    let changes = changes_since_approved(&title, &frozen, version, &content)?;
    Ok(PlanDocument {
        version,
        state,
        sha256,
        approvals,
        versions: history(working_version, working_state, &frozen),
        changes,
        classification: "Internal".into(),
        exported_at,
        content,
    })
}
