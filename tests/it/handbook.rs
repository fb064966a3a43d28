//! The bundled handbook (the repository root): clean under `--strict`, and every item of the
//! committed inventory (`tests/inventory/*.json`) is on its built pages.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::{bin, repo, text_of, tree};

/// The handbook, built once for all tests of this module.
pub fn built() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let out = dir.join("public");
        let status = bin()
            .args(["build", "--strict", "--root"])
            .arg(repo())
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        out
    })
}

#[test]
fn the_handbook_is_clean_under_strict() {
    let out = bin()
        .args(["check", "--strict", "--format", "json", "--root"])
        .arg(repo())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "the bundled handbook has problems"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn every_inventory_item_is_on_its_pages() {
    let out = built();
    let mut files: Vec<_> = std::fs::read_dir(repo().join("tests/inventory"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 6, "inventory files missing");
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in files {
        let inv: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for rec in inv["records"].as_array().unwrap() {
            let path = rec["path"].as_str().unwrap();
            for lang in ["ja", "en"] {
                let page = out.join(lang).join(path).join("index.html");
                let Ok(html) = std::fs::read_to_string(&page) else {
                    problems.push(format!("{}: no page /{lang}/{path}/", file.display()));
                    continue;
                };
                let text = text_of(&html);
                for want in rec[lang].as_array().into_iter().flatten() {
                    let want = want.as_str().unwrap();
                    checked += 1;
                    if !text.contains(want) {
                        problems.push(format!("/{lang}/{path}/: missing `{want}`"));
                    }
                }
                if let Some(items) = rec["items"].as_object() {
                    for (name, count) in items {
                        let got = html.matches(&format!("data-item=\"{name}\"")).count() as u64;
                        checked += 1;
                        if Some(got) != count.as_u64() {
                            problems.push(format!(
                                "/{lang}/{path}/: {got} `{name}` items, inventory says {count}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {checked} inventory checks failed:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(checked > 500, "only {checked} inventory checks ran");
    eprintln!("{checked} inventory checks passed");
}

#[test]
fn every_record_is_reachable_from_the_home_page_in_both_languages() {
    let out = built();
    for lang in ["ja", "en"] {
        let mut seen = std::collections::BTreeSet::new();
        let mut queue = vec![format!("/{lang}/")];
        while let Some(url) = queue.pop() {
            if !seen.insert(url.clone()) {
                continue;
            }
            let file = out.join(url.trim_start_matches('/')).join("index.html");
            let Ok(html) = std::fs::read_to_string(&file) else {
                continue;
            };
            for part in html.split("href=\"").skip(1) {
                let link = part.split('"').next().unwrap();
                if link.starts_with(&format!("/{lang}/")) && link.ends_with('/') {
                    queue.push(link.to_owned());
                }
            }
        }
        let pages: Vec<String> = tree(&out.join(lang))
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.ends_with("index.html"))
            .collect();
        // Pages for editors (the translation status) are not linked for readers, on purpose.
        let editors = format!("/{lang}/editors/");
        for p in pages {
            let url = format!("/{lang}/{}", p.trim_end_matches("index.html"));
            if url.starts_with(&editors) {
                assert!(!seen.contains(&url), "{url} is linked from a reader's page");
                continue;
            }
            assert!(seen.contains(&url), "{url} is not reachable from /{lang}/");
        }
    }
}

#[test]
fn two_builds_of_the_handbook_are_byte_identical() {
    let first = tree(built());
    let dir = tempfile::tempdir().unwrap();
    let status = bin()
        .args(["build", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(dir.path().join("p"))
        .output()
        .unwrap();
    assert!(status.status.success());
    assert_eq!(first, tree(&dir.path().join("p")));
}

#[test]
fn pages_make_no_requests_to_other_hosts() {
    for (path, bytes) in tree(built()) {
        if !path.ends_with(".html") && !path.ends_with(".css") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        for attr in [
            "src=\"http",
            "src=\"//",
            "href=\"//",
            "url(http",
            "url(//",
            "@import",
        ] {
            assert!(
                !text.contains(attr),
                "{path} loads from another host ({attr})"
            );
        }
        assert!(!text.contains("rel=\"stylesheet\" href=\"http"), "{path}");
    }
}

/// The theme's words on English pages are English: a UI string whose English is empty on
/// purpose (the unit 人 after a number) stays empty instead of falling back to the Japanese,
/// and a date point under a column heading reads "(as of …)", not "（… 時点）".
#[test]
fn english_pages_print_no_japanese_ui_words() {
    for (path, bytes) in tree(&built().join("en")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(
            !html.contains("</data>人"),
            "{path}: a number is followed by the Japanese unit 人"
        );
        assert!(
            !html.contains("時点）</small></th>") && !html.contains("<small>（"),
            "{path}: a column heading's date is in Japanese form"
        );
    }
    let sheet =
        std::fs::read_to_string(built().join("en/status-sheets/kumamoto-pref-sheet/index.html"))
            .unwrap();
    assert!(sheet.contains("<small>(as of June 2019)</small>"));
}

/// A line that names its areas in its own words prints them once, as the sheet does, with
/// each area's page linked where the line names it.
#[test]
fn areas_named_in_the_text_are_printed_once_and_linked() {
    let html =
        std::fs::read_to_string(built().join("ja/status-sheets/kagoshima-pref-sheet/index.html"))
            .unwrap();
    let line = html
        .split("<li data-item=\"event\">")
        .map(|s| s.split("</li>").next().unwrap())
        .find(|s| text_of(s).contains("徳之島で活用"))
        .expect("the FY R2 event is on the page");
    assert!(
        text_of(line).starts_with("令和２年度（姶良・伊佐，南薩，曽於・肝属，徳之島で活用）"),
        "{line}"
    );
    assert_eq!(line.matches("徳之島").count(), 1, "printed once: {line}");
    for (area, words) in [
        ("aira-isa-area", "姶良・伊佐"),
        ("nansatsu-area", "南薩"),
        ("soo-kimotsuki-area", "曽於・肝属"),
        ("tokunoshima-area", "徳之島"),
    ] {
        assert!(
            line.contains(&format!("<a href=\"/ja/regions/{area}/\">{words}</a>")),
            "{area} in {line}"
        );
    }
    // A count whose areas are named by a label: linked inside it, and not listed again.
    let count = html
        .split("<li data-item=\"count\">")
        .map(|s| s.split("</li>").next().unwrap())
        .find(|s| s.contains("大隅圏域") && s.contains("体験談発表"))
        .expect("the FY R1 peer talks are on the page");
    assert!(
        text_of(count)
            .starts_with("令和元年度（南薩・北薩・大隅圏域）：精神科病院での体験談発表 13回"),
        "{count}"
    );
    assert!(
        count.contains("<a href=\"/ja/regions/hokusatsu-area/\">北薩</a>"),
        "{count}"
    );
    assert!(!count.contains("class=\"places\""), "{count}");
}

/// Kawasaki's sheet prints its advisor meetings as further ○ items under no heading: the
/// Japanese page shows none (keeping it for assistive technology), the English page shows the
/// standard one.
#[test]
fn a_heading_the_sheet_does_not_print_is_only_for_assistive_technology() {
    let out = built();
    let page = |lang: &str| {
        std::fs::read_to_string(
            out.join(format!("{lang}/outcomes/kawasaki-city-outcome/index.html")),
        )
        .unwrap()
    };
    assert!(page("ja").contains("<h3 class=\"visually-hidden\">（広域AD現地支援）</h3>"));
    assert!(page("ja").contains("<h3>○研修会の開催</h3>"));
    assert!(page("en").contains("<h3>On-site support by the wide-area advisor</h3>"));
}

/// Kawasaki's month rows are unmarked lines under a ○ line, as the sheet prints them, and the
/// wards they name are linked where they are named.
#[test]
fn outcome_lines_keep_their_own_marks_and_link_the_places_they_name() {
    let html =
        std::fs::read_to_string(built().join("ja/outcomes/kawasaki-city-outcome/index.html"))
            .unwrap();
    let lines: Vec<&str> = html
        .split("<li data-item=\"area-activity\">")
        .skip(1)
        .map(|s| s.split("</li>").next().unwrap())
        .collect();
    let marked: Vec<bool> = lines.iter().map(|l| l.contains("class=\"mark\"")).collect();
    assert_eq!(
        marked,
        [true, false, false, false, false, false, true, true],
        "{lines:#?}"
    );
    let december = lines
        .iter()
        .find(|l| text_of(l).starts_with("12月"))
        .unwrap();
    assert!(
        december.contains("<a href=\"/ja/regions/kawasaki-tama-ward/\">多摩区</a>自立支援協議会"),
        "{december}"
    );
    assert!(!december.contains("class=\"places\""), "{december}");
}

/// Issue #15 item 6: a region's page shows what is known of it, its indicators with what
/// their dates allow, a way to compare it, and its records with a line each.
#[test]
fn a_region_page_is_a_profile() {
    let page = |path: &str| std::fs::read_to_string(built().join(path)).unwrap();
    let kumamoto = page("ja/regions/kumamoto-pref/index.html");
    let text = text_of(&kumamoto);
    assert!(
        text.contains("精神病床における1年以上長期入院患者数"),
        "{text}"
    );
    assert!(
        text.contains("未達（期限前）")
            && text.contains("令和元年6月時点で目標を434人上回る。期限（令和3年度末）前の値のため、まだ判定できない"),
        "{text}"
    );
    assert!(!text.contains("未達成"), "no final 'not met': {text}");
    assert!(kumamoto.contains("<a href=\"/ja/compare/?regions=kumamoto-pref\">"));
    assert!(kumamoto.contains("<a href=\"/ja/status-sheets/kumamoto-pref-sheet/\">"));
    assert!(kumamoto.contains("<a href=\"/ja/indicators/long-term-inpatients/\">"));
    let tsugaru = text_of(&page("ja/regions/tsugaru-area/index.html"));
    assert!(tsugaru.contains("291,178 (時点: 平成30年3月)"), "{tsugaru}");
    let aomori = page("en/regions/aomori-pref/index.html");
    assert!(aomori.contains("<a href=\"/en/regions/tsugaru-area/\">Tsugaru area</a>"));
}

/// Issue #15 items 6 and 7: listings tell records apart (region, category, year, a line of
/// their own words), and prefectures come in the official order in both languages.
#[test]
fn listings_tell_records_apart_and_follow_the_official_order() {
    let page = |path: &str| std::fs::read_to_string(built().join(path)).unwrap();
    let cases = text_of(&page("ja/cases/index.html"));
    for line in [
        "精神障害者の家族支援に係る事業 — 海匝圏域 · 家族支援",
        "家族教室、ピアサポーター",
        "家族支援事業 — 柏圏域 · 家族支援",
        "家族支援 — 船橋圏域 · 家族支援",
    ] {
        assert!(cases.contains(line), "{line} in {cases}");
    }
    let sheets = text_of(&page("en/status-sheets/index.html"));
    assert!(sheets.contains("Kumamoto Prefecture · FY2021"), "{sheets}");
    for lang in ["ja", "en"] {
        let regions = page(&format!("{lang}/regions/index.html"));
        let at = |id: &str| {
            regions
                .find(&format!("<a href=\"/{lang}/regions/{id}/\">"))
                .expect(id)
        };
        let order = [
            "hokkaido-pref",
            "aomori-pref",
            "tochigi-pref",
            "saitama-pref",
            "chiba-pref",
            "tokyo-pref",
            "kanagawa-pref",
            "toyama-pref",
            "shizuoka-pref",
            "mie-pref",
            "shiga-pref",
            "hyogo-pref",
            "wakayama-pref",
            "shimane-pref",
            "okayama-pref",
            "hiroshima-pref",
            "kumamoto-pref",
            "miyazaki-pref",
            "kagoshima-pref",
        ];
        let places: Vec<usize> = order.iter().map(|id| at(id)).collect();
        assert!(
            places.windows(2).all(|w| w[0] < w[1]),
            "{lang}: {order:?} in order"
        );
    }
}
