//! Issuing: the store's local CA and the client certificates it signs.

use std::net::IpAddr;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Duration, Utc};
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType, SerialNumber, string::Ia5String,
};

use super::cert::CertInfo;
use super::keys::{self, PrivateKey};
use crate::duration::Validity;
use crate::error::usage;
use crate::model::{EnvRef, KeyType};

/// Certificates start a little before "now" so that a peer whose clock is behind accepts them.
const BACKDATE: Duration = Duration::minutes(5);
const ISSUER_DAYS: i64 = 3_650;

/// A freshly issued certificate with its key.
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: String,
    pub info: CertInfo,
}

/// The CA that signs: its certificate and key (PEM), and when it expires.
pub struct Signer<'a> {
    pub cert_pem: &'a str,
    pub key_pem: &'a str,
    pub not_after: DateTime<Utc>,
}

/// A new local issuing CA: ECDSA P-256 and 10 years unless asked otherwise, CA:true with
/// pathlen 0, for signing certificates and CRLs.
pub fn create_issuer(now: DateTime<Utc>, key_type: KeyType, days: Option<i64>) -> Result<Issued> {
    let key = keys::generate(key_type)?;
    let tag = &super::hex(&random_bytes::<4>()?);
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, format!("mtlsctl issuer {tag}"));
    params
        .distinguished_name
        .push(DnType::OrganizationName, "mtlsctl");
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    params.not_before = to_time(now - BACKDATE)?;
    params.not_after = to_time(now + Duration::days(days.unwrap_or(ISSUER_DAYS)))?;
    params.serial_number = Some(serial()?);
    let cert = params
        .self_signed(&key)
        .context("cannot sign the issuer certificate")?;
    Ok(Issued {
        info: CertInfo::from_der(cert.der())?,
        cert_pem: cert.pem(),
        key_pem: super::pem_lf("PRIVATE KEY", &keys::openssl_pkcs8(key.serialized_der())),
    })
}

/// What to issue a client certificate for.
pub struct LeafRequest<'a> {
    pub env: &'a EnvRef,
    pub key_type: KeyType,
    pub validity: Validity,
    pub extra_sans: &'a [String],
}

/// A client certificate for an environment, signed by the issuer, with the leaf profile of
/// DESIGN.md: subject CN=<property>/<stage>, O=<property>, OU=<stage>; SAN
/// URI:urn:mtlsctl:<property>:<stage> plus extras; EKU clientAuth; KU digitalSignature.
pub fn issue_leaf(
    issuer: &Signer<'_>,
    request: &LeafRequest<'_>,
    now: DateTime<Utc>,
) -> Result<Issued> {
    let params = leaf_params(issuer, request, now)?;
    let key = keys::generate(request.key_type)?;
    let mut issued = sign(issuer, params, &key, now)?;
    issued.key_pem =
        PrivateKey::from_pkcs8_der(key.serialized_der(), "the generated key")?.pkcs8_pem;
    Ok(issued)
}

/// A client certificate with the leaf profile for a key made elsewhere (a device, an HSM):
/// the public key of a certificate signing request whose signature proves its holder has the
/// key. The request's own subject and extensions are not used. `key_pem` is empty.
pub fn issue_for_csr(
    issuer: &Signer<'_>,
    request: &LeafRequest<'_>,
    (csr_der, what): (&[u8], &str),
    now: DateTime<Utc>,
) -> Result<Issued> {
    use x509_parser::prelude::{FromDer, X509CertificationRequest};
    let (_, csr) = X509CertificationRequest::from_der(csr_der).map_err(|_| {
        usage(format!(
            "{what} is not a certificate signing request (PEM 'CERTIFICATE REQUEST', or DER)"
        ))
        .hint("make one with 'openssl req -new -key KEY -subj /CN=NAME -out FILE'")
    })?;
    let spki = &csr.certification_request_info.subject_pki;
    if let Some(problem) = csr_key_problem(spki) {
        bail!(
            usage(format!("{what} holds {problem}"))
                .hint("use an ECDSA P-256 or P-384, Ed25519, or RSA key of 2048 bits or more")
        );
    }
    csr.verify_signature().map_err(|e| match e {
        x509_parser::error::X509Error::SignatureUnsupportedAlgorithm => {
            usage(format!("{what} is signed with an algorithm mtlsctl cannot check"))
                .hint("sign it with SHA-256 or stronger (openssl req -new -sha256)")
        }
        _ => usage(format!(
            "the signature of {what} does not verify: it was altered, or not signed by the key it holds"
        )),
    })?;
    let public = rcgen::SubjectPublicKeyInfo::from_der(spki.raw)
        .map_err(|_| usage(format!("{what} holds a key type mtlsctl cannot certify")))?;
    let params = leaf_params(issuer, request, now)?;
    sign(issuer, params, &public, now)
}

/// Why a CSR's key cannot be certified (a type or size clients and servers refuse), if so.
fn csr_key_problem(spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>) -> Option<String> {
    use x509_parser::public_key::PublicKey;
    const P256: &str = "1.2.840.10045.3.1.7";
    const P384: &str = "1.3.132.0.34";
    const ED25519: &str = "1.3.101.112";
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) if rsa.key_size() < 2048 => Some(format!(
            "an RSA key of {} bits: too small (2048 at least)",
            rsa.key_size()
        )),
        Ok(PublicKey::RSA(_)) => None,
        Ok(PublicKey::EC(_)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| oid.to_id_string())
                .unwrap_or_default();
            (curve != P256 && curve != P384)
                .then(|| format!("an EC key on a curve mtlsctl does not certify ({curve})"))
        }
        _ if spki.algorithm.algorithm.to_id_string() == ED25519 => None,
        _ => Some(format!(
            "a key of a type mtlsctl does not certify ({})",
            spki.algorithm.algorithm.to_id_string()
        )),
    }
}

/// The leaf profile's parameters, refused when they would outlive the issuer.
fn leaf_params(
    issuer: &Signer<'_>,
    request: &LeafRequest<'_>,
    now: DateTime<Utc>,
) -> Result<CertificateParams> {
    let not_after = now + request.validity.duration();
    if not_after > issuer.not_after {
        bail!(
            usage(format!(
                "a certificate valid for {} would outlive the issuer, which expires {}",
                request.validity,
                issuer.not_after.format("%Y-%m-%d")
            ))
            .hint("choose a shorter --validity")
        );
    }
    let env = request.env;
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, env.to_string());
    params
        .distinguished_name
        .push(DnType::OrganizationName, env.property.as_str());
    params
        .distinguished_name
        .push(DnType::OrganizationalUnitName, env.stage.as_str());
    let mut sans = vec![SanType::URI(ia5(&format!(
        "urn:mtlsctl:{}:{}",
        env.property, env.stage
    ))?)];
    for san in request.extra_sans {
        sans.push(parse_san(san)?);
    }
    params.subject_alt_names = sans;
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.not_after = to_time(not_after)?;
    Ok(params)
}

/// A server certificate for `host` (DNS name or IP address), valid for `days`, for `serve`.
pub fn issue_server(
    issuer: &Signer<'_>,
    host: &str,
    days: i64,
    now: DateTime<Utc>,
) -> Result<Issued> {
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, host);
    params.subject_alt_names = vec![match host.parse::<IpAddr>() {
        Ok(ip) => SanType::IpAddress(ip),
        Err(_) => SanType::DnsName(ia5(host)?),
    }];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.not_after = to_time((now + Duration::days(days)).min(issuer.not_after))?;
    let key = keys::generate(KeyType::EcP256)?;
    let mut issued = sign(issuer, params, &key, now)?;
    issued.key_pem =
        PrivateKey::from_pkcs8_der(key.serialized_der(), "the generated key")?.pkcs8_pem;
    Ok(issued)
}

/// Sign an end-entity certificate (not a CA, digitalSignature, authority key id, random
/// serial, backdated start) for `public`. The result's `key_pem` is empty: the caller that
/// made the key fills it in.
fn sign(
    issuer: &Signer<'_>,
    mut params: CertificateParams,
    public: &impl rcgen::PublicKeyData,
    now: DateTime<Utc>,
) -> Result<Issued> {
    let issuer_key =
        KeyPair::from_pem(issuer.key_pem).context("the stored issuer key is unusable")?;
    let signer = Issuer::from_ca_cert_pem(issuer.cert_pem, issuer_key)
        .context("the stored issuer certificate is unusable")?;
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.use_authority_key_identifier_extension = true;
    params.not_before = to_time(now - BACKDATE)?;
    params.serial_number = Some(serial()?);
    let cert = params
        .signed_by(public, &signer)
        .context("cannot sign the certificate")?;
    Ok(Issued {
        info: CertInfo::from_der(cert.der())?,
        cert_pem: cert.pem(),
        key_pem: String::new(),
    })
}

/// RFC 1123 labels: letters, digits and '-', not at either end; '*' only as the first label.
fn is_dns_name(value: &str) -> bool {
    value.len() <= 253
        && value.split('.').enumerate().all(|(i, label)| {
            (i == 0 && label == "*")
                || (!label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        })
}

/// `DNS:x`, `IP:x`, `URI:x`, `email:x`, or a bare value whose kind is evident.
pub fn parse_san(text: &str) -> Result<SanType> {
    let (kind, value) = match text.split_once(':') {
        Some((kind @ ("DNS" | "IP" | "URI" | "email"), value)) => (kind, value),
        _ if text.parse::<IpAddr>().is_ok() => ("IP", text),
        _ if text.contains("://") || text.starts_with("urn:") => ("URI", text),
        _ if text.contains('@') => ("email", text),
        _ => ("DNS", text),
    };
    if value.is_empty() {
        bail!(usage(format!("the SAN '{text}' is empty")));
    }
    let not_a_san = || {
        usage(format!(
            "the SAN '{text}' is not a DNS name, IP address, URI (scheme://… or urn:…) or email"
        ))
    };
    match kind {
        "email"
            if value
                .split_once('@')
                .is_none_or(|(local, domain)| local.is_empty() || domain.is_empty()) =>
        {
            bail!(not_a_san())
        }
        "URI"
            if value
                .split_once("://")
                .is_some_and(|(scheme, rest)| scheme.is_empty() || rest.is_empty()) =>
        {
            bail!(not_a_san())
        }
        // A name made only of digits and dots is an IP address written wrong, not a DNS name.
        "DNS" if value == "*" || value.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
            bail!(not_a_san())
        }
        _ => {}
    }
    Ok(match kind {
        "IP" => SanType::IpAddress(
            value
                .parse()
                .map_err(|_| usage(format!("the SAN '{text}' is not an IP address")))?,
        ),
        "URI" => SanType::URI(ia5(value)?),
        "email" => SanType::Rfc822Name(ia5(value)?),
        _ => {
            if !is_dns_name(value) {
                bail!(usage(format!(
                    "the SAN '{text}' is not a DNS name, IP address, URI (scheme://… or urn:…) or email"
                )));
            }
            SanType::DnsName(ia5(value)?)
        }
    })
}

fn ia5(text: &str) -> Result<Ia5String> {
    Ia5String::try_from(text.to_string()).map_err(|_| {
        usage(format!(
            "'{text}' has characters a certificate name cannot hold (ASCII only)"
        ))
        .into()
    })
}

fn serial() -> Result<SerialNumber> {
    let mut bytes = random_bytes::<16>()?;
    // Positive and 16 bytes long: RFC 5280 serials are positive integers.
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    Ok(SerialNumber::from_slice(&bytes))
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    aws_lc_rs::rand::fill(&mut bytes)
        .map_err(|_| anyhow::anyhow!("the system random source failed"))?;
    Ok(bytes)
}

pub fn to_time(at: DateTime<Utc>) -> Result<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(at.timestamp())
        .context("a certificate time is out of range")
}
