//! A failed transfer as the user should hear of it: what the TLS stack and the server said,
//! in words, with curl's exit code.

use anyhow::Result;
use chrono::Utc;

use crate::cmd::short_time;
use crate::error::transfer;
use crate::http::{self, Step, Target, TransferError};
use crate::pki::cert::CertInfo;
use crate::text::escape_untrusted;
use crate::tls::{self, Observed, PinMismatch};

use super::identity::SentCert;

/// A failed transfer as the user should hear of it, with curl's exit code.
pub fn explain(
    error: TransferError,
    seen: &Observed,
    sent: Option<&SentCert>,
    target: &Target,
) -> anyhow::Error {
    anyhow::Error::new(failure_of(error, seen, sent, target, true))
}

/// A failed download (`datacenter`) in the words `request` uses for the same failure, with
/// hints that name only the flags every fetching command has, and exit 1.
pub fn explain_download(error: TransferError, seen: &Observed, target: &Target) -> anyhow::Error {
    let failure = failure_of(error, seen, None, target, false);
    anyhow::Error::new(crate::error::Failure {
        kind: crate::error::ErrorKind::Runtime,
        ..failure
    })
}

/// `request_flags`: whether hints may name flags only `request` has (--insecure, --ca,
/// --resolve).
fn failure_of(
    error: TransferError,
    seen: &Observed,
    sent: Option<&SentCert>,
    target: &Target,
    request_flags: bool,
) -> crate::error::Failure {
    let tls_error = find_tls_error(&error.cause);
    let host = &target.host;
    match (&error, tls_error) {
        (e, _) if e.step == Step::Resolve => transfer(6, e.to_string()),
        (e, _) if e.step == Step::ProxyResolve => transfer(5, e.to_string()),
        // The answer had begun: whatever broke it, the certificate was accepted.
        (e, _) if e.step == Step::Body => transfer(18, e.to_string()),
        (e, _) if e.step == Step::Write => transfer(23, e.to_string()),
        (e, _) if e.step == Step::Proxy => transfer(56, e.to_string()),
        (e, _) if e.timed_out => transfer(28, format!("timed out: {e}")),
        (e, _) if e.step == Step::Connect => transfer(7, e.to_string()),
        (_, Some(rustls::Error::Other(other))) if other.0.downcast_ref::<PinMismatch>().is_some() => {
            transfer(90, other.0.to_string())
                .hint("the server presents a different key than pinned: check --pin, or whether you reach the right server")
        }
        (_, Some(rustls::Error::InvalidCertificate(cert_error))) => {
            server_certificate_failure(cert_error, seen, host, request_flags)
        }
        (_, Some(rustls::Error::AlertReceived(alert))) => {
            alert_failure(alert, &error, seen, sent, host)
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
    }
}

/// The server ended the handshake (or the exchange) with an alert: what it most likely meant.
fn alert_failure(
    alert: &rustls::AlertDescription,
    error: &TransferError,
    seen: &Observed,
    sent: Option<&SentCert>,
    host: &str,
) -> crate::error::Failure {
    use rustls::AlertDescription as Alert;
    let none_given = sent.is_none() || !seen.client_cert_sent;
    match alert {
        Alert::CertificateRequired => client_cert_required(seen, sent),
        Alert::HandshakeFailure if seen.client_cert_requested && none_given => {
            client_cert_required(seen, sent)
        }
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
        other => transfer(
            35,
            format!(
                "the TLS handshake with {host} failed: the server sent alert {}",
                tls::alert_text(other)
            ),
        ),
    }
}

/// The server's certificate was refused: why, in words, with curl's 60.
fn server_certificate_failure(
    cert_error: &rustls::CertificateError,
    seen: &Observed,
    host: &str,
    request_flags: bool,
) -> crate::error::Failure {
    use rustls::CertificateError as Cert;
    let only_request = |text: &'static str| if request_flags { text } else { "" };
    let leaf = seen
        .server_chain
        .first()
        .and_then(|der| CertInfo::from_der(der).ok());
    match cert_error {
        Cert::Expired | Cert::ExpiredContext { .. } => expired(
            leaf.as_ref(),
            only_request("; --insecure skips the check at your own risk"),
        ),
        Cert::NotValidForName | Cert::NotValidForNameContext { .. } => {
            let names = leaf.as_ref().map(|l| l.sans.join(", ")).unwrap_or_default();
            transfer(
                60,
                format!("hostname mismatch: the certificate is for {names}, not {host}"),
            )
            .hint(format!(
                "use the host name the certificate names{}",
                only_request(", or --resolve NAME:PORT:ADDRESS to reach it by that name")
            ))
        }
        // A self-signed leaf the store does not hold, where the store has another certificate
        // of the same name (Debian's RSA snakeoil for CN=localhost): webpki tries that one and
        // reports its key type, but the cause is an untrusted CA.
        other
            if leaf.as_ref().is_some_and(|l| l.self_signed)
                && format!("{other:?}").contains("UnsupportedSignatureAlgorithm") =>
        {
            let issuer = leaf.as_ref().map(|l| l.issuer.clone()).unwrap_or_default();
            untrusted(
                &format!("it is self-signed ({issuer})"),
                ("it", "it"),
                only_request(" or --ca NAME"),
            )
        }
        Cert::UnknownIssuer => {
            let issuer = leaf.as_ref().map(|l| l.issuer.clone()).unwrap_or_default();
            untrusted(
                &format!("unknown CA ({issuer})"),
                ("its CA", "the chain"),
                only_request(" or --ca NAME"),
            )
        }
        other => transfer(
            60,
            format!(
                "the server's certificate is not valid: {}",
                crate::tls_words::certificate_error_text(other)
            ),
        ),
    }
}

/// The server's certificate has expired: since when.
fn expired(leaf: Option<&CertInfo>, more_flags: &str) -> crate::error::Failure {
    let when = leaf
        .map(|l| {
            // The TLS library judged expiry by the real clock: count by it too.
            let days = (Utc::now() - l.not_after).num_days();
            format!("expired {days} days ago (on {})", short_time(l.not_after))
        })
        .unwrap_or_else(|| "has expired".into());
    transfer(60, format!("the server's certificate {when}"))
        .hint(format!("the server must renew its certificate{more_flags}"))
}

/// The server's certificate chains to nothing trusted: `whom` is what to trust and what
/// `inspect` shows ("its CA", "the chain").
fn untrusted(why: &str, (trust, shows): (&str, &str), more_flags: &str) -> crate::error::Failure {
    transfer(60, format!("the server's certificate is not trusted: {why}")).hint(format!(
        "trust {trust} with --cacert FILE{more_flags}; 'mtlsctl inspect --connect HOST:PORT' shows {shows}"
    ))
}

pub fn client_cert_required(seen: &Observed, sent: Option<&SentCert>) -> crate::error::Failure {
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

pub fn client_cert_rejected(
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
pub fn refused_by_nginx(
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
pub fn refused_after_handshake(response: &http::Response, seen: &Observed) -> Result<()> {
    if response.status.as_u16() != 403 || seen.client_cert_requested {
        return Ok(());
    }
    let body = String::from_utf8_lossy(&response.body);
    if body.contains("Post-Handshake Authentication") {
        return Err(after_handshake("TLS 1.3 post-handshake authentication").into());
    }
    Ok(())
}

pub fn after_handshake(how: &str) -> crate::error::Failure {
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
pub fn find_tls_error(error: &anyhow::Error) -> Option<&rustls::Error> {
    error.chain().find_map(|cause| {
        crate::tls_words::rustls_error_in(cause).or_else(|| {
            let io = cause.downcast_ref::<h2::Error>()?.get_io()?;
            crate::tls_words::rustls_error_in(io)
        })
    })
}
