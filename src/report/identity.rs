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
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::der::{Decode, Encode};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;

use crate::{Error, Result};

pub struct Identity {
    pub(super) key: RsaPrivateKey,
    /// DER of the signer's certificate, then of the rest of its chain.
    pub(super) certificates: Vec<Vec<u8>>,
    /// The certificate's common name (or its whole subject).
    pub name: String,
}

fn failed(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Conflict(format!("{what}: {e}"))
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
            return Err(Error::Conflict(
                "a signing identity needs the signer's name".into(),
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
    pub fn from_pkcs12(bytes: &[u8], passphrase: &str) -> Result<Identity> {
        let store = KeyStore::from_pkcs12(bytes, passphrase).map_err(|_| {
            Error::Conflict(
                "the signing identity could not be opened: wrong passphrase, or not a PKCS#12 file"
                    .into(),
            )
        })?;
        let (_, chain) = store
            .private_key_chain()
            .ok_or_else(|| Error::Conflict("the PKCS#12 file holds no private key".into()))?;
        let key = RsaPrivateKey::from_pkcs8_der(chain.key()).map_err(|_| {
            Error::Conflict(
                "Keel signs with RSA keys; this identity's key is of another kind".into(),
            )
        })?;
        let certificates: Vec<Vec<u8>> =
            chain.chain().iter().map(|c| c.as_der().to_vec()).collect();
        let leaf = certificates
            .first()
            .ok_or_else(|| Error::Conflict("the PKCS#12 file holds no certificate".into()))?;
        let cert =
            Certificate::from_der(leaf).map_err(|e| failed("the certificate does not read", e))?;
        let public = rsa::pkcs8::EncodePublicKey::to_public_key_der(&key.to_public_key())
            .map_err(|e| failed("public key", e))?;
        let in_cert = cert
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .map_err(|e| failed("certificate key", e))?;
        if public.as_bytes() != in_cert.as_slice() {
            return Err(Error::Conflict(
                "the key and the certificate in this file do not belong together".into(),
            ));
        }
        let name = cert.tbs_certificate.subject.to_string();
        let cn = name
            .split(',')
            .find_map(|part| part.trim().strip_prefix("CN="))
            .map(str::to_owned)
            .unwrap_or(name);
        Ok(Identity {
            key,
            certificates,
            name: cn,
        })
    }

    /// The identity as a PKCS#12 file protected by `passphrase`.
    pub fn to_pkcs12(&self, passphrase: &str) -> Result<Vec<u8>> {
        if passphrase.chars().count() < 8 {
            return Err(Error::Conflict(
                "a passphrase for a signing key needs at least 8 characters".into(),
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
