//! The site as the output stages see it: indexes over the corpus (regions by id, children,
//! records by region and by tag) and the [`Routes`] every URL comes from. Built once per
//! build, read by every page, the open data and the search index.

pub mod routes;
pub mod strings;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::{Corpus, Record};
use crate::model::vocab::Term;
use crate::model::{Body, Kind, Lang, Region, TermList, Text};
pub use routes::{Part, Route, Routes, SourceRow, SourceTable, Whole};
pub use strings::{Strings, Ui};

pub struct Site<'a> {
    pub corpus: &'a Corpus,
    pub routes: Routes,
    pub regions: BTreeMap<&'a str, &'a Region>,
    /// Every record by id.
    pub records: BTreeMap<&'a str, &'a Record>,
    /// Region id → ids of regions whose parent it is, sorted.
    pub children: BTreeMap<&'a str, Vec<&'a str>>,
    /// Region id → records about it (not the region itself), in corpus order.
    pub by_region: BTreeMap<&'a str, Vec<&'a Record>>,
    /// Region id → records that refer to it other than as their own region (an outcome's model
    /// area or the places its entries name, a sheet's event areas), in corpus order.
    pub mentioned_in: BTreeMap<&'a str, Vec<&'a Record>>,
    /// (vocabulary, id) → records tagged with it.
    pub by_tag: BTreeMap<(TermList, &'a str), Vec<&'a Record>>,
    /// The theme's UI strings, for the kind names of [`RecordRef`]s (none: every string shows
    /// its key, as a string missing from a theme does).
    strings: Cow<'a, Strings>,
}

impl<'a> Site<'a> {
    /// The site of `corpus`, without the theme's strings (tests that do not print kind names).
    pub fn new(corpus: &'a Corpus) -> Site<'a> {
        Site::build(corpus, Cow::Owned(Strings::from_texts(&BTreeMap::new())))
    }

    /// The site of `corpus` with the theme's UI strings.
    pub fn with_strings(corpus: &'a Corpus, strings: &'a Strings) -> Site<'a> {
        Site::build(corpus, Cow::Borrowed(strings))
    }

    /// The theme's UI strings.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    fn build(corpus: &'a Corpus, strings: Cow<'a, Strings>) -> Site<'a> {
        let mut site = Site {
            corpus,
            routes: Routes::new(&corpus.config.base_path),
            regions: BTreeMap::new(),
            records: BTreeMap::new(),
            children: BTreeMap::new(),
            by_region: BTreeMap::new(),
            mentioned_in: BTreeMap::new(),
            by_tag: BTreeMap::new(),
            strings,
        };
        for rec in &corpus.records {
            site.records.insert(&rec.id, rec);
            if let Body::Region(r) = &rec.body {
                site.regions.insert(&rec.id, r);
                if let Some(p) = &r.parent {
                    site.children.entry(p.as_str()).or_default().push(&rec.id);
                }
            }
            if let Some(region) = rec.body.region() {
                site.by_region.entry(region).or_default().push(rec);
                for other in rec.body.referenced_regions() {
                    if other != region {
                        site.mentioned_in.entry(other).or_default().push(rec);
                    }
                }
            }
            for (vocab, id) in rec.body.tags() {
                site.by_tag.entry((vocab, id)).or_default().push(rec);
            }
        }
        site
    }

    /// Themes that at least one Point1–6 analysis is written under.
    pub fn analysed_themes(&self) -> std::collections::BTreeSet<&'a str> {
        self.corpus
            .records
            .iter()
            .filter_map(|r| match &r.body {
                Body::Analysis(a) => Some(a.theme.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The prefecture a region belongs to (itself for a prefecture), following parents.
    pub fn prefecture_of(&self, id: &'a str) -> Option<&'a str> {
        let mut cur = id;
        for _ in 0..8 {
            let r = self.regions.get(cur)?;
            if r.kind == "prefecture" {
                return Some(cur);
            }
            cur = r.parent.as_deref()?;
        }
        None
    }

    /// The part of a split page that lists a region's entries: its prefecture's, or the part
    /// of no prefecture for a region in none (or an unknown one, or none at all: `""`).
    pub fn part_of(&self, id: &str) -> Part<'a> {
        self.regions
            .get_key_value(id)
            .and_then(|(k, _)| self.prefecture_of(k))
            .map_or(Part::NoPrefecture, Part::Prefecture)
    }

    /// Where a region stands in lists, in `lang`: prefectures in the official order (their JIS
    /// code; prefectures without one, such as anonymised ones, after those with one, by name),
    /// each followed by the regions within it; regions of no prefecture last. Within a
    /// prefecture, the prefecture first, then the others by their `reading` on Japanese pages
    /// (their Japanese name when they have none) and by their English name on English pages.
    pub fn region_order(&self, id: &str, lang: Lang) -> RegionOrder {
        let region = self.regions.get_key_value(id);
        let pref = region.and_then(|(k, _)| self.prefecture_of(k));
        let pref_region = pref.and_then(|p| self.regions.get(p));
        RegionOrder {
            prefecture: match pref_region {
                Some(p) => match &p.code {
                    Some(code) => (0, **code, String::new()),
                    None => (1, 0, self.name_key(pref.unwrap_or_default(), lang)),
                },
                None => (2, 0, String::new()),
            },
            within: (pref != Some(id), self.name_key(id, lang), id.to_owned()),
        }
    }

    /// `ids` in [`Site::region_order`].
    pub fn sort_regions(&self, ids: &mut [&str], lang: Lang) {
        ids.sort_by_cached_key(|id| self.region_order(id, lang));
    }

    /// A region's name as it sorts: its reading (katakana as hiragana, without ・ and spaces)
    /// or else its Japanese name in Japanese, its English name in English.
    fn name_key(&self, id: &str, lang: Lang) -> String {
        let Some(r) = self.regions.get(id) else {
            return id.to_owned();
        };
        match lang {
            Lang::Ja => r.reading.as_deref().map_or_else(
                || r.name.ja.clone(),
                |reading| {
                    reading
                        .chars()
                        .filter(|c| !matches!(c, '・' | ' ' | '\u{3000}'))
                        .map(|c| match c {
                            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
                            c => c,
                        })
                        .collect()
                },
            ),
            Lang::En => r.name.get(Lang::En).text.to_lowercase(),
        }
    }

    pub fn terms(&self, list: TermList) -> &'a [Term] {
        self.corpus.vocab.terms(list)
    }

    /// A term's name; its id in both languages when the list has no such term.
    pub fn term_name(&self, list: TermList, id: &str) -> Text {
        self.terms(list).iter().find(|t| t.id == id).map_or_else(
            || Text {
                ja: id.to_owned(),
                en: Some(id.to_owned()),
            },
            |t| t.name.clone(),
        )
    }

    pub fn region_ref(&self, id: &str, lang: Lang) -> RegionRef {
        let r = self.regions.get(id);
        RegionRef {
            id: id.to_owned(),
            url: self.routes.url(lang, Route::region(id)),
            name: r.map_or_else(
                || Text {
                    ja: id.to_owned(),
                    en: Some(id.to_owned()),
                },
                |r| r.name.clone(),
            ),
            kind: r.map(|r| self.term_name(TermList::RegionKinds, &r.kind)),
            anonymised: r.is_some_and(|r| r.anonymised),
        }
    }

    pub fn record_ref(&self, rec: &Record, lang: Lang) -> RecordRef {
        RecordRef {
            kind: rec.kind,
            kind_name: self.strings.ui(lang).kind_name(rec.kind),
            id: rec.id.clone(),
            url: self.routes.url(lang, Route::Record(rec.kind, &rec.id)),
            title: rec.body.title().clone(),
            region: rec.body.region().map(|r| self.region_ref(r, lang)),
        }
    }
}

/// A region's place in lists: see [`Site::region_order`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RegionOrder {
    /// (0 with a code, 1 without, 2 no prefecture; the code; the name of one without).
    prefecture: (u8, u32, String),
    /// (not the prefecture itself; the name as it sorts; the id).
    within: (bool, String, String),
}

/// A link to a region, for lists and breadcrumbs.
#[derive(Clone, Debug, Serialize)]
pub struct RegionRef {
    pub id: String,
    pub url: String,
    pub name: Text,
    pub kind: Option<Text>,
    pub anonymised: bool,
}

/// A link to a record, for lists.
#[derive(Clone, Debug, Serialize)]
pub struct RecordRef {
    pub kind: Kind,
    pub kind_name: String,
    pub id: String,
    pub url: String,
    pub title: Text,
    pub region: Option<RegionRef>,
}
