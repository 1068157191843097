//! Completions and man pages: current with the CLI, and loadable by bash and groff.

use std::fs;
use std::path::Path;

use crate::support::World;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "mtlsctl.bash"),
    ("zsh", "_mtlsctl"),
    ("fish", "mtlsctl.fish"),
    ("powershell", "_mtlsctl.ps1"),
    ("elvish", "mtlsctl.elv"),
];

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn checked_in_completions_are_current() {
    let w = World::new();
    for (shell, file) in SHELLS {
        let generated = w.ok(&["completions", shell]);
        let checked_in = fs::read_to_string(repo("completions").join(file)).unwrap_or_default();
        assert!(
            generated == checked_in,
            "completions/{file} is stale: run scripts/generate-docs.sh"
        );
    }
}

#[test]
fn checked_in_man_pages_are_current() {
    let w = World::new();
    let out = w.path("man");
    w.ok(&["man", "--out-dir", out.to_str().unwrap()]);
    let names = |dir: &Path| {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let generated = names(&out);
    assert!(
        generated.contains(&"mtlsctl-cert-rotate.1".to_string()),
        "{generated:?}"
    );
    assert_eq!(
        generated,
        names(&repo("man")),
        "man/ is stale: run scripts/generate-docs.sh"
    );
    for name in &generated {
        assert!(
            fs::read(out.join(name)).unwrap() == fs::read(repo("man").join(name)).unwrap(),
            "man/{name} is stale: run scripts/generate-docs.sh"
        );
    }
}

#[test]
fn bash_loads_the_completions() {
    let script = repo("completions/mtlsctl.bash");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source '{}' && complete -p mtlsctl",
            script.display()
        ))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("mtlsctl"));
}

#[test]
fn man_pages_render_without_warnings_and_document_exit_codes_and_state() {
    if std::process::Command::new("groff")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("groff not installed: skipped");
        return;
    }
    let w = World::new();
    let page = w.ok(&["man"]);
    let render = |page: &[u8]| {
        let mut child = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(page).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = render(page.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "groff: {stderr}"
    );
    let text = String::from_utf8_lossy(&out.stdout).replace('\u{2010}', "-");
    let plain: String = strip_overstrike(&text);
    for expected in [
        "EXIT STATUS",
        "state.json",
        "MTLSCTL_STATE",
        "monitoring",
        "CRITICAL",
    ] {
        assert!(
            plain.contains(expected),
            "{expected} missing from the man page:\n{plain}"
        );
    }
    for entry in fs::read_dir(repo("man")).unwrap() {
        let out = render(&fs::read(entry.unwrap().path()).unwrap());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "groff: {stderr}"
        );
    }
}

/// groff -Tutf8 may embolden with backspaces; keep the letters.
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

#[test]
fn every_subcommand_and_flag_has_help() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: &str) {
        for arg in command.get_arguments() {
            if arg.is_hide_set() || arg.get_id() == "help" || arg.get_id() == "version" {
                continue;
            }
            assert!(
                arg.get_help().is_some(),
                "{path} {} has no help",
                arg.get_id()
            );
        }
        for sub in command.get_subcommands() {
            assert!(
                sub.get_about().is_some(),
                "{path} {} has no help",
                sub.get_name()
            );
            walk(sub, &format!("{path} {}", sub.get_name()));
        }
    }
    walk(&mtlsctl::cli::Cli::command(), "mtlsctl");
}

#[test]
fn completions_need_no_environment_and_only_expiry_exits_3_on_a_bad_flag() {
    let binary = assert_cmd::cargo::cargo_bin("mtlsctl");
    let out = std::process::Command::new(&binary)
        .env_clear()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("_mtlsctl()"));
    let w = crate::support::World::new();
    w.fails(&["property", "create", "expiry", "--bogus"], 2);
    w.fails(&["--state", "x.json", "expiry", "--bogus"], 3);
}

#[test]
fn the_readme_shows_the_one_table_of_exit_codes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## Exit codes")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a section 'Exit codes'");
    let rows: Vec<String> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| code") && !l.starts_with("| ---"))
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = mtlsctl::error::EXIT_CODES
        .iter()
        .map(|(code, meaning)| format!("| {code} | {meaning} |"))
        .collect();
    assert_eq!(
        rows, expected,
        "README's exit codes differ from error::EXIT_CODES"
    );
    // --help shows the same table.
    let help = crate::support::World::new().ok(&["--help"]);
    for (code, meaning) in mtlsctl::error::EXIT_CODES {
        let first_words: String = meaning
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(help.contains(&format!("  {code}  {first_words}")), "{help}");
    }
}
