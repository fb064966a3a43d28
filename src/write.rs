//! The only code that touches the output directory.
//!
//! Files are written into a staging directory beside `--out` (same parent, so the final
//! rename stays on one file system), then swapped into place: the old site is renamed
//! aside, the new one renamed in, the old one removed. A failure before the swap removes
//! the staging directory and leaves the previous site untouched. Nothing is written outside
//! the staging directory: every output path is relative, with no `..`.

use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _};
use rayon::prelude::*;

/// A file of the built site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative, `/`-separated (`ja/regions/kumamoto-pref/index.html`).
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Whether a relative output path stays inside the output directory.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn sibling(out: &Path, suffix: &str) -> anyhow::Result<PathBuf> {
    let name = out
        .file_name()
        .with_context(|| format!("{} is not a directory name", out.display()))?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(
        ".{}.{suffix}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Write `files` as the new content of `out`, atomically.
pub fn commit(out: &Path, files: Vec<OutputFile>) -> anyhow::Result<()> {
    if let Some(bad) = files.iter().find(|f| !is_safe_relative(&f.path)) {
        bail!(
            "refusing to write `{}`: output paths must stay inside the output directory",
            bad.path
        );
    }
    if out.exists() && !out.is_dir() {
        bail!("{} exists and is not a directory", out.display());
    }
    let staging = sibling(out, "staging")?;
    let result = crate::timing::phase("write: files", || write_all(&staging, &files))
        .and_then(|()| crate::timing::phase("write: swap", || swap(&staging, out)));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(staging: &Path, files: &[OutputFile]) -> anyhow::Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging)
            .with_context(|| format!("removing the stale {}", staging.display()))?;
    }
    std::fs::create_dir_all(staging).with_context(|| format!("creating {}", staging.display()))?;
    // Each directory once, parents first, rather than a `create_dir_all` per file: a large site
    // has tens of thousands of files in a few thousand directories.
    let dirs: std::collections::BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent())
        .filter(|d| !d.as_os_str().is_empty())
        .collect();
    for dir in &dirs {
        let dir = staging.join(dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        let path = staging.join(&f.path);
        std::fs::write(&path, &f.bytes).with_context(|| format!("writing {}", path.display()))
    })
}

/// `remove_dir_all`, with the files of each directory removed in parallel: deleting the
/// previous site's tens of thousands of files is most of a large rebuild's file-system time.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_dir() {
            dirs.push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    // Deepest first, so that each directory is empty when it is removed.
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    dirs.iter().try_for_each(std::fs::remove_dir)
}

fn swap(staging: &Path, out: &Path) -> anyhow::Result<()> {
    let old = sibling(out, "old")?;
    if out.exists() {
        std::fs::rename(out, &old)
            .with_context(|| format!("moving the previous {} aside", out.display()))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        if old.exists() {
            let _ = std::fs::rename(&old, out);
        }
        return Err(e).with_context(|| format!("moving the new site into {}", out.display()));
    }
    if old.exists() {
        remove_tree(&old)
            .with_context(|| format!("removing the previous site at {}", old.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_escape_are_refused() {
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a\\b", "./a"] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
        assert!(is_safe_relative("ja/index.html"));
    }

    #[test]
    fn a_failed_commit_leaves_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        commit(&out, vec![OutputFile::new("index.html", "old")]).unwrap();
        let err = commit(
            &out,
            vec![
                OutputFile::new("ok.html", "new"),
                OutputFile::new("../escape", "x"),
            ],
        );
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert!(!dir.path().join("escape").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging directory is left behind");
    }

    #[test]
    fn a_commit_replaces_the_whole_tree() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        commit(&out, vec![OutputFile::new("a/old.html", "1")]).unwrap();
        commit(&out, vec![OutputFile::new("b/new.html", "2")]).unwrap();
        assert!(!out.join("a/old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("b/new.html")).unwrap(),
            "2"
        );
    }

    /// Removing the previous site removes a link inside it, never what the link points at.
    #[cfg(unix)]
    #[test]
    fn removing_the_previous_site_does_not_follow_links() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let keep = dir.path().join("keep");
        std::fs::create_dir(&keep).unwrap();
        std::fs::write(keep.join("precious.txt"), "x").unwrap();
        commit(&out, vec![OutputFile::new("a/b/c.html", "1")]).unwrap();
        std::os::unix::fs::symlink(&keep, out.join("a/link")).unwrap();
        commit(&out, vec![OutputFile::new("index.html", "2")]).unwrap();
        assert!(keep.join("precious.txt").exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 2, "only public/ and keep/ remain: {left:?}");
        assert!(!out.join("a").exists());
    }
}
