//! `mtlsctl request` and `inspect --connect`: a client identity and server trust from flags or
//! the store, one exchange (with retries), and errors that say what to do.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use hyper::Method;
use serde::Serialize;

mod account;
mod delivery;
mod json;
mod write_out;

use account::*;
use delivery::*;
use json::*;
use write_out::*;

use super::client::*;
use super::short_time;
use super::views::{ChainCertJson, chain_text, client_request_text};
use crate::atomic;
use crate::cli::RequestArgs;
use crate::context::Context;
use crate::error::{transfer, usage};
use crate::http::{self, ConnectOptions, Exchange, HttpVersion, Step, Target, TransferError};
use crate::output::{self, Report, json_of};
use crate::pki::cert::CertInfo;
use crate::text::escape_untrusted;
use crate::tls::{self, ClientOptions, Observations, Observed};

pub fn run(mut args: RequestArgs, ctx: &Context) -> Result<Report> {
    // `-o -` is stdout, as curl takes it.
    if args.output.as_deref() == Some(Path::new("-")) {
        args.output = None;
    }
    let outcome = transfer_and_report(&args, ctx);
    // curl prints -w even when the transfer failed (000 for the status).
    if let (Err(_), Some(format)) = (&outcome, &args.write_out) {
        print!("{}", write_out_failed(format, &shown_url(&args.url)));
    }
    outcome
}

fn transfer_and_report(args: &RequestArgs, ctx: &Context) -> Result<Report> {
    let prepared = prepare(args, ctx)?;
    let mut delivery = Delivery {
        args,
        json: ctx.json,
        out: None,
    };
    let done = follow(args, prepared, &mut delivery, ctx)?;
    if ctx.verbose > 0 {
        eprint!(
            "{}",
            account(&done.response, &done.seen, done.sent.as_ref(), ctx.now)
        );
    }
    refused_by_nginx(&done.response, &done.seen, done.sent.as_ref())?;
    refused_after_handshake(&done.response, &done.seen)?;
    if args.fail && done.response.status.as_u16() >= 400 {
        return Err(transfer(
            22,
            format!(
                "the server answered {} for {}",
                done.response.status, done.url
            ),
        )
        .into());
    }
    // What was streamed is complete: a file takes its place now, whole.
    let streamed = delivery.out.is_some();
    delivery.finish().map_err(write_failed)?;
    report(args, &done, streamed, ctx)
}

/// Everything a transfer needs, checked before anything connects.
struct Prepared {
    target: Target,
    exchange: Exchange,
    options: ConnectOptions,
    observed: Observations,
    sent: Option<SentCert>,
}

fn prepare(args: &RequestArgs, ctx: &Context) -> Result<Prepared> {
    let target = Target::parse(&args.url)?;
    if let Some(path) = &args.output {
        ctx.store.refuse_as_output(path)?;
        if !atomic::may_overwrite(path) {
            let why = format!("cannot write {}: permission denied", path.display());
            return Err(transfer(23, why).into());
        }
    }
    let needs_state =
        args.identity.env.is_some() || args.identity.cert_id.is_some() || args.ca.is_some();
    // --env alone reads that environment alone: a CI runner's token may grant nothing else.
    let state = match (&args.identity.env, &args.identity.cert_id, &args.ca) {
        (Some(env), _, None) => Some(ctx.store.read_environment(env)?),
        (None, Some(cert), None) => Some(super::state_holding(cert, ctx)?),
        _ => needs_state.then(|| ctx.store.read()).transpose()?,
    };
    let identity = load_identity(&args.identity, state.as_ref(), ctx)?;
    let exchange = exchange_of(args)?;
    let trust = server_trust(
        args.server_ca.cacert.as_deref(),
        args.ca.as_ref(),
        args.insecure,
        state.as_ref(),
        ctx,
    )?;
    let version = http_version(args);
    let sent = identity.as_ref().map(|(_, info)| info.clone());
    let observed: Observations = Arc::default();
    let config = tls::client_config(
        ClientOptions {
            trust,
            pins: args.pin.clone().unwrap_or_default().0,
            identity: identity.map(|(identity, _)| identity),
            alpn: match version {
                HttpVersion::Http11 => vec![b"http/1.1".to_vec()],
                _ => vec![b"h2".to_vec(), b"http/1.1".to_vec()],
            },
            record_only: false,
        },
        &observed,
    )?;
    let options = ConnectOptions {
        proxies: proxies(args.proxy.as_deref(), args.noproxy.as_deref(), ctx)?,
        resolve: args.resolve.clone(),
        connect_timeout: args.connect_timeout.std(),
        version,
        tls: Some(Arc::new(config)),
    };
    Ok(Prepared {
        target,
        exchange,
        options,
        observed,
        sent,
    })
}

/// A -d @FILE body (or @- for stdin), whatever its size: unlike certificate files, a body may
/// be large.
fn read_body(file: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| usage(format!("-d @{file}: {e}")))?;
    Ok(bytes)
}

/// The HTTP version asked for (--http1.1, --http2), else the server's choice by ALPN.
fn http_version(args: &RequestArgs) -> HttpVersion {
    if args.http1_1 {
        HttpVersion::Http11
    } else if args.http2 {
        HttpVersion::Http2
    } else {
        HttpVersion::Auto
    }
}

/// The request to send: method, headers (checked), body.
fn exchange_of(args: &RequestArgs) -> Result<Exchange> {
    Ok(Exchange {
        method: method(args)?,
        headers: args
            .user_agent
            .iter()
            .map(|agent| format!("User-Agent: {agent}").parse::<http::Header>())
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .chain(args.headers.iter().cloned())
            .map(|h| (h.name, h.value))
            .collect(),
        body: match &args.data {
            Some(data) => Some(match data.strip_prefix('@') {
                Some(file) => read_body(file)?,
                None => data.as_bytes().to_vec(),
            }),
            None => None,
        },
    })
}

/// The URL as shown (-w, --json, messages): without the credentials it may carry.
fn shown_url(url: &str) -> String {
    url::Url::parse(url)
        .map(|mut u| {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        })
        .unwrap_or_else(|_| url.to_string())
}

/// The last answer of a transfer, after any redirects it followed.
struct Done {
    response: http::Response,
    seen: Observed,
    sent: Option<SentCert>,
    url: String,
    redirects: u32,
}

/// Each hop of -L: the same identity and trust, a new target; the method and body change as
/// curl changes them (303, and 301/302 after POST, become GET).
fn follow(
    args: &RequestArgs,
    prepared: Prepared,
    delivery: &mut Delivery<'_>,
    ctx: &Context,
) -> Result<Done> {
    let Prepared {
        mut target,
        mut exchange,
        options,
        observed,
        sent,
    } = prepared;
    let runtime = crate::runtime::one_thread()?;
    let mut url = shown_url(&args.url);
    let mut redirects = 0u32;
    loop {
        let outcome = runtime.block_on(with_retries(
            &target, &exchange, &options, args, &observed, delivery, ctx,
        ));
        let seen = observed.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let response = outcome.map_err(|e| explain(e, &seen, sent.as_ref(), &target))?;
        let location = response
            .headers
            .get(hyper::header::LOCATION)
            .and_then(|v| v.to_str().ok());
        let (true, true, Some(location)) =
            (args.location, response.status.is_redirection(), location)
        else {
            return Ok(Done {
                response,
                seen,
                sent,
                url,
                redirects,
            });
        };
        if args.max_redirs >= 0 && i64::from(redirects) >= args.max_redirs {
            let why = format!(
                "stopped after {redirects} redirects (--max-redirs {})",
                args.max_redirs
            );
            return Err(transfer(47, why).into());
        }
        if ctx.verbose > 0 {
            eprint!("{}", account(&response, &seen, sent.as_ref(), ctx.now));
        }
        (target, exchange, url) = next_hop(
            &url,
            location,
            &target,
            exchange,
            response.status,
            args.method.is_some(),
            ctx,
        )?;
        redirects += 1;
    }
}

/// Where a redirect leads: the next URL, its target, and the request curl would send there.
fn next_hop(
    url: &str,
    location: &str,
    target: &Target,
    exchange: Exchange,
    status: hyper::StatusCode,
    explicit_method: bool,
    ctx: &Context,
) -> Result<(Target, Exchange, String)> {
    let next = url::Url::parse(url)
        .and_then(|base| base.join(location))
        .map_err(|e| {
            let location = escape_untrusted(location);
            transfer(
                1,
                format!("the server redirected to '{location}', which is not a URL: {e}"),
            )
        })?;
    let next_target = Target::parse(next.as_str())?;
    let other_host = !next_target.host.eq_ignore_ascii_case(&target.host);
    output::verbose(ctx, &format!("following the redirect to {next}"));
    Ok((
        next_target,
        redirected(exchange, status, other_host, explicit_method),
        next.to_string(),
    ))
}

/// What the command prints: what was not streamed (the head with -i/-I, the body), then -w;
/// or the JSON account.
fn report(args: &RequestArgs, done: &Done, streamed: bool, ctx: &Context) -> Result<Report> {
    let response = &done.response;
    let mut output = Vec::new();
    if !streamed {
        if args.include || args.head {
            let head = head(response.version, response.status, &response.headers);
            output.extend_from_slice(head.as_bytes());
        }
        output.extend_from_slice(&response.body);
        if let Some(path) = args.output.as_ref().filter(|_| !ctx.json) {
            atomic::write_file(path, &output, atomic::output_mode(path)).map_err(write_failed)?;
            output.clear();
        }
    }
    if let Some(format) = &args.write_out {
        let text = write_out(format, response, &done.url, done.redirects);
        output.extend_from_slice(text.as_bytes());
    }
    if !ctx.json {
        return Ok(Report::Bytes(output));
    }
    // A body written to -o is not repeated in the JSON.
    let body = match &args.output {
        Some(path) => {
            atomic::write_file(path, &response.body, atomic::output_mode(path))
                .map_err(write_failed)?;
            None
        }
        None => Some(&response.body[..]),
    };
    let chain: Vec<CertInfo> = done
        .seen
        .server_chain
        .iter()
        .filter_map(|der| CertInfo::from_der(der).ok())
        .collect();
    let view = ResponseJson::of(done, &chain, body, ctx.now);
    Ok(Report::Text {
        text: String::new(),
        json: json_of(&view)?,
    })
}

/// The next request of a redirect, as curl makes it: 303 (and 301/302 after a POST) become a
/// GET without body; credentials are not sent to another host.
fn redirected(
    exchange: Exchange,
    status: hyper::StatusCode,
    other_host: bool,
    explicit_method: bool,
) -> Exchange {
    // A method given with -X stays for every hop, as curl keeps it.
    let to_get = !explicit_method
        && (status == hyper::StatusCode::SEE_OTHER
            || (matches!(status.as_u16(), 301 | 302) && exchange.method == Method::POST));
    let mut headers = exchange.headers;
    if other_host {
        headers.retain(|(name, _)| {
            !name.eq_ignore_ascii_case("authorization") && !name.eq_ignore_ascii_case("cookie")
        });
    }
    if to_get {
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
    }
    Exchange {
        method: if to_get { Method::GET } else { exchange.method },
        headers,
        body: if to_get { None } else { exchange.body },
    }
}

async fn with_retries(
    target: &Target,
    exchange: &Exchange,
    options: &ConnectOptions,
    args: &RequestArgs,
    observed: &Observations,
    delivery: &mut Delivery<'_>,
    ctx: &Context,
) -> Result<http::Response, TransferError> {
    let retry = http::Retry {
        retries: args.retry,
        delay: args.retry_delay.std(),
    };
    let mut attempt = 0;
    loop {
        *observed.lock().unwrap_or_else(|e| e.into_inner()) = Observed::default();
        let transfer = http::fetch(target, exchange, options, Some(&mut *delivery));
        let result = match args.timeout.and_then(|limit| limit.0) {
            Some(limit) => tokio::time::timeout(limit.std(), transfer)
                .await
                .unwrap_or_else(|_| {
                    Err(TransferError {
                        step: Step::Http,
                        timed_out: true,
                        cause: anyhow::anyhow!("the transfer took longer than {limit}"),
                    })
                }),
            None => transfer.await,
        };
        // Once part of a body has gone out, a retry would repeat it: no retry then.
        let again = retry
            .again(attempt, &result)
            .filter(|_| delivery.out.is_none());
        let Some((delay, note)) = again else {
            return result;
        };
        output::warn(ctx, &note);
        tokio::time::sleep(delay).await;
        attempt += 1;
    }
}

fn method(args: &RequestArgs) -> Result<Method> {
    let name = match (&args.method, &args.data) {
        (Some(method), _) => method.to_ascii_uppercase(),
        (None, _) if args.head => "HEAD".into(),
        (None, Some(_)) => "POST".into(),
        (None, None) => "GET".into(),
    };
    Method::from_bytes(name.as_bytes())
        .map_err(|_| usage(format!("'{name}' is not an HTTP method")).into())
}
