//! Pages: blocks (headings, paragraphs, tables, diagrams, a table of contents) flowed
//! onto A4 pages. Headings keep with what follows them, paragraphs leave no single line
//! alone at the foot or head of a page, tables repeat their header row on every page
//! (unless it is too tall to) and split a row taller than a page. The table of contents
//! needs the page numbers of its headings, so the flow runs again until they no longer
//! move, at most `SETTLE_PASSES` times; "Page X of Y" is written once the count is known.
//!
//! Layout ends on any input: every loop draws something or moves to a page with more
//! room on each turn, so the pages are bounded by the blocks, rows and lines
//! (`termination` states the bound and tests it).
//!
//! This file holds the blocks, the passes and the cursor that moves down the pages;
//! what each kind of block draws is in the file named after it (`text`, `table`,
//! `diagram`, `contents`), and the running header, footer and draft mark in `frame`.

use std::collections::HashMap;

mod contents;
mod diagram;
mod frame;
mod table;
#[cfg(test)]
pub(crate) mod termination;
mod text;

pub use diagram::Diagram;
pub use frame::Frame;
pub use table::Table;

use super::display::{OutlineEntry, Page};
use super::paragraph::{Align, Line, Span, break_lines};

pub const A4: (f32, f32) = (595.28, 841.89);
const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 72.0;
const MARGIN_BOTTOM: f32 = 70.0;
pub const BODY_SIZE: f32 = 10.0;
const LEADING: f32 = 1.38;
const CELL_PAD: f32 = 3.5;
/// Flows after the first, at most, to settle the page numbers in the contents.
const SETTLE_PASSES: usize = 3;
/// A list indents no further than this, however deep it is nested, so that its text
/// keeps most of the line.
const MAX_INDENT: f32 = 128.0;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; `toc` ones are bookmarks in the outline, and those of levels 1 and 2
    /// are listed in the table of contents too.
    Heading {
        level: u8,
        text: String,
        toc: bool,
    },
    Paragraph {
        spans: Vec<Span>,
        size: f32,
        align: Align,
        /// Left indent in points (lists), with an optional marker hung in it.
        indent: f32,
        marker: Option<String>,
        space_after: f32,
    },
    Table(Table),
    Diagram(Diagram),
    /// The table of contents: one line per `toc` heading with its page number.
    Contents,
    Space(f32),
    PageBreak,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block::para(vec![Span::plain(text)])
    }

    pub fn para(spans: Vec<Span>) -> Block {
        Block::Paragraph {
            spans,
            size: BODY_SIZE,
            align: Align::Justify,
            indent: 0.0,
            marker: None,
            space_after: 6.0,
        }
    }
}

pub struct Flowed {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub missing: Vec<char>,
    /// The document ran past `MAX_PAGES`: the pages after that were laid out on one
    /// reused page and not kept, so the document is incomplete and must not be written.
    pub overflowed: bool,
}

/// No document is longer than this. Ten thousand table rows take about 300 pages; past
/// this, a written section holds something no reader wants on paper (a long cell in a
/// column a few points wide takes a page for every few characters), and keeping every
/// page would take gigabytes of memory (3,757 pages took 2.3 GB in a debug build).
pub const MAX_PAGES: usize = 2_000;

/// What to tell someone whose document ran past `MAX_PAGES`.
pub fn too_long(what: &str) -> crate::Error {
    crate::Error::Conflict(format!(
        "{what} would run past {MAX_PAGES} pages, which Keel does not export. A written \
         section probably holds a very long table or text (a long cell in a table of many \
         columns takes a page for every few characters): shorten it and export again."
    ))
}

/// Lays out `blocks` on A4 pages; see the module note.
pub fn flow(blocks: &[Block], frame: &Frame) -> Flowed {
    flow_at_most(blocks, frame, MAX_PAGES)
}

fn flow_at_most(blocks: &[Block], frame: &Frame, max_pages: usize) -> Flowed {
    let mut numbers: HashMap<usize, (usize, u32)> = HashMap::new();
    let mut result = Flow::run(blocks, &numbers, max_pages);
    // Without a table of contents no page number is printed in the body: one pass.
    let passes = if blocks.iter().any(|b| matches!(b, Block::Contents)) {
        SETTLE_PASSES
    } else {
        0
    };
    // The table of contents has the same height whatever its numbers say (one line per
    // entry), so a second pass settles; the others guard against a number growing a
    // digit. The count is fixed, so the flow ends even if the numbers never settled.
    for _ in 0..passes {
        if result.overflowed {
            break;
        }
        let found: HashMap<usize, (usize, u32)> = result
            .headings
            .iter()
            .map(|h| (h.0, (h.1, h.2.round() as u32)))
            .collect();
        if found == numbers {
            break;
        }
        numbers = found;
        result = Flow::run(blocks, &numbers, max_pages);
    }
    let mut pages = result.pages;
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        if frame.skip_first && i == 0 {
            continue;
        }
        frame::decorate(page, frame, i + 1, total, &mut result.missing);
    }
    let mut missing = result.missing;
    missing.sort_unstable();
    missing.dedup();
    Flowed {
        pages,
        outline: result.outline,
        missing,
        overflowed: result.overflowed,
    }
}

struct Flow<'a> {
    pages: Vec<Page>,
    y: f32,
    outline: Vec<OutlineEntry>,
    /// (block index, page, y, title, level) of every `toc` heading.
    headings: Vec<(usize, usize, f32, String, u8)>,
    /// Where each `toc` heading landed in the previous pass: (page, y).
    numbers: &'a HashMap<usize, (usize, u32)>,
    missing: Vec<char>,
    max_pages: usize,
    overflowed: bool,
}

impl<'a> Flow<'a> {
    fn run(
        blocks: &[Block],
        numbers: &'a HashMap<usize, (usize, u32)>,
        max_pages: usize,
    ) -> Flow<'a> {
        let mut flow = Flow {
            pages: vec![Page::default()],
            y: MARGIN_TOP,
            outline: Vec::new(),
            headings: Vec::new(),
            numbers,
            missing: Vec::new(),
            max_pages,
            overflowed: false,
        };
        let toc: Vec<(usize, String, u8)> = blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b {
                // Deeper headings are bookmarks only; empty ones are not drawn at all.
                Block::Heading {
                    level,
                    text,
                    toc: true,
                } if *level <= 2 && !text.trim().is_empty() => Some((i, text.clone(), *level)),
                _ => None,
            })
            .collect();
        for (i, block) in blocks.iter().enumerate() {
            flow.block(i, block, &toc);
        }
        flow
    }

    /// The current page's width and height.
    fn size(&self) -> (f32, f32) {
        match self.pages.last() {
            Some(page) if page.landscape => (A4.1, A4.0),
            _ => A4,
        }
    }

    fn content_width(&self) -> f32 {
        self.size().0 - 2.0 * MARGIN_X
    }

    fn bottom(&self) -> f32 {
        self.size().1 - MARGIN_BOTTOM
    }

    fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    // The flow starts with a page and only ever adds pages.
    #[allow(clippy::expect_used)]
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("always a page")
    }

    fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn new_page(&mut self) {
        self.y = MARGIN_TOP;
        if self.pages.len() >= self.max_pages {
            // Past the limit: the rest is laid out (every loop ends as it always does) on
            // the last page, cleared each time, so that memory stays bounded; the caller
            // refuses the document.
            self.overflowed = true;
            *self.page() = Page::default();
            return;
        }
        self.pages.push(Page::default());
    }

    fn at_top(&self) -> bool {
        (self.y - MARGIN_TOP).abs() < 0.01
    }

    fn lines(&mut self, spans: &[Span], size: f32, max_width: f32) -> Vec<Line> {
        break_lines(spans, size, max_width, &mut self.missing)
    }
    fn block(&mut self, index: usize, block: &Block, toc: &[(usize, String, u8)]) {
        match block {
            Block::Heading {
                level,
                text,
                toc: listed,
            } => self.heading(index, *level, text, *listed),
            Block::Paragraph {
                spans,
                size,
                align: how,
                indent,
                marker,
                space_after,
            } => self.paragraph(spans, *size, *how, *indent, marker.as_deref(), *space_after),
            Block::Table(table) => self.table(table),
            Block::Diagram(diagram) => self.diagram(diagram),
            Block::Contents => self.contents(toc),
            Block::Space(h) => {
                if !self.at_top() {
                    self.y = (self.y + h).min(self.bottom());
                }
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }
}

/// What the tests of the flow share: a page frame with a running footer, and a page's
/// text read back.
#[cfg(test)]
mod testing {
    use super::*;
    use crate::report::display::Item;

    pub(super) fn frame() -> Frame {
        Frame {
            header_left: "Acme".into(),
            header_right: "Plan".into(),
            footer: "Page {page} of {pages}".into(),
            draft_mark: None,
            skip_first: false,
        }
    }

    pub(super) fn page_text(page: &Page) -> String {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { glyphs, .. } => {
                    Some(glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}
