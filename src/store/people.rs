//! People to call and the teams they form: list, add, change, delete.

use rusqlite::{OptionalExtension, Row, params};

use super::audit::{Audited, Fields};
use super::{EngagementStore, bia_settings};
use crate::domain::{DateOrder, FieldErrors, Person, PersonInput, Team, TeamInput, TeamMember};
use crate::{Error, Result};

impl Audited for Person {
    const ENTITY: &'static str = "person";
    fn id(&self) -> i64 {
        self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn fields(&self) -> Fields {
        vec![
            ("name", self.name.clone()),
            ("role", self.role.clone()),
            ("phone", self.phone.clone()),
            ("phone_alt", self.phone_alt.clone()),
            ("email", self.email.clone()),
            ("location", self.location.clone()),
            (
                "last_verified",
                self.last_verified.clone().unwrap_or_default(),
            ),
        ]
    }
}

/// A team as the audit log shows it: members as "name (role)".
struct AuditedTeam {
    id: i64,
    name: String,
    description: String,
    members: String,
}

impl Audited for AuditedTeam {
    const ENTITY: &'static str = "team";
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
            ("members", self.members.clone()),
        ]
    }
}

const SELECT_PERSON: &str =
    "SELECT id, name, role, phone, phone_alt, email, location, last_verified FROM person";

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        role: row.get(2)?,
        phone: row.get(3)?,
        phone_alt: row.get(4)?,
        email: row.get(5)?,
        location: row.get(6)?,
        last_verified: row.get(7)?,
    })
}

fn validate_person(input: &PersonInput, order: Option<DateOrder>) -> Result<Person> {
    let mut errors = FieldErrors::new();
    let name = errors.required_text("name", "The name", &input.name, 200);
    let role = errors.optional_text("role", "The role", &input.role, 200);
    let phone = errors.optional_text("phone", "The phone number", &input.phone, 60);
    let phone_alt =
        errors.optional_text("phone_alt", "The other phone number", &input.phone_alt, 60);
    let email = errors.optional_text("email", "The e-mail address", &input.email, 320);
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        errors.add("email", "An e-mail address looks like name@example.org.");
    }
    let location = errors.optional_text("location", "The location", &input.location, 200);
    let last_verified = errors
        .optional_date_in(
            "last_verified",
            "The date the details were verified",
            &input.last_verified,
            order,
        )
        .map(|d| d.to_string());
    errors.into_result()?;
    Ok(Person {
        id: 0,
        name,
        role,
        phone,
        phone_alt,
        email,
        location,
        last_verified,
    })
}

fn name_taken(field: &str, what: &str, name: &str) -> Error {
    Error::invalid(
        field,
        format!("There is already {what} named \u{201c}{name}\u{201d}."),
    )
}

impl EngagementStore {
    /// Everyone, by name.
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT_PERSON} ORDER BY name COLLATE NOCASE, id"))?;
        let rows = stmt.query_map([], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.conn
            .query_row(
                &format!("{SELECT_PERSON} WHERE id = ?1"),
                [id],
                person_from_row,
            )
            .optional()?
            .ok_or(Error::NotFound {
                entity: "person",
                id,
            })
    }

    fn person_name_free(&self, name: &str, except: Option<i64>) -> Result<()> {
        let key = crate::domain::name_key(name);
        let clash = self
            .people()?
            .into_iter()
            .any(|p| Some(p.id) != except && crate::domain::name_key(&p.name) == key);
        if clash {
            return Err(name_taken("name", "someone", name));
        }
        Ok(())
    }

    pub fn add_person(&mut self, input: &PersonInput) -> Result<Person> {
        let mut person = validate_person(input, bia_settings::date_order(&self.conn)?)?;
        self.person_name_free(&person.name, None)?;
        person.id = self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO person (name, role, phone, phone_alt, email, location, last_verified, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    person.name,
                    person.role,
                    person.phone,
                    person.phone_alt,
                    person.email,
                    person.location,
                    person.last_verified,
                    changes.at
                ],
            )?;
            let id = changes.tx.last_insert_rowid();
            changes.created(&Person {
                id,
                ..person.clone()
            })?;
            Ok(id)
        })?;
        Ok(person)
    }

    pub fn update_person(&mut self, id: i64, input: &PersonInput) -> Result<Person> {
        let old = self.person(id)?;
        let new = Person {
            id,
            ..validate_person(input, bia_settings::date_order(&self.conn)?)?
        };
        self.person_name_free(&new.name, Some(id))?;
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE person SET name = ?1, role = ?2, phone = ?3, phone_alt = ?4, email = ?5, location = ?6,
                        last_verified = ?7, updated_at = ?8 WHERE id = ?9",
                params![
                    new.name,
                    new.role,
                    new.phone,
                    new.phone_alt,
                    new.email,
                    new.location,
                    new.last_verified,
                    changes.at,
                    id
                ],
            )?;
            changes.updated(&old, &new)
        })?;
        Ok(new)
    }

    /// Deletes someone no team, call tree or list of who may invoke a plan names;
    /// otherwise says where they are.
    pub fn delete_person(&mut self, id: i64) -> Result<()> {
        let person = self.person(id)?;
        let uses: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM team_member WHERE person_id = ?1)
                  + (SELECT count(*) FROM plan_call WHERE caller_id = ?1 OR callee_id = ?1 OR fallback_id = ?1)
                  + (SELECT count(*) FROM plan_invoker WHERE person_id = ?1 OR alternate_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if uses > 0 {
            return Err(Error::Conflict(format!(
                "{} is on a team, a call tree or a plan's list of who may invoke it; take them off first.",
                person.name
            )));
        }
        let owns: i64 = self.conn.query_row(
            "SELECT count(*) FROM action WHERE owner_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if owns > 0 {
            return Err(Error::Conflict(format!(
                "{} owns {owns} action{}; give {} to someone else first.",
                person.name,
                if owns == 1 { "" } else { "s" },
                if owns == 1 { "it" } else { "them" }
            )));
        }
        self.write(|changes| {
            changes
                .tx
                .execute("DELETE FROM person WHERE id = ?1", [id])?;
            changes.deleted(&person)
        })
    }

    /// Every team with its members, by name.
    pub fn teams(&self) -> Result<Vec<Team>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, description FROM team ORDER BY name COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Team {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                members: Vec::new(),
            })
        })?;
        let mut teams: Vec<Team> = rows.collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT m.person_id, m.role, m.alternate_of FROM team_member m JOIN person p ON p.id = m.person_id
             WHERE m.team_id = ?1 ORDER BY m.alternate_of IS NOT NULL, p.name COLLATE NOCASE",
        )?;
        for team in &mut teams {
            let rows = stmt.query_map([team.id], |r| {
                Ok(TeamMember {
                    person_id: r.get(0)?,
                    role: r.get(1)?,
                    alternate_of: r.get(2)?,
                })
            })?;
            team.members = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(teams)
    }

    fn audited_team(&self, id: i64, input: &TeamInput) -> Result<AuditedTeam> {
        let mut members = Vec::new();
        for m in &input.members {
            let person = self.person(m.person_id)?;
            members.push(if m.role.is_empty() {
                person.name
            } else {
                format!("{} ({})", person.name, m.role)
            });
        }
        Ok(AuditedTeam {
            id,
            name: input.name.trim().to_owned(),
            description: input.description.trim().to_owned(),
            members: members.join(", "),
        })
    }

    fn validate_team(&self, input: &TeamInput, except: Option<i64>) -> Result<()> {
        let mut errors = FieldErrors::new();
        let name = errors.required_text("name", "The team's name", &input.name, 200);
        errors.optional_text("description", "The description", &input.description, 5_000);
        let mut seen = Vec::new();
        for m in &input.members {
            if seen.contains(&m.person_id) {
                errors.add("members", "Someone is on the team twice.");
            }
            seen.push(m.person_id);
        }
        for m in &input.members {
            if let Some(of) = m.alternate_of
                && (of == m.person_id || !seen.contains(&of))
            {
                errors.add(
                    "members",
                    "An alternate stands in for another member of the same team.",
                );
            }
        }
        errors.into_result()?;
        let key = crate::domain::name_key(&name);
        if self
            .teams()?
            .iter()
            .any(|t| Some(t.id) != except && crate::domain::name_key(&t.name) == key)
        {
            return Err(name_taken("name", "a team", &name));
        }
        Ok(())
    }

    fn write_members(tx: &rusqlite::Connection, id: i64, members: &[TeamMember]) -> Result<()> {
        tx.execute("DELETE FROM team_member WHERE team_id = ?1", [id])?;
        for m in members {
            tx.execute(
                "INSERT INTO team_member (team_id, person_id, role, alternate_of) VALUES (?1, ?2, ?3, ?4)",
                params![id, m.person_id, m.role.trim(), m.alternate_of],
            )?;
        }
        Ok(())
    }

    pub fn add_team(&mut self, input: &TeamInput) -> Result<Team> {
        self.validate_team(input, None)?;
        let audited = self.audited_team(0, input)?;
        let id = self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO team (name, description, created_at) VALUES (?1, ?2, ?3)",
                params![audited.name, audited.description, changes.at],
            )?;
            let id = changes.tx.last_insert_rowid();
            Self::write_members(changes.tx, id, &input.members)?;
            changes.created(&AuditedTeam { id, ..audited })?;
            Ok(id)
        })?;
        self.team(id)
    }

    pub fn update_team(&mut self, id: i64, input: &TeamInput) -> Result<Team> {
        let old = self.team(id)?;
        self.validate_team(input, Some(id))?;
        let before = self.audited_team(
            id,
            &TeamInput {
                name: old.name.clone(),
                description: old.description.clone(),
                members: old.members,
            },
        )?;
        let after = self.audited_team(id, input)?;
        self.write(|changes| {
            changes.tx.execute(
                "UPDATE team SET name = ?1, description = ?2 WHERE id = ?3",
                params![after.name, after.description, id],
            )?;
            Self::write_members(changes.tx, id, &input.members)?;
            changes.updated(&before, &after)
        })?;
        self.team(id)
    }

    pub fn delete_team(&mut self, id: i64) -> Result<()> {
        let team = self.team(id)?;
        let audited = self.audited_team(
            id,
            &TeamInput {
                name: team.name,
                description: team.description,
                members: team.members,
            },
        )?;
        self.write(|changes| {
            changes.tx.execute("DELETE FROM team WHERE id = ?1", [id])?;
            changes.deleted(&audited)
        })
    }

    pub fn team(&self, id: i64) -> Result<Team> {
        self.teams()?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or(Error::NotFound { entity: "team", id })
    }
}
