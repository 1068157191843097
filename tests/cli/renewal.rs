//! `cert renew`: exactly what is due, once, with deploys reported per environment; and
//! `cert deploy` that does nothing when nothing changed.

use serde_json::Value;

use crate::support::World;

const T0: &str = "2026-01-01T00:00:00Z";
/// 97 days after T0: the three environments below have 3, 20 and 200 days left.
const LATER: &str = "2026-04-08T00:00:00Z";

/// `--json` output and exit code at the clock `now`.
fn json_at(w: &World, now: &str, args: &[&str]) -> (Value, i32) {
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", now)
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "{args:?}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (value, out.status.code().unwrap())
}

fn environments(list: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["environment"].as_str().unwrap())
        .collect();
    names.sort();
    names
}

/// Three environments with 3, 20 and 200 days left at LATER; development logs its deploys,
/// staging's hook fails.
fn shop_at_three_ages(w: &World) -> std::path::PathBuf {
    let log = w.path("deploys.log");
    w.ok_at(T0, &["property", "create", "shop"]);
    for (stage, validity) in [("dev", "100d"), ("staging", "117d"), ("prod", "297d")] {
        let env = format!("shop/{stage}");
        w.ok_at(T0, &["env", "create", &env, "--validity", validity]);
    }
    let logging = format!(
        "echo \"$MTLSCTL_ENV $MTLSCTL_VARIABLE\" >> {}",
        log.display()
    );
    w.ok_at(T0, &["env", "set", "shop/dev", "--deploy-hook", &logging]);
    w.ok_at(
        T0,
        &["env", "set", "shop/staging", "--deploy-hook", "exit 3"],
    );
    w.ok_at(T0, &["env", "set", "shop/prod", "--deploy-hook", &logging]);
    log
}

#[test]
fn renew_rotates_exactly_what_is_due_once_and_reports_each_deploy() {
    let w = World::new();
    let log = shop_at_three_ages(&w);

    // --dry-run says what it would do and changes nothing.
    let before = w.state_bytes();
    let (plan, code) = json_at(
        &w,
        LATER,
        &["cert", "renew", "--within", "30d", "--dry-run"],
    );
    assert_eq!(code, 0);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(
        environments(&plan["renewed"]),
        ["shop/development", "shop/staging"]
    );
    assert_eq!(w.state_bytes(), before, "--dry-run changed the state");

    // The two due ones are renewed and deployed; staging's hook fails and is reported, the
    // others still go through; exit 1.
    let (done, code) = json_at(&w, LATER, &["cert", "renew", "--within", "30d", "--deploy"]);
    assert_eq!(code, 1, "{done}");
    assert_eq!(
        environments(&done["renewed"]),
        ["shop/development", "shop/staging"]
    );
    assert_eq!(environments(&done["skipped"]), ["shop/production"]);
    assert_eq!(done["skipped"][0]["reason"], "not-due");
    let failed = done["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{done}");
    assert_eq!(failed[0]["environment"], "shop/staging");
    assert_eq!(failed[0]["step"], "deploy");
    for renewed in done["renewed"].as_array().unwrap() {
        let deployed = renewed["environment"] == "shop/development";
        assert_eq!(renewed["deployed"], deployed, "{renewed}");
        assert_ne!(renewed["current_cert"], renewed["previous_cert"]);
    }
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "shop/development shop_development_v2\n"
    );

    // The failed deploy is not lost to the next quiet run: once the hook is fixed, --deploy
    // deploys staging again (nothing is renewed).
    let fixed = format!(
        "echo \"$MTLSCTL_ENV $MTLSCTL_VARIABLE\" >> {}",
        log.display()
    );
    w.ok_at(
        LATER,
        &["env", "set", "shop/staging", "--deploy-hook", &fixed],
    );
    let (retry, code) = json_at(&w, LATER, &["cert", "renew", "--within", "30d", "--deploy"]);
    assert_eq!(code, 0, "{retry}");
    assert!(retry["renewed"].as_array().unwrap().is_empty(), "{retry}");
    assert_eq!(
        retry["retried"][0]["environment"], "shop/staging",
        "{retry}"
    );
    assert_eq!(retry["retried"][0]["deployed"], true);
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);

    // At once again: nothing is due, nothing changes, no hook runs.
    let before = w.state_bytes();
    let (again, code) = json_at(&w, LATER, &["cert", "renew", "--within", "30d", "--deploy"]);
    assert_eq!(code, 0, "{again}");
    assert!(again["renewed"].as_array().unwrap().is_empty(), "{again}");
    assert!(again["failed"].as_array().unwrap().is_empty(), "{again}");
    assert_eq!(w.state_bytes(), before);
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);
}

#[test]
fn renew_within_a_share_of_the_lifetime_follows_each_certificate() {
    let w = World::new();
    shop_at_three_ages(&w);
    // shop/prod lives 297 days: 66% of it is spent after 196 days.
    let due = |now: &str| {
        let (plan, _) = json_at(
            &w,
            now,
            &["cert", "renew", "shop/prod", "--within", "66%", "--dry-run"],
        );
        !plan["renewed"].as_array().unwrap().is_empty()
    };
    assert!(!due("2026-07-14T00:00:00Z"), "64% spent is not due");
    assert!(due("2026-07-18T00:00:00Z"), "67% spent is due");
}

/// A certificate that lives less than --within would be due again the moment it is renewed: it
/// is renewed at two thirds of its lifetime instead, so hourly cron runs renew it once.
#[test]
fn short_lived_certificates_are_renewed_once_not_on_every_run() {
    let w = World::new();
    w.ok_at(T0, &["property", "create", "shop"]);
    w.ok_at(T0, &["env", "create", "shop/dev", "--validity", "10d"]);
    let renewed = |now: &str| {
        let (done, code) = json_at(&w, now, &["cert", "renew"]);
        assert_eq!(code, 0, "{done}");
        done["renewed"].as_array().unwrap().len()
    };
    assert_eq!(renewed("2026-01-02T00:00:00Z"), 0, "10% spent");
    assert_eq!(renewed("2026-01-08T00:00:00Z"), 1, "70% spent");
    assert_eq!(renewed("2026-01-08T00:00:00Z"), 0, "just renewed");
}

#[test]
fn renew_never_rotates_self_hosted_environments_and_refuses_unknown_ones() {
    let w = World::new();
    w.ok(&["property", "create", "billing"]);
    let ca = crate::support::TestCa::new("Billing CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = w.write("c.pem", ca.client("billing", &key, -1, 5));
    let key = w.write("c.key", key.serialize_pem());
    w.ok(&[
        "env",
        "create",
        "billing/prod",
        "--host",
        "self",
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ]);
    let before = w.state_bytes();
    let (done, code) = json_at(&w, "2099-01-01T00:00:00Z", &["cert", "renew"]);
    assert_eq!(code, 0);
    assert_eq!(done["skipped"][0]["reason"], "self-hosted", "{done}");
    assert!(done["renewed"].as_array().unwrap().is_empty());
    assert_eq!(w.state_bytes(), before);
    let err = w.fails(&["cert", "renew", "billing/dev"], 2);
    assert!(
        err.contains("there is no environment billing/development"),
        "{err}"
    );
    let err = w.fails(&["cert", "renew", "--within", "soon"], 2);
    assert!(err.contains("--within"), "{err}");
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn deploy_does_nothing_when_the_current_certificate_is_already_deployed() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let log = w.path("hook.log");
    let hook = format!("echo ran >> {}", log.display());
    w.ok(&["env", "set", "shop/prod", "--deploy-hook", &hook]);
    w.ok(&["cert", "deploy", "shop/prod"]);
    let before = w.state_bytes();
    let again = w.json(&["cert", "deploy", "shop/prod"]);
    assert_eq!(again["skipped"], true);
    assert_eq!(w.state_bytes(), before);
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "ran\n");
    let forced = w.json(&["cert", "deploy", "shop/prod", "--force"]);
    assert_eq!(forced["skipped"], false);
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "ran\nran\n");
}

/// A 30-day certificate is backdated a few minutes, so it always has less than 30 days left:
/// `--within 30d` renews it once, not on every run.
#[test]
fn a_validity_equal_to_within_is_renewed_once() {
    let w = World::new();
    w.ok_at(T0, &["property", "create", "shop"]);
    w.ok_at(T0, &["env", "create", "shop/prod", "--validity", "30d"]);
    let renewed = |now: &str| {
        let (done, code) = json_at(&w, now, &["cert", "renew", "--within", "30d"]);
        assert_eq!(code, 0, "{done}");
        done["renewed"].as_array().unwrap().len()
    };
    assert_eq!(renewed("2026-01-01T00:10:00Z"), 0);
    assert_eq!(renewed("2026-01-01T00:10:01Z"), 0);
    assert_eq!(renewed("2026-01-25T00:00:00Z"), 1);
    assert_eq!(renewed("2026-01-25T00:00:00Z"), 0);
}
