//! The only code that touches the output directory.
//!
//! **Where.** [`OutDir::new`] resolves `--out` canonically (symbolic links, `..`, relative
//! paths; a directory that does not exist yet through its nearest existing ancestor) and
//! refuses, before anything is built, a directory whose replacement would destroy the sources:
//! the site root or one of its ancestors, and `content/`, `themes/` or `.git` or anything
//! inside them. No flag overrides that.
//!
//! **Whether.** An existing directory is replaced only when it is empty or carries the
//! [`MARKER`] file that every build writes (`.casebook-build`, first line
//! `casebook-build/1`), or with `--force`: a directory that Casebook did not write is never
//! emptied by mistake. The check runs again just before the swap.
//!
//! **How.** Files are written into a staging directory beside the output (same parent, so
//! the final rename stays on one file system), then swapped into place: the old site is
//! renamed aside, the new one renamed in, the old one removed (links inside it are removed,
//! never followed). A failure before the swap removes the staging directory and leaves the
//! previous site untouched. Nothing is written outside the staging directory: every output
//! path is relative, with no `..`.

use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _};
use rayon::prelude::*;

/// The file every build writes at the top of the output directory, so that the next build
/// knows the directory is a Casebook build it may replace.
pub const MARKER: &str = ".casebook-build";

/// The marker's text. Its first line is the format, `casebook-build/1`; a later version may
/// raise the number, and any `casebook-build/` line is recognised.
const MARKER_TEXT: &str = "casebook-build/1\n\
    This directory was written by `casebook build`; the next build replaces all of it.\n";

/// The parts of a site root that a build must never replace or write into, with what they hold.
const SOURCES: &[(&str, &str)] = &[
    ("content", "the records"),
    ("themes", "the templates and static files"),
    (".git", "the repository's history"),
];

/// A checked output directory: canonical, outside the sources, and replaceable.
#[derive(Clone, Debug)]
pub struct OutDir {
    /// Canonical and absolute.
    path: PathBuf,
    /// As the user wrote it, for messages.
    shown: PathBuf,
    force: bool,
}

impl OutDir {
    /// Check `out` (as given on the command line) against the site `root`. `force` lets a
    /// non-empty directory without the [`MARKER`] be replaced; nothing lets the sources be.
    pub fn new(out: &Path, root: &Path, force: bool) -> anyhow::Result<OutDir> {
        let path = resolve(out)
            .with_context(|| format!("resolving the output directory {}", out.display()))?;
        let root = root
            .canonicalize()
            .with_context(|| format!("reading the site root {}", root.display()))?;
        refuse_sources(&path, &root, out)?;
        let dir = OutDir {
            path,
            shown: out.to_path_buf(),
            force,
        };
        dir.check_replaceable()?;
        Ok(dir)
    }

    /// The canonical path the site is written to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// An existing directory may be replaced when it is empty, carries the marker, or with
    /// `--force`.
    fn check_replaceable(&self) -> anyhow::Result<()> {
        let meta = match std::fs::symlink_metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e).with_context(|| format!("reading {}", self.shown.display())),
        };
        if !meta.is_dir() {
            bail!(
                "{} exists and is not a directory: give --out a directory",
                self.shown.display()
            );
        }
        if self.force || has_marker(&self.path) {
            return Ok(());
        }
        let empty = std::fs::read_dir(&self.path)
            .with_context(|| format!("reading {}", self.shown.display()))?
            .next()
            .is_none();
        if empty {
            return Ok(());
        }
        bail!(
            "refusing to replace {}: it is not empty and has no `{MARKER}` file, so it was not \
             written by `casebook build`, and replacing it would delete everything in it. Choose \
             a new or empty directory, or pass --force to replace it anyway (a site built by a \
             Casebook older than the marker needs --force once)",
            self.shown.display()
        )
    }
}

/// Whether `dir` holds a marker file whose first line names a `casebook-build/` format.
fn has_marker(dir: &Path) -> bool {
    let path = dir.join(MARKER);
    let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
    is_file
        && std::fs::read(&path).is_ok_and(|bytes| {
            let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
            first.starts_with(b"casebook-build/")
        })
}

/// `path` made absolute and canonical: its longest existing ancestor resolved by the file
/// system (links, `..`), the rest appended with `.` dropped and `..` taken lexically (the rest
/// does not exist, so it holds no link).
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let abs = std::env::current_dir()?.join(path);
    let parts: Vec<Component> = abs.components().collect();
    for split in (1..=parts.len()).rev() {
        let head: PathBuf = parts[..split].iter().collect();
        let mut resolved = match head.canonicalize() {
            Ok(resolved) => resolved,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for part in &parts[split..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                _ => {}
            }
        }
        return Ok(resolved);
    }
    Ok(abs)
}

/// Refuse an output directory that is the site root or holds it, or that is (or is inside)
/// one of the [`SOURCES`]. Each is compared as written under the root and, when it exists,
/// canonically (a `content/` that is a link protects what it points at).
fn refuse_sources(out: &Path, root: &Path, shown: &Path) -> anyhow::Result<()> {
    let instead = "write the site to a directory of its own, such as `--out public`";
    if root.starts_with(out) {
        let what = if out == root {
            "it is the site root".to_owned()
        } else {
            format!("it holds the site root {}", root.display())
        };
        bail!(
            "refusing to build into {}: {what}, and the build would replace casebook.yaml, \
             content/, themes/ and everything else in it; {instead}",
            shown.display()
        );
    }
    for (name, holds) in SOURCES {
        let lexical = root.join(name);
        let canonical = lexical.canonicalize().ok();
        for dir in std::iter::once(lexical.as_path()).chain(canonical.as_deref()) {
            let place = if out == dir {
                "is"
            } else if dir.starts_with(out) {
                "holds"
            } else if out.starts_with(dir) {
                "is inside"
            } else {
                continue;
            };
            bail!(
                "refusing to build into {}: it {place} the site's `{name}/`, which holds {holds}, \
                 and the build would replace it; {instead}",
                shown.display()
            );
        }
    }
    Ok(())
}

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

/// Write `files` as the new content of `out`, atomically, with the [`MARKER`] beside them.
pub fn commit(out: &OutDir, files: Vec<OutputFile>) -> anyhow::Result<()> {
    if let Some(bad) = files.iter().find(|f| !is_safe_relative(&f.path)) {
        bail!(
            "refusing to write `{}`: output paths must stay inside the output directory",
            bad.path
        );
    }
    if files.iter().any(|f| f.path == MARKER) {
        bail!("refusing to write `{MARKER}`: the name is the build's own marker");
    }
    let staging = sibling(&out.path, "staging")?;
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
    })?;
    let marker = staging.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).with_context(|| format!("writing {}", marker.display()))
}

/// `remove_dir_all`, with the files of each directory removed in parallel: deleting the
/// previous site's tens of thousands of files is most of a large rebuild's file-system time.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_root_links(false) {
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

fn swap(staging: &Path, dir: &OutDir) -> anyhow::Result<()> {
    // Again, now that the build is done: the directory may have changed meanwhile.
    dir.check_replaceable()?;
    let out = dir.path.as_path();
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

    /// A temporary directory holding a site root `site/` with its sources.
    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for sub in ["content/regions", "themes/default", ".git"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::write(root.join("content/regions/a.yaml"), "x").unwrap();
        (dir, root)
    }

    fn out_dir(out: &Path, root: &Path) -> OutDir {
        OutDir::new(out, root, false).unwrap()
    }

    #[test]
    fn paths_that_escape_are_refused() {
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a\\b", "./a"] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
        assert!(is_safe_relative("ja/index.html"));
    }

    #[test]
    fn paths_are_resolved_through_their_nearest_existing_ancestor() {
        let (dir, root) = site();
        let base = dir.path().canonicalize().unwrap();
        let site = base.join("site");
        for (given, want) in [
            (root.join("public"), site.join("public")),
            (root.join("new/../content/x"), site.join("content/x")),
            (root.join("new/./deeper/../../themes"), site.join("themes")),
            (root.join("content/regions/../.."), site.clone()),
            (root.join("content/new/../../.."), base.clone()),
        ] {
            assert_eq!(resolve(&given).unwrap(), want, "{}", given.display());
        }
    }

    /// The site root, its ancestors, and the sources (or anything inside them) are refused
    /// however they are written, even with `--force`, and nothing is created.
    #[test]
    fn the_sources_are_never_an_output_directory() {
        let (dir, root) = site();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("link")).unwrap();
        let mut refused = vec![
            root.clone(),
            root.join("."),
            dir.path().to_path_buf(),
            PathBuf::from("/"),
            root.join("content"),
            root.join("content/regions"),
            root.join("content/new/deeper"),
            root.join("themes/default/static"),
            root.join(".git"),
            root.join(".git/objects"),
            root.join("public/../content"),
            root.join("nothing/../../site"),
        ];
        if cfg!(unix) {
            refused.push(dir.path().join("link"));
            refused.push(dir.path().join("link/new"));
        }
        let before = listing(dir.path());
        for out in refused {
            for force in [false, true] {
                let err = OutDir::new(&out, &root, force).unwrap_err().to_string();
                assert!(err.starts_with("refusing to build into "), "{err}");
                assert!(err.contains("--out public"), "{err}");
            }
        }
        assert_eq!(
            before,
            listing(dir.path()),
            "nothing was written or removed"
        );
        OutDir::new(&root.join("public"), &root, false).unwrap();
        OutDir::new(&dir.path().join("elsewhere/site-out"), &root, false).unwrap();
    }

    /// Every file and directory under `dir`, sorted.
    fn listing(dir: &Path) -> Vec<PathBuf> {
        let mut all: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();
        all.sort();
        all
    }

    #[test]
    fn a_directory_casebook_did_not_write_is_replaced_only_with_force() {
        let (_dir, root) = site();
        let out = root.join("docs");
        std::fs::create_dir(&out).unwrap();
        // Empty: replaced.
        commit(&out_dir(&out, &root), vec![OutputFile::new("a.html", "1")]).unwrap();
        assert!(out.join(MARKER).is_file(), "every build leaves its marker");
        assert_eq!(
            std::fs::read_to_string(out.join(MARKER))
                .unwrap()
                .lines()
                .next(),
            Some("casebook-build/1")
        );
        // Marked: replaced.
        commit(&out_dir(&out, &root), vec![OutputFile::new("b.html", "2")]).unwrap();
        assert!(!out.join("a.html").exists());
        // Not marked and not empty: refused, untouched; with --force, replaced.
        std::fs::remove_file(out.join(MARKER)).unwrap();
        let err = OutDir::new(&out, &root, false).unwrap_err().to_string();
        assert!(err.contains("has no `.casebook-build` file"), "{err}");
        assert!(err.contains("--force"), "{err}");
        assert!(out.join("b.html").is_file());
        let forced = OutDir::new(&out, &root, true).unwrap();
        commit(&forced, vec![OutputFile::new("c.html", "3")]).unwrap();
        assert!(!out.join("b.html").exists() && out.join(MARKER).is_file());
        // A marker with another first line, or one that is a directory, is no marker.
        std::fs::write(out.join(MARKER), "something else\n").unwrap();
        assert!(OutDir::new(&out, &root, false).is_err());
        std::fs::remove_file(out.join(MARKER)).unwrap();
        std::fs::create_dir(out.join(MARKER)).unwrap();
        assert!(OutDir::new(&out, &root, false).is_err());
    }

    /// The check runs again at the swap: a directory emptied of its marker while the site was
    /// built is left alone.
    #[test]
    fn the_marker_is_checked_again_before_the_swap() {
        let (dir, root) = site();
        let out = root.join("public");
        commit(&out_dir(&out, &root), vec![OutputFile::new("a.html", "1")]).unwrap();
        let checked = out_dir(&out, &root);
        std::fs::remove_file(out.join(MARKER)).unwrap();
        assert!(commit(&checked, vec![OutputFile::new("b.html", "2")]).is_err());
        assert!(out.join("a.html").is_file());
        let stray: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().contains("staging"))
            .collect();
        assert!(stray.is_empty(), "{stray:?}");
        drop(dir);
    }

    #[test]
    fn a_failed_commit_leaves_the_previous_site() {
        let (dir, root) = site();
        let out = dir.path().join("public");
        commit(
            &out_dir(&out, &root),
            vec![OutputFile::new("index.html", "old")],
        )
        .unwrap();
        let err = commit(
            &out_dir(&out, &root),
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
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "site/ and public/, no staging directory");
        let marker = vec![OutputFile::new(MARKER, "x")];
        assert!(commit(&out_dir(&out, &root), marker).is_err());
    }

    #[test]
    fn a_commit_replaces_the_whole_tree() {
        let (dir, root) = site();
        let out = dir.path().join("public");
        commit(
            &out_dir(&out, &root),
            vec![OutputFile::new("a/old.html", "1")],
        )
        .unwrap();
        commit(
            &out_dir(&out, &root),
            vec![OutputFile::new("b/new.html", "2")],
        )
        .unwrap();
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
        let (dir, root) = site();
        let out = dir.path().join("public");
        let keep = dir.path().join("keep");
        std::fs::create_dir(&keep).unwrap();
        std::fs::write(keep.join("precious.txt"), "x").unwrap();
        commit(
            &out_dir(&out, &root),
            vec![OutputFile::new("a/b/c.html", "1")],
        )
        .unwrap();
        std::os::unix::fs::symlink(&keep, out.join("a/link")).unwrap();
        commit(
            &out_dir(&out, &root),
            vec![OutputFile::new("index.html", "2")],
        )
        .unwrap();
        assert!(keep.join("precious.txt").exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            left.len(),
            3,
            "only site/, public/ and keep/ remain: {left:?}"
        );
        assert!(!out.join("a").exists());
    }

    /// An output directory given as a link is written where the link points (the link stays).
    #[cfg(unix)]
    #[test]
    fn an_output_link_is_written_through() {
        let (dir, root) = site();
        let target = dir.path().join("www");
        std::fs::create_dir(&target).unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        commit(
            &out_dir(&link, &root),
            vec![OutputFile::new("index.html", "1")],
        )
        .unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert!(target.join("index.html").is_file());
    }
}
