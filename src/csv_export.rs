//! The engagement's activities, resources and dependencies as the three CSV files that
//! `import` reads: for working on them in a spreadsheet, and to move the catalogue from
//! one engagement to another. Importing them again changes nothing. No cell runs as a
//! formula when the files are opened in a spreadsheet (see [`formula_guard`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::domain::{ActivityQuery, BiaResult, Duration};
use crate::import::{
    ACTIVITY_COLUMNS, DEPENDENCY_COLUMNS, ImportFiles, RESOURCE_COLUMNS, formula_guard,
};
use crate::{EngagementStore, Error, Result};

/// One CSV field: guarded against running as a spreadsheet formula (the rule is
/// [`formula_guard`]'s, shared with `import`), then quoted when it holds a separator, a
/// quote, a line break or spaces at its ends.
fn field(text: &str) -> String {
    let text = formula_guard::guard(text);
    let plain = !text.contains([',', ';', '"', '\n', '\r']) && text.trim() == text;
    if plain {
        text.into_owned()
    } else {
        format!("\"{}\"", text.replace('"', "\"\""))
    }
}

/// A CSV file's text: the header, then one line per row, every field through [`field`].
pub(crate) fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        let _ = write!(out, "{}\r\n", cells.join(","));
    }
    out
}

fn time(d: Option<Duration>) -> String {
    Duration::text_or(d, "")
}

impl EngagementStore {
    /// The three files' contents: activities, resources, dependencies.
    pub fn catalogue_csv(&self) -> Result<[String; 3]> {
        let results: HashMap<i64, BiaResult> = self
            .bia_results()?
            .into_iter()
            .map(|r| (r.activity_id, r))
            .collect();
        let mut activities = Vec::new();
        for activity in self.activities(&ActivityQuery::default())? {
            let bia = results.get(&activity.id);
            let mbco = bia.map(|r| r.minimum_level()).unwrap_or_default();
            activities.push(vec![
                activity.name,
                activity.unit_name.unwrap_or_default(),
                activity.owner,
                activity.description,
                time(bia.and_then(|r| r.mtpd)),
                time(bia.and_then(|r| r.rto)),
                time(bia.and_then(|r| r.rpo)),
                mbco,
            ]);
        }
        let mut capabilities = self.resource_capabilities()?;
        let mut resources = Vec::new();
        for resource in self.resources()? {
            let c = capabilities.remove(&resource.id).unwrap_or_default();
            resources.push(vec![
                resource.name,
                resource.kind.label().to_owned(),
                c.owner,
                c.strategy.map(|s| s.label().to_owned()).unwrap_or_default(),
                c.rtc,
                c.rpc,
                c.evidence
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
                c.demonstrated_on,
            ]);
        }
        let parts = self.graph_parts()?;
        let dependencies: Vec<Vec<String>> = parts
            .edges
            .iter()
            .map(|(from, to, group)| {
                vec![
                    parts.graph.nodes[*from].name.clone(),
                    parts.graph.nodes[*to].name.clone(),
                    group.clone(),
                ]
            })
            .collect();
        Ok([
            csv_text(ACTIVITY_COLUMNS, &activities),
            csv_text(RESOURCE_COLUMNS, &resources),
            csv_text(DEPENDENCY_COLUMNS, &dependencies),
        ])
    }

    /// Writes `activities.csv`, `resources.csv` and `dependencies.csv` into `dir`
    /// (created if needed) and returns their paths, ready for [`Self::import`].
    pub fn write_catalogue_csv(&self, dir: &Path) -> Result<ImportFiles> {
        std::fs::create_dir_all(dir).map_err(Error::io("create the folder", dir))?;
        let [activities, resources, dependencies] = self.catalogue_csv()?;
        let mut paths: Vec<PathBuf> = Vec::new();
        for (name, text) in [
            ("activities.csv", activities),
            ("resources.csv", resources),
            ("dependencies.csv", dependencies),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(Error::io("write", &path))?;
            paths.push(path);
        }
        let mut paths = paths.into_iter();
        Ok(ImportFiles {
            activities: paths.next(),
            resources: paths.next(),
            dependencies: paths.next(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::{csv_text, field};
    use crate::import::formula_guard::FORMULA_TRIGGERS;
    use crate::import::table::Table;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("Dispatch"), "Dispatch");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
    }

    #[test]
    fn fields_that_would_run_as_formulas_are_marked_as_text() {
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(
            field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("+44 20 7946 0000"), "'+44 20 7946 0000");
        assert_eq!(field("'quoted"), "''quoted");
    }

    /// The cells of a CSV text as a spreadsheet sees them: unquoted, untrimmed.
    fn raw_cells(text: &str) -> Vec<String> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .flat_map(|r| r.map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>()))
            .flatten()
            .collect()
    }

    proptest! {
        /// Any value Keel can hold (the store trims what it keeps) is exported as a cell
        /// that no spreadsheet runs, and `import` reads it back unchanged.
        #[test]
        fn exported_cells_never_run_and_import_back_unchanged(
            value in prop_oneof![
                any::<String>(),
                ("[=+\\-@\t\r' ,;\"]{1,3}", any::<String>()).prop_map(|(a, b)| a + &b),
            ]
        ) {
            let value = value.trim().to_owned();
            let text = csv_text(&["name", "owner"], &[vec![value.clone(), "marker".into()]]);
            for cell in raw_cells(&text) {
                prop_assert!(!cell.starts_with(FORMULA_TRIGGERS), "{:?} in {:?}", cell, text);
            }
            let table = Table::parse(&text, Path::new("test.csv"))
                .map_err(|e| TestCaseError::fail(format!("{e}: {text:?}")))?;
            prop_assert_eq!(table.rows.len(), 1);
            prop_assert_eq!(&table.rows[0].1[0], &value);
        }
    }
}
