//! Renewal: which environments are due, by a threshold before expiry or a share of the
//! lifetime spent, and the rotation of one that is, decided again inside its transaction so
//! that two renewals at once renew it once.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::add_issued;
use crate::duration::{Threshold, Validity};
use crate::model::{EnvRef, Host};
use crate::state::{CertRecord, State, Store};

/// What `cert renew` does with one environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Due: why ("expires in 3 days", "has no current certificate").
    Renew(String),
    /// Not due: when it will be.
    NotDue(String),
    /// Due, but its certificates come from its own CA: import a renewed one.
    SelfHosted(String),
    /// Due, but its key is held elsewhere (signed from a CSR): sign a new CSR.
    KeyElsewhere(String),
}

/// Whether `env`'s current certificate is due within `within` at `now`.
pub fn plan(state: &State, env: &EnvRef, within: Threshold, now: DateTime<Utc>) -> Result<Plan> {
    let environment = state.environment(env)?;
    let current = environment
        .current_cert
        .as_deref()
        .and_then(|id| state.cert_by_id(id));
    let Some(cert) = current else {
        return Ok(match environment.host {
            Host::SelfHosted => Plan::SelfHosted("has no current certificate".into()),
            Host::Managed => Plan::Renew("has no current certificate".into()),
        });
    };
    let left = crate::text::expires_phrase(cert.not_after, now);
    let asked = within;
    let within = effective(within, cert, environment.validity_days);
    if !within.reached(Some(cert.not_before), cert.not_after, now) {
        let rule = match within == asked {
            true => format!("not within {within}"),
            false => format!(
                "a certificate shorter-lived than {asked} is due at {within} of its lifetime"
            ),
        };
        return Ok(Plan::NotDue(format!("{} {left}; {rule}", cert.variable)));
    }
    let why = format!("{} {left}", cert.variable);
    Ok(match environment.host {
        Host::SelfHosted => Plan::SelfHosted(why),
        Host::Managed if cert.key_held_elsewhere() => Plan::KeyElsewhere(why),
        Host::Managed => Plan::Renew(why),
    })
}

/// A certificate whose whole lifetime is no longer than `within` would be due again the
/// moment it is renewed (a 10-day certificate is always within 30 days, and so is a 30-day one,
/// backdated a few minutes): such a certificate is due once two thirds of its lifetime are
/// spent, so that renewal stays idempotent. The lifetime is the certificate's, or what a
/// renewal would issue, whichever is shorter.
fn effective(within: Threshold, cert: &CertRecord, validity_days: i64) -> Threshold {
    let lifetime = (cert.not_after - cert.not_before).min(chrono::Duration::days(validity_days));
    let margin = chrono::Duration::hours(1);
    match within {
        Threshold::Before(before) if before.duration() + margin >= lifetime => {
            Threshold::Spent(SHORT_LIVED_SPENT)
        }
        other => other,
    }
}

/// When a certificate shorter-lived than the threshold is due: two thirds of its lifetime, as
/// step's default.
const SHORT_LIVED_SPENT: u8 = 66;

/// Rotate `env` if it is (still) due; None when another renewal got there first.
pub fn renew(
    store: &Store,
    env: &EnvRef,
    within: Threshold,
    now: DateTime<Utc>,
) -> Result<Option<(Option<String>, CertRecord)>> {
    store.update_environment(env, |state| {
        if !matches!(plan(state, env, within, now)?, Plan::Renew(_)) {
            return Ok(None);
        }
        let environment = state.environment(env)?;
        let previous = environment.current_cert.clone();
        let key_type = environment.key_type;
        let validity = Validity::from_days(environment.validity_days);
        let cert = add_issued(state, env, key_type, validity, now)?;
        Ok(Some((previous, cert)))
    })
}
