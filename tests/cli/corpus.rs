//! Every X.509 certificate and PKCS#12 file of the `cryptography-vectors` package (installed by
//! `.ci/run`), read by `mtlsctl inspect` and by OpenSSL: where OpenSSL reads a file, mtlsctl
//! must read it too and agree on subject, serial, not-after and SHA-256.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{World, has_openssl};

/// Files OpenSSL reads that mtlsctl refuses or reads differently, and why that is right.
const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "x509/badasn1time.pem",
        "its notAfter is not a valid ASN.1 time; OpenSSL prints 'Bad time value', mtlsctl refuses the certificate",
    ),
    (
        "pkcs12/no-password.p12",
        "its contents are encrypted under an absent password, which p12-keystore cannot derive a key from; mtlsctl says to re-export it with a password",
    ),
    (
        "x509/scottishpower-bitstring-dn.pem",
        "a BIT STRING attribute value: OpenSSL prints its raw bytes, mtlsctl prints #hex (RFC 4514)",
    ),
    (
        "x509/unique_identifier.pem",
        "a BIT STRING attribute value: OpenSSL prints its raw bytes, mtlsctl prints #hex (RFC 4514)",
    ),
];

/// The PKCS#12 passwords the vectors use (and none).
const PASSWORDS: [&str; 3] = ["cryptography", "password", ""];

fn vectors() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import cryptography_vectors, os; print(os.path.dirname(cryptography_vectors.__file__))",
        ])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

fn files_under(dir: &Path, extensions: &[&str], found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, extensions, found);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            found.push(path);
        }
    }
}

/// What a reader says of a file's first certificate.
#[derive(Debug, PartialEq)]
struct Seen {
    subject: String,
    serial: String,
    not_after: String,
    sha256: String,
}

/// OpenSSL's reading of one certificate (PEM text or DER bytes on stdin).
fn openssl_reads(input: &[u8], der: bool) -> Option<Seen> {
    use std::io::Write;
    let mut child = Command::new("openssl")
        .args(["x509", "-noout", "-inform", if der { "DER" } else { "PEM" }])
        .args(["-subject", "-serial", "-enddate", "-fingerprint", "-sha256"])
        .args([
            "-nameopt",
            "esc_2253,esc_ctrl,utf8,sep_comma_plus_space,sname",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input).ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::to_string)
    };
    let not_after = chrono::NaiveDateTime::parse_from_str(
        &field("notAfter=")?.replace("  ", " "),
        "%b %d %H:%M:%S %Y GMT",
    )
    .ok()?;
    Some(Seen {
        subject: field("subject=")?,
        serial: normal_serial(&field("serial=")?),
        not_after: not_after.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        sha256: field("sha256 Fingerprint=")?
            .replace(':', "")
            .to_ascii_lowercase(),
    })
}

fn normal_serial(hex: &str) -> String {
    let (sign, digits) = match hex.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", hex),
    };
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
    format!("{sign}{}", trimmed.to_ascii_uppercase())
}

/// The first certificate OpenSSL finds in a PKCS#12 file, with the password that opens it.
fn openssl_reads_p12(path: &Path) -> Option<(Seen, &'static str)> {
    PASSWORDS.iter().find_map(|password| {
        let out = Command::new("openssl")
            .args(["pkcs12", "-nokeys", "-legacy", "-passin"])
            .arg(format!("pass:{password}"))
            .arg("-in")
            .arg(path)
            .output()
            .ok()?;
        if !out.status.success() || !out.stdout.windows(11).any(|w| w == b"-----BEGIN ") {
            return None;
        }
        openssl_reads(&out.stdout, false).map(|seen| (seen, *password))
    })
}

fn mtlsctl_reads(w: &World, path: &Path, password_file: Option<&Path>) -> Result<Seen, String> {
    let mut cmd = w.cmd();
    cmd.args(["--json", "inspect"]).arg(path);
    if let Some(file) = password_file {
        cmd.arg("--password-file").arg(file);
    }
    let out = cmd.output().unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    let first = &report[0];
    let text = |key: &str| first[key].as_str().unwrap_or_default().to_string();
    Ok(Seen {
        subject: text("subject"),
        serial: normal_serial(&text("serial")),
        not_after: text("not_after"),
        sha256: text("sha256"),
    })
}

#[test]
fn every_certificate_and_pkcs12_file_openssl_reads_mtlsctl_reads_alike() {
    let Some(root) = vectors() else {
        eprintln!(
            "skipped: the cryptography-vectors package is not installed (.ci/run installs it)"
        );
        return;
    };
    if !has_openssl() {
        eprintln!("skipped: openssl is not installed");
        return;
    }
    let w = World::new();
    let mut files = Vec::new();
    files_under(
        &root.join("x509"),
        &["pem", "der", "crt", "p12", "pfx"],
        &mut files,
    );
    files_under(&root.join("pkcs12"), &["p12", "pfx"], &mut files);
    files.sort();
    assert!(
        files.len() > 1000,
        "only {} files under {}",
        files.len(),
        root.display()
    );
    let password_files: Vec<(&str, PathBuf)> = PASSWORDS
        .iter()
        .map(|p| (*p, w.write(&format!("password-{p}.txt"), format!("{p}\n"))))
        .collect();

    // Two workers, as the machine has two cores.
    let (half_a, half_b) = files.split_at(files.len() / 2);
    let check = |part: &[PathBuf]| -> (usize, Vec<String>) {
        let mut checked = 0;
        let mut failures = Vec::new();
        for path in part {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            let is_p12 = path.extension().is_some_and(|e| e == "p12" || e == "pfx");
            let (expected, password) = if is_p12 {
                match openssl_reads_p12(path) {
                    Some((seen, password)) => (seen, Some(password)),
                    None => continue,
                }
            } else {
                let bytes = std::fs::read(path).unwrap();
                match openssl_reads(&bytes, false).or_else(|| openssl_reads(&bytes, true)) {
                    Some(seen) => (seen, None),
                    None => continue,
                }
            };
            checked += 1;
            let password_file = password.map(|p| {
                password_files
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, f)| f.as_path())
                    .unwrap()
            });
            let verdict = match mtlsctl_reads(&w, path, password_file) {
                Ok(seen) if seen == expected => continue,
                Ok(seen) => {
                    format!("read differently:\n    openssl: {expected:?}\n    mtlsctl: {seen:?}")
                }
                Err(error) => format!("refused: {error}"),
            };
            if !EXCEPTIONS.iter().any(|(file, _)| *file == name) {
                failures.push(format!("{name}: {verdict}"));
            }
        }
        (checked, failures)
    };
    let ((checked_a, failures_a), (checked_b, failures_b)) = std::thread::scope(|scope| {
        let a = scope.spawn(|| check(half_a));
        let b = check(half_b);
        (a.join().unwrap(), b)
    });
    let checked = checked_a + checked_b;
    let failures: Vec<String> = failures_a.into_iter().chain(failures_b).collect();
    assert!(
        checked > 900,
        "only {checked} files were readable by OpenSSL"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} files OpenSSL reads are refused or misread:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_client_certificate_with_unique_ids_is_sent() {
    let (Some(root), true) = (vectors(), has_openssl()) else {
        eprintln!(
            "skipped: cryptography-vectors or openssl is not installed (.ci/run installs them)"
        );
        return;
    };
    let pkits = root.join("x509/PKITS_data");
    let w = World::new();
    // The server trusts PKITS's anchor and UID CA; the client is ValidNameUIDsTest6EE (v2
    // unique IDs, which webpki cannot parse), from its PKCS#12.
    let mut cas = String::new();
    for name in ["TrustAnchorRootCertificate.crt", "UIDCACert.crt"] {
        let out = Command::new("openssl")
            .args(["x509", "-inform", "DER", "-in"])
            .arg(pkits.join("certs").join(name))
            .output()
            .unwrap();
        cas.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    let cas = w.write("pkits-cas.pem", cas);
    let pki = crate::support::peers::ServerPki::write(w.dir.path());
    let server = crate::support::peers::openssl_s_server_with(&pki, &cas, &["-Verify", "3"]);
    let password = w.write("pkits-password", "password\n");
    let body = w.ok(&[
        "request",
        &format!("https://localhost:{}/", server.port),
        "--cacert",
        pki.ca.to_str().unwrap(),
        "--p12",
        pkits
            .join("pkcs12/ValidNameUIDsTest6EE.p12")
            .to_str()
            .unwrap(),
        "--password-file",
        password.to_str().unwrap(),
    ]);
    assert!(body.contains("s_server"), "{body}");
}
