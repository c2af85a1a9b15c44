//! `keel process add|list`.

use std::path::PathBuf;

use clap::Subcommand;
use keel::domain::{ActivityInput, ActivityQuery};
use keel::{EngagementStore, Error};

use super::output::Output;

#[derive(Subcommand)]
pub enum ProcessCommand {
    /// Add an activity (process) to an engagement.
    Add {
        file: PathBuf,
        /// The activity's name, unique within the engagement.
        #[arg(long)]
        name: String,
        /// The organisational unit it belongs to (must exist; see `keel unit add`).
        #[arg(long)]
        unit: Option<String>,
        /// The process owner.
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, default_value = "")]
        description: String,
        /// A product or service it delivers; repeat for several.
        #[arg(long = "product", value_name = "PRODUCT")]
        products: Vec<String>,
        /// Print the new activity as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List activities (processes), by name.
    List {
        file: PathBuf,
        /// Only activities whose name contains this text (ignoring case).
        #[arg(long, default_value = "")]
        search: String,
        /// Only activities of this unit.
        #[arg(long)]
        unit: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn execute(command: ProcessCommand, actor: &str) -> keel::Result<()> {
    match command {
        ProcessCommand::Add {
            file,
            name,
            unit,
            owner,
            description,
            products,
            json,
        } => {
            let mut store = super::open_as(&file, actor)?;
            let unit_id = unit.map(|u| unit_id(&store, &u)).transpose()?;
            let activity = store.add_activity(&ActivityInput {
                name,
                unit_id,
                owner,
                description,
                products_services: products,
            })?;
            Output::new(json).added_activity(&activity)
        }
        ProcessCommand::List {
            file,
            search,
            unit,
            json,
        } => {
            let store = EngagementStore::open(&file)?;
            let unit_id = unit.map(|u| unit_id(&store, &u)).transpose()?;
            let activities = store.activities(&ActivityQuery { search, unit_id })?;
            Output::new(json).activities(&activities)
        }
    }
}

fn unit_id(store: &EngagementStore, name: &str) -> keel::Result<i64> {
    match store.unit_by_name(name)? {
        Some(unit) => Ok(unit.id),
        None => {
            let names: Vec<String> = store.units()?.into_iter().map(|u| u.name).collect();
            Err(Error::Conflict(format!(
                "there is no unit named \u{201c}{name}\u{201d} in {}. Units: {}. Add one with `keel unit add`.",
                store.path().display(),
                if names.is_empty() {
                    "none yet".to_owned()
                } else {
                    names.join(", ")
                }
            )))
        }
    }
}
