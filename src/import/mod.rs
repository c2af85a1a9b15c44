//! Import from spreadsheets: activities, resources and dependencies as CSV files, all
//! or nothing in one transaction. Re-importing the same files changes nothing; every
//! rejected row is reported with its line and reason, and then nothing is written. A
//! duration or minimum service an activity's cell gives, or an RTC, RPC or date a
//! resource's, that Keel cannot accept (`TBD`, `2-4 hours`) does not refuse its row: it
//! is imported as written, unresolved, with a suggestion where one is likely, and listed
//! in the report.
//! Files above [`MAX_FILE_BYTES`] are refused before they are read; a cell's leading
//! apostrophe is read as [`formula_guard`] says.

pub mod formula_guard;
pub mod sample;
pub(crate) mod table;
mod words;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::{ActivityInput, AuditEntry, InterviewDuration, InterviewEdit};
use crate::store::CatalogueBatch;
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
    /// Cells imported as written, unresolved, because Keel could not accept them.
    pub unresolved: Vec<UnresolvedCell>,
}

/// A cell imported as written and kept unresolved: where it is, what it says, and why
/// it was not accepted (with a likely reading where there is one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UnresolvedCell {
    pub line: u64,
    pub column: String,
    /// The activity or resource the row is about.
    pub name: String,
    pub text: String,
    pub message: String,
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

/// How far an import has got, for a progress bar: rows handled (imported or rejected)
/// out of the rows of all its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportProgress {
    pub rows_done: usize,
    pub rows_total: usize,
}

/// Progress is reported after this many rows (and at the start and the end).
const PROGRESS_EVERY: usize = 500;

impl EngagementStore {
    /// Imports the files in one transaction. With `dry_run`, or when any row is
    /// rejected, nothing is kept; the report says what was (or would be) done.
    pub fn import(&mut self, files: &ImportFiles, dry_run: bool) -> Result<ImportReport> {
        self.import_with_progress(files, dry_run, &mut |_| {})
    }

    /// [`Self::import`], calling `progress` as rows are handled: once with none done,
    /// then every few hundred rows, and once with all done (before the report is
    /// gathered and the transaction ends).
    ///
    /// Every file is read (and refused above [`MAX_FILE_BYTES`]) before anything is
    /// written. The catalogue is read once into indexes by name, so the time grows with
    /// the number of rows, not with its square.
    pub fn import_with_progress(
        &mut self,
        files: &ImportFiles,
        dry_run: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let tables: Vec<(&'static str, PathBuf, Table)> = [
            ("activities", &files.activities),
            ("resources", &files.resources),
            ("dependencies", &files.dependencies),
        ]
        .into_iter()
        .filter_map(|(what, path)| path.as_ref().map(|p| (what, p.clone())))
        .map(|(what, path)| Table::read(&path).map(|t| (what, path, t)))
        .collect::<Result<_>>()?;
        let rows_total = tables.iter().map(|(_, _, t)| t.rows.len()).sum();
        let mut rows_done = 0;
        progress(ImportProgress {
            rows_done,
            rows_total,
        });

        let mut report = ImportReport {
            dry_run,
            ..Default::default()
        };
        let outcome = self.all_or_nothing(dry_run, |store| {
            let audit_before = store.last_audit_id()?;
            store.catalogue_batch(|batch| {
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
                        unresolved: Vec::new(),
                    };
                    if table.column(known[0]).is_none() {
                        file.rejected.push(RejectedRow {
                            line: 1,
                            reason: format!("the file has no \u{201c}{}\u{201d} column", known[0]),
                        });
                    }
                    for (line, row) in &table.rows {
                        // A refused row leaves nothing behind, and the others go on. A
                        // need is checked in full before it is written (see
                        // `CatalogueBatch::add_need`), so it does without the row's
                        // savepoint, which would cost more than the need itself.
                        let result = if *what == "dependencies" {
                            import_row(batch, table, row)
                        } else {
                            batch.row(|batch| import_row(batch, table, row))
                        };
                        match result {
                            Ok(kept) => file.unresolved.extend(kept.into_iter().map(|cell| {
                                UnresolvedCell {
                                    line: *line,
                                    ..cell
                                }
                            })),
                            Err(err) => file.rejected.push(RejectedRow {
                                line: *line,
                                reason: err.to_string(),
                            }),
                        }
                        rows_done += 1;
                        if rows_done % PROGRESS_EVERY == 0 {
                            progress(ImportProgress {
                                rows_done,
                                rows_total,
                            });
                        }
                    }
                    report.files.push(file);
                }
                Ok(())
            })?;
            progress(ImportProgress {
                rows_done,
                rows_total,
            });
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

/// Imports one row; returns the cells kept unresolved (their line is filled in by the
/// caller).
type RowImporter = fn(&mut CatalogueBatch<'_>, &Table, &[String]) -> Result<Vec<UnresolvedCell>>;

fn import_activity(
    batch: &mut CatalogueBatch<'_>,
    table: &Table,
    row: &[String],
) -> Result<Vec<UnresolvedCell>> {
    let get = |c: &str| cell(row, table.column(c));
    let name = get("name");
    let unit_id = match get("unit") {
        "" => None,
        unit => Some(batch.unit_named_or_new(unit)?),
    };
    let activity = match batch.activity_named(name).cloned() {
        None => batch.add_activity(&ActivityInput {
            name: name.into(),
            unit_id,
            owner: get("owner").into(),
            description: get("description").into(),
            products_services: Vec::new(),
        })?,
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
                batch.update_activity(&a, &input)?
            } else {
                a
            }
        }
    };
    // Each cell on its own, the MTPD first (the RTO is checked against it): a value Keel
    // cannot accept is kept as written, unresolved.
    let mut edits = Vec::new();
    if !get("mtpd").is_empty() {
        edits.push((
            "mtpd",
            InterviewEdit::MtpdOverride {
                value: get("mtpd").into(),
                reason: "Imported from a spreadsheet".into(),
            },
        ));
    }
    for (column, field) in [
        ("rto", InterviewDuration::Rto),
        ("rpo", InterviewDuration::Rpo),
    ] {
        if !get(column).is_empty() {
            edits.push((
                column,
                InterviewEdit::Duration {
                    field,
                    value: get(column).into(),
                },
            ));
        }
    }
    let mbco = get("mbco");
    if !mbco.is_empty() {
        // A number is a percentage (kept unresolved when it is not one, e.g. 150); words
        // are the minimum service in a sentence.
        let edit = if mbco.trim_end_matches('%').trim().parse::<f64>().is_ok() {
            InterviewEdit::MbcoPercent { value: mbco.into() }
        } else {
            InterviewEdit::Text {
                field: crate::domain::InterviewText::MbcoStatement,
                value: mbco.into(),
            }
        };
        edits.push(("mbco", edit));
    }
    if edits.is_empty() {
        return Ok(Vec::new());
    }
    let (columns, edits): (Vec<&str>, Vec<InterviewEdit>) = edits.into_iter().unzip();
    Ok(batch
        .edit_interview_keeping(&activity, &edits)?
        .into_iter()
        .map(|(index, value)| UnresolvedCell {
            line: 0,
            column: columns.get(index).copied().unwrap_or_default().to_owned(),
            name: activity.name.clone(),
            text: value.text,
            message: value.message,
        })
        .collect())
}

fn import_resource(
    batch: &mut CatalogueBatch<'_>,
    table: &Table,
    row: &[String],
) -> Result<Vec<UnresolvedCell>> {
    let get = |c: &str| cell(row, table.column(c));
    let name = get("name");
    let kind = words::kind(get("kind")).ok_or_else(|| {
        Error::Conflict(format!(
            "\u{201c}{}\u{201d} is not a kind of resource; use IT service, application, infrastructure, data, supplier, site, people or equipment",
            get("kind")
        ))
    })?;
    let resource = batch.resource(name, kind)?;
    let mut capability = batch.capability(resource.id)?;
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
    if capability == before {
        return Ok(Vec::new());
    }
    // An RTC, RPC or date Keel cannot accept is imported as written, unresolved.
    Ok(batch
        .set_capability(&resource, &capability)?
        .into_iter()
        .map(|value| UnresolvedCell {
            line: 0,
            column: value.field.clone(),
            name: resource.name.clone(),
            text: value.text,
            message: value.message,
        })
        .collect())
}

fn import_dependency(
    batch: &mut CatalogueBatch<'_>,
    table: &Table,
    row: &[String],
) -> Result<Vec<UnresolvedCell>> {
    let get = |c: &str| cell(row, table.column(c));
    let (from, to) = (batch.node_named(get("from"))?, batch.node_named(get("to"))?);
    batch.add_need(from, to, get("group"))?;
    Ok(Vec::new())
}
