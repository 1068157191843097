//! Certificates and keys: issuing (rcgen), reading (x509-parser), key handling, PKCS#12.

pub mod cert;
pub mod issue;
pub mod keys;
pub mod p12;

/// Lowercase hex of SHA-256, as `sha256sum` prints it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes).as_ref())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
