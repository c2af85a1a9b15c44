//! Events and their decision logs as the file keeps them: opening an event with its
//! first entry, appending entries (numbered, chained to the one before, hashed), and
//! reading an event back with the frozen plan versions it invoked. The board is worked
//! out in `event`; the triggers of schema 10 refuse any change to a written entry.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{EngagementStore, time_text};
use crate::domain::{AuditAction, EventKind, EventState, EventSummary, Fact, LogEntry, LogKind};
use crate::event::board::EventHeader;
use crate::event::chain::{self, GENESIS, RawEntry};
use crate::event::{InvokedPlan, NewEntry};
use crate::plan::versions::FrozenRow;
use crate::{Error, Result};

const ENTITY: &str = "incident";

/// An event as stored: its row, its log (raw, as hashed) and the plan versions it
/// invoked (the version's stored row, and the SHA-256 recorded at invocation).
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub header: EventHeader,
    pub title: String,
    pub state: EventState,
    pub raw: Vec<RawEntry>,
    pub plans: Vec<(i64, String, FrozenRow, String)>,
}

/// What the latest approved version of a plan is, to invoke it.
#[derive(Debug, Clone)]
pub struct Approved {
    pub plan_id: i64,
    pub title: String,
    pub row: FrozenRow,
    /// The working version, when it is a draft (or in review) after the approved one.
    pub draft_version: Option<u32>,
}

impl StoredEvent {
    /// The log as entries; an entry whose stored text no longer reads back (a hand-made
    /// change) keeps its words and loses its fact, and the chain check says so.
    pub fn entries(&self) -> Vec<LogEntry> {
        self.raw
            .iter()
            .map(|r| LogEntry {
                seq: r.seq,
                at: DateTime::parse_from_rfc3339(&r.at)
                    .map_or(self.header.opened_at, |t| t.with_timezone(&Utc)),
                author: r.author.clone(),
                kind: LogKind::parse(&r.kind).unwrap_or(LogKind::Note),
                text: r.text.clone(),
                rationale: r.rationale.clone(),
                corrects: r.corrects,
                fact: r
                    .fact
                    .as_deref()
                    .and_then(|f| serde_json::from_str::<Fact>(f).ok()),
                prev: r.prev.clone(),
                hash: r.hash.clone(),
            })
            .collect()
    }

    /// The frozen versions invoked, read back; one that no longer reads is left out
    /// (verify reports it).
    pub fn invoked_plans(&self) -> Vec<InvokedPlan> {
        self.plans
            .iter()
            .filter_map(|(plan_id, title, row, sha)| {
                Some(InvokedPlan {
                    plan_id: *plan_id,
                    version: row.version,
                    sha256: sha.clone(),
                    content: row.content(title).ok()?,
                })
            })
            .collect()
    }
}

impl EngagementStore {
    /// Opens an event whose log starts with `first`; returns its id.
    pub fn open_event(
        &mut self,
        kind: EventKind,
        title: &str,
        disrupted_at: DateTime<Utc>,
        first: &NewEntry,
    ) -> Result<i64> {
        self.write(|changes| {
            changes.tx.execute(
                "INSERT INTO event (kind, title, disrupted_at, opened_at, state) VALUES (?1, ?2, ?3, ?4, 'open')",
                params![kind.as_str(), title, time_text(disrupted_at), time_text(first.at)],
            )?;
            let id = changes.tx.last_insert_rowid();
            append(changes.tx, id, first)?;
            changes.record(AuditAction::Create, (ENTITY, id, title), None, None, Some(title))?;
            Ok(id)
        })
    }

    /// Appends `entry` to event `id`'s log; `state` moves the event on, `invoked`
    /// records the plan version it invoked.
    pub fn append_event_entry(
        &mut self,
        id: i64,
        entry: &NewEntry,
        state: Option<EventState>,
        invoked: Option<(i64, u32, &str)>,
    ) -> Result<u32> {
        let title = self.event_title(id)?;
        self.write(|changes| {
            if let Some((plan_id, version, sha)) = invoked {
                changes.tx.execute(
                    "INSERT INTO event_plan (event_id, plan_id, version, sha256) VALUES (?1, ?2, ?3, ?4)",
                    params![id, plan_id, version, sha],
                )?;
            }
            if let Some(state) = state {
                changes.tx.execute(
                    "UPDATE event SET state = ?1 WHERE id = ?2",
                    params![state.as_str(), id],
                )?;
            }
            let seq = append(changes.tx, id, entry)?;
            changes.record(
                AuditAction::Update,
                (ENTITY, id, &title),
                Some("log"),
                None,
                Some(&format!("{seq}. {}", entry.text)),
            )?;
            Ok(seq)
        })
    }

    fn event_title(&self, id: i64) -> Result<String> {
        self.conn
            .query_row("SELECT title FROM event WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound {
                entity: "incident",
                id,
            })
    }

    /// Every incident, newest first (exercises are listed by `exercises`).
    pub fn incidents(&self) -> Result<Vec<EventSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, title, state, disrupted_at, opened_at FROM event WHERE kind = 'incident'
             ORDER BY opened_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(EventSummary {
                id: r.get(0)?,
                kind: EventKind::parse(&r.get::<_, String>(1)?).unwrap_or(EventKind::Incident),
                title: r.get(2)?,
                state: EventState::parse(&r.get::<_, String>(3)?).unwrap_or(EventState::Open),
                disrupted_at: r.get(4)?,
                opened_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An event with its whole log and the plan versions it invoked, in three queries.
    pub fn stored_event(&self, id: i64) -> Result<StoredEvent> {
        let (kind, title, state, opened_at): (String, String, String, DateTime<Utc>) = self
            .conn
            .query_row(
                "SELECT kind, title, state, opened_at FROM event WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or(Error::NotFound {
                entity: "incident",
                id,
            })?;
        let raw = self
            .conn
            .prepare(
                "SELECT seq, at, author, kind, text, rationale, corrects, fact, prev, hash
                 FROM event_log WHERE event_id = ?1 ORDER BY seq",
            )?
            .query_map([id], |r| {
                Ok(RawEntry {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    author: r.get(2)?,
                    kind: r.get(3)?,
                    text: r.get(4)?,
                    rationale: r.get(5)?,
                    corrects: r.get(6)?,
                    fact: r.get(7)?,
                    prev: r.get(8)?,
                    hash: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let plans = self
            .conn
            .prepare(
                "SELECT ep.plan_id, p.title, f.version, f.snapshot, f.sha256, f.open_gaps, f.frozen_at, ep.sha256
                 FROM event_plan ep JOIN plan p ON p.id = ep.plan_id
                 JOIN plan_frozen f ON f.plan_id = ep.plan_id AND f.version = ep.version
                 WHERE ep.event_id = ?1 ORDER BY ep.rowid",
            )?
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    FrozenRow {
                        version: r.get(2)?,
                        snapshot: r.get(3)?,
                        sha256: r.get(4)?,
                        open_gaps: r.get(5)?,
                        frozen_at: r.get(6)?,
                    },
                    r.get(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(StoredEvent {
            header: EventHeader {
                id,
                kind: EventKind::parse(&kind).unwrap_or(EventKind::Incident),
                opened_at,
            },
            title,
            state: EventState::parse(&state).unwrap_or(EventState::Open),
            raw,
            plans,
        })
    }

    /// The latest approved version of a plan, to invoke. A plan never approved cannot
    /// be invoked.
    pub fn approved_version(&self, plan_id: i64) -> Result<Approved> {
        let plan = self.plan_row(plan_id)?;
        let rows = self.frozen_rows(plan_id)?;
        let row = rows.last().cloned().ok_or_else(|| {
            Error::Conflict(format!(
                "\u{201c}{}\u{201d} has never been approved, and a draft cannot be invoked; have its approvers sign it off first",
                plan.title
            ))
        })?;
        let draft_version = (plan.version > row.version).then_some(plan.version);
        Ok(Approved {
            plan_id,
            title: plan.title,
            row,
            draft_version,
        })
    }

    /// The roles a person holds: their own, and those they hold in teams.
    pub fn person_roles(&self, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT role FROM person WHERE name = ?1 COLLATE NOCASE AND role <> ''
             UNION SELECT tm.role FROM team_member tm JOIN person p ON p.id = tm.person_id
             WHERE p.name = ?1 COLLATE NOCASE AND tm.role <> ''",
        )?;
        let rows = stmt.query_map([name.trim()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Appends one entry: the next number, chained to the last entry's hash.
pub(super) fn append(tx: &rusqlite::Connection, id: i64, entry: &NewEntry) -> Result<u32> {
    let last: Option<(u32, String)> = tx
        .query_row(
            "SELECT seq, hash FROM event_log WHERE event_id = ?1 ORDER BY seq DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = last.map_or((1, GENESIS.to_owned()), |(s, h)| (s + 1, h));
    let mut raw = RawEntry {
        seq,
        at: time_text(entry.at),
        author: entry.author.clone(),
        kind: entry.kind.as_str().to_owned(),
        text: entry.text.clone(),
        rationale: entry.rationale.clone(),
        corrects: entry.corrects,
        fact: entry.fact.as_ref().map(serde_json::to_string).transpose()?,
        prev,
        hash: String::new(),
    };
    raw.hash = chain::entry_hash(id, &raw);
    tx.execute(
        "INSERT INTO event_log (event_id, seq, at, author, kind, text, rationale, corrects, fact, prev, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            raw.seq,
            raw.at,
            raw.author,
            raw.kind,
            raw.text,
            raw.rationale,
            raw.corrects,
            raw.fact,
            raw.prev,
            raw.hash
        ],
    )?;
    Ok(seq)
}
