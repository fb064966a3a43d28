//! Live preview for `casebook serve`: watch the site root, rebuild in memory after a burst of
//! changes settles, and let open pages reload themselves.
//!
//! In: file-system events from `notify`. Out: a new [`Build`] in the shared [`Live`] state,
//! with its generation number bumped. A build with errors keeps the last good site and carries
//! the diagnostics, which every served page shows in an overlay until they are fixed.
//!
//! Decisions about a changed path go through the pure [`classify`], tested below. What is
//! watched comes from the site's own walk ([`watched_paths`]), laid again before each rebuild.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher as _};

use super::Files;
use crate::walk::{self, Skip};

/// How long the tree must stay quiet before a rebuild: editors save in several steps (write a
/// temporary file, rename it over the old one), and `git checkout` touches many files at once.
const SETTLE: Duration = Duration::from_millis(150);

/// The reserved URL prefix of the server's own files; no site path starts with it.
pub const PREFIX: &str = "/__casebook/";

/// The page script that reloads the page when the generation changes.
pub const SCRIPT: &str = include_str!("live.js");

/// What a changed path means for the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// `casebook.yaml` at the root.
    Config,
    /// Anything under `content/`.
    Content,
    /// Anything under `themes/`.
    Theme,
    /// Output, version control, editor scratch files, or anything else outside the site.
    Ignored,
}

/// Classify a path reported by the watcher. `root` is the canonical site root.
pub fn classify(root: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let Some(name) = parts.last() else {
        return Change::Ignored;
    };
    if parts.iter().any(|p| p.starts_with('.')) || walk::is_editor_file(name) {
        return Change::Ignored;
    }
    match parts.as_slice() {
        ["casebook.yaml"] => Change::Config,
        ["content", ..] => Change::Content,
        ["themes", ..] => Change::Theme,
        _ => Change::Ignored,
    }
}

/// Whether an event can change what a build reads. Reading files (the build's own, or an
/// editor's) and touching only their metadata cannot; without this filter every build would
/// set off the next one.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Modify(_)
        | EventKind::Remove(_)
        | EventKind::Other => true,
    }
}

/// One build of the site as the server shows it.
pub struct Build {
    /// The last site that built without errors (empty before the first one).
    pub files: Files,
    /// The diagnostics of the latest build when it failed, as `casebook check` prints them.
    pub errors: Option<String>,
    /// Counts builds; pages poll it and reload when it changes.
    pub generation: u64,
}

pub type Live = Arc<RwLock<Build>>;

/// Build the site in memory: the files, or the report of why not (printed on stderr too, as
/// `check` prints it, or as `error: …` when the site cannot be read or built at all).
pub fn build(root: &Path) -> Result<Files, String> {
    let failure = |e: anyhow::Error| {
        let report = format!("{e:#}");
        eprintln!("error: {report}");
        report
    };
    let (corpus, diags) = crate::build::load_and_validate(root).map_err(failure)?;
    let failed = diags.fails(false);
    let report = crate::build::human_report(corpus.as_ref(), root, diags).map_err(failure)?;
    eprint!("{report}");
    match corpus {
        Some(c) if !failed => crate::build::site_files(&c)
            .map(|files| Files::with_base(files, &c.config.base_path))
            .map_err(failure),
        _ => Err(report),
    }
}

/// Rebuild and publish the result: a good build replaces the site, a failed one keeps it.
pub fn rebuild(root: &Path, live: &Live) {
    let started = Instant::now();
    let result = build(root);
    let mut state = live
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    state.generation += 1;
    match result {
        Ok(files) => {
            log::info!("built the site in {} ms", started.elapsed().as_millis());
            state.files = files;
            state.errors = None;
        }
        Err(report) => {
            if state.files.is_empty() {
                log::warn!("the site has errors; pages show them until it builds");
            } else {
                log::warn!("the site has errors; still serving the last good build");
            }
            state.errors = Some(report);
        }
    }
}

/// Watch the root (not recursively, to see `casebook.yaml` replaced by an atomic save, and
/// `content/` or `themes/` removed, moved or restored) and every directory that the site's walk
/// reads under `content/` and `themes/`, and rebuild after each settled burst of relevant
/// changes. The watches are laid again from a new walk before each rebuild, so a `content/`
/// deleted and restored, moved away and back, or rewritten by a branch switch is watched again;
/// and the walk's link policy ([`crate::walk`]) keeps the watcher inside the root. The
/// watcher lives in the thread it starts, for as long as the server runs.
pub fn watch(root: PathBuf, live: Live) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    // The walk decides which links to follow; notify follows none of its own.
    let config = notify::Config::default().with_follow_symlinks(false);
    let watcher =
        notify::RecommendedWatcher::new(tx, config).context("starting the file watcher")?;
    let mut watches = Watches {
        watcher,
        root: root.clone(),
        watched: Vec::new(),
    };
    watches
        .watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .with_context(|| format!("watching {}", root.display()))?;
    watches.rewatch();
    std::thread::spawn(move || {
        let relevant = |event: notify::Result<notify::Event>| {
            event.is_ok_and(|e| {
                changes_content(&e.kind)
                    && e.paths
                        .iter()
                        .any(|p| classify(&root, p) != Change::Ignored)
            })
        };
        // The watcher, and so the sender, lives in this thread: `recv` fails only if it stops.
        while let Ok(first) = rx.recv() {
            let mut changed = relevant(first);
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(event) => changed |= relevant(event),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if changed {
                watches.rewatch();
                rebuild(&root, &live);
            }
        }
    });
    Ok(())
}

/// The watches below the root: each directory (and followed link to a file) that the walk of
/// `content/` and `themes/` reads, each watched on its own, not recursively.
struct Watches {
    watcher: notify::RecommendedWatcher,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

impl Watches {
    /// Drop every watch below the root and lay them again from a new walk. A directory may be
    /// a new one under an old name (deleted and restored, moved back): watching it again is
    /// the only way to be sure. A directory made while this runs is found by walking again
    /// until the walk finds nothing new, so none is missed between the walk and its watch;
    /// the rebuild that follows reads every file as it then is.
    fn rewatch(&mut self) {
        for path in self.watched.drain(..) {
            // A watch on a directory that was deleted is gone already.
            let _ = self.watcher.unwatch(&path);
        }
        let mut tried = std::collections::BTreeSet::new();
        loop {
            let new: Vec<PathBuf> = watched_paths(&self.root)
                .into_iter()
                .filter(|p| !tried.contains(p))
                .collect();
            if new.is_empty() {
                break;
            }
            for path in new {
                match self.watcher.watch(&path, RecursiveMode::NonRecursive) {
                    Ok(()) => self.watched.push(path.clone()),
                    Err(e) => log::debug!("not watching {}: {e}", path.display()),
                }
                tried.insert(path);
            }
        }
    }
}

/// What the watcher watches below the root: the directories the walk of `content/` and
/// `themes/` reads (a followed link by its own path, so its events name the site's path) and
/// the links to files it follows. Never anything outside the root; nothing for a directory
/// that is missing.
pub fn watched_paths(root: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for (dir, skip) in [
        ("content", Skip::HiddenAndEditorFiles),
        ("themes", Skip::EditorFiles),
    ] {
        if let Ok(walked) = walk::walk(root, &root.join(dir), skip) {
            paths.extend(walked.dirs);
            paths.extend(walked.file_links);
        }
    }
    paths
}

/// Add the reload script, and the error overlay when the latest build failed, to an HTML
/// page just before `</body>`.
pub fn inject(html: &[u8], generation: u64, errors: Option<&str>) -> Vec<u8> {
    let mut extra =
        format!("<script src=\"{PREFIX}live.js\" data-generation=\"{generation}\" defer></script>");
    if let Some(report) = errors {
        extra.push_str(&overlay(report));
    }
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// A page for when no build has succeeded yet: the diagnostics and the reload script.
pub fn error_page(generation: u64, errors: &str) -> Vec<u8> {
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
        <title>casebook: the site has errors</title></head><body></body></html>";
    inject(page.as_bytes(), generation, Some(errors))
}

fn overlay(report: &str) -> String {
    format!(
        "<div id=\"casebook-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;\
         max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.2rem;\
         background:#fff;color:#111;border-top:6px solid #b00020;\
         box-shadow:0 -4px 16px rgba(0,0,0,.25);font:14px/1.5 system-ui,sans-serif\">\
         <p style=\"margin:0 0 .5rem;font-weight:700;color:#b00020\">The site has errors. \
         This page is the last good build; it reloads when the errors are fixed.</p>\
         <pre style=\"margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace\">{}</pre>\
         </div>",
        crate::render::html::escape(report)
    )
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, MetadataKind};

    #[test]
    fn paths_are_classified_by_where_they_are_in_the_site() {
        let root = Path::new("/site");
        for (path, want) in [
            ("/site/casebook.yaml", Change::Config),
            ("/site/content/regions/a.yaml", Change::Content),
            ("/site/content/regions", Change::Content),
            ("/site/themes/default/templates/base.html", Change::Theme),
            ("/site/public/ja/index.html", Change::Ignored),
            ("/site/target/debug/casebook", Change::Ignored),
            ("/site/.git/index", Change::Ignored),
            ("/site/content/.a.yaml.swp", Change::Ignored),
            ("/site/content/regions/a.yaml~", Change::Ignored),
            ("/site/content/regions/4913", Change::Ignored),
            ("/site/content/regions/#a.yaml#", Change::Ignored),
            ("/site/content/regions/a.yaml.tmp", Change::Ignored),
            ("/site/content/regions/.#a.yaml", Change::Ignored),
            ("/site/themes/default/static/.DS_Store", Change::Ignored),
            ("/site/themes/default/static/x.css.swo", Change::Ignored),
            ("/site/casebook.yaml.swp", Change::Ignored),
            ("/site/sub/casebook.yaml", Change::Ignored),
            ("/site", Change::Ignored),
            ("/elsewhere/content/a.yaml", Change::Ignored),
        ] {
            assert_eq!(classify(root, Path::new(path)), want, "{path}");
        }
    }

    /// The watcher watches what the walk reads: never past a link that leaves the root,
    /// nothing under a missing `content/`.
    #[cfg(unix)]
    #[test]
    fn the_watcher_watches_only_what_the_site_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for sub in ["content/regions", "themes/default/static", "shared/pages"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::write(root.join("shared/x.yaml"), "x").unwrap();
        std::os::unix::fs::symlink("/", root.join("content/everything")).unwrap();
        std::os::unix::fs::symlink("../shared/pages", root.join("content/pages")).unwrap();
        std::os::unix::fs::symlink("../../shared/x.yaml", root.join("content/regions/x.yaml"))
            .unwrap();
        let rel = |paths: Vec<PathBuf>| -> Vec<String> {
            paths
                .iter()
                .map(|p| {
                    p.strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        };
        assert_eq!(
            rel(watched_paths(&root)),
            [
                "content",
                "content/pages",
                "content/regions",
                "content/regions/x.yaml",
                "themes",
                "themes/default",
                "themes/default/static",
            ]
        );
        std::fs::remove_dir_all(root.join("content")).unwrap();
        assert_eq!(
            rel(watched_paths(&root)),
            ["themes", "themes/default", "themes/default/static"]
        );
    }

    #[test]
    fn reading_files_does_not_trigger_a_build() {
        assert!(!changes_content(&EventKind::Access(AccessKind::Any)));
        assert!(!changes_content(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Any)));
        assert!(changes_content(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }

    #[test]
    fn the_script_and_overlay_go_before_the_end_of_the_body() {
        let page = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(page, 7, None)).unwrap();
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__casebook/live.js\" data-generation=\"7\" \
             defer></script></body></html>"
        );
        let out = String::from_utf8(inject(page, 8, Some("bad <b> & \"x\""))).unwrap();
        assert!(out.contains("role=\"alert\""), "{out}");
        assert!(out.contains("bad &lt;b&gt; &amp; &quot;x&quot;"), "{out}");
        assert!(out.ends_with("</div></body></html>"), "{out}");
        let bare = String::from_utf8(inject(b"<p>no body", 1, None)).unwrap();
        assert!(bare.starts_with("<p>no body<script"), "{bare}");
    }
}
