//! `casebook.yaml`: raw settings as written (strict serde) resolved into a [`Config`].

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Code, Diagnostic};
use crate::model::{Spanned, Text};

/// The file as editors write it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    /// The path the site is published under, e.g. `/casebook/`. Default `/`.
    #[serde(default)]
    base_path: Option<Spanned<String>>,
    /// The theme directory under `themes/`. Default `default`.
    #[serde(default)]
    theme: Option<Spanned<String>>,
}

/// Resolved settings: paths made absolute, defaults filled in.
#[derive(Clone, Debug)]
pub struct Config {
    pub root: PathBuf,
    pub title: Text,
    pub description: Option<Text>,
    /// Always starts and ends with `/`.
    pub base_path: String,
    pub theme: String,
}

pub const CONFIG_FILE: &str = "casebook.yaml";

impl Config {
    /// Read `casebook.yaml` under `root`. `Err` holds the diagnostics for a bad file; a
    /// missing file is an I/O error the caller reports (exit 2).
    pub fn load(root: &Path) -> anyhow::Result<Result<Config, Vec<Diagnostic>>> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            anyhow::bail!(
                "{} has no {CONFIG_FILE}: a site root holds casebook.yaml, content/ and themes/ (use --root DIR)",
                root.display()
            );
        }
        let raw: RawConfig = match crate::yaml::load_file(&path, CONFIG_FILE) {
            Ok(raw) => raw,
            Err(diags) => return Ok(Err(diags)),
        };
        let mut diags = Vec::new();
        let base = raw.base_path.map_or_else(String::new, |b| {
            let base = b.trim_matches('/');
            if !base.is_empty() && !base.split('/').all(url_segment) {
                diags.push(
                    Diagnostic::new(Code::Config, CONFIG_FILE, b.span(), format!("base_path `{}` is not a path on this site", b.as_str()))
                        .with_help("write the path the site is published under, as segments of letters, digits, `-`, `_`, `.` and `~` between slashes, e.g. `/casebook/` (no `..`, `//`, `\\`, scheme or host)"),
                );
            }
            base.to_owned()
        });
        let theme = raw.theme.map_or_else(|| "default".into(), |t| {
            if !url_segment(&t) {
                diags.push(
                    Diagnostic::new(Code::Config, CONFIG_FILE, t.span(), format!("theme `{}` is not a directory name under themes/", t.as_str()))
                        .with_help("write the name of a directory in themes/, e.g. `default` (letters, digits, `-`, `_`, `.`; no slash and no `..`)"),
                );
            }
            t.into_inner()
        });
        if !diags.is_empty() {
            return Ok(Err(diags));
        }
        let base_path = if base.is_empty() {
            "/".into()
        } else {
            format!("/{base}/")
        };
        Ok(Ok(Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_path,
            theme,
        }))
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }
}

/// Whether `s` is one path segment that stays where it is put, in a URL and on disk: unreserved
/// URL characters only (RFC 3986), and not `.` or `..`. A `\\` or `//` in `base_path` would send
/// browsers to another host (`/\\evil.example/` reads as `//evil.example/`).
fn url_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}
