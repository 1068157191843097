//! The only place that prints results: aligned tables and details for people, JSON for
//! scripts, colour only where wanted.

use std::io::{IsTerminal, Write};

use comfy_table::{Cell, CellAlignment, Color, Table, presets};
use serde_json::Value;

use crate::context::Context;

/// How a value should look where colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Warn,
    Bad,
}

/// One table cell's text and tone.
#[derive(Debug, Clone)]
pub struct Styled(pub String, pub Tone);

impl Styled {
    pub fn plain(text: impl Into<String>) -> Self {
        Styled(text.into(), Tone::Plain)
    }
}

impl From<String> for Styled {
    fn from(text: String) -> Self {
        Styled::plain(text)
    }
}

impl From<&str> for Styled {
    fn from(text: &str) -> Self {
        Styled::plain(text)
    }
}

/// What a command hands back to be printed.
pub enum Report {
    /// Rows for people; `json` for scripts.
    Table {
        columns: Vec<&'static str>,
        rows: Vec<Vec<Styled>>,
        empty: String,
        json: Value,
    },
    /// Labelled values of one thing.
    Fields {
        fields: Vec<(&'static str, Styled)>,
        json: Value,
    },
    /// A confirmation of a change; silenced by --quiet.
    Done { message: String, json: Value },
    /// Data asked for (PEM, a file's content): printed even with --quiet.
    Text { text: String, json: Value },
    /// Bytes asked for, written as they are (PKCS#12 to a pipe).
    Bytes(Vec<u8>),
    /// JSON already rendered (large listings), for --json.
    Json(String),
    /// Several reports one after another; JSON is the given value.
    Sections { parts: Vec<Report>, json: Value },
}

pub fn print(report: &Report, ctx: &Context) -> std::io::Result<()> {
    // stdout is line-buffered: without this, a 10,000-row listing is 10,000 write calls.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if ctx.json {
        if let Report::Json(text) = report {
            writeln!(out, "{text}")?;
        } else if let Some(json) = report.json() {
            serde_json::to_writer_pretty(&mut out, json)?;
            writeln!(out)?;
        }
        return out.flush();
    }
    write_human(&mut out, report, Style::of(ctx))?;
    out.flush()
}

/// How human output looks: colour, and whether notes are left out.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
    quiet: bool,
}

impl Style {
    fn of(ctx: &Context) -> Style {
        Style {
            color: ctx.color,
            quiet: ctx.quiet,
        }
    }
}

/// The report as `print` would show it, without colour, for a file (`--output`).
pub fn render_plain(report: &Report, ctx: &Context) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    if ctx.json {
        if let Some(json) = report.json() {
            serde_json::to_writer_pretty(&mut out, json)?;
            out.push(b'\n');
        }
        return Ok(out);
    }
    let style = Style {
        color: false,
        quiet: ctx.quiet,
    };
    write_human(&mut out, report, style)?;
    Ok(out)
}

impl Report {
    fn json(&self) -> Option<&Value> {
        match self {
            Report::Table { json, .. }
            | Report::Fields { json, .. }
            | Report::Done { json, .. }
            | Report::Text { json, .. }
            | Report::Sections { json, .. } => Some(json),
            Report::Bytes(_) | Report::Json(_) => None,
        }
    }
}

fn write_human(out: &mut impl Write, report: &Report, style: Style) -> std::io::Result<()> {
    match report {
        Report::Table {
            columns,
            rows,
            empty,
            ..
        } => {
            if rows.is_empty() {
                if !style.quiet {
                    writeln!(out, "{empty}")?;
                }
                return Ok(());
            }
            let mut table = new_table(style);
            table.set_header(columns.iter().map(Cell::new));
            for row in rows {
                table.add_row(row.iter().map(|s| cell(s, style)));
            }
            writeln!(out, "{}", trim_lines(&table.to_string()))
        }
        Report::Fields { fields, .. } => {
            let mut table = new_table(style);
            for (label, value) in fields {
                table.add_row(vec![Cell::new(format!("{label}:")), cell(value, style)]);
            }
            writeln!(out, "{}", trim_lines(&table.to_string()))
        }
        Report::Done { message, .. } => {
            if !style.quiet {
                writeln!(out, "{message}")?;
            }
            Ok(())
        }
        Report::Text { text, .. } => write!(out, "{text}"),
        Report::Bytes(bytes) => out.write_all(bytes),
        Report::Json(text) => writeln!(out, "{text}"),
        Report::Sections { parts, .. } => {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_human(out, part, style)?;
            }
            Ok(())
        }
    }
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING);
    // Tables are for reading, never wrapped: a script wanting columns uses --json.
    table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn cell(value: &Styled, style: Style) -> Cell {
    let cell = Cell::new(&value.0).set_alignment(CellAlignment::Left);
    if !style.color {
        return cell;
    }
    match value.1 {
        Tone::Plain => cell,
        Tone::Good => cell.fg(Color::Green),
        Tone::Warn => cell.fg(Color::Yellow),
        Tone::Bad => cell.fg(Color::Red),
    }
}

/// comfy-table pads with spaces on both sides of each column: drop the outer ones.
fn trim_lines(text: &str) -> String {
    text.lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether stdout is a terminal (for colour and for refusing binary output there).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// `mtlsctl: warning: ...` on stderr, unless --quiet.
pub fn warn(ctx: &Context, message: &str) {
    if !ctx.quiet {
        eprintln!("mtlsctl: warning: {message}");
    }
}

/// A progress or detail line on stderr, with -v only.
pub fn verbose(ctx: &Context, message: &str) {
    if ctx.verbose > 0 {
        eprintln!("mtlsctl: {message}");
    }
}
