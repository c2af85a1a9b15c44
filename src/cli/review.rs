//! `keel review FILE`: what has gone stale, most urgent first, each with why and where
//! it is fixed; `keel review settings FILE`: the intervals the review goes by.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use keel::EngagementStore;
use keel::ops::review;
use keel::review::Review;
use keel::store::ReviewSettings;

use super::parse_time;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReviewArgs {
    #[command(subcommand)]
    command: Option<ReviewCommand>,
    #[arg(required = true)]
    file: Option<PathBuf>,
    /// Review as on this day (YYYY-MM-DD or an RFC 3339 time); today when left out.
    #[arg(long, value_name = "DATE")]
    at: Option<String>,
    /// Print JSON: { today, items: [{ kind, subject: { type, id, name }, due, why,
    /// severity, link: { page, id }, owner? }], counts, programme }.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum ReviewCommand {
    /// Show or set how often BIA interviews are reviewed, how long a demonstrated
    /// capability counts, and how often each plan is exercised (months, 1 to 60).
    Settings {
        file: PathBuf,
        #[arg(long, value_name = "N")]
        bia_months: Option<u32>,
        #[arg(long, value_name = "N")]
        validity_months: Option<u32>,
        #[arg(long, value_name = "N")]
        exercise_months: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

fn day(text: &str) -> keel::Result<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => Ok(d),
        Err(_) => Ok(parse_time("--at", text)?.date_naive()),
    }
}

fn print(r: &Review) {
    if r.items.is_empty() {
        say!("Nothing is stale on {}.", r.today);
    } else {
        say!("Review on {}: {} items.", r.today, r.items.len());
    }
    for i in &r.items {
        say!(
            "{:<8}  {:<22}  {:<10}  {} {} \u{201c}{}\u{201d}: {}",
            i.severity.as_str(),
            i.kind.as_str(),
            i.due
                .map(|d| d.to_string())
                .unwrap_or_else(|| "\u{2014}".into()),
            serde_json::to_value(i.subject.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            i.subject.id,
            i.subject.name,
            i.why
        );
    }
    if !r.programme.is_empty() {
        say!("\nExercise programme:");
        for p in &r.programme {
            say!(
                "  {:<40}  last exercised {:<10}  next due {}",
                p.title,
                p.last_exercised
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "never".into()),
                p.next_due
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "\u{2014}".into())
            );
        }
    }
}

fn print_settings(s: &ReviewSettings, json: bool) -> keel::Result<()> {
    if json {
        say!("{}", serde_json::to_string_pretty(s)?);
    } else {
        say!(
            "BIA review every {} months; a demonstration counts for {} months; each plan exercised every {} months.",
            s.bia_review_months,
            s.demonstration_validity_months,
            s.exercise_interval_months
        );
    }
    Ok(())
}

pub fn execute(args: ReviewArgs, actor: &str) -> keel::Result<()> {
    match (args.command, args.file) {
        (
            Some(ReviewCommand::Settings {
                file,
                bia_months,
                validity_months,
                exercise_months,
                json,
            }),
            _,
        ) => {
            let mut store = EngagementStore::open(&file)?.with_actor(actor);
            let old = store.review_settings()?;
            if bia_months.is_none() && validity_months.is_none() && exercise_months.is_none() {
                return print_settings(&old, json);
            }
            let new = ReviewSettings {
                bia_review_months: bia_months.unwrap_or(old.bia_review_months),
                demonstration_validity_months: validity_months
                    .unwrap_or(old.demonstration_validity_months),
                exercise_interval_months: exercise_months.unwrap_or(old.exercise_interval_months),
            };
            print_settings(&store.set_review_settings(&new)?, json)
        }
        (None, Some(file)) => {
            let store = EngagementStore::open(&file)?;
            let r = match args.at {
                Some(at) => review::review_on(&store, day(&at)?)?,
                None => review::review(&store)?,
            };
            if args.json {
                say!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print(&r);
            }
            Ok(())
        }
        (None, None) => Err(keel::Error::Conflict(
            "name the engagement file to review".into(),
        )),
    }
}
