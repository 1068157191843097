use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::cli::{CertCommand, CertExportArgs, ExportFormat, ImportFiles};
use crate::context::Context;
use crate::deploy::{self, TargetFile};
use crate::duration::Validity;
use crate::error::usage;
use crate::model::{CertStatus, EnvRef, Host, KeyType, Scope};
use crate::output::{self, Column, Report, Styled, Tone, json_of};
use crate::pki::cert::{certs_from_pem, first_der};
use crate::pki::p12;
use crate::state::{CertRecord, Index};

mod renew;
mod revoke;

use super::Outcome;
use super::views::{WrittenJson, deployment_cell, warn_unreadable};
use super::{read_password, short_time, state_holding};
use crate::lifecycle::{add_imported, add_issued};

pub fn run(command: CertCommand, ctx: &Context) -> Result<Outcome> {
    let report = match command {
        CertCommand::List { filter, status } => list(filter, status, ctx),
        CertCommand::Show { cert } => show(&cert, ctx),
        CertCommand::Rotate {
            env,
            key_type,
            validity,
        } => rotate(&env, key_type, validity, ctx),
        CertCommand::Select { env, cert } => select(&env, &cert, ctx),
        CertCommand::Deploy {
            env,
            manual,
            force,
            target,
        } => deploy(
            &env,
            manual,
            deploy::Options {
                allow_shared_dir: target.allow_shared_dir,
                hook_timeout: target.hook_timeout.std(),
                force,
            },
            ctx,
        ),
        CertCommand::Renew(args) => return renew::run(&args, ctx),
        CertCommand::Revoke(args) => revoke::run_revoke(&args, ctx),
        CertCommand::Sign(args) => revoke::run_sign(&args, ctx),
        CertCommand::Export(args) => export(args, ctx),
        CertCommand::Import { env, files } => import(&env, &files, ctx),
    }?;
    Ok(report.into())
}

/// The state `cert list` looks at: one environment is read alone (a token may be allowed that
/// environment only); what could not be read is said.
fn listed_state(filter: Option<&Scope>, ctx: &Context) -> Result<crate::state::State> {
    let state = match filter {
        Some(Scope::Environment(env)) => ctx.store.read_environment(env)?,
        _ => ctx.store.read_environments()?,
    };
    warn_unreadable(&state, ctx);
    Ok(state)
}

/// One row of `cert list`.
fn cert_row(
    index: &Index<'_>,
    c: &CertRecord,
    status: CertStatus,
    now: DateTime<Utc>,
) -> Vec<Styled> {
    let deployment = index
        .environment(&c.environment)
        .map(|e| cert_deployment_cell(e, c))
        .unwrap_or_else(|| Styled::plain("-"));
    vec![
        Styled::plain(c.id.clone()),
        Styled::plain(c.environment.to_string()),
        Styled::plain(c.name.clone()),
        Styled::plain(short_time(c.created)),
        expires_cell(c, now),
        status_cell(status),
        Styled::plain(c.variable.clone()),
        deployment,
    ]
}

fn list(filter: Option<Scope>, status: Option<CertStatus>, ctx: &Context) -> Result<Report> {
    let state = listed_state(filter.as_ref(), ctx)?;
    let in_scope: Box<dyn Fn(&CertRecord) -> bool> = match filter {
        None => Box::new(|_| true),
        Some(Scope::Environment(env)) => {
            state.environment(&env)?;
            Box::new(move |c| c.environment == env)
        }
        Some(Scope::Property(property)) => {
            state.property(&property)?;
            Box::new(move |c| c.environment.property == property)
        }
    };
    let index = state.index();
    let mut certs: Vec<(&CertRecord, CertStatus)> = state
        .certificates
        .iter()
        .filter(|c| in_scope(c))
        .map(|c| (c, index.cert_status(c, ctx.now)))
        .filter(|(_, s)| status.is_none_or(|wanted| wanted == *s))
        .collect();
    certs.sort_by(|(a, _), (b, _)| {
        (&a.environment, a.created, &a.id).cmp(&(&b.environment, b.created, &b.id))
    });
    if ctx.json {
        let views: Vec<CertJson> = certs
            .iter()
            .map(|(c, _)| CertJson::new(&index, c, ctx.now))
            .collect();
        return Ok(Report::Json(serde_json::to_string_pretty(&views)?));
    }
    let rows = certs
        .iter()
        .map(|(c, s)| cert_row(&index, c, *s, ctx.now))
        .collect();
    Ok(Report::Table {
        columns: vec![
            Column::keep("ID"),
            Column::optional(3, "ENVIRONMENT"),
            Column::optional(1, "NAME"),
            Column::optional(2, "CREATED"),
            Column::keep("EXPIRES"),
            Column::keep("STATUS"),
            Column::wrap("VARIABLE"),
            Column::keep("DEPLOYMENT"),
        ],
        rows,
        empty: "no certificates match".into(),
        json: Value::Null,
    })
}

fn show(name: &str, ctx: &Context) -> Result<Report> {
    let state = state_holding(name, ctx)?;
    let cert = state.resolve_cert(name)?;
    let status = state.cert_status(cert, ctx.now);
    let deployment = state
        .environment(&cert.environment)
        .map(|e| cert_deployment_cell(e, cert))
        .unwrap_or_else(|_| Styled::plain("-"));
    let json = json_of(&CertShowJson {
        cert: CertJson::new(&state.index(), cert, ctx.now),
        issuer: &cert.issuer,
        pem: &cert.cert_pem,
    })?;
    Ok(Report::Fields {
        fields: vec![
            ("ID", Styled::plain(cert.id.clone())),
            ("Environment", Styled::plain(cert.environment.to_string())),
            ("Name", Styled::plain(cert.name.clone())),
            ("Variable", Styled::plain(cert.variable.clone())),
            ("Status", status_cell(status)),
            ("Deployment", deployment),
            ("Created", Styled::plain(short_time(cert.created))),
            ("Not before", Styled::plain(short_time(cert.not_before))),
            ("Expires", expires_cell(cert, ctx.now)),
            ("Subject", Styled::plain(cert.subject.clone())),
            ("Issuer", Styled::plain(cert.issuer.clone())),
            ("SANs", Styled::plain(cert.sans.join(", "))),
            ("Key type", Styled::plain(cert.key_type.clone())),
            ("Serial", Styled::plain(cert.serial.clone())),
            ("SHA-256", Styled::plain(cert.sha256.clone())),
        ],
        json,
    })
}

fn rotate(
    env: &EnvRef,
    key_type: Option<KeyType>,
    validity: Option<Validity>,
    ctx: &Context,
) -> Result<Report> {
    let (cert, previous, has_target) = ctx.store.update_environment(env, |state| {
        let environment = state.environment(env)?;
        if environment.host == Host::SelfHosted {
            return Err(usage(format!(
                "{env} is self-hosted: its certificates come from elsewhere"
            ))
            .hint(format!(
                "import the new one with 'mtlsctl cert import {env} --cert FILE --key FILE'"
            ))
            .into());
        }
        let previous = environment.current_cert.clone();
        let has_target = environment.deploy.dir.is_some() || environment.deploy.hook.is_some();
        let key_type = key_type.unwrap_or(environment.key_type);
        let validity = validity.unwrap_or(Validity::from_days(environment.validity_days));
        Ok((
            add_issued(state, env, key_type, validity, ctx.now)?,
            previous,
            has_target,
        ))
    })?;
    let next = if has_target {
        format!("deploy the new one with 'mtlsctl cert deploy {env}'")
    } else {
        format!("once it is in place, record that with 'mtlsctl cert deploy {env} --manual'")
    };
    let obsolete = previous
        .as_ref()
        .map(|id| format!("; {id} is now obsolete"))
        .unwrap_or_default();
    Ok(Report::Done {
        message: format!(
            "rotated {env}: {} ({}) is current, expires {}{obsolete}; {next}",
            cert.id,
            cert.variable,
            cert.not_after.format("%Y-%m-%d")
        ),
        json: json_of(&RotatedJson {
            environment: env,
            current_cert: &cert.id,
            previous_cert: previous.as_deref(),
            variable: &cert.variable,
        })?,
    })
}

fn select(env: &EnvRef, name: &str, ctx: &Context) -> Result<Report> {
    let (cert, changed) = ctx.store.update_environment(env, |state| {
        let cert = state.resolve_cert(name)?.clone();
        if &cert.environment != env {
            return Err(usage(format!(
                "{} ({}) belongs to {}, not {env}",
                cert.id, cert.variable, cert.environment
            ))
            .hint(format!("list {env}'s certificates with 'mtlsctl cert list {env}'"))
            .into());
        }
        match state.cert_status(&cert, ctx.now) {
            CertStatus::Expired => {
                let days = -cert.days_left(ctx.now);
                return Err(usage(format!(
                    "{} ({}) expired on {} ({days} days ago); an expired certificate cannot be selected",
                    cert.id,
                    cert.variable,
                    short_time(cert.not_after)
                ))
                .hint(format!("issue a new one with 'mtlsctl cert rotate {env}'"))
                .into());
            }
            CertStatus::Revoked => return Err(revoked_refusal(&cert, env)),
            CertStatus::Current => return Ok((cert, false)),
            CertStatus::Obsolete if cert.not_before > ctx.now => {
                return Err(usage(format!(
                    "{} ({}) is not valid until {}; a certificate not yet valid cannot be selected",
                    cert.id,
                    cert.variable,
                    short_time(cert.not_before)
                ))
                .into());
            }
            CertStatus::Obsolete => {}
        }
        state.environment_mut(env)?.current_cert = Some(cert.id.clone());
        Ok((cert, true))
    })?;
    let message = if changed {
        format!(
            "{env} now uses {} ({}); deploy it with 'mtlsctl cert deploy {env}'",
            cert.id, cert.variable
        )
    } else {
        format!(
            "{} ({}) is already {env}'s current certificate",
            cert.id, cert.variable
        )
    };
    Ok(Report::Done {
        message,
        json: json_of(&SelectedJson {
            environment: env,
            current_cert: &cert.id,
            variable: &cert.variable,
            changed,
        })?,
    })
}

/// `cert deploy`: the domain does the work; this says what happens as it happens.
fn deploy(env: &EnvRef, manual: bool, options: deploy::Options, ctx: &Context) -> Result<Report> {
    if manual {
        let cert = deploy::record_manual(&ctx.store, env, ctx.now)?;
        return Ok(Report::Done {
            message: format!(
                "recorded {} ({}) as deployed to {env} by hand",
                cert.id, cert.variable
            ),
            json: json_of(&RecordedJson {
                environment: env,
                deployed_cert: &cert.id,
                manual: true,
            })?,
        });
    }
    let deployed = deploy::deploy(&ctx.store, env, &options, ctx.now, &mut |step| match step {
        deploy::Step::Interrupted(started) => output::warn(
            ctx,
            &format!(
                "a deploy of {env} started {} did not finish; deploying again",
                short_time(started)
            ),
        ),
        deploy::Step::Wrote(dir) => output::verbose(
            ctx,
            &format!("wrote cert.pem, chain.pem and key.pem to {}", dir.display()),
        ),
        deploy::Step::RunningHook(hook) => {
            output::verbose(ctx, &format!("running the deploy hook: {hook}"))
        }
    })?;
    let cert = &deployed.cert;
    let message = match deployed.skipped {
        true => format!(
            "{} ({}) is already deployed to {env}: nothing done (--force deploys it again)",
            cert.id, cert.variable
        ),
        false => format!(
            "deployed {} ({}) to {env}{}",
            cert.id, cert.variable, deployed.note
        ),
    };
    Ok(Report::Done {
        message,
        json: json_of(&DeployedJson {
            environment: env,
            deployed_cert: &cert.id,
            variable: &cert.variable,
            dir: deployed.settings.dir.as_deref(),
            hook: deployed.settings.hook.as_deref(),
            skipped: deployed.skipped,
        })?,
    })
}

fn export(args: CertExportArgs, ctx: &Context) -> Result<Report> {
    let state = state_holding(&args.cert, ctx)?;
    let cert = state.resolve_cert(&args.cert)?;
    let wants_key = args.include_key || matches!(args.format, ExportFormat::P12);
    if wants_key && cert.key_held_elsewhere() {
        return Err(usage(format!(
            "{} was signed from a CSR: its private key is where it was made, not in the store",
            cert.variable
        ))
        .hint("export the certificate alone (PEM, without --include-key)")
        .into());
    }
    let exported = Exported {
        variable: &cert.variable,
        cert_pem: &cert.cert_pem,
        chain_pem: state.chain_of(cert),
        key_pem: match wants_key {
            true => crate::pki::keys::openssl_key_pem(&ctx.store.private_key(cert)?)?,
            false => String::new(),
        },
    };
    match args.format {
        ExportFormat::Pem => export_pem(&args, &cert.id, &exported, ctx),
        ExportFormat::P12 => export_p12(&args, &exported, ctx),
    }
}

/// What an export writes: the certificate, its chain, and its key in the form OpenSSL reads.
struct Exported<'a> {
    variable: &'a str,
    cert_pem: &'a str,
    chain_pem: String,
    key_pem: String,
}

fn export_pem(
    args: &CertExportArgs,
    id: &str,
    exported: &Exported<'_>,
    ctx: &Context,
) -> Result<Report> {
    let Exported {
        variable,
        cert_pem,
        chain_pem,
        key_pem,
    } = exported;
    let bundle = format!("{cert_pem}{chain_pem}");
    let Some(dir) = &args.out else {
        let json = json_of(&ExportedJson {
            id,
            variable,
            pem: &bundle,
            key_pem: args.include_key.then_some(key_pem.as_str()),
        })?;
        let mut text = bundle;
        if args.include_key {
            text.push_str(key_pem);
        }
        return Ok(Report::Text { text, json });
    };
    let mut files = vec![
        TargetFile {
            name: format!("{variable}.pem"),
            bytes: cert_pem.as_bytes(),
            mode: 0o644,
        },
        TargetFile {
            name: format!("{variable}.chain.pem"),
            bytes: bundle.as_bytes(),
            mode: 0o644,
        },
    ];
    if args.include_key {
        files.push(TargetFile {
            name: format!("{variable}.key.pem"),
            bytes: key_pem.as_bytes(),
            mode: 0o600,
        });
    }
    // Without a key nothing secret is written, so a shared directory is fine.
    let allow_shared = args.allow_shared_dir || !args.include_key;
    write_export(dir, &files, allow_shared, ctx)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    wrote(&paths)
}

fn export_p12(args: &CertExportArgs, exported: &Exported<'_>, ctx: &Context) -> Result<Report> {
    let Some(password_file) = &args.password_file else {
        return Err(
            usage("a PKCS#12 export needs a password: --password-file FILE")
                .hint("put the password on the first line of a file readable only by you")
                .into(),
        );
    };
    let password = read_password(password_file)?;
    let mut ders = vec![first_der(exported.cert_pem)?];
    if !exported.chain_pem.is_empty() {
        ders.extend(certs_from_pem(
            exported.chain_pem.as_bytes(),
            "the stored chain",
        )?);
    }
    let key_der = pem::parse(exported.key_pem.as_str())
        .context("the stored private key is unreadable")?
        .into_contents();
    let bytes = p12::write(exported.variable, &ders, &key_der, &password)?;
    match &args.out {
        Some(dir) => {
            let name = format!("{}.p12", exported.variable);
            let file = TargetFile {
                name: name.clone(),
                bytes: &bytes,
                mode: 0o600,
            };
            write_export(dir, &[file], args.allow_shared_dir, ctx)?;
            wrote(&[dir.join(name)])
        }
        None if ctx.json => Err(usage("--json with --format p12 needs --out DIR").into()),
        None if crate::context::stdout_is_terminal() => Err(usage(
            "refusing to write a binary PKCS#12 bundle to the terminal",
        )
        .hint("pass --out DIR or redirect stdout to a file")
        .into()),
        None => Ok(Report::Bytes(bytes)),
    }
}

/// Export files into `dir`, none of them over the state.
fn write_export(
    dir: &Path,
    files: &[TargetFile<'_>],
    allow_shared: bool,
    ctx: &Context,
) -> Result<()> {
    for file in files {
        ctx.store.refuse_as_output(&dir.join(&file.name))?;
    }
    deploy::write_files(dir, files, allow_shared)
}

fn wrote(paths: &[PathBuf]) -> Result<Report> {
    Ok(Report::Done {
        message: paths
            .iter()
            .map(|p| format!("wrote {}", p.display()))
            .collect::<Vec<_>>()
            .join("\n"),
        json: json_of(&WrittenJson { files: paths })?,
    })
}

fn import(env: &EnvRef, files: &ImportFiles, ctx: &Context) -> Result<Report> {
    let imported = super::client::identity::read_import(files)?;
    let (cert, json, kept) = ctx.store.update_environment(env, |state| {
        if state.environment(env)?.host == Host::Managed {
            return Err(
                usage(format!("{env} is managed: mtlsctl issues its certificates"))
                    .hint(format!("issue a new one with 'mtlsctl cert rotate {env}'"))
                    .into(),
            );
        }
        let previous = state.environment(env)?.current_cert.clone();
        let cert = add_imported(state, env, &imported, ctx.now)?;
        let kept = crate::lifecycle::keep_usable_current(state, env, previous, &cert, ctx.now)?;
        let json = json_of(&CertJson::new(&state.index(), &cert, ctx.now))?;
        Ok((cert, json, kept))
    })?;
    let message = import_message(env, &cert, kept.as_deref(), ctx);
    Ok(Report::Done { message, json })
}

/// What `cert import` says: where the certificate went, and when it is not valid yet, which
/// one stays current.
fn import_message(env: &EnvRef, cert: &CertRecord, kept: Option<&str>, ctx: &Context) -> String {
    if cert.not_before <= ctx.now {
        format!(
            "imported {} ({}) into {env}, expires {}; deploy it with 'mtlsctl cert deploy {env}'",
            cert.id,
            cert.variable,
            cert.not_after.format("%Y-%m-%d")
        )
    } else {
        let from = short_time(cert.not_before);
        match kept {
            Some(current) => format!(
                "imported {} ({}) into {env}; it is not valid until {from}, so {current} stays current: select it then with 'mtlsctl cert select {env} {}'",
                cert.id, cert.variable, cert.variable
            ),
            None => {
                super::warn_if_not_yet_valid(cert, ctx);
                format!(
                    "imported {} ({}) into {env} as its current certificate (not valid until {from}, expires {})",
                    cert.id,
                    cert.variable,
                    cert.not_after.format("%Y-%m-%d")
                )
            }
        }
    }
}

/// Where one certificate stands in its environment's deployments: the current one carries the
/// environment's deployment status; the one last deployed (when another is current) is
/// `deployed`; any other is `-`.
fn cert_deployment_cell(environment: &crate::state::Environment, cert: &CertRecord) -> Styled {
    let id = Some(cert.id.as_str());
    if environment.current_cert.as_deref() == id {
        deployment_cell(environment.deployment_status())
    } else if environment.deployed_cert.as_deref() == id {
        Styled::plain("deployed")
    } else {
        Styled::plain("-")
    }
}

/// One certificate as `cert list --json` (and `cert import --json`) shows it; serialized straight
/// from the state, since a listing of 10,000 certificates built as JSON values first spent most
/// of its time allocating.
#[derive(Serialize)]
struct CertJson<'a> {
    id: &'a str,
    environment: &'a EnvRef,
    name: &'a str,
    variable: &'a str,
    created: DateTime<Utc>,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    days_left: i64,
    status: CertStatus,
    deployment_status: Option<crate::model::DeploymentStatus>,
    /// Whether this certificate is the one last deployed.
    deployed: bool,
    key_type: &'a str,
    serial: &'a str,
    sha256: &'a str,
    subject: &'a str,
    sans: &'a [String],
}

impl<'a> CertJson<'a> {
    fn new(index: &Index<'_>, cert: &'a CertRecord, now: DateTime<Utc>) -> Self {
        CertJson {
            id: &cert.id,
            environment: &cert.environment,
            name: &cert.name,
            variable: &cert.variable,
            created: cert.created,
            not_before: cert.not_before,
            not_after: cert.not_after,
            days_left: cert.days_left(now),
            status: index.cert_status(cert, now),
            deployment_status: index
                .environment(&cert.environment)
                .map(|e| e.deployment_status()),
            deployed: index
                .environment(&cert.environment)
                .is_some_and(|e| e.deployed_cert.as_deref() == Some(cert.id.as_str())),
            key_type: &cert.key_type,
            serial: &cert.serial,
            sha256: &cert.sha256,
            subject: &cert.subject,
            sans: &cert.sans,
        }
    }
}

/// A revoked certificate is never selected again.
fn revoked_refusal(cert: &CertRecord, env: &EnvRef) -> anyhow::Error {
    let when = cert
        .revoked
        .as_ref()
        .map(|r| format!(" on {} ({})", short_time(r.at), r.reason.as_str()))
        .unwrap_or_default();
    usage(format!(
        "{} ({}) was revoked{when}; a revoked certificate cannot be selected",
        cert.id, cert.variable
    ))
    .hint(format!("issue a new one with 'mtlsctl cert rotate {env}'"))
    .into()
}

/// `cert show --json`: the listing's object, with the issuer and the certificate (never the key).
#[derive(Serialize)]
struct CertShowJson<'a> {
    #[serde(flatten)]
    cert: CertJson<'a>,
    issuer: &'a str,
    pem: &'a str,
}

/// `cert rotate --json`: the new current certificate, and the one it replaced.
#[derive(Serialize)]
struct RotatedJson<'a> {
    environment: &'a EnvRef,
    current_cert: &'a str,
    previous_cert: Option<&'a str>,
    variable: &'a str,
}

/// `cert select --json`: the current certificate, and whether it was another before.
#[derive(Serialize)]
struct SelectedJson<'a> {
    environment: &'a EnvRef,
    current_cert: &'a str,
    variable: &'a str,
    changed: bool,
}

/// `cert deploy --manual --json`: the certificate recorded as deployed by hand.
#[derive(Serialize)]
struct RecordedJson<'a> {
    environment: &'a EnvRef,
    deployed_cert: &'a str,
    manual: bool,
}

/// `cert deploy --json`: the certificate deployed, and where it went.
#[derive(Serialize)]
struct DeployedJson<'a> {
    environment: &'a EnvRef,
    deployed_cert: &'a str,
    variable: &'a str,
    dir: Option<&'a Path>,
    hook: Option<&'a str>,
    /// True when nothing was done: it was already deployed (and not --force).
    skipped: bool,
}

/// `cert export --json` without --out: the certificate and chain, and the key only when asked.
#[derive(Serialize)]
struct ExportedJson<'a> {
    id: &'a str,
    variable: &'a str,
    pem: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_pem: Option<&'a str>,
}

fn status_cell(status: CertStatus) -> Styled {
    let tone = match status {
        CertStatus::Current => Tone::Good,
        CertStatus::Obsolete => Tone::Plain,
        CertStatus::Expired | CertStatus::Revoked => Tone::Bad,
    };
    Styled(status.as_str().to_string(), tone)
}

fn expires_cell(cert: &CertRecord, now: DateTime<Utc>) -> Styled {
    let days = cert.days_left(now);
    let tone = match days {
        _ if cert.not_before > now => Tone::Warn,
        d if d < 0 => Tone::Bad,
        d if d < 30 => Tone::Warn,
        _ => Tone::Plain,
    };
    // A certificate whose validity has not begun says so wherever validity is shown.
    let when = if cert.not_before > now {
        format!("not valid until {}", cert.not_before.format("%Y-%m-%d"))
    } else if days < 0 {
        "expired".to_string()
    } else {
        format!("{days}d")
    };
    Styled(
        format!("{} ({when})", cert.not_after.format("%Y-%m-%d")),
        tone,
    )
}
