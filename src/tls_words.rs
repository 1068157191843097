//! The words for TLS failures, never a library's Debug text: what a certificate problem means,
//! and where the rustls error is in an error chain. At the bottom, beside `text`: the store's
//! secret-store client and the commands above both say TLS failures in these words.

/// webpki's own errors, which rustls wraps in `Other`, by the name in their Debug text.
const WEBPKI_WORDS: [(&str, &str); 8] = [
    (
        "UnsupportedCriticalExtension",
        "it has a critical extension that is not understood",
    ),
    (
        "CaUsedAsEndEntity",
        "it is a CA certificate, used where a server or client certificate belongs",
    ),
    (
        "EndEntityUsedAsCa",
        "its chain has a certificate that is not a CA signing another",
    ),
    ("MaximumPathDepthExceeded", "its chain is too long"),
    (
        "MaximumPathBuildCallsExceeded",
        "its chain is too complex to verify",
    ),
    (
        "UnsupportedSignatureAlgorithm",
        "it is signed with an algorithm that is not supported",
    ),
    (
        "NameConstraintViolation",
        "it breaks its CA's name constraints",
    ),
    ("InvalidSerialNumber", "its serial number is invalid"),
];

/// The rustls error an error is or wraps, through io::Errors nested in io::Errors (as
/// tokio-rustls and the HTTP clients above it wrap it).
pub fn rustls_error_in<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::Error> {
    if let Some(tls) = error.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    let io = error.downcast_ref::<std::io::Error>()?;
    rustls_error_in(io.get_ref()?)
}

/// Words for a certificate problem, never a library's Debug text: webpki's own errors, which
/// rustls wraps in `Other`, by what they mean.
pub fn certificate_error_text(error: &rustls::CertificateError) -> String {
    use rustls::CertificateError as C;
    let words = match error {
        C::UnknownIssuer => "it was issued by an unknown CA",
        C::Expired | C::ExpiredContext { .. } => "it has expired",
        C::NotValidYet | C::NotValidYetContext { .. } => "it is not valid yet",
        C::Revoked => "it was revoked",
        C::BadSignature => "its signature does not verify",
        C::BadEncoding => "it is malformed",
        C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
            "it was not issued for this purpose (extended key usage)"
        }
        C::NotValidForName | C::NotValidForNameContext { .. } => "it is not for this host name",
        C::UnhandledCriticalExtension => "it has a critical extension that is not understood",
        other => {
            let debug = format!("{other:?}");
            return WEBPKI_WORDS
                .iter()
                .find(|(name, _)| debug.contains(name))
                .map(|(_, words)| words.to_string())
                .unwrap_or_else(|| {
                    let text = rustls::Error::InvalidCertificate(other.clone()).to_string();
                    let text = text.trim_start_matches("invalid peer certificate: ");
                    if text.contains('(') {
                        "it is not acceptable".to_string()
                    } else {
                        text.to_string()
                    }
                });
        }
    };
    words.to_string()
}
