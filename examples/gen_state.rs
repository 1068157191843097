//! Writes a state file with many properties and certificates (real ec-p256 keys signed by a
//! real issuer), for the scale benchmark: `cargo run --release --example gen_state -- 1000 10000 state.json`.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::Utc;
use mtlsctl::duration::Validity;
use mtlsctl::lifecycle::{add_issued, ensure_issuer};
use mtlsctl::model::{EnvRef, Host, KeyType, Stage};
use mtlsctl::state::{Environment, Property, State, Store};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [properties, certificates, out] = args.as_slice() else {
        anyhow::bail!("usage: gen_state PROPERTIES CERTIFICATES OUT.json");
    };
    let properties: usize = properties.parse().context("PROPERTIES is a number")?;
    let certificates: usize = certificates.parse().context("CERTIFICATES is a number")?;
    let now = Utc::now();
    let validity = Validity::from_days(365);
    let mut state = State::default();
    ensure_issuer(&mut state, now)?;
    let mut envs = Vec::new();
    for p in 0..properties {
        let name = format!("prop{p:05}").parse().map_err(anyhow::Error::msg)?;
        state.properties.push(Property { name, created: now });
        for stage in Stage::ALL {
            let env: EnvRef = format!("prop{p:05}/{stage}")
                .parse()
                .map_err(anyhow::Error::msg)?;
            state.environments.push(Environment::new(
                &env,
                Host::Managed,
                KeyType::EcP256,
                validity,
                now,
            ));
            envs.push(env);
        }
    }
    for i in 0..certificates {
        add_issued(
            &mut state,
            &envs[i % envs.len()],
            KeyType::EcP256,
            validity,
            now,
        )?;
    }
    let store = Store::file(PathBuf::from(out), Duration::from_secs(30), true);
    store.update(|current| {
        *current = state.clone();
        Ok(())
    })?;
    eprintln!(
        "wrote {out}: {properties} properties, {} environments, {certificates} certificates",
        envs.len()
    );
    Ok(())
}
