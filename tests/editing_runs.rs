//! Editing runs: free text is saved (and committed) at every keystroke, but the audit
//! log gets one entry per field per run of typing, with the value before and after it.

use keel::EngagementStore;
use keel::domain::PlanTemplate;
use keel::domain::{
    ActivityInput, AuditAction, InterviewEdit, InterviewText, NewPlanInput, PlanEdit,
};
use rusqlite::Connection;

use crate::util::{Fixture, ManualClock};

fn activity(store: &mut EngagementStore, name: &str) -> i64 {
    store
        .add_activity(&ActivityInput {
            name: name.into(),
            ..Default::default()
        })
        .expect("activity")
        .id
}

fn type_into(store: &mut EngagementStore, activity: i64, field: InterviewText, value: &str) {
    store
        .edit_interview(
            activity,
            &InterviewEdit::Text {
                field,
                value: value.into(),
            },
        )
        .expect("saved");
}

/// Types `text` key by key after `start`, one save per key, the clock moving a second
/// every `keys_per_second` keys.
fn type_keys(
    store: &mut EngagementStore,
    clock: &ManualClock,
    (activity, field): (i64, InterviewText),
    (start, text): (&str, &str),
    keys_per_second: usize,
) {
    let mut typed = start.to_owned();
    for (i, c) in text.chars().enumerate() {
        typed.push(c);
        type_into(store, activity, field, &typed);
        if (i + 1) % keys_per_second == 0 {
            clock.advance(1);
        }
    }
}

/// The audit entries of `field`, oldest first, as (old, new).
fn entries(store: &EngagementStore, field: &str) -> Vec<(Option<String>, Option<String>)> {
    let mut log = store.audit_log(100_000).expect("log");
    log.reverse();
    log.into_iter()
        .filter(|e| e.field.as_deref() == Some(field))
        .map(|e| (e.old_value, e.new_value))
        .collect()
}

fn pair(old: &str, new: &str) -> (Option<String>, Option<String>) {
    (Some(old.to_owned()), Some(new.to_owned()))
}

/// Rows of `table`, read with a connection of its own (no store, so nothing is closed).
fn raw_count(fixture: &Fixture, table: &str) -> i64 {
    let conn = Connection::open(&fixture.path).expect("raw connection");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn typing_key_by_key_logs_one_entry_with_the_value_before_and_after_the_run() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    type_into(&mut store, id, InterviewText::Notes, "Met");
    let before = store.audit_entry_count().expect("count");

    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Notes),
        ("Met", " with the night shift."),
        4,
    );
    assert_eq!(
        store.interview(id).expect("view").interview.notes,
        "Met with the night shift.",
        "every keystroke is saved"
    );
    assert_eq!(
        entries(&store, "notes"),
        vec![pair("", "Met"), pair("Met", "Met with the night shift.")]
    );
    assert_eq!(store.audit_entry_count().expect("count"), before + 1);
    let latest = &store.audit_log(1).expect("log")[0];
    assert_eq!(
        (latest.action, latest.actor.as_str(), latest.entity.as_str()),
        (AuditAction::Update, "Ana", "interview")
    );
    assert_eq!(
        latest.at,
        clock.clock()(),
        "the entry is dated by the run's last keystroke"
    );
}

#[test]
fn a_pause_longer_than_a_few_seconds_starts_a_new_run() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Notes),
        ("", "Two"),
        10,
    );
    clock.advance(5);
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Notes),
        ("Two", " vans"),
        10,
    );
    clock.advance(6);
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Notes),
        ("Two vans", " idle"),
        10,
    );
    assert_eq!(
        entries(&store, "notes"),
        vec![pair("", "Two vans"), pair("Two vans", "Two vans idle")],
        "a 5 s pause continues the run, a 6 s one ends it"
    );
}

#[test]
fn an_edit_of_another_field_or_record_ends_the_run_and_is_logged_after_it() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let dispatch = activity(&mut store, "Dispatch");
    let payroll = activity(&mut store, "Payroll");
    type_keys(
        &mut store,
        &clock,
        (dispatch, InterviewText::Notes),
        ("", "ab"),
        10,
    );
    type_keys(
        &mut store,
        &clock,
        (dispatch, InterviewText::Backlog),
        ("", "x"),
        10,
    );
    type_keys(
        &mut store,
        &clock,
        (payroll, InterviewText::Notes),
        ("", "p"),
        10,
    );
    type_keys(
        &mut store,
        &clock,
        (dispatch, InterviewText::Notes),
        ("ab", "c"),
        10,
    );
    store
        .edit_interview(dispatch, &InterviewEdit::MbcoPercent { value: "50".into() })
        .expect("structured edit");

    let mut log = store.audit_log(20).expect("log");
    log.reverse();
    let typed: Vec<_> = log
        .iter()
        .filter(|e| {
            e.action == AuditAction::Update
                && matches!(
                    e.field.as_deref(),
                    Some("notes" | "backlog" | "mbco_percent")
                )
        })
        .map(|e| {
            (
                e.entity_label.as_str(),
                e.field.as_deref().unwrap_or_default(),
                e.new_value.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        typed,
        vec![
            ("Dispatch", "notes", "ab"),
            ("Dispatch", "backlog", "x"),
            ("Payroll", "notes", "p"),
            ("Dispatch", "notes", "abc"),
            ("Dispatch", "mbco_percent", "50"),
        ]
    );
}

#[test]
fn a_run_that_ends_where_it_started_logs_nothing() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    type_into(&mut store, id, InterviewText::Backlog, "Kept");
    let before = store.audit_entry_count().expect("count");
    type_into(&mut store, id, InterviewText::Backlog, "Kep");
    type_into(&mut store, id, InterviewText::Backlog, "Kept");
    assert_eq!(store.close_editing_runs().expect("close"), 0);
    assert_eq!(store.audit_entry_count().expect("count"), before);
}

#[test]
fn closing_the_runs_logs_them_at_once_and_the_next_keystroke_starts_a_new_run() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    let logged = raw_count(&fixture, "audit_log");
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Workarounds),
        ("", "Paper"),
        10,
    );
    assert_eq!(store.editing_runs_open().expect("open runs"), 1);
    assert_eq!(
        raw_count(&fixture, "audit_log"),
        logged + 2,
        "only the interview's start is logged while the run is open"
    );

    assert_eq!(store.close_editing_runs().expect("close"), 1);
    assert_eq!(store.editing_runs_open().expect("open runs"), 0);
    assert_eq!(raw_count(&fixture, "audit_log"), logged + 3);
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Workarounds),
        ("Paper", "s"),
        10,
    );
    assert_eq!(
        entries(&store, "workarounds"),
        vec![pair("", "Paper"), pair("Paper", "Papers")]
    );
}

#[test]
fn a_run_left_open_by_a_crash_is_logged_when_the_file_is_opened() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    type_keys(
        &mut store,
        &clock,
        (id, InterviewText::Notes),
        ("", "Lost?"),
        2,
    );
    let at_crash = clock.clock()();
    // The process dies: nothing closes the run.
    drop(store);
    assert_eq!(raw_count(&fixture, "editing_run"), 1);
    let logged = raw_count(&fixture, "audit_log");

    clock.advance(3_600);
    let store = fixture.open_with(&clock);
    assert_eq!(raw_count(&fixture, "editing_run"), 0);
    assert_eq!(raw_count(&fixture, "audit_log"), logged + 1);
    let latest = &store.audit_log(1).expect("log")[0];
    assert_eq!(latest.field.as_deref(), Some("notes"));
    assert_eq!(latest.new_value.as_deref(), Some("Lost?"));
    assert_eq!(
        latest.at, at_crash,
        "dated by its last keystroke, not the reopening"
    );
}

#[test]
fn plan_sections_activity_descriptions_and_the_scope_are_logged_per_run() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let plan = store
        .create_plan(&NewPlanInput {
            title: "Depot plan".into(),
            template: PlanTemplate::Iso22301,
            owner: String::new(),
            review_months: None,
        })
        .expect("plan")
        .id;
    let text = "Invoke when the depot is closed.";
    for end in 1..=text.len() {
        store
            .edit_plan(
                plan,
                &PlanEdit::Section {
                    key: "purpose".into(),
                    body: text[..end].into(),
                },
            )
            .expect("section saved");
    }
    let id = activity(&mut store, "Dispatch");
    let description = "Sends the vans out.";
    for end in 1..=description.len() {
        store
            .update_activity(
                id,
                &ActivityInput {
                    name: "Dispatch".into(),
                    description: description[..end].into(),
                    ..Default::default()
                },
            )
            .expect("description saved");
    }
    let mut details =
        keel::domain::EngagementDetailsInput::from(&store.details().expect("details"));
    for c in "Depots.".chars() {
        details.scope.push(c);
        store.update_details(&details).expect("scope saved");
    }

    let log = store.audit_log(100).expect("log");
    let of = |field: &str| {
        log.iter()
            .filter(|e| e.field.as_deref() == Some(field))
            .count()
    };
    let section = log
        .iter()
        .find(|e| e.field.as_deref().is_some_and(|f| f.starts_with("section")))
        .expect("the section is logged");
    assert_eq!(
        (section.old_value.as_deref(), section.new_value.as_deref()),
        (None, Some(text))
    );
    assert_eq!(
        log.iter()
            .filter(|e| e.field.as_deref().is_some_and(|f| f.starts_with("section")))
            .count(),
        1
    );
    assert_eq!(of("description"), 1);
    assert_eq!(of("scope"), 1);
    assert_eq!(log[0].new_value.as_deref(), Some("Depots."));
}

/// The size of the engagement file with its write-ahead log checkpointed into it.
fn checkpointed_size(fixture: &Fixture) -> u64 {
    let conn = Connection::open(&fixture.path).expect("raw connection");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    std::fs::metadata(&fixture.path).expect("size").len()
}

#[test]
fn typing_a_5000_character_note_key_by_key_keeps_the_file_well_under_a_megabyte() {
    let fixture = Fixture::new();
    let clock = ManualClock::default();
    let mut store = fixture.open_with(&clock);
    let id = activity(&mut store, "Dispatch");
    drop(store);
    let empty = checkpointed_size(&fixture);

    let mut store = fixture.open_with(&clock);
    let sentence = "The night shift reroutes the vans by phone when the WMS is down. ";
    let note: String = sentence.chars().cycle().take(5_000).collect();
    // Typing at five keys a second, a pause of ten seconds every 1,000 keys.
    for chunk in 0..5 {
        let start: String = note.chars().take(chunk * 1_000).collect();
        let keys: String = note.chars().skip(chunk * 1_000).take(1_000).collect();
        type_keys(
            &mut store,
            &clock,
            (id, InterviewText::Notes),
            (&start, &keys),
            5,
        );
        clock.advance(10);
    }
    assert_eq!(store.interview(id).expect("view").interview.notes, note);
    assert_eq!(entries(&store, "notes").len(), 5, "one entry per run");
    drop(store);

    // One audit row per keystroke, each holding the whole text, took about 25 MB.
    let size = checkpointed_size(&fixture);
    assert!(
        size < 1024 * 1024 && size - empty < 128 * 1024,
        "after 5,000 saves of a growing note the file is {size} bytes ({empty} before)"
    );
}

#[test]
fn typing_into_a_validated_interview_logs_its_status_change_then_one_entry_for_the_text() {
    let fixture = Fixture::new();
    let path = fixture.dir.path().join("demo.keel");
    drop(keel::demo::write_demo(&path, "Ana").expect("demo"));
    let clock = ManualClock::default();
    let mut store = EngagementStore::open_with_clock(&path, clock.clock())
        .expect("open")
        .with_actor("Ana");
    let validated = store
        .activities(&Default::default())
        .expect("activities")
        .into_iter()
        .map(|a| a.id)
        .find(|id| {
            store.interview(*id).expect("view").interview.status
                == keel::domain::InterviewStatus::Validated
        })
        .expect("the demo has a validated interview");
    let notes = store.interview(validated).expect("view").interview.notes;
    let start = if notes.is_empty() {
        String::new()
    } else {
        format!("{notes}\n")
    };
    let last = store.last_audit_id().expect("last id");

    type_keys(
        &mut store,
        &clock,
        (validated, InterviewText::Notes),
        (&start, "Checked again."),
        5,
    );
    let logged: Vec<_> = store
        .audit_since(last)
        .expect("since")
        .into_iter()
        .map(|e| (e.field.unwrap_or_default(), e.new_value.unwrap_or_default()))
        .collect();
    assert_eq!(
        logged,
        vec![
            ("status".to_owned(), "complete".to_owned()),
            ("notes".to_owned(), format!("{start}Checked again.")),
        ]
    );
}
