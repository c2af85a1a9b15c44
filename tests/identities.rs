//! Signing identities from outside: files Keel refuses before doing any work, a wrong
//! passphrase as a refusal of the passphrase field, owner-only files, and passphrases
//! kept out of `Debug` output.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use cms::content_info::ContentInfo;
use cms::encrypted_data::EncryptedData;
use keel::signing::pkcs12::{self as p12, Budget, MAX_FILE_BYTES, Pkcs12Error};
use keel::signing::shelf::{self, IdentityShelf, SigningRequest};
use keel::signing::{Identity, Passphrase};
use keel::{ApiError, Error, ErrorCode};
use pkcs5::pbes2;
use pkcs12::mac_data::MacData;
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::SafeContents;
use proptest::prelude::*;
use x509_cert::der::asn1::{ContextSpecific, OctetString};
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::der::{Any, Decode, Encode};
use x509_cert::spki::AlgorithmIdentifierOwned;

const PASS: &str = "fixture-passphrase";
const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, 15, 0)
        .single()
        .expect("valid time")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// Rewrites a PKCS#12 file: `mac` may change or drop the MAC, `safe` changes the
/// algorithm of each encrypted safe, `key` that of each shrouded key bag.
fn rewrite(
    p12: &[u8],
    mac: impl Fn(&mut Option<MacData>),
    safe: impl Fn(&mut AlgorithmIdentifierOwned),
    key: impl Fn(&mut AlgorithmIdentifierOwned),
) -> Vec<u8> {
    let mut pfx = Pfx::from_der(p12).expect("pfx");
    let data = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .expect("auth safe");
    let mut safes = Vec::<ContentInfo>::from_der(data.as_bytes()).expect("safes");
    for content in &mut safes {
        if content.content_type == DATA {
            let inner = content.content.decode_as::<OctetString>().expect("data");
            let mut bags = SafeContents::from_der(inner.as_bytes()).expect("bags");
            for bag in &mut bags {
                // `pkcs12` decodes a bag's value with its [0] wrapper but encodes it
                // without: each value is put back unwrapped.
                bag.bag_value = if bag.bag_id == pkcs12::PKCS_12_PKCS8_KEY_BAG_OID {
                    let mut shrouded =
                        ContextSpecific::<EncryptedPrivateKeyInfo>::from_der(&bag.bag_value)
                            .expect("key bag");
                    key(&mut shrouded.value.encryption_algorithm);
                    shrouded.value.to_der().expect("key bag")
                } else {
                    let wrapped = ContextSpecific::<Any>::from_der(&bag.bag_value).expect("bag");
                    wrapped.value.to_der().expect("bag")
                };
            }
            let octets = OctetString::new(bags.to_der().expect("bags")).expect("octets");
            content.content = Any::encode_from(&octets).expect("any");
        } else {
            let mut encrypted = content.content.decode_as::<EncryptedData>().expect("enc");
            safe(&mut encrypted.enc_content_info.content_enc_alg);
            content.content = Any::encode_from(&encrypted).expect("any");
        }
    }
    let octets = OctetString::new(safes.to_der().expect("safes")).expect("octets");
    pfx.auth_safe.content = Any::encode_from(&octets).expect("any");
    mac(&mut pfx.mac_data);
    pfx.to_der().expect("pfx")
}

fn keep(_: &mut AlgorithmIdentifierOwned) {}
fn no_mac(mac: &mut Option<MacData>) {
    *mac = None;
}

/// Sets the PBKDF2 iteration count of a PBES2 algorithm.
fn pbkdf2_iterations(count: u32) -> impl Fn(&mut AlgorithmIdentifierOwned) {
    move |alg| {
        let der = alg
            .parameters
            .as_ref()
            .expect("params")
            .to_der()
            .expect("der");
        let mut params = pbes2::Parameters::from_der(&der).expect("pbes2");
        match &mut params.kdf {
            pbes2::Kdf::Pbkdf2(kdf) => kdf.iteration_count = count,
            _ => panic!("the fixture uses PBKDF2"),
        }
        let der = params.to_der().expect("der");
        alg.parameters = Some(Any::from_der(&der).expect("any"));
    }
}

/// Sets the iteration count of a PKCS#12 PBE (legacy 3DES / RC2) algorithm.
fn pbe_iterations(count: i32) -> impl Fn(&mut AlgorithmIdentifierOwned) {
    move |alg| {
        let der = alg
            .parameters
            .as_ref()
            .expect("params")
            .to_der()
            .expect("der");
        let mut params = Pkcs12PbeParams::from_der(&der).expect("pbe");
        params.iterations = count;
        alg.parameters = Some(Any::encode_from(&params).expect("any"));
    }
}

/// Replaces PBKDF2 with scrypt of cost `n`, block size 8, parallelism 1.
fn scrypt_cost(n: u64) -> impl Fn(&mut AlgorithmIdentifierOwned) {
    move |alg| {
        let der = alg
            .parameters
            .as_ref()
            .expect("params")
            .to_der()
            .expect("der");
        let mut params = pbes2::Parameters::from_der(&der).expect("pbes2");
        let salt = [7u8; 16];
        params.kdf = pbes2::Kdf::Scrypt(pbes2::ScryptParams {
            salt: &salt,
            cost_parameter: n,
            block_size: 8,
            parallelization: 1,
            key_length: None,
        });
        let der = params.to_der().expect("der");
        alg.parameters = Some(Any::from_der(&der).expect("any"));
    }
}

/// Reads `bytes` on another thread and gives its answer, failing the test if none
/// comes within a minute (an unchecked count here would hash for hours).
fn read_within_a_minute(bytes: Vec<u8>) -> keel::Result<Identity> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Identity::from_pkcs12(&bytes, PASS));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("refused before any derivation runs, not after hours of hashing")
}

fn refused_as_too_costly(result: keel::Result<Identity>) -> String {
    let message = match result {
        Ok(_) => panic!("a file asking for absurd work was read"),
        Err(e) => e.to_string(),
    };
    assert!(
        message.contains("refused without trying"),
        "a clear refusal: {message}"
    );
    message
}

#[test]
fn both_fixtures_still_import_and_the_rewriting_helper_keeps_them_readable() {
    for name in ["signer-modern.p12", "signer-legacy.p12"] {
        let bytes = fixture(name);
        let identity = Identity::from_pkcs12(&bytes, PASS).expect(name);
        assert_eq!(identity.name, "Priya Shah", "{name}");
        // Rewritten without changes but without the MAC: still the same identity.
        let bare = rewrite(&bytes, no_mac, keep, keep);
        assert_ne!(bare, bytes, "{name}: the MAC was dropped");
        let again = Identity::from_pkcs12(&bare, PASS).expect(name);
        assert_eq!(again.certificate(), identity.certificate(), "{name}");
    }
}

#[test]
fn an_absurd_mac_iteration_count_is_refused_before_it_is_used() {
    let crafted = rewrite(
        &fixture("signer-modern.p12"),
        |mac| {
            if let Some(mac) = mac {
                mac.iterations = i32::MAX;
            }
        },
        keep,
        keep,
    );
    let message = refused_as_too_costly(read_within_a_minute(crafted));
    assert!(message.contains("2147483647"), "{message}");
}

#[test]
fn an_absurd_pbkdf2_iteration_count_is_refused_in_a_safe_and_in_a_key_bag() {
    let modern = fixture("signer-modern.p12");
    let in_safe = rewrite(&modern, no_mac, pbkdf2_iterations(u32::MAX), keep);
    refused_as_too_costly(read_within_a_minute(in_safe));
    let in_key = rewrite(&modern, no_mac, keep, pbkdf2_iterations(50_000_000));
    refused_as_too_costly(read_within_a_minute(in_key));
}

#[test]
fn an_absurd_legacy_pbe_iteration_count_is_refused() {
    let legacy = fixture("signer-legacy.p12");
    let crafted = rewrite(&legacy, no_mac, keep, pbe_iterations(i32::MAX));
    refused_as_too_costly(read_within_a_minute(crafted));
    let crafted = rewrite(&legacy, no_mac, pbe_iterations(20_000_000), keep);
    refused_as_too_costly(read_within_a_minute(crafted));
}

#[test]
fn an_absurd_scrypt_memory_cost_is_refused() {
    let crafted = rewrite(
        &fixture("signer-modern.p12"),
        no_mac,
        scrypt_cost(1 << 30),
        keep,
    );
    let message = refused_as_too_costly(read_within_a_minute(crafted));
    assert!(message.contains("scrypt memory"), "{message}");
    // A cost of 0 makes `pkcs5` compute log2(0) (an overflow, a panic in debug builds):
    // refused before it gets there.
    let crafted = rewrite(&fixture("signer-modern.p12"), no_mac, scrypt_cost(0), keep);
    let err = read_within_a_minute(crafted).err().expect("refused");
    assert!(err.to_string().contains("scrypt parameters N=0"), "{err}");
}

#[test]
fn many_ordinary_derivations_are_refused_once_they_add_up() {
    let mut budget = Budget::default();
    for _ in 0..3 {
        budget
            .iterations(10_000_000)
            .expect("each within the limit");
    }
    assert!(matches!(
        budget.iterations(2_048),
        Err(Pkcs12Error::TooCostly {
            what: "iterations in all",
            ..
        })
    ));
    assert!(matches!(
        Budget::default().iterations(0),
        Err(Pkcs12Error::Malformed(_))
    ));
    assert!(Budget::default().scrypt(1 << 14, 8, 1).is_ok(), "16 MiB");
    assert!(Budget::default().scrypt(1 << 14, 8, 1 << 12).is_err());
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shelf = IdentityShelf::new(dir.path());
    // 4 GiB, sparse: reading it all would take long and fill memory.
    let big = dir.path().join("huge.p12");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(4 << 30))
        .expect("sparse file");
    let err = shelf
        .import(&big, &Passphrase::new(PASS), at())
        .expect_err("refused");
    let api = ApiError::from(err);
    assert_eq!(api.code, ErrorCode::Validation);
    let message = api.fields.get("path").expect("a refusal of the file field");
    assert!(message.contains("huge.p12"), "{message}");
    assert!(
        message.contains(&format!("at most {MAX_FILE_BYTES} bytes")),
        "{message}"
    );

    // Just over the limit, in memory: the pure reader refuses it too.
    let bytes = vec![0x30; usize::try_from(MAX_FILE_BYTES).expect("fits") + 1];
    assert!(matches!(
        p12::read(&bytes, PASS),
        Err(Pkcs12Error::TooLarge { .. })
    ));
}

#[test]
fn a_wrong_passphrase_is_a_refusal_of_the_passphrase_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shelf = IdentityShelf::new(dir.path());
    let modern = fixture("signer-modern.p12");
    let without_mac = dir.path().join("no-mac.p12");
    std::fs::write(&without_mac, rewrite(&modern, no_mac, keep, keep)).expect("write");
    for name in ["signer-modern.p12", "signer-legacy.p12"] {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        for file in [file, without_mac.clone()] {
            let err = shelf
                .import(&file, &Passphrase::new("not the passphrase"), at())
                .expect_err("wrong passphrase");
            assert!(matches!(err, Error::Invalid(_)), "{file:?}: {err}");
            let api = ApiError::from(err);
            assert_eq!(api.code, ErrorCode::Validation);
            assert_eq!(
                api.fields.keys().collect::<Vec<_>>(),
                vec!["passphrase"],
                "{file:?}: {:?}",
                api.fields
            );
            assert!(
                api.fields["passphrase"].starts_with("Wrong passphrase"),
                "{file:?}: {}",
                api.fields["passphrase"]
            );
        }
    }
    assert!(shelf.list().expect("list").is_empty(), "nothing was kept");
    // The right one opens it, and keeps it.
    let kept = shelf
        .import(&without_mac, &Passphrase::new(PASS), at())
        .expect("import");
    assert_eq!(kept.name, "Priya Shah");
}

#[test]
fn a_file_that_is_not_pkcs12_is_a_refusal_of_the_path_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shelf = IdentityShelf::new(dir.path());
    let file = dir.path().join("notes.p12");
    std::fs::write(&file, "meeting notes, not a key").expect("write");
    let api = ApiError::from(
        shelf
            .import(&file, &Passphrase::new(PASS), at())
            .expect_err("refused"),
    );
    assert_eq!(api.code, ErrorCode::Validation);
    let message = api.fields.get("path").expect("path field");
    assert!(message.contains("not a PKCS#12 file"), "{message}");
}

#[cfg(unix)]
#[test]
fn imported_identities_are_owner_only_and_a_wide_folder_is_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("identities");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let shelf = IdentityShelf::new(dir.path());
    let path: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signer-legacy.p12");
    let info = shelf
        .import(&path, &Passphrase::new(PASS), at())
        .expect("import");
    assert_eq!(mode(&folder), 0o700, "the folder is tightened");
    assert_eq!(mode(&folder.join(format!("{}.p12", info.id))), 0o600);
    assert_eq!(mode(&folder.join(format!("{}.json", info.id))), 0o600);

    // A new config folder: made owner-only.
    let fresh = dir.path().join("fresh/config");
    let info = IdentityShelf::new(&fresh)
        .import(&path, &Passphrase::new(PASS), at())
        .expect("import");
    assert_eq!(mode(&fresh.join("identities")), 0o700);
    assert_eq!(
        mode(&fresh.join("identities").join(format!("{}.p12", info.id))),
        0o600
    );
}

#[cfg(unix)]
#[test]
fn private_files_are_0600_from_creation_and_never_replace_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("key.p12");
    shelf::write_private(&file, b"first").expect("write");
    assert_eq!(mode(&file), 0o600);
    let again = shelf::write_private(&file, b"second");
    assert!(matches!(again, Err(Error::FileExists(_))), "{again:?}");
    assert_eq!(std::fs::read(&file).expect("read"), b"first");

    let folder = dir.path().join("a/b");
    shelf::private_dir(&folder).expect("folder");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&dir.path().join("a")), 0o700, "missing parents too");
}

#[cfg(unix)]
#[test]
fn keel_identity_new_writes_an_owner_only_file_in_an_owner_only_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery\nignored second line\n").expect("pass");
    let out = dir.path().join("keys/erin/me.p12");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(["identity", "new", "--name", "Erin Example", "--out"])
        .arg(&out)
        .arg("--passphrase-file")
        .arg(&pass)
        .output()
        .expect("run keel");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(mode(&out), 0o600);
    assert_eq!(mode(&dir.path().join("keys/erin")), 0o700);
    assert_eq!(mode(&dir.path().join("keys")), 0o700);
    let identity =
        Identity::from_pkcs12(&std::fs::read(&out).expect("read"), "correct horse battery")
            .expect("opens with the passphrase's first line");
    assert_eq!(identity.name, "Erin Example");
}

#[test]
fn passphrases_stay_out_of_debug_output() {
    let secret = "correct horse battery staple";
    let passphrase = Passphrase::new(secret);
    assert_eq!(&*passphrase, secret, "still usable");
    assert!(!format!("{passphrase:?}").contains("horse"));
    let request: SigningRequest = serde_json::from_str(&format!(
        r#"{{"identity_id": "erin-1", "passphrase": "{secret}"}}"#
    ))
    .expect("request");
    let shown = format!("{request:?} {request:#?}");
    assert!(shown.contains("erin-1"), "{shown}");
    assert!(!shown.contains("horse"), "{shown}");
    assert_eq!(&*Passphrase::first_line("line one\r\nline two"), "line one");
}

/// The fixtures, with and without their MAC.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let (modern, legacy) = (fixture("signer-modern.p12"), fixture("signer-legacy.p12"));
        let bare = |p12: &[u8]| rewrite(p12, no_mac, keep, keep);
        vec![bare(&modern), bare(&legacy), modern, legacy]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_give_ok_or_err_without_panicking(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        passphrase in ".{0,20}",
    ) {
        let _ = Identity::from_pkcs12(&bytes, &passphrase);
    }

    /// Without a MAC, a mutation inside the safes reaches the parsing and decryption
    /// behind it instead of stopping at the MAC check.
    #[test]
    fn mutated_fixtures_give_ok_or_err_without_panicking(
        which in 0usize..4,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = seeds()[which].clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = Identity::from_pkcs12(&bytes, PASS);
    }
}
