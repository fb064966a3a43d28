//! Walking the site's sources under one symbolic-link policy, and the one list of editors'
//! files that no walk reads. `check`, `build` and `serve` all walk through here: the loader
//! walks `content/`, the theme its templates and static files, the watcher both.
//!
//! **Links** (issue #20). A link whose target stays inside the site root is followed like its
//! target: a link to a file is read as that file, a link to a directory is walked as that
//! directory, under the link's own path. A link that leaves the root is never followed; it is
//! a `symlink-outside-root` error at its path. A link whose target does not exist, or that
//! leads to a directory the walk reads already (a loop, such as `content/regions/all → ..`, or
//! a second path to the same files), is a `broken-symlink` error at its path. The walk reads
//! each directory once, so no arrangement of links makes it longer than the tree it stands on.
//! The order is deterministic: the directories themselves first, then the links, each in
//! order of their path.
//!
//! **Editors' files** ([`is_editor_file`]): scratch, swap, lock and backup files, and the
//! folder metadata of macOS and Windows, are skipped without a word.

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Span};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files, and links inside the root to regular files, sorted by `rel`.
    pub files: Vec<Found>,
    /// Every directory walked, the start included, as walked (a followed link by its own
    /// path), sorted.
    pub dirs: Vec<PathBuf>,
    /// Links to files that were followed, as walked: a watcher watches them too.
    pub file_links: Vec<PathBuf>,
    /// The links that were not followed, and why.
    pub diags: Vec<Diagnostic>,
}

/// A file found by a walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The path as walked (through any link), to read it by.
    pub path: PathBuf,
    /// Relative to the site root, `/`-separated.
    pub rel: String,
}

/// Which names a walk skips without reading them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// Editors' files and hidden names (a leading `.`): `content/`.
    HiddenAndEditorFiles,
    /// Editors' files only: a theme, whose static files may be hidden (`.well-known/`).
    EditorFiles,
}

impl Skip {
    fn skips(self, name: &str) -> bool {
        is_editor_file(name) || (self == Skip::HiddenAndEditorFiles && name.starts_with('.'))
    }
}

/// Editors' scratch, swap, lock and backup files, and folder metadata: Emacs' `#x#`, `.#x` and
/// `x~`; Vim's `.x.swp` (`.swo`, `.swn`, `.swx`) and the `4913` it writes to test a directory;
/// `x.tmp`; Kate's `.kate-swp`; JetBrains' `___jb_tmp___` and `___jb_old___`; `.DS_Store`,
/// `._x` (macOS), `Thumbs.db` and `desktop.ini` (Windows).
pub fn is_editor_file(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swn",
        ".swx",
        ".tmp",
        ".kate-swp",
        "___jb_tmp___",
        "___jb_old___",
    ];
    const NAMES: &[&str] = &["4913", ".DS_Store", "Thumbs.db", "desktop.ini"];
    SUFFIXES.iter().any(|s| name.ends_with(s))
        || NAMES.contains(&name)
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".#")
        || name.starts_with("._")
}

/// Walk `start` (a directory under `root`) under the link policy. `Err` only when `start`
/// or a directory inside it cannot be read.
pub fn walk(root: &Path, start: &Path, skip: Skip) -> std::io::Result<Walk> {
    let mut w = Walker {
        root: root.canonicalize()?,
        root_shown: root.to_path_buf(),
        skip,
        entered: BTreeSet::new(),
        links: VecDeque::new(),
        out: Walk::default(),
    };
    let canonical = start.canonicalize()?;
    if w.outside(&canonical) {
        let rel = w.rel(start);
        w.out.diags.push(outside_root(&rel, &canonical));
    } else {
        w.enter(start.to_path_buf(), canonical)?;
        while let Some(link) = w.links.pop_front() {
            w.follow(link)?;
        }
    }
    let mut out = w.out;
    out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    out.dirs.sort();
    out.file_links.sort();
    Ok(out)
}

/// The link policy for one file the site reads by name (`casebook.yaml`): why it must not be
/// read, when it is a link that leaves the root or leads nowhere.
pub fn check_file(root: &Path, rel: &str) -> Option<Diagnostic> {
    let path = root.join(rel);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_symlink() {
        return None;
    }
    let root = root.canonicalize().ok()?;
    match path.canonicalize() {
        Ok(target) if target.starts_with(&root) => None,
        Ok(target) => Some(outside_root(rel, &target)),
        Err(_) => {
            let to = std::fs::read_link(&path).unwrap_or_default();
            let message = format!(
                "this link leads to `{}`, which does not exist",
                to.display()
            );
            Some(broken(rel, message))
        }
    }
}

struct Walker {
    /// Canonical.
    root: PathBuf,
    /// As given, to make walked paths relative.
    root_shown: PathBuf,
    skip: Skip,
    /// The canonical directories read so far.
    entered: BTreeSet<PathBuf>,
    /// Links found and not yet followed, in the order found.
    links: VecDeque<PathBuf>,
    out: Walk,
}

impl Walker {
    fn outside(&self, canonical: &Path) -> bool {
        !canonical.starts_with(&self.root)
    }

    /// A walked path relative to the root, `/`-separated.
    fn rel(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root_shown).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Read the directory at `path` (as walked; `canonical` where it is): its files and real
    /// subdirectories now, its links later.
    fn enter(&mut self, path: PathBuf, canonical: PathBuf) -> std::io::Result<()> {
        let mut pending = vec![(path, canonical)];
        while let Some((dir, canonical)) = pending.pop() {
            self.entered.insert(canonical.clone());
            let mut subdirs = Vec::new();
            let mut entries = std::fs::read_dir(&dir)?.collect::<Result<Vec<_>, _>>()?;
            entries.sort_by_key(std::fs::DirEntry::file_name);
            for entry in entries {
                if self.skip.skips(&entry.file_name().to_string_lossy()) {
                    continue;
                }
                let kind = entry.file_type()?;
                let path = entry.path();
                if kind.is_symlink() {
                    self.links.push_back(path);
                } else if kind.is_dir() {
                    let inner = canonical.join(entry.file_name());
                    subdirs.push((path, inner));
                } else if kind.is_file() {
                    self.found(path);
                }
            }
            self.out.dirs.push(dir);
            // Depth first, in order: the stack takes them last first.
            pending.extend(subdirs.into_iter().rev());
        }
        Ok(())
    }

    fn found(&mut self, path: PathBuf) {
        let rel = self.rel(&path);
        self.out.files.push(Found { path, rel });
    }

    /// Follow one link, or report why not.
    fn follow(&mut self, link: PathBuf) -> std::io::Result<()> {
        let rel = self.rel(&link);
        let Ok(target) = link.canonicalize() else {
            let to = std::fs::read_link(&link).unwrap_or_default();
            self.out.diags.push(broken(
                &rel,
                format!(
                    "this link leads to `{}`, which does not exist",
                    to.display()
                ),
            ));
            return Ok(());
        };
        if self.outside(&target) {
            self.out.diags.push(outside_root(&rel, &target));
            return Ok(());
        }
        let meta = std::fs::metadata(&target)?;
        if meta.is_file() {
            self.out.file_links.push(link.clone());
            self.found(link);
        } else if meta.is_dir() {
            let held = self.root_rel(&target);
            if link
                .parent()
                .and_then(|p| p.canonicalize().ok())
                .is_some_and(|p| p.starts_with(&target))
            {
                self.out.diags.push(broken(
                    &rel,
                    format!("this link leads back to `{held}`, which holds it: a loop"),
                ));
            } else if self
                .entered
                .iter()
                .any(|e| e.starts_with(&target) || target.starts_with(e))
            {
                self.out.diags.push(broken(
                    &rel,
                    format!("this link leads to `{held}`, which is read already: the same files would be read twice"),
                ));
            } else {
                self.enter(link, target)?;
            }
        }
        Ok(())
    }

    /// A canonical path inside the root, relative to it, `/`-separated (`.` for the root).
    fn root_rel(&self, canonical: &Path) -> String {
        let rel = canonical.strip_prefix(&self.root).unwrap_or(canonical);
        let text = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if text.is_empty() {
            ".".to_owned()
        } else {
            format!("{text}/")
        }
    }
}

fn outside_root(rel: &str, target: &Path) -> Diagnostic {
    Diagnostic::new(
        Code::SymlinkOutsideRoot,
        rel,
        Span::start(),
        format!(
            "this link leads outside the site root, to `{}`; it is not read",
            target.display()
        ),
    )
    .with_help(
        "copy the file into the site instead of linking to it: everything a site reads stays \
         inside its root",
    )
}

fn broken(rel: &str, message: String) -> Diagnostic {
    Diagnostic::new(Code::BrokenSymlink, rel, Span::start(), message)
        .with_help("remove the link, or point it at a file or directory of its own inside the site")
}

#[cfg(unix)]
#[cfg(test)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    /// A site root `site/` in a temporary directory, with `content/regions/a.yaml`, a
    /// directory `shared/` inside the root and `outside/` beside it.
    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for sub in ["content/regions", "shared/pages", "outside"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("outside")).unwrap();
        std::fs::write(root.join("content/regions/a.yaml"), "a").unwrap();
        std::fs::write(root.join("shared/b.yaml"), "b").unwrap();
        std::fs::write(root.join("shared/pages/c.yaml"), "c").unwrap();
        std::fs::write(dir.path().join("outside/secret.yaml"), "s").unwrap();
        (dir, root)
    }

    fn content(root: &Path) -> Walk {
        walk(root, &root.join("content"), Skip::HiddenAndEditorFiles).unwrap()
    }

    fn rels(w: &Walk) -> Vec<&str> {
        w.files.iter().map(|f| f.rel.as_str()).collect()
    }

    fn codes(w: &Walk) -> Vec<(&str, &str)> {
        w.diags
            .iter()
            .map(|d| (d.file.as_str(), d.code.as_str()))
            .collect()
    }

    #[test]
    fn links_inside_the_root_are_followed_like_their_targets() {
        let (_dir, root) = site();
        symlink(
            root.join("shared/b.yaml"),
            root.join("content/regions/b.yaml"),
        )
        .unwrap();
        symlink("../shared/pages", root.join("content/pages")).unwrap();
        let w = content(&root);
        assert_eq!(
            rels(&w),
            [
                "content/pages/c.yaml",
                "content/regions/a.yaml",
                "content/regions/b.yaml"
            ]
        );
        assert!(w.diags.is_empty(), "{:?}", w.diags);
        assert_eq!(w.file_links, [root.join("content/regions/b.yaml")]);
        assert_eq!(
            w.dirs,
            [
                root.join("content"),
                root.join("content/pages"),
                root.join("content/regions")
            ]
        );
        let read = std::fs::read_to_string(&w.files[2].path).unwrap();
        assert_eq!(read, "b");
    }

    #[test]
    fn links_that_leave_the_root_are_errors_and_never_followed() {
        let (dir, root) = site();
        symlink(
            dir.path().join("outside/secret.yaml"),
            root.join("content/regions/s.yaml"),
        )
        .unwrap();
        symlink(dir.path().join("outside"), root.join("content/pages")).unwrap();
        symlink("/", root.join("content/everything")).unwrap();
        let w = content(&root);
        assert_eq!(rels(&w), ["content/regions/a.yaml"]);
        assert_eq!(
            codes(&w),
            [
                ("content/everything", "symlink-outside-root"),
                ("content/pages", "symlink-outside-root"),
                ("content/regions/s.yaml", "symlink-outside-root"),
            ]
        );
        assert!(
            w.diags[0].message.contains("to `/`"),
            "{}",
            w.diags[0].message
        );
        assert!(!w.dirs.iter().any(|d| d.ends_with("pages")));
    }

    #[test]
    fn a_start_that_leads_outside_is_one_error_at_its_path() {
        let (dir, root) = site();
        std::fs::remove_dir_all(root.join("content")).unwrap();
        symlink(dir.path().join("outside"), root.join("content")).unwrap();
        let w = content(&root);
        assert!(w.files.is_empty() && w.dirs.is_empty());
        assert_eq!(codes(&w), [("content", "symlink-outside-root")]);
        // Inside the root, a linked start is walked by its own path.
        std::fs::remove_file(root.join("content")).unwrap();
        symlink("shared", root.join("content")).unwrap();
        assert_eq!(
            rels(&content(&root)),
            ["content/b.yaml", "content/pages/c.yaml"]
        );
    }

    #[test]
    fn loops_and_dangling_links_are_errors() {
        let (_dir, root) = site();
        symlink("..", root.join("content/regions/up")).unwrap();
        symlink("../..", root.join("content/regions/root")).unwrap();
        symlink(".", root.join("content/regions/self")).unwrap();
        symlink("nowhere.yaml", root.join("content/regions/gone.yaml")).unwrap();
        symlink("regions", root.join("content/again")).unwrap();
        let w = content(&root);
        assert_eq!(rels(&w), ["content/regions/a.yaml"]);
        assert_eq!(
            codes(&w),
            [
                ("content/again", "broken-symlink"),
                ("content/regions/gone.yaml", "broken-symlink"),
                ("content/regions/root", "broken-symlink"),
                ("content/regions/self", "broken-symlink"),
                ("content/regions/up", "broken-symlink"),
            ]
        );
        let message = |file: &str| {
            w.diags
                .iter()
                .find(|d| d.file == file)
                .map(|d| d.message.clone())
                .unwrap()
        };
        assert!(message("content/regions/up").contains("leads back to `content/`"));
        assert!(message("content/regions/root").contains("leads back to `.`"));
        assert!(message("content/again").contains("`content/regions/`, which is read already"));
        assert!(
            message("content/regions/gone.yaml").contains("`nowhere.yaml`, which does not exist")
        );
    }

    /// Links between directories outside the walked tree cannot multiply the walk: each
    /// directory is read once, whatever the number of paths to it.
    #[test]
    fn a_web_of_links_reads_each_directory_once() {
        let (_dir, root) = site();
        let n = 12;
        for i in 0..n {
            std::fs::create_dir_all(root.join(format!("web/d{i}"))).unwrap();
            std::fs::write(root.join(format!("web/d{i}/f.yaml")), "x").unwrap();
        }
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    symlink(format!("../d{j}"), root.join(format!("web/d{i}/to{j}"))).unwrap();
                }
            }
            symlink(
                format!("../../web/d{i}"),
                root.join(format!("content/regions/d{i}")),
            )
            .unwrap();
        }
        let w = content(&root);
        assert_eq!(w.files.len(), 1 + n, "{:?}", rels(&w));
        assert_eq!(w.dirs.len(), 2 + n);
        assert_eq!(
            w.diags.len(),
            n * (n - 1),
            "every other path is reported once"
        );
    }

    #[test]
    fn editors_files_are_skipped_and_hidden_names_only_in_content() {
        let (_dir, root) = site();
        let regions = root.join("content/regions");
        for name in [
            "#a.yaml#",
            ".#a.yaml",
            "a.yaml~",
            "4913",
            "a.yaml.tmp",
            ".a.yaml.swp",
            ".a.yaml.swx",
            ".DS_Store",
            "Thumbs.db",
            "._a.yaml",
        ] {
            std::fs::write(regions.join(name), "x").unwrap();
        }
        // Emacs' lock file is a link to nowhere: skipped, not reported.
        symlink("user@host.123:456", regions.join(".#b.yaml")).unwrap();
        std::fs::write(regions.join(".hidden.yaml"), "x").unwrap();
        let w = content(&root);
        assert_eq!(rels(&w), ["content/regions/a.yaml"]);
        assert!(w.diags.is_empty(), "{:?}", w.diags);
        let theme = walk(&root, &root.join("content"), Skip::EditorFiles).unwrap();
        assert_eq!(
            rels(&theme),
            ["content/regions/.hidden.yaml", "content/regions/a.yaml"]
        );
        for kept in [
            "a.yaml",
            "x#",
            "#",
            "4914",
            "a.tmp.yaml",
            "swp",
            ".well-known",
        ] {
            assert!(!is_editor_file(kept), "{kept}");
        }
    }

    #[test]
    fn a_named_file_is_checked_like_a_walked_one() {
        let (dir, root) = site();
        assert!(check_file(&root, "casebook.yaml").is_none(), "absent");
        symlink(
            dir.path().join("outside/secret.yaml"),
            root.join("casebook.yaml"),
        )
        .unwrap();
        let d = check_file(&root, "casebook.yaml").unwrap();
        assert_eq!(d.code, Code::SymlinkOutsideRoot);
        std::fs::remove_file(root.join("casebook.yaml")).unwrap();
        symlink("shared/b.yaml", root.join("casebook.yaml")).unwrap();
        assert!(check_file(&root, "casebook.yaml").is_none());
        std::fs::remove_file(root.join("casebook.yaml")).unwrap();
        symlink("gone.yaml", root.join("casebook.yaml")).unwrap();
        assert_eq!(
            check_file(&root, "casebook.yaml").unwrap().code,
            Code::BrokenSymlink
        );
    }
}
