//! Markdown of written sections as layout blocks: headings, paragraphs with emphasis
//! and links, bulleted and numbered lists, and tables.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::flow::{BODY_SIZE, Block, Table};
use super::fonts::Style;
use super::paragraph::{Align, Span};

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    link: Option<String>,
    /// For each open list: the next number (`None`: bullets).
    lists: Vec<Option<u64>>,
    marker: Option<String>,
    heading: Option<u8>,
    table: Option<Table>,
    row: Vec<Vec<Span>>,
    in_head: bool,
}

impl Builder {
    fn style(&self) -> Style {
        if self.bold > 0 {
            Style::Bold
        } else if self.italic > 0 {
            Style::Italic
        } else {
            Style::Regular
        }
    }

    fn text(&mut self, text: &str) {
        self.spans.push(Span {
            text: text.to_owned(),
            style: self.style(),
            link: self.link.clone(),
        });
    }

    /// Ends the paragraph (or list item text) being gathered.
    fn flush(&mut self) {
        if self.spans.iter().all(|s| s.text.trim().is_empty()) {
            self.spans.clear();
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        let depth = self.lists.len() as f32;
        self.blocks.push(Block::Paragraph {
            spans,
            size: BODY_SIZE,
            align: if depth > 0.0 {
                Align::Left
            } else {
                Align::Justify
            },
            indent: depth * 16.0,
            marker: self.marker.take(),
            space_after: if depth > 0.0 { 2.0 } else { 6.0 },
        });
    }
}

pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut b = Builder::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.flush();
                b.heading = Some(match level {
                    HeadingLevel::H1 => 2,
                    _ => 3,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = b.spans.drain(..).map(|s| s.text).collect();
                b.blocks.push(Block::Heading {
                    level: b.heading.take().unwrap_or(3),
                    text,
                    toc: true,
                });
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) if b.table.is_none() => b.flush(),
            Event::Start(Tag::List(first)) => {
                b.flush();
                b.lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                b.flush();
                b.lists.pop();
                if b.lists.is_empty() {
                    b.blocks.push(Block::Space(4.0));
                }
            }
            Event::Start(Tag::Item) => {
                b.flush();
                b.marker = Some(match b.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "\u{2022}".to_owned(),
                });
            }
            Event::End(TagEnd::Item) => b.flush(),
            Event::Start(Tag::Strong) => b.bold += 1,
            Event::End(TagEnd::Strong) => b.bold = b.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => b.italic += 1,
            Event::End(TagEnd::Emphasis) => b.italic = b.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => b.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => b.link = None,
            Event::Start(Tag::Table(alignments)) => {
                b.flush();
                b.table = Some(Table {
                    columns: vec![1.0; alignments.len().max(1)],
                    header: Vec::new(),
                    rows: Vec::new(),
                    size: 9.0,
                    min_row_height: 0.0,
                });
            }
            Event::Start(Tag::TableHead) => b.in_head = true,
            Event::End(TagEnd::TableHead) => {
                b.in_head = false;
                if let Some(t) = &mut b.table {
                    t.header = std::mem::take(&mut b.row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = &mut b.table {
                    t.rows.push(std::mem::take(&mut b.row));
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut b.spans);
                b.row.push(cell);
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = b.table.take() {
                    b.blocks.push(Block::Table(t));
                }
            }
            Event::Text(text) | Event::Code(text) => b.text(&text),
            Event::Html(raw) | Event::InlineHtml(raw) => b.text(&raw),
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.text("\n"),
            Event::Rule => {
                b.flush();
                b.blocks.push(Block::Space(8.0));
            }
            _ => {}
        }
    }
    b.flush();
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_headings_and_tables_become_blocks() {
        let blocks = blocks(
            "# Call\n\nKeep **chilled** stock *cold*.\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(matches!(&blocks[0], Block::Heading { level: 2, text, .. } if text == "Call"));
        let Block::Paragraph { spans, .. } = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            spans.iter().find(|s| s.text == "chilled").map(|s| s.style),
            Some(Style::Bold)
        );
        assert_eq!(
            spans.iter().find(|s| s.text == "cold").map(|s| s.style),
            Some(Style::Italic)
        );
        let markers: Vec<_> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph {
                    marker: Some(m), ..
                } => Some(m.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(markers, ["1.", "2."]);
        let Some(Block::Table(table)) = blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!()
        };
        assert_eq!(table.header.len(), 2);
        assert_eq!(
            table.rows,
            vec![vec![vec![Span::plain("1")], vec![Span::plain("2")]]]
        );
    }
}
