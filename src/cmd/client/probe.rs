//! A TLS connection made only to look: the server's chain and its certificate request.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::context::Context;
use crate::error::usage;
use crate::http::{self, ConnectOptions, HttpVersion, Target};
use crate::tls::Observed;

use super::diagnose::explain;
use super::trust::{anonymous_tls, proxies, server_trust};

/// Connect to a TLS server as `inspect --connect` and `expiry --host` do: no client
/// certificate, every ALPN, and the server's chain recorded even when it does not verify.
pub fn probe_server(
    address: &str,
    servername: Option<&str>,
    cacert: Option<&Path>,
    ctx: &Context,
) -> Result<(http::Connected, Observed)> {
    let url = format!("https://{address}");
    let mut target = Target::parse(&url)
        .ok()
        .filter(|_| !address.contains(['/', '?', '#', '@']))
        .ok_or_else(|| {
            usage(format!(
                "'{address}' is not HOST:PORT (a host name or address, and a port from 1 to 65535)"
            ))
        })?;
    let connect_to = target.host.clone();
    if let Some(name) = servername {
        target.host = name.to_string();
    }
    // With --servername, connect to the given host but name the other one in SNI and checks.
    let resolve: Vec<http::Resolve> = match (servername, connect_to.parse()) {
        (Some(_), Ok(addr)) => vec![http::Resolve {
            host: target.host.to_ascii_lowercase(),
            port: target.port,
            addr,
        }],
        _ => Vec::new(),
    };
    let (config, observed) = anonymous_tls(server_trust(cacert, None, false, None, ctx)?, true)?;
    let options = ConnectOptions {
        proxies: proxies(None, None, ctx)?,
        resolve,
        connect_timeout: Duration::from_secs(30),
        version: HttpVersion::Auto,
        tls: Some(config),
    };
    let connected = crate::runtime::one_thread()?.block_on(http::open(&target, &options));
    let seen = observed.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let connected = connected.map_err(|e| explain(e, &seen, None, &target))?;
    Ok((connected, seen))
}
