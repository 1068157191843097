//! What `request`, `inspect` and `expiry` share to reach a server (not a command module): the
//! client identity, server trust and proxies, the probe, and the words for what went wrong.

pub mod diagnose;
pub mod identity;
pub mod probe;
pub mod trust;

pub use diagnose::*;
pub use identity::*;
pub use probe::*;
pub use trust::*;
