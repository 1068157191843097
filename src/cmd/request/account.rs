//! What -v and -i show: the response head and the story of the connection.

use super::*;

pub(super) fn head(
    version: hyper::Version,
    status: hyper::StatusCode,
    headers: &hyper::HeaderMap,
) -> String {
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
pub(super) fn tls_account(
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
pub(super) fn account(
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
