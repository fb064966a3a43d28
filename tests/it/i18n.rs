//! `casebook i18n` and the editors' translation page (issue #16 item 3): the texts lacking
//! English, each with its file, line, column and field path, totals per kind and per region;
//! the same texts as `check`'s `missing-translation` warnings; the page not linked for readers.

use serde_json::Value;

use crate::support::{bin, repo, TestSite};

/// The minimal fixture with one text missing its English, one with the Japanese copied, and
/// one item's sub-item missing it.
fn site() -> TestSite {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/south-area.yaml",
        "name: {ja: 南部圏域}\nkind: area\nparent: sample-pref\n",
    );
    site.write(
        "content/regions/west-area.yaml",
        "name: {ja: 西部圏域, en: 西部圏域}\nkind: area\nparent: sample-pref\n",
    );
    site
}

#[test]
fn the_json_report_names_each_text_and_totals_it() {
    let site = site();
    let out = site.run(&["i18n", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "casebook-i18n/1");
    let record = |id: &str| {
        report["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let south = record("south-area");
    assert_eq!(south["file"], "content/regions/south-area.yaml");
    assert_eq!(south["region"], "south-area");
    let fields = south["untranslated"].as_array().unwrap();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0]["path"], "name");
    assert_eq!(fields[0]["lack"], "missing");
    assert_eq!(
        (fields[0]["line"].as_u64(), fields[0]["column"].as_u64()),
        (Some(1), Some(7))
    );
    assert_eq!(fields[0]["ja"], "南部圏域");
    let west = record("west-area");
    assert_eq!(west["untranslated"][0]["lack"], "same-as-japanese");
    // Totals: regions are 2 texts short; every record is counted under its kind and region.
    let regions = report["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == "regions")
        .unwrap();
    assert_eq!(regions["untranslated"], 2);
    assert_eq!(regions["incomplete"], 2);
    assert_eq!(report["total"]["untranslated"], 2);
    let by_region: u64 = report["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["records"].as_u64().unwrap())
        .sum();
    assert_eq!(by_region, report["total"]["records"].as_u64().unwrap());
}

#[test]
fn the_human_report_gives_places_an_editor_opens() {
    let site = site();
    let out = site.run(&["i18n"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("content/regions/south-area.yaml: 1 of 1 texts lack English"),
        "{text}"
    );
    assert!(
        text.contains("  content/regions/south-area.yaml:1:7  name  no English: 南部圏域"),
        "{text}"
    );
    assert!(
        text.contains(
            "content/regions/west-area.yaml:1:7  name  English is the Japanese: 西部圏域"
        ),
        "{text}"
    );
    // The minimal fixture's 15 texts and the two added; 6 records.
    assert!(
        text.trim_end()
            .ends_with("2 of 17 texts lack English, in 2 of 6 records"),
        "{text}"
    );
}

/// Every text `check` warns about is in the report, at the same place: one walk finds both.
#[test]
fn the_report_and_check_agree() {
    let site = site();
    let check = site.run(&["check", "--format", "json"]);
    let warned: Vec<(String, u64, u64)> = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|d| d["code"] == "missing-translation")
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_owned();
            (
                s("file"),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let report: Value =
        serde_json::from_slice(&site.run(&["i18n", "--format", "json"]).stdout).unwrap();
    let missing: Vec<(String, u64, u64)> = report["records"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            let file = r["file"].as_str().unwrap().to_owned();
            r["untranslated"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|u| u["lack"] == "missing")
                .map(move |u| {
                    (
                        file.clone(),
                        u["line"].as_u64().unwrap(),
                        u["column"].as_u64().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(warned.len(), 1);
    assert_eq!(missing, warned);
}

#[test]
fn content_errors_are_reported_and_exit_1() {
    let site = site();
    site.write("content/regions/broken.yaml", "name: {ja: 壊れた\n");
    let out = site.run(&["i18n", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.yaml"));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "casebook-i18n/1");
}

#[test]
fn the_editors_page_lists_the_same_texts_and_readers_are_not_sent_there() {
    let site = site();
    let built = site.build();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for lang in ["ja", "en"] {
        let page = site.page(&format!("{lang}/editors/translation/index.html"));
        assert_eq!(page.matches("<tr data-untranslated>").count(), 2, "{lang}");
        assert!(
            page.contains("content/regions/south-area.yaml:1:7"),
            "{lang}"
        );
        assert!(page.contains("<code>name</code>"), "{lang}");
        let home = site.page(&format!("{lang}/index.html"));
        assert!(
            !home.contains("editors/translation"),
            "{lang}: linked for readers"
        );
    }
    // The bundled handbook is translated, and says so.
    let out = bin().args(["i18n", "--root"]).arg(repo()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("\n0 of "));
}
