//! Flags and environment variables resolved once, before any work: commands read this,
//! never the environment.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, Datelike, Utc};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::duration::HumanDuration;
use crate::error::usage;
use crate::state::Store;

const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Context {
    pub store: Store,
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    /// The terminal width tables must fit in; None when stdout is not a terminal or with --wide.
    pub width: Option<u16>,
    /// The clock: MTLSCTL_NOW when set, for tests and "what will expire by then?".
    pub now: DateTime<Utc>,
    /// MTLSCTL_NOW, when set: long-running commands keep using it instead of the clock.
    pub fixed_now: Option<DateTime<Utc>>,
    /// The proxy variables curl reads, as they were set (parsed by the commands that connect).
    pub proxy_env: ProxyEnv,
    /// How long a writer waits for the state file's lock (MTLSCTL_LOCK_TIMEOUT).
    pub lock_timeout: Duration,
    /// MTLSCTL_CLIENT_SECRET: the vendor API's client secret (`datacenter sync`).
    pub client_secret: Option<crate::model::Secret>,
}

/// https_proxy / HTTPS_PROXY, http_proxy (curl ignores HTTP_PROXY), all_proxy / ALL_PROXY and
/// no_proxy / NO_PROXY, lower case first as curl reads them.
#[derive(Debug, Clone, Default)]
pub struct ProxyEnv {
    pub https: Option<String>,
    pub http: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

impl ProxyEnv {
    fn read() -> ProxyEnv {
        let either =
            |lower: &str, upper: &str| non_empty_var(lower).or_else(|| non_empty_var(upper));
        ProxyEnv {
            https: either("https_proxy", "HTTPS_PROXY"),
            http: non_empty_var("http_proxy"),
            all: either("all_proxy", "ALL_PROXY"),
            no_proxy: either("no_proxy", "NO_PROXY"),
        }
    }
}

impl Context {
    /// `needs_state` is false for commands that never open the state (completions, man):
    /// they work where no state path can be found (`env -i mtlsctl completions bash`).
    pub fn resolve(global: &GlobalArgs, needs_state: bool) -> Result<Context> {
        let state_path = match (&global.state, default_state_path()) {
            (Some(path), _) => path.clone(),
            (None, Ok(path)) => path,
            (None, Err(_)) if !needs_state => PathBuf::from("/nonexistent/mtlsctl/state.json"),
            (None, Err(error)) => return Err(error),
        };
        let fixed_now = fixed_clock()?;
        let now = fixed_now.unwrap_or_else(Utc::now);
        let lock_timeout = match non_empty_var("MTLSCTL_LOCK_TIMEOUT") {
            Some(text) => text
                .parse::<HumanDuration>()
                .map_err(|e| usage(format!("MTLSCTL_LOCK_TIMEOUT: {e}")))?
                .std(),
            None => DEFAULT_LOCK_TIMEOUT,
        };
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                non_empty_var("NO_COLOR").is_none()
                    && non_empty_var("TERM").as_deref() != Some("dumb")
                    && stdout_is_terminal()
            }
        };
        Ok(Context {
            // Commands that never open the state never reach out to a secret store either.
            store: match needs_state {
                true => store_at(state_path, lock_timeout, global.quiet)?,
                false => Store::file(state_path, lock_timeout, global.quiet),
            },
            lock_timeout,
            json: global.json,
            quiet: global.quiet,
            verbose: global.verbose,
            color,
            width: (!global.wide && stdout_is_terminal())
                .then(terminal_width)
                .flatten(),
            now,
            fixed_now,
            proxy_env: ProxyEnv::read(),
            client_secret: std::env::var("MTLSCTL_CLIENT_SECRET")
                .ok()
                .map(|text| text.trim().to_string())
                .filter(|text| !text.is_empty())
                .map(crate::model::Secret::new),
        })
    }
}

/// MTLSCTL_NOW, when set: an RFC 3339 time in the years certificates can express.
fn fixed_clock() -> Result<Option<DateTime<Utc>>> {
    let Some(text) = non_empty_var("MTLSCTL_NOW") else {
        return Ok(None);
    };
    let now = DateTime::parse_from_rfc3339(&text)
        .map_err(|e| {
            usage(format!(
                "MTLSCTL_NOW='{text}' is not an RFC 3339 time ({e}); write it like 2026-01-31T12:00:00Z"
            ))
        })?
        .with_timezone(&Utc);
    if !(1970..=9000).contains(&now.year()) {
        return Err(usage(format!(
            "MTLSCTL_NOW={} is outside the years 1970 to 9000 that certificates can express",
            now.to_rfc3339()
        ))
        .into());
    }
    Ok(Some(now))
}

impl Context {
    /// Another state than the one in use (`state copy --to/--from`): a file path or a
    /// `vault+https://…` URL, read with the same settings.
    pub fn open_store(&self, location: &str) -> Result<Store> {
        store_at(PathBuf::from(location), self.lock_timeout, self.quiet)
    }
}

/// The state's store: a secret store for `vault+https://…`, else the file.
fn store_at(path: PathBuf, lock_timeout: Duration, quiet: bool) -> Result<Store> {
    match path.to_str().filter(|p| p.starts_with("vault+")) {
        Some(url) => Store::vault(vault_settings(url)?),
        None => Ok(Store::file(path, lock_timeout, quiet)),
    }
}

/// How to reach a secret store, from the variables its own CLIs read: VAULT_TOKEN (or
/// BAO_TOKEN, or the token `bao login`/`vault login` left in ~/.vault-token), VAULT_CACERT,
/// VAULT_NAMESPACE.
pub fn vault_settings(url: &str) -> Result<crate::state::VaultSettings> {
    let token = non_empty_var("VAULT_TOKEN")
        .or_else(|| non_empty_var("BAO_TOKEN"))
        .or_else(|| {
            let home = non_empty_var("HOME")?;
            let text = std::fs::read_to_string(PathBuf::from(home).join(".vault-token")).ok()?;
            Some(text.trim().to_string()).filter(|t| !t.is_empty())
        });
    let cacert = match non_empty_var("VAULT_CACERT") {
        Some(path) => Some(
            std::fs::read(&path)
                .map_err(|e| usage(format!("VAULT_CACERT={path} cannot be read: {e}")))?,
        ),
        None => None,
    };
    let https = url.trim_start_matches("vault+").starts_with("https://");
    Ok(crate::state::VaultSettings {
        url: url.to_string(),
        token,
        tls: vault_tls(cacert.as_deref(), https)?,
        namespace: non_empty_var("VAULT_NAMESPACE"),
    })
}

/// The secret store's TLS: VAULT_CACERT's CA or the system's, HTTP/1.1. A plain-http store (a
/// dev server on this machine) never sees TLS: the system's trust store is not read for it (that
/// read is most of a small command's time).
fn vault_tls(cacert: Option<&[u8]>, https: bool) -> Result<rustls::ClientConfig> {
    use crate::tls::{ClientOptions, ServerTrust};
    let trust = match (cacert, https) {
        (_, false) => ServerTrust::mozilla(),
        (Some(pem), true) => ServerTrust::from_pem(pem, "VAULT_CACERT")?,
        (None, true) => ServerTrust::system(),
    };
    let options = ClientOptions {
        trust,
        pins: Vec::new(),
        identity: None,
        alpn: vec![b"http/1.1".to_vec()],
        record_only: false,
    };
    crate::tls::client_config(options, &Default::default())
}

/// COLUMNS when set (as `ls` honours it), else the terminal's own width.
fn terminal_width() -> Option<u16> {
    non_empty_var("COLUMNS")
        .and_then(|text| text.trim().parse::<u16>().ok())
        .filter(|width| *width > 0)
        .or_else(|| terminal_size::terminal_size_of(std::io::stdout()).map(|(width, _)| width.0))
}

/// Whether stdout is a terminal (for colour, table widths, and refusing binary output there).
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

fn non_empty_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// `$XDG_DATA_HOME/mtlsctl/state.json`, else `~/.local/share/mtlsctl/state.json`.
fn default_state_path() -> Result<PathBuf> {
    let data_home = non_empty_var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| non_empty_var("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .ok_or_else(|| {
            usage("cannot find where to keep the state: neither XDG_DATA_HOME nor HOME is set")
                .hint("pass --state PATH or set MTLSCTL_STATE")
        })?;
    Ok(data_home.join("mtlsctl").join("state.json"))
}
