//! View models: what each page kind's template prints, built and tested in Rust.
//!
//! A view is made for one page in one language. Everything a template would otherwise have
//! to work out is done here: dates formatted (as displayed, or as the source writes them),
//! UI strings filled in, punctuation chosen for the language, list marks numbered, URLs taken
//! from the site's routes. Templates loop and print; they do not compute. Human text stays
//! [`Text`](crate::model::Text) / [`Prose`](crate::model::Prose), printed by the theme's `t`
//! and `md` filters, which pick the language and mark text not yet translated.

pub mod analysis;
pub mod base;
pub mod case;
pub mod compare;
pub mod home;
pub mod index;
pub mod links;
pub mod outcome;
pub mod page;
pub mod parts;
pub mod practice;
pub mod printed;
pub mod redirect;
pub mod region;
pub mod search;
pub mod status_sheet;
pub mod summary;
pub mod terms;
pub mod translation;

use serde::Serialize;

use crate::model::{Dated, Item, Lang, TermList, Text};
pub use crate::site::Ui;
use crate::site::{RegionRef, Route, Site};

/// A date as a page prints it: in the page's language (令和2年度 / FY2020).
pub fn date(d: &Dated, lang: Lang) -> String {
    d.display(lang)
}

/// A date as the source writes it, on Japanese pages (`R1.6月時点`, `H29～R1年度`); English
/// pages, and dates written in canonical form, print it as [`date`] does.
pub fn date_as_written(d: &Dated, lang: Lang) -> String {
    match d.written() {
        Some(written) if lang == Lang::Ja => written.to_owned(),
        _ => d.display(lang),
    }
}

/// A list as the source prints it. On Japanese pages a list the source marks (・ ● ○ １．)
/// shows each item's mark inside it, hidden from assistive technology, and no bullet; an
/// empty mark shows neither. English pages, and lists without a mark, are ordinary lists.
#[derive(Clone, Debug, Serialize)]
pub struct List<T> {
    /// `<ol>` rather than `<ul>`.
    pub ordered: bool,
    /// The items carry the source's marks (the list has no bullets of its own).
    pub marked: bool,
    /// Marked with the empty mark: no mark and no bullet.
    pub bare: bool,
    pub items: Vec<Marked<T>>,
}

/// An item and the mark printed before it.
#[derive(Clone, Debug, Serialize)]
pub struct Marked<T> {
    pub mark: Option<String>,
    pub item: T,
}

/// A line of text, with the sub-items printed under it.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    pub text: Text,
    pub sub: Option<List<Line>>,
}

impl<T> List<T> {
    /// `items` under `mark` (`None`: no mark; `{}` in a mark is the item's number, from 1).
    pub fn new(lang: Lang, mark: Option<&str>, items: impl IntoIterator<Item = T>) -> List<T> {
        let mark = mark.filter(|_| lang == Lang::Ja);
        List {
            ordered: false,
            marked: mark.is_some(),
            bare: mark == Some(""),
            items: items
                .into_iter()
                .enumerate()
                .map(|(i, item)| Marked {
                    mark: mark
                        .filter(|m| !m.is_empty())
                        .map(|m| m.replace("{}", &(i + 1).to_string())),
                    item,
                })
                .collect(),
        }
    }

    /// The same list as `<ol>`.
    pub fn ordered(self) -> List<T> {
        List {
            ordered: true,
            ..self
        }
    }
}

impl List<Line> {
    /// Plain texts, without sub-items.
    pub fn texts<'t>(
        lang: Lang,
        mark: Option<&str>,
        texts: impl IntoIterator<Item = &'t Text>,
    ) -> List<Line> {
        List::new(
            lang,
            mark,
            texts.into_iter().map(|t| Line {
                text: t.clone(),
                sub: None,
            }),
        )
    }

    /// Items with their sub-items: `marks[0]` before the items, `marks[1]` before their
    /// sub-items and so on; deeper levels take the last mark given.
    pub fn items(lang: Lang, marks: &[Option<&str>], items: &[Item]) -> List<Line> {
        let mark = marks.first().copied().flatten();
        let deeper = if marks.len() > 1 { &marks[1..] } else { marks };
        List::new(
            lang,
            mark,
            items.iter().map(|it| Line {
                text: Text {
                    ja: it.ja.clone(),
                    en: it.en.clone(),
                },
                sub: (!it.sub.is_empty()).then(|| List::items(lang, deeper, &it.sub)),
            }),
        )
    }
}

/// A link to a tag's page.
#[derive(Clone, Debug, Serialize)]
pub struct TagLink {
    pub name: Text,
    pub url: String,
}

impl TagLink {
    /// The tag `id` of `list` (its id as its name when the list lacks it).
    pub fn new(site: &Site, lang: Lang, list: TermList, id: &str) -> TagLink {
        TagLink {
            name: site.term_name(list, id),
            url: site.routes.url(lang, Route::Term(list, id)),
        }
    }
}

/// The head of a record page: the kind of record and its region above the title.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    /// 「事業の実施例」 / "Project case example".
    pub kind_name: String,
    pub region: Option<RegionRef>,
    pub title: Text,
}

/// Regions a line ties to without naming them where they can be linked, printed small after
/// it: 「（関係する地域：多摩区、麻生区）」 / "(Places: Tama, Asao)".
#[derive(Clone, Debug, Serialize)]
pub struct Places {
    pub open: String,
    pub regions: Vec<RegionRef>,
    pub sep: String,
    pub close: String,
}

impl Places {
    /// The regions as a line's places; `None` for none.
    pub fn new(ui: Ui, regions: Vec<RegionRef>) -> Option<Places> {
        (!regions.is_empty()).then(|| Places {
            open: format!(
                "{}{}{}",
                ui.get("paren_open").trim(),
                ui.get("outcome_places"),
                ui.get("count_sep")
            ),
            regions,
            sep: ui.get("list_sep").to_owned(),
            close: ui.get("paren_close").to_owned(),
        })
    }
}

/// What every record page prints at its foot: the document it was taken from, and its file.
#[derive(Clone, Debug, Serialize)]
pub struct Foot {
    pub source: Option<Text>,
    pub source_file: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::load::Record;
    use crate::site::Strings;
    use crate::testutil::corpus;

    /// The default theme's strings.
    pub fn strings() -> &'static Strings {
        static STRINGS: OnceLock<Strings> = OnceLock::new();
        STRINGS.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
            Strings::load(&dir).expect("the default theme's strings")
        })
    }

    /// The bundled handbook's site, with the default theme's strings.
    pub fn site() -> Site<'static> {
        Site::with_strings(corpus(), strings())
    }

    /// A record of the bundled handbook.
    pub fn record(id: &str) -> &'static Record {
        corpus()
            .records
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no record `{id}`"))
    }

    #[test]
    fn places_are_bracketed_and_separated_as_the_language_lists_names() {
        let site = site();
        let refs = |lang| {
            ["kawasaki-tama-ward", "kawasaki-asao-ward"]
                .iter()
                .map(|id| site.region_ref(id, lang))
                .collect::<Vec<_>>()
        };
        let ja = Places::new(strings().ui(Lang::Ja), refs(Lang::Ja)).expect("places");
        assert_eq!(
            (ja.open.as_str(), ja.sep.as_str(), ja.close.as_str()),
            ("（関係する地域：", "、", "）")
        );
        let en = Places::new(strings().ui(Lang::En), refs(Lang::En)).expect("places");
        assert_eq!(
            (en.open.as_str(), en.sep.as_str(), en.close.as_str()),
            ("(Places: ", ", ", ")")
        );
        assert!(Places::new(strings().ui(Lang::En), Vec::new()).is_none());
    }

    fn text(ja: &str) -> Text {
        Text {
            ja: ja.into(),
            en: Some(format!("en {ja}")),
        }
    }

    #[test]
    fn japanese_lists_carry_the_source_marks_and_english_lists_do_not() {
        let items = [text("一"), text("二")];
        let ja = List::texts(Lang::Ja, Some("{}."), &items).ordered();
        assert!(ja.ordered && ja.marked && !ja.bare);
        let marks: Vec<_> = ja.items.iter().map(|i| i.mark.as_deref()).collect();
        assert_eq!(marks, [Some("1."), Some("2.")]);
        let en = List::texts(Lang::En, Some("{}."), &items);
        assert!(!en.marked && en.items.iter().all(|i| i.mark.is_none()));
        let bare = List::texts(Lang::Ja, Some(""), &items);
        assert!(bare.marked && bare.bare && bare.items.iter().all(|i| i.mark.is_none()));
        let plain = List::texts(Lang::Ja, None, &items);
        assert!(!plain.marked && !plain.bare);
    }

    #[test]
    fn sub_items_take_the_next_mark_and_deeper_levels_the_last() {
        let leaf = Item {
            ja: "c".into(),
            en: None,
            sub: vec![],
        };
        let mid = Item {
            ja: "b".into(),
            en: None,
            sub: vec![leaf.clone()],
        };
        let top = Item {
            ja: "a".into(),
            en: None,
            sub: vec![mid],
        };
        let list = List::items(Lang::Ja, &[Some("〇"), Some("・")], &[top]);
        let sub = list.items[0].item.sub.as_ref().expect("a sub-list");
        let subsub = sub.items[0].item.sub.as_ref().expect("a sub-sub-list");
        assert_eq!(list.items[0].mark.as_deref(), Some("〇"));
        assert_eq!(sub.items[0].mark.as_deref(), Some("・"));
        assert_eq!(subsub.items[0].mark.as_deref(), Some("・"));
    }

    #[test]
    fn dates_print_as_written_on_japanese_pages_only() {
        use serde::de::IntoDeserializer;
        use serde::Deserialize;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            "R1.6月時点".into_deserializer();
        let d = Dated::deserialize(de).expect("a date");
        assert_eq!(date_as_written(&d, Lang::Ja), "R1.6月時点");
        assert_eq!(date_as_written(&d, Lang::En), "June 2019");
        assert_eq!(date(&d, Lang::Ja), "令和元年6月");
    }
}
