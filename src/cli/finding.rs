//! A finding as the command line takes it, for `keel exercise finding` (the debrief) and
//! `keel incident finding` (the post-incident review).

use std::path::Path;

use clap::Args;
use keel::EngagementStore;
use keel::domain::FindingInput;
use keel::ops::findings;

#[derive(Args)]
pub struct FindingArgs {
    /// low, medium, high or critical.
    #[arg(long)]
    severity: String,
    /// plan, people, technology, supplier, communication or facilities.
    #[arg(long)]
    category: String,
    /// What it is about: plan:ID, step:PLAN:N, resource:ID, activity:ID or person:ID.
    #[arg(long, default_value = "")]
    about: String,
    #[arg(long)]
    text: String,
    #[arg(long)]
    json: bool,
}

/// Records the finding of event `event_id` in `file` and says so.
pub fn record(file: &Path, actor: &str, event_id: i64, args: FindingArgs) -> keel::Result<()> {
    let mut store = EngagementStore::open(file)?.with_actor(actor);
    let finding = findings::add(
        &mut store,
        Some(event_id),
        &FindingInput {
            severity: args.severity,
            category: args.category,
            about: args.about,
            text: args.text,
        },
    )?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&finding)?);
    } else {
        say!("Finding {} recorded: {}", finding.id, finding.text);
    }
    Ok(())
}
