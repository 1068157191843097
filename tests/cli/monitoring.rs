//! `expiry` as cron and CI rely on it: it never says OK when it could not look, and its
//! verdict survives a reader that stops early.

use std::process::Command;
use std::time::Duration as StdDuration;

use chrono::Utc;
use mtlsctl::duration::Validity;
use mtlsctl::lifecycle::{add_issued, ensure_issuer};
use mtlsctl::model::{EnvRef, Host, KeyType, Stage};
use mtlsctl::state::{Environment, Property, State, Store};

use crate::support::World;

#[test]
fn a_missing_state_is_unknown_unless_empty_is_allowed() {
    let w = World::new();
    let err = w.fails(&["expiry"], 3);
    assert!(
        err.contains(&w.state.display().to_string()) && err.contains("--allow-empty"),
        "{err}"
    );
    assert!(!w.state.exists(), "checking created nothing");
    w.ok(&["expiry", "--allow-empty"]);
}

/// A state with `properties` properties, each with three environments and one certificate.
fn big_state(w: &World, properties: usize) {
    let now = Utc::now();
    let validity = Validity::from_days(365);
    let mut state = State::default();
    ensure_issuer(&mut state, now).unwrap();
    for p in 0..properties {
        let name = format!("prop{p:05}").parse().unwrap();
        state.properties.push(Property { name, created: now });
        for stage in Stage::ALL {
            let env: EnvRef = format!("prop{p:05}/{stage}").parse().unwrap();
            state.environments.push(Environment::new(
                &env,
                Host::Managed,
                KeyType::EcP256,
                validity,
                now,
            ));
            add_issued(&mut state, &env, KeyType::EcP256, validity, now).unwrap();
        }
    }
    let store = Store::file(w.state.clone(), StdDuration::from_secs(30), true);
    store
        .update(|current| {
            *current = state.clone();
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_closed_pipe_keeps_the_verdict() {
    let w = World::new();
    big_state(&w, 667); // 2,001 certificates
    let binary = assert_cmd::cargo::cargo_bin("mtlsctl");
    for format in ["table", "json", "prometheus"] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(r#""$0" expiry --format "$1" | head -1 >/dev/null; echo "${PIPESTATUS[0]}""#)
            .arg(&binary)
            .arg(format)
            .env("MTLSCTL_STATE", &w.state)
            .env("MTLSCTL_NOW", "2030-01-01T00:00:00Z")
            .output()
            .unwrap();
        let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(
            code,
            "2",
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn thresholds_take_bare_days_and_not_yet_valid_is_critical() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod", "--validity", "40d"]);
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    let verdict = |args: &[&str]| w.json_with_code(args).1;
    assert_eq!(verdict(&["expiry"]), 0);
    assert_eq!(verdict(&["expiry", "-w", "45"]), 1);
    assert_eq!(verdict(&["expiry", "-w", "60", "-c", "45"]), 2);
    assert_eq!(verdict(&["expiry", "--warning", "45d"]), 1);

    // Shares of the lifetime (40 days): 66% spent is day 26.4, 10% spent is day 4.
    let at = |days: i64, args: &[&str]| {
        let now = (Utc::now() + chrono::Duration::days(days)).to_rfc3339();
        let out = w.cmd().env("MTLSCTL_NOW", now).args(args).output().unwrap();
        out.status.code().unwrap()
    };
    assert_eq!(at(25, &["expiry", "--warning", "66%", "-c", "1d"]), 0);
    assert_eq!(at(27, &["expiry", "--warning", "66%", "-c", "1d"]), 1);
    assert_eq!(at(3, &["expiry", "--critical", "10%", "-w", "1d"]), 0);
    assert_eq!(at(5, &["expiry", "--critical", "10%", "-w", "1d"]), 2);
    assert_eq!(at(5, &["expiry", "-w", "66%", "-c", "90%"]), 0);
    assert_eq!(at(37, &["expiry", "-w", "66%", "-c", "90%"]), 2);
    let err = w.fails(&["expiry", "-w", "66%", "-c", "10%"], 3);
    assert!(err.contains("warning first"), "{err}");
    let err = w.fails(&["expiry", "-w", "-5"], 3);
    assert!(err.contains("negative"), "{err}");
    // A file that cannot be read is UNKNOWN, named, beside everything else that was checked.
    let empty = w.write("empty.pem", "");
    let (report, code) = w.json_with_code(&["expiry", "--file", empty.to_str().unwrap()]);
    assert_eq!(code, 3);
    let unknown = &report["items"][0];
    assert_eq!(unknown["state"], "unknown");
    assert!(
        unknown["reason"].as_str().unwrap().contains("is empty"),
        "{report}"
    );
    assert_eq!(report["counts"]["ok"], 2, "{report}");
    let err = w.fails(&["expiry", "-w", "150%"], 3);
    assert!(err.contains("1% to 100%"), "{err}");

    // A clock before the certificate's start: it cannot be used yet.
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "2020-01-01T00:00:00Z")
        .args(["--json", "expiry"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let certificate = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "certificate")
        .unwrap();
    assert_eq!(certificate["state"], "critical");
    assert!(
        certificate["reason"]
            .as_str()
            .unwrap()
            .starts_with("not valid until")
    );
}

#[test]
fn a_certificate_not_yet_valid_cannot_be_selected() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let next_year = (Utc::now() + chrono::Duration::days(200)).to_rfc3339();
    w.ok_at(&next_year, &["cert", "rotate", "shop/prod"]);
    w.ok(&["cert", "select", "shop/prod", "shop_production_v1"]);
    let err = w.fails(&["cert", "select", "shop/prod", "shop_production_v2"], 2);
    assert!(err.contains("not valid until"), "{err}");
}

/// promtool's verdict on a metrics file, or None when promtool is not installed.
fn promtool_accepts(path: &std::path::Path) -> Option<bool> {
    let out = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::fs::File::open(path).unwrap())
        .output()
        .ok()?;
    Some(out.status.success())
}

#[test]
fn nagios_output_parses_as_nagios_reads_it() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod", "--validity", "20d"]);
    let out = w.run(&["expiry", "--format", "nagios"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    let (summary, perfdata) = text
        .trim_end()
        .split_once(" | ")
        .expect("perfdata after ' | '");
    assert!(summary.starts_with("MTLSCTL WARNING - "), "{summary}");
    let labels: Vec<&str> = perfdata
        .split(' ')
        .map(|item| {
            let (label, values) = item.split_once('=').expect("label=value");
            let fields: Vec<&str> = values.split(';').collect();
            assert!(
                fields[0].parse::<f64>().is_ok() && fields.len() <= 5,
                "{item}"
            );
            label
        })
        .collect();
    assert_eq!(
        labels,
        ["critical", "warning", "unknown", "ok", "days_left"]
    );
    // Nagios ranges: "30:" alerts below 30 days.
    assert!(
        perfdata.contains("days_left=19.") || perfdata.contains("days_left=20;"),
        "{perfdata}"
    );
    assert!(perfdata.ends_with(";30:;7:"), "{perfdata}");
}

#[test]
fn output_files_are_written_atomically_and_say_when_the_check_failed() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    let prom = w.path("mtlsctl.prom");
    let json = w.path("expiry.json");
    w.ok(&[
        "expiry",
        "--format",
        "prometheus",
        "--output",
        prom.to_str().unwrap(),
    ]);
    let good = std::fs::read_to_string(&prom).unwrap();
    assert!(good.contains("mtlsctl_expiry_status 0"), "{good}");
    assert_ne!(promtool_accepts(&prom), Some(false));
    w.ok(&[
        "expiry",
        "--format",
        "json",
        "--output",
        json.to_str().unwrap(),
    ]);
    let before = std::fs::read(&json).unwrap();

    // The state goes missing: JSON keeps the last file, Prometheus says the check failed.
    std::fs::rename(&w.state, w.path("moved.json")).unwrap();
    w.fails(
        &[
            "expiry",
            "--format",
            "json",
            "--output",
            json.to_str().unwrap(),
        ],
        3,
    );
    assert_eq!(std::fs::read(&json).unwrap(), before);
    w.fails(
        &[
            "expiry",
            "--format",
            "prometheus",
            "--output",
            prom.to_str().unwrap(),
        ],
        3,
    );
    let failed = std::fs::read_to_string(&prom).unwrap();
    assert!(failed.contains("mtlsctl_expiry_status 3"), "{failed}");
    assert_ne!(promtool_accepts(&prom), Some(false));
}

#[test]
fn not_deployed_is_warned_only_where_someone_could_deploy() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    // No deploy target and never deployed: nothing to warn about.
    w.ok(&["env", "create", "shop/prod"]);
    assert_eq!(w.json_with_code(&["expiry"]).1, 0);
    // One deployment recorded by hand turns tracking on: a rotation is then a warning.
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    w.ok(&["cert", "rotate", "shop/prod"]);
    assert_eq!(w.json_with_code(&["expiry"]).1, 1);
    // A configured target is tracked from the start.
    let dir = w.path("deploy");
    w.ok(&[
        "env",
        "create",
        "shop/staging",
        "--deploy-dir",
        dir.to_str().unwrap(),
    ]);
    w.ok(&["cert", "deploy", "shop/prod", "--manual"]);
    let (report, code) = w.json_with_code(&["expiry"]);
    assert_eq!(code, 1, "{report}");
    assert!(report.to_string().contains("shop_staging_v1"));
}

#[test]
fn certificates_outside_the_state_are_watched_with_file() {
    let w = World::new();
    let ca = crate::support::TestCa::new("Elsewhere CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let soon = w.write("soon.pem", ca.client("soon", &key, -10, 5));
    let later = w.write(
        "later.der",
        pem::parse(ca.client("later", &key, -10, 300))
            .unwrap()
            .into_contents(),
    );
    let (report, code) = w.json_with_code(&[
        "expiry",
        "--allow-empty",
        "--file",
        soon.to_str().unwrap(),
        "--file",
        later.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{report}");
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{report}");
    assert_eq!(items[0]["kind"], "file");
    assert_eq!(items[0]["name"], soon.to_str().unwrap());
    assert_eq!(items[0]["state"], "critical");
    assert_eq!(items[1]["state"], "ok");
    // A file that is not a certificate: UNKNOWN, never OK.
    let junk = w.write("junk.pem", "not a certificate");
    w.fails(
        &["expiry", "--allow-empty", "--file", junk.to_str().unwrap()],
        3,
    );
}

#[test]
fn a_failed_check_still_answers_nagios_and_prometheus_on_stdout() {
    let w = World::new();
    let out = w.run(&["expiry", "--format", "nagios"]);
    assert_eq!(out.status.code(), Some(3));
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(
        line.starts_with("MTLSCTL UNKNOWN - the state file ") && line.contains(" does not exist"),
        "{line}"
    );
    assert_eq!(line.lines().count(), 1);
    let out = w.run(&["expiry", "--format", "prometheus"]);
    assert_eq!(out.status.code(), Some(3));
    let metrics = String::from_utf8(out.stdout).unwrap();
    assert!(metrics.contains("mtlsctl_expiry_status 3"), "{metrics}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn output_through_dev_stdout_writes_into_what_stdout_is() {
    let w = World::new();
    let ca = crate::support::TestCa::new("Elsewhere CA");
    let key = rcgen::KeyPair::generate().unwrap();
    // A name with a newline must not split the nagios line.
    let odd = w.write("we\nird.pem", ca.client("odd", &key, -10, 300));
    let target = w.path("captured.txt");
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"{ echo before; "$0" -q expiry --allow-empty --format nagios --file "$1" --output /dev/stdout; echo after; } > "$2""#)
        .arg(assert_cmd::cargo::cargo_bin("mtlsctl"))
        .arg(&odd)
        .arg(&target)
        .env("MTLSCTL_STATE", &w.state)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let captured = std::fs::read_to_string(&target).unwrap();
    let lines: Vec<&str> = captured.lines().collect();
    assert_eq!(lines.len(), 3, "{captured:?}");
    assert_eq!((lines[0], lines[2]), ("before", "after"));
    assert!(
        lines[1].starts_with("MTLSCTL OK - ") && lines[1].contains("we\\x0aird.pem"),
        "{captured:?}"
    );
}

#[test]
fn rotate_says_how_to_record_a_deploy_where_there_is_no_target() {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let said = w.ok(&["cert", "rotate", "shop/prod"]);
    assert!(
        said.contains("cert deploy shop/production --manual"),
        "{said}"
    );
}

#[test]
fn servers_are_watched_with_host() {
    if crate::support::peers::nginx_binary().is_none() {
        eprintln!("skipped: nginx is not installed (.ci/run installs it)");
        return;
    }
    let w = World::new();
    let pki = crate::support::peers::ServerPki::write(w.dir.path());
    let nginx = crate::support::peers::nginx(
        w.dir.path(),
        &pki,
        &pki.ca,
        "optional",
        "location / { return 200 \"ok\\n\"; }",
    );
    let host = format!("127.0.0.1:{}", nginx.port);
    // The server's leaf is valid until 4096-01-01: fine today, critical four days before.
    let (report, code) = w.json_with_code(&["expiry", "--allow-empty", "--host", &host]);
    assert_eq!(code, 0, "{report}");
    let item = &report["items"][0];
    assert_eq!(
        (item["kind"].as_str(), item["name"].as_str()),
        (Some("host"), Some(host.as_str()))
    );
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "4095-12-28T00:00:00Z")
        .args([
            "expiry",
            "--allow-empty",
            "--format",
            "nagios",
            "--host",
            &host,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("MTLSCTL CRITICAL"));

    // Nobody listening: the check could not look, so it is UNKNOWN and names the server; a
    // certificate that is critical stays critical beside it.
    let closed = format!("127.0.0.1:{}", crate::support::peers::free_port());
    let (report, code) = w.json_with_code(&["expiry", "--allow-empty", "--host", &closed]);
    assert_eq!(code, 3, "{report}");
    assert_eq!(report["items"][0]["name"], closed.as_str());
    assert!(
        report["items"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("could not connect"),
        "{report}"
    );
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "4095-12-28T00:00:00Z")
        .args([
            "expiry",
            "--allow-empty",
            "--format",
            "nagios",
            "--host",
            &host,
            "--host",
            &closed,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(
        line.starts_with("MTLSCTL CRITICAL - 1 critical, 0 warning, 1 unknown"),
        "{line}"
    );
    // An out-of-range port is an error, never port 443.
    let err = w.fails(&["expiry", "--allow-empty", "--host", "127.0.0.1:99999"], 3);
    assert!(err.contains("HOST:PORT"), "{err}");
    let err = w.fails(&["expiry", "--allow-empty", "--host", "https://x/"], 3);
    assert!(err.contains("HOST:PORT"), "{err}");
}

#[test]
fn a_certificate_not_yet_valid_is_imported_without_being_used_and_named_when_refused() {
    let w = World::new();
    w.ok(&["property", "create", "ext"]);
    let ca = crate::support::TestCa::new("Ext CA");
    let key = rcgen::KeyPair::generate().unwrap();
    let key_file = w.write("client.key", key.serialize_pem());
    let now_cert = w.write("now.pem", ca.client("ext", &key, -1, 100));
    let later_cert = w.write("later.pem", ca.client("ext", &key, 40, 140));
    let import = |env: &str, cert: &std::path::Path| {
        w.run(&[
            "cert",
            "import",
            env,
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key_file.to_str().unwrap(),
        ])
    };
    let create = |env: &str, cert: &std::path::Path| {
        w.run(&[
            "env",
            "create",
            env,
            "--host",
            "self",
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key_file.to_str().unwrap(),
        ])
    };
    assert!(create("ext/prod", &now_cert).status.success());
    // The one in use stays current; the message says when and how to switch.
    let out = import("ext/prod", &later_cert);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        said.contains("not valid until") && said.contains("ext_production_v1 stays current"),
        "{said}"
    );
    let list = w.json(&["cert", "list", "ext/prod"]);
    let current: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "current")
        .map(|c| c["variable"].as_str().unwrap())
        .collect();
    assert_eq!(current, ["ext_production_v1"]);
    // With nothing else to use, it becomes current, with a warning.
    let out = create("ext/stage", &later_cert);
    assert!(out.status.success());
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(warned.contains("not valid until"), "{warned}");

    // `request` warns before sending it, and names it when the server refuses it.
    if !crate::support::has_openssl() {
        return;
    }
    let pki = crate::support::peers::ServerPki::write(w.dir.path());
    let client_ca = w.write("client-ca.pem", &ca.cert_pem);
    let server = crate::support::peers::openssl_s_server(&pki, &client_ca);
    let url = format!("https://localhost:{}/", server.port);
    let err = w.fails(
        &[
            "request",
            &url,
            "--cacert",
            pki.ca.to_str().unwrap(),
            "--cert",
            later_cert.to_str().unwrap(),
            "--key",
            key_file.to_str().unwrap(),
        ],
        58,
    );
    assert!(
        err.contains("warning") && err.contains("rejected the client certificate"),
        "{err}"
    );
    assert_eq!(err.matches("not valid until").count(), 2, "{err}");
}

/// shop/prod, and its expiry report written once as a Prometheus file: the file.
fn shop_with_a_report_file(w: &World) -> std::path::PathBuf {
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let prom = w.path("mtlsctl.prom");
    w.ok(&[
        "expiry",
        "--format",
        "prometheus",
        "--output",
        prom.to_str().unwrap(),
    ]);
    prom
}

fn assert_report_says_the_check_failed(prom: &std::path::Path) {
    assert!(
        std::fs::read_to_string(prom)
            .unwrap()
            .contains("mtlsctl_expiry_status 3")
    );
}

#[test]
fn a_clock_that_cannot_be_read_marks_the_report_file_failed_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new();
    let prom = shop_with_a_report_file(&w);
    std::fs::set_permissions(&prom, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "garbage")
        .args([
            "expiry",
            "--format",
            "prometheus",
            "--output",
            prom.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_report_says_the_check_failed(&prom);
    assert_eq!(
        std::fs::metadata(&prom).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_bad_flag_before_or_after_the_format_marks_the_report_file_failed() {
    let w = World::new();
    let prom = shop_with_a_report_file(&w);
    let prom_path = prom.to_str().unwrap();
    w.fails(
        &[
            "expiry",
            "--format",
            "prometheus",
            "--output",
            prom_path,
            "-w",
            "abc",
        ],
        3,
    );
    assert_report_says_the_check_failed(&prom);
    // Whichever comes first: a bad flag or value before --format and --output too.
    for bad in [["-w", "abc"], ["--bogus", "--quiet"]] {
        w.ok(&["expiry", "--format", "prometheus", "--output", prom_path]);
        let mut args = vec!["expiry"];
        args.extend(bad);
        args.extend(["--format=prometheus", "--output", prom_path]);
        w.fails(&args, 3);
        assert_report_says_the_check_failed(&prom);
    }
}

#[test]
fn the_nagios_line_says_unknown_for_a_bad_flag_and_names_an_unreadable_clock() {
    let w = World::new();
    shop_with_a_report_file(&w);
    let out = w
        .cmd()
        .args(["expiry", "--format", "nagios", "-w", "abc"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("MTLSCTL UNKNOWN"));
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "garbage")
        .args(["expiry", "--format", "nagios"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("MTLSCTL UNKNOWN - MTLSCTL_NOW"));
}

#[test]
fn output_dash_is_stdout_and_a_day_left_reads_one_day() {
    let w = World::new();
    shop_with_a_report_file(&w);
    let out = w
        .cmd()
        .env(
            "MTLSCTL_NOW",
            (Utc::now() + chrono::Duration::days(363)).to_rfc3339(),
        )
        .args(["expiry", "--format", "nagios", "--output", "-"])
        .output()
        .unwrap();
    assert!(!w.path("-").exists());
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(
        line.contains("expires in 1 day |") || line.contains("expires in 23 hours |"),
        "{line}"
    );
}
