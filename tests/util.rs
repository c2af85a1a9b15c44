//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use keel::EngagementStore;
use keel::domain::EngagementDetailsInput;
use keel::store::Clock;
use tempfile::TempDir;

/// 2026-03-02 10:15:00 UTC, the time of every change in these tests.
pub fn fixed_clock() -> Clock {
    Arc::new(|| {
        DateTime::parse_from_rfc3339("2026-03-02T10:15:00Z")
            .expect("valid time")
            .with_timezone(&Utc)
    })
}

/// A clock the test moves by hand, starting at the fixed time of [`fixed_clock`].
#[derive(Clone, Default)]
pub struct ManualClock {
    seconds: Arc<std::sync::atomic::AtomicI64>,
}

impl ManualClock {
    pub fn clock(&self) -> Clock {
        let seconds = self.seconds.clone();
        let start = fixed_clock()();
        Arc::new(move || {
            start + chrono::TimeDelta::seconds(seconds.load(std::sync::atomic::Ordering::SeqCst))
        })
    }

    pub fn advance(&self, seconds: i64) {
        self.seconds
            .fetch_add(seconds, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A temp dir holding a new engagement for "Acme Insurance", created by "Ana".
pub struct Fixture {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("acme.keel");
        let details = EngagementDetailsInput {
            organisation: "Acme Insurance".into(),
            facilitator: "Ana".into(),
            ..Default::default()
        };
        drop(
            EngagementStore::create_with_clock(&path, &details, "Ana", fixed_clock())
                .expect("create"),
        );
        Fixture { dir, path }
    }

    /// The engagement, opened with a clock the test moves.
    pub fn open_with(&self, clock: &ManualClock) -> EngagementStore {
        EngagementStore::open_with_clock(&self.path, clock.clock())
            .expect("open")
            .with_actor("Ana")
    }

    pub fn open(&self) -> EngagementStore {
        EngagementStore::open_with_clock(&self.path, fixed_clock())
            .expect("open")
            .with_actor("Ana")
    }
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Files in `dir`, by name.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Dispatch (RTO 4h) needs the WMS (an application), which needs the server
/// (infrastructure). Returns the ids of Dispatch, the WMS and the server.
pub fn dispatch_on_wms_on_server(store: &mut EngagementStore) -> (i64, i64, i64) {
    use keel::domain::{ActivityInput, InterviewDuration, InterviewEdit, ResourceKind};
    let dispatch = store
        .add_activity(&ActivityInput {
            name: "Dispatch".into(),
            ..Default::default()
        })
        .expect("activity")
        .id;
    store
        .edit_interview_all(
            dispatch,
            &[
                InterviewEdit::Duration {
                    field: InterviewDuration::Rto,
                    value: "4h".into(),
                },
                InterviewEdit::AddResource {
                    resource_id: None,
                    name: "WMS".into(),
                    resource_kind: ResourceKind::Application,
                },
            ],
        )
        .expect("interview");
    let wms = store.resources().expect("catalogue")[0].id;
    let server = store
        .add_catalogue_resource("Server", ResourceKind::Infrastructure)
        .expect("server")
        .id;
    store
        .add_resource_dependency(wms, server, "")
        .expect("wms needs the server");
    (dispatch, wms, server)
}

/// Changes a closed engagement with raw SQL the way a determined editor would: drops
/// the trigger that guards the change, runs `sql`, and puts the trigger back exactly as
/// it was, so the file still passes the schema check on opening.
pub fn alter_behind_trigger(path: &Path, trigger: &str, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("open raw");
    let guard: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [trigger],
            |r| r.get(0),
        )
        .expect("the trigger exists");
    conn.execute_batch(&format!("DROP TRIGGER {trigger}; {sql}; {guard};"))
        .expect("alter");
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
}

/// Runs the `keel` binary as `actor` (its facilitator); its output, once it succeeded.
pub fn keel_as(actor: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env("KEEL_FACILITATOR", actor)
        .output()
        .expect("run keel");
    assert!(
        out.status.success(),
        "keel {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The demo engagement (approved plans, the flood, the exercises), closed, in a temp dir.
pub fn demo_file() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.keel");
    drop(keel::demo::write_demo(&path, "Ana").expect("demo"));
    (dir, path)
}

/// A time written in RFC 3339.
pub fn t(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a time")
        .with_timezone(&Utc)
}

/// A new ISO 22301 plan, "Warehouse continuity plan" owned by Dana, with `approvers`
/// (name, role); its id.
pub fn warehouse_plan(store: &mut EngagementStore, approvers: &[(&str, &str)]) -> i64 {
    use keel::domain::{ApproverRow, NewPlanInput, PlanEdit, PlanTemplate};
    let plan = store
        .create_plan(&NewPlanInput {
            title: "Warehouse continuity plan".into(),
            template: PlanTemplate::Iso22301,
            owner: "Dana".into(),
            review_months: None,
        })
        .expect("plan")
        .id;
    store
        .edit_plan(
            plan,
            &PlanEdit::Approvers {
                approvers: approvers
                    .iter()
                    .map(|(name, role)| ApproverRow {
                        name: (*name).into(),
                        role: (*role).into(),
                    })
                    .collect(),
            },
        )
        .expect("approvers");
    plan
}

/// Runs `tool`; its output, once it succeeded.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a PDF as laid out, after `qpdf --check` has passed it.
pub fn checked_text(pdf: &str) -> String {
    assert!(run("qpdf", &["--check", pdf]).contains("No syntax or stream encoding errors"));
    run("pdftotext", &["-layout", pdf, "-"])
}

/// The line holding every one of `anchors` and the `n - 1` lines after it: a table row
/// whose cells run over several lines.
pub fn row(text: &str, anchors: &[&str], n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| anchors.iter().all(|a| l.contains(a)))
        .unwrap_or_else(|| panic!("no line has {anchors:?} in:\n{text}"));
    lines[at..(at + n).min(lines.len())].join("\n")
}

pub fn assert_has(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "{w:?} is missing from:\n{text}");
    }
}
