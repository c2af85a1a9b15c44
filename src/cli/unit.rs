//! `keel unit add|list`.

use std::path::PathBuf;

use clap::Subcommand;
use keel::EngagementStore;
use keel::domain::OrgUnitInput;

use super::output::Output;

#[derive(Subcommand)]
pub enum UnitCommand {
    /// Add an organisational unit (department, team) to an engagement.
    Add {
        file: PathBuf,
        /// The unit's name, unique within the engagement.
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List the organisational units with their number of activities.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn execute(command: UnitCommand, actor: &str) -> keel::Result<()> {
    match command {
        UnitCommand::Add {
            file,
            name,
            description,
        } => {
            let unit =
                super::open_as(&file, actor)?.add_unit(&OrgUnitInput { name, description })?;
            say!("Added unit {} (id {}).", unit.name, unit.id);
            Ok(())
        }
        UnitCommand::List { file, json } => {
            let units = EngagementStore::open(&file)?.units()?;
            Output::new(json).units(&units)
        }
    }
}
