mod sync;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::client::diagnose::explain_download;
use super::client::trust::{anonymous_tls, proxies};
use super::{Outcome, read_input, short_time};
use crate::atomic;
use crate::cli::{CatalogArgs, DatacenterCommand, DatacenterDownloadArgs};
use crate::context::Context;
use crate::datacenter::{self, Catalog, Entry, FetchError, Fetcher, Verified};
use crate::error::usage;
use crate::http::{ConnectOptions, HttpVersion, Retry};
use crate::output::{self, Column, Report, Styled, Tone, json_of};
use crate::state::{DatacenterDownload, State, days_left};
use crate::tls::{Observations, ServerTrust};

/// Warn this long before a downloaded certificate expires.
const SOON_DAYS: i64 = 30;
/// The wait before the first retry of a download (then twice as long each time).
const RETRY_DELAY: Duration = Duration::from_millis(500);
/// A certificate file is a few kilobytes: anything far larger is not one.
const MAX_CERT_FILE: u64 = 1 << 20;

pub fn run(command: DatacenterCommand, ctx: &Context) -> Result<Outcome> {
    match command {
        DatacenterCommand::List { source } => Ok(list(&source, ctx)?.into()),
        DatacenterCommand::Download(args) => download(&args, ctx),
        DatacenterCommand::Sync(args) => sync::run(&args, ctx),
        DatacenterCommand::Forget {
            id,
            year,
            catalog,
            vendor,
        } => Ok(forget(&id, year, catalog.as_deref(), vendor, ctx)?.into()),
    }
}

/// `datacenter forget`: the records go (expiry stops watching them); the files stay.
fn forget(
    id: &str,
    year: Option<i32>,
    catalog_file: Option<&Path>,
    vendor: Option<String>,
    ctx: &Context,
) -> Result<Report> {
    let vendor = match vendor {
        Some(vendor) => vendor,
        None => catalog(&CatalogArgs {
            catalog: catalog_file.map(Path::to_path_buf),
            base_url: None,
        })?
        .vendor(),
    };
    let gone = ctx.store.update(|state| {
        let gone = state.forget_downloads(&vendor, id, year);
        if gone.is_empty() {
            let which = year.map(|y| format!(" {y}")).unwrap_or_default();
            return Err(usage(format!("no download of {vendor}'s {id}{which} is recorded"))
                .hint("see what is watched with 'mtlsctl datacenter list' (--vendor NAME or --catalog FILE for another vendor)")
                .into());
        }
        Ok(gone)
    })?;
    let lines: Vec<String> = gone
        .iter()
        .map(|d| {
            format!(
                "forgot {} {} ({}): expiry no longer watches it; the file {} stays",
                d.id,
                d.year,
                d.vendor(),
                d.path.display()
            )
        })
        .collect();
    Ok(Report::Done {
        message: lines.join("\n"),
        json: json_of(&gone.iter().map(DownloadJson::of).collect::<Vec<_>>())?,
    })
}

fn catalog(source: &CatalogArgs) -> Result<Catalog> {
    match &source.catalog {
        Some(path) => Catalog::parse(
            &read_input(path)?,
            &format!("the catalog {}", path.display()),
        ),
        None => Ok(Catalog::built_in()),
    }
}

fn list(source: &CatalogArgs, ctx: &Context) -> Result<Report> {
    let catalog = catalog(source)?;
    let state = ctx.store.read()?;
    let mut entries: Vec<&Entry> = catalog.entries.iter().collect();
    entries.sort_by(|a, b| (b.year, &a.id).cmp(&(a.year, &b.id)));
    let mut rows: Vec<Vec<Styled>> = entries
        .iter()
        .map(|entry| entry_row(&catalog, &state, entry, ctx))
        .collect();
    let mut views: Vec<EntryJson> = entries
        .iter()
        .map(|e| EntryJson::of(&catalog, &state, e, ctx))
        .collect();
    // With the built-in catalog, what `datacenter sync` keeps from the vendor's API follows.
    if source.catalog.is_none() {
        let synced: Vec<&DatacenterDownload> = (state.datacenter_downloads.iter())
            .filter(|d| d.synced && d.watched())
            .collect();
        for record in &synced {
            let newest = !synced
                .iter()
                .any(|d| d.id == record.id && d.not_after > record.not_after);
            let recommended = newest && record.not_after > ctx.now;
            rows.push(synced_row(record, recommended, ctx));
            views.push(EntryJson::of_synced(record, recommended, ctx));
        }
    }
    Ok(Report::Table {
        columns: vec![
            Column::keep("ID"),
            Column::optional(2, "NAME"),
            Column::keep("YEAR"),
            Column::optional(1, "VALID FROM"),
            Column::keep("VALID TO"),
            Column::keep("DAYS LEFT"),
            Column::optional(3, "RECOMMENDED"),
            Column::wrap("DOWNLOADED"),
        ],
        rows,
        empty: "the catalog is empty".into(),
        json: json_of(&views)?,
    })
}

/// Days left, coloured as they near the end.
fn days_cell(days: i64) -> Styled {
    match days {
        ..0 => Styled("expired".into(), Tone::Bad),
        0..SOON_DAYS => Styled(days.to_string(), Tone::Warn),
        _ => Styled::plain(days.to_string()),
    }
}

/// One row of `datacenter list`.
fn entry_row(catalog: &Catalog, state: &State, entry: &Entry, ctx: &Context) -> Vec<Styled> {
    let left = days_cell(days_left(entry.not_after(), ctx.now));
    vec![
        Styled::plain(entry.id.clone()),
        Styled::plain(entry.name.clone()),
        Styled::plain(entry.year.to_string()),
        Styled::plain(entry.valid_from.to_string()),
        Styled::plain(entry.valid_to.to_string()),
        left,
        Styled::plain(if recommended(catalog, entry) {
            "yes"
        } else {
            ""
        }),
        Styled::plain(
            downloaded(state, catalog, entry)
                .map(|d| d.path.display().to_string())
                .unwrap_or_else(|| "-".into()),
        ),
    ]
}

/// A row of `datacenter list` for a certificate `datacenter sync` keeps.
fn synced_row(record: &DatacenterDownload, recommended: bool, ctx: &Context) -> Vec<Styled> {
    vec![
        Styled::plain(record.id.clone()),
        Styled::plain(format!("{} (API)", record.vendor())),
        Styled::plain(record.year.to_string()),
        Styled::plain(record.not_before.date_naive().to_string()),
        Styled::plain(record.not_after.date_naive().to_string()),
        days_cell(days_left(record.not_after, ctx.now)),
        Styled::plain(if recommended { "yes" } else { "" }),
        Styled::plain(record.path.display().to_string()),
    ]
}

fn recommended(catalog: &Catalog, entry: &Entry) -> bool {
    catalog.newest_year(&entry.id) == Some(entry.year)
}

fn downloaded<'a>(
    state: &'a State,
    catalog: &Catalog,
    entry: &Entry,
) -> Option<&'a DatacenterDownload> {
    let vendor = catalog.vendor();
    state
        .datacenter_downloads
        .iter()
        .find(|d| d.is(&vendor, &entry.id, Some(entry.year)))
}

/// One catalog entry as `datacenter list --json` prints it, with its download when there is one.
#[derive(Serialize)]
struct EntryJson<'a> {
    id: &'a str,
    name: &'a str,
    year: i32,
    valid_from: DateTime<Utc>,
    valid_to: DateTime<Utc>,
    days_left: i64,
    recommended: bool,
    downloaded: Option<DownloadedJson<'a>>,
}

impl<'a> EntryJson<'a> {
    fn of(catalog: &Catalog, state: &'a State, entry: &'a Entry, ctx: &Context) -> Self {
        EntryJson {
            id: &entry.id,
            name: &entry.name,
            year: entry.year,
            valid_from: entry
                .valid_from
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc(),
            valid_to: entry.not_after(),
            days_left: days_left(entry.not_after(), ctx.now),
            recommended: recommended(catalog, entry),
            downloaded: downloaded(state, catalog, entry).map(|d| DownloadedJson {
                path: &d.path,
                at: d.at,
                sha256: &d.sha256,
            }),
        }
    }
}

impl<'a> EntryJson<'a> {
    /// A certificate `datacenter sync` keeps (recommended: the newest of its name, unexpired).
    fn of_synced(record: &'a DatacenterDownload, recommended: bool, ctx: &Context) -> Self {
        EntryJson {
            id: &record.id,
            name: &record.name,
            year: record.year,
            valid_from: record.not_before,
            valid_to: record.not_after,
            days_left: days_left(record.not_after, ctx.now),
            recommended,
            downloaded: Some(DownloadedJson {
                path: &record.path,
                at: record.at,
                sha256: &record.sha256,
            }),
        }
    }
}

/// Where and when a catalog entry was downloaded.
#[derive(Serialize)]
struct DownloadedJson<'a> {
    path: &'a Path,
    at: DateTime<Utc>,
    sha256: &'a str,
}

/// One recorded download as `datacenter download --json` prints it, in its own words rather
/// than the state file's.
#[derive(Serialize)]
struct DownloadJson<'a> {
    id: &'a str,
    year: i32,
    name: &'a str,
    path: &'a Path,
    url: &'a str,
    at: DateTime<Utc>,
    sha256: &'a str,
    subject: &'a str,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
}

impl<'a> DownloadJson<'a> {
    fn of(record: &'a DatacenterDownload) -> Self {
        DownloadJson {
            id: &record.id,
            year: record.year,
            name: &record.name,
            path: &record.path,
            url: &record.url,
            at: record.at,
            sha256: &record.sha256,
            subject: &record.subject,
            not_before: record.not_before,
            not_after: record.not_after,
        }
    }
}

/// The base URL of the downloads: https:// (http:// only with --allow-http).
fn base_url(args: &DatacenterDownloadArgs, catalog: &Catalog) -> Result<String> {
    let base = args
        .source
        .base_url
        .clone()
        .unwrap_or_else(|| catalog.base_url.clone());
    let base = base.trim_end_matches('/').to_string();
    if base.starts_with("http://") {
        if !args.allow_http {
            return Err(usage(format!("refusing to download certificates over plain HTTP from {base}"))
                .hint("use an https:// base URL, or pass --allow-http if you verify the files another way")
                .into());
        }
    } else if !base.starts_with("https://") {
        return Err(usage(format!("'{base}' is not an https:// base URL")).into());
    }
    Ok(base)
}

/// How the downloads connect: the --cacert or system trust, no client certificate, the
/// proxies curl would use; and what the TLS layer saw, to explain a failure.
fn connect_options(
    cacert: Option<&Path>,
    timeout: Duration,
    ctx: &Context,
) -> Result<(ConnectOptions, Observations)> {
    // A CA file that cannot be read is a bad flag (2), as one that holds no certificate is.
    let trust = match cacert {
        Some(path) => {
            let bytes = read_input(path).map_err(|e| {
                usage(format!(
                    "cannot read the CA file {}: {}",
                    path.display(),
                    e.root_cause()
                ))
            })?;
            ServerTrust::from_pem(&bytes, &format!("the CA file {}", path.display()))?
        }
        None => ServerTrust::system(),
    };
    let (config, observed) = anonymous_tls(trust, false)?;
    let options = ConnectOptions {
        resolve: Vec::new(),
        proxies: proxies(None, None, ctx)?,
        connect_timeout: timeout.min(Duration::from_secs(30)),
        version: HttpVersion::Auto,
        tls: Some(config),
    };
    Ok((options, observed))
}

/// Fetch one file, with a progress bar (label, size, rate, time left) on a terminal and retries
/// said with -v; a failure in the words `request` uses.
fn fetch_file(
    fetcher: &Fetcher<'_>,
    observed: &Observations,
    label: &str,
    url: &str,
    runtime: &tokio::runtime::Runtime,
    ctx: &Context,
) -> Result<Vec<u8>> {
    let show_bar = !ctx.quiet && !ctx.json && std::io::stderr().is_terminal();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut progress = |received: u64, total: Option<u64>| {
        if !show_bar {
            return;
        }
        let bar = bar.get_or_insert_with(|| progress_bar(label, total));
        bar.set_position(received);
    };
    let mut note = |text: &str| output::warn(ctx, text);
    let fetched = runtime.block_on(fetcher.get(url, &mut progress, &mut note));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    fetched.map_err(|error| explained(error, observed, format!("downloading {url} failed")))
}

/// A failed fetch in the words `request` uses for the same failure.
fn explained(error: FetchError, observed: &Observations, doing: String) -> anyhow::Error {
    match error {
        FetchError::Transfer { error, target } => {
            let seen = observed.lock().unwrap_or_else(|e| e.into_inner()).clone();
            explain_download(error, &seen, &target).context(doing)
        }
        FetchError::Answer(error) => error,
    }
}

fn progress_bar(label: &str, total: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match total {
        Some(total) => (
            indicatif::ProgressBar::new(total),
            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta} left",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{msg} {spinner} {bytes} {bytes_per_sec}",
        ),
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar.set_message(label.to_string());
    bar
}

/// Staged beside their destinations, recorded, then put in place: a failure before the record
/// leaves nothing (staged files are removed), and a crash after it leaves a record expiry still
/// watches, never a file that nothing watches.
fn save(
    vendor: &str,
    verified: &[(&Entry, String, Verified)],
    destinations: &[std::path::PathBuf],
    ctx: &Context,
) -> Result<Vec<DatacenterDownload>> {
    let staged = verified
        .iter()
        .zip(destinations)
        .map(|((_, _, checked), path)| atomic::stage(path, &checked.bytes, 0o644))
        .collect::<Result<Vec<_>>>()?;
    let records: Vec<DatacenterDownload> = verified
        .iter()
        .zip(destinations)
        .map(|((entry, url, checked), path)| DatacenterDownload {
            vendor: vendor.to_string(),
            id: entry.id.clone(),
            year: entry.year,
            name: entry.name.clone(),
            path: std::path::absolute(path).unwrap_or_else(|_| path.clone()),
            url: url.clone(),
            at: ctx.now,
            sha256: checked.info.sha256.clone(),
            subject: checked.info.subject.clone(),
            not_before: checked.info.not_before,
            not_after: checked.info.not_after,
            synced: false,
            unannounced: false,
            forgotten: false,
            gone_untold: false,
        })
        .collect();
    ctx.store
        .update(|state| {
            for record in &records {
                state.record_download(record.clone());
            }
            Ok(())
        })
        .context("the download could not be recorded; nothing was saved")?;
    for file in staged {
        file.commit()
            .context("recorded, but not saved: run the download again")?;
    }
    Ok(records)
}

fn download(args: &DatacenterDownloadArgs, ctx: &Context) -> Result<Outcome> {
    let catalog = catalog(&args.source)?;
    let base = base_url(args, &catalog)?;
    let base = base.as_str();
    let entries = catalog.select(&args.id, args.year)?;
    let destinations = destinations(&entries, args.out.as_deref())?;
    for path in &destinations {
        ctx.store.refuse_as_output(path)?;
    }
    // A state that cannot record the download stops it before anything is fetched.
    ctx.store.check_writable()?;
    let urls = entries
        .iter()
        .map(|entry| entry.url(base))
        .collect::<Result<Vec<_>>>()?;

    let (options, observed) =
        connect_options(args.server_ca.cacert.as_deref(), args.timeout.std(), ctx)?;
    let fetcher = fetcher(args, &options);
    let runtime = crate::runtime::one_thread()?;

    // Every file is downloaded and verified before anything is written; what failed is
    // reported by name and saved nowhere, what verified is saved (one file: its error is the
    // command's).
    let mut verified: Vec<(&Entry, String, Verified)> = Vec::new();
    let mut saved_to = Vec::new();
    let mut failed = Vec::new();
    for ((entry, url), destination) in entries.iter().zip(urls).zip(&destinations) {
        output::verbose(ctx, &format!("downloading {url}"));
        let label = format!("{} {}", entry.id, entry.year);
        let checked = fetch_file(&fetcher, &observed, &label, &url, &runtime, ctx)
            .and_then(|body| datacenter::verify(&body, entry, &url, args.allow_mismatch));
        match checked {
            Ok(checked) => {
                verified.push((entry, url, checked));
                saved_to.push(destination.clone());
            }
            Err(error) if entries.len() == 1 => return Err(error),
            Err(error) => failed.push(format!("{label}: {error:#}")),
        }
    }
    let records = match verified.is_empty() {
        true => Vec::new(),
        false => save(&catalog.vendor(), &verified, &saved_to, ctx)?,
    };
    for failure in &failed {
        eprintln!("mtlsctl: error: {}", crate::text::escape_untrusted(failure));
    }

    let failures = failed.len();
    Ok(Outcome {
        report: Report::Done {
            message: saved_message(&records, failures, entries.len(), &catalog, ctx),
            json: json_of(&records.iter().map(DownloadJson::of).collect::<Vec<_>>())?,
        },
        exit_code: u8::from(failures > 0),
    })
}

/// What was saved, each with its facts (and what to know about it), and how many failed.
fn saved_message(
    records: &[DatacenterDownload],
    failures: usize,
    total: usize,
    catalog: &Catalog,
    ctx: &Context,
) -> String {
    let mut lines = Vec::new();
    for record in records {
        lines.push(format!(
            "saved {} {} to {}\n  subject: {}\n  valid:   {} to {}\n  sha256:  {}",
            record.id,
            record.year,
            record.path.display(),
            record.subject,
            short_time(record.not_before),
            short_time(record.not_after),
            record.sha256
        ));
        warn_about(record, catalog, ctx);
    }
    if failures > 0 {
        lines.push(format!(
            "{failures} of {total} failed and saved nothing (see above); what verified was saved"
        ));
    }
    lines.join("\n")
}

/// How downloads fetch: the connection, request's retry policy, a time limit per attempt.
fn fetcher<'a>(args: &DatacenterDownloadArgs, options: &'a ConnectOptions) -> Fetcher<'a> {
    Fetcher {
        options,
        retry: Retry {
            retries: args.retry,
            delay: RETRY_DELAY,
        },
        timeout: args.timeout.std(),
        allow_http: args.allow_http,
        max_body: MAX_CERT_FILE,
    }
}

/// Where each entry is saved: a file for one entry (unless the path is a directory), else
/// `<dir>/<file name of the catalog path>`.
fn destinations(entries: &[&Entry], out: Option<&Path>) -> Result<Vec<PathBuf>> {
    let as_dir =
        |dir: &Path| -> Vec<PathBuf> { entries.iter().map(|e| dir.join(e.file_name())).collect() };
    let paths = match out {
        None => as_dir(Path::new(".")),
        Some(path)
            if path.is_dir() || path.to_string_lossy().ends_with('/') || entries.len() > 1 =>
        {
            std::fs::create_dir_all(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            as_dir(path)
        }
        Some(path) => vec![path.to_path_buf()],
    };
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != paths.len() {
        return Err(usage("two certificates would be saved under the same name").into());
    }
    Ok(paths)
}

fn warn_about(record: &DatacenterDownload, catalog: &Catalog, ctx: &Context) {
    let days = days_left(record.not_after, ctx.now);
    if days < 0 {
        output::warn(
            ctx,
            &format!(
                "the {} {} certificate expired on {}",
                record.id,
                record.year,
                short_time(record.not_after)
            ),
        );
    } else if days < SOON_DAYS {
        output::warn(
            ctx,
            &format!(
                "the {} {} certificate expires in {days} days ({})",
                record.id,
                record.year,
                short_time(record.not_after)
            ),
        );
    }
    if let Some(newest) = catalog.newest_year(&record.id).filter(|y| *y > record.year) {
        output::warn(
            ctx,
            &format!(
                "a newer {} certificate exists ({newest}): 'mtlsctl datacenter download {} --year {newest}'",
                record.id, record.id
            ),
        );
    }
}
