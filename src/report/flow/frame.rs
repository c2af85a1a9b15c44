//! The page frame: the running header and footer ("Page X of Y") and the draft mark,
//! drawn on every page once the page count is known.

use super::text::{in_a_row, text_item};
use super::{A4, MARGIN_X};
use crate::report::display::{Item, Page};
use crate::report::fonts::{Style, fonts, width};

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

pub(super) fn decorate(
    page: &mut Page,
    frame: &Frame,
    number: usize,
    total: usize,
    missing: &mut Vec<char>,
) {
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
