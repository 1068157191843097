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

    /// Record a datacenter download, replacing the record of the same id and year.
    pub fn record_download(&mut self, record: DatacenterDownload) {
        self.datacenter_downloads
            .retain(|d| !(d.id == record.id && d.year == record.year));
        self.datacenter_downloads.push(record);
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
