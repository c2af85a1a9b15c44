//! Diagrams on pages: boxes and the needs between them, scaled to the page, with a title
//! above and a legend below kept on the same page; a wide one gets a page on its side.

use super::text::text_item;
use super::{Flow, LEADING, MARGIN_TOP, MARGIN_X};
use crate::report::display::Item;
use crate::report::fonts::Style;
use crate::report::paragraph::Span;

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

impl Flow<'_> {
    pub(super) fn diagram(&mut self, d: &Diagram) {
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
    use super::super::testing::{frame, page_text};
    use super::super::*;
    use crate::report::display::Item;

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
}
