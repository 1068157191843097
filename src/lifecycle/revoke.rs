//! Revocation: a revoked certificate is never used again, and the issuers' CRLs list every
//! revoked certificate they signed until it expires.

use anyhow::{Result, bail};
use chrono::{DateTime, Duration, Utc};

use super::issuer::{signer, trusted_issuers};
use crate::error::usage;
use crate::model::RevokeReason;
use crate::pki::crl::{Revoked, sign_crl};
use crate::state::{CertRecord, CrlRecord, CrlWritten, IssuerRecord, Revocation, State};

/// Revoke a certificate that is not its environment's current one. Returns it, or None when it
/// was already revoked (nothing changes then).
pub fn revoke(
    state: &mut State,
    id: &str,
    reason: RevokeReason,
    now: DateTime<Utc>,
) -> Result<Option<CertRecord>> {
    let cert = state
        .cert_by_id(id)
        .cloned()
        .ok_or_else(|| usage(format!("there is no certificate '{id}'")))?;
    if cert.revoked.is_some() {
        return Ok(None);
    }
    let env = &cert.environment;
    if state.environment(env)?.current_cert.as_deref() == Some(cert.id.as_str()) {
        bail!(
            usage(format!(
                "{} ({}) is {env}'s current certificate: revoking it would leave {env} with none",
                cert.id, cert.variable
            ))
            .hint(format!(
                "pass --rotate to issue a new one first (then deploy it), or select another with 'mtlsctl cert select {env} CERT'"
            ))
        );
    }
    let revoked = state
        .certificates
        .iter_mut()
        .find(|c| c.id == cert.id)
        .expect("the certificate was just found");
    revoked.revoked = Some(Revocation { at: now, reason });
    // What the target holds may be this certificate: it is no longer deployed as far as
    // anyone should rely on.
    let environment = state.environment_mut(env)?;
    if environment.deployed_cert.as_deref() == Some(cert.id.as_str()) {
        environment.deployed_cert = None;
    }
    Ok(state.cert_by_id(&cert.id).cloned())
}

/// Whether `cert` was signed by this store (so that a CRL of ours lists it); imported
/// certificates are revoked by their own CA.
pub fn in_our_crl(state: &State, cert: &CertRecord, now: DateTime<Utc>) -> bool {
    cert.chain_pem.is_none() && state.issuer_of(cert).is_some() && cert.not_after > now
}

/// The CRLs of every issuer still trusted, one PEM after another (the current issuer's first),
/// under the next CRL number.
pub struct Crls {
    pub pem: String,
    pub number: u64,
    pub this_update: DateTime<Utc>,
    pub next_update: DateTime<Utc>,
    /// Revoked certificates listed, over all CRLs.
    pub listed: usize,
    /// Issuers that could not sign a CRL (no cRLSign), and why.
    pub unsigned: Vec<String>,
}

/// New CRLs, numbered one past the last; the number is recorded so that it only grows.
pub fn make_crls(state: &mut State, valid_for: Duration, now: DateTime<Utc>) -> Result<Crls> {
    let number = state.crl.as_ref().map_or(0, |c| c.number) + 1;
    let crls = sign_all(state, number, now, now + valid_for)?;
    let written = state.crl.as_ref().and_then(|c| c.written.clone());
    state.crl = Some(CrlRecord { number, written });
    Ok(crls)
}

/// The CRLs as `serve` checks client certificates against them: signed now, under the last
/// number, never recorded.
pub fn crls_for_checking(state: &State, now: DateTime<Utc>) -> Result<Vec<Vec<u8>>> {
    if state.certificates.iter().all(|c| c.revoked.is_none()) {
        return Ok(Vec::new());
    }
    let number = state.crl.as_ref().map_or(0, |c| c.number);
    let crls = sign_all(state, number, now, now + Duration::days(1))?;
    Ok(pem::parse_many(crls.pem.as_bytes())?
        .into_iter()
        .map(|block| block.into_contents())
        .collect())
}

/// Where the last CRL was written, for `expiry` to watch its next update.
pub fn record_written(state: &mut State, path: std::path::PathBuf, crls: &Crls) {
    let number = state.crl.as_ref().map_or(crls.number, |c| c.number);
    state.crl = Some(CrlRecord {
        number,
        written: Some(CrlWritten {
            path,
            this_update: crls.this_update,
            next_update: crls.next_update,
        }),
    });
}

fn sign_all(
    state: &State,
    number: u64,
    this_update: DateTime<Utc>,
    next_update: DateTime<Utc>,
) -> Result<Crls> {
    state.ensure_readable("issuer")?;
    let issuers = trusted_issuers(state, this_update);
    if issuers.is_empty() {
        bail!(usage("there is no issuer yet: nothing to sign a CRL with")
            .hint("the issuer is created with the first environment ('mtlsctl env create'), or brought with 'mtlsctl issuer import'"));
    }
    let mut crls = Crls {
        pem: String::new(),
        number,
        this_update,
        next_update,
        listed: 0,
        unsigned: Vec::new(),
    };
    for issuer in issuers {
        let revoked = revoked_by(state, issuer, this_update);
        match sign_crl(&signer(issuer), &revoked, number, this_update, next_update) {
            Ok(pem) => {
                crls.listed += revoked.len();
                crls.pem.push_str(&pem);
            }
            Err(error) => crls.unsigned.push(format!(
                "the issuer {} cannot sign a CRL ({})",
                issuer.subject,
                error.root_cause()
            )),
        }
    }
    if crls.pem.is_empty() {
        bail!(
            usage(format!("no CRL could be signed: {}", crls.unsigned.join("; ")))
                .hint("an issuer needs the cRLSign key usage to sign CRLs: 'mtlsctl issuer rotate' makes one that has it")
        );
    }
    Ok(crls)
}

/// The revoked, unexpired certificates `issuer` signed.
fn revoked_by<'a>(state: &'a State, issuer: &IssuerRecord, now: DateTime<Utc>) -> Vec<Revoked<'a>> {
    state
        .certificates
        .iter()
        .filter(|c| c.chain_pem.is_none() && c.issuer == issuer.subject && c.not_after > now)
        .filter_map(|c| {
            c.revoked.as_ref().map(|r| Revoked {
                serial: &c.serial,
                at: r.at,
                reason: r.reason,
            })
        })
        .collect()
}
