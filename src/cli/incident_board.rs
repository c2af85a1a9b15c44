//! The board of an incident as text, for `keel incident show` and the line each
//! recording command prints.

use chrono::{DateTime, Utc};
use keel::domain::{CallOutcome, Duration};
use keel::event::Board;
use keel::event::assessment::span;

/// What `verify` found for `what` ("incident 3", "exercise 4"): the plan versions'
/// lines, then the chain's, or an error naming each problem.
pub(super) fn say_check(
    check: &keel::ops::incident::IncidentCheck,
    what: &str,
) -> keel::Result<()> {
    for line in &check.plans {
        say!("{line}");
    }
    if check.ok {
        say!(
            "The log's {} entries are intact; chain hash {}.",
            check.chain.entries,
            check.chain.head
        );
        Ok(())
    } else {
        Err(keel::Error::Conflict(format!(
            "{what} does not verify: {}",
            check.problems.join("; ")
        )))
    }
}

/// The entry a recording command just added.
pub(super) fn last_entry(board: &Board) {
    if let Some(e) = board.log.last() {
        say!("{}. {}", e.seq, e.text);
    }
}

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(
        || "-".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    )
}

pub(super) fn show(b: &Board) {
    say!(
        "{} {}: {} ({})",
        if b.kind.is_exercise() {
            "Exercise"
        } else {
            "Incident"
        },
        b.id,
        b.title,
        b.state.as_str().replace('_', " ")
    );
    say!("Disruption began {}", time(Some(b.disrupted_at)));
    for p in &b.plans {
        say!(
            "Plan: \u{201c}{}\u{201d} version {}, SHA-256 {}; invoked {} by {}, {}",
            p.title,
            p.version,
            p.sha256,
            time(Some(p.invoked_at)),
            p.invoker,
            p.authority.describe()
        );
    }
    say!("");
    say!("Activities:");
    for a in &b.activities {
        let left = |m: Option<i64>| m.map_or_else(|| "-".to_owned(), span);
        let target = |d: Option<keel::domain::Duration>| Duration::text_or(d, "-");
        match a.achieved_rto_min {
            Some(achieved) => say!(
                "  P{} {}: {} (back at its minimum level after {} against an RTO of {}; RPO {} against {})",
                a.priority,
                a.name,
                a.status.label(),
                span(achieved),
                target(a.rto_min),
                left(a.achieved_rpo_min),
                target(a.rpo_min)
            ),
            None => say!(
                "  P{} {}: {} ({} left to its RTO, {} to its MTPD; {})",
                a.priority,
                a.name,
                a.status.label(),
                left(a.rto_left_min),
                left(a.mtpd_left_min),
                a.predicted_why
            ),
        }
    }
    for p in &b.plans {
        say!("");
        say!("Call tree:");
        for c in &p.calls {
            say!(
                "  {}: {}{}",
                c.callee,
                c.outcome.map_or("not called yet", CallOutcome::as_str),
                c.at.map(|t| format!(" at {}", t.format("%H:%M")))
                    .unwrap_or_default()
            );
        }
        say!("");
        say!("Steps:");
        for s in &p.steps {
            let state = match (s.started_at, s.done_at) {
                (_, Some(_)) => "done",
                (Some(_), None) => "running",
                _ => "not started",
            };
            say!(
                "  {}. {} [{}]{}{}",
                s.number,
                s.title,
                state,
                if s.overrun { " OVERRUN" } else { "" },
                s.out_of_order
                    .as_ref()
                    .map(|w| format!(" {w}"))
                    .unwrap_or_default()
            );
        }
    }
    say!("");
    say!("Log:");
    for e in &b.log {
        say!(
            "  {}. {} {} [{}] {}",
            e.seq,
            time(Some(e.at)),
            e.author,
            e.kind.as_str(),
            e.text
        );
    }
    say!("");
    say!(
        "Chain: {}; hash {}",
        if b.chain_ok {
            "intact"
        } else {
            b.chain.problem.as_str()
        },
        b.chain.head
    );
}
