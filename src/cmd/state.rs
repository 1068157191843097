//! `state copy`: the whole state to or from another place (the file, a secret store), checked
//! after it is written.

use anyhow::Result;
use serde::Serialize;

use crate::cli::StateCommand;
use crate::context::Context;
use crate::error::{runtime, usage};
use crate::output::{Report, json_of};
use crate::state::{State, Store};

/// The JSON of `state copy`.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Copied {
    from: String,
    to: String,
    properties: usize,
    environments: usize,
    certificates: usize,
    trusted_cas: usize,
    domains: usize,
    datacenter_downloads: usize,
    /// Issuers, the current one and those it replaced.
    issuers: usize,
}

pub fn run(command: StateCommand, ctx: &Context) -> Result<Report> {
    let StateCommand::Copy { to, from } = command;
    let other_location = to.as_deref().or(from.as_deref()).unwrap_or_default();
    let other = ctx.open_store(other_location)?;
    let (source, destination) = match to.is_some() {
        true => (&ctx.store, &other),
        false => (&other, &ctx.store),
    };
    let state = source.read()?;
    if !holds_anything(&state) {
        return Err(usage(format!(
            "{} holds no state: nothing to copy",
            source.describe()
        ))
        .hint("check the path or URL (and its mount and prefix)")
        .into());
    }
    if !state.unreadable.is_empty() {
        return Err(unseen(
            &format!("cannot copy {}", source.describe()),
            &state,
        ));
    }
    ensure_empty(destination)?;
    destination.copy_in(&state)?;
    let copied = destination.read()?;
    let expected = summary(&state, source, destination);
    verify(&state, &copied, destination)?;
    Ok(Report::Done {
        message: format!(
            "copied {} properties, {} environments and {} certificates (with their keys), {} issuer(s), {} trusted CAs, {} domains and {} datacenter downloads from {} to {}; the copy was read back and matches",
            expected.properties,
            expected.environments,
            expected.certificates,
            expected.issuers,
            expected.trusted_cas,
            expected.domains,
            expected.datacenter_downloads,
            expected.from,
            expected.to
        ),
        json: json_of(&expected)?,
    })
}

/// A copy goes into an empty destination: one cut short is written over (it was never a
/// state); one that holds anything, or that the token may not wholly see, is refused.
fn ensure_empty(destination: &Store) -> Result<()> {
    let existing = match destination.read() {
        Err(error) if error.to_string().contains("unfinished copy") => State::default(),
        other => other?,
    };
    if !existing.unreadable.is_empty() {
        let doing = format!("cannot tell whether {} is empty", destination.describe());
        return Err(unseen(&doing, &existing));
    }
    if holds_anything(&existing) {
        return Err(usage(format!(
            "{} already holds a state: a copy goes into an empty one",
            destination.describe()
        ))
        .hint("choose another destination (a new file, another prefix), or empty it first")
        .into());
    }
    Ok(())
}

/// A copy needs the whole state: what the token may not read or list, named.
fn unseen(doing: &str, state: &State) -> anyhow::Error {
    runtime(format!(
        "{doing}: permission denied by the secret store for {} of its entries or folders ({})",
        state.unreadable.len(),
        state.unreadable.join(", ")
    ))
    .hint("copy with a token that may list and read the whole prefix")
    .into()
}

fn holds_anything(state: &State) -> bool {
    !(state.properties.is_empty()
        && state.issuer.is_none()
        && state.trusted_cas.is_empty()
        && state.domains.is_empty()
        && state.datacenter_downloads.is_empty()
        && state.unreadable.is_empty())
}

fn summary(state: &State, from: &Store, to: &Store) -> Copied {
    Copied {
        from: from.location(),
        to: to.location(),
        properties: state.properties.len(),
        environments: state.environments.len(),
        certificates: state.certificates.len(),
        trusted_cas: state.trusted_cas.len(),
        domains: state.domains.len(),
        datacenter_downloads: state.datacenter_downloads.len(),
        issuers: state.issuers().count(),
    }
}

/// The copy, read back, has everything the source had: the same counts, and every certificate
/// (by id), its fingerprint and its key, every issuer (by fingerprint) and its key.
fn verify(source: &State, copy: &State, destination: &Store) -> Result<()> {
    let fingerprints = |state: &State| {
        let mut certs: Vec<(String, String, String)> = state
            .certificates
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.sha256.clone(),
                    crate::pki::sha256_hex(c.key_pem.as_bytes()),
                )
            })
            .collect();
        certs.sort();
        let mut issuers: Vec<(String, String)> = state
            .issuers()
            .map(|i| {
                (
                    i.sha256.clone(),
                    crate::pki::sha256_hex(i.key_pem.as_bytes()),
                )
            })
            .collect();
        issuers.sort();
        (certs, issuers)
    };
    let same_counts =
        summary(source, destination, destination) == summary(copy, destination, destination);
    if !same_counts || fingerprints(source) != fingerprints(copy) {
        return Err(crate::error::runtime(format!(
            "the copy in {} does not match what was read (counts or fingerprints differ)",
            destination.describe()
        ))
        .hint("remove the copy and run 'state copy' again; the source was not changed")
        .into());
    }
    Ok(())
}
