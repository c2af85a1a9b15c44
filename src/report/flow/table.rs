//! Tables on pages: rows kept whole when they fit on a page, split between lines when
//! they are taller than one, and a header row repeated at the top of every page the
//! table runs onto, unless it is too tall to repeat.
//!
//! Every loop here makes progress on each turn (a row drawn, a line of a row drawn, or
//! a move to a page with more room than the one left), so a table always ends, and
//! always on a number of pages bounded by its rows and lines.

use super::{CELL_PAD, Flow, LEADING, MARGIN_BOTTOM, MARGIN_TOP};
use crate::report::display::Item;
use crate::report::fonts::Style;
use crate::report::paragraph::{Line, Span};

/// A header row repeats on each page only while it is at most this share of a page's
/// usable height. The repeat is there so that a reader on page 7 knows what the
/// columns are; a header taller than this (a paragraph typed into a header cell) would
/// crowd out the rows it labels, and one taller than a whole page could never be
/// followed by a row at all. Such a header is drawn once, shaded, like a row: split
/// between pages if it must be, and not repeated.
const REPEATED_HEADER_SHARE: f32 = 0.25;

const HEADER_SHADE: f32 = 0.9;

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

/// The height of the body of a fresh (portrait) page: every page a table runs onto.
fn page_room() -> f32 {
    super::A4.1 - MARGIN_BOTTOM - MARGIN_TOP
}

/// The columns' widths in points: relative widths as shares of `total`. A weight that
/// is not a positive number counts as none; if none is, the columns share equally.
fn column_widths(columns: &[f32], total: f32) -> Vec<f32> {
    let weights: Vec<f32> = columns
        .iter()
        .map(|c| if c.is_finite() && *c > 0.0 { *c } else { 0.0 })
        .collect();
    let sum: f32 = weights.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        weights.iter().map(|w| w / sum * total).collect()
    } else {
        let n = columns.len().max(1) as f32;
        columns.iter().map(|_| total / n).collect()
    }
}

/// A laid-out row: the lines of each cell.
type Cells = Vec<Vec<Line>>;

/// What a table draws: its column widths, text size and the header that repeats.
struct Grid<'t> {
    widths: Vec<f32>,
    size: f32,
    leading: f32,
    /// The header drawn at the top of every page the table runs onto, with its height.
    running: Option<(&'t Cells, f32)>,
}

impl Grid<'_> {
    fn row_height(&self, cells: &Cells, min: f32) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (lines as f32 * self.leading + 2.0 * CELL_PAD).max(min)
    }

    /// The room a row has on a page the table has just run onto.
    fn fresh_room(&self) -> f32 {
        page_room() - self.running.map_or(0.0, |(_, h)| h)
    }
}

impl Flow<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        let size = table.size;
        let mut grid = Grid {
            widths: column_widths(&table.columns, self.content_width()),
            size,
            leading: size * LEADING,
            running: None,
        };
        let header = self.lay_cells(&table.header, &grid, true);
        let has_header = !header.iter().all(Vec::is_empty);
        let header_height = grid.row_height(&header, 0.0);
        let repeat = has_header && header_height <= page_room() * REPEATED_HEADER_SHARE;
        if repeat {
            grid.running = Some((&header, header_height));
        }
        // A minimum taller than a page could never be met; a page is as tall as it gets.
        let min_row = table.min_row_height.min(grid.fresh_room()).max(0.0);
        let mut rows = table.rows.iter();
        let first = rows.next().map(|r| self.lay_cells(r, &grid, false));

        // Start on a new page unless the header and the first row (or, if that row is
        // taller than a page, its first two lines) fit here: never a header alone.
        let first_height = first
            .as_ref()
            .map_or(0.0, |cells| grid.row_height(cells, min_row));
        let first_need = if first_height <= grid.fresh_room() {
            first_height
        } else {
            2.0 * grid.leading + 2.0 * CELL_PAD
        };
        let need = if repeat { header_height } else { 0.0 } + first_need;
        if self.room() < need && !self.at_top() {
            self.new_page();
        }
        if has_header {
            // A header that repeats fits here (at most a quarter of a page, and room
            // was made for it); one that does not is placed like a row.
            self.place_row(header.clone(), 0.0, Some(HEADER_SHADE), &grid, None);
        }
        if let Some(cells) = first {
            self.place_row(cells, min_row, None, &grid, grid.running);
        }
        for row in rows {
            let cells = self.lay_cells(row, &grid, false);
            self.place_row(cells, min_row, None, &grid, grid.running);
        }
        self.y += 8.0;
    }

    fn lay_cells(&mut self, cells: &[Vec<Span>], grid: &Grid<'_>, bold: bool) -> Cells {
        cells
            .iter()
            .zip(&grid.widths)
            .map(|(spans, w)| {
                let spans: Vec<Span> = if bold {
                    spans
                        .iter()
                        .map(|s| Span {
                            style: Style::Bold,
                            ..s.clone()
                        })
                        .collect()
                } else {
                    spans.clone()
                };
                self.lines(&spans, grid.size, w - 2.0 * CELL_PAD)
            })
            .collect()
    }

    /// Draws a row at the cursor. A row that does not fit moves to a new page if it
    /// fits there; a row taller than a page starts here (if two of its lines fit) and
    /// goes on over as many pages as it needs. `running` is the header drawn at the top
    /// of each new page.
    fn place_row(
        &mut self,
        mut cells: Cells,
        min: f32,
        shade: Option<f32>,
        grid: &Grid<'_>,
        running: Option<(&Cells, f32)>,
    ) {
        let fresh = grid.fresh_room();
        // Each turn draws the row, draws at least one line of each unfinished cell, or
        // moves to a page with more room than here (which can happen only once in a
        // row, as the next turn is then on such a page).
        loop {
            let height = grid.row_height(&cells, min);
            if height <= self.room() {
                self.draw_row(&cells, height, shade, grid);
                return;
            }
            let more_room_on_next_page = self.room() + 0.01 < fresh;
            let two_lines = 2.0 * grid.leading + 2.0 * CELL_PAD;
            if more_room_on_next_page && (height <= fresh || self.room() < two_lines) {
                self.table_page(running, grid);
                continue;
            }
            // Taller than a page: draw the lines that fit, carry the rest over.
            let fit = ((self.room() - 2.0 * CELL_PAD) / grid.leading)
                .floor()
                .max(1.0) as usize;
            let tail: Cells = cells
                .iter_mut()
                .map(|c| c.split_off(fit.min(c.len())))
                .collect();
            let head_height = grid.row_height(&cells, 0.0);
            self.draw_row(&cells, head_height, shade, grid);
            if tail.iter().all(Vec::is_empty) {
                return;
            }
            cells = tail;
            self.table_page(running, grid);
        }
    }

    /// A new page for the rest of a table, with its running header.
    fn table_page(&mut self, running: Option<(&Cells, f32)>, grid: &Grid<'_>) {
        self.new_page();
        if let Some((header, height)) = running {
            self.draw_row(header, height, Some(HEADER_SHADE), grid);
        }
    }

    fn draw_row(&mut self, cells: &Cells, height: f32, shade: Option<f32>, grid: &Grid<'_>) {
        let mut x = super::MARGIN_X;
        let top = self.y;
        for (lines, w) in cells.iter().zip(&grid.widths) {
            self.page().items.push(Item::Rect {
                x,
                y: top,
                w: *w,
                h: height,
                fill: shade,
                stroke: Some(0.55),
            });
            self.y = top + CELL_PAD;
            for line in lines {
                self.draw_line(line.clone(), x + CELL_PAD, grid.size);
            }
            x += w;
        }
        self.y = top + height;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{frame, page_text};
    use super::super::*;

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
