//! `mtlsctl request` and `inspect --connect` against a local rustls server, nginx and
//! `openssl s_server`.

use std::fs;

use serde_json::Value;

use crate::support::peers::{self, ServerPki};
use crate::support::server::{ClientAuth, Route, TestServer};
use crate::support::{World, has_openssl};

/// A world with shop/production, and a test server that asks for (but does not require) a
/// certificate from the store's issuer.
fn setup(required: bool) -> (World, TestServer, String) {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let issuer = w.ok(&["issuer", "export"]);
    let server = TestServer::start(ClientAuth::Ca {
        pem: issuer,
        required,
    });
    let ca = w.write("server-ca.pem", &server.ca_pem);
    (w, server, ca.display().to_string())
}

fn echo(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// `mtlsctl request URL --env shop/prod --cacert CA` with these flags after; must succeed.
fn request_as_shop(w: &World, url: &str, ca: &str, extra: &[&str]) -> String {
    let mut args = vec!["request", url, "--env", "shop/prod", "--cacert", ca];
    args.extend_from_slice(extra);
    w.ok(&args)
}

#[test]
fn a_get_sends_the_headers_given_and_the_environments_certificate() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let got = echo(&request_as_shop(&w, &url, &ca, &["-H", "X-Trace: abc"]));
    assert_eq!(got["method"], "GET");
    assert_eq!(got["path"], "/hello");
    assert_eq!(got["headers"]["x-trace"], "abc");
    assert_eq!(got["headers"]["user-agent"], "mtlsctl/0.1.0");
    assert_eq!(
        got["client_subject"],
        "CN=shop/production, O=shop, OU=production"
    );
}

#[test]
fn data_is_posted_as_a_form() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let posted = echo(&request_as_shop(&w, &url, &ca, &["-d", "a=1&b=2"]));
    assert_eq!(posted["method"], "POST");
    assert_eq!(posted["body"], "a=1&b=2");
    assert_eq!(
        posted["headers"]["content-type"],
        "application/x-www-form-urlencoded"
    );
}

#[test]
fn a_put_sends_a_file_as_the_body_with_the_content_type_given() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let file = w.write("order.json", "{\"order\": 42}\n");
    let put = echo(&request_as_shop(
        &w,
        &url,
        &ca,
        &[
            "-X",
            "PUT",
            "-H",
            "Content-Type: application/json",
            "-d",
            &format!("@{}", file.display()),
        ],
    ));
    assert_eq!(put["method"], "PUT");
    assert_eq!(put["body"], "{\"order\": 42}\n");
    assert_eq!(put["headers"]["content-type"], "application/json");
}

#[test]
fn data_at_dash_sends_stdin_as_the_body() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let out = w
        .cmd()
        .args([
            "request",
            &url,
            "--env",
            "shop/prod",
            "--cacert",
            &ca,
            "-d",
            "@-",
        ])
        .write_stdin("from stdin")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        echo(&String::from_utf8_lossy(&out.stdout))["body"],
        "from stdin"
    );
}

#[test]
fn output_saves_the_body_to_a_file_and_prints_nothing() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let saved = w.path("saved.json");
    let stdout = request_as_shop(&w, &url, &ca, &["-o", saved.to_str().unwrap()]);
    assert!(stdout.is_empty());
    assert_eq!(echo(&fs::read_to_string(&saved).unwrap())["method"], "GET");
}

#[test]
fn include_prints_the_status_line_and_headers_before_the_body() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let included = request_as_shop(&w, &url, &ca, &["-i", "--http1.1"]);
    assert!(included.starts_with("HTTP/1.1 200 OK\r\n"), "{included}");
    assert!(included.contains("x-test-server: yes\r\n"));
}

#[test]
fn http2_and_http1_1_choose_the_protocol_version() {
    let (w, server, ca) = setup(false);
    let url = server.url("/hello?x=1");
    let h2 = echo(&request_as_shop(&w, &url, &ca, &["--http2"]));
    assert_eq!(h2["version"], "HTTP/2.0");
    let h1 = echo(&request_as_shop(&w, &url, &ca, &["--http1.1"]));
    assert_eq!(h1["version"], "HTTP/1.1");
}

#[test]
fn fail_retry_and_timeout_behave_as_curl() {
    let (w, server, ca) = setup(false);
    let base = ["--env", "shop/prod", "--cacert", ca.as_str()];
    let with = |path: &str, extra: &[&str]| {
        let mut args = vec!["request".to_string(), server.url(path)];
        args.extend(base.iter().map(|s| s.to_string()));
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let run = |args: Vec<String>| w.cmd().args(&args).output().unwrap();

    let out = run(with("/status/404", &[]));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "status 404\n");
    let out = run(with("/status/404", &["--fail"]));
    assert_eq!(out.status.code(), Some(22));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("404"));

    let out = run(with("/flaky/2", &["--retry", "3", "--retry-delay", "50ms"]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr)
            .matches("retrying")
            .count(),
        2
    );
    assert_eq!(
        echo(&String::from_utf8_lossy(&out.stdout))["path"],
        "/flaky/2"
    );
    // After retries, -v tells the connection as it was: a full handshake, chain and request.
    let out = run(with(
        "/flaky/2",
        &["--retry", "3", "--retry-delay", "50ms", "-v"],
    ));
    let account = String::from_utf8_lossy(&out.stderr);
    assert!(account.contains("0 subject:"), "{account}");
    assert!(
        !account.contains("did not ask for a client certificate"),
        "{account}"
    );

    let out = run(with("/slow", &["--timeout", "300ms"]));
    assert_eq!(
        out.status.code(),
        Some(28),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Nothing listens: a connection error, retried, then exit 7.
    let closed = peers::free_port();
    let out = w
        .cmd()
        .args([
            "request",
            &format!("https://localhost:{closed}/"),
            "--cacert",
            &ca,
            "--retry",
            "1",
            "--retry-delay",
            "10ms",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&out.stderr).contains("retrying"));
}

#[test]
fn every_identity_source_is_sent() {
    let (w, server, ca) = setup(true);
    let url = server.url("/");
    let subject = "CN=shop/production, O=shop, OU=production";

    let by_variable = echo(&w.ok(&[
        "request",
        &url,
        "--cert-id",
        "shop_production_v1",
        "--cacert",
        &ca,
    ]));
    assert_eq!(by_variable["client_subject"], subject);

    let out = w.path("out");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    let cert = out.join("shop_production_v1.chain.pem");
    let key = out.join("shop_production_v1.key.pem");
    let by_files = echo(&w.ok(&[
        "request",
        &url,
        "--cert",
        cert.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--cacert",
        &ca,
    ]));
    assert_eq!(by_files["client_subject"], subject);

    let password = w.write("pw", "p12pass\n");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--format",
        "p12",
        "--out",
        out.to_str().unwrap(),
        "--password-file",
        password.to_str().unwrap(),
    ]);
    let p12 = out.join("shop_production_v1.p12");
    let by_p12 = echo(&w.ok(&[
        "request",
        &url,
        "--p12",
        p12.to_str().unwrap(),
        "--password-file",
        password.to_str().unwrap(),
        "--cacert",
        &ca,
    ]));
    assert_eq!(by_p12["client_subject"], subject);

    // A key that does not match: refused before any connection.
    w.ok(&["cert", "rotate", "shop/prod"]);
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    let other_key = out.join("shop_production_v2.key.pem");
    let err = w.fails(
        &[
            "request",
            &url,
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            other_key.to_str().unwrap(),
            "--cacert",
            &ca,
        ],
        2,
    );
    assert!(err.contains("does not match the certificate"), "{err}");
}

#[test]
fn server_trust_pins_and_the_errors_a_user_can_act_on() {
    let (w, server, ca) = setup(false);
    let url = server.url("/");

    let err = w.fails(&["request", &url, "--env", "shop/prod"], 60);
    assert!(
        err.contains("not trusted: unknown CA (CN=Test Server CA)"),
        "{err}"
    );
    assert!(err.contains("--cacert"), "{err}");

    let out = w
        .cmd()
        .args(["request", &url, "--env", "shop/prod", "--insecure"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: --insecure"));

    // The right pin passes, a wrong one fails even with --insecure.
    let pin = {
        use base64::Engine;
        let cert = x509_parser::parse_x509_certificate(&server.cert_der)
            .unwrap()
            .1;
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, cert.public_key().raw);
        format!(
            "sha256//{}",
            base64::engine::general_purpose::STANDARD.encode(digest.as_ref())
        )
    };
    w.ok(&[
        "request",
        &url,
        "--env",
        "shop/prod",
        "--cacert",
        &ca,
        "--pin",
        &pin,
    ]);
    let wrong = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let err = w.fails(
        &[
            "request",
            &url,
            "--env",
            "shop/prod",
            "--insecure",
            "--pin",
            wrong,
        ],
        90,
    );
    assert!(err.contains("does not match the pinned key"), "{err}");
    assert!(err.contains(&pin), "the actual pin is shown: {err}");

    // A name the certificate does not carry.
    let port = server.addr.port();
    let err = w.fails(
        &[
            "request",
            &format!("https://api.example.test:{port}/"),
            "--resolve",
            &format!("api.example.test:{port}:127.0.0.1"),
            "--env",
            "shop/prod",
            "--cacert",
            &ca,
        ],
        60,
    );
    assert!(err.contains("hostname mismatch: the certificate is for DNS:localhost, IP:127.0.0.1, not api.example.test"), "{err}");

    // An expired server certificate.
    let expired = TestServer::start_with(ClientAuth::None, true);
    let expired_ca = w.write("expired-ca.pem", &expired.ca_pem);
    let err = w.fails(
        &[
            "request",
            &expired.url("/"),
            "--cacert",
            expired_ca.to_str().unwrap(),
        ],
        60,
    );
    assert!(
        err.contains("the server's certificate expired 3 days ago"),
        "{err}"
    );
}

#[test]
fn required_and_rejected_client_certificates_are_named() {
    let (w, server, ca) = setup(true);
    let url = server.url("/");
    let err = w.fails(&["request", &url, "--cacert", &ca], 58);
    assert!(
        err.contains("the server requires a client certificate and none was given"),
        "{err}"
    );

    let (cert, key_file) = w.stranger_identity();
    let err = w.fails(
        &[
            "request",
            &url,
            "--cacert",
            &ca,
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key_file.to_str().unwrap(),
        ],
        58,
    );
    assert!(
        err.contains("the server rejected the client certificate"),
        "{err}"
    );
    assert!(
        err.contains("mtlsctl issuer"),
        "the CAs the server accepts are named: {err}"
    );
}

#[test]
fn verbose_and_json_tell_the_connection_story() {
    let (w, server, ca) = setup(false);
    let url = server.url("/");
    let out = w
        .cmd()
        .args(["request", &url, "--env", "shop/prod", "--cacert", &ca, "-v"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let story = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "connected to 127.0.0.1:",
        "TLSv1.3",
        "ALPN h2",
        "0 subject: CN=localhost",
        "SANs:    DNS:localhost, IP:127.0.0.1",
        "asked for a client certificate from: CN=mtlsctl issuer",
        "sent client certificate CN=shop/production, O=shop, OU=production (shop_production_v1)",
        "> GET / HTTP/2",
        "< HTTP/2 200 OK",
    ] {
        assert!(
            story.contains(expected),
            "{expected} missing from:\n{story}"
        );
    }
    assert!(!story.contains("PRIVATE KEY"));

    let report = w.json(&["request", &url, "--env", "shop/prod", "--cacert", &ca]);
    assert_eq!(report["status"], 200);
    assert_eq!(report["tls"]["version"], "TLSv1.3");
    assert_eq!(report["tls"]["client_certificate_requested"], true);
    assert_eq!(
        report["tls"]["client_certificate_sent"]["variable"],
        "shop_production_v1"
    );
    assert_eq!(report["tls"]["server_chain"][0]["subject"], "CN=localhost");
    assert_eq!(report["headers"]["x-test-server"], "yes");
    let timings = &report["timings"];
    for step in ["dns", "connect", "tls", "first_byte", "total"] {
        assert!(timings[step].as_f64().is_some(), "{step}");
    }
    assert!(timings["total"].as_f64() >= timings["tls"].as_f64());
    assert_eq!(echo(report["body"].as_str().unwrap())["method"], "GET");
}

#[test]
fn inspect_connect_shows_what_the_server_wants() {
    let (w, server, ca) = setup(false);
    let address = format!("localhost:{}", server.addr.port());
    let report = w.json(&["inspect", "--connect", &address, "--cacert", &ca]);
    assert_eq!(report["verified"], true);
    assert_eq!(report["client_certificate_requested"], true);
    assert!(
        report["acceptable_cas"][0]
            .as_str()
            .unwrap()
            .starts_with("CN=mtlsctl issuer")
    );
    assert_eq!(report["chain"][0]["subject"], "CN=localhost");
    assert_eq!(report["tls"]["version"], "TLSv1.3");
    // Without the CA it still shows the chain, and says it is not trusted.
    let report = w.json(&["inspect", "--connect", &address]);
    assert_eq!(report["verified"], false);
    let table = w.ok(&["inspect", "--connect", &address]);
    assert!(table.contains("Verified: no"), "{table}");
    assert!(
        table.contains("asked for a client certificate from: CN=mtlsctl issuer"),
        "{table}"
    );
}

#[test]
fn nginx_with_ssl_verify_client_on() {
    if peers::nginx_binary().is_none() {
        eprintln!("nginx not installed: skipped (.ci/run installs it)");
        return;
    }
    let (w, issuer) = shop_with_issuer();
    let pki = ServerPki::write(w.dir.path());
    let nginx = peers::nginx(
        w.dir.path(),
        &pki,
        &issuer,
        "on",
        "    location / { return 200 \"dn=$ssl_client_s_dn verify=$ssl_client_verify\\n\"; }",
    );
    let url = format!("https://localhost:{}/", nginx.port);
    let (body, none, stranger) = three_identities(&w, &url, pki.ca.to_str().unwrap());
    assert_eq!(
        body,
        "dn=OU=production,O=shop,CN=shop/production verify=SUCCESS\n"
    );
    assert!(
        none.contains("the server requires a client certificate and none was given"),
        "{none}"
    );
    assert!(
        stranger.contains("the server rejected the client certificate"),
        "{stranger}"
    );
}

#[test]
fn openssl_s_server_with_verify() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let (w, issuer) = shop_with_issuer();
    let pki = ServerPki::write(w.dir.path());
    let server = peers::openssl_s_server(&pki, &issuer);
    let url = format!("https://localhost:{}/", server.port);
    let (body, none, stranger) = three_identities(&w, &url, pki.ca.to_str().unwrap());
    assert!(body.contains("s_server"), "{body}");
    assert!(
        none.contains("requires a client certificate and none was given"),
        "{none}"
    );
    assert!(
        stranger.contains("the server rejected the client certificate (unknown CA)"),
        "{stranger}"
    );
}

/// A world with shop/production and the issuer's certificate in `issuer.pem`, for real peers.
fn shop_with_issuer() -> (World, std::path::PathBuf) {
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    let issuer = w.path("issuer.pem");
    w.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    (w, issuer)
}

/// The three requests a real peer is checked with: with the environment's certificate, with
/// none (exit 58), and with one from a CA it does not trust (exit 58). Returns the body and the
/// two error messages.
fn three_identities(w: &World, url: &str, ca: &str) -> (String, String, String) {
    let body = w.ok(&["request", url, "--env", "shop/prod", "--cacert", ca]);
    let none = w.fails(&["request", url, "--cacert", ca], 58);
    let (cert, key) = w.stranger_identity();
    let stranger = w.fails(
        &[
            "request",
            url,
            "--cacert",
            ca,
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ],
        58,
    );
    (body, none, stranger)
}

#[test]
fn apache_server_wide_works_and_per_location_auth_is_named_precisely() {
    if peers::apache_binary().is_none() {
        eprintln!("skipped: apache2 is not installed (.ci/run installs it)");
        return;
    }
    let (w, issuer) = shop_with_issuer();
    let pki = ServerPki::write(w.dir.path());
    let ca = pki.ca.to_str().unwrap();
    for protocol in ["TLSv1.3", "TLSv1.2"] {
        let whole_host = peers::apache(w.dir.path(), &pki, &issuer, protocol, false);
        let url = format!("https://localhost:{}/secure/index.html", whole_host.port);
        let (body, none, stranger) = three_identities(&w, &url, ca);
        assert_eq!(body, "secret\n", "{protocol}");
        assert!(none.contains("none was given"), "{protocol}: {none}");
        assert!(
            stranger.contains("the server rejected the client certificate"),
            "{protocol}: {stranger}"
        );
        drop(whole_host);

        // Asked only under /secure/: after the handshake, which rustls cannot answer.
        let per_location = peers::apache(w.dir.path(), &pki, &issuer, protocol, true);
        let base = format!("https://localhost:{}", per_location.port);
        let open = w.ok(&[
            "request",
            &format!("{base}/index.html"),
            "--env",
            "shop/prod",
            "--cacert",
            ca,
        ]);
        assert_eq!(open, "hello\n");
        let err = w.fails(
            &[
                "request",
                &format!("{base}/secure/index.html"),
                "--env",
                "shop/prod",
                "--cacert",
                ca,
            ],
            58,
        );
        let how = if protocol == "TLSv1.3" {
            "TLS 1.3 post-handshake authentication"
        } else {
            "TLS 1.2 renegotiation"
        };
        assert!(
            err.contains("asked for a client certificate after the handshake") && err.contains(how),
            "{protocol}: {err}"
        );
        assert!(err.contains("whole virtual host"), "{err}");
    }
}

#[test]
fn a_client_certificate_openssl_accepts_is_sent_whatever_webpki_thinks_of_it() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let w = World::new();
    let ca = crate::support::TestCa::new("Policy CA");
    let key = rcgen::KeyPair::generate().unwrap();
    // certificatePolicies { anyPolicy }, marked critical: OpenSSL knows it, webpki does not.
    let cert = ca.client_with("policy-client", &key, -1, 30, |params| {
        let content = vec![0x30, 0x08, 0x30, 0x06, 0x06, 0x04, 0x55, 0x1d, 0x20, 0x00];
        let mut extension = rcgen::CustomExtension::from_oid_content(&[2, 5, 29, 32], content);
        extension.set_criticality(true);
        params.custom_extensions.push(extension);
    });
    let cert_file = w.write("policy.pem", &cert);
    let key_file = w.write("policy.key", key.serialize_pem());
    let (ok, text) = crate::support::openssl(
        &["x509", "-in", "policy.pem", "-noout", "-text"],
        w.dir.path(),
    );
    assert!(
        ok && text.contains("Certificate Policies: critical"),
        "{text}"
    );
    let client_ca = w.write("client-ca.pem", &ca.cert_pem);
    let pki = ServerPki::write(w.dir.path());
    let server = peers::openssl_s_server(&pki, &client_ca);
    let url = format!("https://localhost:{}/", server.port);
    let out = w.run(&[
        "request",
        &url,
        "--cacert",
        pki.ca.to_str().unwrap(),
        "--cert",
        cert_file.to_str().unwrap(),
        "--key",
        key_file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("s_server"));
    assert!(!stderr.contains("Other("), "{stderr}");
}

#[test]
fn a_hostile_server_cannot_write_to_the_terminal_and_bad_headers_never_connect() {
    let w = World::new();
    // A server certificate whose subject sets the clipboard (OSC 52) and forges a line.
    let hostile = "evil\u{1b}]52;c;aGk=\u{7}\r\n* forged: all fine";
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, hostile);
    let cert = params.self_signed(&key).unwrap();
    let pki = ServerPki {
        ca: w.write("hostile.pem", cert.pem()),
        cert: w.path("hostile.pem"),
        key: w.write("hostile.key", key.serialize_pem()),
    };
    if peers::nginx_binary().is_some() {
        let nginx = peers::nginx(
            w.dir.path(),
            &pki,
            &pki.ca,
            "optional_no_ca",
            "location / { return 200 \"ok\\n\"; }",
        );
        let url = format!("https://localhost:{}/", nginx.port);
        let address = format!("127.0.0.1:{}", nginx.port);
        for args in [
            vec!["request", url.as_str(), "-v", "--insecure"],
            vec!["request", url.as_str()],
            vec!["inspect", "--connect", address.as_str()],
        ] {
            let out = w.run(&args);
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(
                    !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'),
                    "{args:?}: {text:?}"
                );
                assert!(!text.contains("\n* forged"), "{args:?}: {text}");
            }
        }
    }
    // A malformed header is refused before anything connects (nothing listens on port 1).
    for header in ["Bad Name: x", "X-Ok: a\r\nInjected: 1", "no colon"] {
        let err = w.fails(&["request", "https://127.0.0.1:1/", "-H", header], 2);
        assert!(err.contains("-H") || err.contains("not a header"), "{err}");
        assert!(!err.contains("connect"), "{err}");
    }
}

#[test]
fn a_key_the_server_does_not_accept_is_named_not_called_missing() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let (w, issuer) = shop_with_issuer(); // an ec-p256 client key
    let pki = ServerPki::write(w.dir.path());
    let server =
        peers::openssl_s_server_with(&pki, &issuer, &["-tls1_2", "-client_sigalgs", "RSA+SHA256"]);
    let url = format!("https://localhost:{}/", server.port);
    let err = w.fails(
        &[
            "request",
            &url,
            "--env",
            "shop/prod",
            "--cacert",
            pki.ca.to_str().unwrap(),
        ],
        58,
    );
    assert!(
        err.contains("ec-p256 key cannot sign") && err.contains("rsa_pkcs1_sha256"),
        "{err}"
    );
    assert!(!err.contains("none was given"), "{err}");
}

/// shop/prod exported with its key to out/, and `openssl s_server` requiring a certificate
/// from the issuer.
struct IdentityFiles {
    w: World,
    /// The leaf and the issuer, PEM.
    cert: std::path::PathBuf,
    /// The key, PKCS#8 PEM.
    key: std::path::PathBuf,
    url: String,
    /// The server's CA, for --cacert.
    ca: String,
    _server: peers::Peer,
}

fn identity_files() -> IdentityFiles {
    let (w, issuer) = shop_with_issuer();
    let out = w.path("out");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--out",
        out.to_str().unwrap(),
        "--include-key",
    ]);
    let pki = ServerPki::write(w.dir.path());
    let server = peers::openssl_s_server(&pki, &issuer);
    IdentityFiles {
        cert: out.join("shop_production_v1.chain.pem"),
        key: out.join("shop_production_v1.key.pem"),
        url: format!("https://localhost:{}/", server.port),
        ca: pki.ca.display().to_string(),
        _server: server,
        w,
    }
}

impl IdentityFiles {
    /// openssl with these arguments in the world's directory; it must succeed.
    fn openssl(&self, args: &[&str]) {
        let (ok, text) = crate::support::openssl(args, self.w.dir.path());
        assert!(ok, "{text}");
    }

    /// `request` to the server, trusting it, with these flags after.
    fn request(&self, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["request", self.url.as_str(), "--cacert", self.ca.as_str()];
        args.extend_from_slice(extra);
        args.iter().map(|a| a.to_string()).collect()
    }
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_der_certificate_and_key_and_a_combined_pem_are_sent_as_the_identity() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let f = identity_files();
    let (cert, key) = (f.cert.to_str().unwrap(), f.key.to_str().unwrap());
    f.openssl(&["x509", "-in", cert, "-outform", "DER", "-out", "cert.der"]);
    f.openssl(&["pkey", "-in", key, "-outform", "DER", "-out", "key.der"]);
    let combined = f.w.write(
        "combined.pem",
        format!(
            "{}{}",
            fs::read_to_string(&f.cert).unwrap(),
            fs::read_to_string(&f.key).unwrap()
        ),
    );
    let der_cert = f.w.path("cert.der");
    let der_key = f.w.path("key.der");
    for identity in [
        vec![
            "--cert",
            der_cert.to_str().unwrap(),
            "--key",
            der_key.to_str().unwrap(),
        ],
        vec!["--cert", combined.to_str().unwrap()],
    ] {
        let args = f.request(&identity);
        assert!(f.w.ok(&strs(&args)).contains("s_server"), "{identity:?}");
    }
}

// An encrypted PKCS#8 key opens with --pass file:… or --password-file, as curl's --pass.
#[test]
fn an_encrypted_key_opens_with_pass_or_password_file_and_not_without_or_with_a_wrong_one() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let f = identity_files();
    let password = f.w.write("key-password", "k3y-pass\n");
    f.openssl(&[
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        f.key.to_str().unwrap(),
        "-out",
        "enc.key",
        "-passout",
        &format!("file:{}", password.display()),
    ]);
    let enc = f.w.path("enc.key");
    let with_key = |extra: &[&str]| {
        let mut args = vec![
            "--cert",
            f.cert.to_str().unwrap(),
            "--key",
            enc.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        f.w.run(&strs(&f.request(&args)))
    };
    let pass = format!("file:{}", password.display());
    let out = with_key(&["--pass", &pass]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        with_key(&["--password-file", password.to_str().unwrap()])
            .status
            .success()
    );
    let out = with_key(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted private key"));
    let wrong = f.w.write("wrong-password", "nope\n");
    let out = with_key(&["--password-file", wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong password"));
}

// A file that is something else says what it is.
#[test]
fn a_certificate_signing_request_is_named_as_one() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let f = identity_files();
    let key = f.key.to_str().unwrap();
    f.openssl(&[
        "req", "-new", "-key", key, "-subj", "/CN=x", "-out", "req.pem",
    ]);
    let err =
        f.w.fails(&["inspect", f.w.path("req.pem").to_str().unwrap()], 2);
    assert!(err.contains("certificate signing request"), "{err}");
}

#[test]
fn a_cert_file_without_a_key_asks_for_key() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let f = identity_files();
    let err =
        f.w.fails(&strs(&f.request(&["--cert", f.cert.to_str().unwrap()])), 2);
    assert!(
        err.contains("holds no private key") && err.contains("--key"),
        "{err}"
    );
}

#[test]
fn a_dsa_key_is_refused_by_name() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    let f = identity_files();
    f.openssl(&[
        "genpkey",
        "-genparam",
        "-algorithm",
        "DSA",
        "-pkeyopt",
        "dsa_paramgen_bits:1024",
        "-out",
        "dsa.param",
    ]);
    f.openssl(&["genpkey", "-paramfile", "dsa.param", "-out", "dsa.key"]);
    let dsa = f.w.path("dsa.key");
    let args = f.request(&[
        "--cert",
        f.cert.to_str().unwrap(),
        "--key",
        dsa.to_str().unwrap(),
    ]);
    let err = f.w.fails(&strs(&args), 2);
    assert!(err.contains("DSA key"), "{err}");
}

/// `request` with these words first, then shop/prod's identity and the server's CA.
fn request_with_identity(w: &World, ca: &str, words: &[&str]) -> std::process::Output {
    let mut args: Vec<&str> = vec!["request"];
    args.extend_from_slice(words);
    args.extend_from_slice(&["--env", "shop/prod", "--cacert", ca]);
    w.cmd().args(&args).output().unwrap()
}

// -L follows (POST becomes GET after 303).
#[test]
fn location_follows_redirects_and_write_out_reports_them() {
    let (w, server, ca) = setup(false);
    let url = server.url("/redirect/3");
    let out = request_with_identity(
        &w,
        &ca,
        &[
            "-L",
            url.as_str(),
            "-d",
            "x=1",
            "-w",
            "\\n%{http_code} %{num_redirects} %{url_effective}",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (body, written) = text.rsplit_once('\n').unwrap();
    assert_eq!(echo(body)["path"], "/done");
    assert_eq!(echo(body)["method"], "GET");
    assert_eq!(written, format!("200 4 {}", server.url("/done")));
}

#[test]
fn max_redirs_stops_with_47_and_without_location_a_redirect_is_the_answer() {
    let (w, server, ca) = setup(false);
    let url = server.url("/redirect/3");
    let out = request_with_identity(&w, &ca, &["-L", "--max-redirs", "2", url.as_str()]);
    assert_eq!(out.status.code(), Some(47));
    let out = request_with_identity(&w, &ca, &[url.as_str(), "-w", "%{http_code}"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "302");
}

#[test]
fn head_prints_the_headers_and_no_body() {
    let (w, server, ca) = setup(false);
    let hello = server.url("/hello");
    let out = request_with_identity(&w, &ca, &["-I", hello.as_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("HTTP/") && text.contains("x-test-server: yes"),
        "{text}"
    );
    assert!(!text.contains("\"method\""), "{text}");
}

// -A, --data-binary, -m and --connect-timeout in seconds.
#[test]
fn user_agent_data_binary_and_timeouts_in_seconds_are_taken() {
    let (w, server, ca) = setup(false);
    let hello = server.url("/hello");
    let out = request_with_identity(
        &w,
        &ca,
        &[
            hello.as_str(),
            "-A",
            "probe/1.0",
            "--data-binary",
            "@-",
            "-m",
            "10",
            "--connect-timeout",
            "2.5",
        ],
    );
    let seen = echo(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(seen["headers"]["user-agent"], "probe/1.0");
    assert_eq!(seen["method"], "POST");
}

// -s says nothing on errors, -sS says them; the exit code stays.
#[test]
fn silent_hides_errors_and_show_error_shows_them_with_the_same_exit_code() {
    let (w, server, _) = setup(false);
    let hello = server.url("/hello");
    let missing = w.path("missing.pem");
    let run = |silence: &str| {
        w.cmd()
            .args(["request", &hello, silence, "--cacert"])
            .arg(&missing)
            .output()
            .unwrap()
    };
    let out = run("-s");
    assert_eq!(out.status.code(), Some(77));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run("-sS");
    assert_eq!(out.status.code(), Some(77));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.pem"));
}

// An unreadable --cert is the user's to fix: 2, as documented.
#[test]
fn an_unreadable_cert_exits_2_naming_the_file() {
    let (w, server, ca) = setup(false);
    let hello = server.url("/hello");
    let missing = w.path("missing.pem");
    let err = w.fails(
        &[
            "request",
            hello.as_str(),
            "--cacert",
            ca.as_str(),
            "--cert",
            missing.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("missing.pem"), "{err}");
}

// --cert F --cert-type P12 with --pass file:…, as curl takes a PKCS#12.
#[test]
fn a_pkcs12_given_as_cert_type_p12_with_pass_is_sent() {
    let (w, server, ca) = setup(false);
    let hello = server.url("/hello");
    let password = w.write("p12-password", "s3cret\n");
    let dir = w.path("p12");
    w.ok(&[
        "cert",
        "export",
        "shop/prod",
        "--format",
        "p12",
        "--password-file",
        password.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let p12 = dir.join("shop_production_v1.p12");
    let pass = format!("file:{}", password.display());
    let out = w.ok(&[
        "request",
        hello.as_str(),
        "--cacert",
        ca.as_str(),
        "--cert",
        p12.to_str().unwrap(),
        "--cert-type",
        "P12",
        "--pass",
        &pass,
    ]);
    assert!(
        echo(&out)["client_subject"]
            .as_str()
            .unwrap()
            .contains("shop"),
        "{out}"
    );
}

/// The largest resident set the process reached (VmHWM), read while it runs.
fn peak_rss_kib(child: &mut std::process::Child) -> u64 {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = fs::read_to_string(&status)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if child.try_wait().unwrap().is_some() {
            return peak;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_large_response_streams_in_constant_memory() {
    if peers::nginx_binary().is_none() {
        eprintln!("skipped: nginx is not installed (.ci/run installs it)");
        return;
    }
    let (w, issuer) = shop_with_issuer();
    let pki = ServerPki::write(w.dir.path());
    // A sparse 2 GiB file (no disk used) and a 32 MiB one with content to compare.
    let big = w.path("big.bin");
    fs::File::create(&big).unwrap().set_len(2 << 30).unwrap();
    let medium: Vec<u8> = (0..32u32 << 20).map(|i| (i % 251) as u8).collect();
    let medium_file = w.write("medium.bin", &medium);
    let nginx = peers::nginx(
        w.dir.path(),
        &pki,
        &issuer,
        "on",
        &format!(
            "location = /big {{ alias {}; }}\n    location = /medium {{ alias {}; }}",
            big.display(),
            medium_file.display()
        ),
    );
    let ca = pki.ca.to_str().unwrap();
    let url = |path: &str| format!("https://localhost:{}{path}", nginx.port);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlsctl"))
        .env("MTLSCTL_STATE", &w.state)
        .args([
            "request",
            &url("/big"),
            "--env",
            "shop/prod",
            "--cacert",
            ca,
        ])
        .args(["-o", "/dev/null", "-w", "%{size_download}"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let peak = peak_rss_kib(&mut child);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        (2u64 << 30).to_string()
    );
    assert!(peak < 64 * 1024, "resident memory reached {peak} KiB");
    // A file gets the whole body, and appears only once it is complete.
    let saved = w.path("saved.bin");
    w.ok(&[
        "request",
        &url("/medium"),
        "--env",
        "shop/prod",
        "--cacert",
        ca,
        "-o",
        saved.to_str().unwrap(),
    ]);
    assert!(fs::read(&saved).unwrap() == medium);
}

#[test]
fn requests_go_through_the_proxy_curl_would_use() {
    let (w, server, ca) = setup(true);
    let url = server.url("/hello");
    let port = url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches("/hello")
        .to_string();
    let proxy = peers::ConnectProxy::start(None);
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port);
    let id = ["--env", "shop/prod", "--cacert", ca.as_str()];
    let via = |env: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = w.cmd();
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.args(["request", url.as_str()])
            .args(id)
            .args(extra)
            .output()
            .unwrap()
    };
    // HTTPS_PROXY is honoured, through an HTTP CONNECT tunnel, client certificate and all.
    let out = via(&[("HTTPS_PROXY", &proxy_url)], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(echo(&String::from_utf8_lossy(&out.stdout))["client_subject"].is_string());
    assert_eq!(
        proxy.requests(),
        [format!("CONNECT localhost:{port} HTTP/1.1")]
    );
    // NO_PROXY (a domain) and --noproxy bypass it; --proxy '' turns it off.
    for (env, extra) in [
        (
            vec![
                ("https_proxy", proxy_url.as_str()),
                ("NO_PROXY", "example.com,localhost"),
            ],
            vec![],
        ),
        (
            vec![("https_proxy", proxy_url.as_str())],
            vec!["--noproxy", "*"],
        ),
        (
            vec![("https_proxy", proxy_url.as_str())],
            vec!["--proxy", ""],
        ),
    ] {
        let out = via(&env, &extra);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(proxy.requests().len(), 1);
    // --proxy with credentials; a refusal is curl's 56 and names the proxy, never the password.
    let guarded = peers::ConnectProxy::start(Some("Basic dXNlcjpwJTQwc3M=".into()));
    let wrong = format!("http://user:nope@127.0.0.1:{}", guarded.port);
    let out = via(&[], &["--proxy", &wrong, "-v"]);
    assert_eq!(out.status.code(), Some(56));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("407") && err.contains("user:***@"), "{err}");
    assert!(!err.contains("nope"), "{err}");
    // The password is percent-decoded, as curl does: p%2540ss is sent as p%40ss.
    let right = format!("http://user:p%2540ss@127.0.0.1:{}", guarded.port);
    let out = via(&[], &["--proxy", &right]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A proxy that cannot be resolved is 5, as curl.
    let out = via(&[], &["--proxy", "http://proxy.invalid:3128"]);
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn a_leaf_sent_without_its_intermediate_is_named() {
    if !has_openssl() {
        eprintln!("openssl not installed: skipped");
        return;
    }
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let w = World::new();
    let root_key = KeyPair::generate().unwrap();
    let mut root = CertificateParams::new(Vec::<String>::new()).unwrap();
    root.distinguished_name
        .push(DnType::CommonName, "Partner Root");
    root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let root_cert = root.self_signed(&root_key).unwrap();
    let middle_key = KeyPair::generate().unwrap();
    let mut middle = CertificateParams::new(Vec::<String>::new()).unwrap();
    middle
        .distinguished_name
        .push(DnType::CommonName, "Partner Issuing CA");
    middle.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let middle_cert = middle
        .signed_by(&middle_key, &Issuer::from_params(&root, &root_key))
        .unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(Vec::<String>::new()).unwrap();
    leaf.distinguished_name
        .push(DnType::CommonName, "partner client");
    leaf.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let leaf_cert = leaf
        .signed_by(&leaf_key, &Issuer::from_params(&middle, &middle_key))
        .unwrap();
    let key = w.write("leaf.key", leaf_key.serialize_pem());
    let alone = w.write("leaf.pem", leaf_cert.pem());
    let chained = w.write(
        "chain.pem",
        format!("{}{}", leaf_cert.pem(), middle_cert.pem()),
    );
    let root_file = w.write("root.pem", root_cert.pem());
    let pki = ServerPki::write(w.dir.path());
    let server = peers::openssl_s_server_with(&pki, &root_file, &["-Verify", "3"]);
    let url = format!("https://localhost:{}/", server.port);
    let ca = pki.ca.to_str().unwrap();
    let key = key.to_str().unwrap();
    let err = w.fails(
        &[
            "request",
            &url,
            "--cacert",
            ca,
            "--cert",
            alone.to_str().unwrap(),
            "--key",
            key,
        ],
        58,
    );
    assert!(
        err.contains("ends at a certificate issued by CN=Partner Issuing CA")
            && err.contains("CN=Partner Root"),
        "{err}"
    );
    assert!(
        w.ok(&[
            "request",
            &url,
            "--cacert",
            ca,
            "--cert",
            chained.to_str().unwrap(),
            "--key",
            key
        ])
        .contains("s_server")
    );
}

#[test]
fn a_body_cut_short_is_curls_18_and_leaves_no_file() {
    let w = World::new();
    let server = TestServer::serving(vec![(
        "/cut".to_string(),
        Route::Truncated(vec![b'x'; 5000]),
    )]);
    let ca = w.write("server-ca.pem", &server.ca_pem);
    let out_file = w.path("body.bin");
    let err = w.fails(
        &[
            "request",
            &server.url("/cut"),
            "--cacert",
            ca.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ],
        18,
    );
    assert!(err.contains("200 bytes of the body remaining"), "{err}");
    assert!(!err.contains("certificate"), "{err}");
    assert!(!out_file.exists());
}

#[test]
fn outputs_headers_and_credentials_as_curl_treats_them() {
    use std::os::unix::fs::PermissionsExt;
    let (w, server, ca) = setup(false);
    let hello = server.url("/hello");
    let id = ["--env", "shop/prod", "--cacert", ca.as_str()];
    let run = |extra: &[&str]| {
        let mut args = vec!["request"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&id);
        w.cmd().args(&args).output().unwrap()
    };
    // -w when the transfer fails: 000, as curl; %% is a percent sign.
    let closed = format!("https://127.0.0.1:{}/", peers::free_port());
    let out = run(&[closed.as_str(), "-w", "%{http_code} 100%%\\n"]);
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "000 100%\n");
    // Several -H of one name are all sent; credentials in the URL are Basic auth and never
    // shown again.
    let with_user = hello.replace("https://", "https://ann:s%40cret@");
    let out = run(&[
        with_user.as_str(),
        "-H",
        "X-Dup: 1",
        "-H",
        "X-Dup: 2",
        "-w",
        "\\n%{url_effective}",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    let (body, url) = text.rsplit_once('\n').unwrap();
    let seen = echo(body);
    assert_eq!(seen["headers"]["x-dup"], "1, 2");
    assert_eq!(seen["headers"]["authorization"], "Basic YW5uOnNAY3JldA==");
    assert_eq!(url, hello);
    // -o keeps the mode of the file it replaces; a read-only one is curl's 23; -o - is stdout.
    let private = w.write("private.json", "old");
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    assert!(
        run(&[hello.as_str(), "-o", private.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        fs::metadata(&private).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(fs::read_to_string(&private).unwrap().contains("/hello"));
    let out = run(&[hello.as_str(), "-o", "-"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("/hello"));
    assert!(!w.path("-").exists());
    if running_as_root() {
        return; // root may write any file: the read-only case needs an ordinary user
    }
    fs::set_permissions(&private, fs::Permissions::from_mode(0o400)).unwrap();
    assert_eq!(
        run(&[hello.as_str(), "-o", private.to_str().unwrap()])
            .status
            .code(),
        Some(23)
    );
}

fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn an_untrusted_self_signed_server_is_named_so_when_the_store_has_its_namesake() {
    if peers::nginx_binary().is_none() {
        eprintln!("skipped: nginx is not installed (.ci/run installs it)");
        return;
    }
    let w = World::new();
    let self_signed = |alg: &'static rcgen::SignatureAlgorithm| {
        let key = rcgen::KeyPair::generate_for(alg).unwrap();
        let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "localhost");
        params.is_ca = rcgen::IsCa::ExplicitNoCa;
        (params.self_signed(&key).unwrap().pem(), key)
    };
    // The system store holds an RSA "CN=localhost" (as Debian's snakeoil); the server's own
    // is ECDSA and trusted by nobody.
    let (namesake, _) = self_signed(&rcgen::PKCS_RSA_SHA256);
    let store = w.write("store.pem", namesake);
    let (cert, key) = self_signed(&rcgen::PKCS_ECDSA_P256_SHA256);
    let pki = ServerPki {
        ca: w.write("server.pem", &cert),
        cert: w.path("server.pem"),
        key: w.write("server.key", key.serialize_pem()),
    };
    let nginx = peers::nginx(
        w.dir.path(),
        &pki,
        &pki.ca,
        "off",
        "location / { return 200 \"ok\\n\"; }",
    );
    let out = w
        .cmd()
        .env("SSL_CERT_FILE", &store)
        .args(["request", &format!("https://localhost:{}/", nginx.port)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(60));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not trusted: it is self-signed"), "{err}");
}
