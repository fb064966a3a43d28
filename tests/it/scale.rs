//! Issue #15 item 8, at national scale: `/data/records.json` is an index of parts, one per
//! prefecture and one for records under none; `/data/compare.json` an index of one file per
//! region; and long HTML pages a national summary with a page per prefecture
//! (`render::view::parts`), so that no file grows with the whole country. Asserted on the
//! bundled handbook and on 2,000 regions written by `examples/gen_corpus.rs` inside the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::handbook::built;
use crate::support::{bin, records_parts, repo};

/// The largest an open-data file may be (`data::MAX_DATA_FILE`).
const MAX_DATA_FILE: u64 = 16 * 1024 * 1024;

/// A prefecture's part holds its regions and every record about them. On the generated corpus
/// it is at most 64 KiB (the prefecture's own records) and 40 KiB per region (at 2,000 regions
/// the most is 32 KiB per region beyond the 64 KiB: `benches/README.md`), so that the 16 MiB
/// bound holds up to about 400 regions in one prefecture (Tokyo, the largest at 2,000 regions,
/// has 197: 5.9 MB).
const PART_BYTES_BASE: u64 = 64 * 1024;
const PART_BYTES_PER_REGION: u64 = 40 * 1024;

/// `/data/compare.json` is the indicators (about 8 KiB) and a line per region with a
/// comparison (about 400 bytes: its names, the URL of its shard, its indicators' ids).
const COMPARE_INDEX_BASE: u64 = 16 * 1024;
const COMPARE_INDEX_PER_REGION: u64 = 1024;

/// A region's comparisons (`/data/compare/<id>.json`): a status sheet's two tables and an
/// outcome's figures, both languages' texts.
const MAX_COMPARE_SHARD: u64 = 64 * 1024;

/// The records of every part, by part file name, as (kind, id).
fn parts(out: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    records_parts(out)
        .into_iter()
        .map(|(file, part)| {
            assert_eq!(part["format"], "casebook-records/1", "{file:?}");
            let name = file
                .strip_prefix(out.join("data/records"))
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let records = part["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let s = |k: &str| r[k].as_str().unwrap().to_owned();
                    (s("kind"), s("id"))
                })
                .collect();
            (name, records)
        })
        .collect()
}

#[test]
fn records_json_indexes_parts_that_hold_every_record_once() {
    let parts = parts(built());
    let ids: Vec<&str> = parts
        .values()
        .flatten()
        .map(|(_, id)| id.as_str())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "a record in two parts");
    // Every record file of the handbook's content (vocabularies are not records).
    let files = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "yaml")
                && !e
                    .path()
                    .components()
                    .any(|c| c.as_os_str() == "vocabularies")
        })
        .count();
    assert_eq!(ids.len(), files);
    let kumamoto = &parts["prefectures/kumamoto-pref.json"];
    for id in ["kumamoto-pref", "kumamoto-pref-sheet"] {
        assert!(kumamoto.iter().any(|(_, i)| i == id), "{id}: {kumamoto:?}");
    }
    // A city's records are in its prefecture's part; handbook pages in `other`.
    let chiba = &parts["prefectures/chiba-pref.json"];
    assert!(
        chiba.iter().any(|(_, i)| i == "chiba-city-outcome"),
        "{chiba:?}"
    );
    // Pages, and a hospital placed under no prefecture with its practice case.
    let other = &parts["other.json"];
    for id in ["points", "anon-c-hospital", "c-hospital-linkage"] {
        assert!(other.iter().any(|(_, i)| i == id), "{id}: {other:?}");
    }
    // The index lists the prefectures in id order, then `other`.
    let order: Vec<PathBuf> = records_parts(built()).into_iter().map(|(f, _)| f).collect();
    let data = built().join("data/records");
    assert_eq!(order.last(), Some(&data.join("other.json")));
    let prefectures = &order[..order.len() - 1];
    assert!(prefectures.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(prefectures
        .iter()
        .all(|f| f.starts_with(data.join("prefectures"))));
}

/// A corpus written by `examples/gen_corpus.rs` and built, in a temporary directory that is
/// removed when this is dropped.
struct Generated {
    dir: tempfile::TempDir,
}

impl Generated {
    fn new(regions: usize) -> Generated {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let status = Command::new(env!("CARGO"))
            .current_dir(repo())
            .args([
                "run",
                "--quiet",
                "--locked",
                "--example",
                "gen_corpus",
                "--",
            ])
            .args(["--regions", &regions.to_string(), "--out"])
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "gen_corpus: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let built = bin()
            .args(["build", "--root"])
            .arg(&corpus)
            .arg("--out")
            .arg(dir.path().join("public"))
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        Generated { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }
}

/// Issue #15 item 8 at the scale it names: 2,000 generated regions (about 20,000 pages),
/// built by the test's debug binary in about two minutes. One test, so that the site is built
/// once; each check is a function of its own.
#[test]
fn a_national_casebook_of_2000_regions_keeps_every_file_small() {
    let site = Generated::new(2000);
    let out = site.out();
    records_are_split_by_prefecture(&out);
    no_html_page_is_over_1_mib(&out);
    long_pages_list_every_entry_in_one_part(&out);
    no_id_is_shown_as_a_name(&site);
}

fn records_are_split_by_prefecture(out: &Path) {
    let parts = parts(out);
    // The 47 prefectures each have a part; nothing of the generated corpus is under none.
    let prefectures = parts
        .keys()
        .filter(|k| k.starts_with("prefectures/"))
        .count();
    assert_eq!(prefectures, 47, "{:?}", parts.keys());
    for entry in walkdir::WalkDir::new(out.join("data")) {
        let entry = entry.unwrap();
        let size = entry.metadata().unwrap().len();
        assert!(size <= MAX_DATA_FILE, "{:?}: {size} bytes", entry.path());
    }
    // The interactive view's data: an index that grows by a line per region, and a shard per
    // region that does not grow with the country.
    let index = std::fs::metadata(out.join("data/compare.json"))
        .unwrap()
        .len();
    let shards: Vec<u64> = std::fs::read_dir(out.join("data/compare"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .collect();
    assert!(shards.len() >= 1000, "{} shards", shards.len());
    assert!(
        index <= COMPARE_INDEX_BASE + shards.len() as u64 * COMPARE_INDEX_PER_REGION,
        "compare.json: {index} bytes for {} regions",
        shards.len()
    );
    let largest = shards.iter().max().copied().unwrap_or_default();
    assert!(largest <= MAX_COMPARE_SHARD, "a shard of {largest} bytes");
    for (name, records) in &parts {
        let regions = records.iter().filter(|(kind, _)| kind == "regions").count() as u64;
        let size = std::fs::metadata(out.join("data/records").join(name))
            .unwrap()
            .len();
        assert!(
            size <= PART_BYTES_BASE + regions * PART_BYTES_PER_REGION,
            "{name}: {size} bytes for {regions} regions"
        );
    }
}

/// No HTML page over 1 MiB (`/ja/compare/` was 9.1 MB before the long pages were split).
fn no_html_page_is_over_1_mib(out: &Path) {
    let mut pages = 0;
    let mut over = Vec::new();
    for e in walkdir::WalkDir::new(out) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "html") {
            pages += 1;
            let size = e.metadata().unwrap().len();
            if size > 1024 * 1024 {
                over.push(format!("{}: {size} bytes", e.path().display()));
            }
        }
    }
    assert!(pages > 20_000, "{pages} pages");
    assert!(over.is_empty(), "pages over 1 MiB:\n{}", over.join("\n"));
}

/// The parts a split page's summary links to, each with the number of entries it says the
/// part has.
fn summary_parts(out: &Path, page: &str) -> Vec<(String, usize)> {
    let html = std::fs::read_to_string(out.join(page)).unwrap();
    html.split("<tr data-part>")
        .skip(1)
        .map(|row| {
            let url = row
                .split_once("href=\"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .unwrap()
                .0;
            let count = row
                .split_once("<td class=\"num\">")
                .and_then(|(_, rest)| rest.split_once('<'))
                .unwrap()
                .0;
            (url.to_owned(), count.parse().unwrap())
        })
        .collect()
}

/// Counts a page's entries in its HTML.
type Counter = dyn Fn(&str) -> usize;

/// Each long page is a national summary of parts, and each part lists as many entries as the
/// summary says; the summary itself lists none. An entry is counted by a marker the page
/// prints once per entry.
fn long_pages_list_every_entry_in_one_part(out: &Path) {
    // A link to a case's own page (not to the cases' index or one of its parts).
    let cases = |s: &str| {
        s.split("href=\"/ja/cases/")
            .skip(1)
            .filter(|rest| {
                !["\"", "prefectures/", "no-prefecture/"]
                    .iter()
                    .any(|p| rest.starts_with(p))
            })
            .count()
    };
    let marker = |m: &'static str| move |s: &str| s.matches(m).count();
    let pages: [(&str, &Counter); 8] = [
        ("ja/compare/index.html", &marker("<tr data-region=")),
        (
            "ja/indicators/discharged/index.html",
            &marker("<tr data-item="),
        ),
        (
            "ja/compare/points/index.html",
            &marker("<th scope=\"col\" data-column="),
        ),
        (
            "ja/compare/issues/index.html",
            &marker("data-item=\"issue\""),
        ),
        (
            "ja/compare/timeline/index.html",
            &marker("<tr data-region="),
        ),
        ("ja/compare/categories/index.html", &cases),
        ("ja/cases/index.html", &cases),
        // The translation status: a record with texts lacking English is an entry.
        ("ja/editors/translation/index.html", &marker("data-record=")),
    ];
    for (page, entries) in pages {
        let parts = summary_parts(out, page);
        assert!(parts.len() >= 47, "{page}: {parts:?}");
        let summary = std::fs::read_to_string(out.join(page)).unwrap();
        assert_eq!(entries(&summary), 0, "{page} lists entries itself");
        let total: usize = parts.iter().map(|(_, n)| n).sum();
        assert!(total > 200, "{page}: {total} entries");
        for (url, count) in &parts {
            let html =
                std::fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html"))
                    .unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(entries(&html), *count, "{url}");
            let current = format!("<a href=\"{url}\" aria-current=\"page\">");
            assert!(
                html.contains(&current),
                "{url} is not marked as the current part"
            );
        }
    }
}

/// Issue #15 item 3 on every comparison page of the national site, parts included: no region
/// or indicator id where a name belongs (the rules of the handbook's own test,
/// `compare::no_id_is_shown_as_a_name_on_a_comparison_page`).
fn no_id_is_shown_as_a_name(site: &Generated) {
    let regions: std::collections::HashSet<String> =
        std::fs::read_dir(site.corpus().join("content/regions"))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".yaml").map(str::to_owned)
            })
            .collect();
    assert_eq!(regions.len(), 2000);
    let indicators = crate::compare::vocabulary_ids("indicators");
    let hyphenated: std::collections::HashSet<&str> = regions
        .iter()
        .chain(&indicators)
        .map(String::as_str)
        .filter(|id| id.contains('-'))
        .collect();
    let mut shown = Vec::new();
    let mut pages = 0;
    for lang in ["ja", "en"] {
        for dir in ["compare", "indicators"] {
            for e in walkdir::WalkDir::new(site.out().join(lang).join(dir)) {
                let e = e.unwrap();
                if e.file_name() != "index.html" {
                    continue;
                }
                pages += 1;
                let html = std::fs::read_to_string(e.path()).unwrap();
                let text = crate::compare::visible_text(&html);
                let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
                for token in text.split(|c: char| !part(c)) {
                    if hyphenated.contains(token) {
                        shown.push(format!("{}: {token}", e.path().display()));
                    }
                }
            }
        }
    }
    assert!(pages > 1000, "{pages} comparison pages");
    shown.truncate(20);
    assert!(
        shown.is_empty(),
        "ids shown as names:\n{}",
        shown.join("\n")
    );
}
