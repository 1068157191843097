//! Private keys: generation for every key type, loading from PEM (PKCS#8, PKCS#1, SEC1) into
//! one PKCS#8 form, and the check that a key belongs to a certificate.

use anyhow::{Result, bail};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING, ECDSA_P521_SHA512_ASN1_SIGNING,
    EcdsaKeyPair,
};
use rcgen::{KeyPair, RsaKeySize};

use super::cert::parse_der;
use crate::error::usage;
use crate::model::KeyType;

pub fn generate(key_type: KeyType) -> Result<KeyPair> {
    let generated = match key_type {
        KeyType::EcP256 => KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256),
        KeyType::EcP384 => KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384),
        KeyType::Ed25519 => KeyPair::generate_for(&rcgen::PKCS_ED25519),
        KeyType::Rsa2048 => KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, RsaKeySize::_2048),
        KeyType::Rsa3072 => KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, RsaKeySize::_3072),
        KeyType::Rsa4096 => KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, RsaKeySize::_4096),
    };
    generated.map_err(|e| anyhow::anyhow!("cannot generate a {key_type} key: {e}"))
}

/// A private key in PKCS#8 form, ready to sign and to store.
pub struct PrivateKey {
    pub pair: KeyPair,
    pub pkcs8_pem: String,
}

impl PrivateKey {
    pub fn from_pkcs8_der(der: &[u8], what: &str) -> Result<PrivateKey> {
        let der = openssl_pkcs8(der);
        let pair = KeyPair::try_from(der.as_slice()).map_err(|e| match unsupported_kind(&der) {
            Some(kind) => usage(format!(
                "{what} holds {kind} key, which TLS clients here cannot sign with"
            ))
            .hint("use an RSA, EC (P-256, P-384) or Ed25519 key and a certificate issued for it"),
            None => usage(format!("{what} is not a usable private key: {e}")),
        })?;
        Ok(PrivateKey {
            pkcs8_pem: super::pem_lf("PRIVATE KEY", &der),
            pair,
        })
    }
}

/// The PKCS#8 form every OpenSSL 3 reads: version 1 for Ed25519 (OpenSSL 3.0 fails on the
/// version 2 form, with the public key, that aws-lc writes: nginx, curl, Python and
/// `openssl pkcs12` could not load such a key); any other key as it is.
pub fn openssl_pkcs8(der: &[u8]) -> Vec<u8> {
    aws_lc_rs::signature::Ed25519KeyPair::from_pkcs8(der)
        .ok()
        .and_then(|pair| pair.to_pkcs8v1().ok())
        .map(|doc| doc.as_ref().to_vec())
        .unwrap_or_else(|| der.to_vec())
}

/// A stored private key (PEM) as it is written out, in the form every OpenSSL 3 reads; keys
/// stored by earlier versions are converted here.
pub fn openssl_key_pem(key_pem: &str) -> Result<String> {
    let der = pem::parse(key_pem)
        .map_err(|e| anyhow::anyhow!("the stored private key is unreadable: {e}"))?
        .into_contents();
    Ok(super::pem_lf("PRIVATE KEY", &openssl_pkcs8(&der)))
}

/// Load the one private key of a PEM text, or of DER (PKCS#8, SEC1 or PKCS#1). `what` names
/// its source in messages.
pub fn load_private_key(text: &[u8], what: &str) -> Result<PrivateKey> {
    load_private_key_with(text, what, None)
}

/// `load_private_key`, with the password of an encrypted PKCS#8 key (as `openssl pkcs8
/// -topk8` and step write them) when one is given.
pub fn load_private_key_with(
    text: &[u8],
    what: &str,
    password: Option<&str>,
) -> Result<PrivateKey> {
    if !text.windows(11).any(|w| w == b"-----BEGIN ") {
        return load_der_key(text, what);
    }
    let blocks = super::pem_blocks(text).map_err(|damage| usage(format!("{what} {damage}")))?;
    let block = the_key_block(&blocks, what)?;
    if block.tag() == "ENCRYPTED PRIVATE KEY" {
        return decrypt_pkcs8(block.contents(), what, password);
    }
    if block
        .headers()
        .get("Proc-Type")
        .is_some_and(|v| v.contains("ENCRYPTED"))
    {
        bail!(
            usage(format!("{what} holds a private key encrypted in OpenSSL's traditional form")).hint(
                "convert it to encrypted PKCS#8: 'openssl pkcs8 -topk8 -in old.key -out new.key' (or decrypt it, keeping the result private)"
            )
        );
    }
    let der = block.contents();
    let pkcs8 = match block.tag() {
        "PRIVATE KEY" => der.to_vec(),
        "EC PRIVATE KEY" => sec1_to_pkcs8(der)
            .ok_or_else(|| usage(format!("{what} holds an EC key that cannot be read")))?,
        "RSA PRIVATE KEY" => aws_lc_rs::rsa::KeyPair::from_der(der)
            .ok()
            .and_then(|k| k.as_der().ok())
            .map(|d| d.as_ref().to_vec())
            .ok_or_else(|| usage(format!("{what} holds an RSA key that cannot be read")))?,
        "DSA PRIVATE KEY" => bail!(dsa_refused(what)),
        other => bail!(usage(format!(
            "{what} holds an unsupported key type ({other})"
        ))),
    };
    if is_dsa_pkcs8(&pkcs8) {
        bail!(dsa_refused(what));
    }
    PrivateKey::from_pkcs8_der(&pkcs8, what)
}

/// The one private key block of a PEM text, or why there is none.
fn the_key_block<'a>(blocks: &'a [pem::Pem], what: &str) -> Result<&'a pem::Pem> {
    let keys: Vec<&pem::Pem> = blocks
        .iter()
        .filter(|b| b.tag().ends_with("PRIVATE KEY"))
        .collect();
    let block = match keys.as_slice() {
        [one] => *one,
        [] if blocks.iter().any(|b| b.tag() == "CERTIFICATE") => bail!(usage(format!(
            "{what} holds a certificate, not a private key"
        ))),
        [] if blocks.is_empty() => bail!(usage(format!(
            "{what} holds no PEM private key (no '-----BEGIN PRIVATE KEY-----' block)"
        ))),
        [] => bail!(usage(format!(
            "{what} holds no private key, only: {}",
            blocks
                .iter()
                .map(|b| b.tag())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        _ => bail!(usage(format!(
            "{what} holds {} private keys; give one",
            keys.len()
        ))),
    };
    Ok(block)
}

/// An encrypted PKCS#8 key (PBES2), opened with its password.
fn decrypt_pkcs8(der: &[u8], what: &str, password: Option<&str>) -> Result<PrivateKey> {
    let Some(password) = password else {
        bail!(
            usage(format!("{what} holds an encrypted private key")).hint(
                "give its password with --password-file FILE (request also takes --pass file:PATH or env:NAME)"
            )
        );
    };
    let encrypted = pkcs8::EncryptedPrivateKeyInfoRef::try_from(der)
        .map_err(|e| usage(format!("{what} holds a damaged encrypted key: {e}")))?;
    let plain = encrypted.decrypt(password).map_err(|_| {
        usage(format!(
            "cannot open {what}: wrong password, or an encryption scheme mtlsctl cannot read"
        ))
    })?;
    PrivateKey::from_pkcs8_der(plain.as_bytes(), what)
}

/// A DER key: PKCS#8 first, then the EC (SEC1) and RSA (PKCS#1) forms.
fn load_der_key(der: &[u8], what: &str) -> Result<PrivateKey> {
    if is_dsa_pkcs8(der) {
        bail!(dsa_refused(what));
    }
    // The specific forms first: a PKCS#8 reader may take SEC1 bytes but keep them as they are.
    let pkcs8 = sec1_to_pkcs8(der)
        .or_else(|| {
            aws_lc_rs::rsa::KeyPair::from_der(der)
                .ok()
                .and_then(|k| k.as_der().ok())
                .map(|d| d.as_ref().to_vec())
        })
        .or_else(|| {
            PrivateKey::from_pkcs8_der(der, what)
                .ok()
                .map(|_| der.to_vec())
        });
    match pkcs8 {
        Some(pkcs8) => PrivateKey::from_pkcs8_der(&pkcs8, what),
        None => bail!(usage(format!(
            "{what} holds no PEM private key (no '-----BEGIN PRIVATE KEY-----' block), nor a DER one (PKCS#8, SEC1 or PKCS#1)"
        ))),
    }
}

/// Key kinds OpenSSL has and rustls cannot sign with, named by their algorithm in PKCS#8.
fn unsupported_kind(der: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 4] = [
        (&[0x06, 0x03, 0x2b, 0x65, 0x71], "an Ed448"),
        (
            &[
                0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a,
            ],
            "an RSA-PSS",
        ),
        (&[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a], "a secp256k1"),
        (&[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23], "a P-521"),
    ];
    let head = &der[..der.len().min(64)];
    KINDS
        .iter()
        .find(|(oid, _)| head.windows(oid.len()).any(|w| w == *oid))
        .map(|(_, kind)| *kind)
}

/// PKCS#8 whose algorithm is DSA (1.2.840.10040.4.1).
fn is_dsa_pkcs8(der: &[u8]) -> bool {
    const DSA: [u8; 9] = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];
    der.windows(DSA.len()).take(40).any(|w| w == DSA)
}

fn dsa_refused(what: &str) -> crate::error::Failure {
    usage(format!(
        "{what} holds a DSA key, which TLS 1.2 and 1.3 clients here cannot sign with (rustls signs with RSA, ECDSA and Ed25519)"
    ))
    .hint("use an RSA, EC or Ed25519 key and a certificate issued for it")
}

fn sec1_to_pkcs8(der: &[u8]) -> Option<Vec<u8>> {
    [
        &ECDSA_P256_SHA256_ASN1_SIGNING,
        &ECDSA_P384_SHA384_ASN1_SIGNING,
        &ECDSA_P521_SHA512_ASN1_SIGNING,
    ]
    .into_iter()
    .find_map(|alg| EcdsaKeyPair::from_private_key_der(alg, der).ok())
    .and_then(|pair| pair.to_pkcs8v1().ok())
    .map(|doc| doc.as_ref().to_vec())
}

/// Refuse a key that does not belong to the certificate.
pub fn ensure_matches(
    cert_der: &[u8],
    key: &KeyPair,
    cert_what: &str,
    key_what: &str,
) -> Result<()> {
    let cert = parse_der(cert_der)?;
    if cert.public_key().subject_public_key.data.as_ref() != key.public_key_raw() {
        bail!(
            usage(format!(
                "the key in {key_what} does not match the certificate in {cert_what}"
            ))
            .hint("give the private key that was generated with this certificate's request")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ed25519_keys_are_written_as_pkcs8_v1_and_others_as_they_are() {
        let generated = generate(KeyType::Ed25519).unwrap();
        let v1 = openssl_pkcs8(generated.serialized_der());
        // SEQUENCE { INTEGER 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { seed } }
        assert_eq!(v1.len(), 48, "{v1:02x?}");
        assert_eq!(&v1[..5], &[0x30, 0x2e, 0x02, 0x01, 0x00]);
        let reloaded = PrivateKey::from_pkcs8_der(generated.serialized_der(), "k").unwrap();
        assert_eq!(reloaded.pair.public_key_raw(), generated.public_key_raw());
        assert_eq!(reloaded.pair.serialized_der(), v1.as_slice());
        let ec = generate(KeyType::EcP256).unwrap();
        assert_eq!(openssl_pkcs8(ec.serialized_der()), ec.serialized_der());
    }
}
