//! What `keel incident report` and `keel exercise report` share: the output options
//! (file, time, classification, signing identity) and the line that says what was
//! written.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Args;
use keel::ops::report_file::WrittenReport;
use keel::signing::Identity;

use super::export::{open_identity, warn_missing};
use super::parse_time;

#[derive(Args)]
pub struct ReportOutput {
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// The export time to print (RFC 3339); now when left out. With the same time the
    /// same event gives the same bytes. An incident not stood down, or an exercise not
    /// closed, is reported as it stands at this time.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// Printed on the title page.
    #[arg(long, value_name = "TEXT")]
    pub classification: Option<String>,
    /// Sign the PDF (PAdES baseline B, no time stamp: Keel works offline) with this
    /// PKCS#12 signing identity.
    #[arg(long, value_name = "IDENTITY.p12", requires = "passphrase_file")]
    sign: Option<PathBuf>,
    /// The file holding the identity's passphrase (its first line).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

impl ReportOutput {
    pub fn at(&self) -> keel::Result<Option<DateTime<Utc>>> {
        self.at
            .as_deref()
            .map(|t| parse_time("--at", t))
            .transpose()
    }

    /// The signing identity asked for. Opened before anything is written: a wrong
    /// passphrase must not leave an unsigned file behind.
    pub fn identity(&self) -> keel::Result<Option<Identity>> {
        open_identity(self.sign.clone().zip(self.passphrase_file.clone()).as_ref())
    }
}

/// Says what was written: `what` names the report ("after-action report of incident
/// 3"), `interim` what an unfinished one is called ("not stood down").
pub fn say_written(written: &WrittenReport, what: &str, interim: &str) {
    if let Some(signer) = &written.signed_by {
        say!("Signed by {signer} (PAdES baseline B; no time stamp, as Keel works offline).");
    }
    say!(
        "Wrote {} ({} pages): {what}, \u{201c}{}\u{201d}{}; log chain hash {}{}.",
        written.path.display(),
        written.pages,
        written.title,
        if written.stood_down {
            String::new()
        } else {
            format!(" (interim: {interim})")
        },
        written.chain_head,
        if written.verified {
            ""
        } else {
            ", which DOES NOT VERIFY"
        }
    );
    warn_missing(&written.missing);
}
