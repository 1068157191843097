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
            let _ = error.print();
            // A bad flag is exit 2, except for expiry, where any error is UNKNOWN (3).
            let code = if error.use_stderr() && is_expiry_call() {
                expiry_could_not_start(&error);
                3
            } else {
                error.exit_code()
            };
            return ExitCode::from(code as u8);
        }
    };
    ExitCode::from(mtlsctl::run(cli))
}

/// A bad flag to expiry still tells a Prometheus textfile collector and a nagios reader that
/// the check failed: what could be parsed says where and how to answer.
fn expiry_could_not_start(error: &clap::Error) {
    let Ok(matches) = mtlsctl::cli::command()
        .ignore_errors(true)
        .try_get_matches_from(std::env::args_os())
    else {
        return;
    };
    let Some(("expiry", expiry)) = matches.subcommand() else {
        return;
    };
    let format = expiry
        .get_one::<mtlsctl::cli::ExpiryFormat>("format")
        .copied()
        .unwrap_or(mtlsctl::cli::ExpiryFormat::Table);
    let output = expiry.get_one::<std::path::PathBuf>("output");
    let why = error.kind().to_string();
    mtlsctl::cmd::expiry::answer_unknown(format, output.map(|p| p.as_path()), &why);
}

/// Whether the subcommand is `expiry`: the first word that is not a global option or its value
/// (`mtlsctl property create expiry --bogus` creates a property named expiry).
fn is_expiry_call() -> bool {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--" => return false,
            "--state" | "--color" => {
                args.next();
            }
            flag if flag.starts_with('-') => {}
            command => return command == "expiry",
        }
    }
    false
}
