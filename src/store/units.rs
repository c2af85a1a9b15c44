//! Organisational units: list, add, change, delete.

use rusqlite::{OptionalExtension, Row, params};

use super::EngagementStore;
use super::audit::{Audited, Changes, Fields};
use crate::domain::{OrgUnit, OrgUnitInput};
use crate::{Error, Result};

impl Audited for OrgUnit {
    const ENTITY: &'static str = "unit";
    const TYPED: &'static [&'static str] = &["description"];
    fn id(&self) -> i64 {
        self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn fields(&self) -> Fields {
        vec![
            ("name", self.name.clone()),
            ("description", self.description.clone()),
        ]
    }
}

const SELECT_UNIT: &str = "SELECT u.id, u.name, u.description,
        (SELECT count(*) FROM activity a WHERE a.unit_id = u.id)
    FROM org_unit u";

fn unit_from_row(row: &Row<'_>) -> rusqlite::Result<OrgUnit> {
    Ok(OrgUnit {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        activity_count: row.get(3)?,
    })
}

/// Writes a new unit from a validated input whose name is free, and logs it.
pub(super) fn insert(changes: &Changes<'_>, input: &OrgUnitInput) -> Result<OrgUnit> {
    changes
        .tx
        .prepare_cached(
            "INSERT INTO org_unit (name, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        )?
        .execute(params![input.name, input.description, changes.at])?;
    let unit = OrgUnit {
        id: changes.tx.last_insert_rowid(),
        name: input.name.clone(),
        description: input.description.clone(),
        activity_count: 0,
    };
    changes.created(&unit)?;
    Ok(unit)
}

/// The refusal of a unit name already taken by `other`.
pub(super) fn name_taken(other: &str) -> Error {
    Error::invalid(
        "name",
        format!("There is already a unit named \u{201c}{other}\u{201d}."),
    )
}

impl EngagementStore {
    /// All units, by name.
    pub fn units(&self) -> Result<Vec<OrgUnit>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT_UNIT} ORDER BY u.name COLLATE NOCASE, u.id"
        ))?;
        let units = stmt.query_map([], unit_from_row)?;
        Ok(units.collect::<rusqlite::Result<_>>()?)
    }

    pub fn unit(&self, id: i64) -> Result<OrgUnit> {
        self.conn
            .query_row(
                &format!("{SELECT_UNIT} WHERE u.id = ?1"),
                [id],
                unit_from_row,
            )
            .optional()?
            .ok_or(Error::NotFound { entity: "unit", id })
    }

    /// The unit with this name (ignoring case), if any.
    pub fn unit_by_name(&self, name: &str) -> Result<Option<OrgUnit>> {
        let key = crate::domain::name_key(name);
        Ok(self
            .units()?
            .into_iter()
            .find(|u| crate::domain::name_key(&u.name) == key))
    }

    pub fn add_unit(&mut self, input: &OrgUnitInput) -> Result<OrgUnit> {
        let input = input.validate()?;
        self.check_unit_name_free(&input.name, None)?;
        let id = self.write(|changes| insert(changes, &input))?.id;
        self.unit(id)
    }

    pub fn update_unit(&mut self, id: i64, input: &OrgUnitInput) -> Result<OrgUnit> {
        let old = self.unit(id)?;
        let input = input.validate()?;
        self.check_unit_name_free(&input.name, Some(id))?;
        let new = OrgUnit {
            name: input.name,
            description: input.description,
            ..old.clone()
        };
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE org_unit SET name = ?1, description = ?2, updated_at = ?3 WHERE id = ?4",
                params![new.name, new.description, changes.at, id],
            )?;
            changes.updated(&old, &new)
        })?;
        Ok(new)
    }

    /// Deletes a unit that has no activities; a unit that still has some is refused, so
    /// that no activity loses its unit by accident.
    pub fn delete_unit(&mut self, id: i64) -> Result<()> {
        let unit = self.unit(id)?;
        if unit.activity_count > 0 {
            return Err(Error::Conflict(format!(
                "The unit \u{201c}{}\u{201d} still has {} {}. Move {} to another unit or delete {} first.",
                unit.name,
                unit.activity_count,
                if unit.activity_count == 1 {
                    "activity"
                } else {
                    "activities"
                },
                if unit.activity_count == 1 {
                    "it"
                } else {
                    "them"
                },
                if unit.activity_count == 1 {
                    "it"
                } else {
                    "them"
                },
            )));
        }
        self.write(|changes| {
            changes
                .tx
                .execute("DELETE FROM org_unit WHERE id = ?1", [id])?;
            changes.deleted(&unit)
        })
    }

    fn check_unit_name_free(&self, name: &str, except: Option<i64>) -> Result<()> {
        match self.unit_by_name(name)? {
            Some(other) if Some(other.id) != except => Err(name_taken(&other.name)),
            _ => Ok(()),
        }
    }
}
