//! Comparison pages and open data on the bundled handbook, asserted on real numbers from the
//! sources (issue #6).

use crate::handbook::built;
use crate::support::text_of;

fn page(path: &str) -> String {
    std::fs::read_to_string(built().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `/data/compare.json`, the index, and every comparison of its regions' shards, in order.
fn compare_data() -> (serde_json::Value, Vec<serde_json::Value>) {
    let index: serde_json::Value = serde_json::from_str(&page("data/compare.json")).unwrap();
    assert_eq!(index["format"], "casebook-compare/3");
    let rows = index["regions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            let url = r["rows"].as_str().unwrap();
            let shard: serde_json::Value =
                serde_json::from_str(&page(url.trim_start_matches('/'))).unwrap();
            assert_eq!(shard["format"], "casebook-compare-rows/1");
            assert_eq!(shard["region"], r["id"]);
            shard["rows"].as_array().unwrap().clone()
        })
        .collect();
    (index, rows)
}

/// The table row of a comparison page for one region, as text, in page order.
fn rows_for(html: &str, region: &str) -> Vec<String> {
    html.split("<tr ")
        .filter(|r| r.contains(&format!("data-region=\"{region}\"")))
        .map(text_of)
        .collect()
}

/// Issue #15, done when: 4,830 (June 2019) against 4,396 due at the end of FY2021 is 434
/// above the target, not yet due; nowhere "not met" as a final verdict.
#[test]
fn kumamoto_long_term_inpatients_are_434_above_the_target_not_yet_due() {
    let en = page("en/indicators/long-term-inpatients/index.html");
    let rows = rows_for(&en, "kumamoto-pref");
    let so_far = rows
        .iter()
        .find(|r| r.contains("end of FY2021"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(
        so_far.contains("4,830")
            && so_far.contains("June 2019")
            && so_far.contains("4,396")
            && so_far.contains("not yet met")
            && so_far.contains(
                "434 above the target as of June 2019; not yet due (deadline: end of FY2021)"
            ),
        "{so_far}"
    );
    // The section 4 row: its actual contradicts its heading and predates the target.
    let results = rows
        .iter()
        .find(|r| r.contains("start of FY2020"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(
        results.contains("not comparable")
            && results
                .contains("the actual is dated June 2019, but its column is headed end of FY2020")
            && results.contains("was measured before the target was set (start of FY2020)"),
        "{results}"
    );
    assert!(en.contains("lower is better"));
    let ja = page("ja/indicators/long-term-inpatients/index.html");
    let rows = rows_for(&ja, "kumamoto-pref");
    assert!(
        rows.iter().any(|r| r.contains("4,830人")
            && r.contains("+434人")
            && r.contains("令和元年6月時点で目標を434人上回る")
            && r.contains("期限（令和3年度末）前")),
        "{rows:#?}"
    );
    for (html, not_met) in [(&en, "not met"), (&ja, "未達成")] {
        for row in rows_for(html, "kumamoto-pref") {
            assert!(!row.contains(not_met), "a final verdict: {row}");
        }
        assert!(!html.contains("verdict not-met"));
    }
}

/// Issue #15, done when: Kumamoto's discharge rates are 14.2 / 3.5 / 1.8 points below target.
#[test]
fn kumamoto_discharge_rates_are_points_below_target() {
    for (id, baseline, target, en_gap, ja_gap) in [
        ("discharge-rate-3m", "54.8%", "69%", "14.2", "−14.2ポイント"),
        ("discharge-rate-6m", "80.5%", "84%", "3.5", "−3.5ポイント"),
        ("discharge-rate-12m", "88.2%", "90%", "1.8", "−1.8ポイント"),
    ] {
        let en = page(&format!("en/indicators/{id}/index.html"));
        let rows = rows_for(&en, "kumamoto-pref");
        assert!(
            rows.iter().any(|r| r.contains(baseline)
                && r.contains(target)
                && r.contains(&format!("−{en_gap} pt"))
                && r.contains(&format!("{en_gap} points below the target as of June 2019"))
                && r.contains("not yet met")),
            "{id}: {rows:#?}"
        );
        let as_percent = format!("−{en_gap}%");
        assert!(
            rows.iter().all(|r| !r.contains(&as_percent)),
            "a difference of rates is in points: {rows:#?}"
        );
        let ja = page(&format!("ja/indicators/{id}/index.html"));
        let rows = rows_for(&ja, "kumamoto-pref");
        assert!(
            rows.iter()
                .any(|r| r.contains(ja_gap)
                    && r.contains(&format!("目標を{}ポイント下回る", en_gap))),
            "{id}: {rows:#?}"
        );
    }
}

/// Issue #15 item 4: Kumamoto's long-term inpatients are compared twice, from the sheet's
/// section 4 and section 5 tables (the first row of each, `content/status-sheets/
/// kumamoto-pref-sheet.yaml`); each row names its section and row and links to that row.
#[test]
fn kumamoto_long_term_inpatients_rows_name_their_sections() {
    let sheet = "status-sheets/kumamoto-pref-sheet/";
    for (lang, s4, s5) in [
        (
            "en",
            "Status sheet, 4. Results and effects, row 1",
            "Status sheet, 5. Strengths and issues, row 1",
        ),
        (
            "ja",
            "自治体情報シート・４ 成果・効果・1行目",
            "自治体情報シート・５ 強みと課題・1行目",
        ),
    ] {
        for path in ["indicators/long-term-inpatients/", "compare/"] {
            let html = page(&format!("{lang}/{path}index.html"));
            let rows: Vec<&str> = html
                .split("<tr ")
                .filter(|r| {
                    r.contains("data-region=\"kumamoto-pref\"")
                        && (path.starts_with("indicators/")
                            || r.contains("data-indicator=\"long-term-inpatients\""))
                })
                .collect();
            assert_eq!(rows.len(), 2, "{lang}/{path}: {rows:#?}");
            for (row, text, anchor) in [(rows[0], s4, "s4-row-1"), (rows[1], s5, "s5-row-1")] {
                let link =
                    format!("<a class=\"source\" href=\"/{lang}/{sheet}#{anchor}\">{text}</a>");
                assert!(row.contains(&link), "{lang}/{path}: {link} not in {row}");
            }
        }
        // The rows linked to are there, with these ids, once each.
        let html = page(&format!("{lang}/{sheet}index.html"));
        for anchor in ["s4-row-1", "s5-row-1"] {
            let tr = format!(
                "<tr id=\"{anchor}\" data-item=\"indicator\" data-indicator=\"long-term-inpatients\">"
            );
            assert_eq!(html.matches(&tr).count(), 1, "{lang}: {tr}");
            assert_eq!(html.matches(&format!("id=\"{anchor}\"")).count(), 1);
        }
    }
    let csv = page("data/indicators.csv");
    let rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("kumamoto-pref,") && l.contains(",long-term-inpatients,"))
        .collect();
    for (path, source) in [
        (
            "results.indicators[0].actual",
            "status-sheets/kumamoto-pref-sheet/#s4-row-1",
        ),
        (
            "strengths.indicators[0].baseline",
            "status-sheets/kumamoto-pref-sheet/#s5-row-1",
        ),
    ] {
        assert!(
            rows.iter()
                .any(|l| l.contains(&format!(",{path},")) && l.ends_with(&format!(",{source}"))),
            "{path}: {rows:#?}"
        );
    }
}

/// An outcome's discharge figures link to their column of the discharge table.
#[test]
fn discharge_figures_link_to_their_column() {
    let html = page("en/indicators/discharged/index.html");
    let rows = rows_for(&html, "chiba-city");
    assert!(
        rows.iter()
            .any(|r| r.contains("Participation outcomes, discharge support, column 1")),
        "{rows:#?}"
    );
    assert!(html.contains("href=\"/en/outcomes/chiba-city-outcome/#discharge-1\""));
    let outcome = page("en/outcomes/chiba-city-outcome/index.html");
    assert_eq!(outcome.matches("id=\"discharge-1\"").count(), 1);
    let (_, rows) = compare_data();
    let row = rows
        .iter()
        .find(|r| r["region"] == "chiba-city" && r["indicator"] == "discharged")
        .unwrap();
    assert_eq!(row["source"]["path"], "discharge[0]");
    assert_eq!(
        row["source"]["url"]["ja"],
        "/ja/outcomes/chiba-city-outcome/#discharge-1"
    );
    assert_eq!(
        row["source"]["text"]["ja"],
        "支援事業に参加した成果・退院支援の状況・1列目"
    );
}

#[test]
fn kagoshima_forums_keep_both_numbers() {
    let en = page("en/indicators/municipal-forums/index.html");
    let rows = rows_for(&en, "kagoshima-pref");
    assert!(
        rows.iter().any(|r| r.contains("39 / 43")
            && r.contains("43 / 43")
            && r.contains("not yet met")
            && r.contains(
                "4 below the target as of end of June 2020; not yet due (deadline: end of FY2020)"
            )),
        "{rows:#?}"
    );
    let csv = page("data/indicators.csv");
    assert!(
        csv.lines().any(|l| l.starts_with("kagoshima-pref,")
            && l.contains(",municipal-forums,actual,39,43,")
            && l.contains(",not-yet-met,before-deadline,")),
        "{csv}"
    );
}

#[test]
fn the_csv_has_documented_columns_and_the_kumamoto_values() {
    let csv = page("data/indicators.csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("region,region_name_ja,region_name_en,indicator,kind,value,of,unit,date,date_role,source_record,source_path"), "{header}");
    assert!(
        header.ends_with(",verdict,verdict_reason,notes_ja,notes_en,source"),
        "{header}"
    );
    assert!(csv.lines().any(|l| l.starts_with("kumamoto-pref,熊本県,Kumamoto Prefecture,long-term-inpatients,target,4396,,people,FY2020-start,set-at,kumamoto-pref-sheet,")), "{csv}");
    let compare = text_of(&page("en/compare/index.html"));
    for col in header.split(',') {
        assert!(
            compare.contains(col),
            "column {col} is not documented on /en/compare/"
        );
    }
}

#[test]
fn the_compare_json_holds_every_comparison() {
    let (v, rows) = compare_data();
    let kumamoto = rows
        .iter()
        .find(|r| {
            r["region"] == "kumamoto-pref"
                && r["indicator"] == "long-term-inpatients"
                && r["actual"].is_object()
        })
        .unwrap();
    assert_eq!(kumamoto["actual"]["value"], 4830.0);
    assert_eq!(kumamoto["target"]["value"], 4396.0);
    // Not comparable: no verdict of met or not, no gap.
    assert_eq!(kumamoto["met"], serde_json::Value::Null);
    assert_eq!(kumamoto["gap"]["en"], serde_json::Value::Null);
    assert_eq!(kumamoto["verdict"]["status"], "not-comparable");
    assert_eq!(kumamoto["source"]["path"], "results.indicators[0]");
    assert_eq!(
        kumamoto["source"]["url"]["en"],
        "/en/status-sheets/kumamoto-pref-sheet/#s4-row-1"
    );
    assert_eq!(
        kumamoto["source"]["text"]["en"],
        "Status sheet, 4. Results and effects, row 1"
    );
    assert_eq!(
        kumamoto["verdict"]["reasons"],
        serde_json::json!(["contradicts-heading", "before-target-set"])
    );
    let so_far = rows
        .iter()
        .find(|r| {
            r["region"] == "kumamoto-pref"
                && r["indicator"] == "long-term-inpatients"
                && r["actual"].is_null()
        })
        .unwrap();
    assert_eq!(so_far["gap"]["en"], "+434");
    assert_eq!(so_far["verdict"]["status"], "not-yet-met");
    assert_eq!(so_far["verdict"]["judged"], "baseline");
    assert_eq!(so_far["verdict"]["label"]["ja"], "未達（期限前）");
    assert_eq!(
        so_far["verdict"]["details"]["en"][0],
        "434 above the target as of June 2019; not yet due (deadline: end of FY2021)"
    );
    assert!(v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "kagoshima-pref"));
}

#[test]
fn the_points_matrix_shows_every_analysis_and_all_six_points() {
    let html = page("en/compare/points/index.html");
    let analyses = std::fs::read_dir(crate::support::repo().join("content/analyses"))
        .unwrap()
        .count();
    assert_eq!(
        html.matches("<th scope=\"col\" data-column=").count(),
        analyses
    );
    for n in 1..=6 {
        assert!(
            html.contains(&format!("Point{n}</span>")),
            "Point{n} row missing"
        );
    }
    let outreach = page("en/compare/points/outreach/index.html");
    assert!(
        outreach.contains("data-region=\"wakayama-pref\"")
            && !outreach.contains("data-region=\"toyama-pref\"")
    );
}

/// Issue #15 item 8c: the index says where each region's comparisons are and which indicators
/// it has; a shard holds that region's rows only.
#[test]
fn the_compare_json_is_an_index_of_one_shard_per_region() {
    let (v, rows) = compare_data();
    let index = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "kumamoto-pref")
        .unwrap();
    assert_eq!(index["rows"], "/data/compare/kumamoto-pref.json");
    // Its sheet's two tables, sections 4 and 5, have the same four indicators.
    assert_eq!(
        index["indicators"],
        serde_json::json!([
            "long-term-inpatients",
            "discharge-rate-3m",
            "discharge-rate-6m",
            "discharge-rate-12m"
        ])
    );
    let kumamoto: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["region"] == "kumamoto-pref")
        .collect();
    assert_eq!(kumamoto.len(), 8, "two rows per indicator");
    assert!(v.get("rows").is_none(), "the rows are in the shards");
}

#[test]
fn issues_are_grouped_by_theme_with_roles() {
    let text = text_of(&page("ja/compare/issues/index.html"));
    assert!(
        text.contains("精神病床における長期入院患者の地域生活移行が進まない")
            || text.contains("長期入院患者の"),
        "{text}"
    );
    assert!(
        text.contains("地域移行支援に積極的に取り組む相談支援事業所が少ない"),
        "{text}"
    );
    assert!(text.contains("行政"));
}

#[test]
fn categories_by_region_link_the_cases() {
    let html = page("en/compare/categories/index.html");
    assert!(
        html.contains("data-region=\"chiba-city\"")
            && html.contains("/en/cases/chiba-city-awareness/")
    );
}

#[test]
fn the_timeline_draws_years_with_era_and_western_labels() {
    let html = page("ja/compare/timeline/index.html");
    assert!(
        html.contains("<svg") && html.contains("H25") && html.contains("2013"),
        "axis labels missing"
    );
    let text = text_of(&html);
    assert!(
        text.contains("期間の記載なし"),
        "programmes with lost periods are listed, not drawn"
    );
}

/// The ids of `content/vocabularies/<name>.yaml` (its `- id: …` lines).
pub fn vocabulary_ids(name: &str) -> Vec<String> {
    let path = crate::support::repo().join(format!("content/vocabularies/{name}.yaml"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id: "))
        .map(|id| id.trim().to_owned())
        .collect()
}

/// Whether `id` stands in `text` as a token of its own (not inside a longer word or id).
fn shows(text: &str, id: &str) -> bool {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

/// Every comparison page of one language under `public/`.
fn comparison_pages(lang: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for dir in ["compare", "indicators"] {
        for e in walkdir::WalkDir::new(built().join(lang).join(dir)) {
            let e = e.unwrap();
            if e.file_name() == "index.html" {
                out.push(e.into_path());
            }
        }
    }
    out.sort();
    out
}

/// A page's visible text: its `<main>` without scripts and without the open-data section,
/// which documents the data files' columns and so names ids as the values it describes.
pub fn visible_text(html: &str) -> String {
    let main = html
        .split_once("<main")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map_or(html, |(main, _)| main);
    let mut text = main.to_owned();
    for (open, close) in [
        ("<section aria-labelledby=\"data-h\">", "</section>"),
        ("<script", "</script>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    text_of(&text)
}

/// Issue #15, item 3: indicator, unit, region and category names in the reader's language on
/// every comparison page; ids only in URLs, attributes and data files. On Japanese pages no id
/// may show at all; on English pages, where a one-word id (`housing`, `people`) is also an
/// English word and hyphenated themes appear in prose, the hyphenated ids of indicators and
/// regions, which a table would print in place of a name, may not.
#[test]
fn no_id_is_shown_as_a_name_on_a_comparison_page() {
    let regions: Vec<String> = std::fs::read_dir(crate::support::repo().join("content/regions"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    let indicators = vocabulary_ids("indicators");
    let mut every: Vec<String> = ["people", "percent", "count", "times"]
        .map(str::to_owned)
        .to_vec();
    for vocabulary in ["categories", "themes", "region-kinds"] {
        every.extend(vocabulary_ids(vocabulary));
    }
    every.extend(indicators.iter().cloned());
    every.extend(regions.iter().cloned());
    let hyphenated: Vec<&String> = indicators
        .iter()
        .chain(&regions)
        .filter(|id| id.contains('-'))
        .collect();
    assert!(indicators.len() >= 10 && regions.len() >= 20 && every.len() > 50);
    let mut shown = Vec::new();
    for (lang, ids) in [("ja", every.iter().collect::<Vec<_>>()), ("en", hyphenated)] {
        let pages = comparison_pages(lang);
        assert!(pages.len() >= 15, "{lang}: {pages:?}");
        for page in pages {
            let text = visible_text(&std::fs::read_to_string(&page).unwrap());
            for id in ids.iter().filter(|id| shows(&text, id)) {
                shown.push(format!("{}: {id}", page.display()));
            }
        }
    }
    assert!(
        shown.is_empty(),
        "ids shown as names:\n{}",
        shown.join("\n")
    );
    // The check itself sees an id where one is printed.
    assert!(shows(
        "指標 long-term-inpatients の値",
        "long-term-inpatients"
    ));
    assert!(!shows(
        "/ja/indicators/long-term-inpatients-x/",
        "long-term-inpatients"
    ));
}

/// Issue #15, done when: Chiba's 13 discharged of the 31 given support, 41.9 %, computed, with
/// the footnote that says what the 31 counts; Aira-Isa's 6 with the 4 considering applying.
#[test]
fn chiba_discharged_13_of_31_is_41_9_percent_computed_with_its_footnote() {
    let en = page("en/indicators/discharged/index.html");
    let rows = rows_for(&en, "chiba-city");
    assert!(
        rows.iter().any(|r| r.contains("13 / 31")
            && r.contains("41.9% (computed)")
            && r.contains("Total of the participants in each of the above community transition support programmes")),
        "{rows:#?}"
    );
    let ja = page("ja/indicators/discharged/index.html");
    let rows = rows_for(&ja, "chiba-city");
    assert!(
        rows.iter().any(|r| r.contains("41.9%（算出）")
            && r.contains("※上記の地域移行支援各プログラム参加者の合計")),
        "{rows:#?}"
    );
    let given = page("ja/indicators/discharge-support-given/index.html");
    assert!(
        rows_for(&given, "chiba-city").iter().any(
            |r| r.contains("31人") && r.contains("※上記の地域移行支援各プログラム参加者の合計")
        ),
        "the 31 keeps its footnote"
    );
    let aira = rows_for(&given, "aira-isa-area");
    assert!(
        aira.iter()
            .any(|r| r.contains("6人") && r.contains("申請検討中4名") && r.contains("2月1日")),
        "{aira:#?}"
    );
    // The interactive view's data carries the share and the notes.
    let (_, rows) = compare_data();
    let chiba = rows
        .iter()
        .find(|r| r["region"] == "chiba-city" && r["indicator"] == "discharged")
        .unwrap();
    assert_eq!(chiba["actual"]["of"], 31.0);
    assert_eq!(chiba["actual"]["share"]["en"], "41.9% (computed)");
    assert_eq!(
        chiba["actual"]["notes"][0]["ja"],
        "※上記の地域移行支援各プログラム参加者の合計"
    );
    let csv = page("data/indicators.csv");
    assert!(
        csv.lines().any(|l| l.starts_with("chiba-city,")
            && l.contains(",discharged,actual,13,31,people,")
            && l.contains("※上記の地域移行支援各プログラム参加者の合計")),
        "the part keeps its whole in the CSV's of column, and its footnotes in notes_ja"
    );
}
