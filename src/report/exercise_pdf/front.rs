//! The front of a post-exercise report: the title page, the summary of key facts with
//! the contents, the exercise itself (type, clock, people, the plan versions tested with
//! their SHA-256, the scenario) and its objectives with whether each was met.

use super::model::ExerciseReport;
use super::{offset, state_label, t_plus};
use crate::domain::{ExerciseClock, capitalised};
use crate::event::assessment::span;
use crate::report::flow::Block;
use crate::report::fonts::Style;
use crate::report::parts::{
    centred, entries, heading, key_values, table, title_page_end, title_page_start, when,
};
use crate::report::response::tables;

/// The title page, up to its page break.
pub(super) fn title_page(r: &ExerciseReport) -> Vec<Block> {
    let mut out = title_page_start(
        &r.organisation,
        &r.title,
        "Post-exercise report",
        format!(
            "Exercise {} \u{2014} {}, {}",
            r.exercise_id,
            capitalised(r.kind.label()),
            state_label(r.state).to_lowercase()
        ),
    )
    .to_vec();
    out.extend([
        centred(format!("T+0 {}", when(&r.start)), 10.0, Style::Regular, 4.0),
        centred(
            match r.closed_at {
                Some(t) => format!("Closed at {} ({})", when(&t), t_plus(r.start, t)),
                None => format!(
                    "Not closed; figures as at {} ({})",
                    when(&r.response.as_of),
                    offset(r.elapsed_min())
                ),
            },
            10.0,
            Style::Regular,
            4.0,
        ),
    ]);
    out.extend(title_page_end(&r.exported_at, &r.classification));
    out
}

/// Names, or "none".
fn names(list: &[String]) -> String {
    if list.is_empty() {
        "none named".into()
    } else {
        list.join(", ")
    }
}

fn clock_words(clock: ExerciseClock) -> &'static str {
    match clock {
        ExerciseClock::Real => "real: the wall clock, every entry at the time it was written",
        ExerciseClock::Scenario => {
            "scenario: the facilitator moved the clock on; every entry happens at the scenario time set when it was written"
        }
    }
}

/// Objectives met, in a line: "1 of 2 met; 1 not met".
fn objectives_line(r: &ExerciseReport) -> String {
    if r.objectives.is_empty() {
        return "none set".into();
    }
    let count = |met: Option<bool>| r.objectives.iter().filter(|o| o.met == met).count();
    let mut text = format!("{} of {} met", count(Some(true)), r.objectives.len());
    let not_met = count(Some(false));
    if not_met > 0 {
        text.push_str(&format!("; {not_met} not met"));
    }
    let open = count(None);
    if open > 0 {
        text.push_str(&format!("; {open} not assessed"));
    }
    text
}

/// The observers' ratings in a line.
pub(super) fn score_line(r: &ExerciseReport) -> String {
    let s = &r.score;
    let rated = format!(
        "{} observed, {} partly, {} missed",
        s.observed, s.partly, s.missed
    );
    let unrated = if s.unrated > 0 {
        format!("; {} not rated", s.unrated)
    } else {
        String::new()
    };
    match s.percent {
        Some(p) => format!("{p}% ({rated}{unrated})"),
        None => format!("no expected action rated{unrated}"),
    }
}

/// What the exercise demonstrated, in a line.
fn demonstrated_line(r: &ExerciseReport) -> String {
    if !r.demonstrates {
        return format!(
            "nothing: a {} does not demonstrate a recovery capability",
            r.kind.label()
        );
    }
    let shown: Vec<String> = r
        .restored
        .iter()
        .filter(|x| x.demonstrated_until.is_some())
        .map(|x| {
            format!(
                "{}, RTC {}{}",
                x.resource,
                span(x.achieved_rtc_min),
                x.achieved_rpc_min
                    .map(|m| format!(", RPC {}", span(m)))
                    .unwrap_or_default()
            )
        })
        .collect();
    if shown.is_empty() {
        "nothing: no resource was recorded as restored".into()
    } else {
        shown.join("; ")
    }
}

/// The findings by severity, in a line.
fn findings_line(r: &ExerciseReport) -> String {
    if r.findings.is_empty() {
        return "none".into();
    }
    let mut severities: Vec<_> = r.findings.iter().map(|f| f.severity).collect();
    severities.sort_by(|a, b| b.cmp(a));
    severities.dedup();
    let by: Vec<String> = severities
        .iter()
        .map(|s| {
            let n = r.findings.iter().filter(|f| f.severity == *s).count();
            format!("{n} {}", s.as_str())
        })
        .collect();
    format!("{}: {}", r.findings.len(), by.join(", "))
}

/// The summary of key facts, and the contents.
pub(super) fn summary(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(heading(1, "Summary", true));
    let mut rows = vec![
        ("Organisation", r.organisation.clone()),
        (
            "Exercise",
            format!("{} \u{2014} {}", r.exercise_id, r.title),
        ),
        (
            "Type",
            format!(
                "{}, on the {} clock",
                capitalised(r.kind.label()),
                r.clock.as_str()
            ),
        ),
        ("State", state_label(r.state).to_owned()),
        ("T+0", when(&r.start)),
        (
            "Closed",
            match (&r.closed_at, &r.closed_by) {
                (Some(t), Some(by)) => format!("{} ({}) by {by}", when(t), t_plus(r.start, *t)),
                (Some(t), None) => format!("{} ({})", when(t), t_plus(r.start, *t)),
                _ => format!(
                    "not yet; figures as at {} ({})",
                    when(&r.response.as_of),
                    offset(r.elapsed_min())
                ),
            },
        ),
    ];
    for p in &r.plans {
        rows.push((
            "Plan tested",
            format!("\u{201c}{}\u{201d} version {}", p.title, p.version),
        ));
    }
    rows.extend([
        ("Objectives", objectives_line(r)),
        ("Score", score_line(r)),
        ("Outcome", tables::outcome(&r.response)),
        ("Demonstrated", demonstrated_line(r)),
        ("Findings", findings_line(r)),
        (
            "Actions raised",
            match r.actions.len() {
                0 => "none yet".into(),
                n => n.to_string(),
            },
        ),
        (
            "Decision log",
            format!(
                "{}; chain {}",
                entries(r.response.chain.entries),
                match (r.response.chain.ok, r.response.verification.ok) {
                    (true, true) => "verified",
                    (true, false) => "verified, but other checks failed (section 10)",
                    (false, _) => "DOES NOT VERIFY",
                }
            ),
        ),
        ("Classification", r.classification.clone()),
    ]);
    out.push(key_values(rows));
    out.push(Block::text("All times are UTC."));
    out.extend([
        Block::Space(12.0),
        heading(1, "Contents", false),
        Block::Contents,
        Block::PageBreak,
    ]);
}

/// Text as typed, a paragraph per line.
pub(super) fn paragraphs(text: &str) -> Vec<Block> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Block::text(l.trim()))
        .collect()
}

/// What was exercised: type and clock, people, the plan versions tested, the scenario.
pub(super) fn exercise(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(heading(1, "1. The exercise", true));
    out.push(key_values(vec![
        ("Type", capitalised(r.kind.label())),
        ("Clock", clock_words(r.clock).to_owned()),
        ("T+0", when(&r.start)),
        (
            "Facilitator",
            if r.facilitator.is_empty() {
                "not named".into()
            } else {
                r.facilitator.clone()
            },
        ),
        ("Participants", names(&r.participants)),
        ("Observers", names(&r.observers)),
    ]));
    out.push(heading(2, "Plan versions tested", true));
    if r.plans.is_empty() {
        out.push(Block::text("The exercise tests no plan version."));
    }
    for p in &r.plans {
        out.push(key_values(vec![
            (
                "Plan",
                format!("\u{201c}{}\u{201d} (plan {})", p.title, p.plan_id),
            ),
            ("Version", format!("{} (approved and frozen)", p.version)),
            ("Content SHA-256", p.sha256.clone()),
        ]));
    }
    if !r.plans.is_empty() {
        out.push(Block::text(
            "The content SHA-256 names exactly the version that was approved and tested: keel verify checks an exported plan against it.",
        ));
    }
    out.push(heading(2, "Scenario", true));
    if !r.lost.is_empty() {
        out.push(key_values(vec![("Lost at T+0", r.lost.join(", "))]));
    }
    let scenario = paragraphs(&r.scenario);
    if scenario.is_empty() {
        out.push(Block::text("No scenario was written."));
    }
    out.extend(scenario);
    if let Some(summary) = &r.summary {
        out.push(heading(2, "Closing summary", false));
        out.extend(paragraphs(summary));
    }
}

/// The objectives and whether each was met, and the success criteria.
pub(super) fn objectives(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(heading(1, "2. Objectives and success criteria", true));
    if r.objectives.is_empty() {
        out.push(Block::text("No objective was set."));
    } else {
        out.push(table(
            &[0.5, 6.0, 1.3],
            &["#", "Objective", "Met"],
            r.objectives
                .iter()
                .map(|o| {
                    vec![
                        o.number.to_string(),
                        o.text.clone(),
                        match o.met {
                            Some(true) => "met",
                            Some(false) => "NOT MET",
                            None => "not assessed",
                        }
                        .into(),
                    ]
                })
                .collect(),
        ));
        out.push(Block::text(format!(
            "Objectives: {}. Whether each was met is the hot debrief's judgement.",
            objectives_line(r)
        )));
    }
    out.push(heading(2, "Success criteria", false));
    let criteria = paragraphs(&r.success_criteria);
    if criteria.is_empty() {
        out.push(Block::text("No success criteria were written."));
    }
    out.extend(criteria);
}
