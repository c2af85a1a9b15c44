//! Fuzz targets: bolero's random engine on stable Rust, so they also run under
//! `cargo test`. Each target runs for `KEEL_FUZZ_SECONDS` (2 when unset: a moment in
//! `make test`; `make fuzz` sets 60) and prints
//! `fuzz TARGET: N executions, C crashes in S s (slowest execution T ms)`.
//! A crash is a panic (or a broken property); bolero then prints the input and the
//! test fails. Inputs that once crashed are kept as named regression tests below.
//!
//! Files (engagements, PDFs, PKCS#12) are fuzzed by mutating a real one: bolero
//! generates a list of byte edits, which [`mutate`] applies.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use keel::EngagementStore;
use keel::domain::{ActivityInput, Duration as KeelDuration};
use keel::import::ImportFiles;
use keel::report;
use keel::signing::Identity;

use crate::util::Fixture;

/// Counts the executions of one target and prints them when it ends, crashed or not.
struct Campaign {
    name: &'static str,
    started: Instant,
    executions: AtomicU64,
    slowest_micros: AtomicU64,
}

impl Campaign {
    fn new(name: &'static str) -> Campaign {
        Campaign {
            name,
            started: Instant::now(),
            executions: AtomicU64::new(0),
            slowest_micros: AtomicU64::new(0),
        }
    }

    /// How long the target runs.
    fn budget() -> Duration {
        let seconds = std::env::var("KEEL_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(2.0);
        Duration::from_secs_f64(seconds)
    }

    /// Runs one execution, timed.
    fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        self.executions.fetch_add(1, Ordering::Relaxed);
        let micros = started.elapsed().as_micros() as u64;
        self.slowest_micros.fetch_max(micros, Ordering::Relaxed);
        value
    }
}

impl Drop for Campaign {
    fn drop(&mut self) {
        let crashes = u8::from(std::thread::panicking());
        println!(
            "fuzz {}: {} executions, {crashes} crashes in {:.0} s (slowest execution {:.1} ms)",
            self.name,
            self.executions.load(Ordering::Relaxed),
            self.started.elapsed().as_secs_f64(),
            self.slowest_micros.load(Ordering::Relaxed) as f64 / 1000.0
        );
    }
}

/// Applies `edits` to a copy of `base`: each is (where, what, byte). `where` picks a
/// place, half the time inside `hot` (the bytes a parser reads first: a file's header,
/// a PDF's trailer); `what` sets a byte, flips a bit, inserts, deletes a few bytes, or
/// (rarely) cuts the file there.
fn mutate(base: &[u8], hot: std::ops::Range<usize>, edits: &[(u32, u8, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(place, what, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = if place & 1 == 0 && !hot.is_empty() {
            (hot.start + (place >> 1) as usize % hot.len()).min(bytes.len() - 1)
        } else {
            (place >> 1) as usize % bytes.len()
        };
        match what % 16 {
            0..6 => bytes[at] = byte,
            6..10 => bytes[at] ^= 1 << (byte % 8),
            10..13 => bytes.insert(at, byte),
            13..15 => drop(bytes.drain(at..(at + 1 + byte as usize % 8).min(bytes.len()))),
            _ => bytes.truncate(at),
        }
    }
    bytes
}

/// Removes everything in `dir` (what the last execution left).
fn empty(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("list dir").flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

// --- duration parsing ---------------------------------------------------------------------

const DURATION_PIECES: &[&str] = &[
    "0",
    "1",
    "4",
    "9",
    "12",
    "1.5",
    ".",
    ",",
    " ",
    "  ",
    "m",
    "h",
    "d",
    "w",
    "mo",
    "min",
    "mins",
    "hours",
    "day",
    "weeks",
    "months",
    "p",
    "P",
    "T",
    "t",
    "PT",
    "Y",
    "M",
    "S",
    "-",
    "+",
    "e",
    "1e9",
    "99999999999999999999",
    "0.0000001",
    "İ",
    "ẞ",
    "ǅ",
    "\u{301}",
    "\t",
    "\n",
    "١",
    "½",
    "∞",
    "NaN",
];

/// Text built from duration-like pieces, with an arbitrary string spliced in.
fn duration_text((pieces, raw, at): &(Vec<u8>, String, u8)) -> String {
    let mut text: String = pieces
        .iter()
        .map(|&p| DURATION_PIECES[p as usize % DURATION_PIECES.len()])
        .collect();
    if !raw.is_empty() {
        let mut at = *at as usize % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(at, raw);
    }
    text
}

/// The property: a duration that parses is at most ten years, and its canonical form
/// parses back to it.
fn check_duration(text: &str) {
    if let Ok(d) = KeelDuration::parse(text) {
        assert!(d.minutes() <= 10 * 365 * 24 * 60, "{text:?}");
        assert_eq!(
            KeelDuration::parse(&d.to_string()),
            Ok(d),
            "{text:?} read as {d}"
        );
    }
}

#[test]
fn fuzz_duration_parse() {
    let campaign = Campaign::new("duration_parse");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(Vec<u8>, String, u8)>()
        .for_each(|input| campaign.run(|| check_duration(&duration_text(input))));
}

// --- CSV import -----------------------------------------------------------------------------

const CSV_WORDS: &[&str] = &[
    "Dispatch",
    "Payroll",
    "Warehouse management system",
    "Finance",
    "Ana",
    "4h",
    "1d",
    "P1W",
    "PT4H",
    "-1h",
    "999mo",
    "50%",
    "101",
    "application",
    "it service",
    "site",
    "supplier",
    "people",
    "data",
    "equipment",
    "demonstrated",
    "planned",
    "assumed",
    "2026-01-31",
    "2026-13-45",
    "failover",
    "backup",
    "=1+1",
    "'=1+1",
    "\"",
    "\"\"",
    "a",
    "",
    " ",
    "\r",
    "\n",
    ";",
    ",",
    "\u{feff}",
    "名前",
];

/// (separator and byte-order mark, header columns, rows of (choice, raw cell)).
type Sheet = (u8, Vec<u8>, Vec<Vec<(u8, String)>>);

/// A CSV file from `sheet`: a header of known (and unknown) columns, then cells that are
/// words from CSV_WORDS or arbitrary text, quoted properly or not at all.
fn csv_bytes(known: &[&str], (style, header, rows): &Sheet) -> Vec<u8> {
    let sep = if style & 1 == 0 { "," } else { ";" };
    let mut out = String::new();
    if style & 2 != 0 {
        out.push('\u{feff}');
    }
    let columns: Vec<&str> = if header.is_empty() {
        known.to_vec()
    } else {
        header
            .iter()
            .map(|&c| match c as usize % (known.len() + 2) {
                i if i < known.len() => known[i],
                i if i == known.len() => "unknown",
                _ => "",
            })
            .collect()
    };
    out.push_str(&columns.join(sep));
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|(choice, raw)| {
                let cell = if choice & 0x80 == 0 {
                    CSV_WORDS[*choice as usize % CSV_WORDS.len()].to_owned()
                } else {
                    raw.clone()
                };
                if choice & 0x40 != 0 {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        out.push_str(&cells.join(sep));
        out.push_str(if style & 4 == 0 { "\n" } else { "\r\n" });
    }
    out.into_bytes()
}

#[test]
fn fuzz_csv_import() {
    let fixture = Fixture::new();
    let mut store = fixture.open();
    store
        .add_activity(&ActivityInput {
            name: "Dispatch".into(),
            ..Default::default()
        })
        .expect("activity");
    let last_entry = store.audit_log(1).expect("audit");
    let store = Mutex::new(store);
    let dir = tempfile::tempdir().expect("temp dir");
    let campaign = Campaign::new("csv_import");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(Option<Sheet>, Option<Sheet>, Option<Sheet>)>()
        .for_each(|(activities, resources, dependencies)| {
            let write = |name: &str, known: &[&str], sheet: &Option<Sheet>| -> Option<PathBuf> {
                let sheet = sheet.as_ref()?;
                let path = dir.path().join(name);
                std::fs::write(&path, csv_bytes(known, sheet)).expect("write csv");
                Some(path)
            };
            let files = ImportFiles {
                activities: write("activities.csv", keel::import::ACTIVITY_COLUMNS, activities),
                resources: write("resources.csv", keel::import::RESOURCE_COLUMNS, resources),
                dependencies: write(
                    "dependencies.csv",
                    keel::import::DEPENDENCY_COLUMNS,
                    dependencies,
                ),
            };
            let mut store = lock(&store);
            let report = campaign.run(|| store.import(&files, true));
            if let Ok(report) = report {
                assert!(!report.applied, "a dry run applied its changes");
            }
            // A dry run leaves the file as it was, audit log included.
            assert_eq!(store.audit_log(1).expect("audit"), last_entry);
        });
}

// --- Markdown → layout → PDF ----------------------------------------------------------------

const MARKDOWN_PIECES: &[&str] = &[
    "# ",
    "## ",
    "### ",
    "- ",
    "* ",
    "1. ",
    "  - ",
    "> ",
    "|",
    " | ",
    "|---|---|\n",
    "| a | b |\n|---|---|\n| c | d |\n",
    "---\n",
    "**",
    "*",
    "_",
    "~~",
    "`",
    "```\n",
    "\n",
    "\n\n",
    "    ",
    "\t",
    " ",
    "word ",
    "recovery ",
    "[link](https://example.org) ",
    "![image](x.png)",
    "<b>",
    "&amp;",
    "\\",
    "Ελληνικά ",
    "русский ",
    "中文",
    "🚚",
    "\u{200b}",
    "\u{301}",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller",
];

/// Markdown from pieces and arbitrary text.
fn markdown_text(pieces: &[(u8, String)]) -> String {
    pieces
        .iter()
        .map(|(choice, raw)| {
            if *choice < 0xE0 {
                MARKDOWN_PIECES[*choice as usize % MARKDOWN_PIECES.len()]
            } else {
                raw.as_str()
            }
        })
        .collect()
}

/// Every page holds something of the input.
fn check_page_count(pages: usize, text: &str) {
    assert!(
        (1..=1 + text.len()).contains(&pages),
        "{pages} pages from {} bytes",
        text.len()
    );
}

/// The layout alone, without writing the PDF (the writer's font subsetting is the slow
/// part): many more executions for the same time.
#[test]
fn fuzz_markdown_layout() {
    let campaign = Campaign::new("markdown_layout");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<Vec<(u8, String)>>()
        .for_each(|pieces| {
            let text = markdown_text(pieces);
            let flowed = campaign.run(|| report::section_layout(&text));
            check_page_count(flowed.pages.len(), &text);
        });
}

#[test]
fn fuzz_markdown_to_pdf() {
    let campaign = Campaign::new("markdown_to_pdf");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<Vec<(u8, String)>>()
        .for_each(|pieces| {
            let text = markdown_text(pieces);
            // A section past the page limit is refused; anything else is a PDF.
            if let Ok(pdf) = campaign.run(|| report::section_pdf(&text)) {
                assert!(pdf.bytes.starts_with(b"%PDF-"));
                check_page_count(pdf.pages, &text);
            }
        });
}

// --- opening mutated engagement files ---------------------------------------------------------

/// Opens `bytes` as an engagement in `dir`: it must open or be refused, never panic.
fn open_engagement(dir: &Path, bytes: &[u8]) {
    empty(dir);
    let path = dir.join("mutated.keel");
    std::fs::write(&path, bytes).expect("write");
    if let Ok(store) = EngagementStore::open(&path) {
        let _ = store.info();
        let _ = store.activities(&Default::default());
        let _ = store.plans();
    }
}

#[test]
fn fuzz_open_mutated_engagement() {
    let fixture = Fixture::new();
    {
        let mut store = fixture.open();
        store
            .add_activity(&ActivityInput {
                name: "Dispatch".into(),
                owner: "Ana".into(),
                ..Default::default()
            })
            .expect("activity");
    }
    let current = std::fs::read(&fixture.path).expect("read");
    let v1 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-v1.keel"
    ))
    .expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    let campaign = Campaign::new("open_mutated_engagement");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(bool, Vec<(u32, u8, u8)>)>()
        .for_each(|(old, edits)| {
            // The hot part: the header and the first pages (the schema's root).
            let base = if *old { &v1 } else { &current };
            let bytes = mutate(base, 0..8192, edits);
            campaign.run(|| open_engagement(dir.path(), &bytes));
        });
}

// --- PKCS#12 signing identities ---------------------------------------------------------------

#[test]
fn fuzz_p12_identity() {
    let fixture = |name: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture")
    };
    let (modern, legacy) = (fixture("signer-modern.p12"), fixture("signer-legacy.p12"));
    let campaign = Campaign::new("p12_identity");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(bool, Vec<(u32, u8, u8)>)>()
        .for_each(|(old, edits)| {
            let base = if *old { &legacy } else { &modern };
            let bytes = mutate(base, 0..base.len(), edits);
            let _ = campaign.run(|| Identity::from_pkcs12(&bytes, "fixture-passphrase"));
        });
}

// --- keel verify on mutated PDFs --------------------------------------------------------------

#[test]
fn fuzz_verify_mutated_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let plan = store
        .plans()
        .expect("plans")
        .into_iter()
        .find(|p| p.approved_version.is_some())
        .expect("an approved plan");
    let doc =
        keel::ops::export::plan_document(&store, plan.id, plan.approved_version).expect("document");
    let pdf = report::export(&doc).expect("export").bytes;
    let name = Path::new("plan.pdf");
    keel::ops::verify::verify_pdf(&store, &pdf, name).expect("the exported PDF verifies");
    // The hot part: the document information (the Keel keys) and the trailer after it.
    let info = pdf
        .windows(10)
        .position(|w| w == b"KeelPlanId")
        .expect("Keel keys");
    let hot = info.saturating_sub(2048)..pdf.len();
    let store = Mutex::new(store);
    let campaign = Campaign::new("verify_mutated_pdf");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<Vec<(u32, u8, u8)>>()
        .for_each(|edits| {
            let bytes = mutate(&pdf, hot.clone(), edits);
            let store = lock(&store);
            if let Ok(verified) =
                campaign.run(|| keel::ops::verify::verify_pdf(&store, &bytes, name))
            {
                assert_eq!(verified.claim.sha256, doc.sha256);
            }
        });
}

// --- a decision log forged in a file from elsewhere ------------------------------------------

/// Whatever facts a hand-made log holds (steps that do not exist, calls to strangers,
/// times at the ends of the calendar, corrections of anything), the board is worked out
/// and every action is checked against it without a panic.
#[test]
fn fuzz_decision_log_board() {
    use chrono::{DateTime, TimeDelta, Utc};
    use keel::domain::{BoardAction, CallOutcome, Fact, Level, LogEntry, LogKind};

    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let stored = store.stored_event(1).expect("the demo's incident");
    let plans = stored.invoked_plans();
    let genuine = stored.entries();
    let base = genuine[0].at;
    let campaign = Campaign::new("decision_log_board");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(Vec<(u8, u32, u32, i64)>, (u8, u32, i64))>()
        .for_each(|(forged, (pick, number, offset))| {
            let time = |minutes: i64| {
                base.checked_add_signed(TimeDelta::minutes(minutes.clamp(-(1 << 40), 1 << 40)))
                    .unwrap_or(DateTime::<Utc>::MAX_UTC)
            };
            let mut log: Vec<LogEntry> = genuine.clone();
            for (i, &(kind, a, b, minutes)) in forged.iter().enumerate() {
                let fact = match kind % 8 {
                    0 => Some(Fact::StepStarted {
                        plan_id: i64::from(a % 3),
                        step: b,
                    }),
                    1 => Some(Fact::StepDone {
                        plan_id: i64::from(a % 3),
                        step: b,
                    }),
                    2 => Some(Fact::Call {
                        person: format!("P{}", a % 4),
                        outcome: CallOutcome::NoAnswer,
                    }),
                    3 => Some(Fact::Resumed {
                        activity: genuine_activity(&genuine, a),
                        level: if b % 2 == 0 {
                            Level::Minimum
                        } else {
                            Level::Normal
                        },
                        restore_point: Some(time(minutes.wrapping_neg())),
                    }),
                    4 => Some(Fact::StoodDown {
                        summary: String::new(),
                        by: format!("P{}", a % 2),
                    }),
                    5 => genuine
                        .get(a as usize % genuine.len())
                        .and_then(|e| e.fact.clone()),
                    _ => None,
                };
                log.push(LogEntry {
                    seq: u32::try_from(genuine.len() + i + 1).unwrap_or(u32::MAX),
                    at: time(minutes),
                    author: "x".into(),
                    kind: LogKind::Note,
                    text: "x".into(),
                    rationale: String::new(),
                    corrects: (kind % 8 == 6).then_some(b),
                    fact,
                    prev: String::new(),
                    hash: String::new(),
                });
            }
            let now = time(*offset);
            // The frozen content forged too: edges anywhere (cycles, nodes that do not
            // exist) and estimates of any size.
            let mut forged_plans = plans.clone();
            for plan in &mut forged_plans {
                let nodes = plan.content.diagram.nodes.len().max(1);
                for &(kind, a, b, _) in forged.iter() {
                    plan.content
                        .diagram
                        .edges
                        .push(keel::plan::snapshot::DiagramEdge {
                            from: a as usize % (nodes + 1),
                            to: b as usize % (nodes + 1),
                            group: if kind % 2 == 0 {
                                String::new()
                            } else {
                                "g".into()
                            },
                        });
                    if let Some(step) = plan.content.steps.get_mut(a as usize % 8) {
                        step.duration_min = KeelDuration::from_minutes(b % 5_256_001);
                    }
                }
            }
            let board = campaign.run(|| {
                keel::event::board(
                    &stored.header,
                    log,
                    &forged_plans,
                    keel::event::chain::verify(1, &[]),
                    now,
                )
            });
            let action = match pick % 5 {
                0 => BoardAction::StepStart {
                    plan_id: None,
                    step: *number,
                },
                1 => BoardAction::StepDone {
                    plan_id: Some(i64::from(*number % 3)),
                    step: *number,
                },
                2 => BoardAction::Call {
                    person: "Tom Whitaker".into(),
                    outcome: CallOutcome::Reached,
                },
                3 => BoardAction::Resume {
                    activity: genuine_activity(&genuine, *number),
                    level: Level::Minimum,
                    restore_point: Some(time(-*offset)),
                },
                _ => BoardAction::StandDown {
                    summary: "done".into(),
                    by: String::new(),
                },
            };
            let _ = campaign.run(|| keel::event::record::entry_for(&board, &action, "x", now));
        });
}

/// Whatever an exercise's hand-made log holds (the scenario clock set anywhere,
/// ratings of injects and actions that do not exist, resources restored before the
/// start or at the ends of the calendar, injects of any number and size, corrections of
/// anything), its board and demonstrations are worked out and the clock, a rating and a
/// restoration are checked against it without a panic.
#[test]
fn fuzz_exercise_log_board() {
    use chrono::{DateTime, TimeDelta, Utc};
    use keel::domain::{BoardAction, Fact, Inject, LogEntry, LogKind, Rating};
    use keel::event::exercise;

    let dir = tempfile::tempdir().expect("temp dir");
    let store = keel::demo::write_demo(&dir.path().join("demo.keel"), "Ana").expect("demo");
    let tabletop = store
        .exercises()
        .expect("exercises")
        .into_iter()
        .find(|e| e.kind == keel::domain::EventKind::Tabletop)
        .expect("the demo's tabletop");
    let stored = store.stored_event(tabletop.id).expect("its log");
    let plans = stored.invoked_plans();
    let genuine = stored.entries();
    let base = genuine[0].at;
    let campaign = Campaign::new("exercise_log_board");
    bolero::check!()
        .with_test_time(Campaign::budget())
        .with_type::<(Vec<(u8, u32, u32, i64)>, (u8, u32, u32, i64))>()
        .for_each(|(forged, (pick, a, b, offset))| {
            let time = |minutes: i64| {
                base.checked_add_signed(TimeDelta::minutes(minutes.clamp(-(1 << 40), 1 << 40)))
                    .unwrap_or(DateTime::<Utc>::MAX_UTC)
            };
            let rating = |n: u32| Rating::ALL[n as usize % 3];
            let mut log: Vec<LogEntry> = genuine.clone();
            for (i, &(kind, x, y, minutes)) in forged.iter().enumerate() {
                let fact = match kind % 7 {
                    0 => Some(Fact::ClockSet {
                        offset_min: KeelDuration::clamped(i64::from(x)),
                    }),
                    1 => Some(Fact::Observed {
                        inject: x % 12,
                        expected: y % 12,
                        rating: rating(y),
                        note: String::new(),
                    }),
                    2 => Some(Fact::Restored {
                        resource_id: i64::from(x % 40),
                        resource: format!("R{x}"),
                        restore_point: Some(time(minutes.wrapping_neg())),
                    }),
                    3 => Some(Fact::ExerciseStarted {
                        clock: if x % 2 == 0 {
                            keel::domain::ExerciseClock::Real
                        } else {
                            keel::domain::ExerciseClock::Scenario
                        },
                        objectives: Vec::new(),
                        injects: (0..(y % 6))
                            .map(|n| Inject {
                                number: n.wrapping_mul(x),
                                offset_min: KeelDuration::clamped(i64::from(x.wrapping_mul(n))),
                                text: "x".into(),
                                expected: vec!["a".into(); (n % 4) as usize],
                                activity: String::new(),
                            })
                            .collect(),
                    }),
                    4 => genuine
                        .get(x as usize % genuine.len())
                        .and_then(|e| e.fact.clone()),
                    _ => None,
                };
                log.push(LogEntry {
                    seq: u32::try_from(genuine.len() + i + 1).unwrap_or(u32::MAX),
                    at: time(minutes),
                    author: "x".into(),
                    kind: LogKind::Note,
                    text: "x".into(),
                    rationale: String::new(),
                    corrects: (kind % 7 == 5).then_some(y),
                    fact,
                    prev: String::new(),
                    hash: String::new(),
                });
            }
            let now = time(*offset);
            let board = campaign.run(|| {
                exercise::exercise_board(
                    &stored.header,
                    log,
                    &plans,
                    keel::event::chain::verify(tabletop.id, &[]),
                    now,
                )
            });
            for d in exercise::demonstrations(tabletop.id, true, &board) {
                assert!(
                    d.rpc_min
                        .is_none_or(|m| m.minutes() <= KeelDuration::clamped(i64::MAX).minutes())
                );
            }
            let action = match pick % 3 {
                0 => BoardAction::Advance {
                    to: format!("T+{a}m"),
                },
                1 => BoardAction::Observe {
                    inject: *a,
                    expected: *b,
                    rating: rating(*b),
                    note: String::new(),
                },
                _ => BoardAction::Restore {
                    resource: "Temperature logs".into(),
                    restore_point: Some(time(-*offset)),
                },
            };
            let _ = campaign.run(|| {
                exercise::record::entry_for(
                    &board,
                    &action,
                    "x",
                    now,
                    Some((i64::from(*a % 40), "R".into())),
                )
            });
        });
}

/// The name of one of the activities the demo's incident affects.
fn genuine_activity(log: &[keel::domain::LogEntry], n: u32) -> String {
    log.iter()
        .find_map(|e| match &e.fact {
            Some(keel::domain::Fact::Opened { activities, .. }) if !activities.is_empty() => {
                Some(activities[n as usize % activities.len()].name.clone())
            }
            _ => None,
        })
        .unwrap_or_default()
}
