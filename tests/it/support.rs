//! `TestSite`: a fixture copied into a temporary directory, with the repository's default
//! theme, and helpers to run the real `casebook` binary on it. Invalid fixtures are overlays:
//! `TestSite::invalid` lays one over `minimal/` (see `tests/fixtures/invalid/README.md`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
}

/// The parts of a built site's `/data/records.json` index (a site served at `/`): each part's
/// file below `out` and its parsed JSON, in the index's order.
pub fn records_parts(out: &Path) -> Vec<(PathBuf, serde_json::Value)> {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/records.json")).unwrap()).unwrap();
    assert_eq!(index["format"], "casebook-records-index/1");
    index["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let file = out.join(p["url"].as_str().unwrap().trim_start_matches('/'));
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
            assert_eq!(p["bytes"].as_u64(), Some(bytes.len() as u64), "{file:?}");
            (file, serde_json::from_slice(&bytes).unwrap())
        })
        .collect()
}

/// `tests/fixtures/invalid/`: one overlay directory per invalid fixture.
pub fn invalid_fixtures() -> PathBuf {
    repo().join("tests/fixtures/invalid")
}

/// Files at the top of an invalid fixture that describe it rather than belong to the site:
/// they are never laid over `minimal/`.
pub const FIXTURE_ONLY: &[&str] = &["expected.jsonl"];

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            copy_entry(entry.path(), &dest, entry.file_type().is_symlink());
        }
    }
}

/// A file copied, or a link made again with the same target (as `cp -R` does): fixtures hold
/// links that lead nowhere or out of the site (issue #20).
fn copy_entry(from: &Path, to: &Path, is_link: bool) {
    if is_link {
        let _ = std::fs::remove_file(to);
        #[cfg(unix)]
        std::os::unix::fs::symlink(std::fs::read_link(from).unwrap(), to).unwrap();
        #[cfg(not(unix))]
        panic!("fixtures with links need a unix: {}", from.display());
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// Copy `tests/fixtures/<name>` and the default theme into a fresh directory.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        TestSite { dir }
    }

    /// The invalid fixture `name`: `minimal/` and the default theme, with the files of
    /// `tests/fixtures/invalid/<name>/` laid over them. A file of the overlay replaces the file
    /// at the same path or adds one; the files in [`FIXTURE_ONLY`] stay out of the site.
    pub fn invalid(name: &str) -> TestSite {
        let overlay = invalid_fixtures().join(name);
        assert!(overlay.is_dir(), "no fixture {}", overlay.display());
        let site = TestSite::fixture("minimal");
        for entry in walkdir::WalkDir::new(&overlay).min_depth(1) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&overlay).unwrap();
            let dest = site.root().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&dest).unwrap();
            } else if !(entry.depth() == 1 && FIXTURE_ONLY.iter().any(|f| rel == Path::new(f))) {
                copy_entry(entry.path(), &dest, entry.file_type().is_symlink());
            }
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn run(&self, args: &[&str]) -> Output {
        bin()
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .unwrap()
    }

    pub fn build(&self) -> Output {
        bin()
            .arg("build")
            .arg("--root")
            .arg(self.root())
            .arg("--out")
            .arg(self.out())
            .output()
            .unwrap()
    }

    pub fn page(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// The text of an HTML page: tags removed, entities decoded, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    // Inline elements join their text to what is around them, as a browser shows it
    // (「（<a>南薩</a>・<a>北薩</a>）」 reads 「（南薩・北薩）」); any other tag separates.
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "code", "data", "em", "i", "small", "span", "strong", "sub", "sup",
        "time",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if !INLINE.contains(&name) {
            out.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file of a directory tree with its bytes, sorted by relative path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}
