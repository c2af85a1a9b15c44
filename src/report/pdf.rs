//! The PDF writer: draws a display list with printpdf (fonts embedded and subset, text
//! that extracts back), then finishes the file with lopdf: the document information
//! (with Keel's own keys and no conformance claim), a nested outline, a document ID
//! derived from the content, and compressed streams. The same display list and export
//! time always give the same bytes. [`write_pages`] is the way in for laid-out pages.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, Destination, FontId, Greyscale,
    HighlightingMode, Line, LineDashPattern, LinePoint, LinkAnnotation, Mm, Op, PaintMode,
    ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};
use std::time::Instant;

use super::display::{DisplayList, DocInfo, Item, LinkTarget, OutlineEntry};
use super::flow::{A4, Flowed};
use super::fonts::{Style, fonts};
use crate::{Error, Result};

fn font_id(style: Style) -> FontId {
    // Fixed ids: the subset tag and resource names never depend on the run.
    FontId(
        match style {
            Style::Regular => "KEELRG",
            Style::Bold => "KEELBD",
            Style::Italic => "KEELIT",
        }
        .into(),
    )
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level.clamp(0.0, 1.0), None))
}

fn pdf_error(what: impl std::fmt::Display) -> Error {
    Error::Conflict(format!("the PDF could not be written: {what}"))
}

/// Draws `list` and returns the finished PDF.
pub fn write(list: &DisplayList) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&list.info.title);
    for style in Style::ALL {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(style.bytes(), 0, &mut warnings)
            .ok_or_else(|| pdf_error("a shipped font does not parse"))?;
        doc.resources
            .fonts
            .map
            .insert(font_id(style), PdfFont::new(parsed));
    }
    let mut pages = Vec::with_capacity(list.pages.len());
    for (index, page) in list.pages.iter().enumerate() {
        let (width, height) = list.page_size(index);
        let y = |top: f32| Pt(height - top);
        let point = |(x, top): (f32, f32), bezier: bool| LinePoint {
            p: Point {
                x: Pt(x),
                y: y(top),
            },
            bezier,
        };
        let mut ops = Vec::new();
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    size,
                    style,
                    grey: level,
                    glyphs,
                } => {
                    let codepoints = glyphs
                        .iter()
                        .map(|g| Codepoint {
                            gid: g.gid,
                            // TJ adjustments: positive moves the next glyph left.
                            offset: fonts().natural_advance_milli(g) - g.advance * 1000.0 / size,
                            cid: Some(g.text.clone()),
                        })
                        .collect();
                    ops.extend([
                        Op::StartTextSection,
                        Op::SetFillColor { col: grey(*level) },
                        Op::SetFont {
                            font: PdfFontHandle::External(font_id(*style)),
                            size: Pt(*size),
                        },
                        Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(*x), y(*baseline)),
                        },
                        Op::ShowText {
                            items: vec![TextItem::GlyphIds(codepoints)],
                        },
                        Op::EndTextSection,
                    ]);
                }
                Item::Line {
                    from,
                    to,
                    width,
                    grey: level,
                    dashed,
                } => {
                    ops.extend(stroke_style(*width, *level, *dashed));
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![point(*from, false), point(*to, false)],
                            is_closed: false,
                        },
                    });
                }
                Item::Curve {
                    points,
                    width,
                    grey: level,
                    dashed,
                } => {
                    ops.extend(stroke_style(*width, *level, *dashed));
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: points
                                .iter()
                                .enumerate()
                                .map(|(i, p)| point(*p, i == 1 || i == 2))
                                .collect(),
                            is_closed: false,
                        },
                    });
                }
                Item::Rect {
                    x,
                    y: top,
                    w,
                    h,
                    fill,
                    stroke,
                } => {
                    if let Some(level) = fill {
                        ops.push(Op::SetFillColor { col: grey(*level) });
                    }
                    if let Some(level) = stroke {
                        ops.extend(stroke_style(0.5, *level, false));
                    }
                    let mode = match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (Some(_), None) => PaintMode::Fill,
                        _ => PaintMode::Stroke,
                    };
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: y(top + h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(mode),
                            winding_order: None,
                        },
                    });
                }
                Item::Link {
                    x,
                    y: top,
                    w,
                    h,
                    target,
                } => {
                    let actions = match target {
                        LinkTarget::Page { page, y: to } => Actions::Goto(Destination::Xyz {
                            page: page + 1,
                            left: None,
                            top: Some(list.page_size(*page).1 - to),
                            zoom: None,
                        }),
                        LinkTarget::Uri(uri) => Actions::Uri(uri.clone()),
                    };
                    ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            Rect {
                                x: Pt(*x),
                                y: y(top + h),
                                width: Pt(*w),
                                height: Pt(*h),
                                mode: None,
                                winding_order: None,
                            },
                            actions,
                            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                            Some(ColorArray::Transparent),
                            Some(HighlightingMode::None),
                        ),
                    });
                }
            }
        }
        let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
        pages.push(PdfPage::new(to_mm(width), to_mm(height), ops));
    }
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    finish(&mut lo, list)?;
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(pdf_error)?;
    Ok(out)
}

/// A finished PDF, with what the export noticed and how long it took.
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters no shipped font covers; drawn as a box.
    pub missing: Vec<char>,
    pub layout_seconds: f64,
    pub write_seconds: f64,
}

/// Writes laid-out A4 pages with their document information as a PDF, timing the
/// layout (since `started`) and the writing.
pub(crate) fn write_pages(flowed: Flowed, info: DocInfo, started: Instant) -> Result<Exported> {
    let list = DisplayList {
        page_width: A4.0,
        page_height: A4.1,
        pages: flowed.pages,
        outline: flowed.outline,
        info,
        missing: flowed.missing,
    };
    let laid_out = Instant::now();
    let bytes = write(&list)?;
    Ok(Exported {
        pages: list.pages.len(),
        missing: list.missing,
        bytes,
        layout_seconds: (laid_out - started).as_secs_f64(),
        write_seconds: laid_out.elapsed().as_secs_f64(),
    })
}

fn stroke_style(width: f32, level: f32, dashed: bool) -> [Op; 3] {
    [
        Op::SetOutlineColor { col: grey(level) },
        Op::SetOutlineThickness { pt: Pt(width) },
        Op::SetLineDashPattern {
            dash: if dashed {
                LineDashPattern::new(0.0, &[2.0, 2.0])
            } else {
                LineDashPattern::solid()
            },
        },
    ]
}

/// A text string for the document information or the outline: UTF-16BE with its byte
/// order mark, so any script survives (also the signature's /Name and /Reason).
pub fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSSZ`.
fn pdf_date(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("D:%Y%m%d%H%M%SZ").to_string()
}

fn finish(lo: &mut lopdf::Document, list: &DisplayList) -> Result<()> {
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(pdf_error)?;
    let info = lo.get_dictionary_mut(info_id).map_err(pdf_error)?;
    // printpdf writes these empty; they read like a PDF/X claim, which Keel does not make.
    for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
        info.remove(key);
    }
    let date = pdf_date(&list.info.created);
    info.set("Title", text_string(&list.info.title));
    info.set("Author", text_string(&list.info.author));
    info.set("Subject", text_string(&list.info.subject));
    info.set("Keywords", text_string(&list.info.keywords.join(", ")));
    info.set("Creator", text_string("Keel"));
    info.set("Producer", text_string("Keel (printpdf)"));
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    for (key, value) in &list.info.custom {
        info.set(key.as_bytes().to_vec(), text_string(value));
    }

    let pages = lo.get_pages();
    let page_ids: Vec<ObjectId> = pages.values().copied().collect();
    outline(lo, &page_ids, list)?;

    // A document ID from the content: the same content gives the same file.
    let mut hasher = Sha256::new();
    hasher.update(list.info.title.as_bytes());
    // As RFC 3339 to the second, the form the time had when this ID was first made.
    let created = list
        .info
        .created
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    hasher.update(created.as_bytes());
    for (k, v) in &list.info.custom {
        hasher.update(k.as_bytes());
        hasher.update(v.as_bytes());
    }
    hasher.update((list.pages.len() as u64).to_be_bytes());
    let id = hasher.finalize()[..16].to_vec();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    lo.compress();
    Ok(())
}

/// The nested outline (bookmarks), built by hand: printpdf's is flat and re-sorted.
fn outline(lo: &mut lopdf::Document, pages: &[ObjectId], list: &DisplayList) -> Result<()> {
    let entries: &[OutlineEntry] = &list.outline;
    let catalog = lo.catalog_mut().map_err(pdf_error)?;
    catalog.remove(b"Outlines");
    catalog.remove(b"PageMode");
    if entries.is_empty() || pages.is_empty() {
        return Ok(());
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    // The parent of each entry: the nearest earlier entry of a lower level. Found with a
    // stack of the open ancestors, and the children and descendant counts in one pass
    // each, so that a section of thousands of headings takes time in step with them.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut open: Vec<usize> = Vec::new();
    for entry in entries {
        while open
            .last()
            .is_some_and(|&j| entries[j].level >= entry.level)
        {
            open.pop();
        }
        parent.push(open.last().copied());
        open.push(parent.len() - 1);
    }
    let mut top: Vec<usize> = Vec::new();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => top.push(i),
        }
    }
    // A parent comes before its children: add each count to its parent from the back.
    let mut descendants: Vec<i64> = vec![0; entries.len()];
    for i in (0..entries.len()).rev() {
        if let Some(p) = parent[i] {
            descendants[p] += 1 + descendants[i];
        }
    }
    // Where each entry stands among its siblings.
    let mut position: Vec<usize> = vec![0; entries.len()];
    for siblings in children.iter().chain(std::iter::once(&top)) {
        for (at, &i) in siblings.iter().enumerate() {
            position[i] = at;
        }
    }
    for (i, entry) in entries.iter().enumerate() {
        let siblings = match parent[i] {
            Some(p) => &children[p],
            None => &top,
        };
        let at = position[i];
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&entry.title));
        dict.set("Parent", parent[i].map(|p| ids[p]).unwrap_or(root));
        let page = pages[entry.page.min(pages.len() - 1)];
        dict.set(
            "Dest",
            Object::Array(vec![
                page.into(),
                "XYZ".into(),
                Object::Null,
                Object::Real(list.page_size(entry.page).1 - entry.y),
                Object::Null,
            ]),
        );
        if at > 0 {
            dict.set("Prev", ids[siblings[at - 1]]);
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", ids[next]);
        }
        let kids = &children[i];
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dict.set("First", ids[first]);
            dict.set("Last", ids[last]);
            dict.set("Count", descendants[i]);
        }
        lo.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", "Outlines");
    // The first entry has no parent, so there is always a first and a last.
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        root_dict.set("First", ids[first]);
        root_dict.set("Last", ids[last]);
    }
    root_dict.set("Count", entries.len() as i64);
    lo.objects.insert(root, Object::Dictionary(root_dict));
    let catalog = lo.catalog_mut().map_err(pdf_error)?;
    catalog.set("Outlines", root);
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}
