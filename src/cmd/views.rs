//! Views that several commands show (not a command module): the environments table, the
//! deployment cell, the environment's JSON.

use serde_json::{Value, json};

use super::short_time;
use crate::context::Context;
use crate::model::{DeploymentStatus, PropertyName};
use crate::output::{Column, Report, Styled, Tone};
use crate::pki::cert::CertInfo;
use crate::state::{Environment, State};
use crate::text::escape_untrusted;
use crate::tls::Observed;
use chrono::{DateTime, Utc};

/// The environments table that `env list` and `property show` print.
pub fn env_table(state: &State, property: Option<&PropertyName>, ctx: &Context) -> Report {
    let mut environments: Vec<&Environment> = state
        .environments
        .iter()
        .filter(|e| property.is_none_or(|p| &e.property == p))
        .collect();
    environments.sort_by(|a, b| (&a.property, a.stage).cmp(&(&b.property, b.stage)));
    let rows = environments
        .iter()
        .map(|e| {
            let current = e
                .current_cert
                .as_deref()
                .and_then(|id| state.cert_by_id(id));
            vec![
                Styled::plain(e.env_ref().to_string()),
                Styled::plain(e.name.clone()),
                Styled::plain(e.host.as_str()),
                Styled::plain(
                    current
                        .map(|c| c.variable.clone())
                        .unwrap_or_else(|| "-".into()),
                ),
                Styled::plain(
                    current
                        .map(|c| {
                            format!(
                                "{} ({}d)",
                                c.not_after.format("%Y-%m-%d"),
                                c.days_left(ctx.now)
                            )
                        })
                        .unwrap_or_else(|| "-".into()),
                ),
                deployment_cell(e.deployment_status()),
            ]
        })
        .collect();
    Report::Table {
        columns: vec![
            Column::wrap("ENVIRONMENT"),
            Column::optional(1, "NAME"),
            Column::optional(2, "HOST"),
            Column::wrap("CURRENT"),
            Column::keep("EXPIRES"),
            Column::keep("DEPLOYMENT"),
        ],
        rows,
        empty: "no environments yet; create one with 'mtlsctl env create PROPERTY/STAGE'".into(),
        json: environments.iter().map(|e| env_json_of(e)).collect(),
    }
}

pub fn deployment_cell(status: DeploymentStatus) -> Styled {
    let tone = match status {
        DeploymentStatus::Deployed => Tone::Good,
        DeploymentStatus::Deploying => Tone::Warn,
        DeploymentStatus::NeedsDeployment => Tone::Warn,
    };
    Styled(status.as_str().to_string(), tone)
}

/// `env list|show --json`: the schema of DESIGN.md.
pub fn env_json_of(environment: &Environment) -> Value {
    json!({
        "property": environment.property,
        "stage": environment.stage,
        "environment": environment.env_ref(),
        "name": environment.name,
        "host": environment.host,
        "created": environment.created,
        "key_type": environment.key_type,
        "validity_days": environment.validity_days,
        "current_cert": environment.current_cert,
        "deployed_cert": environment.deployed_cert,
        "deployment_status": environment.deployment_status(),
        "last_deploy": environment.last_deploy.as_ref().map(|d| json!({
            "at": d.at, "ok": d.ok, "error": d.error, "cert": d.cert, "manual": d.manual,
        })),
        "deploy": {"dir": environment.deploy.dir, "hook": environment.deploy.hook},
    })
}

pub fn client_request_text(seen: &Observed) -> String {
    if !seen.client_cert_requested {
        return "The server did not ask for a client certificate\n".into();
    }
    if seen.acceptable_cas.is_empty() {
        return "The server asked for a client certificate (any CA)\n".into();
    }
    format!(
        "The server asked for a client certificate from: {}\n",
        escape_untrusted(&seen.acceptable_cas.join("; "))
    )
}

pub fn chain_text(chain: &[CertInfo], now: DateTime<Utc>) -> String {
    let mut text = String::new();
    for (i, cert) in chain.iter().enumerate() {
        text.push_str(&format!(
            "  {i} subject: {}\n",
            escape_untrusted(&cert.subject)
        ));
        text.push_str(&format!(
            "    issuer:  {}\n",
            escape_untrusted(&cert.issuer)
        ));
        text.push_str(&format!(
            "    valid:   {} to {} ({} days left)\n",
            short_time(cert.not_before),
            short_time(cert.not_after),
            crate::state::days_left(cert.not_after, now)
        ));
        if !cert.sans.is_empty() {
            text.push_str(&format!(
                "    SANs:    {}\n",
                escape_untrusted(&cert.sans.join(", "))
            ));
        }
        text.push_str(&format!("    sha256:  {}\n", cert.sha256));
    }
    text
}

pub fn chain_entry_json(cert: &CertInfo, now: DateTime<Utc>) -> Value {
    json!({
        "subject": cert.subject,
        "issuer": cert.issuer,
        "not_before": cert.not_before,
        "not_after": cert.not_after,
        "days_left": crate::state::days_left(cert.not_after, now),
        "sans": cert.sans,
        "sha256": cert.sha256,
    })
}
