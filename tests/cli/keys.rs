//! Keys as the other side's software reads them: OpenSSL 3 (`openssl pkey`, `openssl pkcs12`),
//! curl and nginx load every key type mtlsctl writes.

use std::process::Command;

use crate::support::peers::{self, ServerPki};
use crate::support::{World, has_openssl, openssl};

const KEY_TYPES: [&str; 6] = [
    "ec-p256", "ec-p384", "ed25519", "rsa-2048", "rsa-3072", "rsa-4096",
];

/// For each key type, a property k-{type} whose production environment is deployed to
/// deployed-{type}/.
fn deployed_every_key_type(w: &World) {
    for key_type in KEY_TYPES {
        let property = format!("k-{key_type}");
        let dir = w.path(&format!("deployed-{key_type}"));
        w.ok(&["property", "create", &property]);
        w.ok(&[
            "env",
            "create",
            &format!("{property}/prod"),
            "--key-type",
            key_type,
            "--deploy-dir",
            dir.to_str().unwrap(),
        ]);
        w.ok(&["cert", "deploy", &format!("{property}/prod")]);
    }
}

#[test]
fn openssl_reads_the_deployed_key_of_every_key_type() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    deployed_every_key_type(&w);
    for key_type in KEY_TYPES {
        let key = w.path(&format!("deployed-{key_type}")).join("key.pem");
        let (ok, text) = openssl(
            &["pkey", "-in", key.to_str().unwrap(), "-noout"],
            w.dir.path(),
        );
        assert!(ok, "{key_type}: openssl pkey: {text}");
    }
}

#[test]
fn openssl_opens_the_pkcs12_export_of_every_key_type() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    deployed_every_key_type(&w);
    let password = w.write("password.txt", "s3cret\n");
    for key_type in KEY_TYPES {
        let out = w.path(&format!("p12-{key_type}"));
        w.ok(&[
            "cert",
            "export",
            &format!("k-{key_type}/prod"),
            "--format",
            "p12",
            "--password-file",
            password.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let p12 = std::fs::read_dir(&out)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let (ok, text) = openssl(
            &[
                "pkcs12",
                "-info",
                "-in",
                p12.to_str().unwrap(),
                "-passin",
                &format!("file:{}", password.display()),
                "-noenc",
            ],
            w.dir.path(),
        );
        assert!(
            ok && text.contains("PRIVATE KEY"),
            "{key_type}: openssl pkcs12: {text}"
        );
    }
}

#[test]
fn nginx_accepts_curl_and_mtlsctl_presenting_every_key_type() {
    // nginx requires a client certificate from the issuer; curl presents each deployed pair.
    if peers::nginx_binary().is_none() {
        eprintln!("skipped: nginx is not installed (.ci/run installs it)");
        return;
    }
    let w = World::new();
    deployed_every_key_type(&w);
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    let pki = ServerPki::write(w.dir.path());
    let nginx = peers::nginx(
        w.dir.path(),
        &pki,
        &issuer,
        "on",
        "location / { return 200 \"hello $ssl_client_s_dn\\n\"; }",
    );
    let url = format!("https://localhost:{}/", nginx.port);
    for key_type in KEY_TYPES {
        let dir = w.path(&format!("deployed-{key_type}"));
        let out = Command::new("curl")
            .args(["-sS", "--cacert"])
            .arg(&pki.ca)
            .arg("--cert")
            .arg(dir.join("cert.pem"))
            .arg("--key")
            .arg(dir.join("key.pem"))
            .arg(&url)
            .output()
            .expect("curl runs");
        let body = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && body.contains(&format!("O=k-{key_type}")),
            "{key_type}: curl: {body} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let body = w.ok(&[
            "request",
            &url,
            "--env",
            &format!("k-{key_type}/prod"),
            "--cacert",
            pki.ca.to_str().unwrap(),
        ]);
        assert!(
            body.contains(&format!("O=k-{key_type}")),
            "{key_type}: {body}"
        );
    }
}

/// Moving from step or an openssl PKI without writing a plaintext key to disk: a PKCS#12 bundle
/// and an encrypted PKCS#8 key, both as openssl writes them, opened with --password-file.
#[test]
fn imports_take_pkcs12_and_encrypted_keys_with_a_password_file() {
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "billing"]);
    let ca = crate::support::TestCa::new("Step Test CA");
    let key = rcgen::KeyPair::generate().unwrap();
    w.write("plain.key", key.serialize_pem());
    w.write("client.pem", ca.client("billing-client", &key, -1, 100));
    w.write("ca.pem", &ca.cert_pem);
    let password = w.write("password.txt", "correct horse\n");
    for args in [
        "pkcs8 -topk8 -v2 aes-256-cbc -in plain.key -out encrypted.key -passout file:password.txt",
        "pkcs12 -export -in client.pem -inkey plain.key -certfile ca.pem -out client.p12 -passout file:password.txt",
    ] {
        let (ok, text) =
            crate::support::openssl(&args.split(' ').collect::<Vec<_>>(), w.dir.path());
        assert!(ok, "{args}: {text}");
    }
    let (p12, encrypted) = (w.path("client.p12"), w.path("encrypted.key"));
    let (p12, encrypted, password) = (
        p12.to_str().unwrap(),
        encrypted.to_str().unwrap(),
        password.to_str().unwrap(),
    );
    // The same key's next certificate, imported with the key encrypted.
    let cert = w.write("client2.pem", ca.client("billing-client", &key, -1, 100));
    let cert = cert.to_str().unwrap();

    w.ok(&[
        "env",
        "create",
        "billing/prod",
        "--host",
        "self",
        "--p12",
        p12,
        "--password-file",
        password,
    ]);
    let show = w.json(&["cert", "show", "billing/prod"]);
    assert_eq!(show["subject"], "CN=billing-client");
    assert_eq!(show["issuer"], "CN=Step Test CA");
    let exported = w.ok(&["cert", "export", "billing/prod"]);
    assert_eq!(
        exported.matches("BEGIN CERTIFICATE").count(),
        2,
        "the chain came along"
    );

    w.ok(&[
        "cert",
        "import",
        "billing/prod",
        "--cert",
        cert,
        "--key",
        encrypted,
        "--password-file",
        password,
    ]);
    assert_eq!(
        w.json(&["cert", "show", "billing/prod"])["variable"],
        "billing_production_v2"
    );

    // Without the password, or with a wrong one: a clear error, and nothing changes.
    let before = w.state_bytes();
    let wrong = w.write("wrong.txt", "battery staple\n");
    let wrong = wrong.to_str().unwrap();
    for (args, expected) in [
        (
            vec!["--cert", cert, "--key", encrypted],
            "holds an encrypted private key",
        ),
        (
            vec!["--cert", cert, "--key", encrypted, "--password-file", wrong],
            "wrong password",
        ),
        (vec!["--p12", p12, "--password-file", wrong], "client.p12"),
        (vec!["--p12", p12], "client.p12"),
    ] {
        let mut line = vec!["cert", "import", "billing/prod"];
        line.extend(args);
        let err = w.fails(&line, 2);
        assert!(err.contains(expected), "{line:?}: {err}");
        assert!(!err.contains("Error(") && !err.contains("Other("), "{err}");
        assert_eq!(w.state_bytes(), before, "{line:?} changed the state");
    }
}
