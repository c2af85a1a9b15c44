//! Activities (processes): what the organisation does to deliver its products and
//! services; the unit a BIA interview is about.

use serde::{Deserialize, Serialize};

use super::FieldErrors;
use super::validation::name_key;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Activity {
    pub id: i64,
    pub name: String,
    pub unit_id: Option<i64>,
    /// Name of the unit, for display; `None` when the activity has no unit yet.
    pub unit_name: Option<String>,
    /// The person accountable for the activity (the process owner).
    pub owner: String,
    pub description: String,
    /// Products and services the activity delivers, in the order given.
    pub products_services: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActivityInput {
    pub name: String,
    pub unit_id: Option<i64>,
    pub owner: String,
    pub description: String,
    pub products_services: Vec<String>,
}

impl ActivityInput {
    /// Trims and checks the input. Products and services are trimmed, blank ones dropped
    /// and repeats (ignoring case) removed. Uniqueness of the name and existence of the
    /// unit are checked by the store.
    pub fn validate(&self) -> Result<ActivityInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.required_text("name", "Activity name", &self.name, 200);
        let owner = errors.optional_text("owner", "Owner", &self.owner, 200);
        let description =
            errors.optional_text("description", "Description", &self.description, 20_000);
        let mut products_services: Vec<String> = Vec::new();
        for item in &self.products_services {
            let item = errors.optional_text("products_services", "A product or service", item, 200);
            if !item.is_empty()
                && !products_services
                    .iter()
                    .any(|p| name_key(p) == name_key(&item))
            {
                products_services.push(item);
            }
        }
        if products_services.len() > 100 {
            errors.add(
                "products_services",
                "At most 100 products or services can be listed for one activity.",
            );
        }
        errors.into_result()?;
        Ok(ActivityInput {
            name,
            unit_id: self.unit_id,
            owner,
            description,
            products_services,
        })
    }
}

/// Which activities to list.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActivityQuery {
    /// Case-insensitive part of the name; empty lists all.
    pub search: String,
    /// Only activities of this unit.
    pub unit_id: Option<i64>,
}

impl ActivityQuery {
    pub fn matches(&self, activity: &Activity) -> bool {
        let search = name_key(&self.search);
        (search.is_empty() || name_key(&activity.name).contains(&search))
            && self
                .unit_id
                .is_none_or(|unit| activity.unit_id == Some(unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_are_trimmed_and_deduplicated() {
        let input = ActivityInput {
            name: " Payroll ".into(),
            products_services: vec![
                " Salaries ".into(),
                "".into(),
                "salaries".into(),
                "Payslips".into(),
            ],
            ..Default::default()
        };
        let valid = input.validate().expect("valid");
        assert_eq!(valid.name, "Payroll");
        assert_eq!(valid.products_services, vec!["Salaries", "Payslips"]);
    }

    #[test]
    fn search_ignores_case() {
        let activity = Activity {
            id: 1,
            name: "Month-end Close".into(),
            unit_id: Some(3),
            unit_name: None,
            owner: String::new(),
            description: String::new(),
            products_services: vec![],
        };
        let query = |search: &str, unit_id| ActivityQuery {
            search: search.into(),
            unit_id,
        };
        assert!(query("END CL", None).matches(&activity));
        assert!(!query("payroll", None).matches(&activity));
        assert!(query("", Some(3)).matches(&activity));
        assert!(!query("", Some(4)).matches(&activity));
    }
}
