//! `keel exercise report`: an exercise's post-exercise report as a PDF, signed if
//! asked. Beside `exercise.rs` rather than in it, which holds the commands that record.

use std::path::PathBuf;

use clap::Args;
use keel::EngagementStore;
use keel::ops::exercise_report::{self, ExerciseReportRequest};

use super::export::{open_identity, warn_missing};
use super::parse_time;

#[derive(Args)]
pub struct ReportArgs {
    file: PathBuf,
    #[arg(long, value_name = "ID")]
    exercise: i64,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// The export time to print (RFC 3339); now when left out. With the same time the
    /// same exercise gives the same bytes. An exercise not closed is reported as it
    /// stands at this time.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// Printed on the title page.
    #[arg(long, value_name = "TEXT")]
    classification: Option<String>,
    /// Sign the PDF (PAdES baseline B, no time stamp: Keel works offline) with this
    /// PKCS#12 signing identity.
    #[arg(long, value_name = "IDENTITY.p12", requires = "passphrase_file")]
    sign: Option<PathBuf>,
    /// The file holding the identity's passphrase (its first line).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

pub fn report(args: ReportArgs) -> keel::Result<()> {
    let at = args.at.map(|t| parse_time("--at", &t)).transpose()?;
    let store = EngagementStore::open(&args.file)?;
    let request = ExerciseReportRequest {
        exercise_id: args.exercise,
        classification: args.classification,
        at,
    };
    let report = exercise_report::document(&store, &request)?;
    drop(store);
    // Open the identity first: a wrong passphrase must not leave an unsigned file behind.
    let identity = open_identity(args.sign.zip(args.passphrase_file).as_ref())?;
    let written = exercise_report::write_pdf(&report, identity.as_ref(), &args.out)?;
    if let Some(signer) = &written.signed_by {
        say!("Signed by {signer} (PAdES baseline B; no time stamp, as Keel works offline).");
    }
    say!(
        "Wrote {} ({} pages): post-exercise report of exercise {}, \u{201c}{}\u{201d}{}; log chain hash {}{}.",
        written.path.display(),
        written.pages,
        args.exercise,
        written.title,
        if written.stood_down {
            ""
        } else {
            " (interim: not closed)"
        },
        written.chain_head,
        if written.verified {
            ""
        } else {
            ", which DOES NOT VERIFY"
        }
    );
    warn_missing(&written.missing);
    Ok(())
}
