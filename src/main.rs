use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // One crypto provider for the whole binary, chosen here once.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let cli = mtlsctl::cli::Cli::parse();
    match mtlsctl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprint!("{}", mtlsctl::error::report(&error));
            let (kind, _) = mtlsctl::error::classify(&error);
            ExitCode::from(kind.exit_code() as u8)
        }
    }
}

/// `mtlsctl cert list | head -1` is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
