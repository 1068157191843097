//! The state as entries of a secret store, so that access can be granted per environment: one
//! entry per environment with its certificates, their keys and the chain each needs; the issuer,
//! each property, trusted CA, domain and vendor download in their own entries.
//!
//! ```text
//! meta                               {schema_version, complete}
//! issuer                             {issuer, previous_issuers, crl}
//! properties/<property>              Property
//! environments/<property>/<stage>    {environment, certificates, chains}
//! cas/<name>                         TrustedCa
//! domains/<host>                     Domain
//! datacenter/<vendor>/<id>-<year>    DatacenterDownload (synced: <id>-<sha256 prefix>)
//! settings/datacenter-sync           SyncSettings
//! ```

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    CertRecord, CrlRecord, DatacenterDownload, Domain, Environment, IssuerRecord, Property,
    SCHEMA_VERSION, State, SyncSettings, TrustedCa,
};

/// The folders entries live in, listed to find them.
pub const FOLDERS: [&str; 6] = [
    "properties/",
    "environments/",
    "cas/",
    "domains/",
    "datacenter/",
    "settings/",
];

/// The entry `datacenter sync --save-settings` keeps.
const SYNC_SETTINGS: &str = "settings/datacenter-sync";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: u32,
    /// False while `state copy` writes the entries: a reader refuses a half copy.
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct IssuerEntry {
    issuer: Option<IssuerRecord>,
    #[serde(default)]
    previous_issuers: Vec<IssuerRecord>,
    #[serde(default)]
    crl: Option<CrlRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct EnvironmentEntry {
    environment: Environment,
    certificates: Vec<CertRecord>,
    /// The issuers' certificates (by subject) the managed certificates chain to, so that this
    /// entry alone is enough to make requests with them.
    #[serde(default)]
    chains: BTreeMap<String, String>,
}

/// A name as one path segment of an entry: lowercase letters, digits and '-'.
fn slug(name: &str) -> String {
    name.chars()
        .map(|c| match c.is_ascii_alphanumeric() {
            true => c.to_ascii_lowercase(),
            false => '-',
        })
        .collect()
}

/// The entry name of an environment.
pub fn environment_entry(env: &crate::model::EnvRef) -> String {
    format!("environments/{}/{}", env.property, env.stage)
}

/// The state as entries, by name.
pub fn split(state: &State) -> Result<BTreeMap<String, Value>> {
    let mut entries = BTreeMap::new();
    let mut put = |name: String, value: Result<Value, serde_json::Error>| -> Result<()> {
        entries.insert(
            name.clone(),
            value.with_context(|| format!("cannot encode {name}"))?,
        );
        Ok(())
    };
    put(
        "meta".into(),
        serde_json::to_value(Meta {
            schema_version: SCHEMA_VERSION,
            complete: true,
        }),
    )?;
    if state.issuer.is_some() || !state.previous_issuers.is_empty() || state.crl.is_some() {
        put(
            "issuer".into(),
            serde_json::to_value(IssuerEntry {
                issuer: state.issuer.clone(),
                previous_issuers: state.previous_issuers.clone(),
                crl: state.crl.clone(),
            }),
        )?;
    }
    for property in &state.properties {
        put(
            format!("properties/{}", property.name),
            serde_json::to_value(property),
        )?;
    }
    for environment in &state.environments {
        let name = environment_entry(&environment.env_ref());
        put(
            name,
            serde_json::to_value(environment_of(state, environment)),
        )?;
    }
    for ca in &state.trusted_cas {
        put(format!("cas/{}", ca.name), serde_json::to_value(ca))?;
    }
    for domain in &state.domains {
        put(
            format!("domains/{}", domain.host),
            serde_json::to_value(domain),
        )?;
    }
    for (name, value) in datacenter_entries(state) {
        put(name, value)?;
    }
    Ok(entries)
}

/// The vendors' certificates, each in its own entry, and the sync's settings.
fn datacenter_entries(state: &State) -> Vec<(String, Result<Value, serde_json::Error>)> {
    let mut entries: Vec<_> = state
        .datacenter_downloads
        .iter()
        .map(|download| {
            let name = format!(
                "datacenter/{}/{}",
                slug(download.vendor()),
                slug(&download.key())
            );
            (name, serde_json::to_value(download))
        })
        .collect();
    if let Some(settings) = &state.datacenter_sync {
        entries.push((SYNC_SETTINGS.into(), serde_json::to_value(settings)));
    }
    entries
}

/// An environment's entry: it, its certificates with their keys, and their issuers' chains.
fn environment_of(state: &State, environment: &Environment) -> EnvironmentEntry {
    let env = environment.env_ref();
    let certificates: Vec<CertRecord> = state
        .certificates
        .iter()
        .filter(|c| c.environment == env)
        .cloned()
        .collect();
    let chains = certificates
        .iter()
        .filter(|c| c.chain_pem.is_none())
        .filter_map(|c| {
            state
                .issuer_of(c)
                .map(|i| (i.subject.clone(), i.cert_pem.clone()))
        })
        .collect();
    EnvironmentEntry {
        environment: environment.clone(),
        certificates,
        chains,
    }
}

/// The state the entries make, in a stable order; `what` names the store in messages.
pub fn join(entries: &BTreeMap<String, Value>, what: &str) -> Result<State> {
    let mut state = State::default();
    for (name, value) in entries {
        let bad = |e: serde_json::Error| {
            crate::error::state(format!("the entry {name} of {what} is damaged: {e}")).hint(
                "restore it from the secret store's earlier version (it keeps them), or remove it",
            )
        };
        let folder = name.split('/').next().unwrap_or_default();
        match folder {
            "meta" => {}
            "issuer" => {
                let entry = IssuerEntry::deserialize(value).map_err(bad)?;
                state.issuer = entry.issuer;
                state.previous_issuers = entry.previous_issuers;
                state.crl = entry.crl;
            }
            "properties" => state
                .properties
                .push(Property::deserialize(value).map_err(bad)?),
            "environments" => {
                let entry = EnvironmentEntry::deserialize(value).map_err(bad)?;
                check_placed(&entry, name, what)?;
                state.environments.push(entry.environment);
                state.certificates.extend(entry.certificates);
                state.issuer_chains.extend(entry.chains);
            }
            "cas" => state
                .trusted_cas
                .push(TrustedCa::deserialize(value).map_err(bad)?),
            "domains" => state.domains.push(Domain::deserialize(value).map_err(bad)?),
            "datacenter" => state
                .datacenter_downloads
                .push(DatacenterDownload::deserialize(value).map_err(bad)?),
            "settings" if name == SYNC_SETTINGS => {
                state.datacenter_sync = Some(SyncSettings::deserialize(value).map_err(bad)?);
            }
            _ => {}
        }
    }
    imply_properties(&mut state);
    Ok(state)
}

/// An environment's entry holds that environment and its certificates only (an entry copied
/// over another by hand would show them twice, or under another name).
fn check_placed(entry: &EnvironmentEntry, name: &str, what: &str) -> Result<()> {
    let env = entry.environment.env_ref();
    let misplaced =
        environment_entry(&env) != name || entry.certificates.iter().any(|c| c.environment != env);
    if misplaced {
        return Err(crate::error::state(format!(
            "the entry {name} of {what} is damaged: it holds {env}'s environment or certificates of another"
        ))
        .hint("restore it from the secret store's earlier version ('bao kv rollback')")
        .into());
    }
    Ok(())
}

/// A token that may read an environment but not its property still sees the environment: the
/// property is implied by it (and never written back).
fn imply_properties(state: &mut State) {
    for environment in &state.environments {
        if !state
            .properties
            .iter()
            .any(|p| p.name == environment.property)
        {
            state.properties.push(Property {
                name: environment.property.clone(),
                created: environment.created,
            });
        }
    }
    state.properties.sort_by(|a, b| a.name.cmp(&b.name));
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    /// A synced certificate (keyed by fingerprint) and the sync's settings have entries of their
    /// own, and come back from them as they were.
    #[test]
    fn synced_certificates_and_sync_settings_round_trip_through_entries() {
        let now = Utc::now();
        let synced = |sha: &str| DatacenterDownload {
            vendor: "platform.adobe.io".into(),
            id: "Adobe Experience Platform".into(),
            year: 2027,
            name: "Adobe Experience Platform".into(),
            path: "/srv/vendor/a.pem".into(),
            url: "https://platform.adobe.io/data/core/mtls/v1/certificate/public-certificate"
                .into(),
            at: now,
            sha256: sha.repeat(64),
            subject: "CN=Adobe Experience Platform".into(),
            not_before: now,
            not_after: now,
            synced: true,
            unannounced: false,
            forgotten: false,
            gone_untold: false,
        };
        let state = State {
            datacenter_downloads: vec![synced("a"), synced("b")],
            datacenter_sync: Some(SyncSettings {
                org_id: Some("ORG@AdobeOrg".into()),
                ..SyncSettings::default()
            }),
            ..State::default()
        };
        let entries = split(&state).unwrap();
        assert!(entries.contains_key("settings/datacenter-sync"));
        assert!(entries.contains_key(
            "datacenter/platform-adobe-io/adobe-experience-platform-aaaaaaaaaaaaaaaa"
        ));
        assert!(entries.contains_key(
            "datacenter/platform-adobe-io/adobe-experience-platform-bbbbbbbbbbbbbbbb"
        ));
        let back = join(&entries, "a test store").unwrap();
        assert_eq!(back.datacenter_downloads.len(), 2);
        assert_eq!(back.datacenter_sync, state.datacenter_sync);
    }
}
