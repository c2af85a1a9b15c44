//! `keel bench keystroke`: the save one keystroke costs, measured on the demo engagement.

use std::path::{Path, PathBuf};
use std::time::Instant;

use keel::Error;
use keel::domain::{InterviewEdit, InterviewText, PlanEdit, PlanState};

/// What is typed, over and over.
const PROSE: &str = "The night shift reroutes the vans by phone when the WMS is down; \
                     dispatch keeps a paper list of drivers at each depot. ";

/// Writes the demo engagement (to `file`, kept, or to a temporary file), then types
/// `chars` characters key by key into an interview's notes and into a plan section,
/// timing each save as the app's command makes it: the edit in its durable transaction,
/// audit included, and the view the window gets back.
pub fn keystroke(chars: usize, file: Option<PathBuf>, actor: &str) -> keel::Result<()> {
    let path = file.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("keel-bench-keystroke-{}.keel", std::process::id()))
    });
    let result = measure(&path, chars, actor);
    if file.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    result
}

fn measure(path: &Path, chars: usize, actor: &str) -> keel::Result<()> {
    let mut store = keel::demo::write_demo(path, actor)?;
    let activity = store
        .bia_results()?
        .first()
        .map(|r| r.activity_id)
        .ok_or_else(|| Error::Conflict("the demo engagement has no interviews".into()))?;
    let plan = store
        .plans()?
        .into_iter()
        .find(|p| p.state == PlanState::Draft)
        .ok_or_else(|| Error::Conflict("the demo engagement has no draft plan".into()))?;
    let section = plan
        .template
        .sections()
        .iter()
        .find(|s| s.written)
        .ok_or_else(|| Error::Conflict("the draft plan has no written section".into()))?;
    let audit_before = store.audit_entry_count()?;
    say!(
        "Typing {chars} characters key by key into the demo engagement ({}):",
        store.path().display()
    );

    let mut notes = store.interview(activity)?.interview.notes;
    let note_times = time_keys(chars, &mut notes, |text| {
        store.edit_interview_all(
            activity,
            &[InterviewEdit::Text {
                field: InterviewText::Notes,
                value: text.to_owned(),
            }],
        )?;
        Ok(())
    })?;
    report("interview notes (edit_interview)", note_times);

    let mut body = store
        .plan_view(plan.id)?
        .sections
        .into_iter()
        .find(|s| s.key == section.key)
        .map(|s| s.body)
        .unwrap_or_default();
    let section_times = time_keys(chars, &mut body, |text| {
        store.edit_plan(
            plan.id,
            &PlanEdit::Section {
                key: section.key.to_owned(),
                body: text.to_owned(),
            },
        )?;
        store.plan_view(plan.id)?;
        Ok(())
    })?;
    report(
        &format!("plan section \u{201c}{}\u{201d} (edit_plan)", section.title),
        section_times,
    );

    store.close_editing_runs()?;
    say!(
        "Audit entries added: {} for {} saves (one per field per editing run).",
        store.audit_entry_count()? - audit_before,
        2 * chars
    );
    Ok(())
}

/// Appends `chars` characters of prose to `text` one at a time, calling `save` with the
/// text after each and timing it. Returns the times in milliseconds.
fn time_keys(
    chars: usize,
    text: &mut String,
    mut save: impl FnMut(&str) -> keel::Result<()>,
) -> keel::Result<Vec<f64>> {
    let mut times = Vec::with_capacity(chars);
    for c in PROSE.chars().cycle().take(chars) {
        text.push(c);
        let start = Instant::now();
        save(text)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(times)
}

fn report(what: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    say!(
        "  {what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms per saved keystroke ({} saves).",
        percentile(&times, 50),
        percentile(&times, 95),
        times.last().copied().unwrap_or_default(),
        times.len()
    );
}

/// The `p`th percentile of `sorted` (nearest rank), 0 for none.
fn percentile(sorted: &[f64], p: usize) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n => sorted[((n * p).div_ceil(100)).clamp(1, n) - 1],
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let times: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&times, 50), 50.0);
        assert_eq!(percentile(&times, 95), 95.0);
        assert_eq!(percentile(&times[..10], 95), 10.0);
        assert_eq!(percentile(&[7.0], 50), 7.0);
        assert_eq!(percentile(&[], 95), 0.0);
    }
}
