//! Reading certificates: PEM bundles, DER, and the details mtlsctl shows and stores.

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use serde::Serialize;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

use super::{hex, sha256_hex};
use crate::error::usage;

/// What a person or a script wants to know about one certificate.
#[derive(Debug, Clone, Serialize)]
pub struct CertInfo {
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub sha256: String,
    pub key_type: String,
    pub sans: Vec<String>,
    pub is_ca: bool,
    pub self_signed: bool,
    pub extended_key_usage: Vec<String>,
}

impl CertInfo {
    pub fn from_der(der: &[u8]) -> Result<CertInfo> {
        let cert = parse_der(der)?;
        let eku = cert
            .extended_key_usage()
            .ok()
            .flatten()
            .map(|ext| {
                let eku = ext.value;
                let mut names = Vec::new();
                for (present, name) in [
                    (eku.server_auth, "serverAuth"),
                    (eku.client_auth, "clientAuth"),
                    (eku.code_signing, "codeSigning"),
                    (eku.email_protection, "emailProtection"),
                    (eku.time_stamping, "timeStamping"),
                    (eku.ocsp_signing, "OCSPSigning"),
                    (eku.any, "any"),
                ] {
                    if present {
                        names.push(name.to_string());
                    }
                }
                names.extend(eku.other.iter().map(|oid| oid.to_id_string()));
                names
            })
            .unwrap_or_default();
        Ok(CertInfo {
            subject: display_name(cert.subject()),
            issuer: display_name(cert.issuer()),
            serial: serial_text(cert.raw_serial()),
            not_before: timestamp(cert.validity().not_before.timestamp())?,
            not_after: timestamp(cert.validity().not_after.timestamp())?,
            sha256: sha256_hex(der),
            key_type: key_type(&cert),
            sans: sans(&cert),
            is_ca: cert.is_ca(),
            self_signed: cert.subject().as_raw() == cert.issuer().as_raw()
                && cert.verify_signature(None).is_ok(),
            extended_key_usage: eku,
        })
    }
}

pub fn parse_der(der: &[u8]) -> Result<X509Certificate<'_>> {
    let (rest, cert) = X509Certificate::from_der(der)
        .map_err(|e| usage(format!("not a valid X.509 certificate: {e}")))?;
    if !rest.is_empty() {
        bail!(usage(format!(
            "not a valid X.509 certificate: {} unexpected bytes after it",
            rest.len()
        )));
    }
    Ok(cert)
}

/// The certificates of a PEM text, in order. Other PEM blocks are ignored, but a text with
/// no certificate at all is refused, naming what it holds instead.
pub fn certs_from_pem(text: &[u8], what: &str) -> Result<Vec<Vec<u8>>> {
    let blocks = super::pem_blocks(text).map_err(|damage| usage(format!("{what} {damage}")))?;
    let mut certs = Vec::new();
    for block in &blocks {
        // The labels OpenSSL reads as a certificate: the RFC 7468 one, the old "X509
        // CERTIFICATE", and "TRUSTED CERTIFICATE" (the certificate, then OpenSSL's trust data).
        let der = match block.tag() {
            "CERTIFICATE" | "X509 CERTIFICATE" => block.contents(),
            "TRUSTED CERTIFICATE" => first_tlv(block.contents()),
            _ => continue,
        };
        parse_der(der).with_context(|| format!("in {what}"))?;
        certs.push(der.to_vec());
    }
    if certs.is_empty() {
        let found: Vec<&str> = blocks.iter().map(|b| b.tag()).collect();
        if found.is_empty() {
            bail!(usage(format!(
                "{what} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' block)"
            )));
        }
        let named: Vec<String> = found
            .iter()
            .map(|tag| format!("{tag} ({})", what_pem_holds(tag)))
            .collect();
        bail!(usage(format!(
            "{what} holds no certificate, only: {}",
            named.join(", ")
        )));
    }
    Ok(certs)
}

/// A PEM label as people name what it holds.
fn what_pem_holds(tag: &str) -> String {
    match tag {
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
            "a certificate signing request (CSR)".into()
        }
        "X509 CRL" => "a certificate revocation list (CRL)".into(),
        "PKCS7" | "CMS" => "a PKCS#7 / CMS structure".into(),
        "PUBLIC KEY" | "RSA PUBLIC KEY" => "a public key".into(),
        tag if tag.ends_with("PRIVATE KEY") => "a private key".into(),
        tag if tag.ends_with("PARAMETERS") => "key parameters".into(),
        _ => "not a certificate".into(),
    }
}

/// The first DER element of `der` (what follows it is another structure).
fn first_tlv(der: &[u8]) -> &[u8] {
    use x509_parser::der_parser::der::parse_der as parse_any;
    match parse_any(der) {
        Ok((rest, _)) => &der[..der.len() - rest.len()],
        Err(_) => der,
    }
}

/// What a DER file that is not a certificate is, when it is something X.509 knows.
pub fn what_der_holds(der: &[u8]) -> Option<&'static str> {
    use x509_parser::prelude::{CertificateRevocationList, FromDer, X509CertificationRequest};
    if X509CertificationRequest::from_der(der).is_ok() {
        Some("a certificate signing request (CSR)")
    } else if CertificateRevocationList::from_der(der).is_ok() {
        Some("a certificate revocation list (CRL)")
    } else {
        None
    }
}

/// The certificates of a file that is PEM (any number) or DER (one).
pub fn certs_in_file(bytes: &[u8], what: &str) -> Result<Vec<Vec<u8>>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        bail!(usage(format!("{what} is empty")));
    }
    if bytes.windows(11).any(|w| w == b"-----BEGIN ") {
        return certs_from_pem(bytes, what);
    }
    parse_der(bytes).map_err(|_| match what_der_holds(bytes) {
        Some(thing) => usage(format!("{what} is {thing}, not a certificate")),
        None => usage(format!("{what} is neither a PEM nor a DER certificate")),
    })?;
    Ok(vec![bytes.to_vec()])
}

pub fn to_pem(ders: &[Vec<u8>]) -> String {
    ders.iter()
        .map(|der| super::pem_lf("CERTIFICATE", der))
        .collect::<Vec<_>>()
        .join("")
}

/// The first (leaf) certificate's DER of a PEM text mtlsctl wrote itself.
pub fn first_der(pem_text: &str) -> Result<Vec<u8>> {
    certs_from_pem(pem_text.as_bytes(), "the stored certificate")?
        .into_iter()
        .next()
        .context("the stored certificate is empty")
}

/// A distinguished name as OpenSSL shows it (`openssl x509 -nameopt RFC2253`-style escaping,
/// in the certificate's order, OpenSSL's short attribute names), so that both agree.
pub fn display_name(name: &x509_parser::x509::X509Name<'_>) -> String {
    let registry = x509_parser::objects::oid_registry();
    name.iter()
        .map(|rdn| {
            rdn.iter()
                .map(|attribute| {
                    let oid = attribute.attr_type();
                    let id = oid.to_id_string();
                    let key = openssl_short_name(&id)
                        .map(str::to_string)
                        .or_else(|| registry.get(oid).map(|entry| entry.sn().to_string()))
                        .unwrap_or(id);
                    let value = match attribute.as_str() {
                        Ok(text) => escape_dn_value(text),
                        Err(_) => format!("#{}", hex(attribute.attr_value().as_bytes())),
                    };
                    format!("{key}={value}")
                })
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// OpenSSL's short names where x509-parser's differ or are missing.
fn openssl_short_name(oid: &str) -> Option<&'static str> {
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
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.45" => "x500UniqueIdentifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        "1.2.643.100.1" => "OGRN",
        "1.2.643.3.131.1.1" => "INN",
        _ => return None,
    })
}

/// RFC 4514 escaping of an attribute value: the separators and quotes, a leading '#' or space,
/// a trailing space.
fn escape_dn_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `i2a_ASN1_INTEGER`: uppercase hex of the magnitude; DER's leading sign byte is not shown;
/// a negative serial is `-` and its magnitude.
pub fn serial_text(raw: &[u8]) -> String {
    if raw.first().is_some_and(|b| b & 0x80 != 0) {
        return format!("-{}", negative_magnitude(raw));
    }
    let magnitude = match raw {
        [0, rest @ ..] if !rest.is_empty() && rest[0] & 0x80 != 0 => rest,
        other => other,
    };
    if magnitude.is_empty() {
        return "00".into();
    }
    hex(magnitude).to_ascii_uppercase()
}

/// The magnitude of a negative two's-complement integer, in uppercase hex without leading zero
/// bytes (at least one byte).
fn negative_magnitude(raw: &[u8]) -> String {
    // Two's complement: invert every bit, then add one.
    let mut bytes: Vec<u8> = raw.iter().map(|b| !b).collect();
    for byte in bytes.iter_mut().rev() {
        let (sum, carry) = byte.overflowing_add(1);
        *byte = sum;
        if !carry {
            break;
        }
    }
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len() - 1);
    hex(&bytes[first..]).to_ascii_uppercase()
}

fn timestamp(seconds: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0).context("a certificate time is out of range")
}

fn key_type(cert: &X509Certificate<'_>) -> String {
    let spki = cert.public_key();
    if spki.algorithm.algorithm.to_id_string() == "1.3.101.112" {
        return "ed25519".to_string();
    }
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => format!("rsa-{}", rsa.key_size()),
        Ok(PublicKey::EC(ec)) => match ec.key_size() {
            256 => "ec-p256".to_string(),
            384 => "ec-p384".to_string(),
            // x509-parser counts the uncompressed point's coordinate bytes: 66 × 8 for P-521.
            521 | 528 => "ec-p521".to_string(),
            bits => format!("ec-{bits}"),
        },
        _ => spki.algorithm.algorithm.to_id_string(),
    }
}

fn sans(cert: &X509Certificate<'_>) -> Vec<String> {
    let Ok(Some(ext)) = cert.subject_alternative_name() else {
        return Vec::new();
    };
    ext.value
        .general_names
        .iter()
        .map(|name| match name {
            GeneralName::DNSName(dns) => format!("DNS:{dns}"),
            GeneralName::URI(uri) => format!("URI:{uri}"),
            GeneralName::RFC822Name(email) => format!("email:{email}"),
            GeneralName::IPAddress(ip) => format!("IP:{}", ip_text(ip)),
            other => format!("{other}"),
        })
        .collect()
}

fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string(),
        16 => {
            let mut octets = [0u8; 16];
            octets.copy_from_slice(bytes);
            std::net::Ipv6Addr::from(octets).to_string()
        }
        _ => hex(bytes),
    }
}
