//! Corpus → output files: one page per record, region, category and theme, indexes, the
//! glossary and the home page, under `/ja/` and `/en/` with the same paths below them.
//!
//! This module enumerates the pages and dispatches each to its view (`view/`), which works
//! out everything the page prints; templates get the view as `data`, the frame every page
//! shares as `base` and the UI strings as `ui`, and print text in the reader's language
//! through filters (`t`, `tt`, `md`, see `theme.rs`). Pages are rendered in parallel and
//! returned sorted by path, so output is byte-identical for the same input.

pub mod html;
pub mod markdown;
pub mod svg;
pub mod theme;
pub mod view;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::compare::Computed;
use crate::load::Record;
use crate::model::vocab::{IndicatorDef, Term};
use crate::model::{Body, Kind, Lang, TermList};
use crate::site::{routes, Part, Route, Routes, Site, Ui, Whole};
use crate::timing;
use crate::validate::translation::Report;
use crate::write::OutputFile;
use theme::Theme;
use view::base::{BaseView, Crumb, Section};
use view::parts::{PartsView, Scope};

/// What a page is about; enumerated first, rendered in parallel.
#[derive(Clone, Copy)]
enum PageKind<'a> {
    Home,
    KindIndex(Kind),
    Record(&'a Record),
    TermIndex(TermList),
    Term(TermList, &'a Term),
    Glossary,
    NotFound,
    IndicatorIndex,
    Indicator(&'a IndicatorDef),
    Compare,
    ComparePoints(Option<&'a Term>),
    CompareIssues,
    CompareCategories,
    CompareTimeline,
    Search,
    Translation,
    /// A part of a split page ([`view::parts`]).
    Part(Whole<'a>, Part<'a>),
}

/// The split pages, each with its parts and their numbers of entries.
type Splits<'a> = HashMap<Whole<'a>, Vec<(Part<'a>, usize)>>;

/// What pages share, computed once before they are rendered.
struct Shared<'s, 'a> {
    computed: &'s Computed,
    splits: &'s Splits<'a>,
    translation: &'s Report,
}

/// Every page of the site in both languages, the theme's static files and the language
/// choice at `/`, in no particular order.
pub fn render(site: &Site, computed: &Computed) -> anyhow::Result<Vec<OutputFile>> {
    let corpus = site.corpus;
    let strings = site.strings();
    let theme = Theme::load(
        &corpus.config.root,
        &corpus.config.theme_dir(),
        &corpus.config.base_path,
        strings,
    )?;
    let kinds = page_kinds(site);
    let (splits, kinds) = split_pages(site, computed, kinds);
    let translation = timing::phase("translation status", || {
        crate::validate::translation::report(corpus)
    });
    let shared = Shared {
        computed,
        splits: &splits,
        translation: &translation,
    };
    let jobs: Vec<(Lang, PageKind)> = Lang::ALL
        .iter()
        .flat_map(|l| kinds.iter().map(move |k| (*l, *k)))
        .collect();
    let mut files = timing::phase("render pages", || {
        jobs.par_iter()
            .map(|(lang, kind)| {
                let ui = strings.ui(*lang);
                page(site, &shared, &theme, ui, *kind)
            })
            .collect::<anyhow::Result<Vec<_>>>()
    })?;
    files.extend(theme.statics.iter().cloned());
    files.push(OutputFile::new(
        routes::static_file("highlight.css"),
        markdown::highlight_css(),
    ));
    let mut redirect = tera::Context::new();
    redirect.insert("data", &view::redirect::view(site, strings));
    files.push(OutputFile::new(
        Routes::language_choice_file(),
        theme.render(Lang::Ja, "redirect.html", &redirect)?,
    ));
    // Static hosts serve `/404.html` for a missing page; Japanese is the source language.
    let ja404 = site.routes.file(Lang::Ja, Route::NotFound);
    if let Some(page) = files.iter().find(|f| f.path == ja404) {
        files.push(OutputFile::new(
            Routes::not_found_file(),
            page.bytes.clone(),
        ));
    }
    Ok(files)
}

/// Which pages are long enough to be split, and the pages with their parts added.
fn split_pages<'a>(
    site: &Site<'a>,
    computed: &Computed,
    mut kinds: Vec<PageKind<'a>>,
) -> (Splits<'a>, Vec<PageKind<'a>>) {
    let splits: Splits = timing::phase("split long pages", || {
        kinds
            .par_iter()
            .filter_map(|k| k.whole())
            .filter_map(|w| Some((w, view::parts::split(site, computed, w)?)))
            .collect()
    });
    let mut parts: Vec<PageKind> = splits
        .iter()
        .flat_map(|(w, parts)| parts.iter().map(|(p, _)| PageKind::Part(*w, *p)))
        .collect();
    parts.sort_by_key(|k| k.route().path());
    kinds.extend(parts);
    (splits, kinds)
}

/// Every page of one language.
fn page_kinds<'a>(site: &Site<'a>) -> Vec<PageKind<'a>> {
    let corpus = site.corpus;
    let mut kinds = vec![PageKind::Home, PageKind::Glossary, PageKind::NotFound];
    kinds.push(PageKind::Search);
    kinds.push(PageKind::Translation);
    kinds.extend([
        PageKind::IndicatorIndex,
        PageKind::Compare,
        PageKind::ComparePoints(None),
        PageKind::CompareIssues,
        PageKind::CompareCategories,
        PageKind::CompareTimeline,
    ]);
    kinds.extend(
        corpus
            .vocab
            .indicators
            .entries
            .iter()
            .map(PageKind::Indicator),
    );
    let analysed = site.analysed_themes();
    kinds.extend(
        site.terms(TermList::Themes)
            .iter()
            .filter(|t| analysed.contains(t.id.as_str()))
            .map(|t| PageKind::ComparePoints(Some(t))),
    );
    kinds.extend(Kind::ALL.iter().map(|k| PageKind::KindIndex(*k)));
    kinds.extend(corpus.records.iter().map(PageKind::Record));
    for list in TermList::TAGS {
        kinds.push(PageKind::TermIndex(list));
        kinds.extend(site.terms(list).iter().map(|t| PageKind::Term(list, t)));
    }
    kinds
}

impl<'a> PageKind<'a> {
    fn route(self) -> Route<'a> {
        match self {
            PageKind::Home => Route::Home,
            PageKind::KindIndex(k) => Route::KindIndex(k),
            PageKind::Record(r) => Route::Record(r.kind, &r.id),
            PageKind::TermIndex(list) => Route::TermIndex(list),
            PageKind::Term(list, t) => Route::Term(list, &t.id),
            PageKind::Glossary => Route::Glossary,
            PageKind::NotFound => Route::NotFound,
            PageKind::IndicatorIndex => Route::IndicatorIndex,
            PageKind::Indicator(d) => Route::Indicator(&d.id),
            PageKind::Compare => Route::Compare,
            PageKind::ComparePoints(t) => Route::ComparePoints(t.map(|t| t.id.as_str())),
            PageKind::CompareIssues => Route::CompareIssues,
            PageKind::CompareCategories => Route::CompareCategories,
            PageKind::CompareTimeline => Route::CompareTimeline,
            PageKind::Search => Route::Search,
            PageKind::Translation => Route::Translation,
            PageKind::Part(whole, part) => Route::Part(whole, part),
        }
    }

    /// The aggregate page this is, which may be split into parts.
    fn whole(self) -> Option<Whole<'a>> {
        Some(match self {
            PageKind::KindIndex(k) => Whole::KindIndex(k),
            PageKind::Indicator(d) => Whole::Indicator(&d.id),
            PageKind::Compare => Whole::Compare,
            PageKind::ComparePoints(t) => Whole::ComparePoints(t.map(|t| t.id.as_str())),
            PageKind::CompareIssues => Whole::CompareIssues,
            PageKind::CompareCategories => Whole::CompareCategories,
            PageKind::CompareTimeline => Whole::CompareTimeline,
            PageKind::Translation => Whole::Translation,
            _ => return None,
        })
    }

    /// The page of a whole, which its parts are made like.
    fn of_whole(site: &Site<'a>, whole: Whole) -> Option<PageKind<'a>> {
        let corpus = site.corpus;
        Some(match whole {
            Whole::KindIndex(k) => PageKind::KindIndex(k),
            Whole::Indicator(id) => PageKind::Indicator(
                corpus
                    .vocab
                    .indicators
                    .entries
                    .iter()
                    .find(|d| d.id == id)?,
            ),
            Whole::Compare => PageKind::Compare,
            Whole::ComparePoints(None) => PageKind::ComparePoints(None),
            Whole::ComparePoints(Some(id)) => PageKind::ComparePoints(Some(
                site.terms(TermList::Themes).iter().find(|t| t.id == id)?,
            )),
            Whole::CompareIssues => PageKind::CompareIssues,
            Whole::CompareCategories => PageKind::CompareCategories,
            Whole::CompareTimeline => PageKind::CompareTimeline,
            Whole::Translation => PageKind::Translation,
        })
    }

    /// The navigation section the page belongs to.
    fn section(self) -> Section {
        match self {
            PageKind::Record(r) => Section::Kind(r.kind),
            PageKind::KindIndex(k) => Section::Kind(k),
            PageKind::TermIndex(list) | PageKind::Term(list, _) => Section::Tags(list),
            PageKind::Glossary => Section::Glossary,
            PageKind::Home | PageKind::NotFound | PageKind::Translation => Section::None,
            PageKind::Search => Section::Search,
            PageKind::Part(Whole::KindIndex(k), _) => Section::Kind(k),
            PageKind::Part(Whole::Translation, _) => Section::None,
            _ => Section::Compare,
        }
    }
}

/// A page's template, title, breadcrumbs (below the home page) and data.
type PageParts = (&'static str, String, Vec<Crumb>, serde_json::Value);

fn page(
    site: &Site,
    shared: &Shared,
    theme: &Theme,
    ui: Ui,
    kind: PageKind,
) -> anyhow::Result<OutputFile> {
    let lang = ui.lang;
    let (computed, splits) = (shared.computed, shared.splits);
    let (content, scope, parts) = scope_of(site, (computed, splits), ui, kind)?;
    let (template, mut title, mut crumbs, data) = match content {
        PageKind::Record(r) => (
            template_of(r.kind),
            r.body.title().get(lang).text.to_owned(),
            view::base::record_crumbs(site, ui, r),
            record_view(site, computed, ui, r)?,
        ),
        PageKind::Home
        | PageKind::KindIndex(_)
        | PageKind::TermIndex(_)
        | PageKind::Term(..)
        | PageKind::Glossary
        | PageKind::NotFound
        | PageKind::Search
        | PageKind::Translation => site_page(site, ui, content, (scope, shared.translation))?,
        content => compare_page(site, computed, ui, content, scope)?,
    };
    if let PageKind::Part(whole, part) = kind {
        crumbs.push(Crumb {
            name: title.clone(),
            url: site.routes.url(lang, whole.route()),
        });
        title = format!("{title}: {}", view::parts::part_name(site, ui, part));
    }
    let base = view::base::view(site, ui, kind.route(), kind.section(), title, crumbs);
    let ctx = page_context(&theme.ui_values[&lang], &base, data, parts)?;
    let html = theme.render(lang, template, &ctx)?;
    Ok(OutputFile::new(site.routes.file(lang, kind.route()), html))
}

/// What a page prints: the page whose content it has (a part's whole), which of its entries,
/// and, on a split page, its parts.
fn scope_of<'a>(
    site: &Site<'a>,
    (computed, splits): (&Computed, &Splits<'a>),
    ui: Ui,
    kind: PageKind<'a>,
) -> anyhow::Result<(PageKind<'a>, Scope<'a>, Option<PartsView>)> {
    Ok(match kind {
        PageKind::Part(whole, part) => {
            let content = PageKind::of_whole(site, whole)
                .ok_or_else(|| anyhow::anyhow!("a part of no page: {whole:?}"))?;
            let parts = view::parts::view(site, (computed, ui), whole, &splits[&whole], Some(part));
            (content, Scope::Part(part), Some(parts))
        }
        kind => match kind.whole().and_then(|w| Some((w, splits.get(&w)?))) {
            Some((whole, parts)) => {
                let parts = view::parts::view(site, (computed, ui), whole, parts, None);
                (kind, Scope::Summary, Some(parts))
            }
            None => (kind, Scope::All, None),
        },
    })
}

/// The pages that are neither records nor comparisons: the home page, the indexes, the tag
/// pages, the glossary, search and the not-found page.
fn site_page(
    site: &Site,
    ui: Ui,
    kind: PageKind,
    (scope, translation): (Scope, &Report),
) -> anyhow::Result<PageParts> {
    let lang = ui.lang;
    let s = |k: &str| ui.get(k).to_owned();
    Ok(match kind {
        PageKind::Home => (
            "home.html",
            s("site_home"),
            vec![],
            serde_json::to_value(view::home::view(site, ui))?,
        ),
        PageKind::KindIndex(k) => (
            "list.html",
            ui.kinds_name(k),
            vec![],
            serde_json::to_value(view::index::view(site, ui, k, scope))?,
        ),
        PageKind::TermIndex(list) => (
            "terms.html",
            s(list.stem()),
            vec![],
            serde_json::to_value(view::terms::index(site, lang, list))?,
        ),
        PageKind::Term(list, t) => {
            let up = Crumb {
                name: s(list.stem()),
                url: site.routes.url(lang, Route::TermIndex(list)),
            };
            let title = t.name.get(lang).text.to_owned();
            let data = serde_json::to_value(view::terms::term(site, ui, list, t))?;
            ("term.html", title, vec![up], data)
        }
        PageKind::Glossary => (
            "glossary.html",
            s("glossary"),
            vec![],
            serde_json::to_value(view::terms::glossary(site))?,
        ),
        PageKind::NotFound => ("404.html", s("not_found"), vec![], serde_json::Value::Null),
        PageKind::Search => (
            "search.html",
            s("search"),
            vec![],
            serde_json::to_value(view::search::view(site, lang))?,
        ),
        PageKind::Translation => (
            "translation.html",
            s("translation_status"),
            vec![],
            serde_json::to_value(view::translation::view(site, ui, translation, scope))?,
        ),
        _ => anyhow::bail!("not a page of the site's own"),
    })
}

/// A page's template context: `ui`, `base`, `data` and `parts` (null on a page that is not
/// split). Made from one JSON object that owns
/// `data`, where `Context::insert` would serialize every value again (a deep copy of `data`,
/// megabytes for the comparison pages).
fn page_context(
    ui: &serde_json::Value,
    base: &BaseView,
    data: serde_json::Value,
    parts: Option<PartsView>,
) -> anyhow::Result<tera::Context> {
    let mut map = serde_json::Map::new();
    map.insert("parts".into(), serde_json::to_value(parts)?);
    map.insert("ui".into(), ui.clone());
    map.insert("base".into(), serde_json::to_value(base)?);
    map.insert("data".into(), data);
    Ok(tera::Context::from_value(serde_json::Value::Object(map))?)
}

/// The template of a record kind's pages.
fn template_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Regions => "region.html",
        Kind::StatusSheets => "status-sheet.html",
        Kind::Outcomes => "outcome.html",
        Kind::Cases => "case.html",
        Kind::Practices => "practice.html",
        Kind::Analyses => "analysis.html",
        Kind::Pages => "page.html",
    }
}

/// A record page's view, as its template reads it.
fn record_view(
    site: &Site,
    computed: &Computed,
    ui: view::Ui,
    r: &Record,
) -> anyhow::Result<serde_json::Value> {
    Ok(match &r.body {
        Body::Analysis(a) => serde_json::to_value(view::analysis::view(site, ui, r, a))?,
        Body::Outcome(o) => serde_json::to_value(view::outcome::view(site, ui, r, o))?,
        Body::Region(reg) => serde_json::to_value(view::region::view(site, computed, ui, r, reg))?,
        Body::Case(c) => serde_json::to_value(view::case::view(site, ui, r, c))?,
        Body::Practice(p) => serde_json::to_value(view::practice::view(site, ui, r, p))?,
        Body::Page(p) => serde_json::to_value(view::page::view(r, p))?,
        Body::StatusSheet(s) => serde_json::to_value(view::status_sheet::view(site, ui, r, s))?,
    })
}

/// What a record's page prints besides the record's own texts, in the form the page prints
/// it: numbers with their units and counts (`5,454人 / 43`), dates as displayed or as
/// written (`令和3年度`, `R1.6月時点`, `FY2021`), and labels. The search index reads it
/// (`search::index`), so a page is found by what it shows; see [`view::printed`].
pub fn printed(site: &Site, computed: &Computed, ui: Ui, r: &Record) -> Vec<String> {
    match record_view(site, computed, ui, r) {
        Ok(view) => view::printed::strings(&view),
        Err(_) => Vec::new(),
    }
}

/// The comparison pages: template, title, breadcrumbs and data.
fn compare_page(
    site: &Site,
    computed: &Computed,
    ui: Ui,
    kind: PageKind,
    scope: Scope,
) -> anyhow::Result<PageParts> {
    use view::compare::{categories, indicators, issues, overview, points, timeline};
    let lang = ui.lang;
    let s = |k: &str| ui.get(k).to_owned();
    let routes = &site.routes;
    let up = Crumb {
        name: s("compare"),
        url: routes.url(lang, Route::Compare),
    };
    let indicators_crumb = Crumb {
        name: s("indicators"),
        url: routes.url(lang, Route::IndicatorIndex),
    };
    Ok(match kind {
        PageKind::IndicatorIndex => (
            "indicators.html",
            s("indicators"),
            vec![up],
            serde_json::to_value(indicators::index(site, computed, ui))?,
        ),
        PageKind::Indicator(d) => {
            let title = d.name.get(lang).text.to_owned();
            let data =
                serde_json::to_value(indicators::page(site, computed, d, ui, (&title, scope)))?;
            ("indicator.html", title, vec![up, indicators_crumb], data)
        }
        PageKind::Compare => (
            "compare.html",
            s("compare"),
            vec![],
            serde_json::to_value(overview::view(site, computed, ui, scope))?,
        ),
        PageKind::ComparePoints(t) => {
            let (title, crumbs) = points_heading(site, ui, t, up);
            let data = serde_json::to_value(points::view(site, t, ui, scope))?;
            ("compare-points.html", title, crumbs, data)
        }
        PageKind::CompareIssues => (
            "compare-issues.html",
            s("issues_by_theme"),
            vec![up],
            serde_json::to_value(issues::view(site, ui, scope))?,
        ),
        PageKind::CompareCategories => (
            "compare-categories.html",
            s("categories_by_region"),
            vec![up],
            serde_json::to_value(categories::view(site, ui, scope))?,
        ),
        PageKind::CompareTimeline => {
            let title = s("timeline");
            let data = serde_json::to_value(timeline::view(site, computed, ui, (&title, scope)))?;
            ("compare-timeline.html", title, vec![up], data)
        }
        _ => anyhow::bail!("not a comparison page"),
    })
}

/// The Point1–6 matrix's title and breadcrumbs: a theme's matrix is under the matrix of all.
fn points_heading(site: &Site, ui: Ui, theme: Option<&Term>, up: Crumb) -> (String, Vec<Crumb>) {
    let matrix = ui.get("points_matrix");
    let Some(theme) = theme else {
        return (matrix.to_owned(), vec![up]);
    };
    let all = Crumb {
        name: matrix.to_owned(),
        url: site.routes.url(ui.lang, Route::ComparePoints(None)),
    };
    let title = format!("{matrix}: {}", theme.name.get(ui.lang).text);
    (title, vec![up, all])
}
