//! Import from spreadsheets: activities, resources and dependencies as CSV files, all
//! or nothing in one transaction. Re-importing the same files changes nothing; every
//! rejected row is reported with its line and reason, and then nothing is written.

pub mod formula_guard;
pub(crate) mod table;
mod words;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::{
    Activity, ActivityInput, ActivityQuery, AuditEntry, InterviewDuration, InterviewEdit, NodeRef,
    OrgUnitInput, Resource,
};
use crate::{EngagementStore, Error, Result};
pub use table::MAX_FILE_BYTES;
use table::{Table, cell};

/// The files to import; any may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportFiles {
    pub activities: Option<PathBuf>,
    pub resources: Option<PathBuf>,
    pub dependencies: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    /// True when the changes were written (no rejected row, not a dry run).
    pub applied: bool,
    pub dry_run: bool,
    /// What the import wrote (or would write), as the audit log records it: one entry
    /// per record created and per field changed.
    pub changes: Vec<AuditEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FileReport {
    pub file: String,
    pub rows: usize,
    pub unknown_columns: Vec<String>,
    pub rejected: Vec<RejectedRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RejectedRow {
    pub line: u64,
    pub reason: String,
}

pub const ACTIVITY_COLUMNS: &[&str] = &[
    "name",
    "unit",
    "owner",
    "description",
    "mtpd",
    "rto",
    "rpo",
    "mbco",
];
/// `demonstrated_on` (the date of the exercise that showed a demonstrated capability)
/// goes beyond the columns people are asked for; Keel writes it when it exports.
pub const RESOURCE_COLUMNS: &[&str] = &[
    "name",
    "kind",
    "owner",
    "strategy",
    "rtc",
    "rpc",
    "evidence",
    "demonstrated_on",
];
pub const DEPENDENCY_COLUMNS: &[&str] = &["from", "to", "group"];

impl EngagementStore {
    /// Imports the files in one transaction. With `dry_run`, or when any row is
    /// rejected, nothing is kept; the report says what was (or would be) done.
    pub fn import(&mut self, files: &ImportFiles, dry_run: bool) -> Result<ImportReport> {
        let tables: Vec<(&'static str, PathBuf, Table)> = [
            ("activities", &files.activities),
            ("resources", &files.resources),
            ("dependencies", &files.dependencies),
        ]
        .into_iter()
        .filter_map(|(what, path)| path.as_ref().map(|p| (what, p.clone())))
        .map(|(what, path)| Table::read(&path).map(|t| (what, path, t)))
        .collect::<Result<_>>()?;

        let mut report = ImportReport {
            dry_run,
            ..Default::default()
        };
        let audit_before = self.last_audit_id()?;
        let outcome = self.all_or_nothing(dry_run, |store| {
            for (what, path, table) in &tables {
                let (known, import_row): (&[&str], RowImporter) = match *what {
                    "activities" => (ACTIVITY_COLUMNS, import_activity),
                    "resources" => (RESOURCE_COLUMNS, import_resource),
                    _ => (DEPENDENCY_COLUMNS, import_dependency),
                };
                let mut file = FileReport {
                    file: path.display().to_string(),
                    rows: table.rows.len(),
                    unknown_columns: table.unknown_columns(known),
                    rejected: Vec::new(),
                };
                if table.column(known[0]).is_none() {
                    file.rejected.push(RejectedRow {
                        line: 1,
                        reason: format!("the file has no \u{201c}{}\u{201d} column", known[0]),
                    });
                }
                for (line, row) in &table.rows {
                    // Each row runs in a savepoint: a refused row leaves nothing behind.
                    if let Err(err) = import_row(store, table, row) {
                        file.rejected.push(RejectedRow {
                            line: *line,
                            reason: err.to_string(),
                        });
                    }
                }
                report.files.push(file);
            }
            report.changes = store.audit_since(audit_before)?;
            if report.files.iter().any(|f| !f.rejected.is_empty()) {
                // Roll everything back: a bad file never leaves half an import.
                return Err(Error::Conflict("rows were rejected".into()));
            }
            Ok(())
        });
        match outcome {
            Ok(()) => report.applied = !dry_run,
            Err(_) if report.files.iter().any(|f| !f.rejected.is_empty()) => {}
            Err(err) => return Err(err),
        }
        Ok(report)
    }
}

type RowImporter = fn(&mut EngagementStore, &Table, &[String]) -> Result<()>;

fn activity_named(store: &EngagementStore, name: &str) -> Result<Option<Activity>> {
    let key = name.trim().to_lowercase();
    Ok(store
        .activities(&ActivityQuery {
            search: name.trim().into(),
            unit_id: None,
        })?
        .into_iter()
        .find(|a| a.name.to_lowercase() == key))
}

fn resource_named(store: &EngagementStore, name: &str) -> Result<Vec<Resource>> {
    let key = name.trim().to_lowercase();
    Ok(store
        .resources()?
        .into_iter()
        .filter(|r| r.name.to_lowercase() == key)
        .collect())
}

fn import_activity(store: &mut EngagementStore, table: &Table, row: &[String]) -> Result<()> {
    let get = |c: &str| cell(row, table.column(c));
    let name = get("name");
    let unit_id = match get("unit") {
        "" => None,
        unit => Some(match store.unit_by_name(unit)? {
            Some(u) => u.id,
            None => {
                store
                    .add_unit(&OrgUnitInput {
                        name: unit.into(),
                        description: String::new(),
                    })?
                    .id
            }
        }),
    };
    let existing = activity_named(store, name)?;
    let id = match existing {
        None => {
            store
                .add_activity(&ActivityInput {
                    name: name.into(),
                    unit_id,
                    owner: get("owner").into(),
                    description: get("description").into(),
                    products_services: Vec::new(),
                })?
                .id
        }
        Some(a) => {
            let input = ActivityInput {
                name: a.name.clone(),
                unit_id: if table.column("unit").is_some() {
                    unit_id
                } else {
                    a.unit_id
                },
                owner: if table.column("owner").is_some() {
                    get("owner").into()
                } else {
                    a.owner.clone()
                },
                description: if table.column("description").is_some() {
                    get("description").into()
                } else {
                    a.description.clone()
                },
                products_services: a.products_services.clone(),
            };
            if input.unit_id != a.unit_id
                || input.owner != a.owner
                || input.description != a.description
            {
                store.update_activity(a.id, &input)?;
            }
            a.id
        }
    };
    let mut edits = Vec::new();
    if !get("mtpd").is_empty() {
        edits.push(InterviewEdit::MtpdOverride {
            value: get("mtpd").into(),
            reason: "Imported from a spreadsheet".into(),
        });
    }
    for (column, field) in [
        ("rto", InterviewDuration::Rto),
        ("rpo", InterviewDuration::Rpo),
    ] {
        if !get(column).is_empty() {
            edits.push(InterviewEdit::Duration {
                field,
                value: get(column).into(),
            });
        }
    }
    let mbco = get("mbco");
    if !mbco.is_empty() {
        if mbco.trim_end_matches('%').trim().parse::<u8>().is_ok() {
            edits.push(InterviewEdit::MbcoPercent { value: mbco.into() });
        } else {
            edits.push(InterviewEdit::Text {
                field: crate::domain::InterviewText::MbcoStatement,
                value: mbco.into(),
            });
        }
    }
    if !edits.is_empty() {
        store.edit_interview_all(id, &edits)?;
    }
    Ok(())
}

fn import_resource(store: &mut EngagementStore, table: &Table, row: &[String]) -> Result<()> {
    let get = |c: &str| cell(row, table.column(c));
    let name = get("name");
    let kind = words::kind(get("kind")).ok_or_else(|| {
        Error::Conflict(format!(
            "\u{201c}{}\u{201d} is not a kind of resource; use IT service, application, infrastructure, data, supplier, site, people or equipment",
            get("kind")
        ))
    })?;
    let resource = store.add_catalogue_resource(name, kind)?;
    let mut capability = store.resource_capability(resource.id)?;
    let before = capability.clone();
    if table.column("owner").is_some() {
        capability.owner = get("owner").into();
    }
    if table.column("strategy").is_some() {
        capability.strategy = match get("strategy") {
            "" => None,
            text => Some(words::strategy(text).ok_or_else(|| {
                Error::Conflict(format!(
                    "\u{201c}{text}\u{201d} is not a recovery strategy Keel knows"
                ))
            })?),
        };
    }
    if table.column("rtc").is_some() {
        capability.rtc = get("rtc").into();
    }
    if table.column("rpc").is_some() {
        capability.rpc = get("rpc").into();
    }
    if table.column("evidence").is_some() {
        capability.evidence = match get("evidence") {
            "" => None,
            text => Some(words::evidence(text).ok_or_else(|| {
                Error::Conflict(format!(
                    "\u{201c}{text}\u{201d} is not target, committed or demonstrated"
                ))
            })?),
        };
    }
    if table.column("demonstrated_on").is_some() {
        capability.demonstrated_on = get("demonstrated_on").into();
    }
    if capability != before {
        store.set_resource_capability(resource.id, &capability)?;
    }
    Ok(())
}

fn named(store: &EngagementStore, name: &str) -> Result<NodeRef> {
    let activity = activity_named(store, name)?;
    let resources = resource_named(store, name)?;
    match (activity, resources.as_slice()) {
        (Some(a), []) => Ok(NodeRef::Activity(a.id)),
        (None, [r]) => Ok(NodeRef::Resource(r.id)),
        (None, []) => Err(Error::Conflict(format!(
            "nothing is named \u{201c}{name}\u{201d}"
        ))),
        _ => Err(Error::Conflict(format!(
            "more than one activity or resource is named \u{201c}{name}\u{201d}"
        ))),
    }
}

fn import_dependency(store: &mut EngagementStore, table: &Table, row: &[String]) -> Result<()> {
    let get = |c: &str| cell(row, table.column(c));
    let (from, to) = (named(store, get("from"))?, named(store, get("to"))?);
    store.add_need(from, to, get("group"))
}
