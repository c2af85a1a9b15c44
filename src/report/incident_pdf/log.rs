//! The back of an after-action report: the timeline (every entry of the decision log,
//! corrections shown as such) and the log's integrity (its chain hash, whether the
//! chain verified, and the plan versions checked).

use super::model::{IncidentReport, TimelineEntry};
use super::{entries, short};
use crate::event::ChainCheck;
use crate::report::flow::{Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::Span;
use crate::report::parts::{bullet, cells, heading, key_values, printable};

/// The entry's words: what it corrects first, the text, the rationale, what corrected
/// it, and, at the first entry that breaks the chain, how it does.
fn entry_cell(e: &TimelineEntry, chain: &ChainCheck) -> Vec<Span> {
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

/// Every entry of the log, oldest first.
pub(super) fn timeline(r: &IncidentReport, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(1, "6. Timeline", true));
    out.push(Block::text(
        "Every entry of the decision log, as written. Entries are never changed or removed: a correction is a later entry that names the one it corrects.",
    ));
    out.push(Block::Table(Table {
        columns: vec![0.4, 1.25, 1.3, 1.6, 5.0],
        header: cells(&["#", "Time", "Author", "Kind", "Entry"]),
        rows: r
            .timeline
            .iter()
            .map(|e| {
                vec![
                    vec![Span::plain(e.seq.to_string())],
                    vec![Span::plain(short(&e.at))],
                    vec![Span::plain(e.author.clone())],
                    vec![Span::plain(e.kind.as_str())],
                    entry_cell(e, &r.chain),
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}

/// The chain hash, whether the chain verified, and what else was checked.
pub(super) fn integrity(r: &IncidentReport, out: &mut Vec<Block>) {
    out.push(heading(1, "7. Integrity of the log", true));
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
    out.push(Block::text(format!(
        "Each entry's SHA-256 covers its time, author, kind, words and the hash of the entry before it, so the chain hash, the last entry's, stands for the whole log: a change to any entry changes it. keel incident verify FILE --incident {} recomputes the chain and checks the plan version invoked.",
        r.incident_id
    )));
    if !r.verification.lines.is_empty() {
        out.push(heading(3, "Checked when this report was made", false));
        for line in &r.verification.lines {
            out.push(bullet(vec![Span::plain(line.clone())]));
        }
    }
}
