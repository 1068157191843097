//! Certificates and keys: issuing (rcgen), reading (x509-parser), key handling, PKCS#12.

pub mod cert;
pub mod crl;
pub mod identity;
pub mod issue;
pub mod keys;
pub mod p12;

/// Lowercase hex of SHA-256, as `sha256sum` prints it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes).as_ref())
}

/// The PEM blocks of a text; Err names the damage (a bad block, a BEGIN without its END).
pub fn pem_blocks(text: &[u8]) -> Result<Vec<pem::Pem>, String> {
    let blocks = pem::parse_many(text).map_err(|e| format!("is not valid PEM: {e}"))?;
    let begins = text.windows(11).filter(|w| w == b"-----BEGIN ").count();
    if blocks.len() != begins {
        return Err("is truncated or damaged: a PEM block has no matching END line".into());
    }
    Ok(blocks)
}

/// PEM with Unix line endings, as openssl writes it (the pem crate defaults to CRLF).
pub fn pem_lf(tag: &str, der: &[u8]) -> String {
    pem::encode_config(
        &pem::Pem::new(tag, der.to_vec()),
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    )
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
