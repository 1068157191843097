//! Tables as people see them: in a terminal of 80 columns no line wraps at the edge, colour
//! covers the text and never the padding, and `--wide` or a pipe shows every column in full.

use std::process::Command;

use crate::support::World;

/// Whether util-linux `script` (a pseudo-terminal for the command) is here.
fn has_script() -> bool {
    Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// mtlsctl's stdout as a terminal of `columns` columns shows it (through `script`).
fn in_terminal(w: &World, columns: u16, args: &[&str]) -> String {
    let binary = assert_cmd::cargo::cargo_bin("mtlsctl");
    let mut line = format!("'{}'", binary.display());
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("MTLSCTL_STATE", &w.state)
        .env("COLUMNS", columns.to_string())
        .env_remove("NO_COLOR")
        .env_remove("MTLSCTL_NOW")
        .current_dir(w.dir.path())
        .output()
        .unwrap();
    // expiry's verdict may be WARNING (1); anything else is a failure.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

/// The text without colour codes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A state whose values are as long as real ones get.
fn lived_in() -> World {
    let w = World::new();
    w.ok(&["property", "create", "customer-portal-europe"]);
    let deploy_dir = w.path("deployed/customer-portal-europe/production");
    w.ok(&[
        "env",
        "create",
        "customer-portal-europe/prod",
        "--name",
        "Customer portal (Europe), production cluster",
        "--deploy-dir",
        deploy_dir.to_str().unwrap(),
    ]);
    w.ok(&["env", "create", "customer-portal-europe/staging"]);
    w.ok(&["cert", "deploy", "customer-portal-europe/prod"]);
    w.ok(&["cert", "rotate", "customer-portal-europe/prod"]);
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    w.ok(&["ca", "add", "local-issuer", issuer.to_str().unwrap()]);
    w.ok(&[
        "domain",
        "add",
        "payments-gateway.internal.example.com",
        "--ca",
        "local-issuer",
    ]);
    w.ok(&[
        "rule",
        "add",
        "payments-gateway.internal.example.com",
        "require-a-valid-client-certificate",
        "--criteria",
        "hostname is-equal payments-gateway.internal.example.com",
        "--criteria",
        "client_certificate_validation is-not-equal true",
        "--behavior",
        "deny 403",
    ]);
    w
}

#[test]
fn listings_fit_80_columns_in_a_terminal_and_keep_everything_with_wide() {
    if !has_script() {
        eprintln!("skipped: util-linux script is not installed");
        return;
    }
    let w = lived_in();
    let issuer = w.path("issuer.pem");
    let listings: Vec<Vec<&str>> = vec![
        vec!["cert", "list"],
        vec!["expiry", "--file", issuer.to_str().unwrap()],
        vec!["datacenter", "list"],
        vec!["domain", "show", "payments-gateway.internal.example.com"],
        vec!["domain", "list"],
        vec!["env", "list"],
        vec!["ca", "list"],
        vec!["property", "list"],
    ];
    for args in &listings {
        let shown = plain(&in_terminal(&w, 80, args));
        assert!(
            shown.lines().count() > 1,
            "{args:?} showed nothing:\n{shown}"
        );
        for line in shown.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: a line of {} columns:\n{shown}",
                line.chars().count()
            );
        }
    }
    // What gave way at 80 columns is all there with --wide, and in a pipe.
    let wide = plain(&in_terminal(&w, 80, &["--wide", "cert", "list"]));
    let piped = w.ok(&["cert", "list"]);
    for shown in [&wide, &piped] {
        let header = shown.lines().next().unwrap();
        for column in ["ENVIRONMENT", "NAME", "CREATED", "VARIABLE", "DEPLOYMENT"] {
            assert!(header.contains(column), "{header}");
        }
        assert!(shown.lines().any(|l| l.chars().count() > 80), "{shown}");
    }
}

#[test]
fn cert_list_says_which_certificate_is_deployed_and_colours_only_text() {
    if !has_script() {
        eprintln!("skipped: util-linux script is not installed");
        return;
    }
    let w = lived_in();
    let listing = w.ok(&["cert", "list", "customer-portal-europe/prod"]);
    let deployment = |variable: &str| {
        listing
            .lines()
            .find(|l| l.contains(variable))
            .and_then(|l| l.split_whitespace().last())
            .unwrap()
            .to_string()
    };
    // v1 is what the servers have; v2 is current and waits for its deploy.
    assert_eq!(
        deployment("customer_portal_europe_production_v1"),
        "deployed"
    );
    assert_eq!(
        deployment("customer_portal_europe_production_v2"),
        "needs-deployment"
    );
    let list = w.json(&["cert", "list", "customer-portal-europe/prod"]);
    let deployed: Vec<bool> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["deployed"].as_bool().unwrap())
        .collect();
    assert_eq!(deployed.iter().filter(|d| **d).count(), 1, "{list}");

    let coloured = in_terminal(&w, 200, &["--color", "always", "cert", "list"]);
    assert!(coloured.contains("\x1b["), "no colour: {coloured:?}");
    for reset in [" \x1b[39m", " \x1b[0m"] {
        assert!(
            !coloured.contains(reset),
            "colour over padding: {coloured:?}"
        );
    }
}
