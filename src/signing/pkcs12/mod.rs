//! Reading a PKCS#12 file that came from outside Keel.
//!
//! A PKCS#12 file names its own key-derivation costs (PBKDF2 and PKCS#12 iteration
//! counts, scrypt's memory and work), and a crafted one can ask for hours of hashing or
//! gigabytes of memory. So this reader walks the structure itself, with RustCrypto's
//! ASN.1 types (`pkcs12`, `cms`, `pkcs5`), and every derivation goes through [`Budget`]
//! before it runs: one absurd parameter, or too much work in all, and the file is refused
//! without trying. Keys and derived secrets are wiped when dropped.
//!
//! Read: MAC (HMAC-SHA-1 or -SHA-256 over the PKCS#12 KDF), PBES2 (PBKDF2 or scrypt with
//! AES-CBC, as modern OpenSSL and Windows write) and the legacy PKCS#12 PBEs (3DES and
//! RC2, as `openssl -legacy` and older systems write).

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockDecryptMut, InnerIvInit, KeyIvInit};
use cms::content_info::ContentInfo;
use cms::encrypted_data::EncryptedData;
use hmac::{Hmac, Mac};
use pkcs5::pbes2;
use pkcs12::cert_type::CertBag;
use pkcs12::kdf::{Pkcs12KeyType, derive_key_utf8};
use pkcs12::mac_data::MacData;
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::{SafeBag, SafeContents};
use sha1::Sha1;
use sha2::Sha256;
use x509_cert::der;
use x509_cert::der::asn1::{ContextSpecific, OctetString};
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::der::{Any, Decode, Encode};
use x509_cert::spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

mod budget;
pub use budget::{
    Budget, MAX_ITERATIONS, MAX_SCRYPT_MEMORY, MAX_SCRYPT_WORK, MAX_TOTAL_ITERATIONS,
};

/// The largest PKCS#12 file Keel reads: an identity with a long chain is a few KB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Bags within bags (a `safeContentsBag` holds more bags).
const MAX_NESTING: usize = 4;
/// Private keys in one file: an identity has one.
pub const MAX_KEYS: usize = 16;
/// Certificates in one file: the signer's and its chain.
pub const MAX_CERTIFICATES: usize = 64;

const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6");
const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// Why a PKCS#12 file was not read. Messages say what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Pkcs12Error {
    #[error(
        "the file is {size} bytes, and a signing identity is a few kilobytes (Keel reads at most {limit} bytes); choose the .p12 or .pfx file that holds your signing key"
    )]
    TooLarge { size: u64, limit: u64 },

    #[error(
        "this is not a PKCS#12 file Keel can read ({0}); choose the .p12 or .pfx file that holds your signing key and certificate"
    )]
    Malformed(String),

    #[error(
        "this PKCS#12 file is protected with {0}, which Keel does not read; export the identity again with AES (PBES2) or 3DES protection"
    )]
    Unsupported(String),

    #[error(
        "this PKCS#12 file asks for {what} of {value} (Keel allows at most {limit}), far more than any real identity needs, so it was refused without trying; export the identity again with ordinary settings"
    )]
    TooCostly {
        what: &'static str,
        value: u64,
        limit: u64,
    },

    #[error(
        "Wrong passphrase: it does not open this signing identity (or the file was altered). Passphrases are case-sensitive; type it again"
    )]
    WrongPassphrase,

    #[error(
        "This passphrase has characters a PKCS#12 file cannot hold (outside Unicode's basic plane); it cannot be the right one"
    )]
    UnusablePassphrase,
}

impl Pkcs12Error {
    /// True when the passphrase, not the file, is at fault.
    pub fn is_passphrase(&self) -> bool {
        matches!(
            self,
            Pkcs12Error::WrongPassphrase | Pkcs12Error::UnusablePassphrase
        )
    }
}

/// A passphrase at fault is a refusal of the passphrase field; anything else is about
/// the file, and its message says so.
impl From<Pkcs12Error> for crate::Error {
    fn from(e: Pkcs12Error) -> Self {
        if e.is_passphrase() {
            crate::Error::invalid("passphrase", e.to_string())
        } else {
            crate::Error::Signing(e.to_string())
        }
    }
}

fn malformed(what: &str) -> impl FnOnce(der::Error) -> Pkcs12Error + '_ {
    move |e| Pkcs12Error::Malformed(format!("{what}: {e}"))
}

/// What a PKCS#12 file holds: private keys (PKCS#8 DER, wiped when dropped) and
/// certificates (X.509 DER), in file order.
#[derive(Default)]
pub struct Contents {
    pub keys: Vec<Zeroizing<Vec<u8>>>,
    pub certificates: Vec<Vec<u8>>,
}

impl std::fmt::Debug for Contents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contents")
            .field("keys", &self.keys.len())
            .field("certificates", &self.certificates.len())
            .finish()
    }
}

/// Reads `bytes` as a PKCS#12 file opened with `passphrase`. Never panics; refuses
/// oversized files and costly parameters before any derivation runs.
pub fn read(bytes: &[u8], passphrase: &str) -> Result<Contents, Pkcs12Error> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(Pkcs12Error::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let pfx = Pfx::from_der(bytes).map_err(malformed("PFX"))?;
    if pfx.auth_safe.content_type != DATA {
        return Err(Pkcs12Error::Unsupported(
            "public-key integrity (only password integrity is read)".into(),
        ));
    }
    let auth_safe = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .map_err(malformed("authenticated safe"))?;
    let mut budget = Budget::default();
    if let Some(mac) = &pfx.mac_data {
        verify_mac(mac, passphrase, auth_safe.as_bytes(), &mut budget)?;
    }
    let safes = Vec::<ContentInfo>::from_der(auth_safe.as_bytes())
        .map_err(malformed("authenticated safe"))?;
    let mut contents = Contents::default();
    for safe in &safes {
        let bags = if safe.content_type == DATA {
            let data = safe
                .content
                .decode_as::<OctetString>()
                .map_err(malformed("safe contents"))?;
            Zeroizing::new(data.as_bytes().to_vec())
        } else if safe.content_type == ENCRYPTED_DATA {
            let encrypted = safe
                .content
                .decode_as::<EncryptedData>()
                .map_err(malformed("encrypted safe contents"))?;
            let info = &encrypted.enc_content_info;
            match &info.encrypted_content {
                Some(data) => decrypt(
                    &info.content_enc_alg,
                    data.as_bytes(),
                    passphrase,
                    &mut budget,
                )?,
                None => continue,
            }
        } else {
            return Err(Pkcs12Error::Unsupported(format!(
                "safe contents of type {}",
                safe.content_type
            )));
        };
        let encrypted = safe.content_type == ENCRYPTED_DATA;
        read_bags(&bags, passphrase, &mut budget, &mut contents, 0).map_err(|e| match e {
            // Without a MAC, a wrong key can still unpad by chance: what it gives
            // does not read as bags.
            Pkcs12Error::Malformed(_) if encrypted && pfx.mac_data.is_none() => {
                Pkcs12Error::WrongPassphrase
            }
            other => other,
        })?;
    }
    Ok(contents)
}

fn verify_mac(
    mac: &MacData,
    passphrase: &str,
    data: &[u8],
    budget: &mut Budget,
) -> Result<(), Pkcs12Error> {
    let digest = mac.mac.algorithm.oid;
    if digest != SHA1 && digest != SHA256 {
        return Err(Pkcs12Error::Unsupported(format!(
            "a MAC with digest {digest}"
        )));
    }
    let rounds = pkcs12_rounds(budget.iterations(i64::from(mac.iterations))?)?;
    let salt = mac.mac_salt.as_bytes();
    let expected = mac.mac.digest.as_bytes();
    let verified = if digest == SHA1 {
        let key = kdf::<Sha1>(passphrase, salt, Pkcs12KeyType::Mac, rounds, 20)?;
        Hmac::<Sha1>::new_from_slice(&key)
            .map(|mut m| {
                m.update(data);
                m.verify_slice(expected).is_ok()
            })
            .unwrap_or(false)
    } else {
        let key = kdf::<Sha256>(passphrase, salt, Pkcs12KeyType::Mac, rounds, 32)?;
        Hmac::<Sha256>::new_from_slice(&key)
            .map(|mut m| {
                m.update(data);
                m.verify_slice(expected).is_ok()
            })
            .unwrap_or(false)
    };
    if verified {
        Ok(())
    } else {
        Err(Pkcs12Error::WrongPassphrase)
    }
}

fn pkcs12_rounds(count: u32) -> Result<i32, Pkcs12Error> {
    i32::try_from(count).map_err(|_| Pkcs12Error::Malformed("iteration count".into()))
}

/// The PKCS#12 key derivation (RFC 7292 appendix B), its output wiped when dropped.
fn kdf<D>(
    passphrase: &str,
    salt: &[u8],
    purpose: Pkcs12KeyType,
    rounds: i32,
    len: usize,
) -> Result<Zeroizing<Vec<u8>>, Pkcs12Error>
where
    D: sha2::Digest + sha2::digest::FixedOutputReset + sha2::digest::core_api::BlockSizeUser,
{
    derive_key_utf8::<D>(passphrase, salt, purpose, rounds, len)
        .map(Zeroizing::new)
        .map_err(|_| Pkcs12Error::UnusablePassphrase)
}

fn read_bags(
    der: &[u8],
    passphrase: &str,
    budget: &mut Budget,
    contents: &mut Contents,
    depth: usize,
) -> Result<(), Pkcs12Error> {
    if depth > MAX_NESTING {
        return Err(Pkcs12Error::Malformed("bags nested too deeply".into()));
    }
    let bags = SafeContents::from_der(der).map_err(malformed("safe bags"))?;
    for bag in &bags {
        if bag.bag_id == pkcs12::PKCS_12_CERT_BAG_OID {
            let cert = ContextSpecific::<CertBag>::from_der(&bag.bag_value)
                .map_err(malformed("certificate bag"))?;
            if cert.value.cert_id == pkcs12::PKCS_12_X509_CERT_OID {
                if contents.certificates.len() == MAX_CERTIFICATES {
                    return Err(Pkcs12Error::Malformed(format!(
                        "more than {MAX_CERTIFICATES} certificates"
                    )));
                }
                contents
                    .certificates
                    .push(cert.value.cert_value.as_bytes().to_vec());
            }
        } else if bag.bag_id == pkcs12::PKCS_12_PKCS8_KEY_BAG_OID
            || bag.bag_id == pkcs12::PKCS_12_KEY_BAG_OID
        {
            if contents.keys.len() == MAX_KEYS {
                return Err(Pkcs12Error::Malformed(format!(
                    "more than {MAX_KEYS} private keys"
                )));
            }
            contents.keys.push(read_key(bag, passphrase, budget)?);
        } else if bag.bag_id == pkcs12::PKCS_12_SAFE_CONTENTS_BAG_OID {
            let inner = ContextSpecific::<Any>::from_der(&bag.bag_value)
                .map_err(malformed("nested bags"))?;
            let inner = inner.value.to_der().map_err(malformed("nested bags"))?;
            read_bags(&inner, passphrase, budget, contents, depth + 1)?;
        }
        // CRL and secret bags hold nothing Keel signs with: skipped, never decrypted.
    }
    Ok(())
}

/// The PKCS#8 private key of a key bag, shrouded (decrypted here) or plain.
fn read_key(
    bag: &SafeBag,
    passphrase: &str,
    budget: &mut Budget,
) -> Result<Zeroizing<Vec<u8>>, Pkcs12Error> {
    if bag.bag_id == pkcs12::PKCS_12_KEY_BAG_OID {
        let plain =
            ContextSpecific::<Any>::from_der(&bag.bag_value).map_err(malformed("key bag"))?;
        let key = plain.value.to_der().map_err(malformed("key bag"))?;
        return Ok(Zeroizing::new(key));
    }
    let shrouded = ContextSpecific::<EncryptedPrivateKeyInfo>::from_der(&bag.bag_value)
        .map_err(malformed("key bag"))?;
    let key = decrypt(
        &shrouded.value.encryption_algorithm,
        shrouded.value.encrypted_data.as_bytes(),
        passphrase,
        budget,
    )?;
    // Without a MAC, a wrong key can still unpad by chance: what it gives is not a
    // private key.
    if rsa::pkcs8::PrivateKeyInfo::try_from(key.as_slice()).is_err() {
        return Err(Pkcs12Error::WrongPassphrase);
    }
    Ok(key)
}

/// Decrypts `data` as `algorithm` says, once its derivation has been charged to `budget`.
fn decrypt(
    algorithm: &AlgorithmIdentifierOwned,
    data: &[u8],
    passphrase: &str,
    budget: &mut Budget,
) -> Result<Zeroizing<Vec<u8>>, Pkcs12Error> {
    let params = algorithm
        .parameters
        .as_ref()
        .ok_or_else(|| Pkcs12Error::Malformed("encryption without parameters".into()))?
        .to_der()
        .map_err(malformed("encryption parameters"))?;
    let oid = algorithm.oid;
    if oid == pbes2::PBES2_OID {
        let params = pbes2::Parameters::from_der(&params).map_err(malformed("PBES2 parameters"))?;
        match &params.kdf {
            pbes2::Kdf::Pbkdf2(p) => {
                budget.iterations(i64::from(p.iteration_count))?;
            }
            pbes2::Kdf::Scrypt(p) => budget.scrypt(
                p.cost_parameter,
                u64::from(p.block_size),
                u64::from(p.parallelization),
            )?,
            other => {
                return Err(Pkcs12Error::Unsupported(format!(
                    "the key derivation {}",
                    other.oid()
                )));
            }
        }
        return params
            .decrypt(passphrase, data)
            .map(Zeroizing::new)
            .map_err(|e| match e {
                // A padding failure is what a wrong key gives (`pkcs5` 0.7 reports it
                // from `decrypt` as `EncryptFailed`).
                pkcs5::Error::DecryptFailed | pkcs5::Error::EncryptFailed => {
                    Pkcs12Error::WrongPassphrase
                }
                other => Pkcs12Error::Unsupported(format!("PBES2 ({other})")),
            });
    }
    let (key_len, cipher): (usize, CbcDecrypt) =
        if oid == pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC {
            (24, |key, iv, data| {
                cbc::Decryptor::<des::TdesEde3>::new_from_slices(key, iv)
                    .ok()?
                    .decrypt_padded_vec_mut::<Pkcs7>(data)
                    .ok()
            })
        } else if oid == pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC {
            (5, rc2_cbc)
        } else if oid == pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC2_CBC {
            (16, rc2_cbc)
        } else {
            return Err(Pkcs12Error::Unsupported(format!("the scheme {oid}")));
        };
    let pbe = Pkcs12PbeParams::from_der(&params).map_err(malformed("PBE parameters"))?;
    // Two derivations (key and IV), each charged.
    let key_rounds = pkcs12_rounds(budget.iterations(i64::from(pbe.iterations))?)?;
    let iv_rounds = pkcs12_rounds(budget.iterations(i64::from(pbe.iterations))?)?;
    let salt = pbe.salt.as_bytes();
    let key = kdf::<Sha1>(
        passphrase,
        salt,
        Pkcs12KeyType::EncryptionKey,
        key_rounds,
        key_len,
    )?;
    let iv = kdf::<Sha1>(passphrase, salt, Pkcs12KeyType::Iv, iv_rounds, 8)?;
    cipher(&key, &iv, data)
        .map(Zeroizing::new)
        .ok_or(Pkcs12Error::WrongPassphrase)
}

/// A CBC decryption with key and IV; `None` when they do not fit or the padding is wrong.
type CbcDecrypt = fn(&[u8], &[u8], &[u8]) -> Option<Vec<u8>>;

/// RC2-CBC with an effective key length of the key's own length.
fn rc2_cbc(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    use cbc::cipher::KeyInit;
    let cipher = rc2::Rc2::new_from_slice(key).ok()?;
    cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(cipher, iv)
        .ok()?
        .decrypt_padded_vec_mut::<Pkcs7>(data)
        .ok()
}
