use std::process::ExitCode;

// Listing 10,000 certificates is mostly allocation: mimalloc makes it cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // One crypto provider for the whole binary, chosen here once.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    use clap::FromArgMatches;
    let parsed = mtlsctl::cli::command()
        .try_get_matches()
        .and_then(|matches| mtlsctl::cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            match flag_value_failure(&error) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = error.print();
                }
            }
            // A bad flag is exit 2, except for expiry, where any error is UNKNOWN (3).
            let expiry = error.use_stderr().then(expiry_call).flatten();
            let code = match expiry {
                Some(expiry) => {
                    expiry_could_not_start(&expiry, &error);
                    3
                }
                None => error.exit_code(),
            };
            return ExitCode::from(code as u8);
        }
    };
    ExitCode::from(mtlsctl::run(cli))
}

/// A flag value that its type refused (a header, a pin): said as every other error is, with
/// the flag, our message and its hint. clap's own text would echo the value raw, line breaks
/// and all.
fn flag_value_failure(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    let failure = std::error::Error::source(error)?.downcast_ref::<mtlsctl::error::Failure>()?;
    let flag = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => arg.split(' ').next().unwrap_or(arg).to_string(),
        _ => "a flag".to_string(),
    };
    let error = anyhow::Error::new(mtlsctl::error::Failure {
        kind: failure.kind,
        message: format!("{flag}: {}", failure.message),
        hint: failure.hint.clone(),
    });
    Some(mtlsctl::error::report(&error))
}

/// The arguments of an `expiry` call that did not parse, as far as they could be read: clap
/// finds the subcommand past the global options (`mtlsctl property create expiry --bogus` is
/// not one).
fn expiry_call() -> Option<clap::ArgMatches> {
    let matches = mtlsctl::cli::command()
        .ignore_errors(true)
        .try_get_matches_from(std::env::args_os())
        .ok()?;
    match matches.subcommand() {
        Some(("expiry", expiry)) => Some(expiry.clone()),
        _ => None,
    }
}

/// A bad flag to expiry still tells a Prometheus textfile collector and a nagios reader that
/// the check failed: what could be parsed says where and how to answer.
fn expiry_could_not_start(expiry: &clap::ArgMatches, error: &clap::Error) {
    use clap::ValueEnum;
    // clap stops reading at the first bad argument: --format and --output given after it are
    // read here, where they are.
    let given = expiry.value_source("format") == Some(clap::parser::ValueSource::CommandLine);
    let format = expiry
        .get_one::<mtlsctl::cli::ExpiryFormat>("format")
        .copied()
        .filter(|_| given)
        .or_else(|| {
            written_value("--format")
                .and_then(|text| mtlsctl::cli::ExpiryFormat::from_str(&text, true).ok())
        })
        .unwrap_or(mtlsctl::cli::ExpiryFormat::Table);
    let output = expiry
        .get_one::<std::path::PathBuf>("output")
        .cloned()
        .or_else(|| written_value("--output").map(std::path::PathBuf::from));
    let why = error.kind().to_string();
    mtlsctl::cmd::expiry::answer_unknown(format, output.as_deref(), &why);
}

/// The value given to a long option on the command line (`--name VALUE` or `--name=VALUE`).
fn written_value(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix(name).and_then(|rest| match rest {
            "" => args.get(i + 1).cloned(),
            _ => rest.strip_prefix('=').map(str::to_string),
        })
    })
}
