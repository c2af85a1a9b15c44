//! A plan's versions as the engagement keeps them: the frozen (approved) ones with the
//! SHA-256 recorded when they were approved, and the working one. Which frozen version
//! is approved and which superseded, the revision history, what freezing a version
//! records, and the checks that a frozen version still reads back and still has its hash.

use chrono::{DateTime, NaiveDate, Utc};

use super::check::{CheckItem, standards_check};
use super::diff;
use super::snapshot::{PlanSnapshot, sha256_hex};
use crate::domain::{HashMismatch, PlanState, VersionInfo};
use crate::{Error, Result};

/// A frozen version as stored: its canonical content, the SHA-256 recorded when it was
/// approved, the standards-check gaps it was approved with (JSON) and when.
#[derive(Debug, Clone)]
pub struct FrozenRow {
    pub version: u32,
    pub snapshot: String,
    pub sha256: String,
    pub open_gaps: String,
    pub frozen_at: DateTime<Utc>,
}

/// A stored version whose content no longer reads back.
pub fn damaged(title: &str, version: u32) -> Error {
    Error::Conflict(format!(
        "version {version} of the plan \u{201c}{title}\u{201d} is damaged: its stored content no longer reads back; run keel plan verify"
    ))
}

impl FrozenRow {
    /// The content as approved; `title` names the plan should it not read back.
    pub fn content(&self, title: &str) -> Result<PlanSnapshot> {
        serde_json::from_str(&self.snapshot).map_err(|_| damaged(title, self.version))
    }

    /// A frozen version is exported (and signed) only while its stored content still
    /// has the SHA-256 recorded when it was approved: raw SQL with the triggers dropped
    /// could have changed it, and a document must never carry a hash it does not match.
    pub fn check_hash(&self, title: &str) -> Result<()> {
        let computed = sha256_hex(&self.snapshot);
        if computed == self.sha256 {
            return Ok(());
        }
        Err(Error::VersionAltered {
            plan: title.to_owned(),
            version: self.version,
            recorded: self.sha256.clone(),
            computed,
        })
    }
}

/// What approving the last required approver freezes: the canonical content, its
/// SHA-256, and the standards-check gaps still open (JSON).
#[derive(Debug, Clone)]
pub struct Freeze {
    pub canonical: String,
    pub sha256: String,
    pub open_gaps: String,
}

/// Freezes `content` as it is on `today`.
pub fn freeze(content: &PlanSnapshot, today: NaiveDate) -> Freeze {
    let open: Vec<CheckItem> = standards_check(content, today)
        .into_iter()
        .filter(|i| !i.present)
        .collect();
    let canonical = content.canonical();
    Freeze {
        sha256: sha256_hex(&canonical),
        canonical,
        open_gaps: serde_json::to_string(&open).unwrap_or_else(|_| "[]".into()),
    }
}

/// The mismatch, when the stored content of version `version` of plan `plan_id` no
/// longer has the SHA-256 `stored` with it.
pub fn hash_mismatch(
    plan_id: i64,
    version: u32,
    snapshot: &str,
    stored: String,
) -> Option<HashMismatch> {
    let computed = sha256_hex(snapshot);
    (computed != stored).then_some(HashMismatch {
        plan_id,
        version,
        stored,
        computed,
    })
}

/// A frozen version is the approved one while no later version has been approved.
pub fn frozen_state(version: u32, latest: Option<u32>) -> PlanState {
    if Some(version) == latest {
        PlanState::Approved
    } else {
        PlanState::Superseded
    }
}

/// Every version of a plan, newest first: the frozen ones, and the working one (version
/// `working`, in `state`) when it is not the last approved.
pub fn history(working: u32, state: PlanState, frozen: &[FrozenRow]) -> Vec<VersionInfo> {
    let latest = frozen.last().map(|r| r.version);
    let mut versions: Vec<VersionInfo> = frozen
        .iter()
        .map(|r| VersionInfo {
            version: r.version,
            state: frozen_state(r.version, latest),
            approved_at: Some(r.frozen_at),
            sha256: Some(r.sha256.clone()),
        })
        .collect();
    if state != PlanState::Approved {
        versions.push(VersionInfo {
            version: working,
            state,
            approved_at: None,
            sha256: None,
        });
    }
    versions.reverse();
    versions
}

/// What changed in `content` (of version `version`) since the last approved version
/// before it; empty when there is none.
pub fn changes_since_approved(
    title: &str,
    frozen: &[FrozenRow],
    version: u32,
    content: &PlanSnapshot,
) -> Result<Vec<String>> {
    match frozen.iter().rev().find(|r| r.version < version) {
        Some(row) => Ok(diff::changes(&row.content(title)?, content)),
        None => Ok(Vec::new()),
    }
}
