//! The client identity of a request: from the store (--env, --cert-id), from files (--cert,
//! --key, PEM or DER), or from PKCS#12, checked before anything connects.

use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};

use crate::cli::{IdentityArgs, ImportFiles};
use crate::cmd::{read_input, read_password, short_time};
use crate::context::Context;
use crate::error::usage;
use crate::output;
use crate::pki::cert::{CertInfo, certs_from_pem, first_der};
use crate::pki::identity::{self, Identity, Named};
use crate::state::{State, Store};
use crate::tls::ClientIdentity;

/// The PKCS#12 password: --pass as curl takes it (file:PATH and env:NAME keep it out of the
/// process list), --password-file, or none.
pub fn pkcs12_password(args: &IdentityArgs, ctx: &Context) -> Result<String> {
    if let Some(file) = &args.password.password_file {
        return read_password(file);
    }
    let Some(pass) = &args.pass else {
        return Ok(String::new());
    };
    if let Some(file) = pass.strip_prefix("file:") {
        return read_password(Path::new(file));
    }
    if let Some(name) = pass.strip_prefix("env:") {
        return std::env::var(name).map_err(|_| {
            usage(format!("--pass env:{name}: the variable {name} is not set")).into()
        });
    }
    output::warn(
        ctx,
        "--pass with the password itself: other users can read it in the process list; use --pass file:PATH, --pass env:NAME or --password-file",
    );
    Ok(pass.clone())
}

/// The identity and what to say about it (its certificate's details and variable name).
pub fn load_identity(
    args: &IdentityArgs,
    state: Option<&State>,
    ctx: &Context,
) -> Result<Option<(ClientIdentity, SentCert)>> {
    // `--cert F --cert-type P12` is curl's way to say --p12 F.
    let p12_path = match (&args.cert, args.cert_type.as_deref()) {
        (Some(cert), Some(kind)) if kind.eq_ignore_ascii_case("p12") => Some(cert),
        _ => args.p12.as_ref(),
    };
    if p12_path.is_none()
        && args.cert.is_none()
        && (args.password.password_file.is_some() || args.pass.is_some())
    {
        return Err(usage("--password-file and --pass are the password of a PKCS#12 file or an encrypted key: give it with --p12 FILE, or --cert FILE --key FILE").into());
    }
    let identity = if let Some(env) = &args.env {
        let state = state.context("the state is needed for --env")?;
        Some(stored_identity(state, &ctx.store, &env.to_string())?)
    } else if let Some(cert) = &args.cert_id {
        let state = state.context("the state is needed for --cert-id")?;
        Some(stored_identity(state, &ctx.store, cert)?)
    } else if let Some(path) = p12_path {
        Some(identity_from_p12(path, args, ctx)?)
    } else if let Some(cert) = &args.cert {
        Some(identity_from_files(cert, args, ctx)?)
    } else {
        None
    };
    let Some(identity) = identity else {
        return Ok(None);
    };
    let sent = what_is_sent(&identity, ctx)?;
    Ok(Some((identity, sent)))
}

/// What is said about the certificate sent: its facts, and a warning when it is outside its
/// validity (said again if the server refuses it).
fn what_is_sent(identity: &ClientIdentity, ctx: &Context) -> Result<SentCert> {
    let info = CertInfo::from_der(&identity.chain[0])?;
    let unusable = if info.not_before > ctx.now {
        Some(format!(
            "it is not valid until {}",
            short_time(info.not_before)
        ))
    } else if info.not_after < ctx.now {
        Some(format!("it expired on {}", short_time(info.not_after)))
    } else {
        None
    };
    if let Some(why) = &unusable {
        output::warn(
            ctx,
            &format!(
                "the client certificate {}: {why}; the server will likely reject it",
                info.subject
            ),
        );
    }
    let chain: Vec<CertInfo> = identity
        .chain
        .iter()
        .filter_map(|der| CertInfo::from_der(der).ok())
        .collect();
    let sent = SentCert {
        subject: info.subject,
        not_after: info.not_after,
        variable: identity.variable.clone(),
        key_type: info.key_type.clone(),
        unusable,
        chain_subjects: chain.iter().map(|c| c.subject.clone()).collect(),
        top_issuer: chain.last().map(|c| c.issuer.clone()).unwrap_or_default(),
    };
    Ok(sent)
}

/// The identity in a PKCS#12 file: its key, and the certificate that belongs to it first.
fn identity_from_p12(path: &Path, args: &IdentityArgs, ctx: &Context) -> Result<ClientIdentity> {
    let password = pkcs12_password(args, ctx)?;
    let bundle = request_file(path, "the PKCS#12 file")?;
    Ok(client_identity(identity::from_p12(&bundle, &password)?))
}

/// The identity in --cert (PEM or DER, its chain after it) and --key (or the key in --cert's
/// file), an encrypted key opened with --pass / --password-file as curl's --pass does.
fn identity_from_files(cert: &Path, args: &IdentityArgs, ctx: &Context) -> Result<ClientIdentity> {
    let given = args.pass.is_some() || args.password.password_file.is_some();
    let password = given.then(|| pkcs12_password(args, ctx)).transpose()?;
    let cert = request_file(cert, "the certificate file")?;
    let key = args
        .key
        .as_deref()
        .map(|key| request_file(key, "the key file"))
        .transpose()?;
    let read = identity::from_files(&cert, key.as_ref(), None, password.as_deref())?;
    Ok(client_identity(read))
}

fn client_identity(read: Identity) -> ClientIdentity {
    ClientIdentity {
        chain: read.chain,
        key_pkcs8: read.key.pair.serialize_der(),
        variable: None,
    }
}

/// A file a flag names, read for an identity: `what` and its path name it in messages.
pub fn named(path: &Path, what: &str) -> Result<Named> {
    Ok(Named {
        bytes: read_input(path)?,
        what: format!("{what} {}", path.display()),
    })
}

/// `named`, for `request`: there a file that cannot be read is the user's to fix (exit 2, as
/// curl gives a bad --cert its own code).
fn request_file(path: &Path, what: &str) -> Result<Named> {
    named(path, what).map_err(|e| {
        anyhow::Error::from(usage(format!(
            "cannot read {}: {}",
            path.display(),
            e.root_cause()
        )))
    })
}

/// What `cert import` and `env create --host self` are given (`--cert [--key] [--chain]`, or
/// `--p12`, with `--password-file` for an encrypted key or the bundle), read before the state
/// is locked.
pub fn read_import(files: &ImportFiles) -> Result<Identity> {
    let password = files
        .password
        .password_file
        .as_deref()
        .map(read_password)
        .transpose()?;
    if let Some(p12) = &files.p12 {
        let bundle = named(p12, "the PKCS#12 file")?;
        return identity::from_p12(&bundle, password.as_deref().unwrap_or(""));
    }
    let Some(cert) = &files.cert else {
        return Err(usage(
            "give the certificate and its key: --cert FILE --key FILE, or --p12 FILE",
        )
        .into());
    };
    let cert = named(cert, "the certificate file")?;
    let key = files
        .key
        .as_deref()
        .map(|key| named(key, "the key file"))
        .transpose()?;
    let chain = files
        .chain
        .as_deref()
        .map(|chain| named(chain, "the chain file"))
        .transpose()?;
    identity::from_files(&cert, key.as_ref(), chain.as_ref(), password.as_deref())
}

pub fn stored_identity(state: &State, store: &Store, name: &str) -> Result<ClientIdentity> {
    let cert = state.resolve_cert(name)?;
    if cert.key_held_elsewhere() {
        return Err(usage(format!(
            "{} was signed from a CSR: its private key is not in the store",
            cert.variable
        ))
        .hint("give the certificate and the key where it was made: --cert FILE --key FILE")
        .into());
    }
    let mut chain = vec![first_der(&cert.cert_pem)?];
    let chain_pem = state.chain_of(cert);
    if !chain_pem.is_empty() {
        chain.extend(certs_from_pem(chain_pem.as_bytes(), "the stored chain")?);
    }
    let key_pkcs8 = pem::parse(store.private_key(cert)?)
        .context("the stored private key is unreadable")?
        .into_contents();
    Ok(ClientIdentity {
        chain,
        key_pkcs8,
        variable: Some(cert.variable.clone()),
    })
}

/// What was sent as the client certificate.
#[derive(Debug, Clone)]
pub struct SentCert {
    pub subject: String,
    pub not_after: DateTime<Utc>,
    pub variable: Option<String>,
    pub key_type: String,
    /// Why it cannot be used now (not yet valid, expired), said again when the server refuses it.
    pub unusable: Option<String>,
    /// The subjects of the chain sent, and the issuer of its last certificate: to tell which
    /// intermediate is missing when the server names the CAs it accepts.
    pub chain_subjects: Vec<String>,
    pub top_issuer: String,
}
