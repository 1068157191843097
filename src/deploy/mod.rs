//! Putting an environment's current certificate where its server reads it: recorded as started
//! (so that an interrupted deploy is seen), written to the target and announced to the hook,
//! then recorded as deployed, or as failed with what the target may now hold.

mod target;

use target::{DeployPaths, staging_dir, write_deploy_files};
pub use target::{TargetFile, run_hook, write_files};

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};

use crate::error::usage;
use crate::model::EnvRef;
use crate::state::{CertRecord, DeployRecord, DeploySettings, State, Store};

/// How a deploy was asked to run.
pub struct Options {
    pub allow_shared_dir: bool,
    pub hook_timeout: Duration,
    /// Deploy even when the current certificate is already the deployed one.
    pub force: bool,
}

/// What a deploy did, for the command to show.
pub enum Step<'a> {
    /// A deploy started earlier never finished: this one does it again.
    Interrupted(DateTime<Utc>),
    Wrote(&'a Path),
    RunningHook(&'a str),
}

/// A finished deploy.
pub struct Deployed {
    pub cert: CertRecord,
    pub settings: DeploySettings,
    /// What was done, to end "deployed … to ENV": ": wrote DIR and ran the hook".
    pub note: String,
    /// Nothing was done: the current certificate was already deployed (and not --force).
    pub skipped: bool,
}

/// What a deploy writes and runs, taken from the state in one change.
struct Job {
    cert: CertRecord,
    chain_pem: String,
    settings: DeploySettings,
}

/// Why a deploy failed, and whether it had already changed the target (written files or
/// started the hook).
#[derive(Clone)]
struct Failure {
    error: String,
    touched: bool,
}

/// Deploy `env`'s current certificate to its target; `step` hears of each step as it happens.
/// The outcome is recorded whatever happens.
pub fn deploy(
    store: &Store,
    env: &EnvRef,
    options: &Options,
    now: DateTime<Utc>,
    step: &mut dyn FnMut(Step<'_>),
) -> Result<Deployed> {
    let Some((job, interrupted)) = begin(store, env, options.force, now)? else {
        let state = store.read()?;
        let environment = state.environment(env)?;
        return Ok(Deployed {
            cert: current_of(&state, env)?,
            settings: environment.deploy.clone(),
            note: String::new(),
            skipped: true,
        });
    };
    if let Some(started) = interrupted {
        step(Step::Interrupted(started));
    }
    let mut touched = false;
    let outcome = run(store, &job, env, options, step, &mut touched);
    let failure = outcome.as_ref().err().map(|e| Failure {
        error: format!("{e:#}"),
        touched,
    });
    store.update_environment(env, |state| {
        record(state, env, &job.cert.id, failure.clone(), false, now)
    })?;
    let note = outcome.with_context(|| format!("deploying {} to {env} failed", job.cert.id))?;
    Ok(Deployed {
        cert: job.cert,
        settings: job.settings,
        note,
        skipped: false,
    })
}

/// `cert deploy --manual`: the current certificate recorded as deployed by hand.
pub fn record_manual(store: &Store, env: &EnvRef, now: DateTime<Utc>) -> Result<CertRecord> {
    store.update_environment(env, |state| {
        let cert = current_of(state, env)?;
        record(state, env, &cert.id, None, true, now)?;
        Ok(cert)
    })
}

/// What a deploy will do, recorded as started: the current certificate, its chain and the
/// target. Refused when there is nowhere to deploy; None when the current certificate is
/// already deployed (and not `force`).
fn begin(
    store: &Store,
    env: &EnvRef,
    force: bool,
    now: DateTime<Utc>,
) -> Result<Option<(Job, Option<DateTime<Utc>>)>> {
    store.update_environment(env, |state| {
        let cert = current_of(state, env)?;
        let environment = state.environment_mut(env)?;
        let done = environment.deploy_started.is_none()
            && environment.deployed_cert.as_deref() == Some(cert.id.as_str());
        if done && !force {
            return Ok(None);
        }
        if environment.deploy.dir.is_none() && environment.deploy.hook.is_none() {
            return Err(usage(format!("{env} has nowhere to deploy to"))
                .hint(format!(
                    "configure a target with 'mtlsctl env set {env} --deploy-dir DIR' and/or '--deploy-hook CMD', \
                     or record a deployment done by hand with 'mtlsctl cert deploy {env} --manual'"
                ))
                .into());
        }
        // Refused before anything is recorded: no deploy file may land on the state.
        if let Some(dir) = &environment.deploy.dir {
            for name in ["cert.pem", "chain.pem", "key.pem"] {
                store.refuse_as_output(&dir.join(name))?;
            }
        }
        let interrupted = environment.deploy_started.replace(now);
        let settings = environment.deploy.clone();
        let chain_pem = state.chain_of(&cert);
        Ok(Some((
            Job {
                cert,
                chain_pem,
                settings,
            },
            interrupted,
        )))
    })
}

fn current_of(state: &State, env: &EnvRef) -> Result<CertRecord> {
    let environment = state.environment(env)?;
    environment
        .current_cert
        .as_deref()
        .and_then(|id| state.cert_by_id(id))
        .cloned()
        .ok_or_else(|| usage(format!("{env} has no current certificate")).into())
}

/// Record what the target now holds: the certificate after a success; after a failure that
/// had changed the target, no certificate (the files may be the new one's while the service
/// was not told), so a later rollback is not taken for deployed.
fn record(
    state: &mut State,
    env: &EnvRef,
    cert_id: &str,
    failure: Option<Failure>,
    manual: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let environment = state.environment_mut(env)?;
    environment.deploy_started = None;
    match &failure {
        None => environment.deployed_cert = Some(cert_id.to_string()),
        Some(failure) if failure.touched => environment.deployed_cert = None,
        Some(_) => {}
    }
    environment.last_deploy = Some(DeployRecord {
        at: now,
        ok: failure.is_none(),
        error: failure.map(|f| f.error),
        cert: cert_id.to_string(),
        manual,
    });
    Ok(())
}

/// What the hook is told: the environment, the certificate and the files written.
fn hook_vars(env: &EnvRef, cert: &CertRecord, paths: DeployPaths) -> Vec<(&'static str, OsString)> {
    vec![
        ("MTLSCTL_ENV", env.to_string().into()),
        ("MTLSCTL_CERT_ID", cert.id.clone().into()),
        ("MTLSCTL_VARIABLE", cert.variable.clone().into()),
        ("MTLSCTL_CERT_FILE", paths.cert.into_os_string()),
        (
            "MTLSCTL_KEY_FILE",
            paths.key.map(|p| p.into_os_string()).unwrap_or_default(),
        ),
        ("MTLSCTL_CHAIN_FILE", paths.chain.into_os_string()),
    ]
}

/// Write the files and run the hook; returns a note on what was done.
fn run(
    store: &Store,
    job: &Job,
    env: &EnvRef,
    options: &Options,
    step: &mut dyn FnMut(Step<'_>),
    touched: &mut bool,
) -> Result<String> {
    // Without a deploy directory the hook still gets files: a private temporary directory.
    let staging;
    let dir: &Path = match &job.settings.dir {
        Some(dir) => dir,
        None => {
            staging = staging_dir()?;
            staging.path()
        }
    };
    let chain = format!("{}{}", job.cert.cert_pem, job.chain_pem);
    // A certificate signed from a CSR has its key where it was made: no key.pem then.
    let key_pem = match job.cert.key_held_elsewhere() {
        true => None,
        false => Some(crate::pki::keys::openssl_key_pem(
            &store.private_key(&job.cert)?,
        )?),
    };
    // Once writing starts, the target may hold the new files, whatever happens next.
    *touched = job.settings.dir.is_some();
    let paths = write_deploy_files(
        dir,
        &job.cert.cert_pem,
        &chain,
        key_pem.as_deref(),
        options.allow_shared_dir,
    )?;
    step(Step::Wrote(dir));
    let mut note = match &job.settings.dir {
        Some(dir) => format!(": wrote {}", dir.display()),
        None => String::new(),
    };
    if let Some(hook) = &job.settings.hook {
        step(Step::RunningHook(hook));
        *touched = true;
        run_hook(
            hook,
            "deploy hook",
            &hook_vars(env, &job.cert, paths),
            options.hook_timeout,
        )?;
        note.push_str(if note.is_empty() {
            ": ran the hook"
        } else {
            " and ran the hook"
        });
    }
    Ok(note)
}
