//! Signing identities: an RSA key with its X.509 certificate (and any chain), kept in a
//! PKCS#12 file protected by a passphrase. Keel makes one with a self-signed
//! certificate for a facilitator, or reads one an organisation issued.

use std::str::FromStr;
use std::time::Duration;

use p12_keystore::{Certificate as P12Certificate, KeyStore, KeyStoreEntry, PrivateKeyChain};
use rsa::RsaPrivateKey;
use rsa::pkcs1v15::{Signature, SigningKey};
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use rsa::rand_core::{OsRng, RngCore};
use serde::{Deserialize, Deserializer};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::{Decode, Encode};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;
use zeroize::Zeroizing;

use super::pkcs12;
use crate::{Error, Result};

/// A passphrase as typed: never shown by `Debug`, wiped from memory when dropped.
/// Dereferences to `&str` for the one call that needs it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Passphrase {
        Passphrase(Zeroizing::new(text.into()))
    }

    /// The passphrase in the first line of `text` (a passphrase file), without its line
    /// ending. `text` itself is the caller's to wipe.
    pub fn first_line(text: &str) -> Passphrase {
        Passphrase::new(text.lines().next().unwrap_or(""))
    }
}

impl std::ops::Deref for Passphrase {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

impl<'de> Deserialize<'de> for Passphrase {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(deserializer).map(Passphrase::new)
    }
}

pub struct Identity {
    /// Wiped when dropped (`rsa` zeroizes its private parts).
    pub(super) key: RsaPrivateKey,
    /// DER of the signer's certificate, then of the rest of its chain.
    pub(super) certificates: Vec<Vec<u8>>,
    /// The certificate's common name (or its whole subject).
    pub name: String,
}

fn failed(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Signing(format!("{what}: {e}"))
}

/// RFC 4514 value escaping for a name typed by a person.
fn escape(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.trim().chars().enumerate() {
        if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=')
            || (i == 0 && matches!(c, '#' | ' '))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Identity {
    /// A new RSA-3072 key and a self-signed certificate for `name` at `organisation`,
    /// valid for five years.
    pub fn generate(name: &str, organisation: &str) -> Result<Identity> {
        if name.trim().is_empty() {
            return Err(Error::invalid(
                "name",
                "Type the signer's name: the certificate carries it.",
            ));
        }
        let key = RsaPrivateKey::new(&mut OsRng, 3072)
            .map_err(|e| failed("the key could not be made", e))?;
        let signer = SigningKey::<Sha256>::new(key.clone());
        let mut subject = format!("CN={}", escape(name));
        if !organisation.trim().is_empty() {
            subject.push_str(&format!(",O={}", escape(organisation)));
        }
        let subject = Name::from_str(&subject)
            .map_err(|e| failed("the name does not fit a certificate", e))?;
        let spki = SubjectPublicKeyInfoOwned::from_key(key.to_public_key())
            .map_err(|e| failed("the public key could not be encoded", e))?;
        let mut serial = [0u8; 16];
        OsRng.fill_bytes(&mut serial);
        serial[0] = (serial[0] & 0x7f) | 0x01;
        let builder = CertificateBuilder::new(
            Profile::Leaf {
                issuer: subject.clone(),
                enable_key_agreement: false,
                enable_key_encipherment: false,
            },
            SerialNumber::new(&serial).map_err(|e| failed("serial", e))?,
            Validity::from_now(Duration::from_secs(5 * 365 * 86_400))
                .map_err(|e| failed("validity", e))?,
            subject,
            spki,
            &signer,
        )
        .map_err(|e| failed("the certificate could not be made", e))?;
        let certificate: Certificate = builder
            .build::<Signature>()
            .map_err(|e| failed("the certificate could not be signed", e))?;
        let der = certificate.to_der().map_err(|e| failed("certificate", e))?;
        Ok(Identity {
            key,
            certificates: vec![der],
            name: name.trim().to_owned(),
        })
    }

    /// Reads a PKCS#12 file (modern AES or legacy 3DES/RC2); only RSA keys sign.
    ///
    /// Pure and total: any bytes give `Ok` or `Err`, never a panic, and a file that asks
    /// for absurd key-derivation work is refused before any is done (see
    /// [`pkcs12::read`]). A wrong passphrase is a refusal of the `passphrase` field.
    pub fn from_pkcs12(bytes: &[u8], passphrase: &str) -> Result<Identity> {
        let contents = pkcs12::read(bytes, passphrase)?;
        if contents.keys.is_empty() {
            return Err(Error::Signing(
                "the PKCS#12 file holds no private key; export the identity again with its key"
                    .into(),
            ));
        }
        // The signer's certificate is the one whose public key is the private key's.
        // Each certificate is read once (a file holds at most a few dozen).
        let readable: Vec<(&Vec<u8>, Certificate, Vec<u8>)> = contents
            .certificates
            .iter()
            .filter_map(|der| {
                let cert = Certificate::from_der(der).ok()?;
                let spki = cert.tbs_certificate.subject_public_key_info.to_der().ok()?;
                Some((der, cert, spki))
            })
            .collect();
        let mut rsa_key_found = false;
        for der in &contents.keys {
            let Ok(key) = RsaPrivateKey::from_pkcs8_der(der) else {
                continue;
            };
            rsa_key_found = true;
            let public = rsa::pkcs8::EncodePublicKey::to_public_key_der(&key.to_public_key())
                .map_err(|e| failed("public key", e))?;
            let leaf = readable
                .iter()
                .find(|(_, _, spki)| spki.as_slice() == public.as_bytes())
                .map(|(der, cert, _)| (*der, cert));
            let Some((leaf_der, cert)) = leaf else {
                continue;
            };
            let mut certificates = vec![leaf_der.clone()];
            certificates.extend(
                contents
                    .certificates
                    .iter()
                    .filter(|c| *c != leaf_der)
                    .cloned(),
            );
            let name = cert.tbs_certificate.subject.to_string();
            let cn = name
                .split(',')
                .find_map(|part| part.trim().strip_prefix("CN="))
                .map(str::to_owned)
                .unwrap_or(name);
            return Ok(Identity {
                key,
                certificates,
                name: cn,
            });
        }
        Err(Error::Signing(if !rsa_key_found {
            "Keel signs with RSA keys; this identity's key is of another kind".into()
        } else if contents.certificates.is_empty() {
            "the PKCS#12 file holds no certificate; export the identity again with its certificate"
                .into()
        } else {
            "the key and the certificates in this file do not belong together".into()
        }))
    }

    /// The identity as a PKCS#12 file protected by `passphrase`.
    pub fn to_pkcs12(&self, passphrase: &str) -> Result<Vec<u8>> {
        if passphrase.chars().count() < 8 {
            return Err(Error::invalid(
                "passphrase",
                "A passphrase for a signing key needs at least 8 characters.",
            ));
        }
        let key = self.key.to_pkcs8_der().map_err(|e| failed("key", e))?;
        let certs = self
            .certificates
            .iter()
            .map(|der| P12Certificate::from_der(der).map_err(|e| failed("certificate", e)))
            .collect::<Result<Vec<_>>>()?;
        let local_id = Sha256::digest(&self.certificates[0]);
        let chain = PrivateKeyChain::new(key.as_bytes(), &local_id[..20], certs);
        let mut store = KeyStore::new();
        store.add_entry("keel", KeyStoreEntry::PrivateKeyChain(chain));
        store
            .writer(passphrase)
            .write()
            .map_err(|e| failed("the PKCS#12 file could not be written", e))
    }

    /// The signer's certificate, DER.
    pub fn certificate(&self) -> &[u8] {
        &self.certificates[0]
    }
}
