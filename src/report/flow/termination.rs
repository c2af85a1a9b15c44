//! Layout ends, on a bounded number of pages, whatever the document holds: the
//! tall-header regression, the large cases named in the hardening issue, and property
//! tests over generated Markdown and blocks.

use proptest::prelude::*;

use super::*;
use crate::report::display::Item;
use crate::report::markdown;

/// How many cases a property test runs: `default`, or `PROPTEST_CASES` for a longer run
/// by hand (the suite keeps to a few, as layout is slow in a debug build).
pub(crate) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn bare_frame() -> Frame {
    Frame {
        header_left: String::new(),
        header_right: String::new(),
        // No running text: every text item on a page is the document's own.
        footer: String::new(),
        draft_mark: None,
        skip_first: false,
    }
}

fn page_text(page: &Page) -> String {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { glyphs, .. } => Some(glyphs.iter().map(|g| g.text.as_str()).collect()),
            _ => None,
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn chars(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.text.chars().count()).sum()
}

/// The most pages `blocks` can take, from what they hold. Every page after the first is
/// begun by one of:
/// - a block's own start (a page break, a heading kept with what follows, a paragraph
///   or table that starts on a new page, a diagram before and after its page on its
///   side): at most two per block;
/// - a table row that moves whole to the next page: at most one per row;
/// - the rest of a paragraph, heading, contents or split row, after at least one of
///   its lines was drawn on the page before: at most one per line.
///
/// A text of `n` characters breaks into at most `n + 1` lines (every line holds a
/// character or ends at a line break, except a lone empty line), so the lines are at
/// most the characters plus the number of texts (cells, paragraphs, headings, entries).
fn page_bound(blocks: &[Block]) -> usize {
    let headings = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    let mut bound = 1;
    for block in blocks {
        bound += 2;
        bound += match block {
            Block::Heading { text, .. } => text.chars().count() + 1,
            Block::Paragraph { spans, marker, .. } => {
                chars(spans) + marker.as_ref().map_or(0, |m| m.chars().count()) + 1
            }
            Block::Table(t) => std::iter::once(&t.header)
                .chain(&t.rows)
                .map(|row| 1 + row.iter().map(|cell| chars(cell) + 1).sum::<usize>())
                .sum(),
            Block::Contents => headings,
            Block::Diagram(_) | Block::Space(_) | Block::PageBreak => 0,
        };
    }
    bound
}

/// Nothing of the body is drawn outside the body of its page, and no page is blank.
fn assert_pages_are_sane(out: &Flowed) {
    for (i, page) in out.pages.iter().enumerate() {
        let (w, h) = if page.landscape { (A4.1, A4.0) } else { A4 };
        let bottom = h - MARGIN_BOTTOM + 0.5;
        let mut body = 0;
        for item in &page.items {
            match item {
                Item::Rect {
                    y, h: rh, x, w: rw, ..
                } => {
                    assert!(*y >= MARGIN_TOP - 0.5, "page {i}: a box starts at {y}");
                    assert!(y + rh <= bottom, "page {i}: a box ends at {}", y + rh);
                    assert!(
                        x + rw <= w - MARGIN_X + 0.5,
                        "page {i}: a box ends at x {}",
                        x + rw
                    );
                    body += 1;
                }
                Item::Text {
                    baseline,
                    glyphs,
                    x,
                    ..
                } if *baseline > MARGIN_TOP => {
                    assert!(*baseline <= bottom, "page {i}: text at {baseline}");
                    let end = x + glyphs.iter().map(|g| g.advance).sum::<f32>();
                    assert!(end <= w, "page {i}: text runs off the page to {end}");
                    body += 1;
                }
                _ => {}
            }
        }
        // The last page may be blank: a document of nothing but a page break.
        assert!(
            body > 0 || i + 1 == out.pages.len(),
            "page {i} of {} is blank",
            out.pages.len()
        );
    }
}

/// Characters other than white space drawn in the body of the pages.
fn drawn_chars(out: &Flowed) -> usize {
    out.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text {
                baseline, glyphs, ..
            } if *baseline > MARGIN_TOP => Some(glyphs),
            _ => None,
        })
        .flatten()
        .map(|g| g.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Characters other than white space the blocks hold (with list markers).
fn block_chars(blocks: &[Block]) -> usize {
    let count = |spans: &[Span]| -> usize {
        spans
            .iter()
            .map(|s| s.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    };
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text, .. } => text.chars().filter(|c| !c.is_whitespace()).count(),
            Block::Paragraph { spans, marker, .. } => {
                count(spans) + marker.as_ref().map_or(0, |m| m.chars().count())
            }
            Block::Table(t) => std::iter::once(&t.header)
                .chain(&t.rows)
                .flat_map(|row| row.iter().map(|cell| count(cell)))
                .sum(),
            _ => 0,
        })
        .sum()
}

fn check(blocks: &[Block]) -> Flowed {
    let out = flow(blocks, &bare_frame());
    let bound = page_bound(blocks);
    assert!(
        out.pages.len() <= bound,
        "{} pages, more than the {bound} the input allows",
        out.pages.len()
    );
    assert_pages_are_sane(&out);
    out
}

fn words(text: &str) -> Vec<Vec<Span>> {
    vec![vec![Span::plain(text)]]
}

fn table(header: Vec<Vec<Span>>, rows: Vec<Vec<Vec<Span>>>) -> Table {
    Table {
        columns: vec![1.0; header.len()],
        header,
        rows,
        size: 9.0,
        min_row_height: 0.0,
    }
}

#[test]
fn tall_table_header_does_not_page_forever() {
    // Eight columns, one header cell of 600 characters: taller than a page at this width.
    let long: String = (0..60).map(|i| format!("header{i:03} ")).collect();
    assert_eq!(long.len(), 600);
    let mut header = words(&long);
    header.extend((1..8).map(|i| vec![Span::plain(format!("Col{i}"))]));
    let rows: Vec<Vec<Vec<Span>>> = (0..40)
        .map(|r| {
            (0..8)
                .map(|c| vec![Span::plain(format!("r{r}c{c}"))])
                .collect()
        })
        .collect();
    let blocks = [Block::Table(table(header, rows))];
    let out = check(&blocks);
    assert!(
        out.pages.len() <= 4,
        "a tall header and 40 short rows: {} pages",
        out.pages.len()
    );
    let all: Vec<String> = out.pages.iter().map(page_text).collect();
    let joined = all.join(" ");
    assert_eq!(
        joined.matches("Col7").count(),
        1,
        "a header this tall is drawn once, not on every page"
    );
    assert!(joined.contains("r39c7"), "every row is drawn");
    assert_eq!(drawn_chars(&out), block_chars(&blocks));
}

#[test]
fn a_short_header_still_repeats_and_a_medium_one_too() {
    let medium: String = (0..20).map(|i| format!("word{i} ")).collect();
    for head in ["Step", medium.as_str()] {
        let header = vec![vec![Span::plain(head)], vec![Span::plain("Action")]];
        let rows = (0..150)
            .map(|i| vec![vec![Span::plain(i.to_string())], vec![Span::plain("Do it")]])
            .collect();
        let out = check(&[Block::Table(table(header, rows))]);
        assert!(out.pages.len() >= 3);
        for page in &out.pages {
            assert!(page_text(page).contains("Action"));
        }
    }
}

#[test]
fn a_row_and_a_minimum_taller_than_a_page_end() {
    let long: String = (0..3000)
        .map(|i| format!("w{} ", i % 100))
        .collect::<String>()
        + "end";
    let mut t = table(
        words("A").into_iter().chain(words("B")).collect(),
        vec![
            words(&long).into_iter().chain(words("x")).collect(),
            words("y").into_iter().chain(words("z")).collect(),
        ],
    );
    t.min_row_height = 5000.0;
    let blocks = [Block::Table(t)];
    let out = check(&blocks);
    // Every character, and the header "AB" once more on each page after the first.
    assert_eq!(
        drawn_chars(&out),
        block_chars(&blocks) + 2 * (out.pages.len() - 1)
    );
    let all: String = out.pages.iter().map(page_text).collect();
    assert!(all.contains("end") && all.contains('z'));
}

#[test]
fn a_word_wider_than_its_column_and_the_page_is_broken_not_lost() {
    let word = "x".repeat(5000);
    let header: Vec<Vec<Span>> = (0..40).map(|_| vec![Span::plain("h")]).collect();
    let mut row: Vec<Vec<Span>> = (0..39).map(|_| vec![Span::plain("c")]).collect();
    row.push(vec![Span::plain(word.clone())]);
    let blocks = [
        Block::text(word.clone()),
        Block::Heading {
            level: 1,
            text: word,
            toc: true,
        },
        Block::Table(table(header, vec![row])),
    ];
    let out = check(&blocks);
    // Every character (the header cells repeat on the table's pages after its first).
    assert!(drawn_chars(&out) >= block_chars(&blocks));
    let all: String = out.pages.iter().map(page_text).collect();
    assert_eq!(all.matches('x').count(), 3 * 5000);
}

#[test]
fn ten_thousand_rows_two_thousand_headings_and_200_kb_of_text_end() {
    let rows: Vec<Vec<Vec<Span>>> = (0..10_000)
        // Few distinct texts: shaping, slow in a debug build, is then done once each.
        .map(|i| {
            vec![
                vec![Span::plain((i % 50).to_string())],
                vec![Span::plain("ok")],
            ]
        })
        .collect();
    let out = check(&[Block::Table(table(
        words("N").into_iter().chain(words("S")).collect(),
        rows,
    ))]);
    // 35 one-line rows to a page.
    assert!(
        (250..=300).contains(&out.pages.len()),
        "{}",
        out.pages.len()
    );

    let mut blocks = vec![Block::Contents, Block::PageBreak];
    for i in 0..2000 {
        blocks.push(Block::Heading {
            level: 1 + (i % 3) as u8,
            text: format!("Heading {}", i % 100),
            toc: true,
        });
        blocks.push(Block::text("Body."));
    }
    let out = check(&blocks);
    assert!(out.pages.len() < 400, "{}", out.pages.len());
    assert_eq!(out.outline.len(), 2000);

    let text: String = "The recovery team restores the warehouse system. ".repeat(200 * 1024 / 49);
    let out = check(&[Block::text(text)]);
    // About 95 characters to a line and 50 lines to a page.
    assert!((35..=60).contains(&out.pages.len()), "{}", out.pages.len());

    // One word of 20 KB (shaping takes a while in a debug build): shaped and broken
    // between its characters, in time that grows with its length.
    let out = check(&[Block::text(word(20 * 1024, 0))]);
    assert!((3..=8).contains(&out.pages.len()), "{}", out.pages.len());
}

#[test]
fn deep_and_huge_markdown_lists_end_inside_the_page() {
    let mut md = String::new();
    for depth in 0..200 {
        md.push_str(&"  ".repeat(depth));
        md.push_str(&format!("- level {depth} item with some words\n"));
    }
    for i in 0..3000 {
        md.push_str(&format!("- item {i}\n"));
    }
    md.push_str(&format!("\n{}\n", "> ".repeat(100)));
    let blocks = markdown::blocks(&md);
    let out = check(&blocks);
    assert!(out.pages.len() < 150, "{}", out.pages.len());
}

#[test]
fn empty_contents_and_empty_headings_leave_no_blank_page() {
    // Found by the property tests below: each left page 1 blank before the break.
    let empty_header = || Block::Table(table(words(""), Vec::new()));
    for first in [
        Block::Contents,
        Block::Heading {
            level: 1,
            text: String::new(),
            toc: true,
        },
    ] {
        let out = check(&[first, Block::PageBreak, empty_header(), empty_header()]);
        assert_eq!(out.pages.len(), 1);
    }
    // And an empty heading is neither a bookmark nor a line of the contents.
    let heading = |text: &str| Block::Heading {
        level: 1,
        text: text.into(),
        toc: true,
    };
    let out = check(&[
        Block::Contents,
        Block::PageBreak,
        heading(" "),
        heading("Real"),
    ]);
    assert_eq!(out.outline.len(), 1);
    let links = out.pages[0]
        .items
        .iter()
        .filter(|i| matches!(i, Item::Link { .. }))
        .count();
    assert_eq!(links, 1, "one line in the contents");
}

#[test]
fn a_document_past_the_page_limit_is_marked_and_keeps_only_the_limit() {
    let rows: Vec<Vec<Vec<Span>>> = (0..400).map(|i| words(&(i % 10).to_string())).collect();
    let blocks = [Block::Contents, Block::Table(table(words("N"), rows))];
    let whole = flow(&blocks, &bare_frame());
    assert!(!whole.overflowed);
    assert!(whole.pages.len() > 5, "{}", whole.pages.len());
    let cut = flow_at_most(&blocks, &bare_frame(), 3);
    assert!(cut.overflowed);
    assert_eq!(cut.pages.len(), 3);
    let exact = flow_at_most(&blocks, &bare_frame(), whole.pages.len());
    assert!(
        !exact.overflowed,
        "a document of exactly the limit is whole"
    );
    let message = too_long("The plan").to_string();
    assert!(
        message.contains("2000 pages") && message.contains("shorten it"),
        "{message}"
    );
}

/// A word of `len` characters from a mixed alphabet, starting at `at` in it.
fn word(len: usize, at: usize) -> String {
    const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzéßЖλ0123456789";
    ALPHABET.chars().cycle().skip(at).take(len).collect()
}

/// Word lengths: short ones, ones wider than a narrow column, and 700 characters (wider
/// than the page; one makes a header cell taller than a page in a narrow column).
/// From a few lengths and starts, so that the words repeat across cases and are shaped
/// once (shaping is slow in a debug build).
const LENGTHS: [usize; 10] = [1, 2, 3, 4, 6, 9, 14, 40, 120, 700];

fn text_strategy(max_words: usize, max_len: usize) -> impl Strategy<Value = String> {
    let lengths: Vec<usize> = LENGTHS.into_iter().filter(|l| *l <= max_len).collect();
    prop::collection::vec((prop::sample::select(lengths), 0usize..6), 0..=max_words).prop_map(
        |ws| {
            ws.into_iter()
                .map(|(len, at)| word(len, at))
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

/// A piece of Markdown: a heading, a paragraph, a table or a (nested) list.
fn markdown_piece() -> impl Strategy<Value = String> {
    // Word lengths up to 700: a word wider than any column, and a header cell of 600+.
    let heading = (1usize..=3, text_strategy(8, 60))
        .prop_map(|(level, text)| format!("{} H {text}\n\n", "#".repeat(level)));
    let paragraph = text_strategy(40, 700).prop_map(|text| format!("{text}\n\n"));
    let table = (1usize..=10, 0usize..=12)
        .prop_flat_map(|(cols, rows)| {
            (
                prop::collection::vec(text_strategy(3, 700), cols),
                prop::collection::vec(prop::collection::vec(text_strategy(5, 120), cols), rows),
            )
        })
        .prop_map(|(header, rows)| {
            let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
            let mut md = line(&header);
            md.push_str(&format!("|{}\n", "---|".repeat(header.len())));
            for row in &rows {
                md.push_str(&line(row));
            }
            md.push('\n');
            md
        });
    let list =
        prop::collection::vec((0usize..40, text_strategy(10, 80)), 1..30).prop_map(|items| {
            // Each item at most one level deeper than the one before.
            let mut depth = 0;
            let mut md = String::new();
            for (want, text) in items {
                depth = want.min(depth + 1);
                md.push_str(&format!("{}- {text}\n", "  ".repeat(depth)));
            }
            md.push('\n');
            md
        });
    prop_oneof![heading, paragraph, table, list]
}

/// Blocks Markdown does not make: set row heights, contents, breaks and space.
fn block_strategy() -> impl Strategy<Value = Block> {
    prop_oneof![
        (
            1usize..=6,
            0usize..=6,
            text_strategy(3, 700),
            0.0f32..3000.0
        )
            .prop_map(|(cols, rows, text, min)| {
                let cells: Vec<Vec<Span>> = (0..cols).map(|_| vec![Span::plain(&text)]).collect();
                let mut t = table(cells.clone(), vec![cells; rows]);
                t.min_row_height = min;
                Block::Table(t)
            }),
        Just(Block::Contents),
        Just(Block::PageBreak),
        (0.0f32..2000.0).prop_map(Block::Space),
        (1u8..=3, text_strategy(5, 400)).prop_map(|(level, text)| Block::Heading {
            level,
            text,
            toc: true
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(16), ..ProptestConfig::default() })]

    #[test]
    fn any_markdown_lays_out_on_a_bounded_number_of_sane_pages(
        pieces in prop::collection::vec(markdown_piece(), 1..8)
    ) {
        let blocks = markdown::blocks(&pieces.concat());
        let out = check(&blocks);
        // Nothing is lost: every character is drawn (and a repeated header again).
        prop_assert!(drawn_chars(&out) >= block_chars(&blocks));
    }

    #[test]
    fn any_mix_of_blocks_lays_out_on_a_bounded_number_of_sane_pages(
        blocks in prop::collection::vec(block_strategy(), 1..12)
    ) {
        check(&blocks);
    }
}
