//! The injects as they came up, each expected action with what the observers made of
//! it, and the score; the injects still to come when the exercise closed, in brief.

use super::front::score_line;
use super::model::ExerciseReport;
use super::offset;
use crate::domain::Rating;
use crate::event::exercise::InjectRow;
use crate::report::flow::{Block, Table};
use crate::report::fonts::Style;
use crate::report::paragraph::Span;
use crate::report::parts::{DASH, cells, heading, key_values, printable, short, table};

fn rating_cell(rating: Option<Rating>) -> Vec<Span> {
    match rating {
        Some(Rating::Observed) => vec![Span::plain("observed")],
        Some(Rating::Partly) => vec![Span::plain("partly observed")],
        Some(Rating::Missed) => vec![Span::styled("MISSED", Style::Bold)],
        None => vec![Span::plain("not rated")],
    }
}

fn inject_heading(i: &InjectRow) -> String {
    format!(
        "Inject {} at {} ({})",
        i.inject.number,
        offset(i64::from(i.inject.offset_min.minutes())),
        short(&i.due_at)
    )
}

/// The injects that came up with their ratings, the score, and the injects that did not
/// come up.
pub(super) fn injects(r: &ExerciseReport, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(1, "3. Injects and scoring", true));
    if r.injects.is_empty() {
        out.push(Block::text("The exercise had no injects."));
        return;
    }
    let s = &r.score;
    out.push(key_values(vec![
        ("Score", score_line(r)),
        (
            "How it is scored",
            "each expected action of an inject that came up is rated by an observer: observed counts 2, partly observed 1, missed 0; the score is the points over the most the rated actions could have made. The latest rating of an action counts.".into(),
        ),
    ]));
    if s.unrated > 0 {
        out.push(Block::text(format!(
            "{} expected {} of injects that came up {} not rated and {} not counted.",
            s.unrated,
            if s.unrated == 1 { "action" } else { "actions" },
            if s.unrated == 1 { "was" } else { "were" },
            if s.unrated == 1 { "is" } else { "are" },
        )));
    }
    for i in r.injects.iter().filter(|i| i.up) {
        out.push(heading(3, inject_heading(i), false));
        out.push(Block::text(printable(&i.inject.text)));
        if i.expected.is_empty() {
            out.push(Block::text("No action was expected."));
            continue;
        }
        out.push(Block::Table(Table {
            columns: vec![0.4, 4.2, 1.3, 2.9],
            header: cells(&["#", "Expected action", "Rating", "Observer's note"]),
            rows: i
                .expected
                .iter()
                .map(|e| {
                    let mut note = Vec::new();
                    if !e.note.is_empty() {
                        note.push(Span::plain(printable(&e.note)));
                    }
                    if !e.by.is_empty() {
                        note.push(Span::styled(
                            format!("{}{}", if e.note.is_empty() { "" } else { "\n" }, e.by),
                            Style::Italic,
                        ));
                    }
                    vec![
                        vec![Span::plain(e.number.to_string())],
                        vec![Span::plain(printable(&e.text))],
                        rating_cell(e.rating),
                        note,
                    ]
                })
                .collect(),
            size: 8.5,
            min_row_height: 0.0,
        }));
    }
    let to_come: Vec<&InjectRow> = r.injects.iter().filter(|i| !i.up).collect();
    if !to_come.is_empty() {
        out.push(heading(3, "Injects that did not come up", false));
        out.push(Block::text(if r.closed() {
            "Their time had not come when the exercise closed; their expected actions are not scored."
        } else {
            "Their time has not come yet."
        }));
        out.push(table(
            &[0.5, 1.4, 5.9, 1.0],
            &["#", "Due", "What happens", "Expected"],
            to_come
                .iter()
                .map(|i| {
                    vec![
                        i.inject.number.to_string(),
                        format!(
                            "{}\n{}",
                            offset(i64::from(i.inject.offset_min.minutes())),
                            short(&i.due_at)
                        ),
                        printable(&i.inject.text),
                        match i.expected.len() {
                            0 => DASH.to_owned(),
                            1 => "1 action".to_owned(),
                            n => format!("{n} actions"),
                        },
                    ]
                })
                .collect(),
        ));
    }
}
