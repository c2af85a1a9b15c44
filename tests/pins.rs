//! Pins that a redesign of the code must not move: the demo's frozen content hashes, a
//! file frozen by earlier code that must keep verifying, and the bytes of a PDF exported
//! at a fixed time. If one of these fails, the canonical form of a snapshot or the PDF
//! writer changed, and every plan already signed off would stop verifying.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

/// The demo's approved plan, version 1: its content SHA-256 since the demo was written.
const DEMO_APPROVED_SHA256: &str =
    "cdf1d121825892618abbef6ba2e527e66634b63418eb45d2b5171ef40e128c5c";
/// The demo's draft plan: the SHA-256 of its working content. Moved deliberately once,
/// when the demo gained exercises (issue 14): the WMS's recovery time in force is now the
/// 7h 10m its parallel test demonstrated, not the 8h recorded by hand.
const DEMO_DRAFT_SHA256: &str = "5947bbe5f0257e9d61897335c3c0f6b3009b304d7cb5efb6f61ec66068f8167d";
/// The PDFs of those two, exported with `--at 2026-11-25T10:00:00Z` (the approved one from
/// the fixture, whose approval time is fixed).
const APPROVED_PDF_SHA256: &str =
    "20c767c93e960128256d7515745ea2e1f3fc63e12665b1d1daf7434302595823";
const DRAFT_PDF_SHA256: &str = "1c98d6287244d6db7a8d2447eeecfdbb1be676d79161516cf7cfcff11472b62b";
const AT: &str = "2026-11-25T10:00:00Z";

fn keel(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env("KEEL_FACILITATOR", "Pin Tester")
        .output()
        .expect("run keel");
    assert!(
        out.status.success(),
        "keel {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sha256_of(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("read the PDF");
    hex(&Sha256::digest(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn export(file: &str, plan: &str, version: Option<&str>, out: &Path) -> String {
    let out = out.to_str().expect("utf-8 path");
    let mut args = vec!["export", "--plan", plan, "--out", out, "--at", AT];
    if let Some(version) = version {
        args.extend(["--version", version]);
    }
    args.push(file);
    keel(&args)
}

#[test]
fn the_demo_plans_content_hashes_and_pdf_bytes_do_not_move() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.keel");
    let file = file.to_str().expect("utf-8 path");
    keel(&["demo", file]);

    // The approved PDF prints when the demo was approved (the clock of the run), so its
    // bytes are pinned on the fixture below, approved at a known time.
    let approved = dir.path().join("approved.pdf");
    let said = export(file, "1", Some("1"), &approved);
    assert!(said.contains(DEMO_APPROVED_SHA256), "{said}");

    let draft = dir.path().join("draft.pdf");
    let said = export(file, "2", None, &draft);
    assert!(said.contains(DEMO_DRAFT_SHA256), "{said}");
    assert_eq!(sha256_of(&draft), DRAFT_PDF_SHA256);
}

#[test]
fn a_file_frozen_by_the_code_before_the_floors_still_verifies_and_exports_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("frozen.keel");
    std::fs::copy("tests/fixtures/frozen-before-floors.keel", &file).expect("copy the fixture");
    let file = file.to_str().expect("utf-8 path");

    let verified = keel(&["plan", "verify", file]);
    assert!(
        verified.contains("every one matches its SHA-256"),
        "{verified}"
    );

    let approved = dir.path().join("approved.pdf");
    let said = export(file, "1", Some("1"), &approved);
    assert!(said.contains(DEMO_APPROVED_SHA256), "{said}");
    assert_eq!(sha256_of(&approved), APPROVED_PDF_SHA256);
    let checked = keel(&[
        "verify",
        approved.to_str().expect("utf-8"),
        "--engagement",
        file,
    ]);
    assert!(checked.contains(DEMO_APPROVED_SHA256), "{checked}");
}
