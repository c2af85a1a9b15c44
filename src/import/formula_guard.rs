//! The one rule that keeps a CSV cell written by Keel from running as a spreadsheet
//! formula, and that reads it back to the value it holds.
//!
//! **Writing** ([`guard`]): a cell whose text starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return, or with white space followed by `=`, `+`, `-` or `@` (some
//! spreadsheets trim leading spaces on import), or with an apostrophe, is written with
//! one apostrophe in front. Every other cell is written as it is.
//!
//! **Reading** ([`unguard`]): one leading apostrophe is removed from every cell.
//!
//! Why an apostrophe: it is the mark spreadsheets themselves use for "this cell is
//! text, not a formula" (Excel, LibreOffice and Google Sheets all accept it), so a
//! cell such as `'=SUM(A1)` opens as the text `=SUM(A1)`. The apostrophe itself is
//! guarded too, so the rule is reversible: for every text `t`,
//! `unguard(&guard(t)) == t`, and a name that really starts with an apostrophe
//! (`'quoted`) is written `''quoted` and comes back as `'quoted`.
//!
//! Values that legitimately start with `-` or `+` (a phone number `+44 20 7946 0000`
//! as an owner, an activity named `-x`) are guarded like any other: they open in a
//! spreadsheet as the text they are, and come back unchanged. Keel has no CSV column
//! where a leading sign is a number's sign: durations (`4h`, `PT4H`), percentages
//! (`50%`) and dates (`2026-03-31`) never start with one.
//!
//! Files written by people: a person who types `'=x` in a spreadsheet means the text
//! `=x`. The spreadsheet usually drops its own apostrophe when it saves as CSV, and
//! when the apostrophe survives, [`unguard`] removes it: either way Keel reads `=x`.
//! The price is that a value which really starts with an apostrophe is written with
//! two in the file (`''quoted`), as Keel's own export does.

use std::borrow::Cow;

/// The mark put in front of a cell that must not run as a formula.
pub const TEXT_MARK: char = '\'';

/// First characters that make a spreadsheet run (or, for tab and carriage return,
/// reinterpret) a cell.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` must be written with [`TEXT_MARK`] in front.
fn needs_mark(text: &str) -> bool {
    text.starts_with(FORMULA_TRIGGERS)
        || text.starts_with(TEXT_MARK)
        || text.trim_start().starts_with(['=', '+', '-', '@'])
}

/// The cell as Keel writes it: safe to open in a spreadsheet (see the module comment).
pub fn guard(text: &str) -> Cow<'_, str> {
    if needs_mark(text) {
        Cow::Owned(format!("{TEXT_MARK}{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The value a cell holds, as Keel reads it: without one leading [`TEXT_MARK`].
pub fn unguard(cell: &str) -> &str {
    cell.strip_prefix(TEXT_MARK).unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cells_that_would_run_are_marked_and_read_back() {
        for (value, written) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+44 20 7946 0000", "'+44 20 7946 0000"),
            ("-x", "'-x"),
            ("@home", "'@home"),
            ("\tindented", "'\tindented"),
            ("\rreturn", "'\rreturn"),
            ("  =1+1", "'  =1+1"),
            ("\u{a0}@x", "'\u{a0}@x"),
            ("'quoted", "''quoted"),
            ("Dispatch", "Dispatch"),
            ("4h", "4h"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(guard(value), written, "{value:?}");
            assert_eq!(unguard(written), value, "{written:?}");
        }
    }

    #[test]
    fn a_person_typing_the_mark_means_the_text_after_it() {
        assert_eq!(unguard("'=x"), "=x");
        assert_eq!(unguard("=x"), "=x", "an unmarked cell is read as it is");
    }

    proptest! {
        #[test]
        fn any_text_survives_the_round_trip(text in any::<String>()) {
            let written = guard(&text);
            prop_assert_eq!(unguard(&written), text.as_str());
        }

        #[test]
        fn no_guarded_cell_starts_like_a_formula(
            text in prop_oneof![
                any::<String>(),
                ("[=+\\-@\t\r' ]{1,3}", any::<String>()).prop_map(|(a, b)| a + &b),
            ]
        ) {
            let written = guard(&text);
            prop_assert!(!written.starts_with(FORMULA_TRIGGERS), "{:?}", written);
            prop_assert!(
                !written.trim_start().starts_with(['=', '+', '-', '@']),
                "{:?}",
                written
            );
        }
    }
}
