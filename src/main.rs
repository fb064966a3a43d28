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
    init_logging();
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

/// Progress messages go to stderr through `log`. `CASEBOOK_LOG` turns them up or down with
/// env_logger's syntax (`debug` adds each build phase's time, `warn` silences progress,
/// `casebook=debug` leaves the libraries quiet). Diagnostics are not logs: `check` and
/// `build` print them whatever the level. The file watcher (`notify`) says only its errors
/// unless `CASEBOOK_LOG` names it: it warns about every watch it cannot drop, and `serve`
/// drops the watches of a deleted `content/` on purpose (issue #20).
fn init_logging() {
    use std::io::Write as _;
    env_logger::Builder::new()
        .filter_level(log::LevelFilter::Info)
        .filter_module("notify", log::LevelFilter::Error)
        .parse_env(env_logger::Env::new().filter("CASEBOOK_LOG"))
        .format(|buf, record| match record.level() {
            log::Level::Info => writeln!(buf, "{}", record.args()),
            level => writeln!(buf, "{}: {}", level.as_str().to_lowercase(), record.args()),
        })
        .init();
}
