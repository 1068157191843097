//! The one integration test binary: the real mtlsctl against a temporary state file per test,
//! with real peers (openssl, bash, groff) where they matter.

#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod ca;
mod corpus;
mod datacenter;
mod datacenter_sync;
mod deploy;
mod docs;
mod expiry;
mod gateway;
mod issuer;
mod json_schemas;
mod keys;
mod lifecycle;
mod monitoring;
mod renewal;
mod request;
mod revocation;
mod robustness;
mod serve;
mod state_files;
mod tables;
mod team_state;
