//! mtlsctl: manage and use mutual-TLS client certificates.
//!
//! Data flows one way: `cli` parses, `context` resolves, `cmd` acts on the `state` through
//! `pki`, and `output` prints what the command returned.

pub mod atomic;
pub mod cli;
pub mod cmd;
pub mod context;
pub mod duration;
pub mod error;
pub mod model;
pub mod output;
pub mod pki;
pub mod state;

use anyhow::Result;

use crate::cli::Cli;
use crate::context::Context;

/// Run one parsed command line and print its result.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Context::resolve(&cli.global)?;
    let report = cmd::dispatch(cli.command, &ctx)?;
    output::print(&report, &ctx)?;
    Ok(())
}
