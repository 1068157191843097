//! `serve` in front of a real upstream, tried as an attacker would: forged headers, tricky
//! paths and hosts, a truncated upstream answer, floods, a closed or stalled access log.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rcgen::{CertificateParams, Issuer, KeyPair};

use super::serve::{NGINX_VARIABLES, Setup, curl, require_valid_cert, serve, setup, spawn_serve};

/// A small HTTP/1.1 upstream that records every request head it receives and answers with
/// `answer` (raw bytes), closing the connection after each request.
struct Upstream {
    port: u16,
    heads: Arc<Mutex<Vec<String>>>,
}

fn upstream(answer: &'static [u8]) -> Upstream {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            seen.lock().unwrap().push(head);
            let _ = stream.write_all(answer);
        }
    });
    Upstream { port, heads }
}

impl Upstream {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

const OK: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

fn identity(s: &Setup) -> Vec<String> {
    [
        "--cacert",
        s.issuer.to_str().unwrap(),
        "--cert",
        s.cert.to_str().unwrap(),
        "--key",
        s.key.to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec()
}

/// The HTTP status curl saw (`-w %{http_code}`), with extra curl arguments.
fn status(port: u16, path: &str, args: &[&str]) -> String {
    let mut all = vec!["-o", "/dev/null", "-w", "%{http_code}"];
    all.extend_from_slice(args);
    curl("api.test", port, path, &all).1
}

#[test]
fn forged_identity_headers_never_reach_the_upstream() {
    let s = setup("enforce");
    s.w.ok(&[
        "rule",
        "add",
        "api.test",
        "forward",
        "--behavior",
        "add-request-header X-Client-DN ${ssl_client_s_dn}",
    ]);
    let up = upstream(OK);
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    let mut args = identity(&s);
    args.extend(
        [
            "-H",
            "X-Client-DN: CN=admin,O=Forged",
            "-H",
            "X-Forwarded-For: 6.6.6.6",
            "-H",
            "x-forwarded-host: evil.test",
        ]
        .map(String::from),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(status(server.port, "/v1", &args), "200");
    let head = up.heads().pop().unwrap().to_ascii_lowercase();
    assert_eq!(head.matches("x-client-dn:").count(), 1, "{head}");
    assert!(
        head.contains("x-client-dn: ou=production,o=shop,cn=shop/production"),
        "{head}"
    );
    assert_eq!(head.matches("x-forwarded-for:").count(), 1, "{head}");
    assert!(head.contains("x-forwarded-for: 127.0.0.1\r\n"), "{head}");
    assert!(head.contains("x-forwarded-host: api.test\r\n"), "{head}");
    assert!(!head.contains("forged") && !head.contains("6.6.6.6") && !head.contains("evil"));

    // A template nginx users know but no header can carry is refused when the rule is added.
    let err = s.w.fails(
        &[
            "rule",
            "add",
            "api.test",
            "pem",
            "--behavior",
            "add-request-header X-Cert ${ssl_client_cert}",
        ],
        2,
    );
    assert!(err.contains("ssl_client_escaped_cert"), "{err}");
}

#[test]
fn paths_the_rules_deny_are_denied_however_they_are_spelled() {
    let s = setup("enforce");
    s.w.ok(&[
        "rule",
        "add",
        "api.test",
        "no-admin",
        "--criteria",
        "path starts-with /admin",
        "--behavior",
        "deny 403",
    ]);
    let up = upstream(OK);
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    let mut args = identity(&s);
    args.push("--path-as-is".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    for path in [
        "/admin",
        "/x/../admin",
        "/%61dmin",
        "//admin",
        "/admin%2f..",
        "/a/%2e%2e/admin/x",
    ] {
        let code = status(server.port, path, &args);
        assert!(code == "403" || code == "400", "{path}: {code}");
    }
    assert!(up.heads().is_empty(), "the upstream saw {:?}", up.heads());
    // A path that only looks like /admin reaches the upstream, normalised.
    assert_eq!(status(server.port, "/admin/../x?q=%2F", &args), "200");
    assert!(
        up.heads()[0].starts_with("GET /x?q=%2F HTTP/1.1"),
        "{:?}",
        up.heads()
    );
}

#[test]
fn hosts_are_compared_as_host_names_and_other_hosts_refused() {
    let s = setup("permissive");
    require_valid_cert(&s.w, "require-cert");
    let server = serve(&s.w, "api.test", &[]);
    let ca = s.issuer.to_str().unwrap();
    for version in ["--http1.1", "--http2"] {
        for (host, want) in [
            ("api.test", "403"),
            ("API.TEST", "403"),
            ("api.test.", "403"),
            ("Api.Test:443", "403"),
            ("other.test", "421"),
        ] {
            let header = format!("Host: {host}");
            let code = status(server.port, "/", &[version, "--cacert", ca, "-H", &header]);
            assert_eq!(code, want, "{version} Host: {host}");
        }
        // The SNI names another host (and so does the Host header curl derives from the URL).
        let out = Command::new("curl")
            .args(["-s", "-k", version, "-o", "/dev/null", "-w", "%{http_code}"])
            .arg("--resolve")
            .arg(format!("other.test:{}:127.0.0.1", server.port))
            .args(["-H", "Host: api.test"])
            .arg(format!("https://other.test:{}/", server.port))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "421",
            "{version} SNI other.test"
        );
    }
}

#[test]
fn a_truncated_upstream_answer_is_never_passed_on_as_complete() {
    let s = setup("enforce");
    let up = upstream(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    let args = identity(&s);
    for version in ["--http1.1", "--http2"] {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend([version, "-o", "/dev/null"]);
        let (code, _) = curl("api.test", server.port, "/big", &all);
        assert!(
            [18, 92, 56].contains(&code),
            "{version}: curl exited {code}"
        );
    }
}

fn spawn(s: &Setup, extra: &[&str], stdout: Stdio) -> (Child, u16) {
    spawn_serve(&s.w, "api.test", extra, stdout)
}

/// `count` requests over one keep-alive connection; returns how many were answered 200.
fn many_requests(s: &Setup, port: u16, count: usize) -> usize {
    let url = format!("https://api.test:{port}/ping");
    let out = Command::new("curl")
        .args(["-s", "--max-time", "60", "--resolve"])
        .arg(format!("api.test:{port}:127.0.0.1"))
        .args(identity(s))
        .args(["-w", "%{http_code}\n"])
        .args(std::iter::repeat_n(["-o", "/dev/null", url.as_str()], count).flatten())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| *l == "200")
        .count()
}

#[test]
fn a_closed_or_stalled_access_log_never_stops_serving() {
    let s = setup("enforce");
    // `serve | head -1`: the reader goes away after one line.
    let (mut child, port) = spawn(&s, &[], Stdio::piped());
    let mut log = BufReader::new(child.stdout.take().unwrap());
    assert_eq!(many_requests(&s, port, 1), 1);
    let mut first = String::new();
    log.read_line(&mut first).unwrap();
    assert!(first.contains("GET /ping"), "{first}");
    drop(log);
    assert_eq!(many_requests(&s, port, 50), 50);
    assert!(
        child.try_wait().unwrap().is_none(),
        "serve is still running"
    );
    let _ = child.kill();
    let _ = child.wait();

    // A reader that never reads: the pipe fills (64 KiB) and lines are dropped, not waited for.
    let (mut child, port) = spawn(&s, &[], Stdio::piped());
    let _stalled = child.stdout.take().unwrap();
    assert_eq!(many_requests(&s, port, 1500), 1500);
    let _ = child.kill();
    let _ = child.wait();
}

/// Resident memory high-water mark of a process, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// Whether the server closed `stream` within `limit` (read returns end of file or an error).
fn closed_within(mut stream: TcpStream, limit: Duration) -> bool {
    stream.set_read_timeout(Some(limit)).unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut =>
            {
                return started.elapsed() < limit;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn floods_are_bounded_in_time_and_memory_and_a_normal_client_is_served() {
    let _turn = crate::support::heavy_turn();
    let s = setup("permissive");
    let (mut child, port) = spawn(
        &s,
        &[
            "--handshake-timeout",
            "1s",
            "--header-timeout",
            "1s",
            "--keepalive-timeout",
            "1s",
            "--log-format",
            "off",
        ],
        Stdio::null(),
    );
    // 200 TCP connections that never start a handshake.
    let silent: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    // A normal client is served meanwhile.
    assert_eq!(many_requests(&s, port, 3), 3);
    for stream in silent {
        assert!(closed_within(stream, Duration::from_secs(5)));
    }

    // Slow headers and an idle connection after the handshake, with openssl as the client:
    // each must be closed by the server (s_client then exits) well before the test gives up.
    let s_client = || {
        Command::new("openssl")
            .args(["s_client", "-quiet", "-connect"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-servername", "api.test"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut slow = s_client();
    let mut slow_in = slow.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = slow_in.write_all(b"GET / HTTP/1.1\r\n");
        for _ in 0..40 {
            std::thread::sleep(Duration::from_millis(250));
            if slow_in
                .write_all(b"X")
                .and_then(|()| slow_in.flush())
                .is_err()
            {
                return;
            }
        }
    });
    let mut idle = s_client();
    let _idle_in = idle.stdin.take().unwrap();
    for (client, what) in [(&mut slow, "slow headers"), (&mut idle, "idle TLS")] {
        let started = Instant::now();
        while client.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(6) {
                let _ = client.kill();
                panic!("{what} was not closed");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    // A 256 MiB body from a client without a certificate: 413 after at most 1 MiB is read.
    // Over HTTP/2 the unfinished request stream is reset after the 413, which curl reports
    // as an error (92) instead of the status; either way the upload is refused.
    let upload = |version: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "head -c 268435456 /dev/zero | curl -s -k {version} --max-time 30 -o /dev/null -w '%{{http_code}}' \
                 --resolve api.test:{port}:127.0.0.1 -H 'Transfer-Encoding: chunked' --data-binary @- https://api.test:{port}/upload"
            ))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(upload("--http1.1"), "413");
    assert!(["413", "000"].contains(&upload("--http2").as_str()));
    let rss = peak_rss_kib(child.id());
    assert!(rss < 100 * 1024, "peak resident memory {rss} KiB");
    assert_eq!(many_requests(&s, port, 2), 2);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn an_oversized_header_gets_431_and_refused_handshakes_are_logged() {
    let s = setup("enforce");
    let server = serve(&s.w, "api.test", &["--max-header-size", "16k"]);
    let big = format!("X-Big: {}", "a".repeat(40_000));
    let mut args = identity(&s);
    args.extend(["-H".to_string(), big]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(
        status(
            server.port,
            "/",
            &["--http1.1"]
                .iter()
                .copied()
                .chain(args.iter().copied())
                .collect::<Vec<_>>()
        ),
        "431"
    );
    // hyper answers 431 itself, before any handler: that request has no log line.

    // No certificate, then a certificate from a CA nobody trusts: each refusal is one line.
    let ca = s.issuer.to_str().unwrap();
    let (code, _) = curl("api.test", server.port, "/", &["--cacert", ca]);
    assert_ne!(code, 0);
    let line = server.stdout.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.contains("127.0.0.1")
            && line.contains("sni=api.test")
            && line.contains("no certificate"),
        "{line}"
    );
    let (cert, key) = s.w.stranger_identity();
    let (code, _) = curl(
        "api.test",
        server.port,
        "/",
        &[
            "--cacert",
            ca,
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ],
    );
    assert_ne!(code, 0);
    let line = server.stdout.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.contains("unknown CA") && line.contains("CN=stranger"),
        "{line}"
    );

    // Plain HTTP to the TLS port: said in words, not as a library's enum.
    let mut plain = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    plain
        .write_all(b"GET / HTTP/1.1\r\nHost: api.test\r\n\r\n")
        .unwrap();
    let _ = plain.read(&mut [0u8; 64]);
    let line = server.stdout.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(line.contains("not a TLS client"), "{line}");

    // TLS 1.2 has no certificate_required alert: the refusal is a handshake_failure, as OpenSSL's.
    let out = Command::new("openssl")
        .args(["s_client", "-tls1_2", "-connect"])
        .arg(format!("127.0.0.1:{}", server.port))
        .args(["-servername", "api.test"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("alert handshake failure"), "{text}");
    assert!(!text.contains("certificate required"), "{text}");
}

/// Client certificates of every kind the verdict words depend on, with their keys and the
/// chain each one sends: (name, cert file, key file).
fn verdict_cases(
    w: &crate::support::World,
    root: &Issued,
) -> Vec<(&'static str, PathBuf, PathBuf)> {
    use rcgen::{CustomExtension, ExtendedKeyUsagePurpose as Eku};
    let stranger = ca("Stranger Root", None);
    let intermediate = ca("Test Intermediate", Some(root));
    let mut cases = Vec::new();
    let mut add =
        |name: &'static str, params: CertificateParams, signer: Option<&Issued>, chain: &str| {
            let key = KeyPair::generate().unwrap();
            let cert = match signer {
                Some(by) => params
                    .signed_by(&key, &Issuer::from_params(&by.params, &by.key))
                    .unwrap(),
                None => params.self_signed(&key).unwrap(),
            };
            let cert_file = w.write(&format!("{name}.pem"), format!("{}{chain}", cert.pem()));
            let key_file = w.write(&format!("{name}.key"), key.serialize_pem());
            cases.push((name, cert_file, key_file));
        };
    let now = time::OffsetDateTime::now_utc();
    add("valid", leaf("valid"), Some(root), "");
    add("unknown-ca", leaf("unknown-ca"), Some(&stranger), "");
    add(
        "unknown-ca-chain",
        leaf("unknown-ca-chain"),
        Some(&stranger),
        &stranger.pem,
    );
    add(
        "missing-intermediate",
        leaf("missing-intermediate"),
        Some(&intermediate),
        "",
    );
    add(
        "with-intermediate",
        leaf("with-intermediate"),
        Some(&intermediate),
        &intermediate.pem,
    );
    let mut expired = leaf("expired");
    expired.not_before = now - time::Duration::days(30);
    expired.not_after = now - time::Duration::days(1);
    add("expired", expired, Some(root), "");
    let mut future = leaf("not-yet-valid");
    future.not_before = now + time::Duration::days(10);
    future.not_after = now + time::Duration::days(40);
    add("not-yet-valid", future, Some(root), "");
    add("self-signed", leaf("self-signed"), None, "");
    let mut server_only = leaf("server-only");
    server_only.extended_key_usages = vec![Eku::ServerAuth];
    add("wrong-purpose", server_only, Some(root), "");
    let mut usage = leaf("wrong-key-usage");
    usage.key_usages = vec![rcgen::KeyUsagePurpose::ContentCommitment];
    add("wrong-key-usage", usage, Some(root), "");
    let mut policies = leaf("critical-policies");
    // certificatePolicies { anyPolicy }, marked critical: OpenSSL processes it, webpki does not.
    let mut ext = CustomExtension::from_oid_content(
        &[2, 5, 29, 32],
        vec![0x30, 0x08, 0x30, 0x06, 0x06, 0x04, 0x55, 0x1d, 0x20, 0x00],
    );
    ext.set_criticality(true);
    policies.custom_extensions = vec![ext];
    add("critical-policies", policies, Some(root), "");
    let mut critical = leaf("critical-unknown");
    let mut ext =
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 99999, 1], vec![0x05, 0x00]);
    ext.set_criticality(true);
    critical.custom_extensions = vec![ext];
    add("critical-unknown-extension", critical, Some(root), "");
    cases.push(negative_serial(w, root));
    cases
}

/// A client certificate with serial -1, signed by `root` with openssl (rcgen writes serials
/// as positive numbers).
fn negative_serial(w: &crate::support::World, root: &Issued) -> (&'static str, PathBuf, PathBuf) {
    let root_cert = w.write("root-for-openssl.pem", &root.pem);
    let root_key = w.write("root-for-openssl.key", root.key.serialize_pem());
    let key = KeyPair::generate().unwrap();
    let key_file = w.write("negative-serial.key", key.serialize_pem());
    let csr = leaf("negative-serial").serialize_request(&key).unwrap();
    let csr_file = w.write("negative-serial.csr", csr.pem().unwrap());
    let ext = w.write("negative-serial.ext", "extendedKeyUsage=clientAuth\n");
    let cert_file = w.path("negative-serial.pem");
    let (ok, out) = crate::support::openssl(
        &[
            "x509",
            "-req",
            "-in",
            csr_file.to_str().unwrap(),
            "-CA",
            root_cert.to_str().unwrap(),
            "-CAkey",
            root_key.to_str().unwrap(),
            "-set_serial",
            "-1",
            "-days",
            "2",
            "-extfile",
            ext.to_str().unwrap(),
            "-out",
            cert_file.to_str().unwrap(),
        ],
        w.dir.path(),
    );
    assert!(ok, "{out}");
    ("negative-serial", cert_file, key_file)
}

/// Where serve is deliberately stricter than nginx, and why.
const EXCEPTIONS: &[(&str, &str)] = &[(
    "critical-policies",
    // webpki does not process certificatePolicies, so it cannot accept the extension as
    // critical; OpenSSL does and says SUCCESS. Accepting what cannot be checked would fail open.
    "FAILED:unhandled critical extension",
)];

struct Issued {
    params: CertificateParams,
    key: KeyPair,
    pem: String,
}

fn ca(name: &str, signer: Option<&Issued>) -> Issued {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
    ];
    let cert = match signer {
        Some(by) => params
            .signed_by(&key, &Issuer::from_params(&by.params, &by.key))
            .unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
    Issued {
        pem: cert.pem(),
        params,
        key,
    }
}

/// OpenSSL's words in the last "client SSL certificate verify error" line of nginx's log.
fn nginx_logged_reason(w: &crate::support::World) -> String {
    let log = std::fs::read_to_string(w.dir.path().join("nginx/logs/error.log")).unwrap();
    log.lines()
        .rev()
        .find_map(|l| l.split("client SSL certificate verify error: (").nth(1))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(_, rest)| rest.split(')').next())
        .unwrap_or_else(|| panic!("no verify error in nginx's log:\n{log}"))
        .to_string()
}

fn leaf(cn: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, cn);
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    params
}

#[test]
fn ssl_client_verify_says_what_nginx_says_for_every_kind_of_failure() {
    if crate::support::peers::nginx_binary().is_none() {
        eprintln!("nginx not installed: skipped (.ci/run installs it)");
        return;
    }
    let s = setup("permissive");
    let root = ca("Test Root", None);
    let root_file = s.w.write("test-root.pem", &root.pem);
    s.w.ok(&["ca", "add", "test-root", root_file.to_str().unwrap()]);
    s.w.ok(&["domain", "set", "api.test", "--ca", "test-root"]);
    let pki = crate::support::peers::ServerPki::write(s.w.dir.path());
    let body: String = NGINX_VARIABLES
        .iter()
        .map(|name| format!("{name}=${name}"))
        .collect::<Vec<_>>()
        .join("\\n<<>>\\n");
    let nginx = crate::support::peers::nginx(
        s.w.dir.path(),
        &pki,
        &root_file,
        "optional_no_ca",
        &format!("    location / {{ return 200 \"{body}\"; }}"),
    );
    let server = serve(&s.w, "api.test", &[]);
    // ssl_client_v_remain counts whole days: keep both requests out of the second of issuance.
    std::thread::sleep(Duration::from_millis(1100));
    let mut differences = Vec::new();
    for (name, cert, key) in verdict_cases(&s.w, &root) {
        let identity = [
            "-k",
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ];
        let (_, from_nginx) = curl("localhost", nginx.port, "/", &identity);
        let (_, from_serve) = curl("api.test", server.port, "/", &identity);
        let echo: serde_json::Value = serde_json::from_str(&from_serve)
            .unwrap_or_else(|_| panic!("{name}: serve answered {from_serve}"));
        let ours = |variable: &str| echo["variables"][variable].as_str().unwrap().to_string();
        let expected: Vec<(String, String)> = if from_nginx.contains("400 Bad Request") {
            // nginx refuses what optional_no_ca does not tolerate, and logs OpenSSL's words.
            vec![(
                "ssl_client_verify".into(),
                format!("FAILED:{}", nginx_logged_reason(&s.w)),
            )]
        } else {
            from_nginx
                .split("\n<<>>\n")
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        for (variable, want) in expected {
            let got = ours(&variable);
            let excepted = EXCEPTIONS.iter().any(|(case, ours)| {
                *case == name && variable == "ssl_client_verify" && got == *ours
            });
            // Days left are counted at each server's own clock reading: at a day boundary
            // (the negative-serial certificate is valid for exactly two days) they may differ
            // by one.
            let same_day = variable == "ssl_client_v_remain"
                && matches!((got.parse::<i64>(), want.parse::<i64>()), (Ok(a), Ok(b)) if (a - b).abs() <= 1);
            if got != want && !excepted && !same_day {
                differences.push(format!("{name}: {variable}: nginx '{want}', serve '{got}'"));
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
}

/// Over HTTP/2 an early answer (here 413 for a declared body over the limit) must reach the
/// client: the stream is reset only after the response, with NO_ERROR (RFC 9113 §8.1). The
/// client is the h2 crate, a second HTTP/2 implementation beside curl.
#[test]
fn an_oversized_http2_upload_is_answered_413_then_reset_with_no_error() {
    let s = setup("permissive");
    let server = serve(&s.w, "api.test", &[]);
    let issuer = std::fs::read(&s.issuer).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (status, body, reset) = runtime.block_on(async {
        let (client, _connection) = h2_connect(server.port, &issuer).await;
        let mut client = client.ready().await.unwrap();
        let request = http::Request::post("https://api.test/upload")
            .header("content-length", "2000000")
            .body(())
            .unwrap();
        let (response, mut upload) = client.send_request(request, false).unwrap();
        upload.send_data(vec![0u8; 16_384].into(), false).unwrap();
        let response = response.await.unwrap();
        let status = response.status().as_u16();
        let mut incoming = response.into_body();
        let mut body = Vec::new();
        while let Some(chunk) = incoming.data().await {
            body.extend_from_slice(&chunk.unwrap());
        }
        let reset = std::future::poll_fn(|cx| upload.poll_reset(cx))
            .await
            .unwrap();
        (status, String::from_utf8(body).unwrap(), reset)
    });
    assert_eq!(status, 413);
    assert!(body.contains("larger than this server accepts"), "{body}");
    assert_eq!(reset, h2::Reason::NO_ERROR);
}

/// An HTTP/2 connection to `serve` on `port` (as api.test, trusting `issuer_pem`), with the
/// h2 crate; the connection is driven by a task whose handle is returned.
async fn h2_connect(
    port: u16,
    issuer_pem: &[u8],
) -> (
    h2::client::SendRequest<hyper::body::Bytes>,
    tokio::task::JoinHandle<Result<(), h2::Error>>,
) {
    let config = client_tls(issuer_pem, b"h2");
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let name = rustls_pki_types::ServerName::try_from("api.test").unwrap();
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .unwrap();
    let (client, connection) = h2::client::handshake(tls).await.unwrap();
    (client, tokio::spawn(connection))
}

/// Many streams and rapid reset (CVE-2023-44487): the server advertises its stream limit,
/// a client that opens and cancels thousands of streams is cut off (or served) without the
/// server growing, and a normal client is served afterwards.
#[test]
fn http2_stream_floods_are_bounded() {
    let s = setup("permissive");
    let (mut child, port) = spawn(
        &s,
        &["--log-format", "off", "--max-streams", "64"],
        Stdio::null(),
    );
    let issuer = std::fs::read(&s.issuer).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (advertised, opened) = runtime.block_on(async {
        let (client, connection) = h2_connect(port, &issuer).await;
        let mut client = client.ready().await.unwrap();
        // One ordinary request first: by its answer the server's SETTINGS have arrived.
        let request = http::Request::get("https://api.test/").body(()).unwrap();
        let (response, _) = client.send_request(request, true).unwrap();
        assert_eq!(response.await.unwrap().status(), 200);
        let advertised = client.current_max_send_streams();
        let mut opened = 0;
        for _ in 0..5000 {
            let request = http::Request::get("https://api.test/").body(()).unwrap();
            match client.send_request(request, true) {
                // Dropping the response cancels the stream at once: RST_STREAM(CANCEL).
                Ok((response, _)) => drop(response),
                Err(_) => break,
            }
            opened += 1;
            match tokio::time::timeout(Duration::from_secs(5), client.clone().ready()).await {
                Ok(Ok(ready)) => client = ready,
                _ => break,
            }
        }
        drop(client);
        let _ = tokio::time::timeout(Duration::from_secs(5), connection).await;
        (advertised, opened)
    });
    assert_eq!(advertised, 64);
    assert!(opened > 0);
    let rss = peak_rss_kib(child.id());
    assert!(rss < 100 * 1024, "peak resident memory {rss} KiB");
    assert_eq!(many_requests(&s, port, 3), 3);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn non_ascii_names_reach_the_upstream_and_a_failed_upstream_is_not_named() {
    let s = setup("permissive");
    s.w.ok(&[
        "rule",
        "add",
        "api.test",
        "forward",
        "--behavior",
        "add-request-header X-Client-CN ${ssl_client_s_dn_parsed}",
    ]);
    let ca = crate::support::TestCa::new("Other CA");
    let key = KeyPair::generate().unwrap();
    let cert = s.w.write("zoe.pem", ca.client("Zoë Ünïcode", &key, -1, 30));
    let key = s.w.write("zoe.key", key.serialize_pem());
    let identity = [
        "-k",
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ];
    let up = upstream(OK);
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    assert_eq!(status(server.port, "/", &identity), "200");
    let head = up.heads().pop().unwrap();
    assert!(head.contains("x-client-cn: Zoë Ünïcode\r\n"), "{head}");
    drop(server);

    // An upstream that is down: 502, and the page names nothing of it.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let server = serve(
        &s.w,
        "api.test",
        &["--upstream", &format!("http://127.0.0.1:{port}")],
    );
    let (_, page) = curl(
        "api.test",
        server.port,
        "/",
        &[&identity[..], &["-w", "%{http_code}"]].concat(),
    );
    assert!(page.ends_with("502"), "{page}");
    assert!(
        !page.contains("127.0.0.1") && !page.contains(&port.to_string()),
        "{page}"
    );
}

/// CPU seconds (user + system) a process has used so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which ends with ')'): utime and stime are 14th and 15th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

#[test]
fn out_of_file_descriptors_the_server_waits_instead_of_spinning() {
    let s = setup("permissive");
    // serve with at most 64 descriptors, run through prlimit (util-linux).
    let mut child = Command::new("prlimit")
        .args(["--nofile=64:64", "--"])
        .arg(assert_cmd::cargo::cargo_bin("mtlsctl"))
        .env("MTLSCTL_STATE", &s.w.state)
        .args(["serve", "--listen", "127.0.0.1:0", "--domain", "api.test"])
        .args(["--log-format", "off", "--handshake-timeout", "30s"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut banner = String::new();
    stderr.read_line(&mut banner).unwrap();
    let port: u16 = banner
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in: {banner}"));
    let warnings = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        rest
    });
    // More silent connections than descriptors: accept() fails with EMFILE.
    let silent: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let before = cpu_seconds(child.id());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_seconds(child.id()) - before;
    assert!(
        used < 0.5,
        "serve used {used} s of CPU in 2 s while out of descriptors"
    );
    drop(silent);
    // The descriptors come back and a normal client is served.
    let started = Instant::now();
    while many_requests(&s, port, 1) != 1 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not served after the flood"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    let warnings = warnings.join().unwrap();
    assert!(warnings.contains("cannot accept connections"), "{warnings}");
}

/// Send `request` as raw bytes over TLS to `serve` on `port` (as api.test, trusting
/// `issuer_pem`, no client certificate) and return the whole response.
fn raw_http1(port: u16, issuer_pem: &[u8], request: &str) -> String {
    let config = client_tls(issuer_pem, b"http/1.1");
    let name = rustls_pki_types::ServerName::try_from("api.test").unwrap();
    let connection = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut tls = rustls::StreamOwned::new(connection, tcp);
    tls.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = tls.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn raw_requests_cannot_name_hosts_or_headers_ambiguously() {
    let s = setup("permissive");
    let up = upstream(OK);
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    let issuer = std::fs::read(&s.issuer).unwrap();
    let status = |request: &str| {
        let response = raw_http1(server.port, &issuer, request);
        response.split(' ').nth(1).unwrap_or("").to_string()
    };
    let close = "Connection: close\r\n\r\n";
    let cases = [
        (
            format!("GET / HTTP/1.1\r\nHost: api.test\r\nHost: other.test\r\n{close}"),
            "400",
        ),
        (format!("GET / HTTP/1.1\r\n{close}"), "400"),
        (
            format!("GET https://other.test/ HTTP/1.1\r\nHost: api.test\r\n{close}"),
            "421",
        ),
        (
            format!("GET / HTTP/1.1\r\nHost: user@api.test\r\n{close}"),
            "400",
        ),
        (
            format!("GET / HTTP/1.1\r\nHost: api.test..\r\n{close}"),
            "421",
        ),
        (
            format!("GET /x/..;/admin HTTP/1.1\r\nHost: api.test\r\n{close}"),
            "400",
        ),
        (
            format!("GET /%c0%ae%c0%ae/admin HTTP/1.1\r\nHost: api.test\r\n{close}"),
            "400",
        ),
    ];
    for (request, want) in &cases {
        assert_eq!(status(request), *want, "{request:?}");
    }
    assert!(up.heads().is_empty(), "{:?}", up.heads());

    // The URI's authority wins over Host; a name with '_' never reaches the upstream.
    let request = format!(
        "GET https://api.test/ok HTTP/1.1\r\nHost: other.test\r\nX_Client_DN: forged\r\n\
         Proxy-Connection: keep-alive\r\nCookie: a=1\r\n{close}"
    );
    assert_eq!(status(&request), "200");
    let head = up.heads().pop().unwrap().to_ascii_lowercase();
    assert!(head.starts_with("get /ok http/1.1"), "{head}");
    assert!(
        !head.contains("forged") && !head.contains("proxy-connection"),
        "{head}"
    );
    assert!(head.contains("cookie: a=1\r\n"), "{head}");
}

#[test]
fn http2_cookies_reach_an_http1_upstream_as_one_header() {
    let s = setup("permissive");
    let up = upstream(OK);
    let server = serve(&s.w, "api.test", &["--upstream", &up.url()]);
    let issuer = std::fs::read(&s.issuer).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let status = runtime.block_on(async {
        let (client, _connection) = h2_connect(server.port, &issuer).await;
        let mut client = client.ready().await.unwrap();
        let request = http::Request::get("https://api.test/c")
            .header("cookie", "a=1")
            .header("cookie", "b=2")
            .body(())
            .unwrap();
        let (response, _) = client.send_request(request, true).unwrap();
        response.await.unwrap().status().as_u16()
    });
    assert_eq!(status, 200);
    let head = up.heads().pop().unwrap().to_ascii_lowercase();
    assert_eq!(head.matches("cookie:").count(), 1, "{head}");
    assert!(head.contains("cookie: a=1; b=2\r\n"), "{head}");
}

#[test]
fn connections_beyond_the_limit_are_closed_at_once() {
    let s = setup("permissive");
    let (mut child, port) = spawn(
        &s,
        &[
            "--max-connections",
            "5",
            "--handshake-timeout",
            "3s",
            "--log-format",
            "off",
        ],
        Stdio::null(),
    );
    let held: Vec<TcpStream> = (0..5)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // The sixth is closed at once, not queued until a slot frees up.
    let sixth = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let started = Instant::now();
    assert!(closed_within(sixth, Duration::from_secs(2)));
    assert!(started.elapsed() < Duration::from_secs(1));
    // Once the held connections time out, a normal client is served again.
    drop(held);
    let started = Instant::now();
    while many_requests(&s, port, 1) != 1 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not served after the limit"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A TLS client configuration trusting `issuer_pem`, offering one ALPN protocol, with no client
/// certificate.
fn client_tls(issuer_pem: &[u8], alpn: &[u8]) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_pki_types::pem::PemObject::pem_slice_iter(issuer_pem) {
        roots.add(cert.unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![alpn.to_vec()];
    config
}
