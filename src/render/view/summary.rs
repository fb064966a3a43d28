//! A record in one line, for listings and region pages: its link (title and region), the
//! category or theme it is filed under, its year, and a summary line taken from its own text,
//! so that records with the same title (three 「精神障害者の家族支援に係る事業」) can be told
//! apart.
//!
//! The summary is the record's own words, never made up: a status sheet's catchphrase or the
//! first sentence of its introduction; an outcome sheet's first result; a case's keywords; a
//! practice's summary; an analysis's summary or introduction; a page's summary. Its first
//! sentence only, cut at [`MAX_CHARS`] characters with 「…」.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::date;
use crate::load::Record;
use crate::model::{Body, Lang, Prose, TermList, Text};
use crate::site::{RecordRef, Site, Ui};

/// The longest summary line, in characters, before it is cut.
pub const MAX_CHARS: usize = 90;

#[derive(Clone, Debug, Serialize)]
pub struct RecordLine {
    /// Its title, link and region.
    #[serde(flatten)]
    pub link: RecordRef,
    /// The category (cases) or themes (practices, analyses) it is filed under, by name.
    pub filed_under: Vec<Text>,
    /// The fiscal year it reports on (status sheets, outcome sheets).
    pub year: Option<String>,
    /// Its first sentence, in each language.
    pub summary: Option<Text>,
}

pub fn line(site: &Site, rec: &Record, ui: Ui) -> RecordLine {
    let lang = ui.lang;
    let name = |list: TermList, id: &str| site.term_name(list, id);
    let (filed_under, year) = match &rec.body {
        Body::Case(c) => (vec![name(TermList::Categories, &c.category)], None),
        Body::Practice(p) => (
            p.themes.iter().map(|t| name(TermList::Themes, t)).collect(),
            None,
        ),
        Body::Analysis(a) => (vec![name(TermList::Themes, &a.theme)], None),
        Body::StatusSheet(s) => (Vec::new(), s.fiscal_year.as_ref().map(|d| date(d, lang))),
        Body::Outcome(o) => (Vec::new(), o.fiscal_year.as_ref().map(|d| date(d, lang))),
        Body::Region(_) | Body::Page(_) => (Vec::new(), None),
    };
    RecordLine {
        link: site.record_ref(rec, lang),
        filed_under,
        year,
        summary: summary(&rec.body, ui),
    }
}

fn summary(body: &Body, ui: Ui) -> Option<Text> {
    match body {
        Body::StatusSheet(s) => s
            .catchphrase
            .as_ref()
            .map(first_sentence)
            .or_else(|| s.intro.as_ref().map(first_of_prose)),
        Body::Outcome(o) => o.results.first().map(first_sentence),
        Body::Case(c) => (!c.keywords.is_empty()).then(|| Text {
            ja: cut(
                &join(c.keywords.iter().map(|k| k.ja.as_str()), "、"),
                Lang::Ja,
            ),
            en: c
                .keywords
                .iter()
                .map(|k| k.en.as_deref())
                .collect::<Option<Vec<&str>>>()
                .map(|en| cut(&join(en.into_iter(), ui.get("list_sep")), Lang::En)),
        }),
        Body::Practice(p) => Some(first_of_prose(&p.summary.body)),
        Body::Analysis(a) => Some(first_of_prose(
            a.summary.as_ref().unwrap_or(&a.introduction),
        )),
        Body::Page(p) => p.summary.as_ref().map(first_sentence),
        Body::Region(_) => None,
    }
    .filter(|t| !t.ja.is_empty())
}

fn join<'a>(parts: impl Iterator<Item = &'a str>, sep: &str) -> String {
    parts.collect::<Vec<_>>().join(sep)
}

fn first_sentence(t: &Text) -> Text {
    Text {
        ja: sentence(&t.ja, Lang::Ja),
        en: t.en.as_deref().map(|en| sentence(en, Lang::En)),
    }
}

fn first_of_prose(p: &Prose) -> Text {
    Text {
        ja: sentence(&first_paragraph(&p.ja), Lang::Ja),
        en: p
            .en
            .as_deref()
            .map(|en| sentence(&first_paragraph(en), Lang::En)),
    }
}

/// The text of a Markdown document's first paragraph or list item, without markup.
fn first_paragraph(md: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Heading { .. }) => depth += 1,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && !out.trim().is_empty() {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of `text` (up to 。 in Japanese, `. ` in English), cut to [`MAX_CHARS`].
fn sentence(text: &str, lang: Lang) -> String {
    let text = text.trim();
    let end = match lang {
        Lang::Ja => text.find('。').map(|i| i + '。'.len_utf8()),
        Lang::En => text.find(". ").map(|i| i + 1),
    };
    cut(end.map_or(text, |e| &text[..e]).trim(), lang)
}

/// `text`, or its first [`MAX_CHARS`] characters and 「…」; English is cut between words.
fn cut(text: &str, lang: Lang) -> String {
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(MAX_CHARS).collect();
    let kept = match lang {
        Lang::En => kept
            .rsplit_once(' ')
            .map_or(kept.as_str(), |(words, _)| words),
        Lang::Ja => kept.as_str(),
    };
    format!("{}…", kept.trim_end().trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::{record, site, strings};

    fn line_of(id: &str, lang: Lang) -> RecordLine {
        let (site, strings) = (site(), strings());
        line(&site, record(id), strings.ui(lang))
    }

    /// Issue #15: three family-support cases have titles alike (家族支援…); their lines tell
    /// them apart.
    #[test]
    fn records_with_one_title_are_told_apart_by_region_and_summary() {
        let ids = [
            "funabashi-area-family",
            "kaiso-area-family",
            "kashiwa-area-family",
        ];
        let lines: Vec<RecordLine> = ids.iter().map(|id| line_of(id, Lang::Ja)).collect();
        assert!(lines.iter().all(|l| l.link.title.ja.contains("家族支援")));
        let told: std::collections::BTreeSet<(String, String)> = lines
            .iter()
            .map(|l| {
                (
                    l.link
                        .region
                        .as_ref()
                        .map(|r| r.name.ja.clone())
                        .unwrap_or_default(),
                    l.summary.as_ref().map(|s| s.ja.clone()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(told.len(), 3, "{told:?}");
        let kaiso = &lines[1];
        assert_eq!(
            kaiso.summary.as_ref().map(|s| s.ja.as_str()),
            Some("家族教室、ピアサポーター")
        );
        assert_eq!(kaiso.filed_under[0].en.as_deref(), Some("Family support"));
        let en = line_of("kaiso-area-family", Lang::En);
        assert_eq!(
            en.summary.and_then(|s| s.en).as_deref(),
            Some("Family classes, Peer supporters")
        );
    }

    #[test]
    fn a_sheet_has_its_year_and_its_first_sentence() {
        let l = line_of("kumamoto-pref-sheet", Lang::Ja);
        assert!(l.year.is_some(), "a fiscal year");
        let s = l.summary.expect("a summary");
        assert!(
            s.ja.starts_with("熊本県では、精神障害にも対応した"),
            "the introduction's first sentence: {}",
            s.ja
        );
        assert!(s.ja.chars().count() <= MAX_CHARS + 1);
        assert!(!s.ja.contains('\n') && !s.ja.contains('*'));
    }

    #[test]
    fn a_long_sentence_is_cut_and_says_so() {
        let long = "あ".repeat(200) + "。";
        let cut = sentence(&long, Lang::Ja);
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(sentence("One. Two.", Lang::En), "One.");
        let words = "abcdefg ".repeat(40);
        let cut_en = sentence(&words, Lang::En);
        assert!(cut_en.ends_with(" abcdefg…"), "between words: {cut_en}");
        assert!(cut_en.chars().count() <= MAX_CHARS + 1);
        assert_eq!(
            first_paragraph("# Head\n\nBody **bold** text.\n\nMore."),
            "Head"
        );
        assert_eq!(
            first_paragraph("Body **bold**\ntext.\n\nMore."),
            "Body bold text."
        );
    }
}
