//! A written section on its own as a PDF: Markdown → layout blocks → pages → PDF bytes,
//! with no plan around it and no store. The path a plan's written sections take, for
//! fuzzing and for tests of layout on hostile text.

use std::time::Instant;

use super::display::DocInfo;
use super::flow::{self, Flowed, Frame};
use super::markdown;
use super::pdf::{Exported, write_pages};
use crate::Result;

fn frame() -> Frame {
    Frame {
        header_left: "Keel".into(),
        header_right: "Section".into(),
        footer: "Page {page} of {pages}".into(),
        draft_mark: None,
        skip_first: false,
    }
}

/// Lays `markdown` out on A4 pages as a plan's written section is laid out.
pub fn section_layout(markdown: &str) -> Flowed {
    flow::flow(&markdown::blocks(markdown), &frame())
}

/// `markdown` as a finished PDF. The same text always gives the same bytes.
pub fn section_pdf(markdown: &str) -> Result<Exported> {
    let started = Instant::now();
    let flowed = section_layout(markdown);
    if flowed.overflowed {
        return Err(flow::too_long("The section"));
    }
    write_pages(
        flowed,
        DocInfo {
            title: "Section".into(),
            author: "Keel".into(),
            // 2026-01-01T00:00:00Z.
            created: chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default(),
            ..Default::default()
        },
        started,
    )
}
