//! Test helpers: a temporary store per test, the real binary, and a test PKI minted with rcgen.

#![allow(dead_code)]

pub mod bao;

/// Tests that load the machine (an OpenBao server, floods against `serve`) take turns: on two
/// cores, one would starve the other's timed expectations.
pub static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Wait for this test's turn among the heavy ones.
pub fn heavy_turn() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}
pub mod peers;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use serde_json::Value;
use tempfile::TempDir;

/// One test's world: a temp directory with the state file in it.
pub struct World {
    pub dir: TempDir,
    pub state: PathBuf,
}

impl World {
    pub fn new() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = dir.path().join("store").join("state.json");
        World { dir, state }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mtlsctl").expect("binary");
        cmd.env("MTLSCTL_STATE", &self.state)
            .env_remove("MTLSCTL_NOW")
            .env_remove("MTLSCTL_LOCK_TIMEOUT")
            .env_remove("https_proxy")
            .env_remove("HTTPS_PROXY")
            .env_remove("http_proxy")
            .env_remove("all_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("no_proxy")
            .env_remove("NO_PROXY")
            .env_remove("MTLSCTL_CLIENT_SECRET")
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run mtlsctl")
    }

    /// Run, require success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "mtlsctl {args:?} failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run, require this exit code, return stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "mtlsctl {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        stderr
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).expect("valid JSON on stdout")
    }

    /// Run with the clock at `now` (MTLSCTL_NOW), require success, return stdout.
    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self
            .cmd()
            .env("MTLSCTL_NOW", now)
            .args(args)
            .output()
            .expect("run mtlsctl");
        assert!(
            out.status.success(),
            "mtlsctl {args:?} at {now} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// A client certificate and key (files) from a CA nobody trusts, valid around now.
    pub fn stranger_identity(&self) -> (PathBuf, PathBuf) {
        let ca = TestCa::new("Stranger CA");
        let key = KeyPair::generate().expect("key");
        let cert = self.write("stranger.pem", ca.client("stranger", &key, -1, 30));
        (cert, self.write("stranger.key", key.serialize_pem()))
    }

    /// `--json` output of a command that may exit non-zero (expiry), with its exit code.
    pub fn json_with_code(&self, args: &[&str]) -> (Value, i32) {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        let value = serde_json::from_slice(&out.stdout).expect("valid JSON on stdout");
        (value, out.status.code().expect("exit code"))
    }

    pub fn state_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.state).expect("state file")
    }

    /// A property with managed production and staging environments.
    pub fn shop(&self) {
        self.ok(&["property", "create", "shop"]);
        self.ok(&["env", "create", "shop/production"]);
        self.ok(&["env", "create", "shop/staging"]);
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, content).expect("write test file");
        path
    }
}

/// A CA minted for a test, able to sign client certificates.
pub struct TestCa {
    pub cert_pem: String,
    params: CertificateParams,
    key: KeyPair,
}

impl TestCa {
    pub fn new(name: &str) -> TestCa {
        let key = KeyPair::generate().expect("ca key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let cert = params.self_signed(&key).expect("self-signed ca");
        TestCa {
            cert_pem: cert.pem(),
            params,
            key,
        }
    }

    /// A CA whose certificate expired yesterday.
    pub fn expired(name: &str) -> TestCa {
        let key = KeyPair::generate().expect("ca key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let now = time::OffsetDateTime::now_utc();
        params.not_before = now - time::Duration::days(400);
        params.not_after = now - time::Duration::days(1);
        let cert = params.self_signed(&key).expect("self-signed ca");
        TestCa {
            cert_pem: cert.pem(),
            params,
            key,
        }
    }

    /// A server certificate for these names (DNS names or IP addresses), issued by this CA;
    /// `expired` ended three days ago. Returns the certificate (PEM) and its key.
    pub fn server(&self, names: &[&str], expired: bool) -> (String, KeyPair) {
        let key = KeyPair::generate().expect("server key");
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = CertificateParams::new(names.clone()).expect("params");
        params.distinguished_name.push(
            DnType::CommonName,
            names.first().cloned().unwrap_or_default(),
        );
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        if expired {
            let now = time::OffsetDateTime::now_utc();
            params.not_before = now - time::Duration::days(30);
            params.not_after = now - time::Duration::days(3);
        }
        let issuer = Issuer::from_params(&self.params, &self.key);
        let cert = params.signed_by(&key, &issuer).expect("signed server");
        (cert.pem(), key)
    }

    /// A client certificate valid between the two offsets from now, in days.
    pub fn client(&self, cn: &str, key: &KeyPair, from_days: i64, to_days: i64) -> String {
        self.client_with(cn, key, from_days, to_days, |_| {})
    }

    /// A client certificate as `client` makes it, changed by `customize` before signing.
    pub fn client_with(
        &self,
        cn: &str,
        key: &KeyPair,
        from_days: i64,
        to_days: i64,
        customize: impl FnOnce(&mut CertificateParams),
    ) -> String {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name.push(DnType::CommonName, cn);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let now = time::OffsetDateTime::now_utc();
        params.not_before = now + time::Duration::days(from_days);
        params.not_after = now + time::Duration::days(to_days);
        customize(&mut params);
        let issuer = Issuer::from_params(&self.params, &self.key);
        params.signed_by(key, &issuer).expect("signed client").pem()
    }
}

pub fn has_openssl() -> bool {
    std::process::Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run openssl with arguments; return (success, stdout + stderr).
pub fn openssl(args: &[&str], cwd: &Path) -> (bool, String) {
    let out = std::process::Command::new("openssl")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("openssl runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
