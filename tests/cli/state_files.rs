//! The state file against a hostile local user and odd but valid files: a swapped lock file,
//! a state someone else owns, output paths over the state, damaged contents.

use std::fs;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::World;

fn property_names(w: &World) -> Vec<String> {
    let list: Value = w.json(&["property", "list"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_removed_lock_file_loses_no_update() {
    let w = World::new();
    w.ok(&["property", "create", "first"]);
    let go = w.path("go");
    // Writer A reads the state under the lock, then waits (debug builds' test pause).
    let mut a = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlsctl"))
        .env("MTLSCTL_STATE", &w.state)
        .env("MTLSCTL_TEST_PAUSE_UNTIL", &go)
        .args(["-q", "property", "create", "a"])
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !go.with_extension("paused").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "writer A never paused"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Someone removes the lock file; writer B locks a new one and succeeds.
    let mut lock = w.state.clone().into_os_string();
    lock.push(".lock");
    fs::remove_file(&lock).unwrap();
    w.ok(&["property", "create", "b"]);
    // A resumes: it must notice and start again, keeping B's change.
    fs::write(&go, b"").unwrap();
    let status = a.wait().unwrap();
    assert!(status.success());
    let mut names = property_names(&w);
    names.sort();
    assert_eq!(names, ["a", "b", "first"]);
}

#[test]
fn a_state_or_lock_owned_by_another_user_is_refused() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: cannot give a file to another user here; skipped (CI runs as root)");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let before = w.state_bytes();
    std::os::unix::fs::chown(&w.state, Some(65534), Some(65534)).unwrap();
    let err = w.fails(&["property", "list"], 3);
    assert!(
        err.contains("belongs to user id 65534") && err.contains("hint:"),
        "{err}"
    );
    w.fails(&["property", "create", "other"], 3);
    assert_eq!(w.state_bytes(), before);

    std::os::unix::fs::chown(&w.state, Some(0), Some(0)).unwrap();
    let mut lock = w.state.clone().into_os_string();
    lock.push(".lock");
    std::os::unix::fs::chown(&lock, Some(65534), Some(65534)).unwrap();
    let err = w.fails(&["property", "create", "other"], 3);
    assert!(err.contains("lock file") && err.contains("65534"), "{err}");
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn a_state_path_under_a_regular_file_is_a_state_error() {
    let w = World::new();
    let file = w.write("plain-file", "x");
    let out = w
        .cmd()
        .env("MTLSCTL_STATE", file.join("state.json"))
        .args(["property", "create", "shop"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a file, not a directory"), "{err}");
}

/// A world with shop/production and shop/staging, and the issuer in the CA library.
fn populated() -> World {
    let w = World::new();
    w.shop();
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    w.ok(&["ca", "add", "local", issuer.to_str().unwrap()]);
    w
}

/// Where the export case would write (it must not).
const EXPORTED: &str = "exported";

/// An edit that damages a state.
type Edit = fn(&mut Value);

/// Each case, on a fresh populated world with the edit applied: the command exits with the code
/// naming the field, never panics, leaves the state as it was and writes no file.
fn assert_damage_refused(cases: &[(&str, Edit, &[&str], i32, &str)]) {
    for (what, edit, args, code, named) in cases {
        let w = populated();
        let mut state: Value = serde_json::from_slice(&w.state_bytes()).unwrap();
        edit(&mut state);
        let bytes = serde_json::to_vec_pretty(&state).unwrap();
        fs::write(&w.state, &bytes).unwrap();
        let ran = w.run(args);
        let err = String::from_utf8_lossy(&ran.stderr);
        assert_eq!(ran.status.code(), Some(*code), "{what}: {err}");
        assert!(err.contains(named), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
        assert_eq!(w.state_bytes(), bytes, "{what}: the state changed");
        assert!(
            !w.path(EXPORTED).exists()
                && !w.dir.path().parent().unwrap().join("evil_v1.pem").exists()
        );
    }
}

#[test]
fn a_damaged_value_is_refused_naming_the_field() {
    assert_damage_refused(&[
        (
            "short CA fingerprint",
            |s| s["trusted_cas"][0]["sha256"] = "abc".into(),
            &["ca", "list"],
            3,
            "trusted_cas[0].sha256",
        ),
        (
            "multibyte CA fingerprint",
            |s| s["trusted_cas"][0]["sha256"] = "0123456789abcdeéé".into(),
            &["ca", "list"],
            3,
            "trusted_cas[0].sha256",
        ),
        (
            "huge validity",
            |s| s["environments"][0]["validity_days"] = 1_000_000_000_000_000i64.into(),
            &["cert", "rotate", "shop/prod"],
            3,
            "environments[0].validity_days",
        ),
        (
            "negative validity",
            |s| s["environments"][0]["validity_days"] = (-30).into(),
            &["cert", "rotate", "shop/prod"],
            3,
            "environments[0].validity_days",
        ),
        (
            "variable naming a path",
            |s| s["certificates"][0]["variable"] = "../../evil_v1".into(),
            &[
                "cert",
                "export",
                "shop/prod",
                "--out",
                EXPORTED,
                "--include-key",
            ],
            3,
            "certificates[0].variable",
        ),
        (
            "property name with escapes",
            |s| s["properties"][0]["name"] = "Sh op\u{1b}[2J".into(),
            &["property", "list"],
            3,
            "properties[0].name",
        ),
    ]);
}

#[test]
fn a_dangling_duplicate_orphaned_or_unknown_entry_is_refused_naming_the_field() {
    assert_damage_refused(&[
        (
            "dangling current certificate",
            |s| s["environments"][0]["current_cert"] = "deadbeef0000".into(),
            &["expiry"],
            3,
            "environments[0].current_cert",
        ),
        (
            "unknown field",
            |s| s["certificates"][0]["comment"] = "added by hand".into(),
            &["cert", "rotate", "shop/prod"],
            3,
            "certificates[0].comment",
        ),
        (
            "duplicate environment",
            |s| {
                let e = s["environments"][0].clone();
                s["environments"].as_array_mut().unwrap().push(e);
            },
            &["cert", "list"],
            3,
            "environments[2].stage",
        ),
        (
            "environment of no property",
            |s| s["properties"] = serde_json::json!([]),
            &["cert", "list"],
            3,
            "environments[0].property",
        ),
    ]);
}

#[test]
fn a_generation_counter_that_would_repeat_or_overflow_is_refused() {
    assert_damage_refused(&[
        (
            "a rotate that would collide",
            |s| s["environments"][0]["generations"] = 0.into(),
            &["cert", "rotate", "shop/prod"],
            3,
            "is used twice",
        ),
        (
            "last generation",
            |s| s["environments"][0]["generations"] = u32::MAX.into(),
            &["cert", "rotate", "shop/prod"],
            2,
            "every generation number",
        ),
    ]);
}

#[test]
fn a_state_with_an_unknown_field_can_still_be_read() {
    let w = populated();
    let mut state: Value = serde_json::from_slice(&w.state_bytes()).unwrap();
    state["certificates"][0]["comment"] = "added by hand".into();
    fs::write(&w.state, serde_json::to_vec_pretty(&state).unwrap()).unwrap();
    w.ok(&["cert", "list"]);
}

#[test]
fn a_clock_outside_what_certificates_express_is_refused() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "0000-01-01T00:00:00Z")
        .args(["env", "create", "shop/prod"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1970 to 9000"));
}

#[test]
fn small_bad_inputs_get_clear_errors() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let before = w.state_bytes();
    let err = w.fails(&["env", "create", "shop/prod", "--validity", "-1d"], 2);
    assert!(err.contains("positive number"), "{err}");
    for san in [
        "DNS:-bad-",
        "DNS:bad-.example.com",
        "DNS:a..b",
        "*",
        "1.2.3",
        "a@",
        "http://",
    ] {
        let err = w.fails(&["env", "create", "shop/prod", "--san", san], 2);
        assert!(err.contains("is not a DNS name"), "{san}: {err}");
    }
    for value in ["v\r\nInjected: 1", "esc\u{1b}[2J", "${ssl_client_cert"] {
        let behavior = format!("add-request-header X-A {value}");
        let err = w.fails(
            &["rule", "add", "api.test", "r", "--behavior", &behavior],
            2,
        );
        assert!(
            err.contains("header value") && !err.contains('\u{1b}'),
            "{err:?}"
        );
    }
    let bom = w.path("bom.json");
    fs::write(
        &bom,
        [b"\xEF\xBB\xBF".as_slice(), &w.state_bytes()].concat(),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&bom, fs::Permissions::from_mode(0o600)).unwrap();
    let out = w
        .cmd()
        .env("MTLSCTL_STATE", &bom)
        .args(["property", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("byte order mark"));
    let err = w.fails(
        &[
            "rule",
            "add",
            "api.test",
            "r",
            "--behavior",
            "add-request-header Bad\r\nName v",
        ],
        2,
    );
    assert!(
        err.contains("Bad\\x0d\\x0aName") && !err.contains('\r'),
        "{err:?}"
    );
    let out = w
        .cmd()
        .args(["inspect", "/dev/zero"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than 16 MiB"));
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn no_command_writes_its_files_over_the_state() {
    // The state named as each command's output would name a file in the directory.
    let cases: &[(&str, &[&str])] = &[
        (
            "shop_production_v1.pem",
            &["cert", "export", "shop/prod", "--out", "."],
        ),
        (
            "shop_production_v1.key.pem",
            &["cert", "export", "shop/prod", "--out", ".", "--include-key"],
        ),
        ("mtlsctl-cert.1", &["man", "--out-dir", "."]),
        ("key.pem", &["cert", "deploy", "shop/prod"]),
    ];
    for (name, args) in cases {
        let w = World::new();
        w.shop();
        let dir = w.path("here");
        fs::create_dir(&dir).unwrap();
        let state = dir.join(name);
        fs::copy(&w.state, &state).unwrap();
        let run = |args: &[&str]| {
            w.cmd()
                .env("MTLSCTL_STATE", &state)
                .current_dir(&dir)
                .args(args)
                .output()
                .unwrap()
        };
        if *name == "key.pem" {
            assert!(
                run(&[
                    "env",
                    "set",
                    "shop/prod",
                    "--deploy-dir",
                    dir.to_str().unwrap()
                ])
                .status
                .success()
            );
        }
        let before = fs::read(&state).unwrap();
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("state file"), "{args:?}: {err}");
        assert_eq!(
            fs::read(&state).unwrap(),
            before,
            "{args:?} changed the state"
        );
    }
}

#[test]
fn a_lock_that_is_a_link_or_a_fifo_is_refused_at_once() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let mut lock = w.state.clone().into_os_string();
    lock.push(".lock");
    let lock = std::path::PathBuf::from(lock);
    fs::remove_file(&lock).unwrap();
    let elsewhere = w.path("created-through-the-link");
    std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
    let err = w.fails(&["property", "create", "a"], 3);
    assert!(err.contains("lock file"), "{err}");
    assert!(!elsewhere.exists(), "nothing is created through the link");
    fs::remove_file(&lock).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let out = w
        .cmd()
        .env("MTLSCTL_LOCK_TIMEOUT", "2s")
        .args(["property", "create", "a"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_state_directory_owned_by_another_user_is_refused_for_writing() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: cannot give a directory to another user here; skipped");
        return;
    }
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let dir = w.state.parent().unwrap();
    std::os::unix::fs::chown(dir, Some(65534), Some(65534)).unwrap();
    let err = w.fails(&["property", "create", "other"], 3);
    assert!(
        err.contains("state directory") && err.contains("65534"),
        "{err}"
    );
}
