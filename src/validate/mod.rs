//! Corpus-wide rules, run after every file has been read: ids, references, numbers, date
//! points and translations.
//!
//! A finding points at the value it is about through the value itself: ids, dates and
//! [`Spanned`](crate::model::Spanned) values record their span when they are deserialized
//! (see `model::spanned`), so no check names a field path. Only the translation walk
//! ([`i18n`]) reads the YAML tree, node by node.
//!
//! One file per concern: [`ids`] (duplicate and malformed ids), [`refs`] (references, with
//! did-you-mean), [`numbers`] (impossible numbers, wordings, outcome counts), [`dates`]
//! (date points, the timeline's axis), [`i18n`] (translations), [`parents`] (cycles of
//! region parents), [`regions`] (prefecture codes and readings) and [`markdown`] (the limits and sanitising of Markdown, with rules the
//! renderer shares).

mod dates;
mod i18n;
mod ids;
// Markdown in `Prose` (issue #20): its rules are shared with the renderer, hence `pub`.
pub mod markdown;
mod numbers;
mod parents;
mod refs;
mod regions;
pub mod translation;

use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::load::{Corpus, Record};

use refs::Known;

pub fn validate(corpus: &Corpus, diags: &mut Diagnostics) {
    let known = Known::new(corpus);
    ids::records(&corpus.records, diags);
    ids::vocabularies(&corpus.vocab, diags);
    for rec in &corpus.records {
        let mut c = Checker {
            file: &rec.file,
            known: &known,
            out: Vec::new(),
        };
        check_record(&mut c, rec);
        i18n::translations(&rec.file, &rec.tree, &mut c.out);
        diags.extend(c.out);
    }
    i18n::vocabularies(&corpus.vocab, diags);
    parents::cycles(&corpus.records, diags);
    regions::codes_and_readings(&corpus.records, diags);
    markdown::check(corpus, diags);
}

/// Every rule that looks at one record.
fn check_record(c: &mut Checker, rec: &Record) {
    refs::record(c, rec);
    ids::chart(c, &rec.body);
    numbers::record(c, &rec.body);
    dates::record(c, &rec.body);
}

/// The findings about one file, and what references may name.
struct Checker<'a> {
    file: &'a str,
    known: &'a Known<'a>,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn push(&mut self, code: Code, span: Span, message: String, help: impl Into<String>) {
        self.out
            .push(Diagnostic::new(code, self.file, span, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    //! The rules on small sites: the minimal fixture with a few files written over it. Each
    //! finding must point at the value it is about, to the line and the (character) column.

    use std::path::Path;

    use crate::diag::Code;

    /// `casebook check` on `tests/fixtures/minimal` with `files` written over it: every finding
    /// as (file, code, line, column).
    fn check(files: &[(&str, &str)]) -> Vec<(String, Code, usize, usize)> {
        findings(files)
            .into_iter()
            .map(|d| (d.file, d.code, d.span.line, d.span.column))
            .collect()
    }

    /// The findings of `casebook check` on `tests/fixtures/minimal` with `files` written over it.
    fn findings(files: &[(&str, &str)]) -> Vec<crate::diag::Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        for entry in walkdir::WalkDir::new(&minimal) {
            let entry = entry.unwrap();
            let to = dir
                .path()
                .join(entry.path().strip_prefix(&minimal).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        for (file, text) in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let config = crate::config::Config::load(dir.path()).unwrap().unwrap();
        let (corpus, mut diags) = crate::load::load(config).unwrap();
        super::validate(&corpus, &mut diags);
        diags.into_sorted()
    }

    /// Where `needle` starts in `text`: 1-based line, and column in characters.
    fn at(text: &str, needle: &str) -> (usize, usize) {
        let start = text.find(needle).expect("the needle is in the text");
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..start].matches('\n').count() + 1;
        (line, text[line_start..start].chars().count() + 1)
    }

    /// Outcome entries: places must be regions (so must the places a policy names);
    /// `cumulative` and `total` need their counts; an entry with nothing to print is refused.
    /// Each problem points at its own line.
    #[test]
    fn outcome_entries_are_checked() {
        let file = "content/outcomes/north-area-outcome.yaml";
        let got = check(&[(
            file,
            "region: north-area\n\
             title: {ja: 成果, en: Outcomes}\n\
             trainings:\n\
             \x20 - title: {ja: 研修会, en: Training}\n\
             \x20   places: [north-aera]\n\
             \x20 - title: {ja: 研修会, en: Training}\n\
             \x20   cumulative: true\n\
             \x20 - sessions: 2\n\
             \x20   total: true\n\
             areas:\n\
             \x20 - region: north-area\n\
             \x20   forums:\n\
             \x20     - title: {ja: 会議, en: Meeting}\n\
             \x20       total: true\n\
             next_policy_places: [north-area, south-aera]\n",
        )]);
        let got: Vec<(Code, usize, usize)> =
            got.into_iter().map(|(_, c, l, col)| (c, l, col)).collect();
        assert_eq!(
            got,
            [
                (Code::UnknownReference, 5, 14),
                (Code::InvalidValue, 7, 17),
                (Code::MissingField, 8, 5),
                (Code::InvalidValue, 14, 16),
                (Code::UnknownReference, 15, 34),
            ]
        );
    }

    /// A reference and a number written after Japanese text on the same line: the caret goes
    /// under the value, counted in characters.
    #[test]
    fn spans_are_the_values_own_after_japanese_text() {
        let file = "content/status-sheets/sample-pref-sheet.yaml";
        let text = "region: sample-pref\n\
                    title: {ja: 見本県の自治体情報シート, en: Sample sheet}\n\
                    history:\n\
                    \x20 groups:\n\
                    \x20   - heading: {ja: 人材育成, en: People}\n\
                    \x20     counts:\n\
                    \x20       - {wording: {ja: 研修修了者, en: \"{} trained\"}, indicator: long-term-inpatients, period: R1年度, areas: [north-aera], value: -3}\n\
                    results:\n\
                    \x20 indicators:\n\
                    \x20   - {label: {ja: 退院率（３か月）, en: Rate}, indicator: discharge-rate-3m, actual: {value: 154.8, as_of: R1.6月時点}}\n\
                    \x20   - {label: {ja: 長期入院, en: Long}, indicator: long-term-inpatiens, baseline: {value: 10}}\n";
        let got = check(&[(file, text)]);
        let want = [
            (Code::InvalidValue, at(text, "{ja: 研修修了者")),
            (Code::UnknownReference, at(text, "north-aera")),
            (Code::ImpossibleNumber, at(text, "-3}")),
            (Code::ImpossibleNumber, at(text, "154.8")),
            (Code::UnknownReference, at(text, "long-term-inpatiens")),
            (Code::MissingDatePoint, at(text, "{value: 10}")),
        ];
        // Worked out by hand: after five Japanese characters (a byte offset would say 121 and 141).
        assert_eq!(at(text, "north-aera"), (7, 107));
        assert_eq!(at(text, "-3}"), (7, 127));
        for (code, (line, column)) in want {
            assert!(
                got.contains(&(file.to_owned(), code, line, column)),
                "{code} at {line}:{column} not in {got:?}"
            );
        }
        let ours: Vec<_> = got.iter().filter(|(f, ..)| f == file).collect();
        assert_eq!(ours.len(), 6, "{ours:?}");
    }

    /// A whole (`of`) that cannot be one is reported where it is written, and the value is
    /// not compared with it.
    #[test]
    fn a_whole_that_is_not_a_number_of_things_is_reported_at_of() {
        let file = "content/status-sheets/sample-pref-sheet.yaml";
        let text = "region: sample-pref\n\
                    title: {ja: 見本, en: Sample}\n\
                    results:\n\
                    \x20 indicators:\n\
                    \x20   - {indicator: municipal-forums, actual: {value: 39, of: inf, as_of: R1.6月時点}}\n\
                    \x20   - {indicator: municipal-forums, target: {value: 3, of: -43, deadline: R2年度末}}\n\
                    \x20   - {indicator: municipal-forums, baseline: {value: 1, of: nan, as_of: R1.6月時点}}\n";
        let got = check(&[(file, text)]);
        let want: Vec<_> = ["inf,", "-43,", "nan,"]
            .into_iter()
            .map(|of| {
                let (line, column) = at(text, of);
                (file.to_owned(), Code::ImpossibleNumber, line, column)
            })
            .collect();
        assert_eq!(got, want);
        // `    - {indicator: municipal-forums, actual: {value: 39, of: ` is 60 characters.
        assert_eq!(at(text, "inf,"), (5, 61));
    }

    /// A vocabulary entry that cannot be read is reported; the others are still used, and a
    /// reference to it is not reported again as unknown (as with a region that fails to load).
    #[test]
    fn a_bad_vocabulary_entry_does_not_take_the_others_with_it() {
        let file = "content/vocabularies/indicators.yaml";
        let text = "- {id: long-term-inpatients, name: {ja: 長期, en: Long}, unit: persons, better: lower}\n\
                    - {id: discharge-rate-3m, name: {ja: 退院率, en: Rate}, unit: percent, better: higher}\n\
                    - {id: municipal-forums, unit: count, better: higher}\n";
        let got = check(&[(file, text)]);
        let (line, column) = at(text, "persons");
        assert_eq!(
            got,
            [
                (file.to_owned(), Code::InvalidValue, line, column),
                (file.to_owned(), Code::MissingField, 3, 3),
            ]
        );
        // The percent rule still applies to the entry that was read: 154.8 % is impossible.
        let sheet = "content/status-sheets/sample-pref-sheet.yaml";
        let minimal = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/minimal")
                .join(sheet),
        )
        .unwrap();
        let got = check(&[(file, text), (sheet, &minimal.replace("54.8", "154.8"))]);
        assert!(
            got.contains(&(sheet.to_owned(), Code::ImpossibleNumber, 16, 23)),
            "{got:?}"
        );
        assert_eq!(got.len(), 3, "{got:?}");
    }

    /// A record file whose one document holds nothing (`---` alone, `~`) is empty.
    #[test]
    fn a_document_with_nothing_in_it_is_an_empty_file() {
        let got = check(&[
            ("content/pages/markers.yaml", "---\n...\n"),
            ("content/pages/tilde.yaml", "~\n"),
        ]);
        assert_eq!(
            got,
            [
                (
                    "content/pages/markers.yaml".to_owned(),
                    Code::EmptyFile,
                    1,
                    1
                ),
                ("content/pages/tilde.yaml".to_owned(), Code::EmptyFile, 1, 1),
            ]
        );
    }

    /// Ids of vocabulary entries, region references in block style, chart levels and nodes, and
    /// the timeline's years and headings.
    #[test]
    fn ids_dates_and_chart_references_point_at_their_values() {
        let sheet = "content/status-sheets/sample-pref-sheet.yaml";
        let sheet_text = "region: sample-prf\n\
                          title: {ja: 見本, en: Sample}\n\
                          marks: {group_headings: 【見出し】}\n\
                          history:\n\
                          \x20 axis:\n\
                          \x20   - {year: H24, label: 平成23}\n\
                          \x20   - {year: H26, label: H26}\n\
                          \x20   - {year: R1.6月, label: R1}\n";
        let themes = "content/vocabularies/themes.yaml";
        let themes_text = "- id: community-transition\n  name: {ja: 地域移行, en: Transition}\n\
                           - {name: {ja: 重複, en: Twice}, id: community-transition}\n";
        let practice = "content/practices/north-area-practice.yaml";
        let practice_text = "region: north-area\n\
                             title: {ja: 実践, en: Practice}\n\
                             summary: {heading: {ja: 概要, en: Summary}, body: {ja: 本文, en: Body}}\n\
                             chart:\n\
                             \x20 levels: [{id: area, label: {ja: 圏域, en: Area}}]\n\
                             \x20 nodes:\n\
                             \x20   - {text: {ja: 種, en: Seed}, id: a, stage: seed-extraction, level: aera}\n\
                             \x20   - {text: {ja: 検証, en: Check}, id: a, stage: verification, level: area}\n\
                             \x20 links: [{from: a, to: b}]\n";
        let got = check(&[
            (sheet, sheet_text),
            (themes, themes_text),
            (practice, practice_text),
        ]);
        let want = [
            (sheet, Code::UnknownReference, at(sheet_text, "sample-prf")),
            (sheet, Code::InvalidValue, at(sheet_text, "【見出し】")),
            (sheet, Code::InvalidValue, at(sheet_text, "平成23}")),
            (sheet, Code::InvalidValue, at(sheet_text, "H26,")),
            (sheet, Code::InvalidValue, at(sheet_text, "R1.6月")),
            (themes, Code::DuplicateId, (3, 35)),
            (practice, Code::UnknownReference, at(practice_text, "aera}")),
            (
                practice,
                Code::DuplicateId,
                at(practice_text, "a, stage: verification"),
            ),
            (practice, Code::UnknownReference, at(practice_text, "b}]")),
        ];
        for (file, code, (line, column)) in want {
            assert!(
                got.contains(&(file.to_owned(), code, line, column)),
                "{file}: {code} at {line}:{column} not in {got:?}"
            );
        }
    }

    /// Issue #15: a prefecture's code is 1–47, on prefectures only, each code once (the second
    /// file by name is reported, naming the first); a reading is kana.
    #[test]
    fn prefecture_codes_and_readings_are_checked() {
        let pref = |code: &str| {
            format!("name: {{ja: 県, en: Prefecture}}\nkind: prefecture\ncode: {code}\n")
        };
        let (a, b, c) = (pref("43"), pref("43"), pref("48"));
        let area = "name: {ja: 圏域, en: Area}\nkind: area\ncode: 5\nreading: けんいきX\n";
        let fine = "name: {ja: 圏域, en: Area}\nkind: area\nreading: カワサキ・し ー\n";
        let got = findings(&[
            ("content/regions/a-pref.yaml", &a),
            ("content/regions/b-pref.yaml", &b),
            ("content/regions/c-pref.yaml", &c),
            ("content/regions/d-area.yaml", area),
            ("content/regions/e-area.yaml", fine),
        ]);
        let seen: Vec<(&str, Code, usize, usize, &str)> = got
            .iter()
            .map(|d| {
                (
                    d.file.as_str(),
                    d.code,
                    d.span.line,
                    d.span.column,
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "content/regions/b-pref.yaml",
                    Code::InvalidValue,
                    3,
                    7,
                    "prefecture code 43 is already the code of `a-pref` (content/regions/a-pref.yaml)"
                ),
                (
                    "content/regions/c-pref.yaml",
                    Code::InvalidValue,
                    3,
                    7,
                    "prefecture code 48 is not between 1 and 47"
                ),
                (
                    "content/regions/d-area.yaml",
                    Code::InvalidValue,
                    3,
                    7,
                    "only a prefecture has a code; this region's kind is `area`"
                ),
                (
                    "content/regions/d-area.yaml",
                    Code::InvalidValue,
                    4,
                    10,
                    "a reading is written in kana; `X` is not kana"
                ),
            ]
        );
    }

    /// Issue #20: each cycle of region parents is reported once, at the `parent` of its first
    /// region by id, naming the cycle; a region whose chain runs into a cycle is not itself
    /// reported, and neither are chains that end.
    #[test]
    fn region_parent_cycles_are_reported_once_each() {
        let region =
            |parent: &str| format!("name: {{ja: 地域, en: Area}}\nkind: area\nparent: {parent}\n");
        let files = [
            ("a", region("b")),
            ("b", region("a")),
            ("c", region("e")),
            ("d", region("c")),
            ("e", region("d")),
            ("f", region("f")),
            ("g", region("a")),
            ("h", region("sample-pref")),
        ];
        let paths: Vec<String> = files
            .iter()
            .map(|(id, _)| format!("content/regions/{id}.yaml"))
            .collect();
        let written: Vec<(&str, &str)> = paths
            .iter()
            .zip(&files)
            .map(|(p, (_, text))| (p.as_str(), text.as_str()))
            .collect();
        let got = check(&written);
        let cycles: Vec<_> = got
            .iter()
            .filter(|(_, code, ..)| *code == Code::ParentCycle)
            .map(|(file, _, line, column)| (file.as_str(), *line, *column))
            .collect();
        assert_eq!(
            cycles,
            [
                ("content/regions/a.yaml", 3, 9),
                ("content/regions/c.yaml", 3, 9),
                ("content/regions/f.yaml", 3, 9),
            ]
        );
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_cycle_is_named_in_parent_order() {
        let region =
            |parent: &str| format!("name: {{ja: 地域, en: Area}}\nkind: area\nparent: {parent}\n");
        let (x, y, z, w) = (region("z"), region("x"), region("y"), region("w"));
        let found = findings(&[
            ("content/regions/x.yaml", &x),
            ("content/regions/y.yaml", &y),
            ("content/regions/z.yaml", &z),
            ("content/regions/w.yaml", &w),
        ]);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "region `w` is its own parent",
                "region parents form a cycle: `x` → `z` → `y` → `x`"
            ]
        );
    }
}
