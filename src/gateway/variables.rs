//! The request's variables, with every `ssl_client_*` value formatted byte for byte as
//! nginx 1.22 (on OpenSSL) formats it for the same certificate.

use chrono::{DateTime, Utc};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

use super::rules::{Lookup, VARIABLES, Variables};
use crate::pki::cert::serial_text;
use crate::pki::{hex, pem_lf};

/// What the TLS layer knows about the client.
pub struct ClientCertificate<'a> {
    pub der: &'a [u8],
    /// None: verified; Some(reason): OpenSSL's words for why not.
    pub failure: Option<String>,
}

pub struct RequestFacts<'a> {
    pub hostname: &'a str,
    pub path: &'a str,
    pub method: &'a str,
}

/// The variables of one request: those of its connection, the request's own, and the days
/// left counted now.
pub fn compute(
    request: &RequestFacts<'_>,
    client: Option<&ClientCertificate<'_>>,
    now: DateTime<Utc>,
) -> Variables {
    let connection = for_connection(client);
    for_request(&connection, request, now).to_map()
}

/// What a connection's client certificate gives every request on it, worked out once.
#[derive(Debug, Clone)]
pub struct ConnectionVariables {
    variables: Variables,
    not_after: Option<i64>,
    /// The same variables as JSON object members (`"name":"value",…`), written once.
    json_members: String,
}

/// One request's variables: its own, and its connection's by reference (a request copies
/// nothing of the certificate's).
pub struct RequestVariables<'a> {
    connection: &'a ConnectionVariables,
    own: [(&'static str, String); 4],
}

impl Lookup for RequestVariables<'_> {
    fn value(&self, name: &str) -> Option<&str> {
        self.own
            .iter()
            .find(|(own, _)| *own == name)
            .map(|(_, value)| value.as_str())
            .or_else(|| self.connection.variables.value(name))
    }
}

impl RequestVariables<'_> {
    /// Every variable as one JSON object.
    pub fn to_json_object(&self) -> String {
        let mut out = String::with_capacity(self.connection.json_members.len() + 256);
        out.push('{');
        for (name, value) in &self.own {
            push_member(&mut out, name, value);
        }
        out.push_str(&self.connection.json_members);
        if out.ends_with(',') {
            out.pop();
        }
        out.push('}');
        out
    }

    pub fn to_map(&self) -> Variables {
        let mut all = self.connection.variables.clone();
        for (name, value) in &self.own {
            all.insert(name, value.clone());
        }
        all
    }
}

/// `"name":"value",` in JSON.
fn push_member(out: &mut String, name: &str, value: &str) {
    out.push_str(&serde_json::to_string(name).unwrap_or_default());
    out.push(':');
    out.push_str(&serde_json::to_string(value).unwrap_or_default());
    out.push(',');
}

pub fn for_request<'a>(
    connection: &'a ConnectionVariables,
    request: &RequestFacts<'_>,
    now: DateTime<Utc>,
) -> RequestVariables<'a> {
    let remain = connection
        .not_after
        .map(|end| remain(end, now.timestamp()))
        .unwrap_or_default();
    RequestVariables {
        connection,
        own: [
            ("hostname", request.hostname.to_string()),
            ("path", request.path.to_string()),
            ("method", request.method.to_string()),
            ("ssl_client_v_remain", remain),
        ],
    }
}

impl Lookup for ConnectionVariables {
    fn value(&self, name: &str) -> Option<&str> {
        self.variables.value(name)
    }
}

impl ConnectionVariables {
    fn new(variables: Variables, not_after: Option<i64>) -> Self {
        let mut json_members = String::new();
        for (name, value) in &variables {
            push_member(&mut json_members, name, value);
        }
        ConnectionVariables {
            variables,
            not_after,
            json_members,
        }
    }
}

pub fn for_connection(client: Option<&ClientCertificate<'_>>) -> ConnectionVariables {
    let mut v = Variables::new();
    let verify = match client {
        None => "NONE".to_string(),
        Some(ClientCertificate { failure: None, .. }) => "SUCCESS".to_string(),
        Some(ClientCertificate {
            failure: Some(reason),
            ..
        }) => format!("FAILED:{reason}"),
    };
    v.insert(
        "client_certificate_validation",
        (verify == "SUCCESS").to_string(),
    );
    v.insert("ssl_client_verify", verify);
    let parsed = client.and_then(|c| {
        X509Certificate::from_der(c.der)
            .ok()
            .map(|(_, cert)| (c.der, cert))
    });
    let Some((der, cert)) = parsed else {
        // Without a certificate its variables are empty, as nginx's are.
        // ssl_client_v_remain is the request's (counted at its time).
        for name in VARIABLES
            .iter()
            .filter(|name| name.starts_with("ssl_client_") && **name != "ssl_client_v_remain")
        {
            v.entry(name).or_default();
        }
        return ConnectionVariables::new(v, None);
    };
    let raw_pem = pem_lf("CERTIFICATE", der);
    v.insert("ssl_client_cert", tabbed(&raw_pem));
    v.insert("ssl_client_escaped_cert", escape_uri_component(&raw_pem));
    v.insert("ssl_client_s_dn", rfc2253(cert.subject()));
    v.insert("ssl_client_i_dn", rfc2253(cert.issuer()));
    v.insert("ssl_client_s_dn_legacy", oneline(cert.subject()));
    v.insert("ssl_client_i_dn_legacy", oneline(cert.issuer()));
    v.insert(
        "ssl_client_s_dn_parsed",
        cert.subject()
            .iter_common_name()
            .next()
            .map(|cn| decode(cn).unwrap_or_default())
            .unwrap_or_default(),
    );
    v.insert("ssl_client_serial", serial_text(cert.raw_serial()));
    v.insert(
        "ssl_client_fingerprint",
        hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref()),
    );
    let start = cert.validity().not_before.timestamp();
    let end = cert.validity().not_after.timestamp();
    v.insert("ssl_client_v_start", asn1_time(start));
    v.insert("ssl_client_v_end", asn1_time(end));
    ConnectionVariables::new(v, Some(end))
}

/// nginx's `$ssl_client_cert`: the PEM with a tab after every newline but the last, which
/// is dropped.
fn tabbed(pem: &str) -> String {
    let body = pem.strip_suffix('\n').unwrap_or(pem);
    body.replace('\n', "\n\t")
}

/// `ngx_escape_uri(NGX_ESCAPE_URI_COMPONENT)`: all but ALPHA, DIGIT, '-', '.', '_', '~'.
fn escape_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `ASN1_TIME_print`: `Jan  2 03:04:05 2025 GMT`.
fn asn1_time(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%b %e %H:%M:%S %Y GMT").to_string())
        .unwrap_or_default()
}

/// nginx's `$ssl_client_v_remain`: whole days left, 0 when less than one day is left.
fn remain(end: i64, now: i64) -> String {
    if end < now + 86_400 {
        "0".into()
    } else {
        ((end - now) / 86_400).to_string()
    }
}

/// OpenSSL's short names for the attributes certificates carry.
fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}

/// A string attribute's text, by its ASN.1 type; None for a type that is not a string.
fn decode(attr: &AttributeTypeAndValue<'_>) -> Option<String> {
    let value = attr.attr_value();
    let data = value.data;
    match value.tag().0 {
        12 => Some(String::from_utf8_lossy(data).into_owned()),
        19 | 22 | 26 | 18 => Some(data.iter().map(|&b| b as char).collect()),
        20 => Some(data.iter().map(|&b| b as char).collect()),
        30 => {
            let units: Vec<u16> = data
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        28 => Some(
            data.chunks(4)
                .filter_map(|c| <[u8; 4]>::try_from(c).ok())
                .filter_map(|c| char::from_u32(u32::from_be_bytes(c)))
                .collect(),
        ),
        _ => None,
    }
}

/// `X509_NAME_print_ex(XN_FLAG_RFC2253)`: attributes last to first, `,` between RDNs and `+`
/// within one, RFC 2253 escapes, bytes of 0x80 and above and controls as `\XX`, unknown
/// attributes and non-string values as `#` and the DER in hex.
pub fn rfc2253(name: &X509Name<'_>) -> String {
    let rdns: Vec<_> = name.iter_rdn().collect();
    let mut out = String::new();
    for (i, rdn) in rdns.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let attrs: Vec<_> = rdn.iter().collect();
        for (j, attr) in attrs.iter().rev().enumerate() {
            if j > 0 {
                out.push('+');
            }
            let oid = attr.attr_type().to_id_string();
            let known = short_name(&oid);
            out.push_str(known.unwrap_or(&oid));
            out.push('=');
            match (known, decode(attr)) {
                (Some(_), Some(text)) => out.push_str(&escape_2253(&text)),
                _ => {
                    out.push('#');
                    out.push_str(&hex(&attr.attr_value().as_bytes_der()).to_ascii_uppercase());
                }
            }
        }
    }
    out
}

fn escape_2253(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    for (i, &byte) in bytes.iter().enumerate() {
        let first = i == 0;
        let last = i == bytes.len() - 1;
        match byte {
            b',' | b'+' | b'"' | b'\\' | b'<' | b'>' | b';' => {
                out.push('\\');
                out.push(byte as char);
            }
            b'#' if first => out.push_str("\\#"),
            b' ' if first || last => out.push_str("\\ "),
            0..=0x1f | 0x7f..=0xff => out.push_str(&format!("\\{byte:02X}")),
            _ => out.push(byte as char),
        }
    }
    out
}

/// `X509_NAME_oneline` (OpenSSL 3): `/SN=value` in certificate order (`+` between the
/// attributes of one RDN), `/` and `+` in a value escaped with `\\`, bytes outside ' '..'~' as
/// `\\xXX`.
pub fn oneline(name: &X509Name<'_>) -> String {
    let mut out = String::new();
    for rdn in name.iter_rdn() {
        for (i, attr) in rdn.iter().enumerate() {
            let oid = attr.attr_type().to_id_string();
            out.push(if i == 0 { '/' } else { '+' });
            out.push_str(short_name(&oid).unwrap_or(&oid));
            out.push('=');
            for &byte in attr.attr_value().data {
                match byte {
                    b'/' | b'+' => {
                        out.push('\\');
                        out.push(byte as char);
                    }
                    b' '..=b'~' => out.push(byte as char),
                    _ => out.push_str(&format!("\\x{byte:02X}")),
                }
            }
        }
    }
    out
}

trait DerBytes {
    fn as_bytes_der(&self) -> Vec<u8>;
}

impl DerBytes for x509_parser::der_parser::asn1_rs::Any<'_> {
    fn as_bytes_der(&self) -> Vec<u8> {
        use x509_parser::der_parser::asn1_rs::ToDer;
        self.to_der_vec().unwrap_or_default()
    }
}

/// The chain a client sent, as far as OpenSSL's choice of words depends on it.
pub struct SentChain {
    pub leaf_self_signed: bool,
    pub intermediates: usize,
    pub last_self_signed: bool,
}

/// OpenSSL's words for why a client certificate did not verify, as nginx puts them after
/// `FAILED:`. OpenSSL reports the last error it met (nginx's callback lets it go on): a lone
/// certificate whose issuer is unknown ends in "unable to verify the first certificate",
/// a sent chain that stops short in "unable to get local issuer certificate".
pub fn openssl_reason(error: &rustls::Error, chain: &SentChain) -> String {
    use rustls::CertificateError as E;
    let rustls::Error::InvalidCertificate(e) = error else {
        return "certificate verify failed".into();
    };
    match e {
        E::UnknownIssuer if chain.leaf_self_signed => "self-signed certificate".into(),
        E::UnknownIssuer if chain.intermediates == 0 => {
            "unable to verify the first certificate".into()
        }
        E::UnknownIssuer if chain.last_self_signed => {
            "self-signed certificate in certificate chain".into()
        }
        E::UnknownIssuer => "unable to get local issuer certificate".into(),
        E::Expired | E::ExpiredContext { .. } => "certificate has expired".into(),
        E::NotValidYet | E::NotValidYetContext { .. } => "certificate is not yet valid".into(),
        E::BadSignature => "certificate signature failure".into(),
        E::Revoked => "certificate revoked".into(),
        E::InvalidPurpose | E::InvalidPurposeContext { .. } => {
            "unsuitable certificate purpose".into()
        }
        E::UnhandledCriticalExtension => "unhandled critical extension".into(),
        E::BadEncoding => "unable to decode issuer public key".into(),
        // webpki's own errors arrive wrapped; name the ones OpenSSL has words for.
        other => {
            let text = format!("{other:?}");
            if text.contains("UnsupportedCriticalExtension") {
                "unhandled critical extension".into()
            } else if text.contains("MaximumPathDepthExceeded")
                || text.contains("MaximumPathBuildCallsExceeded")
            {
                "certificate chain too long".into()
            } else if text.contains("CaUsedAsEndEntity") || text.contains("EndEntityUsedAsCa") {
                "invalid CA certificate".into()
            } else {
                "certificate verify failed".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nginx_formats() {
        assert_eq!(tabbed("A\nB\nC\n"), "A\n\tB\n\tC");
        assert_eq!(
            escape_uri_component("a-b_c.d~e/f+g=\n"),
            "a-b_c.d~e%2Ff%2Bg%3D%0A"
        );
        assert_eq!(serial_text(&[0x00, 0x8a, 0x01]), "8A01");
        assert_eq!(serial_text(&[0x7f, 0x01]), "7F01");
        assert_eq!(serial_text(&[0xff]), "-01");
        assert_eq!(serial_text(&[0xff, 0x00]), "-0100");
        assert_eq!(serial_text(&[0x80]), "-80");
        let at = chrono::NaiveDate::from_ymd_opt(2025, 1, 2)
            .unwrap()
            .and_hms_opt(3, 4, 5)
            .unwrap()
            .and_utc();
        assert_eq!(asn1_time(at.timestamp()), "Jan  2 03:04:05 2025 GMT");
        assert_eq!(remain(1_000_000, 1_000_000 - 86_399), "0");
        assert_eq!(remain(1_000_000, 1_000_000 - 2 * 86_400 - 5), "2");
        assert_eq!(remain(0, 1_000), "0");
        assert_eq!(escape_2253("#a, b "), "\\#a\\, b\\ ");
        assert_eq!(escape_2253("é"), "\\C3\\A9");
    }
}
