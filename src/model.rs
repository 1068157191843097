//! The names and small value types of the domain: properties, stages, environments, key types
//! and statuses. They parse (for flags) and serialize (for the state file and JSON) the same way.

use std::fmt;
use std::str::FromStr;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

/// A property name: `[a-z0-9][a-z0-9-]{0,62}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PropertyName(String);

impl PropertyName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PropertyName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let valid_first = text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        let valid_rest = text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if valid_first && valid_rest && text.len() <= 63 {
            Ok(PropertyName(text.to_string()))
        } else {
            Err(format!(
                "'{text}' is not a valid property name: use 1 to 63 lowercase letters, digits and \
                 '-', starting with a letter or digit (e.g. shop, billing-eu)"
            ))
        }
    }
}

impl fmt::Display for PropertyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A trusted CA's name: `[A-Za-z0-9][A-Za-z0-9._-]{0,62}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaName(String);

impl CaName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CaName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let valid_first = text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let valid_rest = text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if valid_first && valid_rest && text.len() <= 63 {
            Ok(CaName(text.to_string()))
        } else {
            Err(format!(
                "'{text}' is not a valid CA name: use 1 to 63 letters, digits, '.', '_' and '-', \
                 starting with a letter or digit"
            ))
        }
    }
}

impl fmt::Display for CaName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A host name a domain is served under: a DNS name (lowercased) or an IP address.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HostName(String);

impl HostName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for HostName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.parse::<std::net::IpAddr>().is_ok() {
            return Ok(HostName(text.to_string()));
        }
        let lower = text.to_ascii_lowercase();
        let valid = !lower.is_empty()
            && lower.len() <= 253
            && lower.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if valid {
            Ok(HostName(lower))
        } else {
            Err(format!(
                "'{text}' is not a host name (e.g. api.example.com) or IP address"
            ))
        }
    }
}

impl fmt::Display for HostName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a domain treats client certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum VerifyMode {
    /// the handshake fails without a certificate that chains to the domain's CA
    Enforce,
    /// the handshake is accepted; rules decide with the verification result
    Permissive,
}

impl VerifyMode {
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyMode::Enforce => "enforce",
            VerifyMode::Permissive => "permissive",
        }
    }
}

/// One of the three stages a property may have an environment for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    #[value(alias = "dev")]
    Development,
    #[value(alias = "stage", alias = "stg")]
    Staging,
    #[value(alias = "prod")]
    Production,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Development, Stage::Staging, Stage::Production];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Development => "development",
            Stage::Staging => "staging",
            Stage::Production => "production",
        }
    }
}

impl FromStr for Stage {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "development" | "dev" => Ok(Stage::Development),
            "staging" | "stage" | "stg" => Ok(Stage::Staging),
            "production" | "prod" => Ok(Stage::Production),
            _ => Err(format!(
                "'{text}' is not a stage: a property has development (dev), staging (stage, stg) \
                 and production (prod)"
            )),
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An environment's address: `PROPERTY/STAGE`, e.g. `shop/production` or `shop/prod`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnvRef {
    pub property: PropertyName,
    pub stage: Stage,
}

impl FromStr for EnvRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (property, stage) = text.split_once('/').ok_or_else(|| {
            format!("'{text}' is not an environment: write PROPERTY/STAGE, e.g. shop/production")
        })?;
        Ok(EnvRef {
            property: property.parse()?,
            stage: stage.parse()?,
        })
    }
}

/// A certificate as the user names it: an id prefix (hex), a variable name
/// (`shop_production_v2`) or an environment (`shop/prod`, its current certificate). Checked
/// where the flag is read; found in the state by `State::resolve_cert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertRef(String);

impl FromStr for CertRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.contains('/') {
            text.parse::<EnvRef>()?;
        } else if text.is_empty()
            || text.len() > 128
            || !text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(format!(
                "'{}' is not a certificate: name it by id prefix, variable name (shop_production_v2) or environment (shop/prod)",
                crate::text::escape_untrusted(text)
            ));
        }
        Ok(CertRef(text.to_string()))
    }
}

impl CertRef {
    /// The environment this reference names, when it names one: `shop/prod` itself, or the
    /// environment of a variable name (`my_shop_production_v3` is my-shop/production: property
    /// names hold no '_'). An id prefix names none.
    pub fn environment(&self) -> Option<EnvRef> {
        environment_of_reference(&self.0)
    }
}

impl EnvRef {
    /// The variable name of its certificate of `generation`: `my_shop_production_v3` (names
    /// with '-' turned to '_'); `environment_of_reference` reads it back.
    pub fn variable(&self, generation: u32) -> String {
        format!(
            "{}_{}_v{generation}",
            self.property.as_str().replace('-', "_"),
            self.stage
        )
    }
}

/// See `CertRef::environment`.
pub fn environment_of_reference(text: &str) -> Option<EnvRef> {
    if text.contains('/') {
        return text.parse().ok();
    }
    let (rest, generation) = text.rsplit_once("_v")?;
    if generation.is_empty() || !generation.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (property, stage) = rest.rsplit_once('_')?;
    Some(EnvRef {
        property: property.replace('_', "-").parse().ok()?,
        stage: stage.parse().ok()?,
    })
}

impl std::ops::Deref for CertRef {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// What `cert list` looks at: one property (`shop`) or one environment (`shop/prod`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Property(PropertyName),
    Environment(EnvRef),
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.contains('/') {
            true => text.parse().map(Scope::Environment),
            false => text.parse().map(Scope::Property),
        }
    }
}

impl fmt::Display for EnvRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.property, self.stage)
    }
}

impl Serialize for EnvRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EnvRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Who issues an environment's certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Host {
    /// mtlsctl's local issuer signs them
    Managed,
    /// the user imports certificates obtained elsewhere
    #[value(name = "self")]
    #[serde(rename = "self")]
    SelfHosted,
}

impl Host {
    pub fn as_str(self) -> &'static str {
        match self {
            Host::Managed => "managed",
            Host::SelfHosted => "self",
        }
    }
}

/// The key algorithms certificates are issued with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum KeyType {
    #[value(name = "ec-p256")]
    EcP256,
    #[value(name = "ec-p384")]
    EcP384,
    Ed25519,
    #[value(name = "rsa-2048")]
    #[serde(rename = "rsa-2048")]
    Rsa2048,
    #[value(name = "rsa-3072")]
    #[serde(rename = "rsa-3072")]
    Rsa3072,
    #[value(name = "rsa-4096")]
    #[serde(rename = "rsa-4096")]
    Rsa4096,
}

impl KeyType {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::EcP256 => "ec-p256",
            KeyType::EcP384 => "ec-p384",
            KeyType::Ed25519 => "ed25519",
            KeyType::Rsa2048 => "rsa-2048",
            KeyType::Rsa3072 => "rsa-3072",
            KeyType::Rsa4096 => "rsa-4096",
        }
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A certificate's status, derived from the clock and its environment, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum CertStatus {
    /// the certificate its environment uses
    Current,
    /// not in use, not expired: it can be selected again
    Obsolete,
    /// past its not-after time
    Expired,
    /// revoked: never used again, listed in the issuer's CRL until it expires
    Revoked,
}

impl CertStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CertStatus::Current => "current",
            CertStatus::Obsolete => "obsolete",
            CertStatus::Expired => "expired",
            CertStatus::Revoked => "revoked",
        }
    }
}

/// Why a certificate was revoked, as RFC 5280 (and a CRL) names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum RevokeReason {
    /// its private key leaked, or may have
    KeyCompromise,
    /// replaced by another certificate
    Superseded,
    /// no longer needed
    CessationOfOperation,
    Unspecified,
}

impl RevokeReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RevokeReason::KeyCompromise => "key-compromise",
            RevokeReason::Superseded => "superseded",
            RevokeReason::CessationOfOperation => "cessation-of-operation",
            RevokeReason::Unspecified => "unspecified",
        }
    }
}

/// Whether an environment's current certificate is the one last deployed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeploymentStatus {
    Deployed,
    Deploying,
    NeedsDeployment,
}

impl DeploymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeploymentStatus::Deployed => "deployed",
            DeploymentStatus::Deploying => "deploying",
            DeploymentStatus::NeedsDeployment => "needs-deployment",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variable_name_names_its_environment_back() {
        let env: EnvRef = "my-shop/prod".parse().unwrap();
        assert_eq!(env.variable(3), "my_shop_production_v3");
        assert_eq!(environment_of_reference(&env.variable(3)), Some(env));
        for not_one in [
            "0a1b2c",
            "shop_production_v",
            "shop_nowhere_v1",
            "shop_production_vx",
        ] {
            assert_eq!(environment_of_reference(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn a_secret_is_redacted_as_it_is_and_as_forms_urls_and_json_carry_it() {
        let secret = Secret::new("p@ss+w/rd=1&x y%\"");
        for echoed in [
            "p@ss+w/rd=1&x y%\"",
            "client_secret=p%40ss%2Bw%2Frd%3D1%26x+y%25%22&scope=x",
            "p%40ss%2Bw%2Frd%3D1%26x%20y%25%22",
            r#"{"sent":"p@ss+w/rd=1&x y%\""}"#,
        ] {
            let shown = secret.redact(echoed);
            assert!(
                shown.contains("[redacted]")
                    && !shown.contains("rd=1")
                    && !shown.contains("rd%3D1"),
                "{shown}"
            );
        }
        assert_eq!(format!("{secret} {secret:?}"), "[redacted] [redacted]");
    }

    #[test]
    fn environment_addresses_accept_stage_aliases() {
        let env: EnvRef = "shop/prod".parse().unwrap();
        assert_eq!(env.to_string(), "shop/production");
        assert_eq!("shop/stg".parse::<EnvRef>().unwrap().stage, Stage::Staging);
        assert_eq!(
            "a-1/dev".parse::<EnvRef>().unwrap().stage,
            Stage::Development
        );
        for bad in [
            "shop",
            "shop/qa",
            "Shop/prod",
            "-shop/prod",
            "../x/prod",
            "sh op/prod",
            "/prod",
        ] {
            assert!(bad.parse::<EnvRef>().is_err(), "{bad} was accepted");
        }
        assert!("a".repeat(64).parse::<PropertyName>().is_err());
        assert!("a".repeat(63).parse::<PropertyName>().is_ok());
    }
}

/// How `serve` logs each request and refused handshake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
    Off,
}

/// A secret (a client secret, a token): its Debug and Display never show it, so that no log,
/// `-v` account or error can print it by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The secret itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `text` with every occurrence of the secret replaced, for text that came from elsewhere
    /// (a server's error message may echo what it was sent): as it is, and in the forms a form
    /// body, a URL or JSON carry it.
    pub fn redact(&self, text: &str) -> String {
        if self.0.len() < 4 {
            return text.to_string();
        }
        let form: String = url::form_urlencoded::byte_serialize(self.0.as_bytes()).collect();
        let percent: String = self
            .0
            .bytes()
            .map(|b| match b.is_ascii_alphanumeric() {
                true => (b as char).to_string(),
                false => format!("%{b:02X}"),
            })
            .collect();
        let json = serde_json::to_string(&self.0).unwrap_or_default();
        let json = json.trim_matches('"').to_string();
        let lower = percent.to_lowercase();
        let mut forms = [self.0.clone(), form, percent, lower, json];
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.iter().fold(text.to_string(), |t, form| {
            t.replace(form.as_str(), "[redacted]")
        })
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}
