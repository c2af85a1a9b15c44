//! `keel analyze` and `keel scenario`: the dependency analysis of an engagement.

use std::path::PathBuf;

use keel::EngagementStore;
use keel::analysis::dependencies::{Analysis, ScenarioOutcome};

use super::output::Output;

pub fn analyze(file: PathBuf, json: bool) -> keel::Result<()> {
    let analysis = EngagementStore::open(&file)?.analyze_dependencies()?;
    Output::new(json).analysis(&analysis)
}

pub fn scenario(file: PathBuf, lose: &[String], json: bool) -> keel::Result<()> {
    let outcomes = EngagementStore::open(&file)?.loss_scenario(lose)?;
    Output::new(json).scenario(&outcomes)
}

fn time(d: Option<keel::domain::Duration>) -> String {
    keel::domain::Duration::text_or(d, "unknown")
}

impl Output {
    pub fn import(&self, report: &keel::import::ImportReport) -> keel::Result<()> {
        if self.is_json() {
            return Self::json(report);
        }
        for file in &report.files {
            say!("{}: {} rows", file.file, file.rows);
            if !file.unknown_columns.is_empty() {
                say!("  ignored columns: {}", file.unknown_columns.join(", "));
            }
            for row in &file.rejected {
                say!("  line {}: {}", row.line, row.reason);
            }
            for cell in &file.unresolved {
                say!(
                    "  line {}, {} of {}: kept as written, unresolved: \u{201c}{}\u{201d}. {}",
                    cell.line,
                    cell.column,
                    cell.name,
                    cell.text,
                    cell.message
                );
            }
        }
        let verdict = if report.applied {
            "imported"
        } else if report.dry_run {
            "dry run, nothing written"
        } else {
            "nothing written"
        };
        say!("{} changes, {verdict}.", report.changes.len());
        Ok(())
    }

    pub fn analysis(&self, a: &Analysis) -> keel::Result<()> {
        if self.is_json() {
            return Self::json(a);
        }
        say!("Gaps ({})", a.gaps.len());
        for g in &a.gaps {
            say!(
                "  {:<8} {} {}  [{}]",
                format!("{:?}", g.kind).to_lowercase(),
                g.node,
                g.explanation,
                g.path.join(" → ")
            );
        }
        say!("Single points of failure ({})", a.spofs.len());
        for s in &a.spofs {
            say!("  {} breaks {}", s.resource, s.breaks.join(", "));
        }
        say!("Cycles ({})", a.cycles.len());
        for c in &a.cycles {
            say!("  {}", c.join(" → "));
        }
        Ok(())
    }

    pub fn scenario(&self, outcomes: &[ScenarioOutcome]) -> keel::Result<()> {
        if self.is_json() {
            return Self::json(outcomes);
        }
        if outcomes.is_empty() {
            say!("No activity stops.");
        }
        for o in outcomes {
            say!(
                "  {}: back after {}{}",
                o.activity,
                time(o.recovers_min),
                if o.breaches_mtpd {
                    format!(" — past its MTPD of {}", time(o.mtpd_min))
                } else {
                    String::new()
                }
            );
        }
        Ok(())
    }
}
