//! An exercise as text, for `keel exercise show` and the line each recording command
//! prints.

use keel::domain::{ExerciseClock, Inject};
use keel::event::assessment::span;
use keel::ops::exercise::ExerciseView;

/// The entry a recording command just added.
pub(super) fn last_entry(view: &ExerciseView) {
    if let Some(e) = view.board.as_ref().and_then(|b| b.board.log.last()) {
        say!("{}. {}", e.seq, e.text);
    }
}

pub(super) fn injects(injects: &[Inject]) {
    for i in injects {
        say!("  {:>3}. T+{}: {}", i.number, i.offset_min, i.text);
        for (text, n) in i.expected.iter().zip(1..) {
            say!("         {n}) {text}");
        }
    }
}

pub(super) fn show(view: &ExerciseView) {
    let x = &view.exercise;
    say!(
        "Exercise {}: {} ({}, {} clock, {})",
        x.id,
        x.title,
        x.kind.label(),
        x.clock.as_str(),
        x.state.as_str()
    );
    say!("Date {}", x.date.format("%Y-%m-%d %H:%M UTC"));
    if !x.facilitator.is_empty() {
        say!("Facilitator: {}", x.facilitator);
    }
    for p in &x.people {
        say!("  {}: {}", p.role, p.name);
    }
    for p in &x.plans {
        say!(
            "Tests \u{201c}{}\u{201d} version {} (SHA-256 {})",
            p.title,
            p.version,
            p.sha256
        );
    }
    if !x.scenario.is_empty() {
        say!("Scenario: {}", x.scenario);
    }
    for o in &x.objectives {
        let met = match o.met {
            Some(true) => " — met",
            Some(false) => " — not met",
            None => "",
        };
        say!("Objective {}: {}{met}", o.number, o.text);
    }
    let Some(b) = &view.board else {
        say!("");
        say!("Injects:");
        injects(&x.injects);
        return;
    };
    say!("");
    match b.clock {
        ExerciseClock::Scenario => say!(
            "Scenario clock: T+{} ({})",
            span(b.elapsed_min),
            b.now.format("%Y-%m-%d %H:%M UTC")
        ),
        ExerciseClock::Real => say!(
            "Started {}; T+{}",
            b.start.format("%Y-%m-%d %H:%M UTC"),
            span(b.elapsed_min)
        ),
    }
    say!("Injects:");
    for i in &b.injects {
        say!(
            "  {:>3}. T+{} {}: {}",
            i.inject.number,
            i.inject.offset_min,
            if i.up { "(up)" } else { "(to come)" },
            i.inject.text
        );
        for e in &i.expected {
            let rating = e.rating.map_or("not rated", |r| r.as_str());
            let note = if e.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", e.note)
            };
            say!("         {}) {} [{rating}]{note}", e.number, e.text);
        }
    }
    let s = &b.score;
    say!(
        "Score: {} observed, {} partly, {} missed, {} not rated{}",
        s.observed,
        s.partly,
        s.missed,
        s.unrated,
        s.percent.map(|p| format!(" ({p}%)")).unwrap_or_default()
    );
    if !b.restored.is_empty() {
        say!("Restored:");
        for r in &b.restored {
            say!(
                "  {} after {}{}",
                r.resource,
                span(r.achieved_rtc_min),
                r.achieved_rpc_min
                    .map(|m| format!(", {} of data lost", span(m)))
                    .unwrap_or_default()
            );
        }
    }
    say!("");
    super::incident_board::show(&b.board);
    if !view.findings.is_empty() {
        say!("");
        say!("Findings:");
        for f in &view.findings {
            say!(
                "  {}. [{} / {}] {}{}",
                f.id,
                f.severity.as_str(),
                f.category.as_str(),
                f.text,
                f.about
                    .as_ref()
                    .map(|a| format!(" (about {})", a.name()))
                    .unwrap_or_default()
            );
        }
    }
    if !x.strengths.is_empty() {
        say!("Strengths: {}", x.strengths);
    }
    if !x.weaknesses.is_empty() {
        say!("Weaknesses: {}", x.weaknesses);
    }
}
