//! `/data/indicators.csv`: one row per [`Observation`], for open data.
//!
//! In: observations and the regions' names. Out: the file's bytes.
//!
//! Columns: those of [`COLUMNS`], in order — the twelve the pages agreed on
//! (`region` … `source_path`); `areas`, because a count such as Kagoshima's
//! "20 peer supporters trained in FY H29" covers one area of the prefecture only, and a row
//! without it would read as a prefecture-wide figure; and `verdict` and `verdict_reason`, the
//! verdict of the comparison (source row) the value belongs to, as codes; and `notes_ja` and
//! `notes_en`, every note and footnote of the value (issue #15); and `source`, the row of the
//! record's page the value comes from (`status-sheets/kumamoto-pref-sheet/#s4-row-1`).
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
//! **Formulas.** A text field that begins with `=`, `+`, `-`, `@`, a tab, CR or NUL is
//! neutralised as OWASP's CSV-injection guidance says: a single quote is put before it and the
//! field is quoted, so that a spreadsheet shows `'=HYPERLINK(…)` as text rather than running
//! it. Every column but `value` and `of` is text and is neutralised, the canonical dates too
//! (a date without its year, `--02-01`, is a formula to a spreadsheet, which would show `1`);
//! `value` and `of` are numbers Casebook formats itself, and a negative number (`-3`) stays a
//! number. A reader that wants the text back drops the quote.
//!
//! The writer is a few lines, so it is written here rather than taken from the `csv` crate.
//!
//! [`When::canonical`]: crate::model::When::canonical

use std::collections::BTreeMap;

use crate::compare::{Comparison, ObsKind, Observation, Verdict};
use crate::load::Corpus;
use crate::model::{Body, Kind, Text};
use crate::site::routes::row_path;

/// The columns of `/data/indicators.csv`: (name, English description, Japanese description).
pub const COLUMNS: &[(&str, &str, &str)] = &[
    (
        "region",
        "Id of the region the value is about (a page at /en/regions/<id>/).",
        "値が対象とする地域のID（/ja/regions/<id>/ のページ）。",
    ),
    (
        "region_name_ja",
        "The region's name in Japanese. A name that begins with =, +, -, @, a tab or CR is written with ' before it, so that spreadsheets read it as text, never as a formula.",
        "地域名（日本語）。=、+、-、@、タブ、CR で始まる名前は、表計算ソフトが数式として扱わないよう先頭に ' を付けて出力します。",
    ),
    (
        "region_name_en",
        "The region's name in English; empty when not yet translated. Written with ' before it when it begins with =, +, -, @, a tab or CR, as region_name_ja.",
        "地域名（英語）。未翻訳のときは空欄。=、+、-、@、タブ、CR で始まるときは region_name_ja と同じく先頭に ' を付けます。",
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
        "The whole the value is a part of, when the source says \"N of M\" (39 of 43 municipalities; 13 discharged of the 31 given discharge support); otherwise empty.",
        "「M のうち N」の形で記載されているときの全体数（43市町村中39、退院支援を実施した31人のうち退院13人など）。それ以外は空欄。",
    ),
    (
        "unit",
        "people, percent, count (of places or things) or times (occasions).",
        "people（人）、percent（%）、count（カ所・件数）、times（回）のいずれか。",
    ),
    (
        "date",
        "The date of the value as a canonical string: 2019-06 (a month), FY2021-end (end of a fiscal year), FY2017 (a fiscal year, April to March), 2021-03-31, ranges A/B, or not-stated; empty when the source gives none. A day or month without its year (--02-01) is written '--02-01, so that spreadsheets do not compute it as a formula.",
        "値の時点（正規化した表記）：2019-06（月）、FY2021-end（年度末）、FY2017（年度、4月～翌3月）、2021-03-31、範囲は A/B、記載なしは not-stated。出典に時点がないときは空欄。年のない日付・月（--02-01）は、表計算ソフトが数式として計算しないよう '--02-01 と出力します。",
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
    (
        "verdict",
        "The verdict of the comparison the value belongs to (its source row), the same on every value of the row: met or not-met only when the value judged (the row's actual, else its baseline) was measured at or after the target's deadline; before the deadline, or for a target without one, on-track (the target is already reached) or not-yet-met; not-comparable when the dates do not allow the value to be set against the target (see verdict_reason). Empty for a row without a target or without a measured value, and for counts.",
        "値が属する比較（出典の行）の判定。同じ行の値にはすべて同じ判定が入る。判定する値（行の実績値、なければ現状値）が目標の期限以降に測られたときに限り met（達成）または not-met（未達成）。期限前、または期限のない目標では on-track（すでに目標に到達）または not-yet-met（まだ到達していない）。時点から見て目標と比べられないときは not-comparable（理由は verdict_reason）。目標または測定値のない行と件数（count）では空欄。",
    ),
    (
        "verdict_reason",
        "Why the verdict is provisional or not comparable, as codes separated by semicolons: before-deadline (measured before the deadline), no-deadline (the target gives only when it was set), target-undated (the target gives no date), undated (the value judged has no date), contradicts-heading (its date shares no day with the date its column heading names), before-target-set (measured before the target was set). Empty for a final verdict.",
        "判定が暫定である理由、または比べられない理由（コード、セミコロン区切り）：before-deadline（期限前の値）、no-deadline（目標に期限がなく設定時点のみ）、target-undated（目標に時点の記載なし）、undated（判定する値に時点の記載なし）、contradicts-heading（値の時点が列見出しの時点と重ならない）、before-target-set（目標の設定より前の値）。確定した判定では空欄。",
    ),
    (
        "notes_ja",
        "Every note and footnote of the value in Japanese, separated by \" | \" (the source's ※ footnotes, what it counts beside the value, a remark such as a column heading that disagrees with the value's date); empty when there is none. Written with ' before it when it begins with =, +, -, @, a tab or CR, as region_name_ja.",
        "値の注記・脚注（日本語）。複数あるときは \" | \" で区切る（出典の※注、値と並べて記載されている数、値の時点と一致しない列見出しなどの注記）。ないときは空欄。=、+、-、@、タブ、CR で始まるときは region_name_ja と同じく先頭に ' を付けます。",
    ),
    (
        "notes_en",
        "The same notes in English, in the same order and separated the same way; a note not yet translated is left empty between its separators.",
        "同じ注記の英訳。notes_ja と同じ順に \" | \" で区切る。未翻訳の注記は区切りの間を空にします。",
    ),
    (
        "source",
        "Where the value comes from on the site, below /ja/ or /en/: the record's page at the row, which names the section and the row — status-sheets/kumamoto-pref-sheet/#s4-row-1 (section 4 of a status sheet, row 1), #s5-row-2 (section 5, row 2), outcomes/<id>/#discharge-1 (column 1 of an outcome's discharge table); the record's page alone for a value outside these tables (a yearly count).",
        "サイト上の値の出典（/ja/ または /en/ 以下）。レコードのページの該当行で、節と行を示す：status-sheets/kumamoto-pref-sheet/#s4-row-1（自治体情報シートの４の1行目）、#s5-row-2（５の2行目）、outcomes/<id>/#discharge-1（参加成果の退院支援の表の1列目）。これらの表にない値（年度ごとの数など）はレコードのページのみ。",
    ),
];

/// Between the notes of one value in `notes_ja` and `notes_en`: not a line break, which
/// line-based tools would read as a new row.
const NOTE_SEP: &str = " | ";

/// Verdicts by source record and row path (`results.indicators[0]`).
pub type Verdicts<'a> = BTreeMap<(&'a str, &'a str), &'a Verdict>;

/// The verdict of every comparison that has one, by its source row.
pub fn verdicts(comparisons: &[Comparison]) -> Verdicts<'_> {
    comparisons
        .iter()
        .filter_map(|c| {
            let v = c.verdict.as_ref()?;
            Some(((c.source_record.as_str(), c.row_path.as_str()), v))
        })
        .collect()
}

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

/// `/data/indicators.csv` for the corpus's observations and their comparisons' verdicts.
pub fn indicators_csv(
    corpus: &Corpus,
    observations: &[Observation],
    comparisons: &[Comparison],
) -> Vec<u8> {
    write_csv(observations, &region_names(corpus), &verdicts(comparisons))
}

/// `/data/indicators.csv` with region names taken from `names` (empty when a region is
/// missing from it) and verdicts from `verdicts` (empty for a row without one).
pub fn write_csv(
    observations: &[Observation],
    names: &BTreeMap<String, Text>,
    verdicts: &Verdicts,
) -> Vec<u8> {
    let mut out = String::new();
    let header: Vec<Cell> = COLUMNS
        .iter()
        .map(|(name, _, _)| Cell::Text(name))
        .collect();
    push_row(&mut out, &header);
    for o in observations {
        let name = names.get(&o.region);
        let ja = name.map(|n| n.ja.as_str()).unwrap_or_default();
        let en = name.and_then(|n| n.en.as_deref()).unwrap_or_default();
        let value = csv_number(o.value);
        let of = o.of.map(csv_number).unwrap_or_default();
        let date = o.date.as_ref().map(|d| d.canonical()).unwrap_or_default();
        let areas = o.areas.join(";");
        let verdict = (o.kind != ObsKind::Count)
            .then(|| verdicts.get(&(o.source_record.as_str(), o.row_path())))
            .flatten();
        let status = verdict.map(|v| v.status.as_str()).unwrap_or_default();
        let notes_ja: Vec<&str> = o.notes.iter().map(|n| n.ja.as_str()).collect();
        let notes_en: Vec<&str> = o
            .notes
            .iter()
            .map(|n| n.en.as_deref().unwrap_or_default())
            .collect();
        let (notes_ja, notes_en) = (notes_ja.join(NOTE_SEP), notes_en.join(NOTE_SEP));
        let reasons = verdict
            .map(|v| {
                let codes: Vec<&str> = v.reasons.iter().map(|r| r.as_str()).collect();
                codes.join(";")
            })
            .unwrap_or_default();
        push_row(
            &mut out,
            &[
                Cell::Text(&o.region),
                Cell::Text(ja),
                Cell::Text(en),
                Cell::Text(&o.indicator),
                Cell::Text(o.kind.as_str()),
                Cell::Number(&value),
                Cell::Number(&of),
                Cell::Text(unit_str(o.unit)),
                Cell::Text(&date),
                Cell::Text(o.date_role.as_str()),
                Cell::Text(&o.source_record),
                Cell::Text(&o.path),
                Cell::Text(&areas),
                Cell::Text(status),
                Cell::Text(&reasons),
                Cell::Text(&notes_ja),
                Cell::Text(&notes_en),
                Cell::Text(&row_path(o.source_kind, &o.source_record, &o.path)),
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

/// A field of a row: text, which a spreadsheet must not run, or a number Casebook formatted.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(&'a str),
}

fn push_row(out: &mut String, fields: &[Cell]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match *field {
            Cell::Text(text) if starts_a_formula(text) => push_quoted(out, &format!("'{text}")),
            Cell::Text(text) | Cell::Number(text) => push_field(out, text),
        }
    }
    out.push('\n');
}

/// Whether a spreadsheet would read a text field as a formula: OWASP's list of first
/// characters (`=`, `+`, `-`, `@`, tab, CR), and NUL as OWASP's ASVS adds.
fn starts_a_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '\0'])
}

/// One field, quoted when it must be (RFC 4180 §2.6–2.7).
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        push_quoted(out, field);
    } else {
        out.push_str(field);
    }
}

/// A field in double quotes, a quote inside it doubled.
fn push_quoted(out: &mut String, field: &str) {
    out.push('"');
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::comparisons;
    use crate::compare::observations::{observations, DateRole};
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
            notes: Vec::new(),
            heading: None,
            set_at: None,
        }
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let mut names = BTreeMap::new();
        names.insert(
            "odd".to_owned(),
            Text::new("甲，乙", "A \"quoted\", with comma\nand a line"),
        );
        let bytes = write_csv(&[obs("odd", 39.0)], &names, &BTreeMap::new());
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(!text.starts_with('\u{feff}'), "no BOM");
        assert!(!text.contains('\r'), "LF line ends");
        let expected = "odd,甲，乙,\"A \"\"quoted\"\", with comma\nand a line\",municipal-forums,actual,39,43,count,2020-06-end,as-of,x-sheet,results.indicators[1].actual,,,,,,status-sheets/x-sheet/#s4-row-2\n";
        assert!(text.ends_with(expected), "{text}");
        let rows = parse(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][2], "A \"quoted\", with comma\nand a line");
        // A region without a name gets empty name fields.
        let text = String::from_utf8(write_csv(
            &[obs("nameless", 0.5)],
            &BTreeMap::new(),
            &BTreeMap::new(),
        ))
        .expect("UTF-8");
        assert!(text.contains("\nnameless,,,municipal-forums,actual,0.5,43,"));
    }

    /// OWASP's CSV-injection guidance: text that a spreadsheet would run gets a single quote
    /// before it and is quoted; negative numbers stay numbers.
    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+1+2", "\"'+1+2\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\r=1\""),
            ("=1+2\";=1+2", "\"'=1+2\"\";=1+2\""),
            ("a=1", "a=1"),
            ("見本県", "見本県"),
        ];
        for (name, want) in cases {
            let mut names = BTreeMap::new();
            names.insert("r".to_owned(), Text::new(name, name));
            let mut o = obs("r", -3.5);
            o.of = Some(-1.0);
            let text = String::from_utf8(write_csv(&[o], &names, &BTreeMap::new())).expect("UTF-8");
            let row = text.lines().skip(1).collect::<Vec<_>>().join("\n");
            let expected = format!("r,{want},{want},municipal-forums,actual,-3.5,-1,count,");
            assert!(row.starts_with(&expected), "{name:?}: {row}");
            let rows = parse(&text);
            if starts_a_formula(name) {
                assert_eq!(rows[1][1], format!("'{name}"), "the text follows the quote");
            } else {
                assert_eq!(rows[1][1], name);
            }
            assert_eq!(rows[1][5], "-3.5", "a negative value stays a number");
        }
    }

    /// A canonical date without its year begins with `-` and is a formula to a spreadsheet.
    #[test]
    fn a_date_without_its_year_is_neutralised() {
        let mut o = obs("r", 6.0);
        o.date = "2月1日".parse().ok();
        assert_eq!(
            o.date.as_ref().map(|d| d.canonical()).as_deref(),
            Some("--02-01")
        );
        let text =
            String::from_utf8(write_csv(&[o], &BTreeMap::new(), &BTreeMap::new())).expect("UTF-8");
        assert!(text.contains(",count,\"'--02-01\",as-of,"), "{text}");
    }

    #[test]
    fn header_matches_the_documented_columns() {
        let text =
            String::from_utf8(write_csv(&[], &BTreeMap::new(), &BTreeMap::new())).expect("UTF-8");
        assert_eq!(
            text,
            "region,region_name_ja,region_name_en,indicator,kind,value,of,unit,date,date_role,source_record,source_path,areas,verdict,verdict_reason,notes_ja,notes_en,source\n"
        );
        assert!(COLUMNS
            .iter()
            .all(|(n, en, ja)| !n.is_empty() && !en.is_empty() && !ja.is_empty()));
    }

    #[test]
    fn kumamoto_rows_round_trip() {
        let corpus = corpus();
        let all = observations(corpus);
        let text = String::from_utf8(indicators_csv(corpus, &all, &comparisons(corpus, &all)))
            .expect("UTF-8");
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
            "kumamoto-pref,熊本県,Kumamoto Prefecture,long-term-inpatients,target,4396,,people,FY2020-start,set-at,kumamoto-pref-sheet,results.indicators[0].target,,not-comparable,contradicts-heading;before-target-set,,,status-sheets/kumamoto-pref-sheet/#s4-row-1"
        );
        assert_eq!(
            line("results.indicators[1].actual"),
            "kumamoto-pref,熊本県,Kumamoto Prefecture,discharge-rate-3m,actual,54.8,,percent,2019-06,as-of,kumamoto-pref-sheet,results.indicators[1].actual,,not-comparable,contradicts-heading;before-target-set,列見出しは「実績値（令和２年度末）」だが、値はR1.6月時点のもの,The column is headed 'actual (end of FY2020, 令和２年度末)', but the values are as of June 2019 (R1.6月時点).,status-sheets/kumamoto-pref-sheet/#s4-row-2"
        );
        // Section 5: 4,830 (June 2019) against 4,396 due at the end of FY2021: not yet due.
        assert_eq!(
            line("strengths.indicators[0].baseline"),
            "kumamoto-pref,熊本県,Kumamoto Prefecture,long-term-inpatients,baseline,4830,,people,2019-06,as-of,kumamoto-pref-sheet,strengths.indicators[0].baseline,,not-yet-met,before-deadline,列見出しは「現状値（今年度当初）」、時点はR1.6月時点,The column is headed 'current value (start of this fiscal year)'; the values are as of June 2019 (R1.6月時点).,status-sheets/kumamoto-pref-sheet/#s5-row-1"
        );
    }

    #[test]
    fn counts_name_the_areas_they_cover() {
        let corpus = corpus();
        let all = observations(corpus);
        let text = String::from_utf8(indicators_csv(corpus, &all, &comparisons(corpus, &all)))
            .expect("UTF-8");
        // Kagoshima's sheet: 20 peer supporters trained in FY H29, in the Aira-Isa area only.
        assert!(text.contains(
            "\nkagoshima-pref,鹿児島県,Kagoshima Prefecture,peer-supporters-trained,count,20,,people,FY2017,period,kagoshima-pref-sheet,history.groups[2].counts[0],aira-isa-area,,,20名,20 trained,status-sheets/kagoshima-pref-sheet/\n"
        ));
        assert!(text.contains(",FY2018,period,kagoshima-pref-sheet,history.groups[4].counts[1],aira-isa-area;kagoshima-area,,,"));
    }
}
