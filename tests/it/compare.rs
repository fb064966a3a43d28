//! Comparison pages and open data on the bundled handbook, asserted on real numbers from the
//! sources (issue #6).

use crate::handbook::built;
use crate::support::text_of;

fn page(path: &str) -> String {
    std::fs::read_to_string(built().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The table row of a comparison page for one region, as text, in page order.
fn rows_for(html: &str, region: &str) -> Vec<String> {
    html.split("<tr ")
        .filter(|r| r.contains(&format!("data-region=\"{region}\"")))
        .map(text_of)
        .collect()
}

#[test]
fn kumamoto_long_term_inpatients_missed_the_target_by_434() {
    let en = page("en/indicators/long-term-inpatients/index.html");
    let rows = rows_for(&en, "kumamoto-pref");
    let result = rows
        .iter()
        .find(|r| r.contains("4,830") && r.contains("+434"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(
        result.contains("4,396") && result.contains("June 2019") && result.contains("not met"),
        "{result}"
    );
    assert!(en.contains("lower is better"));
    let ja = page("ja/indicators/long-term-inpatients/index.html");
    let rows = rows_for(&ja, "kumamoto-pref");
    assert!(
        rows.iter().any(|r| r.contains("4,830人")
            && r.contains("+434人")
            && r.contains("未達成")
            && r.contains("令和元年6月")),
        "{rows:#?}"
    );
}

#[test]
fn kumamoto_discharge_rates_against_their_targets() {
    for (id, actual, target, gap) in [
        ("discharge-rate-3m", "54.8%", "69%", "−14.2%"),
        ("discharge-rate-6m", "80.5%", "84%", "−3.5%"),
        ("discharge-rate-12m", "88.2%", "90%", "−1.8%"),
    ] {
        let en = page(&format!("en/indicators/{id}/index.html"));
        let rows = rows_for(&en, "kumamoto-pref");
        assert!(
            rows.iter().any(|r| r.contains(actual)
                && r.contains(target)
                && r.contains(gap)
                && r.contains("not met")),
            "{id}: {rows:#?}"
        );
    }
}

#[test]
fn kagoshima_forums_keep_both_numbers() {
    let en = page("en/indicators/municipal-forums/index.html");
    let rows = rows_for(&en, "kagoshima-pref");
    assert!(
        rows.iter()
            .any(|r| r.contains("39 / 43") && r.contains("43 / 43") && r.contains("not met")),
        "{rows:#?}"
    );
    let csv = page("data/indicators.csv");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("kagoshima-pref,")
                && l.contains(",municipal-forums,actual,39,43,")),
        "{csv}"
    );
}

#[test]
fn the_csv_has_documented_columns_and_the_kumamoto_values() {
    let csv = page("data/indicators.csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("region,region_name_ja,region_name_en,indicator,kind,value,of,unit,date,date_role,source_record,source_path"), "{header}");
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
    let v: serde_json::Value = serde_json::from_str(&page("data/compare.json")).unwrap();
    let rows = v["rows"].as_array().unwrap();
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
    assert_eq!(kumamoto["met"], false);
    assert_eq!(kumamoto["gap"]["en"], "+434");
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
