//! `cert deploy` and `cert export --out` into a directory someone else may have touched, and a
//! hook that never ends.

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::World;

/// shop/production with a deploy directory (created 0700 by the test).
fn with_deploy_dir(w: &World) -> std::path::PathBuf {
    w.shop();
    let dir = w.path("deploy");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    w.ok(&[
        "env",
        "set",
        "shop/prod",
        "--deploy-dir",
        dir.to_str().unwrap(),
    ]);
    dir
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// `cert deploy` with a time limit, so that a deploy that blocks fails the test instead of
/// hanging it.
fn deploy(w: &World, extra: &[&str]) -> (i32, String) {
    let out = w
        .cmd()
        .args(["cert", "deploy", "shop/prod"])
        .args(extra)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_fifo_or_links_under_the_target_names_never_receive_the_key() {
    let w = World::new();
    let dir = with_deploy_dir(&w);

    // A FIFO named key.pem: nobody reads it, so opening it for writing would block forever.
    mkfifo(&dir.join("key.pem"));
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("key.pem") && err.contains("FIFO"), "{err}");
    assert!(
        fs::symlink_metadata(dir.join("key.pem"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        !dir.join("cert.pem").exists(),
        "nothing is written when one name is refused"
    );
    fs::remove_file(dir.join("key.pem")).unwrap();

    // A link to a victim file and a link to a directory.
    let victim = w.write("victim.txt", "precious");
    let elsewhere = w.path("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("cert.pem")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("key.pem")).unwrap();
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    let env = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(env["deployment_status"], "needs-deployment");
    assert!(
        env["last_deploy"]["error"]
            .as_str()
            .unwrap()
            .contains("symbolic link")
    );

    // Once the entries are gone, the deploy writes regular files.
    fs::remove_file(dir.join("cert.pem")).unwrap();
    fs::remove_file(dir.join("key.pem")).unwrap();
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(fs::symlink_metadata(dir.join("key.pem")).unwrap().is_file());
}

#[test]
fn a_directory_others_can_write_to_is_refused_unless_allowed() {
    let w = World::new();
    let dir = with_deploy_dir(&w);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("writable by other users") && err.contains("--allow-shared-dir"),
        "{err}"
    );
    assert!(!dir.join("key.pem").exists());
    let (code, err) = deploy(&w, &["--allow-shared-dir"]);
    assert_eq!(code, 0, "{err}");

    // The same for an export that includes the key; without the key it is fine.
    let out = w.path("shared-out");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o777)).unwrap();
    let out = out.to_str().unwrap();
    let err = w.fails(
        &["cert", "export", "shop/prod", "--out", out, "--include-key"],
        1,
    );
    assert!(err.contains("writable by other users"), "{err}");
    w.ok(&["cert", "export", "shop/prod", "--out", out]);
    mkfifo(&Path::new(out).join("shop_production_v1.key.pem"));
    let err = w.fails(
        &[
            "cert",
            "export",
            "shop/prod",
            "--out",
            out,
            "--include-key",
            "--allow-shared-dir",
        ],
        1,
    );
    assert!(err.contains("FIFO"), "{err}");
}

#[test]
fn temp_files_a_killed_deploy_left_are_removed_by_the_next() {
    let w = World::new();
    let dir = with_deploy_dir(&w);
    let stale = dir.join(".key.pem.Ab12Cd.tmp");
    fs::write(&stale, "-----BEGIN PRIVATE KEY-----").unwrap();
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!stale.exists());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["cert.pem", "chain.pem", "key.pem"]);
}

#[test]
fn a_hook_only_deploy_stages_the_files_privately_whatever_the_umask() {
    let w = World::new();
    w.shop();
    let seen = w.path("seen");
    w.ok(&[
        "env",
        "set",
        "shop/prod",
        "--deploy-hook",
        &format!(
            "stat -c %a \"$(dirname \"$MTLSCTL_KEY_FILE\")\" > {0}; stat -c %a \"$MTLSCTL_KEY_FILE\" >> {0}",
            seen.display()
        ),
    ]);
    let binary = assert_cmd::cargo::cargo_bin("mtlsctl");
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" cert deploy shop/prod")
        .arg(&binary)
        .env("MTLSCTL_STATE", &w.state)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(fs::read_to_string(&seen).unwrap(), "700\n600\n");
}

#[test]
fn a_hook_that_never_ends_is_killed_at_the_timeout() {
    let w = World::new();
    w.shop();
    w.ok(&["env", "set", "shop/prod", "--deploy-hook", "sleep 600"]);
    let started = Instant::now();
    let (code, err) = deploy(&w, &["--hook-timeout", "1s"]);
    assert_eq!(code, 1, "{err}");
    assert!(started.elapsed() < Duration::from_secs(15));
    assert!(err.contains("did not finish within 1s"), "{err}");
    let shown = w.ok(&["env", "show", "shop/prod"]);
    assert!(shown.contains("needs-deployment"), "{shown}");
    assert!(shown.contains("did not finish within 1s"), "{shown}");

    // The setting can come from the environment too.
    let out = w
        .cmd()
        .env("MTLSCTL_HOOK_TIMEOUT", "500ms")
        .args(["cert", "deploy", "shop/prod"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("within 0.5s"));
}

#[test]
fn a_path_others_could_redirect_is_refused() {
    let w = World::new();
    w.shop();
    // An ancestor anyone may rename entries in: the directory below could be swapped for a
    // link into another service's key directory.
    let open = w.path("open");
    fs::create_dir(&open).unwrap();
    fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
    let target = open.join("mtls");
    fs::create_dir(&target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o700)).unwrap();
    let set = |dir: &Path| {
        w.ok(&[
            "env",
            "set",
            "shop/prod",
            "--deploy-dir",
            dir.to_str().unwrap(),
        ])
    };
    set(&target);
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("open") && err.contains("writable by other users"),
        "{err}"
    );
    assert!(!target.join("key.pem").exists());

    // The sticky bit (as on /tmp) stops others renaming what is not theirs: allowed.
    fs::set_permissions(&open, fs::Permissions::from_mode(0o1777)).unwrap();
    let (code, err) = deploy(&w, &[]);
    assert_eq!(code, 0, "{err}");

    // A link along the way that belongs to someone else (only root can make one here).
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        let real = w.path("real");
        fs::create_dir(&real).unwrap();
        let link = w.path("via-link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
        set(&link.join("mtls"));
        let (code, err) = deploy(&w, &[]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("belongs to user id 65534"), "{err}");
        assert!(
            !real.join("mtls").exists(),
            "nothing is created through the link"
        );
    }
}

#[test]
fn a_rollback_after_a_failed_deploy_is_not_taken_for_deployed() {
    let w = World::new();
    let dir = with_deploy_dir(&w);
    // The hook accepts v1 and fails for v2, after the files were written.
    w.ok(&[
        "env",
        "set",
        "shop/prod",
        "--deploy-hook",
        "[ \"$MTLSCTL_VARIABLE\" = shop_production_v1 ]",
    ]);
    assert_eq!(deploy(&w, &[]).0, 0);
    w.ok(&["cert", "rotate", "shop/prod"]);
    assert_eq!(deploy(&w, &[]).0, 1);
    let on_disk = fs::read_to_string(dir.join("cert.pem")).unwrap();
    let v2: serde_json::Value = w.json(&["cert", "show", "shop_production_v2"]);
    assert_eq!(
        on_disk,
        v2["pem"].as_str().unwrap(),
        "v2's files were written"
    );

    // Back to v1: the files on disk are still v2's, so it is not deployed.
    w.ok(&["cert", "select", "shop/prod", "shop_production_v1"]);
    let env = w.json(&["env", "show", "shop/prod"]);
    assert_eq!(env["deployment_status"], "needs-deployment");
    assert_eq!(env["deployed_cert"], serde_json::Value::Null);
    let (_, code) = w.json_with_code(&["expiry"]);
    assert_eq!(
        code, 1,
        "a current certificate that is not deployed is a warning"
    );
    assert_eq!(deploy(&w, &[]).0, 0);
    assert_eq!(
        w.json(&["env", "show", "shop/prod"])["deployment_status"],
        "deployed"
    );
}
