//! Revocation and the issuer's own life, with the other side's software as the judge: openssl
//! (`crl -verify`, `verify -crl_check`), nginx (`ssl_crl`), curl against `serve`.

use std::process::Command;

use serde_json::Value;

use crate::serve::{Setup, curl, serve, setup};
use crate::support::peers::{self, ServerPki};
use crate::support::{World, has_openssl};

fn openssl_in(w: &World, args: &[&str]) -> (bool, String) {
    crate::support::openssl(args, w.dir.path())
}

/// Export a certificate's leaf, chain and key into the test directory; returns the leaf file.
fn export(w: &World, cert: &str) -> String {
    w.ok(&[
        "cert",
        "export",
        cert,
        "--out",
        w.dir.path().to_str().unwrap(),
        "--include-key",
    ]);
    w.json(&["cert", "show", cert])["variable"]
        .as_str()
        .unwrap()
        .to_string()
}

const REVOKED: &str = "shop_production_v1";

/// serve's setup (enforce) with shop/prod rotated: v1 and the live v2 exported with their keys
/// into the test directory. Returns the setup and the live certificate's variable.
fn rotated_setup() -> (Setup, String) {
    let s = setup("enforce");
    s.w.ok(&["cert", "rotate", "shop/prod"]);
    let live = export(&s.w, "shop/prod");
    (s, live)
}

/// `rotated_setup` with v1 revoked for key compromise.
fn revoked_setup() -> (Setup, String) {
    let (s, live) = rotated_setup();
    s.w.json(&["cert", "revoke", REVOKED, "--reason", "key-compromise"]);
    (s, live)
}

#[test]
fn the_current_certificate_is_revoked_only_with_rotate_and_an_older_one_is_listed_revoked() {
    let (s, _) = rotated_setup();
    let w = &s.w;
    // The current certificate is refused without --rotate; an older one is revoked.
    let before = w.state_bytes();
    let err = w.fails(&["cert", "revoke", "shop/prod"], 2);
    assert!(err.contains("--rotate"), "{err}");
    assert_eq!(w.state_bytes(), before);
    let done = w.json(&["cert", "revoke", REVOKED, "--reason", "key-compromise"]);
    assert_eq!(
        (done["changed"].clone(), done["in_crl"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    let listed = w.json(&["cert", "list", "shop/prod", "--status", "revoked"]);
    assert_eq!(listed[0]["variable"], REVOKED);
}

#[test]
fn a_revoked_certificate_cannot_be_selected_or_imported_again() {
    let (s, live) = revoked_setup();
    let w = &s.w;
    let err = w.fails(&["cert", "select", "shop/prod", REVOKED], 2);
    assert!(err.contains("was revoked"), "{err}");
    // Nor does it come back as an import.
    w.ok(&[
        "env",
        "create",
        "shop/dev",
        "--host",
        "self",
        "--cert",
        &format!("{live}.chain.pem"),
        "--key",
        &format!("{live}.key.pem"),
    ]);
    let err = w.fails(
        &[
            "cert",
            "import",
            "shop/dev",
            "--cert",
            &format!("{REVOKED}.chain.pem"),
            "--key",
            &format!("{REVOKED}.key.pem"),
        ],
        2,
    );
    assert!(err.contains("was revoked"), "{err}");
}

// The CRL: signed by the issuer, numbered upward, listing the revoked certificate only.
#[test]
fn the_crl_is_numbered_upward_and_openssl_verifies_it_and_refuses_only_the_revoked_one() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let (s, live) = revoked_setup();
    let w = &s.w;
    let first = w.json(&["issuer", "crl", "--out", "crl.pem"]);
    let second = w.json(&["issuer", "crl", "--out", "crl.pem"]);
    assert_eq!(
        first["number"].as_u64().unwrap() + 1,
        second["number"].as_u64().unwrap()
    );
    assert_eq!(second["revoked"], 1);
    let issuer = s.issuer.to_str().unwrap();
    let (ok, text) = openssl_in(
        w,
        &[
            "crl", "-in", "crl.pem", "-CAfile", issuer, "-verify", "-noout",
        ],
    );
    assert!(ok && text.contains("verify OK"), "{text}");
    let verify = |variable: &str| {
        openssl_in(
            w,
            &[
                "verify",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                issuer,
                &format!("{variable}.pem"),
            ],
        )
    };
    let (ok, text) = verify(REVOKED);
    assert!(!ok && text.contains("certificate revoked"), "{text}");
    let (ok, text) = verify(&live);
    assert!(ok, "{text}");
}

// nginx with ssl_crl: the revoked client is refused, the live one served.
#[test]
fn nginx_with_the_crl_refuses_the_revoked_client_and_serves_the_live_one() {
    if peers::nginx_binary().is_none() {
        eprintln!("skipped: nginx is not installed");
        return;
    }
    let (s, live) = revoked_setup();
    let w = &s.w;
    w.json(&["issuer", "crl", "--out", "crl.pem"]);
    let pki = ServerPki::write(w.dir.path());
    let crl = w.path("crl.pem");
    let locations = format!(
        "    ssl_crl {};\n    location / {{ return 200 \"hello\\n\"; }}",
        crl.display()
    );
    let nginx = peers::nginx(w.dir.path(), &pki, &s.issuer, "on", &locations);
    let status = |variable: &str, port: u16, ca: &str| {
        let out = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--cacert",
                ca,
            ])
            .args([
                "--cert",
                &format!("{variable}.chain.pem"),
                "--key",
                &format!("{variable}.key.pem"),
            ])
            .arg(format!("https://localhost:{port}/"))
            .current_dir(w.dir.path())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let server_ca = pki.ca.to_str().unwrap();
    assert_eq!(status(REVOKED, nginx.port, server_ca), "400");
    assert_eq!(status(&live, nginx.port, server_ca), "200");
}

// serve (enforce) refuses it in the handshake; permissive shows why, as nginx says it.
#[test]
fn serve_refuses_a_revoked_certificate_and_permissive_mode_says_it_was_revoked() {
    let (s, live) = revoked_setup();
    let w = &s.w;
    let issuer = s.issuer.to_str().unwrap();
    let server = serve(w, "api.test", &[]);
    let client = |variable: &str, port: u16| {
        let cert = w.path(&format!("{variable}.chain.pem"));
        let key = w.path(&format!("{variable}.key.pem"));
        curl(
            "api.test",
            port,
            "/",
            &[
                "--cacert",
                issuer,
                "--cert",
                cert.to_str().unwrap(),
                "--key",
                key.to_str().unwrap(),
            ],
        )
    };
    assert_ne!(client(REVOKED, server.port).0, 0);
    assert_eq!(client(&live, server.port).0, 0);
    drop(server);
    w.ok(&["domain", "set", "api.test", "--mode", "permissive"]);
    let server = serve(w, "api.test", &[]);
    let (code, body) = client(REVOKED, server.port);
    assert_eq!(code, 0, "{body}");
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        echo["variables"]["ssl_client_verify"],
        "FAILED:certificate revoked"
    );
}

#[test]
fn revoke_rotate_replaces_the_current_certificate_first_and_expiry_watches_the_crl() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let done = w.json(&[
        "cert",
        "revoke",
        "shop/prod",
        "--rotate",
        "--reason",
        "key-compromise",
    ]);
    assert_eq!(done["variable"], "shop_production_v1");
    let current = w.json(&["cert", "show", "shop/prod"]);
    assert_eq!(current["variable"], "shop_production_v2");
    assert_eq!(done["rotated_to"], current["id"]);
    // Revoking again changes nothing.
    let before = w.state_bytes();
    let again = w.json(&["cert", "revoke", "shop_production_v1"]);
    assert_eq!(again["changed"], false);
    assert_eq!(w.state_bytes(), before);

    // A 7-day CRL is fine at first, a warning once two thirds of its week have passed, and
    // critical once stale (nginx would refuse every client).
    let written = w.json(&["issuer", "crl", "--out", "crl.pem", "--next-update", "7d"]);
    let this_update: chrono::DateTime<chrono::Utc> =
        written["this_update"].as_str().unwrap().parse().unwrap();
    let crl_state = |days: i64| {
        let at = (this_update + chrono::Duration::days(days)).to_rfc3339();
        let out = w
            .cmd()
            .env("MTLSCTL_NOW", &at)
            .args(["--json", "expiry"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let item = report["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == "crl")
            .cloned();
        item.map(|i| i["state"].as_str().unwrap().to_string())
    };
    assert_eq!(crl_state(1).as_deref(), Some("ok"));
    assert_eq!(crl_state(5).as_deref(), Some("warning"));
    assert_eq!(crl_state(8).as_deref(), Some("critical"));
    // A new issuer has no CRL in that file yet (nginx would refuse its certificates): a warning
    // until it is written again; a CRL file that is gone is UNKNOWN, never OK.
    w.ok(&["issuer", "rotate"]);
    assert_eq!(crl_state(1).as_deref(), Some("warning"));
    w.ok(&["issuer", "crl", "--out", "crl.pem"]);
    assert_eq!(crl_state(1).as_deref(), Some("ok"));
    std::fs::remove_file(w.path("crl.pem")).unwrap();
    assert_eq!(crl_state(1).as_deref(), Some("unknown"));
}

#[test]
fn after_issuer_rotate_old_and_new_certificates_both_verify() {
    if !has_openssl() || peers::nginx_binary().is_none() {
        eprintln!("skipped: openssl or nginx is not installed");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let old = export(&w, "shop/prod");
    let old_issuer = w.json(&["issuer", "show"])["subject"].clone();
    let rotated = w.json(&["issuer", "rotate", "--key-type", "ec-p384"]);
    assert_eq!(rotated["trusted"], 2);
    assert_eq!(rotated["key_type"], "ec-p384");
    w.ok(&["cert", "rotate", "shop/prod"]);
    let new = export(&w, "shop/prod");
    let issuer = w.json(&["issuer", "show"]);
    assert_ne!(issuer["subject"], old_issuer);
    assert_eq!(w.json(&["cert", "show", &new])["issuer"], issuer["subject"]);
    assert_eq!(w.json(&["cert", "show", &old])["issuer"], old_issuer);

    w.ok(&["issuer", "export", "--out", "issuers.pem"]);
    let both = std::fs::read_to_string(w.path("issuers.pem")).unwrap();
    assert_eq!(both.matches("BEGIN CERTIFICATE").count(), 2);
    // The current issuer comes first: new certificates chain to it alone, old ones do not.
    let end = "-----END CERTIFICATE-----\n";
    let current = &both[..both.find(end).unwrap() + end.len()];
    w.write("new-issuer.pem", current);
    let alone = |leaf: &str| openssl_in(&w, &["verify", "-CAfile", "new-issuer.pem", leaf]).0;
    assert!(
        alone(&format!("{new}.pem")),
        "the new certificate chains to the new issuer"
    );
    assert!(!alone(&format!("{old}.pem")), "the old one does not");
    for variable in [&old, &new] {
        let (ok, text) = openssl_in(
            &w,
            &[
                "verify",
                "-CAfile",
                "issuers.pem",
                &format!("{variable}.pem"),
            ],
        );
        assert!(ok, "{variable}: {text}");
    }
    // The old certificate's chain is still its own issuer's.
    let chain = std::fs::read_to_string(w.path(&format!("{old}.chain.pem"))).unwrap();
    let (ok, text) = openssl_in(
        &w,
        &[
            "verify",
            "-CAfile",
            "issuers.pem",
            "-untrusted",
            &format!("{old}.chain.pem"),
            &format!("{old}.pem"),
        ],
    );
    assert!(
        ok && chain.matches("BEGIN CERTIFICATE").count() == 2,
        "{text}"
    );

    let pki = ServerPki::write(w.dir.path());
    let nginx = peers::nginx(
        w.dir.path(),
        &pki,
        &w.path("issuers.pem"),
        "on",
        "    location / { return 200 \"ok\\n\"; }",
    );
    for variable in [&old, &new] {
        let out = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--cacert",
                pki.ca.to_str().unwrap(),
            ])
            .args([
                "--cert",
                &format!("{variable}.chain.pem"),
                "--key",
                &format!("{variable}.key.pem"),
            ])
            .arg(format!("https://localhost:{}/", nginx.port))
            .current_dir(w.dir.path())
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "200", "{variable}");
    }
}

#[test]
fn issuer_import_takes_a_ca_made_with_openssl_and_refuses_what_is_not_one() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    for args in [
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -subj /CN=Team-Root-CA -days 3650 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign",
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.pem -subj /CN=not-a-ca -days 30 -addext basicConstraints=critical,CA:FALSE",
    ] {
        let (ok, text) = openssl_in(&w, &args.split(' ').collect::<Vec<_>>());
        assert!(ok, "{text}");
    }
    w.ok(&["property", "create", "shop"]);
    let before_any = w.state_bytes();
    for (cert, key, expected) in [
        ("leaf.pem", "leaf.key", "not a CA certificate"),
        ("ca.pem", "leaf.key", "does not match"),
    ] {
        let err = w.fails(&["issuer", "import", "--cert", cert, "--key", key], 2);
        assert!(err.contains(expected), "{cert} {key}: {err}");
        assert_eq!(w.state_bytes(), before_any);
    }
    let imported = w.json(&["issuer", "import", "--cert", "ca.pem", "--key", "ca.key"]);
    assert_eq!(imported["subject"], "CN=Team-Root-CA");
    w.ok(&["env", "create", "shop/prod"]);
    let variable = export(&w, "shop/prod");
    let (ok, text) = openssl_in(
        &w,
        &["verify", "-CAfile", "ca.pem", &format!("{variable}.pem")],
    );
    assert!(ok, "{text}");
    let err = w.fails(
        &["issuer", "import", "--cert", "ca.pem", "--key", "ca.key"],
        2,
    );
    assert!(err.contains("already an issuer"), "{err}");
}

/// shop/prod, and a CSR for a key made by openssl (device.key, device.csr, CN=device-42).
fn device_csr() -> World {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let (ok, text) = openssl_in(
        &w,
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "device.key",
            "-subj",
            "/CN=device-42",
            "-out",
            "device.csr",
        ],
    );
    assert!(ok, "{text}");
    w
}

#[test]
fn renew_leaves_a_certificate_whose_key_is_held_elsewhere_to_its_owner() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = device_csr();
    w.ok(&[
        "cert",
        "sign",
        "shop/prod",
        "--csr",
        "device.csr",
        "--validity",
        "10d",
    ]);
    let before = w.state_bytes();
    // Nine of its ten days spent: due.
    let later = (chrono::Utc::now() + chrono::Duration::days(9)).to_rfc3339();
    let renewal: serde_json::Value =
        serde_json::from_str(&w.ok_at(&later, &["--json", "cert", "renew"])).unwrap();
    assert_eq!(renewal["renewed"], serde_json::json!([]), "{renewal}");
    let skipped = &renewal["skipped"][0];
    assert_eq!(
        (skipped["environment"].as_str(), skipped["reason"].as_str()),
        (Some("shop/production"), Some("key-elsewhere")),
        "{renewal}"
    );
    assert_eq!(w.state_bytes(), before, "nothing was rotated");
}

#[test]
fn cert_sign_certifies_a_key_made_elsewhere_for_the_environment() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = device_csr();
    let signed = w.ok(&["cert", "sign", "shop/prod", "--csr", "device.csr"]);
    w.write("signed.pem", &signed);
    w.ok(&["issuer", "export", "--out", "issuer.pem"]);
    let (ok, text) = openssl_in(&w, &["verify", "-CAfile", "issuer.pem", "signed.pem"]);
    assert!(ok, "{text}");
    let (_, text) = openssl_in(
        &w,
        &[
            "x509",
            "-in",
            "signed.pem",
            "-noout",
            "-subject",
            "-ext",
            "extendedKeyUsage",
        ],
    );
    assert!(
        text.contains("CN = shop/production") && text.contains("TLS Web Client Authentication"),
        "{text}"
    );
    // The certificate carries the device's key.
    let (_, from_cert) = openssl_in(&w, &["x509", "-in", "signed.pem", "-noout", "-pubkey"]);
    let (_, from_key) = openssl_in(&w, &["pkey", "-in", "device.key", "-pubout"]);
    assert_eq!(from_cert, from_key);
    let show = w.json(&["cert", "show", "shop/prod"]);
    assert_eq!(show["subject"], "CN=shop/production, O=shop, OU=production");
}

// Its key is not in the store: an export with the key is refused, clearly.
#[test]
fn a_certificate_signed_from_a_csr_is_not_exported_with_a_key() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = device_csr();
    w.ok(&["cert", "sign", "shop/prod", "--csr", "device.csr"]);
    let err = w.fails(&["cert", "export", "shop/prod", "--include-key"], 2);
    assert!(err.contains("signed from a CSR"), "{err}");
}

// A key of a curve clients refuse is named as such, not as a forgery.
#[test]
fn a_csr_for_a_curve_clients_refuse_is_named_as_such_and_changes_nothing() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = device_csr();
    let before = w.state_bytes();
    let (ok, text) = openssl_in(
        &w,
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:secp256k1",
            "-nodes",
            "-keyout",
            "k1.key",
            "-subj",
            "/CN=k1",
            "-out",
            "k1.csr",
        ],
    );
    assert!(ok, "{text}");
    let err = w.fails(&["cert", "sign", "shop/prod", "--csr", "k1.csr"], 2);
    assert!(
        err.contains("curve") && !err.contains("does not verify"),
        "{err}"
    );
    assert_eq!(w.state_bytes(), before);
}

// A CSR whose signature does not verify (one byte of it changed) is refused.
#[test]
fn a_forged_csr_is_refused_by_name_and_changes_nothing() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = device_csr();
    let (ok, text) = openssl_in(
        &w,
        &[
            "req",
            "-in",
            "device.csr",
            "-outform",
            "DER",
            "-out",
            "device.der",
        ],
    );
    assert!(ok, "{text}");
    let mut der = std::fs::read(w.path("device.der")).unwrap();
    let last = der.len() - 3;
    der[last] ^= 0x01;
    w.write("forged.der", der);
    let before = w.state_bytes();
    let err = w.fails(&["cert", "sign", "shop/prod", "--csr", "forged.der"], 2);
    assert!(
        err.contains("does not verify") && err.contains("forged.der"),
        "{err}"
    );
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn the_new_commands_refuse_bad_input_clearly_and_change_nothing() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    w.write("page.html", "<!DOCTYPE html><html>Sign in</html>");
    w.write("empty.csr", "");
    let before = w.state_bytes();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["cert", "revoke", "nope"],
            2,
            "there is no certificate 'nope'",
        ),
        (
            &["cert", "revoke", "shop/prod", "--reason", "bored"],
            2,
            "--reason",
        ),
        (
            &["cert", "sign", "shop/prod", "--csr", "missing.csr"],
            1,
            "missing.csr",
        ),
        (
            &["cert", "sign", "shop/prod", "--csr", "page.html"],
            2,
            "is not a certificate signing request",
        ),
        (
            &["cert", "sign", "shop/dev", "--csr", "page.html"],
            2,
            "there is no environment shop/development",
        ),
        (
            &["issuer", "crl", "--next-update", "0s"],
            2,
            "--next-update",
        ),
        (
            &[
                "issuer",
                "import",
                "--cert",
                "missing.pem",
                "--key",
                "missing.key",
            ],
            1,
            "missing.pem",
        ),
        (
            &[
                "issuer",
                "import",
                "--cert",
                "page.html",
                "--key",
                "page.html",
            ],
            2,
            "page.html",
        ),
        (&["issuer", "rotate", "--key-type", "dsa"], 2, "--key-type"),
    ];
    for (args, code, expected) in cases {
        let err = w.fails(args, *code);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(
            !err.contains("Error(") && !err.contains("Other("),
            "{args:?}: {err}"
        );
        assert_eq!(w.state_bytes(), before, "{args:?} changed the state");
    }
}

/// Deleting an environment would drop its revoked certificates from the CRL: refused while
/// any of them is still valid.
#[test]
fn an_environment_with_live_revocations_is_not_deleted() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/dev"]);
    w.ok(&[
        "cert",
        "revoke",
        "shop/dev",
        "--rotate",
        "--reason",
        "key-compromise",
    ]);
    let before = w.state_bytes();
    for args in [
        vec!["env", "delete", "shop/dev"],
        vec!["property", "delete", "shop", "--force"],
    ] {
        let err = w.fails(&args, 2);
        assert!(
            err.contains("revoked certificates that have not expired"),
            "{args:?}: {err}"
        );
        assert_eq!(w.state_bytes(), before);
    }
}
