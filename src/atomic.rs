//! Files written so that a reader sees the old content or the new, never half of either:
//! a temp file in the same directory, fsync, rename, fsync the directory.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{Context, Result};

/// Write `bytes` to `path` atomically with the given mode (0o600 for keys and state). A path
/// that is a device or a pipe (`-o /dev/null`) is written to, never replaced; a symbolic link
/// is followed, so the file it names is replaced and the link stays.
pub fn write_file(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    // /dev/stdout and /proc/self/fd/N name a descriptor this process holds: write through it
    // (opening the name again would truncate a file it leads to).
    if let Some(file) = own_descriptor_file(path) {
        return file?
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", path.display()));
    }
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        return fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()));
    }
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path)
                .with_context(|| format!("cannot follow the link {}", path.display()))?;
            resolved.as_path()
        }
        _ => path,
    };
    replace(path, bytes, mode)
}

/// Write `bytes` to `path` as a regular file this process creates (temp file and rename, which
/// replaces a link instead of following it). Anything at `path` that is not a regular file — a
/// link, a FIFO, a device, a directory — is refused, so a hostile entry in a shared directory
/// never receives what is written.
pub fn replace_regular_file(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    refuse_non_regular(path)?;
    replace(path, bytes, mode)
}

/// Fail when something other than a regular file stands at `path`; nothing there is fine.
pub fn refuse_non_regular(path: &Path) -> Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot look at {}", path.display())),
    };
    let kind = file_kind(&meta.file_type());
    if kind == "regular file" {
        return Ok(());
    }
    Err(crate::error::runtime(format!(
        "refusing to write {}: it is a {kind}, not a regular file",
        path.display()
    ))
    .hint("someone else may have put it there; check who, remove it, and try again")
    .into())
}

fn file_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_symlink() {
        "symbolic link"
    } else if kind.is_dir() {
        "directory"
    } else if kind.is_fifo() {
        "FIFO (named pipe)"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "device"
    } else {
        "regular file"
    }
}

/// Temp file in the same directory, fsync, rename over `path`, fsync the directory.
fn replace(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    write_temp(path, bytes, mode)?.commit()
}

/// A file written under a temporary name beside its destination, not yet in place: `commit`
/// renames it there; dropping it removes it. Lets a caller record a file before it appears.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

/// Write `bytes` for `path` (mode `mode`) under a temporary name in the same directory.
/// A destination that is a device, a pipe or a directory is refused (a temp file renamed over
/// /dev/stdout would replace it); a link is followed, as `write_file` does.
pub fn stage(path: &Path, bytes: &[u8], mode: u32) -> Result<Staged> {
    let resolved;
    let path = match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(crate::error::usage(format!(
                "{} is not a regular file: only files are saved here",
                path.display()
            ))
            .into());
        }
        Ok(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            resolved = fs::canonicalize(path)
                .with_context(|| format!("cannot follow the link {}", path.display()))?;
            resolved.as_path()
        }
        _ => path,
    };
    write_temp(path, bytes, mode)
}

/// `bytes` (mode `mode`) in a temp file beside `path`, synced, not yet in place.
fn write_temp(path: &Path, bytes: &[u8], mode: u32) -> Result<Staged> {
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", temp.path().display()))?;
    // The umask may have narrowed the mode tempfile asked for; set exactly what was asked.
    fs::set_permissions(temp.path(), fs::Permissions::from_mode(mode))
        .with_context(|| format!("cannot set the mode of {}", temp.path().display()))?;
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
    })
}

impl Staged {
    /// Add bytes to the file before it is put in place.
    pub fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.temp
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", self.temp.path().display()))
    }

    /// Put the file in place (fsync, rename, then fsync the directory).
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.temp
            .as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", self.temp.path().display()))?;
        self.temp
            .persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot replace {}", path.display()))?;
        sync_dir(parent_dir(&path))
    }
}

/// The mode for a file a command writes as its output (`-o`, `--output`): what the file had,
/// else 0644 less the umask, as a shell's `>` would make it.
pub fn output_mode(path: &Path) -> u32 {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.permissions().mode() & 0o777,
        _ => {
            // SAFETY: umask only swaps the process's file mode mask; it is set back at once.
            let mask = unsafe {
                let mask = libc::umask(0o022);
                libc::umask(mask);
                mask
            };
            0o644 & !(mask as u32)
        }
    }
}

/// Whether this process may write an existing file (as curl opens it for writing): a file
/// that is there and read-only to us is refused rather than replaced.
pub fn may_overwrite(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(meta) = fs::symlink_metadata(path) else {
        return true;
    };
    if !meta.is_file() {
        return true;
    }
    let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: access only reads the NUL-terminated path given.
    unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
}

/// A destination written piece by piece in constant memory: a regular file appears whole, by
/// rename, only on `finish` (dropped unfinished, nothing appears); a device, a pipe or a
/// descriptor this process holds (/dev/stdout) is written through.
pub enum Sink {
    Staged(Staged),
    Through(File),
}

impl Sink {
    pub fn open(path: &Path, mode: u32) -> Result<Sink> {
        if let Some(file) = own_descriptor_file(path) {
            return Ok(Sink::Through(file?));
        }
        if let Ok(meta) = fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(Sink::Through(file));
        }
        Ok(Sink::Staged(stage(path, &[], mode)?))
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            Sink::Staged(staged) => staged.append(bytes),
            Sink::Through(file) => file.write_all(bytes).context("cannot write the output"),
        }
    }

    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Staged(staged) => staged.commit(),
            Sink::Through(mut file) => file.flush().context("cannot write the output"),
        }
    }
}

/// A path like /dev/stdout as a file of its own on the descriptor this process holds (opening
/// the name again would truncate a file it leads to); None for any other path.
fn own_descriptor_file(path: &Path) -> Option<Result<File>> {
    use std::os::fd::BorrowedFd;
    let fd = own_descriptor(path)?;
    // SAFETY: the descriptor is open (own_descriptor checked it): one of the standard streams
    // or one the path names in this process; it is only duplicated here.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    Some(
        borrowed
            .try_clone_to_owned()
            .map(File::from)
            .with_context(|| format!("cannot write {}", path.display())),
    )
}

/// The descriptor a path like /dev/stdout, /dev/fd/3 or /proc/self/fd/3 names, when it is open.
fn own_descriptor(path: &Path) -> Option<i32> {
    let text = path.to_str()?;
    let fd = match text {
        "/dev/stdout" => 1,
        "/dev/stderr" => 2,
        _ => text
            .strip_prefix("/dev/fd/")
            .or_else(|| text.strip_prefix("/proc/self/fd/"))?
            .parse()
            .ok()?,
    };
    // SAFETY: fcntl(F_GETFD) only asks whether the descriptor is open.
    (unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0).then_some(fd)
}

/// Remove temp files a killed writer of `path` left behind. Call only while holding the lock
/// that every writer of `path` takes, so that no live writer's temp file is removed.
pub fn remove_stale_temps(path: &Path) -> Result<()> {
    let prefix = temp_prefix(path);
    let dir = parent_dir(path);
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot list {}", dir.display())),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot sync the directory {}", dir.display()))
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_with_the_mode_asked_and_cleans_stale_temps() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.pem");
        write_file(&path, b"old", 0o644).unwrap();
        write_file(&path, b"new", 0o600).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);

        fs::write(dir.path().join(".key.pem.abc123.tmp"), b"half").unwrap();
        fs::write(dir.path().join("other.tmp"), b"keep").unwrap();
        remove_stale_temps(&path).unwrap();
        assert!(!dir.path().join(".key.pem.abc123.tmp").exists());
        assert!(dir.path().join("other.tmp").exists());
    }

    #[test]
    fn staged_files_appear_only_on_commit_and_never_over_a_device() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cert.pem");
        let staged = stage(&path, b"pem", 0o644).unwrap();
        assert!(!path.exists());
        staged.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"pem");
        drop(stage(&dir.path().join("dropped.pem"), b"x", 0o644).unwrap());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "a dropped stage leaves nothing"
        );
        assert!(stage(Path::new("/dev/null"), b"x", 0o644).is_err());
        assert!(stage(dir.path(), b"x", 0o644).is_err());
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn devices_are_written_to_and_links_followed_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let to_null = dir.path().join("to-null");
        std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
        write_file(&to_null, b"discarded", 0o644).unwrap();
        assert!(
            fs::symlink_metadata(&to_null)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );

        let target = dir.path().join("real.pem");
        fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.pem");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_file(&link, b"new", 0o644).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }
}
