//! Organisational units: the departments or teams that own activities.

use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OrgUnit {
    pub id: i64,
    pub name: String,
    pub description: String,
    /// How many activities belong to this unit.
    pub activity_count: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OrgUnitInput {
    pub name: String,
    pub description: String,
}

impl OrgUnitInput {
    /// Trims and checks the input; uniqueness of the name is checked by the store.
    pub fn validate(&self) -> Result<OrgUnitInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.required_text("name", "Unit name", &self.name, 120);
        let description =
            errors.optional_text("description", "Description", &self.description, 4_000);
        errors.into_result()?;
        Ok(OrgUnitInput { name, description })
    }
}
