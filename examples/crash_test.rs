//! Crash test: nothing acknowledged is lost when Keel is killed mid-edit.
//!
//! `crash_test drive --trials N [--seed S] [--max-delay-ms MS]` writes the demo
//! engagement once, then for each trial copies it, starts `crash_test edit FILE --seed S'`
//! as a child, kills the child with SIGKILL at a random moment, opens the file with
//! `EngagementStore::open`, runs SQLite's integrity check (`info()`), and checks that every
//! edit the child acknowledged is in the file with its value.
//!
//! The child makes scripted edits through the same store functions the desktop app's
//! commands call (interview fields, impact-grid cells, new activities, resource
//! capabilities, plan section text, map moves, added needs) and prints
//! `ack N KEY VALUE` only after the call has returned, i.e. after the commit.
//! The script follows from the seed alone, so the driver knows the edit that may have been
//! in flight at the kill: for a key it touches, its value is accepted as well.
//!
//! `--sabotage` puts the pristine copy back after each kill, as a file system that loses
//! committed writes would: the run must then report lost edits (a check of the checker).
//!
//! Prints `crash-test: T trials, L lost acknowledged edits, I integrity failures` and exits
//! non-zero when anything was lost or damaged. `make crash-test` runs it.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use keel::EngagementStore;
use keel::analysis::interview::InterviewView;
use keel::domain::{
    ActivityInput, ActivityQuery, Duration as KeelDuration, IntegrityStatus, InterviewDuration,
    InterviewEdit, InterviewText, MapPosition, NodeRef, PlanEdit, ResourceCapabilityInput,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Edits in one script: more than a child gets through before the latest kill.
const SCRIPT_LEN: usize = 4_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("edit") => edit(&args[1..]),
        Some("drive") => drive(&args[1..]),
        _ => Err("usage: crash_test drive [--trials N] [--seed S] [--max-delay-ms MS] [--sabotage] | crash_test edit FILE --seed S".into()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crash-test: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `--name` in `args`, parsed.
fn flag<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{name} wants a number")),
    }
}

fn failed(what: &str) -> impl Fn(keel::Error) -> String + '_ {
    move |e| format!("{what}: {e}")
}

// --- the script --------------------------------------------------------------------------

/// What the demo engagement holds that the script edits: read from the file, so the
/// driver (from the pristine copy) and the child (from its own copy) agree.
struct World {
    activities: Vec<i64>,
    cells: Vec<(i64, i64)>,
    resources: Vec<(i64, ResourceCapabilityInput)>,
    sections: Vec<(i64, String)>,
    nodes: Vec<String>,
}

impl World {
    fn read(store: &EngagementStore) -> keel::Result<World> {
        let settings = store.bia_settings()?;
        let mut resources = Vec::new();
        for r in store.resources()? {
            resources.push((r.id, store.resource_capability(r.id)?));
        }
        let mut sections = Vec::new();
        for plan in store.plans()? {
            for s in store.plan_view(plan.id)?.sections {
                if s.written {
                    sections.push((plan.id, s.key));
                }
            }
        }
        Ok(World {
            activities: store
                .activities(&ActivityQuery::default())?
                .iter()
                .map(|a| a.id)
                .collect(),
            cells: settings
                .categories
                .iter()
                .flat_map(|c| settings.buckets.iter().map(move |b| (c.id, b.id)))
                .collect(),
            resources,
            sections,
            nodes: store
                .dependency_map()?
                .nodes
                .into_iter()
                .map(|n| n.key)
                .collect(),
        })
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Text {
        activity: i64,
        field: InterviewText,
        value: String,
    },
    Duration {
        activity: i64,
        field: InterviewDuration,
        minutes: u32,
    },
    Rating {
        activity: i64,
        cell: (i64, i64),
        rating: u8,
        rationale: String,
    },
    AddActivity {
        name: String,
    },
    Capability {
        resource: i64,
        input: ResourceCapabilityInput,
    },
    Section {
        plan: i64,
        key: String,
        body: String,
    },
    Move {
        node: String,
        x: i32,
        y: i32,
    },
    Need {
        activity: i64,
        resource: i64,
        group: String,
    },
}

const TEXT_FIELDS: [InterviewText; 5] = [
    InterviewText::Notes,
    InterviewText::Backlog,
    InterviewText::PeakPeriods,
    InterviewText::Workarounds,
    InterviewText::RtoSource,
];
/// Not the RTO: the core refuses one longer than the MTPD, which the ratings move.
const DURATION_FIELDS: [InterviewDuration; 2] = [
    InterviewDuration::Rpo,
    InterviewDuration::WorkaroundDuration,
];
const WORDS: [&str; 12] = [
    "stock",
    "Überweisung",
    "grève",
    "склад",
    "ώρα",
    "backlog",
    "night shift",
    "O'Brien",
    "50%",
    "\"quoted\"",
    "é\u{301}",
    "🚚",
];

/// Text of `words` words from WORDS and numbers, never blank and never padded (the core
/// trims what it stores).
fn text(rng: &mut StdRng, words: usize, n: usize) -> String {
    let mut out = format!("edit {n}");
    for _ in 0..rng.gen_range(0..=words) {
        out.push(if rng.gen_bool(0.1) { '\n' } else { ' ' });
        if rng.gen_bool(0.3) {
            out.push_str(&rng.gen_range(0..100_000).to_string());
        } else {
            out.push_str(WORDS[rng.gen_range(0..WORDS.len())]);
        }
    }
    out
}

/// The edits of one trial: the same for the same seed and the same file.
fn script(world: &World, seed: u64) -> Vec<Edit> {
    let mut rng = StdRng::seed_from_u64(seed);
    let pick = |rng: &mut StdRng, len: usize| rng.gen_range(0..len);
    (0..SCRIPT_LEN)
        .map(|n| {
            let activity = world.activities[pick(&mut rng, world.activities.len())];
            match rng.gen_range(0..100) {
                0..30 => Edit::Text {
                    activity,
                    field: TEXT_FIELDS[pick(&mut rng, TEXT_FIELDS.len())],
                    value: text(&mut rng, 40, n),
                },
                30..42 => Edit::Duration {
                    activity,
                    field: DURATION_FIELDS[pick(&mut rng, DURATION_FIELDS.len())],
                    minutes: rng.gen_range(1..=30 * 24 * 60),
                },
                42..60 => Edit::Rating {
                    activity,
                    cell: world.cells[pick(&mut rng, world.cells.len())],
                    rating: rng.gen_range(0..=5),
                    rationale: text(&mut rng, 8, n),
                },
                60..65 => Edit::AddActivity {
                    name: format!("Crash-test activity {seed}-{n}"),
                },
                65..75 => {
                    let (resource, input) = &world.resources[pick(&mut rng, world.resources.len())];
                    let rtc = KeelDuration::from_minutes(rng.gen_range(1..=14 * 24 * 60))
                        .map(|d| d.to_string())
                        .unwrap_or_default();
                    Edit::Capability {
                        resource: *resource,
                        input: ResourceCapabilityInput {
                            owner: format!("Owner {n}"),
                            rtc,
                            ..input.clone()
                        },
                    }
                }
                75..85 => {
                    let (plan, key) = world.sections[pick(&mut rng, world.sections.len())].clone();
                    Edit::Section {
                        plan,
                        key,
                        body: text(&mut rng, 120, n),
                    }
                }
                85..95 => Edit::Move {
                    node: world.nodes[pick(&mut rng, world.nodes.len())].clone(),
                    x: rng.gen_range(-5000..5000),
                    y: rng.gen_range(-5000..5000),
                },
                _ => Edit::Need {
                    activity,
                    resource: world.resources[pick(&mut rng, world.resources.len())].0,
                    group: ["", "", "a", "b"][pick(&mut rng, 4)].to_owned(),
                },
            }
        })
        .collect()
}

impl Edit {
    /// Makes the edit through the core, as the app's command does.
    fn apply(&self, store: &mut EngagementStore) -> keel::Result<()> {
        match self {
            Edit::Text {
                activity,
                field,
                value,
            } => store
                .edit_interview_all(
                    *activity,
                    &[InterviewEdit::Text {
                        field: *field,
                        value: value.clone(),
                    }],
                )
                .map(drop),
            Edit::Duration {
                activity,
                field,
                minutes,
            } => store
                .edit_interview_all(
                    *activity,
                    &[InterviewEdit::Duration {
                        field: *field,
                        value: format!("{minutes}m"),
                    }],
                )
                .map(drop),
            Edit::Rating {
                activity,
                cell: (category_id, bucket_id),
                rating,
                rationale,
            } => store
                .edit_interview_all(
                    *activity,
                    &[InterviewEdit::Rating {
                        category_id: *category_id,
                        bucket_id: *bucket_id,
                        rating: Some(*rating),
                        rationale: rationale.clone(),
                    }],
                )
                .map(drop),
            Edit::AddActivity { name } => store
                .add_activity(&ActivityInput {
                    name: name.clone(),
                    ..Default::default()
                })
                .map(drop),
            Edit::Capability { resource, input } => store.set_resource_capability(*resource, input),
            Edit::Section { plan, key, body } => store.edit_plan(
                *plan,
                &PlanEdit::Section {
                    key: key.clone(),
                    body: body.clone(),
                },
            ),
            Edit::Move { node, x, y } => store.set_map_position(
                NodeRef::parse("node", node)?,
                MapPosition {
                    x: f64::from(*x),
                    y: f64::from(*y),
                },
            ),
            Edit::Need {
                activity,
                resource,
                group,
            } => store.add_need(
                NodeRef::Activity(*activity),
                NodeRef::Resource(*resource),
                group,
            ),
        }
    }

    /// What the edit sets: a later edit with the same key replaces its value.
    fn key(&self) -> String {
        match self {
            Edit::Text {
                activity, field, ..
            } => format!("activity:{activity}/{}", field.column()),
            Edit::Duration {
                activity, field, ..
            } => format!("activity:{activity}/{}", field.column()),
            Edit::Rating {
                activity,
                cell: (c, b),
                ..
            } => format!("activity:{activity}/rating:{c}:{b}"),
            Edit::AddActivity { name } => format!("activity-named:{name}"),
            Edit::Capability { resource, .. } => format!("resource:{resource}/capability"),
            Edit::Section { plan, key, .. } => format!("plan:{plan}/section:{key}"),
            Edit::Move { node, .. } => format!("{node}/position"),
            Edit::Need {
                activity, resource, ..
            } => format!("activity:{activity}/needs:resource:{resource}"),
        }
    }

    /// The value the file holds for `key()` once the edit is committed.
    fn value(&self) -> String {
        match self {
            Edit::Text { value, .. } => value.clone(),
            Edit::Duration { minutes, .. } => minutes.to_string(),
            Edit::Rating {
                rating, rationale, ..
            } => format!("{rating} {rationale}"),
            Edit::AddActivity { .. } => "present".into(),
            Edit::Capability { input, .. } => format!("{} {}", input.owner, input.rtc),
            Edit::Section { body, .. } => body.clone(),
            Edit::Move { x, y, .. } => format!("{x},{y}"),
            Edit::Need { group, .. } => format!("group {group:?}"),
        }
    }

    /// What the file holds for `key()` now (`None`: nothing).
    fn observe(&self, file: &mut Reader<'_>) -> keel::Result<Option<String>> {
        Ok(match self {
            Edit::Text {
                activity, field, ..
            } => {
                let i = &file.interview(*activity)?.interview;
                Some(
                    match field {
                        InterviewText::Facilitator => &i.facilitator,
                        InterviewText::Notes => &i.notes,
                        InterviewText::PeakPeriods => &i.peak_periods,
                        InterviewText::Backlog => &i.backlog,
                        InterviewText::RtoSource => &i.rto.source,
                        InterviewText::RpoSource => &i.rpo.source,
                        InterviewText::MbcoStatement => &i.mbco.statement,
                        InterviewText::MbcoSource => &i.mbco.source,
                        InterviewText::Workarounds => &i.workarounds,
                    }
                    .clone(),
                )
            }
            Edit::Duration {
                activity, field, ..
            } => {
                let i = &file.interview(*activity)?.interview;
                match field {
                    InterviewDuration::Rto => i.rto.value,
                    InterviewDuration::Rpo => i.rpo.value,
                    InterviewDuration::WorkaroundDuration => i.workaround_duration,
                }
                .map(|d| d.minutes().to_string())
            }
            Edit::Rating {
                activity,
                cell: (c, b),
                ..
            } => file
                .interview(*activity)?
                .interview
                .ratings
                .iter()
                .find(|r| (r.category_id, r.bucket_id) == (*c, *b))
                .map(|r| format!("{} {}", r.rating, r.rationale)),
            Edit::AddActivity { name } => file
                .store
                .activities(&ActivityQuery {
                    search: name.clone(),
                    unit_id: None,
                })?
                .iter()
                .any(|a| &a.name == name)
                .then(|| "present".to_owned()),
            Edit::Capability { resource, .. } => {
                let c = file.store.resource_capability(*resource)?;
                Some(format!("{} {}", c.owner, c.rtc))
            }
            Edit::Section { plan, key, .. } => file
                .store
                .plan_view(*plan)?
                .sections
                .into_iter()
                .find(|s| &s.key == key)
                .map(|s| s.body),
            Edit::Move { node, .. } => file
                .map()?
                .nodes
                .iter()
                .find(|n| &n.key == node && n.placed)
                .map(|n| format!("{},{}", n.x.round(), n.y.round())),
            Edit::Need {
                activity, resource, ..
            } => {
                let (from, to) = (
                    format!("activity:{activity}"),
                    format!("resource:{resource}"),
                );
                file.map()?
                    .edges
                    .iter()
                    .find(|e| e.from == from && e.to == to)
                    .map(|e| format!("group {:?}", e.group))
            }
        })
    }
}

/// Reads an engagement after a kill, each view once.
struct Reader<'a> {
    store: &'a EngagementStore,
    interviews: HashMap<i64, InterviewView>,
    map: Option<keel::map::DependencyMap>,
}

impl Reader<'_> {
    fn interview(&mut self, activity: i64) -> keel::Result<&InterviewView> {
        if !self.interviews.contains_key(&activity) {
            let view = self.store.interview(activity)?;
            self.interviews.insert(activity, view);
        }
        Ok(&self.interviews[&activity])
    }

    fn map(&mut self) -> keel::Result<&keel::map::DependencyMap> {
        let map = match self.map.take() {
            Some(map) => map,
            None => self.store.dependency_map()?,
        };
        Ok(self.map.insert(map))
    }
}

// --- the child: edit until killed ---------------------------------------------------------

fn edit(args: &[String]) -> Result<ExitCode, String> {
    let file = PathBuf::from(args.first().ok_or("edit wants a file")?);
    let seed: u64 = flag(args, "--seed")?.ok_or("edit wants --seed")?;
    let mut store = EngagementStore::open(&file)
        .map_err(failed("open"))?
        .with_actor("Crash test");
    let world = World::read(&store).map_err(failed("read the engagement"))?;
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| -> Result<(), String> {
        writeln!(out, "{line}")
            .and_then(|()| out.flush())
            .map_err(|e| format!("stdout: {e}"))
    };
    let script = script(&world, seed);
    say("ready".into())?;
    for (n, edit) in script.iter().enumerate() {
        edit.apply(&mut store)
            .map_err(|e| format!("edit {n} ({edit:?}) was refused: {e}"))?;
        // Only now is the edit committed: acknowledge it.
        say(format!(
            "ack {n} {} {}",
            edit.key(),
            serde_json::to_string(&edit.value()).map_err(|e| e.to_string())?
        ))?;
    }
    say("done".into())?;
    Ok(ExitCode::SUCCESS)
}

// --- the driver ---------------------------------------------------------------------------

#[derive(Default)]
struct Tally {
    trials: usize,
    lost: usize,
    integrity: usize,
    /// The child failed on its own (a refused edit, a panic): a fault of Keel or of the
    /// script, not a crash-test result.
    harness: usize,
    acknowledged: usize,
    finished_before_kill: usize,
}

fn drive(args: &[String]) -> Result<ExitCode, String> {
    let trials: usize = flag(args, "--trials")?.unwrap_or(200);
    let max_delay: u64 = flag(args, "--max-delay-ms")?.unwrap_or(1200);
    let sabotage = args.iter().any(|a| a == "--sabotage");
    let seed: u64 = match flag(args, "--seed")? {
        Some(seed) => seed,
        None => rand::random(),
    };
    println!(
        "crash-test: seed {seed} (replay with --seed {seed} --trials {trials} --max-delay-ms {max_delay})"
    );
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let pristine = dir.path().join("pristine.keel");
    let world = {
        let store = keel::demo::write_demo(&pristine, "Crash test").map_err(failed("demo"))?;
        World::read(&store).map_err(failed("read the demo"))?
    };
    let mut rng = StdRng::seed_from_u64(seed);
    let mut tally = Tally::default();
    let started = Instant::now();
    for trial in 0..trials {
        let trial_seed = seed.wrapping_add(trial as u64);
        let delay = Duration::from_millis(rng.gen_range(0..=max_delay));
        let file = dir.path().join(format!("trial-{trial}.keel"));
        std::fs::copy(&pristine, &file).map_err(|e| e.to_string())?;
        let sabotage = sabotage.then_some(pristine.as_path());
        let outcome = run_trial(&me, &file, trial_seed, delay, &world, sabotage)?;
        tally.trials += 1;
        tally.acknowledged += outcome.acknowledged;
        tally.finished_before_kill += usize::from(outcome.finished);
        tally.lost += outcome.lost.len();
        tally.integrity += usize::from(outcome.integrity.is_some());
        tally.harness += usize::from(outcome.harness.is_some());
        let problems: Vec<String> = outcome
            .lost
            .iter()
            .cloned()
            .chain(outcome.integrity)
            .chain(outcome.harness)
            .collect();
        if problems.is_empty() {
            for leftover in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{leftover}", file.display()));
            }
        } else {
            let kept = std::env::temp_dir().join(format!("keel-crash-{trial_seed}.keel"));
            // With its write-ahead log, which a reader of the kept file needs as much.
            for side in ["", "-wal"] {
                let _ = std::fs::copy(
                    format!("{}{side}", file.display()),
                    format!("{}{side}", kept.display()),
                );
            }
            eprintln!(
                "crash-test: trial {trial} (seed {trial_seed}, kill after {delay:?}); file kept as {}:",
                kept.display()
            );
            for p in problems {
                eprintln!("  {p}");
            }
        }
    }
    println!(
        "crash-test: {} acknowledged edits in all ({:.0} per trial), {} trials finished before the kill, {} harness failures, {:.0} s",
        tally.acknowledged,
        tally.acknowledged as f64 / tally.trials.max(1) as f64,
        tally.finished_before_kill,
        tally.harness,
        started.elapsed().as_secs_f64()
    );
    println!(
        "crash-test: {} trials, {} lost acknowledged edits, {} integrity failures",
        tally.trials, tally.lost, tally.integrity
    );
    Ok(
        if tally.lost == 0 && tally.integrity == 0 && tally.harness == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
}

struct Outcome {
    acknowledged: usize,
    finished: bool,
    lost: Vec<String>,
    integrity: Option<String>,
    harness: Option<String>,
}

/// Kills the child and reaps it, whatever happened before.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn run_trial(
    me: &Path,
    file: &Path,
    seed: u64,
    delay: Duration,
    world: &World,
    sabotage: Option<&Path>,
) -> Result<Outcome, String> {
    let stderr_path = file.with_extension("stderr");
    let stderr = std::fs::File::create(&stderr_path).map_err(|e| e.to_string())?;
    let mut child = Reaped(
        Command::new(me)
            .arg("edit")
            .arg(file)
            .args(["--seed", &seed.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("start the editor: {e}"))?,
    );
    let stdout = child.0.stdout.take().ok_or("no stdout")?;
    let (lines_tx, lines) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        // A line cut short by the kill has no newline: it was never acknowledged.
        let mut reader = BufReader::new(stdout);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            if line.ends_with(b"\n") {
                let text = String::from_utf8_lossy(&line[..line.len() - 1]).into_owned();
                if lines_tx.send(text).is_err() {
                    break;
                }
            }
            line.clear();
        }
    });
    let mut received = Vec::new();
    // Wait for the child to be editing, then let it edit for `delay`, then kill it.
    match lines.recv_timeout(Duration::from_secs(60)) {
        Ok(line) => received.push(line),
        Err(_) => {
            drop(child);
            let _ = reader.join();
            return Ok(harness_failure(&stderr_path, "the editor never started"));
        }
    }
    std::thread::sleep(delay);
    let _ = child.0.kill();
    let status = child.0.wait().map_err(|e| e.to_string())?;
    drop(child);
    let _ = reader.join();
    received.extend(lines.try_iter());
    if let Some(pristine) = sabotage {
        std::fs::copy(pristine, file).map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(format!("{}-wal", file.display()));
    }

    let finished = received.last().map(String::as_str) == Some("done");
    if !finished && status.code().is_some() {
        return Ok(harness_failure(
            &stderr_path,
            &format!("the editor stopped on its own ({status})"),
        ));
    }
    let script = script(world, seed);
    let mut last: BTreeMap<String, usize> = BTreeMap::new();
    let mut acknowledged = 0;
    for line in received.iter().filter(|l| l.starts_with("ack ")) {
        let mut parts = line.splitn(4, ' ').skip(1);
        let n: usize = parts
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        let expected = script.get(n).map(|e| {
            format!(
                "ack {n} {} {}",
                e.key(),
                serde_json::to_string(&e.value()).unwrap_or_default()
            )
        });
        if n != acknowledged || expected.as_deref() != Some(line.as_str()) {
            return Ok(harness_failure(
                &stderr_path,
                &format!("acknowledgement {acknowledged} does not follow the script: {line}"),
            ));
        }
        last.insert(script[n].key(), n);
        acknowledged += 1;
    }
    let in_flight = script.get(acknowledged).filter(|_| !finished);

    let mut outcome = Outcome {
        acknowledged,
        finished,
        lost: Vec::new(),
        integrity: None,
        harness: None,
    };
    let store = match EngagementStore::open(file) {
        Ok(store) => store,
        Err(e) => {
            outcome.integrity = Some(format!("the file does not open: {e}"));
            return Ok(outcome);
        }
    };
    match store.info() {
        Ok(info) if info.integrity == IntegrityStatus::Ok => {}
        Ok(info) => {
            outcome.integrity = Some(format!("integrity check: {:?}", info.integrity_detail));
            return Ok(outcome);
        }
        Err(e) => {
            outcome.integrity = Some(format!("integrity check failed: {e}"));
            return Ok(outcome);
        }
    }
    let mut reader = Reader {
        store: &store,
        interviews: HashMap::new(),
        map: None,
    };
    for (key, &n) in &last {
        let edit = &script[n];
        let mut allowed = vec![edit.value()];
        if let Some(next) = in_flight.filter(|e| &e.key() == key) {
            allowed.push(next.value());
        }
        match edit.observe(&mut reader) {
            Ok(Some(found)) if allowed.contains(&found) => {}
            Ok(found) => outcome.lost.push(format!(
                "edit {n} ({key}): the file holds {found:?}, acknowledged {:?}",
                edit.value()
            )),
            Err(e) => outcome
                .lost
                .push(format!("edit {n} ({key}) could not be read back: {e}")),
        }
    }
    Ok(outcome)
}

fn harness_failure(stderr: &Path, what: &str) -> Outcome {
    let said = std::fs::read_to_string(stderr).unwrap_or_default();
    Outcome {
        acknowledged: 0,
        finished: false,
        lost: Vec::new(),
        integrity: None,
        harness: Some(format!("{what}: {}", said.trim())),
    }
}
