//! `serve`: a local mTLS gateway. `rules` decides, `variables` formats what nginx would,
//! `normalize` gives hosts and paths one form, `verify` checks client certificates, `handler`
//! answers one request, `access_log` writes without ever blocking, and `server` accepts
//! connections within their limits.

pub mod access_log;
pub mod handler;
pub mod normalize;
pub mod rules;
pub mod server;
pub mod variables;
pub mod verify;
