//! The accept loop: TLS with client verification per the domain's mode, HTTP/1.1 and HTTP/2,
//! every wait bounded by a timeout and every resource by a limit, graceful shutdown.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context as TaskContext, Poll};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use rustls::pki_types::UnixTime;
use rustls::server::Acceptor;
use rustls::server::danger::ClientCertVerifier;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, watch};

use super::access_log::{AccessLog, RefusedLine};
use super::handler::{self, Peer, Shared, Upstream};
use super::normalize;
use super::rules::Rule;
use super::variables::{self, ClientCertificate, SentChain};
use super::verify::{self, Permissive, Recording};
use crate::model::LogFormat;
use crate::model::VerifyMode;
use crate::pki::cert::CertInfo;
use crate::tls::provider;

/// How long in-flight requests may finish after a stop signal.
const GRACE: Duration = Duration::from_secs(10);

pub struct Gateway {
    pub listen: SocketAddr,
    pub host: String,
    pub mode: VerifyMode,
    pub ca_name: String,
    pub ca_pem: String,
    /// CRLs (DER) of the store's issuers: revoked client certificates are refused.
    pub crls: Vec<Vec<u8>>,
    pub rules: Vec<Rule>,
    pub chain: Vec<Vec<u8>>,
    pub key_pkcs8: Vec<u8>,
    pub upstream: Option<String>,
    pub log_format: LogFormat,
    pub limits: Limits,
    pub now: Option<DateTime<Utc>>,
}

/// Every wait and every resource a client can hold, bounded (defaults as nginx's).
#[derive(Debug, Clone)]
pub struct Limits {
    pub handshake_timeout: Duration,
    pub header_timeout: Duration,
    pub keepalive_timeout: Duration,
    pub max_header_bytes: usize,
    pub max_body_bytes: Option<u64>,
    pub max_connections: usize,
    pub max_streams: u32,
}

/// What the accept loop hands each connection.
struct Listener {
    tls: Arc<rustls::ServerConfig>,
    mode: VerifyMode,
    checker: Arc<dyn ClientCertVerifier>,
    http: auto::Builder<TokioExecutor>,
    shared: Arc<Shared>,
    limits: Limits,
    stop: watch::Receiver<bool>,
}

pub fn run(gateway: Gateway) -> Result<()> {
    let runtime = crate::runtime::every_core()?;
    runtime.block_on(serve(gateway))
}

async fn serve(gateway: Gateway) -> Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    let (tls, checker) = tls_config(&gateway)?;
    let listener = Arc::new(Listener {
        tls,
        mode: gateway.mode,
        checker,
        http: http_builder(&gateway.limits),
        shared: Arc::new(Shared {
            host: normalize::host(&gateway.host),
            rules: gateway.rules,
            upstream: upstream(gateway.upstream.as_deref())?,
            log: AccessLog::start(gateway.log_format),
            now: gateway.now,
            max_body: gateway.limits.max_body_bytes,
        }),
        limits: gateway.limits.clone(),
        stop: stop_rx,
    });
    let tcp = tokio::net::TcpListener::bind(gateway.listen)
        .await
        .with_context(|| format!("cannot listen on {}", gateway.listen))?;
    let bound = tcp.local_addr()?;
    let stop = stop_signals()?;
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
    let slots = Arc::new(Semaphore::new(gateway.limits.max_connections));
    accept_loop(&tcp, &listener, &slots, stop).await;
    eprintln!("mtlsctl: stopping; letting requests in flight finish");
    let _ = stop_tx.send(true);
    let all = u32::try_from(gateway.limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(GRACE, slots.acquire_many(all))
        .await
        .is_err()
    {
        eprintln!("mtlsctl: gave up waiting for requests after {GRACE:?}");
    }
    Ok(())
}

async fn accept_loop(
    tcp: &tokio::net::TcpListener,
    listener: &Arc<Listener>,
    slots: &Arc<Semaphore>,
    stop: impl std::future::Future<Output = ()>,
) {
    let mut stop = std::pin::pin!(stop);
    let mut last_accept_error: Option<Instant> = None;
    loop {
        let accepted = tokio::select! {
            accepted = tcp.accept() => accepted,
            _ = &mut stop => return,
        };
        let (stream, remote) = match accepted {
            Ok(pair) => pair,
            Err(e) => {
                // Out of file descriptors: say so now and then, and wait instead of spinning.
                if last_accept_error.is_none_or(|at| at.elapsed() > Duration::from_secs(10)) {
                    eprintln!("mtlsctl: warning: cannot accept connections: {e}");
                    last_accept_error = Some(Instant::now());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            listener.shared.log.refused(&RefusedLine {
                remote,
                sni: None,
                refused: "too many connections (--max-connections)",
            });
            continue; // dropping the stream closes it at once
        };
        let _ = stream.set_nodelay(true);
        let listener = listener.clone();
        tokio::spawn(async move {
            connection(stream, remote, &listener).await;
            drop(slot);
        });
    }
}

/// One connection: the handshake within its timeout, then HTTP until the client goes, stays
/// idle too long, or the server stops.
async fn connection(stream: TcpStream, remote: SocketAddr, listener: &Listener) {
    let activity = Arc::new(Activity::new());
    let io = Tracked {
        inner: Some(stream),
        activity: activity.clone(),
        saw_eof: false,
    };
    let Some((tls, sni)) = handshake(io, remote, listener).await else {
        return;
    };
    activity.handshake_done();
    let peer = Arc::new(peer_facts(&tls, remote, sni, listener));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let shared = listener.shared.clone();
    let counter = in_flight.clone();
    let service = hyper::service::service_fn(move |request| {
        let (peer, shared, counter) = (peer.clone(), shared.clone(), counter.clone());
        async move {
            counter.fetch_add(1, Ordering::Relaxed);
            let response = handler::handle(request, peer, shared).await;
            counter.fetch_sub(1, Ordering::Relaxed);
            response
        }
    });
    let conn = listener.http.serve_connection(TokioIo::new(tls), service);
    let mut conn = std::pin::pin!(conn);
    let idle_limit = listener.limits.keepalive_timeout;
    let tick = (idle_limit / 4).clamp(Duration::from_millis(50), Duration::from_secs(1));
    let mut ticks = tokio::time::interval(tick);
    let mut stop = listener.stop.clone();
    // Shut down gracefully when idle too long or when the server stops; then allow the grace.
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = ticks.tick() => {
                if in_flight.load(Ordering::Relaxed) == 0 && activity.idle_for() >= idle_limit {
                    break;
                }
            }
            _ = stop.changed() => break,
        }
    }
    conn.as_mut().graceful_shutdown();
    let _ = tokio::time::timeout(GRACE, conn).await;
}

/// The TLS handshake within --handshake-timeout, with the server name the client asked for;
/// a refusal is logged with its reason and gives None.
async fn handshake(
    io: Tracked,
    remote: SocketAddr,
    listener: &Listener,
) -> Option<(tokio_rustls::server::TlsStream<Tracked>, Option<String>)> {
    let deadline = tokio::time::Instant::now() + listener.limits.handshake_timeout;
    let refuse = |sni: Option<&str>, why: &str| {
        listener.shared.log.refused(&RefusedLine {
            remote,
            sni,
            refused: why,
        });
        None
    };
    let hello = tokio_rustls::LazyConfigAcceptor::new(Acceptor::default(), io);
    let start = match tokio::time::timeout_at(deadline, hello).await {
        Err(_) => return refuse(None, "handshake timed out"),
        Ok(Err(e)) => return refuse(None, &io_reason(&e)),
        Ok(Ok(start)) => start,
    };
    let sni = start.client_hello().server_name().map(normalize::host);
    let _ = verify::take_refusal();
    match tokio::time::timeout_at(deadline, start.into_stream(listener.tls.clone())).await {
        Err(_) => refuse(sni.as_deref(), "handshake timed out"),
        Ok(Err(e)) => {
            let why = verify::take_refusal().unwrap_or_else(|| io_reason(&e));
            refuse(sni.as_deref(), &why)
        }
        Ok(Ok(tls)) => Some((tls, sni)),
    }
}

fn http_builder(limits: &Limits) -> auto::Builder<TokioExecutor> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(limits.max_header_bytes.max(8192));
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(limits.max_streams)
        .max_header_list_size(u32::try_from(limits.max_header_bytes).unwrap_or(u32::MAX))
        // Rapid reset (CVE-2023-44487): few streams a client may open and cancel at once.
        .max_pending_accept_reset_streams(20)
        .max_local_error_reset_streams(1024);
    builder
}

fn tls_config(
    gateway: &Gateway,
) -> Result<(Arc<rustls::ServerConfig>, Arc<dyn ClientCertVerifier>)> {
    let checker = crate::tls::client_cert_verifier(&gateway.ca_pem, &gateway.crls, true)?;
    let verifier: Arc<dyn ClientCertVerifier> = match gateway.mode {
        VerifyMode::Enforce => Arc::new(Recording {
            inner: crate::tls::client_cert_verifier(&gateway.ca_pem, &gateway.crls, false)?,
        }),
        VerifyMode::Permissive => Arc::new(Permissive {
            inner: checker.clone(),
            algorithms: provider().signature_verification_algorithms,
        }),
    };
    let config = crate::tls::server_config(&gateway.chain, &gateway.key_pkcs8, verifier)?;
    Ok((config, checker))
}

fn upstream(url: Option<&str>) -> Result<Option<Upstream>> {
    let Some(url) = url else { return Ok(None) };
    let client = reqwest::Client::builder()
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
        .context("cannot build the upstream client")?;
    Ok(Some(Upstream {
        base: url.trim_end_matches('/').to_string(),
        client,
    }))
}

/// SIGINT and SIGTERM, listened for from the moment this is called (before the banner tells
/// anyone that the server is ready), so that no early signal kills it unannounced.
fn stop_signals() -> Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
    })
}

/// Why a handshake failed, from the I/O error tokio-rustls returns.
fn io_reason(error: &std::io::Error) -> String {
    if let Some(tls) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return verify::reason(tls);
    }
    match error.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            "the client closed the connection during the handshake".into()
        }
        std::io::ErrorKind::ConnectionReset => {
            "the client reset the connection during the handshake".into()
        }
        _ => format!("handshake failed: {error}"),
    }
}

/// The client's certificate and whether it chains to the domain's CA.
fn peer_facts(
    tls: &tokio_rustls::server::TlsStream<Tracked>,
    remote: SocketAddr,
    sni: Option<String>,
    listener: &Listener,
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
            sni,
            variables: variables::for_connection(None),
        };
    };
    // Enforce mode verified in the handshake, where the TLS library reads the real clock.
    // Permissive mode verifies here, at the one clock of the run (MTLSCTL_NOW when set), so that
    // the rules and the variables judge the certificate at the same moment.
    let now = match listener.shared.now {
        Some(now) => UnixTime::since_unix_epoch(std::time::Duration::from_secs(
            u64::try_from(now.timestamp()).unwrap_or_default(),
        )),
        None => UnixTime::now(),
    };
    let failure = match listener.mode {
        VerifyMode::Enforce => None,
        VerifyMode::Permissive => {
            verify::verify_client(listener.checker.as_ref(), leaf, intermediates, now)
                .err()
                .map(|e| {
                    let self_signed = |der: &[u8]| {
                        CertInfo::from_der(der)
                            .map(|i| i.self_signed)
                            .unwrap_or(false)
                    };
                    let chain = SentChain {
                        leaf_self_signed: self_signed(leaf),
                        intermediates: intermediates.len(),
                        last_self_signed: intermediates.last().is_some_and(|c| self_signed(c)),
                    };
                    variables::openssl_reason(&e, &chain)
                })
        }
    };
    let client = ClientCertificate { der: leaf, failure };
    Peer {
        remote,
        sni,
        variables: variables::for_connection(Some(&client)),
    }
}

/// When a connection last moved a byte, to close idle ones.
struct Activity {
    epoch: Instant,
    last_millis: AtomicU64,
    handshake_done: std::sync::atomic::AtomicBool,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            epoch: Instant::now(),
            last_millis: AtomicU64::new(0),
            handshake_done: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn touch(&self) {
        let now = self.epoch.elapsed().as_millis() as u64;
        self.last_millis.store(now, Ordering::Relaxed);
    }

    fn idle_for(&self) -> Duration {
        let last = self.last_millis.load(Ordering::Relaxed);
        self.epoch
            .elapsed()
            .saturating_sub(Duration::from_millis(last))
    }

    fn handshake_done(&self) {
        self.handshake_done.store(true, Ordering::Relaxed);
    }
}

/// The TCP stream, noting activity. During the handshake it also corrects one alert: rustls
/// answers a TLS 1.2 client that sent no certificate with `certificate_required` (116), which
/// exists only in TLS 1.3; OpenSSL (and nginx) send `handshake_failure` (40). In TLS 1.2 that
/// alert record goes out in plaintext, so it is recognisable byte for byte; TLS 1.3 sends it
/// encrypted, and it is never touched.
struct Tracked {
    /// Always Some until dropped.
    inner: Option<TcpStream>,
    activity: Arc<Activity>,
    /// The client closed its side.
    saw_eof: bool,
}

const TLS12_CERTIFICATE_REQUIRED: [u8; 7] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 116];
const TLS12_HANDSHAKE_FAILURE: [u8; 7] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 40];
/// How long, and how much, a closing connection's unread input is drained: long enough for a
/// client that keeps sending at loopback speed (a refused upload) to read the answer before the
/// close, as nginx's lingering_time is bounded by time (a megabyte was not: its 413 was lost to
/// the reset on a loaded machine); the bytes bound the work a client can make the drain do.
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 128 << 20;

impl Tracked {
    fn stream(&mut self) -> std::io::Result<&mut TcpStream> {
        self.inner
            .as_mut()
            .ok_or_else(|| std::io::ErrorKind::NotConnected.into())
    }
}

/// Closing a socket while the client still sends makes the kernel answer with a reset, which
/// can destroy the response just sent (a 431 for a header too large, a 413). As nginx's
/// lingering close does, a connection that spoke HTTP and that the client has not closed is
/// half-closed and its input drained briefly before it is closed.
impl Drop for Tracked {
    fn drop(&mut self) {
        let Some(stream) = self.inner.take() else {
            return;
        };
        let spoke_http = self.activity.handshake_done.load(Ordering::Relaxed);
        if spoke_http
            && !self.saw_eof
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(linger(stream));
        }
    }
}

async fn linger(mut stream: TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let _ = stream.shutdown().await;
    let deadline = tokio::time::Instant::now() + LINGER_TIME;
    let mut buf = vec![0u8; 16 * 1024];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Ok(Ok(n)) if n > 0 => drained += n,
            _ => break,
        }
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = match self.stream() {
            Ok(stream) => Pin::new(stream).poll_read(cx, buf),
            Err(e) => return Poll::Ready(Err(e)),
        };
        match &polled {
            Poll::Ready(Ok(())) if buf.filled().len() > before => self.activity.touch(),
            Poll::Ready(Ok(())) if buf.remaining() > 0 => self.saw_eof = true,
            _ => {}
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.activity.touch();
        let during_handshake = !self.activity.handshake_done.load(Ordering::Relaxed);
        let buf = if during_handshake && buf == TLS12_CERTIFICATE_REQUIRED {
            &TLS12_HANDSHAKE_FAILURE[..]
        } else {
            buf
        };
        match self.stream() {
            Ok(stream) => Pin::new(stream).poll_write(cx, buf),
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        match self.stream() {
            Ok(stream) => Pin::new(stream).poll_flush(cx),
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    fn poll_shutdown(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.stream() {
            Ok(stream) => Pin::new(stream).poll_shutdown(cx),
            Err(e) => Poll::Ready(Err(e)),
        }
    }
}
