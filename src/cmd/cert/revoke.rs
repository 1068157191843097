//! `cert revoke` (a certificate that leaked is never used again and goes into the CRL) and
//! `cert sign` (a certificate for a key made elsewhere, from its CSR).

use anyhow::Result;
use serde::Serialize;

use crate::cli::{CertRevokeArgs, CertSignArgs};
use crate::cmd::{read_input, short_time};
use crate::context::Context;
use crate::duration::Validity;
use crate::error::usage;
use crate::lifecycle::revoke::{in_our_crl, revoke};
use crate::lifecycle::{add_issued, add_record, ensure_issuer, signer};
use crate::model::{EnvRef, Host};
use crate::output::{self, Report, json_of};
use crate::pki::issue::{LeafRequest, issue_for_csr};
use crate::state::{CertRecord, State};

/// The JSON of `cert revoke`.
#[derive(Debug, Serialize)]
struct Revoked {
    id: String,
    variable: String,
    environment: String,
    revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    reason: Option<&'static str>,
    /// False when it was already revoked (nothing changed).
    changed: bool,
    /// The certificate issued first with --rotate.
    rotated_to: Option<String>,
    /// Whether `issuer crl` lists it (false for certificates another CA issued).
    in_crl: bool,
}

pub fn run_revoke(args: &CertRevokeArgs, ctx: &Context) -> Result<Report> {
    let (cert, rotated, changed, in_crl) = ctx.store.update(|state| {
        let cert = state.resolve_cert(&args.cert)?.clone();
        let env = cert.environment.clone();
        let current = state.environment(&env)?.current_cert.as_deref() == Some(cert.id.as_str());
        let rotated = match current && args.rotate && cert.revoked.is_none() {
            true => Some(rotate_first(state, &env, ctx)?),
            false => None,
        };
        let changed = revoke(state, &cert.id, args.reason, ctx.now)?;
        let in_crl = in_our_crl(state, &cert, ctx.now);
        let cert = changed.clone().unwrap_or(cert);
        Ok((cert, rotated, changed.is_some(), in_crl))
    })?;
    if !in_crl && changed {
        output::warn(
            ctx,
            &format!(
                "{} was issued by {}, not by this store: only that CA can tell servers it is revoked; here it can no longer be selected",
                cert.variable, cert.issuer
            ),
        );
    }
    let revocation = cert.revoked.as_ref();
    let json = Revoked {
        id: cert.id.clone(),
        variable: cert.variable.clone(),
        environment: cert.environment.to_string(),
        revoked_at: revocation.map(|r| r.at),
        reason: revocation.map(|r| r.reason.as_str()),
        changed,
        rotated_to: rotated.as_ref().map(|c| c.id.clone()),
        in_crl,
    };
    Ok(Report::Done {
        message: revoke_message(&cert, rotated.as_ref(), changed, in_crl),
        json: json_of(&json)?,
    })
}

/// `--rotate` on a current certificate: a new one first, so the environment is never left
/// without one. Self-hosted environments get theirs from their own CA.
fn rotate_first(state: &mut State, env: &EnvRef, ctx: &Context) -> Result<CertRecord> {
    let environment = state.environment(env)?;
    if environment.host == Host::SelfHosted {
        return Err(usage(format!(
            "{env} is self-hosted: mtlsctl cannot issue its replacement"
        ))
        .hint(format!(
            "import a new certificate first ('mtlsctl cert import {env} --cert FILE --key FILE'), then revoke this one"
        ))
        .into());
    }
    let key_type = environment.key_type;
    let validity = Validity::from_days(environment.validity_days);
    add_issued(state, env, key_type, validity, ctx.now)
}

fn revoke_message(
    cert: &CertRecord,
    rotated: Option<&CertRecord>,
    changed: bool,
    in_crl: bool,
) -> String {
    let env = &cert.environment;
    let Some(revocation) = cert.revoked.as_ref().filter(|_| changed) else {
        let when = cert
            .revoked
            .as_ref()
            .map(|r| format!(" on {} ({})", short_time(r.at), r.reason.as_str()))
            .unwrap_or_default();
        return format!("{} ({}) was already revoked{when}", cert.id, cert.variable);
    };
    let mut message = format!(
        "revoked {} ({}) of {env}: {}",
        cert.id,
        cert.variable,
        revocation.reason.as_str()
    );
    if let Some(new) = rotated {
        message.push_str(&format!(
            "; {} is current now: deploy it with 'mtlsctl cert deploy {env}'",
            new.variable
        ));
    }
    if in_crl {
        message.push_str(
            "; servers refuse it once they have the new CRL: 'mtlsctl issuer crl --out FILE'",
        );
    }
    message
}

/// The JSON of `cert sign`.
#[derive(Debug, Serialize)]
struct Signed {
    environment: String,
    id: String,
    variable: String,
    subject: String,
    not_after: chrono::DateTime<chrono::Utc>,
    key_type: String,
    /// The certificate and the chain after it (PEM).
    pem: String,
}

pub fn run_sign(args: &CertSignArgs, ctx: &Context) -> Result<Report> {
    let env = &args.env;
    let csr = csr_der(&args.csr)?;
    let what = format!("the CSR file {}", args.csr.display());
    let (cert, chain) = ctx.store.update_environment(env, |state| {
        let environment = state.environment(env)?;
        refuse_self_hosted(environment.host, env)?;
        let validity = args
            .validity
            .unwrap_or(Validity::from_days(environment.validity_days));
        let (key_type, sans) = (environment.key_type, environment.sans.clone());
        let issuer = ensure_issuer(state, ctx.now)?;
        let request = LeafRequest {
            env,
            key_type,
            validity,
            extra_sans: &sans,
        };
        let issued = issue_for_csr(&signer(issuer), &request, (&csr, &what), ctx.now)?;
        let cert = add_record(
            state,
            env,
            issued.info,
            issued.cert_pem,
            None,
            String::new(),
            ctx.now,
        )?;
        let chain = state.chain_of(&cert);
        Ok((cert, chain))
    })?;
    output::warn(
        ctx,
        &format!(
            "{} is {env}'s current certificate; its key stays where it was made (deploys write cert.pem and chain.pem only)",
            cert.variable
        ),
    );
    let pem = format!("{}{chain}", cert.cert_pem);
    let json = Signed {
        environment: env.to_string(),
        id: cert.id.clone(),
        variable: cert.variable.clone(),
        subject: cert.subject.clone(),
        not_after: cert.not_after,
        key_type: cert.key_type.clone(),
        pem: pem.clone(),
    };
    Ok(Report::Text {
        text: pem,
        json: json_of(&json)?,
    })
}

fn refuse_self_hosted(host: Host, env: &EnvRef) -> Result<()> {
    if host != Host::SelfHosted {
        return Ok(());
    }
    Err(usage(format!(
        "{env} is self-hosted: its certificates come from its own CA"
    ))
    .hint(format!(
        "have that CA sign the CSR, then 'mtlsctl cert import {env} --cert FILE --key FILE'"
    ))
    .into())
}

/// The CSR's DER, from PEM (`CERTIFICATE REQUEST`, or the older `NEW CERTIFICATE REQUEST`)
/// or DER.
fn csr_der(path: &std::path::Path) -> Result<Vec<u8>> {
    let bytes = read_input(path)?;
    let what = format!("the CSR file {}", path.display());
    if !bytes.windows(11).any(|w| w == b"-----BEGIN ") {
        return Ok(bytes);
    }
    let blocks =
        crate::pki::pem_blocks(&bytes).map_err(|damage| usage(format!("{what} {damage}")))?;
    blocks
        .into_iter()
        .find(|b| b.tag().ends_with("CERTIFICATE REQUEST"))
        .map(|b| b.into_contents())
        .ok_or_else(|| usage(format!("{what} holds no certificate signing request")).into())
}
