use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use crate::cli::InspectArgs;
use crate::context::Context;
use crate::error::usage;
use crate::output::{Report, Styled, Tone, json_of};
use crate::pki::cert::{CertInfo, certs_in_file, parse_der};
use crate::pki::p12;
use crate::state::days_left;

use super::client::probe_server;
use super::views::{ChainCertJson, chain_text, client_request_text};
use super::{read_input, read_password, short_time};
use crate::http;

pub fn run(args: InspectArgs, ctx: &Context) -> Result<Report> {
    let Some(file) = &args.file else {
        let address = args.connect.as_deref().unwrap_or_default();
        return inspect_server(
            address,
            args.servername.as_deref(),
            args.cacert.as_deref(),
            ctx,
        );
    };
    let what = if file.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        file.display().to_string()
    };
    let bytes = read_input(file)?;
    let (ders, has_key) = certificates_in(&bytes, &what, &args)?;
    let infos = ders
        .iter()
        .map(|der| CertInfo::from_der(der))
        .collect::<Result<Vec<_>>>()?;
    let mut parts: Vec<Report> = infos.iter().map(|info| fields(info, ctx)).collect();
    if has_key {
        parts.push(Report::Done {
            message: format!("{what} also holds a private key (not shown)"),
            json: Value::Null,
        });
    }
    let views: Vec<InspectedJson> = infos
        .iter()
        .map(|info| InspectedJson {
            info,
            days_left: days_left(info.not_after, ctx.now),
        })
        .collect();
    Ok(Report::Sections {
        parts,
        json: json_of(&views)?,
    })
}

/// One certificate of a file as `inspect FILE --json` prints it: everything read from it, and
/// the days it has left.
#[derive(Serialize)]
struct InspectedJson<'a> {
    #[serde(flatten)]
    info: &'a CertInfo,
    days_left: i64,
}

/// PEM (any number of certificates), DER (one), or PKCS#12 (with the password file or none).
fn certificates_in(bytes: &[u8], what: &str, args: &InspectArgs) -> Result<(Vec<Vec<u8>>, bool)> {
    let is_pem = bytes.windows(11).any(|w| w == b"-----BEGIN ");
    if bytes.is_empty() || is_pem || parse_der(bytes).is_ok() {
        let has_key = is_pem && bytes.windows(12).any(|w| w == b"PRIVATE KEY-");
        return Ok((certs_in_file(bytes, what)?, has_key));
    }
    // PKCS#12 is DER too (a SEQUENCE): try it once DER and PEM are ruled out.
    if bytes.first() == Some(&0x30) {
        let password = match &args.password.password_file {
            Some(path) => read_password(path)?,
            None => String::new(),
        };
        let bundle = p12::read(bytes, &password, what)?;
        return Ok((bundle.certs, bundle.key_pkcs8.is_some()));
    }
    Err(usage(format!(
        "{what} is not a PEM, DER or PKCS#12 certificate file"
    ))
    .into())
}

fn fields(info: &CertInfo, ctx: &Context) -> Report {
    let days = days_left(info.not_after, ctx.now);
    let (validity, tone) = if info.not_after < ctx.now {
        (
            format!(
                "{} (expired {} days ago)",
                short_time(info.not_after),
                -days
            ),
            Tone::Bad,
        )
    } else if info.not_before > ctx.now {
        (
            format!("{} (not valid yet)", short_time(info.not_after)),
            Tone::Warn,
        )
    } else {
        (
            format!("{} ({days} days left)", short_time(info.not_after)),
            Tone::Plain,
        )
    };
    Report::Fields {
        fields: vec![
            ("Subject", Styled::plain(info.subject.clone())),
            ("Issuer", Styled::plain(info.issuer.clone())),
            ("Serial", Styled::plain(info.serial.clone())),
            ("Not before", Styled::plain(short_time(info.not_before))),
            ("Not after", Styled(validity, tone)),
            ("SANs", Styled::plain(info.sans.join(", "))),
            ("Key type", Styled::plain(info.key_type.clone())),
            ("CA", Styled::plain(if info.is_ca { "yes" } else { "no" })),
            (
                "Extended key usage",
                Styled::plain(info.extended_key_usage.join(", ")),
            ),
            ("SHA-256", Styled::plain(info.sha256.clone())),
        ],
        json: Value::Null,
    }
}

/// `inspect --connect HOST:PORT`: the server's chain, TLS facts, and its client-certificate request.
fn inspect_server(
    address: &str,
    servername: Option<&str>,
    cacert: Option<&std::path::Path>,
    ctx: &Context,
) -> Result<Report> {
    let (connected, seen) = probe_server(address, servername, cacert, ctx)?;
    let tls = connected.tls.clone().unwrap_or_else(|| http::TlsFacts {
        version: String::new(),
        cipher: String::new(),
        alpn: None,
    });
    let chain = seen
        .server_chain
        .iter()
        .map(|der| CertInfo::from_der(der))
        .collect::<Result<Vec<_>>>()?;
    let mut text = format!(
        "Connected to {} ({})\nTLS: {}, {}, ALPN {}\nVerified: {}\n",
        address,
        connected.peer,
        tls.version,
        tls.cipher,
        tls.alpn.as_deref().unwrap_or("none"),
        seen.verification_error
            .as_deref()
            .map(|e| format!("no ({e})"))
            .unwrap_or_else(|| "yes".into())
    );
    text.push_str(&client_request_text(&seen));
    text.push_str("Server certificate chain:\n");
    text.push_str(&chain_text(&chain, ctx.now));
    Ok(Report::Text {
        text,
        json: json_of(&ServerJson {
            address,
            peer: connected.peer.to_string(),
            tls: &tls,
            verified: seen.verification_error.is_none(),
            verification_error: seen.verification_error.as_deref(),
            client_certificate_requested: seen.client_cert_requested,
            acceptable_cas: &seen.acceptable_cas,
            chain: chain
                .iter()
                .map(|c| ChainCertJson::of(c, ctx.now))
                .collect(),
        })?,
    })
}

/// `inspect --connect --json`: the connection, whether the chain verified, the server's
/// client-certificate request, and its chain.
#[derive(Serialize)]
struct ServerJson<'a> {
    address: &'a str,
    peer: String,
    tls: &'a http::TlsFacts,
    verified: bool,
    verification_error: Option<&'a str>,
    client_certificate_requested: bool,
    acceptable_cas: &'a [String],
    chain: Vec<ChainCertJson<'a>>,
}
