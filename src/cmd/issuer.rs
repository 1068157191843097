use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::client::identity::read_import;
use super::short_time;
use crate::atomic;
use crate::cli::{ImportFiles, IssuerCommand};
use crate::context::Context;
use crate::duration::{HumanDuration, Validity};
use crate::error::usage;
use crate::lifecycle::{
    after_new_issuer, ensure_issuer, import_issuer, revoke, rotate_issuer, trusted_issuers,
};
use crate::model::KeyType;
use crate::output::{self, Report, Styled, json_of};
use crate::state::{IssuerRecord, days_left};

/// What `env create` issues for by default: an imported CA must outlive it, or is warned about.
const DEFAULT_VALIDITY_DAYS: i64 = 365;

pub fn run(command: IssuerCommand, ctx: &Context) -> Result<Report> {
    match command {
        IssuerCommand::Show => show(&current_issuer(ctx)?, ctx),
        IssuerCommand::Export { out } => {
            if let Some(out) = &out {
                ctx.store.refuse_as_output(out)?;
            }
            current_issuer(ctx)?;
            let state = ctx.store.read()?;
            export(&trusted_issuers(&state, ctx.now), out.as_deref())
        }
        IssuerCommand::Crl { out, next_update } => {
            if let Some(out) = &out {
                ctx.store.refuse_as_output(out)?;
            }
            crl(out.as_deref(), next_update, ctx)
        }
        IssuerCommand::Import { files } => import(&files, ctx),
        IssuerCommand::Rotate { key_type, validity } => rotate(key_type, validity, ctx),
    }
}

/// The issuer, created on first need: handing it out is such a need, as servers are often
/// configured to trust it before the first environment exists.
fn current_issuer(ctx: &Context) -> Result<IssuerRecord> {
    match ctx.store.read()?.issuer {
        Some(issuer) => Ok(issuer),
        None => ctx
            .store
            .update(|state| Ok(ensure_issuer(state, ctx.now)?.clone())),
    }
}

fn show(issuer: &IssuerRecord, ctx: &Context) -> Result<Report> {
    let days = days_left(issuer.not_after, ctx.now);
    Ok(Report::Fields {
        fields: vec![
            ("Subject", Styled::plain(issuer.subject.clone())),
            ("Key type", Styled::plain(issuer.key_type().to_string())),
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
            key_type: issuer.key_type(),
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

/// Every issuer still trusted, the current one first.
fn export(issuers: &[&IssuerRecord], out: Option<&Path>) -> Result<Report> {
    let pem: String = issuers.iter().map(|i| i.cert_pem.as_str()).collect();
    let sha256 = issuers
        .first()
        .map(|i| i.sha256.clone())
        .unwrap_or_default();
    match out {
        Some(path) => {
            atomic::write_file(path, pem.as_bytes(), 0o644)?;
            let what = match issuers.len() {
                1 => "the issuer certificate".to_string(),
                n => format!("{n} issuer certificates (the current one first)"),
            };
            Ok(Report::Done {
                message: format!("wrote {what} to {}", path.display()),
                json: json_of(&IssuerFileJson {
                    path,
                    sha256: &sha256,
                })?,
            })
        }
        None => Ok(Report::Text {
            text: pem.clone(),
            json: json_of(&IssuerPemJson {
                pem: &pem,
                sha256: &sha256,
            })?,
        }),
    }
}

/// `issuer crl`: new CRLs under the next number, to stdout or a file `expiry` then watches.
fn crl(out: Option<&Path>, next_update: HumanDuration, ctx: &Context) -> Result<Report> {
    let valid_for = next_update.duration();
    if valid_for <= chrono::Duration::zero() {
        return Err(usage("--next-update must be in the future (e.g. 7d)").into());
    }
    let crls = ctx
        .store
        .update(|state| revoke::make_crls(state, valid_for, ctx.now))?;
    for why in &crls.unsigned {
        output::warn(ctx, &format!("{why}: its certificates are in no CRL"));
    }
    let json = CrlJson {
        number: crls.number,
        this_update: crls.this_update,
        next_update: crls.next_update,
        revoked: crls.listed,
        path: out.map(Path::to_path_buf),
        pem: out.is_none().then(|| crls.pem.clone()),
    };
    let Some(path) = out else {
        return Ok(Report::Text {
            text: crls.pem.clone(),
            json: json_of(&json)?,
        });
    };
    atomic::write_file(path, crls.pem.as_bytes(), 0o644)?;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    ctx.store.update(|state| {
        revoke::record_written(state, absolute.clone(), &crls);
        Ok(())
    })?;
    Ok(Report::Done {
        message: format!(
            "wrote CRL number {} ({} revoked) to {}; next update {}: write it again before then ('mtlsctl expiry' warns)",
            crls.number,
            crls.listed,
            path.display(),
            short_time(crls.next_update)
        ),
        json: json_of(&json)?,
    })
}

/// The JSON of `issuer crl`.
#[derive(Debug, Serialize)]
struct CrlJson {
    number: u64,
    this_update: DateTime<Utc>,
    next_update: DateTime<Utc>,
    /// Revoked certificates listed.
    revoked: usize,
    path: Option<PathBuf>,
    pem: Option<String>,
}

/// `issuer import`: an existing CA becomes the issuer.
fn import(files: &ImportFiles, ctx: &Context) -> Result<Report> {
    let ca = read_import(files)?;
    let (issuer, warnings) = ctx
        .store
        .update(|state| import_issuer(state, &ca, ctx.now))?;
    for warning in &warnings {
        output::warn(ctx, warning);
    }
    replaced(&issuer, "imported", ctx)
}

/// `issuer rotate`: a new issuer of mtlsctl's own.
fn rotate(key_type: KeyType, validity: Option<Validity>, ctx: &Context) -> Result<Report> {
    let days = validity.map(|v| v.days());
    let issuer = ctx
        .store
        .update(|state| rotate_issuer(state, key_type, days, ctx.now))?;
    replaced(&issuer, "created", ctx)
}

/// What a new issuer means for servers: trust it (with the old ones) before deploying.
fn replaced(issuer: &IssuerRecord, how: &str, ctx: &Context) -> Result<Report> {
    let state = ctx.store.read()?;
    for note in after_new_issuer(&state, DEFAULT_VALIDITY_DAYS, ctx.now) {
        output::warn(ctx, &note);
    }
    let trusted = trusted_issuers(&state, ctx.now).len();
    let old = match trusted {
        1 => String::new(),
        n => format!(
            "; {} issuer(s) it replaced stay trusted while their certificates live",
            n - 1
        ),
    };
    Ok(Report::Done {
        message: format!(
            "{how} the issuer {} ({}, expires {}): new certificates chain to it{old}; give servers 'mtlsctl issuer export' before deploying them",
            issuer.subject,
            issuer.key_type(),
            short_time(issuer.not_after)
        ),
        json: json_of(&ReplacedJson {
            subject: &issuer.subject,
            key_type: issuer.key_type(),
            not_after: issuer.not_after,
            sha256: &issuer.sha256,
            trusted,
        })?,
    })
}

/// `issuer show --json`: the issuing CA, with its certificate (never its key).
#[derive(Serialize)]
struct IssuerJson<'a> {
    subject: &'a str,
    key_type: &'a str,
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

/// `issuer import --json` and `issuer rotate --json`: the new issuer, and how many issuers
/// servers must now trust.
#[derive(Serialize)]
struct ReplacedJson<'a> {
    subject: &'a str,
    key_type: &'a str,
    not_after: DateTime<Utc>,
    sha256: &'a str,
    trusted: usize,
}
