//! Every rustls configuration and identity is built here: client configs for `request`,
//! `inspect --connect` and downloads, and what they observe during a handshake; `serve`'s
//! server config and its client-certificate verifier.

use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{
    CertificateDer, CertificateRevocationListDer, PrivateKeyDer, ServerName, UnixTime,
};
use rustls::server::WebPkiClientVerifier;
use rustls::server::danger::ClientCertVerifier;
use rustls::sign::CertifiedKey;
use rustls::{
    ClientConfig, DigitallySignedStruct, Error as TlsError, RootCertStore, ServerConfig,
    SignatureScheme,
};
use x509_parser::prelude::FromDer;
use x509_parser::x509::X509Name;

use crate::error::usage;
use crate::pki::cert::{certs_in_file, parse_der};

/// The one crypto provider of the binary.
pub fn provider() -> Arc<CryptoProvider> {
    CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
}

/// A client certificate chain with its key, and what to call it in messages.
pub struct ClientIdentity {
    pub chain: Vec<Vec<u8>>,
    pub key_pkcs8: Vec<u8>,
    /// The store's variable name, when the identity comes from the store.
    pub variable: Option<String>,
}

/// Which servers to trust.
pub enum ServerTrust {
    Roots(RootCertStore),
    /// `--insecure`: no chain or name check (handshake signatures are still verified).
    Insecure,
}

impl ServerTrust {
    /// Trust the CA certificates of a PEM or DER text.
    pub fn from_pem(bytes: &[u8], what: &str) -> Result<ServerTrust> {
        let mut roots = RootCertStore::empty();
        for der in certs_in_file(bytes, what)? {
            roots.add(CertificateDer::from(der)).map_err(|e| {
                usage(format!(
                    "{what} holds a certificate rustls cannot trust: {e}"
                ))
            })?;
        }
        Ok(ServerTrust::Roots(roots))
    }

    /// The system's trust store, or Mozilla's roots (webpki-roots) where the system has none.
    pub fn system() -> ServerTrust {
        let mut roots = RootCertStore::empty();
        let found = rustls_native_certs::load_native_certs();
        let (added, _) = roots.add_parsable_certificates(found.certs);
        match added {
            0 => ServerTrust::mozilla(),
            _ => ServerTrust::Roots(roots),
        }
    }

    /// Mozilla's roots, built into the binary: nothing is read from disk.
    pub fn mozilla() -> ServerTrust {
        let mut roots = RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        ServerTrust::Roots(roots)
    }
}

/// What a handshake showed: the server's chain, whether it asked for a client certificate and
/// which CAs it named, and whether one was sent.
#[derive(Debug, Default, Clone)]
pub struct Observed {
    pub server_chain: Vec<Vec<u8>>,
    pub client_cert_requested: bool,
    pub acceptable_cas: Vec<String>,
    pub client_cert_sent: bool,
    /// A client key was given but signs with none of the schemes the server accepts: those
    /// schemes, by their IANA names.
    pub client_key_unsuitable: Option<Vec<String>>,
    /// In record-only mode: why the chain would not have been trusted.
    pub verification_error: Option<String>,
}

pub type Observations = Arc<Mutex<Observed>>;

/// An SPKI pin did not match: the connection is refused even with `--insecure`.
#[derive(Debug)]
pub struct PinMismatch {
    pub actual: String,
}

impl std::fmt::Display for PinMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the server's public key does not match the pinned key (its pin is sha256//{})",
            self.actual
        )
    }
}

impl std::error::Error for PinMismatch {}

pub struct ClientOptions {
    pub trust: ServerTrust,
    /// SHA-256 digests of acceptable SubjectPublicKeyInfo DER.
    pub pins: Vec<[u8; 32]>,
    pub identity: Option<ClientIdentity>,
    pub alpn: Vec<Vec<u8>>,
    /// Record verification failures instead of failing the handshake (`inspect --connect`).
    pub record_only: bool,
}

/// A client config that records what the handshake shows into `observed`.
pub fn client_config(options: ClientOptions, observed: &Observations) -> Result<ClientConfig> {
    let provider = provider();
    let verifier = Arc::new(RecordingVerifier {
        inner: match options.trust {
            ServerTrust::Roots(roots) => Some(
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                    .build()
                    .context("cannot build the server certificate verifier")?,
            ),
            ServerTrust::Insecure => None,
        },
        pins: options.pins,
        algorithms: provider.signature_verification_algorithms,
        observed: observed.clone(),
        record_only: options.record_only,
    });
    let key = match options.identity {
        Some(identity) => {
            let chain = identity
                .chain
                .into_iter()
                .map(CertificateDer::from)
                .collect();
            let key = PrivateKeyDer::Pkcs8(identity.key_pkcs8.into());
            // Our own certificate is the server's to judge: rustls's consistency check parses
            // it with webpki, which refuses what OpenSSL accepts (a critical certificatePolicies
            // extension, v2 unique IDs). The key was matched to the certificate when loaded.
            let signer = provider.key_provider.load_private_key(key).map_err(|e| {
                usage(format!(
                    "the client key cannot be used for TLS: {}",
                    tls_error_text(&e)
                ))
            })?;
            Some(Arc::new(CertifiedKey::new(chain, signer)))
        }
        None => None,
    };
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .context("TLS 1.2 and 1.3 are unavailable")?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_client_cert_resolver(Arc::new(RecordingResolver {
            key,
            observed: observed.clone(),
        }));
    config.alpn_protocols = options.alpn;
    // Every connection is a full handshake: a retry that resumed a session would show no
    // server chain and no certificate request, and -v and --json must tell what really was.
    config.resumption = rustls::client::Resumption::disabled();
    Ok(config)
}

/// A verifier of client certificates against the CAs in `ca_pem` (a domain's trusted CA) and
/// the CRLs given (DER; a certificate no CRL speaks for is not refused for it); `optional` lets
/// a client without one through (for permissive mode to judge).
pub fn client_cert_verifier(
    ca_pem: &str,
    crls: &[Vec<u8>],
    optional: bool,
) -> Result<Arc<dyn ClientCertVerifier>> {
    let mut roots = RootCertStore::empty();
    for der in crate::pki::cert::certs_from_pem(ca_pem.as_bytes(), "the domain's CA")? {
        roots
            .add(CertificateDer::from(der))
            .context("the domain's CA cannot be trusted")?;
    }
    let mut builder = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider());
    if !crls.is_empty() {
        builder = builder
            .with_crls(
                crls.iter()
                    .map(|der| CertificateRevocationListDer::from(der.clone())),
            )
            .only_check_end_entity_revocation()
            .allow_unknown_revocation_status();
    }
    let builder = if optional {
        builder.allow_unauthenticated()
    } else {
        builder
    };
    builder
        .build()
        .context("cannot build the client certificate verifier")
}

/// The config `serve` answers with: TLS 1.2 and 1.3, its certificate chain and key, client
/// certificates judged by `verifier`, h2 and http/1.1.
pub fn server_config(
    chain: &[Vec<u8>],
    key_pkcs8: &[u8],
    verifier: Arc<dyn ClientCertVerifier>,
) -> Result<Arc<ServerConfig>> {
    let mut config = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .context("TLS 1.2 and 1.3 are unavailable")?
        .with_client_cert_verifier(verifier)
        .with_single_cert(
            chain.iter().cloned().map(CertificateDer::from).collect(),
            PrivateKeyDer::Pkcs8(key_pkcs8.to_vec().into()),
        )
        .context("the server certificate and key cannot be used")?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// A TLS alert in words, as the RFC names it: `HandshakeFailure` is "handshake failure".
pub fn alert_text(alert: &rustls::AlertDescription) -> String {
    let name = format!("{alert:?}");
    let mut words = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

/// A rustls error in words, without Debug text.
pub fn tls_error_text(error: &TlsError) -> String {
    match error {
        TlsError::InvalidCertificate(e) => crate::tls_words::certificate_error_text(e),
        TlsError::InvalidMessage(_) => {
            "the server did not answer in TLS (is it plain HTTP? then use http://)".to_string()
        }
        TlsError::AlertReceived(alert) => format!("the server sent alert {}", alert_text(alert)),
        other => {
            let text = other.to_string();
            if text.contains("Other(") {
                "not acceptable to the TLS library".to_string()
            } else {
                text
            }
        }
    }
}

/// `sha256//BASE64` of a certificate's SubjectPublicKeyInfo, as curl's --pinnedpubkey takes it.
pub fn spki_pin(cert_der: &[u8]) -> Result<String> {
    use base64::Engine;
    let cert = parse_der(cert_der)?;
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, cert.public_key().raw);
    Ok(base64::engine::general_purpose::STANDARD.encode(digest.as_ref()))
}

/// Public-key pins as curl's --pinnedpubkey takes them: `sha256//BASE64[;sha256//...]`.
#[derive(Debug, Clone, Default)]
pub struct Pins(pub Vec<[u8; 32]>);

impl std::str::FromStr for Pins {
    type Err = crate::error::Failure;

    fn from_str(text: &str) -> Result<Pins, Self::Err> {
        use base64::Engine;
        let mut pins = Vec::new();
        for part in text.split(';').filter(|p| !p.is_empty()) {
            let Some(b64) = part.strip_prefix("sha256//") else {
                return Err(usage(format!(
                    "'{part}' is not a pin: write sha256//BASE64 (as curl's --pinnedpubkey)"
                )));
            };
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| {
                    usage(format!(
                        "'{part}' is not a SHA-256 pin: base64 of 32 bytes expected"
                    ))
                })?;
            pins.push(bytes);
        }
        Ok(Pins(pins))
    }
}

#[derive(Debug)]
struct RecordingVerifier {
    inner: Option<Arc<WebPkiServerVerifier>>,
    pins: Vec<[u8; 32]>,
    algorithms: WebPkiSupportedAlgorithms,
    observed: Observations,
    record_only: bool,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        {
            let mut observed = self.observed.lock().unwrap_or_else(|e| e.into_inner());
            observed.server_chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.to_vec())
                .collect();
        }
        if !self.pins.is_empty() {
            let cert = parse_der(end_entity)
                .map_err(|_| TlsError::InvalidCertificate(rustls::CertificateError::BadEncoding))?;
            let digest =
                aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, cert.public_key().raw);
            if !self
                .pins
                .iter()
                .any(|pin| pin.as_slice() == digest.as_ref())
            {
                let actual = spki_pin(end_entity).unwrap_or_default();
                return Err(TlsError::Other(rustls::OtherError(Arc::new(PinMismatch {
                    actual,
                }))));
            }
        }
        let Some(inner) = &self.inner else {
            return Ok(ServerCertVerified::assertion());
        };
        match inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(error) if self.record_only => {
                self.observed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .verification_error = Some(tls_error_text(&error));
                Ok(ServerCertVerified::assertion())
            }
            result => result,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[derive(Debug)]
struct RecordingResolver {
    key: Option<Arc<CertifiedKey>>,
    observed: Observations,
}

impl rustls::client::ResolvesClientCert for RecordingResolver {
    fn resolve(
        &self,
        root_hint_subjects: &[&[u8]],
        sigschemes: &[SignatureScheme],
    ) -> Option<Arc<CertifiedKey>> {
        let mut observed = self.observed.lock().unwrap_or_else(|e| e.into_inner());
        observed.client_cert_requested = true;
        observed.acceptable_cas = root_hint_subjects
            .iter()
            .map(|der| match X509Name::from_der(der) {
                Ok((_, name)) => crate::pki::cert::display_name(&name),
                Err(_) => format!("(unreadable name, {} bytes)", der.len()),
            })
            .collect();
        let key = self.key.clone()?;
        observed.client_cert_sent = key.key.choose_scheme(sigschemes).is_some();
        if !observed.client_cert_sent {
            observed.client_key_unsuitable = Some(
                sigschemes
                    .iter()
                    .map(|s| format!("{s:?}").to_ascii_lowercase())
                    .collect(),
            );
        }
        Some(key)
    }

    fn has_certs(&self) -> bool {
        self.key.is_some()
    }
}
