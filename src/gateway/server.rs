//! The accept loop: TLS with client verification per the domain's mode, HTTP/1.1 and HTTP/2,
//! rules, echo or proxy, an access log line per request, graceful shutdown.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::RootCertStore;
use rustls::client::danger::HandshakeSignatureValid;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DigitallySignedStruct, DistinguishedName, SignatureScheme};
use serde_json::json;

use super::rules::{self, Rule, Variables};
use super::variables::{self, ClientCertificate, RequestFacts};
use crate::cli::LogFormat;
use crate::context::Context;
use crate::model::VerifyMode;
use crate::pki::cert::CertInfo;
use crate::tls::provider;

/// How long in-flight requests may finish after a stop signal.
const GRACE: Duration = Duration::from_secs(10);
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

pub struct Gateway {
    pub listen: SocketAddr,
    pub host: String,
    pub mode: VerifyMode,
    pub ca_name: String,
    pub ca_pem: String,
    pub rules: Vec<Rule>,
    pub chain: Vec<Vec<u8>>,
    pub key_pkcs8: Vec<u8>,
    pub upstream: Option<String>,
    pub log_format: LogFormat,
}

/// What every request handler shares.
struct Shared {
    rules: Vec<Rule>,
    upstream: Option<(String, reqwest::Client)>,
    log_format: LogFormat,
    now: Option<DateTime<Utc>>,
}

/// What the handshake established about one connection.
struct Peer {
    remote: SocketAddr,
    /// The client certificate's variables, worked out once for every request on the connection.
    variables: variables::ConnectionVariables,
}

pub fn run(gateway: Gateway, ctx: &Context) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(serve(gateway, ctx))
}

async fn serve(gateway: Gateway, ctx: &Context) -> Result<()> {
    let mut roots = RootCertStore::empty();
    for der in crate::pki::cert::certs_from_pem(gateway.ca_pem.as_bytes(), "the domain's CA")? {
        roots
            .add(CertificateDer::from(der))
            .context("the domain's CA cannot be trusted")?;
    }
    let roots = Arc::new(roots);
    let checker = WebPkiClientVerifier::builder_with_provider(roots.clone(), provider())
        .allow_unauthenticated()
        .build()
        .context("cannot build the client certificate verifier")?;
    let verifier: Arc<dyn ClientCertVerifier> = match gateway.mode {
        VerifyMode::Enforce => WebPkiClientVerifier::builder_with_provider(roots, provider())
            .build()
            .context("cannot build the client certificate verifier")?,
        VerifyMode::Permissive => Arc::new(Permissive {
            inner: checker.clone(),
        }),
    };
    let mut config = rustls::ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .context("TLS 1.2 and 1.3 are unavailable")?
        .with_client_cert_verifier(verifier)
        .with_single_cert(
            gateway
                .chain
                .iter()
                .cloned()
                .map(CertificateDer::from)
                .collect(),
            PrivateKeyDer::Pkcs8(gateway.key_pkcs8.clone().into()),
        )
        .context("the server certificate and key cannot be used")?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));

    let upstream = match &gateway.upstream {
        Some(url) => Some((
            url.trim_end_matches('/').to_string(),
            reqwest::Client::builder()
                .tls_backend_preconfigured(crate::tls::client_config(
                    crate::tls::ClientOptions {
                        trust: crate::tls::ServerTrust::system(),
                        pins: Vec::new(),
                        identity: None,
                        alpn: vec![b"http/1.1".to_vec()],
                        record_only: false,
                    },
                    &Arc::default(),
                )?)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .context("cannot build the upstream client")?,
        )),
        None => None,
    };
    let shared = Arc::new(Shared {
        rules: gateway.rules,
        upstream,
        log_format: gateway.log_format,
        now: ctx.fixed_now,
    });

    let listener = tokio::net::TcpListener::bind(gateway.listen)
        .await
        .with_context(|| format!("cannot listen on {}", gateway.listen))?;
    let bound = listener.local_addr()?;
    eprintln!(
        "mtlsctl: serving https://{} on {bound} ({}, client certificates from CA '{}'{}); Ctrl-C stops",
        gateway.host,
        gateway.mode.as_str(),
        gateway.ca_name,
        gateway
            .upstream
            .as_deref()
            .map(|u| format!(", proxying to {u}"))
            .unwrap_or_default()
    );

    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = Box::pin(stop_signal());
    loop {
        let (tcp, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(_) => continue,
            },
            _ = &mut stop => break,
        };
        let _ = tcp.set_nodelay(true);
        let acceptor = acceptor.clone();
        let shared = shared.clone();
        let checker = checker.clone();
        let mode = gateway.mode;
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            // A failed handshake is the client's problem (enforce mode refuses it by design).
            let Ok(tls) = acceptor.accept(tcp).await else {
                return;
            };
            let peer = Arc::new(peer_facts(&tls, remote, mode, checker.as_ref()));
            let service = hyper::service::service_fn(move |request| {
                handle(request, peer.clone(), shared.clone())
            });
            let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
            let connection = builder
                .serve_connection(TokioIo::new(tls), service)
                .into_owned();
            let _ = watcher.watch(connection).await;
        });
    }
    eprintln!("mtlsctl: stopping; letting requests in flight finish");
    tokio::select! {
        _ = graceful.shutdown() => {},
        _ = tokio::time::sleep(GRACE) => eprintln!("mtlsctl: gave up waiting for requests after {GRACE:?}"),
    }
    Ok(())
}

async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

/// The client's certificate and whether it chains to the domain's CA.
fn peer_facts(
    tls: &tokio_rustls::server::TlsStream<tokio::net::TcpStream>,
    remote: SocketAddr,
    mode: VerifyMode,
    checker: &dyn ClientCertVerifier,
) -> Peer {
    let certs = tls
        .get_ref()
        .1
        .peer_certificates()
        .map(|c| c.to_vec())
        .unwrap_or_default();
    let Some((leaf, intermediates)) = certs.split_first() else {
        return Peer {
            remote,
            variables: variables::for_connection(None),
        };
    };
    // Enforce mode verified in the handshake; permissive mode verifies now, to tell the rules.
    let failure = match mode {
        VerifyMode::Enforce => None,
        VerifyMode::Permissive => checker
            .verify_client_cert(leaf, intermediates, UnixTime::now())
            .err()
            .map(|e| {
                let self_signed = CertInfo::from_der(leaf)
                    .map(|i| i.self_signed)
                    .unwrap_or(false);
                variables::openssl_reason(&e, self_signed)
            }),
    };
    let client = ClientCertificate { der: leaf, failure };
    Peer {
        remote,
        variables: variables::for_connection(Some(&client)),
    }
}

async fn handle(
    request: Request<Incoming>,
    peer: Arc<Peer>,
    shared: Arc<Shared>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let version = format!("{:?}", request.version());
    let hostname = request
        .uri()
        .host()
        .map(str::to_string)
        .or_else(|| {
            request
                .headers()
                .get(hyper::header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(|h| strip_port(h).to_string())
        })
        .unwrap_or_default();
    let now = shared.now.unwrap_or_else(Utc::now);
    let vars = variables::for_request(
        &peer.variables,
        &RequestFacts {
            hostname: &hostname,
            path: &path,
            method: &method,
        },
        now,
    );
    let verdict = rules::evaluate(&shared.rules, &vars);
    let response = match (&verdict.deny, &shared.upstream) {
        (Some((status, rule)), _) => plain(
            StatusCode::from_u16(*status).unwrap_or(StatusCode::FORBIDDEN),
            format!("denied by rule {rule}\n"),
        ),
        (None, Some((base, client))) => {
            proxy(request, &verdict.headers, base, client, &peer, &hostname).await
        }
        (None, None) => echo(request, &vars, &verdict, &version).await,
    };
    log(
        &shared, &peer, &vars, &method, &path, &version, &response, &verdict, started,
    );
    Ok(response)
}

fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split(']')
            .next()
            .map(|h| h.trim_start_matches('['))
            .unwrap_or(host);
    }
    host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host)
}

fn plain(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The JSON echo: the request as received, the headers the rules added, every variable.
async fn echo(
    request: Request<Incoming>,
    vars: &Variables,
    verdict: &rules::Verdict,
    version: &str,
) -> Response<Full<Bytes>> {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let query = request.uri().query().map(str::to_string);
    let headers: serde_json::Map<String, serde_json::Value> = request
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), json!(String::from_utf8_lossy(v.as_bytes()))))
        .collect();
    let body = request
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let added: serde_json::Map<String, serde_json::Value> = verdict
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    let echo = json!({
        "method": method,
        "path": path,
        "query": query,
        "http_version": version,
        "headers": headers,
        "body": String::from_utf8_lossy(&body),
        "added_headers": added,
        "rules_matched": verdict.matched,
        "variables": vars,
    });
    let mut response = Response::new(Full::new(Bytes::from(format!("{echo:#}\n"))));
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

async fn proxy(
    request: Request<Incoming>,
    added: &[(String, String)],
    base: &str,
    client: &reqwest::Client,
    peer: &Peer,
    hostname: &str,
) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let target = format!(
        "{base}{}",
        parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/")
    );
    let body = match body.collect().await {
        Ok(body) => body.to_bytes(),
        Err(e) => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}\n"),
            );
        }
    };
    let mut outgoing = client.request(parts.method.clone(), &target).body(body);
    for (name, value) in &parts.headers {
        let lower = name.as_str();
        if !HOP_BY_HOP.contains(&lower) && lower != "host" {
            outgoing = outgoing.header(name, value);
        }
    }
    outgoing = outgoing
        .header("x-forwarded-for", peer.remote.ip().to_string())
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-host", hostname);
    for (name, value) in added {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(value)) => outgoing = outgoing.header(name, value),
            _ => eprintln!(
                "mtlsctl: warning: header {name} has a value a header cannot carry; not forwarded"
            ),
        }
    }
    match outgoing.send().await {
        Ok(upstream) => {
            let status = upstream.status();
            let headers = upstream.headers().clone();
            let bytes = upstream.bytes().await.unwrap_or_default();
            let mut response = Response::new(Full::new(bytes));
            *response.status_mut() = status;
            for (name, value) in &headers {
                if !HOP_BY_HOP.contains(&name.as_str()) && name != hyper::header::CONTENT_LENGTH {
                    response.headers_mut().append(name, value.clone());
                }
            }
            response
        }
        Err(e) => plain(
            StatusCode::BAD_GATEWAY,
            format!("the upstream {base} failed: {e}\n"),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn log(
    shared: &Shared,
    peer: &Peer,
    vars: &Variables,
    method: &str,
    path: &str,
    version: &str,
    response: &Response<Full<Bytes>>,
    verdict: &rules::Verdict,
    started: Instant,
) {
    let status = response.status().as_u16();
    let bytes = hyper::body::Body::size_hint(response.body())
        .exact()
        .unwrap_or(0);
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let verify = vars
        .get("ssl_client_verify")
        .map(String::as_str)
        .unwrap_or("");
    let subject = vars
        .get("ssl_client_s_dn")
        .map(String::as_str)
        .unwrap_or("");
    let denied_by = verdict.deny.as_ref().map(|(_, rule)| rule.as_str());
    let line = match shared.log_format {
        LogFormat::Off => return,
        LogFormat::Json => json!({
            "time": Utc::now(),
            "remote": peer.remote.to_string(),
            "method": method,
            "path": path,
            "protocol": version,
            "status": status,
            "bytes": bytes,
            "ssl_client_verify": verify,
            "ssl_client_s_dn": subject,
            "rules_matched": verdict.matched,
            "denied_by": denied_by,
            "duration_ms": (millis * 1000.0).round() / 1000.0,
        })
        .to_string(),
        LogFormat::Text => format!(
            "{} [{}] \"{method} {path} {version}\" {status} {bytes} verify={verify} dn=\"{subject}\" rule={} {millis:.2}ms",
            peer.remote.ip(),
            Utc::now().format("%d/%b/%Y:%H:%M:%S %z"),
            denied_by.unwrap_or("-"),
        ),
    };
    println!("{line}");
}

/// Permissive mode: ask for a certificate, accept the handshake whatever it is (its
/// verification is recorded per connection for the rules), but always check that the client
/// holds the key (the CertificateVerify signature).
#[derive(Debug)]
struct Permissive {
    inner: Arc<dyn ClientCertVerifier>,
}

impl ClientCertVerifier for Permissive {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
