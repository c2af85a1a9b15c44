//! The post-exercise report, read back the way a reader sees it: a parallel test of the
//! demo replayed on the command line (every time given with `--at`), its report checked
//! by qpdf and read with pdftotext for the figures worked out by hand below, written
//! twice for the same bytes, and signed for pdfsig. Then a tabletop reported while it
//! runs (an interim report, on the scenario clock, demonstrating nothing), and one not
//! started yet, refused.

use std::path::Path;
use std::process::Command;

use crate::util::{assert_has, checked_text, keel_as, row, run};

fn keel(args: &[&str]) -> String {
    keel_as("Tom Whitaker", args)
}

/// Prepares an exercise with `args` after `exercise new FILE`; its id.
fn prepare(file: &str, args: &[&str]) -> String {
    let mut all = vec!["exercise", "new", file];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--json", "--at", "2026-11-30T12:00:00Z"]);
    let json: serde_json::Value = serde_json::from_str(&keel(&all)).expect("json");
    json["id"].as_i64().expect("an id").to_string()
}

/// Runs `exercise COMMAND FILE --exercise ID --at DAYTHH:MM:00Z ARGS…` for each line: at
/// `HH:MM` on `day`, the command and its arguments separated by `|`.
fn replay(file: &str, id: &str, day: &str, script: &[(&str, &str)]) {
    for (at, line) in script {
        let at = format!("{day}T{at}:00Z");
        let args: Vec<&str> = line.split('|').collect();
        let mut all = vec!["exercise", args[0], file, "--exercise", id, "--at", &at];
        all.extend_from_slice(&args[1..]);
        keel(&all);
    }
}

/// The replay of a parallel test losing the WMS, T+0 at 08:00 on 1 December, closed at
/// 13:00 (T+5h), with what it should give, worked out by hand:
/// - injects up by the close: 1 at T+0 (3 expected actions) and 2 at T+4h (4); rated:
///   observed 3 (2 points each), partly 2 (1 each), missed 1: 8 points of the 12 the six
///   rated actions could make, 66% (rounded down); 1 action of an inject that came up
///   not rated; injects 3 (T+8h) to 7 did not come up;
/// - the WMS restored at 12:45 = achieved RTC 4h 45m, restored to 07:50 = RPC 10m; a
///   parallel test demonstrates it, for the default 12 months: until 2027-12-01;
/// - back at the minimum level: Warehouse management system operations 12:46 = 4h 46m
///   against an RTO of 4h, missed; Order picking and packing 12:50 = 4h 50m against 4h,
///   missed, restored to 07:50 = RPO 10m against 15m, met, MTPD (8h) met; Cash
///   management 12:52 = 4h 52m against 12h, met, restored to 06:00 = RPO 2h against 4h;
/// - step 6 (estimate 8h) 08:05–12:40 = 4h 35m.
const SCRIPT: &[(&str, &str)] = &[
    ("08:00", "start"),
    ("08:02", "call|--person|Tom Whitaker|--reached"),
    ("08:05", "step|--step|6|--start"),
    ("08:10", "observe|--inject|1|--action|1|--observed"),
    (
        "08:11",
        "observe|--inject|1|--action|2|--observed|--note|Invoked against criteria 1 and 2",
    ),
    (
        "08:12",
        "observe|--inject|1|--action|3|--partly|--note|Call tree started 20 minutes late",
    ),
    ("08:40", "call|--person|Morgan Hale|--no-answer"),
    ("12:40", "step|--step|6|--done"),
    (
        "12:45",
        "restore|--resource|Warehouse management system|--restore-point|2026-12-01T07:50:00Z",
    ),
    (
        "12:46",
        "resume|--activity|Warehouse management system operations|--level|minimum",
    ),
    (
        "12:50",
        "resume|--activity|Order picking and packing|--level|minimum|--restore-point|2026-12-01T07:50:00Z",
    ),
    (
        "12:52",
        "resume|--activity|Cash management|--level|minimum|--restore-point|2026-12-01T06:00:00Z",
    ),
    ("12:55", "observe|--inject|2|--action|1|--observed"),
    (
        "12:56",
        "observe|--inject|2|--action|2|--missed|--note|No one owned last-mile delivery",
    ),
    ("12:57", "observe|--inject|2|--action|3|--partly"),
    (
        "12:58",
        "log|--kind|decision|--text|Stay on the standby WMS until the weekend|--rationale|Failing back mid-week risks the Friday peak",
    ),
];

fn report(file: &str, id: &str, out: &Path, at: &str, extra: &[&str]) -> String {
    let out = out.to_str().expect("utf-8");
    let mut args = vec![
        "exercise",
        "report",
        file,
        "--exercise",
        id,
        "--out",
        out,
        "--at",
        at,
    ];
    args.extend_from_slice(extra);
    keel(&args)
}

/// The words of a PDF's text on one line each way, for sentences a table or a
/// paragraph may break.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_replayed_parallel_test_reports_objectives_achieved_times_scoring_and_findings_and_signs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8");
    keel(&["demo", file]);
    let plans: serde_json::Value =
        serde_json::from_str(&keel(&["plan", "list", file, "--json"])).expect("json");
    let sha256 = plans[0]["sha256"].as_str().expect("a SHA-256").to_owned();
    let id = prepare(
        file,
        &[
            "--type",
            "parallel",
            "--title",
            "WMS failover test",
            "--date",
            "2026-12-01T08:00:00Z",
            "--plan",
            "1",
            "--lose",
            "Warehouse management system",
            "--objective",
            "Restore the WMS within its RTC",
            "--objective",
            "Reach everyone on the call tree within 30 minutes",
            "--success-criteria",
            "WMS back within 6h; picking resumes within its RTO",
            "--facilitator",
            "Tom Whitaker",
            "--participant",
            "Morgan Hale",
            "--participant",
            "Arjun Mehta",
            "--observer",
            "Priya Shah",
        ],
    );
    replay(file, &id, "2026-12-01", SCRIPT);
    let last_mile: serde_json::Value =
        serde_json::from_str(&keel(&["process", "list", file, "--json"])).expect("json");
    let last_mile = last_mile
        .as_array()
        .expect("activities")
        .iter()
        .find(|a| a["name"] == "Last-mile delivery")
        .and_then(|a| a["id"].as_i64())
        .expect("the demo's Last-mile delivery");
    for (severity, category, about, text) in [
        (
            "high",
            "technology",
            "plan:1".to_owned(),
            "The failover runbook misses the DNS change",
        ),
        (
            "medium",
            "people",
            format!("activity:{last_mile}"),
            "No owner for last-mile delivery during the failover",
        ),
    ] {
        keel(&[
            "exercise",
            "finding",
            file,
            "--exercise",
            &id,
            "--severity",
            severity,
            "--category",
            category,
            "--about",
            &about,
            "--text",
            text,
        ]);
    }
    replay(
        file,
        &id,
        "2026-12-01",
        &[(
            "13:00",
            "close|--summary|WMS back on the standby after 4h 45m|--met|1|--not-met|2|--strengths|Calm, quick technical recovery|--weaknesses|Call tree slow; last-mile delivery unowned",
        )],
    );
    // An action raised from the first finding.
    let shown: serde_json::Value = serde_json::from_str(&keel(&[
        "exercise",
        "show",
        file,
        "--exercise",
        &id,
        "--json",
    ]))
    .expect("json");
    let finding = shown["findings"][0]["id"]
        .as_i64()
        .expect("a finding")
        .to_string();
    keel(&[
        "action",
        "add",
        file,
        "--title",
        "Add the DNS change to the failover runbook",
        "--owner",
        "Arjun Mehta",
        "--due",
        "2026-12-20",
        "--finding",
        &finding,
    ]);
    let verified = keel(&["exercise", "verify", file, "--exercise", &id]);
    let head = verified
        .split("chain hash ")
        .nth(1)
        .and_then(|rest| rest.get(..64))
        .unwrap_or_else(|| panic!("a chain hash in: {verified}"))
        .to_owned();

    // Written a day after the close: the figures are those of the close.
    let pdf = dir.path().join("report.pdf");
    let said = report(file, &id, &pdf, "2026-12-02T09:00:00Z", &[]);
    assert!(said.contains(&head), "{said}");
    assert!(!said.contains("interim"), "{said}");
    let path = pdf.to_str().expect("utf-8");
    let text = checked_text(path);
    let words = words(&text);

    // Title page, summary and the exercise.
    assert_has(
        &text,
        &[
            "Post-exercise report",
            &format!("Exercise {id} \u{2014} Parallel test, closed"),
            "T+0 2026-12-01 08:00 UTC",
            "Closed at 2026-12-01 13:00 UTC (T+5h)",
            "Exported 2026-12-02",
            "Parallel test, on the real clock",
            "Participants                   Arjun Mehta, Morgan Hale",
            "Observers                      Priya Shah",
            "Facilitator                    Tom Whitaker",
            &sha256,
            "WMS back on the standby after 4h 45m",
            "Lost at T+0                    Warehouse management system",
        ],
    );
    assert_has(
        &words,
        &[
            "Demonstrated Warehouse management system, RTC 4h 45m, RPC 10m",
            "Findings 2: 1 high, 1 medium",
            "1 of 7 affected activities were back at their minimum level within their RTO. RTO missed: Last-mile delivery, Order picking and packing, Warehouse management system operations.",
        ],
    );
    // Objectives, whether each was met, and the success criteria.
    assert_has(
        &row(&text, &["Restore the WMS within its RTC"], 1),
        &["met"],
    );
    assert_has(
        &row(
            &text,
            &["Reach everyone on the call tree within 30 minutes"],
            1,
        ),
        &["NOT MET"],
    );
    assert_has(
        &text,
        &[
            "1 of 2 met; 1 not met",
            "WMS back within 6h; picking resumes within its RTO",
        ],
    );
    // Injects and scoring.
    assert_has(
        &text,
        &[
            "66% (3 observed, 2 partly, 1 missed; 1 not rated)",
            "Inject 1 at T+0 (01 Dec 08:00)",
            "Inject 2 at T+4h (01 Dec 12:00)",
            "Injects that did not come up",
        ],
    );
    assert!(!text.contains("Inject 3 at"), "{text}");
    assert_has(
        &row(&text, &["Assess the impact on the affected activities"], 1),
        &["observed"],
    );
    assert_has(
        &row(&text, &["Start the call tree of"], 1),
        &["partly observed", "Call tree started 20 minutes late"],
    );
    assert_has(
        &row(
            &text,
            &["Resume Last-mile delivery at its minimum level"],
            1,
        ),
        &["MISSED", "No one owned last-mile delivery"],
    );
    assert_has(
        &row(&text, &["Resume Warehouse management system operations"], 1),
        &["not rated"],
    );
    for (n, due) in [("3", "T+8h"), ("4", "T+12h"), ("5", "T+1d"), ("7", "T+7d")] {
        assert!(
            text.lines().any(|l| {
                let cells: Vec<&str> = l.split_whitespace().collect();
                cells.first() == Some(&n) && cells.get(1) == Some(&due)
            }),
            "inject {n} not listed as due at {due}:\n{text}"
        );
    }
    // Achieved against target, per activity.
    assert_has(
        &row(&text, &["Order picking and", "Target 4h"], 3),
        &[
            "Achieved 4h 50m",
            "MISSED",
            "Target 15m",
            "Achieved 10m",
            "restored to 01 Dec 07:50",
            "Target 8h",
        ],
    );
    assert_has(
        &row(&text, &["Warehouse", "Target 4h"], 3),
        &["Achieved 4h 46m", "MISSED"],
    );
    assert_has(
        &row(&text, &["Cash", "Target 12h"], 4),
        &[
            "Achieved 4h 52m",
            "Target 4h",
            "Achieved 2h",
            "restored to 01 Dec 06:00",
            "met",
        ],
    );
    assert_has(
        &row(&text, &["Last-mile delivery", "Target 4h"], 4),
        &["not back", "by the close", "MISSED"],
    );
    // Per resource restored: achieved RTC and RPC, demonstrated.
    assert_has(
        &row(&text, &["Warehouse", "01 Dec 12:45", "4h 45m"], 4),
        &[
            "T+4h 45m",
            "10m",
            "restored to 01 Dec",
            "demonstrated;",
            "2027-12-01",
        ],
    );
    assert_has(
        &words,
        &["A restoration in a parallel test demonstrates the resource's recovery capability"],
    );
    // Steps, planned against actual.
    assert_has(
        &row(&text, &["Recover Warehouse", "01 Dec 08:05"], 1),
        &["8h", "01 Dec 12:40", "4h 35m"],
    );
    assert_has(&words, &["1 of 7 steps done; 0 overran its estimate."]);
    // The debrief: strengths, weaknesses, findings, and the action raised.
    assert_has(
        &text,
        &[
            "Calm, quick technical recovery",
            "Call tree slow; last-mile delivery unowned",
            "Add the DNS change to the failover runbook",
            "Arjun Mehta",
        ],
    );
    assert_has(
        &row(&text, &["high", "technology"], 2),
        &[
            "Plan: Halifax warehouse",
            "The failover runbook misses the DNS change",
        ],
    );
    assert_has(
        &row(
            &text,
            &["medium", "people", "Activity: Last-mile delivery"],
            1,
        ),
        &["No owner for last-mile delivery during the failover"],
    );
    // The log, each entry with its time in the exercise.
    assert_has(
        &row(&text, &["01 Dec 12:58", "T+4h 58m"], 2),
        &["Stay on the standby WMS until the weekend", "decision"],
    );
    assert_has(
        &words,
        &["Rationale: Failing back mid-week risks the Friday peak"],
    );
    // The chain hash, verified, in the text and the document information.
    let entries = SCRIPT.len() + 3;
    assert_has(
        &text,
        &[
            &head,
            &format!("verified: each of the {entries} entries"),
            "matches",
        ],
    );
    assert_has(
        &words,
        &[&format!("keel exercise verify FILE --exercise {id}")],
    );
    let doc = lopdf::Document::load(path).expect("lopdf");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("info");
    let exercise_id = info
        .get(b"KeelExerciseId")
        .and_then(lopdf::Object::as_str)
        .expect("the exercise's id");
    // A text string in UTF-16 with its byte-order mark.
    let exercise_id: Vec<u16> = exercise_id[2..]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(String::from_utf16_lossy(&exercise_id), id);
    assert!(info.get(b"KeelLogChainHead").is_ok());
    assert!(
        info.get(b"KeelPlanId").is_err(),
        "keel verify must not take a report for a plan"
    );

    // The same exercise and --at give the same bytes; an --at before the close still
    // reports the exercise as it closed.
    let again = dir.path().join("again.pdf");
    report(file, &id, &again, "2026-12-02T09:00:00Z", &[]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());
    let early = dir.path().join("early.pdf");
    report(file, &id, &early, "2026-12-01T10:00:00Z", &[]);
    assert_has(
        &checked_text(early.to_str().unwrap()),
        &[
            "66% (3 observed, 2 partly, 1 missed; 1 not rated)",
            "Closed at",
        ],
    );

    // Signed as a plan is.
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "fixture-passphrase\n").unwrap();
    let signed = dir.path().join("signed.pdf");
    let said = report(
        file,
        &id,
        &signed,
        "2026-12-02T09:00:00Z",
        &[
            "--sign",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/signer-modern.p12"
            ),
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
    );
    assert!(said.contains("Signed by Priya Shah"), "{said}");
    let signed = signed.to_str().unwrap();
    assert!(checked_text(signed).contains(&head));
    let sig = run("pdfsig", &["-nocert", signed]);
    assert!(sig.contains("Signature is Valid."), "{sig}");
    assert!(
        sig.lines().any(|l| l == "  - Total document signed"),
        "{sig}"
    );
}

#[test]
fn a_running_tabletop_is_reported_as_interim_on_its_scenario_clock_and_one_not_started_is_refused()
{
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8");
    keel(&["demo", file]);
    let tabletop = [
        "--type",
        "tabletop",
        "--title",
        "Warehouse flood tabletop",
        "--date",
        "2026-10-05T09:00:00Z",
        "--plan",
        "1",
        "--lose",
        "Halifax warehouse",
        "--objective",
        "Invoke the plan within 30 minutes",
        "--facilitator",
        "Priya Shah",
    ];
    let id = prepare(file, &tabletop);
    // Two hours of discussion cover eight hours of scenario: T+0 is the date prepared.
    replay(
        file,
        &id,
        "2026-10-05",
        &[
            ("09:00", "start"),
            ("09:10", "observe|--inject|1|--action|1|--observed"),
            ("09:20", "advance|--to|4h"),
            (
                "09:40",
                "observe|--inject|2|--action|1|--missed|--note|Nobody knew who fuels the generator",
            ),
            ("10:00", "advance|--to|8h"),
            (
                "10:06",
                "resume|--activity|Order picking and packing|--level|minimum",
            ),
        ],
    );
    let pdf = dir.path().join("interim.pdf");
    let said = report(file, &id, &pdf, "2026-10-05T10:30:00Z", &[]);
    assert!(said.contains("(interim: not closed)"), "{said}");
    let text = checked_text(pdf.to_str().unwrap());
    let words = words(&text);
    assert_has(
        &text,
        &[
            "INTERIM \u{2014} NOT CLOSED",
            &format!("Exercise {id} \u{2014} Tabletop exercise, running, not closed"),
            "Not closed; figures as at 2026-10-05 17:00 UTC (T+8h)",
            "Tabletop exercise, on the scenario clock",
            "not assessed",
            "No resource was recorded as restored.",
        ],
    );
    assert_has(
        &words,
        &[
            "Nobody knew who fuels the generator",
            "nothing: a tabletop exercise does not demonstrate a recovery capability",
            // Back at T+8h in the scenario against an RTO of 4h.
            "RTO missed: Last-mile delivery, Order picking and packing.",
        ],
    );
    assert_has(
        &row(&text, &["Order picking and", "Target 4h"], 3),
        &["Achieved 8h", "MISSED"],
    );
    // Written at 10:06, at T+8h of the scenario.
    assert_has(
        &row(&text, &["05 Oct 10:06", "T+8h"], 2),
        &["Order picking and packing back at its minimum level"],
    );

    // One prepared but not started has nothing to report.
    let planned = prepare(file, &tabletop);
    let out = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args([
            "exercise",
            "report",
            file,
            "--exercise",
            &planned,
            "--out",
            dir.path().join("planned.pdf").to_str().unwrap(),
        ])
        .output()
        .expect("run keel");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("has not started"), "{said}");
    assert!(!dir.path().join("planned.pdf").exists());
}
