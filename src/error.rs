//! Error kinds that decide the exit code, and hints that tell the user what to do next.

use std::fmt;

/// The exit codes every command shares, with what each means: the one table that `--help`, the
/// man page and the README show. (`expiry` and `request` add their own, documented with them.)
pub const EXIT_CODES: [(u8, &str); 4] = [
    (0, "success"),
    (
        1,
        "runtime failure: I/O, network, TLS, deploy hook, state locked too long",
    ),
    (
        2,
        "usage or validation error: bad flag, unknown environment or certificate, a rule violated (a second production environment, selecting an expired certificate)",
    ),
    (
        3,
        "the state file cannot be used: corrupt, newer schema, wrong permissions, not a regular file",
    ),
];

/// What went wrong, as far as the exit code is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// I/O, network, TLS, deploy hook, lock timeout: exit 1
    Runtime,
    /// bad flag or argument, unknown name, a rule of the domain violated: exit 2
    Usage,
    /// the state file cannot be used: exit 3
    State,
    /// a transfer failed in a way curl has an exit code for (6, 7, 22, 28, 35, 56, 58, 60, 90)
    Transfer(u8),
}

impl ErrorKind {
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Runtime => 1,
            ErrorKind::Usage => 2,
            ErrorKind::State => 3,
            ErrorKind::Transfer(code) => code as i32,
        }
    }
}

/// An error with a kind and, where one exists, a hint. Sits anywhere in an anyhow chain.
#[derive(Debug)]
pub struct Failure {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl Failure {
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A usage or validation error (exit 2).
pub fn usage(message: impl Into<String>) -> Failure {
    Failure {
        kind: ErrorKind::Usage,
        message: message.into(),
        hint: None,
    }
}

/// A runtime failure (exit 1) that carries a hint.
pub fn runtime(message: impl Into<String>) -> Failure {
    Failure {
        kind: ErrorKind::Runtime,
        message: message.into(),
        hint: None,
    }
}

/// The state file cannot be used (exit 3).
pub fn state(message: impl Into<String>) -> Failure {
    Failure {
        kind: ErrorKind::State,
        message: message.into(),
        hint: None,
    }
}

/// A failed transfer with curl's exit code for the same failure.
pub fn transfer(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        kind: ErrorKind::Transfer(code),
        message: message.into(),
        hint: None,
    }
}

/// The first `Failure` in an error's chain decides its kind and hint.
pub fn classify(error: &anyhow::Error) -> (ErrorKind, Option<&str>) {
    error
        .chain()
        .find_map(|cause| cause.downcast_ref::<Failure>())
        .map(|failure| (failure.kind, failure.hint.as_deref()))
        .unwrap_or((ErrorKind::Runtime, None))
}

/// `mtlsctl: error: <what>`, then the causes, then the hint: the text main prints on stderr.
pub fn report(error: &anyhow::Error) -> String {
    // Messages quote what servers and files hold: no control character reaches the terminal,
    // and no line break forges another line.
    let line = |text: String| crate::text::escape_untrusted(&text);
    let mut text = format!("mtlsctl: error: {}\n", line(error.to_string()));
    for cause in error.chain().skip(1) {
        text.push_str(&format!("  caused by: {}\n", line(cause.to_string())));
    }
    if let (_, Some(hint)) = classify(error) {
        text.push_str(&format!("hint: {}\n", line(hint.to_string())));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn the_first_failure_in_a_chain_decides_the_code_and_the_hint() {
        let error = anyhow::Error::new(transfer(58, "rejected").hint("send another"))
            .context("cannot check the server");
        let (kind, hint) = classify(&error);
        assert_eq!(kind.exit_code(), 58);
        assert_eq!(hint, Some("send another"));
        let plain = Err::<(), _>(std::io::Error::other("disk"))
            .context("cannot write")
            .unwrap_err();
        assert_eq!(classify(&plain).0.exit_code(), 1);
    }

    #[test]
    fn reports_escape_what_servers_and_files_say() {
        let error = anyhow::Error::new(usage("bad \u{1b}]52;c;x\u{7} name\nforged: line"));
        let text = report(&error);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert_eq!(text.lines().count(), 1, "{text:?}");
    }

    #[test]
    fn the_exit_code_table_is_in_order_and_matches_the_kinds() {
        let codes: Vec<u8> = EXIT_CODES.iter().map(|(code, _)| *code).collect();
        assert_eq!(codes, [0, 1, 2, 3]);
        assert_eq!(ErrorKind::Runtime.exit_code(), 1);
        assert_eq!(ErrorKind::Usage.exit_code(), 2);
        assert_eq!(ErrorKind::State.exit_code(), 3);
    }
}
