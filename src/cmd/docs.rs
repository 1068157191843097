//! Completions and man pages, generated from the one clap definition.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap_mangen::Man;
use serde::Serialize;

use super::views::WrittenJson;
use crate::atomic;
use crate::output::{Report, json_of};

pub fn completions(shell: clap_complete::Shell) -> Result<Report> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "mtlsctl", &mut bytes);
    let text = String::from_utf8(bytes).context("the completion script is not UTF-8")?;
    Ok(Report::Text {
        json: json_of(&CompletionsJson {
            shell: shell.to_string(),
            script: &text,
        })?,
        text,
    })
}

pub fn man(out_dir: Option<&Path>, store: &crate::state::Store) -> Result<Report> {
    let mut command = crate::cli::command().disable_help_subcommand(true);
    command.build();
    let Some(dir) = out_dir else {
        let text = String::from_utf8(main_page(&command)?).context("the man page is not UTF-8")?;
        return Ok(Report::Text {
            json: json_of(&ManPageJson { page: &text })?,
            text,
        });
    };
    let mut pages = vec![("mtlsctl.1".to_string(), main_page(&command)?)];
    for sub in command.get_subcommands() {
        subcommand_pages(sub, &mut pages)?;
    }
    // No page may land on the state, whatever it is called.
    for (name, _) in &pages {
        store.refuse_as_output(&dir.join(name))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let written = pages
        .iter()
        .map(|(name, page)| write_page(dir, name, page))
        .collect::<Result<Vec<_>>>()?;
    Ok(Report::Done {
        message: format!("wrote {} man pages to {}", written.len(), dir.display()),
        json: json_of(&WrittenJson { files: &written })?,
    })
}

/// `completions SHELL --json`: the script, and the shell it is for.
#[derive(Serialize)]
struct CompletionsJson<'a> {
    shell: String,
    script: &'a str,
}

/// `man --json`: the top page.
#[derive(Serialize)]
struct ManPageJson<'a> {
    page: &'a str,
}

fn subcommand_pages(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let man = Man::new(command.clone());
    let mut page = Vec::new();
    man.render(&mut page)?;
    pages.push((man.get_filename(), page));
    for sub in command.get_subcommands() {
        subcommand_pages(sub, pages)?;
    }
    Ok(())
}

fn write_page(dir: &Path, name: &str, page: &[u8]) -> Result<PathBuf> {
    let path = dir.join(name);
    atomic::write_file(&path, page, 0o644)?;
    Ok(path)
}

/// The top page: clap's sections, then exit status, environment and files in proper sections.
fn main_page(command: &clap::Command) -> Result<Vec<u8>> {
    let man = Man::new(command.clone().after_help(""));
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    page.extend_from_slice(exit_status().as_bytes());
    page.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// The EXIT STATUS section, from the one table of exit codes.
fn exit_status() -> String {
    let mut text = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in crate::error::EXIT_CODES {
        text.push_str(&format!(
            ".TP\n\\fB{code}\\fR\n{}\n",
            meaning.replace('-', "\\-")
        ));
    }
    text
}

const EXTRA_SECTIONS: &str = r#".PP
\fBmtlsctl expiry\fR follows the monitoring\-plugin convention instead: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (any error).
.SH ENVIRONMENT
.TP
\fBMTLSCTL_STATE\fR
the state file, as \fB\-\-state\fR
.TP
\fBMTLSCTL_NOW\fR
an RFC 3339 time that replaces the clock everywhere "now" is used, for tests and to ask what will have expired by then
.TP
\fBMTLSCTL_LOCK_TIMEOUT\fR
how long a change waits for the state lock before it gives up with exit 1 (default 30s)
.TP
\fBNO_COLOR\fR
when set, no colour with \fB\-\-color auto\fR
.SH FILES
.TP
\fI$XDG_DATA_HOME/mtlsctl/state.json\fR
the state file when neither \fB\-\-state\fR nor \fBMTLSCTL_STATE\fR is given; \fI~/.local/share/mtlsctl/state.json\fR when XDG_DATA_HOME is unset. It holds private keys: mode 0600 in a 0700 directory, and a state file open to others is refused.
.TP
\fIstate.json.lock\fR
the advisory lock every change holds for its whole read\-modify\-write
"#;
