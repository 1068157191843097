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
