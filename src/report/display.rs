//! The backend-neutral result of layout: pages of positioned glyph runs, lines,
//! rectangles, curves and link areas, with the outline and the document information.
//! Coordinates are points from the top-left corner of the page. A PDF writer draws this
//! and nothing else; the layout never sees the writer.

use super::fonts::{Glyph, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct DisplayList {
    pub page_width: f32,
    pub page_height: f32,
    pub pages: Vec<Page>,
    /// Bookmarks in document order; `level` 0 is a top-level entry.
    pub outline: Vec<OutlineEntry>,
    pub info: DocInfo,
    /// Characters no shipped font covers (drawn as a box).
    pub missing: Vec<char>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// Turned on its side (for a wide diagram).
    pub landscape: bool,
}

impl DisplayList {
    /// The width and height of page `index`.
    pub fn page_size(&self, index: usize) -> (f32, f32) {
        match self.pages.get(index) {
            Some(page) if page.landscape => (self.page_height, self.page_width),
            _ => (self.page_width, self.page_height),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Glyphs of one face from a baseline point; each glyph advances by its own advance.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        style: Style,
        grey: f32,
        glyphs: Vec<Glyph>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        grey: f32,
        dashed: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<f32>,
        stroke: Option<f32>,
    },
    /// A cubic curve from `points[0]` through controls `points[1..3]` to `points[3]`.
    Curve {
        points: [(f32, f32); 4],
        width: f32,
        grey: f32,
        dashed: bool,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: LinkTarget,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A page (0-based) and the height on it (points from the top).
    Page {
        page: usize,
        y: f32,
    },
    Uri(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// The time of the export.
    pub created: chrono::DateTime<chrono::Utc>,
    /// Extra keys of the document information, e.g. `KeelPlanId`.
    pub custom: Vec<(String, String)>,
}
