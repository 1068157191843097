//! A local HTTPS test server on 127.0.0.1:0 (rustls + hyper), that optionally asks for client
//! certificates and echoes what it received as JSON.
//!
//! Paths: `/status/N` answers N; `/flaky/N` answers 503 for the first N requests, then 200;
//! `/slow` waits 3 s; anything else echoes method, path, headers, body and the client's
//! certificate subject.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::RootCertStore;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use x509_parser::prelude::FromDer;

pub struct TestServer {
    pub addr: SocketAddr,
    /// The CA that signed the server's certificate (PEM), for --cacert.
    pub ca_pem: String,
    /// The server certificate (DER), to compute pins.
    pub cert_der: Vec<u8>,
    _runtime: tokio::runtime::Runtime,
}

/// What a path of a file-serving test server answers.
#[derive(Clone)]
pub enum Route {
    /// 200 with this body.
    File(Vec<u8>),
    /// This status with this body.
    Status(u16, Vec<u8>),
    /// A Content-Length larger than the body, then the connection ends.
    Truncated(Vec<u8>),
    /// No answer for 5 s.
    Hang,
    /// 302 to this URL.
    Redirect(String),
    /// Whatever this function answers to the request (an API with state of its own).
    Handler(Handler),
}

/// A request as a `Route::Handler` sees it.
pub struct Seen {
    pub method: String,
    pub query: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

/// What a `Route::Handler` answers.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub type Handler = Arc<dyn Fn(&Seen) -> Answer + Send + Sync>;

pub enum ClientAuth {
    None,
    /// Ask for a certificate from this CA (PEM); require one or not.
    Ca {
        pem: String,
        required: bool,
    },
}

impl TestServer {
    pub fn start(client_auth: ClientAuth) -> TestServer {
        Self::start_with(client_auth, false)
    }

    /// `expired`: the server's certificate ended three days ago.
    pub fn start_with(client_auth: ClientAuth, expired: bool) -> TestServer {
        Self::start_inner(client_auth, expired, HashMap::new())
    }

    /// A server that answers these paths as given (other paths: 404).
    pub fn serving(routes: Vec<(String, Route)>) -> TestServer {
        Self::start_inner(ClientAuth::None, false, routes.into_iter().collect())
    }

    fn start_inner(
        client_auth: ClientAuth,
        expired: bool,
        routes: HashMap<String, Route>,
    ) -> TestServer {
        let routes = Arc::new(routes);
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let ca = super::TestCa::new("Test Server CA");
        let (server_pem, server_key) = ca.server(&["localhost", "127.0.0.1"], expired);
        let der_of = |text: &str| CertificateDer::from(::pem::parse(text).unwrap().into_contents());
        let (server_der, ca_der) = (der_of(&server_pem), der_of(&ca.cert_pem));

        let builder = rustls::ServerConfig::builder();
        let builder = match client_auth {
            ClientAuth::None => builder.with_no_client_auth(),
            ClientAuth::Ca { pem, required } => {
                let mut roots = RootCertStore::empty();
                for block in ::pem::parse_many(pem).unwrap() {
                    roots
                        .add(CertificateDer::from(block.into_contents()))
                        .unwrap();
                }
                let verifier = WebPkiClientVerifier::builder(Arc::new(roots));
                let verifier = if required {
                    verifier
                } else {
                    verifier.allow_unauthenticated()
                };
                builder.with_client_cert_verifier(verifier.build().unwrap())
            }
        };
        let mut config = builder
            .with_single_cert(
                vec![server_der.clone(), ca_der],
                PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
            )
            .unwrap();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let flaky = Arc::new(AtomicUsize::new(0));
        runtime.spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                let flaky = flaky.clone();
                let routes = routes.clone();
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let subject = tls
                        .get_ref()
                        .1
                        .peer_certificates()
                        .and_then(|certs| certs.first())
                        .map(|der| {
                            x509_parser::certificate::X509Certificate::from_der(der)
                                .map(|(_, c)| c.subject().to_string())
                                .unwrap_or_default()
                        });
                    let service = hyper::service::service_fn(move |request| {
                        respond(request, subject.clone(), flaky.clone(), routes.clone())
                    });
                    let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(tls), service)
                        .await;
                });
            }
        });
        TestServer {
            addr,
            ca_pem: ca.cert_pem.clone(),
            cert_der: server_der.to_vec(),
            _runtime: runtime,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.addr.port())
    }
}

async fn respond(
    request: Request<Incoming>,
    client_subject: Option<String>,
    flaky: Arc<AtomicUsize>,
    routes: Arc<HashMap<String, Route>>,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let path = request.uri().path().to_string();
    if let Some(Route::Handler(handler)) = routes.get(&path) {
        return Ok(handled(request, handler.clone()).await);
    }
    if !routes.is_empty() {
        if let Some(Route::Redirect(to)) = routes.get(&path) {
            return Ok(Response::builder()
                .status(302)
                .header("location", to)
                .body(Full::new(Bytes::new()))
                .unwrap());
        }
        let (status, body, length) = match routes.get(&path) {
            Some(Route::File(body)) => (200, body.clone(), body.len()),
            Some(Route::Status(code, body)) => (*code, body.clone(), body.len()),
            Some(Route::Truncated(body)) => (200, body.clone(), body.len() + 200),
            Some(Route::Hang) => {
                tokio::time::sleep(Duration::from_secs(5)).await;
                (200, Vec::new(), 0)
            }
            Some(Route::Redirect(_) | Route::Handler(_)) => unreachable!("answered above"),
            None => (404, b"<html><body>Not Found</body></html>".to_vec(), 35),
        };
        return Ok(Response::builder()
            .status(status)
            .header("content-length", length)
            .body(Full::new(Bytes::from(body)))
            .unwrap());
    }
    if let Some(code) = path.strip_prefix("/status/") {
        let code: u16 = code.parse().unwrap_or(500);
        return Ok(Response::builder()
            .status(code)
            .body(Full::new(Bytes::from(format!("status {code}\n"))))
            .unwrap());
    }
    // /redirect/N: N redirects (302, then 303 for the last), then the echo of /done.
    if let Some(left) = path.strip_prefix("/redirect/") {
        let left: u32 = left.parse().unwrap_or(0);
        let (status, to) = match left {
            0 => (302, "/done".to_string()),
            1 => (303, "/redirect/0".to_string()),
            n => (302, format!("/redirect/{}", n - 1)),
        };
        return Ok(Response::builder()
            .status(status)
            .header("location", to)
            .body(Full::new(Bytes::new()))
            .unwrap());
    }
    if let Some(failures) = path.strip_prefix("/flaky/") {
        let failures: usize = failures.parse().unwrap_or(0);
        if flaky.fetch_add(1, Ordering::SeqCst) < failures {
            return Ok(Response::builder()
                .status(503)
                .body(Full::new(Bytes::from("try again\n")))
                .unwrap());
        }
    }
    if path == "/slow" {
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    let method = request.method().to_string();
    let version = format!("{:?}", request.version());
    // Headers sent more than once are joined with ", ", as HTTP allows.
    let mut headers = serde_json::Map::new();
    for name in request.headers().keys() {
        let values: Vec<&str> = request
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap_or(""))
            .collect();
        headers.insert(name.to_string(), serde_json::json!(values.join(", ")));
    }
    let body = request.into_body().collect().await?.to_bytes();
    let echo = serde_json::json!({
        "method": method,
        "path": path,
        "version": version,
        "headers": headers,
        "body": String::from_utf8_lossy(&body),
        "client_subject": client_subject,
    });
    Ok(Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .header("x-test-server", "yes")
        .body(Full::new(Bytes::from(echo.to_string())))
        .unwrap())
}

/// A request read whole and given to its handler.
async fn handled(request: Request<Incoming>, handler: Handler) -> Response<Full<Bytes>> {
    let method = request.method().to_string();
    let query = request.uri().query().unwrap_or_default().to_string();
    let headers = request
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    let body = match request.into_body().collect().await {
        Ok(body) => body.to_bytes().to_vec(),
        Err(_) => Vec::new(),
    };
    let answer = handler(&Seen {
        method,
        query,
        headers,
        body,
    });
    let mut response = Response::builder().status(answer.status);
    for (name, value) in answer.headers {
        response = response.header(name, value);
    }
    response.body(Full::new(Bytes::from(answer.body))).unwrap()
}
