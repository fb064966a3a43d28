//! The command line: `casebook build | check | serve | schema`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diag::emit::{Format, ReportFormat};

/// Casebook: validate regional practice casebooks and render them into a bilingual
/// (Japanese / English) handbook website.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the content and write the site to the output directory.
    Build {
        /// The site root: a directory with casebook.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (replaced atomically; a failed build leaves it untouched).
        /// Never the site root, one of its parents, content/, themes/ or .git.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Treat warnings (such as missing translations) as errors.
        #[arg(long)]
        strict: bool,
        /// Replace the output directory even when it is not empty and was not written by
        /// `casebook build` (it has no .casebook-build marker).
        #[arg(long)]
        force: bool,
    },
    /// Validate the content and report every problem found.
    Check {
        /// The site root: a directory with casebook.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: `human` (stderr), `json` or `github` (stdout, one per line).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings (such as missing translations) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Build the site and serve it on 127.0.0.1, rebuilding and reloading pages on changes.
    Serve {
        /// The site root: a directory with casebook.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (127.0.0.1 only).
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// List, per record, the texts that still lack English (or whose English is the Japanese
    /// copied), with totals per kind and per region.
    I18n {
        /// The site root: a directory with casebook.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// `human` (a line per text lacking English, then the totals) or `json` (one object,
        /// `casebook-i18n/1`), on stdout.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// Print the JSON Schema of every record kind, or write one file per kind.
    Schema {
        /// Write `<kind>.json` files into this directory instead of printing one document.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
