//! The small pieces a plan's pages are made of: tables, headings, centred lines and
//! bullets, and how times, states and Keel's own characters are printed.

use crate::domain::{Duration, PlanState};
use crate::report::flow::{self, Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::{Align, Span};

/// A duration, or a dash where there is none.
pub(super) fn time(d: Option<Duration>) -> String {
    Duration::text_or(d, "\u{2014}")
}

/// A time as people read it: `2026-11-25 17:18 UTC`.
pub(super) fn when(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Text for the page: characters the shipped fonts lack, but that Keel itself writes
/// (the arrow of a dependency path), become ones they have.
pub(super) fn printable(text: &str) -> String {
    text.replace('\u{2192}', "\u{203a}")
}

pub(super) fn cells(texts: &[&str]) -> Vec<Vec<Span>> {
    texts.iter().map(|t| vec![Span::plain(*t)]).collect()
}

pub(super) fn table(columns: &[f32], header: &[&str], rows: Vec<Vec<String>>) -> Block {
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

pub(super) fn heading(level: u8, text: impl Into<String>, toc: bool) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        toc,
    }
}

pub(super) fn centred(text: impl Into<String>, size: f32, style: Style, space_after: f32) -> Block {
    Block::Paragraph {
        spans: vec![Span::styled(text, style)],
        size,
        align: Align::Center,
        indent: 0.0,
        marker: None,
        space_after,
    }
}

pub(super) fn bullet(spans: Vec<Span>) -> Block {
    Block::Paragraph {
        spans,
        size: flow::BODY_SIZE,
        align: Align::Left,
        indent: 16.0,
        marker: Some("\u{2022}".into()),
        space_after: 2.0,
    }
}

pub(super) fn state_label(state: PlanState) -> &'static str {
    match state {
        PlanState::Draft => "Draft",
        PlanState::InReview => "In review",
        PlanState::Approved => "Approved",
        PlanState::Superseded => "Superseded",
    }
}
