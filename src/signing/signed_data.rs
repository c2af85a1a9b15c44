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

#[cfg(test)]
mod tests {
    use cms::content_info::ContentInfo;
    use cms::signed_data::SignedData;
    use rsa::pkcs1v15::VerifyingKey;
    use rsa::signature::Verifier;

    use super::*;

    const MODERN: &[u8] = include_bytes!("../../tests/fixtures/signer-modern.p12");
    const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
    const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
    const ID_MESSAGE_DIGEST: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
    const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");

    fn identity() -> Identity {
        Identity::from_pkcs12(MODERN, "fixture-passphrase").expect("the fixture identity")
    }

    fn signed_data(der: &[u8]) -> SignedData {
        let info = ContentInfo::from_der(der).expect("a ContentInfo");
        assert_eq!(info.content_type, ID_SIGNED_DATA);
        info.content.decode_as().expect("SignedData")
    }

    /// The one value of signed attribute `oid`, or `None` when it is absent.
    fn attribute(attrs: &x509_cert::attr::Attributes, oid: ObjectIdentifier) -> Option<Any> {
        let found = attrs.iter().find(|a| a.oid == oid)?;
        assert_eq!(found.values.len(), 1);
        found.values.iter().next().cloned()
    }

    #[test]
    fn the_signed_data_is_detached_over_our_digest_names_its_certificate_and_has_no_time() {
        let identity = identity();
        let digest = Sha256::digest(b"the byte ranges of a PDF").into();
        let data = signed_data(&detached(&digest, &identity).expect("signed"));

        assert_eq!(data.encap_content_info.econtent_type, ID_DATA);
        assert!(data.encap_content_info.econtent.is_none());
        assert_eq!(data.digest_algorithms.len(), 1);
        let signers = data.signer_infos.0.as_slice();
        assert_eq!(signers.len(), 1);
        let signer = &signers[0];
        assert_eq!(signer.digest_alg.oid, ID_SHA256);
        let attrs = signer.signed_attrs.as_ref().expect("signed attributes");
        assert_eq!(attrs.len(), 3);

        let content_type = attribute(attrs, ID_CONTENT_TYPE).expect("contentType");
        assert_eq!(
            content_type.decode_as::<ObjectIdentifier>().expect("oid"),
            ID_DATA
        );
        let message_digest = attribute(attrs, ID_MESSAGE_DIGEST).expect("messageDigest");
        let message_digest = message_digest.decode_as::<OctetString>().expect("octets");
        assert_eq!(message_digest.as_bytes(), digest.as_slice());
        assert!(attribute(attrs, ID_SIGNING_TIME).is_none());

        let ess = attribute(attrs, ID_AA_SIGNING_CERTIFICATE_V2).expect("signingCertificateV2");
        let ess = ess.decode_as::<SigningCertificateV2>().expect("ESS");
        let leaf = Certificate::from_der(identity.certificate()).expect("leaf");
        assert_eq!(ess.certs.len(), 1);
        assert_eq!(
            ess.certs[0].cert_hash.as_bytes(),
            Sha256::digest(identity.certificate()).as_slice()
        );
        assert_eq!(
            ess.certs[0].issuer_serial.serial_number,
            leaf.tbs_certificate.serial_number
        );

        // RSA PKCS#1 v1.5 with SHA-256 over the DER SET OF the signed attributes.
        let key = VerifyingKey::<Sha256>::new(identity.key.to_public_key());
        let signature = Signature::try_from(signer.signature.as_bytes()).expect("signature");
        key.verify(&attrs.to_der().expect("der"), &signature)
            .expect("the signature verifies");
    }

    #[test]
    fn each_certificate_goes_in_once_and_one_that_does_not_read_is_left_out() {
        let fixture = identity();
        let leaf = fixture.certificate().to_vec();
        let identity = Identity {
            key: fixture.key,
            certificates: vec![leaf.clone(), leaf, b"not a certificate".to_vec()],
            name: fixture.name,
        };
        let data = signed_data(&detached(&[0; 32], &identity).expect("signed"));
        let certificates = data.certificates.expect("certificates");
        assert_eq!(certificates.0.len(), 1);
    }
}
