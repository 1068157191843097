//! `serve`, with curl as the client and nginx as the oracle for the variables.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rcgen::{CertificateParams, DnType, DnValue, ExtendedKeyUsagePurpose, Issuer, KeyPair};
use serde_json::Value;

use crate::support::World;
use crate::support::peers::{self, ServerPki};

/// A running `mtlsctl serve`, stopped on drop.
pub(crate) struct Serve {
    pub(crate) child: Child,
    pub(crate) port: u16,
    pub(crate) stdout: mpsc::Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn serve(w: &World, host: &str, extra: &[&str]) -> Serve {
    let (mut child, port) = spawn_serve(w, host, extra, Stdio::piped());
    let (tx, stdout) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    Serve {
        child,
        port,
        stdout,
    }
}

/// `mtlsctl serve` for `host` with its stdout as given; returns the child and the port it
/// listens on (read from the banner), with stderr drained in the background.
pub(crate) fn spawn_serve(w: &World, host: &str, extra: &[&str], stdout: Stdio) -> (Child, u16) {
    spawn_serve_env(w, host, extra, stdout, &[])
}

/// `spawn_serve` with environment variables set for serve.
pub(crate) fn spawn_serve_env(
    w: &World,
    host: &str,
    extra: &[&str],
    stdout: Stdio,
    env: &[(&str, &str)],
) -> (Child, u16) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("mtlsctl"))
        .env("MTLSCTL_STATE", &w.state)
        .envs(env.iter().copied())
        .args(["serve", "--listen", "127.0.0.1:0", "--domain", host])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut banner = String::new();
    stderr.read_line(&mut banner).unwrap();
    let port = banner
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in: {banner}"));
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
    });
    (child, port)
}

/// curl with these arguments against https://HOST:PORT/PATH; returns (exit code, stdout).
pub(crate) fn curl(host: &str, port: u16, path: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new("curl")
        .args([
            "-sS",
            "--max-time",
            "10",
            "--resolve",
            &format!("{host}:{port}:127.0.0.1"),
        ])
        .args(args)
        .arg(format!("https://{host}:{port}{path}"))
        .output()
        .expect("curl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The README's rule for api.test: requests without a valid client certificate are denied 403.
pub(crate) fn require_valid_cert(w: &World, name: &str) {
    w.ok(&[
        "rule",
        "add",
        "api.test",
        name,
        "--criteria",
        "hostname is-equal api.test",
        "--criteria",
        "client_certificate_validation is-not-equal true",
        "--behavior",
        "deny 403",
    ]);
}

/// A world with shop/production, the issuer in the CA library as `local`, files to hand to
/// curl, and a domain in `mode`.
pub(crate) struct Setup {
    pub(crate) w: World,
    pub(crate) issuer: PathBuf,
    pub(crate) cert: PathBuf,
    pub(crate) key: PathBuf,
}

pub(crate) fn setup(mode: &str) -> Setup {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    w.ok(&["ca", "add", "local", issuer.to_str().unwrap()]);
    w.ok(&["domain", "add", "api.test", "--ca", "local", "--mode", mode]);
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        w.dir.path().to_str().unwrap(),
        "--include-key",
    ]);
    Setup {
        issuer,
        cert: w.path("shop_production_v1.chain.pem"),
        key: w.path("shop_production_v1.key.pem"),
        w,
    }
}

/// curl to api.test on `port` at `path`, trusting the issuer, presenting this certificate and
/// key if any, with these flags after.
fn curl_as(
    s: &Setup,
    port: u16,
    path: &str,
    identity: Option<(&Path, &Path)>,
    extra: &[&str],
) -> (i32, String) {
    let mut args = vec!["--cacert", s.issuer.to_str().unwrap()];
    if let Some((cert, key)) = identity {
        args.extend(["--cert", cert.to_str().unwrap()]);
        args.extend(["--key", key.to_str().unwrap()]);
    }
    args.extend_from_slice(extra);
    curl("api.test", port, path, &args)
}

/// shop/dev, issued from 2020-01-01 for 30 days by the domain's CA: its certificate and key.
fn expired_identity(s: &Setup) -> (PathBuf, PathBuf) {
    s.w.ok_at(
        "2020-01-01T00:00:00Z",
        &["env", "create", "shop/dev", "--validity", "30d"],
    );
    let out = s.w.path("old");
    s.w.ok(&[
        "cert",
        "export",
        "shop/dev",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    (
        out.join("shop_development_v1.pem"),
        out.join("shop_development_v1.key.pem"),
    )
}

#[test]
fn enforce_mode_serves_a_certificate_from_the_domains_ca_with_its_variables() {
    let s = setup("enforce");
    let server = serve(&s.w, "api.test", &[]);
    let (code, body) = curl_as(
        &s,
        server.port,
        "/orders?id=7",
        Some((&s.cert, &s.key)),
        &[],
    );
    assert_eq!(code, 0);
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(echo["path"], "/orders");
    assert_eq!(echo["query"], "id=7");
    assert_eq!(echo["variables"]["ssl_client_verify"], "SUCCESS");
    assert_eq!(echo["variables"]["client_certificate_validation"], "true");
    assert_eq!(
        echo["variables"]["ssl_client_s_dn_parsed"],
        "shop/production"
    );
    assert_eq!(echo["variables"]["hostname"], "api.test");
}

#[test]
fn enforce_mode_fails_the_handshake_without_a_certificate_or_with_one_from_another_ca() {
    let s = setup("enforce");
    let server = serve(&s.w, "api.test", &[]);
    let (code, _) = curl_as(&s, server.port, "/", None, &[]);
    assert_ne!(code, 0, "no certificate must fail the handshake");
    let (cert, key) = s.w.stranger_identity();
    let (code, _) = curl_as(&s, server.port, "/", Some((&cert, &key)), &[]);
    assert_ne!(
        code, 0,
        "a certificate from another CA must fail the handshake"
    );
}

#[test]
fn enforce_mode_rejects_an_expired_certificate_from_the_domains_ca() {
    let s = setup("enforce");
    let server = serve(&s.w, "api.test", &[]);
    let (cert, key) = expired_identity(&s);
    let (code, _) = curl_as(&s, server.port, "/", Some((&cert, &key)), &[]);
    assert_ne!(code, 0, "an expired certificate must be rejected");
}

#[test]
fn serve_logs_each_request_and_never_key_material() {
    let s = setup("enforce");
    let server = serve(&s.w, "api.test", &[]);
    // A served request, then each kind of refused one.
    curl_as(
        &s,
        server.port,
        "/orders?id=7",
        Some((&s.cert, &s.key)),
        &[],
    );
    curl_as(&s, server.port, "/", None, &[]);
    let (cert, key) = s.w.stranger_identity();
    curl_as(&s, server.port, "/", Some((&cert, &key)), &[]);
    let (cert, key) = expired_identity(&s);
    curl_as(&s, server.port, "/", Some((&cert, &key)), &[]);

    let log = server.stdout.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        log.contains("\"GET /orders?id=7 HTTP/2.0\" 200") && log.contains("verify=SUCCESS"),
        "{log}"
    );
    // serve's logs never carry key material: neither the client's key nor the issuer's.
    let mut lines: Vec<String> = server.stdout.try_iter().collect();
    lines.push(log);
    let state: Value = serde_json::from_slice(&s.w.state_bytes()).unwrap();
    for pem in [
        &state["certificates"][0]["key_pem"],
        &state["issuer"]["key_pem"],
    ] {
        let key_line = pem.as_str().unwrap().lines().nth(1).unwrap();
        assert!(
            lines
                .iter()
                .all(|line| !line.contains(key_line) && !line.contains("PRIVATE KEY"))
        );
    }
}

#[test]
fn in_permissive_mode_a_deny_rule_answers_403_to_no_or_an_untrusted_certificate() {
    let s = setup("permissive");
    require_valid_cert(&s.w, "require-valid-cert");
    let server = serve(&s.w, "api.test", &["--log-format", "json"]);
    let (code, body) = curl_as(
        &s,
        server.port,
        "/",
        None,
        &["-o", "/dev/null", "-w", "%{http_code}"],
    );
    assert_eq!((code, body.as_str()), (0, "403"));
    let (cert, key) = s.w.stranger_identity();
    let (code, body) = curl_as(
        &s,
        server.port,
        "/",
        Some((&cert, &key)),
        &["-w", "%{http_code}"],
    );
    assert_eq!(code, 0);
    assert!(body.ends_with("403"), "{body}");
}

#[test]
fn in_permissive_mode_a_valid_certificate_passes_the_deny_rule() {
    let s = setup("permissive");
    require_valid_cert(&s.w, "require-valid-cert");
    let server = serve(&s.w, "api.test", &["--log-format", "json"]);
    let (code, body) = curl_as(&s, server.port, "/", Some((&s.cert, &s.key)), &[]);
    assert_eq!(code, 0);
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(echo["variables"]["ssl_client_verify"], "SUCCESS");
}

/// Permissive api.test whose deny rule was removed again, with a rule that passes the verdict
/// on as X-Verify, served with JSON logs.
fn permissive_without_the_deny_rule() -> (Setup, Serve) {
    let s = setup("permissive");
    require_valid_cert(&s.w, "require-valid-cert");
    s.w.ok(&["rule", "remove", "api.test", "require-valid-cert"]);
    s.w.ok(&[
        "rule",
        "add",
        "api.test",
        "tag",
        "--behavior",
        "add-request-header X-Verify ${ssl_client_verify}",
    ]);
    let server = serve(&s.w, "api.test", &["--log-format", "json"]);
    (s, server)
}

// Without the deny rule, the failure is visible to the request.
#[test]
fn in_permissive_mode_an_untrusted_certificates_failure_reaches_the_request_and_the_log() {
    let (s, server) = permissive_without_the_deny_rule();
    let (cert, key) = s.w.stranger_identity();
    let (code, body) = curl_as(&s, server.port, "/", Some((&cert, &key)), &[]);
    assert_eq!(code, 0);
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        echo["variables"]["ssl_client_verify"],
        "FAILED:unable to verify the first certificate"
    );
    assert_eq!(echo["variables"]["client_certificate_validation"], "false");
    assert_eq!(
        echo["added_headers"]["X-Verify"],
        "FAILED:unable to verify the first certificate"
    );
    assert_eq!(echo["rules_matched"][0], "tag");
    let log: Value =
        serde_json::from_str(&server.stdout.recv_timeout(Duration::from_secs(5)).unwrap()).unwrap();
    assert_eq!(log["status"], 200);
    // A request's log line has exactly the keys the README documents.
    let mut keys: Vec<&str> = log
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    let mut documented = [
        "time",
        "remote",
        "method",
        "path",
        "protocol",
        "status",
        "bytes",
        "ssl_client_verify",
        "ssl_client_s_dn",
        "rules_matched",
        "denied_by",
        "duration_ms",
    ];
    documented.sort();
    assert_eq!(keys, documented);
    assert_eq!(
        log["ssl_client_verify"],
        "FAILED:unable to verify the first certificate"
    );
}

#[test]
fn in_permissive_mode_no_certificate_is_verify_none_with_an_empty_subject() {
    let (s, server) = permissive_without_the_deny_rule();
    let (code, body) = curl_as(&s, server.port, "/", None, &[]);
    assert_eq!(code, 0);
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(echo["variables"]["ssl_client_verify"], "NONE");
    assert_eq!(echo["variables"]["ssl_client_s_dn"], "");
}

#[test]
fn the_upstream_receives_the_headers_rules_add() {
    let s = setup("enforce");
    s.w.ok(&[
        "rule",
        "add",
        "api.test",
        "forward",
        "--behavior",
        "add-request-header X-Client-DN ${ssl_client_s_dn}",
        "--behavior",
        "add-request-header X-Client-Cert ${ssl_client_escaped_cert}",
    ]);
    let upstream = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream_port = upstream.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = upstream.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        stream.write_all(b"HTTP/1.1 201 Created\r\nContent-Length: 8\r\nX-Upstream: yes\r\nConnection: close\r\n\r\nupstream").unwrap();
        tx.send(head).unwrap();
    });
    let server = serve(
        &s.w,
        "api.test",
        &["--upstream", &format!("http://127.0.0.1:{upstream_port}")],
    );
    let (code, body) = curl(
        "api.test",
        server.port,
        "/v1/things?a=b",
        &[
            "--cacert",
            s.issuer.to_str().unwrap(),
            "--cert",
            s.cert.to_str().unwrap(),
            "--key",
            s.key.to_str().unwrap(),
            "-i",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        body.contains("201") && body.contains("x-upstream: yes") && body.ends_with("upstream"),
        "{body}"
    );
    let head = rx
        .recv_timeout(Duration::from_secs(5))
        .unwrap()
        .to_ascii_lowercase();
    assert!(head.starts_with("get /v1/things?a=b http/1.1"), "{head}");
    assert!(
        head.contains("x-client-dn: ou=production,o=shop,cn=shop/production"),
        "{head}"
    );
    assert!(
        head.contains("x-client-cert: -----begin%20certificate-----%0a"),
        "{head}"
    );
    assert!(head.contains("x-forwarded-proto: https"), "{head}");
}

/// A client certificate whose subject exercises RFC 2253 escaping and unknown attributes.
fn awkward_client(w: &World) -> (PathBuf, PathBuf, PathBuf) {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.distinguished_name.push(
        DnType::CountryName,
        DnValue::PrintableString("DE".try_into().unwrap()),
    );
    ca_params
        .distinguished_name
        .push(DnType::OrganizationName, "Grüße & Co");
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Oracle Test CA");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(
        DnType::CountryName,
        DnValue::PrintableString("FR".try_into().unwrap()),
    );
    params
        .distinguished_name
        .push(DnType::LocalityName, "Saint-Étienne");
    params
        .distinguished_name
        .push(DnType::OrganizationName, "Example; <Corp>");
    params
        .distinguished_name
        .push(DnType::OrganizationalUnitName, " padded ");
    params
        .distinguished_name
        .push(DnType::CommonName, "#1 José, \"Ops\" + Dev\\");
    params.distinguished_name.push(
        DnType::CustomDnType(vec![1, 2, 840, 113_549, 1, 9, 1]),
        "ops@example.com",
    );
    params.distinguished_name.push(
        DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 99_999, 1]),
        "opaque",
    );
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let cert = params
        .signed_by(&key, &Issuer::from_params(&ca_params, &ca_key))
        .unwrap();
    (
        w.write("awkward-ca.pem", ca.pem()),
        w.write("awkward.pem", cert.pem()),
        w.write("awkward.key", key.serialize_pem()),
    )
}

pub(crate) const NGINX_VARIABLES: [&str; 12] = [
    "ssl_client_verify",
    "ssl_client_cert",
    "ssl_client_escaped_cert",
    "ssl_client_s_dn",
    "ssl_client_i_dn",
    "ssl_client_s_dn_legacy",
    "ssl_client_i_dn_legacy",
    "ssl_client_serial",
    "ssl_client_fingerprint",
    "ssl_client_v_start",
    "ssl_client_v_end",
    "ssl_client_v_remain",
];

#[test]
fn every_ssl_client_variable_equals_what_nginx_produces() {
    if peers::nginx_binary().is_none() {
        eprintln!("nginx not installed: skipped (.ci/run installs it)");
        return;
    }
    let s = setup("permissive");
    let (awkward_ca, awkward_cert, awkward_key) = awkward_client(&s.w);
    // nginx and serve trust the same CAs: mtlsctl's issuer and the awkward test CA.
    let both = s.w.write(
        "both-cas.pem",
        format!(
            "{}{}",
            std::fs::read_to_string(&s.issuer).unwrap(),
            std::fs::read_to_string(&awkward_ca).unwrap()
        ),
    );
    s.w.ok(&["ca", "add", "both", both.to_str().unwrap()]);
    s.w.ok(&["domain", "set", "api.test", "--ca", "both"]);

    let body: String = NGINX_VARIABLES
        .iter()
        .map(|name| format!("{name}=${name}"))
        .collect::<Vec<_>>()
        .join("\\n<<>>\\n");
    let pki = ServerPki::write(s.w.dir.path());
    let nginx = peers::nginx(
        s.w.dir.path(),
        &pki,
        &both,
        "optional",
        &format!("    location / {{ return 200 \"{body}\"; }}"),
    );
    let server = serve(&s.w, "api.test", &[]);
    // ssl_client_v_remain counts whole days to not-after: within the second a certificate was
    // issued it is one more than a second later, so nginx and serve could straddle that second.
    std::thread::sleep(Duration::from_millis(1100));

    for (cert, key) in [(&s.cert, &s.key), (&awkward_cert, &awkward_key)] {
        let identity = [
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ];
        let (code, from_nginx) = curl(
            "localhost",
            nginx.port,
            "/",
            &[&["--cacert", pki.ca.to_str().unwrap()][..], &identity].concat(),
        );
        assert_eq!(code, 0, "nginx: {from_nginx}");
        let nginx_vars: BTreeMap<&str, &str> = from_nginx
            .split("\n<<>>\n")
            .map(|pair| pair.split_once('=').unwrap())
            .collect();
        let (code, from_serve) = curl(
            "api.test",
            server.port,
            "/",
            &[&["--cacert", s.issuer.to_str().unwrap()][..], &identity].concat(),
        );
        assert_eq!(code, 0, "serve: {from_serve}");
        let echo: Value = serde_json::from_str(&from_serve).unwrap();
        for name in NGINX_VARIABLES {
            assert_eq!(
                echo["variables"][name].as_str().unwrap(),
                nginx_vars[name],
                "{name} differs for {}",
                cert.display()
            );
        }
    }

    // No certificate: nginx's values too.
    let (_, from_nginx) = curl(
        "localhost",
        nginx.port,
        "/",
        &["--cacert", pki.ca.to_str().unwrap()],
    );
    let (_, from_serve) = curl(
        "api.test",
        server.port,
        "/",
        &["--cacert", s.issuer.to_str().unwrap()],
    );
    let echo: Value = serde_json::from_str(&from_serve).unwrap();
    for pair in from_nginx.split("\n<<>>\n") {
        let (name, value) = pair.split_once('=').unwrap();
        assert_eq!(
            echo["variables"][name].as_str().unwrap(),
            value,
            "{name} without a certificate"
        );
    }
}

#[test]
fn domains_and_rules_are_checked_when_configured() {
    let s = setup("enforce");
    let w = &s.w;
    let before = w.state_bytes();
    for (args, message) in [
        (
            vec![
                "rule",
                "add",
                "api.test",
                "r",
                "--criteria",
                "nope is-equal x",
                "--behavior",
                "deny 403",
            ],
            "unknown variable 'nope'",
        ),
        (
            vec![
                "rule",
                "add",
                "api.test",
                "r",
                "--criteria",
                "path matches ([",
                "--behavior",
                "deny 403",
            ],
            "invalid regular expression",
        ),
        (
            vec!["rule", "add", "api.test", "r", "--behavior", "deny 200"],
            "not a status",
        ),
        (
            vec![
                "rule",
                "add",
                "api.test",
                "r",
                "--behavior",
                "add-request-header X ${nope}",
            ],
            "unknown variable 'nope'",
        ),
        (
            vec!["rule", "add", "nowhere.test", "r", "--behavior", "deny 403"],
            "there is no domain nowhere.test",
        ),
        (
            vec!["domain", "add", "other.test", "--ca", "missing"],
            "there is no trusted CA 'missing'",
        ),
        (
            vec!["domain", "add", "api.test", "--ca", "local"],
            "already exists",
        ),
        (
            vec!["domain", "add", "bad_host!", "--ca", "local"],
            "not a host name",
        ),
        (vec!["ca", "remove", "local"], "is used by api.test"),
    ] {
        let err = w.fails(&args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(w.state_bytes(), before);
    }
    w.ok(&[
        "rule",
        "add",
        "api.test",
        "first",
        "--behavior",
        "add-request-header X-A 1",
    ]);
    w.ok(&[
        "rule",
        "add",
        "api.test",
        "second",
        "--criteria",
        "path starts-with /admin",
        "--behavior",
        "deny 401",
    ]);
    let rules = w.json(&["rule", "list", "api.test"]);
    assert_eq!(rules[0]["name"], "first");
    assert_eq!(rules[1]["criteria"][0], "path starts-with /admin");
    let domains = w.json(&["domain", "list"]);
    assert_eq!(domains[0]["mode"], "enforce");
    w.ok(&["domain", "set", "api.test", "--mode", "permissive"]);
    assert_eq!(
        w.json(&["domain", "show", "api.test"])["mode"],
        "permissive"
    );
}

#[test]
fn sigterm_stops_serve_gracefully() {
    let s = setup("enforce");
    let mut server = serve(&s.w, "api.test", &[]);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut waited = 0;
    while server.child.try_wait().unwrap().is_none() && waited < 100 {
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    let exit = server
        .child
        .try_wait()
        .unwrap()
        .expect("serve stopped after SIGTERM");
    assert!(exit.success(), "{exit}");
}

#[test]
fn permissive_mode_judges_certificates_by_the_runs_one_clock() {
    let s = setup("permissive");
    // In 2100 the client certificate has long expired: the variables and the rules say so.
    let (mut child, port) = spawn_serve_env(
        &s.w,
        "api.test",
        &[],
        Stdio::null(),
        &[("MTLSCTL_NOW", "2100-01-01T00:00:00Z")],
    );
    let (code, body) = curl(
        "api.test",
        port,
        "/",
        // serve's own certificate starts in 2100 too: curl cannot check it today.
        &[
            "-k",
            "--cert",
            s.cert.to_str().unwrap(),
            "--key",
            s.key.to_str().unwrap(),
        ],
    );
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(code, 0, "{body}");
    let echo: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        echo["variables"]["ssl_client_verify"],
        "FAILED:certificate has expired"
    );
}
