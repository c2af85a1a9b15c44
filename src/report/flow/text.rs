//! Text on pages: headings kept with what follows them, paragraphs that leave no single
//! line alone at the foot or head of a page, and the text items a line of shaped glyphs
//! is drawn as.

use super::{BODY_SIZE, Flow, LEADING, MARGIN_X, MAX_INDENT};
use crate::report::display::{Item, LinkTarget, OutlineEntry};
use crate::report::fonts::{Glyph, Style, fonts};
use crate::report::paragraph::{Align, Line, Span, align};

/// Glyphs one after the other from 0, each at the end of the one before.
pub(super) fn in_a_row(glyphs: Vec<Glyph>) -> Vec<(f32, Glyph)> {
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

pub(super) fn text_item(
    x: f32,
    baseline: f32,
    size: f32,
    glyphs: Vec<(f32, Glyph)>,
    grey: f32,
) -> Vec<Item> {
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

impl Flow<'_> {
    /// Draws `line` with its top at the cursor; links become link areas.
    pub(super) fn draw_line(&mut self, line: Line, x: f32, size: f32) {
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

    pub(super) fn heading(&mut self, index: usize, level: u8, text: &str, listed: bool) {
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

    pub(super) fn paragraph(
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::frame;
    use super::super::*;
    use crate::report::display::Item;

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
}
