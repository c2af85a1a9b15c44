//! What the exercise came to besides the shared tables of the response: each resource
//! restored against what is recorded for it (and whether that demonstrated it), the hot
//! debrief (strengths, weaknesses, findings), the actions raised, and the log.

use super::front::paragraphs;
use super::model::{ExerciseReport, RestoredLine};
use super::{offset, t_plus};
use crate::domain::{Finding, capitalised};
use crate::event::assessment::span;
use crate::report::flow::{Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::Span;
use crate::report::parts::{DASH, cells, heading, printable, short, time};
use crate::report::response::tables::entry_cell;

fn achieved_rtc(x: &RestoredLine) -> Vec<Span> {
    let mut cell = vec![Span::plain(span(x.achieved_rtc_min))];
    if x.slower_than_recorded() {
        cell.push(Span::styled("\nslower than recorded", Style::Bold));
    }
    cell
}

fn achieved_rpc(x: &RestoredLine) -> Vec<Span> {
    match (x.achieved_rpc_min, x.restore_point) {
        (Some(lost), Some(point)) => {
            let mut cell = vec![Span::plain(format!(
                "{}\nrestored to {}",
                span(lost),
                short(&point)
            ))];
            if x.more_lost_than_recorded() {
                cell.push(Span::styled("\nmore than recorded", Style::Bold));
            }
            cell
        }
        _ => vec![Span::plain("no restore point recorded")],
    }
}

fn recorded(x: &RestoredLine) -> String {
    let r = &x.recorded;
    if r.rtc.is_none() && r.rpc.is_none() {
        return "none recorded".into();
    }
    format!(
        "RTC {}\nRPC {}{}",
        time(r.rtc),
        time(r.rpc),
        r.evidence
            .map(|e| format!("\ngraded {}", e.as_str()))
            .unwrap_or_default()
    )
}

/// Each resource restored: when, the RTC and RPC achieved against those recorded, and
/// the demonstration it made.
pub(super) fn restored(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(heading(2, "Resources restored", true));
    if r.restored.is_empty() {
        out.push(Block::text("No resource was recorded as restored."));
        return;
    }
    out.push(Block::text(
        "Achieved RTC is the time from T+0 until the resource was restored; achieved RPC is the data lost, from the point it was restored to until T+0. Each is set against the capability recorded for the resource.",
    ));
    out.push(Block::Table(Table {
        columns: vec![1.8, 1.2, 1.15, 1.55, 1.5, 1.7],
        header: cells(&[
            "Resource",
            "Restored",
            "Achieved RTC",
            "Achieved RPC",
            "Recorded",
            "Evidence",
        ]),
        rows: r
            .restored
            .iter()
            .map(|x| {
                vec![
                    vec![Span::styled(x.resource.clone(), Style::Bold)],
                    vec![Span::plain(format!(
                        "{}\n{}",
                        short(&x.at),
                        t_plus(r.start, x.at)
                    ))],
                    achieved_rtc(x),
                    achieved_rpc(x),
                    vec![Span::plain(recorded(x))],
                    vec![Span::plain(match x.demonstrated_until {
                        Some(until) => format!("demonstrated; counts until {until}"),
                        None => "not demonstrated".into(),
                    })],
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
    out.push(Block::text(if r.demonstrates {
        format!(
            "A restoration in a {} demonstrates the resource's recovery capability with the values achieved; the demonstration counts for {} months (the engagement's review settings), after which the capability falls back to the grade recorded.",
            r.kind.label(),
            r.validity_months
        )
    } else {
        format!(
            "A {} demonstrates no recovery capability: only a walkthrough, a parallel test or a full interruption test restores for real.",
            r.kind.label()
        )
    }));
}

fn about(f: &Finding) -> String {
    f.about.as_ref().map_or_else(
        || DASH.to_owned(),
        |a| format!("{}: {}", capitalised(a.type_str()), a.name()),
    )
}

/// The hot debrief: strengths, weaknesses and the findings.
pub(super) fn debrief(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(1, "7. Debrief", true));
    for (title, text) in [("Strengths", &r.strengths), ("Weaknesses", &r.weaknesses)] {
        out.push(heading(2, title, false));
        let written = paragraphs(text);
        if written.is_empty() {
            out.push(Block::text("None recorded."));
        }
        out.extend(written);
    }
    out.push(heading(2, "Findings", true));
    if r.findings.is_empty() {
        out.push(Block::text("The debrief recorded no finding."));
        return;
    }
    out.push(Block::Table(Table {
        columns: vec![0.5, 1.0, 1.3, 2.2, 4.0],
        header: cells(&["#", "Severity", "Category", "About", "Finding"]),
        rows: r
            .findings
            .iter()
            .map(|f| {
                let severity = f.severity.as_str();
                vec![
                    vec![Span::plain(f.id.to_string())],
                    vec![if f.severity >= crate::domain::Severity::High {
                        Span::styled(severity, Style::Bold)
                    } else {
                        Span::plain(severity)
                    }],
                    vec![Span::plain(f.category.as_str())],
                    vec![Span::plain(about(f))],
                    vec![Span::plain(printable(&f.text))],
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}

/// The actions raised from the findings: owner, due date, status.
pub(super) fn actions(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(heading(1, "8. Actions raised", true));
    if r.actions.is_empty() {
        out.push(Block::text(
            "No action has been raised from this exercise's findings yet.",
        ));
        return;
    }
    out.push(Block::Table(Table {
        columns: vec![4.0, 0.9, 1.8, 1.1, 1.2],
        header: cells(&["Action", "Finding", "Owner", "Due", "Status"]),
        rows: r
            .actions
            .iter()
            .map(|a| {
                vec![
                    vec![Span::plain(printable(&a.title))],
                    vec![Span::plain(
                        a.finding_id
                            .map_or_else(|| DASH.to_owned(), |id| id.to_string()),
                    )],
                    vec![Span::plain(if a.owner.is_empty() {
                        DASH.to_owned()
                    } else {
                        a.owner.clone()
                    })],
                    vec![Span::plain(
                        a.due.map_or_else(|| DASH.to_owned(), |d| d.to_string()),
                    )],
                    vec![Span::plain(a.status.clone())],
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}

/// The log in brief: each entry's time, its time in the exercise, author and kind, words.
pub(super) fn log(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(1, "9. Log", true));
    out.push(Block::text(
        "Every entry of the exercise's log, as written, with its time in the exercise. Entries are never changed or removed: a correction is a later entry that names the one it corrects, and a rating or restoration corrected is withdrawn.",
    ));
    out.push(Block::Table(Table {
        columns: vec![0.4, 1.15, 0.95, 1.5, 5.0],
        header: cells(&["#", "Written", "T+", "Author, kind", "Entry"]),
        rows: r
            .log
            .iter()
            .map(|l| {
                vec![
                    vec![Span::plain(l.entry.seq.to_string())],
                    vec![Span::plain(short(&l.entry.at))],
                    vec![Span::plain(offset(l.offset_min))],
                    vec![
                        Span::plain(format!("{}\n", l.entry.author)),
                        Span::styled(l.entry.kind.as_str(), Style::Italic),
                    ],
                    entry_cell(&l.entry, &r.response.chain),
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}
