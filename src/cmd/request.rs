//! `mtlsctl request` and `inspect --connect`: a client identity and server trust from flags or
//! the store, one exchange (with retries), and errors that say what to do.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use hyper::Method;
use serde::Serialize;

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
    let state = match (&args.identity.env, &args.ca) {
        (Some(env), None) => Some(ctx.store.read_environment(env)?),
        _ => needs_state.then(|| ctx.store.read()).transpose()?,
    };
    let identity = load_identity(&args.identity, state.as_ref(), ctx)?;
    let exchange = exchange_of(args)?;
    let trust = server_trust(
        args.cacert.as_deref(),
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
    let runtime = http::runtime()?;
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

/// Where `request` puts a body as it arrives, in constant memory: -o FILE (appearing whole,
/// by rename, once complete) or stdout. Bodies that are read or may be dropped stay in memory:
/// --json, answers that will be retried, redirects with -L, --fail errors, and the 400 and 403
/// pages that say why a server refused.
struct Delivery<'a> {
    args: &'a RequestArgs,
    json: bool,
    out: Option<Out>,
}

enum Out {
    File(atomic::Sink),
    Stdout(std::io::Stdout),
}

impl Delivery<'_> {
    fn finish(self) -> Result<()> {
        match self.out {
            Some(Out::File(sink)) => sink.finish(),
            Some(Out::Stdout(mut stdout)) => {
                use std::io::Write;
                stdout.flush().context("cannot write the response")
            }
            None => Ok(()),
        }
    }
}

impl http::BodySink for Delivery<'_> {
    fn wants(&mut self, parts: &hyper::http::response::Parts) -> bool {
        let code = parts.status.as_u16();
        let kept = self.json
            || http::RETRY_STATUSES.contains(&code)
            || (self.args.fail && code >= 400)
            || code == 400
            || code == 403
            || (self.args.location && parts.status.is_redirection());
        if kept {
            return false;
        }
        let head = (self.args.include || self.args.head)
            .then(|| head(parts.version, parts.status, &parts.headers));
        let opened = match &self.args.output {
            Some(path) => atomic::Sink::open(path, atomic::output_mode(path)).map(Out::File),
            None => Ok(Out::Stdout(std::io::stdout())),
        };
        let Ok(mut out) = opened else {
            return false;
        };
        if let Some(head) = head
            && write_to(&mut out, head.as_bytes()).is_err()
        {
            return false;
        }
        self.out = Some(out);
        true
    }

    fn write(&mut self, chunk: &[u8]) -> Result<()> {
        match &mut self.out {
            Some(out) => write_to(out, chunk),
            None => Ok(()),
        }
    }
}

fn write_to(out: &mut Out, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    match out {
        Out::File(sink) => sink.write(bytes),
        Out::Stdout(stdout) => stdout.write_all(bytes).context("cannot write the response"),
    }
}

/// An output that cannot be written is curl's 23.
fn write_failed(error: anyhow::Error) -> anyhow::Error {
    transfer(23, format!("{error:#}")).into()
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

/// curl's --write-out: the common variables, `\n` and `\t`.
fn write_out(format: &str, response: &http::Response, url: &str, redirects: u32) -> String {
    let t = &response.timings;
    let version = match response.version {
        hyper::Version::HTTP_2 => "2",
        hyper::Version::HTTP_10 => "1.0",
        _ => "1.1",
    };
    let content_type = response
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(escape_untrusted)
        .unwrap_or_default();
    fill_write_out(
        format,
        &[
            ("http_code", format!("{:03}", response.status.as_u16())),
            ("response_code", format!("{:03}", response.status.as_u16())),
            ("time_namelookup", format!("{:.6}", t.dns)),
            ("time_connect", format!("{:.6}", t.connect)),
            ("time_appconnect", format!("{:.6}", t.tls)),
            ("time_starttransfer", format!("{:.6}", t.first_byte)),
            ("time_total", format!("{:.6}", t.total)),
            ("size_download", response.size.to_string()),
            ("url_effective", url.to_string()),
            ("remote_ip", response.peer.ip().to_string()),
            ("remote_port", response.peer.port().to_string()),
            ("http_version", version.to_string()),
            ("content_type", content_type),
            ("num_redirects", redirects.to_string()),
        ],
    )
}

/// -w when the transfer failed, as curl prints it: status 000, no times.
fn write_out_failed(format: &str, url: &str) -> String {
    let zero = || "0.000000".to_string();
    fill_write_out(
        format,
        &[
            ("http_code", "000".into()),
            ("response_code", "000".into()),
            ("time_namelookup", zero()),
            ("time_connect", zero()),
            ("time_appconnect", zero()),
            ("time_starttransfer", zero()),
            ("time_total", zero()),
            ("size_download", "0".into()),
            ("url_effective", url.to_string()),
            ("remote_ip", String::new()),
            ("remote_port", String::new()),
            ("http_version", "0".into()),
            ("content_type", String::new()),
            ("num_redirects", "0".into()),
        ],
    )
}

/// curl's -w text: `%{name}` filled in, `%%` a percent sign, `\n`, `\r`, `\t` escapes;
/// an unknown variable is left out.
fn fill_write_out(format: &str, values: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(at) = rest.find(['%', '\\']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (text, used) = if let Some(inner) = tail.strip_prefix("%{") {
            match inner.split_once('}') {
                Some((name, _)) => (
                    values
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                    name.len() + 3,
                ),
                None => (tail.to_string(), tail.len()),
            }
        } else {
            match tail.get(..2) {
                Some("%%") => ("%".into(), 2),
                Some("\\n") => ("\n".into(), 2),
                Some("\\r") => ("\r".into(), 2),
                Some("\\t") => ("\t".into(), 2),
                _ => (tail[..1].to_string(), 1),
            }
        };
        out.push_str(&text);
        rest = &tail[used..];
    }
    out.push_str(rest);
    out
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

fn head(version: hyper::Version, status: hyper::StatusCode, headers: &hyper::HeaderMap) -> String {
    let version = match version {
        hyper::Version::HTTP_2 => "HTTP/2",
        hyper::Version::HTTP_10 => "HTTP/1.0",
        hyper::Version::HTTP_3 => "HTTP/3",
        _ => "HTTP/1.1",
    };
    let mut text = format!("{version} {status}\r\n");
    for (name, value) in headers {
        text.push_str(&format!(
            "{name}: {}\r\n",
            escape_untrusted(&String::from_utf8_lossy(value.as_bytes()))
        ));
    }
    text.push_str("\r\n");
    text
}

/// The TLS part of the -v account: version, cipher, the server's chain, the certificate
/// request, and what was sent.
fn tls_account(
    tls: &http::TlsFacts,
    seen: &Observed,
    sent: Option<&SentCert>,
    now: DateTime<Utc>,
) -> String {
    let mut text = String::new();
    text.push_str(&format!(
        "* {}, cipher {}, ALPN {}\n",
        tls.version,
        tls.cipher,
        tls.alpn.as_deref().unwrap_or("none")
    ));
    let chain: Vec<CertInfo> = seen
        .server_chain
        .iter()
        .filter_map(|der| CertInfo::from_der(der).ok())
        .collect();
    text.push_str("* server certificate chain:\n");
    for line in chain_text(&chain, now).lines() {
        text.push_str(&format!("* {line}\n"));
    }
    for line in client_request_text(seen).lines() {
        text.push_str(&format!("* {line}\n"));
    }
    match (sent, seen.client_cert_sent) {
        (Some(cert), true) => text.push_str(&format!(
            "* sent client certificate {}{}, expires {}\n",
            escape_untrusted(&cert.subject),
            cert.variable
                .as_deref()
                .map(|v| format!(" ({v})"))
                .unwrap_or_default(),
            short_time(cert.not_after)
        )),
        (Some(_), false) => {
            text.push_str("* the client certificate was not sent (not requested)\n")
        }
        (None, _) => text.push_str("* no client certificate given\n"),
    }
    text
}

/// The -v account of the connection, for stderr.
fn account(
    response: &http::Response,
    seen: &Observed,
    sent: Option<&SentCert>,
    now: DateTime<Utc>,
) -> String {
    let mut text = format!("* connected to {}\n", response.peer);
    if let Some(tls) = &response.tls {
        text.push_str(&tls_account(tls, seen, sent, now));
    }
    for line in &response.sent {
        text.push_str(&format!("> {line}\n"));
    }
    for line in head(response.version, response.status, &response.headers)
        .lines()
        .filter(|l| !l.is_empty())
    {
        text.push_str(&format!("< {line}\n"));
    }
    text.push_str(&format!(
        "* dns {:.1} ms, connect {:.1} ms, tls {:.1} ms, first byte {:.1} ms, total {:.1} ms\n",
        response.timings.dns * 1000.0,
        response.timings.connect * 1000.0,
        response.timings.tls * 1000.0,
        response.timings.first_byte * 1000.0,
        response.timings.total * 1000.0
    ));
    text
}

/// `request --json`: the answer (status, headers, body), the connection, its timings and TLS,
/// and where the redirects led.
#[derive(Serialize)]
struct ResponseJson<'a> {
    status: u16,
    http_version: &'static str,
    /// A header sent once is a string; one sent several times, the list of its values.
    headers: BTreeMap<String, HeaderJson>,
    peer: String,
    timings: &'a http::Timings,
    tls: Option<ResponseTlsJson<'a>>,
    url_effective: &'a str,
    redirects: u32,
    /// The body when it is UTF-8 text (and not written to -o).
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    /// The body in base64 when it is not text (and not written to -o).
    #[serde(skip_serializing_if = "Option::is_none")]
    body_base64: Option<String>,
}

/// The values of one response header.
#[derive(Serialize)]
#[serde(untagged)]
enum HeaderJson {
    Once(String),
    Repeated(Vec<String>),
}

/// The TLS part of `request --json`: the session, the server's chain, its client-certificate
/// request, and the certificate sent.
#[derive(Serialize)]
struct ResponseTlsJson<'a> {
    version: &'a str,
    cipher: &'a str,
    alpn: Option<&'a str>,
    server_chain: Vec<ChainCertJson<'a>>,
    client_certificate_requested: bool,
    acceptable_cas: &'a [String],
    client_certificate_sent: Option<SentCertJson<'a>>,
}

/// The client certificate the server received.
#[derive(Serialize)]
struct SentCertJson<'a> {
    subject: &'a str,
    variable: Option<&'a str>,
    not_after: DateTime<Utc>,
}

impl<'a> ResponseJson<'a> {
    /// The view of a finished transfer; `body` is None when -o took it.
    fn of(
        done: &'a Done,
        chain: &'a [CertInfo],
        body: Option<&'a [u8]>,
        now: DateTime<Utc>,
    ) -> Self {
        let response = &done.response;
        let (body, body_base64) = match body.map(|bytes| (bytes, std::str::from_utf8(bytes))) {
            None => (None, None),
            Some((_, Ok(text))) => (Some(text), None),
            Some((bytes, Err(_))) => {
                use base64::Engine;
                let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                (None, Some(encoded))
            }
        };
        ResponseJson {
            status: response.status.as_u16(),
            http_version: version_name(response.version),
            headers: headers_json(&response.headers),
            peer: response.peer.to_string(),
            timings: &response.timings,
            tls: response.tls.as_ref().map(|tls| ResponseTlsJson {
                version: &tls.version,
                cipher: &tls.cipher,
                alpn: tls.alpn.as_deref(),
                server_chain: chain.iter().map(|c| ChainCertJson::of(c, now)).collect(),
                client_certificate_requested: done.seen.client_cert_requested,
                acceptable_cas: &done.seen.acceptable_cas,
                client_certificate_sent: done
                    .sent
                    .as_ref()
                    .filter(|_| done.seen.client_cert_sent)
                    .map(|c| SentCertJson {
                        subject: &c.subject,
                        variable: c.variable.as_deref(),
                        not_after: c.not_after,
                    }),
            }),
            url_effective: &done.url,
            redirects: done.redirects,
            body,
            body_base64,
        }
    }
}

/// The HTTP version as `request --json` names it: spelled out here, since hyper's Debug text is
/// not ours to keep stable.
fn version_name(version: hyper::Version) -> &'static str {
    match version {
        hyper::Version::HTTP_09 => "HTTP/0.9",
        hyper::Version::HTTP_10 => "HTTP/1.0",
        hyper::Version::HTTP_2 => "HTTP/2.0",
        hyper::Version::HTTP_3 => "HTTP/3.0",
        _ => "HTTP/1.1",
    }
}

/// Each header by name (lossy UTF-8, as received): one value as a string, several as a list.
fn headers_json(headers: &hyper::HeaderMap) -> BTreeMap<String, HeaderJson> {
    headers
        .keys()
        .map(|name| {
            let mut values: Vec<String> = headers
                .get_all(name)
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect();
            let value = if values.len() == 1 {
                HeaderJson::Once(values.remove(0))
            } else {
                HeaderJson::Repeated(values)
            };
            (name.to_string(), value)
        })
        .collect()
}
