use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::cli::CaCommand;
use crate::context::Context;
use crate::error::usage;
use crate::model::CaName;
use crate::output::{Column, Report, Styled, Tone, json_of};
use crate::pki::cert::{CertInfo, certs_in_file, to_pem};
use crate::state::{TrustedCa, days_left};

use super::views::RemovedJson;
use super::{read_input, short_time};

pub fn run(command: CaCommand, ctx: &Context) -> Result<Report> {
    match command {
        CaCommand::Add { name, file, force } => add(&name, &file, force, ctx),
        CaCommand::List => list(ctx),
        CaCommand::Show { name } => show(&name, ctx),
        CaCommand::Remove { name } => remove(&name, ctx),
    }
}

/// A certificate of a trusted-CA file: a CA (or self-signed), and unexpired unless --force.
fn checked_ca(der: &[u8], what: &str, force: bool, ctx: &Context) -> Result<CertInfo> {
    let info = CertInfo::from_der(der)?;
    if !info.is_ca && !info.self_signed {
        return Err(usage(format!(
            "{what} holds a certificate that is not a CA: {} (no basicConstraints CA:true, not self-signed)",
            info.subject
        ))
        .hint("give the certificate of the CA that issued the client certificates")
        .into());
    }
    if info.not_after < ctx.now && !force {
        return Err(usage(format!(
            "the CA certificate {} in {what} expired on {}",
            info.subject,
            short_time(info.not_after)
        ))
        .hint("get the CA's current certificate, or pass --force to add it anyway")
        .into());
    }
    Ok(info)
}

fn add(name: &CaName, file: &Path, force: bool, ctx: &Context) -> Result<Report> {
    let what = if file.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        file.display().to_string()
    };
    let bytes = read_input(file)?;
    if bytes.windows(12).any(|w| w == b"PRIVATE KEY-") {
        return Err(usage(format!(
            "{what} holds a private key: a trusted CA file must hold only public certificates"
        ))
        .hint("give the CA certificate alone (e.g. 'openssl x509 -in ca.pem -out ca-cert.pem')")
        .into());
    }
    let ders = certs_in_file(&bytes, &what)?;
    let infos = ders
        .iter()
        .map(|der| checked_ca(der, &what, force, ctx))
        .collect::<Result<Vec<_>>>()?;
    let first = &infos[0];
    let ca = TrustedCa {
        name: name.clone(),
        added: ctx.now,
        subject: first.subject.clone(),
        // The bundle is as good as its first-expiring certificate.
        not_after: infos
            .iter()
            .map(|i| i.not_after)
            .min()
            .unwrap_or(first.not_after),
        sha256: first.sha256.clone(),
        pem: to_pem(&ders),
    };
    ctx.store.update(|state| {
        if state.trusted_cas.iter().any(|c| &c.name == name) {
            return Err(usage(format!("a trusted CA named '{name}' already exists"))
                .hint(format!(
                    "remove it first with 'mtlsctl ca remove {name}', or pick another name"
                ))
                .into());
        }
        state.add_trusted_ca(ca.clone());
        Ok(())
    })?;
    Ok(Report::Done {
        message: format!(
            "added trusted CA {name}: {} (expires {}, {} certificate{})",
            ca.subject,
            ca.not_after.format("%Y-%m-%d"),
            ders.len(),
            if ders.len() == 1 { "" } else { "s" }
        ),
        json: json_of(&CaJson::of(&ca, ctx))?,
    })
}

fn list(ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    let mut cas: Vec<&TrustedCa> = state.trusted_cas.iter().collect();
    cas.sort_by(|a, b| a.name.cmp(&b.name));
    let views: Vec<CaJson> = cas.iter().map(|ca| CaJson::of(ca, ctx)).collect();
    Ok(Report::Table {
        columns: vec![
            Column::keep("NAME"),
            Column::wrap("SUBJECT"),
            Column::keep("EXPIRES"),
            Column::optional(1, "SHA-256"),
        ],
        rows: cas
            .iter()
            .map(|ca| {
                let days = days_left(ca.not_after, ctx.now);
                let tone = if days < 0 {
                    Tone::Bad
                } else if days < 30 {
                    Tone::Warn
                } else {
                    Tone::Plain
                };
                vec![
                    Styled::plain(ca.name.as_str()),
                    Styled::plain(ca.subject.clone()),
                    Styled(
                        format!("{} ({days}d)", ca.not_after.format("%Y-%m-%d")),
                        tone,
                    ),
                    Styled::plain(ca.sha256.get(..16).unwrap_or(&ca.sha256).to_string()),
                ]
            })
            .collect(),
        empty: "no trusted CAs yet; add one with 'mtlsctl ca add NAME FILE'".into(),
        json: json_of(&views)?,
    })
}

fn show(name: &CaName, ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    let ca = state.trusted_ca(name)?;
    let json = json_of(&CaShowJson {
        ca: CaJson::of(ca, ctx),
        pem: &ca.pem,
    })?;
    Ok(Report::Fields {
        fields: vec![
            ("Name", Styled::plain(ca.name.as_str())),
            ("Subject", Styled::plain(ca.subject.clone())),
            (
                "Expires",
                Styled::plain(format!(
                    "{} ({} days left)",
                    short_time(ca.not_after),
                    days_left(ca.not_after, ctx.now)
                )),
            ),
            ("SHA-256", Styled::plain(ca.sha256.clone())),
            (
                "Certificates",
                Styled::plain(ca.pem.matches("BEGIN CERTIFICATE").count().to_string()),
            ),
            ("Added", Styled::plain(short_time(ca.added))),
        ],
        json,
    })
}

fn remove(name: &CaName, ctx: &Context) -> Result<Report> {
    ctx.store.update(|state| {
        state.trusted_ca(name)?;
        state.ensure_ca_unused(name)?;
        state.remove_trusted_ca(name);
        Ok(())
    })?;
    Ok(Report::Done {
        message: format!("removed trusted CA {name}"),
        json: json_of(&RemovedJson {
            removed: name.as_str(),
        })?,
    })
}

/// One trusted CA as `ca add|list --json` print it.
#[derive(Serialize)]
struct CaJson<'a> {
    name: &'a CaName,
    subject: &'a str,
    not_after: DateTime<Utc>,
    days_left: i64,
    sha256: &'a str,
    added: DateTime<Utc>,
}

impl<'a> CaJson<'a> {
    fn of(ca: &'a TrustedCa, ctx: &Context) -> Self {
        CaJson {
            name: &ca.name,
            subject: &ca.subject,
            not_after: ca.not_after,
            days_left: days_left(ca.not_after, ctx.now),
            sha256: &ca.sha256,
            added: ca.added,
        }
    }
}

/// `ca show --json`: the listing's object with the certificates.
#[derive(Serialize)]
struct CaShowJson<'a> {
    #[serde(flatten)]
    ca: CaJson<'a>,
    pem: &'a str,
}
