//! The table of contents: one line per listed heading, with a dotted leader to its page
//! number and a link to the heading.

use super::text::{in_a_row, text_item};
use super::{BODY_SIZE, Flow, LEADING, MARGIN_X};
use crate::report::display::{Item, LinkTarget};
use crate::report::fonts::{Style, fonts, width};
use crate::report::paragraph::Span;

impl Flow<'_> {
    pub(super) fn contents(&mut self, toc: &[(usize, String, u8)]) {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::{frame, page_text};
    use super::super::*;
    use crate::report::display::{Item, LinkTarget};

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
}
