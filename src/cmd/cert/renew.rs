//! `cert renew`: rotate what is due, deploy it when asked, and say per environment what
//! happened; one failure never stops the others.

use anyhow::Result;
use serde::Serialize;

use crate::cli::CertRenewArgs;
use crate::cmd::Outcome;
use crate::context::Context;
use crate::deploy;
use crate::lifecycle::renew::{self, Plan};
use crate::model::EnvRef;
use crate::output::{self, Report, json_of};
use crate::state::State;

/// The JSON of `cert renew`.
#[derive(Debug, Default, Serialize)]
struct Renewal {
    renewed: Vec<Renewed>,
    skipped: Vec<Skipped>,
    failed: Vec<Failed>,
    /// Not due, but deployed again because their last deploy failed (--deploy).
    retried: Vec<Retried>,
    dry_run: bool,
}

#[derive(Debug, Serialize)]
struct Retried {
    environment: String,
    deployed: bool,
}

#[derive(Debug, Serialize)]
struct Renewed {
    environment: String,
    /// Why it was due.
    reason: String,
    previous_cert: Option<String>,
    /// None with --dry-run.
    current_cert: Option<String>,
    variable: Option<String>,
    /// Whether it was deployed (--deploy), else null.
    deployed: Option<bool>,
}

#[derive(Debug, Serialize)]
struct Skipped {
    environment: String,
    /// `not-due`, `self-hosted`, `key-elsewhere` or `renewed-elsewhere`.
    reason: &'static str,
    detail: String,
}

#[derive(Debug, Serialize)]
struct Failed {
    environment: String,
    /// `renew` or `deploy`.
    step: &'static str,
    error: String,
}

pub fn run(args: &CertRenewArgs, ctx: &Context) -> Result<Outcome> {
    let state = ctx.store.read()?;
    let envs = chosen(&state, &args.envs)?;
    let mut renewal = Renewal {
        dry_run: args.dry_run,
        ..Renewal::default()
    };
    for env in &envs {
        let plan = renew::plan(&state, env, args.within, ctx.now)?;
        handle(env, plan, &state, args, ctx, &mut renewal)?;
    }
    for failed in &renewal.failed {
        eprintln!(
            "mtlsctl: error: {}: {} failed: {}",
            failed.environment, failed.step, failed.error
        );
    }
    let exit_code = u8::from(!renewal.failed.is_empty());
    let message = summary(&renewal, ctx);
    Ok(Outcome {
        report: Report::Done {
            message,
            json: json_of(&renewal)?,
        },
        exit_code,
    })
}

/// One environment's part of `cert renew`, as its plan says.
fn handle(
    env: &EnvRef,
    plan: Plan,
    state: &State,
    args: &CertRenewArgs,
    ctx: &Context,
    renewal: &mut Renewal,
) -> Result<()> {
    match plan {
        // Not due, but its last deploy failed: --deploy tries again, so a failure is never
        // lost to the next quiet run.
        Plan::NotDue(_) if args.deploy && deploy_failed(state, env) => {
            let deployed = deploy_one(env, args, ctx, renewal);
            renewal.retried.push(Retried {
                environment: env.to_string(),
                deployed,
            });
        }
        Plan::NotDue(detail) => renewal.skipped.push(skipped(env, "not-due", detail)),
        Plan::SelfHosted(detail) => {
            let detail = format!(
                "{detail}: self-hosted, it needs a renewed certificate from its own CA ('mtlsctl cert import {env} …')"
            );
            output::warn(ctx, &format!("{env}: {detail}"));
            renewal.skipped.push(skipped(env, "self-hosted", detail));
        }
        Plan::KeyElsewhere(detail) => {
            let detail = format!(
                "{detail}: its key is held elsewhere, sign a new CSR ('mtlsctl cert sign {env} --csr FILE')"
            );
            output::warn(ctx, &format!("{env}: {detail}"));
            renewal.skipped.push(skipped(env, "key-elsewhere", detail));
        }
        Plan::Renew(reason) if args.dry_run => renewal.renewed.push(Renewed {
            environment: env.to_string(),
            reason,
            previous_cert: state.environment(env)?.current_cert.clone(),
            current_cert: None,
            variable: None,
            deployed: None,
        }),
        Plan::Renew(reason) => renew_one(env, reason, args, ctx, renewal),
    }
    Ok(())
}

/// The environments named (each must exist), or every one.
fn chosen(state: &State, named: &[EnvRef]) -> Result<Vec<EnvRef>> {
    if named.is_empty() {
        let mut all: Vec<EnvRef> = state.environments.iter().map(|e| e.env_ref()).collect();
        all.sort_by(|a, b| (&a.property, a.stage).cmp(&(&b.property, b.stage)));
        return Ok(all);
    }
    for env in named {
        state.environment(env)?;
    }
    let mut unique = named.to_vec();
    unique.dedup();
    Ok(unique)
}

fn skipped(env: &EnvRef, reason: &'static str, detail: String) -> Skipped {
    Skipped {
        environment: env.to_string(),
        reason,
        detail,
    }
}

/// Rotate one environment (again only if it is still due), then deploy it when asked.
fn renew_one(
    env: &EnvRef,
    reason: String,
    args: &CertRenewArgs,
    ctx: &Context,
    renewal: &mut Renewal,
) {
    let (previous, cert) = match renew::renew(&ctx.store, env, args.within, ctx.now) {
        Ok(Some(renewed)) => renewed,
        Ok(None) => {
            let detail = "another mtlsctl renewed it meanwhile".to_string();
            renewal
                .skipped
                .push(skipped(env, "renewed-elsewhere", detail));
            return;
        }
        Err(error) => {
            renewal.failed.push(Failed {
                environment: env.to_string(),
                step: "renew",
                error: format!("{error:#}"),
            });
            return;
        }
    };
    let deployed = args.deploy.then(|| deploy_one(env, args, ctx, renewal));
    renewal.renewed.push(Renewed {
        environment: env.to_string(),
        reason,
        previous_cert: previous,
        current_cert: Some(cert.id),
        variable: Some(cert.variable),
        deployed,
    });
}

/// Deploy `env`'s current certificate; a failure goes into the report.
fn deploy_one(env: &EnvRef, args: &CertRenewArgs, ctx: &Context, renewal: &mut Renewal) -> bool {
    let options = deploy::Options {
        allow_shared_dir: args.target.allow_shared_dir,
        hook_timeout: args.target.hook_timeout.std(),
        force: false,
    };
    match deploy::deploy(&ctx.store, env, &options, ctx.now, &mut |_| {}) {
        Ok(_) => true,
        Err(error) => {
            renewal.failed.push(Failed {
                environment: env.to_string(),
                step: "deploy",
                error: format!("{error:#}"),
            });
            false
        }
    }
}

/// Whether the last deploy of `env`'s current certificate failed (or was cut short).
fn deploy_failed(state: &State, env: &EnvRef) -> bool {
    let Ok(environment) = state.environment(env) else {
        return false;
    };
    let interrupted = environment.deploy_started.is_some();
    let failed = environment
        .last_deploy
        .as_ref()
        .is_some_and(|d| !d.ok && environment.current_cert.as_deref() == Some(d.cert.as_str()));
    environment.deployed_cert != environment.current_cert && (interrupted || failed)
}

/// What happened, a line per environment renewed or failed; what was not due in one line
/// (each with -v).
fn summary(renewal: &Renewal, ctx: &Context) -> String {
    let verb = if renewal.dry_run {
        "would renew"
    } else {
        "renewed"
    };
    let mut lines: Vec<String> = renewal
        .renewed
        .iter()
        .map(|r| {
            let now_current = r
                .variable
                .as_ref()
                .map(|v| format!(": {v} is current"))
                .unwrap_or_default();
            let deployed = match r.deployed {
                Some(true) => " and deployed",
                Some(false) => " (deploy failed)",
                None => "",
            };
            format!(
                "{verb} {}{now_current}{deployed} ({})",
                r.environment, r.reason
            )
        })
        .collect();
    let not_due: Vec<&Skipped> = renewal
        .skipped
        .iter()
        .filter(|s| s.reason != "self-hosted" && s.reason != "key-elsewhere")
        .collect();
    if ctx.verbose > 0 {
        lines.extend(
            not_due
                .iter()
                .map(|s| format!("skipped {}: {}", s.environment, s.detail)),
        );
    } else if !not_due.is_empty() {
        lines.push(format!("{} not due", count(not_due.len())));
    }
    lines.extend(renewal.retried.iter().map(|r| {
        let how = if r.deployed {
            "deployed"
        } else {
            "failed to deploy"
        };
        format!("{how} {} again (its last deploy had failed)", r.environment)
    }));
    if lines.is_empty() && renewal.failed.is_empty() {
        lines.push("no environment to renew".into());
    }
    lines.join("\n")
}

fn count(n: usize) -> String {
    match n {
        1 => "1 environment".into(),
        n => format!("{n} environments"),
    }
}
