//! `request --json`: the response as one typed view.

use super::*;

/// `request --json`: the answer (status, headers, body), the connection, its timings and TLS,
/// and where the redirects led.
#[derive(Serialize)]
pub(super) struct ResponseJson<'a> {
    status: u16,
    http_version: &'static str,
    /// A header sent once is a string; one sent several times, the list of its values.
    headers: BTreeMap<String, HeaderJson>,
    peer: String,
    timings: &'a http::Timings,
    tls: Option<ResponseTlsJson<'a>>,
    url_effective: &'a str,
    redirects: u32,
    /// The body when it is UTF-8 text (and not written to -o).
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    /// The body in base64 when it is not text (and not written to -o).
    #[serde(skip_serializing_if = "Option::is_none")]
    body_base64: Option<String>,
}

/// The values of one response header.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum HeaderJson {
    Once(String),
    Repeated(Vec<String>),
}

/// The TLS part of `request --json`: the session, the server's chain, its client-certificate
/// request, and the certificate sent.
#[derive(Serialize)]
pub(super) struct ResponseTlsJson<'a> {
    version: &'a str,
    cipher: &'a str,
    alpn: Option<&'a str>,
    server_chain: Vec<ChainCertJson<'a>>,
    client_certificate_requested: bool,
    acceptable_cas: &'a [String],
    client_certificate_sent: Option<SentCertJson<'a>>,
}

/// The client certificate the server received.
#[derive(Serialize)]
pub(super) struct SentCertJson<'a> {
    subject: &'a str,
    variable: Option<&'a str>,
    not_after: DateTime<Utc>,
}

impl<'a> ResponseJson<'a> {
    /// The view of a finished transfer; `body` is None when -o took it.
    pub(super) fn of(
        done: &'a Done,
        chain: &'a [CertInfo],
        body: Option<&'a [u8]>,
        now: DateTime<Utc>,
    ) -> Self {
        let response = &done.response;
        let (body, body_base64) = match body.map(|bytes| (bytes, std::str::from_utf8(bytes))) {
            None => (None, None),
            Some((_, Ok(text))) => (Some(text), None),
            Some((bytes, Err(_))) => {
                use base64::Engine;
                let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                (None, Some(encoded))
            }
        };
        ResponseJson {
            status: response.status.as_u16(),
            http_version: version_name(response.version),
            headers: headers_json(&response.headers),
            peer: response.peer.to_string(),
            timings: &response.timings,
            tls: response.tls.as_ref().map(|tls| ResponseTlsJson {
                version: &tls.version,
                cipher: &tls.cipher,
                alpn: tls.alpn.as_deref(),
                server_chain: chain.iter().map(|c| ChainCertJson::of(c, now)).collect(),
                client_certificate_requested: done.seen.client_cert_requested,
                acceptable_cas: &done.seen.acceptable_cas,
                client_certificate_sent: done
                    .sent
                    .as_ref()
                    .filter(|_| done.seen.client_cert_sent)
                    .map(|c| SentCertJson {
                        subject: &c.subject,
                        variable: c.variable.as_deref(),
                        not_after: c.not_after,
                    }),
            }),
            url_effective: &done.url,
            redirects: done.redirects,
            body,
            body_base64,
        }
    }
}

/// The HTTP version as `request --json` names it: spelled out here, since hyper's Debug text is
/// not ours to keep stable.
pub(super) fn version_name(version: hyper::Version) -> &'static str {
    match version {
        hyper::Version::HTTP_09 => "HTTP/0.9",
        hyper::Version::HTTP_10 => "HTTP/1.0",
        hyper::Version::HTTP_2 => "HTTP/2.0",
        hyper::Version::HTTP_3 => "HTTP/3.0",
        _ => "HTTP/1.1",
    }
}

/// Each header by name (lossy UTF-8, as received): one value as a string, several as a list.
pub(super) fn headers_json(headers: &hyper::HeaderMap) -> BTreeMap<String, HeaderJson> {
    headers
        .keys()
        .map(|name| {
            let mut values: Vec<String> = headers
                .get_all(name)
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect();
            let value = if values.len() == 1 {
                HeaderJson::Once(values.remove(0))
            } else {
                HeaderJson::Repeated(values)
            };
            (name.to_string(), value)
        })
        .collect()
}
