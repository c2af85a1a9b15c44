//! The `keel` command line, run as a user would.

use std::process::{Command, Output};

fn keel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env("KEEL_FACILITATOR", "CLI Tester")
        .output()
        .expect("run keel")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "keel failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn demo_then_info_and_process_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x.keel");
    let file = file.to_str().expect("utf-8 path");
    let out = keel(&["demo", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let info = json(&keel(&["info", file, "--json"]));
    assert_eq!(info["schema_version"], keel::store::SCHEMA_VERSION);
    assert_eq!(info["integrity"], "ok");
    assert_eq!(info["activities"], 25);
    assert_eq!(info["units"], 5);

    let list = json(&keel(&["process", "list", file, "--json"]));
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 25);
    assert!(
        list.iter()
            .all(|a| a["name"].is_string() && a["unit_name"].is_string())
    );

    let bia = json(&keel(&["bia", "list", file, "--json"]));
    let bia = bia.as_array().expect("an array");
    assert_eq!(bia.len(), 25);
    let first = &bia[0];
    assert_eq!(first["tier"], 1);
    assert_eq!(first["rto_minutes"], 240, "durations are whole minutes");
    assert_eq!(first["mtpd_minutes"], 480);
    let not_started = bia.iter().filter(|r| r["status"].is_null()).count();
    let drafts = bia.iter().filter(|r| r["status"] == "draft").count();
    assert_eq!(
        (not_started, drafts),
        (2, 3),
        "a few are left incomplete on purpose"
    );

    let analysis = json(&keel(&["analyze", file, "--json"]));
    for key in ["gaps", "spofs", "predicted", "cycles", "capabilities"] {
        assert!(analysis[key].is_array(), "{key} is a list");
    }
    // The standby generator was demonstrated by hand 330 days before the demo was
    // written: still in force, expiring within 60 days.
    let generator = analysis["capabilities"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["resource"] == "Standby generator"))
        .expect("the generator's standing");
    assert_eq!(generator["evidence"], "demonstrated");
    let shown = &generator["demonstrated"];
    let on = (chrono::Utc::now().date_naive() - chrono::TimeDelta::days(330)).to_string();
    assert_eq!(shown["on"], on.as_str());
    assert_eq!(shown["rtc_min"], 15);
    assert!(shown["exercise_id"].is_null(), "recorded by hand");
    let text = String::from_utf8_lossy(&keel(&["analyze", file]).stdout).into_owned();
    assert!(
        text.contains(&format!(
            "Standby generator: demonstrated 15m on {on} (recorded by hand)"
        )),
        "{text}"
    );
    let gap = &analysis["gaps"][0];
    assert!(gap["kind"].is_string() && gap["node"].is_string() && gap["path"].is_array());
    assert!(gap["required_min"].is_u64(), "durations are whole minutes");
    let scenario = json(&keel(&[
        "scenario",
        file,
        "--lose",
        "Halifax warehouse",
        "--json",
    ]));
    assert!(scenario.as_array().is_some_and(|o| !o.is_empty()));

    let again = keel(&["demo", file]);
    assert!(
        !again.status.success(),
        "an existing file is not overwritten without --force"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn new_unit_and_process_add_are_logged_under_the_given_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("acme.keel");
    let file = file.to_str().expect("utf-8 path");
    assert!(
        keel(&["new", file, "--org", "Acme Mutual"])
            .status
            .success()
    );
    assert!(
        keel(&["unit", "add", file, "--name", "Claims"])
            .status
            .success()
    );
    let added = json(&keel(&[
        "process",
        "add",
        file,
        "--name",
        "Claims intake",
        "--unit",
        "claims",
        "--owner",
        "Sam",
        "--product",
        "Claim decisions",
        "--product",
        "Payments",
        "--json",
    ]));
    assert_eq!(added["unit_name"], "Claims");
    assert_eq!(
        added["products_services"],
        serde_json::json!(["Claim decisions", "Payments"])
    );

    let filtered = json(&keel(&[
        "process", "list", file, "--search", "INTAKE", "--json",
    ]));
    assert_eq!(filtered.as_array().map(Vec::len), Some(1));

    let log = json(&keel(&["audit", file, "--json"]));
    assert!(
        log.as_array()
            .expect("array")
            .iter()
            .all(|e| e["actor"] == "CLI Tester")
    );

    let text = stdout(&keel(&["process", "list", file]));
    assert!(
        text.contains("Claims intake") && text.contains("1 activity"),
        "{text}"
    );
}

#[test]
fn bad_input_gets_a_message_at_the_option_and_a_failure_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("acme.keel");
    let file = file.to_str().expect("utf-8 path");
    assert!(keel(&["new", file, "--org", "Acme"]).status.success());
    let out = keel(&["process", "add", file, "--name", " "]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--name: Activity name is required."), "{err}");

    let out = keel(&["process", "add", file, "--name", "X", "--unit", "Nowhere"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unit named"));
}

#[test]
fn info_on_a_non_keel_file_fails_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("budget.keel");
    std::fs::write(&file, "year,amount\n2026,100\n").expect("write");
    let out = keel(&["info", file.to_str().expect("utf-8"), "--json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("budget.keel") && err.contains("not a Keel engagement"),
        "{err}"
    );
}

#[test]
fn every_command_answers_help() {
    for args in [
        vec!["--help"],
        vec!["new", "--help"],
        vec!["info", "--help"],
        vec!["demo", "--help"],
        vec!["process", "add", "--help"],
        vec!["process", "list", "--help"],
        vec!["unit", "add", "--help"],
        vec!["audit", "--help"],
        vec!["bia", "list", "--help"],
        vec!["analyze", "--help"],
        vec!["scenario", "--help"],
    ] {
        let out = keel(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn output_into_a_reader_that_went_away_ends_quietly() {
    // `keel bia list x.keel | head -1`: the reader closes early; keel must not panic.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x.keel");
    let file = file.to_str().expect("utf-8 path");
    assert!(keel(&["demo", file]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(["bia", "list", file])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run keel");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success());
}

#[test]
fn plans_are_listed_approved_by_the_named_approver_and_verified() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x.keel");
    let file = file.to_str().expect("utf-8 path");
    assert!(keel(&["demo", file]).status.success());
    let plans = json(&keel(&["plan", "list", file, "--json"]));
    let plans = plans.as_array().expect("a list");
    assert_eq!(plans.len(), 3);
    assert_eq!(plans[0]["state"], "approved");
    assert_eq!(plans[0]["sha256"].as_str().map(str::len), Some(64));
    let drafts: Vec<_> = plans.iter().filter(|p| p["state"] == "draft").collect();
    assert_eq!(drafts.len(), 1, "{plans:?}");
    for key in [
        "id",
        "title",
        "template",
        "state",
        "version",
        "approved_at",
        "sha256",
    ] {
        assert!(drafts[0].get(key).is_some(), "{key}");
    }

    // The draft goes to review in the core; its one approver approves from the CLI.
    let mut store = keel::EngagementStore::open(std::path::Path::new(file)).expect("open");
    let draft = drafts[0]["id"].as_i64().expect("id");
    store.submit_plan(draft).expect("review");
    drop(store);
    let id = draft.to_string();
    let refused = keel(&[
        "plan",
        "approve",
        file,
        "--plan",
        &id,
        "--as",
        "Someone Else",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a required approver"));
    let out = keel(&[
        "plan",
        "approve",
        file,
        "--plan",
        &id,
        "--as",
        "Arjun Mehta",
        "--role",
        "IT Operations Lead",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("is now frozen"));
    let plans = json(&keel(&["plan", "list", file, "--json"]));
    let plans = plans.as_array().expect("a list");
    assert!(plans.iter().all(|p| p["state"] == "approved"), "{plans:?}");

    let out = keel(&["plan", "verify", file]);
    assert!(out.status.success());
    // The demo's warehouse plan has two approved versions, its peak-season plan one, and
    // this plan one.
    assert!(stdout(&out).contains("4 frozen versions checked"));
    crate::util::alter_behind_trigger(
        std::path::Path::new(file),
        "plan_frozen_no_update",
        "UPDATE plan_frozen SET snapshot = snapshot || ' ' WHERE version = 1 AND plan_id = 1",
    );
    let out = keel(&["plan", "verify", file, "--plan", "1"]);
    assert!(!out.status.success(), "a changed byte is caught");
    assert!(stdout(&out).contains("MISMATCH plan 1 version 1"));
}

#[test]
fn export_writes_a_pdf_that_verify_matches_to_its_approved_version_and_bench_measures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x.keel");
    let file = file.to_str().expect("utf-8 path");
    assert!(keel(&["demo", file]).status.success());
    let pdf = dir.path().join("plan.pdf");
    let pdf = pdf.to_str().expect("utf-8 path");
    let out = keel(&[
        "export",
        file,
        "--plan",
        "1",
        "--out",
        pdf,
        "--at",
        "2026-11-25T10:00:00Z",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("pages"));
    assert!(std::fs::read(pdf).expect("pdf").starts_with(b"%PDF-"));
    let ok = keel(&["verify", pdf, "--engagement", file]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout(&ok).starts_with("OK: "));

    let draft = dir.path().join("draft.pdf");
    let draft = draft.to_str().expect("utf-8 path");
    assert!(
        keel(&["export", file, "--plan", "2", "--out", draft])
            .status
            .success()
    );
    let refused = keel(&["verify", draft, "--engagement", file]);
    assert!(!refused.status.success(), "a draft is no approved version");
    let other = dir.path().join("other.keel");
    let other = other.to_str().expect("utf-8 path");
    assert!(keel(&["new", other, "--org", "Other Ltd"]).status.success());
    assert!(
        !keel(&["verify", pdf, "--engagement", other])
            .status
            .success()
    );
    let bad = keel(&[
        "export",
        file,
        "--plan",
        "1",
        "--out",
        pdf,
        "--at",
        "yesterday",
    ]);
    assert!(!bad.status.success());

    let bench = keel(&["bench", "pdf", "--pages", "2"]);
    assert!(
        bench.status.success(),
        "{}",
        String::from_utf8_lossy(&bench.stderr)
    );
    assert!(
        stdout(&bench).contains("cold: layout"),
        "{}",
        stdout(&bench)
    );
}

#[test]
fn an_identity_made_on_the_command_line_signs_an_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name).to_str().expect("utf-8").to_owned();
    let (file, p12, pass, pdf) = (
        path("x.keel"),
        path("me.p12"),
        path("pass.txt"),
        path("signed.pdf"),
    );
    std::fs::write(&pass, "correct horse battery\n").expect("passphrase");
    assert!(keel(&["demo", &file]).status.success());
    let made = keel(&[
        "identity",
        "new",
        "--name",
        "Erin Example",
        "--out",
        &p12,
        "--passphrase-file",
        &pass,
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(
        !keel(&[
            "identity",
            "new",
            "--name",
            "Erin",
            "--out",
            &p12,
            "--passphrase-file",
            &pass
        ])
        .status
        .success(),
        "never overwrites"
    );
    let out = keel(&[
        "export",
        &file,
        "--plan",
        "1",
        "--out",
        &pdf,
        "--sign",
        &p12,
        "--passphrase-file",
        &pass,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("Signed by Erin Example"));
    let check = std::process::Command::new("pdfsig")
        .args(["-nocert", &pdf])
        .output()
        .expect("pdfsig");
    assert!(String::from_utf8_lossy(&check.stdout).contains("Signature is Valid."));
    assert!(
        keel(&["verify", &pdf, "--engagement", &file])
            .status
            .success(),
        "a signed PDF still verifies"
    );

    std::fs::write(&pass, "not the passphrase\n").expect("passphrase");
    let wrong = keel(&[
        "export",
        &file,
        "--plan",
        "1",
        "--out",
        &path("other.pdf"),
        "--sign",
        &p12,
        "--passphrase-file",
        &pass,
    ]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("Wrong passphrase"));
    assert!(
        !dir.path().join("other.pdf").exists(),
        "nothing is written without the signature"
    );
}

#[test]
fn bench_keystroke_times_the_saves_and_logs_one_entry_per_editing_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("typed.keel");
    let path = file.to_str().expect("utf-8 path");
    let out = keel(&["bench", "keystroke", "--chars", "12", "--file", path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("interview notes (edit_interview): p50 ")
            && text.contains("plan section")
            && text.contains("p95 "),
        "{text}"
    );
    // The notes and the section, and the status change of a validated interview.
    assert!(
        ["2", "3"]
            .iter()
            .any(|n| text.contains(&format!("Audit entries added: {n} for 24 saves"))),
        "{text}"
    );
    assert!(file.exists(), "--file keeps the engagement");
}
