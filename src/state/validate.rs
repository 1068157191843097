//! Every invariant the code relies on, checked when the state is loaded, so that a hand-edited
//! or damaged file is refused (exit 3, naming the field) instead of panicking or misbehaving.

use std::collections::{HashMap, HashSet};

use super::{CertRecord, State};

/// The longest validity a certificate may be asked for (100 years).
pub const MAX_VALIDITY_DAYS: i64 = 36_500;

/// The first broken invariant: `Err("certificates[3].variable: …")`.
pub fn validate(state: &State) -> Result<(), String> {
    if let Some(issuer) = &state.issuer {
        fingerprint("issuer.sha256", &issuer.sha256)?;
    }
    for (i, ca) in state.trusted_cas.iter().enumerate() {
        fingerprint(&format!("trusted_cas[{i}].sha256"), &ca.sha256)?;
    }
    unique_names(state)?;
    let ids = certificates(state)?;
    environments(state, &ids)
}

/// Property, CA and domain names: valid and each once.
/// Certificate ids are hex and unique, variables well formed and unique, fingerprints
/// SHA-256, validity in order. Returns the certificates by id.
fn certificates(state: &State) -> Result<HashMap<&str, &CertRecord>, String> {
    let mut ids = HashMap::new();
    let mut variables = HashSet::new();
    for (i, cert) in state.certificates.iter().enumerate() {
        let at = |field: &str| format!("certificates[{i}].{field}");
        if cert.id.is_empty() || !cert.id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("{}: '{}' is not a hex id", at("id"), cert.id));
        }
        if ids.insert(cert.id.as_str(), cert).is_some() {
            return Err(format!("{}: '{}' is used twice", at("id"), cert.id));
        }
        if !is_variable(&cert.variable) {
            return Err(format!(
                "{}: '{}' is not a variable name (lowercase letters, digits and '_', ending _v<N>)",
                at("variable"),
                cert.variable
            ));
        }
        if !variables.insert(cert.variable.as_str()) {
            return Err(format!(
                "{}: '{}' is used twice",
                at("variable"),
                cert.variable
            ));
        }
        fingerprint(&at("sha256"), &cert.sha256)?;
        if cert.not_before > cert.not_after {
            return Err(format!("{}: before not_before", at("not_after")));
        }
    }
    Ok(ids)
}

/// Environments belong to a property, one per stage, with a sane validity, and point only at
/// their own certificates.
fn environments(state: &State, ids: &HashMap<&str, &CertRecord>) -> Result<(), String> {
    let properties: HashSet<&str> = state.properties.iter().map(|p| p.name.as_str()).collect();
    let mut environments = HashSet::new();
    for (i, env) in state.environments.iter().enumerate() {
        let at = |field: &str| format!("environments[{i}].{field}");
        if !properties.contains(env.property.as_str()) {
            return Err(format!(
                "{}: no property is named '{}'",
                at("property"),
                env.property
            ));
        }
        if !environments.insert(env.env_ref()) {
            return Err(format!("{}: {} is there twice", at("stage"), env.env_ref()));
        }
        if !(1..=MAX_VALIDITY_DAYS).contains(&env.validity_days) {
            return Err(format!(
                "{}: {} is not between 1 and {MAX_VALIDITY_DAYS} days",
                at("validity_days"),
                env.validity_days
            ));
        }
        let own = env.env_ref();
        for (field, id) in [
            ("current_cert", &env.current_cert),
            ("deployed_cert", &env.deployed_cert),
        ] {
            let Some(id) = id else { continue };
            match ids.get(id.as_str()) {
                None => return Err(format!("{}: no certificate has the id '{id}'", at(field))),
                Some(cert) if cert.environment != own => {
                    return Err(format!(
                        "{}: certificate '{id}' belongs to {}",
                        at(field),
                        cert.environment
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

fn unique_names(state: &State) -> Result<(), String> {
    let mut seen = HashSet::new();
    for (i, property) in state.properties.iter().enumerate() {
        let name = property.name.as_str();
        let valid = name.len() <= 63
            && name
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            return Err(format!(
                "properties[{i}].name: {name:?} is not a property name"
            ));
        }
        if !seen.insert(name) {
            return Err(format!("properties[{i}].name: '{name}' is there twice"));
        }
    }
    let mut seen = HashSet::new();
    for (i, ca) in state.trusted_cas.iter().enumerate() {
        if !seen.insert(ca.name.as_str()) {
            return Err(format!(
                "trusted_cas[{i}].name: '{}' is there twice",
                ca.name.as_str()
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, domain) in state.domains.iter().enumerate() {
        if !seen.insert(domain.host.as_str()) {
            return Err(format!(
                "domains[{i}].host: '{}' is there twice",
                domain.host.as_str()
            ));
        }
    }
    Ok(())
}

fn fingerprint(field: &str, value: &str) -> Result<(), String> {
    if value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(format!(
            "{field}: '{value}' is not a SHA-256 fingerprint (64 hex digits)"
        ))
    }
}

/// `<property with _>_<stage>_v<N>`: nothing that could name a path or another file.
fn is_variable(text: &str) -> bool {
    let Some((stem, generation)) = text.rsplit_once("_v") else {
        return false;
    };
    !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !generation.is_empty()
        && generation.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variable_names_cannot_name_paths() {
        assert!(is_variable("shop_production_v3"));
        assert!(is_variable("my_shop_staging_v12"));
        for bad in [
            "../x_v1",
            "shop/prod_v1",
            "shop_production",
            "shop_production_v",
            "Shop_v1",
            "_v1",
        ] {
            assert!(!is_variable(bad), "{bad}");
        }
    }
}
