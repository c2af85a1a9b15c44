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

use std::collections::HashMap;

mod table;
#[cfg(test)]
pub(crate) mod termination;

use super::display::{Item, LinkTarget, OutlineEntry, Page};
use super::fonts::{Glyph, Style, fonts, width};
use super::paragraph::{Align, Line, Span, align, break_lines};

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

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Relative column widths.
    pub columns: Vec<f32>,
    pub header: Vec<Vec<Span>>,
    pub rows: Vec<Vec<Vec<Span>>>,
    pub size: f32,
    /// At least this tall (e.g. room for a wet signature).
    pub min_row_height: f32,
}

/// Boxes and the needs between them, in the core's layout units.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// Drawn above the picture, and kept on its page.
    pub title: String,
    /// Drawn below the picture (a legend), and kept on its page.
    pub caption: String,
    pub width: f32,
    pub height: f32,
    pub node_width: f32,
    pub node_height: f32,
    /// (x, y, name, second line, grey fill, dashed border)
    pub nodes: Vec<(f32, f32, String, String, f32, bool)>,
    /// (from, to, alternative)
    pub edges: Vec<(usize, usize, bool)>,
}

/// What the page frame shows: running header and footer, and a draft mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub header_left: String,
    pub header_right: String,
    /// `{page}` and `{pages}` are replaced.
    pub footer: String,
    pub draft_mark: Option<String>,
    /// The first page (the title page) has no frame.
    pub skip_first: bool,
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
        decorate(page, frame, i + 1, total, &mut result.missing);
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

/// Glyphs one after the other from 0, each at the end of the one before.
fn in_a_row(glyphs: Vec<Glyph>) -> Vec<(f32, Glyph)> {
    let mut pos = 0.0;
    glyphs
        .into_iter()
        .map(|g| {
            let at = pos;
            pos += g.advance;
            (at, g)
        })
        .collect()
}

fn text_item(x: f32, baseline: f32, size: f32, glyphs: Vec<(f32, Glyph)>, grey: f32) -> Vec<Item> {
    // One item per run of one face; advances follow the positions (justification).
    let mut items = Vec::new();
    let mut run: Vec<(f32, Glyph)> = Vec::new();
    let flush = |run: &mut Vec<(f32, Glyph)>, items: &mut Vec<Item>| {
        if run.is_empty() {
            return;
        }
        let start = run[0].0;
        let style = run[0].1.style;
        let mut glyphs = Vec::with_capacity(run.len());
        for k in 0..run.len() {
            let mut g = run[k].1.clone();
            if let Some(next) = run.get(k + 1) {
                g.advance = next.0 - run[k].0;
            }
            glyphs.push(g);
        }
        items.push(Item::Text {
            x: x + start,
            baseline,
            size,
            style,
            grey,
            glyphs,
        });
        run.clear();
    };
    for (gx, g) in glyphs {
        if run.last().is_some_and(|(_, last)| last.style != g.style) {
            flush(&mut run, &mut items);
        }
        run.push((gx, g));
    }
    flush(&mut run, &mut items);
    items
}

fn decorate(page: &mut Page, frame: &Frame, number: usize, total: usize, missing: &mut Vec<char>) {
    let (w, h) = if page.landscape { (A4.1, A4.0) } else { A4 };
    let small = 8.0;
    let mut line =
        |text: &str, x: f32, baseline: f32, right: bool, size: f32, style: Style, grey: f32| {
            let (glyphs, lost) = fonts().shape(text, style, size);
            missing.extend(lost);
            let x = if right { x - width(&glyphs) } else { x };
            text_item(x, baseline, size, in_a_row(glyphs), grey)
        };
    let mut items = Vec::new();
    items.extend(line(
        &frame.header_left,
        MARGIN_X,
        40.0,
        false,
        small,
        Style::Regular,
        0.35,
    ));
    items.extend(line(
        &frame.header_right,
        w - MARGIN_X,
        40.0,
        true,
        small,
        Style::Regular,
        0.35,
    ));
    items.push(Item::Line {
        from: (MARGIN_X, 46.0),
        to: (w - MARGIN_X, 46.0),
        width: 0.4,
        grey: 0.6,
        dashed: false,
    });
    let footer = frame
        .footer
        .replace("{page}", &number.to_string())
        .replace("{pages}", &total.to_string());
    items.push(Item::Line {
        from: (MARGIN_X, h - 48.0),
        to: (w - MARGIN_X, h - 48.0),
        width: 0.4,
        grey: 0.6,
        dashed: false,
    });
    items.extend(line(
        &footer,
        w / 2.0 - width(&fonts().shape(&footer, Style::Regular, small).0) / 2.0,
        h - 36.0,
        false,
        small,
        Style::Regular,
        0.35,
    ));
    if let Some(mark) = &frame.draft_mark {
        let size = 11.0;
        let text_width = width(&fonts().shape(mark, Style::Bold, size).0);
        items.push(Item::Rect {
            x: w / 2.0 - text_width / 2.0 - 8.0,
            y: 50.0,
            w: text_width + 16.0,
            h: 17.0,
            fill: None,
            stroke: Some(0.0),
        });
        items.extend(line(
            mark,
            w / 2.0 - text_width / 2.0,
            62.5,
            false,
            size,
            Style::Bold,
            0.0,
        ));
    }
    page.items.extend(items);
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

    /// Draws `line` with its top at the cursor; links become link areas.
    fn draw_line(&mut self, line: Line, x: f32, size: f32) {
        let leading = size * LEADING;
        let baseline = self.y + fonts().ascent(size) + (leading - size * 1.07) / 2.0;
        let links: Vec<(f32, f32, String)> = line.links.clone();
        let items = text_item(x, baseline, size, line.glyphs, 0.0);
        let top = self.y;
        self.page().items.extend(items);
        for (lx, lw, uri) in links {
            self.page().items.push(Item::Link {
                x: x + lx,
                y: top,
                w: lw,
                h: leading,
                target: LinkTarget::Uri(uri),
            });
        }
        self.y += leading;
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

    fn heading(&mut self, index: usize, level: u8, text: &str, listed: bool) {
        if text.trim().is_empty() {
            // Nothing to show or to list (`#` alone in Markdown): no space, no bookmark.
            return;
        }
        let (size, before, after) = match level {
            1 => (17.0, 18.0, 8.0),
            2 => (13.0, 12.0, 5.0),
            _ => (11.0, 8.0, 3.0),
        };
        let lines = self.lines(
            &[Span::styled(text, Style::Bold)],
            size,
            self.content_width(),
        );
        let height = before + lines.len() as f32 * size * LEADING + after;
        // Keep with next: the heading and three lines of what follows.
        if self.room() < height + 3.0 * BODY_SIZE * LEADING && !self.at_top() {
            self.new_page();
        }
        if !self.at_top() {
            self.y += before;
        }
        let top = self.y;
        let page = self.page_index();
        for line in lines {
            // A heading longer than a page (a paragraph typed as one) goes on over.
            if self.room() < size * LEADING && !self.at_top() {
                self.new_page();
            }
            self.draw_line(line, MARGIN_X, size);
        }
        self.y += after;
        if listed {
            self.outline.push(OutlineEntry {
                title: text.to_owned(),
                level: level.saturating_sub(1),
                page,
                y: top,
            });
            self.headings
                .push((index, page, top, text.to_owned(), level));
        }
    }

    fn paragraph(
        &mut self,
        spans: &[Span],
        size: f32,
        how: Align,
        indent: f32,
        marker: Option<&str>,
        space_after: f32,
    ) {
        let indent = if indent.is_finite() {
            indent.clamp(0.0, MAX_INDENT)
        } else {
            0.0
        };
        let max_width = self.content_width() - indent;
        let mut lines = self.lines(spans, size, max_width);
        align(&mut lines, max_width, how);
        let leading = size * LEADING;
        let mut first = true;
        let mut rest = lines.as_slice();
        while !rest.is_empty() {
            let fit = (self.room() / leading).floor().max(0.0) as usize;
            let mut take = fit.min(rest.len());
            if take < rest.len() {
                // No orphan at the foot, no widow at the head of the next page.
                if rest.len() - take < 2 {
                    take = rest.len().saturating_sub(2);
                }
                if take < 2 {
                    take = 0;
                }
            }
            if take == 0 {
                if self.at_top() {
                    take = fit.max(1).min(rest.len());
                } else {
                    self.new_page();
                    continue;
                }
            }
            for line in &rest[..take] {
                if first && let Some(marker) = marker {
                    let (glyphs, lost) = fonts().shape(marker, Style::Regular, size);
                    self.missing.extend(lost);
                    let baseline = self.y + fonts().ascent(size) + (leading - size * 1.07) / 2.0;
                    let items = text_item(
                        MARGIN_X + indent - 11.0,
                        baseline,
                        size,
                        in_a_row(glyphs),
                        0.0,
                    );
                    self.page().items.extend(items);
                }
                first = false;
                self.draw_line(line.clone(), MARGIN_X + indent, size);
            }
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
        self.y += space_after;
    }

    fn contents(&mut self, toc: &[(usize, String, u8)]) {
        if toc.is_empty() {
            // Nothing to list: no space either, so that no page is left blank.
            return;
        }
        let size = BODY_SIZE;
        let leading = size * LEADING * 1.15;
        for (index, title, level) in toc {
            if self.room() < leading {
                self.new_page();
            }
            let target = self.numbers.get(index).copied();
            let number = target
                .map(|(p, _)| (p + 1).to_string())
                .unwrap_or_else(|| "0".into());
            let indent = f32::from(level.saturating_sub(1)) * 14.0;
            let style = if *level <= 1 {
                Style::Bold
            } else {
                Style::Regular
            };
            let (num_glyphs, lost) = fonts().shape(&number, Style::Regular, size);
            self.missing.extend(lost);
            let num_width = width(&num_glyphs);
            let max_title = self.content_width() - indent - num_width - 24.0;
            let mut lines = self.lines(&[Span::styled(title.clone(), style)], size, max_title);
            lines.truncate(1);
            let title_line = lines.pop().unwrap_or_default();
            let title_end = MARGIN_X + indent + title_line.width;
            let top = self.y;
            let baseline = self.y + fonts().ascent(size) + (leading - size * 1.07) / 2.0;
            let items = text_item(MARGIN_X + indent, baseline, size, title_line.glyphs, 0.0);
            self.page().items.extend(items);
            let right = self.size().0 - MARGIN_X;
            let items = text_item(right - num_width, baseline, size, in_a_row(num_glyphs), 0.0);
            self.page().items.extend(items);
            // Dotted leader between the title and its number.
            self.page().items.push(Item::Line {
                from: (title_end + 6.0, baseline),
                to: (right - num_width - 6.0, baseline),
                width: 0.6,
                grey: 0.55,
                dashed: true,
            });
            if let Some((page, y)) = target {
                let y = y as f32;
                self.page().items.push(Item::Link {
                    x: MARGIN_X + indent,
                    y: top,
                    w: right - MARGIN_X - indent,
                    h: leading,
                    target: LinkTarget::Page { page, y },
                });
            }
            self.y += leading;
        }
        self.y += 8.0;
    }

    fn diagram(&mut self, d: &Diagram) {
        if d.nodes.is_empty() {
            return;
        }
        // A wide diagram that would shrink below half size gets a page on its side.
        let portrait =
            (self.content_width() / d.width).min((self.bottom() - MARGIN_TOP) / d.height);
        if portrait < 0.5 && d.width > d.height {
            if !self.at_top() {
                self.new_page();
            }
            self.page().landscape = true;
            self.diagram_here(d);
            self.new_page();
            return;
        }
        self.diagram_here(d);
    }

    fn diagram_here(&mut self, d: &Diagram) {
        let title = self.lines(
            &[Span::styled(d.title.clone(), Style::Bold)],
            11.0,
            self.content_width(),
        );
        let caption = self.lines(&[Span::plain(d.caption.clone())], 9.0, self.content_width());
        let words =
            title.len() as f32 * 11.0 * LEADING + 6.0 + caption.len() as f32 * 9.0 * LEADING + 6.0;
        let max_h = self.bottom() - MARGIN_TOP - words;
        let scale = (self.content_width() / d.width)
            .min(max_h / d.height)
            .min(1.0);
        let h = d.height * scale;
        if self.room() < h + words {
            self.new_page();
        }
        for line in title {
            self.draw_line(line, MARGIN_X, 11.0);
        }
        self.y += 6.0;
        let (ox, oy) = (MARGIN_X, self.y);
        let at = |x: f32, y: f32| (ox + x * scale, oy + y * scale);
        let (nw, nh) = (d.node_width, d.node_height);
        for &(from, to, alternative) in &d.edges {
            let (Some(a), Some(b)) = (d.nodes.get(from), d.nodes.get(to)) else {
                continue;
            };
            let points = if b.0 >= a.0 + nw {
                let (x1, y1, x2, y2) = (a.0 + nw, a.1 + nh / 2.0, b.0, b.1 + nh / 2.0);
                let bend = ((x2 - x1) / 2.0).max(40.0);
                [at(x1, y1), at(x1 + bend, y1), at(x2 - bend, y2), at(x2, y2)]
            } else {
                let (x1, y1, x2, y2) = (a.0, a.1 + nh / 2.0, b.0, b.1 + nh / 2.0);
                let reach = (x1.min(x2) - 30.0).max(0.0);
                [at(x1, y1), at(reach, y1), at(reach, y2), at(x2, y2)]
            };
            self.page().items.push(Item::Curve {
                points,
                width: 0.7,
                grey: 0.45,
                dashed: alternative,
            });
        }
        // Two lines of text inside each box, sized to the box.
        let size = nh * scale * 0.3;
        for (x, y, name, second, fill, dashed) in &d.nodes {
            let (px, py) = at(*x, *y);
            self.page().items.push(Item::Rect {
                x: px,
                y: py,
                w: nw * scale,
                h: nh * scale,
                fill: Some(*fill),
                stroke: if *dashed { Some(0.5) } else { Some(0.15) },
            });
            for (k, (text, style)) in [(name, Style::Bold), (second, Style::Regular)]
                .into_iter()
                .enumerate()
            {
                let pad = nw * scale * 0.04;
                let mut lines = self.lines(
                    &[Span::styled(text.clone(), style)],
                    size,
                    nw * scale - 2.0 * pad,
                );
                lines.truncate(1);
                if let Some(line) = lines.pop() {
                    let baseline = py + nh * scale * (0.42 + 0.38 * k as f32);
                    let items = text_item(px + pad, baseline, size, line.glyphs, 0.0);
                    self.page().items.extend(items);
                }
            }
        }
        self.y += h + 6.0;
        for line in caption {
            self.draw_line(line, MARGIN_X, 9.0);
        }
        self.y += 8.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame {
            header_left: "Acme".into(),
            header_right: "Plan".into(),
            footer: "Page {page} of {pages}".into(),
            draft_mark: None,
            skip_first: false,
        }
    }

    fn page_text(page: &Page) -> String {
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

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let table = Table {
            columns: vec![1.0, 3.0],
            header: vec![vec![Span::plain("Step")], vec![Span::plain("Action")]],
            rows: (1..=120)
                .map(|i| {
                    vec![
                        vec![Span::plain(i.to_string())],
                        vec![Span::plain(format!("Do thing {i}"))],
                    ]
                })
                .collect(),
            size: 9.0,
            min_row_height: 0.0,
        };
        let out = flow(&[Block::Table(table)], &frame());
        assert!(out.pages.len() >= 3);
        for page in &out.pages {
            assert!(
                page_text(page).contains("Step Action"),
                "header on every page"
            );
        }
        assert!(page_text(&out.pages[0]).contains("Page 1 of"));
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let mut blocks = Vec::new();
        for i in 0..40 {
            blocks.push(Block::Heading {
                level: 2,
                text: format!("Heading {i}"),
                toc: true,
            });
            blocks.push(Block::text(
                "A paragraph of text that follows the heading and says something useful about it.",
            ));
        }
        let out = flow(&blocks, &frame());
        for page in &out.pages {
            let texts: Vec<String> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        glyphs, baseline, ..
                    } => Some((
                        glyphs.iter().map(|g| g.text.as_str()).collect::<String>(),
                        *baseline,
                    )),
                    _ => None,
                })
                .filter(|(_, b)| *b < A4.1 - MARGIN_BOTTOM)
                .map(|(t, _)| t)
                .collect();
            let last_body = texts
                .iter()
                .rev()
                .find(|t| !t.starts_with("Page "))
                .cloned()
                .unwrap_or_default();
            assert!(
                !last_body.starts_with("Heading"),
                "a page ends on {last_body}"
            );
        }
    }

    #[test]
    fn contents_carry_the_page_numbers_of_their_headings() {
        let mut blocks = vec![Block::Contents, Block::PageBreak];
        for i in 0..6 {
            blocks.push(Block::Heading {
                level: 1,
                text: format!("Section {i}"),
                toc: true,
            });
            blocks.push(Block::PageBreak);
        }
        let out = flow(&blocks, &frame());
        let contents = page_text(&out.pages[0]);
        for i in 0..6 {
            assert!(contents.contains(&format!("Section {i}")), "{contents}");
        }
        assert!(
            contents.contains("2") && contents.contains("7"),
            "{contents}"
        );
        assert_eq!(out.outline.len(), 6);
        assert_eq!(out.outline[5].page, 6);
        let links = out.pages[0]
            .items
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Item::Link {
                        target: LinkTarget::Page { .. },
                        ..
                    }
                )
            })
            .count();
        assert_eq!(links, 6);
    }

    #[test]
    fn a_wide_diagram_gets_a_page_on_its_side_and_the_text_goes_on_upright() {
        let node =
            |x: f32, name: &str| (x, 20.0, name.to_owned(), "activity".to_owned(), 1.0, false);
        let diagram = Diagram {
            title: "Dependency diagram".into(),
            caption: "Grey: a gap.".into(),
            width: 1900.0,
            height: 300.0,
            node_width: 200.0,
            node_height: 44.0,
            nodes: (0..6)
                .map(|i| node(i as f32 * 310.0, &format!("Node {i}")))
                .collect(),
            edges: vec![(0, 1, false), (1, 2, true)],
        };
        let blocks = [
            Block::text("Before."),
            Block::Diagram(diagram),
            Block::text("After."),
        ];
        let out = flow(&blocks, &frame());
        let sides: Vec<bool> = out.pages.iter().map(|p| p.landscape).collect();
        assert_eq!(sides, [false, true, false]);
        assert!(page_text(&out.pages[1]).contains("Node 5"));
        assert!(
            page_text(&out.pages[1]).contains("Dependency diagram"),
            "the title goes with it"
        );
        assert!(
            page_text(&out.pages[1]).contains("Grey: a gap."),
            "and the legend"
        );
        assert!(page_text(&out.pages[2]).contains("After."));
        let widest = out.pages[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, w, .. } => Some(x + w),
                _ => None,
            })
            .fold(0.0, f32::max);
        assert!(
            widest > A4.0 && widest <= A4.1,
            "drawn across the long side: {widest}"
        );
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_not_lost() {
        let long: String = (0..900).map(|i| format!("word{i} ")).collect();
        let table = Table {
            columns: vec![1.0, 1.0],
            header: vec![vec![Span::plain("A")], vec![Span::plain("B")]],
            rows: vec![vec![vec![Span::plain(long)], vec![Span::plain("short")]]],
            size: 9.0,
            min_row_height: 0.0,
        };
        let out = flow(&[Block::Table(table)], &frame());
        assert!(out.pages.len() >= 2);
        let all: String = out
            .pages
            .iter()
            .map(page_text)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("word0") && all.contains("word899"));
    }
}
