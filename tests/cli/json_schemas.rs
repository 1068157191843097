//! Every documented `--json` schema, pinned: the keys each command prints are exactly the keys
//! the README promises (section "Tables and JSON output"), and the README names each of them.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::World;

/// (what, command, JSON pointer to the object, its documented keys)
const SCHEMAS: &[(&str, &[&str], &str, &[&str])] = &[
    (
        "cert list",
        &["cert", "list"],
        "/0",
        &[
            "id",
            "environment",
            "name",
            "variable",
            "created",
            "not_before",
            "not_after",
            "days_left",
            "status",
            "deployment_status",
            "deployed",
            "key_type",
            "serial",
            "sha256",
            "subject",
            "sans",
        ],
    ),
    (
        "cert show",
        &["cert", "show", "shop/prod"],
        "",
        &[
            "id",
            "environment",
            "name",
            "variable",
            "created",
            "not_before",
            "not_after",
            "days_left",
            "status",
            "deployment_status",
            "deployed",
            "key_type",
            "serial",
            "sha256",
            "subject",
            "sans",
            "issuer",
            "pem",
        ],
    ),
    ("expiry", &["expiry"], "", &["status", "counts", "items"]),
    (
        "expiry counts",
        &["expiry"],
        "/counts",
        &["critical", "unknown", "warning", "ok"],
    ),
    (
        "expiry items",
        &["expiry"],
        "/items/0",
        &[
            "kind",
            "name",
            "environment",
            "not_before",
            "not_after",
            "days_left",
            "state",
            "reason",
        ],
    ),
    (
        "datacenter list",
        &["datacenter", "list"],
        "/0",
        &[
            "id",
            "name",
            "year",
            "valid_from",
            "valid_to",
            "days_left",
            "recommended",
            "downloaded",
        ],
    ),
    (
        "domain list",
        &["domain", "list"],
        "/0",
        &["host", "ca", "mode", "created", "rules"],
    ),
    (
        "domain show",
        &["domain", "show", "api.test"],
        "",
        &["host", "ca", "mode", "created", "rules"],
    ),
    (
        "domain rules",
        &["domain", "show", "api.test"],
        "/rules/0",
        &["name", "criteria", "behaviors"],
    ),
    (
        "env list",
        &["env", "list"],
        "/0",
        &[
            "property",
            "stage",
            "environment",
            "name",
            "host",
            "created",
            "key_type",
            "validity_days",
            "current_cert",
            "deployed_cert",
            "deployment_status",
            "last_deploy",
            "deploy",
        ],
    ),
    (
        "env deploy",
        &["env", "show", "shop/prod"],
        "/deploy",
        &["dir", "hook"],
    ),
    (
        "env last_deploy",
        &["env", "show", "shop/prod"],
        "/last_deploy",
        &["at", "ok", "error", "cert", "manual"],
    ),
    (
        "cert renew",
        &["cert", "renew", "--dry-run"],
        "",
        &["renewed", "skipped", "failed", "retried", "dry_run"],
    ),
    (
        "cert renew skipped",
        &["cert", "renew", "--dry-run"],
        "/skipped/0",
        &["environment", "reason", "detail"],
    ),
    (
        "cert renew renewed",
        &["cert", "renew", "--dry-run"],
        "/renewed/0",
        &[
            "environment",
            "reason",
            "previous_cert",
            "current_cert",
            "variable",
            "deployed",
        ],
    ),
    (
        "cert deploy",
        &["cert", "deploy", "shop/staging"],
        "",
        &[
            "environment",
            "deployed_cert",
            "variable",
            "dir",
            "hook",
            "skipped",
        ],
    ),
    (
        "cert revoke",
        &["cert", "revoke", "shop_staging_v1"],
        "",
        &[
            "id",
            "variable",
            "environment",
            "revoked_at",
            "reason",
            "changed",
            "rotated_to",
            "in_crl",
        ],
    ),
    (
        "cert sign",
        &["cert", "sign", "shop/staging", "--csr", "device.csr"],
        "",
        &[
            "environment",
            "id",
            "variable",
            "subject",
            "not_after",
            "key_type",
            "pem",
        ],
    ),
    (
        "issuer crl",
        &["issuer", "crl"],
        "",
        &[
            "number",
            "this_update",
            "next_update",
            "revoked",
            "path",
            "pem",
        ],
    ),
    (
        "state copy",
        &["state", "copy", "--to", "copy.json"],
        "",
        &[
            "from",
            "to",
            "properties",
            "environments",
            "certificates",
            "trusted_cas",
            "domains",
            "datacenter_downloads",
            "issuers",
        ],
    ),
    (
        "issuer rotate",
        &["issuer", "rotate"],
        "",
        &["subject", "key_type", "not_after", "sha256", "trusted"],
    ),
    // Last: it renews shop/dev for real, and its hook fails.
    (
        "cert renew failed",
        &["cert", "renew", "--deploy"],
        "/failed/0",
        &["environment", "step", "error"],
    ),
];

#[test]
fn every_json_schema_has_exactly_its_documented_keys() {
    let w = World::new();
    w.shop();
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    w.ok(&["ca", "add", "local", issuer.to_str().unwrap()]);
    w.ok(&["domain", "add", "api.test", "--ca", "local"]);
    w.ok(&["rule", "add", "api.test", "r", "--behavior", "deny 403"]);
    w.ok(&["env", "set", "shop/staging", "--deploy-hook", "true"]);
    // Issued long ago: due (expired), so that `cert renew` has something to renew.
    w.ok_at(
        "2026-01-01T00:00:00Z",
        &["env", "create", "shop/dev", "--validity", "10d"],
    );
    w.ok(&["env", "set", "shop/dev", "--deploy-hook", "exit 7"]);
    w.ok(&["cert", "rotate", "shop/staging"]);
    let csr = rcgen::CertificateParams::default()
        .serialize_request(&rcgen::KeyPair::generate().unwrap())
        .unwrap();
    w.write("device.csr", csr.pem().unwrap());
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## Tables and JSON output")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a section 'Tables and JSON output'");
    let mut problems = Vec::new();
    for (what, command, pointer, documented) in SCHEMAS {
        let mut args = vec!["--json"];
        args.extend_from_slice(command);
        let out = w.cmd().args(&args).output().unwrap();
        let value: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
        let Some(object) = value.pointer(pointer).and_then(Value::as_object) else {
            problems.push(format!("{what}: no object at '{pointer}' in {value}"));
            continue;
        };
        let actual: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        let expected: BTreeSet<&str> = documented.iter().copied().collect();
        for key in expected.difference(&actual) {
            problems.push(format!("{what}: documented key '{key}' is missing"));
        }
        for key in actual.difference(&expected) {
            problems.push(format!("{what}: key '{key}' is not documented"));
        }
        for key in &expected {
            if !section.contains(key) {
                problems.push(format!("{what}: the README does not name '{key}'"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
