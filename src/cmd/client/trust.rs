//! Which servers to trust, which proxy to go through, and the runtime that connects.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, Result};

use crate::cmd::read_input;
use crate::context::Context;
use crate::error::transfer;
use crate::http::{self};
use crate::output;
use crate::state::State;
use crate::tls::{Observations, ServerTrust};

/// The proxies to use: --proxy (an empty one means none), else the environment, as curl.
pub fn proxies(
    explicit: Option<&str>,
    noproxy: Option<&str>,
    ctx: &Context,
) -> Result<http::Proxies> {
    let env = &ctx.proxy_env;
    let parse = |text: &Option<String>, what: &str| -> Result<Option<http::Proxy>> {
        text.as_deref()
            .map(|t| http::Proxy::parse(t).with_context(|| format!("in {what}")))
            .transpose()
    };
    let no_proxy: Vec<String> = noproxy
        .map(str::to_string)
        .or_else(|| env.no_proxy.clone())
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(explicit) = explicit {
        return Ok(http::Proxies {
            explicit: (!explicit.is_empty())
                .then(|| http::Proxy::parse(explicit))
                .transpose()?,
            no_proxy,
            ..http::Proxies::default()
        });
    }
    let all = parse(&env.all, "all_proxy")?;
    Ok(http::Proxies {
        explicit: None,
        https: parse(&env.https, "https_proxy")?.or_else(|| all.clone()),
        http: parse(&env.http, "http_proxy")?.or(all),
        no_proxy,
    })
}

/// A client TLS config that presents no certificate, trusting `trust`, offering h2 and
/// HTTP/1.1, and what its handshakes saw (`record_only`: record the chain, judge it later).
pub fn anonymous_tls(
    trust: ServerTrust,
    record_only: bool,
) -> Result<(Arc<rustls::ClientConfig>, Observations)> {
    let observed: Observations = Arc::default();
    let config = crate::tls::client_config(
        crate::tls::ClientOptions {
            trust,
            pins: Vec::new(),
            identity: None,
            alpn: vec![b"h2".to_vec(), b"http/1.1".to_vec()],
            record_only,
        },
        &observed,
    )?;
    Ok((Arc::new(config), observed))
}

pub fn server_trust(
    cacert: Option<&Path>,
    ca: Option<&crate::model::CaName>,
    insecure: bool,
    state: Option<&State>,
    ctx: &Context,
) -> Result<ServerTrust> {
    if insecure {
        output::warn(
            ctx,
            "--insecure: the server's certificate and name are not verified",
        );
        return Ok(ServerTrust::Insecure);
    }
    if let Some(path) = cacert {
        // An unreadable CA file is curl's 77 (problem with the CA cert).
        let bytes = read_input(path).map_err(|e| {
            transfer(
                77,
                format!(
                    "cannot read the CA file {}: {}",
                    path.display(),
                    e.root_cause()
                ),
            )
        })?;
        // A CA file that holds no usable certificate is curl's 77 too.
        return ServerTrust::from_pem(&bytes, &format!("the CA file {}", path.display()))
            .map_err(|e| transfer(77, format!("{e:#}")).into());
    }
    if let Some(name) = ca {
        let state = state.context("the state is needed for --ca")?;
        let ca = state.trusted_ca(name)?;
        return ServerTrust::from_pem(ca.pem.as_bytes(), &format!("the trusted CA {name}"));
    }
    Ok(ServerTrust::system())
}
