use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use super::{Outcome, short_time};
use crate::atomic;
use crate::cli::{ExpiryArgs, ExpiryFormat};
use crate::context::Context;
use crate::error::usage;
use crate::expiry::{self, Item, Level, Thresholds, Watched};
use crate::output::{self, Column, Report, Styled, Tone, json_of};
use crate::pki::cert::{CertInfo, certs_in_file};

pub fn run(args: &ExpiryArgs, ctx: &Context) -> Result<Outcome> {
    // `--output -` is stdout, as `-` is everywhere else.
    let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") else {
        return verdict(args, ctx).or_else(|error| unknown_on_stdout(error, args, ctx));
    };
    ctx.store.refuse_as_output(path)?;
    match verdict(args, ctx) {
        Ok(outcome) => {
            let bytes = output::render_plain(&outcome.report, ctx)?;
            atomic::write_file(path, &bytes, atomic::output_mode(path))?;
            Ok(Outcome {
                report: Report::Done {
                    message: format!("wrote {}", path.display()),
                    json: json_of(&WroteJson {
                        path,
                        exit_code: outcome.exit_code,
                    })?,
                },
                exit_code: outcome.exit_code,
            })
        }
        Err(error) => {
            // A textfile collector would go on serving the last good file: replace it with
            // one that says the check failed.
            answer_unknown(format(args, ctx), Some(path), &format!("{error:#}"));
            Err(error)
        }
    }
}

/// A failed check still gives nagios and Prometheus readers an answer on stdout (they read
/// nothing else; an empty metrics file would drop every series): UNKNOWN, status 3. The error
/// itself goes to stderr as usual.
fn unknown_on_stdout(error: anyhow::Error, args: &ExpiryArgs, ctx: &Context) -> Result<Outcome> {
    let text = match format(args, ctx) {
        ExpiryFormat::Nagios => expiry::nagios_unknown(&format!("{error:#}")),
        ExpiryFormat::Prometheus => expiry::prometheus_unknown(),
        _ => return Err(error),
    };
    eprint!("{}", crate::error::report(&error));
    Ok(Outcome {
        report: Report::Text {
            text,
            json: json_of(&FailedJson {
                status: Level::Unknown,
                error: format!("{error:#}"),
            })?,
        },
        exit_code: 3,
    })
}

fn format(args: &ExpiryArgs, ctx: &Context) -> ExpiryFormat {
    format_of(args, ctx.json)
}

fn format_of(args: &ExpiryArgs, json: bool) -> ExpiryFormat {
    if json {
        ExpiryFormat::Json
    } else {
        args.format
    }
}

/// The check could not even start (a bad MTLSCTL_NOW, no HOME): a Prometheus --output file
/// and a nagios reader still learn that it failed, as they do for any later error.
pub fn could_not_start(args: &ExpiryArgs, json: bool, error: &anyhow::Error) {
    answer_unknown(
        format_of(args, json),
        args.output.as_deref(),
        &format!("{error:#}"),
    );
}

/// UNKNOWN, said where the format's reader looks: the Prometheus file (or stdout), or the
/// nagios line on stdout.
pub fn answer_unknown(format: ExpiryFormat, output: Option<&std::path::Path>, why: &str) {
    match format {
        ExpiryFormat::Prometheus => match output {
            Some(path) if path.as_os_str() != "-" => {
                let _ = atomic::write_file(
                    path,
                    expiry::prometheus_unknown().as_bytes(),
                    atomic::output_mode(path),
                );
            }
            _ => print!("{}", expiry::prometheus_unknown()),
        },
        ExpiryFormat::Nagios if output.is_none_or(|p| p.as_os_str() == "-") => {
            print!("{}", expiry::nagios_unknown(why));
        }
        _ => {}
    }
}

fn verdict(args: &ExpiryArgs, ctx: &Context) -> Result<Outcome> {
    let thresholds = Thresholds {
        warning: args.warning,
        critical: args.critical,
    };
    if !thresholds.in_order() {
        return Err(usage(format!(
            "--critical {} would fall before --warning {}: a certificate must reach warning first (e.g. -w 30d -c 7d, or -w 66% -c 90%)",
            args.critical, args.warning
        ))
        .into());
    }
    // Monitoring never says OK when it could not look: no state where it was told to look is
    // UNKNOWN (a wrong path in a crontab would otherwise stay green forever).
    if !args.allow_empty && !ctx.store.exists()? {
        return Err(crate::error::state(format!(
            "{} does not exist",
            ctx.store.describe()
        ))
        .hint("check --state / MTLSCTL_STATE; on a first run with nothing in use yet, pass --allow-empty")
        .into());
    }
    let state = ctx.store.read()?;
    let mut outside = Outside::default();
    watch_files(&args.files, &mut outside);
    watch_written_crl(&state, &mut outside);
    // Monitoring never says OK about what it could not look at: every entry of a secret store
    // the token may not read (or list) is UNKNOWN.
    for entry in &state.unreadable {
        outside.unknown.push(Item::unknown(
            "entry",
            entry.clone(),
            "permission denied by the secret store: it could not be checked".into(),
        ));
    }
    watch_hosts(&args.hosts, ctx, &mut outside)?;
    let items = expiry::check(
        &state,
        outside.watched,
        outside.unknown,
        ctx.now,
        &thresholds,
    );
    let overall = items.iter().map(|i| i.state).max().unwrap_or(Level::Ok);
    let json = json_of(&summarize(&items, overall, ctx))?;
    Ok(Outcome {
        report: render(args, &items, overall, &thresholds, json, ctx)?,
        exit_code: overall.exit_code(),
    })
}

/// The counts by verdict: the one-line summary on stderr (for cron mail), and the JSON.
fn summarize<'a>(items: &'a [Item], overall: Level, ctx: &Context) -> ExpiryJson<'a> {
    let count = |level| items.iter().filter(|i| i.state == level).count();
    let counts = [
        (Level::Critical, count(Level::Critical)),
        (Level::Unknown, count(Level::Unknown)),
        (Level::Warning, count(Level::Warning)),
        (Level::Ok, count(Level::Ok)),
    ];
    if !ctx.quiet {
        let summary: Vec<String> = counts
            .iter()
            .filter(|(level, n)| *level != Level::Unknown || *n > 0)
            .map(|(level, n)| format!("{n} {}", level.as_str()))
            .collect();
        eprintln!(
            "mtlsctl expiry: {}: {}",
            overall.as_str().to_uppercase(),
            summary.join(", ")
        );
    }
    ExpiryJson {
        status: overall,
        counts: CountsJson {
            critical: counts[0].1,
            unknown: counts[1].1,
            warning: counts[2].1,
            ok: counts[3].1,
        },
        items,
    }
}

/// `expiry --json` (and `--format json`): the verdict, the counts, and every item, most urgent
/// first; an item's keys are `expiry::Item`'s.
#[derive(Serialize)]
struct ExpiryJson<'a> {
    status: Level,
    counts: CountsJson,
    items: &'a [Item],
}

/// How many items have each verdict.
#[derive(Serialize)]
struct CountsJson {
    critical: usize,
    unknown: usize,
    warning: usize,
    ok: usize,
}

/// `expiry --output FILE --json`: where the report went, and the verdict's exit code.
#[derive(Serialize)]
struct WroteJson<'a> {
    path: &'a Path,
    exit_code: u8,
}

/// A check that failed before it had a verdict: UNKNOWN, and why.
#[derive(Serialize)]
struct FailedJson {
    status: Level,
    error: String,
}

/// The report in the format asked for.
fn render(
    args: &ExpiryArgs,
    items: &[Item],
    overall: Level,
    thresholds: &Thresholds,
    json: Value,
    ctx: &Context,
) -> Result<Report> {
    Ok(match format(args, ctx) {
        ExpiryFormat::Nagios => Report::Text {
            text: expiry::nagios(items, overall, thresholds, ctx.now),
            json,
        },
        ExpiryFormat::Prometheus => Report::Text {
            text: expiry::prometheus(items, overall),
            json,
        },
        ExpiryFormat::Json => Report::Text {
            text: format!("{}\n", serde_json::to_string_pretty(&json)?),
            json,
        },
        ExpiryFormat::Table => Report::Table {
            columns: vec![
                Column::optional(3, "KIND"),
                Column::wrap("NAME"),
                Column::optional(2, "ENVIRONMENT"),
                Column::optional(1, "EXPIRES"),
                Column::keep("DAYS LEFT"),
                Column::keep("STATE"),
                Column::wrap("REASON"),
            ],
            rows: items.iter().map(row).collect(),
            empty: "nothing in use yet".into(),
            json,
        },
    })
}

/// What --file and --host point at: the certificates found, and what could not be looked at
/// (UNKNOWN items, so that one unreachable server never hides an expired certificate).
#[derive(Default)]
struct Outside {
    watched: Vec<Watched>,
    unknown: Vec<Item>,
}

impl Outside {
    /// Each certificate of a chain, named by its source (and #N when there are several).
    fn add_chain(&mut self, kind: &'static str, source: &str, ders: &[Vec<u8>]) -> Result<()> {
        for (i, der) in ders.iter().enumerate() {
            let info = CertInfo::from_der(der)?;
            self.watched.push(Watched {
                kind,
                name: if ders.len() > 1 {
                    format!("{source}#{}", i + 1)
                } else {
                    source.to_string()
                },
                environment: None,
                not_after: info.not_after,
                not_before: Some(info.not_before),
                pending: None,
                schedule: None,
            });
        }
        Ok(())
    }
}

/// Every certificate in the files given with --file (PEM, or one DER certificate), once each.
fn watch_files(files: &[std::path::PathBuf], outside: &mut Outside) {
    let mut seen = std::collections::HashSet::new();
    for path in files.iter().filter(|p| seen.insert(p.as_path())) {
        let name = path.display().to_string();
        if let Err(error) =
            certificates_of_file(path).and_then(|ders| outside.add_chain("file", &name, &ders))
        {
            outside
                .unknown
                .push(Item::unknown("file", name, format!("{error:#}")));
        }
    }
}

/// The CRL last written with `issuer crl --out`, as the file now says (a file that is gone or
/// damaged is UNKNOWN: nginx would refuse every client); one without a CRL of the current
/// issuer is a warning: nginx refuses the certificates that issuer signs.
fn watch_written_crl(state: &crate::state::State, outside: &mut Outside) {
    let Some(written) = state.crl.as_ref().and_then(|c| c.written.as_ref()) else {
        return;
    };
    let name = written.path.display().to_string();
    let what = format!("the CRL file {name}");
    let read = std::fs::read(&written.path)
        .map_err(|e| anyhow::anyhow!("cannot read {what}: {e}"))
        .and_then(|bytes| crate::pki::crl::read_crls(&bytes, &what));
    let crls = match read {
        Ok(crls) => crls,
        Err(error) => {
            outside
                .unknown
                .push(Item::unknown("crl", name, format!("{error:#}")));
            return;
        }
    };
    let soonest = crls.iter().min_by_key(|c| c.next_update);
    let Some(crl) = soonest else { return };
    let pending = state
        .issuer
        .as_ref()
        .filter(|issuer| !crls.iter().any(|c| c.issuer == issuer.subject))
        .map(|issuer| {
            format!(
                "no CRL of the current issuer {} in it: write it again with 'mtlsctl issuer crl --out {name}'",
                issuer.subject
            )
        });
    outside.watched.push(Watched {
        kind: "crl",
        name,
        environment: None,
        // A CRL without a next update never goes stale.
        not_after: crl
            .next_update
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC),
        not_before: Some(crl.this_update),
        pending,
        schedule: Some(expiry::CRL_SCHEDULE),
    });
}

fn certificates_of_file(path: &std::path::Path) -> Result<Vec<Vec<u8>>> {
    let what = format!("the certificate file {}", path.display());
    certs_in_file(&super::read_input(path)?, &what)
}

/// The chain each server given with --host presents: its certificate and the intermediates it
/// sends (a self-signed root it sends along is not used by clients, and not watched). A server
/// that cannot be reached is UNKNOWN: monitoring never says OK about what it could not see.
fn watch_hosts(hosts: &[String], ctx: &Context, outside: &mut Outside) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for host in hosts.iter().filter(|h| seen.insert(h.as_str())) {
        let probed = match super::client::probe_server(host, None, None, ctx) {
            Ok((_, seen)) => seen,
            // A flag that is not HOST:PORT is the user's to fix, not the server's.
            Err(error) if crate::error::classify(&error).0 == crate::error::ErrorKind::Usage => {
                return Err(error);
            }
            Err(error) => {
                outside
                    .unknown
                    .push(Item::unknown("host", host.clone(), format!("{error:#}")));
                continue;
            }
        };
        let chain: Vec<Vec<u8>> = probed
            .server_chain
            .iter()
            .enumerate()
            .filter(|(i, der)| {
                *i == 0 || !CertInfo::from_der(der).is_ok_and(|c| c.subject == c.issuer)
            })
            .map(|(_, der)| der.clone())
            .collect();
        if chain.is_empty() {
            outside.unknown.push(Item::unknown(
                "host",
                host.clone(),
                "the server sent no certificate".into(),
            ));
            continue;
        }
        outside.add_chain("host", host, &chain)?;
    }
    Ok(())
}

fn row(item: &Item) -> Vec<Styled> {
    let tone = match item.state {
        Level::Ok => Tone::Good,
        Level::Warning => Tone::Warn,
        Level::Critical | Level::Unknown => Tone::Bad,
    };
    vec![
        Styled::plain(item.kind),
        Styled::plain(item.name.clone()),
        Styled::plain(item.environment.clone().unwrap_or_else(|| "-".into())),
        Styled::plain(item.not_after.map(short_time).unwrap_or_else(|| "-".into())),
        Styled::plain(
            item.days_left
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
        ),
        Styled(item.state.as_str().to_string(), tone),
        Styled::plain(item.reason.clone()),
    ]
}
