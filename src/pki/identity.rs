//! A certificate with its chain and the private key that belongs to it, read from what a user
//! hands over: PEM or DER files (the key beside the certificate or in its own file, encrypted
//! PKCS#8 opened with a password) or a PKCS#12 bundle. `request`, `serve`, `cert import` and
//! `env create --host self` all read identities here.

use anyhow::Result;

use super::cert::certs_in_file;
use super::keys::{PrivateKey, ensure_matches, load_private_key_with};
use super::p12;
use crate::error::usage;

/// An input's bytes and how messages name it ("the certificate file client.pem").
pub struct Named {
    pub bytes: Vec<u8>,
    pub what: String,
}

/// A leaf certificate (first), the chain sent after it, and the leaf's private key.
pub struct Identity {
    pub chain: Vec<Vec<u8>>,
    pub key: PrivateKey,
    /// How messages name the leaf's source.
    pub cert_what: String,
}

/// The identity in a certificate file (PEM, leaf first and its chain after it, or DER), an
/// optional chain file, and the key file, or the key in the certificate's file when there is
/// no key file (as curl reads `--cert`). `password` opens an encrypted PKCS#8 key.
pub fn from_files(
    cert: &Named,
    key: Option<&Named>,
    chain: Option<&Named>,
    password: Option<&str>,
) -> Result<Identity> {
    let mut ders = certs_in_file(&cert.bytes, &cert.what)?;
    if let Some(chain) = chain {
        ders.extend(certs_in_file(&chain.bytes, &chain.what)?);
    }
    let key_source = match key {
        Some(key) => key,
        None if holds_key(&cert.bytes) => cert,
        None => {
            return Err(usage(format!("{} holds no private key", cert.what))
                .hint("give the key with --key FILE")
                .into());
        }
    };
    let key = load_private_key_with(&key_source.bytes, &key_source.what, password)?;
    ensure_matches(&ders[0], &key.pair, &cert.what, &key_source.what)?;
    Ok(Identity {
        chain: ders,
        key,
        cert_what: cert.what.clone(),
    })
}

/// The identity in a PKCS#12 bundle: its key, and the certificate that belongs to the key
/// first (whatever order the bundle keeps them in), the others after it as its chain.
pub fn from_p12(bundle: &Named, password: &str) -> Result<Identity> {
    let what = &bundle.what;
    let read = p12::read(&bundle.bytes, password, what)?;
    let key_der = read
        .key_pkcs8
        .ok_or_else(|| usage(format!("{what} holds no private key")))?;
    let key = PrivateKey::from_pkcs8_der(&key_der, what)?;
    let mut certs = read.certs;
    let leaf = certs
        .iter()
        .position(|der| ensure_matches(der, &key.pair, what, what).is_ok())
        .ok_or_else(|| {
            usage(format!(
                "the key in {what} does not match any of its certificates"
            ))
        })?;
    let leaf = certs.remove(leaf);
    certs.insert(0, leaf);
    Ok(Identity {
        chain: certs,
        key,
        cert_what: what.clone(),
    })
}

/// Whether a file holds a private key (PEM of any form, encrypted or not).
fn holds_key(bytes: &[u8]) -> bool {
    bytes.windows(12).any(|w| w == b"PRIVATE KEY-")
}
