//! Client certificate verifiers for the two modes, and the words a refused handshake is logged
//! with.

use std::cell::RefCell;
use std::sync::Arc;

use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::{WebPkiSupportedAlgorithms, verify_tls13_signature_with_raw_key};
use rustls::pki_types::{CertificateDer, SubjectPublicKeyInfoDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, Error, SignatureScheme};
use x509_parser::prelude::{FromDer, X509Certificate};

use super::variables::rfc2253;

/// Permissive mode: ask for a certificate and accept the handshake whatever it is (its
/// verification is recorded per connection for the rules), but always check that the client
/// holds the key. The signature is checked against the certificate's raw public key, so a
/// certificate webpki cannot parse (a critical extension it does not know, v2 unique IDs) still
/// reaches the rules, as it does with nginx's `ssl_verify_client optional`.
#[derive(Debug)]
pub struct Permissive {
    pub inner: Arc<dyn ClientCertVerifier>,
    pub algorithms: WebPkiSupportedAlgorithms,
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
    ) -> Result<ClientCertVerified, Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        let key = spki_bits(cert)?;
        // TLS 1.2 schemes do not name the curve: try each algorithm the scheme may mean.
        let candidates = self
            .algorithms
            .mapping
            .iter()
            .filter(|(scheme, _)| *scheme == dss.scheme)
            .flat_map(|(_, algorithms)| algorithms.iter());
        for algorithm in candidates {
            if algorithm
                .verify_signature(&key, message, dss.signature())
                .is_ok()
            {
                return Ok(HandshakeSignatureValid::assertion());
            }
        }
        Err(Error::InvalidCertificate(CertificateError::BadSignature))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        let spki = public_key(cert)?;
        verify_tls13_signature_with_raw_key(message, &spki, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// webpki's verdict on a client certificate, plus the key usage check it leaves out and
/// OpenSSL makes for client authentication: a keyUsage extension must allow digitalSignature
/// or keyAgreement ("unsuitable certificate purpose" otherwise).
pub fn verify_client(
    verifier: &dyn ClientCertVerifier,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    now: UnixTime,
) -> Result<ClientCertVerified, Error> {
    let verified = verifier.verify_client_cert(end_entity, intermediates, now)?;
    let usage_allows = match parse(end_entity)?.key_usage() {
        Ok(Some(usage)) => usage.value.digital_signature() || usage.value.key_agreement(),
        Ok(None) => true,
        Err(_) => false,
    };
    if usage_allows {
        Ok(verified)
    } else {
        Err(Error::InvalidCertificate(CertificateError::InvalidPurpose))
    }
}

fn parse<'a>(cert: &'a CertificateDer<'a>) -> Result<X509Certificate<'a>, Error> {
    X509Certificate::from_der(cert.as_ref())
        .map(|(_, parsed)| parsed)
        .map_err(|_| Error::InvalidCertificate(CertificateError::BadEncoding))
}

fn public_key(cert: &CertificateDer<'_>) -> Result<SubjectPublicKeyInfoDer<'static>, Error> {
    let parsed = parse(cert)?;
    Ok(SubjectPublicKeyInfoDer::from(
        parsed.public_key().raw.to_vec(),
    ))
}

fn spki_bits(cert: &CertificateDer<'_>) -> Result<Vec<u8>, Error> {
    let parsed = parse(cert)?;
    Ok(parsed.public_key().subject_public_key.data.to_vec())
}

/// Enforce mode: webpki decides; a refusal also leaves a description of the certificate it
/// refused for the log line. rustls calls the verifier inside the poll that then returns the
/// handshake's error, on the same thread, so a thread-local carries the note to that caller.
#[derive(Debug)]
pub struct Recording {
    pub inner: Arc<dyn ClientCertVerifier>,
}

thread_local! {
    static REFUSAL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The note the last refusal on this thread left, taken (call right after a failed handshake).
pub fn take_refusal() -> Option<String> {
    REFUSAL.with(|note| note.borrow_mut().take())
}

impl ClientCertVerifier for Recording {
    fn offer_client_auth(&self) -> bool {
        self.inner.offer_client_auth()
    }

    fn client_auth_mandatory(&self) -> bool {
        self.inner.client_auth_mandatory()
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, Error> {
        let verdict = verify_client(self.inner.as_ref(), end_entity, intermediates, now);
        if let Err(error) = &verdict {
            let note = describe_refusal(error, end_entity);
            REFUSAL.with(|slot| *slot.borrow_mut() = Some(note));
        }
        verdict
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// `unknown CA (subject …, issuer …)`, `expired … (subject …)`: what was refused and whose.
fn describe_refusal(error: &Error, cert: &CertificateDer<'_>) -> String {
    let who = match parse(cert) {
        Ok(parsed) => format!(
            "subject {}, issuer {}",
            rfc2253(parsed.subject()),
            rfc2253(parsed.issuer())
        ),
        Err(_) => "an unparseable certificate".into(),
    };
    format!("{} ({who})", reason(error))
}

/// A handshake error in the words of nginx's error log.
pub fn reason(error: &Error) -> String {
    use CertificateError as C;
    match error {
        Error::NoCertificatesPresented => "no certificate".into(),
        Error::InvalidCertificate(e) => match e {
            C::UnknownIssuer => "unknown CA".into(),
            C::Expired => "expired".into(),
            C::ExpiredContext { not_after, .. } => format!("expired at {}", unix(not_after)),
            C::NotValidYet => "not yet valid".into(),
            C::NotValidYetContext { not_before, .. } => {
                format!("not valid before {}", unix(not_before))
            }
            C::Revoked => "revoked".into(),
            C::BadSignature => "bad signature".into(),
            C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
                "not for client authentication".into()
            }
            C::BadEncoding => "malformed certificate".into(),
            other => certificate_problem(other),
        },
        Error::PeerIncompatible(_) => {
            "the client offers no TLS version, cipher suite or signature scheme this server accepts (TLS 1.2 or 1.3)".into()
        }
        Error::PeerMisbehaved(_) => "the client broke the TLS protocol".into(),
        Error::InvalidMessage(_) => "not a TLS client (plain HTTP to an HTTPS port?)".into(),
        Error::AlertReceived(alert) => {
            format!("the client gave up the handshake (TLS alert {})", u8::from(*alert))
        }
        other => certificate_problem_text(&other.to_string()),
    }
}

/// Library text without enum names: what rustls prints in Debug form is cut to its sentence.
fn certificate_problem_text(text: &str) -> String {
    match text.split_once(": ") {
        Some((sentence, detail)) if detail.chars().next().is_some_and(char::is_uppercase) => {
            sentence.to_string()
        }
        _ => text.to_string(),
    }
}

/// A certificate error rustls has no short words for, without library Debug text.
fn certificate_problem(error: &CertificateError) -> String {
    crate::tls_words::certificate_error_text(error)
        .trim_start_matches("it ")
        .to_string()
}

fn unix(time: &UnixTime) -> String {
    chrono::DateTime::from_timestamp(time.as_secs() as i64, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}
