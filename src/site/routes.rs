//! Every URL of the site, and the output path of every page, from one place.
//!
//! A [`Route`] names a page; [`Routes`] turns it into a URL under the site's base path
//! (`/casebook/ja/regions/kumamoto-pref/`), its path below the language root
//! (`regions/kumamoto-pref/`), its twin in the other language and the file it is written to.
//! Non-page resources (static files, open data, the search index) have their own methods.
//! Pages under `/ja/` and `/en/` have the same paths below the language root.

use crate::model::{Kind, Lang, TermList};

/// A page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    /// Every record of a kind, grouped by prefecture.
    KindIndex(Kind),
    /// A record's own page (a region's page is its record's).
    Record(Kind, &'a str),
    /// The entries of a tag vocabulary (categories, themes).
    TermIndex(TermList),
    /// One tag and the records tagged with it.
    Term(TermList, &'a str),
    Glossary,
    NotFound,
    Search,
    /// For editors, not linked from the readers' navigation: which texts lack English.
    Translation,
    IndicatorIndex,
    Indicator(&'a str),
    Compare,
    /// The Point1–6 matrix, of every analysis or of one theme's.
    ComparePoints(Option<&'a str>),
    CompareIssues,
    CompareCategories,
    CompareTimeline,
    /// A part of a long aggregate page: the entries of one prefecture's regions, or of no
    /// prefecture's (see `render::view::parts`).
    Part(Whole<'a>, Part<'a>),
}

/// An aggregate page that is split into parts when it would be long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whole<'a> {
    KindIndex(Kind),
    Indicator(&'a str),
    Compare,
    ComparePoints(Option<&'a str>),
    CompareIssues,
    CompareCategories,
    CompareTimeline,
    Translation,
}

impl<'a> Whole<'a> {
    /// The page of the whole: on a split page, the national summary.
    pub fn route(self) -> Route<'a> {
        match self {
            Whole::KindIndex(k) => Route::KindIndex(k),
            Whole::Indicator(id) => Route::Indicator(id),
            Whole::Compare => Route::Compare,
            Whole::ComparePoints(theme) => Route::ComparePoints(theme),
            Whole::CompareIssues => Route::CompareIssues,
            Whole::CompareCategories => Route::CompareCategories,
            Whole::CompareTimeline => Route::CompareTimeline,
            Whole::Translation => Route::Translation,
        }
    }
}

/// Which regions' entries a part holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part<'a> {
    /// The prefecture's, and those of every region within it.
    Prefecture(&'a str),
    /// Those of regions in no prefecture (anonymised places) and of no region at all.
    NoPrefecture,
}

impl Part<'_> {
    /// The part's path below its whole's: `prefectures/<id>/` or `no-prefecture/`. Neither
    /// can be a file of the whole's own pages: record and theme pages are one segment deep
    /// (`cases/<id>/`), so `cases/prefectures/index.html` may be a record's page beside the
    /// parts' directories but is never written twice.
    fn path(self) -> String {
        match self {
            Part::Prefecture(id) => format!("prefectures/{id}/"),
            Part::NoPrefecture => "no-prefecture/".into(),
        }
    }
}

impl<'a> Route<'a> {
    /// A region's page.
    pub fn region(id: &'a str) -> Route<'a> {
        Route::Record(Kind::Regions, id)
    }

    /// The path below `/{lang}/`, ending in `/` (empty for the home page; `404` for the page
    /// a host serves for a missing path).
    pub fn path(self) -> String {
        match self {
            Route::Home => String::new(),
            Route::KindIndex(k) => format!("{}/", k.dir()),
            Route::Record(k, id) => format!("{}/{id}/", k.dir()),
            Route::TermIndex(list) => format!("{}/", list.stem()),
            Route::Term(list, id) => format!("{}/{id}/", list.stem()),
            Route::Glossary => "glossary/".into(),
            Route::NotFound => "404".into(),
            Route::Search => "search/".into(),
            Route::Translation => "editors/translation/".into(),
            Route::IndicatorIndex => "indicators/".into(),
            Route::Indicator(id) => format!("indicators/{id}/"),
            Route::Compare => "compare/".into(),
            Route::ComparePoints(None) => "compare/points/".into(),
            Route::ComparePoints(Some(theme)) => format!("compare/points/{theme}/"),
            Route::CompareIssues => "compare/issues/".into(),
            Route::CompareCategories => "compare/categories/".into(),
            Route::CompareTimeline => "compare/timeline/".into(),
            Route::Part(whole, part) => format!("{}{}", whole.route().path(), part.path()),
        }
    }
}

/// URLs under one base path (`/` or `/casebook/`, always starting and ending with `/`).
#[derive(Clone, Debug)]
pub struct Routes {
    base: String,
}

impl Routes {
    pub fn new(base_path: &str) -> Routes {
        Routes {
            base: base_path.to_owned(),
        }
    }

    /// Where the site is served: the language choice.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `{base}{lang}/`: the home page of a language, and the prefix of its pages.
    pub fn lang_root(&self, lang: Lang) -> String {
        format!("{}{}/", self.base, lang.code())
    }

    /// A page's URL. The not-found page is linked by its language's home page, which is
    /// where a reader who switches language from it lands.
    pub fn url(&self, lang: Lang, route: Route) -> String {
        match route {
            Route::NotFound => self.lang_root(lang),
            route => format!("{}{}", self.lang_root(lang), route.path()),
        }
    }

    /// The URL of the row a value was read from (`field_path`: `results.indicators[0].actual`):
    /// its record's page, with the row's anchor when the row is one [`SourceRow`] knows.
    pub fn row_url(&self, lang: Lang, kind: Kind, record: &str, field_path: &str) -> String {
        format!(
            "{}{}",
            self.lang_root(lang),
            row_path(kind, record, field_path)
        )
    }

    /// The output file of a page, relative to the output directory.
    pub fn file(&self, lang: Lang, route: Route) -> String {
        match route {
            Route::NotFound => format!("{}/404.html", lang.code()),
            route => format!("{}/{}index.html", lang.code(), route.path()),
        }
    }

    /// A file of the theme's `static/` directory, by its path below it.
    pub fn static_file(&self, path: &str) -> String {
        format!("{}{}", self.base, static_file(path))
    }

    /// An open-data file under `/data/`.
    pub fn data(&self, name: &str) -> String {
        format!("{}{}", self.base, data_file(name))
    }

    /// The directory of a language's search index.
    pub fn search_index(&self, lang: Lang) -> String {
        format!("{}{}/", self.base, search_dir(lang))
    }

    /// The page a static host serves for a missing path, relative to the output directory:
    /// the source language's not-found page stands for both.
    pub fn not_found_file() -> &'static str {
        "404.html"
    }

    /// The language choice at the site's root, relative to the output directory.
    pub fn language_choice_file() -> &'static str {
        "index.html"
    }
}

/// Where a static file is written, relative to the output directory.
pub fn static_file(path: &str) -> String {
    format!("static/{path}")
}

/// A source row of a record that values are read from: a row of a status sheet's section 4
/// (`results.indicators[i]`) or section 5 (`strengths.indicators[i]`) table, or a column of
/// an outcome's discharge table (`discharge[i]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceRow {
    pub table: SourceTable,
    /// 0-based, as in the field path.
    pub index: usize,
}

/// The table a [`SourceRow`] is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceTable {
    /// A status sheet's section 4, results and effects.
    Results,
    /// A status sheet's section 5, strengths and issues.
    Strengths,
    /// An outcome's discharge-support table (one column per area).
    Discharge,
}

impl SourceRow {
    /// The row a field path (`results.indicators[0]`, `discharge[1].supported`) is in;
    /// `None` for a path outside these tables.
    pub fn parse(path: &str) -> Option<SourceRow> {
        let (table, rest) = [
            ("results.indicators[", SourceTable::Results),
            ("strengths.indicators[", SourceTable::Strengths),
            ("discharge[", SourceTable::Discharge),
        ]
        .into_iter()
        .find_map(|(prefix, table)| Some((table, path.strip_prefix(prefix)?)))?;
        let (index, _) = rest.split_once(']')?;
        Some(SourceRow {
            table,
            index: index.parse().ok()?,
        })
    }

    /// The element id of the row on its record's page, unique on the page and stable while
    /// the record's rows keep their order: `s4-row-1`, `s5-row-2`, `discharge-1` (1-based, as
    /// a reader counts).
    pub fn anchor(self) -> String {
        let n = self.index + 1;
        match self.table {
            SourceTable::Results => format!("s4-row-{n}"),
            SourceTable::Strengths => format!("s5-row-{n}"),
            SourceTable::Discharge => format!("discharge-{n}"),
        }
    }
}

/// The row a value was read from, below `/{lang}/` ([`Routes::row_url`]):
/// `status-sheets/kumamoto-pref-sheet/#s4-row-1`, or the record's page alone for a value
/// outside the tables [`SourceRow`] knows.
pub fn row_path(kind: Kind, record: &str, field_path: &str) -> String {
    let page = Route::Record(kind, record).path();
    match SourceRow::parse(field_path) {
        Some(row) => format!("{page}#{}", row.anchor()),
        None => page,
    }
}

/// Where an open-data file is written, relative to the output directory.
pub fn data_file(name: &str) -> String {
    format!("data/{name}")
}

/// Where a language's search index is written, relative to the output directory.
pub fn search_dir(lang: Lang) -> String {
    format!("search/{}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_the_same_paths_in_both_languages() {
        let routes = Routes::new("/casebook/");
        let sheet = Route::Record(Kind::StatusSheets, "kumamoto-pref-sheet");
        assert_eq!(
            routes.url(Lang::Ja, sheet),
            "/casebook/ja/status-sheets/kumamoto-pref-sheet/"
        );
        assert_eq!(
            routes.url(Lang::En, sheet),
            "/casebook/en/status-sheets/kumamoto-pref-sheet/"
        );
        assert_eq!(
            routes.file(Lang::En, sheet),
            "en/status-sheets/kumamoto-pref-sheet/index.html"
        );
        assert_eq!(routes.url(Lang::Ja, Route::Home), "/casebook/ja/");
        assert_eq!(routes.file(Lang::Ja, Route::Home), "ja/index.html");
    }

    #[test]
    fn every_page_kind_has_its_place() {
        let routes = Routes::new("/");
        let cases = [
            (Route::KindIndex(Kind::Cases), "/en/cases/"),
            (Route::region("aira-isa-area"), "/en/regions/aira-isa-area/"),
            (Route::TermIndex(TermList::Themes), "/en/themes/"),
            (
                Route::Term(TermList::Categories, "family-support"),
                "/en/categories/family-support/",
            ),
            (Route::Glossary, "/en/glossary/"),
            (Route::Search, "/en/search/"),
            (Route::Translation, "/en/editors/translation/"),
            (Route::IndicatorIndex, "/en/indicators/"),
            (
                Route::Indicator("long-term-inpatients"),
                "/en/indicators/long-term-inpatients/",
            ),
            (Route::Compare, "/en/compare/"),
            (Route::ComparePoints(None), "/en/compare/points/"),
            (
                Route::ComparePoints(Some("housing")),
                "/en/compare/points/housing/",
            ),
            (Route::CompareIssues, "/en/compare/issues/"),
            (Route::CompareCategories, "/en/compare/categories/"),
            (Route::CompareTimeline, "/en/compare/timeline/"),
            (
                Route::Part(Whole::Compare, Part::Prefecture("kumamoto-pref")),
                "/en/compare/prefectures/kumamoto-pref/",
            ),
            (
                Route::Part(Whole::Indicator("discharged"), Part::NoPrefecture),
                "/en/indicators/discharged/no-prefecture/",
            ),
            (
                Route::Part(
                    Whole::KindIndex(Kind::Cases),
                    Part::Prefecture("chiba-pref"),
                ),
                "/en/cases/prefectures/chiba-pref/",
            ),
            (Route::NotFound, "/en/"),
        ];
        for (route, url) in cases {
            assert_eq!(routes.url(Lang::En, route), url, "{route:?}");
        }
        assert_eq!(routes.file(Lang::En, Route::NotFound), "en/404.html");
        assert_eq!(routes.static_file("style.css"), "/static/style.css");
        assert_eq!(routes.data("records.json"), "/data/records.json");
        assert_eq!(routes.search_index(Lang::Ja), "/search/ja/");
    }

    #[test]
    fn source_rows_have_stable_anchors() {
        let anchor = |p: &str| SourceRow::parse(p).map(SourceRow::anchor);
        assert_eq!(anchor("results.indicators[0]").as_deref(), Some("s4-row-1"));
        assert_eq!(
            anchor("strengths.indicators[11].target").as_deref(),
            Some("s5-row-12")
        );
        assert_eq!(
            anchor("discharge[1].supported").as_deref(),
            Some("discharge-2")
        );
        assert_eq!(anchor("history.groups[0].counts[1]"), None);
        assert_eq!(anchor("results.indicators[x]"), None);
        let routes = Routes::new("/casebook/");
        assert_eq!(
            routes.row_url(
                Lang::En,
                Kind::StatusSheets,
                "kumamoto-pref-sheet",
                "strengths.indicators[0]"
            ),
            "/casebook/en/status-sheets/kumamoto-pref-sheet/#s5-row-1"
        );
    }
}
