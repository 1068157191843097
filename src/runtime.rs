//! The one place async runtimes are built: one thread for a command (its transfers and its
//! secret-store reads run one after another, or a few joined), every core for `serve`.

use anyhow::{Context as _, Result};
use tokio::runtime::{Builder, Runtime};

/// A command's runtime: one thread.
pub fn one_thread() -> Result<Runtime> {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// `serve`'s runtime: a worker thread per core, for the connections it serves at once.
pub fn every_core() -> Result<Runtime> {
    Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}
