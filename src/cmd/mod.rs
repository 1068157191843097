//! One module per command group: open the store, call the domain, return a `Report`.

mod ca;
mod cert;
mod client;
mod datacenter;
mod docs;
mod domain;
mod env;
pub mod expiry;
mod inspect;
mod issuer;
mod property;
mod request;
mod serve;
mod state;
mod views;

use std::path::Path;

use anyhow::{Context as _, Result};

use crate::cli::Command;
use crate::context::Context;
use crate::output::Report;

/// A command's result and the exit code it asks for (0 but for `expiry`'s verdicts).
pub struct Outcome {
    pub report: Report,
    pub exit_code: u8,
}

impl From<Report> for Outcome {
    fn from(report: Report) -> Self {
        Outcome {
            report,
            exit_code: 0,
        }
    }
}

pub fn dispatch(command: Command, ctx: &Context) -> Result<Outcome> {
    let report = match command {
        Command::Property(command) => property::run(command, ctx),
        Command::Env(command) => env::run(command, ctx),
        Command::Cert(command) => return cert::run(command, ctx),
        Command::Inspect(args) => inspect::run(args, ctx),
        Command::Issuer(command) => issuer::run(command, ctx),
        Command::Ca(command) => ca::run(command, ctx),
        Command::Datacenter(command) => return datacenter::run(command, ctx),
        Command::Domain(command) => domain::run(command, ctx),
        Command::Rule(command) => domain::run_rule(command, ctx),
        Command::Serve(args) => serve::run(&args, ctx),
        Command::State(command) => state::run(command, ctx),
        Command::Request(args) => request::run(*args, ctx),
        Command::Expiry(args) => return expiry::run(&args, ctx),
        Command::Completions { shell } => docs::completions(shell),
        Command::Man { out_dir } => docs::man(out_dir.as_deref(), &ctx.store),
    }?;
    Ok(report.into())
}

/// Read a file a flag names; `-` is stdin. The error names the file.
/// The most a certificate, key, CSR or bundle file may hold: anything larger is not one (and
/// `/dev/zero` would otherwise be read until memory runs out).
const MAX_INPUT: u64 = 16 << 20;

pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let (reader, what): (Box<dyn Read>, String) = if path == Path::new("-") {
        (Box::new(std::io::stdin()), "standard input".into())
    } else {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        (Box::new(file), path.display().to_string())
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {what}"))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(crate::error::usage(format!(
            "{what} holds more than {} MiB: not a certificate, key or bundle",
            MAX_INPUT >> 20
        ))
        .into());
    }
    Ok(bytes)
}

/// The first line of a password file, without its line ending.
pub(crate) fn read_password(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        crate::error::usage(format!(
            "the password file {} is not UTF-8 text",
            path.display()
        ))
    })?;
    Ok(text.lines().next().unwrap_or("").to_string())
}

/// A time as tables show it: `2026-03-01 12:00 UTC`.
/// A certificate made current although its validity has not begun: say so (servers refuse it
/// until then).
pub fn warn_if_not_yet_valid(cert: &crate::state::CertRecord, ctx: &Context) {
    if cert.not_before > ctx.now {
        crate::output::warn(
            ctx,
            &format!(
                "{} is not valid until {}: servers will refuse it until then",
                cert.variable,
                short_time(cert.not_before)
            ),
        );
    }
}

pub use crate::text::short_time;

/// The state a command about one certificate needs: the environment its reference names (by
/// PROPERTY/STAGE or variable name) alone, for a secret-store token that may read only that;
/// else, or when it is not there, the whole state.
pub fn state_holding(cert: &str, ctx: &Context) -> Result<crate::state::State> {
    if let Some(env) = crate::model::environment_of_reference(cert) {
        let state = ctx.store.read_environment(&env)?;
        if state.resolve_cert(cert).is_ok() {
            return Ok(state);
        }
    }
    ctx.store.read()
}
