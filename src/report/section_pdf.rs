//! A written section on its own as a PDF: Markdown → layout blocks → pages → PDF bytes,
//! with no plan around it and no store. The path a plan's written sections take, for
//! fuzzing and for tests of layout on hostile text.

use std::time::Instant;

use super::display::{DisplayList, DocInfo};
use super::flow::{self, A4, Flowed, Frame};
use super::plan_pdf::Exported;
use super::{markdown, pdf};
use crate::Result;

fn frame() -> Frame {
    Frame {
        header_left: "Keel".into(),
        header_right: "Section".into(),
        footer: "Page {page} of {pages}".into(),
        draft_mark: None,
        skip_first: false,
    }
}

/// Lays `markdown` out on A4 pages as a plan's written section is laid out.
pub fn section_layout(markdown: &str) -> Flowed {
    flow::flow(&markdown::blocks(markdown), &frame())
}

/// `markdown` as a finished PDF. The same text always gives the same bytes.
pub fn section_pdf(markdown: &str) -> Result<Exported> {
    let started = Instant::now();
    let flowed = section_layout(markdown);
    if flowed.overflowed {
        return Err(flow::too_long("The section"));
    }
    let list = DisplayList {
        page_width: A4.0,
        page_height: A4.1,
        pages: flowed.pages,
        outline: flowed.outline,
        info: DocInfo {
            title: "Section".into(),
            author: "Keel".into(),
            subject: String::new(),
            keywords: Vec::new(),
            created: "2026-01-01T00:00:00Z".into(),
            custom: Vec::new(),
        },
        missing: flowed.missing,
    };
    let laid_out = Instant::now();
    let bytes = pdf::write(&list)?;
    Ok(Exported {
        pages: list.pages.len(),
        missing: list.missing,
        bytes,
        layout_seconds: (laid_out - started).as_secs_f64(),
        write_seconds: laid_out.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Markdown-shaped text: the characters that open blocks and inlines, odd characters
    /// (control, bidi, unassigned, emoji, no font has them), long runs and anything.
    fn hostile_markdown() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            prop::sample::select(vec![
                "#",
                "## ",
                "|",
                "---|",
                "- ",
                "  - ",
                "1. ",
                "\n",
                "\n\n",
                "*",
                "**",
                "_",
                "[",
                "](",
                ")",
                "`",
                "```",
                "> ",
                "<b>",
                "&amp;",
                " ",
                "\r",
                "\t",
                "\u{0}",
                "\u{202e}",
                "\u{fffe}",
                "\u{1F642}",
                "\u{0F40}",
                "e\u{301}",
                "ﬁ",
                "\u{200b}",
            ])
            .prop_map(str::to_owned),
            (1usize..400).prop_map(|n| "w".repeat(n)),
            any::<String>(),
        ];
        prop::collection::vec(token, 0..60).prop_map(|t| t.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: crate::report::flow::termination::cases(8),
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_text_becomes_a_pdf_that_reads_back(markdown in hostile_markdown()) {
            let exported = section_pdf(&markdown).expect("pdf");
            let doc = lopdf::Document::load_mem(&exported.bytes).expect("reads back");
            prop_assert_eq!(doc.get_pages().len(), exported.pages);
        }
    }

    #[test]
    fn a_section_with_a_tall_table_header_becomes_a_readable_pdf() {
        let header = "x".repeat(600);
        let markdown = format!(
            "# Recovery\n\nSee below.\n\n| {header} | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n"
        );
        let exported = section_pdf(&markdown).expect("pdf");
        assert!(exported.bytes.starts_with(b"%PDF-"));
        assert!((2..=4).contains(&exported.pages), "{}", exported.pages);
        let doc = lopdf::Document::load_mem(&exported.bytes).expect("reads back");
        assert_eq!(doc.get_pages().len(), exported.pages);
        assert_eq!(
            section_pdf(&markdown).expect("again").bytes,
            exported.bytes,
            "deterministic"
        );
    }

    /// The titles of the outline entries under `parent`, each with its `/Count`.
    fn outline_level(doc: &lopdf::Document, parent: &lopdf::Dictionary) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        let mut next = parent
            .get(b"First")
            .and_then(lopdf::Object::as_reference)
            .ok();
        while let Some(id) = next {
            let entry = doc.get_dictionary(id).expect("entry");
            let raw = entry
                .get(b"Title")
                .and_then(lopdf::Object::as_str)
                .expect("title");
            let units: Vec<u16> = raw[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            let count = entry
                .get(b"Count")
                .and_then(lopdf::Object::as_i64)
                .unwrap_or(0);
            out.push((String::from_utf16_lossy(&units), count));
            next = entry
                .get(b"Next")
                .and_then(lopdf::Object::as_reference)
                .ok();
        }
        out
    }

    #[test]
    fn thousands_of_headings_nest_in_the_outline() {
        let mut markdown = String::new();
        for i in 0..400 {
            markdown.push_str(&format!(
                "# Part {i}

## Step {i}a

## Step {i}b

"
            ));
        }
        let exported = section_pdf(&markdown).expect("pdf");
        let doc = lopdf::Document::load_mem(&exported.bytes).expect("reads back");
        let catalog = doc.catalog().expect("catalog");
        let root = catalog
            .get(b"Outlines")
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .expect("outline");
        assert_eq!(
            root.get(b"Count").and_then(lopdf::Object::as_i64).ok(),
            Some(1200)
        );
        let top = outline_level(&doc, root);
        assert_eq!(top.len(), 400);
        assert_eq!(top[0], ("Part 0".to_owned(), 2));
        assert_eq!(top[399], ("Part 399".to_owned(), 2));
        let first = doc
            .get_dictionary(
                root.get(b"First")
                    .and_then(lopdf::Object::as_reference)
                    .expect("first"),
            )
            .expect("entry");
        let steps: Vec<String> = outline_level(&doc, first)
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(steps, ["Step 0a", "Step 0b"]);
    }
}
