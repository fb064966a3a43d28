//! `/data/indicators.csv`: one row per [`Observation`], for open data.
//!
//! In: observations and the regions' names. Out: the file's bytes.
//!
//! Columns: those of [`COLUMNS`], in order — the twelve the pages agreed on
//! (`region` … `source_path`) and a last one, `areas`, because a count such as Kagoshima's
//! "20 peer supporters trained in FY H29" covers one area of the prefecture only, and a row
//! without it would read as a prefecture-wide figure.
//!
//! Format: RFC 4180 — a header row, then one row per observation in the observations'
//! order; a field is quoted when it holds a comma, a double quote, CR or LF, and a quote
//! inside it is doubled. UTF-8 without a byte-order mark; every line ends with `\n`.
//! Values are printed as the record gives them, without thousands separators or float noise
//! (`4396`, `54.8`); dates are the canonical strings of [`When::canonical`]
//! (`2019-06`, `FY2021-end`, `not-stated`), empty when the record gives none. A missing
//! English name is an empty field, never the Japanese one. [`COLUMNS`] documents each column
//! in English and Japanese.
//!
//! The writer is a few lines, so it is written here rather than taken from the `csv` crate.
//!
//! [`When::canonical`]: crate::model::When::canonical

use std::collections::BTreeMap;

use crate::compare::Observation;
use crate::load::Corpus;
use crate::model::{Body, Kind, Text};

/// The columns of `/data/indicators.csv`: (name, English description, Japanese description).
pub const COLUMNS: &[(&str, &str, &str)] = &[
    (
        "region",
        "Id of the region the value is about (a page at /en/regions/<id>/).",
        "値が対象とする地域のID（/ja/regions/<id>/ のページ）。",
    ),
    (
        "region_name_ja",
        "The region's name in Japanese.",
        "地域名（日本語）。",
    ),
    (
        "region_name_en",
        "The region's name in English; empty when not yet translated.",
        "地域名（英語）。未翻訳のときは空欄。",
    ),
    (
        "indicator",
        "Id of the indicator, from the indicator vocabulary (content/vocabularies/indicators.yaml).",
        "指標のID（指標の語彙 content/vocabularies/indicators.yaml）。",
    ),
    (
        "kind",
        "baseline (current value at the start), target, actual (value reached), or count (a count for a period).",
        "baseline（現状値）、target（目標値）、actual（実績値）、count（期間ごとの件数）のいずれか。",
    ),
    (
        "value",
        "The number as the source gives it, without thousands separators; a decimal point for fractions.",
        "出典に記載された数値。桁区切りなし、小数は小数点で表記。",
    ),
    (
        "of",
        "The whole the value is a part of, when the source says \"N of M\" (39 of 43 municipalities); otherwise empty.",
        "「M のうち N」の形で記載されているときの全体数（43市町村中39など）。それ以外は空欄。",
    ),
    (
        "unit",
        "people, percent, count (of places or things) or times (occasions).",
        "people（人）、percent（%）、count（カ所・件数）、times（回）のいずれか。",
    ),
    (
        "date",
        "The date of the value as a canonical string: 2019-06 (a month), FY2021-end (end of a fiscal year), FY2017 (a fiscal year, April to March), 2021-03-31, ranges A/B, or not-stated; empty when the source gives none.",
        "値の時点（正規化した表記）：2019-06（月）、FY2021-end（年度末）、FY2017（年度、4月～翌3月）、2021-03-31、範囲は A/B、記載なしは not-stated。出典に時点がないときは空欄。",
    ),
    (
        "date_role",
        "What the date is: as-of (when measured), deadline (when a target is to be reached), set-at (when a target was set, for targets without a deadline), or period (the period a count covers).",
        "時点の意味：as-of（測定時点）、deadline（目標の達成期限）、set-at（目標の設定時点。期限のない目標）、period（件数の対象期間）。",
    ),
    (
        "source_record",
        "Id of the record the value comes from (content/<kind>/<id>.yaml; see /data/records.json).",
        "値の出典レコードのID（content/<種別>/<id>.yaml。/data/records.json を参照）。",
    ),
    (
        "source_path",
        "Where in the record the value is: results.indicators[0].target, history.groups[2].counts[0], discharge[0].supported (0-based indexes).",
        "レコード内の位置：results.indicators[0].target、history.groups[2].counts[0]、discharge[0].supported など（添字は0から）。",
    ),
    (
        "areas",
        "For counts that cover only part of the region: the ids of the areas counted, separated by semicolons (aira-isa-area;kagoshima-area); empty when the value is for the whole region.",
        "地域の一部についての件数のとき、対象の圏域などのID（セミコロン区切り、例 aira-isa-area;kagoshima-area）。地域全体の値のときは空欄。",
    ),
];

/// Every region's name, by id.
pub fn region_names(corpus: &Corpus) -> BTreeMap<String, Text> {
    corpus
        .records
        .iter()
        .filter(|r| r.kind == Kind::Regions)
        .filter_map(|r| match &r.body {
            Body::Region(region) => Some((r.id.clone(), region.name.clone())),
            _ => None,
        })
        .collect()
}

/// `/data/indicators.csv` for the corpus's observations.
pub fn indicators_csv(corpus: &Corpus, observations: &[Observation]) -> Vec<u8> {
    write_csv(observations, &region_names(corpus))
}

/// `/data/indicators.csv` with region names taken from `names` (empty when a region is
/// missing from it).
pub fn write_csv(observations: &[Observation], names: &BTreeMap<String, Text>) -> Vec<u8> {
    let mut out = String::new();
    let header: Vec<&str> = COLUMNS.iter().map(|(name, _, _)| *name).collect();
    push_row(&mut out, &header);
    for o in observations {
        let name = names.get(&o.region);
        let ja = name.map(|n| n.ja.as_str()).unwrap_or_default();
        let en = name.and_then(|n| n.en.as_deref()).unwrap_or_default();
        let value = csv_number(o.value);
        let of = o.of.map(csv_number).unwrap_or_default();
        let date = o.date.as_ref().map(|d| d.canonical()).unwrap_or_default();
        let areas = o.areas.join(";");
        push_row(
            &mut out,
            &[
                &o.region,
                ja,
                en,
                &o.indicator,
                o.kind.as_str(),
                &value,
                &of,
                unit_str(o.unit),
                &date,
                o.date_role.as_str(),
                &o.source_record,
                &o.path,
                &areas,
            ],
        );
    }
    out.into_bytes()
}

/// The unit as the vocabulary writes it.
pub fn unit_str(unit: crate::model::vocab::Unit) -> &'static str {
    use crate::model::vocab::Unit;
    match unit {
        Unit::People => "people",
        Unit::Percent => "percent",
        Unit::Count => "count",
        Unit::Times => "times",
    }
}

/// A value as written: Rust's shortest round-trip form never uses an exponent and prints
/// `4396` and `54.8`; `-0` becomes `0`, a non-finite value an empty field.
fn csv_number(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v == 0.0 {
        "0".to_owned()
    } else {
        format!("{v}")
    }
}

fn push_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push('\n');
}

/// One field, quoted when it must be (RFC 4180 §2.6–2.7).
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::observations::{observations, DateRole, ObsKind};
    use crate::model::vocab::Unit;
    use crate::testutil::corpus;

    /// An RFC 4180 reader, for the round trip.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            field.is_empty() && row.is_empty(),
            "the file ends with a newline"
        );
        rows
    }

    fn obs(region: &str, value: f64) -> Observation {
        Observation {
            region: region.to_owned(),
            indicator: "municipal-forums".to_owned(),
            kind: ObsKind::Actual,
            value,
            of: Some(43.0),
            unit: Unit::Count,
            date: "R2年度6月末".parse().ok(),
            date_role: DateRole::AsOf,
            source_record: "x-sheet".to_owned(),
            source_kind: Kind::StatusSheets,
            path: "results.indicators[1].actual".to_owned(),
            areas: Vec::new(),
            note: None,
        }
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let mut names = BTreeMap::new();
        names.insert(
            "odd".to_owned(),
            Text::new("甲，乙", "A \"quoted\", with comma\nand a line"),
        );
        let bytes = write_csv(&[obs("odd", 39.0)], &names);
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(!text.starts_with('\u{feff}'), "no BOM");
        assert!(!text.contains('\r'), "LF line ends");
        let expected = "odd,甲，乙,\"A \"\"quoted\"\", with comma\nand a line\",municipal-forums,actual,39,43,count,2020-06-end,as-of,x-sheet,results.indicators[1].actual,\n";
        assert!(text.ends_with(expected), "{text}");
        let rows = parse(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][2], "A \"quoted\", with comma\nand a line");
        // A region without a name gets empty name fields.
        let text =
            String::from_utf8(write_csv(&[obs("nameless", 0.5)], &BTreeMap::new())).expect("UTF-8");
        assert!(text.contains("\nnameless,,,municipal-forums,actual,0.5,43,"));
    }

    #[test]
    fn header_matches_the_documented_columns() {
        let text = String::from_utf8(write_csv(&[], &BTreeMap::new())).expect("UTF-8");
        assert_eq!(
            text,
            "region,region_name_ja,region_name_en,indicator,kind,value,of,unit,date,date_role,source_record,source_path,areas\n"
        );
        assert!(COLUMNS
            .iter()
            .all(|(n, en, ja)| !n.is_empty() && !en.is_empty() && !ja.is_empty()));
    }

    #[test]
    fn kumamoto_rows_round_trip() {
        let corpus = corpus();
        let all = observations(corpus);
        let text = String::from_utf8(indicators_csv(corpus, &all)).expect("UTF-8");
        let rows = parse(&text);
        let header = &rows[0];
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name}"))
        };
        assert_eq!(rows.len(), all.len() + 1, "one row per observation");
        let kumamoto: Vec<(&Vec<String>, &Observation)> = rows[1..]
            .iter()
            .zip(&all)
            .filter(|(_, o)| o.source_record == "kumamoto-pref-sheet")
            .collect();
        assert!(!kumamoto.is_empty());
        for (row, o) in &kumamoto {
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(row[col("region")], o.region);
            assert_eq!(row[col("region_name_ja")], "熊本県");
            assert_eq!(row[col("region_name_en")], "Kumamoto Prefecture");
            assert_eq!(row[col("indicator")], o.indicator);
            assert_eq!(row[col("kind")], o.kind.as_str());
            assert_eq!(row[col("value")].parse::<f64>().ok(), Some(o.value));
            assert_eq!(row[col("of")].parse::<f64>().ok(), o.of);
            assert_eq!(row[col("unit")], unit_str(o.unit));
            let date = o.date.as_ref().map(|d| d.canonical()).unwrap_or_default();
            assert_eq!(row[col("date")], date);
            assert_eq!(row[col("date_role")], o.date_role.as_str());
            assert_eq!(row[col("source_record")], o.source_record);
            assert_eq!(row[col("source_path")], o.path);
            assert_eq!(row[col("areas")], o.areas.join(";"));
        }
        // The numbers as written in the source, no separators or float noise.
        let line = |path: &str| {
            kumamoto
                .iter()
                .find(|(_, o)| o.path == path)
                .map(|(row, _)| row.join(","))
                .unwrap_or_else(|| panic!("no row {path}"))
        };
        assert_eq!(
            line("results.indicators[0].target"),
            "kumamoto-pref,熊本県,Kumamoto Prefecture,long-term-inpatients,target,4396,,people,FY2020-start,set-at,kumamoto-pref-sheet,results.indicators[0].target,"
        );
        assert_eq!(
            line("results.indicators[1].actual"),
            "kumamoto-pref,熊本県,Kumamoto Prefecture,discharge-rate-3m,actual,54.8,,percent,2019-06,as-of,kumamoto-pref-sheet,results.indicators[1].actual,"
        );
    }

    #[test]
    fn counts_name_the_areas_they_cover() {
        let corpus = corpus();
        let text = String::from_utf8(indicators_csv(corpus, &observations(corpus))).expect("UTF-8");
        // Kagoshima's sheet: 20 peer supporters trained in FY H29, in the Aira-Isa area only.
        assert!(text.contains(
            "\nkagoshima-pref,鹿児島県,Kagoshima Prefecture,peer-supporters-trained,count,20,,people,FY2017,period,kagoshima-pref-sheet,history.groups[2].counts[0],aira-isa-area\n"
        ));
        assert!(text.contains(",FY2018,period,kagoshima-pref-sheet,history.groups[4].counts[1],aira-isa-area;kagoshima-area\n"));
    }
}
