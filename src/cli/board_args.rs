//! The board actions incidents and exercises both take on the command line, each as
//! its arguments and the `BoardAction` they make: a log entry, a recovery step, a call
//! of the call tree, an activity back.

use clap::Args;
use keel::Error;
use keel::domain::{BoardAction, CallOutcome, Level, LogInput, LogKind};

use super::parse_time;

#[derive(Args)]
pub struct LogArgs {
    /// decision, action, communication, status or note.
    #[arg(long)]
    kind: String,
    #[arg(long)]
    text: String,
    /// Why (for a decision).
    #[arg(long, default_value = "")]
    rationale: String,
    /// The entry this one corrects, by number.
    #[arg(long, value_name = "N")]
    corrects: Option<u32>,
}

impl LogArgs {
    pub fn action(self) -> keel::Result<BoardAction> {
        let kind = LogKind::parse(&self.kind).ok_or_else(|| {
            Error::Conflict(format!(
                "--kind is one of decision, action, communication, status, note; not {}",
                self.kind
            ))
        })?;
        Ok(BoardAction::Log(LogInput {
            kind,
            text: self.text,
            rationale: self.rationale,
            corrects: self.corrects,
        }))
    }
}

#[derive(Args)]
pub struct StepArgs {
    #[arg(long, value_name = "N")]
    pub step: u32,
    /// The plan, when several are invoked.
    #[arg(long, value_name = "PLAN_ID")]
    pub plan: Option<i64>,
    #[arg(long, conflicts_with = "done", required_unless_present = "done")]
    start: bool,
    #[arg(long)]
    done: bool,
}

impl StepArgs {
    pub fn action(&self) -> BoardAction {
        let (plan_id, step) = (self.plan, self.step);
        if self.start {
            BoardAction::StepStart { plan_id, step }
        } else {
            BoardAction::StepDone { plan_id, step }
        }
    }
}

#[derive(Args)]
pub struct CallArgs {
    #[arg(long, value_name = "NAME")]
    person: String,
    #[arg(long, group = "outcome", required = true)]
    reached: bool,
    #[arg(long, group = "outcome")]
    no_answer: bool,
    #[arg(long, group = "outcome")]
    unreachable: bool,
}

impl CallArgs {
    pub fn action(self) -> BoardAction {
        let outcome = if self.reached {
            CallOutcome::Reached
        } else if self.no_answer {
            CallOutcome::NoAnswer
        } else {
            CallOutcome::Unreachable
        };
        BoardAction::Call {
            person: self.person,
            outcome,
        }
    }
}

#[derive(Args)]
pub struct ResumeArgs {
    #[arg(long, value_name = "NAME")]
    activity: String,
    /// minimum or normal.
    #[arg(long)]
    level: String,
    /// The point its data was restored to, if data had to be restored.
    #[arg(long, value_name = "TIME")]
    restore_point: Option<String>,
}

impl ResumeArgs {
    pub fn action(self) -> keel::Result<BoardAction> {
        let level = Level::parse(&self.level).ok_or_else(|| {
            Error::Conflict(format!("--level is minimum or normal, not {}", self.level))
        })?;
        let restore_point = self
            .restore_point
            .map(|t| parse_time("--restore-point", &t))
            .transpose()?;
        Ok(BoardAction::Resume {
            activity: self.activity,
            level,
            restore_point,
        })
    }
}
