//! The state file on disk, the default backend: one exclusive lock over every
//! read-modify-write, atomic replacement, refusal of anything it cannot safely use (exit 3),
//! and no write by readers.

use std::fs::{self, DirBuilder, File, OpenOptions, TryLockError};
use std::io::ErrorKind as IoErrorKind;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Deserialize;

use super::store::{Backend, Commit, Transaction};
use super::{CertRecord, SCHEMA_VERSION, State};
use crate::atomic;
use crate::error::{runtime, state};

/// How long a waiting writer stays silent before it says what it waits for.
const QUIET_WAIT: Duration = Duration::from_millis(500);
const POLL: Duration = Duration::from_millis(25);
/// A state with 10,000 certificates is about 20 MB: anything past this is not a state.
const MAX_STATE_BYTES: u64 = 1 << 30;

pub struct FileBackend {
    path: PathBuf,
    lock_timeout: Duration,
    quiet: bool,
}

/// A change in progress: the lock is held from the read to the write.
struct FileTransaction<'a> {
    backend: &'a FileBackend,
    lock: File,
    state: Option<State>,
    /// The bytes the state was read from (None when there was no file yet).
    original: Option<Vec<u8>>,
}

impl Backend for FileBackend {
    fn location(&self) -> String {
        format!("state file {}", self.path.display())
    }

    fn exists(&self) -> Result<bool> {
        Ok(fs::symlink_metadata(&self.path).is_ok())
    }

    fn read(&self) -> Result<State> {
        Ok(self.load(false)?.0)
    }

    fn check_writable(&self) -> Result<()> {
        let (_, _, unknown) = self.load(true)?;
        refuse_to_drop_fields(&self.path, unknown.as_deref())
    }

    fn private_key(&self, cert: &CertRecord) -> Result<String> {
        Ok(cert.key_pem.clone())
    }

    /// Lock, then read: the lock is held until the transaction is committed or dropped.
    fn begin(&self) -> Result<Box<dyn Transaction + '_>> {
        self.create_dir()?;
        let lock = self.lock()?;
        atomic::remove_stale_temps(&self.path)?;
        let (state, original, unknown) = self.load(true)?;
        refuse_to_drop_fields(&self.path, unknown.as_deref())?;
        pause_for_tests();
        Ok(Box::new(FileTransaction {
            backend: self,
            lock,
            state: Some(state),
            original,
        }))
    }

    fn refuse_as_output(&self, out: &Path) -> Result<()> {
        self.refuse_output_path(out)
    }
}

impl Transaction for FileTransaction<'_> {
    fn take_state(&mut self) -> State {
        self.state.take().unwrap_or_default()
    }

    /// Write when anything changed. When the lock file was swapped while the transaction held
    /// it (someone removed it, and another writer may have locked a new one), nothing is
    /// written: the change runs again from a fresh read, so no other writer's change is lost.
    fn commit(self: Box<Self>, changed: &State) -> Result<Commit> {
        let path = &self.backend.path;
        let mut bytes = serde_json::to_vec_pretty(changed).context("cannot encode the state")?;
        bytes.push(b'\n');
        if self.original.as_deref() == Some(bytes.as_slice()) {
            return Ok(Commit::Done);
        }
        if !self.backend.still_holds(&self.lock) {
            return Ok(Commit::Conflict);
        }
        atomic::write_file(path, &bytes, 0o600)
            .with_context(|| format!("cannot save the state file {}", path.display()))?;
        Ok(Commit::Done)
    }
}

impl FileBackend {
    pub fn new(path: PathBuf, lock_timeout: Duration, quiet: bool) -> Self {
        FileBackend {
            path,
            lock_timeout,
            quiet,
        }
    }

    /// Refuse an output path that is the state file (by any name: a link, a hard link), its
    /// lock or one of its temp files: writing there would replace the state without its lock,
    /// and every key with it.
    fn refuse_output_path(&self, out: &Path) -> Result<()> {
        let (Some(out), Some(state)) = (resolve(out), resolve(&self.path)) else {
            return Ok(());
        };
        let same_file = match (fs::metadata(&out), fs::metadata(&state)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        };
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        let state_name = state.file_name().unwrap_or_default().to_string_lossy();
        let beside = out.parent() == state.parent();
        let lock_or_temp = beside
            && (name == format!("{state_name}.lock")
                || (name.starts_with(&format!(".{state_name}.")) && name.ends_with(".tmp")));
        if out == state || same_file || lock_or_temp {
            return Err(crate::error::usage(format!(
                "refusing to write to {}: it is mtlsctl's state file {} (or its lock or temporary file)",
                out.display(),
                self.path.display()
            ))
            .hint("choose another output path; the state is changed only by mtlsctl's own commands")
            .into());
        }
        Ok(())
    }

    fn lock_path(&self) -> PathBuf {
        let mut lock_path = self.path.clone().into_os_string();
        lock_path.push(".lock");
        PathBuf::from(lock_path)
    }

    /// Whether `lock` is still the file at the lock path (same device and inode).
    fn still_holds(&self, lock: &File) -> bool {
        match (lock.metadata(), fs::metadata(self.lock_path())) {
            (Ok(held), Ok(there)) => held.dev() == there.dev() && held.ino() == there.ino(),
            _ => false,
        }
    }

    /// The state, the bytes it was read from (None when there is no file yet) and, when
    /// `for_writing`, the first field of the file the state does not carry (only a write would
    /// lose it, and noting it costs a slower parse).
    fn load(&self, for_writing: bool) -> Result<(State, Option<Vec<u8>>, Option<String>)> {
        let path = self.path.display();
        let meta = match fs::symlink_metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == IoErrorKind::NotFound => {
                return Ok((State::default(), None, None));
            }
            Err(e) => {
                return Err(e).context(state(format!("cannot read the state file {path}")));
            }
        };
        if meta.file_type().is_symlink() {
            return Err(state(format!("the state file {path} is a symbolic link"))
                .hint("mtlsctl replaces the state file on every change, which would break the link: point --state at the real file")
                .into());
        }
        if !meta.is_file() {
            return Err(
                state(format!("the state file {path} is not a regular file"))
                    .hint("point --state (or MTLSCTL_STATE) at a file")
                    .into(),
            );
        }
        refuse_foreign(&meta, "state file", &self.path)?;
        if meta.len() > MAX_STATE_BYTES {
            return Err(state(format!(
                "the state file {path} is {} MiB: far larger than any state (a damaged or foreign file?)",
                meta.len() >> 20
            ))
            .hint("point --state (or MTLSCTL_STATE) at an mtlsctl state file")
            .into());
        }
        let mode = meta.mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(state(format!(
                "the state file {path} is open to other users (mode {mode:04o}) and holds private keys"
            ))
            .hint(format!("make it private with 'chmod 600 {path}'"))
            .into());
        }
        let bytes =
            fs::read(&self.path).context(state(format!("cannot read the state file {path}")))?;
        let (parsed, unknown) = parse_noting_unknown(&self.path, &bytes, for_writing)?;
        Ok((parsed, Some(bytes), unknown))
    }

    fn create_dir(&self) -> Result<()> {
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| format!("cannot create the state directory {}", dir.display())),
            _ => Ok(()),
        }
    }

    /// The exclusive advisory lock on `<state>.lock`: released by the OS when the process
    /// ends, however it ends, so a killed writer never blocks the next one.
    fn lock(&self) -> Result<File> {
        loop {
            let file = self.lock_once()?;
            // Removed between our open and our lock: lock the file that is there now.
            if self.still_holds(&file) {
                return Ok(file);
            }
        }
    }

    /// The lock file, opened safely: a regular file of ours in a directory of ours, never
    /// through a link, never blocking on a FIFO.
    fn open_lock(&self) -> Result<File> {
        let lock_path = self.lock_path();
        if let Some(dir) = lock_path.parent()
            && dir.is_file()
        {
            return Err(state(format!(
                "the state file {} cannot be used: {} is a file, not a directory",
                self.path.display(),
                dir.display()
            ))
            .hint("point --state (or MTLSCTL_STATE) at a file in a directory")
            .into());
        }
        if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(meta) = fs::metadata(dir)
            && meta.uid() != 0
        {
            // Whoever owns the directory can plant or swap what is in it.
            refuse_foreign(&meta, "state directory", dir)?;
        }
        // Never through a link, never blocking on a FIFO: only a regular file is a lock.
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(&lock_path)
            .map_err(|e| {
                state(format!(
                    "cannot open the lock file {}: {e}",
                    lock_path.display()
                ))
                .hint("it must be a regular file (not a link or a FIFO); remove what is there")
            })?;
        let meta = file
            .metadata()
            .with_context(|| format!("cannot look at the lock file {}", lock_path.display()))?;
        if !meta.is_file() {
            return Err(state(format!(
                "the lock file {} is not a regular file",
                lock_path.display()
            ))
            .hint("remove it; mtlsctl creates a new one")
            .into());
        }
        refuse_foreign(&meta, "lock file", &lock_path)?;
        Ok(file)
    }

    fn lock_once(&self) -> Result<File> {
        let lock_path = self.lock_path();
        let file = self.open_lock()?;
        let started = Instant::now();
        let mut announced = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock {}", lock_path.display()));
                }
            }
            let waited = started.elapsed();
            if waited >= self.lock_timeout {
                return Err(runtime(format!(
                    "gave up after {}s waiting for the lock on {}",
                    self.lock_timeout.as_secs_f64(),
                    lock_path.display()
                ))
                .hint("another mtlsctl is changing the state; wait for it, or set MTLSCTL_LOCK_TIMEOUT (e.g. 2m) to wait longer")
                .into());
            }
            if !announced && waited >= QUIET_WAIT && !self.quiet {
                eprintln!(
                    "mtlsctl: waiting for the lock on {} (another mtlsctl is changing the state)",
                    lock_path.display()
                );
                announced = true;
            }
            std::thread::sleep(POLL);
        }
    }
}

/// `certificates.0.comment` as `certificates[0].comment`.
fn field_path(dotted: &str) -> String {
    let mut out = String::new();
    for part in dotted.split('.') {
        if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

/// A file with fields this mtlsctl does not know (a newer version's, or hand-added) would lose
/// them on the next write: refuse to write it.
fn refuse_to_drop_fields(path: &Path, unknown: Option<&str>) -> Result<()> {
    match unknown {
        None => Ok(()),
        Some(field) => Err(state(format!(
            "the state file {} has a field this mtlsctl ({}) does not know: {field}; writing would drop it",
            path.display(),
            env!("CARGO_PKG_VERSION")
        ))
        .hint("use the mtlsctl that wrote it, or remove the field by hand; the file is left as it is")
        .into()),
    }
}

/// `path` with its directory (and, when it exists, itself) resolved through links.
fn resolve(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok().or_else(|| {
        let parent = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Some(fs::canonicalize(parent).ok()?.join(path.file_name()?))
    })
}

/// A state (or lock) file another user owns could hold their issuer key and deploy hooks:
/// refuse it, as ssh refuses a configuration file others own.
fn refuse_foreign(meta: &fs::Metadata, what: &str, path: &Path) -> Result<()> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() == me {
        return Ok(());
    }
    Err(state(format!(
        "the {what} {} belongs to user id {}, not to you (user id {me})",
        path.display(),
        meta.uid()
    ))
    .hint("use a state of your own (--state), or have its owner hand it over (chown) if you trust what is in it")
    .into())
}

/// Tests hold a writer between its read and its write by naming a file it waits for
/// (debug builds only; release builds have no such pause).
pub(super) fn pause_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(go) = std::env::var_os("MTLSCTL_TEST_PAUSE_UNTIL") {
        let go = PathBuf::from(go);
        let _ = fs::write(go.with_extension("paused"), b"");
        let started = Instant::now();
        while !go.exists() && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(POLL);
        }
    }
}

/// Parse the file, refusing a newer schema and naming the position of any damage.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<State> {
    parse_noting_unknown(path, bytes, false).map(|(state, _)| state)
}

/// The state, and the first field of the file it does not carry (which a write would drop),
/// found in the same pass.
fn parse_noting_unknown(
    path: &Path,
    bytes: &[u8],
    note_unknown: bool,
) -> Result<(State, Option<String>)> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<u32>,
    }
    let path = path.display();
    let corrupt = |e: serde_json::Error| {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            return state(format!(
                "the state file {path} starts with a byte order mark, which JSON does not allow"
            ))
            .hint("an editor added it: remove the first three bytes (or save without a BOM)");
        }
        state(format!("the state file {path} is corrupt: {e}")).hint(
            "restore it from a backup or move it away; mtlsctl leaves a file it cannot read untouched",
        )
    };
    // One pass in the common case; only a file that does not parse is probed to say why.
    let mut unknown = None;
    let parsed = if note_unknown {
        let mut reader = serde_json::Deserializer::from_slice(bytes);
        serde_ignored::deserialize(&mut reader, |field| {
            unknown.get_or_insert_with(|| field_path(&field.to_string()));
        })
        .and_then(|state: State| reader.end().map(|()| state))
    } else {
        serde_json::from_slice::<State>(bytes)
    };
    let version = match parsed {
        Ok(parsed) if parsed.schema_version == SCHEMA_VERSION => {
            return match super::validate::validate(&parsed) {
                Ok(()) => Ok((parsed, unknown)),
                Err(broken) => Err(state(format!("the state file {path} is damaged: {broken}"))
                    .hint("fix that field (or restore a backup); mtlsctl leaves a file it cannot use untouched")
                    .into()),
            };
        }
        Ok(parsed) => Some(parsed.schema_version),
        Err(error) => match serde_json::from_slice::<Probe>(bytes) {
            Ok(probe) if probe.schema_version.is_none_or(|v| v > SCHEMA_VERSION) => {
                probe.schema_version
            }
            _ => return Err(corrupt(error).into()),
        },
    };
    Err(unusable_version(&path.to_string(), version).into())
}

/// Why a state file of another schema version cannot be read.
fn unusable_version(path: &str, version: Option<u32>) -> crate::error::Failure {
    // Version 1 is the first schema: older versions to migrate from will be handled here.
    match version {
        None => state(format!("the state file {path} has no schema_version: it is not an mtlsctl state file"))
            .hint("point --state (or MTLSCTL_STATE) at an mtlsctl state file"),
        Some(version) if version > SCHEMA_VERSION => state(format!(
            "the state file {path} has schema version {version}, newer than the {SCHEMA_VERSION} this mtlsctl ({}) understands",
            env!("CARGO_PKG_VERSION")
        ))
        .hint("upgrade mtlsctl; the file is left as it is"),
        Some(version) => state(format!(
            "the state file {path} has schema version {version}, which no mtlsctl wrote"
        )),
    }
}
