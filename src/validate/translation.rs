//! The translation status (issue #16 item 3): per record, the texts that still lack English, or
//! whose English is the Japanese copied, with totals per kind and per region. `casebook i18n`
//! prints it and `/{lang}/editors/translation/` shows it to editors.
//!
//! A text is a `{ja, en}` mapping with Japanese, found by the same walk of the YAML tree as
//! the `missing-translation` rule ([`super::i18n`]), so the two never disagree about what a
//! text is; the walk here also keeps the field path (`sections[2].text`), which a report
//! names and a diagnostic does not need.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::{Corpus, Record};
use crate::model::Body;
use crate::yaml::{Node, Value};

/// What is wrong with a text's English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lack {
    /// No `en`, or an empty one.
    Missing,
    /// The English is the Japanese, copied (a text with Japanese characters).
    SameAsJapanese,
}

/// A text that lacks English.
#[derive(Clone, Debug, Serialize)]
pub struct Untranslated {
    /// Where it is in the record: `sections[2].text`.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub lack: Lack,
    /// The Japanese, its first line cut at 40 characters.
    pub ja: String,
}

/// One record's texts.
#[derive(Clone, Debug, Serialize)]
pub struct RecordStatus {
    pub kind: String,
    pub id: String,
    pub file: String,
    /// The region the record is about (a region's own id for a region).
    pub region: Option<String>,
    /// Texts with Japanese.
    pub texts: usize,
    pub untranslated: Vec<Untranslated>,
}

/// The texts of a kind or a region, and how many lack English.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Total {
    pub key: String,
    pub records: usize,
    /// Records with at least one text lacking English.
    pub incomplete: usize,
    pub texts: usize,
    pub untranslated: usize,
}

/// The status of every record.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub format: &'static str,
    /// Every record, in the corpus's order (kind, then id).
    pub records: Vec<RecordStatus>,
    pub kinds: Vec<Total>,
    /// By region id; records about no region are under `""`.
    pub regions: Vec<Total>,
    pub total: Total,
}

pub fn report(corpus: &Corpus) -> Report {
    let records: Vec<RecordStatus> = corpus.records.iter().map(record_status).collect();
    let mut kinds: BTreeMap<String, Total> = BTreeMap::new();
    let mut regions: BTreeMap<String, Total> = BTreeMap::new();
    let mut total = Total::default();
    for r in &records {
        let region = r.region.clone().unwrap_or_default();
        for t in [
            kinds.entry(r.kind.clone()).or_default(),
            regions.entry(region).or_default(),
            &mut total,
        ] {
            t.records += 1;
            t.incomplete += usize::from(!r.untranslated.is_empty());
            t.texts += r.texts;
            t.untranslated += r.untranslated.len();
        }
    }
    let keyed =
        |m: BTreeMap<String, Total>| m.into_iter().map(|(key, t)| Total { key, ..t }).collect();
    Report {
        format: "casebook-i18n/1",
        records,
        kinds: keyed(kinds),
        regions: keyed(regions),
        total: Total {
            key: "all".into(),
            ..total
        },
    }
}

fn record_status(rec: &Record) -> RecordStatus {
    let mut texts = 0;
    let mut untranslated = Vec::new();
    walk(&rec.tree, &mut String::new(), &mut texts, &mut untranslated);
    RecordStatus {
        kind: rec.kind.dir().to_owned(),
        id: rec.id.clone(),
        file: rec.file.clone(),
        region: match &rec.body {
            Body::Region(_) => Some(rec.id.clone()),
            b => b.region().map(str::to_owned),
        },
        texts,
        untranslated,
    }
}

/// Every `{ja, en}` mapping below `node`, at `path`.
fn walk(node: &Node, path: &mut String, texts: &mut usize, out: &mut Vec<Untranslated>) {
    let len = path.len();
    match &node.value {
        Value::Map(entries) => {
            if let Some(ja) = node
                .get("ja")
                .filter(|j| !j.is_null())
                .and_then(Node::as_str)
            {
                if !ja.trim().is_empty() {
                    *texts += 1;
                    if let Some(lack) = lack(ja, node.get("en")) {
                        out.push(Untranslated {
                            path: path.clone(),
                            line: node.span.line,
                            column: node.span.column,
                            lack,
                            ja: preview(ja),
                        });
                    }
                }
            }
            // A text may carry more than its two languages (an item with its sub-items).
            for (k, v) in entries {
                let key = k.as_str().unwrap_or("?");
                if matches!(key, "ja" | "en") {
                    continue;
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(v, path, texts, out);
                path.truncate(len);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(item, path, texts, out);
                path.truncate(len);
            }
        }
        Value::Scalar { .. } => {}
    }
}

fn lack(ja: &str, en: Option<&Node>) -> Option<Lack> {
    let en = en
        .filter(|e| !e.is_null())
        .and_then(Node::as_str)
        .map(str::trim);
    match en {
        None | Some("") => Some(Lack::Missing),
        Some(en) if en == ja.trim() && ja.chars().any(is_japanese) => Some(Lack::SameAsJapanese),
        Some(_) => None,
    }
}

/// Kana, kanji and the CJK punctuation: a text with one of them is Japanese.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

fn preview(ja: &str) -> String {
    let line = ja
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut out: String = line.chars().take(40).collect();
    if line.chars().count() > 40 || ja.trim().lines().count() > 1 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::corpus;

    #[test]
    fn the_handbook_is_translated_and_every_text_is_counted() {
        let r = report(corpus());
        assert_eq!(r.records.len(), corpus().records.len());
        assert!(r.total.texts > 1000, "{} texts", r.total.texts);
        assert_eq!(
            r.kinds.iter().map(|k| k.texts).sum::<usize>(),
            r.total.texts
        );
        assert_eq!(
            r.regions.iter().map(|k| k.records).sum::<usize>(),
            r.records.len()
        );
        let sheet = r
            .records
            .iter()
            .find(|s| s.id == "kumamoto-pref-sheet")
            .expect("Kumamoto's sheet");
        assert_eq!(sheet.region.as_deref(), Some("kumamoto-pref"));
        assert!(sheet.texts > 50);
    }

    fn status_of(yaml: &str) -> (usize, Vec<Untranslated>) {
        let parsed = crate::yaml::parse(yaml);
        let root = parsed.root.expect("a tree");
        let (mut texts, mut out) = (0, Vec::new());
        walk(&root, &mut String::new(), &mut texts, &mut out);
        (texts, out)
    }

    #[test]
    fn missing_and_copied_english_are_found_with_their_paths() {
        let (texts, out) = status_of(
            "title: {ja: 題, en: Title}\nsections:\n  - text: {ja: 本文}\n  - text: {ja: 地域, en: 地域}\n  - text: {ja: ICT, en: ICT}\n  - text: {ja: 空, en: ''}\n  - {ja: 項目, en: Item, items: [{ja: 小項目}]}\n",
        );
        assert_eq!(texts, 7);
        let found: Vec<(&str, Lack, usize)> = out
            .iter()
            .map(|u| (u.path.as_str(), u.lack, u.line))
            .collect();
        assert_eq!(
            found,
            [
                ("sections[0].text", Lack::Missing, 3),
                ("sections[1].text", Lack::SameAsJapanese, 4),
                ("sections[3].text", Lack::Missing, 6),
                ("sections[4].items[0]", Lack::Missing, 7),
            ]
        );
        assert_eq!(out[0].ja, "本文");
    }

    #[test]
    fn a_preview_is_the_first_line_cut() {
        assert_eq!(preview("一行目\n二行目"), "一行目…");
        assert_eq!(preview(&"あ".repeat(50)), format!("{}…", "あ".repeat(40)));
        assert_eq!(preview("短い"), "短い");
    }
}
