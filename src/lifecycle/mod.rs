//! The certificate lifecycle as changes to the state: the issuer created on first need, a
//! certificate issued or imported and made current. Commands and tools call these inside
//! `Store::update`.

use anyhow::{Result, bail};
use chrono::{DateTime, Utc};

use crate::duration::Validity;
use crate::error::usage;
use crate::model::{EnvRef, KeyType};
use crate::pki::cert::{CertInfo, parse_der, to_pem};
use crate::pki::hex;
use crate::pki::identity::Identity;
use crate::pki::issue::{LeafRequest, issue_leaf, random_bytes};
use crate::state::{CertRecord, State};

mod issuer;
pub mod renew;
pub mod revoke;

pub use issuer::{
    after_new_issuer, ensure_issuer, import_issuer, rotate_issuer, signer, trusted_issuers,
};

/// Issue a certificate for a managed environment and make it current.
pub fn add_issued(
    state: &mut State,
    env: &EnvRef,
    key_type: KeyType,
    validity: Validity,
    now: DateTime<Utc>,
) -> Result<CertRecord> {
    let sans = state.environment(env)?.sans.clone();
    let issuer = ensure_issuer(state, now)?;
    let request = LeafRequest {
        env,
        key_type,
        validity,
        extra_sans: &sans,
    };
    let issued = issue_leaf(&signer(issuer), &request, now)?;
    add_record(
        state,
        env,
        issued.info,
        issued.cert_pem,
        None,
        issued.key_pem,
        now,
    )
}

/// An imported certificate must be usable as a client certificate: not expired, not a CA,
/// for client authentication, and signed by the chain given with it.
fn check_imported(
    info: &CertInfo,
    ders: &[Vec<u8>],
    cert_what: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if info.not_after < now {
        bail!(
            usage(format!(
                "{} holds a certificate that expired on {}",
                cert_what,
                crate::text::short_time(info.not_after)
            ))
            .hint("get a renewed certificate from its issuer")
        );
    }
    if info.is_ca {
        bail!(usage(format!(
            "{} holds a CA certificate, not a client certificate",
            cert_what
        )));
    }
    if !info.extended_key_usage.is_empty()
        && !info
            .extended_key_usage
            .iter()
            .any(|u| u == "clientAuth" || u == "any")
    {
        bail!(usage(format!(
            "{} holds a certificate that is not for client authentication (extended key usage: {})",
            cert_what,
            info.extended_key_usage.join(", ")
        )));
    }
    if let Some(issuer_der) = ders.get(1) {
        let leaf = parse_der(&ders[0])?;
        let issuer = parse_der(issuer_der)?;
        if leaf.verify_signature(Some(issuer.public_key())).is_err() {
            bail!(
                usage(format!(
                    "the chain does not issue the certificate: {} was not signed by {}",
                    info.subject,
                    issuer.subject()
                ))
                .hint("give the intermediates in order, the leaf's issuer first")
            );
        }
    }
    Ok(())
}

/// Import a certificate obtained elsewhere (its key checked to match when it was read),
/// checked, and make it current.
pub fn add_imported(
    state: &mut State,
    env: &EnvRef,
    imported: &Identity,
    now: DateTime<Utc>,
) -> Result<CertRecord> {
    let ders = &imported.chain;
    let info = CertInfo::from_der(&ders[0])?;
    check_imported(&info, ders, &imported.cert_what, now)?;
    if let Some(known) = state.certificates.iter().find(|c| c.sha256 == info.sha256) {
        if known.revoked.is_some() {
            bail!(
                usage(format!(
                    "{} holds {}, which was revoked: a revoked certificate is never used again",
                    imported.cert_what, known.variable
                ))
                .hint("get a new certificate (and key) from its CA")
            );
        }
        if &known.environment == env {
            bail!(
                usage(format!(
                    "{} holds {}, already imported into {env}",
                    imported.cert_what, known.variable
                ))
                .hint(format!(
                    "make it current with 'mtlsctl cert select {env} {}'",
                    known.variable
                ))
            );
        }
    }
    let chain = (ders.len() > 1).then(|| to_pem(&ders[1..]));
    add_record(
        state,
        env,
        info,
        to_pem(&ders[..1]),
        chain,
        imported.key.pkcs8_pem.clone(),
        now,
    )
}

pub fn add_record(
    state: &mut State,
    env: &EnvRef,
    info: CertInfo,
    cert_pem: String,
    chain_pem: Option<String>,
    key_pem: String,
    now: DateTime<Utc>,
) -> Result<CertRecord> {
    let id = loop {
        let candidate = hex(&random_bytes::<6>()?);
        if !state
            .certificates
            .iter()
            .any(|c| c.id.starts_with(&candidate[..8]))
        {
            break candidate;
        }
    };
    let environment = state.environment_mut(env)?;
    environment.generations = environment.generations.checked_add(1).ok_or_else(|| {
        usage(format!(
            "{} has used every generation number ({}); create a new environment",
            environment.env_ref(),
            environment.generations
        ))
    })?;
    let generation = environment.generations;
    environment.current_cert = Some(id.clone());
    let record = CertRecord {
        id,
        environment: env.clone(),
        variable: env.variable(generation),
        name: format!("{} v{generation}", environment.name),
        created: now,
        not_before: info.not_before,
        not_after: info.not_after,
        serial: info.serial,
        sha256: info.sha256,
        key_type: info.key_type,
        subject: info.subject,
        issuer: info.issuer,
        sans: info.sans,
        cert_pem,
        chain_pem,
        key_pem,
        revoked: None,
    };
    state.add_certificate(record.clone());
    Ok(record)
}

/// A certificate that cannot be used yet is never silently made current: when the one in use
/// before is still valid, it stays current. Returns its variable name when it did.
pub fn keep_usable_current(
    state: &mut State,
    env: &EnvRef,
    previous: Option<String>,
    added: &CertRecord,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    if added.not_before <= now {
        return Ok(None);
    }
    let usable = previous.and_then(|id| {
        state
            .index()
            .cert(&id)
            .filter(|c| c.not_before <= now && c.not_after > now)
            .map(|c| (id.clone(), c.variable.clone()))
    });
    let Some((id, variable)) = usable else {
        return Ok(None);
    };
    state.environment_mut(env)?.current_cert = Some(id);
    Ok(Some(variable))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::model::{Host, Stage};
    use crate::state::{Environment, Property};

    #[test]
    fn a_certificate_not_valid_yet_leaves_the_usable_one_current() {
        let now = Utc::now();
        let env: EnvRef = format!("shop/{}", Stage::Production).parse().unwrap();
        let validity = Validity::from_days(90);
        let mut state = State::default();
        state.add_property(Property {
            name: "shop".parse().unwrap(),
            created: now,
        });
        state.add_environment(Environment::new(
            &env,
            Host::Managed,
            KeyType::EcP256,
            validity,
            now,
        ));
        let first = add_issued(&mut state, &env, KeyType::EcP256, validity, now).unwrap();
        // Issued "in ten days": its validity starts then.
        let later = add_issued(
            &mut state,
            &env,
            KeyType::EcP256,
            validity,
            now + Duration::days(10),
        )
        .unwrap();
        let previous = Some(first.id.clone());
        let kept = keep_usable_current(&mut state, &env, previous.clone(), &later, now).unwrap();
        assert_eq!(kept.as_deref(), Some(first.variable.as_str()));
        assert_eq!(state.environment(&env).unwrap().current_cert, previous);
        // Valid now: nothing to keep.
        assert_eq!(
            keep_usable_current(&mut state, &env, previous, &first, now).unwrap(),
            None
        );
    }

    #[test]
    fn the_issuer_is_created_once() {
        let now = Utc::now();
        let mut state = State::default();
        let first = ensure_issuer(&mut state, now).unwrap().sha256.clone();
        let again = ensure_issuer(&mut state, now).unwrap().sha256.clone();
        assert_eq!(first, again);
        assert!(signer(state.issuer.as_ref().unwrap()).not_after > now);
    }
}
