//! Reading a spreadsheet export the way it arrives in real life: comma or semicolon
//! separated, UTF-8 with or without a byte-order mark, CRLF, quoted fields with
//! newlines, headers in any case and order.

use std::path::Path;

use super::formula_guard;
use crate::capped_read::{Capped, read_capped};
use crate::{Error, Result};

/// A CSV file as named columns; `line` is where each row starts in the file.
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// The largest CSV file `import` reads: 64 MiB. A large real engagement (5,000
/// activities, 5,000 resources and 50,000 dependencies) takes about 3 MiB as CSV, so
/// this leaves a wide margin, while a file that is not a catalogue at all (a database
/// dump, a log) is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

impl Table {
    /// Reads a CSV file of at most [`MAX_FILE_BYTES`]; a larger one is refused before it
    /// is read.
    pub fn read(path: &Path) -> Result<Table> {
        let bytes = match read_capped(path, MAX_FILE_BYTES)? {
            Capped::Bytes(bytes) => bytes,
            Capped::TooLarge(size) => return Err(too_large(path, size)),
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Unreadable(format!(
                "{} is not UTF-8 text; save it from the spreadsheet as CSV UTF-8",
                path.display()
            ))
        })?;
        Self::parse(&text, path)
    }

    /// The table in `text`, the contents of the file at `path` (named in messages).
    /// Every data cell is read through [`formula_guard::unguard`].
    pub fn parse(text: &str, path: &Path) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first_line = text.lines().next().unwrap_or("");
        let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let columns = reader
            .headers()
            .map_err(|e| {
                Error::Unreadable(format!(
                    "{}: the header row cannot be read: {e}",
                    path.display()
                ))
            })?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record =
                record.map_err(|e| Error::Unreadable(format!("{}: {e}", path.display())))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let cells = record
                .iter()
                .map(|cell| formula_guard::unguard(cell).to_owned())
                .collect();
            rows.push((line, cells));
        }
        Ok(Table { columns, rows })
    }

    /// The index of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// Columns the importer does not know, to report (and ignore).
    pub fn unknown_columns(&self, known: &[&str]) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| !c.is_empty() && !known.contains(&c.as_str()))
            .cloned()
            .collect()
    }
}

/// The cell of `row` in column `index`, trimmed; empty when absent.
pub fn cell(row: &[String], index: Option<usize>) -> &str {
    index.and_then(|i| row.get(i)).map_or("", |s| s.trim())
}

/// The refusal of a file above [`MAX_FILE_BYTES`]; `size` when the file system knew it.
fn too_large(path: &Path, size: Option<u64>) -> Error {
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    let limit = format!("{:.0} MiB", mib(MAX_FILE_BYTES));
    let size = match size {
        Some(bytes) => format!("is {:.1} MiB ({bytes} bytes)", mib(bytes)),
        None => format!("holds more than {limit}"),
    };
    Error::Unreadable(format!(
        "{} {size}, and Keel imports CSV files of up to {limit}. Nothing was imported: \
         check that it is the right file, or split it into smaller files and import them \
         one after another.",
        path.display(),
    ))
}
