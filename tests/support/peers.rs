//! Real peers started by tests: nginx and `openssl s_server`, each on a free loopback port with
//! its own files in a temp directory, stopped when dropped.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server certificate for localhost/127.0.0.1 and the CA that signed it, as files.
pub struct ServerPki {
    pub ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl ServerPki {
    pub fn write(dir: &Path) -> ServerPki {
        let ca = super::TestCa::new("Peer Server CA");
        let (cert, key) = ca.server(&["localhost", "127.0.0.1"], false);
        let pki = ServerPki {
            ca: dir.join("server-ca.pem"),
            cert: dir.join("server.pem"),
            key: dir.join("server.key"),
        };
        std::fs::write(&pki.ca, &ca.cert_pem).unwrap();
        std::fs::write(&pki.cert, cert).unwrap();
        std::fs::write(&pki.key, key.serialize_pem()).unwrap();
        pki
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited early: {status}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{what} did not listen on port {port}");
}

/// A running peer process, killed on drop.
pub struct Peer {
    child: Child,
    pub port: u16,
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn nginx_binary() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// nginx with TLS, `ssl_verify_client` set to `verify` against `client_ca`, and `locations`
/// (the text inside `server { }` after the TLS lines).
pub fn nginx(dir: &Path, pki: &ServerPki, client_ca: &Path, verify: &str, locations: &str) -> Peer {
    let binary = nginx_binary().expect("nginx is installed (.ci/run installs it)");
    let port = free_port();
    let prefix = dir.join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).unwrap();
    let running_as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let p = prefix.display();
    let config = format!(
        "{user}worker_processes 1;\ndaemon off;\nerror_log {p}/logs/error.log info;\npid {p}/nginx.pid;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n  access_log {p}/logs/access.log;\n  client_body_temp_path {p}/body;\n  proxy_temp_path {p}/proxy;\n  \
         fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n  \
         server {{\n    listen 127.0.0.1:{port} ssl;\n    ssl_certificate {cert};\n    ssl_certificate_key {key};\n    \
         ssl_client_certificate {ca};\n    ssl_verify_client {verify};\n    ssl_verify_depth 3;\n{locations}\n  }}\n}}\n",
        user = if running_as_root { "user root;\n" } else { "" },
        cert = pki.cert.display(),
        key = pki.key.display(),
        ca = client_ca.display(),
    );
    let conf = prefix.join("nginx.conf");
    std::fs::write(&conf, config).unwrap();
    let mut child = Command::new(binary)
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    wait_for_port(port, &mut child, "nginx");
    Peer { child, port }
}

/// `openssl s_server -Verify 1 -verify_return_error -www`: requires a client certificate
/// from `client_ca` and fails the handshake for any other.
pub fn openssl_s_server(pki: &ServerPki, client_ca: &Path) -> Peer {
    openssl_s_server_with(pki, client_ca, &[])
}

/// `openssl_s_server` with more arguments (e.g. `-client_sigalgs RSA+SHA256`).
pub fn openssl_s_server_with(pki: &ServerPki, client_ca: &Path, extra: &[&str]) -> Peer {
    let port = free_port();
    let mut child = Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-www",
            "-Verify",
            "1",
            "-verify_return_error",
            "-accept",
        ])
        .arg(port.to_string())
        .arg("-cert")
        .arg(&pki.cert)
        .arg("-key")
        .arg(&pki.key)
        .arg("-CAfile")
        .arg(client_ca)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server starts");
    wait_for_port(port, &mut child, "openssl s_server");
    Peer { child, port }
}

pub fn apache_binary() -> Option<PathBuf> {
    ["/usr/sbin/apache2", "/usr/sbin/httpd"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Apache httpd (one process, `-X`) with TLS `protocol` (`TLSv1.3` or `TLSv1.2`), client
/// certificates from `client_ca` required for the whole host (`per_location` false) or only
/// under `/secure/` (true: Apache then asks after the handshake). `/index.html` says `hello`,
/// `/secure/index.html` says `secret`.
pub fn apache(
    dir: &Path,
    pki: &ServerPki,
    client_ca: &Path,
    protocol: &str,
    per_location: bool,
) -> Peer {
    let binary = apache_binary().expect("apache2 is installed (.ci/run installs it)");
    let port = free_port();
    let root = dir.join(format!("apache-{port}"));
    let docs = root.join("htdocs");
    std::fs::create_dir_all(docs.join("secure")).unwrap();
    std::fs::write(docs.join("index.html"), "hello\n").unwrap();
    std::fs::write(docs.join("secure/index.html"), "secret\n").unwrap();
    let running_as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    // As root Apache serves as www-data, which must reach the documents.
    use std::os::unix::fs::PermissionsExt;
    for path in [dir, &root, &docs, &docs.join("secure")] {
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode | 0o011)).unwrap();
    }
    for path in [docs.join("index.html"), docs.join("secure/index.html")] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let modules = "/usr/lib/apache2/modules";
    let r = root.display();
    let verify = "  SSLVerifyClient require\n  SSLVerifyDepth 3\n";
    let config = format!(
        "ServerRoot {r}\nServerName localhost\nListen 127.0.0.1:{port}\nPidFile {r}/httpd.pid\n\
         ErrorLog {r}/error.log\nLogLevel info\n{user}\
         LoadModule mpm_event_module {modules}/mod_mpm_event.so\n\
         LoadModule authz_core_module {modules}/mod_authz_core.so\n\
         LoadModule ssl_module {modules}/mod_ssl.so\n\
         DocumentRoot {docs}\nSSLEngine on\nSSLProtocol -all +{protocol}\n\
         SSLCertificateFile {cert}\nSSLCertificateKeyFile {key}\nSSLCACertificateFile {ca}\n{verify_host}\
         <Location /secure>\n{verify_location}</Location>\n",
        user = if running_as_root {
            "User www-data\nGroup www-data\n"
        } else {
            ""
        },
        docs = docs.display(),
        cert = pki.cert.display(),
        key = pki.key.display(),
        ca = client_ca.display(),
        verify_host = if per_location { "" } else { verify },
        verify_location = if per_location { verify } else { "" },
    );
    let conf = root.join("httpd.conf");
    std::fs::write(&conf, config).unwrap();
    let mut child = Command::new(binary)
        .arg("-X")
        .arg("-f")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("apache2 starts");
    wait_for_port(port, &mut child, "apache2");
    Peer { child, port }
}

/// An HTTP proxy that opens CONNECT tunnels (threads, on a free loopback port), logs each
/// request line it gets, and answers 407 without the expected Proxy-Authorization when one is
/// required. Forwarded plain requests (absolute-form) are refused with 501: only tunnels.
pub struct ConnectProxy {
    pub port: u16,
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl ConnectProxy {
    pub fn start(required_authorization: Option<String>) -> ConnectProxy {
        use std::io::{BufRead, BufReader, Write};
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = log.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let seen = seen.clone();
                let required = required_authorization.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(client.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let mut authorization = None;
                    loop {
                        let mut header = String::new();
                        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = header.split_once(':')
                            && name.eq_ignore_ascii_case("proxy-authorization")
                        {
                            authorization = Some(value.trim().to_string());
                        }
                    }
                    seen.lock().unwrap().push(line.trim().to_string());
                    let mut client = client;
                    let Some(target) = line
                        .strip_prefix("CONNECT ")
                        .and_then(|l| l.split_whitespace().next())
                    else {
                        let _ = client.write_all(
                            b"HTTP/1.1 501 Not Implemented\r\ncontent-length: 0\r\n\r\n",
                        );
                        return;
                    };
                    if required.is_some() && authorization != required {
                        let _ = client.write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm=\"test\"\r\ncontent-length: 0\r\n\r\n");
                        return;
                    }
                    let Ok(upstream) = TcpStream::connect(target) else {
                        let _ = client
                            .write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
                        return;
                    };
                    let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                    let (mut up_read, mut up_write) = (upstream.try_clone().unwrap(), upstream);
                    let mut client_write = client.try_clone().unwrap();
                    let buffered = reader.buffer().to_vec();
                    let _ = up_write.write_all(&buffered);
                    let mut client_read = reader.into_inner();
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut up_read, &mut client_write);
                        let _ = client_write.shutdown(std::net::Shutdown::Write);
                    });
                    let _ = std::io::copy(&mut client_read, &mut up_write);
                    let _ = up_write.shutdown(std::net::Shutdown::Write);
                });
            }
        });
        ConnectProxy { port, log }
    }

    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}
