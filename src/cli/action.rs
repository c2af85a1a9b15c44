//! `keel action add|update|list`: owned actions from findings, incident reviews and plan
//! reviews. `--at TIME` makes a change at that time (a replay); an owner is named by
//! name or id.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Subcommand;
use keel::domain::{Action, ActionEdit, ActionInput};
use keel::ops::action;
use keel::{EngagementStore, Error};

use super::parse_time;

#[derive(Subcommand)]
pub enum ActionCommand {
    /// Add an action: from a finding (--finding; an action from a finding about a plan
    /// or one of its steps is about that plan), from an incident's review (--incident),
    /// or from a plan's review (--plan alone). Prints the new id.
    Add {
        file: PathBuf,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Who owns it: a person's name or id.
        #[arg(long, value_name = "NAME")]
        owner: String,
        /// The due date, e.g. 2026-12-31.
        #[arg(long, value_name = "DATE")]
        due: String,
        #[arg(long, value_name = "ID")]
        finding: Option<i64>,
        #[arg(long, value_name = "ID")]
        incident: Option<i64>,
        /// The plan it is about.
        #[arg(long, value_name = "ID")]
        plan: Option<i64>,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change an action: its status (open, in_progress, done, verified, risk_accepted),
    /// title, description, owner or due date. Accepting a risk needs --accepted-by and
    /// --accepted-why; an action about a plan is verified only by an approved version frozen
    /// after it was done, and Keel names that version.
    Update {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        id: i64,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        /// Who accepted the risk.
        #[arg(long, value_name = "NAME")]
        accepted_by: Option<String>,
        /// Why the risk is accepted.
        #[arg(long, value_name = "TEXT", alias = "why")]
        accepted_why: Option<String>,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the actions by due date.
    List {
        file: PathBuf,
        /// Only the actions about this plan.
        #[arg(long, value_name = "ID")]
        plan: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

/// Opens `file` for changes by `actor`, at `at` when given (a replay), else now.
fn open(file: &Path, actor: &str, at: Option<String>) -> keel::Result<EngagementStore> {
    let store = match at {
        Some(at) => {
            let at = parse_time("--at", &at)?;
            EngagementStore::open_with_clock(file, Arc::new(move || at))?
        }
        None => EngagementStore::open(file)?,
    };
    Ok(store.with_actor(actor))
}

/// The id of the person named `who` (a name, any case, or an id).
fn person(store: &EngagementStore, who: &str) -> keel::Result<i64> {
    let people = store.people()?;
    let key = who.trim().to_lowercase();
    if let Some(p) = people.iter().find(|p| p.name.to_lowercase() == key) {
        return Ok(p.id);
    }
    if let Ok(id) = key.parse::<i64>()
        && people.iter().any(|p| p.id == id)
    {
        return Ok(id);
    }
    Err(Error::invalid(
        "owner",
        format!(
            "There is nobody called \u{201c}{}\u{201d} in {}; add them under People first.",
            who.trim(),
            store.path().display()
        ),
    ))
}

fn describe(a: &Action) -> String {
    let mut text = format!(
        "{:>3}  {:<13}  due {}  {:<20}  {}",
        a.id,
        a.status.label(),
        a.due,
        a.owner,
        a.title
    );
    if let Some(plan) = &a.plan_title {
        text.push_str(&format!("  [plan: {plan}]"));
    }
    if let Some(v) = a.verified_version {
        text.push_str(&format!("  (closed by version {v})"));
    }
    if !a.accepted_by.is_empty() {
        text.push_str(&format!(
            "  (risk accepted by {}: {})",
            a.accepted_by, a.accepted_why
        ));
    }
    text
}

pub fn execute(command: ActionCommand, actor: &str) -> keel::Result<()> {
    match command {
        ActionCommand::Add {
            file,
            title,
            description,
            owner,
            due,
            finding,
            incident,
            plan,
            at,
            json,
        } => {
            let mut store = open(&file, actor, at)?;
            let source = match (finding, incident) {
                (Some(_), _) => "finding",
                (None, Some(_)) => "incident_review",
                (None, None) => "plan_review",
            };
            let input = ActionInput {
                title,
                description,
                owner_id: Some(person(&store, &owner)?),
                due,
                source: source.into(),
                finding_id: finding,
                event_id: incident,
                plan_id: plan,
            };
            let added = action::add(&mut store, &input)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&added)?);
            } else {
                say!("{}", added.id);
            }
            Ok(())
        }
        ActionCommand::Update {
            file,
            id,
            status,
            title,
            description,
            owner,
            due,
            accepted_by,
            accepted_why,
            at,
            json,
        } => {
            let mut store = open(&file, actor, at)?;
            let owner_id = owner.map(|o| person(&store, &o)).transpose()?;
            let edit = ActionEdit {
                title,
                description,
                owner_id,
                due,
                status,
                accepted_by,
                accepted_why,
            };
            let changed = action::update(&mut store, id, &edit)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&changed)?);
            } else {
                say!("{}", describe(&changed));
            }
            Ok(())
        }
        ActionCommand::List { file, plan, json } => {
            let store = EngagementStore::open(&file)?;
            let actions = store.actions(plan)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&actions)?);
                return Ok(());
            }
            if actions.is_empty() {
                say!("No actions.");
            }
            for a in &actions {
                say!("{}", describe(a));
            }
            Ok(())
        }
    }
}
