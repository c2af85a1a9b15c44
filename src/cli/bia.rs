//! `keel bia list`.

use std::path::PathBuf;

use clap::Subcommand;
use keel::EngagementStore;

use super::output::Output;

#[derive(Subcommand)]
pub enum BiaCommand {
    /// List every activity with its MTPD, RTO, RPO, minimum service level, tier and
    /// interview status, most urgent first. In --json, durations are whole minutes.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn execute(command: BiaCommand) -> keel::Result<()> {
    match command {
        BiaCommand::List { file, json } => {
            let results = EngagementStore::open(&file)?.bia_results()?;
            Output::new(json).bia_results(&results)
        }
    }
}
