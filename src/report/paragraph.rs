//! Paragraphs: styled spans broken into lines at Unicode line-break opportunities,
//! left-aligned or justified, with words longer than a line (e-mail addresses, URLs)
//! broken between characters rather than run off the edge.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::{Glyph, Style, fonts, width};

/// A piece of a paragraph in one style; `link` makes it clickable.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Regular,
            link: None,
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            link: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Justify,
    Right,
    Center,
}

/// A laid-out line: glyphs with their x from the line's start, and the links on it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub glyphs: Vec<(f32, Glyph)>,
    pub links: Vec<(f32, f32, String)>,
    pub width: f32,
}

/// A piece between two break opportunities: its glyphs, whether it ends in a mandatory
/// break, and the link of its span.
struct Piece {
    glyphs: Vec<Glyph>,
    mandatory: bool,
    link: Option<String>,
}

impl Piece {
    /// The width without trailing spaces, which hang past the line's end.
    fn visible_width(&self) -> f32 {
        let trailing: f32 = self
            .glyphs
            .iter()
            .rev()
            .take_while(|g| {
                g.is_space() || g.text.chars().all(char::is_whitespace) && !g.text.is_empty()
            })
            .map(|g| g.advance)
            .sum();
        width(&self.glyphs) - trailing
    }
}

fn pieces(spans: &[Span], size: f32, missing: &mut Vec<char>) -> Vec<Piece> {
    let mut out = Vec::new();
    for span in spans {
        let text = span.text.replace(['\r'], "");
        let mut start = 0;
        for (end, kind) in linebreaks(&text) {
            let chunk = &text[start..end];
            start = end;
            let mandatory = kind == BreakOpportunity::Mandatory && chunk.ends_with('\n');
            let visible = chunk.trim_end_matches('\n');
            let (glyphs, lost) = fonts().shape(visible, span.style, size);
            missing.extend(lost);
            out.push(Piece {
                glyphs,
                mandatory,
                link: span.link.clone(),
            });
        }
    }
    out
}

/// Breaks `spans` into lines no wider than `max_width` points at `size` points.
pub fn break_lines(
    spans: &[Span],
    size: f32,
    max_width: f32,
    missing: &mut Vec<char>,
) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current = Line::default();
    let mut x = 0.0;
    let finish = |line: &mut Line, lines: &mut Vec<Line>| {
        // Trailing spaces do not count towards the width.
        let mut w = 0.0;
        for (gx, g) in &line.glyphs {
            if !g.is_space() {
                w = gx + g.advance;
            }
        }
        line.width = w;
        lines.push(std::mem::take(line));
    };
    for piece in pieces(spans, size, missing) {
        if x > 0.0 && x + piece.visible_width() > max_width {
            finish(&mut current, &mut lines);
            x = 0.0;
        }
        if piece.visible_width() > max_width {
            // Longer than a whole line: break between clusters.
            for g in piece.glyphs {
                if x > 0.0 && x + g.advance > max_width && !g.text.is_empty() {
                    finish(&mut current, &mut lines);
                    x = 0.0;
                }
                if let Some(link) = &piece.link {
                    current.links.push((x, g.advance, link.clone()));
                }
                let advance = g.advance;
                current.glyphs.push((x, g));
                x += advance;
            }
        } else {
            if let Some(link) = &piece.link {
                current.links.push((x, piece.visible_width(), link.clone()));
            }
            for g in piece.glyphs {
                let advance = g.advance;
                current.glyphs.push((x, g));
                x += advance;
            }
        }
        if piece.mandatory {
            finish(&mut current, &mut lines);
            x = 0.0;
        }
    }
    if !current.glyphs.is_empty() || lines.is_empty() {
        finish(&mut current, &mut lines);
    }
    lines
}

/// Moves the glyphs of each line for the alignment: justified lines (all but the last)
/// stretch their spaces to fill `max_width`.
pub fn align(lines: &mut [Line], max_width: f32, align: Align) {
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter_mut().enumerate() {
        let slack = (max_width - line.width).max(0.0);
        match align {
            Align::Left => {}
            Align::Right | Align::Center => {
                let shift = if align == Align::Right {
                    slack
                } else {
                    slack / 2.0
                };
                for (x, _) in &mut line.glyphs {
                    *x += shift;
                }
                for (x, _, _) in &mut line.links {
                    *x += shift;
                }
            }
            Align::Justify if i < last => {
                // Spaces inside the text (not trailing ones) share the slack.
                let inner: Vec<usize> = line
                    .glyphs
                    .iter()
                    .enumerate()
                    .filter(|(_, (x, g))| g.is_space() && *x + g.advance < line.width)
                    .map(|(k, _)| k)
                    .collect();
                if inner.is_empty() || slack > max_width * 0.35 {
                    continue;
                }
                let extra = slack / inner.len() as f32;
                let mut shift = 0.0;
                let mut next = inner.iter().peekable();
                for (k, (x, _)) in line.glyphs.iter_mut().enumerate() {
                    *x += shift;
                    if next.peek() == Some(&&k) {
                        next.next();
                        shift += extra;
                    }
                }
                line.width = max_width;
            }
            Align::Justify => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.glyphs.iter().map(|(_, g)| g.text.as_str()).collect()
    }

    #[test]
    fn lines_break_between_words_and_never_exceed_the_width() {
        let spans = [Span::plain(
            "The warehouse team restores picking and packing within four hours of any disruption.",
        )];
        let mut missing = Vec::new();
        let lines = break_lines(&spans, 10.0, 150.0, &mut missing);
        assert!(lines.len() >= 3, "{}", lines.len());
        for line in &lines {
            assert!(
                line.width <= 150.0 + 0.01,
                "{} is {} wide",
                text(line),
                line.width
            );
            assert!(!text(line).starts_with(' '));
        }
        let joined: String = lines.iter().map(text).collect();
        assert_eq!(joined, spans[0].text);
    }

    #[test]
    fn an_address_longer_than_the_line_is_broken_between_characters() {
        let spans = [Span::plain(
            "Mail morgan.hale.operations@caldervalleyfreight.example today",
        )];
        let lines = break_lines(&spans, 10.0, 80.0, &mut Vec::new());
        assert!(lines.iter().all(|l| l.width <= 80.01));
        let joined: String = lines.iter().map(text).collect();
        assert!(joined.contains("morgan.hale.operations@caldervalleyfreight.example"));
    }

    #[test]
    fn justified_lines_fill_the_width_except_the_last() {
        let spans = [Span::plain(
            "one two three four five six seven eight nine ten eleven twelve thirteen",
        )];
        let mut lines = break_lines(&spans, 10.0, 120.0, &mut Vec::new());
        align(&mut lines, 120.0, Align::Justify);
        let (last, rest) = lines.split_last().unwrap();
        for line in rest {
            let (x, g) = line
                .glyphs
                .iter()
                .rev()
                .find(|(_, g)| !g.is_space())
                .unwrap();
            assert!(
                (x + g.advance - 120.0).abs() < 0.05,
                "ends at {}",
                x + g.advance
            );
        }
        assert!(last.width < 120.0);
    }

    #[test]
    fn newlines_force_a_break_and_styles_mix_on_a_line() {
        let spans = [
            Span::plain("First\nSecond "),
            Span::styled("bold", Style::Bold),
        ];
        let lines = break_lines(&spans, 10.0, 400.0, &mut Vec::new());
        assert_eq!(
            lines.iter().map(text).collect::<Vec<_>>(),
            ["First", "Second bold"]
        );
        assert_eq!(lines[1].glyphs.last().unwrap().1.style, Style::Bold);
    }
}
