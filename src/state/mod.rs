//! The state: one JSON document with everything mtlsctl knows, and the queries every command
//! shares. `store` reads and writes it safely.

mod file;
mod layout;
mod ops;
mod store;
mod validate;
mod vault;

pub use file::{FileBackend, parse};
pub use store::{Backend, Commit, Store, Transaction};
pub use vault::{MAX_ENTRY_BYTES, VaultSettings};

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::usage;
use crate::model::{
    CaName, CertStatus, DeploymentStatus, EnvRef, Host, HostName, KeyType, PropertyName,
    RevokeReason, Stage, VerifyMode,
};

/// The schema this build reads and writes. A newer file is refused, an older one migrated.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<IssuerRecord>,
    #[serde(default)]
    pub properties: Vec<Property>,
    #[serde(default)]
    pub environments: Vec<Environment>,
    #[serde(default)]
    pub certificates: Vec<CertRecord>,
    #[serde(default)]
    pub trusted_cas: Vec<TrustedCa>,
    #[serde(default)]
    pub datacenter_downloads: Vec<DatacenterDownload>,
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// Issuers replaced by `issuer rotate` or `issuer import`, newest first: still trusted
    /// (exported, in CRLs) while certificates they signed live.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_issuers: Vec<IssuerRecord>,
    /// The CRL number last used, and where the last CRL was written (for `expiry`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl: Option<CrlRecord>,
    /// `datacenter sync --save-settings`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenter_sync: Option<SyncSettings>,
    /// Issuers' certificates by subject, for chains when the issuer itself could not be read
    /// (a secret-store token that may read one environment only). Never saved.
    #[serde(skip)]
    pub issuer_chains: std::collections::BTreeMap<String, String>,
    /// Entries of a secret store the token may not read (listed, then refused). Never saved.
    #[serde(skip)]
    pub unreadable: Vec<String>,
}

/// The issuer's CRLs: the number only grows; the file last written is watched by `expiry`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CrlRecord {
    pub number: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<CrlWritten>,
}

/// A CRL written with `issuer crl --out`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CrlWritten {
    pub path: PathBuf,
    pub this_update: DateTime<Utc>,
    pub next_update: DateTime<Utc>,
}

/// When and why a certificate was revoked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Revocation {
    pub at: DateTime<Utc>,
    pub reason: RevokeReason,
}

impl Default for State {
    fn default() -> Self {
        State {
            schema_version: SCHEMA_VERSION,
            issuer: None,
            properties: Vec::new(),
            environments: Vec::new(),
            certificates: Vec::new(),
            trusted_cas: Vec::new(),
            datacenter_downloads: Vec::new(),
            domains: Vec::new(),
            previous_issuers: Vec::new(),
            crl: None,
            datacenter_sync: None,
            issuer_chains: Default::default(),
            unreadable: Vec::new(),
        }
    }
}

/// The store's local issuing CA.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IssuerRecord {
    pub created: DateTime<Utc>,
    pub subject: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub serial: String,
    pub sha256: String,
    pub cert_pem: String,
    pub key_pem: String,
    /// ec-p256 when absent (every issuer mtlsctl made before `issuer rotate --key-type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
}

/// A CA certificate (or bundle) that servers trust for client auth and `request --ca` trusts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrustedCa {
    pub name: CaName,
    pub added: DateTime<Utc>,
    pub subject: String,
    pub not_after: DateTime<Utc>,
    pub sha256: String,
    /// One or more CA certificates, PEM.
    pub pem: String,
}

/// A host name served by `serve` with mTLS, its trusted CA, mode and ordered rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Domain {
    pub host: HostName,
    pub ca: CaName,
    pub mode: VerifyMode,
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub rules: Vec<RuleRecord>,
}

/// A rule as written; it was parsed and checked when added.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleRecord {
    pub name: String,
    pub criteria: Vec<String>,
    pub behaviors: Vec<String>,
}

/// A vendor's datacenter certificate that was downloaded, verified and saved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DatacenterDownload {
    /// The catalog's vendor: downloads are keyed by vendor, id and year. Empty in records made
    /// before vendors were told apart: those came from the built-in catalog's vendor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vendor: String,
    pub id: String,
    pub year: i32,
    pub name: String,
    pub path: PathBuf,
    pub url: String,
    pub at: DateTime<Utc>,
    pub sha256: String,
    pub subject: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// Fetched by `datacenter sync` from the vendor's API, not downloaded from a catalog: keyed
    /// by vendor and fingerprint (a vendor may publish two certificates of one name).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synced: bool,
    /// A sync's --on-change command has not yet been told of it (it failed or was killed): the
    /// next sync tells it again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unannounced: bool,
    /// `datacenter forget` of a synced certificate: not watched, and not saved again while the
    /// API still lists it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forgotten: bool,
    /// No longer listed by the API, but --on-change has not yet been told (it failed): kept,
    /// unwatched, until a sync tells it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gone_untold: bool,
}

/// How `datacenter sync` reaches the vendor's API, kept by `--save-settings` so that a cron line
/// needs no flags. Never the client secret itself: at most the file that holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ims_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cacert: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_change: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Property {
    pub name: PropertyName,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Environment {
    pub property: PropertyName,
    pub stage: Stage,
    pub name: String,
    pub host: Host,
    pub created: DateTime<Utc>,
    /// What `cert rotate` issues by default.
    pub key_type: KeyType,
    pub validity_days: i64,
    #[serde(default)]
    pub sans: Vec<String>,
    /// Generations issued or imported so far: the N of the next `_vN` variable is this plus one.
    pub generations: u32,
    pub current_cert: Option<String>,
    pub deployed_cert: Option<String>,
    /// Set while a deploy runs; left set by an interrupted one.
    pub deploy_started: Option<DateTime<Utc>>,
    pub last_deploy: Option<DeployRecord>,
    #[serde(default)]
    pub deploy: DeploySettings,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploySettings {
    pub dir: Option<PathBuf>,
    pub hook: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeployRecord {
    pub at: DateTime<Utc>,
    pub ok: bool,
    pub error: Option<String>,
    pub cert: String,
    #[serde(default)]
    pub manual: bool,
}

/// A client certificate with its key and the details shown about it, kept so that listing
/// never has to parse certificates again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CertRecord {
    pub id: String,
    pub environment: EnvRef,
    pub variable: String,
    pub name: String,
    pub created: DateTime<Utc>,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub serial: String,
    pub sha256: String,
    pub key_type: String,
    pub subject: String,
    pub issuer: String,
    pub sans: Vec<String>,
    pub cert_pem: String,
    /// Intermediates for imported certificates; managed ones chain to the issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_pem: Option<String>,
    /// Empty when the key is held elsewhere (a certificate signed from a CSR).
    pub key_pem: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Revocation>,
}

impl Environment {
    /// A new environment with no certificate yet, named "<property> <stage>".
    pub fn new(
        env: &EnvRef,
        host: Host,
        key_type: KeyType,
        validity: crate::duration::Validity,
        now: DateTime<Utc>,
    ) -> Environment {
        Environment {
            property: env.property.clone(),
            stage: env.stage,
            name: format!("{} {}", env.property, env.stage),
            host,
            created: now,
            key_type,
            validity_days: validity.days(),
            sans: Vec::new(),
            generations: 0,
            current_cert: None,
            deployed_cert: None,
            deploy_started: None,
            last_deploy: None,
            deploy: DeploySettings::default(),
        }
    }

    pub fn env_ref(&self) -> EnvRef {
        EnvRef {
            property: self.property.clone(),
            stage: self.stage,
        }
    }

    pub fn is(&self, env: &EnvRef) -> bool {
        self.property == env.property && self.stage == env.stage
    }

    pub fn deployment_status(&self) -> DeploymentStatus {
        if self.deploy_started.is_some() {
            DeploymentStatus::Deploying
        } else if self.current_cert.is_some() && self.current_cert == self.deployed_cert {
            DeploymentStatus::Deployed
        } else {
            DeploymentStatus::NeedsDeployment
        }
    }
}

impl CertRecord {
    pub fn days_left(&self, now: DateTime<Utc>) -> i64 {
        days_left(self.not_after, now)
    }

    /// Whether the private key is elsewhere (a device, an HSM): signed from a CSR.
    pub fn key_held_elsewhere(&self) -> bool {
        self.key_pem.is_empty()
    }
}

/// The vendor of the built-in catalog, which records without a vendor belong to.
pub const BUILT_IN_VENDOR: &str = "Adobe Workfront Fusion";

impl DatacenterDownload {
    pub fn vendor(&self) -> &str {
        match self.vendor.is_empty() {
            true => BUILT_IN_VENDOR,
            false => &self.vendor,
        }
    }

    /// Whether this records `vendor`'s `id` (of `year`, when given).
    pub fn is(&self, vendor: &str, id: &str, year: Option<i32>) -> bool {
        self.vendor() == vendor && self.id == id && year.is_none_or(|y| y == self.year)
    }

    /// Whether `expiry` and `datacenter list` show it.
    pub fn watched(&self) -> bool {
        !self.forgotten && !self.gone_untold
    }

    /// What tells it from the vendor's other records: the year of a catalog's download, the
    /// fingerprint of a synced certificate.
    pub fn key(&self) -> String {
        match self.synced {
            true => format!("{}-{}", self.id, &self.sha256[..self.sha256.len().min(16)]),
            false => format!("{}-{}", self.id, self.year),
        }
    }
}

impl IssuerRecord {
    pub fn key_type(&self) -> &str {
        self.key_type.as_deref().unwrap_or("ec-p256")
    }
}

/// Whole days from `now` to `not_after`, rounded down; negative once expired.
pub fn days_left(not_after: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (not_after - now).num_seconds().div_euclid(86_400)
}

impl State {
    /// A trusted CA in use by a domain cannot be removed.
    pub fn ensure_ca_unused(&self, ca: &CaName) -> anyhow::Result<()> {
        let users: Vec<String> = self
            .domains
            .iter()
            .filter(|d| &d.ca == ca)
            .map(|d| d.host.to_string())
            .collect();
        if users.is_empty() {
            return Ok(());
        }
        Err(usage(format!("the trusted CA '{ca}' is used by {}", users.join(", ")))
            .hint("point those domains at another CA with 'mtlsctl domain set HOST --ca NAME', or remove them")
            .into())
    }

    pub fn property(&self, name: &PropertyName) -> anyhow::Result<&Property> {
        let entry = format!("properties/{name}");
        self.ensure_readable(&entry)?;
        let found = self.properties.iter().find(|p| &p.name == name);
        if let (None, Some(folder)) = (found, self.unlisted_above(&entry)) {
            return Err(not_listed(&entry, folder));
        }
        found.ok_or_else(|| {
                usage(format!("there is no property '{name}'"))
                    .hint(format!(
                        "run 'mtlsctl property list', or create it with 'mtlsctl property create {name}'"
                    ))
                    .into()
            })
    }

    pub fn environment(&self, env: &EnvRef) -> anyhow::Result<&Environment> {
        self.environments
            .iter()
            .find(|e| e.is(env))
            .ok_or_else(|| self.missing_environment(env))
    }

    pub fn environment_mut(&mut self, env: &EnvRef) -> anyhow::Result<&mut Environment> {
        if !self.environments.iter().any(|e| e.is(env)) {
            return Err(self.missing_environment(env));
        }
        Ok(self
            .environments
            .iter_mut()
            .find(|e| e.is(env))
            .expect("the environment was just found"))
    }

    /// An environment that is not there, or that the secret store would not let us read.
    fn missing_environment(&self, env: &EnvRef) -> anyhow::Error {
        let entry = format!("environments/{}/{}", env.property, env.stage);
        match (
            self.unreadable.contains(&entry),
            self.unlisted_above(&entry),
        ) {
            (true, _) => denied(&entry),
            (false, Some(folder)) => not_listed(&entry, folder),
            (false, None) => unknown_environment(env),
        }
    }

    /// The folder of the secret store the token could not list that would hold `entry`: then
    /// "there is none" cannot be said.
    fn unlisted_above(&self, entry: &str) -> Option<&str> {
        self.unreadable
            .iter()
            .filter_map(|name| name.strip_suffix('*'))
            .find(|folder| entry.starts_with(folder))
    }

    /// Fail when the secret store would not let this token read `entry` (a change that needs
    /// it would otherwise go on without it).
    pub fn ensure_readable(&self, entry: &str) -> anyhow::Result<()> {
        match self.unreadable.iter().any(|e| e == entry) {
            true => Err(denied(entry)),
            false => Ok(()),
        }
    }

    pub fn environments_of<'a>(
        &'a self,
        property: &'a PropertyName,
    ) -> impl Iterator<Item = &'a Environment> + 'a {
        self.environments
            .iter()
            .filter(move |e| &e.property == property)
    }

    pub fn trusted_ca(&self, name: &CaName) -> anyhow::Result<&TrustedCa> {
        self.trusted_cas
            .iter()
            .find(|c| &c.name == name)
            .ok_or_else(|| {
                usage(format!("there is no trusted CA '{name}'"))
                    .hint("run 'mtlsctl ca list', or add it with 'mtlsctl ca add NAME FILE'")
                    .into()
            })
    }

    pub fn domain(&self, host: &HostName) -> anyhow::Result<&Domain> {
        self.domains
            .iter()
            .find(|d| &d.host == host)
            .ok_or_else(|| unknown_domain(host))
    }

    pub fn domain_mut(&mut self, host: &HostName) -> anyhow::Result<&mut Domain> {
        self.domains
            .iter_mut()
            .find(|d| &d.host == host)
            .ok_or_else(|| unknown_domain(host))
    }

    pub fn cert_by_id(&self, id: &str) -> Option<&CertRecord> {
        self.certificates.iter().find(|c| c.id == id)
    }

    /// A certificate named by id prefix, variable name, or environment (its current one).
    pub fn resolve_cert(&self, name: &str) -> anyhow::Result<&CertRecord> {
        if let Some(cert) = self.certificates.iter().find(|c| c.variable == name) {
            return Ok(cert);
        }
        if name.contains('/') {
            let env: EnvRef = name.parse().map_err(usage)?;
            let environment = self.environment(&env)?;
            return environment
                .current_cert
                .as_deref()
                .and_then(|id| self.cert_by_id(id))
                .ok_or_else(|| usage(format!("{env} has no current certificate")).into());
        }
        let is_hex = !name.is_empty() && name.chars().all(|c| c.is_ascii_hexdigit());
        let matches: Vec<&CertRecord> = if is_hex {
            let prefix = name.to_ascii_lowercase();
            self.certificates
                .iter()
                .filter(|c| c.id.starts_with(&prefix))
                .collect()
        } else {
            Vec::new()
        };
        match matches.as_slice() {
            [cert] => Ok(cert),
            [] if !self.unreadable.is_empty() => Err(crate::error::runtime(format!(
                "there is no certificate '{name}' among what this token may read ({} entries or folders of the secret store could not be read)",
                self.unreadable.len()
            ))
            .hint("name it by its environment (PROPERTY/STAGE) or variable name: then its environment alone is read")
            .into()),
            [] => Err(usage(format!("there is no certificate '{name}'"))
                .hint("name a certificate by id prefix, variable name (shop_production_v2) or environment (shop/prod); run 'mtlsctl cert list'")
                .into()),
            several => Err(usage(format!(
                "'{name}' is ambiguous: it starts {} certificate ids",
                several.len()
            ))
            .hint("type more characters of the id, or use the variable name")
            .into()),
        }
    }

    pub fn cert_status(&self, cert: &CertRecord, now: DateTime<Utc>) -> CertStatus {
        status_of(cert, self.environment(&cert.environment).ok(), now)
    }

    /// Lookups by key, for commands that walk every certificate.
    pub fn index(&self) -> Index<'_> {
        Index {
            environments: self
                .environments
                .iter()
                .map(|e| ((e.property.as_str(), e.stage), e))
                .collect(),
            certificates: self
                .certificates
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
        }
    }

    /// The certificates a client presents after the leaf: intermediates or the issuer that
    /// signed it (the current one, or one it replaced).
    pub fn chain_of(&self, cert: &CertRecord) -> String {
        if let Some(chain) = &cert.chain_pem {
            return chain.clone();
        }
        self.issuer_of(cert)
            .map(|issuer| issuer.cert_pem.clone())
            .or_else(|| self.issuer_chains.get(&cert.issuer).cloned())
            .unwrap_or_default()
    }

    /// Every issuer mtlsctl has signed with: the current one first, then the ones it replaced.
    pub fn issuers(&self) -> impl Iterator<Item = &IssuerRecord> {
        self.issuer.iter().chain(&self.previous_issuers)
    }

    /// The issuer (current or previous) that signed a managed certificate.
    pub fn issuer_of(&self, cert: &CertRecord) -> Option<&IssuerRecord> {
        self.issuers().find(|issuer| issuer.subject == cert.issuer)
    }
}

fn status_of(
    cert: &CertRecord,
    environment: Option<&Environment>,
    now: DateTime<Utc>,
) -> CertStatus {
    if cert.revoked.is_some() {
        CertStatus::Revoked
    } else if now > cert.not_after {
        CertStatus::Expired
    } else if environment.is_some_and(|e| e.current_cert.as_deref() == Some(cert.id.as_str())) {
        CertStatus::Current
    } else {
        CertStatus::Obsolete
    }
}

/// An entry in a folder the token may not list: whether it exists cannot be said.
fn not_listed(entry: &str, folder: &str) -> anyhow::Error {
    crate::error::runtime(format!(
        "cannot tell whether {entry} exists: permission denied by the secret store to list {folder}"
    ))
    .hint(format!("grant this token 'list' on {folder} (the store's metadata path), or 'read' on the entry and name it as PROPERTY/STAGE"))
    .into()
}

/// Environments and certificates by key: one hash lookup instead of a scan per certificate.
pub struct Index<'a> {
    environments: HashMap<(&'a str, Stage), &'a Environment>,
    certificates: HashMap<&'a str, &'a CertRecord>,
}

impl<'a> Index<'a> {
    pub fn environment(&self, env: &EnvRef) -> Option<&'a Environment> {
        self.environments
            .get(&(env.property.as_str(), env.stage))
            .copied()
    }

    pub fn cert(&self, id: &str) -> Option<&'a CertRecord> {
        self.certificates.get(id).copied()
    }

    pub fn cert_status(&self, cert: &CertRecord, now: DateTime<Utc>) -> CertStatus {
        status_of(cert, self.environment(&cert.environment), now)
    }
}

fn unknown_domain(host: &HostName) -> anyhow::Error {
    usage(format!("there is no domain {host}"))
        .hint(format!(
            "run 'mtlsctl domain list', or add it with 'mtlsctl domain add {host} --ca NAME'"
        ))
        .into()
}

fn denied(entry: &str) -> anyhow::Error {
    crate::error::Failure {
        kind: crate::error::ErrorKind::Runtime,
        message: format!("cannot read {entry}: permission denied by the secret store"),
        hint: Some("the token's policy does not grant it; ask for a token that does".into()),
    }
    .into()
}

fn unknown_environment(env: &EnvRef) -> anyhow::Error {
    usage(format!("there is no environment {env}"))
        .hint(format!(
            "run 'mtlsctl env list {}', or create it with 'mtlsctl env create {env}'",
            env.property
        ))
        .into()
}
