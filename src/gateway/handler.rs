//! One request: admitted only for the served host with an unambiguous path, judged by the
//! rules on exactly what the upstream will receive, then echoed or proxied with bodies
//! streamed both ways.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderName, HeaderValue};
use hyper::{Request, Response, StatusCode};

use super::access_log::{AccessLog, RequestLine};
use super::normalize;
use super::rules::{self, Lookup, Rule};
use super::variables::{self, ConnectionVariables, RequestFacts, RequestVariables};
use crate::text::escape_untrusted;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
pub type Body = http_body_util::combinators::BoxBody<Bytes, BoxError>;

const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// What every request handler shares.
pub struct Shared {
    /// The served domain, normalised as a host name.
    pub host: String,
    pub rules: Vec<Rule>,
    pub upstream: Option<Upstream>,
    pub log: AccessLog,
    pub now: Option<DateTime<Utc>>,
    /// The largest request body accepted (nginx's client_max_body_size); None: no limit.
    pub max_body: Option<u64>,
}

pub struct Upstream {
    pub base: String,
    pub client: reqwest::Client,
}

/// What the handshake established about one connection.
pub struct Peer {
    pub remote: SocketAddr,
    /// The server name the client asked for (SNI), normalised.
    pub sni: Option<String>,
    /// The client certificate's variables, worked out once for every request on the connection.
    pub variables: ConnectionVariables,
}

/// The request as the rules and the upstream see it.
struct Target {
    hostname: String,
    path: String,
}

pub async fn handle(
    request: Request<Incoming>,
    peer: Arc<Peer>,
    shared: Arc<Shared>,
) -> Result<Response<Body>, Infallible> {
    let started = Instant::now();
    let method = request.method().to_string();
    let version = format!("{:?}", request.version());
    let query = request.uri().query().map(str::to_string);
    let (response, path, vars, verdict) = match admit(&request, &peer, &shared) {
        Err((status, why)) => (
            plain(status, why),
            request.uri().path().to_string(),
            None,
            None,
        ),
        Ok(target) => {
            let now = shared.now.unwrap_or_else(Utc::now);
            let facts = RequestFacts {
                hostname: &target.hostname,
                path: &target.path,
                method: &method,
            };
            let vars = variables::for_request(&peer.variables, &facts, now);
            let verdict = rules::evaluate(&shared.rules, &vars);
            let response = respond(request, &target, &vars, &verdict, &peer, &shared).await;
            (response, target.path, Some(vars), Some(verdict))
        }
    };
    // A refused request still shows the connection's certificate.
    let var = |name: &str| match &vars {
        Some(v) => v.value(name).unwrap_or(""),
        None => peer.variables.value(name).unwrap_or(""),
    };
    let path = match &query {
        Some(query) => format!("{path}?{query}"),
        None => path,
    };
    shared.log.request(&RequestLine {
        remote: peer.remote,
        method: &method,
        path: &path,
        protocol: &version,
        status: response.status().as_u16(),
        bytes: body_length(&response),
        ssl_client_verify: var("ssl_client_verify"),
        ssl_client_s_dn: var("ssl_client_s_dn"),
        rules_matched: verdict
            .as_ref()
            .map(|v| v.matched.as_slice())
            .unwrap_or(&[]),
        denied_by: verdict
            .as_ref()
            .and_then(|v| v.deny.as_ref())
            .map(|(_, rule)| rule.as_str()),
        duration_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1000.0,
    });
    Ok(response)
}

/// Only the served host, named the same way in SNI and in the request (421 otherwise, as
/// nginx's `server_name`), and a path with one meaning (400 otherwise).
fn admit(
    request: &Request<Incoming>,
    peer: &Peer,
    shared: &Shared,
) -> Result<Target, (StatusCode, String)> {
    let hostname = requested_host(request)?.unwrap_or_else(|| shared.host.clone());
    let sni_differs = peer.sni.as_ref().is_some_and(|sni| *sni != shared.host);
    if hostname != shared.host || sni_differs {
        return Err((
            StatusCode::MISDIRECTED_REQUEST,
            "this server does not serve that host\n".into(),
        ));
    }
    let path = normalize::path(request.uri().path()).map_err(|why| {
        (
            StatusCode::BAD_REQUEST,
            format!("ambiguous path: {}\n", why.0),
        )
    })?;
    Ok(Target { hostname, path })
}

/// The host a request names, normalised (RFC 9112 §3.2): the URI's authority when it has one
/// (HTTP/2's :authority, HTTP/1.1's absolute form; a Host header is then ignored), else the one
/// Host header. Refused (400): userinfo, several Host headers, HTTP/1.1 without Host. None: an
/// HTTP/1.0 request without Host, which means the served domain.
fn requested_host(request: &Request<Incoming>) -> Result<Option<String>, (StatusCode, String)> {
    let bad = |why: &str| Err((StatusCode::BAD_REQUEST, format!("{why}\n")));
    if let Some(authority) = request.uri().authority() {
        if authority.as_str().contains('@') {
            return bad("the request names a host with user information");
        }
        return Ok(Some(normalize::host(authority.as_str())));
    }
    let mut hosts = request.headers().get_all(header::HOST).iter();
    match (hosts.next(), hosts.next()) {
        (Some(_), Some(_)) => bad("the request has more than one Host header"),
        (Some(host), None) => {
            let host = String::from_utf8_lossy(host.as_bytes());
            if host.contains('@') {
                return bad("the request names a host with user information");
            }
            Ok(Some(normalize::host(&host)))
        }
        (None, _) if request.version() == hyper::Version::HTTP_11 => {
            bad("an HTTP/1.1 request needs a Host header")
        }
        (None, _) => Ok(None),
    }
}

async fn respond(
    request: Request<Incoming>,
    target: &Target,
    vars: &RequestVariables<'_>,
    verdict: &rules::Verdict,
    peer: &Peer,
    shared: &Shared,
) -> Response<Body> {
    if let Some((status, rule)) = &verdict.deny {
        return plain(
            StatusCode::from_u16(*status).unwrap_or(StatusCode::FORBIDDEN),
            format!("denied by rule {rule}\n"),
        );
    }
    if declared_too_large(request.headers(), shared.max_body) {
        return too_large();
    }
    match &shared.upstream {
        Some(upstream) => proxy(request, target, &verdict.headers, upstream, peer, shared).await,
        None => echo(request, target, vars, verdict, shared.max_body).await,
    }
}

fn declared_too_large(headers: &HeaderMap, max: Option<u64>) -> bool {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    matches!((declared, max), (Some(length), Some(max)) if length > max)
}

fn too_large() -> Response<Body> {
    plain(
        StatusCode::PAYLOAD_TOO_LARGE,
        "the request body is larger than this server accepts\n",
    )
}

fn limited(body: Incoming, max: Option<u64>) -> Limited<Incoming> {
    let max = max.map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
    Limited::new(body, max)
}

fn is_length_limit(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(e) = cause {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

pub fn plain(status: StatusCode, body: impl Into<String>) -> Response<Body> {
    let mut response = Response::new(full(body.into()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn full(body: impl Into<Bytes>) -> Body {
    Full::new(body.into())
        .map_err(|never| match never {})
        .boxed()
}

fn body_length(response: &Response<Body>) -> u64 {
    hyper::body::Body::size_hint(response.body())
        .exact()
        .or_else(|| {
            response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The JSON echo's fields but the variables (which are spliced in, written once per
/// connection).
#[derive(serde::Serialize)]
struct Echo<'a> {
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    http_version: &'a str,
    headers: BTreeMap<&'a str, Cow<'a, str>>,
    body: Cow<'a, str>,
    added_headers: BTreeMap<&'a str, &'a str>,
    rules_matched: &'a [String],
}

/// The JSON echo: the request as received, the headers the rules added, every variable.
async fn echo(
    request: Request<Incoming>,
    target: &Target,
    vars: &RequestVariables<'_>,
    verdict: &rules::Verdict,
    max_body: Option<u64>,
) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let body = match limited(body, max_body).collect().await {
        Ok(body) => body.to_bytes(),
        Err(e) if is_length_limit(e.as_ref()) => return too_large(),
        Err(_) => return plain(StatusCode::BAD_REQUEST, "the request body ended early\n"),
    };
    let version = format!("{:?}", parts.version);
    let echo = Echo {
        method: parts.method.as_str(),
        path: &target.path,
        query: parts.uri.query(),
        http_version: &version,
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), String::from_utf8_lossy(v.as_bytes())))
            .collect(),
        body: String::from_utf8_lossy(&body),
        added_headers: verdict
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        rules_matched: &verdict.matched,
    };
    let mut json = serde_json::to_vec(&echo).unwrap_or_default();
    // An object always ends with '}': reopen it for the variables.
    json.pop();
    json.extend_from_slice(b",\"variables\":");
    json.extend_from_slice(vars.to_json_object().as_bytes());
    json.extend_from_slice(b"}\n");
    let mut response = Response::new(full(json));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

async fn proxy(
    request: Request<Incoming>,
    target: &Target,
    added: &[(String, String)],
    upstream: &Upstream,
    peer: &Peer,
    shared: &Shared,
) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let url = match parts.uri.query() {
        Some(query) => format!("{}{}?{query}", upstream.base, target.path),
        None => format!("{}{}", upstream.base, target.path),
    };
    let headers = forward_headers(&parts.headers, added, peer, &target.hostname);
    let body = reqwest::Body::wrap(limited(body, shared.max_body));
    let sent = upstream
        .client
        .request(parts.method, &url)
        .headers(headers)
        .body(body)
        .send()
        .await;
    match sent {
        Ok(answer) => streamed(answer),
        Err(e) if is_length_limit(&e) => too_large(),
        Err(e) => {
            // The details are for the operator; the client learns nothing about the upstream.
            eprintln!(
                "mtlsctl: the upstream failed for {} {}: {}",
                peer.remote,
                escape_untrusted(&target.path),
                escape_untrusted(&error_chain(&e))
            );
            plain(StatusCode::BAD_GATEWAY, "the upstream server failed\n")
        }
    }
}

fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}

/// The upstream's answer, its body passed on as it arrives. A body that ends early upstream
/// ends the response early (an error in the stream aborts it), so the client never receives a
/// complete-looking response.
fn streamed(answer: reqwest::Response) -> Response<Body> {
    let answer: http::Response<reqwest::Body> = answer.into();
    let (mut parts, body) = answer.into_parts();
    for name in HOP_BY_HOP {
        parts.headers.remove(name);
    }
    let body = body.map_err(|e| Box::new(e) as BoxError).boxed();
    Response::from_parts(parts, body)
}

/// The client's headers less those the gateway owns: hop-by-hop ones, Host, Content-Length
/// (recomputed), every `X-Forwarded-*`, and any the rules set — which then carry only the
/// gateway's values, as nginx's `proxy_set_header` does.
fn forward_headers(
    client: &HeaderMap,
    added: &[(String, String)],
    peer: &Peer,
    hostname: &str,
) -> HeaderMap {
    let listed_in_connection: Vec<String> = client
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|token| token.trim().to_ascii_lowercase())
        .collect();
    let gateway_owned = |name: &str| {
        // A name with '_' is refused as nginx does (underscores_in_headers off): CGI-style
        // upstreams read X_Client_DN and X-Client-DN as one.
        name.contains('_')
            || HOP_BY_HOP.contains(&name)
            || matches!(name, "host" | "content-length" | "forwarded")
            || name.starts_with("x-forwarded-")
            || listed_in_connection.iter().any(|t| t == name)
            || added.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    let mut out = HeaderMap::with_capacity(client.len() + added.len() + 3);
    for (name, value) in client {
        if !gateway_owned(name.as_str()) && name != header::COOKIE {
            out.append(name.clone(), value.clone());
        }
    }
    // HTTP/2 may split cookies over several fields; HTTP/1.1 wants one (RFC 9113 §8.2.3).
    let cookies: Vec<&[u8]> = client
        .get_all(header::COOKIE)
        .iter()
        .map(HeaderValue::as_bytes)
        .collect();
    if !cookies.is_empty()
        && let Ok(joined) = HeaderValue::from_bytes(&cookies.join(&b"; "[..]))
    {
        out.insert(header::COOKIE, joined);
    }
    add_gateway_headers(&mut out, added, peer, hostname);
    out
}

/// What the gateway says itself: X-Forwarded-*, then the rules' headers.
fn add_gateway_headers(
    out: &mut HeaderMap,
    added: &[(String, String)],
    peer: &Peer,
    hostname: &str,
) {
    let forwarded = [
        ("x-forwarded-for", peer.remote.ip().to_string()),
        ("x-forwarded-proto", "https".to_string()),
        ("x-forwarded-host", hostname.to_string()),
    ];
    for (name, value) in forwarded {
        if let Ok(value) = HeaderValue::from_str(&value) {
            out.insert(name, value);
        }
    }
    for (name, value) in added {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            (Ok(name), Ok(value)) => {
                out.append(name, value);
            }
            _ => eprintln!(
                "mtlsctl: warning: the value of header {name} cannot be sent in a header; not forwarded"
            ),
        }
    }
}
