//! Proof that the store loses nothing: concurrent writers and readers, writers killed at random
//! moments, every bad input a user can give, and no key material where it does not belong.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{TestCa, World, has_openssl, openssl};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("mtlsctl")
}

fn state_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).expect("the state file is complete JSON")
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn thirty_two_concurrent_writers_each_land_exactly_once_while_readers_see_whole_files() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&[
        "env",
        "create",
        "shop/prod",
        "--deploy-dir",
        w.path("deploy").to_str().unwrap(),
    ]);
    w.ok(&["env", "create", "shop/stg"]);
    let ca = TestCa::new("Concurrent CA");
    let ca_file = w.write("ca.pem", &ca.cert_pem);

    let mut writers = Vec::new();
    let mut expected_properties = Vec::new();
    let mut expected_cas = Vec::new();
    for i in 0..32 {
        let args: Vec<String> = match i % 4 {
            0 => vec!["cert".into(), "rotate".into(), "shop/stg".into()],
            1 => {
                let name = format!("p{i}");
                expected_properties.push(name.clone());
                vec!["property".into(), "create".into(), name]
            }
            2 => {
                let name = format!("ca{i}");
                expected_cas.push(name.clone());
                vec![
                    "ca".into(),
                    "add".into(),
                    name,
                    ca_file.display().to_string(),
                ]
            }
            _ => vec!["cert".into(), "deploy".into(), "shop/prod".into()],
        };
        writers.push(
            Command::new(bin())
                .env("MTLSCTL_STATE", &w.state)
                .arg("-q")
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    // Readers alongside: every read is a complete, parseable state.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut reads = 0;
    while writers.iter_mut().any(|c| c.try_wait().unwrap().is_none()) && Instant::now() < deadline {
        let out = Command::new(bin())
            .env("MTLSCTL_STATE", &w.state)
            .args(["--json", "cert", "list"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).expect("a reader saw a complete state");
        reads += 1;
    }
    for child in writers {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(reads > 0);

    let state = state_json(&w.state);
    let staging: Vec<&Value> = state["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["environment"] == "shop/staging")
        .collect();
    assert_eq!(staging.len(), 1 + 8, "each rotate landed exactly once");
    let mut variables: Vec<&str> = staging
        .iter()
        .map(|c| c["variable"].as_str().unwrap())
        .collect();
    variables.sort();
    variables.dedup();
    assert_eq!(variables.len(), 9);
    for name in &expected_properties {
        assert_eq!(
            state["properties"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["name"] == name.as_str())
                .count(),
            1
        );
    }
    for name in &expected_cas {
        assert_eq!(
            state["trusted_cas"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["name"] == name.as_str())
                .count(),
            1
        );
    }
    let prod = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(prod["deployment_status"], "deployed");
    assert!(temp_files(w.state.parent().unwrap()).is_empty());
}

#[test]
fn a_writer_waiting_for_the_lock_says_so_and_gives_up_after_the_timeout() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let lock = fs::OpenOptions::new()
        .write(true)
        .open(w.state.with_extension("json.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = w.state_bytes();
    let started = Instant::now();
    let out = w
        .cmd()
        .env("MTLSCTL_LOCK_TIMEOUT", "1s")
        .args(["property", "create", "other"])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("waiting for the lock"), "{stderr}");
    assert!(
        stderr.contains("gave up after 1s") && stderr.contains("MTLSCTL_LOCK_TIMEOUT"),
        "{stderr}"
    );
    assert!(elapsed >= Duration::from_secs(1) && elapsed < Duration::from_secs(10));
    assert_eq!(w.state_bytes(), before);
    // Readers do not wait for writers.
    w.ok(&["property", "list"]);
    drop(lock);
    w.ok(&["property", "create", "other"]);
}

#[test]
fn writers_killed_at_random_moments_leave_the_old_or_the_new_state() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let dir = w.state.parent().unwrap().to_path_buf();
    let count = |state: &Value| state["certificates"].as_array().unwrap().len();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut killed_mid_write = 0;
    for _ in 0..200 {
        let before = state_json(&w.state);
        let mut child = Command::new(bin())
            .env("MTLSCTL_STATE", &w.state)
            .args(["-q", "cert", "rotate", "shop/prod"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // xorshift: a reproducible spread of delays between 0 and 40 ms.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 40_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let after = state_json(&w.state);
        let (old, new) = (count(&before), count(&after));
        assert!(new == old || new == old + 1, "{old} -> {new}");
        if !status.success() && new == old {
            killed_mid_write += 1;
        }
    }
    assert!(
        killed_mid_write > 0,
        "no writer was ever killed before it finished"
    );
    // The next write cleans up whatever temp files killed writers left.
    w.ok(&["cert", "rotate", "shop/prod"]);
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    // And the lock of a killed writer never blocks: the OS released it.
    let started = Instant::now();
    w.ok(&["property", "create", "after"]);
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// Every input a user can get wrong: (arguments, exit code, words the message must contain).
#[test]
fn bad_input_matrix() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    w.ok(&[
        "env",
        "create",
        "shop/dev",
        "--host",
        "self",
        "--cert",
        &{
            let ca = TestCa::new("Import CA");
            let key = rcgen::KeyPair::generate().unwrap();
            w.write("seed.key", key.serialize_pem());
            w.write("seed.pem", ca.client("seed", &key, -1, 30))
                .display()
                .to_string()
        },
        "--key",
        w.path("seed.key").to_str().unwrap(),
    ]);
    let ca = TestCa::new("Bad Input CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let other = rcgen::KeyPair::generate().unwrap();
    let cert_pem = ca.client("client", &key, -1, 30);
    let good_cert = w.write("good.pem", &cert_pem);
    let good_key = w.write("good.key", key.serialize_pem());
    let key_line = key.serialize_pem().lines().nth(1).unwrap().to_string();
    let other_key = w.write("other.key", other.serialize_pem());
    let empty = w.write("empty.pem", "");
    let truncated = w.write("truncated.pem", &cert_pem[..cert_pem.len() / 2]);
    let binary = w.write("binary.pem", [0u8, 159, 146, 150, 1, 2, 3]);
    let html = w.write("page.pem", "<!DOCTYPE html><html><body>Login</body></html>");
    let encrypted = w.path("encrypted.key");
    if has_openssl() {
        let (ok, text) = openssl(
            &[
                "pkey",
                "-in",
                good_key.to_str().unwrap(),
                "-aes256",
                "-passout",
                "pass:secret",
                "-out",
                encrypted.to_str().unwrap(),
            ],
            w.dir.path(),
        );
        assert!(ok, "{text}");
    } else {
        fs::write(
            &encrypted,
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n",
        )
        .unwrap();
    }
    let password = w.write("pw", "right\n");
    let wrong_password = w.write("wrong", "wrong\n");
    let out = w.path("p12");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--format",
        "p12",
        "--password-file",
        password.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let p12 = out.join("shop_production_v1.p12");

    let import = |cert: &Path, key: &Path| -> Vec<String> {
        vec![
            "cert".into(),
            "import".into(),
            "shop/dev".into(),
            "--cert".into(),
            cert.display().to_string(),
            "--key".into(),
            key.display().to_string(),
        ]
    };
    let s = |parts: &[&str]| -> Vec<String> { parts.iter().map(|p| p.to_string()).collect() };
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (import(&empty, &good_key), 2, "is empty"),
        (import(&truncated, &good_key), 2, "is truncated or damaged"),
        (
            import(&binary, &good_key),
            2,
            "is neither a PEM nor a DER certificate",
        ),
        (
            import(&html, &good_key),
            2,
            "is neither a PEM nor a DER certificate",
        ),
        (
            import(&good_key, &good_key),
            2,
            "holds no certificate, only: PRIVATE KEY",
        ),
        (
            import(&good_cert, &good_cert),
            2,
            "holds a certificate, not a private key",
        ),
        (
            import(&good_cert, &encrypted),
            2,
            "holds an encrypted private key",
        ),
        (
            import(&good_cert, &other_key),
            2,
            "does not match the certificate",
        ),
        (import(&good_cert, &empty), 2, "holds no PEM private key"),
        (
            s(&[
                "inspect",
                p12.to_str().unwrap(),
                "--password-file",
                wrong_password.to_str().unwrap(),
            ]),
            2,
            "wrong PKCS#12 password",
        ),
        (s(&["inspect", empty.to_str().unwrap()]), 2, "is empty"),
        (
            s(&["cert", "show", "0123456789ab"]),
            2,
            "there is no certificate '0123456789ab'",
        ),
        (
            s(&["cert", "show", "nope_production_v1"]),
            2,
            "there is no certificate 'nope_production_v1'",
        ),
        (
            s(&["cert", "select", "shop/prod", "deadbeef"]),
            2,
            "there is no certificate 'deadbeef'",
        ),
        (
            s(&["env", "show", "shop/staging"]),
            2,
            "there is no environment shop/staging",
        ),
        (
            s(&["property", "create", "my shop"]),
            2,
            "not a valid property name",
        ),
        (
            s(&["property", "create", "../etc"]),
            2,
            "not a valid property name",
        ),
        (s(&["env", "create", "shop/../prod"]), 2, "is not a stage"),
        (
            s(&["ca", "add", "../x", good_cert.to_str().unwrap()]),
            2,
            "not a valid CA name",
        ),
        (
            s(&["cert", "rotate", "shop/prod", "--validity", "0d"]),
            2,
            "is zero",
        ),
        (
            s(&["cert", "rotate", "shop/prod", "--validity=-5d"]),
            2,
            "not a duration",
        ),
        (
            s(&["cert", "rotate", "shop/prod", "--validity", "99999y"]),
            2,
            "100 years",
        ),
        (
            s(&["cert", "rotate", "shop/prod", "--validity", "20y"]),
            2,
            "would outlive the issuer",
        ),
        (s(&["expiry", "--warning", "soon"]), 3, "is not a duration"),
    ];
    let before = w.state_bytes();
    for (args, code, message) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = w.fails(&args, *code);
        assert!(
            err.contains(message),
            "{args:?}: expected '{message}' in: {err}"
        );
        assert!(!err.contains(&key_line), "{args:?} printed key material");
        assert_eq!(w.state_bytes(), before, "{args:?} changed the state");
    }

    // State files a user (or a disk) can damage: each exit 3, each left as it was.
    let running_as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let valid = w.state_bytes();
    let text = String::from_utf8(valid.clone()).unwrap();
    let damaged: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "is corrupt"),
        ("truncated", valid[..valid.len() / 2].to_vec(), "is corrupt"),
        ("not JSON", b"schema_version = 1\n".to_vec(), "is corrupt"),
        (
            "wrong shape",
            b"{\"schema_version\": 1, \"environments\": {\"a\": 1}}".to_vec(),
            "is corrupt",
        ),
        (
            "newer schema",
            text.replacen("\"schema_version\": 1", "\"schema_version\": 7", 1)
                .into_bytes(),
            "newer",
        ),
    ];
    for (what, content, message) in damaged {
        fs::write(&w.state, &content).unwrap();
        for args in [&["cert", "list"][..], &["cert", "rotate", "shop/prod"][..]] {
            let err = w.fails(args, 3);
            assert!(err.contains(message), "{what}: {err}");
            assert_eq!(
                fs::read(&w.state).unwrap(),
                content,
                "{what}: the file was touched"
            );
        }
    }
    fs::write(&w.state, &valid).unwrap();

    let elsewhere = w.path("real-state.json");
    fs::write(&elsewhere, &valid).unwrap();
    fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o600)).unwrap();
    let link = w.path("link-state.json");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let dir_state = w.path("dir-state");
    fs::create_dir(&dir_state).unwrap();
    let open_state = w.path("open-state.json");
    fs::write(&open_state, &valid).unwrap();
    fs::set_permissions(&open_state, fs::Permissions::from_mode(0o640)).unwrap();
    let mut special = vec![
        (link.clone(), "is a symbolic link"),
        (dir_state.clone(), "is not a regular file"),
        (open_state.clone(), "chmod 600"),
    ];
    let unreadable = w.path("unreadable.json");
    fs::write(&unreadable, &valid).unwrap();
    fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
    if !running_as_root {
        // root reads any file: the case only exists for other users.
        special.push((unreadable.clone(), "cannot read the state file"));
    }
    for (path, message) in special {
        let out = w
            .cmd()
            .env("MTLSCTL_STATE", &path)
            .args(["property", "create", "x"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{}: {err}", path.display());
        assert!(err.contains(message), "{}: {err}", path.display());
    }
    assert_eq!(fs::read(&elsewhere).unwrap(), valid);
}

#[test]
fn no_key_material_leaves_the_store_unless_asked_for() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&[
        "env",
        "create",
        "shop/prod",
        "--deploy-dir",
        w.path("deploy").to_str().unwrap(),
        "--deploy-hook",
        "true",
    ]);
    let state: Value = state_json(&w.state);
    let key_pem = state["certificates"][0]["key_pem"]
        .as_str()
        .unwrap()
        .to_string();
    let key_body: String = key_pem.lines().nth(1).unwrap().to_string();
    let issuer_key_body: String = state["issuer"]["key_pem"]
        .as_str()
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    let leaks = |text: &str| {
        text.contains("PRIVATE KEY") || text.contains(&key_body) || text.contains(&issuer_key_body)
    };

    let commands: Vec<Vec<&str>> = vec![
        vec!["cert", "list"],
        vec!["--json", "cert", "list"],
        vec!["cert", "show", "shop/prod"],
        vec!["--json", "cert", "show", "shop/prod"],
        vec!["-v", "cert", "deploy", "shop/prod"],
        vec!["--json", "env", "show", "shop/prod"],
        vec!["issuer", "show"],
        vec!["--json", "issuer", "show"],
        vec!["issuer", "export"],
        vec!["cert", "export", "shop/prod"],
        vec!["--json", "cert", "export", "shop/prod"],
        vec!["expiry"],
        vec!["--json", "expiry"],
        vec!["-v", "cert", "rotate", "shop/prod"],
        vec!["cert", "select", "shop/prod", "nope"],
        vec!["env", "create", "shop/prod"],
    ];
    for args in commands {
        let out = w.run(&args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!leaks(&text), "{args:?} printed key material:\n{text}");
    }
    // Asked for: the key, and only then.
    let exported = w.ok(&["cert", "export", "shop_production_v1", "--include-key"]);
    assert!(exported.contains(&key_body));

    assert_eq!(
        fs::metadata(&w.state).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(w.path("deploy").join("key.pem"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let out = w.path("out");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    assert_eq!(
        fs::metadata(out.join("shop_production_v2.key.pem"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
}
