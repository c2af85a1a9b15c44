//! Reading and changing the engagement's own details.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::EngagementStore;
use super::audit::{Audited, Fields};
use crate::domain::{EngagementDetails, EngagementDetailsInput};
use crate::{Error, Result};

impl Audited for EngagementDetails {
    const ENTITY: &'static str = "engagement";
    const TYPED: &'static [&'static str] = &["scope"];
    fn id(&self) -> i64 {
        1
    }
    fn label(&self) -> &str {
        &self.organisation
    }
    fn fields(&self) -> Fields {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        vec![
            ("organisation", self.organisation.clone()),
            ("scope", self.scope.clone()),
            ("facilitator", self.facilitator.clone()),
            ("start_date", date(self.start_date)),
            ("end_date", date(self.end_date)),
        ]
    }
}

impl EngagementStore {
    pub fn details(&self) -> Result<EngagementDetails> {
        self.conn
            .query_row(
                "SELECT organisation, scope, facilitator, start_date, end_date FROM engagement WHERE id = 1",
                [],
                |row| {
                    Ok(EngagementDetails {
                        organisation: row.get(0)?,
                        scope: row.get(1)?,
                        facilitator: row.get(2)?,
                        start_date: row.get(3)?,
                        end_date: row.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::Corrupt {
                path: self.path.clone(),
                reason: "the engagement details are missing".into(),
            })
    }

    pub fn update_details(&mut self, input: &EngagementDetailsInput) -> Result<EngagementDetails> {
        let new = input.validate()?;
        let old = self.details()?;
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE engagement SET organisation = ?1, scope = ?2, facilitator = ?3,
                        start_date = ?4, end_date = ?5, updated_at = ?6 WHERE id = 1",
                params![
                    new.organisation,
                    new.scope,
                    new.facilitator,
                    new.start_date,
                    new.end_date,
                    changes.at
                ],
            )?;
            changes.updated(&old, &new)
        })?;
        Ok(new)
    }

    pub(super) fn insert_details(&mut self, details: &EngagementDetails) -> Result<()> {
        self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO engagement (id, organisation, scope, facilitator, start_date, end_date, created_at, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    details.organisation,
                    details.scope,
                    details.facilitator,
                    details.start_date,
                    details.end_date,
                    changes.at
                ],
            )?;
            changes.created(details)
        })
    }
}
