//! `keel exercise report`: an exercise's post-exercise report as a PDF, signed if
//! asked. Beside `exercise.rs` rather than in it, which holds the commands that record.

use std::path::PathBuf;

use clap::Args;
use keel::EngagementStore;
use keel::ops::exercise_report::{self, ExerciseReportRequest};

use super::event_report::{ReportOutput, say_written};

#[derive(Args)]
pub struct ReportArgs {
    file: PathBuf,
    #[arg(long, value_name = "ID")]
    exercise: i64,
    #[command(flatten)]
    output: ReportOutput,
}

pub fn report(args: ReportArgs) -> keel::Result<()> {
    let store = EngagementStore::open(&args.file)?;
    let request = ExerciseReportRequest {
        exercise_id: args.exercise,
        classification: args.output.classification.clone(),
        at: args.output.at()?,
    };
    let report = exercise_report::document(&store, &request)?;
    drop(store);
    let identity = args.output.identity()?;
    let written = exercise_report::write_pdf(&report, identity.as_ref(), &args.output.out)?;
    say_written(
        &written,
        &format!("post-exercise report of exercise {}", args.exercise),
        "not closed",
    );
    Ok(())
}
