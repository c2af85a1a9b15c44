//! The after-action report, read back the way a reader sees it: an incident replayed on
//! the demo with the command line (every time given with `--at`), its report checked by
//! qpdf and read with pdftotext for the figures worked out by hand below, written twice
//! for the same bytes, and signed for pdfsig. Then a plan's invocation criteria and who
//! may invoke it in the plan's PDF, and in a report an invocation at the approved version
//! while a draft exists, and one made without authority.

use std::path::Path;

use keel::domain::{CriterionInput, InvokerInput, PlanEdit};

use crate::util::{assert_has, checked_text, keel_as, row, run};

fn keel(args: &[&str]) -> String {
    keel_as("Tom Whitaker", args)
}

/// The version of the demo's warehouse plan that is approved, and its SHA-256.
fn approved_warehouse_plan(file: &str) -> (u64, String) {
    let plans: serde_json::Value =
        serde_json::from_str(&keel(&["plan", "list", file, "--json"])).expect("json");
    let plan = &plans[0];
    assert_eq!(plan["id"], 1, "{plans}");
    (
        plan["approved_version"]
            .as_u64()
            .expect("an approved version"),
        plan["sha256"].as_str().expect("a SHA-256").to_owned(),
    )
}

/// Opens an incident losing the Halifax warehouse at 06:00 (opened 06:20); its id.
fn open(file: &str, title: &str) -> String {
    let said = keel(&[
        "incident",
        "open",
        file,
        "--title",
        title,
        "--affects",
        "Halifax warehouse",
        "--reported-by",
        "Night shift supervisor",
        "--disrupted",
        "2026-11-30T06:00:00Z",
        "--at",
        "2026-11-30T06:20:00Z",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&said).expect("json");
    json["id"].as_i64().expect("an id").to_string()
}

/// Runs `incident COMMAND FILE --incident ID --at 2026-11-30THH:MM:00Z ARGS…` for each
/// line: at `HH:MM`, the command and its arguments separated by `|`.
fn replay(file: &str, id: &str, script: &[(&str, &str)]) {
    for (at, line) in script {
        let at = format!("2026-11-30T{at}:00Z");
        let args: Vec<&str> = line.split('|').collect();
        let mut all = vec!["incident", args[0], file, "--incident", id, "--at", &at];
        all.extend_from_slice(&args[1..]);
        keel(&all);
    }
}

/// The replay, with what it should give, worked out by hand (disruption 06:00,
/// invocation 06:30, stand-down 20:00):
/// - calls, in minutes after the invocation: Tom Whitaker no answer 2m, his fall-back
///   Gemma Lowe reached 8m; Morgan Hale 5m; Arjun Mehta 11m; Sian Roberts not reachable
///   20m;
/// - steps: 1 (estimate 15m) 06:40–07:05 = 25m, overrun +10m; 2 (2h) 06:45–08:30 = 1h
///   45m; 6 (8h) 07:00–09:40 = 2h 40m, out of order (before step 5 was done); 5 (3h)
///   07:10–10:00 = 2h 50m, out of order (before step 3);
/// - back at the minimum level: Order picking and packing 09:50 = achieved RTO 3h 50m
///   against 4h, met; restored to 05:45 = achieved RPO 15m against 15m, met. Last-mile
///   delivery 10:30 = 4h 30m against 4h: RTO missed, MTPD (8h) met. Inbound goods
///   receipt 11:00 = 5h against 12h, met; restored to 04:00 = RPO 2h against 1h, missed.
///   Cash management 12:00 = 6h, Delivery enquiries 13:00 = 7h, both within 12h;
///   Customer invoicing not back, its RTO (3d) not passed: 4 of 6 within their RTO.
const SCRIPT: &[(&str, &str)] = &[
    ("06:30", "invoke|--plan|1"),
    ("06:32", "call|--person|Tom Whitaker|--no-answer"),
    ("06:35", "call|--person|Morgan Hale|--reached"),
    ("06:38", "call|--person|Gemma Lowe|--reached"),
    ("06:41", "call|--person|Arjun Mehta|--reached"),
    ("06:50", "call|--person|Sian Roberts|--unreachable"),
    ("06:40", "step|--step|1|--start"),
    ("06:45", "step|--step|2|--start"),
    ("07:00", "step|--step|6|--start"),
    ("07:05", "step|--step|1|--done"),
    ("07:10", "step|--step|5|--start"),
    (
        "07:15",
        "log|--kind|decision|--text|Move picking to the Leeds overflow site|--rationale|The Halifax floor is under 30 cm of water",
    ),
    (
        "07:20",
        "log|--kind|note|--text|Generator fuel delivered by Halifax Fuels",
    ),
    (
        "07:25",
        "log|--kind|note|--text|The fuel came from the Leeds depot|--corrects|14",
    ),
    ("08:30", "step|--step|2|--done"),
    ("09:40", "step|--step|6|--done"),
    (
        "09:50",
        "resume|--activity|Order picking and packing|--level|minimum|--restore-point|2026-11-30T05:45:00Z",
    ),
    ("10:00", "step|--step|5|--done"),
    (
        "10:30",
        "resume|--activity|Last-mile delivery|--level|minimum",
    ),
    (
        "11:00",
        "resume|--activity|Inbound goods receipt|--level|minimum|--restore-point|2026-11-30T04:00:00Z",
    ),
    ("12:00", "resume|--activity|Cash management|--level|minimum"),
    (
        "13:00",
        "resume|--activity|Delivery enquiries|--level|minimum",
    ),
    (
        "20:00",
        "stand-down|--summary|Last-mile delivery came back 30 minutes after its RTO.",
    ),
];

fn report(file: &str, id: &str, out: &Path, extra: &[&str]) -> String {
    let out = out.to_str().expect("utf-8");
    let mut args = vec![
        "incident",
        "report",
        file,
        "--incident",
        id,
        "--out",
        out,
        "--at",
        "2026-12-01T09:00:00Z",
    ];
    args.extend_from_slice(extra);
    keel(&args)
}

#[test]
fn a_replayed_incident_reports_the_figures_worked_out_by_hand_and_signs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8");
    keel(&["demo", file]);
    let (version, sha256) = approved_warehouse_plan(file);
    let id = open(file, "Warehouse flooded");
    replay(file, &id, SCRIPT);
    let verified = keel(&["incident", "verify", file, "--incident", &id]);
    let head = verified
        .split("chain hash ")
        .nth(1)
        .and_then(|rest| rest.get(..64))
        .unwrap_or_else(|| panic!("a chain hash in: {verified}"))
        .to_owned();

    let pdf = dir.path().join("report.pdf");
    let said = report(file, &id, &pdf, &[]);
    assert!(said.contains(&head), "{said}");
    let path = pdf.to_str().expect("utf-8");
    let text = checked_text(path);

    // Title page and summary.
    assert_has(
        &text,
        &[
            "After-action report",
            &format!("Incident {id} \u{2014} Stood down"),
            "Disruption began 2026-11-30 06:00 UTC",
            "Stood down 2026-11-30 20:00 UTC",
            "Exported 2026-12-01",
            "reported by Night shift supervisor",
            "stood the response down at 30 Nov 20:00, 14h after the disruption began",
            "Last-mile delivery came back 30 minutes after its RTO.",
            "Points for the review",
        ],
    );
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_has(
        &words,
        &[
            "4 of 6 affected activities were back at their minimum level within their RTO. RTO missed: Last-mile delivery.",
            "Last-mile delivery missed its RTO: back at its minimum level after 4h 30m against 4h.",
            "Inbound goods receipt lost 2h of data against an RPO of 1h.",
            "Sian Roberts could not be reached.",
            &format!(
                "invoked \u{201c}Halifax warehouse continuity plan\u{201d} version {version} at 30 Nov 06:30, 30m after the disruption began"
            ),
        ],
    );
    // The plan version invoked.
    assert_has(
        &text,
        &[&sha256, "none: the version invoked was the plan's latest"],
    );
    // Achieved against target.
    assert_has(
        &row(&text, &["Last-mile delivery", "30 Nov 10:30"], 1),
        &["RTO missed"],
    );
    assert_has(
        &row(&text, &["Last-mile delivery", "Target 4h"], 4),
        &["Achieved 4h 30m", "MISSED", "Target 8h", "met"],
    );
    assert_has(
        &row(&text, &["Order picking and", "Target 4h"], 5),
        &[
            "Achieved 3h 50m",
            "Target 15m",
            "Achieved 15m",
            "restored to 30 Nov 05:45",
        ],
    );
    let inbound = row(&text, &["Inbound goods", "Target 12h"], 6);
    assert_has(
        &inbound,
        &[
            "Achieved 5h",
            "Achieved 2h",
            "restored to 30 Nov 04:00",
            "MISSED",
        ],
    );
    assert_has(&row(&text, &["Cash", "Target 12h"], 2), &["Achieved 6h"]);
    assert_has(
        &row(&text, &["Delivery enquiries", "Target 12h"], 2),
        &["Achieved 7h"],
    );
    // Steps, planned against actual.
    assert_has(
        &row(&text, &["Recover Standby generator", "30 Nov 06:40"], 1),
        &["15m", "30 Nov 07:05", "25m", "+10m"],
    );
    assert_has(
        &row(&text, &["Recover Pickers and", "30 Nov 06:45"], 1),
        &["2h", "30 Nov 08:30", "1h 45m"],
    );
    assert_has(
        &row(&text, &["Recover Head office data", "30 Nov 07:10"], 1),
        &["3h", "30 Nov 10:00", "2h 50m"],
    );
    assert_has(
        &row(&text, &["Recover Warehouse", "30 Nov 07:00"], 1),
        &["8h", "30 Nov 09:40", "2h 40m"],
    );
    assert_has(
        &words,
        &[
            "4 of 7 steps done; 1 overran its estimate.",
            "Step 5 out of order. Started before step 3",
            "Step 6 out of order. Started before step 5",
        ],
    );
    // Call-tree reach times, in minutes after the invocation.
    assert_has(
        &row(&text, &["Whoever invokes", "Tom Whitaker"], 2),
        &[
            "no answer",
            "2m",
            "Gemma Lowe",
            "reached",
            "8m",
            "06:32",
            "06:38",
        ],
    );
    assert_has(&row(&text, &["Morgan Hale", "reached"], 1), &["5m"]);
    assert_has(&row(&text, &["Arjun Mehta", "reached"], 1), &["11m"]);
    assert_has(&row(&text, &["Sian Roberts", "not reachable"], 1), &["20m"]);
    // The timeline: every entry, the correction shown as such.
    assert_has(
        &words,
        &[
            "Correction of entry 14: The fuel came from the Leeds depot",
            "Corrected by entry 15",
            "Rationale: The Halifax floor is under 30 cm of water",
            "Stood down by Tom Whitaker",
        ],
    );
    let entries = SCRIPT.len() + 1;
    assert_has(
        &row(
            &text,
            &[&entries.to_string(), "30 Nov 20:00", "decision"],
            1,
        ),
        &["Stood down"],
    );
    // The chain hash, verified, in the text and the document information.
    assert_has(
        &text,
        &[
            &head,
            &format!("verified: each of the {entries} entries"),
            "matches",
        ],
    );
    let doc = lopdf::Document::load(path).expect("lopdf");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("info");
    assert!(info.get(b"KeelLogChainHead").is_ok());
    assert!(
        info.get(b"KeelPlanId").is_err(),
        "keel verify must not take a report for a plan"
    );

    // The same incident and --at give the same bytes.
    let again = dir.path().join("again.pdf");
    report(file, &id, &again, &[]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());

    // Signed as a plan is.
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "fixture-passphrase\n").unwrap();
    let signed = dir.path().join("signed.pdf");
    let said = report(
        file,
        &id,
        &signed,
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
fn a_plans_invocation_criteria_show_in_its_pdf_and_a_report_shows_a_draft_passed_over_and_an_invocation_without_authority()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.keel");
    let file = path.to_str().expect("utf-8");
    let mut store = keel::demo::write_demo(&path, "Ana").expect("demo");
    let (approved, _) = approved_warehouse_plan(file);
    let draft_version = approved + 1;
    let person = |name: &str| {
        store
            .people()
            .expect("people")
            .into_iter()
            .find(|p| p.name == name)
            .map(|p| p.id)
    };
    let (tom, gemma) = (person("Tom Whitaker"), person("Gemma Lowe"));
    assert!(tom.is_some() && gemma.is_some());
    store
        .edit_plan(
            1,
            &PlanEdit::Invocation {
                criteria: vec![
                    CriterionInput {
                        text: "The warehouse cannot be entered or used".into(),
                        threshold: "2h".into(),
                    },
                    CriterionInput {
                        text: "The WMS or the scanners are unavailable".into(),
                        threshold: String::new(),
                    },
                ],
                invokers: vec![
                    InvokerInput {
                        person_id: tom,
                        role: "Warehouse Manager".into(),
                        alternate_id: gemma,
                    },
                    InvokerInput {
                        person_id: None,
                        role: "Operations Director".into(),
                        alternate_id: None,
                    },
                ],
            },
        )
        .expect("invocation data");

    // The plan's PDF shows them in its activation section; version 1, frozen before plans
    // had them, does not.
    let pdf_text = |version: Option<u32>, name: &str| {
        let doc = keel::ops::export::plan_document(&store, 1, version).expect("document");
        let out = dir.path().join(name);
        std::fs::write(&out, keel::report::export(&doc).expect("export").bytes).unwrap();
        checked_text(out.to_str().unwrap())
    };
    let draft = pdf_text(None, "draft.pdf");
    let activation = draft
        .split("4. Activation: criteria and procedure")
        .nth(2)
        .expect("the activation section after the contents");
    let activation = activation
        .split("5. Communication")
        .next()
        .expect("before the next section");
    assert_has(
        activation,
        &[
            "Invocation criteria",
            "The warehouse cannot be entered or used",
            "2h",
            "The WMS or the scanners are unavailable",
            "Who may invoke",
            "Tom Whitaker",
            "Warehouse Manager",
            "Gemma Lowe",
            "Anyone in this role",
            "Operations Director",
        ],
    );
    let approved = pdf_text(Some(1), "approved.pdf");
    assert!(!approved.contains("Invocation criteria"));
    assert!(!approved.contains("Who may invoke"));

    // Invoked while the next version is a draft: the approved one runs, and the report
    // says so.
    let first = open(file, "Warehouse flooded");
    replay(file, &first, &[("06:30", "invoke|--plan|1")]);
    let pdf = dir.path().join("first.pdf");
    report(file, &first, &pdf, &[]);
    let words = checked_text(pdf.to_str().unwrap())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_has(
        &words,
        &[
            &format!(
                "version {draft_version} was a draft when the plan was invoked; it was not used"
            ),
            "INTERIM \u{2014} NOT STOOD DOWN",
            "Plan invoked, not stood down",
        ],
    );

    // The draft approved, then invoked by someone it does not name.
    store.submit_plan(1).expect("submit");
    store
        .approve_plan(1, "Morgan Hale", "", "")
        .expect("approve");
    store
        .approve_plan(1, "Priya Shah", "", "")
        .expect("approve");
    drop(store);
    let second = open(file, "Warehouse flooded again");
    keel_as(
        "Sam Outsider",
        &[
            "incident",
            "invoke",
            file,
            "--incident",
            &second,
            "--plan",
            "1",
            "--criteria",
            "1",
            "--reason",
            "Tom Whitaker and Gemma Lowe were both unreachable",
            "--at",
            "2026-11-30T06:30:00Z",
        ],
    );
    let pdf = dir.path().join("second.pdf");
    report(file, &second, &pdf, &[]);
    let text = checked_text(pdf.to_str().unwrap());
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_has(
        &words,
        &[
            "WITHOUT AUTHORITY in the plan; reason: Tom Whitaker and Gemma Lowe were both unreachable",
            &format!(
                "Sam Outsider invoked \u{201c}Halifax warehouse continuity plan\u{201d} version {draft_version} at 30 Nov 06:30"
            ),
            "invoked WITHOUT AUTHORITY, for this reason: Tom Whitaker and Gemma Lowe were both unreachable",
            "none: the version invoked was the plan's latest",
        ],
    );
    assert_has(
        &row(&text, &["The warehouse cannot be entered or used"], 1),
        &["yes"],
    );
    assert_has(
        &row(&text, &["The WMS or the scanners are unavailable"], 1),
        &["no"],
    );
}

#[test]
fn a_report_of_a_log_changed_behind_the_triggers_says_where_the_chain_breaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.keel");
    let file = path.to_str().expect("utf-8");
    keel(&["demo", file]);
    let id = open(file, "Warehouse flooded");
    replay(file, &id, &SCRIPT[..3]);
    crate::util::alter_behind_trigger(
        &path,
        "event_log_no_update",
        &format!(
            "UPDATE event_log SET text = 'Morgan Hale reached at once' WHERE event_id = {id} AND seq = 4"
        ),
    );
    let pdf = dir.path().join("altered.pdf");
    let said = report(file, &id, &pdf, &[]);
    assert!(said.contains("DOES NOT VERIFY"), "{said}");
    let words = checked_text(pdf.to_str().unwrap())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_has(
        &words,
        &[
            "LOG DOES NOT VERIFY",
            "4 entries; chain DOES NOT VERIFY",
            "Morgan Hale reached at once The chain breaks here: entry 4 was changed after it was written",
            "log: entry 4 was changed after it was written",
        ],
    );
}
