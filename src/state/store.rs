//! The store: where commands read and change the state, whatever keeps it. A backend (the
//! JSON file today) reads, and commits a changed state as one transaction; the store runs the
//! change, checks the result, and runs the change again when another writer got there first.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;

use super::{CertRecord, FileBackend, State};
use crate::error::{runtime, state};
use crate::model::EnvRef;

/// How a transaction ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// Written (or nothing to write).
    Done,
    /// Another writer changed the state since it was read; nothing was written.
    Conflict,
}

/// What keeps the state.
pub trait Backend {
    /// Where the state is, for messages: "state file /x/state.json".
    fn location(&self) -> String;
    /// Whether there is a state at all (an absent one reads as empty).
    fn exists(&self) -> Result<bool>;
    /// The state as it is now; an absent state is empty. Never writes.
    fn read(&self) -> Result<State>;
    /// Fail as a write would, without writing.
    fn check_writable(&self) -> Result<()>;
    /// A certificate's private key (PEM).
    fn private_key(&self, cert: &CertRecord) -> Result<String>;
    /// Read the state for a change. The change is committed (or dropped) on the transaction.
    fn begin(&self) -> Result<Box<dyn Transaction + '_>>;
    /// Refuse an output path where writing would damage the state.
    fn refuse_as_output(&self, out: &Path) -> Result<()>;
    /// The state as far as one environment's commands need it: a backend that can read less
    /// (a secret store whose token may read that environment only) reads less.
    fn read_environment(&self, _env: &EnvRef) -> Result<State> {
        self.read()
    }
    /// Every environment with its certificates (and the issuer); a backend may leave the rest.
    fn read_environments(&self) -> Result<State> {
        self.read()
    }
    /// `begin` for a change to one environment only: a backend may read less.
    fn begin_environment(&self, _env: &EnvRef) -> Result<Box<dyn Transaction + '_>> {
        self.begin()
    }
    /// Replace an empty state with `state` (`state copy`). A backend that cannot write it all
    /// at once marks it unfinished until it has, so a copy cut short is never read as a state.
    fn copy_in(&self, state: &State) -> Result<()> {
        loop {
            if self.begin()?.commit(state)? == Commit::Done {
                return Ok(());
            }
        }
    }
}

/// A change in progress on a backend.
pub trait Transaction {
    /// The state as it was read at the start of the transaction.
    fn take_state(&mut self) -> State;
    /// Save `changed` unless someone else changed the state since it was read.
    fn commit(self: Box<Self>, changed: &State) -> Result<Commit>;
}

/// How many times a change is run again after conflicts before the store gives up. Only a
/// store under heavy concurrent writing gets near it.
const MAX_ATTEMPTS: usize = 100;

pub struct Store {
    backend: Box<dyn Backend>,
}

impl Store {
    pub fn new(backend: Box<dyn Backend>) -> Self {
        Store { backend }
    }

    /// The state in a JSON file (the default backend).
    pub fn file(path: PathBuf, lock_timeout: Duration, quiet: bool) -> Self {
        Store::new(Box::new(FileBackend::new(path, lock_timeout, quiet)))
    }

    /// The state's name in messages: "the state file /x/state.json".
    pub fn describe(&self) -> String {
        format!("the {}", self.backend.location())
    }

    /// Where the state is, without an article: "state file /x/state.json".
    pub fn location(&self) -> String {
        self.backend.location()
    }

    pub fn exists(&self) -> Result<bool> {
        self.backend.exists()
    }

    pub fn read(&self) -> Result<State> {
        self.backend.read()
    }

    /// What listings of certificates need: every environment with its certificates.
    pub fn read_environments(&self) -> Result<State> {
        self.backend.read_environments()
    }

    /// What one environment's commands need (`request --env`, `cert list ENV`).
    pub fn read_environment(&self, env: &EnvRef) -> Result<State> {
        self.backend.read_environment(env)
    }

    /// The state in a secret store (OpenBao, Vault), at `vault+https://HOST/MOUNT/PREFIX`.
    pub fn vault(settings: super::vault::VaultSettings) -> Result<Self> {
        Ok(Store::new(Box::new(super::vault::VaultBackend::new(
            settings,
        )?)))
    }

    /// Replace everything with `state` (the destination of `state copy`, empty before): marked
    /// incomplete until every entry is written, so that a copy cut short is never taken for a
    /// state.
    pub fn copy_in(&self, state: &State) -> Result<()> {
        self.backend.copy_in(state)
    }

    /// Fail as a write would, without writing: a state that could not record a change stops a
    /// command before it does anything outside (a download, a request).
    pub fn check_writable(&self) -> Result<()> {
        self.backend.check_writable()
    }

    /// A certificate's private key (PEM). Keys are read through the store, never from the
    /// record directly: a backend may keep them apart from the rest of the state.
    pub fn private_key(&self, cert: &CertRecord) -> Result<String> {
        self.backend.private_key(cert)
    }

    pub fn refuse_as_output(&self, out: &Path) -> Result<()> {
        self.backend.refuse_as_output(out)
    }

    /// One transaction: read, change, check, write if anything changed. When `change` fails,
    /// nothing is written. `change` may run more than once: when another writer changed the
    /// state in between, it runs again on a fresh read, so no other writer's change is lost.
    pub fn update<T>(&self, change: impl FnMut(&mut State) -> Result<T>) -> Result<T> {
        self.run(None, change)
    }

    /// `update` for a change to one environment (and the issuer it may need): a backend may
    /// read only that, so a token allowed that environment alone can change it.
    pub fn update_environment<T>(
        &self,
        env: &EnvRef,
        change: impl FnMut(&mut State) -> Result<T>,
    ) -> Result<T> {
        self.run(Some(env), change)
    }

    fn run<T>(
        &self,
        env: Option<&EnvRef>,
        mut change: impl FnMut(&mut State) -> Result<T>,
    ) -> Result<T> {
        for _ in 0..MAX_ATTEMPTS {
            let mut transaction = match env {
                Some(env) => self.backend.begin_environment(env)?,
                None => self.backend.begin()?,
            };
            let mut current = transaction.take_state();
            let result = change(&mut current)?;
            if let Err(broken) = super::validate::validate(&current) {
                return Err(state(format!(
                    "this change would leave {} inconsistent ({broken}); nothing was written",
                    self.describe()
                ))
                .hint("the state was probably edited by hand: fix or restore it")
                .into());
            }
            if transaction.commit(&current)? == Commit::Done {
                return Ok(result);
            }
        }
        Err(runtime(format!(
            "gave up after {MAX_ATTEMPTS} attempts to change {}: other writers changed it each time",
            self.describe()
        ))
        .hint("run the command again when fewer writers are busy")
        .into())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::model::PropertyName;

    /// A state in memory whose first `conflicts` commits find another writer was first.
    struct Racing {
        saved: RefCell<State>,
        conflicts: Cell<usize>,
    }

    struct RacingTransaction<'a>(&'a Racing);

    impl Backend for Racing {
        fn location(&self) -> String {
            "state in memory".into()
        }
        fn exists(&self) -> Result<bool> {
            Ok(true)
        }
        fn read(&self) -> Result<State> {
            Ok(self.saved.borrow().clone())
        }
        fn check_writable(&self) -> Result<()> {
            Ok(())
        }
        fn private_key(&self, cert: &CertRecord) -> Result<String> {
            Ok(cert.key_pem.clone())
        }
        fn begin(&self) -> Result<Box<dyn Transaction + '_>> {
            Ok(Box::new(RacingTransaction(self)))
        }
        fn refuse_as_output(&self, _: &Path) -> Result<()> {
            Ok(())
        }
    }

    impl Transaction for RacingTransaction<'_> {
        fn take_state(&mut self) -> State {
            self.0.saved.borrow().clone()
        }
        fn commit(self: Box<Self>, changed: &State) -> Result<Commit> {
            if self.0.conflicts.get() > 0 {
                self.0.conflicts.set(self.0.conflicts.get() - 1);
                // The other writer's change lands first.
                let mut saved = self.0.saved.borrow_mut();
                let name = format!("other{}", saved.properties.len() + 1);
                saved.add_property(property(&name));
                return Ok(Commit::Conflict);
            }
            *self.0.saved.borrow_mut() = changed.clone();
            Ok(Commit::Done)
        }
    }

    fn property(name: &str) -> super::super::Property {
        super::super::Property {
            name: name.parse::<PropertyName>().unwrap(),
            created: chrono::Utc::now(),
        }
    }

    fn racing(conflicts: usize) -> Store {
        Store::new(Box::new(Racing {
            saved: RefCell::new(State::default()),
            conflicts: Cell::new(conflicts),
        }))
    }

    #[test]
    fn a_change_runs_again_on_what_the_other_writer_saved() {
        let store = racing(2);
        let mut runs = 0;
        store
            .update(|state| {
                runs += 1;
                state.add_property(property(&format!("shop{runs}")));
                Ok(())
            })
            .unwrap();
        assert_eq!(runs, 3);
        let names: Vec<String> = store
            .read()
            .unwrap()
            .properties
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        assert_eq!(names, ["other1", "other2", "shop3"]);
    }

    #[test]
    fn endless_conflicts_give_up_with_a_clear_error_and_save_nothing() {
        let store = racing(1000);
        let error = store
            .update(|state| {
                state.add_property(property("mine"));
                Ok(())
            })
            .unwrap_err()
            .to_string();
        assert!(error.contains("gave up after 100 attempts"), "{error}");
        assert!(error.contains("the state in memory"), "{error}");
        let saved = store.read().unwrap();
        assert_eq!(saved.properties.len(), 100);
        assert!(
            saved
                .properties
                .iter()
                .all(|p| p.name.to_string() != "mine")
        );
    }
}
