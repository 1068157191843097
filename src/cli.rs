//! The command line: clap derive only. Value types validate next to their flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::duration::{HumanDuration, Threshold, Validity};
use crate::model::{
    CaName, CertRef, CertStatus, EnvRef, Host, HostName, KeyType, LogFormat, PropertyName,
    RevokeReason, Scope, VerifyMode,
};

const STATE_HELP: &str = "Path of the state file \
[default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]";

#[derive(Debug, Parser)]
#[command(
    name = "mtlsctl",
    version,
    about = "Manage and use mutual-TLS client certificates",
    long_about = "Manage and use mutual-TLS client certificates: environments per property and \
stage, issuing, rotation, renewal, revocation and deployment, expiry reminders, requests, a local \
mTLS gateway, and vendors' datacenter certificates.\n\n\
The state lives in one local JSON file (see --state), or in OpenBao/Vault for a team \
(--state vault+https://HOST/MOUNT/PREFIX)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The command line: the derived parser, with the help text that is rendered from tables (the
/// exit codes of `error::EXIT_CODES`). Parse, complete and document with this.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let codes: Vec<String> = crate::error::EXIT_CODES
        .iter()
        .map(|(code, meaning)| format!("  {code}  {meaning}"))
        .collect();
    Cli::command().after_help(format!(
        "Exit codes:\n{}\n\nEnvironment: MTLSCTL_STATE (state file), MTLSCTL_NOW (RFC 3339 time \
that replaces the clock, for tests and what-if questions), MTLSCTL_LOCK_TIMEOUT (how long to wait \
for the state lock, default 30s), MTLSCTL_HOOK_TIMEOUT (how long a deploy hook may run, default \
5m), MTLSCTL_CLIENT_SECRET (the vendor API's client secret for 'datacenter sync'), NO_COLOR.",
        codes.join("\n")
    ))
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    #[arg(long, global = true, value_name = "PATH", env = "MTLSCTL_STATE", help = STATE_HELP)]
    pub state: Option<PathBuf>,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Print nothing but errors and requested data
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say more about what is being done (on stderr)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// When to colour output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Show every table column in full, whatever the terminal's width (as kubectl's -o wide;
    /// tables sent to a pipe or file are always in full)
    #[arg(long, global = true)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, show and delete properties (named groups of environments)
    #[command(subcommand)]
    Property(PropertyCommand),

    /// Create, list, show, change and delete environments (PROPERTY/STAGE)
    #[command(subcommand, name = "env")]
    Env(EnvCommand),

    /// List, show, rotate, select, deploy, export and import client certificates
    #[command(subcommand)]
    Cert(CertCommand),

    /// Show the certificates in a PEM, DER or PKCS#12 file, or a server's chain (--connect)
    #[command(after_help = "Examples:\n  mtlsctl inspect client.pem\n  \
mtlsctl inspect bundle.p12 --password-file pw.txt\n  cat chain.pem | mtlsctl inspect -\n  \
mtlsctl inspect --connect api.example.com:443")]
    Inspect(InspectArgs),

    /// The store's local issuing CA: show, export, CRLs, import, rotate
    #[command(subcommand)]
    Issuer(IssuerCommand),

    /// Make an HTTP request with a client certificate, as curl --cert --key does
    #[command(
        long_about = "Make an HTTP request with a client certificate, as 'curl --cert --key' does, \
with the certificates the store holds.\n\n\
The body goes to stdout (or -o FILE). -v gives an account of the connection on stderr: address, TLS \
version, cipher, ALPN, the server's chain, whether the server asked for a client certificate (and \
which CAs it accepts) and which certificate was sent. --json prints status, headers, timings and \
TLS facts as one object.\n\n\
Exit codes follow curl: 6 could not resolve, 7 could not connect, 22 HTTP status >= 400 with --fail, \
28 timeout, 35 TLS handshake failed, 56 the connection broke, 58 the server requires or rejected the \
client certificate, 60 the server's certificate is not trusted (unknown CA, expired, wrong host), \
90 public key pin mismatch; 2 for bad input (files, flags, a key that does not match).",
        after_help = "Examples:\n  mtlsctl request https://api.example.com/v1/ping --env shop/prod --cacert ca.pem\n  \
mtlsctl request https://api.example.com/orders -X POST -H 'Content-Type: application/json' -d @order.json --env shop/prod\n  \
mtlsctl request https://localhost:8443/ --cert client.pem --key client.key --ca partners -v\n  \
mtlsctl request https://api.example.com/ --env shop/prod --json | jq .timings"
    )]
    Request(Box<RequestArgs>),

    /// Vendors' datacenter public certificates: list, download, sync from the vendor's API, forget
    #[command(subcommand)]
    Datacenter(DatacenterCommand),

    /// Configure mTLS domains for 'serve': trusted CA and verification mode
    #[command(subcommand)]
    Domain(DomainCommand),

    /// Configure a domain's ordered rules: criteria and behaviours (deny, add a header)
    #[command(subcommand)]
    Rule(RuleCommand),

    /// Run a local mTLS gateway for a domain: verification, rules, nginx-style variables
    #[command(
        long_about = "Run a local mTLS gateway for a configured domain (TLS 1.2+, HTTP/1.1 and \
HTTP/2). In enforce mode the handshake fails without a client certificate that chains to the \
domain's trusted CA; in permissive mode it is accepted and the rules see the result \
(client_certificate_validation, ssl_client_verify). Proof of key possession is always checked. \
A request for another host (Host, :authority or SNI) gets 421; the path is normalised once, and \
the rules see the path the upstream receives (an ambiguous one gets 400). With --upstream the \
request is proxied, bodies streamed, with the headers the rules add and X-Forwarded-* replacing \
any the client sent; without, the answer is a JSON echo of the request and every variable. Every \
wait has a timeout and every resource a limit (the options below, nginx's defaults). One access \
log line per request and per refused handshake goes to stdout; a closed or slow log never stops \
serving. SIGINT or SIGTERM stops it gracefully.",
        after_help = "Examples:\n  mtlsctl serve --listen 127.0.0.1:8443 --domain api.example.com\n  \
mtlsctl serve --listen 0.0.0.0:443 --domain api.example.com --cert server.pem --key server.key \\\n      \
--upstream http://127.0.0.1:8080 --log-format json\n  \
curl --cert client.pem --key client.key --cacert ca.pem \\\n      \
--resolve api.example.com:8443:127.0.0.1 https://api.example.com:8443/"
    )]
    Serve(ServeArgs),

    /// Keep a library of trusted CA certificates (for servers' client auth and for --ca)
    #[command(subcommand)]
    Ca(CaCommand),

    /// Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
    #[command(
        long_about = "Check everything in use for expiry: each environment's current \
certificate (and its deployed one when that differs), the issuer, the trusted CAs and the \
downloaded datacenter certificates. Obsolete certificates are \
ignored. A current certificate that is not deployed is a WARNING where deploys are tracked (a \
deploy target, or a deployment recorded before). A missing state file is UNKNOWN unless \
--allow-empty.\n\n\
Exit codes follow the monitoring-plugin convention: 0 OK, 1 WARNING (something expires within \
--warning, or is not deployed), 2 CRITICAL (within --critical, or expired), 3 UNKNOWN (any error). \
A one-line summary goes to stderr for cron mail.",
        after_help = "Examples:\n  mtlsctl expiry\n  mtlsctl expiry --warning 60d --critical 14d\n  mtlsctl expiry -w 66% -c 90%   # by the share of each lifetime spent\n  \
mtlsctl expiry --format prometheus --output /var/lib/node_exporter/textfile/mtlsctl.prom\n  \
MTLSCTL_NOW=2027-01-01T00:00:00Z mtlsctl expiry   # what will have expired by then?"
    )]
    Expiry(ExpiryArgs),

    /// Move the state between the file and a secret store
    #[command(subcommand)]
    State(StateCommand),

    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  mtlsctl completions bash > ~/.local/share/bash-completion/completions/mtlsctl\n  \
mtlsctl completions zsh > \"${fpath[1]}/_mtlsctl\"\n  mtlsctl completions fish > ~/.config/fish/completions/mtlsctl.fish"
    )]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page, or write one page per subcommand to a directory
    #[command(
        after_help = "Examples:\n  mtlsctl man | man -l -\n  mtlsctl man --out-dir /usr/local/share/man/man1"
    )]
    Man {
        /// Write mtlsctl.1 and mtlsctl-<subcommand>.1 pages here
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ExpiryArgs {
    /// WARNING when something in use expires within this long (30d; a bare number is days, as
    /// check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step's
    /// needs-renewal)
    #[arg(
        short = 'w',
        long,
        default_value = "30d",
        value_name = "DURATION|P%",
        allow_hyphen_values = true
    )]
    pub warning: Threshold,
    /// CRITICAL when something in use expires within this long (7d, 7), or once this share of
    /// its lifetime is spent (90%)
    #[arg(
        short = 'c',
        long,
        default_value = "7d",
        value_name = "DURATION|P%",
        allow_hyphen_values = true
    )]
    pub critical: Threshold,
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value_t = ExpiryFormat::Table)]
    pub format: ExpiryFormat,
    /// A missing state file is OK (nothing in use yet) instead of UNKNOWN
    #[arg(long)]
    pub allow_empty: bool,
    /// Watch the certificates in this file too (PEM or DER); repeatable
    #[arg(long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Watch the certificate this TLS server presents too (port 443 when none is given);
    /// repeatable. A server that cannot be reached makes the check UNKNOWN
    #[arg(long = "host", value_name = "HOST:PORT")]
    pub hosts: Vec<String>,
    /// Write the report to FILE atomically instead of stdout (textfile collectors); on an
    /// error a Prometheus file says so, other formats leave the previous file as it was
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExpiryFormat {
    Table,
    Json,
    Prometheus,
    /// One status line with performance data, as monitoring plugins print it
    Nagios,
}

#[derive(Debug, Subcommand)]
pub enum PropertyCommand {
    /// Create a property
    #[command(after_help = "Example:\n  mtlsctl property create shop")]
    Create {
        /// Property name: lowercase letters, digits and '-' (e.g. shop)
        name: PropertyName,
    },
    /// List properties with their environments
    List,
    /// Show one property and its environments
    Show {
        /// Property name
        name: PropertyName,
    },
    /// Delete a property (refused while it has environments, unless --force)
    Delete {
        /// Property name
        name: PropertyName,
        /// Also delete its environments and their certificates and keys
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EnvCommand {
    /// Create an environment; a managed one gets its first certificate at once
    #[command(
        after_help = "Examples:\n  mtlsctl env create shop/production --deploy-dir /etc/shop/mtls\n  \
mtlsctl env create shop/dev --key-type ed25519 --validity 90d\n  \
mtlsctl env create shop/staging --host self --cert client.pem --key client.key"
    )]
    Create(EnvCreateArgs),
    /// List environments, optionally of one property
    List {
        /// Only this property's environments
        property: Option<PropertyName>,
    },
    /// Show one environment
    Show {
        /// The environment: PROPERTY/STAGE
        env: EnvRef,
    },
    /// Change an environment's name or deploy settings (an empty value clears a setting)
    #[command(
        after_help = "Example:\n  mtlsctl env set shop/prod --deploy-hook 'systemctl reload shop'"
    )]
    Set(EnvSetArgs),
    /// Delete an environment with all its certificates and keys
    Delete {
        /// The environment: PROPERTY/STAGE
        env: EnvRef,
    },
}

#[derive(Debug, Args)]
pub struct EnvCreateArgs {
    /// The environment: PROPERTY/STAGE (stages: development|dev, staging|stage|stg, production|prod)
    pub env: EnvRef,
    /// Display name [default: "<property> <stage>"]
    #[arg(long)]
    pub name: Option<String>,
    /// Who issues the certificates: mtlsctl's issuer (managed) or you (self)
    #[arg(long, value_enum, default_value_t = Host::Managed)]
    pub host: Host,
    /// Key type of issued certificates
    #[arg(long, value_enum, default_value_t = KeyType::EcP256)]
    pub key_type: KeyType,
    /// Validity of issued certificates (90d, 12w, 1y, 397d)
    #[arg(long, default_value = "365d", allow_hyphen_values = true)]
    pub validity: Validity,
    /// Extra subject alternative name (DNS name, IP address, URI or email); repeatable
    #[arg(long = "san", value_name = "SAN")]
    pub sans: Vec<String>,
    /// Directory that 'cert deploy' writes cert.pem, chain.pem and key.pem to
    #[arg(long, value_name = "DIR")]
    pub deploy_dir: Option<PathBuf>,
    /// Shell command that 'cert deploy' runs after writing the files
    #[arg(long, value_name = "CMD")]
    pub deploy_hook: Option<String>,
    #[command(flatten)]
    pub import: ImportFiles,
}

/// A certificate obtained elsewhere, with its key.
#[derive(Debug, Args)]
pub struct ImportFiles {
    /// Certificate file (PEM, or DER); further certificates in it are taken as its chain;
    /// without --key, the key is read from this file too
    #[arg(long, value_name = "FILE", conflicts_with = "p12")]
    pub cert: Option<PathBuf>,
    /// Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)
    #[arg(long, value_name = "FILE", requires = "cert")]
    pub key: Option<PathBuf>,
    /// Intermediate certificates (PEM), issuer first
    #[arg(long, value_name = "FILE", requires = "cert")]
    pub chain: Option<PathBuf>,
    /// Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser
    /// export write them)
    #[arg(long, value_name = "FILE")]
    pub p12: Option<PathBuf>,
    #[command(flatten)]
    pub password: PasswordFileArg,
}

/// `--password-file` of the commands that read a PKCS#12 file or an encrypted key.
#[derive(Debug, Args)]
pub struct PasswordFileArg {
    /// File whose first line is the password of a PKCS#12 file or an encrypted key [default:
    /// empty password]
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

/// `--cacert` of the commands that check a server's certificate for a transfer.
#[derive(Debug, Args)]
pub struct ServerCaArg {
    /// Trust the CA certificates in FILE (PEM) for the server [default: system roots]
    #[arg(long, value_name = "FILE")]
    pub cacert: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EnvSetArgs {
    /// The environment: PROPERTY/STAGE
    pub env: EnvRef,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New deploy directory ('' clears it)
    #[arg(long, value_name = "DIR")]
    pub deploy_dir: Option<PathBuf>,
    /// New deploy hook ('' clears it)
    #[arg(long, value_name = "CMD")]
    pub deploy_hook: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CertCommand {
    /// List certificates with expiry, status and deployment status
    #[command(
        after_help = "Examples:\n  mtlsctl cert list\n  mtlsctl cert list shop/prod --status obsolete\n  \
mtlsctl cert list --json | jq '.[] | select(.days_left < 30)'"
    )]
    List {
        /// Only this property (shop) or environment (shop/prod)
        #[arg(value_name = "PROPERTY[/STAGE]")]
        filter: Option<Scope>,
        /// Only certificates with this status
        #[arg(long, value_enum)]
        status: Option<CertStatus>,
    },
    /// Show one certificate (CERT: id prefix, variable name, or ENV for its current one)
    Show {
        /// Id prefix, variable name (shop_production_v2) or environment (shop/prod)
        cert: CertRef,
    },
    /// Issue a new certificate for a managed environment and make it current
    #[command(
        after_help = "The previous certificate becomes obsolete; the environment needs deployment.\n\n\
Example:\n  mtlsctl cert rotate shop/prod && mtlsctl cert deploy shop/prod"
    )]
    Rotate {
        /// The environment: PROPERTY/STAGE
        env: EnvRef,
        /// Key type [default: the environment's]
        #[arg(long, value_enum)]
        key_type: Option<KeyType>,
        /// Validity [default: the environment's]
        #[arg(long, allow_hyphen_values = true)]
        validity: Option<Validity>,
    },
    /// Make an obsolete certificate current again (expired ones are refused)
    #[command(after_help = "Example:\n  mtlsctl cert select shop/prod shop_production_v2")]
    Select {
        /// The environment: PROPERTY/STAGE
        env: EnvRef,
        /// The certificate: id prefix or variable name
        cert: CertRef,
    },
    /// Deploy the current certificate: write the deploy directory and run the hook
    #[command(
        after_help = "Files written (atomically): cert.pem (leaf), chain.pem (leaf + issuer), \
key.pem (mode 0600), each as a new regular file: a link, FIFO or directory under one of those \
names is refused, and so is a directory other users can write to (unless --allow-shared-dir).\n\
The hook runs with MTLSCTL_ENV, MTLSCTL_CERT_ID, MTLSCTL_CERT_FILE, MTLSCTL_KEY_FILE, \
MTLSCTL_CHAIN_FILE and MTLSCTL_VARIABLE set, stdin closed; a non-zero exit fails the deploy, and \
a hook still running after --hook-timeout is killed with its process group (a process that \
leaves the group, e.g. with setsid, is not).\n\n\
When the current certificate is already the deployed one, nothing is written and no hook runs \
(--force to deploy it again).\n\n\
Examples:\n  mtlsctl cert deploy shop/prod\n  mtlsctl cert deploy shop/prod --manual   # record a deployment done by hand"
    )]
    Deploy {
        /// The environment: PROPERTY/STAGE
        env: EnvRef,
        /// Record that the current certificate was deployed by hand
        #[arg(long, conflicts_with = "force")]
        manual: bool,
        /// Deploy even when the current certificate is already the deployed one
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        target: DeployTargetArgs,
    },
    /// Rotate every managed environment (or the ones named) whose certificate is due
    #[command(
        after_help = "Idempotent: what is not due is left alone, so cron can run it hourly. \
Self-hosted environments are reported as needing a certificate from their own CA, never rotated. \
Exit 0 when nothing failed, 1 when an environment could not be renewed or deployed (the others \
still are).\n\n\
Examples:\n  mtlsctl cert renew --deploy                     # all that expire within 30 days\n  \
mtlsctl cert renew shop/prod --within 66%       # two thirds of its lifetime spent\n  \
mtlsctl cert renew --within 14d --dry-run --json"
    )]
    Renew(CertRenewArgs),
    /// Revoke a certificate: it can never be selected again and the issuer's CRL lists it
    #[command(
        after_help = "Revoking an environment's current certificate is refused unless --rotate, \
which issues a new one first. Servers learn of the revocation from the CRL: \
'mtlsctl issuer crl --out FILE' (nginx: ssl_crl FILE).\n\n\
Examples:\n  mtlsctl cert revoke shop_production_v2 --reason key-compromise\n  \
mtlsctl cert revoke shop/prod --rotate --reason key-compromise && mtlsctl cert deploy shop/prod"
    )]
    Revoke(CertRevokeArgs),
    /// Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR
    #[command(
        after_help = "The certificate gets the environment's subject and SANs and clientAuth, \
whatever the CSR asks for; only its public key is used, once its signature proves the key is \
held. It becomes the environment's current certificate; its key is not in the store, so \
deploys write cert.pem and chain.pem only.\n\n\
Example:\n  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout device.key -subj /CN=device -out device.csr\n  \
mtlsctl cert sign shop/prod --csr device.csr"
    )]
    Sign(CertSignArgs),
    /// Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle
    #[command(
        after_help = "Without --out, PEM goes to stdout. Files written with --out DIR: \
<variable>.pem, <variable>.chain.pem, <variable>.key.pem (0600) or <variable>.p12 (0600).\n\n\
Examples:\n  mtlsctl cert export shop/prod > chain.pem\n  \
mtlsctl cert export shop_production_v3 --out ./out --include-key\n  \
mtlsctl cert export shop/prod --format p12 --password-file pw.txt --out ./out"
    )]
    Export(CertExportArgs),
    /// Import a certificate obtained elsewhere into a self-hosted environment and make it current
    Import {
        /// The self-hosted environment: PROPERTY/STAGE
        env: EnvRef,
        #[command(flatten)]
        files: ImportFiles,
    },
}

#[derive(Debug, Args)]
pub struct CertRenewArgs {
    /// Only these environments (PROPERTY/STAGE) [default: every environment]
    pub envs: Vec<EnvRef>,
    /// Renew what expires within this time (30d, 12h) or has spent this share of its
    /// lifetime (66%)
    #[arg(long, value_name = "D|P%", default_value = "30d")]
    pub within: Threshold,
    /// Deploy each renewed environment
    #[arg(long)]
    pub deploy: bool,
    /// Say what would be renewed; change nothing
    #[arg(long, conflicts_with = "deploy")]
    pub dry_run: bool,
    #[command(flatten)]
    pub target: DeployTargetArgs,
}

#[derive(Debug, Args)]
pub struct CertRevokeArgs {
    /// Id prefix, variable name, or environment (its current certificate, with --rotate)
    pub cert: CertRef,
    /// Why, as the CRL says it
    #[arg(long, value_enum, default_value_t = RevokeReason::Unspecified)]
    pub reason: RevokeReason,
    /// When it is the current certificate, rotate first (managed environments)
    #[arg(long)]
    pub rotate: bool,
}

#[derive(Debug, Args)]
pub struct CertSignArgs {
    /// The managed environment: PROPERTY/STAGE
    pub env: EnvRef,
    /// The certificate signing request (PEM or DER)
    #[arg(long, value_name = "FILE")]
    pub csr: PathBuf,
    /// Validity [default: the environment's]
    #[arg(long, allow_hyphen_values = true)]
    pub validity: Option<Validity>,
}

/// Where a deploy may write and how long its hook may run (`cert deploy`, `cert renew`).
#[derive(Debug, Args)]
pub struct DeployTargetArgs {
    /// Write into a deploy directory that other users can write to (refused by default:
    /// they could swap the files)
    #[arg(long)]
    pub allow_shared_dir: bool,
    /// How long the hook may run before it (and its process group) is killed
    #[arg(
        long,
        value_name = "DURATION",
        env = "MTLSCTL_HOOK_TIMEOUT",
        default_value = "5m"
    )]
    pub hook_timeout: HumanDuration,
}

#[derive(Debug, Args)]
pub struct CertExportArgs {
    /// Id prefix, variable name or environment (its current certificate)
    pub cert: CertRef,
    /// Directory to write files to [default: stdout]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Pem)]
    pub format: ExportFormat,
    /// Include the private key (always included in PKCS#12)
    #[arg(long)]
    pub include_key: bool,
    /// Write a key into a directory that other users can write to (refused by default)
    #[arg(long)]
    pub allow_shared_dir: bool,
    /// File whose first line is the PKCS#12 password
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Pem,
    P12,
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The URL (https:// or http://)
    #[arg(value_parser = request_url)]
    pub url: String,
    /// Request method [default: GET, or POST with -d]
    #[arg(short = 'X', long = "request", value_name = "METHOD")]
    pub method: Option<String>,
    /// Extra header 'Name: value' ('Name:' removes a default header); repeatable
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<crate::http::Header>,
    /// Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)
    #[arg(
        short = 'd',
        long = "data",
        visible_alias = "data-binary",
        value_name = "DATA"
    )]
    pub data: Option<String>,
    /// Send a HEAD request and show the response headers (as curl -I)
    #[arg(short = 'I', long = "head", conflicts_with = "data")]
    pub head: bool,
    /// The User-Agent header to send [default: mtlsctl/VERSION]
    #[arg(short = 'A', long = "user-agent", value_name = "NAME")]
    pub user_agent: Option<String>,
    /// Follow redirects (3xx with Location), as curl -L
    #[arg(short = 'L', long = "location")]
    pub location: bool,
    /// Follow at most this many redirects with -L (-1: no limit, as curl)
    #[arg(long = "max-redirs", value_name = "N", default_value_t = 50, allow_negative_numbers = true, value_parser = clap::value_parser!(i64).range(-1..))]
    pub max_redirs: i64,
    /// After the transfer, print this text with curl's variables filled in: %{http_code},
    /// %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer},
    /// %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port},
    /// %{http_version}, %{content_type}, %{num_redirects}; \n, \t and %% as in curl
    #[arg(short = 'w', long = "write-out", value_name = "FORMAT")]
    pub write_out: Option<String>,
    /// Say nothing but the response and errors' exit codes: no warnings, no error text
    /// (as curl -s)
    #[arg(short = 's', long)]
    pub silent: bool,
    /// With -s, still print errors (as curl -S)
    #[arg(short = 'S', long = "show-error")]
    pub show_error: bool,
    /// Write the body to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include the status line and response headers in the output
    #[arg(short = 'i', long = "include")]
    pub include: bool,
    /// Exit 22 without the body when the HTTP status is 400 or more
    #[arg(short = 'f', long)]
    pub fail: bool,
    #[command(flatten)]
    pub identity: IdentityArgs,
    #[command(flatten)]
    pub server_ca: ServerCaArg,
    /// Trust this CA of the trusted CA library for the server
    #[arg(long, value_name = "NAME", conflicts_with = "cacert")]
    pub ca: Option<CaName>,
    /// Do not verify the server's certificate (a warning is printed; --pin still applies)
    #[arg(short = 'k', long)]
    pub insecure: bool,
    /// Require the server's public key to have this SHA-256 pin (sha256//BASE64[;sha256//...])
    #[arg(long, value_name = "PIN")]
    pub pin: Option<crate::tls::Pins>,
    /// Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from
    /// https_proxy, http_proxy, all_proxy, as curl]; '' for none
    #[arg(short = 'x', long, value_name = "URL")]
    pub proxy: Option<String>,
    /// Hosts reached without the proxy (comma-separated; a domain covers its subdomains; *
    /// for all) [default: from no_proxy]
    #[arg(long, value_name = "LIST")]
    pub noproxy: Option<String>,
    /// Connect to ADDRESS for HOST:PORT (HOST:PORT:ADDRESS); repeatable
    #[arg(long, value_name = "HOST:PORT:ADDRESS")]
    pub resolve: Vec<crate::http::Resolve>,
    /// Give up when the whole transfer takes longer than this: seconds as curl takes them
    /// (10, 2.5) or a duration (10s, 1m)
    #[arg(short = 'm', long = "max-time", visible_alias = "timeout", value_name = "SECONDS", value_parser = seconds_or_duration)]
    pub timeout: Option<Limit>,
    /// Give up when connecting (TCP and TLS) takes longer than this: seconds (2, 0.5) or a
    /// duration (2s); 0 for no limit, as curl
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = seconds_or_duration)]
    pub connect_timeout: Limit,
    /// Retry this many times on connection errors and on 408, 429, 500, 502, 503, 504
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub retry: u32,
    /// Wait before the first retry, doubling each time
    #[arg(long, value_name = "DURATION", default_value = "1s")]
    pub retry_delay: HumanDuration,
    /// Use HTTP/1.1 only
    #[arg(long = "http1.1", conflicts_with = "http2")]
    pub http1_1: bool,
    /// Use HTTP/2 (ALPN h2 over TLS; prior knowledge over http://)
    #[arg(long)]
    pub http2: bool,
}

/// Where the client certificate comes from (at most one source).
#[derive(Debug, Args)]
#[group(multiple = true)]
pub struct IdentityArgs {
    /// Use this environment's current certificate
    #[arg(long, value_name = "ENV", conflicts_with_all = ["cert_id", "cert", "p12"])]
    pub env: Option<EnvRef>,
    /// Use this stored certificate (id prefix or variable name)
    #[arg(long, value_name = "CERT", conflicts_with_all = ["cert", "p12"])]
    pub cert_id: Option<CertRef>,
    /// Client certificate file (PEM, leaf first, chain after; or DER); without --key, the key
    /// is read from this file too (as curl does)
    #[arg(long, value_name = "FILE", conflicts_with = "p12")]
    pub cert: Option<PathBuf>,
    /// Private key of --cert (PEM or DER: PKCS#8, PKCS#1 or SEC1)
    #[arg(long, value_name = "FILE", requires = "cert")]
    pub key: Option<PathBuf>,
    /// Client certificate and key as PKCS#12
    #[arg(long, value_name = "FILE")]
    pub p12: Option<PathBuf>,
    /// The type of --cert, as curl takes it: PEM or DER (read either way), or P12 (--cert is
    /// then a PKCS#12 file, as --p12)
    #[arg(long = "cert-type", value_name = "TYPE", requires = "cert", value_parser = ["PEM", "DER", "P12", "pem", "der", "p12"])]
    pub cert_type: Option<String>,
    /// The PKCS#12 password as curl --pass takes it; file:PATH and env:NAME keep it out of the
    /// process list (a literal password is visible to other users, and warned about)
    #[arg(long = "pass", value_name = "PHRASE", conflicts_with = "password_file")]
    pub pass: Option<String>,
    #[command(flatten)]
    pub password: PasswordFileArg,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// PEM, DER or PKCS#12 file; - reads stdin
    #[arg(required_unless_present = "connect", conflicts_with = "connect")]
    pub file: Option<PathBuf>,
    /// Connect to a server and show its chain, TLS version and cipher, and client-certificate request
    #[arg(long, value_name = "HOST:PORT")]
    pub connect: Option<String>,
    /// Server name to send (SNI) with --connect [default: HOST]
    #[arg(long, value_name = "NAME", requires = "connect")]
    pub servername: Option<String>,
    /// Check the server's chain against this CA file with --connect [default: system roots]
    #[arg(long, value_name = "FILE", requires = "connect")]
    pub cacert: Option<PathBuf>,
    #[command(flatten)]
    pub password: PasswordFileArg,
}

#[derive(Debug, Subcommand)]
pub enum DatacenterCommand {
    /// List the catalog: validity, days left, the recommended year, what was downloaded
    #[command(
        after_help = "Examples:\n  mtlsctl datacenter list\n  mtlsctl datacenter list --catalog vendor.json --json"
    )]
    List {
        #[command(flatten)]
        source: CatalogArgs,
    },
    /// Download, verify and save a datacenter certificate (or all of one year)
    #[command(
        long_about = "Download, verify and save a datacenter certificate, or all of one year. \
HTTPS only. Before anything is saved the file must hold exactly one PEM certificate (no private key, \
no HTML page), parse, have the catalog's validity window and match the catalog's pinned SHA-256 \
when there is one. A failed download saves nothing and records nothing. The download is recorded \
so that 'mtlsctl expiry' reminds before it expires.",
        after_help = "Examples:\n  mtlsctl datacenter download us\n  \
mtlsctl datacenter download all --year 2026 --out ./certs/\n  \
mtlsctl datacenter download eu --base-url https://mirror.example.com --cacert mirror-ca.pem"
    )]
    Download(DatacenterDownloadArgs),
    /// Fetch the vendor's public certificates from its mTLS Service API, verify and save them
    #[command(
        long_about = "Fetch the vendor's public certificates from its mTLS Service API (OAuth client \
credentials, then every page of the list), verify each and save it. A certificate must be exactly one \
PEM certificate whose common name and expiry are what the API says of it; one that fails is named and \
not saved. Saved files are written atomically, recorded, and watched by 'mtlsctl expiry'. The output \
says what is new, unchanged and gone since the last sync; --on-change runs a command once when \
something changed (MTLSCTL_NEW_FILES and MTLSCTL_GONE_FILES hold the paths, one a line, and \
MTLSCTL_SYNC_DIR the directory; a command that fails is run again by the next sync). The client \
secret is read from --client-secret-file (- for standard input) or MTLSCTL_CLIENT_SECRET, never from \
the command line, and neither it nor the token is ever printed. --save-settings keeps the settings \
named below (not --timeout, --retry or --hook-timeout, and the secret file's path rather than the \
secret), when the sync succeeds, so that a cron line needs no flags. Connection failures, timeouts, \
408, 429 and 5xx answers are retried (Retry-After honoured up to a minute).",
        after_help = "Examples:\n  \
MTLSCTL_CLIENT_SECRET=\"$(cat secret)\" mtlsctl datacenter sync --org-id ORG@AdobeOrg --client-id ID --out ./vendor/\n  \
mtlsctl datacenter sync --org-id ORG@AdobeOrg --client-id ID --client-secret-file ~/.config/vendor-secret \\\n    \
--out /etc/nginx/vendor/ --on-change 'upload-to-allow-list \"$MTLSCTL_NEW_FILES\"' --save-settings\n  \
mtlsctl datacenter sync          # cron: the saved settings\n\n\
Exit status: 0 when every certificate verified and --on-change (if any) succeeded; 1 when one \
did not, or the vendor or the network failed; 2 for a bad or missing setting."
    )]
    Sync(DatacenterSyncArgs),
    /// Stop watching a downloaded certificate (expiry no longer reports it; the file stays)
    #[command(
        after_help = "Examples:\n  mtlsctl datacenter forget us --year 2025\n  \
mtlsctl datacenter forget eu --catalog other-vendor.json   # that vendor's eu, every year"
    )]
    Forget {
        /// Datacenter id (us, eu, azure), or a synced certificate's common name (with --vendor)
        id: String,
        /// Only this year [default: every year of it]
        #[arg(long)]
        year: Option<i32>,
        /// The catalog whose vendor downloaded it [default: the built-in one]
        #[arg(long, value_name = "FILE", conflicts_with = "vendor")]
        catalog: Option<PathBuf>,
        /// The vendor whose record it is, as 'datacenter list' shows it (for synced certificates:
        /// the API's host)
        #[arg(long, value_name = "NAME")]
        vendor: Option<String>,
    },
}

/// Where the catalog and the files come from.
#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// Use this catalog (JSON) instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Download from this base URL instead of the catalog's
    #[arg(long, value_name = "URL", env = "MTLSCTL_DATACENTER_BASE_URL")]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct DatacenterDownloadArgs {
    /// Datacenter id (us, eu, azure) or all
    pub id: String,
    /// Year of the certificate [default: the newest in the catalog]
    #[arg(long)]
    pub year: Option<i32>,
    /// File (one certificate) or directory to save to [default: the current directory]
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub server_ca: ServerCaArg,
    /// Allow a plain http:// base URL
    #[arg(long)]
    pub allow_http: bool,
    /// Save a certificate whose validity differs from the catalog's window
    #[arg(long)]
    pub allow_mismatch: bool,
    /// Give up on a download after this long
    #[arg(long, value_name = "DURATION", default_value = "30s")]
    pub timeout: HumanDuration,
    /// Retry this many times on connection errors, timeouts and 5xx
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub retry: u32,
    #[command(flatten)]
    pub source: CatalogArgs,
}

/// `datacenter sync`: each flag overrides the saved setting of the same name.
#[derive(Debug, Args)]
pub struct DatacenterSyncArgs {
    /// Directory to save the certificates in [default: the saved one, else the current directory]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The organization id sent as x-gw-ims-org-id (ORG@AdobeOrg)
    #[arg(long, value_name = "ID")]
    pub org_id: Option<String>,
    /// The OAuth client id (also sent as x-api-key)
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// A file holding the client secret (else MTLSCTL_CLIENT_SECRET); the secret itself is never
    /// taken on the command line nor saved
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// OAuth scopes, comma-separated, as the credential lists them [default: openid,AdobeID,read_organizations,additional_info.projectedProductContext,session]
    #[arg(long, value_name = "SCOPES")]
    pub scope: Option<String>,
    /// The token endpoint [default: https://ims-na1.adobelogin.com/ims/token/v3]
    #[arg(long, value_name = "URL")]
    pub ims_url: Option<String>,
    /// The API's base URL [default: https://platform.adobe.io]
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    #[command(flatten)]
    pub server_ca: ServerCaArg,
    /// Run this command (sh -c) once when certificates are new or gone
    #[arg(long, value_name = "CMD")]
    pub on_change: Option<String>,
    /// How many certificates to ask for per page [default: 50]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: Option<u32>,
    /// Keep these settings (all but the secret itself) for the next syncs
    #[arg(long)]
    pub save_settings: bool,
    /// Give up on one request after this long
    #[arg(long, value_name = "DURATION", default_value = "30s")]
    pub timeout: HumanDuration,
    /// Retry this many times on connection errors, timeouts, 408, 429, 500, 502, 503 and 504
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub retry: u32,
    /// How long --on-change may run before it (and its process group) is killed
    #[arg(
        long,
        value_name = "DURATION",
        env = "MTLSCTL_HOOK_TIMEOUT",
        default_value = "5m"
    )]
    pub hook_timeout: HumanDuration,
}

#[derive(Debug, Subcommand)]
pub enum DomainCommand {
    /// Add a domain with its trusted CA (from the CA library)
    #[command(
        after_help = "Example:\n  mtlsctl ca add partners partners-root.pem\n  \
mtlsctl domain add api.example.com --ca partners --mode permissive"
    )]
    Add {
        /// The host name
        host: HostName,
        /// Trusted CA for client certificates (a name in 'mtlsctl ca list')
        #[arg(long, value_name = "NAME")]
        ca: CaName,
        /// Client certificate verification
        #[arg(long, value_enum, default_value_t = VerifyMode::Enforce)]
        mode: VerifyMode,
    },
    /// List domains
    List,
    /// Show a domain and its rules
    Show {
        /// The host name
        host: HostName,
    },
    /// Change a domain's CA or mode
    Set {
        /// The host name
        host: HostName,
        /// New trusted CA
        #[arg(long, value_name = "NAME")]
        ca: Option<CaName>,
        /// New verification mode
        #[arg(long, value_enum)]
        mode: Option<VerifyMode>,
    },
    /// Remove a domain and its rules
    Remove {
        /// The host name
        host: HostName,
    },
}

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Add a rule at the end of a domain's rules
    #[command(
        long_about = "Add a rule at the end of a domain's rules. All criteria must hold for \
the behaviours to run; rules run in order and the first deny ends the request.\n\n\
Criteria: 'VARIABLE OPERATOR [VALUE]' with operators is-equal, is-not-equal, exists, \
does-not-exist, starts-with, matches (regex). Behaviours: 'deny STATUS', \
'add-request-header NAME TEMPLATE' (TEMPLATE may use ${variable}).\n\n\
Variables: hostname, path, method, client_certificate_validation (true/false), ssl_client_verify \
(SUCCESS, FAILED:reason, NONE), ssl_client_cert, ssl_client_escaped_cert, ssl_client_s_dn, \
ssl_client_i_dn, ssl_client_s_dn_legacy, ssl_client_i_dn_legacy, ssl_client_s_dn_parsed, \
ssl_client_serial, ssl_client_fingerprint, ssl_client_v_start, ssl_client_v_end, ssl_client_v_remain.",
        after_help = "Examples:\n  mtlsctl rule add api.example.com require-cert \\\n      \
--criteria 'hostname is-equal api.example.com' --criteria 'client_certificate_validation is-not-equal true' \\\n      \
--behavior 'deny 403'\n  \
mtlsctl rule add api.example.com forward --behavior 'add-request-header X-Client-Cert ${ssl_client_escaped_cert}'"
    )]
    Add {
        /// The domain
        host: HostName,
        /// A name for the rule, unique within the domain
        name: String,
        /// A criterion: 'VARIABLE OPERATOR [VALUE]'; repeatable, all must hold
        #[arg(long = "criteria", value_name = "CRITERION")]
        criteria: Vec<String>,
        /// A behaviour: 'deny STATUS' or 'add-request-header NAME TEMPLATE'; repeatable
        #[arg(long = "behavior", value_name = "BEHAVIOR", required = true)]
        behaviors: Vec<String>,
    },
    /// List a domain's rules in order
    List {
        /// The domain
        host: HostName,
    },
    /// Remove a rule
    Remove {
        /// The domain
        host: HostName,
        /// The rule's name
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (e.g. 127.0.0.1:8443; port 0 picks a free one)
    #[arg(long, value_name = "ADDR")]
    pub listen: std::net::SocketAddr,
    /// The domain to serve (see 'mtlsctl domain list')
    #[arg(long, value_name = "HOST")]
    pub domain: HostName,
    /// Server certificate (PEM, chain after the leaf) [default: issued for HOST by the issuer]
    #[arg(long, value_name = "FILE", requires = "key")]
    pub cert: Option<PathBuf>,
    /// Server key (PEM)
    #[arg(long, value_name = "FILE", requires = "cert")]
    pub key: Option<PathBuf>,
    /// Proxy requests to this URL (http:// or https://) instead of echoing them
    #[arg(long, value_name = "URL", value_parser = upstream_url)]
    pub upstream: Option<String>,
    /// Access log format on stdout (requests and refused handshakes)
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Close a connection whose TLS handshake takes longer (nginx: ssl_handshake_timeout)
    #[arg(long, value_name = "DURATION", default_value = "60s")]
    pub handshake_timeout: HumanDuration,
    /// Close an HTTP/1.1 connection whose request head takes longer to arrive, idle
    /// keep-alive included (nginx: client_header_timeout)
    #[arg(long, value_name = "DURATION", default_value = "60s")]
    pub header_timeout: HumanDuration,
    /// Close a connection that stays idle longer (nginx: keepalive_timeout)
    #[arg(long, value_name = "DURATION", default_value = "75s")]
    pub keepalive_timeout: HumanDuration,
    /// Largest request head, at least 8k (431 beyond; nginx: large_client_header_buffers)
    #[arg(long, value_name = "SIZE", default_value = "32k")]
    pub max_header_size: ByteSize,
    /// Largest request body (413 beyond; 0 = no limit; nginx: client_max_body_size)
    #[arg(long, value_name = "SIZE", default_value = "1m")]
    pub max_body_size: ByteSize,
    /// Connections served at once; more are closed at once (nginx: worker_connections)
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Concurrent HTTP/2 streams per connection (nginx: http2_max_concurrent_streams)
    #[arg(long, value_name = "N", default_value_t = 128, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_streams: u32,
}

/// A time limit: a duration, or none (`0`, as curl takes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub Option<HumanDuration>);

impl Limit {
    /// The limit, or a year where there is none (long enough never to matter, short enough for
    /// the timer).
    pub fn std(self) -> std::time::Duration {
        self.0
            .map(HumanDuration::std)
            .unwrap_or(std::time::Duration::from_secs(365 * 86_400))
    }
}

/// A URL `request` can reach: http:// or https:// with a host (checked as the transfer reads it).
fn request_url(text: &str) -> Result<String, crate::error::Failure> {
    crate::http::Target::parse(text).map_err(|e| crate::error::usage(format!("{e:#}")))?;
    Ok(text.to_string())
}

/// `serve --upstream`: an http:// or https:// base URL, without query or fragment (each
/// request's path and query are appended to it).
fn upstream_url(text: &str) -> Result<String, crate::error::Failure> {
    let shown = crate::text::escape_untrusted(text);
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return Err(crate::error::usage(format!(
            "'{shown}' is not an http:// or https:// URL"
        )));
    }
    if text.contains(['?', '#']) {
        return Err(crate::error::usage(format!(
            "'{shown}' has a query or fragment: give the base URL; each request's path and query are appended to it"
        )));
    }
    Ok(text.to_string())
}

/// Seconds as curl takes them (`10`, `2.5`; `0` is no limit), or a duration (`10s`, `1m`,
/// `500ms`).
fn seconds_or_duration(text: &str) -> Result<Limit, String> {
    let text = text.trim();
    match text.parse::<f64>() {
        Ok(0.0) => Ok(Limit(None)),
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 => {
            format!("{}ms", (seconds * 1000.0).round().max(1.0) as u64)
                .parse()
                .map(|d| Limit(Some(d)))
        }
        Ok(_) => Err(format!(
            "'{text}' is not a number of seconds (0 for no limit)"
        )),
        Err(_) => text.parse().map(|d| Limit(Some(d))),
    }
}

/// A size in bytes as flags take it: `512`, `32k`, `1m`, `2g` (powers of 1024).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl std::str::FromStr for ByteSize {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.trim().to_ascii_lowercase();
        let (number, unit) = lower.split_at(
            lower
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(lower.len()),
        );
        let scale: u64 = match unit.trim_end_matches('b').trim_end_matches('i') {
            "" => 1,
            "k" => 1 << 10,
            "m" => 1 << 20,
            "g" => 1 << 30,
            _ => {
                return Err(format!(
                    "'{text}' is not a size: write bytes or a number with k, m or g (e.g. 32k, 1m)"
                ));
            }
        };
        number
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(scale))
            .map(ByteSize)
            .ok_or_else(|| {
                format!(
                    "'{text}' is not a size: write bytes or a number with k, m or g (e.g. 32k, 1m)"
                )
            })
    }
}

#[derive(Debug, Subcommand)]
pub enum CaCommand {
    /// Add a CA certificate (PEM or DER) under a name
    #[command(
        after_help = "Only CA certificates are accepted (basicConstraints CA:true, or self-signed); \
a file holding a private key is refused.\n\nExamples:\n  mtlsctl ca add partners ./partners-root.pem\n  \
mtlsctl issuer export | mtlsctl ca add local -"
    )]
    Add {
        /// Name for the CA: letters, digits, '.', '_' and '-'
        name: CaName,
        /// The CA certificate file (PEM, several certificates allowed, or DER); - reads stdin
        file: PathBuf,
        /// Accept an expired CA certificate
        #[arg(long)]
        force: bool,
    },
    /// List the trusted CAs
    List,
    /// Show one trusted CA
    Show {
        /// The CA's name
        name: CaName,
    },
    /// Remove a trusted CA (refused while a domain uses it)
    Remove {
        /// The CA's name
        name: CaName,
    },
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Copy the whole state to (or from) another place, verified, never left half done
    #[command(
        after_help = "The state in use is MTLSCTL_STATE (or --state): a file, or vault+https://HOST:PORT/MOUNT/PREFIX \
for OpenBao or Vault's KV version 2 engine. The destination must hold no state yet. The copy is \
checked after it is written (counts and fingerprints of every certificate and key); a secret-store \
copy that was cut short is marked as such and never read as a state.\n\n\
Examples:\n  mtlsctl state copy --to vault+https://vault.example.com:8200/secret/mtlsctl\n  \
MTLSCTL_STATE=vault+https://vault:8200/secret/mtlsctl mtlsctl state copy --to bak.json"
    )]
    Copy {
        /// Copy the state in use to this file or vault+https://... URL
        #[arg(
            long,
            value_name = "PATH|URL",
            required_unless_present = "from",
            conflicts_with = "from"
        )]
        to: Option<String>,
        /// Copy this file's or vault+https://... URL's state into the one in use
        #[arg(long, value_name = "PATH|URL")]
        from: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Show the issuer's certificate details
    Show,
    /// Write every issuer still trusted (PEM, the current one first) for servers to trust
    #[command(
        after_help = "After 'issuer rotate' or 'issuer import', the issuer it replaced is exported \
too while certificates it signed live, so servers keep accepting them.\n\n\
Example:\n  mtlsctl issuer export --out /etc/nginx/mtlsctl-ca.pem"
    )]
    Export {
        /// Write to this file instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer
    #[command(
        after_help = "One CRL per issuer still trusted (the current one first), under a CRL \
number that only grows. The file given with --out is watched by 'mtlsctl expiry': renew it \
before its next update, or nginx refuses every client.\n\n\
Examples:\n  mtlsctl issuer crl --out /etc/nginx/mtlsctl.crl    # nginx: ssl_crl /etc/nginx/mtlsctl.crl;\n  \
mtlsctl issuer crl --next-update 30d | openssl crl -noout -text"
    )]
    Crl {
        /// Write to this file (atomically) instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// How long the CRL is valid: its next update
        #[arg(long, value_name = "DURATION", default_value = "7d")]
        next_update: HumanDuration,
    },
    /// Make an existing CA (mkcert's, step's, your PKI's) the issuer of new certificates
    #[command(
        after_help = "The CA must be a CA (basicConstraints CA:TRUE, keyCertSign) and the key \
must be its own. The issuer it replaces stays trusted while its certificates live.\n\n\
Examples:\n  mtlsctl issuer import --cert \"$(mkcert -CAROOT)/rootCA.pem\" --key \"$(mkcert -CAROOT)/rootCA-key.pem\"\n  \
mtlsctl issuer import --cert intermediate_ca.crt --key intermediate_ca_key --password-file pw.txt   # step"
    )]
    Import {
        #[command(flatten)]
        files: ImportFiles,
    },
    /// Replace the issuer with a new one; the old one stays trusted until its certificates expire
    #[command(
        after_help = "Export the issuers again ('mtlsctl issuer export') so servers trust the \
new one before certificates it signs are deployed.\n\n\
Example:\n  mtlsctl issuer rotate && mtlsctl issuer export --out /etc/nginx/mtlsctl-ca.pem"
    )]
    Rotate {
        /// Key type of the new issuer
        #[arg(long, value_enum, default_value_t = KeyType::EcP256)]
        key_type: KeyType,
        /// Validity of the new issuer [default: 10 years]
        #[arg(long, allow_hyphen_values = true)]
        validity: Option<Validity>,
    },
}
