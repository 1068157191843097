//! Datacenter certificates: the built-in catalog, downloads from a local HTTPS server, and
//! every refusal leaving nothing behind.

use std::fs;
use std::path::Path;

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::support::server::{Route, TestServer};
use crate::support::{TestCa, World};

struct Published {
    path: String,
    pem: String,
    from: String,
    to: String,
}

/// A certificate valid from `from_days` to `to_days` (from now), as a vendor would publish it.
fn publish(ca: &TestCa, id: &str, year: i32, from_days: i64, to_days: i64) -> Published {
    let key = rcgen::KeyPair::generate().unwrap();
    let day = |d: i64| (Utc::now() + Duration::days(d)).date_naive().to_string();
    Published {
        path: format!("/assets/{year}-certs/fusion-prod-{id}-mtls-certificate-{year}.pem"),
        pem: ca.client(&format!("fusion-prod-{id}"), &key, from_days, to_days),
        from: day(from_days),
        to: day(to_days),
    }
}

fn catalog(w: &World, base_url: &str, entries: &[(&str, i32, &Published, Option<&str>)]) -> String {
    let entries: Vec<Value> = entries
        .iter()
        .map(|(id, year, p, pin)| {
            json!({"id": id, "name": format!("{id} datacenter"), "year": year, "valid_from": p.from,
                   "valid_to": p.to, "path": p.path, "sha256": pin})
        })
        .collect();
    let file = w.write(
        "catalog.json",
        json!({"base_url": base_url, "entries": entries}).to_string(),
    );
    file.display().to_string()
}

fn sha256_of(pem_text: &str) -> String {
    let der = pem::parse(pem_text).unwrap().into_contents();
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &der)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A vendor's HTTPS server publishing us, eu (ending in 20 days) and azure for 2026 and an
/// expired us for 2025, and a catalog of them that pins us 2026.
struct VendorSite {
    w: World,
    _server: TestServer,
    catalog: String,
    /// The server's CA, for --cacert.
    ca: String,
    us: Published,
    pin: String,
}

fn vendor_site() -> VendorSite {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let us = publish(&vendor, "us", 2026, -10, 300);
    let eu = publish(&vendor, "eu", 2026, -10, 20);
    let azure = publish(&vendor, "azure", 2026, -10, 300);
    let old_us = publish(&vendor, "us", 2025, -400, -10);
    let server = TestServer::serving(
        [&us, &eu, &azure, &old_us]
            .iter()
            .map(|p| (p.path.clone(), Route::File(p.pem.clone().into_bytes())))
            .collect(),
    );
    let base = server.url("");
    let pin = sha256_of(&us.pem);
    let catalog = catalog(
        &w,
        base.trim_end_matches('/'),
        &[
            ("us", 2026, &us, Some(&pin)),
            ("eu", 2026, &eu, None),
            ("azure", 2026, &azure, None),
            ("us", 2025, &old_us, None),
        ],
    );
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let ca = ca.to_str().unwrap().to_string();
    VendorSite {
        w,
        _server: server,
        catalog,
        ca,
        us,
        pin,
    }
}

/// `datacenter download us` (2026) to us.pem: its --json answer.
fn download_us(site: &VendorSite) -> Value {
    let one = site.w.path("us.pem");
    site.w.json(&[
        "datacenter",
        "download",
        "us",
        "--catalog",
        &site.catalog,
        "--cacert",
        &site.ca,
        "--out",
        one.to_str().unwrap(),
    ])
}

/// `datacenter download` of these words (an id or all, and flags) into certs/; must succeed.
fn download_to_certs(site: &VendorSite, what: &[&str]) -> std::process::Output {
    let dir = site.w.path("certs");
    let out = site
        .w
        .cmd()
        .args(["datacenter", "download"])
        .args(what)
        .args([
            "--catalog",
            &site.catalog,
            "--cacert",
            &site.ca,
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn download_one_saves_the_certificate_the_catalog_pins() {
    let site = vendor_site();
    let saved = download_us(&site);
    assert_eq!(saved[0]["sha256"], site.pin);
    // The schema, pinned: exactly the keys the README documents, and the README names them.
    let documented = [
        "id",
        "year",
        "name",
        "path",
        "url",
        "at",
        "sha256",
        "subject",
        "not_before",
        "not_after",
    ];
    let mut keys: Vec<&str> = saved[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    let mut want = documented.to_vec();
    want.sort();
    assert_eq!(keys, want);
    let readme = include_str!("../../README.md");
    let schema = readme.split("`datacenter download --json`").nth(1).unwrap();
    let schema = &schema[..schema.find("\n- ").unwrap()];
    assert!(
        documented.iter().all(|key| schema.contains(key)),
        "{schema}"
    );
    assert_eq!(
        fs::read_to_string(site.w.path("us.pem")).unwrap(),
        site.us.pem
    );
}

#[test]
fn download_all_saves_each_current_certificate_and_warns_of_one_ending_soon() {
    let site = vendor_site();
    let out = download_to_certs(&site, &["all"]);
    assert_eq!(
        files_in(&site.w.path("certs")),
        [
            "fusion-prod-azure-mtls-certificate-2026.pem",
            "fusion-prod-eu-mtls-certificate-2026.pem",
            "fusion-prod-us-mtls-certificate-2026.pem",
        ]
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("subject: CN=fusion-prod-eu")
            && stdout.contains(&format!("sha256:  {}", site.pin)),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the eu 2026 certificate expires in 19 days"),
        "{stderr}"
    );
}

#[test]
fn downloading_an_older_year_warns_that_it_expired_and_names_the_newer_one() {
    let site = vendor_site();
    let out = download_to_certs(&site, &["us", "--year", "2025"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the us 2025 certificate expired on"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a newer us certificate exists (2026)"),
        "{stderr}"
    );
}

#[test]
fn datacenter_list_recommends_the_current_year_and_shows_where_it_was_last_saved() {
    let site = vendor_site();
    download_us(&site);
    download_to_certs(&site, &["all"]);
    let list = site
        .w
        .json(&["datacenter", "list", "--catalog", &site.catalog]);
    let us_2026 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "us" && e["year"] == 2026)
        .unwrap();
    assert_eq!(us_2026["recommended"], true);
    assert_eq!(us_2026["downloaded"]["sha256"], site.pin);
    assert!(
        us_2026["downloaded"]["path"]
            .as_str()
            .unwrap()
            .ends_with("certs/fusion-prod-us-mtls-certificate-2026.pem")
    );
}

#[test]
fn expiry_watches_every_downloaded_certificate_and_an_expired_one_is_critical() {
    let site = vendor_site();
    download_us(&site);
    download_to_certs(&site, &["all"]);
    download_to_certs(&site, &["us", "--year", "2025"]);
    let (report, code) = site.w.json_with_code(&["expiry"]);
    assert_eq!(code, 2, "the expired 2025 download is critical: {report}");
    let names: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "datacenter")
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.contains(&"eu 2026") && names.contains(&"us 2025"));
}

/// Downloads a vendor could get wrong: (file name, what the server sends, words of the refusal).
fn bad_downloads(good: &Published) -> Vec<(&'static str, Route, &'static str)> {
    let key = rcgen::KeyPair::generate().unwrap();
    vec![
        (
            "missing",
            Route::Status(404, b"<html>Not Found</html>".to_vec()),
            "answered 404 Not Found",
        ),
        (
            "html",
            Route::File(b"<!DOCTYPE html><html><body>Sign in</body></html>".to_vec()),
            "sent an HTML page",
        ),
        (
            "keyed",
            Route::File(format!("{}{}", good.pem, key.serialize_pem()).into_bytes()),
            "holds a private key",
        ),
        (
            "two",
            Route::File(format!("{}{}", good.pem, good.pem).into_bytes()),
            "exactly one certificate",
        ),
        (
            "damaged",
            Route::File(
                good.pem
                    .replace("-----END CERTIFICATE-----", "")
                    .into_bytes(),
            ),
            "truncated or damaged",
        ),
        (
            "truncated",
            Route::Truncated(good.pem.clone().into_bytes()),
            "the transfer closed with",
        ),
        (
            "garbage",
            Route::File(b"\x00\x01\x02binary".to_vec()),
            "did not send a PEM certificate",
        ),
        ("hang", Route::Hang, "timed out"),
    ]
}

/// A server answering each bad download at /{name}.pem and a good us 2026 at /good.pem, and an
/// empty out/ directory beside a state with a property.
struct BadServer {
    w: World,
    server: TestServer,
    good: Published,
    cases: Vec<(&'static str, Route, &'static str)>,
}

fn bad_server() -> BadServer {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    let vendor = TestCa::new("Vendor CA");
    let good = publish(&vendor, "us", 2026, -10, 300);
    let cases = bad_downloads(&good);
    let server = TestServer::serving(
        cases
            .iter()
            .map(|(name, route, _)| (format!("/{name}.pem"), route.clone()))
            .chain(std::iter::once((
                "/good.pem".to_string(),
                Route::File(good.pem.clone().into_bytes()),
            )))
            .collect(),
    );
    w.write("server-ca.pem", &server.ca_pem);
    fs::create_dir(w.path("out")).unwrap();
    BadServer {
        w,
        server,
        good,
        cases,
    }
}

impl BadServer {
    fn base(&self) -> String {
        self.server.url("").trim_end_matches('/').to_string()
    }

    fn ca(&self) -> String {
        self.w.path("server-ca.pem").display().to_string()
    }

    /// A catalog entry for us 2026 at this path, valid from and to these days.
    fn entry(&self, path: &str, from: &str, to: &str, pin: Option<&str>) -> Value {
        json!({"id": "us", "name": "US", "year": 2026, "valid_from": from, "valid_to": to,
               "path": path, "sha256": pin})
    }

    /// Downloading this entry fails with this code and message, leaving no file in out/ and the
    /// state as it was.
    fn assert_refused(&self, catalog_entry: Value, extra: &[&str], code: i32, message: &str) {
        let w = &self.w;
        let out = w.path("out");
        let before = w.state_bytes();
        let file = w.write(
            "catalog.json",
            json!({"base_url": self.base(), "entries": [catalog_entry]}).to_string(),
        );
        let mut args = vec![
            "datacenter",
            "download",
            "us",
            "--catalog",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--retry",
            "0",
            "--timeout",
            "1s",
        ];
        args.extend_from_slice(extra);
        let err = w.fails(&args, code);
        assert!(err.contains(message), "expected '{message}' in: {err}");
        assert!(
            files_in(&out).is_empty(),
            "a file was left: {:?}",
            files_in(&out)
        );
        assert_eq!(w.state_bytes(), before, "the state changed");
    }
}

#[test]
fn a_missing_html_keyed_doubled_damaged_truncated_garbled_or_hanging_download_is_refused() {
    let s = bad_server();
    let ca = s.ca();
    for (name, _, message) in &s.cases {
        s.assert_refused(
            s.entry(&format!("/{name}.pem"), &s.good.from, &s.good.to, None),
            &["--cacert", &ca],
            1,
            message,
        );
    }
}

#[test]
fn a_validity_that_disagrees_with_the_catalog_is_refused_unless_allowed() {
    let s = bad_server();
    let ca = s.ca();
    s.assert_refused(
        s.entry("/good.pem", "2020-01-01", "2021-01-01", None),
        &["--cacert", &ca],
        1,
        "but the catalog publishes 2020-01-01 to 2021-01-01",
    );
    let out = s.w.path("out");
    let file = s.w.write("catalog.json", json!({"base_url": s.base(), "entries": [s.entry("/good.pem", "2020-01-01", "2021-01-01", None)]}).to_string());
    s.w.ok(&[
        "datacenter",
        "download",
        "us",
        "--catalog",
        file.to_str().unwrap(),
        "--cacert",
        &ca,
        "--out",
        out.to_str().unwrap(),
        "--allow-mismatch",
    ]);
    assert_eq!(files_in(&out).len(), 1);
}

#[test]
fn a_certificate_other_than_the_catalog_pins_is_refused() {
    let s = bad_server();
    let wrong_pin = "00".repeat(32);
    s.assert_refused(
        s.entry("/good.pem", &s.good.from, &s.good.to, Some(&wrong_pin)),
        &["--cacert", &s.ca()],
        1,
        "but the catalog pins",
    );
}

#[test]
fn a_download_server_the_client_does_not_trust_is_refused() {
    let s = bad_server();
    s.assert_refused(
        s.entry("/good.pem", &s.good.from, &s.good.to, None),
        &[],
        1,
        "not trusted",
    );
}

#[test]
fn a_plain_http_catalog_is_refused_without_allow_http() {
    let s = bad_server();
    let file = s.w.write("catalog.json", json!({"base_url": "http://127.0.0.1:9", "entries": [s.entry("/good.pem", &s.good.from, &s.good.to, None)]}).to_string());
    let err = s.w.fails(
        &[
            "datacenter",
            "download",
            "us",
            "--catalog",
            file.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("plain HTTP"), "{err}");
}

#[test]
fn the_built_in_catalog_by_a_clock_the_test_controls() {
    let w = World::new();
    let out = w
        .cmd()
        .env("MTLSCTL_NOW", "2026-11-22T00:00:00Z")
        .args(["--json", "datacenter", "list"])
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let find = |id: &str, year: i64| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id && e["year"] == year)
            .unwrap()
            .clone()
    };
    for id in ["us", "eu", "azure"] {
        assert!(
            find(id, 2025)["days_left"].as_i64().unwrap() < 0,
            "{id} 2025 is expired"
        );
        assert_eq!(find(id, 2025)["recommended"], false);
        assert_eq!(find(id, 2026)["recommended"], true);
        assert_eq!(find(id, 2026)["downloaded"], Value::Null);
    }
    assert_eq!(find("us", 2026)["days_left"], 100);
    assert_eq!(find("eu", 2026)["days_left"], 100);
    assert_eq!(find("azure", 2026)["days_left"], 106);
    assert_eq!(find("azure", 2025)["valid_to"], "2025-11-25T00:00:00Z");
    assert_eq!(find("us", 2026)["valid_from"], "2026-01-29T00:00:00Z");

    let table = String::from_utf8(
        w.cmd()
            .env("MTLSCTL_NOW", "2026-11-22T00:00:00Z")
            .args(["datacenter", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let azure_2025 = table
        .lines()
        .find(|l| l.starts_with("azure") && l.contains("2025"))
        .unwrap();
    assert!(azure_2025.contains("expired"), "{azure_2025}");
}

#[test]
fn server_errors_and_refused_connections_are_retried_with_backoff() {
    let w = World::new();
    let server = TestServer::serving(vec![(
        "/busy.pem".to_string(),
        Route::Status(503, b"busy".to_vec()),
    )]);
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let base = server.url("");
    let entry = json!({"id": "us", "name": "US", "year": 2026, "valid_from": "2026-01-01",
                       "valid_to": "2027-01-01", "path": "/busy.pem"});
    let catalog = w.write(
        "catalog.json",
        json!({"base_url": base.trim_end_matches('/'), "entries": [entry]}).to_string(),
    );
    let started = std::time::Instant::now();
    let err = w.fails(
        &[
            "datacenter",
            "download",
            "us",
            "--catalog",
            catalog.to_str().unwrap(),
            "--cacert",
            ca.to_str().unwrap(),
            "--retry",
            "2",
            "--out",
            w.path("us.pem").to_str().unwrap(),
        ],
        1,
    );
    assert!(err.contains("answered 503"), "{err}");
    // Each retry is said, as request says it.
    assert!(
        err.contains(
            "the server answered 503 Service Unavailable; retrying in 0.5s (2 of 2 retries left)"
        ) && err.contains("retrying in 1.0s (1 of 2 retries left)"),
        "{err}"
    );
    // Two retries: 0.5 s, then 1 s.
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    assert!(!w.path("us.pem").exists());

    let closed = crate::support::peers::free_port();
    let catalog = w.write(
        "catalog.json",
        json!({"base_url": format!("https://127.0.0.1:{closed}"), "entries": [entry]}).to_string(),
    );
    let started = std::time::Instant::now();
    let err = w.fails(
        &[
            "datacenter",
            "download",
            "us",
            "--catalog",
            catalog.to_str().unwrap(),
            "--retry",
            "1",
        ],
        1,
    );
    assert!(err.contains("could not connect"), "{err}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(500));
}

/// A server the download does not trust is named as `request` names it, with a hint that names
/// only the flags `datacenter download` has, and none of the TLS library's words.
#[test]
fn an_untrusted_download_server_is_named_in_requests_words() {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let good = publish(&vendor, "us", 2026, -10, 300);
    let server = TestServer::serving(vec![(
        "/us.pem".to_string(),
        Route::File(good.pem.into_bytes()),
    )]);
    let entry = json!({"id": "us", "name": "US", "year": 2026, "valid_from": good.from,
                       "valid_to": good.to, "path": "/us.pem"});
    let catalog = w.write(
        "catalog.json",
        json!({"base_url": server.url("").trim_end_matches('/'), "entries": [entry]}).to_string(),
    );
    let err = w.fails(
        &[
            "datacenter",
            "download",
            "us",
            "--catalog",
            catalog.to_str().unwrap(),
            "--out",
            w.path("us.pem").to_str().unwrap(),
        ],
        1,
    );
    assert!(
        err.contains("the server's certificate is not trusted: unknown CA"),
        "{err}"
    );
    assert!(
        err.contains("hint: trust its CA with --cacert FILE;"),
        "{err}"
    );
    assert!(
        !err.contains("UnknownIssuer") && !err.contains("--ca NAME"),
        "{err}"
    );
    assert!(!w.path("us.pem").exists());
}

#[test]
fn a_hostile_catalog_writes_nothing_outside_out_and_contacts_no_other_host() {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let good = publish(&vendor, "us", 2026, -10, 300);
    // The vendor's file with a script after the certificate: only the certificate is kept.
    let with_tail = format!("{}#!/bin/sh\nrm -rf ~\n", good.pem);
    let other = TestServer::serving(vec![(
        "/x.pem".to_string(),
        Route::File(good.pem.clone().into_bytes()),
    )]);
    let server = TestServer::serving(vec![
        (
            "/dir/".to_string(),
            Route::File(with_tail.clone().into_bytes()),
        ),
        (
            format!("/@localhost:{}/x.pem", other.addr.port()),
            Route::File(with_tail.clone().into_bytes()),
        ),
        (
            "/moved.pem".to_string(),
            Route::Redirect(other.url("/x.pem")),
        ),
    ]);
    let entry = |id: &str, path: &str| json!({"id": id, "name": id, "year": 2026, "valid_from": good.from, "valid_to": good.to, "path": path});
    let write_catalog = |entries: Vec<Value>| {
        let file = w.write(
            "hostile.json",
            json!({"base_url": server.url(""), "entries": entries}).to_string(),
        );
        file.display().to_string()
    };
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let out = w.path("out");
    let download = |catalog: &str, id: &str| {
        w.run(&[
            "datacenter",
            "download",
            id,
            "--catalog",
            catalog,
            "--cacert",
            ca.to_str().unwrap(),
            "--out",
            &format!("{}/", out.display()),
        ])
    };

    // Ids that climb or are absolute, with a path that names no file: names stay inside --out.
    let catalog = write_catalog(vec![entry("../../x", "/dir/"), entry("/tmp/evil", "/dir/")]);
    for id in ["../../x", "/tmp/evil"] {
        let ran = download(&catalog, id);
        assert!(
            ran.status.success(),
            "{}",
            String::from_utf8_lossy(&ran.stderr)
        );
    }
    assert_eq!(files_in(&out), ["______x-2026.pem", "_tmp_evil-2026.pem"]);
    assert!(!w.dir.path().parent().unwrap().join("x-2026.pem").exists());
    assert!(!Path::new("/tmp/evil-2026.pem").exists());
    assert_eq!(
        fs::read_to_string(out.join("______x-2026.pem")).unwrap(),
        good.pem
    );

    // A path with '@' is a path on the same host, not another host.
    let catalog = write_catalog(vec![entry(
        "at",
        &format!("@localhost:{}/x.pem", other.addr.port()),
    )]);
    let ran = download(&catalog, "at");
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );

    // A redirect to another host is not followed.
    let catalog = write_catalog(vec![entry("moved", "/moved.pem")]);
    let ran = download(&catalog, "moved");
    assert_eq!(ran.status.code(), Some(1));
    let err = String::from_utf8_lossy(&ran.stderr);
    assert!(err.contains("another host"), "{err}");
    assert!(!out.join("moved.pem").exists());
}

#[test]
fn nothing_is_written_when_the_state_cannot_record_it_or_is_the_output() {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let us = publish(&vendor, "us", 2026, -10, 300);
    let server = TestServer::serving(vec![(
        us.path.clone(),
        Route::File(us.pem.clone().into_bytes()),
    )]);
    let catalog = catalog(
        &w,
        server.url("").trim_end_matches('/'),
        &[("us", 2026, &us, None)],
    );
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let ca = ca.to_str().unwrap();
    w.ok(&["property", "create", "shop"]);
    let before = w.state_bytes();
    let state = w.state.to_str().unwrap();

    // Every output path that is the state, its lock or a temp file of it is refused.
    let mut lock = state.to_string();
    lock.push_str(".lock");
    let temp = w.state.with_file_name(".state.json.AbC123.tmp");
    for out in [state, lock.as_str(), temp.to_str().unwrap()] {
        let err = w.fails(
            &[
                "datacenter",
                "download",
                "us",
                "--catalog",
                &catalog,
                "--cacert",
                ca,
                "--out",
                out,
            ],
            2,
        );
        assert!(err.contains("state file"), "{err}");
        let err = w.fails(&["issuer", "export", "--out", out], 2);
        assert!(err.contains("state file"), "{err}");
        let err = w.fails(&["request", "https://127.0.0.1:1/", "-o", out], 2);
        assert!(err.contains("state file"), "{err}");
    }
    let link = w.path("innocent.pem");
    std::os::unix::fs::symlink(&w.state, &link).unwrap();
    w.fails(&["issuer", "export", "--out", link.to_str().unwrap()], 2);
    assert_eq!(w.state_bytes(), before);

    // A state that cannot be used: exit 3 before anything is fetched or saved.
    let mode = |m: u32| {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&w.state, fs::Permissions::from_mode(m)).unwrap();
    };
    mode(0o644);
    let saved = w.path("us.pem");
    w.fails(
        &[
            "datacenter",
            "download",
            "us",
            "--catalog",
            &catalog,
            "--cacert",
            ca,
            "--out",
            saved.to_str().unwrap(),
        ],
        3,
    );
    assert!(!saved.exists());
    mode(0o600);
    assert_eq!(w.state_bytes(), before);
}

#[test]
fn a_catalog_with_control_characters_is_refused() {
    let w = World::new();
    for (id, name) in [("n\u{0}ul", "ok"), ("ok", "nm\nFAKE: ok\u{1b}[31mred")] {
        let file = w.write(
            "controls.json",
            json!({"base_url": "https://localhost:1", "entries": [{"id": id, "name": name, "year": 2026,
                "valid_from": "2026-01-01", "valid_to": "2027-01-01", "path": "/x.pem"}]})
            .to_string(),
        );
        let err = w.fails(
            &["datacenter", "list", "--catalog", file.to_str().unwrap()],
            2,
        );
        assert!(
            err.contains("control characters") && !err.contains('\u{1b}'),
            "{err:?}"
        );
    }
}

/// Two vendors' catalogs with the same id and year keep their own records: neither overwrites
/// the other's, `list` shows each vendor its own file, and `forget` stops watching one.
#[test]
fn vendors_keep_their_own_records_and_forget_stops_watching_one() {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let ours = publish(&vendor, "us", 2026, -10, 300);
    let theirs = publish(&vendor, "us", 2026, -10, 200);
    let server = TestServer::serving(vec![
        (
            "/a/us.pem".to_string(),
            Route::File(ours.pem.clone().into_bytes()),
        ),
        (
            "/b/us.pem".to_string(),
            Route::File(theirs.pem.clone().into_bytes()),
        ),
    ]);
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let base = server.url("").trim_end_matches('/').to_string();
    let write_catalog = |file: &str, vendor: &str, published: &Published, path: &str| {
        let entry = json!({"id": "us", "name": "US", "year": 2026, "valid_from": published.from,
                           "valid_to": published.to, "path": path});
        w.write(
            file,
            json!({"vendor": vendor, "base_url": base, "entries": [entry]}).to_string(),
        )
    };
    let a = write_catalog("a.json", "Vendor A", &ours, "/a/us.pem");
    let b = write_catalog("b.json", "Vendor B", &theirs, "/b/us.pem");
    for (catalog, out) in [(&a, "a-us.pem"), (&b, "b-us.pem")] {
        w.ok(&[
            "datacenter",
            "download",
            "us",
            "--catalog",
            catalog.to_str().unwrap(),
            "--cacert",
            ca.to_str().unwrap(),
            "--out",
            w.path(out).to_str().unwrap(),
        ]);
    }
    let listed = |catalog: &Path| {
        w.json(&["datacenter", "list", "--catalog", catalog.to_str().unwrap()])[0]["downloaded"]["sha256"]
            .clone()
    };
    assert_eq!(listed(&a), sha256_of(&ours.pem));
    assert_eq!(listed(&b), sha256_of(&theirs.pem));
    let watched = |w: &World| {
        let (report, _) = w.json_with_code(&["expiry", "--allow-empty"]);
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "datacenter")
            .count()
    };
    assert_eq!(watched(&w), 2);

    let forgot = w.json(&[
        "datacenter",
        "forget",
        "us",
        "--catalog",
        b.to_str().unwrap(),
    ]);
    assert_eq!(forgot.as_array().unwrap().len(), 1);
    assert_eq!(watched(&w), 1);
    assert!(w.path("b-us.pem").exists(), "the file stays");
    let before = w.state_bytes();
    let err = w.fails(
        &[
            "datacenter",
            "forget",
            "us",
            "--catalog",
            b.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("no download of Vendor B's us"), "{err}");
    assert_eq!(w.state_bytes(), before);
}

/// `download all` with one bad file saves what verified, names what failed, and exits 1.
#[test]
fn download_all_saves_what_verified_and_reports_each_failure() {
    let w = World::new();
    let vendor = TestCa::new("Vendor CA");
    let us = publish(&vendor, "us", 2026, -10, 300);
    let eu = publish(&vendor, "eu", 2026, -10, 300);
    let server = TestServer::serving(vec![(
        us.path.clone(),
        Route::File(us.pem.clone().into_bytes()),
    )]);
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let base = server.url("");
    let catalog = catalog(
        &w,
        base.trim_end_matches('/'),
        &[("us", 2026, &us, None), ("eu", 2026, &eu, None)],
    );
    let out = w.path("certs");
    let run = w.run(&[
        "--json",
        "datacenter",
        "download",
        "all",
        "--catalog",
        &catalog,
        "--cacert",
        ca.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--retry",
        "0",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("eu 2026") && stderr.contains("404"),
        "{stderr}"
    );
    let saved: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(saved.as_array().unwrap().len(), 1);
    assert_eq!(saved[0]["id"], "us");
    assert_eq!(files_in(&out), ["fusion-prod-us-mtls-certificate-2026.pem"]);
}

/// On a terminal the progress bar names the file and shows its size (and, while it runs, the
/// rate and time left); piped, it is not drawn at all.
#[test]
fn the_progress_bar_on_a_terminal_names_the_file_and_its_size() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: script (bsdutils) is not installed");
        return;
    }
    let site = vendor_site();
    let binary = assert_cmd::cargo::cargo_bin("mtlsctl");
    let dir = site.w.path("certs");
    let line = format!(
        "'{}' datacenter download us --catalog '{}' --cacert '{}' --out '{}'",
        binary.display(),
        site.catalog,
        site.ca,
        dir.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("MTLSCTL_STATE", &site.w.state)
        .current_dir(site.w.dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    let size = site.us.pem.len();
    assert!(
        shown.contains("us 2026 [") && shown.contains(&format!("{size} B/{size} B")),
        "{shown:?}"
    );
    let piped = download_to_certs(&site, &["us"]);
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("us 2026 ["));
}
