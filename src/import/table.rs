//! Reading a spreadsheet export the way it arrives in real life: comma or semicolon
//! separated, UTF-8 with or without a byte-order mark, CRLF, quoted fields with
//! newlines, headers in any case and order.

use std::path::Path;

use crate::{Error, Result};

/// A CSV file as named columns; `line` is where each row starts in the file.
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    pub fn read(path: &Path) -> Result<Table> {
        let bytes = std::fs::read(path).map_err(Error::io("read", path))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Conflict(format!(
                "{} is not UTF-8 text; save it from the spreadsheet as CSV UTF-8",
                path.display()
            ))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
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
                Error::Conflict(format!(
                    "{}: the header row cannot be read: {e}",
                    path.display()
                ))
            })?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| Error::Conflict(format!("{}: {e}", path.display())))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            rows.push((line, record.iter().map(str::to_owned).collect()));
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
