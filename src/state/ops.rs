//! The changes commands make to a state, by name: every edit of the state's lists goes through
//! one of these, so that a storage backend can tell what changed and the rules that bind the
//! lists together (an environment's certificates go with it) live in one place.

use super::{
    CertRecord, DatacenterDownload, Domain, Environment, Property, RuleRecord, State, TrustedCa,
};
use crate::model::{CaName, EnvRef, HostName, PropertyName};

impl State {
    pub fn add_property(&mut self, property: Property) {
        self.properties.push(property);
    }

    /// Remove a property with its environments and their certificates; returns how many
    /// certificates went.
    pub fn remove_property(&mut self, name: &PropertyName) -> usize {
        self.properties.retain(|p| &p.name != name);
        self.environments.retain(|e| &e.property != name);
        let before = self.certificates.len();
        self.certificates
            .retain(|c| &c.environment.property != name);
        before - self.certificates.len()
    }

    /// Refuse to remove revoked certificates that have not expired (`what` holds them): the
    /// CRL would stop listing them, and servers would accept them again.
    pub fn ensure_no_live_revocations(
        &self,
        what: &str,
        holds: impl Fn(&CertRecord) -> bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<()> {
        let live: Vec<&str> = self
            .certificates
            .iter()
            .filter(|c| holds(c) && c.revoked.is_some() && c.not_after > now)
            .map(|c| c.variable.as_str())
            .collect();
        let Some(last) = self
            .certificates
            .iter()
            .filter(|c| holds(c) && c.revoked.is_some() && c.not_after > now)
            .map(|c| c.not_after)
            .max()
        else {
            return Ok(());
        };
        Err(crate::error::usage(format!(
            "{what} has revoked certificates that have not expired ({}): deleting them would drop them from the CRL, and servers would accept them again",
            live.join(", ")
        ))
        .hint(format!(
            "delete it after {} (when the last of them has expired)",
            crate::text::short_time(last)
        ))
        .into())
    }

    pub fn add_environment(&mut self, environment: Environment) {
        self.environments.push(environment);
    }

    /// Remove an environment and its certificates; returns how many certificates went.
    pub fn remove_environment(&mut self, env: &EnvRef) -> usize {
        self.environments.retain(|e| !e.is(env));
        let before = self.certificates.len();
        self.certificates.retain(|c| &c.environment != env);
        before - self.certificates.len()
    }

    pub fn add_certificate(&mut self, record: CertRecord) {
        self.certificates.push(record);
    }

    pub fn add_trusted_ca(&mut self, ca: TrustedCa) {
        self.trusted_cas.push(ca);
    }

    pub fn remove_trusted_ca(&mut self, name: &CaName) {
        self.trusted_cas.retain(|c| &c.name != name);
    }

    pub fn add_domain(&mut self, domain: Domain) {
        self.domains.push(domain);
    }

    pub fn remove_domain(&mut self, host: &HostName) {
        self.domains.retain(|d| &d.host != host);
    }

    /// Record a datacenter download, replacing the record of the same vendor, id and year
    /// (another catalog's certificate of the same id never replaces this vendor's).
    pub fn record_download(&mut self, record: DatacenterDownload) {
        self.datacenter_downloads.retain(|d| match record.synced {
            true => !(d.synced && d.vendor() == record.vendor() && d.sha256 == record.sha256),
            false => d.synced || !d.is(record.vendor(), &record.id, Some(record.year)),
        });
        self.datacenter_downloads.push(record);
    }

    /// The certificates a vendor's API gave at the last sync.
    pub fn synced_downloads(&self, vendor: &str) -> Vec<&DatacenterDownload> {
        self.datacenter_downloads
            .iter()
            .filter(|d| d.synced && d.vendor() == vendor)
            .collect()
    }

    /// A synced certificate the API no longer lists, kept (unwatched) until --on-change is told.
    pub fn mark_gone_untold(&mut self, vendor: &str, sha256: &str) {
        for record in &mut self.datacenter_downloads {
            if record.synced && record.vendor() == vendor && record.sha256 == sha256 {
                record.gone_untold = true;
            }
        }
    }

    /// Stop keeping a synced certificate the API no longer lists.
    pub fn drop_synced(&mut self, vendor: &str, sha256: &str) {
        self.datacenter_downloads
            .retain(|d| !(d.synced && d.vendor() == vendor && d.sha256 == sha256));
    }

    /// A sync's --on-change was told of these (or not): they are no longer (or still) to tell.
    pub fn mark_announced(&mut self, vendor: &str, sha256s: &[String], announced: bool) {
        for record in &mut self.datacenter_downloads {
            if record.synced && record.vendor() == vendor && sha256s.contains(&record.sha256) {
                record.unannounced = !announced;
            }
        }
    }

    /// Stop watching a vendor's downloads of `id` (of `year`, when given); returns them.
    pub fn forget_downloads(
        &mut self,
        vendor: &str,
        id: &str,
        year: Option<i32>,
    ) -> Vec<DatacenterDownload> {
        let (gone, mut kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.datacenter_downloads)
            .into_iter()
            .partition(|d| d.watched() && d.is(vendor, id, year));
        // A synced one stays as forgotten, so that the next sync does not save it again.
        kept.extend(
            gone.iter()
                .filter(|d| d.synced)
                .map(|d| DatacenterDownload {
                    forgotten: true,
                    ..d.clone()
                }),
        );
        self.datacenter_downloads = kept;
        gone
    }
}

impl Domain {
    pub fn add_rule(&mut self, rule: RuleRecord) {
        self.rules.push(rule);
    }

    pub fn remove_rule(&mut self, name: &str) {
        self.rules.retain(|r| r.name != name);
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};

    use super::*;
    use crate::duration::Validity;
    use crate::lifecycle::add_issued;
    use crate::model::{Host, KeyType, Stage};

    fn shop() -> State {
        let now = Utc::now();
        let mut state = State::default();
        state.add_property(Property {
            name: "shop".parse().unwrap(),
            created: now,
        });
        for stage in [Stage::Development, Stage::Production] {
            let env: EnvRef = format!("shop/{stage}").parse().unwrap();
            let validity = Validity::from_days(30);
            state.add_environment(Environment::new(
                &env,
                Host::Managed,
                KeyType::EcP256,
                validity,
                now,
            ));
            add_issued(&mut state, &env, KeyType::EcP256, validity, now).unwrap();
        }
        state
    }

    #[test]
    fn an_environment_goes_with_its_certificates_and_only_them() {
        let mut state = shop();
        let prod: EnvRef = "shop/prod".parse().unwrap();
        assert_eq!(state.remove_environment(&prod), 1);
        assert_eq!(state.environments.len(), 1);
        assert_eq!(state.certificates.len(), 1);
        assert!(super::super::validate::validate(&state).is_ok());
        assert_eq!(state.remove_property(&"shop".parse().unwrap()), 1);
        assert!(state.properties.is_empty() && state.certificates.is_empty());
    }

    #[test]
    fn a_download_replaces_the_record_of_its_id_and_year() {
        let mut state = State::default();
        let now = Utc::now();
        let record = |sha: &str| DatacenterDownload {
            vendor: String::new(),
            id: "us".into(),
            year: 2026,
            name: "US".into(),
            path: "/tmp/us.pem".into(),
            url: "https://example.com/us.pem".into(),
            at: now,
            sha256: sha.into(),
            subject: "CN=us".into(),
            not_before: now,
            not_after: now + Duration::days(300),
            synced: false,
            unannounced: false,
            forgotten: false,
            gone_untold: false,
        };
        state.record_download(record("a"));
        state.record_download(record("b"));
        assert_eq!(state.datacenter_downloads.len(), 1);
        assert_eq!(state.datacenter_downloads[0].sha256, "b");
    }
}
