//! PKCS#12 bundles: written with PBES2 (AES-256-CBC, HMAC-SHA256) as OpenSSL 3 does by
//! default, read with any scheme p12-keystore supports.

use anyhow::{Context, Result};
use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, Pkcs12Archive, PrivateKeyChain};

use crate::error::usage;

/// Certificates (leaf first) and, when present, the PKCS#8 key of a bundle.
pub struct Bundle {
    pub certs: Vec<Vec<u8>>,
    pub key_pkcs8: Option<Vec<u8>>,
}

pub fn write(alias: &str, chain: &[Vec<u8>], key_pkcs8: &[u8], password: &str) -> Result<Vec<u8>> {
    let certs = chain
        .iter()
        .map(|der| Certificate::from_der(der))
        .collect::<Result<Vec<_>, _>>()
        .context("cannot put the certificate into PKCS#12")?;
    let key = p12_keystore::PrivateKey::from_der(key_pkcs8)
        .context("cannot put the private key into PKCS#12")?;
    let local_key_id = crate::pki::sha256_hex(&chain[0])[..40].to_string();
    let mut store = KeyStore::new();
    store.add_entry(
        alias,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, key, certs)),
    );
    store
        .writer(password)
        .write()
        .context("cannot encode the PKCS#12 bundle")
}

pub fn read(bytes: &[u8], password: &str, what: &str) -> Result<Bundle> {
    let archive = Pkcs12Archive::from_pkcs12(bytes, password).map_err(|e| {
        let cause = e.to_string();
        if cause.to_ascii_lowercase().contains("mac") {
            usage(format!("cannot open {what}: wrong PKCS#12 password"))
                .hint("give the right password with --password-file FILE")
        } else {
            usage(format!("{what} is not a readable PKCS#12 bundle: {cause}"))
        }
    })?;
    Ok(Bundle {
        certs: archive
            .certs
            .iter()
            .map(|bag| bag.cert.as_der().to_vec())
            .collect(),
        key_pkcs8: archive.keys.first().map(|bag| bag.key.as_der().to_vec()),
    })
}
