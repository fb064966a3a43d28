//! The tag pages and the glossary: a tag vocabulary's index (categories, themes) with the
//! number of records under each tag, one tag's page with its records, and the glossary table.

use serde::Serialize;

use super::Ui;
use crate::model::vocab::Term;
use crate::model::{Lang, Prose, TermList, Text};
use crate::site::{RecordRef, Route, Site};

/// A link to a tag's page, with the number of records tagged with it.
#[derive(Clone, Debug, Serialize)]
pub struct TermRef {
    pub name: Text,
    pub url: String,
    pub count: usize,
}

/// Every tag of `list`, in the vocabulary's order.
pub fn term_refs(site: &Site, lang: Lang, list: TermList) -> Vec<TermRef> {
    site.terms(list)
        .iter()
        .map(|t| TermRef {
            name: t.name.clone(),
            url: site.routes.url(lang, Route::Term(list, &t.id)),
            count: site.by_tag.get(&(list, t.id.as_str())).map_or(0, Vec::len),
        })
        .collect()
}

#[derive(Serialize)]
pub struct TermIndexView {
    pub terms: Vec<TermRef>,
}

pub fn index(site: &Site, lang: Lang, list: TermList) -> TermIndexView {
    TermIndexView {
        terms: term_refs(site, lang, list),
    }
}

/// One tag's page.
#[derive(Serialize)]
pub struct TermView {
    /// The vocabulary's name: 「事業の種類」, "Themes (editorial)".
    pub vocabulary: String,
    pub name: Text,
    pub description: Option<Prose>,
    pub records: Vec<RecordRef>,
}

pub fn term(site: &Site, ui: Ui, list: TermList, term: &Term) -> TermView {
    let vocabulary = match list {
        TermList::Categories => ui.get("categories"),
        _ => ui.get("themes_editorial"),
    };
    TermView {
        vocabulary: vocabulary.to_owned(),
        name: term.name.clone(),
        description: term.description.clone(),
        records: site
            .by_tag
            .get(&(list, term.id.as_str()))
            .map_or_else(Vec::new, |rs| {
                rs.iter().map(|r| site.record_ref(r, ui.lang)).collect()
            }),
    }
}

#[derive(Serialize)]
pub struct GlossaryView {
    pub entries: Vec<GlossaryRow>,
}

/// A glossary entry: the Japanese term, its English, a note and other spellings.
#[derive(Serialize)]
pub struct GlossaryRow {
    pub ja: String,
    pub en: String,
    pub note: Option<Text>,
    /// 「ＡＤ · 広域AD」: the other spellings, as one line.
    pub aliases: String,
}

pub fn glossary(site: &Site) -> GlossaryView {
    GlossaryView {
        entries: site
            .corpus
            .vocab
            .glossary
            .entries
            .iter()
            .map(|e| GlossaryRow {
                ja: e.ja.clone(),
                en: e.en.clone(),
                note: e.note.clone(),
                aliases: e.aliases.join(" · "),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::{site, strings};

    #[test]
    fn a_tag_page_lists_its_records_and_names_its_vocabulary() {
        let (site, strings) = (site(), strings());
        let family = site
            .terms(TermList::Categories)
            .iter()
            .find(|t| t.id == "family-support")
            .expect("the family-support category");
        let v = term(&site, strings.ui(Lang::Ja), TermList::Categories, family);
        assert_eq!(v.vocabulary, "事業の種類");
        let ids: Vec<&str> = v.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "funabashi-area-family",
                "kaiso-area-family",
                "kashiwa-area-family"
            ]
        );
        assert_eq!(v.records[0].kind_name, "事業の実施例");
        let themes = index(&site, Lang::En, TermList::Themes);
        assert_eq!(themes.terms.len(), site.terms(TermList::Themes).len());
        assert!(themes
            .terms
            .iter()
            .all(|t| t.url.starts_with("/en/themes/")));
    }

    #[test]
    fn glossary_aliases_are_one_line() {
        let v = glossary(&site());
        let with_aliases = v
            .entries
            .iter()
            .find(|e| e.aliases.contains(" · "))
            .expect("an entry with two aliases");
        assert!(!with_aliases.aliases.starts_with(' '));
    }
}
