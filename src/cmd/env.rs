use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::cli::{EnvCommand, EnvCreateArgs, EnvSetArgs};
use crate::context::Context;
use crate::error::usage;
use crate::model::{EnvRef, Host};
use crate::output::{Report, Styled, json_of};
use crate::state::{DeploySettings, Environment};

use super::short_time;
use super::views::{DeletedJson, EnvJson, deployment_cell, env_table, warn_unreadable};
use crate::lifecycle::{add_imported, add_issued};

pub fn run(command: EnvCommand, ctx: &Context) -> Result<Report> {
    match command {
        EnvCommand::Create(args) => create(args, ctx),
        EnvCommand::List { property } => {
            let state = ctx.store.read()?;
            if let Some(property) = &property {
                state.property(property)?;
            }
            warn_unreadable(&state, ctx);
            env_table(&state, property.as_ref(), ctx)
        }
        EnvCommand::Show { env } => show(&env, ctx),
        EnvCommand::Set(args) => set(args, ctx),
        EnvCommand::Delete { env } => delete(&env, ctx),
    }
}

/// A managed environment gets its certificate issued; a self-hosted one brings it.
fn check_host(env: &EnvRef, host: Host, importing: bool) -> Result<()> {
    match host {
        Host::Managed if importing => Err(usage("--cert/--key and --p12 are for self-hosted environments")
            .hint(format!("pass --host self to import, or leave them out to have mtlsctl issue {env}'s certificates"))
            .into()),
        Host::SelfHosted if !importing => Err(usage(
            "a self-hosted environment needs its certificate: --cert FILE --key FILE, or --p12 FILE",
        )
        .hint(format!(
            "or create {env} as managed (the default) and mtlsctl issues one"
        ))
        .into()),
        _ => Ok(()),
    }
}

fn create(args: EnvCreateArgs, ctx: &Context) -> Result<Report> {
    let env = &args.env;
    let importing = args.import.cert.is_some() || args.import.p12.is_some();
    check_host(env, args.host, importing)?;
    let deploy = DeploySettings {
        dir: absolute(args.deploy_dir.as_deref())?,
        hook: args.deploy_hook.filter(|h| !h.is_empty()),
    };
    let imported = importing
        .then(|| super::client::identity::read_import(&args.import))
        .transpose()?;
    let (environment, cert) = ctx.store.update_environment(env, |state| {
        state.property(&env.property)?;
        if let Ok(existing) = state.environment(env) {
            return Err(usage(format!(
                "{} already has a {} environment ({}, created {}); a property has at most one environment per stage",
                env.property,
                env.stage,
                existing.name,
                existing.created.format("%Y-%m-%d")
            ))
            .hint(format!("see it with 'mtlsctl env show {env}', or rotate its certificate with 'mtlsctl cert rotate {env}'"))
            .into());
        }
        let mut environment = Environment::new(env, args.host, args.key_type, args.validity, ctx.now);
        if let Some(name) = &args.name {
            environment.name = name.clone();
        }
        environment.sans = args.sans.clone();
        environment.deploy = deploy.clone();
        state.add_environment(environment);
        let cert = if let Some(imported) = &imported {
            add_imported(state, env, imported, ctx.now)?
        } else {
            add_issued(state, env, args.key_type, args.validity, ctx.now)?
        };
        Ok((state.environment(env)?.clone(), cert))
    })?;
    super::warn_if_not_yet_valid(&cert, ctx);
    let how = if importing { "imported" } else { "issued" };
    Ok(Report::Done {
        message: format!(
            "created {env} ({}); {how} certificate {} ({}), expires {}",
            environment.host.as_str(),
            cert.id,
            cert.variable,
            cert.not_after.format("%Y-%m-%d")
        ),
        json: json_of(&EnvJson::of(&environment))?,
    })
}

/// A certificate as `env show` names it: variable, id, expiry.
fn cert_line(cert: Option<&crate::state::CertRecord>) -> String {
    cert.map(|c| {
        format!(
            "{} ({}), expires {}",
            c.variable,
            c.id,
            c.not_after.format("%Y-%m-%d")
        )
    })
    .unwrap_or_else(|| "-".into())
}

/// When the environment was last deployed, and how it went.
fn last_deploy_line(environment: &Environment) -> String {
    environment
        .last_deploy
        .as_ref()
        .map(|d| match (&d.error, d.manual) {
            (Some(error), _) => format!("{} failed: {error}", short_time(d.at)),
            (None, true) => format!("{} (recorded by hand)", short_time(d.at)),
            (None, false) => short_time(d.at),
        })
        .unwrap_or_else(|| "never".into())
}

fn show(env: &EnvRef, ctx: &Context) -> Result<Report> {
    let state = ctx.store.read_environment(env)?;
    let environment = state.environment(env)?;
    let current = environment
        .current_cert
        .as_deref()
        .and_then(|id| state.cert_by_id(id));
    let deployed = environment
        .deployed_cert
        .as_deref()
        .and_then(|id| state.cert_by_id(id));
    let last_deploy = last_deploy_line(environment);
    let fields = vec![
        ("Environment", Styled::plain(env.to_string())),
        ("Name", Styled::plain(environment.name.clone())),
        ("Host", Styled::plain(environment.host.as_str())),
        ("Created", Styled::plain(short_time(environment.created))),
        ("Key type", Styled::plain(environment.key_type.as_str())),
        (
            "Validity",
            Styled::plain(format!("{}d", environment.validity_days)),
        ),
        ("Current", Styled::plain(cert_line(current))),
        ("Deployed", Styled::plain(cert_line(deployed))),
        (
            "Deployment",
            deployment_cell(environment.deployment_status()),
        ),
        ("Last deploy", Styled::plain(last_deploy)),
        (
            "Deploy dir",
            Styled::plain(display_opt(
                environment
                    .deploy
                    .dir
                    .as_deref()
                    .map(|d| d.display().to_string()),
            )),
        ),
        (
            "Deploy hook",
            Styled::plain(display_opt(environment.deploy.hook.clone())),
        ),
    ];
    Ok(Report::Fields {
        fields,
        json: json_of(&EnvJson::of(environment))?,
    })
}

fn set(args: EnvSetArgs, ctx: &Context) -> Result<Report> {
    let env = &args.env;
    if args.name.is_none() && args.deploy_dir.is_none() && args.deploy_hook.is_none() {
        return Err(usage("nothing to change: give --name, --deploy-dir or --deploy-hook").into());
    }
    let dir = match &args.deploy_dir {
        Some(dir) if dir.as_os_str().is_empty() => Some(None),
        Some(dir) => Some(absolute(Some(dir))?),
        None => None,
    };
    let environment = ctx.store.update_environment(env, |state| {
        let environment = state.environment_mut(env)?;
        if let Some(name) = &args.name {
            if name.trim().is_empty() {
                return Err(usage("the name cannot be empty").into());
            }
            environment.name = name.clone();
        }
        let target = environment.deploy.clone();
        if let Some(dir) = &dir {
            environment.deploy.dir = dir.clone();
        }
        if let Some(hook) = &args.deploy_hook {
            environment.deploy.hook = Some(hook.clone()).filter(|h| !h.is_empty());
        }
        // A new target has not received the certificate: the next deploy is not skipped.
        if environment.deploy != target {
            environment.deployed_cert = None;
        }
        Ok(environment.clone())
    })?;
    Ok(Report::Done {
        message: format!("updated {env}"),
        json: json_of(&EnvJson::of(&environment))?,
    })
}

fn delete(env: &EnvRef, ctx: &Context) -> Result<Report> {
    let removed = ctx.store.update_environment(env, |state| {
        state.environment(env)?;
        state.ensure_no_live_revocations(&env.to_string(), |c| &c.environment == env, ctx.now)?;
        Ok(state.remove_environment(env))
    })?;
    Ok(Report::Done {
        message: format!("deleted {env} and its {removed} certificates"),
        json: json_of(&DeletedJson {
            deleted: env,
            certificates_removed: removed,
        })?,
    })
}

fn display_opt(value: Option<String>) -> String {
    value.unwrap_or_else(|| "-".into())
}

/// Deploy directories are kept absolute: cron and CI run from anywhere.
fn absolute(dir: Option<&Path>) -> Result<Option<PathBuf>> {
    dir.map(|d| std::path::absolute(d).with_context(|| format!("cannot resolve {}", d.display())))
        .transpose()
}
