//! `mtlsctl request` and `inspect --connect`: a client identity and server trust from flags or
//! the store, one exchange (with retries), and errors that say what to do.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use hyper::Method;
use serde_json::{Value, json};

use super::{read_input, read_password, short_time};
use crate::atomic;
use crate::cli::{IdentityArgs, RequestArgs};
use crate::context::Context;
use crate::error::{transfer, usage};
use crate::http::{self, ConnectOptions, Exchange, HttpVersion, Step, Target, TransferError};
use crate::output::{self, Report};
use crate::pki::cert::{CertInfo, certs_from_pem, certs_in_file, first_der};
use crate::pki::keys::{ensure_matches, load_private_key};
use crate::pki::p12;
use crate::state::State;
use crate::text::escape_untrusted;
use crate::tls::{
    self, ClientIdentity, ClientOptions, Observations, Observed, PinMismatch, ServerTrust,
};

/// Statuses worth another try, as curl's --retry has them.
const RETRY_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

pub fn run(args: RequestArgs, ctx: &Context) -> Result<Report> {
    let target = Target::parse(&args.url)?;
    if let Some(path) = &args.output {
        ctx.store.refuse_as_output(path)?;
    }
    let needs_state =
        args.identity.env.is_some() || args.identity.cert_id.is_some() || args.ca.is_some();
    let state = if needs_state {
        Some(ctx.store.read()?)
    } else {
        None
    };
    let identity = load_identity(&args.identity, state.as_ref(), ctx)?;
    let exchange = Exchange {
        method: method(&args)?,
        headers: args
            .user_agent
            .iter()
            .map(|agent| parse_header(&format!("User-Agent: {agent}")))
            .chain(args.headers.iter().map(|h| parse_header(h)))
            .collect::<Result<_>>()?,
        body: match &args.data {
            Some(data) => Some(match data.strip_prefix('@') {
                Some(file) => read_input(Path::new(file))?,
                None => data.as_bytes().to_vec(),
            }),
            None => None,
        },
    };
    let trust = server_trust(
        args.cacert.as_deref(),
        args.ca.as_ref(),
        args.insecure,
        state.as_ref(),
        ctx,
    )?;
    let pins = match &args.pin {
        Some(pin) => tls::parse_pin(pin)?,
        None => Vec::new(),
    };
    let version = if args.http1_1 {
        HttpVersion::Http11
    } else if args.http2 {
        HttpVersion::Http2
    } else {
        HttpVersion::Auto
    };
    let alpn: Vec<Vec<u8>> = match version {
        HttpVersion::Http11 => vec![b"http/1.1".to_vec()],
        _ => vec![b"h2".to_vec(), b"http/1.1".to_vec()],
    };
    let sent_identity = identity.as_ref().map(|(_, info)| info.clone());
    let observed: Observations = Arc::default();
    let config = tls::client_config(
        ClientOptions {
            trust,
            pins,
            identity: identity.map(|(identity, _)| identity),
            alpn,
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

    let runtime = runtime()?;
    let mut delivery = Delivery {
        args: &args,
        json: ctx.json,
        out: None,
    };
    // Each hop of -L: the same identity and trust, a new target; the method and body change
    // as curl changes them (303, and 301/302 after POST, become GET).
    let mut target = target;
    let mut exchange = exchange;
    let mut url = args.url.clone();
    let mut redirects = 0u32;
    let (response, seen) = loop {
        let outcome = runtime.block_on(with_retries(
            &target,
            &exchange,
            &options,
            &args,
            &observed,
            &mut delivery,
            ctx,
        ));
        let seen = observed.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let response = outcome.map_err(|e| explain(e, &seen, sent_identity.as_ref(), &target))?;
        let location = response
            .headers
            .get(hyper::header::LOCATION)
            .and_then(|v| v.to_str().ok());
        let (true, true, Some(location)) =
            (args.location, response.status.is_redirection(), location)
        else {
            break (response, seen);
        };
        if redirects >= args.max_redirs {
            return Err(transfer(
                47,
                format!(
                    "stopped after {redirects} redirects (--max-redirs {})",
                    args.max_redirs
                ),
            )
            .into());
        }
        if ctx.verbose > 0 {
            eprint!(
                "{}",
                account(&response, &seen, sent_identity.as_ref(), ctx.now)
            );
        }
        let next = url::Url::parse(&url)
            .and_then(|base| base.join(location))
            .map_err(|e| {
                transfer(
                    1,
                    format!(
                        "the server redirected to '{}', which is not a URL: {e}",
                        escape_untrusted(location)
                    ),
                )
            })?;
        let next_target = Target::parse(next.as_str())?;
        let other_host = !next_target.host.eq_ignore_ascii_case(&target.host);
        output::verbose(ctx, &format!("following the redirect to {next}"));
        exchange = redirected(exchange, response.status, other_host);
        target = next_target;
        url = next.to_string();
        redirects += 1;
    };

    if ctx.verbose > 0 {
        eprint!(
            "{}",
            account(&response, &seen, sent_identity.as_ref(), ctx.now)
        );
    }
    refused_by_nginx(&response, &seen, sent_identity.as_ref())?;
    refused_after_handshake(&response, &seen)?;
    if args.fail && response.status.as_u16() >= 400 {
        return Err(transfer(
            22,
            format!("the server answered {} for {}", response.status, url),
        )
        .into());
    }
    // What was streamed is complete: a file takes its place now, whole.
    let streamed = delivery.out.is_some();
    delivery.finish()?;

    let mut output = Vec::new();
    if !streamed {
        if args.include || args.head {
            output.extend_from_slice(
                head(response.version, response.status, &response.headers).as_bytes(),
            );
        }
        output.extend_from_slice(&response.body);
        if let Some(path) = args.output.as_ref().filter(|_| !ctx.json) {
            atomic::write_file(path, &output, 0o644)?;
            output.clear();
        }
    }
    if let Some(format) = &args.write_out {
        output.extend_from_slice(write_out(format, &response, &url, redirects).as_bytes());
    }
    if ctx.json {
        let mut value = response_json(&response, &seen, sent_identity.as_ref());
        value["url_effective"] = json!(url);
        value["redirects"] = json!(redirects);
        if let Some(path) = &args.output {
            atomic::write_file(path, &response.body, 0o644)?;
        } else {
            match std::str::from_utf8(&response.body) {
                Ok(text) => value["body"] = json!(text),
                Err(_) => {
                    use base64::Engine;
                    value["body_base64"] =
                        json!(base64::engine::general_purpose::STANDARD.encode(&response.body));
                }
            }
        }
        return Ok(Report::Text {
            text: String::new(),
            json: value,
        });
    }
    Ok(Report::Bytes(output))
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
            || RETRY_STATUSES.contains(&code)
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
            Some(path) => atomic::Sink::open(path, 0o644).map(Out::File),
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

/// The next request of a redirect, as curl makes it: 303 (and 301/302 after a POST) become a
/// GET without body; credentials are not sent to another host.
fn redirected(exchange: Exchange, status: hyper::StatusCode, other_host: bool) -> Exchange {
    let to_get = status == hyper::StatusCode::SEE_OTHER
        || (matches!(status.as_u16(), 301 | 302) && exchange.method == Method::POST);
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
    let values: [(&str, String); 14] = [
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
    ];
    let mut text = format.replace("\\n", "\n").replace("\\t", "\t");
    for (name, value) in values {
        text = text.replace(&format!("%{{{name}}}"), &value);
    }
    text
}

/// `inspect --connect HOST:PORT`: the server's chain, TLS facts, and its client-certificate request.
pub fn inspect_server(
    address: &str,
    servername: Option<&str>,
    cacert: Option<&Path>,
    ctx: &Context,
) -> Result<Report> {
    let (connected, seen) = probe_server(address, servername, cacert, ctx)?;
    let tls = connected.tls.clone().unwrap_or_else(|| http::TlsFacts {
        version: String::new(),
        cipher: String::new(),
        alpn: None,
    });
    let chain = seen
        .server_chain
        .iter()
        .map(|der| CertInfo::from_der(der))
        .collect::<Result<Vec<_>>>()?;
    let mut text = format!(
        "Connected to {} ({})\nTLS: {}, {}, ALPN {}\nVerified: {}\n",
        address,
        connected.peer,
        tls.version,
        tls.cipher,
        tls.alpn.as_deref().unwrap_or("none"),
        seen.verification_error
            .as_deref()
            .map(|e| format!("no ({e})"))
            .unwrap_or_else(|| "yes".into())
    );
    text.push_str(&client_request_text(&seen));
    text.push_str("Server certificate chain:\n");
    text.push_str(&chain_text(&chain, ctx.now));
    Ok(Report::Text {
        text,
        json: json!({
            "address": address,
            "peer": connected.peer.to_string(),
            "tls": tls,
            "verified": seen.verification_error.is_none(),
            "verification_error": seen.verification_error,
            "client_certificate_requested": seen.client_cert_requested,
            "acceptable_cas": seen.acceptable_cas,
            "chain": chain.iter().map(|c| chain_entry_json(c, ctx.now)).collect::<Vec<_>>(),
        }),
    })
}

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
    let trust = server_trust(cacert, None, false, None, ctx)?;
    let observed: Observations = Arc::default();
    let config = tls::client_config(
        ClientOptions {
            trust,
            pins: Vec::new(),
            identity: None,
            alpn: vec![b"h2".to_vec(), b"http/1.1".to_vec()],
            record_only: true,
        },
        &observed,
    )?;
    let options = ConnectOptions {
        proxies: proxies(None, None, ctx)?,
        resolve,
        connect_timeout: Duration::from_secs(30),
        version: HttpVersion::Auto,
        tls: Some(Arc::new(config)),
    };
    let connected = runtime()?.block_on(http::open(&target, &options));
    let seen = observed.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let connected = connected.map_err(|e| explain(e, &seen, None, &target))?;
    Ok((connected, seen))
}

/// The proxies to use: --proxy (an empty one means none), else the environment, as curl.
fn proxies(explicit: Option<&str>, noproxy: Option<&str>, ctx: &Context) -> Result<http::Proxies> {
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

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
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
    let mut attempt = 0;
    loop {
        *observed.lock().unwrap_or_else(|e| e.into_inner()) = Observed::default();
        let transfer = http::fetch(target, exchange, options, Some(&mut *delivery));
        let result = match args.timeout {
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
        let retryable = delivery.out.is_none()
            && match &result {
                Ok(response) => RETRY_STATUSES.contains(&response.status.as_u16()),
                Err(e) => matches!(e.step, Step::Connect) || e.timed_out,
            };
        if !retryable || attempt >= args.retry {
            return result;
        }
        let delay = args.retry_delay.std() * 2u32.saturating_pow(attempt);
        let why = match &result {
            Ok(response) => format!("the server answered {}", response.status),
            Err(e) => e.to_string(),
        };
        output::warn(
            ctx,
            &format!(
                "{why}; retrying in {:.1}s ({} of {} retries left)",
                delay.as_secs_f64(),
                args.retry - attempt,
                args.retry
            ),
        );
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

/// A `-H 'Name: value'`, checked before anything connects: a name HTTP allows, a value without
/// line breaks or other control characters.
fn parse_header(text: &str) -> Result<(String, String)> {
    let shown = crate::text::escape_untrusted(text);
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| usage(format!("'{shown}' is not a header: write 'Name: value'")))?;
    let (name, value) = (name.trim(), value.trim());
    if hyper::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
        return Err(usage(format!(
            "-H '{shown}': '{}' is not a header name (letters, digits and !#$%&'*+-.^_`|~, no spaces)",
            crate::text::escape_untrusted(name)
        ))
        .into());
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(usage(format!(
            "-H '{shown}': the value holds a line break or another control character"
        ))
        .into());
    }
    Ok((name.to_string(), value.to_string()))
}

/// The PKCS#12 password: --pass as curl takes it (file:PATH and env:NAME keep it out of the
/// process list), --password-file, or none.
fn pkcs12_password(args: &IdentityArgs, ctx: &Context) -> Result<String> {
    if let Some(file) = &args.password_file {
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
fn load_identity(
    args: &IdentityArgs,
    state: Option<&State>,
    ctx: &Context,
) -> Result<Option<(ClientIdentity, SentCert)>> {
    // `--cert F --cert-type P12` is curl's way to say --p12 F.
    let p12_path = match (&args.cert, args.cert_type.as_deref()) {
        (Some(cert), Some(kind)) if kind.eq_ignore_ascii_case("p12") => Some(cert),
        _ => args.p12.as_ref(),
    };
    if p12_path.is_none() && (args.password_file.is_some() || args.pass.is_some()) {
        return Err(usage("--password-file and --pass are the password of a PKCS#12 file: give it with --p12 FILE (or --cert FILE --cert-type P12)").into());
    }
    // A file that cannot be read is the user's to fix (exit 2), whichever it is.
    let read = |path: &Path| {
        read_input(path).map_err(|e| {
            anyhow::Error::from(usage(format!(
                "cannot read {}: {}",
                path.display(),
                e.root_cause()
            )))
        })
    };
    let identity = if let Some(env) = &args.env {
        let state = state.context("the state is needed for --env")?;
        Some(stored_identity(state, &env.to_string())?)
    } else if let Some(cert) = &args.cert_id {
        let state = state.context("the state is needed for --cert-id")?;
        Some(stored_identity(state, cert)?)
    } else if let Some(path) = p12_path {
        let what = format!("the PKCS#12 file {}", path.display());
        let password = pkcs12_password(args, ctx)?;
        let bundle = p12::read(&read(path)?, &password, &what)?;
        let key_der = bundle
            .key_pkcs8
            .ok_or_else(|| usage(format!("{what} holds no private key")))?;
        let key = crate::pki::keys::PrivateKey::from_pkcs8_der(&key_der, &what)?;
        // The leaf is the certificate that belongs to the key; the rest is its chain.
        let mut certs = bundle.certs;
        let leaf = certs
            .iter()
            .position(|der| ensure_matches(der, &key.pair, &what, &what).is_ok())
            .ok_or_else(|| {
                usage(format!(
                    "the key in {what} does not match any of its certificates"
                ))
            })?;
        let leaf = certs.remove(leaf);
        certs.insert(0, leaf);
        Some(ClientIdentity {
            chain: certs,
            key_pkcs8: key.pair.serialize_der(),
            variable: None,
        })
    } else if let Some(cert) = &args.cert {
        let cert_what = format!("the certificate file {}", cert.display());
        let cert_bytes = read(cert)?;
        let chain = certs_in_file(&cert_bytes, &cert_what)?;
        let key = match &args.key {
            Some(key) => load_private_key(&read(key)?, &format!("the key file {}", key.display()))?,
            // No --key: the key travels in the certificate's file, as curl reads it.
            None => load_private_key(&cert_bytes, &cert_what).map_err(|_| {
                usage(format!("{cert_what} holds no private key"))
                    .hint("give the key with --key FILE")
            })?,
        };
        let key_what = match &args.key {
            Some(key) => format!("the key file {}", key.display()),
            None => cert_what.clone(),
        };
        ensure_matches(&chain[0], &key.pair, &cert_what, &key_what)?;
        Some(ClientIdentity {
            chain,
            key_pkcs8: key.pair.serialize_der(),
            variable: None,
        })
    } else {
        None
    };
    let Some(identity) = identity else {
        return Ok(None);
    };
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
    Ok(Some((identity, sent)))
}

fn stored_identity(state: &State, name: &str) -> Result<ClientIdentity> {
    let cert = state.resolve_cert(name)?;
    let mut chain = vec![first_der(&cert.cert_pem)?];
    let chain_pem = state.chain_of(cert);
    if !chain_pem.is_empty() {
        chain.extend(certs_from_pem(chain_pem.as_bytes(), "the stored chain")?);
    }
    let key_pkcs8 = pem::parse(&cert.key_pem)
        .context("the stored private key is unreadable")?
        .into_contents();
    Ok(ClientIdentity {
        chain,
        key_pkcs8,
        variable: Some(cert.variable.clone()),
    })
}

fn server_trust(
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
        return ServerTrust::from_pem(&bytes, &format!("the CA file {}", path.display()));
    }
    if let Some(name) = ca {
        let state = state.context("the state is needed for --ca")?;
        let ca = state.trusted_ca(name)?;
        return ServerTrust::from_pem(ca.pem.as_bytes(), &format!("the trusted CA {name}"));
    }
    Ok(ServerTrust::system())
}

/// What was sent as the client certificate.
#[derive(Debug, Clone)]
pub struct SentCert {
    subject: String,
    not_after: DateTime<Utc>,
    variable: Option<String>,
    key_type: String,
    /// Why it cannot be used now (not yet valid, expired), said again when the server refuses it.
    unusable: Option<String>,
    /// The subjects of the chain sent, and the issuer of its last certificate: to tell which
    /// intermediate is missing when the server names the CAs it accepts.
    chain_subjects: Vec<String>,
    top_issuer: String,
}

/// A failed transfer as the user should hear of it, with curl's exit code.
fn explain(
    error: TransferError,
    seen: &Observed,
    sent: Option<&SentCert>,
    target: &Target,
) -> anyhow::Error {
    use rustls::AlertDescription as Alert;
    use rustls::CertificateError as Cert;
    let tls_error = find_tls_error(&error.cause);
    let host = &target.host;
    let failure = match (&error, tls_error) {
        (e, _) if e.step == Step::Resolve => transfer(6, e.to_string()),
        (e, _) if e.step == Step::ProxyResolve => transfer(5, e.to_string()),
        (e, _) if e.step == Step::Proxy => transfer(56, e.to_string()),
        (e, _) if e.timed_out => transfer(28, format!("timed out: {e}")),
        (e, _) if e.step == Step::Connect => transfer(7, e.to_string()),
        (_, Some(rustls::Error::Other(other))) if other.0.downcast_ref::<PinMismatch>().is_some() => {
            transfer(90, other.0.to_string())
                .hint("the server presents a different key than pinned: check --pin, or whether you reach the right server")
        }
        (_, Some(rustls::Error::InvalidCertificate(cert_error))) => {
            let leaf = seen.server_chain.first().and_then(|der| CertInfo::from_der(der).ok());
            match cert_error {
                Cert::Expired | Cert::ExpiredContext { .. } => {
                    let when = leaf
                        .as_ref()
                        .map(|l| {
                            let days = (Utc::now() - l.not_after).num_days();
                            format!("expired {days} days ago (on {})", short_time(l.not_after))
                        })
                        .unwrap_or_else(|| "has expired".into());
                    transfer(60, format!("the server's certificate {when}"))
                        .hint("the server must renew its certificate; --insecure skips the check at your own risk")
                }
                Cert::NotValidForName | Cert::NotValidForNameContext { .. } => {
                    let names = leaf.as_ref().map(|l| l.sans.join(", ")).unwrap_or_default();
                    transfer(60, format!("hostname mismatch: the certificate is for {names}, not {host}"))
                        .hint("use the host name the certificate names, or --resolve NAME:PORT:ADDRESS to reach it by that name")
                }
                Cert::UnknownIssuer => {
                    let issuer = leaf.as_ref().map(|l| l.issuer.clone()).unwrap_or_default();
                    transfer(60, format!("the server's certificate is not trusted: unknown CA ({issuer})"))
                        .hint("trust its CA with --cacert FILE or --ca NAME; 'mtlsctl inspect --connect HOST:PORT' shows the chain")
                }
                other => transfer(60, format!("the server's certificate is not valid: {}", tls::certificate_error_text(other))),
            }
        }
        (_, Some(rustls::Error::AlertReceived(alert))) => {
            let none_given = sent.is_none() || !seen.client_cert_sent;
            match alert {
                Alert::CertificateRequired => client_cert_required(seen, sent),
                Alert::HandshakeFailure if seen.client_cert_requested && none_given => client_cert_required(seen, sent),
                // The handshake had succeeded and the request was sent: a TLS 1.2 server that
                // wants a certificate for this path renegotiates, which rustls refuses.
                Alert::HandshakeFailure if error.step == Step::Http && !seen.client_cert_requested => {
                    after_handshake("TLS 1.2 renegotiation")
                }
                Alert::UnknownCA
                | Alert::BadCertificate
                | Alert::CertificateUnknown
                | Alert::CertificateExpired
                | Alert::CertificateRevoked
                | Alert::UnsupportedCertificate
                | Alert::AccessDenied
                | Alert::DecryptError
                    if !none_given =>
                {
                    let reason = match alert {
                        Alert::UnknownCA => "unknown CA".to_string(),
                        Alert::CertificateExpired => "expired".to_string(),
                        Alert::CertificateRevoked => "revoked".to_string(),
                        Alert::BadCertificate => "bad certificate".to_string(),
                        other => tls::alert_text(other),
                    };
                    client_cert_rejected(&reason, seen, sent)
                }
                other => transfer(35, format!("the TLS handshake with {host} failed: the server sent alert {}", tls::alert_text(other))),
            }
        }
        (_, Some(tls)) => transfer(35, format!("the TLS handshake with {host} failed: {}", tls::tls_error_text(tls))),
        // In TLS 1.3 a server rejects a client certificate after the handshake; when its alert
        // is lost to a reset connection, what it asked for tells why it hung up.
        (e, None) if e.step == Step::Http && seen.client_cert_requested && !seen.client_cert_sent => {
            let failure = client_cert_required(seen, sent);
            let message = format!("{} (the server closed the connection: {e})", failure.message);
            crate::error::Failure { message, ..failure }
        }
        (e, None) if e.step == Step::Http && seen.client_cert_sent => {
            let failure = client_cert_rejected("it closed the connection after receiving it", seen, sent);
            let message = format!("{} ({e})", failure.message);
            crate::error::Failure { message, ..failure }
        }
        (e, None) if e.step == Step::Tls => transfer(35, format!("the TLS handshake with {host} failed: {e}")),
        (e, None) => transfer(56, format!("the connection to {host} failed: {e}")),
    };
    anyhow::Error::new(failure)
}

fn client_cert_required(seen: &Observed, sent: Option<&SentCert>) -> crate::error::Failure {
    // One was given, but the server's list of signature algorithms leaves its key out: rustls
    // then sends none, and the server says none was given.
    if let (Some(schemes), Some(sent)) = (&seen.client_key_unsuitable, sent) {
        return transfer(
            58,
            format!(
                "the client certificate was not sent: its {} key cannot sign with any algorithm the server accepts for client certificates ({})",
                sent.key_type,
                schemes.join(", ")
            ),
        )
        .hint("use a certificate whose key the server accepts (e.g. a new one with --key-type rsa-2048), or allow the key's algorithm on the server");
    }
    transfer(
        58,
        "the server requires a client certificate and none was given",
    )
    .hint("give one with --env ENV, --cert-id CERT, --cert FILE --key FILE or --p12 FILE")
}

fn client_cert_rejected(
    reason: &str,
    seen: &Observed,
    sent: Option<&SentCert>,
) -> crate::error::Failure {
    // A certificate outside its validity is the likeliest reason: name it.
    if let Some(why) = sent.and_then(|s| s.unusable.as_deref()) {
        let name = sent
            .and_then(|s| s.variable.clone())
            .unwrap_or_else(|| sent.map(|s| s.subject.clone()).unwrap_or_default());
        return transfer(
            58,
            format!("the server rejected the client certificate ({reason}): {name} {why}"),
        )
        .hint(
            "send a certificate that is valid now ('mtlsctl cert list' shows each one's validity)",
        );
    }
    // The server names its CAs and the chain sent reaches none of them: an intermediate is
    // missing (a leaf sent without the certificate that issued it).
    if let Some(sent) = sent
        && !seen.acceptable_cas.is_empty()
        && !seen.acceptable_cas.contains(&sent.top_issuer)
        && !sent
            .chain_subjects
            .iter()
            .any(|s| seen.acceptable_cas.contains(s))
    {
        return transfer(
            58,
            format!(
                "the server rejected the client certificate ({reason}): the chain sent ends at a certificate issued by {}, which the server does not accept",
                escape_untrusted(&sent.top_issuer)
            ),
        )
        .hint(format!(
            "if '{}' is an intermediate of a CA the server accepts, add its certificate after the leaf in --cert; else use a certificate from one of: {}",
            escape_untrusted(&sent.top_issuer),
            escape_untrusted(&seen.acceptable_cas.join("; "))
        ));
    }
    let accepted = if seen.acceptable_cas.is_empty() {
        "'mtlsctl inspect --connect HOST:PORT' shows which CAs the server accepts".to_string()
    } else {
        format!(
            "the server accepts certificates from: {}",
            seen.acceptable_cas.join("; ")
        )
    };
    transfer(
        58,
        format!("the server rejected the client certificate ({reason})"),
    )
    .hint(accepted)
}

/// nginx does not fail the handshake for `ssl_verify_client on`: it answers 400 with a page
/// that says why. Say it as the TLS failure would have been said.
fn refused_by_nginx(
    response: &http::Response,
    seen: &Observed,
    sent: Option<&SentCert>,
) -> Result<()> {
    if response.status.as_u16() != 400 || !seen.client_cert_requested {
        return Ok(());
    }
    let body = String::from_utf8_lossy(&response.body);
    if body.contains("No required SSL certificate was sent")
        && (sent.is_none() || !seen.client_cert_sent)
    {
        return Err(client_cert_required(seen, sent).into());
    }
    if body.contains("The SSL certificate error") {
        return Err(client_cert_rejected("the server could not verify it", seen, sent).into());
    }
    Ok(())
}

/// A server that asks for the client certificate only after the handshake (Apache's
/// `SSLVerifyClient` inside `<Location>`) needs TLS 1.3 post-handshake authentication, which
/// rustls does not implement; Apache then answers 403 and says why in the page.
fn refused_after_handshake(response: &http::Response, seen: &Observed) -> Result<()> {
    if response.status.as_u16() != 403 || seen.client_cert_requested {
        return Ok(());
    }
    let body = String::from_utf8_lossy(&response.body);
    if body.contains("Post-Handshake Authentication") {
        return Err(after_handshake("TLS 1.3 post-handshake authentication").into());
    }
    Ok(())
}

fn after_handshake(how: &str) -> crate::error::Failure {
    transfer(
        58,
        format!(
            "the server asked for a client certificate after the handshake ({how}), which mtlsctl does not support"
        ),
    )
    .hint("configure client authentication for the whole virtual host (Apache: SSLVerifyClient require outside <Location> and <Directory>), or use curl for this server")
}

/// The rustls error behind a failure: directly, inside an io::Error (tokio-rustls), or inside
/// an h2 connection error (hyper's HTTP/2).
fn find_tls_error(error: &anyhow::Error) -> Option<&rustls::Error> {
    fn in_io(io: &std::io::Error) -> Option<&rustls::Error> {
        io.get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    }
    error.chain().find_map(|cause| {
        cause
            .downcast_ref::<rustls::Error>()
            .or_else(|| cause.downcast_ref::<std::io::Error>().and_then(in_io))
            .or_else(|| {
                cause
                    .downcast_ref::<h2::Error>()
                    .and_then(|e| e.get_io())
                    .and_then(in_io)
            })
    })
}

fn head(version: hyper::Version, status: hyper::StatusCode, headers: &hyper::HeaderMap) -> String {
    let mut text = format!("{version:?} {status}\r\n");
    for (name, value) in headers {
        text.push_str(&format!(
            "{name}: {}\r\n",
            escape_untrusted(&String::from_utf8_lossy(value.as_bytes()))
        ));
    }
    text.push_str("\r\n");
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

fn client_request_text(seen: &Observed) -> String {
    if !seen.client_cert_requested {
        return "The server did not ask for a client certificate\n".into();
    }
    if seen.acceptable_cas.is_empty() {
        return "The server asked for a client certificate (any CA)\n".into();
    }
    format!(
        "The server asked for a client certificate from: {}\n",
        escape_untrusted(&seen.acceptable_cas.join("; "))
    )
}

fn chain_text(chain: &[CertInfo], now: DateTime<Utc>) -> String {
    let mut text = String::new();
    for (i, cert) in chain.iter().enumerate() {
        text.push_str(&format!(
            "  {i} subject: {}\n",
            escape_untrusted(&cert.subject)
        ));
        text.push_str(&format!(
            "    issuer:  {}\n",
            escape_untrusted(&cert.issuer)
        ));
        text.push_str(&format!(
            "    valid:   {} to {} ({} days left)\n",
            short_time(cert.not_before),
            short_time(cert.not_after),
            crate::state::days_left(cert.not_after, now)
        ));
        if !cert.sans.is_empty() {
            text.push_str(&format!(
                "    SANs:    {}\n",
                escape_untrusted(&cert.sans.join(", "))
            ));
        }
        text.push_str(&format!("    sha256:  {}\n", cert.sha256));
    }
    text
}

fn chain_entry_json(cert: &CertInfo, now: DateTime<Utc>) -> Value {
    json!({
        "subject": cert.subject,
        "issuer": cert.issuer,
        "not_before": cert.not_before,
        "not_after": cert.not_after,
        "days_left": crate::state::days_left(cert.not_after, now),
        "sans": cert.sans,
        "sha256": cert.sha256,
    })
}

fn response_json(response: &http::Response, seen: &Observed, sent: Option<&SentCert>) -> Value {
    let headers: serde_json::Map<String, Value> = response
        .headers
        .keys()
        .map(|name| {
            let values: Vec<String> = response
                .headers
                .get_all(name)
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect();
            let value = if values.len() == 1 {
                json!(values[0])
            } else {
                json!(values)
            };
            (name.to_string(), value)
        })
        .collect();
    let now = Utc::now();
    let chain: Vec<Value> = seen
        .server_chain
        .iter()
        .filter_map(|der| CertInfo::from_der(der).ok())
        .map(|c| chain_entry_json(&c, now))
        .collect();
    json!({
        "status": response.status.as_u16(),
        "http_version": format!("{:?}", response.version),
        "headers": headers,
        "peer": response.peer.to_string(),
        "timings": response.timings,
        "tls": response.tls.as_ref().map(|tls| json!({
            "version": tls.version,
            "cipher": tls.cipher,
            "alpn": tls.alpn,
            "server_chain": chain,
            "client_certificate_requested": seen.client_cert_requested,
            "acceptable_cas": seen.acceptable_cas,
            "client_certificate_sent": sent.filter(|_| seen.client_cert_sent).map(|c| json!({
                "subject": c.subject,
                "variable": c.variable,
                "not_after": c.not_after,
            })),
        })),
    })
}
