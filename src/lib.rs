//! mtlsctl: manage and use mutual-TLS client certificates.
//!
//! Data flows one way: `cli` parses, `context` resolves, `cmd` acts on the `state` through
//! `pki`, and `output` prints what the command returned.

pub mod atomic;
pub mod cli;
pub mod cmd;
pub mod context;
pub mod datacenter;
pub mod deploy;
pub mod duration;
pub mod error;
pub mod expiry;
pub mod gateway;
pub mod http;
pub mod lifecycle;
pub mod model;
pub mod output;
pub mod pki;
pub mod runtime;
pub mod state;
pub mod text;
pub mod tls;
pub mod tls_words;

use crate::cli::{Cli, Command};
use crate::context::Context;

/// Run one parsed command line, print its result or its error, and return the exit code.
pub fn run(mut cli: Cli) -> u8 {
    // expiry speaks the monitoring-plugin convention: any error is UNKNOWN (3).
    let monitoring = matches!(cli.command, Command::Expiry(_));
    // request -s is curl's silence: no warnings, and no error text unless -S.
    let mut silent_errors = false;
    if let Command::Request(args) = &cli.command
        && args.silent
    {
        cli.global.quiet = true;
        silent_errors = !args.show_error;
    }
    // A verdict already reached survives a reader that went away (`expiry | head -1`).
    let mut verdict = 0;
    let needs_state = !matches!(
        cli.command,
        Command::Completions { .. } | Command::Man { .. }
    );
    let outcome = Context::resolve(&cli.global, needs_state)
        .inspect_err(|error| {
            // Not even the settings could be read: nagios and Prometheus readers still hear so.
            if let Command::Expiry(args) = &cli.command {
                cmd::expiry::could_not_start(args, cli.global.json, error);
            }
        })
        .and_then(|ctx| {
            let outcome = cmd::dispatch(cli.command, &ctx)?;
            verdict = outcome.exit_code;
            output::print(&outcome.report, &ctx)?;
            Ok(outcome.exit_code)
        });
    match outcome {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => verdict,
        Err(error) => {
            if !silent_errors {
                eprint!("{}", error::report(&error));
            }
            if monitoring {
                3
            } else {
                error::classify(&error).0.exit_code() as u8
            }
        }
    }
}

/// `mtlsctl cert list | head -1` is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
