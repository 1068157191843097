use anyhow::{Context as _, Result, anyhow};
use serde_json::json;

use super::{Outcome, short_time};
use crate::atomic;
use crate::cli::{ExpiryArgs, ExpiryFormat};
use crate::context::Context;
use crate::error::usage;
use crate::expiry::{self, Item, Level, Thresholds, Watched};
use crate::output::{self, Column, Report, Styled, Tone};
use crate::pki::cert::{CertInfo, certs_from_pem, parse_der};

pub fn run(args: &ExpiryArgs, ctx: &Context) -> Result<Outcome> {
    let Some(path) = &args.output else {
        return verdict(args, ctx).or_else(|error| unknown_on_stdout(error, args, ctx));
    };
    ctx.store.refuse_as_output(path)?;
    match verdict(args, ctx) {
        Ok(outcome) => {
            let bytes = output::render_plain(&outcome.report, ctx)?;
            atomic::write_file(path, &bytes, 0o644)?;
            Ok(Outcome {
                report: Report::Done {
                    message: format!("wrote {}", path.display()),
                    json: json!({"path": path, "exit_code": outcome.exit_code}),
                },
                exit_code: outcome.exit_code,
            })
        }
        Err(error) => {
            // A textfile collector would go on serving the last good file: replace it with
            // one that says the check failed.
            if format(args, ctx) == ExpiryFormat::Prometheus {
                let _ = atomic::write_file(path, expiry::prometheus_unknown().as_bytes(), 0o644);
            }
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
            json: json!({"status": "unknown", "error": format!("{error:#}")}),
        },
        exit_code: 3,
    })
}

fn format(args: &ExpiryArgs, ctx: &Context) -> ExpiryFormat {
    if ctx.json {
        ExpiryFormat::Json
    } else {
        args.format
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
    if !args.allow_empty && !ctx.store.path().exists() {
        return Err(crate::error::state(format!(
            "there is no state file at {}",
            ctx.store.path().display()
        ))
        .hint("check --state / MTLSCTL_STATE; on a first run with nothing in use yet, pass --allow-empty")
        .into());
    }
    let state = ctx.store.read()?;
    let mut outside = watched_files(&args.files)?;
    outside.extend(watched_hosts(&args.hosts, ctx)?);
    let items = expiry::check(&state, outside, ctx.now, &thresholds);
    let overall = items.iter().map(|i| i.state).max().unwrap_or(Level::Ok);
    let count = |level| items.iter().filter(|i| i.state == level).count();
    let counts = [
        (Level::Critical, count(Level::Critical)),
        (Level::Warning, count(Level::Warning)),
        (Level::Ok, count(Level::Ok)),
    ];
    if !ctx.quiet {
        let summary: Vec<String> = counts
            .iter()
            .map(|(level, n)| format!("{n} {}", level.as_str()))
            .collect();
        eprintln!(
            "mtlsctl expiry: {}: {}",
            overall.as_str().to_uppercase(),
            summary.join(", ")
        );
    }
    let json = json!({
        "status": overall,
        "counts": {"critical": counts[0].1, "warning": counts[1].1, "ok": counts[2].1},
        "items": items,
    });
    let report = match format(args, ctx) {
        ExpiryFormat::Nagios => Report::Text {
            text: expiry::nagios(&items, overall, &thresholds),
            json,
        },
        ExpiryFormat::Prometheus => Report::Text {
            text: expiry::prometheus(&items, overall),
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
    };
    Ok(Outcome {
        report,
        exit_code: overall.exit_code(),
    })
}

/// Every certificate in the files given with --file (PEM, or one DER certificate).
fn watched_files(files: &[std::path::PathBuf]) -> Result<Vec<Watched>> {
    let mut watched = Vec::new();
    for path in files {
        let what = format!("the certificate file {}", path.display());
        let bytes = super::read_input(path)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(usage(format!("{what} is empty"))
                .hint("give a PEM or DER certificate file to --file")
                .into());
        }
        let ders = if bytes.starts_with(b"-----") || bytes.windows(11).any(|w| w == b"-----BEGIN ")
        {
            certs_from_pem(&bytes, &what)?
        } else {
            parse_der(&bytes).map_err(|e| {
                usage(format!(
                    "{what} is neither PEM nor a DER certificate: {e:#}"
                ))
            })?;
            vec![bytes]
        };
        if ders.is_empty() {
            return Err(usage(format!("{what} holds no certificate")).into());
        }
        let several = ders.len() > 1;
        for (i, der) in ders.iter().enumerate() {
            let info = CertInfo::from_der(der)?;
            watched.push(Watched {
                kind: "file",
                name: if several {
                    format!("{}#{}", path.display(), i + 1)
                } else {
                    path.display().to_string()
                },
                environment: None,
                not_after: info.not_after,
                not_before: Some(info.not_before),
                pending: None,
            });
        }
    }
    Ok(watched)
}

/// The certificate each server given with --host presents (its leaf: the one it is named by).
/// A server that cannot be reached is an error, so the whole check is UNKNOWN: monitoring never
/// says OK about what it could not look at.
fn watched_hosts(hosts: &[String], ctx: &Context) -> Result<Vec<Watched>> {
    hosts
        .iter()
        .map(|host| {
            let (_, seen) = super::request::probe_server(host, None, None, ctx)
                .with_context(|| format!("cannot check the certificate of {host}"))?;
            let leaf = seen.server_chain.first().ok_or_else(|| {
                anyhow!("cannot check the certificate of {host}: the server sent no certificate")
            })?;
            let info = CertInfo::from_der(leaf)?;
            Ok(Watched {
                kind: "host",
                name: host.clone(),
                environment: None,
                not_after: info.not_after,
                not_before: Some(info.not_before),
                pending: None,
            })
        })
        .collect()
}

fn row(item: &Item) -> Vec<Styled> {
    let tone = match item.state {
        Level::Ok => Tone::Good,
        Level::Warning => Tone::Warn,
        Level::Critical => Tone::Bad,
    };
    vec![
        Styled::plain(item.kind),
        Styled::plain(item.name.clone()),
        Styled::plain(item.environment.clone().unwrap_or_else(|| "-".into())),
        Styled::plain(short_time(item.not_after)),
        Styled::plain(item.days_left.to_string()),
        Styled(item.state.as_str().to_string(), tone),
        Styled::plain(item.reason.clone()),
    ]
}
