//! The response laid out, the same in both reports: each affected activity's targets
//! against what was achieved, the recovery steps planned against their actual
//! durations, when the call tree reached each person, a log entry's words, and the
//! log's integrity. Each section takes its heading, numbered by the report.

use super::model::{ActivityOutcome, Measure, PlanInvoked, Response, TimelineEntry, Verdict};
use crate::domain::CallOutcome;
use crate::event::ChainCheck;
use crate::event::assessment::span;
use crate::report::flow::{Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::Span;
use crate::report::parts::{
    DASH, bullet, cells, entries, heading, key_values, printable, short, table, time,
};

fn or_dash(t: Option<&chrono::DateTime<chrono::Utc>>) -> String {
    t.map_or_else(|| DASH.to_owned(), short)
}

/// What a plan version is in this kind of event: invoked in an incident, tested in an
/// exercise.
fn run_word(r: &Response) -> &'static str {
    if r.exercise() { "tested" } else { "invoked" }
}

/// The end of the event: "the stand-down", an exercise's "the close".
fn the_end(r: &Response) -> &'static str {
    if r.exercise() {
        "the close"
    } else {
        "the stand-down"
    }
}

/// The affected activities back within their RTO, and those that were not.
pub(crate) fn outcome(r: &Response) -> String {
    let total = r.activities.len();
    if total == 0 {
        return "No activity was affected.".into();
    }
    let within = r
        .activities
        .iter()
        .filter(|a| a.rto.verdict == Verdict::Met)
        .count();
    let names = |verdict: Verdict, of: fn(&ActivityOutcome) -> Verdict| {
        r.activities
            .iter()
            .filter(|a| of(a) == verdict)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
    };
    let mut text = format!(
        "{within} of {total} affected activities were back at their minimum level within their RTO."
    );
    let missed_rto = names(Verdict::Missed, |a| a.rto.verdict);
    if !missed_rto.is_empty() {
        text.push_str(&format!(" RTO missed: {}.", missed_rto.join(", ")));
    }
    let missed_mtpd = names(Verdict::Missed, |a| a.mtpd.verdict);
    if !missed_mtpd.is_empty() {
        text.push_str(&format!(" MTPD missed: {}.", missed_mtpd.join(", ")));
    }
    let open = names(Verdict::Open, |a| a.rto.verdict);
    if !open.is_empty() {
        text.push_str(&format!(
            " Not back yet, within their RTO: {}.",
            open.join(", ")
        ));
    }
    let unrecorded = names(Verdict::NotRecorded, |a| a.rto.verdict);
    if !unrecorded.is_empty() {
        text.push_str(&format!(
            " Not recorded as back by {}, their RTO not passed yet: {}.",
            the_end(r),
            unrecorded.join(", ")
        ));
    }
    text
}

/// Each activity's state, then its four measures against their targets.
pub(crate) fn achieved(r: &Response, title: &str, out: &mut Vec<Block>) {
    // The report's main tables start on a page of their own, not with a row or two at
    // the foot of the page before.
    out.push(Block::PageBreak);
    out.push(heading(1, title, true));
    if r.activities.is_empty() {
        out.push(Block::text("No activity was affected."));
        return;
    }
    out.push(Block::text(
        "Achieved RTO is the time from the start of the disruption until the activity was back at its minimum level; achieved RPO is the data lost, from the point it was restored to until the disruption began. The MTPD is measured like the RTO.",
    ));
    out.push(table(
        &[2.6, 0.5, 2.4, 1.4, 1.4, 1.2],
        &[
            "Activity",
            "Tier",
            "Affected because",
            "Back at minimum",
            "Back to normal",
            "Status",
        ],
        r.activities
            .iter()
            .map(|a| {
                vec![
                    a.name.clone(),
                    a.tier.map_or_else(|| DASH.to_owned(), |t| t.to_string()),
                    a.why.clone(),
                    or_dash(a.minimum_at.as_ref()),
                    or_dash(a.normal_at.as_ref()),
                    if r.ended && a.minimum_at.is_none() {
                        "not recorded as back".to_owned()
                    } else {
                        a.status.label().to_owned()
                    },
                ]
            })
            .collect(),
    ));
    out.push(heading(3, "Targets and what was achieved", true));
    out.push(Block::Table(Table {
        columns: vec![1.5, 1.5, 2.0, 1.9, 1.5],
        header: cells(&["Activity", "RTO", "RPO", "Minimum level", "MTPD"]),
        // A row per activity, kept whole on a page: each cell says target, achieved and
        // the result.
        rows: r.activities.iter().map(|a| measures(a, r)).collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}

/// A cell: the target, what was achieved, and the result (in bold when missed).
pub(crate) fn measure_cell(target: String, achieved: String, verdict: Verdict) -> Vec<Span> {
    vec![
        Span::styled("Target ", Style::Italic),
        Span::plain(format!("{target}\n")),
        Span::styled("Achieved ", Style::Italic),
        Span::plain(format!("{achieved}\n")),
        if verdict == Verdict::Missed {
            Span::styled(verdict.label(), Style::Bold)
        } else {
            Span::plain(verdict.label())
        },
    ]
}

fn measures(a: &ActivityOutcome, r: &Response) -> Vec<Vec<Span>> {
    let not_back = || {
        if r.ended {
            format!("not back by {}", the_end(r))
        } else {
            format!(
                "not back after {}",
                span((r.as_of - r.disrupted_at).num_minutes())
            )
        }
    };
    let timed = |m: &Measure| {
        measure_cell(
            time(m.target),
            m.achieved_min.map_or_else(not_back, span),
            m.verdict,
        )
    };
    let rpo_achieved = match (a.rpo.achieved_min, a.restore_point) {
        (Some(lost), Some(point)) => format!("{}\nrestored to {}", span(lost), short(&point)),
        // The result says it: not recorded.
        _ => DASH.to_owned(),
    };
    let minimum_achieved = match a.minimum_at {
        Some(t) => short(&t),
        None if r.ended => DASH.to_owned(),
        None => "not reached yet".into(),
    };
    vec![
        vec![Span::styled(a.name.clone(), Style::Bold)],
        timed(&a.rto),
        measure_cell(time(a.rpo.target), rpo_achieved, a.rpo.verdict),
        measure_cell(
            if a.minimum.is_empty() {
                DASH.to_owned()
            } else {
                a.minimum.clone()
            },
            minimum_achieved,
            a.minimum_verdict,
        ),
        timed(&a.mtpd),
    ]
}

fn per_plan(r: &Response, out: &mut Vec<Block>, each: impl Fn(&PlanInvoked, &mut Vec<Block>)) {
    for p in &r.plans {
        if r.plans.len() > 1 {
            out.push(heading(2, p.title.clone(), true));
        }
        each(p, out);
    }
}

/// The steps of each plan invoked, estimate against actual.
pub(crate) fn steps(r: &Response, title: &str, out: &mut Vec<Block>) {
    out.push(heading(1, title, true));
    let run = run_word(r);
    if r.plans.is_empty() {
        out.push(Block::text(format!(
            "No plan was {run}, so no step was run."
        )));
        return;
    }
    per_plan(r, out, |p, out| {
        if p.steps.is_empty() {
            out.push(Block::text(format!(
                "The version {run} has no recovery steps."
            )));
            return;
        }
        let rows = p
            .steps
            .iter()
            .map(|s| {
                let actual = match s.actual_min {
                    Some(m) if s.running() && r.ended => format!("{}, not done", span(m)),
                    Some(m) if s.running() => format!("{} so far", span(m)),
                    Some(m) => span(m),
                    None => "not started".into(),
                };
                let mut title = vec![Span::plain(s.title.clone())];
                if s.out_of_order.is_some() {
                    title.push(Span::styled(" (out of order)", Style::Bold));
                }
                vec![
                    vec![Span::plain(s.number.to_string())],
                    title,
                    vec![Span::plain(s.owner_role.clone())],
                    vec![Span::plain(time(s.estimate))],
                    vec![Span::plain(or_dash(s.started_at.as_ref()))],
                    vec![Span::plain(or_dash(s.done_at.as_ref()))],
                    vec![Span::plain(actual)],
                    match s.overrun_min {
                        Some(m) => vec![Span::styled(format!("+{}", span(m)), Style::Bold)],
                        None => Vec::new(),
                    },
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![0.35, 2.4, 1.0, 1.05, 1.3, 1.3, 1.25, 0.95],
            header: cells(&[
                "#", "Step", "Owner", "Estimate", "Started", "Done", "Actual", "Overrun",
            ]),
            rows,
            size: 8.5,
            min_row_height: 0.0,
        }));
        let done = p.steps.iter().filter(|s| s.done_at.is_some()).count();
        let overran = p.steps.iter().filter(|s| s.overrun_min.is_some()).count();
        out.push(Block::text(format!(
            "{done} of {} steps done; {overran} overran its estimate.",
            p.steps.len()
        )));
        for s in p.steps.iter().filter(|s| s.out_of_order.is_some()) {
            out.push(bullet(vec![
                Span::styled(format!("Step {} out of order. ", s.number), Style::Bold),
                Span::plain(s.out_of_order.clone().unwrap_or_default()),
            ]));
        }
    });
}

fn outcome_at(outcome: Option<CallOutcome>, at: Option<&chrono::DateTime<chrono::Utc>>) -> String {
    match (outcome, at) {
        (Some(o), Some(t)) => format!("{}\n{}", o.as_str(), short(t)),
        (Some(o), None) => o.as_str().to_owned(),
        _ => "not called".into(),
    }
}

/// Each call of the call tree: reached when, minutes after the invocation, fall-backs.
pub(crate) fn calls(r: &Response, title: &str, out: &mut Vec<Block>) {
    out.push(heading(1, title, true));
    let run = run_word(r);
    if r.plans.is_empty() {
        out.push(Block::text(format!(
            "No plan was {run}, so no call tree was run."
        )));
        return;
    }
    per_plan(r, out, |p, out| {
        if p.calls.is_empty() {
            out.push(Block::text(format!("The version {run} has no call tree.")));
            return;
        }
        out.push(Block::text(format!(
            "Minutes are counted from the invocation at {}.",
            short(&p.invoked_at)
        )));
        let after = |m: Option<i64>| m.map_or_else(|| DASH.to_owned(), span);
        out.push(table(
            &[0.4, 1.7, 1.7, 1.6, 0.9, 1.7, 1.6, 0.9],
            &[
                "#",
                "Caller",
                "Calls",
                "Outcome",
                "After",
                "Fall-back",
                "Fall-back outcome",
                "After",
            ],
            p.calls
                .iter()
                .map(|c| {
                    let fallback_outcome = match (&c.fallback, c.fallback_outcome) {
                        (None, _) => String::new(),
                        (Some(_), None) if c.fallback_due => "due, not called".into(),
                        (Some(_), None) => "not needed".into(),
                        (Some(_), o) => outcome_at(o, c.fallback_at.as_ref()),
                    };
                    vec![
                        c.number.to_string(),
                        c.caller
                            .clone()
                            .unwrap_or_else(|| "Whoever invokes the plan".into()),
                        c.callee.clone(),
                        outcome_at(c.outcome, c.at.as_ref()),
                        after(c.after_min),
                        c.fallback.clone().unwrap_or_default(),
                        fallback_outcome,
                        if c.fallback.is_some() {
                            after(c.fallback_after_min)
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
        ));
        let reached = p
            .calls
            .iter()
            .filter(|c| {
                c.outcome == Some(CallOutcome::Reached)
                    || c.fallback_outcome == Some(CallOutcome::Reached)
            })
            .count();
        let last = p
            .calls
            .iter()
            .flat_map(|c| [c.after_min, c.fallback_after_min])
            .flatten()
            .max();
        out.push(Block::text(match last {
            Some(m) => format!(
                "{reached} of {} calls reached someone; the last outcome was recorded {} after the invocation.",
                p.calls.len(),
                span(m)
            ),
            None => format!("None of the {} calls was recorded.", p.calls.len()),
        }));
    });
}

/// A log entry's words: what it corrects first, the text, the rationale, what
/// corrected it, and, at the first entry that breaks the chain, how it does.
pub(crate) fn entry_cell(e: &TimelineEntry, chain: &ChainCheck) -> Vec<Span> {
    let mut spans = Vec::new();
    if let Some(c) = e.corrects {
        spans.push(Span::styled(
            format!("Correction of entry {c}: "),
            Style::Bold,
        ));
    }
    spans.push(Span::plain(printable(&e.text)));
    if !e.rationale.is_empty() {
        spans.push(Span::styled("\nRationale: ", Style::Italic));
        spans.push(Span::plain(printable(&e.rationale)));
    }
    if !e.corrected_by.is_empty() {
        let by: Vec<String> = e.corrected_by.iter().map(u32::to_string).collect();
        spans.push(Span::styled(
            format!(
                "\nCorrected by entry {}; what it recorded here is set aside.",
                by.join(", ")
            ),
            Style::Italic,
        ));
    }
    if chain.broken_at == Some(e.seq) {
        spans.push(Span::styled(
            format!("\nThe chain breaks here: {}.", chain.problem),
            Style::Bold,
        ));
    }
    spans
}

/// The chain hash, whether the chain verified, and what else was checked.
pub(crate) fn integrity(r: &Response, title: &str, out: &mut Vec<Block>) {
    out.push(heading(1, title, true));
    let chain = &r.chain;
    let verdict = if chain.ok {
        format!(
            "verified: each of the {} has its hash and follows the one before it",
            entries(chain.entries)
        )
    } else {
        format!("DOES NOT VERIFY: {}", chain.problem)
    };
    out.push(key_values(vec![
        ("Entries", chain.entries.to_string()),
        ("Chain hash (head)", chain.head.clone()),
        ("Chain", verdict),
    ]));
    let command = if r.exercise() {
        format!(
            "keel exercise verify FILE --exercise {} recomputes the chain and checks the plan versions tested.",
            r.event_id
        )
    } else {
        format!(
            "keel incident verify FILE --incident {} recomputes the chain and checks the plan version invoked.",
            r.event_id
        )
    };
    out.push(Block::text(format!(
        "Each entry's SHA-256 covers its time, author, kind, words and the hash of the entry before it, so the chain hash, the last entry's, stands for the whole log: a change to any entry changes it. {command}"
    )));
    if !r.verification.lines.is_empty() {
        out.push(heading(3, "Checked when this report was made", false));
        for line in &r.verification.lines {
            out.push(bullet(vec![Span::plain(line.clone())]));
        }
    }
}
