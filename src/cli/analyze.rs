//! `keel analyze` and `keel scenario`: the dependency analysis of an engagement.

use std::path::PathBuf;

use keel::EngagementStore;
use keel::analysis::dependencies::{Analysis, CapabilityStanding, ScenarioOutcome};
use keel::analysis::evidence::grade_words;

use super::output::Output;

/// The analysis now, or as it will stand at `at` (demonstrations expire by then).
pub fn analyze(file: PathBuf, json: bool, at: Option<String>) -> keel::Result<()> {
    let store = match at {
        Some(at) => {
            let at = super::parse_time("--at", &at)?;
            EngagementStore::open_with_clock(&file, std::sync::Arc::new(move || at))?
        }
        None => EngagementStore::open(&file)?,
    };
    Output::new(json).analysis(&store.analyze_dependencies()?)
}

pub fn scenario(file: PathBuf, lose: &[String], json: bool) -> keel::Result<()> {
    let outcomes = EngagementStore::open(&file)?.loss_scenario(lose)?;
    Output::new(json).scenario(&outcomes)
}

fn time(d: Option<keel::domain::Duration>) -> String {
    keel::domain::Duration::text_or(d, "unknown")
}

/// "demonstrated 2h on 2026-11-20 (exercise 3), valid until 2027-11-20", or "expired on
/// 2027-11-20 (shown 6h on 2026-11-20, exercise 3); a commitment of 3h counts".
fn demonstration(c: &CapabilityStanding) -> String {
    let source =
        |id: Option<i64>| id.map_or("recorded by hand".to_owned(), |id| format!("exercise {id}"));
    match (c.demonstrated, c.expired) {
        (Some(d), _) => format!(
            "demonstrated {} on {} ({}), valid until {}",
            time(d.rtc_min),
            d.on,
            source(d.exercise_id),
            d.expires_on
        ),
        (None, Some(e)) => format!(
            "expired on {} (shown {} on {}, {}); {} counts",
            e.expires_on,
            time(e.rtc_min),
            e.on,
            source(e.exercise_id),
            grade_words(c.evidence, c.rtc_min)
        ),
        (None, None) => String::new(),
    }
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
                g.kind.as_str(),
                g.node,
                g.explanation,
                g.path.join(" → ")
            );
        }
        let shown: Vec<_> = a
            .capabilities
            .iter()
            .filter(|c| c.demonstrated.is_some() || c.expired.is_some())
            .collect();
        say!("Demonstrated capabilities ({})", shown.len());
        for c in shown {
            say!("  {}: {}", c.resource, demonstration(c));
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
