//! `datacenter sync`: the vendor's public certificates from its mTLS Service API, verified,
//! saved atomically, recorded for `expiry`, and what changed told to `--on-change` once.

use std::collections::HashSet;
use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Outcome, RETRY_DELAY, connect_options, explained, read_input, short_time};
use crate::atomic;
use crate::cli::DatacenterSyncArgs;
use crate::context::Context;
use crate::datacenter::api::{self, Api, Listed, Listing, Voices};
use crate::datacenter::{Fetcher, Verified};
use crate::error::usage;
use crate::http::Retry;
use crate::model::Secret;
use crate::output::{self, Report, json_of};
use crate::state::{DatacenterDownload, State, SyncSettings, days_left};
use crate::text::escape_untrusted;

/// Everything a sync needs, checked before anything is sent.
struct Plan {
    api: Api,
    secret: Secret,
    out: PathBuf,
    cacert: Option<PathBuf>,
    on_change: Option<String>,
    /// Whose certificates these are: the API's host.
    vendor: String,
}

/// A listed certificate that verified, and where it goes.
struct Synced {
    listed: Listed,
    verified: Verified,
    path: PathBuf,
    /// Whether --on-change is yet to be told of it (when there is one).
    untold: bool,
}

/// The list against what the last sync recorded.
#[derive(Default)]
struct Sorted {
    new: Vec<Synced>,
    /// Recorded, but its file was missing or altered, or --out changed: written again (and told
    /// to --on-change, as a new one is).
    restored: Vec<Synced>,
    unchanged: Vec<DatacenterDownload>,
    gone: Vec<DatacenterDownload>,
    /// (which item, why: naming the item) of what was not saved.
    failed: Vec<(String, String)>,
    /// Forgotten certificates the API no longer lists: their records go.
    dropped: Vec<DatacenterDownload>,
}

pub fn run(args: &DatacenterSyncArgs, ctx: &Context) -> Result<Outcome> {
    let state = ctx.store.read()?;
    let saved = state.datacenter_sync.clone().unwrap_or_default();
    let settings = merged(args, &saved);
    let plan = plan(args, &settings, ctx)?;
    // A state that cannot record the sync stops it before anything is asked.
    ctx.store.check_writable()?;
    let listing = fetch(&plan, args, ctx)?;
    let sorted = sort(listing, &state, &plan, ctx);
    let keep = (args.save_settings && settings != saved).then_some(&settings);
    let written = save(&plan, &sorted, keep, ctx)?;
    let on_change = announce(&plan, &sorted, &written, args.hook_timeout.std(), ctx);
    for (_, error) in &sorted.failed {
        eprintln!("mtlsctl: error: {}", escape_untrusted(error));
    }
    warn_about(&written, ctx);
    if let Some(Err(error)) = &on_change {
        eprintln!("mtlsctl: error: {error:#}");
    }
    let exit_code = u8::from(!sorted.failed.is_empty() || matches!(on_change, Some(Err(_))));
    Ok(Outcome {
        report: report(&plan, &sorted, &written, on_change.as_ref(), ctx)?,
        exit_code,
    })
}

/// The settings this sync runs with: each flag over the saved setting of its name.
fn merged(args: &DatacenterSyncArgs, saved: &SyncSettings) -> SyncSettings {
    fn or<T: Clone>(flag: &Option<T>, saved: &Option<T>) -> Option<T> {
        flag.clone().or_else(|| saved.clone())
    }
    SyncSettings {
        out: or(&args.out, &saved.out).map(|p| absolute(&p)),
        org_id: or(&args.org_id, &saved.org_id),
        client_id: or(&args.client_id, &saved.client_id),
        // `-` (standard input) stays as it is.
        client_secret_file: or(&args.client_secret_file, &saved.client_secret_file).map(
            |p| match p == Path::new("-") {
                true => p,
                false => absolute(&p),
            },
        ),
        scope: or(&args.scope, &saved.scope),
        ims_url: or(&args.ims_url, &saved.ims_url),
        api_url: or(&args.api_url, &saved.api_url),
        cacert: or(&args.server_ca.cacert, &saved.cacert).map(|p| absolute(&p)),
        on_change: or(&args.on_change, &saved.on_change),
        page_size: or(&args.page_size, &saved.page_size),
    }
}

fn plan(args: &DatacenterSyncArgs, settings: &SyncSettings, ctx: &Context) -> Result<Plan> {
    let org_id = header_value(
        &settings.org_id,
        "--org-id",
        "the organization id, …@AdobeOrg",
    )?;
    let client_id = header_value(&settings.client_id, "--client-id", "the OAuth client id")?;
    let api_url = https_url(
        settings.api_url.as_deref().unwrap_or(api::DEFAULT_API_URL),
        "--api-url",
    )?;
    // host[:port]: https_url refused credentials, so the authority is nothing else.
    let vendor = url::Url::parse(&api_url)
        .map(|u| u.authority().to_string())
        .unwrap_or_else(|_| api_url.clone());
    let secret_file = match (&args.client_secret_file, &ctx.client_secret) {
        // MTLSCTL_CLIENT_SECRET, set for this run, wins over a saved file; a flag over both.
        (None, Some(_)) => None,
        _ => settings.client_secret_file.as_deref(),
    };
    Ok(Plan {
        api: Api {
            ims_url: https_url(
                settings.ims_url.as_deref().unwrap_or(api::DEFAULT_IMS_URL),
                "--ims-url",
            )?,
            api_url,
            org_id,
            client_id,
            scope: settings
                .scope
                .clone()
                .unwrap_or_else(|| api::DEFAULT_SCOPE.into()),
            page_size: settings.page_size.unwrap_or(api::DEFAULT_PAGE_SIZE),
        },
        secret: client_secret(secret_file, ctx)?,
        out: settings.out.clone().unwrap_or_else(|| PathBuf::from(".")),
        cacert: settings.cacert.clone(),
        on_change: settings.on_change.clone().filter(|c| !c.trim().is_empty()),
        vendor,
    })
}

/// A setting that is sent as a header: present, and without line breaks or control characters.
fn header_value(value: &Option<String>, flag: &str, what: &str) -> Result<String> {
    let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Err(usage(format!("datacenter sync needs {flag} ({what})"))
            .hint("give it once with --save-settings to keep it for the next syncs")
            .into());
    };
    if value.chars().any(char::is_control) || hyper::header::HeaderValue::from_str(value).is_err() {
        return Err(usage(format!(
            "{flag} '{}' holds a character a header cannot carry",
            escape_untrusted(value)
        ))
        .into());
    }
    Ok(value.to_string())
}

/// An https:// URL without credentials or query: the secret and the token never travel in
/// clear text.
fn https_url(text: &str, flag: &str) -> Result<String> {
    let shown = escape_untrusted(text);
    let url =
        url::Url::parse(text).map_err(|e| usage(format!("{flag} '{shown}' is not a URL: {e}")))?;
    if url.scheme() != "https" {
        return Err(usage(format!("{flag} '{shown}' is not an https:// URL"))
            .hint("the client secret and the token are never sent in clear text")
            .into());
    }
    if !url.username().is_empty() || url.password().is_some() || url.query().is_some() {
        return Err(usage(format!(
            "{flag} '{shown}' carries credentials or a query: give the bare URL"
        ))
        .into());
    }
    Ok(text.trim_end_matches('/').to_string())
}

/// The client secret: the file's first line, else MTLSCTL_CLIENT_SECRET; never from argv.
fn client_secret(file: Option<&Path>, ctx: &Context) -> Result<Secret> {
    let Some(path) = file else {
        return ctx.client_secret.clone().ok_or_else(|| {
            usage("datacenter sync needs the client secret")
                .hint("put it in a file only you can read and pass --client-secret-file FILE, or set MTLSCTL_CLIENT_SECRET (never on the command line)")
                .into()
        });
    };
    let bytes = read_input(path).map_err(|e| {
        usage(format!(
            "cannot read the client secret file {}: {}",
            path.display(),
            e.root_cause()
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        usage(format!(
            "the client secret file {} does not hold text",
            path.display()
        ))
    })?;
    let secret = text.lines().next().unwrap_or_default().trim();
    if secret.is_empty() {
        return Err(usage(format!(
            "the client secret file {} is empty",
            path.display()
        ))
        .into());
    }
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0) {
        output::warn(
            ctx,
            &format!(
                "the client secret file {} can be read by other users: chmod 600 it",
                path.display()
            ),
        );
    }
    Ok(Secret::new(secret))
}

/// The token, then every page of the list; a failure in the words `request` uses.
fn fetch(plan: &Plan, args: &DatacenterSyncArgs, ctx: &Context) -> Result<Listing> {
    let (options, observed) = connect_options(plan.cacert.as_deref(), args.timeout.std(), ctx)?;
    let fetcher = Fetcher {
        options: &options,
        retry: Retry {
            retries: args.retry,
            delay: RETRY_DELAY,
        },
        timeout: args.timeout.std(),
        allow_http: false,
        max_body: api::MAX_ANSWER,
    };
    let (mut note, mut say) = (
        |text: &str| output::warn(ctx, text),
        |text: &str| output::verbose(ctx, text),
    );
    let mut voices = Voices {
        note: &mut note,
        say: &mut say,
    };
    crate::runtime::one_thread()?.block_on(async {
        let token = (plan.api.token(&fetcher, &plan.secret, &mut voices).await).map_err(|e| {
            explained(
                e,
                &observed,
                format!("asking {} for a token failed", plan.api.ims_url),
            )
        })?;
        if let Some(seconds) = token.expires_in {
            (voices.say)(&format!("got a bearer token valid for {seconds}s"));
        }
        let listing = plan.api.list(&fetcher, &token, &mut voices).await;
        listing.map_err(|e| explained(e, &observed, "reading the API's list failed".into()))
    })
}

/// Each listed certificate verified and sorted against the last sync's records.
fn sort(listing: Listing, state: &State, plan: &Plan, ctx: &Context) -> Sorted {
    let recorded = state.synced_downloads(&plan.vendor);
    let mut sorted = Sorted {
        failed: listing.unreadable,
        ..Sorted::default()
    };
    let (mut present, mut paths) = (HashSet::new(), HashSet::new());
    for listed in listing.items {
        let verified = match api::verify(&listed) {
            Ok(verified) => verified,
            Err(error) => {
                sorted.failed.push((listed.label(), format!("{error:#}")));
                continue;
            }
        };
        // The same certificate listed twice is one certificate.
        if !present.insert(verified.info.sha256.clone()) {
            continue;
        }
        let before = recorded.iter().find(|r| r.sha256 == verified.info.sha256);
        if before.is_some_and(|r| r.forgotten) {
            let name = escape_untrusted(&listed.common_name);
            output::verbose(ctx, &format!("'{name}' was forgotten: not saved"));
            continue;
        }
        let path = place(&listed, &verified, &plan.out, &mut paths);
        let synced = Synced {
            listed,
            verified,
            path,
            // A file written, new or written again (elsewhere too: a new --out), is for
            // --on-change to take.
            untold: plan.on_change.is_some(),
        };
        match before {
            Some(r) if !r.gone_untold && is_in_place(r, &synced) => {
                sorted.unchanged.push((*r).clone())
            }
            Some(_) => sorted.restored.push(synced),
            None => sorted.new.push(synced),
        }
    }
    (sorted.gone, sorted.dropped) = not_listed(&recorded, &present, &sorted.failed);
    sorted
}

/// What the last sync recorded and this list does not hold: gone (to tell), or forgotten ones to
/// drop. A certificate whose entry failed is still listed by its name: it is not gone.
fn not_listed(
    recorded: &[&DatacenterDownload],
    present: &HashSet<String>,
    failed: &[(String, String)],
) -> (Vec<DatacenterDownload>, Vec<DatacenterDownload>) {
    let named = |r: &DatacenterDownload| {
        let label = format!("'{}' (", escape_untrusted(&r.id));
        failed.iter().any(|(item, _)| item.starts_with(&label))
    };
    recorded
        .iter()
        .filter(|r| !present.contains(&r.sha256) && !named(r))
        .map(|r| (*r).clone())
        .partition(|r| !r.forgotten)
}

/// Whether a recorded certificate's file is where this sync would put it, as it was saved.
fn is_in_place(record: &DatacenterDownload, synced: &Synced) -> bool {
    record.path == synced.path
        && std::fs::read(&synced.path).is_ok_and(|bytes| bytes == synced.verified.bytes)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `<common name>-<expiry date>.pem` in `out`, the name reduced to letters, digits, '.', '_'
/// and '-' so that no answer can name a file outside it; the fingerprint's start is added when
/// two names would meet (`a/b` and `a-b`).
fn place(
    listed: &Listed,
    verified: &Verified,
    out: &Path,
    taken: &mut HashSet<PathBuf>,
) -> PathBuf {
    let name: String = listed
        .common_name
        .chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                true => c,
                false => '-',
            },
        )
        .take(100)
        .collect();
    let name = name.trim_start_matches(['.', '-']);
    let name = if name.is_empty() { "certificate" } else { name };
    let date = listed.expiry.format("%Y-%m-%d");
    let plain = absolute(&out.join(format!("{name}-{date}.pem")));
    let path = match taken.contains(&plain) {
        true => absolute(&out.join(format!("{name}-{date}-{}.pem", &verified.info.sha256[..12]))),
        false => plain,
    };
    taken.insert(path.clone());
    path
}

/// Staged beside their destinations, recorded (new ones as not yet told to --on-change), then
/// put in place; gone ones stop being watched (kept until told, with --on-change). Nothing
/// changed: nothing is written at all.
fn save(
    plan: &Plan,
    sorted: &Sorted,
    settings: Option<&SyncSettings>,
    ctx: &Context,
) -> Result<Vec<DatacenterDownload>> {
    let writes: Vec<&Synced> = sorted.new.iter().chain(&sorted.restored).collect();
    let keep_gone = plan.on_change.is_some();
    let gone_changes = sorted.gone.iter().any(|g| !(keep_gone && g.gone_untold));
    if writes.is_empty() && !gone_changes && sorted.dropped.is_empty() && settings.is_none() {
        return Ok(Vec::new());
    }
    if !writes.is_empty() {
        std::fs::create_dir_all(&plan.out)
            .with_context(|| format!("cannot create {}", plan.out.display()))?;
    }
    for synced in &writes {
        ctx.store.refuse_as_output(&synced.path)?;
    }
    let staged = writes
        .iter()
        .map(|s| atomic::stage(&s.path, &s.verified.bytes, 0o644))
        .collect::<Result<Vec<_>>>()?;
    let records: Vec<DatacenterDownload> = writes.iter().map(|s| record(plan, s, ctx)).collect();
    ctx.store
        .update(|state| {
            for record in &records {
                state.record_download(record.clone());
            }
            for gone in &sorted.gone {
                match keep_gone {
                    true => state.mark_gone_untold(&plan.vendor, &gone.sha256),
                    false => state.drop_synced(&plan.vendor, &gone.sha256),
                }
            }
            for dropped in &sorted.dropped {
                state.drop_synced(&plan.vendor, &dropped.sha256);
            }
            if let Some(settings) = settings {
                state.datacenter_sync = Some(settings.clone());
            }
            Ok(())
        })
        .context("the sync could not be recorded; nothing was saved")?;
    for file in staged {
        file.commit()
            .context("recorded, but not saved: run the sync again")?;
    }
    Ok(records)
}

fn record(plan: &Plan, synced: &Synced, ctx: &Context) -> DatacenterDownload {
    let info = &synced.verified.info;
    DatacenterDownload {
        vendor: plan.vendor.clone(),
        id: synced.listed.common_name.clone(),
        year: chrono::Datelike::year(&info.not_after),
        name: synced.listed.common_name.clone(),
        path: synced.path.clone(),
        url: synced.listed.page_url.clone(),
        at: ctx.now,
        sha256: info.sha256.clone(),
        subject: info.subject.clone(),
        not_before: info.not_before,
        not_after: info.not_after,
        synced: true,
        unannounced: synced.untold,
        forgotten: false,
        gone_untold: false,
    }
}

/// Run --on-change once when certificates are new or written again (or still untold from a
/// failed run) or gone;
/// on success they are told. None when there was nothing to tell (or no command).
fn announce(
    plan: &Plan,
    sorted: &Sorted,
    written: &[DatacenterDownload],
    timeout: std::time::Duration,
    ctx: &Context,
) -> Option<Result<()>> {
    let command = plan.on_change.as_deref()?;
    let untold: Vec<&DatacenterDownload> = (written.iter().chain(&sorted.unchanged))
        .filter(|r| r.unannounced)
        .collect();
    if untold.is_empty() && sorted.gone.is_empty() {
        return None;
    }
    let lines = |records: &mut dyn Iterator<Item = &DatacenterDownload>| -> OsString {
        let paths: Vec<String> = records.map(|r| r.path.display().to_string()).collect();
        OsString::from(paths.join("\n"))
    };
    let env = [
        ("MTLSCTL_NEW_FILES", lines(&mut untold.iter().copied())),
        ("MTLSCTL_GONE_FILES", lines(&mut sorted.gone.iter())),
        ("MTLSCTL_SYNC_DIR", OsString::from(absolute(&plan.out))),
    ];
    output::verbose(ctx, &format!("running the --on-change command '{command}'"));
    let told: Vec<String> = untold.iter().map(|r| r.sha256.clone()).collect();
    let outcome =
        crate::deploy::run_hook(command, "--on-change command", &env, timeout).and_then(|()| {
            ctx.store.update(|state| {
                state.mark_announced(&plan.vendor, &told, true);
                for gone in &sorted.gone {
                    state.drop_synced(&plan.vendor, &gone.sha256);
                }
                Ok(())
            })
        });
    Some(outcome)
}

/// One certificate as the sync's JSON shows it.
#[derive(Serialize)]
struct SyncedJson<'a> {
    common_name: &'a str,
    path: &'a Path,
    sha256: &'a str,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    days_left: i64,
}

impl<'a> SyncedJson<'a> {
    fn of(record: &'a DatacenterDownload, ctx: &Context) -> Self {
        SyncedJson {
            common_name: &record.id,
            path: &record.path,
            sha256: &record.sha256,
            not_before: record.not_before,
            not_after: record.not_after,
            days_left: days_left(record.not_after, ctx.now),
        }
    }
}

#[derive(Serialize)]
struct FailedJson<'a> {
    item: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct OnChangeJson {
    ok: bool,
    error: Option<String>,
}

/// `datacenter sync --json`.
#[derive(Serialize)]
struct SyncJson<'a> {
    vendor: &'a str,
    new: Vec<SyncedJson<'a>>,
    restored: Vec<SyncedJson<'a>>,
    unchanged: Vec<SyncedJson<'a>>,
    gone: Vec<SyncedJson<'a>>,
    failed: Vec<FailedJson<'a>>,
    on_change: Option<OnChangeJson>,
}

fn report(
    plan: &Plan,
    sorted: &Sorted,
    written: &[DatacenterDownload],
    on_change: Option<&Result<()>>,
    ctx: &Context,
) -> Result<Report> {
    let (new, restored) = written.split_at(sorted.new.len());
    fn views<'a>(records: &'a [DatacenterDownload], ctx: &Context) -> Vec<SyncedJson<'a>> {
        records.iter().map(|r| SyncedJson::of(r, ctx)).collect()
    }
    let json = SyncJson {
        vendor: &plan.vendor,
        new: views(new, ctx),
        restored: views(restored, ctx),
        unchanged: views(&sorted.unchanged, ctx),
        gone: views(&sorted.gone, ctx),
        failed: (sorted.failed.iter())
            .map(|(item, error)| FailedJson { item, error })
            .collect(),
        on_change: on_change.map(|outcome| OnChangeJson {
            ok: outcome.is_ok(),
            error: outcome.as_ref().err().map(|e| format!("{e:#}")),
        }),
    };
    Ok(Report::Done {
        message: message(new, restored, sorted, on_change),
        json: json_of(&json)?,
    })
}

/// What changed, a line a certificate, and a summary.
fn message(
    new: &[DatacenterDownload],
    restored: &[DatacenterDownload],
    sorted: &Sorted,
    on_change: Option<&Result<()>>,
) -> String {
    let line = |word: &str, r: &DatacenterDownload, tail: &str| {
        let name = escape_untrusted(&r.id);
        let until = short_time(r.not_after);
        format!(
            "{word:<9} {name} (until {until}) {}{tail}",
            r.path.display()
        )
    };
    let mut lines: Vec<String> = Vec::new();
    lines.extend(new.iter().map(|r| line("new", r, "")));
    lines.extend(
        restored
            .iter()
            .map(|r| line("restored", r, " (written again)")),
    );
    lines.extend(sorted.unchanged.iter().map(|r| line("unchanged", r, "")));
    let gone_tail = " (no longer listed: expiry stops watching it; the file stays)";
    lines.extend(sorted.gone.iter().map(|r| line("gone", r, gone_tail)));
    lines.push(format!(
        "{} new, {} restored, {} unchanged, {} gone, {} failed",
        new.len(),
        restored.len(),
        sorted.unchanged.len(),
        sorted.gone.len(),
        sorted.failed.len()
    ));
    match on_change {
        Some(Ok(())) => lines.push("ran the --on-change command".into()),
        Some(Err(_)) => lines.push("the --on-change command failed (see above)".into()),
        None => {}
    }
    lines.join("\n")
}

/// Saved certificates that are expired or expire soon are said at once (the vendor lists them;
/// `expiry` will report them).
fn warn_about(written: &[DatacenterDownload], ctx: &Context) {
    for record in written {
        let days = days_left(record.not_after, ctx.now);
        let name = escape_untrusted(&record.id);
        let when = short_time(record.not_after);
        match days {
            ..0 => output::warn(
                ctx,
                &format!("the API lists '{name}', which expired on {when}"),
            ),
            0..30 => output::warn(ctx, &format!("'{name}' expires in {days} days ({when})")),
            _ => {}
        }
    }
}
