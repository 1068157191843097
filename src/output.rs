//! The only place that prints results: aligned tables and details for people, JSON for
//! scripts, colour only where wanted.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, Table, Width, presets};
use serde::Serialize;
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

/// A table column and what may happen to it when the table is wider than the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    pub fit: Fit,
}

/// How a column gives way on a narrow terminal (as `kubectl` and `ls` do): first the optional
/// columns go, lowest rank first; then text columns wrap inside their cell. A line never
/// wraps at the terminal's edge, and `--wide` (or a pipe) shows every column in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Always shown, never narrowed (ids, dates, statuses).
    Keep,
    /// Always shown; narrowed with its text wrapped when the rest leaves too little room.
    Wrap,
    /// Left out when the table does not fit; rank 1 goes first.
    Optional(u8),
}

impl Column {
    pub const fn keep(title: &'static str) -> Column {
        Column {
            title,
            fit: Fit::Keep,
        }
    }

    pub const fn wrap(title: &'static str) -> Column {
        Column {
            title,
            fit: Fit::Wrap,
        }
    }

    pub const fn optional(rank: u8, title: &'static str) -> Column {
        Column {
            title,
            fit: Fit::Optional(rank),
        }
    }

    /// Columns that are all kept (small tables).
    pub fn all_kept(titles: &[&'static str]) -> Vec<Column> {
        titles.iter().copied().map(Column::keep).collect()
    }
}

/// What a command hands back to be printed.
pub enum Report {
    /// Rows for people; `json` for scripts.
    Table {
        columns: Vec<Column>,
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

/// A command's typed view as the JSON of its report. Through `Value`, whose objects keep their
/// keys sorted, so the order of a view's fields never shows in the output.
pub fn json_of(view: &impl Serialize) -> serde_json::Result<Value> {
    serde_json::to_value(view)
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

/// How human output looks: colour, whether notes are left out, and the width tables must fit.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
    quiet: bool,
    width: Option<u16>,
}

impl Style {
    fn of(ctx: &Context) -> Style {
        Style {
            color: ctx.color,
            quiet: ctx.quiet,
            width: ctx.width,
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
        width: None,
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
            table.set_header(columns.iter().map(|c| Cell::new(c.title)));
            for row in rows {
                table.add_row(row.iter().map(|s| cell(s, style)));
            }
            if let Some(width) = style.width {
                fit(&mut table, columns, width);
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

/// A wrapping column is never narrower than this (or its text, when shorter).
const NARROWEST: usize = 20;
/// How narrow other columns may wrap when the table still does not fit.
const SQUEEZED: usize = 12;

/// Which columns a table shows and which wrap, for a terminal width.
struct Layout {
    natural: Vec<usize>,
    shown: Vec<bool>,
    wrap: Vec<bool>,
}

impl Layout {
    /// The width of the shown columns (two spaces between each), wrapping ones at `narrowest`.
    fn total(&self, narrowest: usize) -> usize {
        let widths: Vec<usize> = (0..self.natural.len())
            .filter(|i| self.shown[*i])
            .map(|i| {
                if self.wrap[i] {
                    self.natural[i].min(narrowest)
                } else {
                    self.natural[i]
                }
            })
            .collect();
        widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
    }

    /// Leave out optional columns, lowest rank first, until the table could fit.
    fn drop_optional(&mut self, columns: &[Column], width: usize) {
        let mut optional: Vec<(u8, usize)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.fit {
                Fit::Optional(rank) if i < self.natural.len() => Some((rank, i)),
                _ => None,
            })
            .collect();
        optional.sort();
        for (_, index) in optional {
            if self.total(NARROWEST) <= width {
                break;
            }
            self.shown[index] = false;
        }
    }

    /// Still too wide even with the wrapping columns squeezed: the widest other columns wrap
    /// too, one at a time, rather than the line at the terminal's edge.
    fn wrap_more(&mut self, width: usize) {
        while self.total(SQUEEZED) > width {
            let widest = (0..self.natural.len())
                .filter(|i| self.shown[*i] && !self.wrap[*i] && self.natural[*i] > SQUEEZED)
                .max_by_key(|i| self.natural[*i]);
            match widest {
                Some(i) => self.wrap[i] = true,
                None => break,
            }
        }
    }

    /// Each wrapping column's width: a floor first, then a share of the room the others leave,
    /// in proportion to how much more its text needs.
    fn wrapped_widths(&self, width: usize) -> Vec<Option<usize>> {
        let count = self.natural.len();
        let kept: usize = (0..count)
            .filter(|i| self.shown[*i] && !self.wrap[*i])
            .map(|i| self.natural[i] + 2)
            .sum();
        let wrapping: Vec<usize> = (0..count)
            .filter(|i| self.shown[*i] && self.wrap[*i])
            .collect();
        let room = width.saturating_sub(kept.saturating_sub(2) + 2 * wrapping.len());
        let floor = |i: usize| {
            self.natural[i]
                .min(NARROWEST)
                .min(room / wrapping.len().max(1))
        };
        let rest = room.saturating_sub(wrapping.iter().map(|i| floor(*i)).sum());
        let wanted: usize = wrapping.iter().map(|i| self.natural[*i] - floor(*i)).sum();
        (0..count)
            .map(|i| {
                (self.shown[i] && self.wrap[i]).then(|| {
                    (floor(i) + (self.natural[i] - floor(i)) * rest / wanted.max(1)).max(1)
                })
            })
            .collect()
    }
}

/// Fit a table into `width` terminal columns: leave out optional columns (lowest rank first)
/// until it could fit, then share the room the other columns leave among the wrapping ones,
/// in proportion to their text, which wraps inside the cell.
fn fit(table: &mut Table, columns: &[Column], width: u16) {
    let width = usize::from(width);
    let natural: Vec<usize> = table
        .column_max_content_widths()
        .iter()
        .map(|w| usize::from(*w))
        .collect();
    let count = columns.len().min(natural.len());
    let mut layout = Layout {
        wrap: (0..count).map(|i| columns[i].fit == Fit::Wrap).collect(),
        shown: vec![true; count],
        natural: natural[..count].to_vec(),
    };
    layout.drop_optional(columns, width);
    layout.wrap_more(width);
    for (index, show) in layout.shown.iter().enumerate() {
        if !show && let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::Hidden);
        }
    }
    if layout.total(usize::MAX) <= width {
        return;
    }
    for (index, wrapped) in layout.wrapped_widths(width).into_iter().enumerate() {
        let Some(column) = table.column_mut(index).filter(|_| layout.shown[index]) else {
            continue;
        };
        column.set_constraint(match wrapped {
            // An absolute width counts the column's padding (one space each side).
            Some(share) => ColumnConstraint::Absolute(Width::Fixed(
                u16::try_from(share + 2).unwrap_or(u16::MAX),
            )),
            None => ColumnConstraint::ContentWidth,
        });
    }
    // comfy-table counts the padding of the first column, which `trim_lines` removes.
    table
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(u16::try_from(width + 1).unwrap_or(u16::MAX));
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING);
    // Tables are for reading, never wrapped: a script wanting columns uses --json.
    table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    if style.color {
        table.enforce_styling();
        // The colour covers the text, never the padding after it.
        table.style_text_only();
    } else {
        table.force_no_tty();
    }
    table
}

fn cell(value: &Styled, style: Style) -> Cell {
    // A value from outside (a subject, a path) must not move the cursor or break the row.
    let cell =
        Cell::new(crate::text::escape_untrusted(&value.0)).set_alignment(CellAlignment::Left);
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
