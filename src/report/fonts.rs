//! The shipped fonts (Noto Sans regular, bold, italic; SIL OFL, see
//! `assets/fonts/OFL.txt`) and text shaping with them: a run of text becomes glyphs with
//! their advances, each face falling back to the others for characters it lacks. A
//! character no shipped font covers becomes a visible placeholder and is reported.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
            Style::Italic => ITALIC,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A shaped glyph: its id in the face of `style`, how far it moves the pen (points),
/// and the text it stands for (the whole cluster on its first glyph, empty after).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub style: Style,
    pub gid: u16,
    pub advance: f32,
    pub text: String,
}

impl Glyph {
    pub fn is_space(&self) -> bool {
        self.text == " "
    }
}

/// Shaped runs by (text, style, size in 1/100 pt): documents repeat their words, and the
/// page flow lays a document out more than once.
type ShapeCache = HashMap<(String, Style, u32), (Vec<Glyph>, Vec<char>)>;

const CACHE_LIMIT: usize = 200_000;

pub struct Fonts {
    faces: [rustybuzz::Face<'static>; 3],
    cache: Mutex<ShapeCache>,
}

/// The fonts, parsed once per process.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    // The fonts are compiled into Keel (assets/fonts) and parsed by a test; they cannot
    // fail to parse at run time.
    #[allow(clippy::expect_used)]
    FONTS.get_or_init(|| {
        let face =
            |s: Style| rustybuzz::Face::from_slice(s.bytes(), 0).expect("a shipped font parses");
        Fonts {
            faces: [face(Style::Regular), face(Style::Bold), face(Style::Italic)],
            cache: Mutex::new(HashMap::new()),
        }
    })
}

impl Fonts {
    fn face(&self, style: Style) -> &rustybuzz::Face<'static> {
        &self.faces[style.index()]
    }

    fn covers(&self, style: Style, ch: char) -> bool {
        ch.is_control() || self.face(style).glyph_index(ch).is_some()
    }

    /// The face that draws `ch` in `style`: the style's own, else the first that can.
    fn face_for(&self, style: Style, ch: char) -> Option<Style> {
        std::iter::once(style)
            .chain(Style::ALL)
            .find(|s| self.covers(*s, ch))
    }

    /// Shapes `text` at `size` points. Characters no face covers become the .notdef
    /// box (still carrying their text) and are returned as missing.
    pub fn shape(&self, text: &str, style: Style, size: f32) -> (Vec<Glyph>, Vec<char>) {
        let key = (text.to_owned(), style, (size * 100.0).round() as u32);
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return hit;
        }
        let shaped = self.shape_uncached(text, style, size);
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, shaped.clone());
        }
        shaped
    }

    /// Forgets every shaped run (for measuring a cold start).
    pub fn clear_cache(&self) {
        if let Ok(mut cache) = self.cache.lock() {
            cache.clear();
        }
    }

    fn shape_uncached(&self, text: &str, style: Style, size: f32) -> (Vec<Glyph>, Vec<char>) {
        let mut glyphs = Vec::new();
        let mut missing = Vec::new();
        // Split into runs drawn by one face (or by none).
        let mut runs: Vec<(Option<Style>, String)> = Vec::new();
        for ch in text.chars() {
            let face = self.face_for(style, ch);
            match runs.last_mut() {
                Some((f, run)) if *f == face => run.push(ch),
                _ => runs.push((face, ch.to_string())),
            }
        }
        for (face, run) in runs {
            match face {
                Some(face) => glyphs.extend(self.shape_run(&run, face, size)),
                None => {
                    for ch in run.chars() {
                        missing.push(ch);
                        glyphs.push(Glyph {
                            style,
                            gid: 0,
                            advance: 0.6 * size,
                            text: ch.to_string(),
                        });
                    }
                }
            }
        }
        (glyphs, missing)
    }

    fn shape_run(&self, text: &str, style: Style, size: f32) -> Vec<Glyph> {
        let face = self.face(style);
        let scale = size / face.units_per_em() as f32;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Where each glyph's cluster ends: the start of the next cluster after it. Found
        // from the back in one pass, as searching forward from every glyph takes time
        // that grows with the square of a long word.
        let mut ends = vec![text.len(); infos.len()];
        for i in (0..infos.len().saturating_sub(1)).rev() {
            ends[i] = if infos[i + 1].cluster != infos[i].cluster {
                infos[i + 1].cluster as usize
            } else {
                ends[i + 1]
            };
        }
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
            let end = ends[i];
            glyphs.push(Glyph {
                style,
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance as f32 * scale,
                text: if first_of_cluster {
                    text.get(start..end).unwrap_or("").to_owned()
                } else {
                    String::new()
                },
            });
        }
        glyphs
    }

    /// The advance of `glyph`'s id in its face as the font records it, in 1/1000 em
    /// (the unit PDF text positioning uses).
    pub fn natural_advance_milli(&self, glyph: &Glyph) -> f32 {
        let face = self.face(glyph.style);
        let advance = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph.gid))
            .unwrap_or(0);
        f32::from(advance) * 1000.0 / face.units_per_em() as f32
    }

    /// The ascent of a face at `size`, in points.
    pub fn ascent(&self, size: f32) -> f32 {
        let face = self.face(Style::Regular);
        f32::from(face.ascender()) * size / face.units_per_em() as f32
    }
}

/// The width of a run of glyphs, in points.
pub fn width(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_cyrillic_and_accents_shape_without_missing_characters() {
        let (glyphs, missing) = fonts().shape("Ελλάδα Россия Zürich façade", Style::Regular, 10.0);
        assert!(missing.is_empty(), "{missing:?}");
        assert!(glyphs.iter().all(|g| g.gid != 0));
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Ελλάδα Россия Zürich façade");
        assert!(
            width(&glyphs) > 100.0 && width(&glyphs) < 160.0,
            "{}",
            width(&glyphs)
        );
    }

    #[test]
    fn a_character_no_font_covers_is_a_visible_placeholder_and_reported() {
        let (glyphs, missing) = fonts().shape("a\u{0F40}b", Style::Bold, 10.0);
        assert_eq!(missing, ['\u{0F40}']);
        assert_eq!(glyphs.len(), 3);
        assert_eq!(glyphs[1].gid, 0);
        assert!(glyphs[1].advance > 0.0, "the box takes room");
        assert_eq!(glyphs[1].text, "\u{0F40}");
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let w = |s| width(&fonts().shape("Recovery", s, 12.0).0);
        assert!(w(Style::Bold) > w(Style::Regular));
    }
}
