//! `keel incident report`: an incident's after-action report as a PDF, signed if asked.
//! Beside `incident.rs` rather than in it, which holds the commands that record.

use std::path::PathBuf;

use clap::Args;
use keel::EngagementStore;
use keel::ops::incident_report::{self, ReportRequest};

use super::event_report::{ReportOutput, say_written};

#[derive(Args)]
pub struct ReportArgs {
    file: PathBuf,
    #[arg(long, value_name = "ID")]
    incident: i64,
    #[command(flatten)]
    output: ReportOutput,
}

pub fn report(args: ReportArgs) -> keel::Result<()> {
    let store = EngagementStore::open(&args.file)?;
    let request = ReportRequest {
        incident_id: args.incident,
        classification: args.output.classification.clone(),
        at: args.output.at()?,
    };
    let report = incident_report::document(&store, &request)?;
    drop(store);
    let identity = args.output.identity()?;
    let written = incident_report::write_pdf(&report, identity.as_ref(), &args.output.out)?;
    say_written(
        &written,
        &format!("after-action report of incident {}", args.incident),
        "not stood down",
    );
    Ok(())
}
