//! The CMS SignedData of a PAdES baseline B signature, built with RustCrypto's `cms`:
//! detached (no eContent, eContentType id-data) over a SHA-256 digest Keel computed of
//! the PDF's byte ranges; signed attributes contentType, messageDigest and
//! signing-certificate-v2 (ESS, RFC 5035), and no signing time; RSA PKCS#1 v1.5 with
//! SHA-256; the signer's certificate and the rest of its chain.

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{CertificateSet, EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::oid::ObjectIdentifier;
use der::{Any, Decode, Encode, Sequence};
use rsa::pkcs1v15::{Signature, SigningKey};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::AlgorithmIdentifierOwned;

use super::failed;
use super::identity::Identity;
use crate::Result;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_AA_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies ... OPTIONAL }`
/// (RFC 5035), without policies.
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// `ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT id-sha256, certHash, issuerSerial }`.
/// The hash is SHA-256, the default, which DER leaves out.
#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber }` (RFC 5035).
#[derive(Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

/// The signing-certificate-v2 attribute naming `leaf` (DER) by its SHA-256.
fn signing_certificate_v2(leaf: &[u8], cert: &Certificate) -> der::Result<Attribute> {
    let ess = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(leaf).to_vec())?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(
                    cert.tbs_certificate.issuer.clone(),
                )],
                serial_number: cert.tbs_certificate.serial_number.clone(),
            },
        }],
    };
    Ok(Attribute {
        oid: ID_AA_SIGNING_CERTIFICATE_V2,
        values: SetOfVec::try_from(vec![Any::encode_from(&ess)?])?,
    })
}

/// The identity's certificates for the SignedData: each once (a SET OF holds no
/// duplicates), those that do not read as X.509 left out.
fn certificate_set(identity: &Identity) -> Result<Vec<CertificateChoices>> {
    let mut seen: Vec<&[u8]> = Vec::new();
    let mut out = Vec::new();
    for der in &identity.certificates {
        if seen.contains(&der.as_slice()) {
            continue;
        }
        seen.push(der);
        if let Ok(cert) = Certificate::from_der(der) {
            out.push(CertificateChoices::Certificate(cert));
        }
    }
    // The builder takes the set on trust and panics on one it cannot sort: check first.
    CertificateSet::try_from(out.clone()).map_err(failed)?;
    Ok(out)
}

/// A CMS ContentInfo (DER) holding SignedData over `digest`, the SHA-256 of the signed
/// content, detached, signed by `identity`.
pub(super) fn detached(digest: &[u8; 32], identity: &Identity) -> Result<Vec<u8>> {
    let leaf = identity.certificate();
    let cert = Certificate::from_der(leaf).map_err(failed)?;
    let content = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: None,
    };
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    };
    let signer = SigningKey::<Sha256>::new(identity.key.clone());
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    });
    // With an external digest the builder adds contentType and messageDigest itself.
    let mut signer_info =
        SignerInfoBuilder::new(&signer, sid, sha256.clone(), &content, Some(digest))
            .map_err(failed)?;
    signer_info
        .add_signed_attribute(signing_certificate_v2(leaf, &cert).map_err(failed)?)
        .map_err(failed)?;
    let mut signed_data = SignedDataBuilder::new(&content);
    signed_data.add_digest_algorithm(sha256).map_err(failed)?;
    for certificate in certificate_set(identity)? {
        signed_data.add_certificate(certificate).map_err(failed)?;
    }
    signed_data
        .add_signer_info::<_, Signature>(signer_info)
        .map_err(failed)?
        .build()
        .map_err(failed)?
        .to_der()
        .map_err(failed)
}
