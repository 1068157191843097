//! Certificate revocation lists, signed by the issuer, as `openssl crl -verify` and nginx's
//! `ssl_crl` read them.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use rcgen::{
    CertificateRevocationListParams, KeyIdMethod, KeyPair, RevocationReason, RevokedCertParams,
    SerialNumber,
};

use super::issue::{Signer, to_time};
use crate::model::RevokeReason;

/// One revoked certificate: its serial (hex, as stored) and when and why.
pub struct Revoked<'a> {
    pub serial: &'a str,
    pub at: DateTime<Utc>,
    pub reason: RevokeReason,
}

/// A CRL (PEM) signed by `issuer`, numbered `number`, valid from `this_update` to
/// `next_update`.
pub fn sign_crl(
    issuer: &Signer<'_>,
    revoked: &[Revoked<'_>],
    number: u64,
    this_update: DateTime<Utc>,
    next_update: DateTime<Utc>,
) -> Result<String> {
    let revoked_certs = revoked
        .iter()
        .map(|r| {
            Ok(RevokedCertParams {
                serial_number: SerialNumber::from_slice(&serial_bytes(r.serial)?),
                revocation_time: to_time(r.at)?,
                reason_code: Some(reason_code(r.reason)),
                invalidity_date: None,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let params = CertificateRevocationListParams {
        this_update: to_time(this_update)?,
        next_update: to_time(next_update)?,
        crl_number: SerialNumber::from_slice(&number.to_be_bytes()),
        issuing_distribution_point: None,
        revoked_certs,
        key_identifier_method: KeyIdMethod::Sha256,
    };
    let key = KeyPair::from_pem(issuer.key_pem).context("the stored issuer key is unusable")?;
    let signer = rcgen::Issuer::from_ca_cert_pem(issuer.cert_pem, key)
        .context("the stored issuer certificate is unusable")?;
    let crl = params.signed_by(&signer).context("cannot sign the CRL")?;
    Ok(crl
        .pem()
        .context("cannot encode the CRL")?
        .replace("\r\n", "\n"))
}

/// A stored serial (uppercase hex, as `pki::cert::serial_text` writes it) as bytes.
fn serial_bytes(serial: &str) -> Result<Vec<u8>> {
    if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_hexdigit()) {
        anyhow::bail!("the serial '{serial}' is not a positive hex number");
    }
    let even = if serial.len() % 2 == 1 {
        format!("0{serial}")
    } else {
        serial.to_string()
    };
    Ok((0..even.len())
        .step_by(2)
        .filter_map(|i| u8::from_str_radix(&even[i..i + 2], 16).ok())
        .collect())
}

fn reason_code(reason: RevokeReason) -> RevocationReason {
    match reason {
        RevokeReason::KeyCompromise => RevocationReason::KeyCompromise,
        RevokeReason::Superseded => RevocationReason::Superseded,
        RevokeReason::CessationOfOperation => RevocationReason::CessationOfOperation,
        RevokeReason::Unspecified => RevocationReason::Unspecified,
    }
}

/// What a CRL file says: for each CRL in it, its issuer and validity.
pub struct CrlFacts {
    pub issuer: String,
    pub this_update: DateTime<Utc>,
    pub next_update: Option<DateTime<Utc>>,
}

/// The CRLs of a PEM file (`X509 CRL` blocks), as `expiry` checks a written one.
pub fn read_crls(bytes: &[u8], what: &str) -> Result<Vec<CrlFacts>> {
    let blocks = super::pem_blocks(bytes).map_err(|damage| anyhow::anyhow!("{what} {damage}"))?;
    let mut crls = Vec::new();
    for block in blocks.iter().filter(|b| b.tag() == "X509 CRL") {
        let (_, crl) = x509_parser::parse_x509_crl(block.contents())
            .map_err(|_| anyhow::anyhow!("{what} holds a damaged CRL"))?;
        let time = |t: x509_parser::time::ASN1Time| {
            DateTime::<Utc>::from_timestamp(t.timestamp(), 0).unwrap_or_default()
        };
        crls.push(CrlFacts {
            issuer: super::cert::display_name(crl.issuer()),
            this_update: time(crl.last_update()),
            next_update: crl.next_update().map(time),
        });
    }
    if crls.is_empty() {
        anyhow::bail!("{what} holds no CRL");
    }
    Ok(crls)
}
