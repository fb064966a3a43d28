//! Golden HTML: the `<main>` of every page of the `minimal` fixture, in both languages, as insta
//! snapshots under `tests/it/snapshots/golden/`. A change to a template or to rendering shows up
//! here as a reviewable diff. Review with `cargo insta review` (cargo install cargo-insta), or
//! accept all with `INSTA_UPDATE=always cargo test --test it golden`.
//!
//! Only `<main>` is kept: the header and footer are the same on every page and would turn one
//! change into 58 diffs. A snapshot whose page no longer exists fails the test.

use std::collections::BTreeSet;

use crate::support::tree;

const DIR: &str = "snapshots/golden";

/// `ja/regions/north-area/index.html` → `ja__regions__north-area`.
fn snapshot_name(path: &str) -> String {
    let stem = path
        .trim_end_matches("index.html")
        .trim_end_matches(".html");
    let name = stem.trim_end_matches('/').replace('/', "__");
    if name.is_empty() {
        "root".to_owned()
    } else {
        name
    }
}

fn main_of(html: &str) -> Option<&str> {
    let start = html.find("<main")?;
    let end = html[start..].find("</main>")? + start + "</main>".len();
    Some(&html[start..end])
}

#[test]
fn every_page_main_matches_its_snapshot() {
    let site = crate::build::built();
    let root = site.root().to_string_lossy().into_owned();
    let mut names = BTreeSet::new();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(DIR);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (path, bytes) in tree(&site.out()) {
            if !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).unwrap();
            let Some(main) = main_of(&html) else {
                continue; // redirects (the root picks a language) have no main
            };
            let name = snapshot_name(&path);
            assert!(names.insert(name.clone()), "two pages map to {name}");
            insta::assert_snapshot!(name.as_str(), main.replace(&root, "[root]"));
        }
    });
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it")
        .join(DIR);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(name) = file.strip_suffix(".snap") {
            assert!(
                names.contains(name),
                "{file} has no page any more: delete it if the page went on purpose"
            );
        }
    }
    assert!(names.len() > 40, "only {} pages had a <main>", names.len());
}
