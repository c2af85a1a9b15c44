//! `keel bench import`: a catalogue of thousands of rows imported into a fresh
//! engagement, timed.

use std::path::PathBuf;
use std::time::Instant;

use keel::domain::EngagementDetailsInput;
use keel::import::ImportFiles;
use keel::{EngagementStore, Error};

/// A folder of its own under the system's temp folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> keel::Result<Self> {
        let dir = std::env::temp_dir().join(format!(
            "keel-bench-import-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).map_err(Error::io("create the folder", &dir))?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Generates the three CSV files at the size asked for, imports them `runs` times, each
/// time into a fresh engagement, and prints the median time and what was imported.
pub fn bench_import(
    (activities, resources, dependencies): (usize, usize, usize),
    runs: usize,
    actor: &str,
) -> keel::Result<()> {
    let scratch = Scratch::new()?;
    let [a, r, d] = keel::import::sample::synthetic_catalogue(activities, resources, dependencies);
    let mut files = ImportFiles::default();
    for (name, text, slot) in [
        ("activities.csv", a, &mut files.activities),
        ("resources.csv", r, &mut files.resources),
        ("dependencies.csv", d, &mut files.dependencies),
    ] {
        let path = scratch.0.join(name);
        std::fs::write(&path, text).map_err(Error::io("write", &path))?;
        *slot = Some(path);
    }
    let runs = runs.max(1);
    let mut seconds = Vec::with_capacity(runs);
    let mut report_seconds = Vec::with_capacity(runs);
    let mut last = None;
    for run in 0..runs {
        let path = scratch.0.join(format!("run-{run}.keel"));
        let details = EngagementDetailsInput {
            organisation: "Benchmark".into(),
            ..Default::default()
        };
        let mut store = EngagementStore::create(&path, &details, actor)?;
        let started = Instant::now();
        let report = store.import(&files, false)?;
        seconds.push(started.elapsed().as_secs_f64());
        if !report.applied {
            let first = report.files.iter().flat_map(|f| &f.rejected).next();
            return Err(Error::Conflict(format!(
                "the generated files were not imported{}",
                first.map_or(String::new(), |r| format!(
                    ": line {}: {}",
                    r.line, r.reason
                ))
            )));
        }
        // The report lists every change: time reading them back on their own, to see
        // what share of the import the report is.
        let started = Instant::now();
        store.audit_since(0)?;
        report_seconds.push(started.elapsed().as_secs_f64());
        last = Some(report);
    }
    seconds.sort_by(f64::total_cmp);
    report_seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    if let Some(report) = last {
        let rows: Vec<String> = report
            .files
            .iter()
            .zip(["activities", "resources", "dependencies"])
            .map(|(f, what)| format!("{} {what}", f.rows))
            .collect();
        say!(
            "Imported {} into a fresh engagement: median {:.0} ms of {runs} runs (fastest {:.0} ms, slowest {:.0} ms).",
            rows.join(", "),
            median * 1000.0,
            seconds[0] * 1000.0,
            seconds[seconds.len() - 1] * 1000.0,
        );
        say!(
            "The report lists {} changes; reading them back from the audit log takes {:.0} ms (median) of that.",
            report.changes.len(),
            report_seconds[report_seconds.len() / 2] * 1000.0,
        );
    }
    Ok(())
}
