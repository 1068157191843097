//! The trusted CA library.

use crate::support::{TestCa, World};

#[test]
fn only_ca_certificates_are_added_and_each_refusal_says_why() {
    let w = World::new();
    let ca = TestCa::new("Partner Root");
    let ca_file = w.write("partner.pem", &ca.cert_pem);
    w.ok(&["ca", "add", "partner", ca_file.to_str().unwrap()]);
    let list = w.json(&["ca", "list"]);
    assert_eq!(list[0]["name"], "partner");
    assert_eq!(list[0]["subject"], "CN=Partner Root");
    let show = w.json(&["ca", "show", "partner"]);
    assert!(show["pem"].as_str().unwrap().contains("BEGIN CERTIFICATE"));

    // The issuer, piped in, is a CA too.
    let issuer = w.ok(&["issuer", "export"]);
    let out = w
        .cmd()
        .args(["ca", "add", "local", "-"])
        .write_stdin(issuer)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let before = w.state_bytes();
    let key = rcgen::KeyPair::generate().unwrap();
    let leaf = w.write("leaf.pem", ca.client("not-a-ca", &key, -1, 10));
    let with_key = w.write(
        "with-key.pem",
        format!("{}{}", ca.cert_pem, key.serialize_pem()),
    );
    let garbage = w.write("garbage.pem", "hello");
    let expired_ca = w.write("expired-ca.pem", TestCa::expired("Old Root").cert_pem);
    for (args, message) in [
        (
            vec!["ca", "add", "leaf", leaf.to_str().unwrap()],
            "is not a CA",
        ),
        (
            vec!["ca", "add", "keyed", with_key.to_str().unwrap()],
            "holds a private key",
        ),
        (
            vec!["ca", "add", "junk", garbage.to_str().unwrap()],
            "neither a PEM nor a DER",
        ),
        (
            vec!["ca", "add", "old", expired_ca.to_str().unwrap()],
            "expired on",
        ),
        (
            vec!["ca", "add", "partner", ca_file.to_str().unwrap()],
            "already exists",
        ),
        (
            vec!["ca", "add", "bad name", ca_file.to_str().unwrap()],
            "not a valid CA name",
        ),
        (vec!["ca", "show", "nope"], "there is no trusted CA 'nope'"),
    ] {
        let err = w.fails(&args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(w.state_bytes(), before);
    }
    w.ok(&["ca", "add", "old", expired_ca.to_str().unwrap(), "--force"]);
    // An expired trusted CA makes expiry critical.
    assert_eq!(w.run(&["expiry"]).status.code(), Some(2));
    w.ok(&["ca", "remove", "old"]);
    assert_eq!(w.json(&["ca", "list"]).as_array().unwrap().len(), 2);
}
