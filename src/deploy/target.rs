//! The target of a deploy: files written into a directory only as regular files this process
//! creates, and a hook run with a time limit.

use std::ffi::OsString;
use std::fs::{self, DirBuilder, File};
use std::os::fd::AsFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

use crate::atomic;
use crate::error::runtime;

/// One file to write: its name in the directory, its content, its mode.
pub struct TargetFile<'a> {
    pub name: String,
    pub bytes: &'a [u8],
    pub mode: u32,
}

/// Write `files` into `dir` (created 0700 when missing). A directory others can write to is
/// refused unless `allow_shared`; an entry under a target name that is not a regular file (a
/// link, a FIFO, a directory) is refused before anything is written; temp files a killed
/// earlier run left are removed. Writers of one directory take turns (a lock on it).
pub fn write_files(dir: &Path, files: &[TargetFile<'_>], allow_shared: bool) -> Result<()> {
    // Checked before anything is created through the path, and again once it all exists.
    if !allow_shared {
        refuse_shared_dir(dir)?;
    }
    create_private_dir(dir)?;
    if !allow_shared {
        refuse_shared_dir(dir)?;
    }
    let lock = File::open(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    lock.lock()
        .with_context(|| format!("cannot lock {}", dir.display()))?;
    for file in files {
        atomic::refuse_non_regular(&dir.join(&file.name))?;
    }
    for file in files {
        let path = dir.join(&file.name);
        atomic::remove_stale_temps(&path)?;
        atomic::replace_regular_file(&path, file.bytes, file.mode)?;
    }
    Ok(())
}

/// A directory writable by group or others lets them swap what we write: refuse it, and
/// refuse a path to it that someone else could redirect (as ssh's StrictModes does): an
/// ancestor writable by others without the sticky bit, or a link, directory or file along the
/// way owned by someone other than us or root.
fn refuse_shared_dir(dir: &Path) -> Result<()> {
    let absolute =
        std::path::absolute(dir).with_context(|| format!("cannot resolve {}", dir.display()))?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    let mut walked = PathBuf::new();
    let components: Vec<_> = absolute.components().collect();
    for (i, component) in components.iter().enumerate() {
        walked.push(component);
        let meta = match fs::symlink_metadata(&walked) {
            Ok(meta) => meta,
            // What does not exist yet will be created by us, 0700.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot look at {}", walked.display()));
            }
        };
        let last = i + 1 == components.len();
        if let Some(why) = unsafe_component(&meta, me, last) {
            return Err(runtime(format!(
                "refusing to write a private key into {}: {} {why}",
                dir.display(),
                walked.display()
            ))
            .hint(shared_dir_hint(&walked, &why))
            .into());
        }
        if meta.file_type().is_symlink() {
            // Follow it, and check where it leads from the top.
            let target = fs::canonicalize(&walked)
                .with_context(|| format!("cannot follow the link {}", walked.display()))?;
            return refuse_shared_dir(
                &target.join(components[i + 1..].iter().collect::<PathBuf>()),
            );
        }
    }
    Ok(())
}

/// Why one component of a deploy path lets others redirect or swap it, if it does.
fn unsafe_component(meta: &fs::Metadata, me: u32, last: bool) -> Option<String> {
    if meta.uid() != me && meta.uid() != 0 {
        return Some(format!("belongs to user id {}", meta.uid()));
    }
    let mode = meta.permissions().mode() & 0o7777;
    let sticky = mode & 0o1000 != 0;
    let writable_by_others = mode & 0o022 != 0 && !meta.file_type().is_symlink();
    // A sticky ancestor (/tmp) lets others add entries but not rename ours.
    (writable_by_others && (last || !sticky))
        .then(|| format!("is writable by other users (mode {mode:04o})"))
}

fn shared_dir_hint(path: &Path, why: &str) -> String {
    let fix = if why.starts_with("belongs") {
        format!(
            "use a directory whose whole path belongs to you or root (chown, or another path than {})",
            path.display()
        )
    } else {
        format!(
            "use a directory only you can write to (chmod go-w {})",
            path.display()
        )
    };
    format!(
        "another user could swap the files; {fix}, or pass --allow-shared-dir if you trust everyone who can"
    )
}

pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))
}

/// A private (0700, whatever the umask) temporary directory for a hook-only deploy's files.
pub fn staging_dir() -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("mtlsctl-deploy-")
        .permissions(fs::Permissions::from_mode(0o700))
        .tempdir()
        .context("cannot create a temporary directory")?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700))
        .with_context(|| format!("cannot make {} private", dir.path().display()))?;
    Ok(dir)
}

/// Run a hook (`what`: "deploy hook", "--on-change command") with `sh -c`: stdin closed, its
/// stdout on our stderr (stdout is for results), in a process group of its own that is killed
/// whole when `timeout` passes. It never sees the vendor API's client secret.
pub fn run_hook(hook: &str, what: &str, env: &[(&str, OsString)], timeout: Duration) -> Result<()> {
    let stdout = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null());
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(hook)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env_remove("MTLSCTL_CLIENT_SECRET")
        .stdin(Stdio::null())
        .stdout(stdout)
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot run the {what} '{hook}'"))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .with_context(|| format!("cannot wait for the {what}"))?
        {
            break status;
        }
        if started.elapsed() >= timeout {
            kill_group(child.id());
            let _ = child.wait();
            bail!(
                runtime(format!(
                    "the {what} '{hook}' did not finish within {}; it was killed",
                    human(timeout)
                ))
                .hint("make it finish sooner, or give it longer with --hook-timeout")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    hook_verdict(hook, what, status)
}

fn hook_verdict(hook: &str, what: &str, status: ExitStatus) -> Result<()> {
    if status.success() {
        return Ok(());
    }
    let how = match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "was killed by a signal".to_string(),
    };
    bail!(
        runtime(format!("the {what} '{hook}' {how}")).hint(match what {
            "deploy hook" => "fix the hook (see its output above) and deploy again",
            _ => "fix it (see its output above); the next run tells it again",
        })
    )
}

fn kill_group(pid: u32) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill has no memory preconditions; a negative pid names the child's group.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

fn human(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs >= 60.0 && secs % 60.0 == 0.0 {
        format!("{}m", secs / 60.0)
    } else {
        format!("{secs}s")
    }
}

/// The paths a deploy writes in `dir`.
pub struct DeployPaths {
    pub cert: PathBuf,
    pub chain: PathBuf,
    /// None when the key is held elsewhere.
    pub key: Option<PathBuf>,
}

/// A deploy's files: `cert.pem` (the leaf), `chain.pem` (leaf and chain), `key.pem` (0600,
/// unless the key is held elsewhere), written as `write_files` writes.
pub fn write_deploy_files(
    dir: &Path,
    cert_pem: &str,
    chain_pem: &str,
    key_pem: Option<&str>,
    allow_shared: bool,
) -> Result<DeployPaths> {
    let files: Vec<TargetFile<'_>> = [
        Some(("cert.pem", cert_pem, 0o644)),
        Some(("chain.pem", chain_pem, 0o644)),
        key_pem.map(|key| ("key.pem", key, 0o600)),
    ]
    .into_iter()
    .flatten()
    .map(|(name, content, mode)| TargetFile {
        name: name.to_string(),
        bytes: content.as_bytes(),
        mode,
    })
    .collect();
    write_files(dir, &files, allow_shared)?;
    // A key left by an earlier deploy would not match this certificate: it goes.
    if key_pem.is_none() {
        let stale = dir.join("key.pem");
        if fs::symlink_metadata(&stale).is_ok_and(|m| m.is_file()) {
            fs::remove_file(&stale)
                .with_context(|| format!("cannot remove the old key {}", stale.display()))?;
        }
    }
    Ok(DeployPaths {
        cert: dir.join("cert.pem"),
        chain: dir.join("chain.pem"),
        key: key_pem.map(|_| dir.join("key.pem")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hook_that_never_ends_is_killed_with_its_children() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("grandchild-alive");
        let hook = format!("(sleep 30; touch {}) & sleep 30", marker.display());
        let started = Instant::now();
        let error = run_hook(&hook, "deploy hook", &[], Duration::from_millis(300)).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            format!("{error}").contains("did not finish within 0.3s"),
            "{error}"
        );
        std::thread::sleep(Duration::from_millis(200));
        assert!(!marker.exists());
    }

    #[test]
    fn the_staging_directory_is_private_whatever_the_umask() {
        // SAFETY: umask only changes this process's file creation mask.
        let old = unsafe { libc::umask(0) };
        let dir = staging_dir();
        unsafe { libc::umask(old) };
        let mode = fs::metadata(dir.unwrap().path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
