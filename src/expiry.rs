//! What is in use and when it expires, judged by the monitoring-plugin convention.
//!
//! Each kind of certificate the store keeps is one `Source`: a function from the state to the
//! things it watches. A new kind plugs in by adding its function to `SOURCES`.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::duration::Threshold;
use crate::state::{State, days_left};

/// One certificate in use, as a source reports it.
pub struct Watched {
    pub kind: &'static str,
    pub name: String,
    pub environment: Option<String>,
    pub not_after: DateTime<Utc>,
    /// When known: a certificate whose validity has not begun cannot be used yet.
    pub not_before: Option<DateTime<Utc>>,
    /// Set when the thing is in use but not where it should be (a current certificate that
    /// was never deployed): a warning of its own kind.
    pub pending: Option<String>,
    /// Its own thresholds, when the command's do not fit it (a CRL lives days, not months).
    pub schedule: Option<Thresholds>,
}

type Source = fn(&State) -> Vec<Watched>;

/// Everything `expiry` covers. Obsolete certificates are not in use and not watched.
const SOURCES: &[Source] = &[
    environment_certificates,
    issuer,
    trusted_cas,
    datacenter_certificates,
];

/// A CRL must be replaced before its next update: past it, nginx refuses every client. It is
/// judged by its own window: a warning once two thirds of it have passed, critical at 90%.
pub const CRL_SCHEDULE: Thresholds = Thresholds {
    warning: Threshold::Spent(66),
    critical: Threshold::Spent(90),
};

/// A verdict, least urgent first: what could not be looked at (unknown) outranks a warning,
/// and a critical certificate is never hidden behind another that could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ok,
    Warning,
    Unknown,
    Critical,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Warning => "warning",
            Level::Unknown => "unknown",
            Level::Critical => "critical",
        }
    }

    /// The monitoring-plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    pub fn exit_code(self) -> u8 {
        match self {
            Level::Ok => 0,
            Level::Warning => 1,
            Level::Critical => 2,
            Level::Unknown => 3,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub kind: &'static str,
    pub name: String,
    pub environment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_before: Option<DateTime<Utc>>,
    /// None for what could not be looked at (a server that did not answer, an unreadable file).
    pub not_after: Option<DateTime<Utc>>,
    pub days_left: Option<i64>,
    pub state: Level,
    pub reason: String,
}

impl Item {
    /// Something that was to be watched but could not be looked at: UNKNOWN, and why.
    pub fn unknown(kind: &'static str, name: String, why: String) -> Item {
        Item {
            kind,
            name,
            environment: None,
            not_before: None,
            not_after: None,
            days_left: None,
            state: Level::Unknown,
            reason: why,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    pub warning: Threshold,
    pub critical: Threshold,
}

impl Thresholds {
    /// Critical must fall no earlier than warning where the two can be compared (both
    /// durations, or both shares of the lifetime).
    pub fn in_order(&self) -> bool {
        match (self.warning, self.critical) {
            (Threshold::Before(w), Threshold::Before(c)) => c.duration() <= w.duration(),
            (Threshold::Spent(w), Threshold::Spent(c)) => c >= w,
            _ => true,
        }
    }
}

/// Every watched item with its verdict, most urgent first.
pub fn check(
    state: &State,
    extra: Vec<Watched>,
    unknown: Vec<Item>,
    now: DateTime<Utc>,
    thresholds: &Thresholds,
) -> Vec<Item> {
    let mut items: Vec<Item> = SOURCES
        .iter()
        .flat_map(|source| source(state))
        .chain(extra)
        .map(|watched| judge(watched, now, thresholds))
        .chain(unknown)
        .collect();
    items.sort_by(|a, b| (b.state, a.not_after, &a.name).cmp(&(a.state, b.not_after, &b.name)));
    items
}

fn judge(watched: Watched, now: DateTime<Utc>, thresholds: &Thresholds) -> Item {
    let thresholds = watched.schedule.as_ref().unwrap_or(thresholds);
    let remaining = watched.not_after - now;
    let days = days_left(watched.not_after, now);
    let left = crate::text::span(remaining);
    let not_yet = watched.not_before.filter(|start| *start > now);
    let (mut state, mut reason) = if let Some(start) = not_yet {
        (
            Level::Critical,
            format!("not valid until {}", start.format("%Y-%m-%d %H:%M UTC")),
        )
    } else if remaining <= Duration::zero() {
        (
            Level::Critical,
            format!("expired {} ago", crate::text::span(-remaining)),
        )
    } else if thresholds
        .critical
        .reached(watched.not_before, watched.not_after, now)
    {
        (Level::Critical, format!("expires in {left}"))
    } else if thresholds
        .warning
        .reached(watched.not_before, watched.not_after, now)
    {
        (Level::Warning, format!("expires in {left}"))
    } else {
        (Level::Ok, format!("expires in {left}"))
    };
    if let Some(pending) = watched.pending {
        state = state.max(Level::Warning);
        reason = format!("{pending}; {reason}");
    }
    Item {
        kind: watched.kind,
        name: watched.name,
        environment: watched.environment,
        not_before: watched.not_before,
        not_after: Some(watched.not_after),
        days_left: Some(days),
        state,
        reason,
    }
}

/// Each environment's current certificate, and its deployed one when that differs.
fn environment_certificates(state: &State) -> Vec<Watched> {
    let index = state.index();
    let mut watched = Vec::new();
    for environment in &state.environments {
        let env = environment.env_ref().to_string();
        let current = environment.current_cert.as_deref();
        if let Some(cert) = current.and_then(|id| index.cert(id)) {
            // Nowhere to deploy to and never deployed (not even by hand): nobody could act on a
            // "not deployed" warning, so it is not given. Recording one manual deploy turns it on.
            let untracked = environment.deploy.dir.is_none()
                && environment.deploy.hook.is_none()
                && environment.last_deploy.is_none();
            let deployed = untracked || environment.deployed_cert.as_deref() == current;
            watched.push(Watched {
                kind: "certificate",
                name: cert.variable.clone(),
                environment: Some(env.clone()),
                not_after: cert.not_after,
                not_before: Some(cert.not_before),
                pending: (!deployed).then(|| {
                    format!(
                        "current certificate not deployed ({})",
                        environment.deployment_status().as_str()
                    )
                }),
                schedule: None,
            });
        }
        let deployed = environment.deployed_cert.as_deref();
        if deployed != current
            && let Some(cert) = deployed.and_then(|id| index.cert(id))
        {
            watched.push(Watched {
                kind: "deployed-certificate",
                name: cert.variable.clone(),
                environment: Some(env),
                not_after: cert.not_after,
                not_before: Some(cert.not_before),
                pending: None,
                schedule: None,
            });
        }
    }
    watched
}

fn issuer(state: &State) -> Vec<Watched> {
    state
        .issuer
        .iter()
        .map(|issuer| Watched {
            kind: "issuer",
            name: issuer.subject.clone(),
            environment: None,
            not_after: issuer.not_after,
            not_before: Some(issuer.not_before),
            pending: None,
            schedule: None,
        })
        .collect()
}

fn trusted_cas(state: &State) -> Vec<Watched> {
    state
        .trusted_cas
        .iter()
        .map(|ca| Watched {
            kind: "trusted-ca",
            name: ca.name.to_string(),
            environment: None,
            not_after: ca.not_after,
            not_before: bundle_not_before(&ca.pem, ca.not_after),
            pending: None,
            schedule: None,
        })
        .collect()
}

/// The not-before of the certificate in a CA bundle that expires first (the one the record's
/// not-after names), for thresholds that are a share of the lifetime.
fn bundle_not_before(pem: &str, not_after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let ders = crate::pki::cert::certs_from_pem(pem.as_bytes(), "a trusted CA").ok()?;
    ders.iter()
        .filter_map(|der| crate::pki::cert::CertInfo::from_der(der).ok())
        .find(|info| info.not_after == not_after)
        .map(|info| info.not_before)
}

fn datacenter_certificates(state: &State) -> Vec<Watched> {
    state
        .datacenter_downloads
        .iter()
        .filter(|download| download.watched())
        .map(|download| Watched {
            kind: "datacenter",
            name: format!("{} {}", download.id, download.year),
            environment: None,
            not_after: download.not_after,
            not_before: Some(download.not_before),
            pending: None,
            schedule: None,
        })
        .collect()
}

/// A gauge per item: name, help, and how to read the value off an item.
type Metric = (&'static str, &'static str, fn(&Item) -> Option<String>);

/// The nagios line when the check itself failed: UNKNOWN and why, on stdout where the
/// monitoring system reads it.
pub fn nagios_unknown(why: &str) -> String {
    let why = crate::text::escape_untrusted(why).replace('|', "/");
    format!("MTLSCTL UNKNOWN - {why}\n")
}

/// The Prometheus text when the check itself failed: the overall status 3 (UNKNOWN).
pub fn prometheus_unknown() -> String {
    "# HELP mtlsctl_expiry_status The overall verdict: 0 ok, 1 warning, 2 critical, 3 unknown (the check failed).\n\
     # TYPE mtlsctl_expiry_status gauge\n\
     mtlsctl_expiry_status 3\n"
        .to_string()
}

/// One line as monitoring plugins print it (check_ssl_cert's shape): the status word, a
/// summary, then after `|` performance data `label=value;warn;crit;min`.
pub fn nagios(
    items: &[Item],
    overall: Level,
    thresholds: &Thresholds,
    now: DateTime<Utc>,
) -> String {
    let count = |level| items.iter().filter(|i| i.state == level).count();
    let (critical, warning, unknown, ok) = (
        count(Level::Critical),
        count(Level::Warning),
        count(Level::Unknown),
        count(Level::Ok),
    );
    let urgent = items
        .first()
        .map(|item| format!("; {} {} {}", item.kind, item.name, item.reason))
        .unwrap_or_default();
    // One line whatever the names hold: controls escaped, '|' (the perfdata separator) replaced.
    let mut text = crate::text::escape_untrusted(&format!(
        "MTLSCTL {} - {critical} critical, {warning} warning, {unknown} unknown, {ok} ok{urgent}",
        overall.as_str().to_uppercase()
    ))
    .replace('|', "/");
    text.push_str(&format!(
        " | critical={critical};;;0 warning={warning};;;0 unknown={unknown};;;0 ok={ok};;;0"
    ));
    // The soonest to expire, with the thresholds as they fall for it (a share of the
    // lifetime is a different number of days for each certificate), in days to two places so
    // that a 12h threshold is not rounded away.
    // Nagios ranges: `30:` alerts below 30.
    let soonest = items
        .iter()
        .filter_map(|i| i.not_after.map(|not_after| (not_after, i)))
        .min_by_key(|(not_after, _)| *not_after);
    if let Some((not_after, soonest)) = soonest {
        let days = |millis: i64| perf_days(millis as f64 / 86_400_000.0);
        let threshold = |threshold: Threshold| {
            days(
                threshold
                    .before_expiry(soonest.not_before, not_after)
                    .num_milliseconds(),
            )
        };
        text.push_str(&format!(
            " days_left={};{}:;{}:",
            days((not_after - now).num_milliseconds()),
            threshold(thresholds.warning),
            threshold(thresholds.critical)
        ));
    }
    text.push('\n');
    text
}

/// A number of days for perfdata: whole when it is whole, else to two decimal places.
fn perf_days(days: f64) -> String {
    let text = format!("{days:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The text exposition format of Prometheus, for node_exporter's textfile collector.
pub fn prometheus(items: &[Item], overall: Level) -> String {
    let mut text = String::new();
    // A value per item, or none for what could not be looked at.
    let metrics: [Metric; 3] = [
        (
            "mtlsctl_certificate_not_after_seconds",
            "When a certificate in use expires, in seconds since the Unix epoch.",
            |item| item.not_after.map(|t| t.timestamp().to_string()),
        ),
        (
            "mtlsctl_certificate_expired",
            "1 when a certificate in use has expired, else 0.",
            |item| {
                item.days_left.map(|days| {
                    u8::from(days < 0 || item.reason.starts_with("expired")).to_string()
                })
            },
        ),
        (
            "mtlsctl_certificate_state",
            "The expiry verdict of a certificate in use: 0 ok, 1 warning, 2 critical, 3 unknown (could not be checked).",
            |item| Some(item.state.exit_code().to_string()),
        ),
    ];
    for (name, help, value) in metrics {
        text.push_str(&format!("# HELP {name} {help}\n# TYPE {name} gauge\n"));
        for item in items {
            if let Some(value) = value(item) {
                text.push_str(&format!("{name}{} {value}\n", labels(item)));
            }
        }
    }
    text.push_str(
        "# HELP mtlsctl_expiry_status The overall verdict: 0 ok, 1 warning, 2 critical, 3 unknown (the check failed).\n\
         # TYPE mtlsctl_expiry_status gauge\n",
    );
    text.push_str(&format!("mtlsctl_expiry_status {}\n", overall.exit_code()));
    text
}

fn labels(item: &Item) -> String {
    format!(
        "{{kind=\"{}\",name=\"{}\",environment=\"{}\"}}",
        escape_label(item.kind),
        escape_label(&item.name),
        escape_label(item.environment.as_deref().unwrap_or(""))
    )
}

fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched(days: i64, pending: bool, now: DateTime<Utc>) -> Watched {
        Watched {
            kind: "certificate",
            name: format!("c{days}"),
            environment: None,
            not_after: now + Duration::days(days),
            not_before: Some(now - Duration::days(1)),
            pending: pending.then(|| "not deployed".to_string()),
            schedule: None,
        }
    }

    #[test]
    fn thresholds_decide_the_level_and_pending_is_at_least_a_warning() {
        let now = Utc::now();
        let t = Thresholds {
            warning: "30d".parse().unwrap(),
            critical: "7".parse().unwrap(),
        };
        assert_eq!(
            judge(watched(-1, false, now), now, &t).state,
            Level::Critical
        );
        assert_eq!(
            judge(watched(3, false, now), now, &t).state,
            Level::Critical
        );
        assert_eq!(
            judge(watched(20, false, now), now, &t).state,
            Level::Warning
        );
        assert_eq!(judge(watched(200, false, now), now, &t).state, Level::Ok);
        assert_eq!(
            judge(watched(200, true, now), now, &t).state,
            Level::Warning
        );
        assert_eq!(judge(watched(3, true, now), now, &t).state, Level::Critical);
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
