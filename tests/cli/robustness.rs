//! Proof that the store loses nothing: concurrent writers and readers, writers killed at random
//! moments, every bad input a user can give, and no key material where it does not belong.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
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

/// Spawn 32 writers at once, a quarter each rotating shop/stg, creating a property, adding a
/// CA and deploying shop/prod; returns them with the properties and CAs they will add.
fn spawn_mixed_writers(w: &World, ca_file: &Path) -> (Vec<Child>, Vec<String>, Vec<String>) {
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
    (writers, expected_properties, expected_cas)
}

/// Read the state with `cert list` until every writer is done; each read must be a complete,
/// parseable state. Returns how many reads there were.
fn read_while_writing(w: &World, writers: &mut [Child]) -> usize {
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
    reads
}

/// How many entries of the state's `list` have this name.
fn count_named(state: &Value, list: &str, name: &str) -> usize {
    state[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == name)
        .count()
}

// One run of 32 writers with readers alongside: splitting it would start the whole load again.
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

    let (mut writers, expected_properties, expected_cas) = spawn_mixed_writers(&w, &ca_file);
    // Readers alongside: every read is a complete, parseable state.
    let reads = read_while_writing(&w, &mut writers);
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
    // And cert list shows the generations one after another, none skipped or repeated.
    let list = w.json(&["cert", "list", "shop/stg"]);
    let mut listed: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["variable"].as_str().unwrap())
        .collect();
    listed.sort_by_key(|v| v.rsplit('v').next().unwrap().parse::<u32>().unwrap());
    let expected: Vec<String> = (1..=9).map(|n| format!("shop_staging_v{n}")).collect();
    assert_eq!(listed, expected);
    for name in &expected_properties {
        assert_eq!(count_named(&state, "properties", name), 1);
    }
    for name in &expected_cas {
        assert_eq!(count_named(&state, "trusted_cas", name), 1);
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

/// A bad input: the arguments, the exit code and words the message must contain.
type Case = (Vec<String>, i32, &'static str);

fn args_of(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// Each case is refused with its exit code and message, as an error that shows no line of the
/// key, and leaves the state as it was.
fn assert_each_refused(w: &World, cases: &[Case], key_line: &str) {
    let before = w.state_bytes();
    for (args, code, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = w.fails(&args, *code);
        assert!(
            err.contains(message),
            "{args:?}: expected '{message}' in: {err}"
        );
        assert!(
            err.starts_with("mtlsctl: error:") || err.starts_with("error:"),
            "{err}"
        );
        assert!(!err.contains(key_line), "{args:?} printed key material");
        assert_eq!(w.state_bytes(), before, "{args:?} changed the state");
    }
}

/// shop/prod (managed) and shop/dev (self-hosted, from a certificate of its own).
fn shop_with_a_self_hosted_dev() -> World {
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
    w
}

/// shop/prod (managed) and a property ext with no environment yet.
fn shop_prod_and_ext() -> World {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    w.ok(&["property", "create", "ext"]);
    w
}

/// A good client certificate and key, and the files a user could mistake for them.
struct MistakenFiles {
    good_cert: PathBuf,
    good_key: PathBuf,
    /// A line of the good key's PEM: no error may show it.
    key_line: String,
    other_key: PathBuf,
    empty: PathBuf,
    truncated: PathBuf,
    binary: PathBuf,
    html: PathBuf,
    encrypted: PathBuf,
}

fn mistaken_files(w: &World) -> MistakenFiles {
    let ca = TestCa::new("Bad Input CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let other = rcgen::KeyPair::generate().unwrap();
    let cert_pem = ca.client("client", &key, -1, 30);
    let good_key = w.write("good.key", key.serialize_pem());
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
    MistakenFiles {
        good_cert: w.write("good.pem", &cert_pem),
        good_key,
        key_line: key.serialize_pem().lines().nth(1).unwrap().to_string(),
        other_key: w.write("other.key", other.serialize_pem()),
        empty: w.write("empty.pem", ""),
        truncated: w.write("truncated.pem", &cert_pem[..cert_pem.len() / 2]),
        binary: w.write("binary.pem", [0u8, 159, 146, 150, 1, 2, 3]),
        html: w.write("page.pem", "<!DOCTYPE html><html><body>Login</body></html>"),
        encrypted,
    }
}

#[test]
fn cert_import_refuses_files_that_are_not_a_matching_certificate_and_key() {
    let w = shop_with_a_self_hosted_dev();
    let f = mistaken_files(&w);
    let import = |cert: &Path, key: &Path| -> Vec<String> {
        args_of(&[
            "cert",
            "import",
            "shop/dev",
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ])
    };
    let cases: Vec<Case> = vec![
        (import(&f.empty, &f.good_key), 2, "is empty"),
        (
            import(&f.truncated, &f.good_key),
            2,
            "is truncated or damaged",
        ),
        (
            import(&f.binary, &f.good_key),
            2,
            "is neither a PEM nor a DER certificate",
        ),
        (
            import(&f.html, &f.good_key),
            2,
            "is neither a PEM nor a DER certificate",
        ),
        (
            import(&f.good_key, &f.good_key),
            2,
            "holds no certificate, only: PRIVATE KEY",
        ),
        (
            import(&f.good_cert, &f.good_cert),
            2,
            "holds a certificate, not a private key",
        ),
        (
            import(&f.good_cert, &f.encrypted),
            2,
            "holds an encrypted private key",
        ),
        (
            import(&f.good_cert, &f.other_key),
            2,
            "does not match the certificate",
        ),
        (
            import(&f.good_cert, &f.empty),
            2,
            "holds no PEM private key",
        ),
    ];
    assert_each_refused(&w, &cases, &f.key_line);
}

#[test]
fn a_self_hosted_environment_refuses_files_that_are_not_a_matching_certificate_and_key() {
    let w = World::new();
    w.shop();
    w.ok(&["property", "create", "ext"]);
    let ca = TestCa::new("Ext CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let other_key = rcgen::KeyPair::generate().unwrap();
    let good_cert = w.write("good.pem", ca.client("ext", &key, -1, 100));
    let good_key = w.write("good.key", key.serialize_pem());
    let key_line = key.serialize_pem().lines().nth(1).unwrap().to_string();
    let other_key = w.write("other.key", other_key.serialize_pem());
    let expired = w.write("expired.pem", ca.client("ext", &key, -100, -10));
    let malformed = w.write(
        "malformed.pem",
        "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
    );
    let html = w.write("page.html", "<html><body>404</body></html>");
    let other_ca = TestCa::new("Unrelated CA");
    let wrong_chain = w.write("wrong-chain.pem", &other_ca.cert_pem);

    let import = |cert: &Path, key: &Path| {
        args_of(&[
            "env",
            "create",
            "ext/prod",
            "--host",
            "self",
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ])
    };
    let cases: Vec<Case> = vec![
        (import(&malformed, &good_key), 2, "is not valid PEM"),
        (
            import(&html, &good_key),
            2,
            "is neither a PEM nor a DER certificate",
        ),
        (
            import(&good_cert, &other_key),
            2,
            "does not match the certificate",
        ),
        (
            import(&good_cert, &good_cert),
            2,
            "holds a certificate, not a private key",
        ),
        (
            import(&good_key, &good_key),
            2,
            "holds no certificate, only: PRIVATE KEY",
        ),
        (import(&expired, &good_key), 2, "expired on"),
        (import(&w.path("missing.pem"), &good_key), 1, "cannot read"),
        (
            [
                import(&good_cert, &good_key),
                args_of(&["--chain", wrong_chain.to_str().unwrap()]),
            ]
            .concat(),
            2,
            "the chain does not issue the certificate",
        ),
    ];
    assert_each_refused(&w, &cases, &key_line);
}

#[test]
fn inspect_refuses_an_empty_file_and_a_wrong_pkcs12_password() {
    let w = shop_with_a_self_hosted_dev();
    let f = mistaken_files(&w);
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
    let cases: Vec<Case> = vec![
        (
            args_of(&[
                "inspect",
                p12.to_str().unwrap(),
                "--password-file",
                wrong_password.to_str().unwrap(),
            ]),
            2,
            "wrong PKCS#12 password",
        ),
        (
            args_of(&["inspect", f.empty.to_str().unwrap()]),
            2,
            "is empty",
        ),
    ];
    assert_each_refused(&w, &cases, &f.key_line);
}

#[test]
fn unknown_certificates_environments_and_properties_and_invalid_names_are_refused() {
    let w = shop_prod_and_ext();
    let f = mistaken_files(&w);
    let cases: Vec<Case> = vec![
        (
            args_of(&["cert", "show", "0123456789ab"]),
            2,
            "there is no certificate '0123456789ab'",
        ),
        (
            args_of(&["cert", "show", "ffffffffffff"]),
            2,
            "there is no certificate 'ffffffffffff'",
        ),
        (
            args_of(&["cert", "show", "nope_production_v1"]),
            2,
            "there is no certificate 'nope_production_v1'",
        ),
        (
            args_of(&["cert", "select", "shop/prod", "deadbeef"]),
            2,
            "there is no certificate 'deadbeef'",
        ),
        (
            args_of(&["env", "show", "shop/staging"]),
            2,
            "there is no environment shop/staging",
        ),
        (
            args_of(&["cert", "rotate", "shop/dev"]),
            2,
            "there is no environment shop/development",
        ),
        (
            args_of(&["property", "create", "my shop"]),
            2,
            "not a valid property name",
        ),
        (
            args_of(&["property", "create", "../etc"]),
            2,
            "not a valid property name",
        ),
        (
            args_of(&["env", "create", "Bad Name/prod"]),
            2,
            "not a valid property name",
        ),
        (
            args_of(&["env", "create", "../x/prod"]),
            2,
            "not a valid property name",
        ),
        (
            args_of(&["env", "create", "shop/../prod"]),
            2,
            "is not a stage",
        ),
        (
            args_of(&["ca", "add", "../x", f.good_cert.to_str().unwrap()]),
            2,
            "not a valid CA name",
        ),
        (
            args_of(&["property", "delete", "shop"]),
            2,
            "still has environments",
        ),
    ];
    assert_each_refused(&w, &cases, &f.key_line);
}

#[test]
fn bad_validity_san_and_warning_values_are_refused() {
    let w = shop_prod_and_ext();
    let f = mistaken_files(&w);
    let cases: Vec<Case> = vec![
        (
            args_of(&["cert", "rotate", "shop/prod", "--validity", "0d"]),
            2,
            "is zero",
        ),
        (
            args_of(&["env", "create", "ext/dev", "--validity", "0d"]),
            2,
            "is zero",
        ),
        (
            args_of(&["cert", "rotate", "shop/prod", "--validity=-5d"]),
            2,
            "not a duration",
        ),
        (
            args_of(&["env", "create", "ext/dev", "--validity=-5d"]),
            2,
            "not a duration",
        ),
        (
            args_of(&["cert", "rotate", "shop/prod", "--validity", "99999y"]),
            2,
            "100 years",
        ),
        (
            args_of(&["env", "create", "ext/dev", "--validity", "99999y"]),
            2,
            "100 years",
        ),
        (
            args_of(&["cert", "rotate", "shop/prod", "--validity", "20y"]),
            2,
            "would outlive the issuer",
        ),
        (
            args_of(&["env", "create", "ext/dev", "--san", "bad name!"]),
            2,
            "is not a DNS name",
        ),
        (
            args_of(&["expiry", "--warning", "soon"]),
            3,
            "is not a duration",
        ),
    ];
    assert_each_refused(&w, &cases, &f.key_line);
}

#[test]
fn a_damaged_state_file_gives_exit_3_and_is_left_as_it_was() {
    let w = shop_with_a_self_hosted_dev();
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
}

#[test]
fn a_state_path_that_is_a_link_a_directory_open_to_others_or_unreadable_gives_exit_3() {
    let w = shop_with_a_self_hosted_dev();
    let valid = w.state_bytes();
    let running_as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
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
