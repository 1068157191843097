//! The house rules of `src/`, checked on the source: dependencies point one way (no cycle
//! between top-level modules, nothing below the commands imports `cli` or `cmd`, the core
//! imports no domain module, the state and the model import none of pki/tls/http), no command
//! module imports another, and no function in `src/` is longer than 60 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `src/cmd/client/probe.rs` → ["cmd", "client", "probe"]; `mod.rs` names its directory.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file before its unit tests.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The top-level modules a file refers to (`crate::x`), and for files under `cmd/` the command
/// modules it reaches with `super::x` or `crate::cmd::x`.
fn references(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let word = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut crates = BTreeSet::new();
    let mut commands = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let name = word(&text[at + 7..]);
        if name == "cmd" {
            commands.insert(word(&text[at + 12..]));
        }
        crates.insert(name);
    }
    for (at, _) in text.match_indices("super::") {
        commands.insert(word(&text[at + 7..]));
    }
    (crates, commands)
}

#[test]
fn dependencies_point_one_way_and_functions_stay_short() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    // Shared places under cmd that are not commands.
    let shared_cmd = ["", "client", "views"];
    let commands: BTreeSet<String> = files
        .iter()
        .map(|f| module_path(&src, f))
        .filter(|p| p.len() == 2 && p[0] == "cmd" && !shared_cmd.contains(&p[1].as_str()))
        .map(|p| p[1].clone())
        .collect();
    let domain = ["lifecycle", "deploy", "expiry", "gateway", "datacenter"];
    // pki, tls and http sit above the state and the model: `… → pki/tls/http → state/model`.
    let middle = ["pki", "tls", "http"];
    let bottom = [
        "state",
        "model",
        "text",
        "duration",
        "error",
        "atomic",
        "runtime",
        "tls_words",
    ];
    let core = [
        "pki",
        "tls",
        "http",
        "state",
        "model",
        "text",
        "duration",
        "error",
        "atomic",
        "runtime",
        "tls_words",
    ];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut long = Vec::new();
    for file in &files {
        let path = module_path(&src, file);
        let top = path.first().cloned().unwrap_or_default();
        let text = code(file);
        let (crates, reached) = references(&text);
        let shown = file.strip_prefix(&src).unwrap().display().to_string();
        if !["main", "lib", "cli", "context", "cmd", "output"].contains(&top.as_str()) {
            for upward in ["cli", "cmd", "context"] {
                if crates.contains(upward) {
                    problems.push(format!("{shown} imports {upward}, a layer above it"));
                }
            }
        }
        if core.contains(&top.as_str()) {
            for name in crates
                .iter()
                .filter(|c| domain.contains(&c.as_str()) || *c == "output")
            {
                problems.push(format!("{shown} (core) imports {name}"));
            }
        }
        // The bottom of the core (the state and the model) reaches nothing above it.
        if bottom.contains(&top.as_str()) {
            for name in crates.iter().filter(|c| middle.contains(&c.as_str())) {
                problems.push(format!("{shown} (below pki/tls/http) imports {name}"));
            }
        }
        if top == "cmd" && path.len() >= 2 && commands.contains(&path[1]) {
            for other in reached
                .iter()
                .filter(|c| commands.contains(*c) && **c != path[1])
            {
                problems.push(format!(
                    "{shown} (a command) imports the command module {other}"
                ));
            }
        }
        let edges = graph.entry(top.clone()).or_default();
        edges.extend(crates.into_iter().filter(|c| *c != top && !c.is_empty()));
        long.extend(long_functions(&shown, &text));
    }
    // No cycle between top-level modules.
    fn reaches(
        graph: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        graph.get(from).is_some_and(|next| {
            next.iter()
                .any(|n| n == to || (seen.insert(n.clone()) && reaches(graph, n, to, seen)))
        })
    }
    for (module, edges) in &graph {
        for next in edges {
            if reaches(&graph, next, module, &mut BTreeSet::new()) {
                problems.push(format!("a cycle: {module} → {next} → … → {module}"));
            }
        }
    }
    for (file, name, length) in long {
        problems.push(format!("{file}: fn {name} is {length} lines (at most 60)"));
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Functions over 60 lines (from the `fn` line to its closing brace at the same indent):
/// (file, name, length).
fn long_functions(file: &str, text: &str) -> Vec<(String, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "async fn ",
            "pub async fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p))
            && !trimmed.ends_with(';');
        if is_fn {
            let indent = &line[..line.len() - trimmed.len()];
            let close = format!("{indent}}}");
            let end = (i..lines.len()).find(|j| lines[*j] == close).unwrap_or(i);
            let length = end - i + 1;
            if length > 60 {
                let name: String = trimmed
                    .split("fn ")
                    .nth(1)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((file.to_string(), name, length));
            }
            i = end.max(i) + 1;
        } else {
            i += 1;
        }
    }
    found
}
