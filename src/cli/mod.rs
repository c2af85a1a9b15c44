//! The `keel` command line: parses arguments, calls the core, prints the result.

/// `println!` for the CLI's output: when the reader has gone away (`keel … | head`), the
/// program stops quietly instead of panicking on the broken pipe.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        if let Err(e) = writeln!(out, $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            panic!("cannot write to standard output: {e}");
        }
    }};
}

mod action;
mod analyze;
mod bench_import;
mod bench_keystroke;
mod bia;
mod board_args;
mod event_report;
mod exercise;
mod exercise_board;
mod exercise_report;
mod export;
mod finding;
mod incident;
mod incident_board;
mod incident_report;
mod output;
mod plan;
mod process;
mod review;
mod unit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use keel::domain::EngagementDetailsInput;
use keel::{EngagementStore, Error};

use output::Output;

#[derive(Parser)]
#[command(
    name = "keel",
    version,
    about = "Keel: continuity-planning engagements from the command line",
    long_about = "Keel: continuity-planning engagements from the command line.\n\n\
        An engagement (one client, one programme of work) is one file ending in .keel. \
        Every change made here is written to the engagement's audit log under the name \
        given with --as (or $KEEL_FACILITATOR, or your login name)."
)]
struct Cli {
    /// Your name, as the author of changes in the audit log.
    #[arg(
        long = "as",
        global = true,
        value_name = "NAME",
        env = "KEEL_FACILITATOR"
    )]
    actor: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty engagement file.
    New {
        /// The file to create (must not exist yet), e.g. acme.keel.
        file: PathBuf,
        /// The client organisation's name.
        #[arg(long, value_name = "NAME")]
        org: String,
        /// What the programme covers.
        #[arg(long, default_value = "")]
        scope: String,
    },
    /// Show an engagement's schema version, record counts and integrity.
    Info {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a realistic sample engagement (a freight company, 25 activities in 5 units).
    Demo {
        /// The file to create, e.g. demo.keel.
        file: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Activities (processes): add and list.
    #[command(subcommand)]
    Process(process::ProcessCommand),
    /// Organisational units: add and list.
    #[command(subcommand)]
    Unit(unit::UnitCommand),
    /// Business impact analysis: the prioritised list of activities.
    #[command(subcommand)]
    Bia(bia::BiaCommand),
    /// Continuity plans: list them, approve the version in review, verify frozen versions.
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Incidents: open one, invoke an approved plan, run the call tree and the recovery
    /// steps, keep the decision log, stand down; list, show and verify them.
    #[command(subcommand)]
    Incident(incident::IncidentCommand),
    /// Exercises: prepare one from a loss scenario with its injects, run it on the
    /// recovery board with a real or scenario clock, rate expected actions, record
    /// restored resources (demonstrating their capability), findings and the debrief.
    #[command(subcommand)]
    Exercise(exercise::ExerciseCommand),
    /// Actions from findings, incident reviews and plan reviews: add, update, list.
    #[command(subcommand)]
    Action(action::ActionCommand),
    /// What has gone stale, most urgent first, each with why and where it is fixed:
    /// plans past review, unverified contacts, outdated BIAs, expired demonstrations,
    /// overdue actions, plans due for an exercise. `keel review settings FILE` sets the
    /// intervals.
    Review(review::ReviewArgs),
    /// Dependency analysis over whole chains: gaps with the path that explains each,
    /// predicted recovery, single points of failure, cycles. A resource's RTC is the
    /// time it needs to recover once everything it depends on is available.
    /// In --json, durations are whole minutes.
    Analyze {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Work it out as it will stand at this time (RFC 3339): a demonstration past its
        /// validity by then counts as expired. Now when left out.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Import activities, resources and dependencies from CSV files (comma or semicolon,
    /// UTF-8), all or nothing; every rejected row is reported with its line.
    /// activities: name, unit, owner, description, mtpd, rto, rpo, mbco;
    /// resources: name, kind, owner, strategy, rtc, rpc, evidence (RTC: the time a
    /// resource needs once everything it depends on is back); dependencies: from, to,
    /// group (same from and group: alternatives). One leading apostrophe is removed
    /// from a cell (export-csv writes it before cells a spreadsheet could run as a
    /// formula). Files above 64 MiB are refused.
    Import {
        file: PathBuf,
        #[arg(long, value_name = "CSV")]
        activities: Option<PathBuf>,
        #[arg(long, value_name = "CSV")]
        resources: Option<PathBuf>,
        #[arg(long, value_name = "CSV")]
        dependencies: Option<PathBuf>,
        /// Check everything and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the engagement's activities, resources and dependencies as activities.csv,
    /// resources.csv and dependencies.csv, the files `keel import` reads. A cell that a
    /// spreadsheet could run as a formula (starting with =, +, -, @, tab or carriage
    /// return) or that starts with an apostrophe gets an apostrophe in front; `keel
    /// import` removes it.
    ExportCsv {
        file: PathBuf,
        /// The folder to write the three files into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Export a plan version as a typeset PDF: title page, document control with the
    /// content SHA-256, contents, every section, sign-off page and revision history.
    /// A draft carries a DRAFT mark on every page.
    Export {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// The version to export; the plan's working version when left out.
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        #[arg(long, value_name = "PLAN.pdf")]
        out: PathBuf,
        /// Printed on the title page and in the document control table.
        #[arg(long, value_name = "TEXT")]
        classification: Option<String>,
        /// The export time to print and to record (RFC 3339); now when left out. With
        /// the same time, the same version always gives the same bytes.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Sign the PDF (PAdES baseline B, no time stamp: Keel works offline) with this
        /// PKCS#12 signing identity.
        #[arg(long, value_name = "IDENTITY.p12", requires = "passphrase_file")]
        sign: Option<PathBuf>,
        /// The file holding the identity's passphrase (its first line).
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Signing identities: `keel identity new` makes a key and a self-signed
    /// certificate, kept in a PKCS#12 file protected by a passphrase.
    #[command(subcommand)]
    Identity(IdentityCommand),
    /// Check that a PDF exported by Keel is an approved version of a plan in the
    /// engagement: its embedded content SHA-256 must match that frozen version.
    Verify {
        pdf: PathBuf,
        #[arg(long, value_name = "FILE")]
        engagement: PathBuf,
    },
    /// Measure Keel's own work: `keel bench pdf --pages 100`, `keel bench import`,
    /// `keel bench keystroke`.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Lose one or more resources (a site, a supplier) at once: which activities stop,
    /// when each would be back, and which breach their MTPD.
    Scenario {
        file: PathBuf,
        /// A resource (or activity) lost; repeat for several.
        #[arg(long = "lose", value_name = "NAME", required = true)]
        lose: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show the newest entries of an engagement's audit log.
    Audit {
        file: PathBuf,
        /// How many entries to show.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum IdentityCommand {
    /// Make an RSA-3072 key and a self-signed certificate for NAME, five years valid.
    New {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        org: String,
        #[arg(long, value_name = "IDENTITY.p12")]
        out: PathBuf,
        /// The file holding the passphrase to protect the key with (at least 8 characters).
        #[arg(long, value_name = "FILE")]
        passphrase_file: PathBuf,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Lay out and write a synthetic plan of at least this many pages, and print the
    /// time of layout and of writing.
    Pdf {
        #[arg(long, default_value_t = 100)]
        pages: usize,
        /// Keep the PDF here.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the demo engagement, type this many characters key by key into an
    /// interview's notes and into a plan section, and print p50 and p95 per saved
    /// keystroke (durable commit and audit included).
    Keystroke {
        #[arg(long, default_value_t = 2000)]
        chars: usize,
        /// Write the demo engagement here and keep it (a temporary file otherwise).
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Generate activities, resources and dependencies as CSV files, import them into a
    /// fresh engagement a few times, and print the median time and the rows imported.
    Import {
        #[arg(long, default_value_t = 5_000)]
        activities: usize,
        #[arg(long, default_value_t = 5_000)]
        resources: usize,
        #[arg(long, default_value_t = 50_000)]
        dependencies: usize,
        /// How many imports to time.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let actor = cli
        .actor
        .or_else(keel::settings::login_name)
        .unwrap_or_else(|| "unknown".to_owned());
    match execute(cli.command, &actor) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("keel: {err}");
            if let Error::Invalid(fields) = &err {
                for (field, message) in fields.to_map() {
                    eprintln!("  --{}: {message}", field.replace('_', "-"));
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// The time `--at` gives, or the store's now.
pub(crate) fn at_or_now(
    store: &keel::EngagementStore,
    at: Option<String>,
) -> keel::Result<chrono::DateTime<chrono::Utc>> {
    at.map_or_else(|| Ok(store.now()), |t| parse_time("--at", &t))
}

/// A time given on the command line (RFC 3339) for `flag`, e.g. `--at`.
pub(crate) fn parse_time(flag: &str, text: &str) -> keel::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| {
            Error::Conflict(format!(
                "{flag} wants a time like 2026-11-25T10:00:00Z, not {text}"
            ))
        })
}

fn execute(command: Command, actor: &str) -> keel::Result<()> {
    match command {
        Command::New { file, org, scope } => {
            let details = EngagementDetailsInput {
                organisation: org,
                scope,
                facilitator: actor.to_owned(),
                ..Default::default()
            };
            let store = EngagementStore::create(&file, &details, actor)?;
            say!(
                "Created {} for {}.",
                file.display(),
                store.details()?.organisation
            );
            Ok(())
        }
        Command::Info { file, json } => {
            let info = EngagementStore::open(&file)?.info()?;
            Output::new(json).info(&info)
        }
        Command::Demo { file, force } => {
            if force && file.exists() {
                std::fs::remove_file(&file).map_err(Error::io("replace", &file))?;
            }
            let store = keel::demo::write_demo(&file, actor)?;
            let info = store.info()?;
            say!(
                "Wrote the demo engagement for {} to {}: {} units, {} activities.",
                info.organisation,
                file.display(),
                info.units,
                info.activities
            );
            Ok(())
        }
        Command::Process(cmd) => process::execute(cmd, actor),
        Command::Unit(cmd) => unit::execute(cmd, actor),
        Command::Bia(cmd) => bia::execute(cmd),
        Command::Plan(cmd) => plan::execute(cmd, actor),
        Command::Incident(cmd) => incident::execute(cmd, actor),
        Command::Exercise(cmd) => exercise::execute(cmd, actor),
        Command::Analyze { file, json, at } => analyze::analyze(file, json, at),
        Command::Action(cmd) => action::execute(cmd, actor),
        Command::Review(args) => review::execute(args, actor),
        Command::Import {
            file,
            activities,
            resources,
            dependencies,
            dry_run,
            json,
        } => {
            let files = keel::import::ImportFiles {
                activities,
                resources,
                dependencies,
            };
            let report = open_as(&file, actor)?.import(&files, dry_run)?;
            Output::new(json).import(&report)?;
            if report.files.iter().any(|f| !f.rejected.is_empty()) {
                return Err(Error::Conflict(
                    "nothing was imported: correct the rejected rows and run it again".into(),
                ));
            }
            Ok(())
        }
        Command::ExportCsv { file, out } => {
            let files = EngagementStore::open(&file)?.write_catalogue_csv(&out)?;
            for path in [files.activities, files.resources, files.dependencies]
                .into_iter()
                .flatten()
            {
                say!("Wrote {}.", path.display());
            }
            Ok(())
        }
        Command::Export {
            file,
            plan,
            version,
            out,
            classification,
            at,
            sign,
            passphrase_file,
        } => export::export(
            &file,
            (plan, version),
            &out,
            (classification, at),
            sign.zip(passphrase_file),
        ),
        Command::Identity(IdentityCommand::New {
            name,
            org,
            out,
            passphrase_file,
        }) => export::new_identity(&name, &org, &out, &passphrase_file),
        Command::Verify { pdf, engagement } => export::verify(&pdf, &engagement),
        Command::Bench(BenchCommand::Pdf { pages, out }) => export::bench_pdf(pages, out),
        Command::Bench(BenchCommand::Keystroke { chars, file }) => {
            bench_keystroke::keystroke(chars, file, actor)
        }
        Command::Bench(BenchCommand::Import {
            activities,
            resources,
            dependencies,
            runs,
        }) => bench_import::bench_import((activities, resources, dependencies), runs, actor),
        Command::Scenario { file, lose, json } => analyze::scenario(file, &lose, json),
        Command::Audit { file, limit, json } => {
            let entries = EngagementStore::open(&file)?.audit_log(limit)?;
            Output::new(json).audit(&entries)
        }
    }
}

/// Opens an engagement for changes made by `actor`.
fn open_as(file: &std::path::Path, actor: &str) -> keel::Result<EngagementStore> {
    Ok(EngagementStore::open(file)?.with_actor(actor))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn every_command_has_help() {
        super::Cli::command().debug_assert();
        for sub in super::Cli::command().get_subcommands() {
            assert!(
                sub.get_about().is_some(),
                "{} has no help text",
                sub.get_name()
            );
        }
    }
}
