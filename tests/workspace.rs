//! The workspace: starter engagement on first start, reopening the last one, recents.

use keel::workspace::{AppDirs, NewEngagementInput, STARTER_ORGANISATION, Workspace};

fn dirs(root: &std::path::Path) -> AppDirs {
    AppDirs {
        config_dir: root.join("config"),
        data_dir: root.join("data"),
    }
}

#[test]
fn the_first_start_creates_and_opens_a_starter_engagement() {
    let root = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
    let state = ws.state().expect("state");
    let current = state.current.expect("an engagement is open");
    assert_eq!(current.details.organisation, STARTER_ORGANISATION);
    assert!(current.path.starts_with(&state.engagements_dir));
    assert_eq!(state.facilitator_name, "Ana");
    assert_eq!(state.recent.len(), 1);
}

#[test]
fn a_later_start_reopens_the_last_engagement() {
    let root = tempfile::tempdir().expect("temp dir");
    let created = {
        let mut ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
        ws.create(&NewEngagementInput {
            organisation: "Borealis Bank".into(),
            path: String::new(),
        })
        .expect("create")
        .current
        .expect("open")
        .path
    };
    assert!(created.ends_with("Borealis Bank.keel"), "{created}");
    let ws = Workspace::start(dirs(root.path()), "Ana").expect("restart");
    let state = ws.state().expect("state");
    assert_eq!(
        state.current.expect("open").details.organisation,
        "Borealis Bank"
    );
    assert_eq!(state.recent.len(), 2);
}

#[test]
fn a_last_engagement_that_is_gone_is_reported_not_fatal() {
    let root = tempfile::tempdir().expect("temp dir");
    let path = {
        let ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
        ws.state().expect("state").current.expect("open").path
    };
    std::fs::remove_file(&path).expect("remove");
    let ws = Workspace::start(dirs(root.path()), "Ana").expect("restart");
    let state = ws.state().expect("state");
    assert!(state.current.is_none());
    assert!(state.startup_problem.is_some_and(|p| p.contains(&path)));
    assert!(!state.recent[0].available);
}

#[test]
fn proposed_paths_never_overwrite() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
    let input = NewEngagementInput {
        organisation: "Acme".into(),
        path: String::new(),
    };
    let first = ws
        .create(&input)
        .expect("first")
        .current
        .expect("open")
        .path;
    let second = ws
        .create(&input)
        .expect("second")
        .current
        .expect("open")
        .path;
    assert_ne!(first, second);
    assert!(second.ends_with("Acme (2).keel"), "{second}");
}

#[test]
fn the_facilitator_name_signs_later_changes() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::start(dirs(root.path()), "ana").expect("start");
    assert!(
        ws.set_facilitator_name("   ").is_err(),
        "a blank name is refused"
    );
    ws.set_facilitator_name("Ana Ortiz").expect("rename");
    ws.store()
        .expect("open")
        .add_unit(&keel::domain::OrgUnitInput {
            name: "Ops".into(),
            description: String::new(),
        })
        .expect("add");
    let log = ws.store().expect("open").audit_log(1).expect("log");
    assert_eq!(log[0].actor, "Ana Ortiz");
    let ws = Workspace::start(dirs(root.path()), "someone else").expect("restart");
    assert_eq!(ws.state().expect("state").facilitator_name, "Ana Ortiz");
}

#[test]
fn a_starter_that_cannot_be_created_is_reported_not_fatal() {
    let root = tempfile::tempdir().expect("temp dir");
    let dirs = dirs(root.path());
    // A plain file where the data folder should be: nothing can be created under it.
    std::fs::write(&dirs.data_dir, "not a folder").expect("write");
    let ws = Workspace::start(dirs, "Ana").expect("start");
    let state = ws.state().expect("state");
    assert!(state.current.is_none());
    assert!(
        state
            .startup_problem
            .is_some_and(|p| p.contains("could not create the folder"))
    );
}

#[test]
fn the_agenda_timer_survives_a_restart_and_a_running_one_keeps_counting() {
    use keel::domain::WorkshopTimer;
    let root = tempfile::tempdir().expect("temp dir");
    let at = |seconds: i64| {
        chrono::DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("a time")
    };
    {
        let mut ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
        assert_eq!(ws.timer(at(0)), None, "no timer before one is kept");
        let running = WorkshopTimer {
            elapsed_seconds: 1_200,
            running: true,
            planned_minutes: 90,
        };
        ws.save_timer(running, at(0)).expect("keep");
    }
    let ws = Workspace::start(dirs(root.path()), "Ana").expect("restart");
    let timer = ws.timer(at(300)).expect("kept");
    assert_eq!(
        timer.elapsed_seconds, 1_500,
        "five minutes closed still count"
    );
    assert!(timer.running);
    assert_eq!(timer.planned_minutes, 90);
}

#[test]
fn the_sample_engagement_is_written_once_then_reopened_as_it_was_left() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
    let state = ws.open_sample().expect("sample");
    let current = state.current.expect("open");
    assert_eq!(current.details.organisation, keel::demo::DEMO_ORGANISATION);
    assert!(current.path.starts_with(&state.engagements_dir));
    let store = ws.store().expect("store");
    let progress = store.progress().expect("progress");
    assert!(
        progress.activities > 10 && progress.plans_approved >= 1,
        "{progress:?}"
    );
    assert_eq!(progress.unresolved, 0);
    // Changed, then asked for again: the same file, as it was left.
    store
        .add_unit(&keel::domain::OrgUnitInput {
            name: "Ana's unit".into(),
            description: String::new(),
        })
        .expect("unit");
    let units = store.progress().expect("progress").units;
    let again = ws.open_sample().expect("again").current.expect("open");
    assert_eq!(again.path, current.path);
    assert_eq!(
        ws.store().expect("store").progress().expect("p").units,
        units
    );
}

#[test]
fn progress_counts_each_step_of_the_planning() {
    let root = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::start(dirs(root.path()), "Ana").expect("start");
    let store = ws.store().expect("store");
    assert_eq!(
        store.progress().expect("progress"),
        keel::domain::EngagementProgress::default()
    );
    store
        .add_activity(&keel::domain::ActivityInput {
            name: "Dispatch".into(),
            ..Default::default()
        })
        .expect("activity");
    assert_eq!(store.progress().expect("progress").activities, 1);
}
