//! `casebook.yaml`: raw settings as written (strict serde) resolved into a [`Config`].

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::model::Text;

/// The file as editors write it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    /// The path the site is published under, e.g. `/casebook/`. Default `/`.
    #[serde(default)]
    base_path: Option<String>,
    /// The theme directory under `themes/`. Default `default`.
    #[serde(default)]
    theme: Option<String>,
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
        let base = raw.base_path.unwrap_or_else(|| "/".into());
        let base_path = format!("/{}/", base.trim_matches('/')).replace("//", "/");
        Ok(Ok(Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_path,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
        }))
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }
}
