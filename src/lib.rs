//! Casebook turns a directory of YAML records into a bilingual static handbook.
//!
//! The pipeline, each stage a value in and a value out:
//!
//! ```text
//! casebook.yaml ─ config::Config::load ─┐
//! content/**/*.yaml ─ load::load ───────┴─> Corpus + Diagnostics
//!                      validate::validate ─> more Diagnostics (refs, numbers, dates, i18n)
//!                      render::render ─────> Vec<OutputFile> (parallel, sorted by path)
//!                      write::commit ──────> staging dir beside --out, swapped into place
//!                                            (never the sources; only a previous build is replaced)
//! ```
//!
//! Content problems are diagnostics collected across the whole run; environment failures
//! (unreadable root, unwritable output, busy port) are `anyhow` errors. `serve` runs the same
//! stages and keeps the files in memory.

pub mod build;
pub mod cli;
pub mod compare;
pub mod config;
pub mod data;
pub mod diag;
pub mod load;
pub mod model;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
#[cfg(test)]
mod testutil;
pub mod timing;
pub mod validate;
pub mod walk;
pub mod write;
pub mod yaml;

use cli::{Cli, Command};

pub use build::Status;

pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        Command::Check {
            root,
            format,
            strict,
        } => build::check(&root, format, strict),
        Command::Build {
            root,
            out,
            strict,
            force,
        } => {
            let (status, _) = build::build(&root, &out, build::Options { strict, force })?;
            Ok(status)
        }
        Command::Serve { root, port } => serve::serve(&root, port),
        Command::I18n { root, format } => build::i18n(&root, format),
        Command::Schema { out } => {
            schema::run(out.as_deref())?;
            Ok(Status::Success)
        }
    }
}
