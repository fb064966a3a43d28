//! Issue #15 item 8, the open data at national scale: `/data/records.json` is an index of parts,
//! one per prefecture and one for records under none, and `/data/compare.json` an index of
//! one file per region, so that no data file grows with the whole country. Asserted on the bundled handbook and on a corpus written by
//! `examples/gen_corpus.rs` inside the test (100 regions: the 2,000 of the issue are measured
//! by `benches/scale.sh`, see `benches/README.md`).

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

/// `examples/gen_corpus.rs` writes `regions` regions into `dir`, built into `dir/public`.
fn generated(regions: usize) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let corpus = dir.join("corpus");
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
    let out = dir.join("public");
    let built = bin()
        .args(["build", "--root"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    out
}

#[test]
fn a_generated_corpus_splits_its_records_by_prefecture() {
    let out = generated(100);
    let parts = parts(&out);
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
    assert!(shards.len() >= 47, "{} shards", shards.len());
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
