//! The issuer's own life: created on first need, replaced by a new one (`issuer rotate`) or by
//! an existing CA (`issuer import`). A replaced issuer stays trusted while certificates it
//! signed live.

use anyhow::{Result, bail};
use chrono::{DateTime, Duration, Utc};

use crate::error::usage;
use crate::model::KeyType;
use crate::pki::cert::{CertInfo, parse_der, to_pem};
use crate::pki::identity::Identity;
use crate::pki::issue::{Issued, Signer, create_issuer};
use crate::state::{IssuerRecord, State};

/// The store's issuer, created now if there is none yet.
pub fn ensure_issuer(state: &mut State, now: DateTime<Utc>) -> Result<&IssuerRecord> {
    // An issuer this token may not read is not missing: never make a second one.
    state.ensure_readable("issuer")?;
    if state.issuer.is_none()
        && let Some(orphan) = state
            .certificates
            .iter()
            .find(|c| c.chain_pem.is_none() && state.issuer_of(c).is_none())
    {
        // Its issuer was lost (an entry deleted by hand): a new one would sign certificates
        // nothing else chains to, and revoke nothing.
        return Err(crate::error::state(format!(
            "the issuer is missing, but {} (and maybe others) was signed by {}",
            orphan.variable, orphan.issuer
        ))
        .hint("restore the issuer (the secret store keeps earlier versions of its entry, or a backup of the file), or bring it back with 'mtlsctl issuer import'")
        .into());
    }
    if state.issuer.is_none() {
        let issued = create_issuer(now, KeyType::EcP256, None)?;
        state.issuer = Some(record(issued, now));
    }
    Ok(state.issuer.as_ref().expect("the issuer was just created"))
}

/// The issuer as the signing code takes it.
pub fn signer(issuer: &IssuerRecord) -> Signer<'_> {
    Signer {
        cert_pem: &issuer.cert_pem,
        key_pem: &issuer.key_pem,
        not_after: issuer.not_after,
    }
}

/// A new issuer replaces the current one, which stays trusted while its certificates live.
pub fn rotate_issuer(
    state: &mut State,
    key_type: KeyType,
    days: Option<i64>,
    now: DateTime<Utc>,
) -> Result<IssuerRecord> {
    let issued = create_issuer(now, key_type, days)?;
    replace_issuer(state, record(issued, now));
    Ok(state.issuer.clone().expect("the issuer was just set"))
}

/// What to say after the issuer changed: a short-lived issuer refuses certificates that
/// would outlive it, and a CRL file written before has no CRL of the new one.
pub fn after_new_issuer(
    state: &State,
    default_validity_days: i64,
    now: DateTime<Utc>,
) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(issuer) = &state.issuer
        && issuer.not_after - now < Duration::days(default_validity_days)
    {
        notes.push(format!(
            "the issuer expires in {} days: certificates of the default {default_validity_days} days are refused (give shorter --validity, or rotate it with a longer one)",
            (issuer.not_after - now).num_days()
        ));
    }
    if let Some(written) = state.crl.as_ref().and_then(|c| c.written.as_ref()) {
        notes.push(format!(
            "{} has no CRL of the new issuer, and nginx refuses its certificates without one: write it again with 'mtlsctl issuer crl --out {}'",
            written.path.display(),
            written.path.display()
        ));
    }
    notes
}

/// An existing CA (mkcert's, step's, your PKI's) becomes the issuer. It must be a CA that may
/// sign certificates, not expired; the key was matched to it when it was read. Returns the new
/// issuer and what to warn about (no right to sign CRLs, an intermediate without its chain, a
/// validity not begun); `after_new_issuer` says the rest.
pub fn import_issuer(
    state: &mut State,
    ca: &Identity,
    now: DateTime<Utc>,
) -> Result<(IssuerRecord, Vec<String>)> {
    let what = &ca.cert_what;
    let info = CertInfo::from_der(&ca.chain[0])?;
    let (cert_sign, crl_sign) = key_usage(&ca.chain[0])?;
    check_ca(&info, cert_sign, what, now)?;
    if state.issuers().any(|issuer| issuer.sha256 == info.sha256) {
        bail!(usage(format!(
            "the CA {} is already an issuer of this store",
            info.subject
        )));
    }
    let mut warnings = import_warnings(&info, crl_sign);
    if !info.self_signed && ca.chain.len() == 1 {
        warnings.push(format!(
            "the CA {} is an intermediate given without the certificates above it: servers that trust only the root cannot verify its certificates; import it with its chain (--cert FILE holding it, then its issuers, or --chain FILE)",
            info.subject
        ));
    }
    if info.not_before > now {
        warnings.push(format!(
            "the CA {} is not valid until {}: certificates it signs are refused until then",
            info.subject,
            crate::text::short_time(info.not_before)
        ));
    }
    let record = IssuerRecord {
        created: now,
        subject: info.subject.clone(),
        not_before: info.not_before,
        not_after: info.not_after,
        serial: info.serial.clone(),
        sha256: info.sha256.clone(),
        // The CA and the intermediates above it: what clients send after their certificate.
        cert_pem: to_pem(&ca.chain),
        key_pem: ca.key.pkcs8_pem.clone(),
        key_type: Some(info.key_type),
    };
    replace_issuer(state, record);
    Ok((
        state.issuer.clone().expect("the issuer was just set"),
        warnings,
    ))
}

fn import_warnings(info: &CertInfo, crl_sign: bool) -> Vec<String> {
    let mut warnings = Vec::new();
    if !crl_sign {
        warnings.push(format!(
            "the CA {} may not sign CRLs (its key usage lacks cRLSign): 'mtlsctl issuer crl' will refuse, so revocations reach no server",
            info.subject
        ));
    }
    warnings
}

/// Whether a CA certificate may sign certificates and CRLs (no key usage extension: both).
fn key_usage(der: &[u8]) -> Result<(bool, bool)> {
    let cert = parse_der(der)?;
    Ok(match cert.key_usage().ok().flatten() {
        Some(usage) => (usage.value.key_cert_sign(), usage.value.crl_sign()),
        None => (true, true),
    })
}

/// Make `new` the issuer; the one it replaces is kept first among the previous ones.
fn replace_issuer(state: &mut State, new: IssuerRecord) {
    if let Some(old) = state.issuer.replace(new) {
        state.previous_issuers.insert(0, old);
    }
}

/// The issuers servers must trust now: the current one, then each previous one while a
/// certificate it signed has not expired.
pub fn trusted_issuers(state: &State, now: DateTime<Utc>) -> Vec<&IssuerRecord> {
    let signed_live = |issuer: &IssuerRecord| {
        state
            .certificates
            .iter()
            .any(|c| c.issuer == issuer.subject && c.not_after > now && c.chain_pem.is_none())
    };
    state
        .issuer
        .iter()
        .chain(state.previous_issuers.iter().filter(|i| signed_live(i)))
        .collect()
}

fn record(issued: Issued, now: DateTime<Utc>) -> IssuerRecord {
    IssuerRecord {
        created: now,
        key_type: Some(issued.info.key_type.clone()),
        subject: issued.info.subject,
        not_before: issued.info.not_before,
        not_after: issued.info.not_after,
        serial: issued.info.serial,
        sha256: issued.info.sha256,
        cert_pem: issued.cert_pem,
        key_pem: issued.key_pem,
    }
}

/// A CA that may sign certificates now.
fn check_ca(info: &CertInfo, cert_sign: bool, what: &str, now: DateTime<Utc>) -> Result<()> {
    if !info.is_ca {
        bail!(
            usage(format!(
                "{what} holds {}, which is not a CA certificate (basicConstraints CA:TRUE)",
                info.subject
            ))
            .hint("give the CA's certificate, not a certificate it issued")
        );
    }
    if !cert_sign {
        bail!(usage(format!(
            "{what}: the CA {} may not sign certificates (its key usage lacks keyCertSign)",
            info.subject
        )));
    }
    if info.not_after <= now {
        bail!(usage(format!(
            "{what}: the CA {} expired on {}",
            info.subject,
            crate::text::short_time(info.not_after)
        )));
    }
    Ok(())
}
