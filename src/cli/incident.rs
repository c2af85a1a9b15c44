//! `keel incident …`: open an incident, invoke a plan, run its call tree and steps,
//! log decisions, record resumptions, stand down; list, show and verify incidents (the
//! after-action report is in `incident_report.rs`).
//! Every command that records something takes `--at TIME`, so that an incident can be
//! replayed exactly.

use std::path::PathBuf;

use clap::Subcommand;
use keel::domain::{BoardAction, InvokeInput, OpenIncidentInput};
use keel::event::Board;
use keel::ops::incident;

use super::board_args::{CallArgs, LogArgs, ResumeArgs, StepArgs};
use super::{at_or_now, incident_board, parse_time};
use keel::EngagementStore;

#[derive(Subcommand)]
pub enum IncidentCommand {
    /// Open an incident: what happened and what is lost. Losing a resource brings in
    /// every activity that needs it, through whole chains. Prints the new id.
    Open {
        file: PathBuf,
        #[arg(long)]
        title: String,
        /// A resource or activity affected; repeat for several.
        #[arg(long = "affects", value_name = "NAME")]
        affects: Vec<String>,
        /// What happened.
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        reported_by: String,
        /// When the disruption began (RFC 3339); the time of opening when left out.
        #[arg(long, value_name = "TIME")]
        disrupted: Option<String>,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Invoke a plan at its last approved version, as the person named with --as.
    /// Someone the plan does not name may invoke only with --reason.
    Invoke {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[arg(long, value_name = "PLAN_ID")]
        plan: i64,
        /// The invocation criteria met, by number in the plan's list.
        #[arg(long, value_name = "N", num_args = 1..)]
        criteria: Vec<u32>,
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Add an entry to the decision log (decision, action, communication, status, note).
    Log {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[command(flatten)]
        entry: LogArgs,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Start or finish a recovery step of the plan invoked.
    Step {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[command(flatten)]
        step: StepArgs,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Record how a call of the call tree went.
    Call {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[command(flatten)]
        call: CallArgs,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Record that an activity is back at its minimum level or back to normal; with the
    /// point its data was restored to, if data had to be restored.
    Resume {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[command(flatten)]
        resume: ResumeArgs,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Stand the response down, as the person named with --as, with a closing summary.
    StandDown {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[arg(long)]
        summary: String,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// List the incidents.
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The board of an incident: plan invoked, activities with deadlines and status,
    /// call tree, steps, log. In --json, durations are whole minutes.
    Show {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        /// Show the board as it stood at this time; now when left out.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a finding of the post-incident review: severity, category, what it is
    /// about (plan:ID, step:PLAN:N, resource:ID, activity:ID, person:ID). Prints its id.
    Finding {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
        #[command(flatten)]
        finding: super::finding::FindingArgs,
    },
    /// Check the log's hash chain and the SHA-256 of the plan version invoked.
    Verify {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        incident: i64,
    },
    /// Write the after-action report as a PDF: summary, the plan version invoked,
    /// achieved against target, steps planned against actual, call-tree reach times,
    /// the timeline from the log and its chain hash. Signed with --sign.
    Report(super::incident_report::ReportArgs),
}

fn record(
    file: &std::path::Path,
    actor: &str,
    id: i64,
    action: &BoardAction,
    at: Option<String>,
) -> keel::Result<Board> {
    let mut store = EngagementStore::open(file)?.with_actor(actor);
    let at = at_or_now(&store, at)?;
    incident::record(&mut store, id, action, at)
}

pub fn execute(command: IncidentCommand, actor: &str) -> keel::Result<()> {
    match command {
        IncidentCommand::Open {
            file,
            title,
            affects,
            description,
            reported_by,
            disrupted,
            at,
            json,
        } => {
            let mut store = EngagementStore::open(&file)?.with_actor(actor);
            let at = at_or_now(&store, at)?;
            let input = OpenIncidentInput {
                title,
                description,
                disrupted_at: disrupted
                    .map(|d| parse_time("--disrupted", &d))
                    .transpose()?,
                reported_by,
                affects: incident::node_keys_named(&store, &affects)?,
            };
            let id = incident::open(&mut store, &input, at)?;
            if json {
                say!("{}", serde_json::json!({ "id": id }));
            } else {
                let board = incident::board(&store, id, at)?;
                say!("Opened incident {id}: {}.", board.title);
                for a in &board.activities {
                    say!("  {}  P{}  {}", a.name, a.priority, a.priority_why);
                }
            }
            Ok(())
        }
        IncidentCommand::Invoke {
            file,
            incident: id,
            plan,
            criteria,
            reason,
            at,
        } => {
            let action = BoardAction::Invoke(InvokeInput {
                plan_id: plan,
                invoker: actor.to_owned(),
                criteria,
                reason,
            });
            incident_board::last_entry(&record(&file, actor, id, &action, at)?);
            Ok(())
        }
        IncidentCommand::Log {
            file,
            incident: id,
            entry,
            at,
        } => {
            incident_board::last_entry(&record(&file, actor, id, &entry.action()?, at)?);
            Ok(())
        }
        IncidentCommand::Step {
            file,
            incident: id,
            step: args,
            at,
        } => {
            let (plan, step) = (args.plan, args.step);
            let board = record(&file, actor, id, &args.action(), at)?;
            incident_board::last_entry(&board);
            if let Some(s) = board
                .plans
                .iter()
                .find(|p| plan.is_none_or(|id| id == p.plan_id))
                .and_then(|p| p.steps.iter().find(|s| s.number == step))
            {
                if let Some(warning) = &s.out_of_order {
                    say!("  Out of order: {warning}");
                }
                if s.overrun {
                    say!("  Overran its estimate.");
                }
            }
            Ok(())
        }
        IncidentCommand::Call {
            file,
            incident: id,
            call,
            at,
        } => {
            incident_board::last_entry(&record(&file, actor, id, &call.action(), at)?);
            Ok(())
        }
        IncidentCommand::Resume {
            file,
            incident: id,
            resume,
            at,
        } => {
            incident_board::last_entry(&record(&file, actor, id, &resume.action()?, at)?);
            Ok(())
        }
        IncidentCommand::StandDown {
            file,
            incident: id,
            summary,
            at,
        } => {
            incident_board::last_entry(&record(
                &file,
                actor,
                id,
                &BoardAction::StandDown {
                    summary,
                    by: String::new(),
                },
                at,
            )?);
            Ok(())
        }
        IncidentCommand::List { file, json } => {
            let events = EngagementStore::open(&file)?.incidents()?;
            if json {
                say!("{}", serde_json::to_string_pretty(&events)?);
            } else if events.is_empty() {
                say!("No incidents.");
            } else {
                for e in events {
                    say!(
                        "{:>4}  {:<10}  {}  {}",
                        e.id,
                        e.state.as_str(),
                        e.disrupted_at.format("%Y-%m-%d %H:%M"),
                        e.title
                    );
                }
            }
            Ok(())
        }
        IncidentCommand::Show {
            file,
            incident: id,
            at,
            json,
        } => {
            let store = EngagementStore::open(&file)?;
            // With --at, the board as it stood then: what was recorded up to that time.
            let board = match at {
                Some(at) => incident::board_as_of(&store, id, parse_time("--at", &at)?)?,
                None => incident::board(&store, id, store.now())?,
            };
            if json {
                say!("{}", serde_json::to_string_pretty(&board)?);
            } else {
                incident_board::show(&board);
            }
            Ok(())
        }
        IncidentCommand::Report(args) => super::incident_report::report(args),
        IncidentCommand::Finding {
            file,
            incident: id,
            finding,
        } => {
            let store = EngagementStore::open(&file)?;
            incident::board(&store, id, store.now())?;
            super::finding::record(&file, actor, id, finding)
        }
        IncidentCommand::Verify { file, incident: id } => {
            let store = EngagementStore::open(&file)?;
            let check = incident::verify(&store, id)?;
            incident_board::say_check(&check, &format!("incident {id}"))
        }
    }
}
