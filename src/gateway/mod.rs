//! `serve`: a local mTLS gateway. `rules` decides, `variables` formats what nginx would,
//! `server` accepts connections, verifies clients, applies the rules and echoes or proxies.

pub mod rules;
pub mod server;
pub mod variables;
