//! Incidents: open one against what is lost, invoke an approved plan version, record
//! what happens (steps, calls, resumptions, decisions), stand down, and check the log.
//! Each loads the event through the store, works the board out in `event`, checks the
//! new entry against it and appends it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{
    AffectedActivity, BoardAction, EventKind, EventState, Fact, LogEntry, LogKind, NodeRef,
    OpenIncidentInput, to_the_second,
};
use crate::event::chain::{self, ChainCheck};
use crate::event::record::{self, Invocable};
use crate::event::{Board, NewEntry};
use crate::store::StoredEvent;
use crate::{EngagementStore, Error, Result};

/// The node keys (`resource:ID`, `activity:ID`) of the records called `names`.
pub fn node_keys_named(store: &EngagementStore, names: &[String]) -> Result<Vec<String>> {
    let graph = store.dependency_graph()?;
    let mut keys = Vec::new();
    for name in names {
        let found = graph.named(name);
        if found.is_empty() {
            return Err(Error::Conflict(format!(
                "nothing in {} is named \u{201c}{name}\u{201d}; name a resource or an activity",
                store.path().display()
            )));
        }
        keys.extend(found.into_iter().map(|id| graph.nodes[id].node.key()));
    }
    Ok(keys)
}

/// Opens an incident at `at`; returns its id. The activities it affects are those named
/// and every activity that needs a lost resource, through whole chains, each with the
/// targets the BIA sets for it now.
pub fn open(
    store: &mut EngagementStore,
    input: &OpenIncidentInput,
    at: DateTime<Utc>,
) -> Result<i64> {
    let (title, description, reported_by, nodes) = input.validate().map_err(Error::Invalid)?;
    // The file keeps times to the second; so do the log's facts.
    let at = to_the_second(at);
    let disrupted_at = to_the_second(input.disrupted_at.unwrap_or(at));
    if disrupted_at > at {
        return Err(Error::invalid(
            "disrupted_at",
            "The disruption cannot begin after the incident is opened.",
        ));
    }
    let (affects, activities) = losses(store, &nodes)?;
    let mut text = format!(
        "Incident opened: {title}. The disruption began {}",
        disrupted_at.format("%Y-%m-%d %H:%M UTC")
    );
    if !reported_by.is_empty() {
        text.push_str(&format!("; reported by {reported_by}"));
    }
    if !affects.is_empty() {
        text.push_str(&format!(
            ". Lost: {}; {} activities affected",
            affects.join(", "),
            activities.len()
        ));
    }
    let entry = NewEntry {
        at,
        author: author(store),
        kind: LogKind::Status,
        text,
        rationale: String::new(),
        corrects: None,
        fact: Some(Fact::Opened {
            title: title.clone(),
            description,
            disrupted_at,
            reported_by,
            affects,
            activities,
        }),
    };
    store.open_event(EventKind::Incident, &title, disrupted_at, &entry)
}

/// What losing `nodes` at once means: their names, and the activities it stops, each
/// with the targets its BIA sets now and why it is affected (named, or what it needs
/// that was lost). Incidents and exercises start from it.
pub(crate) fn losses(
    store: &EngagementStore,
    nodes: &[NodeRef],
) -> Result<(Vec<String>, Vec<AffectedActivity>)> {
    let graph = store.dependency_graph()?;
    let bia = store.bia_results()?;
    let mut affects = Vec::new();
    let mut lost = Vec::new();
    for node in nodes {
        let Some(id) = graph.nodes.iter().position(|n| n.node == *node) else {
            return Err(Error::Conflict(format!(
                "{} is no longer in the engagement",
                node.key()
            )));
        };
        affects.push(graph.nodes[id].name.clone());
        lost.push(id);
    }
    // Everything lost at once (an activity with two alternatives stops only when both
    // go); each activity then says which of the losses alone would stop it.
    let alone: Vec<Vec<NodeRef>> = lost
        .iter()
        .map(|id| {
            graph
                .scenario(&[*id])
                .into_iter()
                .map(|o| o.activity_ref)
                .collect()
        })
        .collect();
    let mut activities: Vec<AffectedActivity> = Vec::new();
    for outcome in graph.scenario(&lost) {
        let NodeRef::Activity(activity_id) = outcome.activity_ref else {
            continue;
        };
        let why = if nodes.contains(&outcome.activity_ref) {
            "named as affected".to_owned()
        } else {
            let needs: Vec<&str> = lost
                .iter()
                .zip(&alone)
                .filter(|(_, stops)| stops.contains(&outcome.activity_ref))
                .map(|(id, _)| graph.nodes[*id].name.as_str())
                .collect();
            if needs.is_empty() {
                format!("needs one of {}", affects.join(", "))
            } else {
                format!("needs {}", needs.join(", "))
            }
        };
        let result = bia.iter().find(|b| b.activity_id == activity_id);
        activities.push(AffectedActivity {
            activity_id,
            name: outcome.activity.clone(),
            tier: result.and_then(|r| r.tier),
            rto_min: result.and_then(|r| r.rto),
            mtpd_min: result.and_then(|r| r.mtpd),
            rpo_min: result.and_then(|r| r.rpo),
            minimum: result.map(|r| r.minimum_level()).unwrap_or_default(),
            why,
        });
    }
    Ok((affects, activities))
}

pub(crate) fn author(store: &EngagementStore) -> String {
    match store.actor().trim() {
        "" => "unknown".into(),
        name => name.to_owned(),
    }
}

/// Incident `id` as stored; an exercise is not an incident (its board keeps its own
/// clock: `ops::exercise`).
fn stored_incident(store: &EngagementStore, id: i64) -> Result<StoredEvent> {
    let stored = store.stored_event(id)?;
    if stored.header.kind != EventKind::Incident {
        return Err(Error::NotFound {
            entity: "incident",
            id,
        });
    }
    Ok(stored)
}

/// The board of incident `id` at `now`.
pub fn board(store: &EngagementStore, id: i64, now: DateTime<Utc>) -> Result<Board> {
    let stored = stored_incident(store, id)?;
    let check = chain::verify(id, &stored.raw);
    Ok(board_of(&stored, stored.entries(), check, now))
}

/// The board of incident `id` as it stood at `at`: only the entries recorded for a time
/// up to then (`keel incident show --at`, a replay for training).
pub fn board_as_of(store: &EngagementStore, id: i64, at: DateTime<Utc>) -> Result<Board> {
    let stored = stored_incident(store, id)?;
    let entries = stored
        .entries()
        .into_iter()
        .filter(|e| e.at <= at)
        .collect();
    let check = chain::verify(id, &stored.raw);
    Ok(board_of(&stored, entries, check, at))
}

/// The board `entries` of `stored` add up to at `now`, with `check`, the check of its
/// whole chain as stored.
fn board_of(
    stored: &StoredEvent,
    entries: Vec<LogEntry>,
    check: ChainCheck,
    now: DateTime<Utc>,
) -> Board {
    crate::event::board(&stored.header, entries, &stored.invoked_plans(), check, now)
}

/// Records `action` in incident `id` at `at`, by the store's actor (an invocation by
/// the invoker it names); returns the board after it.
pub fn record(
    store: &mut EngagementStore,
    id: i64,
    action: &BoardAction,
    at: DateTime<Utc>,
) -> Result<Board> {
    let at = to_the_second(at);
    let before = board(store, id, at)?;
    if !before.chain_ok {
        return Err(Error::Conflict(format!(
            "the log of this incident was altered ({}); nothing more is recorded in it. Run keel incident verify",
            before.chain.problem
        )));
    }
    match action {
        BoardAction::Invoke(input) => {
            let approved = store.approved_version(input.plan_id)?;
            approved.row.check_hash(&approved.title)?;
            let content = approved.row.content(&approved.title)?;
            let invoker = match input.invoker.trim() {
                "" => author(store),
                name => name.to_owned(),
            };
            if invoker.chars().count() > 200 {
                return Err(Error::invalid(
                    "invoker",
                    "A name is at most 200 characters.",
                ));
            }
            let roles = store.person_roles(&invoker)?;
            let authority = record::authority(&content.invokers, &invoker, &roles, &input.reason)?;
            let plan = Invocable {
                plan_id: approved.plan_id,
                title: &approved.title,
                version: approved.row.version,
                sha256: &approved.row.sha256,
                draft_version: approved.draft_version,
                content: &content,
            };
            let entry =
                record::invocation_entry(&before, &plan, &invoker, authority, &input.criteria, at)?;
            let state = (before.state == EventState::Open).then_some(EventState::Invoked);
            store.append_event_entry(
                id,
                &entry,
                state,
                Some((approved.plan_id, approved.row.version, &approved.row.sha256)),
            )?;
        }
        other => {
            let entry = record::entry_for(&before, other, &author(store), at)?;
            let state =
                matches!(other, BoardAction::StandDown { .. }).then_some(EventState::StoodDown);
            store.append_event_entry(id, &entry, state, None)?;
        }
    }
    board(store, id, at)
}

/// Records `action` in incident `id` as told in the room: at `when` if the facilitator
/// says when it happened (a resumption noted a quarter of an hour late), else now. A
/// time still to come is refused: the app records what has happened.
pub fn record_told(
    store: &mut EngagementStore,
    id: i64,
    action: &BoardAction,
    when: Option<DateTime<Utc>>,
) -> Result<Board> {
    let now = store.now();
    let at = match when {
        Some(t) if t > now => {
            return Err(Error::invalid(
                "at",
                format!(
                    "{} UTC is still to come; record what has happened, at the time it happened.",
                    t.format("%Y-%m-%d %H:%M")
                ),
            ));
        }
        Some(t) => t,
        None => now,
    };
    record(store, id, action, at)
}

/// What `keel incident verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IncidentCheck {
    pub ok: bool,
    pub chain: ChainCheck,
    /// One line per plan version invoked: matches its SHA-256, or how it does not.
    pub plans: Vec<String>,
    pub problems: Vec<String>,
}

/// Checks incident `id`: the log's hash chain, that each plan version invoked still has
/// the SHA-256 recorded when it was invoked, and that the event's row agrees with its log.
pub fn verify(store: &EngagementStore, id: i64) -> Result<IncidentCheck> {
    let stored = store.stored_event(id)?;
    // Exercises are checked the same way (`ops::exercise::verify`).
    let what = if stored.header.kind.is_exercise() {
        "exercise"
    } else {
        "incident"
    };
    let chain = chain::verify(id, &stored.raw);
    let mut problems = Vec::new();
    if !chain.ok {
        problems.push(format!("log: {}", chain.problem));
    }
    let mut plans = Vec::new();
    for (plan_id, title, row, recorded) in &stored.plans {
        let line = format!(
            "\u{201c}{title}\u{201d} (plan {plan_id}) version {}",
            row.version
        );
        if row.check_hash(title).is_err() {
            problems.push(format!(
                "{line}: its stored content no longer has its SHA-256 {}",
                row.sha256
            ));
        } else if &row.sha256 != recorded {
            problems.push(format!(
                "{line}: invoked with SHA-256 {recorded}, but the version's is {}",
                row.sha256
            ));
        } else {
            plans.push(format!("{line}: SHA-256 {recorded} matches"));
        }
    }
    let entries = stored.entries();
    // The plan versions recorded for the incident are those its log invoked, with the
    // SHA-256 the log recorded: a row added, swapped or removed outside Keel is found.
    let mut logged: Vec<(i64, u32, String)> = entries
        .iter()
        .filter_map(|e| match &e.fact {
            Some(Fact::Invoked {
                plan_id,
                version,
                sha256,
                ..
            }) => Some((*plan_id, *version, sha256.clone())),
            _ => None,
        })
        .collect();
    let mut recorded: Vec<(i64, u32, String)> = stored
        .plans
        .iter()
        .map(|(plan_id, _, row, sha)| (*plan_id, row.version, sha.clone()))
        .collect();
    logged.sort();
    recorded.sort();
    if logged != recorded {
        problems.push(format!(
            "the plan versions recorded for the {what} are not those its log invoked"
        ));
    }
    let board = board_of(&stored, entries, chain.clone(), stored.header.opened_at);
    if board.state != stored.state {
        problems.push(format!(
            "the {what} is recorded as {} but its log says {}",
            stored.state.as_str(),
            board.state.as_str()
        ));
    }
    if board.title != stored.title {
        problems.push(format!(
            "the {what}'s title differs from the one its log opened it with"
        ));
    }
    Ok(IncidentCheck {
        ok: problems.is_empty(),
        chain,
        plans,
        problems,
    })
}
