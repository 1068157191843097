use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::atomic;
use crate::cli::IssuerCommand;
use crate::context::Context;
use crate::lifecycle::ensure_issuer;
use crate::output::{Report, Styled, json_of};
use crate::state::{IssuerRecord, days_left};

use super::short_time;

pub fn run(command: IssuerCommand, ctx: &Context) -> Result<Report> {
    if let IssuerCommand::Export { out: Some(out) } = &command {
        ctx.store.refuse_as_output(out)?;
    }
    // The issuer is created on first need, and handing it out is such a need: servers are
    // often configured to trust it before the first environment exists.
    let issuer = match ctx.store.read()?.issuer {
        Some(issuer) => issuer,
        None => ctx
            .store
            .update(|state| Ok(ensure_issuer(state, ctx.now)?.clone()))?,
    };
    match command {
        IssuerCommand::Show => show(&issuer, ctx),
        IssuerCommand::Export { out } => export(&issuer, out.as_deref()),
    }
}

fn show(issuer: &IssuerRecord, ctx: &Context) -> Result<Report> {
    let days = days_left(issuer.not_after, ctx.now);
    Ok(Report::Fields {
        fields: vec![
            ("Subject", Styled::plain(issuer.subject.clone())),
            ("Key type", Styled::plain("ec-p256")),
            ("Serial", Styled::plain(issuer.serial.clone())),
            ("Not before", Styled::plain(short_time(issuer.not_before))),
            (
                "Not after",
                Styled::plain(format!(
                    "{} ({days} days left)",
                    short_time(issuer.not_after)
                )),
            ),
            ("SHA-256", Styled::plain(issuer.sha256.clone())),
            ("Created", Styled::plain(short_time(issuer.created))),
        ],
        json: json_of(&IssuerJson {
            subject: &issuer.subject,
            key_type: "ec-p256",
            serial: &issuer.serial,
            not_before: issuer.not_before,
            not_after: issuer.not_after,
            days_left: days,
            sha256: &issuer.sha256,
            created: issuer.created,
            pem: &issuer.cert_pem,
        })?,
    })
}

fn export(issuer: &IssuerRecord, out: Option<&Path>) -> Result<Report> {
    match out {
        Some(path) => {
            atomic::write_file(path, issuer.cert_pem.as_bytes(), 0o644)?;
            Ok(Report::Done {
                message: format!("wrote the issuer certificate to {}", path.display()),
                json: json_of(&IssuerFileJson {
                    path,
                    sha256: &issuer.sha256,
                })?,
            })
        }
        None => Ok(Report::Text {
            text: issuer.cert_pem.clone(),
            json: json_of(&IssuerPemJson {
                pem: &issuer.cert_pem,
                sha256: &issuer.sha256,
            })?,
        }),
    }
}

/// `issuer show --json`: the issuing CA, with its certificate (never its key).
#[derive(Serialize)]
struct IssuerJson<'a> {
    subject: &'a str,
    key_type: &'static str,
    serial: &'a str,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    days_left: i64,
    sha256: &'a str,
    created: DateTime<Utc>,
    pem: &'a str,
}

/// `issuer export --out FILE --json`: where the certificate went.
#[derive(Serialize)]
struct IssuerFileJson<'a> {
    path: &'a Path,
    sha256: &'a str,
}

/// `issuer export --json`: the certificate itself.
#[derive(Serialize)]
struct IssuerPemJson<'a> {
    pem: &'a str,
    sha256: &'a str,
}
