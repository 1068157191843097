//! Properties, environments and the certificate lifecycle, with openssl as the peer.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::support::{TestCa, World, has_openssl, openssl};
use rcgen::KeyPair;
use serde_json::Value;

fn cert_by_variable<'a>(list: &'a Value, variable: &str) -> &'a Value {
    list.as_array()
        .expect("array")
        .iter()
        .find(|c| c["variable"] == variable)
        .unwrap_or_else(|| panic!("{variable} not in {list}"))
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_property_has_at_most_one_environment_per_stage() {
    let w = World::new();
    w.shop();
    let before = w.state_bytes();

    let err = w.fails(&["env", "create", "shop/prod"], 2);
    assert!(
        err.contains("shop already has a production environment"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert_eq!(w.state_bytes(), before);

    let err = w.fails(&["env", "create", "shop/qa"], 2);
    assert!(err.contains("'qa' is not a stage"), "{err}");
    assert_eq!(w.state_bytes(), before);

    let err = w.fails(&["env", "create", "nowhere/dev"], 2);
    assert!(err.contains("there is no property 'nowhere'"), "{err}");
    assert_eq!(w.state_bytes(), before);

    w.ok(&["env", "create", "shop/dev", "--name", "Shop dev"]);
    let envs = w.json(&["env", "list", "shop"]);
    let stages: Vec<&str> = envs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["development", "staging", "production"]);
    assert_eq!(envs[0]["name"], "Shop dev");
}

#[test]
fn rotate_select_and_the_statuses_they_leave() {
    let w = World::new();
    w.shop();
    let env = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(env["deployment_status"], "needs-deployment");
    let v1 = env["current_cert"].as_str().unwrap().to_string();

    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    assert_eq!(
        w.json(&["env", "show", "shop/prod"])["deployment_status"],
        "deployed"
    );

    let rotated = w.json(&["cert", "rotate", "shop/prod"]);
    assert_eq!(rotated["previous_cert"], v1.as_str());
    let list = w.json(&["cert", "list", "shop/prod"]);
    assert_eq!(
        cert_by_variable(&list, "shop_production_v1")["status"],
        "obsolete"
    );
    assert_eq!(
        cert_by_variable(&list, "shop_production_v2")["status"],
        "current"
    );
    assert_eq!(
        cert_by_variable(&list, "shop_production_v2")["deployment_status"],
        "needs-deployment"
    );

    // Select by variable name; by id prefix works as well.
    w.ok(&["cert", "select", "shop/prod", "shop_production_v1"]);
    let list = w.json(&["cert", "list", "shop/prod"]);
    assert_eq!(
        cert_by_variable(&list, "shop_production_v1")["status"],
        "current"
    );
    assert_eq!(
        cert_by_variable(&list, "shop_production_v2")["status"],
        "obsolete"
    );
    // v1 was the deployed one: selecting it back makes the environment deployed again.
    assert_eq!(
        w.json(&["env", "show", "shop/prod"])["deployment_status"],
        "deployed"
    );
    let v2 = cert_by_variable(&list, "shop_production_v2")["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.ok(&["cert", "select", "shop/prod", &v2[..6]]);
    assert_eq!(
        w.json(&["env", "show", "shop/prod"])["current_cert"],
        v2.as_str()
    );

    let obsolete = w.json(&["cert", "list", "--status", "obsolete"]);
    assert_eq!(obsolete.as_array().unwrap().len(), 1);
    assert_eq!(obsolete[0]["variable"], "shop_production_v1");

    // A certificate of another environment cannot be selected here.
    let err = w.fails(&["cert", "select", "shop/prod", "shop_staging_v1"], 2);
    assert!(err.contains("belongs to shop/staging"), "{err}");
}

#[test]
fn selecting_an_expired_certificate_is_refused_with_when_it_expired() {
    let w = World::new();
    // Issue v1 in the past with a 30-day window, then rotate so that v1 is no longer current.
    w.ok_at("2020-01-01T00:00:00Z", &["property", "create", "shop"]);
    w.ok_at(
        "2020-01-01T00:00:00Z",
        &["env", "create", "shop/prod", "--validity", "30d"],
    );
    w.ok_at(
        "2020-01-01T00:00:00Z",
        &["cert", "rotate", "shop/prod", "--validity", "1y"],
    );
    w.ok(&["cert", "rotate", "shop/prod"]);

    let list = w.json(&["cert", "list"]);
    assert_eq!(
        cert_by_variable(&list, "shop_production_v1")["status"],
        "expired"
    );
    assert!(
        cert_by_variable(&list, "shop_production_v1")["days_left"]
            .as_i64()
            .unwrap()
            < 0
    );
    assert_eq!(
        cert_by_variable(&list, "shop_production_v1")["not_after"],
        "2020-01-31T00:00:00Z"
    );

    let before = w.state_bytes();
    let err = w.fails(&["cert", "select", "shop/prod", "shop_production_v1"], 2);
    assert!(err.contains("expired on 2020-01-31"), "{err}");
    assert!(err.contains("cannot be selected"), "{err}");
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn deploy_writes_the_files_and_runs_the_hook_with_its_variables() {
    let w = World::new();
    w.shop();
    let deploy_dir = w.path("deploy");
    let seen = w.path("hook-saw.txt");
    let hook = format!(
        "env | grep ^MTLSCTL_ | sort > {}; test -r \"$MTLSCTL_KEY_FILE\"",
        seen.display()
    );
    w.ok(&[
        "env",
        "set",
        "shop/prod",
        "--deploy-dir",
        deploy_dir.to_str().unwrap(),
        "--deploy-hook",
        &hook,
    ]);
    let out = w.json(&["cert", "deploy", "shop/prod"]);
    let id = out["deployed_cert"].as_str().unwrap();

    let cert = fs::read_to_string(deploy_dir.join("cert.pem")).unwrap();
    let chain = fs::read_to_string(deploy_dir.join("chain.pem")).unwrap();
    let key = fs::read_to_string(deploy_dir.join("key.pem")).unwrap();
    assert_eq!(cert.matches("BEGIN CERTIFICATE").count(), 1);
    assert_eq!(chain.matches("BEGIN CERTIFICATE").count(), 2);
    assert!(chain.starts_with(&cert));
    assert!(key.contains("BEGIN PRIVATE KEY"));
    assert_eq!(mode(&deploy_dir.join("key.pem")), 0o600);

    let vars = fs::read_to_string(&seen).unwrap();
    for expected in [
        "MTLSCTL_ENV=shop/production".to_string(),
        format!("MTLSCTL_CERT_ID={id}"),
        "MTLSCTL_VARIABLE=shop_production_v1".to_string(),
        format!(
            "MTLSCTL_CERT_FILE={}",
            deploy_dir.join("cert.pem").display()
        ),
        format!("MTLSCTL_KEY_FILE={}", deploy_dir.join("key.pem").display()),
        format!(
            "MTLSCTL_CHAIN_FILE={}",
            deploy_dir.join("chain.pem").display()
        ),
    ] {
        assert!(
            vars.lines().any(|l| l == expected),
            "{expected} not in {vars}"
        );
    }
    let env = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(env["deployment_status"], "deployed");
    assert_eq!(env["deployed_cert"], id);
    assert_eq!(env["last_deploy"]["ok"], true);

    // The deployed files are a working chain: openssl accepts them.
    if has_openssl() {
        let (ok, text) = openssl(&["verify", "-CAfile", "chain.pem", "cert.pem"], &deploy_dir);
        assert!(ok, "{text}");
    }
}

#[test]
fn a_failing_hook_leaves_needs_deployment_and_records_the_error() {
    let w = World::new();
    w.shop();
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    w.ok(&["cert", "rotate", "shop/prod"]);
    w.ok(&[
        "env",
        "set",
        "shop/prod",
        "--deploy-hook",
        "echo boom >&2; exit 3",
    ]);
    let err = w.fails(&["cert", "deploy", "shop/prod"], 1);
    assert!(err.contains("exited with status 3"), "{err}");
    assert!(
        err.contains("boom"),
        "the hook's own output reaches the user: {err}"
    );
    let env = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(env["deployment_status"], "needs-deployment");
    assert_eq!(env["last_deploy"]["ok"], false);
    assert!(
        env["last_deploy"]["error"]
            .as_str()
            .unwrap()
            .contains("exited with status 3")
    );

    // Nowhere to deploy to: refused with the way to configure one.
    let err = w.fails(&["cert", "deploy", "shop/staging"], 2);
    assert!(
        err.contains("--deploy-dir") && err.contains("--manual"),
        "{err}"
    );
}

#[test]
fn every_key_type_is_issued_and_accepted_by_openssl() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "kt"]);
    w.ok(&[
        "env",
        "create",
        "kt/dev",
        "--san",
        "client.example.com",
        "--san",
        "IP:10.0.0.1",
    ]);
    w.ok(&[
        "issuer",
        "export",
        "--out",
        w.path("ca.pem").to_str().unwrap(),
    ]);
    let (ok, text) = openssl(&["x509", "-in", "ca.pem", "-noout", "-text"], w.dir.path());
    assert!(ok && text.contains("CA:TRUE, pathlen:0"), "{text}");
    assert!(text.contains("Certificate Sign"), "{text}");

    for key_type in [
        "ec-p256", "ec-p384", "ed25519", "rsa-2048", "rsa-3072", "rsa-4096",
    ] {
        w.ok(&["cert", "rotate", "kt/dev", "--key-type", key_type]);
        let pem = w.ok(&["cert", "export", "kt/dev"]);
        let file = w.write(&format!("{key_type}.pem"), &pem);
        let (ok, text) = openssl(
            &["verify", "-CAfile", "ca.pem", file.to_str().unwrap()],
            w.dir.path(),
        );
        assert!(ok, "{key_type}: {text}");
        let (_, text) = openssl(
            &["x509", "-in", file.to_str().unwrap(), "-noout", "-text"],
            w.dir.path(),
        );
        assert!(
            text.contains("TLS Web Client Authentication"),
            "{key_type}: {text}"
        );
        assert!(
            text.contains("URI:urn:mtlsctl:kt:development"),
            "{key_type}: {text}"
        );
        assert!(
            text.contains("DNS:client.example.com"),
            "{key_type}: {text}"
        );
        assert!(text.contains("IP Address:10.0.0.1"), "{key_type}: {text}");
        assert!(
            text.contains("Subject: CN = kt/development, O = kt, OU = development"),
            "{text}"
        );
        let show = w.json(&["cert", "show", "kt/dev"]);
        assert_eq!(show["key_type"], key_type);
    }
}

#[test]
fn export_with_include_key_writes_the_certificate_chain_and_a_private_key_file() {
    let w = World::new();
    w.shop();
    let out = w.path("out");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    let key = out.join("shop_production_v1.key.pem");
    assert_eq!(mode(&key), 0o600);
    assert!(out.join("shop_production_v1.pem").exists());
    assert!(out.join("shop_production_v1.chain.pem").exists());
}

#[test]
fn without_include_key_no_key_leaves_the_store() {
    let w = World::new();
    w.shop();
    let pem = w.ok(&["cert", "export", "shop/prod"]);
    assert!(!pem.contains("PRIVATE KEY"));
    assert_eq!(pem.matches("BEGIN CERTIFICATE").count(), 2);
    let show = w.ok(&["--json", "cert", "show", "shop/prod"]);
    assert!(!show.contains("PRIVATE KEY"));
}

#[test]
fn a_pkcs12_export_without_a_password_file_is_refused() {
    let w = World::new();
    w.shop();
    let out = w.path("out");
    let err = w.fails(
        &[
            "cert",
            "export",
            "shop/prod",
            "--format",
            "p12",
            "--out",
            out.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("--password-file"), "{err}");
}

/// shop/prod exported as PKCS#12 under the password "s3cret pass" (in the returned file).
fn exported_p12(w: &World) -> (std::path::PathBuf, std::path::PathBuf) {
    w.shop();
    let out = w.path("out");
    let password = w.write("pw.txt", "s3cret pass\n");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--format",
        "p12",
        "--out",
        out.to_str().unwrap(),
        "--password-file",
        password.to_str().unwrap(),
    ]);
    (out.join("shop_production_v1.p12"), password)
}

#[test]
fn a_pkcs12_export_is_private_and_inspect_opens_it_only_with_its_password() {
    let w = World::new();
    let (p12, password) = exported_p12(&w);
    assert_eq!(mode(&p12), 0o600);

    // Our own inspect reads it back: leaf and issuer, with the key noted but not shown.
    let inspected = w.json(&[
        "inspect",
        p12.to_str().unwrap(),
        "--password-file",
        password.to_str().unwrap(),
    ]);
    assert_eq!(inspected.as_array().unwrap().len(), 2);
    let wrong = w.write("wrong.txt", "nope\n");
    let err = w.fails(
        &[
            "inspect",
            p12.to_str().unwrap(),
            "--password-file",
            wrong.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("wrong PKCS#12 password"), "{err}");
}

#[test]
fn openssl_opens_the_pkcs12_with_its_password_and_not_with_a_wrong_one() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let w = World::new();
    let (p12, _) = exported_p12(&w);
    let (ok, text) = openssl(
        &[
            "pkcs12",
            "-info",
            "-in",
            p12.to_str().unwrap(),
            "-passin",
            "pass:s3cret pass",
            "-nokeys",
        ],
        w.dir.path(),
    );
    assert!(ok, "{text}");
    assert!(text.contains("subject=CN = shop/production"), "{text}");
    let (ok, text) = openssl(
        &[
            "pkcs12",
            "-in",
            p12.to_str().unwrap(),
            "-passin",
            "pass:s3cret pass",
            "-nocerts",
            "-nodes",
        ],
        w.dir.path(),
    );
    assert!(ok && text.contains("PRIVATE KEY"), "{text}");
    let (ok, text) = openssl(
        &[
            "pkcs12",
            "-info",
            "-in",
            p12.to_str().unwrap(),
            "-passin",
            "pass:wrong",
            "-nokeys",
        ],
        w.dir.path(),
    );
    assert!(
        !ok,
        "openssl opened the bundle with a wrong password: {text}"
    );
}

#[test]
fn self_hosted_environments_import_certificates_in_every_key_format() {
    let w = World::new();
    w.ok(&["property", "create", "billing"]);
    let ca = TestCa::new("Billing Test CA");
    let key = KeyPair::generate().unwrap();
    let cert = w.write("client.pem", ca.client("billing-client", &key, -1, 100));
    let chain = w.write("ca.pem", &ca.cert_pem);
    let key_file = w.write("client.key", key.serialize_pem());

    w.ok(&[
        "env",
        "create",
        "billing/prod",
        "--host",
        "self",
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key_file.to_str().unwrap(),
        "--chain",
        chain.to_str().unwrap(),
    ]);
    let show = w.json(&["cert", "show", "billing/prod"]);
    assert_eq!(show["subject"], "CN=billing-client");
    assert_eq!(show["issuer"], "CN=Billing Test CA");
    assert_eq!(show["variable"], "billing_production_v1");
    let exported = w.ok(&["cert", "export", "billing/prod"]);
    assert_eq!(exported.matches("BEGIN CERTIFICATE").count(), 2);

    // SEC1 ("EC PRIVATE KEY") and PKCS#1 ("RSA PRIVATE KEY") keys, as openssl writes them.
    if has_openssl() {
        for (algorithm, args) in [
            (
                "ec",
                vec![
                    "ecparam",
                    "-name",
                    "prime256v1",
                    "-genkey",
                    "-noout",
                    "-out",
                    "sec1.key",
                ],
            ),
            (
                "rsa",
                vec!["genrsa", "-traditional", "-out", "pkcs1.key", "2048"],
            ),
        ] {
            let (ok, text) = openssl(&args, w.dir.path());
            assert!(ok, "{text}");
            let file = args[args.iter().position(|a| *a == "-out").unwrap() + 1];
            let key_pem = fs::read_to_string(w.path(file)).unwrap();
            let expected = if algorithm == "ec" {
                "EC PRIVATE KEY"
            } else {
                "RSA PRIVATE KEY"
            };
            assert!(key_pem.contains(expected), "{key_pem}");
            let key = KeyPair::from_pem(&key_pem).unwrap();
            let cert = w.write(
                &format!("{algorithm}.pem"),
                ca.client("billing-client", &key, -1, 100),
            );
            w.ok(&[
                "cert",
                "import",
                "billing/prod",
                "--cert",
                cert.to_str().unwrap(),
                "--key",
                w.path(file).to_str().unwrap(),
            ]);
        }
        let list = w.json(&["cert", "list", "billing"]);
        assert_eq!(
            cert_by_variable(&list, "billing_production_v2")["key_type"],
            "ec-p256"
        );
        assert_eq!(
            cert_by_variable(&list, "billing_production_v3")["key_type"],
            "rsa-2048"
        );
        assert_eq!(
            cert_by_variable(&list, "billing_production_v3")["status"],
            "current"
        );
    }

    // Managed environments do not import; self-hosted ones do not rotate.
    let err = w.fails(&["cert", "rotate", "billing/prod"], 2);
    assert!(err.contains("self-hosted"), "{err}");
}

#[test]
fn an_unusable_state_file_gives_exit_3_and_is_left_untouched() {
    let w = World::new();
    fs::create_dir_all(w.state.parent().unwrap()).unwrap();
    let cases: Vec<(&[u8], &str)> = vec![
        (b"{\"schema_version\": 1, \"properties\": [", "is corrupt"),
        (b"", "is corrupt"),
        (b"\x00\x01binary", "is corrupt"),
        (b"[1, 2]", "is corrupt"),
        (b"{\"schema_version\": 1, \"properties\": 5}", "is corrupt"),
        (b"{\"hello\": 1}", "has no schema_version"),
        (
            b"{\"schema_version\": 99, \"future\": true}",
            "schema version 99, newer",
        ),
    ];
    for (content, message) in cases {
        fs::write(&w.state, content).unwrap();
        fs::set_permissions(&w.state, fs::Permissions::from_mode(0o600)).unwrap();
        for args in [&["cert", "list"][..], &["property", "create", "x"][..]] {
            let err = w.fails(args, 3);
            assert!(err.contains(message), "{content:?}: {err}");
            assert!(
                err.contains(w.state.to_str().unwrap()),
                "the path is named: {err}"
            );
            assert_eq!(w.state_bytes(), content);
        }
    }
    // The parse position is given for damage.
    fs::write(&w.state, b"{\n  \"schema_version\": 1,\n  oops\n}").unwrap();
    let err = w.fails(&["cert", "list"], 3);
    assert!(err.contains("line 3 column"), "{err}");

    // Open to others: refused with the fix.
    fs::write(&w.state, b"{\"schema_version\": 1}").unwrap();
    fs::set_permissions(&w.state, fs::Permissions::from_mode(0o644)).unwrap();
    let err = w.fails(&["cert", "list"], 3);
    assert!(
        err.contains("mode 0644") && err.contains("chmod 600"),
        "{err}"
    );

    // A directory where the file should be.
    let dir_state = w.path("dir-state");
    fs::create_dir(&dir_state).unwrap();
    let out = w
        .cmd()
        .env("MTLSCTL_STATE", &dir_state)
        .args(["cert", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn the_store_is_private_and_read_only_commands_never_write() {
    let w = World::new();
    w.ok(&["cert", "list"]);
    assert!(
        !w.state.exists(),
        "a read-only command created the state file"
    );
    w.shop();
    assert_eq!(mode(&w.state), 0o600);
    assert_eq!(mode(w.state.parent().unwrap()), 0o700);
    let before = fs::metadata(&w.state).unwrap().modified().unwrap();
    let bytes = w.state_bytes();
    for args in [
        &["cert", "list"][..],
        &["env", "list"],
        &["env", "show", "shop/prod"],
        &["property", "show", "shop"],
        &["cert", "show", "shop_production_v1"],
        &["issuer", "show"],
    ] {
        w.ok(args);
    }
    assert_eq!(w.state_bytes(), bytes);
    assert_eq!(fs::metadata(&w.state).unwrap().modified().unwrap(), before);
    let state: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(state["schema_version"], 1);
}

#[test]
fn cert_list_json_has_the_documented_fields_and_the_table_has_the_columns() {
    let w = World::new();
    w.shop();
    let list = w.json(&["cert", "list"]);
    let first = &list.as_array().unwrap()[0];
    for key in [
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
        "key_type",
        "serial",
        "sha256",
        "subject",
        "sans",
    ] {
        assert!(first.get(key).is_some(), "{key} missing from {first}");
    }
    assert_eq!(first["sans"][0], "URI:urn:mtlsctl:shop:staging");
    assert_eq!(first["days_left"], 364);
    assert_eq!(first["sha256"].as_str().unwrap().len(), 64);

    let table = w.ok(&["cert", "list"]);
    let header = table.lines().next().unwrap();
    for column in [
        "ID",
        "ENVIRONMENT",
        "NAME",
        "CREATED",
        "EXPIRES",
        "STATUS",
        "VARIABLE",
        "DEPLOYMENT",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(table.contains("shop_production_v1") && table.contains("needs-deployment"));
    assert!(!table.contains('\x1b'), "no colour with NO_COLOR");
}

#[test]
fn inspect_reads_pem_der_and_stdin() {
    let w = World::new();
    w.shop();
    let pem = w.ok(&["cert", "export", "shop/prod"]);
    let file = w.write("chain.pem", &pem);
    let info = w.json(&["inspect", file.to_str().unwrap()]);
    assert_eq!(info.as_array().unwrap().len(), 2);
    assert_eq!(
        info[0]["subject"],
        "CN=shop/production, O=shop, OU=production"
    );
    assert_eq!(info[1]["is_ca"], true);
    assert_eq!(info[0]["extended_key_usage"][0], "clientAuth");

    let der = pem::parse(&pem).unwrap().into_contents();
    let der_file = w.write("leaf.der", der);
    let info = w.json(&["inspect", der_file.to_str().unwrap()]);
    assert_eq!(
        info[0]["subject"],
        "CN=shop/production, O=shop, OU=production"
    );

    let out = w
        .cmd()
        .args(["inspect", "-"])
        .write_stdin(pem)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("shop/production"));

    let garbage = w.write("garbage.bin", b"\x01\x02\x03 not a certificate");
    let err = w.fails(&["inspect", garbage.to_str().unwrap()], 2);
    assert!(
        err.contains("is not a PEM, DER or PKCS#12 certificate file"),
        "{err}"
    );
}

#[test]
fn environments_change_and_go_away_with_their_certificates() {
    let w = World::new();
    w.shop();
    w.ok(&["env", "set", "shop/stg", "--name", "Staging EU"]);
    assert_eq!(
        w.json(&["env", "show", "shop/staging"])["name"],
        "Staging EU"
    );
    w.ok(&["env", "delete", "shop/stg"]);
    let list = w.json(&["cert", "list"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|c| c["environment"] != "shop/staging")
    );
    w.ok(&["property", "delete", "shop", "--force"]);
    assert_eq!(w.json(&["property", "list"]).as_array().unwrap().len(), 0);
    assert_eq!(w.json(&["cert", "list"]).as_array().unwrap().len(), 0);
}

#[test]
fn json_mode_prints_only_json_on_stdout() {
    let w = World::new();
    for args in [
        &["property", "create", "shop"][..],
        &["env", "create", "shop/prod"],
        &["cert", "rotate", "shop/prod"],
        &["cert", "deploy", "shop/prod", "--manual"],
        &["issuer", "show"],
        &["env", "list"],
    ] {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = w.ok(&all);
        serde_json::from_str::<Value>(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"));
    }
}
