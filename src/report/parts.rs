//! The small pieces a document's pages are made of (a plan's, an after-action or
//! post-exercise report's): tables, headings, centred lines and bullets, and how
//! durations, times and Keel's own characters are printed.

use crate::domain::Duration;
use crate::report::flow::{self, Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::{Align, Span};

pub(crate) const DASH: &str = "\u{2014}";

/// A duration, or a dash where there is none.
pub(crate) fn time(d: Option<Duration>) -> String {
    Duration::text_or(d, "\u{2014}")
}

/// A time as people read it: `2026-11-25 17:18 UTC`.
pub(crate) fn when(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A time in a table: `30 Nov 06:40` (the report says every time is UTC).
pub(crate) fn short(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%d %b %H:%M").to_string()
}

/// `1 entry`, `24 entries`.
pub(crate) fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".into()
    } else {
        format!("{n} entries")
    }
}

/// Text for the page: characters the shipped fonts lack, but that Keel itself writes
/// (the arrow of a dependency path), become ones they have.
pub(crate) fn printable(text: &str) -> String {
    text.replace('\u{2192}', "\u{203a}")
}

pub(crate) fn cells(texts: &[&str]) -> Vec<Vec<Span>> {
    texts.iter().map(|t| vec![Span::plain(*t)]).collect()
}

pub(crate) fn table(columns: &[f32], header: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns: columns.to_vec(),
        header: cells(header),
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(|t| vec![Span::plain(t)]).collect())
            .collect(),
        size: 8.5,
        min_row_height: 0.0,
    })
}

/// A table of names (in bold) and values, with no header: a document-control table.
pub(crate) fn key_values(rows: Vec<(&str, String)>) -> Block {
    Block::Table(Table {
        columns: vec![1.4, 4.0],
        header: Vec::new(),
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![vec![Span::styled(k, Style::Bold)], vec![Span::plain(v)]])
            .collect(),
        size: 9.0,
        min_row_height: 0.0,
    })
}

pub(crate) fn heading(level: u8, text: impl Into<String>, toc: bool) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        toc,
    }
}

pub(crate) fn centred(text: impl Into<String>, size: f32, style: Style, space_after: f32) -> Block {
    Block::Paragraph {
        spans: vec![Span::styled(text, style)],
        size,
        align: Align::Center,
        indent: 0.0,
        marker: None,
        space_after,
    }
}

/// The start of a document's title page: the organisation, the title, what kind of
/// document it is, and the line that says which one and in what state.
pub(crate) fn title_page_start(
    organisation: &str,
    title: &str,
    kind: &str,
    which: String,
) -> [Block; 5] {
    [
        Block::Space(150.0),
        centred(organisation.to_owned(), 14.0, Style::Regular, 14.0),
        centred(title.to_owned(), 24.0, Style::Bold, 10.0),
        centred(kind.to_owned(), 11.0, Style::Italic, 40.0),
        centred(which, 13.0, Style::Bold, 8.0),
    ]
}

/// The end of a report's title page: when it was exported, its classification, and the
/// page break after them.
pub(crate) fn title_page_end(
    exported_at: &chrono::DateTime<chrono::Utc>,
    classification: &str,
) -> [Block; 3] {
    [
        centred(
            format!("Exported {}", exported_at.format("%Y-%m-%d")),
            10.0,
            Style::Regular,
            4.0,
        ),
        centred(
            format!("Classification: {classification}"),
            10.0,
            Style::Regular,
            4.0,
        ),
        Block::PageBreak,
    ]
}

pub(crate) fn bullet(spans: Vec<Span>) -> Block {
    Block::Paragraph {
        spans,
        size: flow::BODY_SIZE,
        align: Align::Left,
        indent: 16.0,
        marker: Some("\u{2022}".into()),
        space_after: 2.0,
    }
}
