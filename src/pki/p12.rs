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
    let archive = Pkcs12Archive::from_pkcs12(bytes, password).or_else(|error| {
        // No password given: OpenSSL writes "no password" as a zero-length one, which is not
        // the empty string (two zero bytes) the library derives; try that as OpenSSL does.
        match password.is_empty() {
            true => without_absent_password_mac(bytes)
                .map(|unsealed| Pkcs12Archive::from_pkcs12(&unsealed, ""))
                .unwrap_or(Err(error)),
            false => Err(error),
        }
    });
    let archive = archive.map_err(|e| {
        let cause = e.to_string();
        let lower = cause.to_ascii_lowercase();
        if lower.contains("mac") || lower.contains("unpad") {
            let failure = usage(format!("cannot open {what}: wrong PKCS#12 password"));
            if password.is_empty() {
                failure.hint("it needs a password: give it with --password-file FILE (a bundle encrypted under an absent password cannot be read here; re-export it with one)")
            } else {
                failure.hint("give the right password with --password-file FILE")
            }
        } else if lower.contains("algorithm") || lower.contains("unsupported") {
            usage(format!(
                "{what} is encrypted with a scheme mtlsctl cannot read ({cause})"
            ))
            .hint("re-export it with AES-256 (openssl pkcs12 -export, OpenSSL 3's default)")
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

/// The bundle without its MAC, when the MAC verifies under an absent (zero-length) password;
/// None when it does not.
fn without_absent_password_mac(bytes: &[u8]) -> Option<Vec<u8>> {
    use der::{Decode, Encode};
    use pkcs12::kdf::{Pkcs12KeyType, derive_key};
    let mut pfx = pkcs12::pfx::Pfx::from_der(bytes).ok()?;
    let mac = pfx.mac_data.take()?;
    if !(1..=10_000_000).contains(&mac.iterations) {
        return None;
    }
    let salt = mac.mac_salt.as_bytes();
    let (algorithm, key) = match mac.mac.algorithm.oid.to_string().as_str() {
        "1.3.14.3.2.26" => (
            aws_lc_rs::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            derive_key::<sha1::Sha1>(&[], salt, Pkcs12KeyType::Mac, mac.iterations, 20),
        ),
        "2.16.840.1.101.3.4.2.1" => (
            aws_lc_rs::hmac::HMAC_SHA256,
            derive_key::<sha2::Sha256>(&[], salt, Pkcs12KeyType::Mac, mac.iterations, 32),
        ),
        _ => return None,
    };
    let key = aws_lc_rs::hmac::Key::new(algorithm, &key);
    aws_lc_rs::hmac::verify(
        &key,
        pfx.auth_safe.content.value(),
        mac.mac.digest.as_bytes(),
    )
    .ok()?;
    pfx.to_der().ok()
}
