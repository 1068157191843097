use std::path::Path;

use anyhow::Result;
use serde_json::json;

use crate::atomic;
use crate::cli::IssuerCommand;
use crate::context::Context;
use crate::lifecycle::ensure_issuer;
use crate::output::{Report, Styled};
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
        IssuerCommand::Show => Ok(show(&issuer, ctx)),
        IssuerCommand::Export { out } => export(&issuer, out.as_deref()),
    }
}

fn show(issuer: &IssuerRecord, ctx: &Context) -> Report {
    let days = days_left(issuer.not_after, ctx.now);
    Report::Fields {
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
        json: json!({
            "subject": issuer.subject,
            "key_type": "ec-p256",
            "serial": issuer.serial,
            "not_before": issuer.not_before,
            "not_after": issuer.not_after,
            "days_left": days,
            "sha256": issuer.sha256,
            "created": issuer.created,
            "pem": issuer.cert_pem,
        }),
    }
}

fn export(issuer: &IssuerRecord, out: Option<&Path>) -> Result<Report> {
    match out {
        Some(path) => {
            atomic::write_file(path, issuer.cert_pem.as_bytes(), 0o644)?;
            Ok(Report::Done {
                message: format!("wrote the issuer certificate to {}", path.display()),
                json: json!({"path": path, "sha256": issuer.sha256}),
            })
        }
        None => Ok(Report::Text {
            text: issuer.cert_pem.clone(),
            json: json!({"pem": issuer.cert_pem, "sha256": issuer.sha256}),
        }),
    }
}
