//! `keel exercise …`: prepare an exercise from a loss scenario, edit its injects, start
//! it, move its scenario clock, rate expected actions, run steps, record restored
//! resources, log, record findings, close it with its debrief; list, show and verify.
//! Every command that records something takes `--at TIME`, as incidents do, so that an
//! exercise can be replayed exactly.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use keel::domain::{BoardAction, InjectInput, NewExerciseInput, Rating};
use keel::ops::exercise::{self, ExerciseView};
use keel::ops::incident;

use super::board_args::{CallArgs, LogArgs, ResumeArgs, StepArgs};
use super::{at_or_now, exercise_board, parse_time};
use keel::{EngagementStore, Error};

/// The exercise a command is about, and when it is written.
#[derive(Args)]
pub struct Target {
    file: PathBuf,
    #[arg(long, value_name = "ID")]
    exercise: i64,
    /// When this is written (RFC 3339); now when left out.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

#[derive(Subcommand)]
pub enum ExerciseCommand {
    /// Prepare an exercise. Losing resources (--lose) drafts the scenario and a timeline
    /// of injects: at T+0, and for each affected activity when it breaches its RTO and
    /// reaches its MTPD, expecting the tested plans' steps and call tree. Prints its id.
    New {
        file: PathBuf,
        /// tabletop, walkthrough, simulation, parallel or full_interruption.
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        #[arg(long)]
        title: String,
        /// When it is held (RFC 3339); on a scenario clock, T+0. Now when left out.
        #[arg(long, value_name = "TIME")]
        date: Option<String>,
        /// real or scenario; parallel and full tests run on the real clock, the others
        /// on a scenario clock, unless told.
        #[arg(long, default_value = "")]
        clock: String,
        #[arg(long, value_name = "NAME", default_value = "")]
        facilitator: String,
        #[arg(long = "participant", value_name = "NAME")]
        participants: Vec<String>,
        #[arg(long = "observer", value_name = "NAME")]
        observers: Vec<String>,
        #[arg(long = "objective", value_name = "TEXT")]
        objectives: Vec<String>,
        #[arg(long = "success-criteria", value_name = "TEXT", default_value = "")]
        success_criteria: String,
        /// A plan tested (its last approved version); repeat for several.
        #[arg(long = "plan", value_name = "PLAN_ID")]
        plans: Vec<i64>,
        /// A resource or activity the scenario loses; repeat for several.
        #[arg(long = "lose", value_name = "NAME")]
        lose: Vec<String>,
        /// The scenario in words; drafted from what is lost when left out.
        #[arg(long, default_value = "")]
        scenario: String,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List, add or remove injects before the exercise starts.
    Inject {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        exercise: i64,
        /// Add one at this time after the start (T+2h, 90m).
        #[arg(long, value_name = "OFFSET", conflicts_with = "remove")]
        add: Option<String>,
        /// What happens (with --add).
        #[arg(long, default_value = "", requires = "add")]
        text: String,
        /// An expected action (with --add); repeat for several.
        #[arg(long = "expect", value_name = "TEXT", requires = "add")]
        expect: Vec<String>,
        /// Remove inject N.
        #[arg(long, value_name = "N")]
        remove: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Start the exercise: the tested plan versions are invoked and the injects fixed.
    Start(Target),
    /// Move a scenario clock on: "it is now T+4h".
    Advance {
        #[command(flatten)]
        target: Target,
        #[arg(long, value_name = "OFFSET")]
        to: String,
    },
    /// Rate an expected action of an inject that is up.
    Observe {
        #[command(flatten)]
        target: Target,
        #[arg(long, value_name = "N")]
        inject: u32,
        /// The expected action, by number in the inject's list.
        #[arg(long = "action", value_name = "N")]
        expected: u32,
        #[arg(long, group = "rating", required = true)]
        observed: bool,
        #[arg(long, group = "rating")]
        partly: bool,
        #[arg(long, group = "rating")]
        missed: bool,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Start or finish a recovery step of a tested plan.
    Step {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        step: StepArgs,
    },
    /// Record a resource restored, with the point its data came back to. In a
    /// walkthrough, parallel or full interruption test this demonstrates its recovery
    /// capability.
    Restore {
        #[command(flatten)]
        target: Target,
        #[arg(long, value_name = "NAME")]
        resource: String,
        #[arg(long, value_name = "TIME")]
        restore_point: Option<String>,
    },
    /// Record that an activity is back (minimum or normal).
    Resume {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        resume: ResumeArgs,
    },
    /// Record how a call of the call tree went.
    Call {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        call: CallArgs,
    },
    /// Add an entry to the exercise's log.
    Log {
        #[command(flatten)]
        target: Target,
        #[command(flatten)]
        entry: LogArgs,
    },
    /// Record a finding of the debrief: severity, category, what it is about
    /// (plan:ID, step:PLAN:N, resource:ID, activity:ID, person:ID). Prints its id.
    Finding {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        exercise: i64,
        #[command(flatten)]
        finding: super::finding::FindingArgs,
    },
    /// Close the exercise with a summary; the hot debrief's strengths, weaknesses and
    /// objectives met can be given here or with `debrief`.
    Close {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        summary: String,
        #[command(flatten)]
        debrief: DebriefArgs,
    },
    /// The hot debrief: strengths, weaknesses, objectives met or not.
    Debrief {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        exercise: i64,
        #[command(flatten)]
        debrief: DebriefArgs,
    },
    /// List the exercises.
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The exercise: preparation, clock, injects with their ratings, restorations,
    /// score, board and findings. In --json, durations are whole minutes.
    Show {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        exercise: i64,
        #[arg(long)]
        json: bool,
    },
    /// Check the log's hash chain and the SHA-256 of the plan versions tested.
    Verify {
        file: PathBuf,
        #[arg(long, value_name = "ID")]
        exercise: i64,
    },
    /// Write the post-exercise report as a PDF: objectives met, scenario, injects with
    /// their scoring, achieved against target per activity and resource restored, steps
    /// planned against actual, findings, actions raised and the log; signed if asked.
    Report(super::exercise_report::ReportArgs),
}

#[derive(Args, Default)]
pub struct DebriefArgs {
    #[arg(long)]
    strengths: Option<String>,
    #[arg(long)]
    weaknesses: Option<String>,
    /// Objectives met, by number.
    #[arg(long, value_name = "N", num_args = 1..)]
    met: Vec<u32>,
    /// Objectives not met, by number.
    #[arg(long = "not-met", value_name = "N", num_args = 1..)]
    not_met: Vec<u32>,
}

impl DebriefArgs {
    fn given(&self) -> bool {
        self.strengths.is_some()
            || self.weaknesses.is_some()
            || !self.met.is_empty()
            || !self.not_met.is_empty()
    }

    /// Refuses objective numbers the exercise does not have, before anything is written.
    fn check(&self, prep: &keel::store::ExercisePrep) -> keel::Result<()> {
        for n in self.met.iter().chain(&self.not_met) {
            if !prep.objectives.iter().any(|o| o.number == *n) {
                return Err(Error::invalid(
                    "met",
                    format!(
                        "\u{201c}{}\u{201d} has objectives 1 to {}; there is no objective {n}.",
                        prep.title,
                        prep.objectives.len()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn save(self, store: &mut EngagementStore, id: i64) -> keel::Result<()> {
        let prep = store.exercise(id)?;
        let mut met: Vec<(u32, Option<bool>)> = self.met.iter().map(|n| (*n, Some(true))).collect();
        met.extend(self.not_met.iter().map(|n| (*n, Some(false))));
        exercise::debrief(
            store,
            id,
            self.strengths.as_deref().unwrap_or(&prep.strengths),
            self.weaknesses.as_deref().unwrap_or(&prep.weaknesses),
            &met,
        )
    }
}

fn open(file: &Path, actor: &str) -> keel::Result<EngagementStore> {
    Ok(EngagementStore::open(file)?.with_actor(actor))
}

fn record(target: Target, actor: &str, action: &BoardAction) -> keel::Result<ExerciseView> {
    let mut store = open(&target.file, actor)?;
    let at = at_or_now(&store, target.at)?;
    let view = exercise::record(&mut store, target.exercise, action, at)?;
    exercise_board::last_entry(&view);
    Ok(view)
}

fn time(flag: &str, t: Option<String>) -> keel::Result<Option<DateTime<Utc>>> {
    t.map(|t| parse_time(flag, &t)).transpose()
}

pub fn execute(command: ExerciseCommand, actor: &str) -> keel::Result<()> {
    match command {
        ExerciseCommand::New {
            file,
            kind,
            title,
            date,
            clock,
            facilitator,
            participants,
            observers,
            objectives,
            success_criteria,
            plans,
            lose,
            scenario,
            at,
            json,
        } => {
            let mut store = open(&file, actor)?;
            let at = at_or_now(&store, at)?;
            let input = NewExerciseInput {
                kind,
                title,
                date: time("--date", date)?,
                clock,
                facilitator,
                participants,
                observers,
                objectives,
                success_criteria,
                plans,
                lost: incident::node_keys_named(&store, &lose)?,
                scenario,
            };
            let id = exercise::new(&mut store, &input, at)?;
            let prep = store.exercise(id)?;
            if json {
                say!(
                    "{}",
                    serde_json::json!({ "id": id, "injects": prep.injects })
                );
            } else {
                say!(
                    "Prepared exercise {id}: {} ({}, {} clock), {} injects.",
                    prep.title,
                    prep.kind.label(),
                    prep.clock.as_str(),
                    prep.injects.len()
                );
                exercise_board::injects(&prep.injects);
            }
            Ok(())
        }
        ExerciseCommand::Inject {
            file,
            exercise: id,
            add,
            text,
            expect,
            remove,
            json,
        } => {
            let mut store = open(&file, actor)?;
            let mut inputs = exercise::inject_inputs(&store, id)?;
            let edits = add.is_some() || remove.is_some();
            if let Some(offset) = add {
                inputs.push(InjectInput {
                    offset,
                    text,
                    expected: expect,
                    activity: String::new(),
                });
            }
            if let Some(n) = remove {
                let index = usize::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .filter(|i| *i < inputs.len())
                    .ok_or_else(|| {
                        Error::invalid(
                            "remove",
                            format!("The exercise has injects 1 to {}.", inputs.len()),
                        )
                    })?;
                inputs.remove(index);
            }
            let injects = if edits {
                exercise::set_injects(&mut store, id, &inputs)?
            } else {
                store.exercise(id)?.injects
            };
            if json {
                say!("{}", serde_json::to_string_pretty(&injects)?);
            } else {
                exercise_board::injects(&injects);
            }
            Ok(())
        }
        ExerciseCommand::Start(target) => {
            let mut store = open(&target.file, actor)?;
            let at = at_or_now(&store, target.at)?;
            let view = exercise::start(&mut store, target.exercise, at)?;
            if let Some(b) = &view.board {
                for e in &b.board.log {
                    say!("{}. {}", e.seq, e.text);
                }
            }
            Ok(())
        }
        ExerciseCommand::Advance { target, to } => {
            let view = record(target, actor, &BoardAction::Advance { to })?;
            if let Some(b) = &view.board {
                for i in b.injects.iter().filter(|i| i.up) {
                    if i.expected.iter().all(|e| e.rating.is_none()) {
                        say!(
                            "  Inject {} (T+{}): {}",
                            i.inject.number,
                            i.inject.offset_min,
                            i.inject.text
                        );
                    }
                }
            }
            Ok(())
        }
        ExerciseCommand::Observe {
            target,
            inject,
            expected,
            observed,
            partly,
            missed: _,
            note,
        } => {
            let rating = if observed {
                Rating::Observed
            } else if partly {
                Rating::Partly
            } else {
                Rating::Missed
            };
            record(
                target,
                actor,
                &BoardAction::Observe {
                    inject,
                    expected,
                    rating,
                    note,
                },
            )?;
            Ok(())
        }
        ExerciseCommand::Step { target, step } => {
            record(target, actor, &step.action())?;
            Ok(())
        }
        ExerciseCommand::Restore {
            target,
            resource,
            restore_point,
        } => {
            let restore_point = time("--restore-point", restore_point)?;
            let view = record(
                target,
                actor,
                &BoardAction::Restore {
                    resource,
                    restore_point,
                },
            )?;
            if let Some(r) = view.board.as_ref().and_then(|b| b.restored.last())
                && keel::domain::demonstrates(view.exercise.kind, view.exercise.clock)
            {
                say!(
                    "  {}'s recovery capability is demonstrated: {} (RTC){}.",
                    r.resource,
                    keel::event::assessment::span(r.achieved_rtc_min),
                    r.achieved_rpc_min
                        .map(|m| format!(", {} (RPC)", keel::event::assessment::span(m)))
                        .unwrap_or_default()
                );
            }
            Ok(())
        }
        ExerciseCommand::Resume { target, resume } => {
            record(target, actor, &resume.action()?)?;
            Ok(())
        }
        ExerciseCommand::Call { target, call } => {
            record(target, actor, &call.action())?;
            Ok(())
        }
        ExerciseCommand::Log { target, entry } => {
            record(target, actor, &entry.action()?)?;
            Ok(())
        }
        ExerciseCommand::Finding {
            file,
            exercise: id,
            finding,
        } => {
            EngagementStore::open(&file)?.exercise(id)?;
            super::finding::record(&file, actor, id, finding)
        }
        ExerciseCommand::Close {
            target,
            summary,
            debrief,
        } => {
            let (file, id) = (target.file.clone(), target.exercise);
            debrief.check(&open(&file, actor)?.exercise(id)?)?;
            record(
                target,
                actor,
                &BoardAction::StandDown {
                    summary,
                    by: String::new(),
                },
            )?;
            if debrief.given() {
                debrief.save(&mut open(&file, actor)?, id)?;
            }
            Ok(())
        }
        ExerciseCommand::Debrief {
            file,
            exercise: id,
            debrief,
        } => {
            debrief.save(&mut open(&file, actor)?, id)?;
            say!("Debrief saved.");
            Ok(())
        }
        ExerciseCommand::List { file, json } => {
            let exercises = EngagementStore::open(&file)?.exercises()?;
            if json {
                say!("{}", serde_json::to_string_pretty(&exercises)?);
            } else if exercises.is_empty() {
                say!("No exercises.");
            } else {
                for e in exercises {
                    say!(
                        "{:>4}  {:<17}  {:<8}  {}  {}",
                        e.id,
                        e.kind.word(),
                        e.state.as_str(),
                        e.date.format("%Y-%m-%d %H:%M"),
                        e.title
                    );
                }
            }
            Ok(())
        }
        ExerciseCommand::Show {
            file,
            exercise: id,
            json,
        } => {
            let store = EngagementStore::open(&file)?;
            let view = exercise::view(&store, id, store.now())?;
            if json {
                say!("{}", serde_json::to_string_pretty(&view)?);
            } else {
                exercise_board::show(&view);
            }
            Ok(())
        }
        ExerciseCommand::Report(args) => super::exercise_report::report(args),
        ExerciseCommand::Verify { file, exercise: id } => {
            let store = EngagementStore::open(&file)?;
            let check = exercise::verify(&store, id)?;
            super::incident_board::say_check(&check, &format!("exercise {id}"))
        }
    }
}
