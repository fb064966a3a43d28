//! `casebook build --out`: the sources are never an output directory, and only a directory
//! that a previous build wrote (or an empty one) is replaced without `--force` (issue #20).

use std::path::Path;
use std::process::Output;

use crate::support::{bin, tree, TestSite};

/// `casebook build --out <out> [extra]`, run from the site root, so that relative paths are
/// read as a user at the root types them.
fn build_from_root(site: &TestSite, out: &str, extra: &[&str]) -> Output {
    bin()
        .current_dir(site.root())
        .args(["build", "--out", out])
        .args(extra)
        .env_remove("CASEBOOK_LOG")
        .output()
        .unwrap()
}

/// Every file under `dir` (the site's own files included) with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
}

#[test]
fn the_sources_are_refused_as_output_and_left_untouched() {
    let site = TestSite::fixture("minimal");
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    let before = snapshot(site.root());
    for out in [
        ".",
        "./",
        "..",
        "content",
        "content/regions",
        "content/new-dir",
        "themes",
        "themes/default/static",
        ".git",
        "public/../content",
        "nothing/../..",
    ] {
        for force in [&[][..], &["--force"][..]] {
            let run = build_from_root(&site, out, force);
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(
                run.status.code(),
                Some(2),
                "--out {out} {force:?}: {stderr}"
            );
            assert!(
                stderr.starts_with("error: refusing to build into "),
                "--out {out}: {stderr}"
            );
            assert!(stderr.contains("--out public"), "--out {out}: {stderr}");
        }
    }
    assert_eq!(
        before,
        snapshot(site.root()),
        "nothing was written or removed"
    );
}

/// A link to the content directory is resolved before it is compared.
#[cfg(unix)]
#[test]
fn a_link_to_the_sources_is_refused() {
    let site = TestSite::fixture("minimal");
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("out");
    std::os::unix::fs::symlink(site.root().join("content"), &link).unwrap();
    let before = snapshot(site.root());
    let run = build_from_root(&site, link.to_str().unwrap(), &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`content/`"), "{stderr}");
    assert_eq!(before, snapshot(site.root()));
}

#[test]
fn a_directory_a_build_did_not_write_needs_force() {
    let site = TestSite::fixture("minimal");
    site.write("docs/notes.md", "mine");
    let run = build_from_root(&site, "docs", &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "refusing to replace docs: it is not empty and has no `.casebook-build` file"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("docs/notes.md")).unwrap(),
        "mine"
    );
    let stray: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".docs"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");

    let run = build_from_root(&site, "docs", &["--force"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!site.root().join("docs/notes.md").exists());
    assert!(site.root().join("docs/ja/index.html").is_file());
    let marker = std::fs::read_to_string(site.root().join("docs/.casebook-build")).unwrap();
    assert!(marker.starts_with("casebook-build/1\n"), "{marker}");

    // Now marked, the directory is replaced by the next build without --force.
    let run = build_from_root(&site, "docs", &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn an_empty_or_new_directory_is_written() {
    let site = TestSite::fixture("minimal");
    std::fs::create_dir(site.root().join("empty")).unwrap();
    for out in ["empty", "new/deeper/site"] {
        let run = build_from_root(&site, out, &[]);
        assert!(
            run.status.success(),
            "{out}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            site.root().join(out).join(".casebook-build").is_file(),
            "{out}"
        );
    }
}
