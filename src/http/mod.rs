//! One HTTP exchange over a connection made step by step (resolve, connect, TLS, request), so
//! that each step is timed and each failure is named by the step it happened in.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Method, Request, StatusCode, Uri, Version};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;

use crate::error::usage;

mod retry;

pub use retry::{MAX_RETRY_AFTER, RETRY_STATUSES, Retry};

/// A header as `-H` takes it, checked where the flag is read: a name HTTP allows, a value
/// without line breaks or other control characters.
#[derive(Debug, Clone)]
pub struct Header {
    pub name: String,
    pub value: String,
}

impl std::str::FromStr for Header {
    type Err = crate::error::Failure;

    fn from_str(text: &str) -> Result<Header, Self::Err> {
        let shown = crate::text::escape_untrusted(text);
        let (name, value) = text
            .split_once(':')
            .ok_or_else(|| usage(format!("'{shown}' is not a header: write 'Name: value'")))?;
        let (name, value) = (name.trim(), value.trim());
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            return Err(usage(format!(
                "'{}' is not a header name (letters, digits and !#$%&'*+-.^_`|~, no spaces)",
                crate::text::escape_untrusted(name)
            )));
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(usage(format!(
                "'{shown}' is not a header: its value holds a line break or another control character"
            )));
        }
        Ok(Header {
            name: name.to_string(),
            value: value.to_string(),
        })
    }
}

/// Where a request goes.
#[derive(Debug, Clone)]
pub struct Target {
    pub https: bool,
    /// Host without IPv6 brackets.
    pub host: String,
    pub port: u16,
    pub authority: String,
    pub path_and_query: String,
    /// `user:password` from the URL, percent-decoded: sent as Basic authorization, as curl.
    pub credentials: Option<Vec<u8>>,
}

/// The port of a URL: the one written (1 to 65535, never silently the default when it is not a
/// number), else 443 for https and 80 for http.
fn port_of(uri: &Uri, https: bool, url: &str) -> Result<u16> {
    // A port that is there but not a number from 1 to 65535 is an error, never the default
    // port (that would reach another server than the one named).
    let host_port = uri
        .authority()
        .map(|a| a.as_str().rsplit('@').next().unwrap_or_default())
        .unwrap_or_default();
    let port_text = match host_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split_once(']').map(|(_, rest)| rest),
        None => Some(host_port),
    }
    .and_then(|rest| rest.rsplit_once(':'))
    .map(|(_, port)| port);
    Ok(match port_text {
        None => {
            if https {
                443
            } else {
                80
            }
        }
        Some(text) => text
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0 && !text.starts_with('+'))
            .ok_or_else(|| {
                usage(format!(
                    "'{url}': the port '{text}' is not a number from 1 to 65535"
                ))
            })?,
    })
}

/// The path with its dot segments resolved before sending, as curl does (/a/../b is /b).
fn without_dot_segments(path_and_query: String, url: &str) -> String {
    let path = path_and_query.split('?').next().unwrap_or_default();
    if !path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return path_and_query;
    }
    match url::Url::parse(url) {
        Ok(parsed) => match parsed.query() {
            Some(query) => format!("{}?{query}", parsed.path()),
            None => parsed.path().to_string(),
        },
        Err(_) => path_and_query,
    }
}

impl Target {
    pub fn parse(url: &str) -> Result<Target> {
        let uri: Uri = url
            .parse()
            .map_err(|e| usage(format!("'{url}' is not a URL: {e}")))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            Some(other) => {
                return Err(usage(format!(
                    "'{url}': the scheme {other} is not supported (use https or http)"
                ))
                .into());
            }
            None => return Err(usage(format!("'{url}' has no scheme: write https://{url}")).into()),
        };
        let host = uri
            .host()
            .ok_or_else(|| usage(format!("'{url}' has no host")))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let port = port_of(&uri, https, url)?;
        let authority = uri
            .authority()
            .map(|a| {
                a.as_str()
                    .rsplit('@')
                    .next()
                    .unwrap_or(a.as_str())
                    .to_string()
            })
            .unwrap_or_else(|| host.clone());
        let path_and_query = uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "/".into());
        let path_and_query = without_dot_segments(path_and_query, url);
        let credentials = uri
            .authority()
            .and_then(|a| a.as_str().rsplit_once('@'))
            .map(|(userinfo, _)| percent_decode(userinfo));
        Ok(Target {
            https,
            host,
            port,
            authority,
            path_and_query,
            credentials,
        })
    }
}

/// curl's `--resolve HOST:PORT:ADDR`.
#[derive(Debug, Clone)]
pub struct Resolve {
    pub host: String,
    pub port: u16,
    pub addr: IpAddr,
}

impl std::str::FromStr for Resolve {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad =
            || format!("'{text}' is not HOST:PORT:ADDRESS (e.g. api.example.com:443:127.0.0.1)");
        let (host, rest) = text.split_once(':').ok_or_else(bad)?;
        let (port, addr) = rest.split_once(':').ok_or_else(bad)?;
        Ok(Resolve {
            host: host.to_ascii_lowercase(),
            port: port.parse().map_err(|_| bad())?,
            addr: addr
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse()
                .map_err(|_| bad())?,
        })
    }
}

/// The step of a transfer that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Resolve,
    Connect,
    /// The proxy's name could not be resolved (curl's 5).
    ProxyResolve,
    /// The proxy refused or broke the tunnel (curl's 56).
    Proxy,
    Tls,
    Http,
    /// The answer's head arrived, then its body ended early (curl's 18).
    Body,
    /// The body could not be written where it was to go (curl's 23).
    Write,
}

/// A failed transfer: which step, whether it timed out, and the cause.
#[derive(Debug)]
pub struct TransferError {
    pub step: Step,
    pub timed_out: bool,
    pub cause: anyhow::Error,
}

impl std::fmt::Display for TransferError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.cause)
    }
}

impl std::error::Error for TransferError {}

fn failed(step: Step, cause: anyhow::Error) -> TransferError {
    TransferError {
        step,
        timed_out: false,
        cause,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpVersion {
    /// ALPN offers h2 and http/1.1 over TLS; HTTP/1.1 in clear text.
    Auto,
    Http11,
    /// h2 over TLS (ALPN), h2 with prior knowledge in clear text.
    Http2,
}

pub struct Exchange {
    pub method: Method,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

pub struct ConnectOptions {
    pub resolve: Vec<Resolve>,
    pub proxies: Proxies,
    pub connect_timeout: Duration,
    pub version: HttpVersion,
    pub tls: Option<Arc<ClientConfig>>,
}

/// Seconds from the start of the transfer at which each step finished.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Timings {
    pub dns: f64,
    pub connect: f64,
    pub tls: f64,
    pub first_byte: f64,
    pub total: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TlsFacts {
    pub version: String,
    pub cipher: String,
    pub alpn: Option<String>,
}

/// Where a response body goes as it arrives, when not into memory.
pub trait BodySink {
    /// Whether the body of this response (status, version, headers) is streamed to `write`
    /// (else it is kept in memory, in `Response::body`).
    fn wants(&mut self, head: &hyper::http::response::Parts) -> bool;
    fn write(&mut self, chunk: &[u8]) -> Result<()>;
}

pub struct Response {
    pub status: StatusCode,
    pub version: Version,
    pub headers: HeaderMap,
    /// The body when it was kept in memory; empty when it went to a `BodySink`.
    pub body: Bytes,
    /// Bytes of body received, wherever they went.
    pub size: u64,
    /// The request as sent: method, target and headers (for -v).
    pub sent: Vec<String>,
    pub peer: SocketAddr,
    pub tls: Option<TlsFacts>,
    pub timings: Timings,
}

/// A connection made and, for https, TLS-handshaken: not yet speaking HTTP.
pub struct Connected {
    stream: Stream,
    pub peer: SocketAddr,
    /// The proxy the connection goes through, when there is one.
    pub proxy: Option<Proxy>,
    pub tls: Option<TlsFacts>,
    pub timings: Timings,
    start: Instant,
}

enum Stream {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

/// An HTTP proxy as curl takes it: `[http://][user:password@]host[:port]` (port 1080 when
/// none is given, as curl). https:// and SOCKS proxies are refused by name.
#[derive(Debug, Clone)]
pub struct Proxy {
    pub host: String,
    pub port: u16,
    /// `Basic …` for Proxy-Authorization, from the URL's user and password.
    authorization: Option<String>,
    /// The proxy without its password, for messages.
    pub shown: String,
}

impl Proxy {
    pub fn parse(text: &str) -> Result<Proxy> {
        let text = text.trim();
        let rest = match text.split_once("://") {
            Some(("http" | "HTTP", rest)) => rest,
            Some((scheme, _)) => {
                return Err(usage(format!(
                    "the proxy {scheme}://… is not supported: mtlsctl speaks to HTTP proxies (http://host:port)"
                ))
                .into());
            }
            None => text,
        };
        let rest = rest.trim_end_matches('/');
        let (userinfo, host_port) = match rest.rsplit_once('@') {
            Some((userinfo, host_port)) => (Some(userinfo), host_port),
            None => (None, rest),
        };
        let target = Target::parse(&format!("http://{host_port}/")).map_err(|_| {
            usage(format!(
                "'{}' is not a proxy: write http://host:port",
                crate::text::escape_untrusted(host_port)
            ))
        })?;
        let explicit_port = match host_port.rsplit_once(']') {
            Some((_, after)) => after.starts_with(':'),
            None => host_port.contains(':'),
        };
        let port = if explicit_port { target.port } else { 1080 };
        let authorization = userinfo.map(|userinfo| {
            use base64::Engine;
            let decoded = percent_decode(userinfo);
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(decoded)
            )
        });
        let user = userinfo.map(|u| u.split(':').next().unwrap_or_default());
        Ok(Proxy {
            shown: match user {
                Some(user) => format!("http://{user}:***@{}:{port}", target.host),
                None => format!("http://{}:{port}", target.host),
            },
            host: target.host,
            port,
            authorization,
        })
    }
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Which proxy each target goes through, as curl decides: --proxy, else https_proxy /
/// HTTPS_PROXY for https and http_proxy for http (curl ignores HTTP_PROXY), else all_proxy /
/// ALL_PROXY; never for a host NO_PROXY names (`*`, a host, a domain and its subdomains, an
/// address).
#[derive(Debug, Clone, Default)]
pub struct Proxies {
    pub explicit: Option<Proxy>,
    pub https: Option<Proxy>,
    pub http: Option<Proxy>,
    pub no_proxy: Vec<String>,
}

impl Proxies {
    pub fn for_target(&self, target: &Target) -> Option<Proxy> {
        let host = target.host.to_ascii_lowercase();
        let excluded = self.no_proxy.iter().any(|entry| {
            let entry = entry.trim().to_ascii_lowercase();
            let entry = entry.trim_start_matches('.');
            let entry = entry.trim_start_matches('[').trim_end_matches(']');
            !entry.is_empty()
                && (entry == "*"
                    || host == entry
                    || host.ends_with(&format!(".{entry}"))
                    || in_network(&host, entry))
        });
        if excluded {
            return None;
        }
        self.explicit.clone().or_else(|| {
            if target.https {
                self.https.clone()
            } else {
                self.http.clone()
            }
        })
    }
}

/// Whether an address is in a network written `address/prefix` (NO_PROXY=10.0.0.0/8).
fn in_network(host: &str, network: &str) -> bool {
    let Some((base, prefix)) = network.split_once('/') else {
        return false;
    };
    let (Ok(host), Ok(base), Ok(prefix)) = (
        host.parse::<IpAddr>(),
        base.parse::<IpAddr>(),
        prefix.parse::<u32>(),
    ) else {
        return false;
    };
    match (host, base) {
        (IpAddr::V4(h), IpAddr::V4(b)) if prefix <= 32 => {
            let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
            u32::from(h) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(h), IpAddr::V6(b)) if prefix <= 128 => {
            let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
            u128::from(h) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

/// Ask the proxy for a tunnel to the target (HTTP CONNECT) and read its answer.
async fn tunnel(tcp: &mut TcpStream, proxy: &Proxy, target: &Target) -> Result<(), TransferError> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let authority = if target.host.contains(':') {
        format!("[{}]:{}", target.host, target.port)
    } else {
        format!("{}:{}", target.host, target.port)
    };
    let mut request = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(credentials) = &proxy.authorization {
        request.push_str(&format!("Proxy-Authorization: {credentials}\r\n"));
    }
    request.push_str("\r\n");
    let broken = |e: std::io::Error| {
        failed(
            Step::Proxy,
            anyhow::Error::new(e).context(format!("the proxy {} broke the tunnel", proxy.shown)),
        )
    };
    tcp.write_all(request.as_bytes()).await.map_err(broken)?;
    // The answer's head, byte by byte: what follows it is the server's, not the proxy's.
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 {
            return Err(failed(
                Step::Proxy,
                anyhow!(
                    "the proxy {} answered CONNECT with more than 16 KiB of headers",
                    proxy.shown
                ),
            ));
        }
        let byte = tcp.read_u8().await.map_err(broken)?;
        head.push(byte);
    }
    let status_line = String::from_utf8_lossy(&head)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let code = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok());
    match code {
        Some(200..=299) => Ok(()),
        _ => Err(failed(
            Step::Proxy,
            anyhow!(
                "the proxy {} refused the tunnel to {authority}: {}",
                proxy.shown,
                crate::text::escape_untrusted(status_line.trim())
            ),
        )),
    }
}

/// Resolve, connect and (for https) handshake, timing each step.
/// The TLS handshake over a connected socket, within the connect timeout, and what it agreed.
async fn handshake_tls(
    tcp: TcpStream,
    target: &Target,
    options: &ConnectOptions,
) -> Result<(tokio_rustls::client::TlsStream<TcpStream>, TlsFacts), TransferError> {
    let config = options
        .tls
        .clone()
        .ok_or_else(|| failed(Step::Tls, anyhow!("no TLS configuration")))?;
    let name = ServerName::try_from(target.host.clone()).map_err(|e| {
        failed(
            Step::Tls,
            anyhow!("'{}' is not a valid server name: {e}", target.host),
        )
    })?;
    let stream = tokio::time::timeout(
        options.connect_timeout,
        tokio_rustls::TlsConnector::from(config).connect(name, tcp),
    )
    .await
    .map_err(|_| TransferError {
        step: Step::Tls,
        timed_out: true,
        cause: anyhow!(
            "the TLS handshake took longer than {:?}",
            options.connect_timeout
        ),
    })?
    .map_err(|e| failed(Step::Tls, anyhow::Error::new(e)))?;
    let connection = stream.get_ref().1;
    let facts = TlsFacts {
        version: connection
            .protocol_version()
            .map(|v| match v {
                rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_string(),
                rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_string(),
                other => format!("{other:?}"),
            })
            .unwrap_or_default(),
        cipher: connection
            .negotiated_cipher_suite()
            .map(|s| format!("{:?}", s.suite()))
            .unwrap_or_default(),
        alpn: connection
            .alpn_protocol()
            .map(|p| String::from_utf8_lossy(p).into_owned()),
    };
    Ok((stream, facts))
}

pub async fn open(target: &Target, options: &ConnectOptions) -> Result<Connected, TransferError> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let proxy = options.proxies.for_target(target);
    let addrs = match &proxy {
        Some(proxy) => resolve(&proxy.host, proxy.port, &options.resolve)
            .await
            .map_err(|e| failed(Step::ProxyResolve, e.context("the proxy")))?,
        None => resolve(&target.host, target.port, &options.resolve)
            .await
            .map_err(|e| failed(Step::Resolve, e))?,
    };
    timings.dns = seconds_since(start);

    let (mut tcp, peer) = connect(&addrs, options.connect_timeout).await?;
    let _ = tcp.set_nodelay(true);
    if let (Some(proxy), true) = (&proxy, target.https) {
        tokio::time::timeout(options.connect_timeout, tunnel(&mut tcp, proxy, target))
            .await
            .map_err(|_| TransferError {
                step: Step::Proxy,
                timed_out: true,
                cause: anyhow!("the proxy {} did not open the tunnel in time", proxy.shown),
            })??;
    }
    timings.connect = seconds_since(start);
    if !target.https {
        timings.tls = timings.connect;
        return Ok(Connected {
            stream: Stream::Plain(tcp),
            peer,
            proxy,
            tls: None,
            timings,
            start,
        });
    }
    let (stream, facts) = handshake_tls(tcp, target, options).await?;
    timings.tls = seconds_since(start);
    Ok(Connected {
        stream: Stream::Tls(Box::new(stream)),
        peer,
        proxy,
        tls: Some(facts),
        timings,
        start,
    })
}

fn seconds_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}

/// Make one exchange. Errors are `TransferError`s that name the failed step.
/// A body that ended before its end: how much was missing, when the length was given.
/// (hyper's own words, "stream error detected: unspecific protocol error", add nothing a user
/// can act on.)
fn body_cut(headers: &HeaderMap, size: u64) -> TransferError {
    let expected = headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let why = match expected {
        Some(length) => format!(
            "the transfer closed with {} bytes of the body remaining",
            length.saturating_sub(size)
        ),
        None => format!("the transfer closed after {size} bytes, before the body's end"),
    };
    failed(Step::Body, anyhow!(why))
}

/// The body, frame by frame: streamed to the sink when it wants this response (never held
/// whole in memory), else kept. Returns what was kept and how many bytes came.
async fn receive(
    mut body: hyper::body::Incoming,
    parts: &hyper::http::response::Parts,
    mut sink: Option<&mut dyn BodySink>,
) -> Result<(Vec<u8>, u64), TransferError> {
    let streaming = sink.as_deref_mut().is_some_and(|s| s.wants(parts));
    let mut kept = Vec::new();
    let mut size = 0u64;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| body_cut(&parts.headers, size))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        size += data.len() as u64;
        match sink.as_deref_mut() {
            Some(sink) if streaming => sink
                .write(&data)
                .map_err(|e| failed(Step::Write, e.context("cannot write the response body")))?,
            _ => kept.extend_from_slice(&data),
        }
    }
    Ok((kept, size))
}

pub async fn fetch(
    target: &Target,
    exchange: &Exchange,
    options: &ConnectOptions,
    sink: Option<&mut dyn BodySink>,
) -> Result<Response, TransferError> {
    let Connected {
        stream,
        peer,
        proxy,
        tls,
        mut timings,
        start,
    } = open(target, options).await?;
    // Plain HTTP through a proxy is forwarded: the request names the whole URL.
    let forwarded = proxy.filter(|_| !target.https);
    let sender = match stream {
        Stream::Tls(stream) => {
            let h2 = tls.as_ref().and_then(|t| t.alpn.as_deref()) == Some("h2");
            handshake(TokioIo::new(*stream), h2).await?
        }
        Stream::Plain(tcp) => {
            handshake(TokioIo::new(tcp), options.version == HttpVersion::Http2).await?
        }
    };
    let (request, sent) = build_request(target, exchange, sender.is_h2(), forwarded.as_ref())?;
    let response = sender.send(request).await?;
    timings.first_byte = seconds_since(start);
    let (parts, body) = response.into_parts();
    let (kept, size) = receive(body, &parts, sink).await?;
    timings.total = seconds_since(start);
    Ok(Response {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        body: Bytes::from(kept),
        size,
        sent,
        peer,
        tls,
        timings,
    })
}

async fn resolve(host: &str, port: u16, overrides: &[Resolve]) -> Result<Vec<SocketAddr>> {
    let host = host.to_ascii_lowercase();
    if let Some(o) = overrides.iter().find(|o| o.host == host && o.port == port) {
        return Ok(vec![SocketAddr::new(o.addr, o.port)]);
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    // As curl does (RFC 6761): localhost is the loopback, without asking the resolver.
    if host == "localhost" || host.ends_with(".localhost") {
        let loopback = [
            IpAddr::from([127, 0, 0, 1]),
            IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        ];
        return Ok(loopback
            .iter()
            .map(|ip| SocketAddr::new(*ip, port))
            .collect());
    }
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .with_context(|| format!("could not resolve host {host}"))?
        .collect();
    if addrs.is_empty() {
        return Err(anyhow!("could not resolve host {host}: no addresses"));
    }
    Ok(addrs)
}

async fn connect(
    addrs: &[SocketAddr],
    timeout: Duration,
) -> Result<(TcpStream, SocketAddr), TransferError> {
    let mut last = None;
    for addr in addrs {
        match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => return Ok((stream, *addr)),
            Ok(Err(e)) => {
                last = Some(failed(
                    Step::Connect,
                    anyhow::Error::new(e).context(format!("could not connect to {addr}")),
                ))
            }
            Err(_) => {
                last = Some(TransferError {
                    step: Step::Connect,
                    timed_out: true,
                    cause: anyhow!("connecting to {addr} took longer than {timeout:?}"),
                })
            }
        }
    }
    Err(last.unwrap_or_else(|| failed(Step::Connect, anyhow!("no address to connect to"))))
}

struct Sender {
    send: SendRequest,
    /// The connection task's own error: why a request was cancelled (a TLS alert, say).
    connection_error: tokio::sync::oneshot::Receiver<hyper::Error>,
}

enum SendRequest {
    H1(hyper::client::conn::http1::SendRequest<Full<Bytes>>),
    H2(hyper::client::conn::http2::SendRequest<Full<Bytes>>),
}

impl Sender {
    fn is_h2(&self) -> bool {
        matches!(self.send, SendRequest::H2(_))
    }

    async fn send(
        self,
        request: Request<Full<Bytes>>,
    ) -> Result<hyper::Response<hyper::body::Incoming>, TransferError> {
        let result = match self.send {
            SendRequest::H1(mut s) => s.send_request(request).await,
            SendRequest::H2(mut s) => s.send_request(request).await,
        };
        match result {
            Ok(response) => Ok(response),
            Err(error) => {
                // The connection task may still be recording why it ended: give it a moment.
                let cause = tokio::time::timeout(Duration::from_millis(200), self.connection_error)
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .unwrap_or(error);
                Err(failed(Step::Http, anyhow::Error::new(cause)))
            }
        }
    }
}

fn drive<F>(connection: F) -> tokio::sync::oneshot::Receiver<hyper::Error>
where
    F: std::future::Future<Output = Result<(), hyper::Error>> + Send + 'static,
{
    let (report, receiver) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            let _ = report.send(error);
        }
    });
    receiver
}

async fn handshake<T>(io: TokioIo<T>, h2: bool) -> Result<Sender, TransferError>
where
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let http_failed = |e: hyper::Error| failed(Step::Http, anyhow::Error::new(e));
    if h2 {
        let (sender, connection) = hyper::client::conn::http2::handshake(TokioExecutor::new(), io)
            .await
            .map_err(http_failed)?;
        Ok(Sender {
            send: SendRequest::H2(sender),
            connection_error: drive(connection),
        })
    } else {
        // As many header lines as curl takes (hyper's default stops at 100).
        let (sender, connection) = hyper::client::conn::http1::Builder::new()
            .max_headers(1000)
            .handshake(io)
            .await
            .map_err(http_failed)?;
        Ok(Sender {
            send: SendRequest::H1(sender),
            connection_error: drive(connection),
        })
    }
}

/// The request with curl's defaults: Host (HTTP/1), User-Agent, Accept, and a form content
/// type for a body; a user header replaces a default, and `Name:` with no value removes it.
/// The headers a request carries: the defaults (Host, User-Agent, Accept, the body's type and
/// length, proxy and URL credentials), then the -H given, which replace defaults of their name.
fn request_headers(
    target: &Target,
    exchange: &Exchange,
    h2: bool,
    forwarded: Option<&Proxy>,
) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    if !h2 {
        headers.push(("Host".into(), target.authority.clone()));
    }
    headers.push((
        "User-Agent".into(),
        format!("mtlsctl/{}", env!("CARGO_PKG_VERSION")),
    ));
    headers.push(("Accept".into(), "*/*".into()));
    if let Some(credentials) = forwarded.and_then(|p| p.authorization.clone()) {
        headers.push(("Proxy-Authorization".into(), credentials));
    }
    if let Some(credentials) = &target.credentials {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        headers.push(("Authorization".into(), format!("Basic {encoded}")));
    }
    if let Some(body) = &exchange.body {
        headers.push((
            "Content-Type".into(),
            "application/x-www-form-urlencoded".into(),
        ));
        headers.push(("Content-Length".into(), body.len().to_string()));
    }
    // A -H replaces the default of its name ('Name:' removes it); several -H of one name are
    // all sent, as curl sends them.
    for (name, _) in &exchange.headers {
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }
    headers.extend(
        exchange
            .headers
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .cloned(),
    );
    headers
}

/// A header line as -v shows it: credentials are never shown.
fn shown_header(header: &HeaderName, name: &str, value: &str) -> String {
    if header == hyper::header::AUTHORIZATION || header == hyper::header::PROXY_AUTHORIZATION {
        format!("{name}: (hidden)")
    } else {
        format!("{name}: {value}")
    }
}

fn build_request(
    target: &Target,
    exchange: &Exchange,
    h2: bool,
    forwarded: Option<&Proxy>,
) -> Result<(Request<Full<Bytes>>, Vec<String>), TransferError> {
    let invalid = |e: anyhow::Error| failed(Step::Http, e);
    let uri: Uri = if h2 || forwarded.is_some() {
        let scheme = if target.https { "https" } else { "http" };
        format!("{scheme}://{}{}", target.authority, target.path_and_query)
    } else {
        target.path_and_query.clone()
    }
    .parse()
    .map_err(|e| invalid(anyhow!("invalid request target: {e}")))?;
    let headers = request_headers(target, exchange, h2, forwarded);
    let mut builder = Request::builder()
        .method(exchange.method.clone())
        .uri(uri)
        .version(if h2 {
            Version::HTTP_2
        } else {
            Version::HTTP_11
        });
    let mut sent = vec![format!(
        "{} {} {}",
        exchange.method,
        target.path_and_query,
        if h2 { "HTTP/2" } else { "HTTP/1.1" }
    )];
    for (name, value) in &headers {
        let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            invalid(anyhow!(usage(format!(
                "'{name}' is not a valid header name"
            ))))
        })?;
        let header_value = HeaderValue::from_str(value).map_err(|_| {
            invalid(anyhow!(usage(format!(
                "the value of header '{name}' is not valid"
            ))))
        })?;
        // HTTP/2 carries the authority in :authority, not Host.
        if h2 && header_name == hyper::header::HOST {
            continue;
        }
        sent.push(shown_header(&header_name, name, value));
        builder = builder.header(header_name, header_value);
    }
    let body = Full::new(Bytes::from(exchange.body.clone().unwrap_or_default()));
    let request = builder
        .body(body)
        .map_err(|e| invalid(anyhow!("cannot build the request: {e}")))?;
    Ok((request, sent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_resolve_overrides_parse_as_curl_takes_them() {
        let t = Target::parse("https://api.example.com:8443/v1/x?y=1").unwrap();
        assert!(t.https);
        assert_eq!((t.host.as_str(), t.port), ("api.example.com", 8443));
        assert_eq!(t.path_and_query, "/v1/x?y=1");
        let t = Target::parse("http://[::1]/").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("::1", 80));
        assert!(Target::parse("ftp://x/").is_err());
        assert_eq!(
            Target::parse("https://x/a/../b/./c?q=1")
                .unwrap()
                .path_and_query,
            "/b/c?q=1"
        );
        assert!(Target::parse("example.com").is_err());
        let r: Resolve = "api.example.com:443:127.0.0.1".parse().unwrap();
        assert_eq!(r.addr.to_string(), "127.0.0.1");
        assert!("api.example.com:443".parse::<Resolve>().is_err());
    }

    #[test]
    fn no_proxy_takes_networks() {
        assert!(in_network("127.0.0.1", "127.0.0.0/8"));
        assert!(in_network("10.1.2.3", "10.0.0.0/8"));
        assert!(!in_network("11.1.2.3", "10.0.0.0/8"));
        assert!(in_network("::1", "::1/128"));
        assert!(in_network("1.2.3.4", "0.0.0.0/0"));
        assert!(!in_network("example.com", "10.0.0.0/8"));
    }
}
