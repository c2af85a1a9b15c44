//! The back of an after-action report: the timeline, every entry of the decision log
//! with corrections shown as such. The log's integrity follows it (`response`).

use super::model::IncidentReport;
use crate::report::flow::{Block, Table};
use crate::report::paragraph::Span;
use crate::report::parts::{cells, heading, short};
use crate::report::response::tables::entry_cell;

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
                    entry_cell(e, &r.response.chain),
                ]
            })
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    }));
}
