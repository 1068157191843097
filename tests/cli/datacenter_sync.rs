//! `datacenter sync` against a local HTTPS server that speaks the vendor's two endpoints as
//! DESIGN.md documents them: the OAuth client-credentials token and the paged list of public
//! certificates. Never the real vendor.

use std::collections::HashMap;
use std::fs;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::{Value, json};

use crate::support::server::{Answer, Route, Seen, TestServer};
use crate::support::{TestCa, World};

const ORG: &str = "0123ABCD@AdobeOrg";
const CLIENT: &str = "test-client-id";
const SECRET: &str = "s3cr3t-Client-Secret-9f8e7d";
const TOKEN: &str = "eyJ-test-access-token-5a4b3c";
const LIST: &str = "/data/core/mtls/v1/certificate/public-certificate";

/// What the vendor's API serves; the tests change it between syncs.
#[derive(Default)]
struct Vendor {
    items: Vec<Value>,
    /// Answers the list gives before its real ones: (status, Retry-After, body).
    before: Vec<(u16, Option<&'static str>, Vec<u8>)>,
    /// Instead of the list, every time: (status, body).
    instead: Option<(u16, Vec<u8>)>,
    /// The last page's next link leads back to the first.
    looping: bool,
    /// Next links as RFC 6570 templates (`…{?page,limit}`), to be filled by the client.
    templated: bool,
    /// The list's `total` says this many more than it holds.
    hidden: usize,
    /// List requests answered, and how many lacked the token or the API key headers.
    list_requests: usize,
    unauthorized: usize,
}

struct Api {
    vendor: Arc<Mutex<Vendor>>,
    server: TestServer,
    ca: TestCa,
    cacert: String,
}

fn json_answer(status: u16, body: &Value) -> Answer {
    Answer {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.to_string().into_bytes(),
    }
}

/// The token endpoint: the form must carry the client's id and secret; a refusal echoes what
/// it was sent (as careless servers do), so that redaction is tested.
fn token(seen: &Seen) -> Answer {
    let form: HashMap<String, String> = url::form_urlencoded::parse(&seen.body)
        .into_owned()
        .collect();
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let ok = seen.method == "POST"
        && field("grant_type") == "client_credentials"
        && field("client_id") == CLIENT
        && field("client_secret") == SECRET
        && !field("scope").is_empty();
    match ok {
        true => json_answer(
            200,
            &json!({"access_token": TOKEN, "token_type": "bearer", "expires_in": 86399}),
        ),
        false => json_answer(
            401,
            &json!({"error": "invalid_client",
                    "error_description": format!("invalid client_secret parameter {} in {}",
                        field("client_secret"), String::from_utf8_lossy(&seen.body))}),
        ),
    }
}

/// The list: the token and the API key are required; pages of `limit` from `page` (0 first).
fn list(vendor: &Mutex<Vendor>, seen: &Seen) -> Answer {
    let mut v = vendor.lock().unwrap();
    v.list_requests += 1;
    let header = |name: &str| seen.headers.get(name).map(String::as_str);
    if header("authorization") != Some(&format!("Bearer {TOKEN}"))
        || header("x-api-key") != Some(CLIENT)
        || header("x-gw-ims-org-id") != Some(ORG)
    {
        v.unauthorized += 1;
        return json_answer(401, &json!({"message": "Oauth token is not valid"}));
    }
    if !v.before.is_empty() {
        let (status, retry_after, body) = v.before.remove(0);
        let headers = retry_after
            .map(|s| vec![("retry-after".to_string(), s.to_string())])
            .unwrap_or_default();
        return Answer {
            status,
            headers,
            body,
        };
    }
    if let Some((status, body)) = &v.instead {
        return Answer {
            status: *status,
            headers: Vec::new(),
            body: body.clone(),
        };
    }
    let query: HashMap<String, String> = url::form_urlencoded::parse(seen.query.as_bytes())
        .into_owned()
        .collect();
    let number = |name: &str, default: usize| {
        query
            .get(name)
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let (page, limit) = (number("page", 0), number("limit", 50));
    let start = (page * limit).min(v.items.len());
    let results: Vec<Value> = v.items[start..].iter().take(limit).cloned().collect();
    let next = match (start + limit < v.items.len(), v.looping, v.templated) {
        (true, _, true) => Some(format!("{LIST}{{?page,limit}}")),
        (true, _, false) => Some(format!("{LIST}?page={}&limit={limit}", page + 1)),
        (false, true, _) => Some(format!("{LIST}?page=0&limit={limit}")),
        (false, false, _) => None,
    };
    json_answer(
        200,
        &json!({"results": results, "total": v.items.len() + v.hidden, "count": results.len(),
                "_links": {"next": next.map(|href| json!({"href": href, "templated": v.templated}))}}),
    )
}

impl Api {
    fn start() -> Api {
        let vendor = Arc::new(Mutex::new(Vendor::default()));
        let listing = vendor.clone();
        let server = TestServer::serving(vec![
            ("/ims/token/v3".into(), Route::Handler(Arc::new(token))),
            (
                LIST.into(),
                Route::Handler(Arc::new(move |seen| list(&listing, seen))),
            ),
        ]);
        let cacert = server.ca_pem.clone();
        Api {
            vendor,
            server,
            ca: TestCa::new("Vendor Public CA"),
            cacert,
        }
    }

    /// The flags of a sync against this server (the secret comes by file or variable).
    fn flags(&self, w: &World) -> Vec<String> {
        let ca = w.write("api-ca.pem", &self.cacert);
        [
            "--org-id",
            ORG,
            "--client-id",
            CLIENT,
            "--ims-url",
            &self.server.url("/ims/token/v3"),
            "--api-url",
            &self.server.url(""),
            "--cacert",
            ca.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// A certificate named `cn` valid for `days`, as the list shows it (not yet published).
    fn certificate(&self, cn: &str, days: i64) -> Value {
        let key = rcgen::KeyPair::generate().unwrap();
        let pem = self.ca.client(cn, &key, -10, days);
        json!({"certCommonName": cn, "publicCertificate": pem, "expiryDate": expiry_of(&pem)})
    }

    fn publish(&self, cn: &str, days: i64) -> Value {
        let item = self.certificate(cn, days);
        self.vendor.lock().unwrap().items.push(item.clone());
        item
    }
}

/// A certificate's not-after as the API writes it (RFC 3339 with milliseconds).
fn expiry_of(pem_text: &str) -> String {
    let der = pem::parse(pem_text).unwrap().into_contents();
    let (_, cert) = x509_parser::parse_x509_certificate(&der).unwrap();
    let at = chrono::DateTime::from_timestamp(cert.validity().not_after.timestamp(), 0).unwrap();
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A sync with the secret in a private file, these flags after the API's.
fn sync(w: &World, api: &Api, extra: &[&str]) -> (Value, i32, String) {
    let secret = w.write("client-secret", format!("{SECRET}\n"));
    let mut args: Vec<String> = vec!["--json".into(), "datacenter".into(), "sync".into()];
    args.extend(api.flags(w));
    args.extend(["--client-secret-file".into(), secret.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = w.cmd().args(&args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (json, out.status.code().unwrap_or(-1), stderr)
}

/// The JSON's keys are exactly the documented ones, and the README names each of them.
fn assert_keys(object: &Value, documented: &[&str]) {
    let mut keys: Vec<&str> = object
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = documented.to_vec();
    keys.sort();
    want.sort();
    assert_eq!(keys, want, "{object}");
    let readme = include_str!("../../README.md");
    let schema = &readme[readme
        .find("- `datacenter sync --json`")
        .expect("the README documents it")..];
    let schema = &schema[..schema.find("\n- ").unwrap_or(schema.len())];
    for key in documented {
        assert!(
            schema.contains(key),
            "the README's datacenter sync schema names {key}"
        );
    }
}

fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["common_name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

/// An API listing seven certificates, and an empty world to sync them into.
fn seven_published() -> (World, Api) {
    let w = World::new();
    let api = Api::start();
    for n in 1..=7 {
        api.publish(&format!("fusion-prod-{n}.example"), 300 + n);
    }
    (w, api)
}

/// A sync into vendor/, three to a page, with these flags after; it must succeed.
fn sync_by_threes(w: &World, api: &Api, extra: &[&str]) -> Value {
    let out = w.path("vendor");
    let mut args = vec!["--out", out.to_str().unwrap(), "--page-size", "3"];
    args.extend_from_slice(extra);
    let (json, code, stderr) = sync(w, api, &args);
    assert_eq!(code, 0, "{stderr}");
    json
}

const TELL_NEW_FILES: &str = "printf '%s\\n' \"$MTLSCTL_NEW_FILES\" >> told.txt";

#[test]
fn every_page_is_saved_and_reported_in_the_documented_json() {
    let (w, api) = seven_published();
    let out = w.path("vendor");
    let first = sync_by_threes(&w, &api, &[]);
    assert_keys(
        &first,
        &[
            "vendor",
            "new",
            "restored",
            "unchanged",
            "gone",
            "failed",
            "on_change",
        ],
    );
    assert_keys(
        &first["new"][0],
        &[
            "common_name",
            "path",
            "sha256",
            "not_before",
            "not_after",
            "days_left",
        ],
    );
    assert_eq!(first["new"].as_array().unwrap().len(), 7, "{first}");
    assert_eq!(
        api.vendor.lock().unwrap().list_requests,
        3,
        "three pages of three"
    );
    assert_eq!(api.vendor.lock().unwrap().unauthorized, 0);
    for item in first["new"].as_array().unwrap() {
        let path = item["path"].as_str().unwrap();
        assert!(path.starts_with(out.to_str().unwrap()), "{path}");
        let text = fs::read_to_string(path).unwrap();
        assert!(text.starts_with("-----BEGIN CERTIFICATE-----"), "{text}");
    }
}

#[test]
fn a_second_sync_of_an_unchanged_list_writes_nothing() {
    let (w, api) = seven_published();
    sync_by_threes(&w, &api, &[]);
    let state = w.state_bytes();
    let second = sync_by_threes(&w, &api, &[]);
    assert_eq!(second["new"], json!([]));
    assert_eq!(second["unchanged"].as_array().unwrap().len(), 7);
    assert_eq!(w.state_bytes(), state, "an unchanged sync writes nothing");
}

#[test]
fn a_new_certificate_is_told_to_on_change_once() {
    let (w, api) = seven_published();
    sync_by_threes(&w, &api, &[]);
    api.publish("fusion-prod-new.example", 400);
    let third = sync_by_threes(&w, &api, &["--on-change", TELL_NEW_FILES]);
    assert_eq!(names(&third["new"]), ["fusion-prod-new.example"]);
    assert_eq!(third["on_change"]["ok"], true);
    assert_keys(&third["on_change"], &["ok", "error"]);
    let new_path = third["new"][0]["path"].as_str().unwrap().to_string();
    assert_eq!(
        fs::read_to_string(w.path("told.txt")).unwrap(),
        format!("{new_path}\n")
    );
    sync_by_threes(&w, &api, &["--on-change", TELL_NEW_FILES]);
    assert_eq!(
        fs::read_to_string(w.path("told.txt"))
            .unwrap()
            .lines()
            .count(),
        1,
        "--on-change runs once for a new certificate"
    );
}

#[test]
fn expiry_watches_a_new_certificate_a_sync_saved() {
    let (w, api) = seven_published();
    sync_by_threes(&w, &api, &[]);
    api.publish("fusion-prod-new.example", 400);
    sync_by_threes(&w, &api, &["--on-change", TELL_NEW_FILES]);
    let expiry = w.json(&["expiry", "--format", "json"]);
    let watched = expiry["items"].as_array().unwrap().iter().filter(|i| {
        i["name"]
            .as_str()
            .is_some_and(|n| n.contains("fusion-prod-new.example"))
    });
    assert_eq!(
        watched.count(),
        1,
        "expiry watches the new certificate: {expiry}"
    );
}

#[test]
fn saved_settings_make_a_cron_line_without_flags_and_gone_certificates_stop_being_watched() {
    let w = World::new();
    let api = Api::start();
    api.publish("keep.example", 300);
    api.publish("retire.example", 300);
    let out = w.path("vendor");
    let (_, code, stderr) = sync(
        &w,
        &api,
        &["--out", out.to_str().unwrap(), "--save-settings"],
    );
    assert_eq!(code, 0, "{stderr}");
    let state = String::from_utf8(w.state_bytes()).unwrap();
    assert!(
        state.contains("client-secret") && !state.contains(SECRET),
        "the file is kept, not the secret"
    );

    api.vendor.lock().unwrap().items.remove(1);
    let out = w
        .cmd()
        .args(["--json", "datacenter", "sync"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(names(&report["gone"]), ["retire.example"]);
    assert_eq!(names(&report["unchanged"]), ["keep.example"]);
    let gone_file = report["gone"][0]["path"].as_str().unwrap();
    assert!(
        fs::metadata(gone_file).is_ok(),
        "the file of a gone certificate stays"
    );
    let expiry = w.ok(&["expiry"]);
    assert!(
        !expiry.contains("retire.example") && expiry.contains("keep.example"),
        "{expiry}"
    );
    let listed = w.json(&["datacenter", "list"]);
    let kept: Vec<&Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["id"] == "keep.example")
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "datacenter list shows what sync keeps: {listed}"
    );
    assert!(
        kept[0]["downloaded"]["path"]
            .as_str()
            .unwrap()
            .ends_with(".pem")
    );

    let vendor = format!("localhost:{}", api.server.addr.port());
    w.ok(&["datacenter", "forget", "keep.example", "--vendor", &vendor]);
    assert!(!w.ok(&["expiry"]).contains("keep.example"));
    let (report, code, _) = sync(&w, &api, &[]);
    assert_eq!(
        (report["new"].clone(), code),
        (json!([]), 0),
        "a forgotten one stays forgotten"
    );
    assert!(!w.ok(&["expiry"]).contains("keep.example"));
}

#[test]
fn a_failed_on_change_is_told_again_by_the_next_sync_and_never_sees_the_secret() {
    let w = World::new();
    let api = Api::start();
    api.publish("first.example", 300);
    let out = w.path("vendor");
    let failing = "env > hook-env.txt; exit 3";
    let (report, code, stderr) = sync(
        &w,
        &api,
        &["--out", out.to_str().unwrap(), "--on-change", failing],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["on_change"]["ok"], false);
    assert!(
        stderr.contains("--on-change command") && stderr.contains("exited with status 3"),
        "{stderr}"
    );
    let env = fs::read_to_string(w.path("hook-env.txt")).unwrap();
    assert!(
        env.contains("MTLSCTL_NEW_FILES=") && !env.contains(SECRET),
        "{env}"
    );

    let hook = "printf '%s\\n' \"$MTLSCTL_NEW_FILES\" > told.txt";
    let (report, code, stderr) = sync(
        &w,
        &api,
        &["--out", out.to_str().unwrap(), "--on-change", hook],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        report["new"],
        json!([]),
        "nothing new, but the untold one is told"
    );
    assert_eq!(report["on_change"]["ok"], true);
    assert!(
        fs::read_to_string(w.path("told.txt"))
            .unwrap()
            .contains("first.example")
    );
}

#[test]
fn each_bad_certificate_is_named_and_not_saved_while_the_good_ones_are() {
    let w = World::new();
    let api = Api::start();
    api.publish("good.example", 300);
    let mut wrong_name = api.certificate("real-name.example", 300);
    wrong_name["certCommonName"] = json!("claimed-name.example");
    let mut wrong_expiry = api.certificate("wrong-expiry.example", 300);
    wrong_expiry["expiryDate"] = json!("2031-01-01T00:00:00.000Z");
    let mut two = api.certificate("two.example", 300);
    let other = api.certificate("other.example", 300);
    two["publicCertificate"] = json!(format!(
        "{}{}",
        two["publicCertificate"].as_str().unwrap(),
        other["publicCertificate"].as_str().unwrap()
    ));
    let mut with_key = api.certificate("with-key.example", 300);
    let key = rcgen::KeyPair::generate().unwrap().serialize_pem();
    with_key["publicCertificate"] = json!(format!(
        "{}{key}",
        with_key["publicCertificate"].as_str().unwrap()
    ));
    let mut html = api.certificate("html.example", 300);
    html["publicCertificate"] = json!("<html><body>Moved</body></html>");
    let missing =
        json!({"certCommonName": "missing.example", "expiryDate": "2030-01-01T00:00:00Z"});
    api.vendor.lock().unwrap().items.extend([
        wrong_name,
        wrong_expiry,
        two,
        with_key,
        html,
        missing,
    ]);

    let (report, code, stderr) = sync(&w, &api, &["--out", w.path("vendor").to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(names(&report["new"]), ["good.example"]);
    assert_keys(&report["failed"][0], &["item", "error"]);
    assert_eq!(report["failed"].as_array().unwrap().len(), 6, "{report}");
    for said in [
        "'claimed-name.example' (page 1, item 2) has the common name 'real-name.example'",
        "'wrong-expiry.example' (page 1, item 3) expires",
        "'two.example' (page 1, item 4) sent 2 PEM blocks",
        "'with-key.example' (page 1, item 5) sent a file that holds a private key",
        "'html.example' (page 1, item 6) is an HTML page",
        "the API's entry at page 1, item 7 has no publicCertificate",
    ] {
        assert!(stderr.contains(said), "{said} in {stderr}");
    }
    let mut saved: Vec<String> = fs::read_dir(w.path("vendor"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    saved.sort();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(saved[0].starts_with("good.example-"), "{saved:?}");
}

#[test]
fn the_vendors_refusals_and_broken_answers_are_named_and_change_nothing() {
    let w = World::new();
    let api = Api::start();
    api.publish("one.example", 300);
    w.ok(&["property", "create", "shop"]);
    let state = w.state_bytes();
    let out = w.path("vendor");
    let out = out.to_str().unwrap();

    let wrong = w.write("wrong-secret", "n0t the+Secret&4242\n");
    let mut args = vec!["datacenter".to_string(), "sync".into()];
    args.extend(api.flags(&w));
    args.extend([
        "--client-secret-file".into(),
        wrong.display().to_string(),
        "--out".into(),
        out.into(),
    ]);
    let refused = w.cmd().args(&args).output().unwrap();
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the vendor refused the client credentials (401 Unauthorized"),
        "{stderr}"
    );
    for form in ["n0t the+Secret&4242", "n0t+the%2BSecret%264242"] {
        assert!(
            !stderr.contains(form),
            "the echoed secret is redacted: {stderr}"
        );
    }

    let broken: [(u16, &[u8], &str); 4] = [
        (
            403,
            br#"{"message":"Forbidden: the org lacks the API"}"#,
            "the vendor's API refused access (403 Forbidden: Forbidden: the org lacks the API)",
        ),
        (
            200,
            b"<!DOCTYPE html><html><body>Sign in</body></html>",
            "with an HTML page, not JSON",
        ),
        (
            200,
            br#"{"results": [ {"certCommonName": "#,
            "is not the list it documents: it breaks off at line 1",
        ),
        (
            200,
            br#"{"count": 0}"#,
            "is not the list it documents: missing field `results`",
        ),
    ];
    for (status, body, said) in broken {
        api.vendor.lock().unwrap().instead = Some((status, body.to_vec()));
        let (_, code, stderr) = sync(&w, &api, &["--out", out]);
        assert_eq!(code, 1, "{said}: {stderr}");
        assert!(stderr.contains(said), "{said} in {stderr}");
        assert!(
            !stderr.contains("Other(") && !stderr.contains("hyper::"),
            "{stderr}"
        );
    }
    api.vendor.lock().unwrap().instead = None;
    api.vendor.lock().unwrap().looping = true;
    let (_, code, stderr) = sync(&w, &api, &["--out", out]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("leads back to a page already read"),
        "{stderr}"
    );
    assert_eq!(w.state_bytes(), state, "no refused sync changed the state");
    assert!(fs::metadata(out).is_err(), "nor saved a file");
}

#[test]
fn a_429_with_retry_after_and_a_503_are_retried() {
    let w = World::new();
    let api = Api::start();
    api.publish("one.example", 300);
    api.vendor.lock().unwrap().before = vec![
        (
            429,
            Some("1"),
            b"{\"message\":\"Too Many Requests\"}".to_vec(),
        ),
        (503, None, b"busy".to_vec()),
    ];
    let started = Instant::now();
    let (report, code, stderr) = sync(
        &w,
        &api,
        &["--out", w.path("vendor").to_str().unwrap(), "--retry", "2"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        started.elapsed().as_secs_f64() >= 1.0,
        "Retry-After: 1 was honoured"
    );
    assert!(
        stderr.contains("429 Too Many Requests; retrying in 1.0s"),
        "{stderr}"
    );
    assert!(
        stderr.contains("503 Service Unavailable; retrying"),
        "{stderr}"
    );
    assert_eq!(names(&report["new"]), ["one.example"]);

    api.vendor.lock().unwrap().before = vec![(503, None, Vec::new()); 3];
    let (_, code, stderr) = sync(
        &w,
        &api,
        &["--out", w.path("vendor").to_str().unwrap(), "--retry", "1"],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("503 Service Unavailable"), "{stderr}");
}

#[test]
fn neither_the_secret_nor_the_token_appears_anywhere() {
    let w = World::new();
    let api = Api::start();
    api.publish("one.example", 300);
    let out = w.path("vendor");
    let from_stdin = ["--client-secret-file", "-", "-v"]
        .map(String::from)
        .to_vec();
    let runs: Vec<Vec<String>> = vec![
        vec!["-v".into()],
        from_stdin,
        vec!["-vv".into(), "--save-settings".into()],
    ];
    let mut seen = String::new();
    for extra in runs {
        let mut args = vec!["--json".to_string(), "datacenter".into(), "sync".into()];
        args.extend(api.flags(&w));
        args.extend(["--out".into(), out.display().to_string()]);
        args.extend(extra);
        let run = w
            .cmd()
            .env("MTLSCTL_CLIENT_SECRET", SECRET)
            .args(&args)
            .write_stdin(format!("{SECRET}\n"))
            .output()
            .unwrap();
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        seen.push_str(&String::from_utf8_lossy(&run.stdout));
        seen.push_str(&String::from_utf8_lossy(&run.stderr));
    }
    // A 401 from the API and a failing token request, with -v, too.
    api.vendor.lock().unwrap().instead = Some((
        401,
        format!("{{\"message\":\"token {TOKEN} expired\"}}").into_bytes(),
    ));
    let run = w
        .cmd()
        .env("MTLSCTL_CLIENT_SECRET", SECRET)
        .args(["-v", "datacenter", "sync"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    seen.push_str(&String::from_utf8_lossy(&run.stderr));
    assert!(
        seen.contains("asking") && seen.contains("refused the token"),
        "{seen}"
    );
    seen.push_str(&String::from_utf8_lossy(&w.state_bytes()));
    assert!(!seen.contains(SECRET), "the secret leaked: {seen}");
    assert!(!seen.contains(TOKEN), "the token leaked: {seen}");
}

#[test]
fn bad_settings_are_refused_before_anything_is_sent() {
    let w = World::new();
    let api = Api::start();
    w.ok(&["property", "create", "shop"]);
    let state = w.state_bytes();
    let secret = w.write("secret", "s3cr3t\n");
    let empty = w.write("empty-secret", "\n");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--client-id", CLIENT], "needs --org-id"),
        (
            vec!["--org-id", ORG, "--client-id", CLIENT],
            "needs the client secret",
        ),
        (
            vec![
                "--org-id",
                ORG,
                "--client-id",
                CLIENT,
                "--api-url",
                "http://127.0.0.1:1",
            ],
            "is not an https:// URL",
        ),
        (
            vec![
                "--org-id",
                ORG,
                "--client-id",
                CLIENT,
                "--client-secret-file",
                empty.to_str().unwrap(),
            ],
            "is empty",
        ),
        (
            vec![
                "--org-id",
                ORG,
                "--client-id",
                CLIENT,
                "--client-secret-file",
                "/nonexistent/secret",
            ],
            "/nonexistent/secret",
        ),
        (
            vec![
                "--org-id",
                ORG,
                "--client-id",
                CLIENT,
                "--client-secret-file",
                secret.to_str().unwrap(),
                "--cacert",
                "/nonexistent/ca.pem",
            ],
            "cannot read the CA file /nonexistent/ca.pem",
        ),
    ];
    for (flags, said) in cases {
        let out = w
            .cmd()
            .args(["datacenter", "sync"])
            .args(&flags)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {stderr}");
        assert!(stderr.contains(said), "{said} in {stderr}");
    }
    assert_eq!(w.state_bytes(), state);
    assert_eq!(api.vendor.lock().unwrap().list_requests, 0);
    let out = w
        .cmd()
        .args(["datacenter", "sync", "--client-secret", SECRET])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "there is no flag for the secret itself"
    );
}

#[test]
fn a_list_the_api_says_is_longer_than_it_gave_saves_nothing_and_calls_nothing_gone() {
    let w = World::new();
    let api = Api::start();
    api.publish("a.example", 300);
    api.publish("b.example", 300);
    let out = w.path("vendor");
    let (_, code, stderr) = sync(&w, &api, &["--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let state = w.state_bytes();
    api.vendor.lock().unwrap().items.remove(1);
    api.vendor.lock().unwrap().hidden = 1;
    let (_, code, stderr) = sync(&w, &api, &["--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("says it has 2 certificates but listed 1"),
        "{stderr}"
    );
    assert_eq!(
        w.state_bytes(),
        state,
        "nothing is called gone from an incomplete list"
    );
}

#[test]
fn templated_next_links_are_filled_and_a_certificate_listed_twice_is_saved_once() {
    let w = World::new();
    let api = Api::start();
    let twice = api.publish("twice.example", 300);
    for n in 1..=4 {
        api.publish(&format!("t{n}.example"), 300);
    }
    api.vendor.lock().unwrap().items.push(twice);
    api.vendor.lock().unwrap().templated = true;
    let out = w.path("vendor");
    let (report, code, stderr) = sync(
        &w,
        &api,
        &["--out", out.to_str().unwrap(), "--page-size", "2"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["new"].as_array().unwrap().len(), 5, "{report}");
    assert_eq!(api.vendor.lock().unwrap().list_requests, 3);
}

#[test]
fn a_gone_certificate_is_told_again_after_a_failed_on_change() {
    let w = World::new();
    let api = Api::start();
    api.publish("stays.example", 300);
    api.publish("leaves.example", 300);
    let out = w.path("vendor");
    let out = out.to_str().unwrap();
    let (_, code, _) = sync(&w, &api, &["--out", out, "--on-change", "true"]);
    assert_eq!(code, 0);
    api.vendor.lock().unwrap().items.remove(1);
    let (report, code, _) = sync(&w, &api, &["--out", out, "--on-change", "exit 4"]);
    assert_eq!(
        (names(&report["gone"]), code),
        (vec!["leaves.example".to_string()], 1)
    );
    assert!(
        !w.ok(&["expiry"]).contains("leaves.example"),
        "a gone one is not watched"
    );
    let hook = "printf '%s' \"$MTLSCTL_GONE_FILES\" > gone.txt";
    let (report, code, stderr) = sync(&w, &api, &["--out", out, "--on-change", hook]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["on_change"]["ok"], true);
    assert!(
        fs::read_to_string(w.path("gone.txt"))
            .unwrap()
            .contains("leaves.example")
    );
    let (report, _, _) = sync(&w, &api, &["--out", out, "--on-change", "exit 9"]);
    let told = (report["gone"].clone(), report["on_change"].clone());
    assert_eq!(told, (json!([]), Value::Null), "told once");
}

#[test]
fn an_expired_certificate_the_api_lists_is_saved_and_warned_about() {
    let w = World::new();
    let api = Api::start();
    api.publish("expired.example", -2);
    let (report, code, stderr) = sync(&w, &api, &["--out", w.path("vendor").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&report["new"]), ["expired.example"]);
    assert!(
        stderr.contains("warning: the API lists 'expired.example', which expired on"),
        "{stderr}"
    );
    let listed = w.json(&["datacenter", "list"]);
    let entry = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "expired.example")
        .unwrap();
    assert_eq!(
        entry["recommended"], false,
        "an expired certificate is never recommended"
    );
}

#[test]
fn a_sync_into_another_out_writes_the_files_there_and_tells_on_change() {
    let w = World::new();
    let api = Api::start();
    api.publish("moved.example", 300);
    let (_, code, _) = sync(&w, &api, &["--out", w.path("first").to_str().unwrap()]);
    assert_eq!(code, 0);
    let hook = "printf '%s\\n' \"$MTLSCTL_NEW_FILES\" > told.txt";
    let second = w.path("second");
    let out = second.to_str().unwrap();
    let (report, code, stderr) = sync(&w, &api, &["--out", out, "--on-change", hook]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&report["restored"]), ["moved.example"]);
    assert_eq!(report["on_change"]["ok"], true, "{report}");
    let told = fs::read_to_string(w.path("told.txt")).unwrap();
    assert!(
        told.starts_with(out) && told.contains("moved.example"),
        "{told}"
    );
}
