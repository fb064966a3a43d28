//! The `casebook` binary: parse the command line, call the library, map the outcome to an
//! exit code (0 success, 1 content errors, 2 usage or I/O errors).

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a build allocates and frees tens of millions of
/// small strings, vectors and JSON values from two threads, where glibc's malloc spent about
/// a quarter of the build's time (consolidating and searching its free lists).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = casebook::cli::Cli::parse();
    match casebook::run(cli) {
        Ok(casebook::Status::Success) => ExitCode::SUCCESS,
        Ok(casebook::Status::ContentErrors) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
