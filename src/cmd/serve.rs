use anyhow::{Context as _, Result};

use super::client::identity::named;
use crate::cli::ServeArgs;
use crate::context::Context;
use crate::error::usage;
use crate::gateway::rules::parse_rule;
use crate::gateway::server::{self, Gateway, Limits};
use crate::output::Report;
use crate::pki::cert::certs_from_pem;
use crate::pki::identity;
use crate::pki::issue::issue_server;

/// Days a server certificate issued for one `serve` run is valid.
const SERVER_CERT_DAYS: i64 = 30;

pub fn run(args: &ServeArgs, ctx: &Context) -> Result<Report> {
    check_flags(args)?;
    let state = ctx.store.read()?;
    let domain = state.domain(&args.domain)?.clone();
    let ca = state.trusted_ca(&domain.ca)?.clone();
    let rules = domain
        .rules
        .iter()
        .map(|r| parse_rule(&r.name, &r.criteria, &r.behaviors))
        .collect::<Result<Vec<_>>>()
        .context("a stored rule no longer parses")?;
    let crls = crate::lifecycle::revoke::crls_for_checking(&state, ctx.now)?;
    let (chain, key_pkcs8) = server_identity(args, state, ctx)?;
    server::run(Gateway {
        listen: args.listen,
        host: domain.host.to_string(),
        mode: domain.mode,
        ca_name: ca.name.to_string(),
        ca_pem: ca.pem,
        crls,
        rules,
        chain,
        key_pkcs8,
        upstream: args.upstream.clone(),
        log_format: args.log_format,
        limits: Limits {
            handshake_timeout: args.handshake_timeout.std(),
            header_timeout: args.header_timeout.std(),
            keepalive_timeout: args.keepalive_timeout.std(),
            max_header_bytes: usize::try_from(args.max_header_size.0).unwrap_or(usize::MAX),
            max_body_bytes: Some(args.max_body_size.0).filter(|&n| n > 0),
            max_connections: args.max_connections as usize,
            max_streams: args.max_streams,
        },
        now: ctx.fixed_now,
    })?;
    Ok(Report::Bytes(Vec::new()))
}

/// The flags serve checks itself before reading anything.
fn check_flags(args: &ServeArgs) -> Result<()> {
    if args.max_header_size.0 < 8192 {
        return Err(usage(
            "--max-header-size must be at least 8k (the HTTP/1.1 parser's smallest buffer)",
        )
        .into());
    }
    Ok(())
}

/// The server's certificate chain and key: --cert/--key, or one the issuer signs for the
/// domain now (the issuer is created on first need).
fn server_identity(
    args: &ServeArgs,
    mut state: crate::state::State,
    ctx: &Context,
) -> Result<(Vec<Vec<u8>>, Vec<u8>)> {
    if let (Some(cert), Some(key)) = (&args.cert, &args.key) {
        let cert = named(cert, "the certificate file")?;
        let key = named(key, "the key file")?;
        let read = identity::from_files(&cert, Some(&key), None, None)?;
        return Ok((read.chain, read.key.pair.serialize_der()));
    }
    if state.issuer.is_none() {
        state = ctx.store.update(|s| {
            crate::lifecycle::ensure_issuer(s, ctx.now)?;
            Ok(s.clone())
        })?;
    }
    let issuer = state.issuer.as_ref().context("the issuer is missing")?;
    let issued = issue_server(
        &crate::lifecycle::signer(issuer),
        args.domain.as_str(),
        SERVER_CERT_DAYS,
        ctx.now,
    )?;
    let mut chain = certs_from_pem(issued.cert_pem.as_bytes(), "the issued server certificate")?;
    chain.extend(certs_from_pem(issuer.cert_pem.as_bytes(), "the issuer")?);
    let key = pem::parse(&issued.key_pem).context("the issued key is unreadable")?;
    Ok((chain, key.into_contents()))
}
