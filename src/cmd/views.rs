//! Views that several commands show (not a command module): the environments table, the
//! deployment cell, and the JSON views more than one command prints.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::short_time;
use crate::context::Context;
use crate::model::{DeploymentStatus, EnvRef, Host, KeyType, PropertyName, Stage};
use crate::output::{self, Column, Report, Styled, Tone, json_of};
use crate::pki::cert::CertInfo;
use crate::state::{DeployRecord, Environment, State};
use crate::text::escape_untrusted;
use crate::tls::Observed;
use chrono::{DateTime, Utc};

/// The environments table that `env list` and `property show` print.
pub fn env_table(state: &State, property: Option<&PropertyName>, ctx: &Context) -> Result<Report> {
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
    let views: Vec<EnvJson> = environments.iter().map(|e| EnvJson::of(e)).collect();
    Ok(Report::Table {
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
        json: json_of(&views)?,
    })
}

pub fn deployment_cell(status: DeploymentStatus) -> Styled {
    let tone = match status {
        DeploymentStatus::Deployed => Tone::Good,
        DeploymentStatus::Deploying => Tone::Warn,
        DeploymentStatus::NeedsDeployment => Tone::Warn,
    };
    Styled(status.as_str().to_string(), tone)
}

/// One environment as `env list|show|create|set --json` print it: the schema of the README.
#[derive(Serialize)]
pub struct EnvJson<'a> {
    property: &'a PropertyName,
    stage: Stage,
    environment: EnvRef,
    name: &'a str,
    host: Host,
    created: DateTime<Utc>,
    key_type: KeyType,
    validity_days: i64,
    current_cert: Option<&'a str>,
    deployed_cert: Option<&'a str>,
    deployment_status: DeploymentStatus,
    last_deploy: Option<LastDeployJson<'a>>,
    deploy: DeployJson<'a>,
}

impl<'a> EnvJson<'a> {
    pub fn of(environment: &'a Environment) -> Self {
        EnvJson {
            property: &environment.property,
            stage: environment.stage,
            environment: environment.env_ref(),
            name: &environment.name,
            host: environment.host,
            created: environment.created,
            key_type: environment.key_type,
            validity_days: environment.validity_days,
            current_cert: environment.current_cert.as_deref(),
            deployed_cert: environment.deployed_cert.as_deref(),
            deployment_status: environment.deployment_status(),
            last_deploy: environment.last_deploy.as_ref().map(LastDeployJson::of),
            deploy: DeployJson {
                dir: environment.deploy.dir.as_deref(),
                hook: environment.deploy.hook.as_deref(),
            },
        }
    }
}

/// An environment's last deploy, in its own words rather than the state file's.
#[derive(Serialize)]
struct LastDeployJson<'a> {
    at: DateTime<Utc>,
    ok: bool,
    error: Option<&'a str>,
    cert: &'a str,
    manual: bool,
}

impl<'a> LastDeployJson<'a> {
    fn of(record: &'a DeployRecord) -> Self {
        LastDeployJson {
            at: record.at,
            ok: record.ok,
            error: record.error.as_deref(),
            cert: &record.cert,
            manual: record.manual,
        }
    }
}

/// Where an environment's certificates are deployed.
#[derive(Serialize)]
struct DeployJson<'a> {
    dir: Option<&'a Path>,
    hook: Option<&'a str>,
}

/// What `cert export --out` and `man --out-dir` wrote.
#[derive(Serialize)]
pub struct WrittenJson<'a> {
    pub files: &'a [PathBuf],
}

/// `ca remove` and `domain remove`: the name of what is gone.
#[derive(Serialize)]
pub struct RemovedJson<'a> {
    pub removed: &'a str,
}

/// `property delete` and `env delete`: what is gone, and how many certificates with it.
#[derive(Serialize)]
pub struct DeletedJson<'a, T: Serialize> {
    pub deleted: &'a T,
    pub certificates_removed: usize,
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

/// One certificate of a server's chain, as `inspect --connect` and `request` show it.
#[derive(Serialize)]
pub struct ChainCertJson<'a> {
    subject: &'a str,
    issuer: &'a str,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    days_left: i64,
    sans: &'a [String],
    sha256: &'a str,
}

impl<'a> ChainCertJson<'a> {
    pub fn of(cert: &'a CertInfo, now: DateTime<Utc>) -> Self {
        ChainCertJson {
            subject: &cert.subject,
            issuer: &cert.issuer,
            not_before: cert.not_before,
            not_after: cert.not_after,
            days_left: crate::state::days_left(cert.not_after, now),
            sans: &cert.sans,
            sha256: &cert.sha256,
        }
    }
}

/// What the secret store would not let this token read: said, never silently left out.
pub fn warn_unreadable(state: &State, ctx: &Context) {
    for folder in state.unreadable.iter().filter(|name| name.ends_with('*')) {
        output::warn(
            ctx,
            &format!(
                "could not list {folder}: permission denied by the secret store (what is there is not shown)"
            ),
        );
    }
    let environments = state
        .unreadable
        .iter()
        .filter(|name| name.starts_with("environments/") && !name.ends_with('*'))
        .count();
    if environments > 0 {
        output::warn(
            ctx,
            &format!(
                "{environments} environment(s) could not be read: permission denied by the secret store (the token's policy does not grant them)"
            ),
        );
    }
}
