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
            subject: cert.subject().to_string(),
            issuer: cert.issuer().to_string(),
            serial: hex(cert.raw_serial()).to_ascii_uppercase(),
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
        if block.tag() == "CERTIFICATE" {
            parse_der(block.contents()).with_context(|| format!("in {what}"))?;
            certs.push(block.contents().to_vec());
        }
    }
    if certs.is_empty() {
        let found: Vec<&str> = blocks.iter().map(|b| b.tag()).collect();
        if found.is_empty() {
            bail!(usage(format!(
                "{what} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' block)"
            )));
        }
        bail!(usage(format!(
            "{what} holds no certificate, only: {}",
            found.join(", ")
        )));
    }
    Ok(certs)
}

/// The certificates of a file that is PEM (any number) or DER (one).
pub fn certs_in_file(bytes: &[u8], what: &str) -> Result<Vec<Vec<u8>>> {
    if bytes.is_empty() {
        bail!(usage(format!("{what} is empty")));
    }
    if bytes.windows(11).any(|w| w == b"-----BEGIN ") {
        return certs_from_pem(bytes, what);
    }
    parse_der(bytes)
        .map_err(|_| usage(format!("{what} is neither a PEM nor a DER certificate")))?;
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
            521 => "ec-p521".to_string(),
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
