//! People to call and the teams they form: the response structure a plan relies on.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub phone_alt: String,
    pub email: String,
    pub location: String,
    /// When the details were last checked with the person, `YYYY-MM-DD`.
    pub last_verified: Option<String>,
}

/// A person as typed; `last_verified` is `YYYY-MM-DD` or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PersonInput {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub phone_alt: String,
    pub email: String,
    pub location: String,
    pub last_verified: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub members: Vec<TeamMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TeamMember {
    pub person_id: i64,
    pub role: String,
    /// The member this person stands in for.
    pub alternate_of: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TeamInput {
    pub name: String,
    pub description: String,
    pub members: Vec<TeamMember>,
}
