//! The engagement's activities, resources and dependencies as the three CSV files that
//! `import` reads: for working on them in a spreadsheet, and to move the catalogue from
//! one engagement to another. Importing them again changes nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::domain::{ActivityQuery, Duration};
use crate::import::{ACTIVITY_COLUMNS, DEPENDENCY_COLUMNS, ImportFiles, RESOURCE_COLUMNS};
use crate::{EngagementStore, Error, Result};

/// One CSV field, quoted when it holds a separator, a quote, a line break or spaces at
/// its ends.
fn field(text: &str) -> String {
    let plain = !text.contains([',', ';', '"', '\n', '\r']) && text.trim() == text;
    if plain {
        text.to_owned()
    } else {
        format!("\"{}\"", text.replace('"', "\"\""))
    }
}

fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        let _ = write!(out, "{}\r\n", cells.join(","));
    }
    out
}

fn time(d: Option<Duration>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl EngagementStore {
    /// The three files' contents: activities, resources, dependencies.
    pub fn catalogue_csv(&self) -> Result<[String; 3]> {
        let results = self.bia_results()?;
        let mut activities = Vec::new();
        for activity in self.activities(&ActivityQuery::default())? {
            let bia = results.iter().find(|r| r.activity_id == activity.id);
            let mbco = bia
                .map(|r| match r.mbco_percent {
                    Some(p) => format!("{p}%"),
                    None => r.mbco_statement.clone(),
                })
                .unwrap_or_default();
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
        let mut resources = Vec::new();
        for resource in self.resources()? {
            let c = self.resource_capability(resource.id)?;
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
            csv(ACTIVITY_COLUMNS, &activities),
            csv(RESOURCE_COLUMNS, &resources),
            csv(DEPENDENCY_COLUMNS, &dependencies),
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
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("Dispatch"), "Dispatch");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
    }
}
