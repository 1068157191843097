//! `issuer import` of CAs made with openssl that it must refuse or warn about.

use crate::support::{World, has_openssl, openssl};

/// A CA made by `openssl req -x509` in the test directory: NAME.pem and NAME.key.
fn openssl_ca(w: &World, name: &str, days: &str, key_usage: &str) {
    let (ok, text) = openssl(
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
            "-subj",
            &format!("/CN={name}"),
            "-days",
            days,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            &format!("keyUsage=critical,{key_usage}"),
        ],
        w.dir.path(),
    );
    assert!(ok, "{text}");
}

#[test]
fn a_ca_that_may_not_sign_certificates_is_refused_and_nothing_changes() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    openssl_ca(&w, "no-sign", "3650", "digitalSignature");
    let before = w.state_bytes();
    let err = w.fails(
        &[
            "issuer",
            "import",
            "--cert",
            "no-sign.pem",
            "--key",
            "no-sign.key",
        ],
        2,
    );
    assert!(
        err.contains("may not sign certificates (its key usage lacks keyCertSign)"),
        "{err}"
    );
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn a_short_lived_ca_or_one_that_may_not_sign_crls_is_imported_with_a_warning() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    openssl_ca(&w, "short", "30", "keyCertSign");
    let out = w
        .cmd()
        .args([
            "issuer",
            "import",
            "--cert",
            "short.pem",
            "--key",
            "short.key",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("certificates of the default 365 days are refused"),
        "{stderr}"
    );
    assert!(
        stderr.contains("may not sign CRLs (its key usage lacks cRLSign)"),
        "{stderr}"
    );
    w.ok(&["property", "create", "shop"]);
    let err = w.fails(&["env", "create", "shop/prod"], 2);
    assert!(
        err.contains("issuer"),
        "a certificate outliving the issuer is refused: {err}"
    );
    w.ok(&["env", "create", "shop/prod", "--validity", "20d"]);
}
