//! The state in OpenBao's or HashiCorp Vault's KV version 2 engine, for teams and CI runners:
//! entries laid out by `layout` (so policies can grant one environment), every write
//! check-and-set on the version that was read, a conflict re-read and the change run again,
//! and a read-only command that never writes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::layout::{self, FOLDERS, Meta};
use super::store::{Backend, Commit, Transaction};
use super::{CertRecord, State};
use crate::error::{Failure, runtime, state, usage};
use crate::model::EnvRef;

/// No entry may grow past this: OpenBao's default maximum entry size is 1 MiB, and an entry
/// refused by the store half-way through a change helps nobody.
pub const MAX_ENTRY_BYTES: usize = 512 * 1024;
/// Paths asked about in one capabilities request.
const CAPABILITY_BATCH: usize = 100;
/// Reads at once when loading the whole state.
const PARALLEL_READS: usize = 32;
const TIMEOUT: Duration = Duration::from_secs(30);

/// Where the state is and how to reach it.
pub struct VaultSettings {
    /// As given: `vault+https://host:8200/secret/mtlsctl`.
    pub url: String,
    pub token: Option<String>,
    /// How to speak TLS to it (VAULT_CACERT's CA or the system's), built above the store.
    pub tls: rustls::ClientConfig,
    pub namespace: Option<String>,
}

pub struct VaultBackend {
    shown: String,
    /// `https://host:8200/v1/`
    api: String,
    mount: String,
    prefix: String,
    token: String,
    namespace: Option<String>,
    client: reqwest::Client,
    runtime: tokio::runtime::Runtime,
    /// Set once the store answered that it has no SCAN (Vault, OpenBao before 2.2): folders
    /// are then walked with LIST alone.
    no_scan: std::sync::atomic::AtomicBool,
}

/// An entry as read: its JSON (None when absent or deleted) and its version (0 when it never
/// existed).
struct Read {
    value: Option<Value>,
    version: u64,
}

impl VaultBackend {
    pub fn new(settings: VaultSettings) -> Result<VaultBackend> {
        let (url, mount, prefix) = parse_url(&settings.url)?;
        let token = settings.token.ok_or_else(|| {
            usage(format!("no token for the secret store {}", settings.url)).hint(
                "set VAULT_TOKEN (or BAO_TOKEN), or log in ('bao login', 'vault login') so that ~/.vault-token exists",
            )
        })?;
        let runtime = crate::runtime::one_thread()?;
        Ok(VaultBackend {
            api: format!("{}/v1/", url.origin().ascii_serialization()),
            client: http_client(settings.tls)?,
            shown: settings.url,
            mount,
            prefix,
            token,
            namespace: settings.namespace,
            runtime,
            no_scan: Default::default(),
        })
    }

    /// The store's path of an entry: `secret/data/mtlsctl/environments/shop/production`.
    fn path(&self, kind: &str, entry: &str) -> String {
        format!("{}/{kind}/{}/{entry}", self.mount, self.prefix)
    }

    fn request(&self, method: Method, kind: &str, entry: &str) -> reqwest::RequestBuilder {
        let mut request = self
            .client
            .request(method, format!("{}{}", self.api, self.path(kind, entry)))
            .header("X-Vault-Token", &self.token)
            .header("X-Vault-Request", "true");
        if let Some(namespace) = &self.namespace {
            request = request.header("X-Vault-Namespace", namespace);
        }
        request
    }

    /// One entry, as the store has it now.
    async fn get(&self, entry: &str) -> Result<Read> {
        let response = self
            .request(Method::GET, "data", entry)
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let version = body
            .pointer("/data/metadata/version")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        match status {
            StatusCode::OK => {
                let value = body
                    .pointer("/data/data")
                    .map(unwrapped)
                    .filter(|v| !is_tombstone(v));
                Ok(Read { value, version })
            }
            StatusCode::NOT_FOUND if errors(&body).contains("no handler for route") => {
                Err(self.no_engine())
            }
            // Absent, or deleted (then the metadata still says which version is next).
            StatusCode::NOT_FOUND => Ok(Read {
                value: None,
                version,
            }),
            other => Err(self.refused(other, &body, "read", entry).await),
        }
    }

    fn no_engine(&self) -> anyhow::Error {
        state(format!(
            "there is no KV version 2 engine at '{}' on the secret store of {}",
            self.mount, self.shown
        ))
        .hint(format!(
            "check the mount in MTLSCTL_STATE, or enable one: 'bao secrets enable -path={} kv-v2'",
            self.mount
        ))
        .into()
    }

    /// The names in a folder (`environments/` → `shop/`), or none.
    async fn list(&self, folder: &str) -> Result<Vec<String>> {
        let list = Method::from_bytes(b"LIST").expect("LIST is a method name");
        let response = self
            .request(list, "metadata", folder)
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        match status {
            StatusCode::OK => Ok(keys_of(&body).unwrap_or_default()),
            StatusCode::NOT_FOUND if errors(&body).contains("no handler for route") => {
                Err(self.no_engine())
            }
            StatusCode::NOT_FOUND => Ok(Vec::new()),
            other => Err(self.refused(other, &body, "list", folder).await),
        }
    }

    /// Every entry name below a folder in one request (OpenBao's recursive SCAN), as paths
    /// relative to it; None when the store cannot or may not (the caller then walks it with LIST).
    async fn scan(&self, folder: &str) -> Option<Vec<String>> {
        use std::sync::atomic::Ordering;
        if self.no_scan.load(Ordering::Relaxed) {
            return None;
        }
        let scan = Method::from_bytes(b"SCAN").expect("SCAN is a method name");
        let response = self.request(scan, "metadata", folder).send().await.ok()?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        match status {
            StatusCode::OK => keys_of(&body),
            StatusCode::NOT_FOUND if !errors(&body).contains("no handler for route") => {
                Some(Vec::new())
            }
            // Not a method this store knows: never asked again.
            StatusCode::METHOD_NOT_ALLOWED
            | StatusCode::BAD_REQUEST
            | StatusCode::NOT_IMPLEMENTED
            | StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                self.no_scan.store(true, Ordering::Relaxed);
                None
            }
            // No scan capability (a policy may grant list alone), or anything else: LIST.
            _ => None,
        }
    }

    /// Write an entry if its version is still `version` (0: if it does not exist yet).
    /// Ok(false) when another writer changed it first.
    async fn put(&self, entry: &str, value: &Value, version: u64) -> Result<bool> {
        // One string per entry: the store limits how many strings a request may hold, and an
        // environment with its certificates has many.
        let body = json!({"options": {"cas": version}, "data": {ENTRY_KEY: value.to_string()}});
        let response = self
            .request(Method::POST, "data", entry)
            .json(&body)
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status.is_success() {
            return Ok(true);
        }
        if status == StatusCode::BAD_REQUEST && errors(&body).contains("check-and-set") {
            return Ok(false);
        }
        Err(self.refused(status, &body, "change", entry).await)
    }

    /// Every entry name in the store, found by listing each folder. A reader (`tolerant`)
    /// goes on past a folder the token may not list, noting it; a writer may not (it could
    /// not tell an entry it creates there from one that exists).
    async fn names(&self, tolerant: bool, unlisted: &mut Vec<String>) -> Result<Vec<String>> {
        self.names_in(&FOLDERS, tolerant, unlisted).await
    }

    /// The entry names in these folders (with meta and the issuer).
    async fn names_in(
        &self,
        top: &[&str],
        tolerant: bool,
        unlisted: &mut Vec<String>,
    ) -> Result<Vec<String>> {
        let mut names = vec!["meta".to_string(), "issuer".to_string()];
        let mut folders: Vec<String> = Vec::new();
        let scans = top
            .iter()
            .map(|folder| async move { (folder, self.scan(folder).await) });
        for (folder, scanned) in futures_util::future::join_all(scans).await {
            match scanned {
                Some(keys) => names.extend(
                    (keys.iter())
                        .filter(|key| !key.ends_with('/'))
                        .map(|key| format!("{folder}{key}")),
                ),
                None => folders.push(folder.to_string()),
            }
        }
        // One level at a time, the folders of a level listed together.
        while !folders.is_empty() {
            let level = std::mem::take(&mut folders);
            for chunk in level.chunks(PARALLEL_READS) {
                let lists = chunk
                    .iter()
                    .map(|folder| async move { (folder, self.list(folder).await) });
                for (folder, listed) in futures_util::future::join_all(lists).await {
                    let keys = match listed {
                        Ok(keys) => keys,
                        Err(error) if tolerant && is_denied(&error) => {
                            unlisted.push(folder.clone());
                            continue;
                        }
                        Err(error) => return Err(error),
                    };
                    for key in keys {
                        match key.ends_with('/') {
                            true => folders.push(format!("{folder}{key}")),
                            false => names.push(format!("{folder}{key}")),
                        }
                    }
                }
            }
        }
        Ok(names)
    }

    /// Every entry the token may read, with versions, and the names it may not.
    async fn load_all(&self, tolerant: bool) -> Result<Loaded> {
        let mut loaded = Loaded::default();
        let names = self.names(tolerant, &mut loaded.unlisted).await?;
        self.load(&names, &mut loaded).await?;
        Ok(loaded)
    }

    /// These entries, read together.
    async fn load(&self, names: &[String], loaded: &mut Loaded) -> Result<()> {
        for chunk in names.chunks(PARALLEL_READS) {
            // The reads of a chunk overlap on the connection pool.
            let reads = chunk
                .iter()
                .map(|name| async move { (name, self.get(name).await) });
            for (name, read) in futures_util::future::join_all(reads).await {
                loaded.take(name, read)?;
            }
        }
        Ok(())
    }

    fn unreachable(&self, error: reqwest::Error) -> anyhow::Error {
        let mut cause = String::new();
        let mut tls = None;
        let mut source: Option<&dyn std::error::Error> = std::error::Error::source(&error);
        while let Some(e) = source {
            cause = e.to_string();
            tls = tls.or_else(|| crate::tls_words::rustls_error_in(e));
            source = e.source();
        }
        let what = match (error.is_timeout(), tls) {
            (true, _) => "timed out".to_string(),
            // In the words `request` uses, never the TLS library's names.
            (false, Some(rustls::Error::InvalidCertificate(problem))) => format!(
                "its certificate is not trusted: {}",
                crate::tls_words::certificate_error_text(problem)
            ),
            (false, _) => cause,
        };
        runtime(format!("cannot reach the secret store of {}: {what}", self.shown))
            .hint("check MTLSCTL_STATE and that the server is up (VAULT_CACERT names its CA when it is not publicly trusted)")
            .into()
    }

    /// Why the store refused: the token itself, or the policy for this entry.
    async fn refused(
        &self,
        status: StatusCode,
        body: &Value,
        verb: &str,
        entry: &str,
    ) -> anyhow::Error {
        let path = self.path(if verb == "list" { "metadata" } else { "data" }, entry);
        if status == StatusCode::FORBIDDEN {
            if !self.token_valid().await {
                return runtime(format!(
                    "the secret store of {} refused the token: it is expired, revoked or not a token of this store",
                    self.shown
                ))
                .hint("log in again ('bao login' or 'vault login') or set VAULT_TOKEN to a valid token")
                .into();
            }
            return Failure {
                kind: crate::error::ErrorKind::Runtime,
                message: format!(
                    "cannot {verb} {entry}: permission denied by the secret store ({path})"
                ),
                hint: Some(format!(
                    "the token's policy does not allow it; ask for one that grants {} on {path}",
                    if verb == "change" {
                        "create and update"
                    } else {
                        verb
                    }
                )),
            }
            .into();
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            return runtime(format!(
                "the secret store of {} is sealed or unavailable",
                self.shown
            ))
            .hint("unseal it, or wait for it to come up")
            .into();
        }
        runtime(format!(
            "the secret store answered {status} to {verb} {entry} ({path}): {}",
            errors(body)
        ))
        .into()
    }

    async fn token_valid(&self) -> bool {
        let mut request = self
            .client
            .get(format!("{}auth/token/lookup-self", self.api))
            .header("X-Vault-Token", &self.token);
        if let Some(namespace) = &self.namespace {
            request = request.header("X-Vault-Namespace", namespace);
        }
        request.send().await.is_ok_and(|r| r.status().is_success())
    }

    /// The entries the token may not create or update, asked before a change writes anything
    /// (in batches: the store refuses a request with too many strings). When the store cannot
    /// say, none are named here and a refused write still says which entry it was.
    async fn not_writable(&self, entries: &[&String]) -> Result<Vec<String>> {
        let mut refused = Vec::new();
        for batch in entries.chunks(CAPABILITY_BATCH) {
            let paths: Vec<String> = batch.iter().map(|e| self.path("data", e)).collect();
            let mut request = self
                .client
                .post(format!("{}sys/capabilities-self", self.api))
                .header("X-Vault-Token", &self.token)
                .json(&json!({"paths": paths}));
            if let Some(namespace) = &self.namespace {
                request = request.header("X-Vault-Namespace", namespace);
            }
            let response = request.send().await.map_err(|e| self.unreachable(e))?;
            if !response.status().is_success() {
                continue;
            }
            let body: Value = response.json().await.unwrap_or(Value::Null);
            for (entry, path) in batch.iter().zip(&paths) {
                let Some(caps) = body.get(path.as_str()).and_then(Value::as_array) else {
                    continue;
                };
                let writable = caps
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|c| matches!(c, "root" | "update" | "create"));
                if !writable {
                    refused.push(entry.to_string());
                }
            }
        }
        Ok(refused)
    }

    /// Mark the state as complete or not (`state copy` writes the entries in between).
    fn set_complete(&self, complete: bool) -> Result<()> {
        self.runtime.block_on(async {
            let read = self.get("meta").await?;
            let meta = serde_json::to_value(Meta {
                schema_version: super::SCHEMA_VERSION,
                complete,
            })?;
            if !self.put("meta", &meta, read.version).await? {
                return Err(runtime("another writer changed the state during the copy").into());
            }
            Ok(())
        })
    }
}

/// `vault+https://host:8200/secret/mtlsctl` → the server's URL, the mount and the prefix;
/// `vault+http://` only for a server on this machine.
fn parse_url(given: &str) -> Result<(url::Url, String, String)> {
    let url = url::Url::parse(given.trim_start_matches("vault+"))
        .map_err(|e| usage(format!("'{given}' is not a secret-store URL: {e}")))?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(usage(format!(
                "refusing {given}: vault+http:// sends the token in the clear; it is only for a server on this machine (127.0.0.1, a dev server)"
            ))
            .hint("use vault+https://")
            .into());
        }
        _ => {
            return Err(usage(format!(
                "'{given}' is not a secret-store URL: write vault+https://HOST:PORT/MOUNT/PREFIX"
            ))
            .into());
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(usage(
            "a secret-store URL carries no user or password: the token goes in VAULT_TOKEN (or BAO_TOKEN, or ~/.vault-token)",
        )
        .into());
    }
    let mut segments = url
        .path_segments()
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty());
    let mount = segments.next().map(str::to_string);
    let prefix = segments.collect::<Vec<_>>().join("/");
    match mount {
        Some(mount) if !prefix.is_empty() => Ok((url, mount, prefix)),
        _ => Err(missing_path(given).into()),
    }
}

/// The client: HTTP/1.1 kept alive, no redirects.
fn http_client(tls: rustls::ClientConfig) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("mtlsctl/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("cannot build the secret store's HTTP client")
}

/// The names a LIST or SCAN answered with.
fn keys_of(body: &Value) -> Option<Vec<String>> {
    let keys = body.pointer("/data/keys")?.as_array()?;
    Some(
        keys.iter()
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
    )
}

fn missing_path(url: &str) -> Failure {
    usage(format!(
        "'{url}' names no mount and prefix: write vault+https://HOST:PORT/MOUNT/PREFIX (e.g. /secret/mtlsctl)"
    ))
}

/// The one key of an entry's data: the entry as JSON text.
const ENTRY_KEY: &str = "mtlsctl";

/// An entry's value from the data the store holds (`{"mtlsctl": "<json>"}`); data written by
/// hand in another shape is returned as it is, to be refused as damaged.
fn unwrapped(data: &Value) -> Value {
    data.get(ENTRY_KEY)
        .and_then(Value::as_str)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_else(|| data.clone())
}

/// `{"deleted": true}`: what a removed entry is overwritten with, so that removal is
/// check-and-set too.
fn is_tombstone(value: &Value) -> bool {
    value.get("deleted") == Some(&Value::Bool(true))
        && value.as_object().is_some_and(|o| o.len() == 1)
}

fn errors(body: &Value) -> String {
    body.get("errors")
        .and_then(Value::as_array)
        .map(|e| {
            e.iter()
                .filter_map(Value::as_str)
                .map(crate::text::escape_untrusted)
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

/// What a full read found.
#[derive(Default)]
struct Loaded {
    entries: BTreeMap<String, Value>,
    versions: HashMap<String, u64>,
    denied: BTreeSet<String>,
    /// Folders the token may not list (readers go on without them).
    unlisted: Vec<String>,
    /// Entries the token may not read, as the state read implies them (a property implied by
    /// its environment): left as they are.
    implied: BTreeMap<String, Value>,
    meta: Option<Meta>,
}

impl Loaded {
    /// The entries of `new` to write: those that differ from what was read. An entry the
    /// token could not read is never written, unless the change really changed it (then the
    /// change is refused by name): implied entries (a property implied by its environment)
    /// and meta stay as they are. A new environment's property is written again unchanged, so
    /// that a property deleted meanwhile makes the creation conflict instead of being undone.
    fn changed<'a>(
        &'a self,
        new: &'a BTreeMap<String, Value>,
    ) -> Result<Vec<(&'a String, &'a Value)>> {
        let mut writes = Vec::new();
        for (name, value) in new {
            if self.entries.get(name) == Some(value) {
                continue;
            }
            if self.denied.contains(name) {
                if name == "meta" || self.implied.get(name) == Some(value) {
                    continue;
                }
                return Err(denied_change(name));
            }
            writes.push((name, value));
            let property = name
                .strip_prefix("environments/")
                .filter(|_| !self.entries.contains_key(name))
                .and_then(|rest| rest.split('/').next())
                .map(|property| format!("properties/{property}"));
            if let Some((property, value)) = property.and_then(|p| self.entries.get_key_value(&p))
                && !new.get(property).is_some_and(|v| v != value)
            {
                writes.push((property, value));
            }
        }
        writes.sort_by(|a, b| a.0.cmp(b.0));
        writes.dedup_by(|a, b| a.0 == b.0);
        Ok(writes)
    }

    fn take(&mut self, name: &str, read: Result<Read>) -> Result<()> {
        match read {
            Ok(read) => {
                self.versions.insert(name.to_string(), read.version);
                if let Some(value) = read.value {
                    if name == "meta" {
                        self.meta = serde_json::from_value(value.clone()).ok();
                    }
                    self.entries.insert(name.to_string(), value);
                }
                Ok(())
            }
            // A policy that lists but does not grant reading everything: read what it grants.
            // (meta is optional to read; one that cannot be read is never written either.)
            Err(error) if is_denied(&error) || name == "meta" => {
                self.denied.insert(name.to_string());
                Ok(())
            }
            Err(error) => Err(error),
        }
    }
}

fn denied_change(entry: &str) -> anyhow::Error {
    anyhow!(Failure {
        kind: crate::error::ErrorKind::Runtime,
        message: format!(
            "cannot change {entry}: permission denied by the secret store (the token may not read it); nothing was changed"
        ),
        hint: Some(
            "ask for a token whose policy grants read, create and update on that entry".into()
        ),
    })
}

fn is_denied(error: &anyhow::Error) -> bool {
    error
        .to_string()
        .contains("permission denied by the secret store")
}

impl Backend for VaultBackend {
    fn location(&self) -> String {
        format!("state at {}", self.shown)
    }

    fn exists(&self) -> Result<bool> {
        let state = self.read()?;
        Ok(!state.properties.is_empty() || state.issuer.is_some() || !state.unreadable.is_empty())
    }

    fn read(&self) -> Result<State> {
        let loaded = self.runtime.block_on(self.load_all(true))?;
        self.state_of(&loaded)
    }

    /// Every environment with its certificates (and the issuer), but not the other folders:
    /// what listings of certificates need, in fewer reads.
    fn read_environments(&self) -> Result<State> {
        let loaded = self.runtime.block_on(async {
            let mut loaded = Loaded::default();
            let names = self
                .names_in(&["environments/"], true, &mut loaded.unlisted)
                .await?;
            self.load(&names, &mut loaded).await?;
            Ok::<_, anyhow::Error>(loaded)
        })?;
        self.state_of(&loaded)
    }

    fn read_environment(&self, env: &EnvRef) -> Result<State> {
        let name = layout::environment_entry(env);
        let read = self.runtime.block_on(self.get(&name))?;
        let entries: BTreeMap<String, Value> =
            read.value.into_iter().map(|v| (name.clone(), v)).collect();
        layout::join(&entries, &self.shown)
    }

    fn check_writable(&self) -> Result<()> {
        self.read().map(|_| ())
    }

    fn private_key(&self, cert: &CertRecord) -> Result<String> {
        Ok(cert.key_pem.clone())
    }

    fn begin(&self) -> Result<Box<dyn Transaction + '_>> {
        let loaded = self.runtime.block_on(self.load_all(false))?;
        self.transaction(loaded)
    }

    /// A change to one environment reads what it needs by name, lists nothing: the
    /// environment, its property, the issuer.
    fn begin_environment(&self, env: &EnvRef) -> Result<Box<dyn Transaction + '_>> {
        let names = [
            "meta".to_string(),
            "issuer".to_string(),
            format!("properties/{}", env.property),
            layout::environment_entry(env),
        ];
        let mut loaded = Loaded::default();
        self.runtime.block_on(self.load(&names, &mut loaded))?;
        self.transaction(loaded)
    }

    fn refuse_as_output(&self, _out: &Path) -> Result<()> {
        Ok(())
    }

    /// Marked unfinished, every entry written, then marked finished (meta is written last).
    fn copy_in(&self, state: &State) -> Result<()> {
        self.set_complete(false)?;
        let loaded = self.runtime.block_on(self.load_all(false))?;
        let transaction = Box::new(VaultTransaction {
            backend: self,
            state: None,
            loaded,
        });
        match transaction.commit(state)? {
            Commit::Done => Ok(()),
            Commit::Conflict => Err(runtime(format!(
                "another writer changed {} during the copy; it stays marked unfinished",
                self.shown
            ))
            .hint("run the copy again when nothing else writes there")
            .into()),
        }
    }
}

impl VaultBackend {
    fn transaction(&self, mut loaded: Loaded) -> Result<Box<dyn Transaction + '_>> {
        let state = self.state_of(&loaded)?;
        let implied = layout::split(&state)?;
        loaded.implied = implied
            .into_iter()
            .filter(|(name, _)| loaded.denied.contains(name))
            .collect();
        Ok(Box::new(VaultTransaction {
            backend: self,
            state: Some(state),
            loaded,
        }))
    }

    fn state_of(&self, loaded: &Loaded) -> Result<State> {
        if let Some(meta) = &loaded.meta {
            if meta.schema_version > super::SCHEMA_VERSION {
                return Err(state(format!(
                    "the state at {} has schema version {}, newer than the {} this mtlsctl ({}) understands",
                    self.shown,
                    meta.schema_version,
                    super::SCHEMA_VERSION,
                    env!("CARGO_PKG_VERSION")
                ))
                .hint("upgrade mtlsctl")
                .into());
            }
            if !meta.complete {
                return Err(state(format!(
                    "the state at {} is an unfinished copy ('mtlsctl state copy' did not finish)",
                    self.shown
                ))
                .hint("run the copy again; nothing reads or changes a half copy")
                .into());
            }
        }
        let mut state = layout::join(&loaded.entries, &self.shown)?;
        // Entries changed by hand are checked as a hand-edited file is.
        if let Err(broken) = super::validate::validate(&state) {
            return Err(super::super::error::state(format!(
                "the state at {} is damaged: {broken}",
                self.shown
            ))
            .hint("restore the entry from the secret store's earlier version ('bao kv rollback'), or fix it")
            .into());
        }
        // What could not be read, and the folders that could not be listed (`environments/*`).
        state.unreadable = loaded
            .denied
            .iter()
            .filter(|name| name.as_str() != "meta")
            .cloned()
            .chain(loaded.unlisted.iter().map(|folder| format!("{folder}*")))
            .collect();
        Ok(state)
    }
}

struct VaultTransaction<'a> {
    backend: &'a VaultBackend,
    state: Option<State>,
    loaded: Loaded,
}

impl Transaction for VaultTransaction<'_> {
    fn take_state(&mut self) -> State {
        self.state.take().unwrap_or_default()
    }

    /// Write each entry that changed, check-and-set on the version read: the issuer first (a
    /// certificate never lands before the issuer that signed it), environments last, removals
    /// after. Entries the token may not read are never written.
    fn commit(self: Box<Self>, changed: &State) -> Result<Commit> {
        let backend = self.backend;
        let new = layout::split(changed)?;
        let mut writes = self.loaded.changed(&new)?;
        writes.sort_by_key(|(name, _)| write_order(name));
        let tombstone = json!({"deleted": true});
        let removals: Vec<(&String, &Value)> = self
            .loaded
            .entries
            .keys()
            .filter(|name| !new.contains_key(*name) && name.as_str() != "meta")
            .map(|name| (name, &tombstone))
            .collect();
        writes.extend(removals);
        if writes.is_empty() {
            return Ok(Commit::Done);
        }
        refuse_oversized(&writes)?;
        backend.runtime.block_on(async {
            let names: Vec<&String> = writes.iter().map(|(name, _)| *name).collect();
            if let Some(entry) = backend.not_writable(&names).await?.first() {
                return Err(anyhow!(Failure {
                    kind: crate::error::ErrorKind::Runtime,
                    message: format!(
                        "cannot change {entry}: permission denied by the secret store ({}); nothing was changed",
                        backend.path("data", entry)
                    ),
                    hint: Some("the token's policy does not allow it; ask for one that grants create and update on that path".into()),
                }));
            }
            for (i, (name, value)) in writes.iter().enumerate() {
                if i == 1 {
                    // Tests stop a writer here, half-way through a change, and kill it.
                    super::file::pause_for_tests();
                }
                let version = self.loaded.versions.get(*name).copied().unwrap_or(0);
                if !backend.put(name, value, version).await? {
                    // Someone else was first: wait a little (less alike than the last writer)
                    // and run the change again on what is there now.
                    let mut byte = [0u8; 1];
                    aws_lc_rs::rand::fill(&mut byte)
                        .map_err(|_| anyhow::anyhow!("the system random source failed"))?;
                    let jitter = u64::from(byte[0]) % 40;
                    tokio::time::sleep(Duration::from_millis(10 + jitter)).await;
                    return Ok(Commit::Conflict);
                }
            }
            Ok(Commit::Done)
        })
    }
}

/// No entry past MAX_ENTRY_BYTES: said before anything is written, not by the store half-way.
fn refuse_oversized(writes: &[(&String, &Value)]) -> Result<()> {
    for (name, value) in writes {
        let size = serde_json::to_vec(value)?.len();
        if size > MAX_ENTRY_BYTES {
            return Err(state(format!(
                "the entry {name} would be {} KiB, more than the {} KiB mtlsctl writes to a secret store (OpenBao's default limit is 1 MiB); nothing was written",
                size / 1024,
                MAX_ENTRY_BYTES / 1024
            ))
            .hint("remove obsolete and expired certificates of that environment (a new environment keeps entries small)")
            .into());
        }
    }
    Ok(())
}

/// The issuer first, environments (which need it) after, meta last (a copy marked unfinished
/// is marked finished only once every entry is there).
fn write_order(name: &str) -> u8 {
    match name.split('/').next().unwrap_or_default() {
        "issuer" => 0,
        "properties" => 1,
        "cas" | "domains" | "datacenter" => 2,
        "meta" => 4,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_past_512_kib_is_refused_before_anything_is_written() {
        let name = "environments/shop/production".to_string();
        let small = json!({"pem": "x".repeat(1024)});
        let large = json!({"pem": "x".repeat(MAX_ENTRY_BYTES)});
        assert!(refuse_oversized(&[(&name, &small)]).is_ok());
        let error = refuse_oversized(&[(&name, &small), (&name, &large)])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("environments/shop/production") && error.contains("512 KiB"),
            "{error}"
        );
    }

    #[test]
    fn urls_name_a_mount_and_a_prefix_and_http_is_for_this_machine_only() {
        let (_, mount, prefix) = parse_url("vault+https://vault:8200/secret/team/mtlsctl").unwrap();
        assert_eq!(
            (mount.as_str(), prefix.as_str()),
            ("secret", "team/mtlsctl")
        );
        assert!(parse_url("vault+http://127.0.0.1:8200/secret/m").is_ok());
        assert!(parse_url("vault+http://vault.example.com/secret/m").is_err());
        assert!(parse_url("vault+https://vault:8200/secret").is_err());
        assert!(parse_url("vault+ftp://vault/secret/m").is_err());
    }
}
