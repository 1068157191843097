//! `mtlsctl expiry`: verdicts, exit codes and the three output formats.

use std::collections::HashMap;

use serde_json::Value;

use crate::support::World;

/// A world with one deployed production certificate valid for `validity`.
fn deployed(validity: &str) -> World {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod", "--validity", validity]);
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    w
}

fn exit_code(w: &World, args: &[&str]) -> i32 {
    let mut all = vec!["expiry"];
    all.extend_from_slice(args);
    w.run(&all).status.code().expect("exit code")
}

#[test]
fn validity_left_decides_the_exit_code_with_default_thresholds() {
    assert_eq!(exit_code(&deployed("3d"), &[]), 2);
    assert_eq!(exit_code(&deployed("20d"), &[]), 1);
    assert_eq!(exit_code(&deployed("200d"), &[]), 0);
}

#[test]
fn an_expired_certificate_in_use_is_critical() {
    let w = World::new();
    w.ok_at("2020-01-01T00:00:00Z", &["property", "create", "shop"]);
    w.ok_at(
        "2020-01-01T00:00:00Z",
        &["env", "create", "shop/prod", "--validity", "30d"],
    );
    w.ok_at(
        "2020-01-01T00:00:00Z",
        &["cert", "deploy", "shop/prod", "--manual"],
    );
    let out = w.run(&["expiry"]);
    assert_eq!(out.status.code(), Some(2));
    let table = String::from_utf8_lossy(&out.stdout);
    let row = table
        .lines()
        .find(|l| l.contains("shop_production_v1"))
        .unwrap();
    assert!(row.contains("critical") && row.contains("expired"), "{row}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("CRITICAL: 1 critical, 0 warning, 1 ok"));
}

#[test]
fn thresholds_change_the_verdict() {
    let w = deployed("20d");
    assert_eq!(exit_code(&w, &["--warning", "10d"]), 0);
    assert_eq!(exit_code(&w, &["--warning", "30d", "--critical", "21d"]), 2);
    assert_eq!(exit_code(&deployed("200d"), &["--warning", "1y"]), 1);
    // The clock can be moved to ask what will have expired by then.
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "2099-01-01T00:00:00Z")
        .arg("expiry")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_rotated_but_not_deployed_environment_is_a_warning() {
    let w = deployed("200d");
    w.ok(&["cert", "rotate", "shop/prod"]);
    assert_eq!(exit_code(&w, &[]), 1);
    let (report, code) = w.json_with_code(&["expiry"]);
    assert_eq!(code, 1);
    let items = report["items"].as_array().unwrap();
    let current = items.iter().find(|i| i["kind"] == "certificate").unwrap();
    assert_eq!(current["state"], "warning");
    assert!(current["reason"].as_str().unwrap().contains("not deployed"));
    // The deployed, now obsolete, certificate is still in use and still watched.
    let deployed = items
        .iter()
        .find(|i| i["kind"] == "deployed-certificate")
        .unwrap();
    assert_eq!(deployed["name"], "shop_production_v1");
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    assert_eq!(exit_code(&w, &[]), 0);
    // Obsolete certificates are ignored once nothing uses them.
    let report = w.json(&["expiry"]);
    assert!(
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["name"] != "shop_production_v1")
    );
}

#[test]
fn an_unusable_state_or_bad_flag_is_unknown() {
    let w = deployed("200d");
    std::fs::write(&w.state, b"{ not json").unwrap();
    let err = w.fails(&["expiry"], 3);
    assert!(err.contains("is corrupt"), "{err}");
    let dir = w.path("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let out = w
        .cmd()
        .env("MTLSCTL_STATE", &dir)
        .arg("expiry")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let w = deployed("200d");
    w.fails(&["expiry", "--warning", "soon"], 3);
    w.fails(&["expiry", "--warning", "1d", "--critical", "2d"], 3);
}

#[test]
fn json_and_prometheus_carry_the_numbers_the_table_shows() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod", "--validity", "20d"]);
    w.ok(&["env", "create", "shop/dev", "--validity", "3d"]);
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);

    let (report, code) = w.json_with_code(&["expiry"]);
    assert_eq!(code, 2);
    assert_eq!(report["status"], "critical");
    assert_eq!(report["counts"]["critical"], 1);
    assert_eq!(report["counts"]["warning"], 1);
    assert_eq!(report["counts"]["ok"], 1);
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    // Most urgent first.
    assert_eq!(items[0]["name"], "shop_development_v1");
    assert_eq!(items[0]["days_left"], 2);
    for key in [
        "kind",
        "name",
        "environment",
        "not_after",
        "days_left",
        "state",
        "reason",
    ] {
        assert!(items[0].get(key).is_some(), "{key}");
    }
    let same: Value =
        serde_json::from_slice(&w.run(&["expiry", "--format", "json"]).stdout).unwrap();
    assert_eq!(same, report);

    let table = String::from_utf8(w.run(&["expiry"]).stdout).unwrap();
    for item in items {
        let name = item["name"].as_str().unwrap();
        let row = table.lines().find(|l| l.contains(name)).unwrap();
        let cells: Vec<&str> = row
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert!(
            cells.contains(&item["days_left"].to_string().as_str()),
            "{row}"
        );
        assert!(cells.contains(&item["state"].as_str().unwrap()), "{row}");
    }

    let text = String::from_utf8(w.run(&["expiry", "--format", "prometheus"]).stdout).unwrap();
    let metrics = parse_exposition(&text);
    for item in items {
        let labels = format!(
            "kind=\"{}\",name=\"{}\",environment=\"{}\"",
            item["kind"].as_str().unwrap(),
            item["name"].as_str().unwrap(),
            item["environment"].as_str().unwrap_or("")
        );
        let not_after =
            chrono::DateTime::parse_from_rfc3339(item["not_after"].as_str().unwrap()).unwrap();
        assert_eq!(
            metrics[&format!("mtlsctl_certificate_not_after_seconds{{{labels}}}")],
            not_after.timestamp() as f64
        );
        assert_eq!(
            metrics[&format!("mtlsctl_certificate_expired{{{labels}}}")],
            0.0
        );
        let level = match item["state"].as_str().unwrap() {
            "ok" => 0.0,
            "warning" => 1.0,
            _ => 2.0,
        };
        assert_eq!(
            metrics[&format!("mtlsctl_certificate_state{{{labels}}}")],
            level
        );
    }
    assert_eq!(metrics["mtlsctl_expiry_status"], 2.0);

    // promtool, when installed, is the reference checker.
    if let Ok(mut child) = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        assert!(
            child.wait().unwrap().success(),
            "promtool rejected:\n{text}"
        );
    }
}

/// A strict reader of the text exposition format: every sample's family has HELP and TYPE
/// before it, names and labels are well-formed, values are numbers.
fn parse_exposition(text: &str) -> HashMap<String, f64> {
    let mut samples = HashMap::new();
    let mut typed = Vec::new();
    let mut helped = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            helped.push(rest.split(' ').next().unwrap().to_string());
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut parts = rest.split(' ');
            let name = parts.next().unwrap().to_string();
            assert_eq!(parts.next(), Some("gauge"), "{line}");
            assert!(helped.contains(&name), "TYPE before HELP: {line}");
            typed.push(name);
            continue;
        }
        assert!(!line.starts_with('#'), "unexpected comment: {line}");
        let (series, value) = line.rsplit_once(' ').expect("sample has a value");
        let name = series.split('{').next().unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "bad metric name: {line}"
        );
        assert!(
            typed.iter().any(|t| t == name),
            "sample without TYPE: {line}"
        );
        if let Some(labels) = series.strip_prefix(name)
            && !labels.is_empty()
        {
            assert!(labels.starts_with('{') && labels.ends_with('}'), "{line}");
            for pair in labels[1..labels.len() - 1].split("\",") {
                let (key, value) = pair.split_once("=\"").expect("label=\"value\"");
                assert!(
                    key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{line}"
                );
                assert!(!value.trim_end_matches('"').contains('\n'), "{line}");
            }
        }
        let value: f64 = value.parse().expect("numeric value");
        assert!(
            samples.insert(series.to_string(), value).is_none(),
            "duplicate series: {line}"
        );
    }
    samples
}
