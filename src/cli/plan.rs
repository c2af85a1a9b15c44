//! `keel plan list`, `keel plan approve`, `keel plan verify`.

use std::path::PathBuf;

use clap::Subcommand;
use keel::{EngagementStore, Error};

use super::output::Output;

#[derive(Subcommand)]
pub enum PlanCommand {
    /// List the plans: id, title, template, state and version of the working version,
    /// and when the last approved version was approved, with its SHA-256.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Approve the version of a plan that is in review, as the approver named with --as.
    /// The last required approver's approval freezes the version.
    Approve {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Your role, as it should appear on the sign-off page.
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Recompute the SHA-256 of every frozen version of a plan (or of all plans) and
    /// report any version whose stored content no longer matches its hash.
    Verify {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        plan: Option<i64>,
    },
}

pub fn execute(command: PlanCommand, actor: &str) -> keel::Result<()> {
    match command {
        PlanCommand::List { file, json } => {
            let plans = EngagementStore::open(&file)?.plans()?;
            Output::new(json).plans(&plans)
        }
        PlanCommand::Approve {
            file,
            plan,
            role,
            comment,
        } => {
            let mut store = EngagementStore::open(&file)?.with_actor(actor);
            let frozen = store.approve_plan(plan, actor, &role, &comment)?;
            let summary = store.plan_summary(plan)?;
            if frozen {
                say!(
                    "Approved. Version {} of \u{201c}{}\u{201d} is now frozen; SHA-256 {}.",
                    summary.version,
                    summary.title,
                    summary.sha256.unwrap_or_default()
                );
            } else {
                say!(
                    "Approved by {actor}. Version {} of \u{201c}{}\u{201d} waits for its other approvers.",
                    summary.version,
                    summary.title
                );
            }
            Ok(())
        }
        PlanCommand::Verify { file, plan } => {
            let (checked, mismatches) = EngagementStore::open(&file)?.verify_plans(plan)?;
            for m in &mismatches {
                say!(
                    "MISMATCH plan {} version {}: stored {} but the content hashes to {}",
                    m.plan_id,
                    m.version,
                    m.stored,
                    m.computed
                );
            }
            if mismatches.is_empty() {
                say!("{checked} frozen versions checked: every one matches its SHA-256.");
                Ok(())
            } else {
                Err(Error::Conflict(format!(
                    "{} of {checked} frozen versions no longer match their SHA-256",
                    mismatches.len()
                )))
            }
        }
    }
}
