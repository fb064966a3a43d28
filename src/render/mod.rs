//! Corpus → output files: one page per record, region, category and theme, indexes, the
//! glossary and the home page, under `/ja/` and `/en/` with the same paths below them.
//!
//! Page contexts are typed structs serialized for tera; templates get the reader's language
//! through filters (`t`, `tt`, `md`, `date`, `num`, see `theme.rs`). Pages are rendered in
//! parallel and returned sorted by path, so output is byte-identical for the same input.

pub mod compare;
pub mod markdown;
pub mod svg;
pub mod theme;
pub mod view;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::compare::Computed;
use crate::load::Record;
use crate::model::date::dated::with_written_dates;
use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use crate::model::{Body, Kind, Lang, TermList, Text};
use crate::site::{RecordRef, RegionRef, Route, Site, Strings, Ui};
use crate::timing;
use crate::write::OutputFile;
use theme::Theme;

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
}

/// Every page of the site in both languages, the theme's static files and the language
/// choice at `/`, in no particular order.
pub fn render(
    site: &Site,
    computed: &Computed,
    strings: &Strings,
) -> anyhow::Result<Vec<OutputFile>> {
    let corpus = site.corpus;
    let theme = Theme::load(
        &corpus.config.theme_dir(),
        &corpus.config.base_path,
        strings,
    )?;
    let mut kinds = vec![PageKind::Home, PageKind::Glossary, PageKind::NotFound];
    kinds.push(PageKind::Search);
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
    let jobs: Vec<(Lang, PageKind)> = Lang::ALL
        .iter()
        .flat_map(|l| kinds.iter().map(move |k| (*l, *k)))
        .collect();
    let mut files = timing::phase("render pages", || {
        jobs.par_iter()
            .map(|(lang, kind)| page(site, computed, &theme, strings.ui(*lang), *kind))
            .collect::<anyhow::Result<Vec<_>>>()
    })?;
    files.extend(theme.statics.iter().cloned());
    files.push(OutputFile::new(
        "static/highlight.css",
        markdown::highlight_css(),
    ));
    files.push(OutputFile::new(
        "index.html",
        theme.render(Lang::Ja, "redirect.html", &redirect_context(site, strings))?,
    ));
    // Static hosts serve `/404.html` for a missing page; Japanese is the source language.
    if let Some(ja404) = files.iter().find(|f| f.path == "ja/404.html") {
        files.push(OutputFile::new("404.html", ja404.bytes.clone()));
    }
    Ok(files)
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
        }
    }
}

#[derive(Serialize)]
struct Crumb {
    name: String,
    url: String,
}

/// What every page's template gets besides its own data.
#[derive(Serialize)]
struct Base {
    lang: &'static str,
    other_lang: &'static str,
    /// `{base_path}{lang}/`: prefix of every link inside this language.
    root: String,
    base_path: String,
    /// This page in the other language (the language switcher keeps the reader here).
    alternate: String,
    /// This page's own URL.
    url: String,
    /// Below the language root; the home page is empty.
    path: String,
    title: String,
    site_title: String,
    site_description: String,
    crumbs: Vec<Crumb>,
    /// The navigation section this page belongs to.
    section: String,
}

fn base(site: &Site, lang: Lang, kind: PageKind, title: String, crumbs: Vec<Crumb>) -> Base {
    let other = lang.other();
    let routes = &site.routes;
    let route = kind.route();
    let section = match kind {
        PageKind::Record(r) => r.kind.dir().to_owned(),
        PageKind::KindIndex(k) => k.dir().to_owned(),
        PageKind::TermIndex(list) | PageKind::Term(list, _) => list.stem().to_owned(),
        PageKind::Glossary => "glossary".into(),
        PageKind::Home | PageKind::NotFound => String::new(),
        PageKind::Search => "search".into(),
        _ => "compare".into(),
    };
    Base {
        lang: lang.code(),
        other_lang: other.code(),
        root: routes.lang_root(lang),
        base_path: routes.base().to_owned(),
        alternate: routes.url(other, route),
        url: routes.url(lang, route),
        path: route.path(),
        title,
        site_title: site.corpus.config.title.get(lang).text.to_owned(),
        site_description: site
            .corpus
            .config
            .description
            .as_ref()
            .map(|d| d.get(lang).text.to_owned())
            .unwrap_or_default(),
        crumbs,
        section,
    }
}

fn page(
    site: &Site,
    computed: &Computed,
    theme: &Theme,
    ui: Ui,
    kind: PageKind,
) -> anyhow::Result<OutputFile> {
    let lang = ui.lang;
    let s = |k: &str| ui.get(k).to_owned();
    let routes = &site.routes;
    let home = Crumb {
        name: s("home"),
        url: routes.url(lang, Route::Home),
    };
    let (template, title, mut crumbs, data): (&str, String, Vec<Crumb>, serde_json::Value) =
        match kind {
            PageKind::Home => (
                "home.html",
                s("site_home"),
                vec![],
                serde_json::to_value(home_data(site, lang))?,
            ),
            PageKind::KindIndex(k) => (
                "list.html",
                k.plural(lang).to_owned(),
                vec![],
                serde_json::to_value(kind_index(site, lang, k))?,
            ),
            PageKind::Record(r) => (
                template_of(r.kind),
                r.body.title().get(lang).text.to_owned(),
                record_crumbs(site, lang, r),
                record_view(site, ui, r)?,
            ),
            PageKind::TermIndex(list) => (
                "terms.html",
                s(list.stem()),
                vec![],
                serde_json::to_value(term_index(site, lang, list))?,
            ),
            PageKind::Term(list, t) => {
                let crumbs = vec![Crumb {
                    name: s(list.stem()),
                    url: routes.url(lang, Route::TermIndex(list)),
                }];
                (
                    "term.html",
                    t.name.get(lang).text.to_owned(),
                    crumbs,
                    serde_json::to_value(term_page(site, lang, list, t))?,
                )
            }
            PageKind::Glossary => (
                "glossary.html",
                s("glossary"),
                vec![],
                serde_json::to_value(GlossaryPage {
                    entries: &site.corpus.vocab.glossary.entries,
                })?,
            ),
            PageKind::NotFound => ("404.html", s("not_found"), vec![], serde_json::Value::Null),
            PageKind::Search => ("search.html", s("search"), vec![], serde_json::Value::Null),
            kind => compare_page(site, computed, lang, kind, &s)?,
        };
    if !matches!(kind, PageKind::Home) {
        crumbs.insert(0, home);
    }
    let base = base(site, lang, kind, title, crumbs);
    let ctx = page_context(&theme.ui_values[&lang], &base, data)?;
    let html = theme.render(lang, template, &ctx)?;
    Ok(OutputFile::new(routes.file(lang, kind.route()), html))
}

/// A page's template context: `ui`, `base` and `data`. Made from one JSON object that owns
/// `data`, where `Context::insert` would serialize every value again (a deep copy of `data`,
/// megabytes for the comparison pages).
fn page_context(
    ui: &serde_json::Value,
    base: &Base,
    data: serde_json::Value,
) -> anyhow::Result<tera::Context> {
    let mut map = serde_json::Map::new();
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
fn record_view(site: &Site, ui: view::Ui, r: &Record) -> anyhow::Result<serde_json::Value> {
    Ok(match &r.body {
        Body::Analysis(a) => serde_json::to_value(view::analysis::view(site, ui, r, a))?,
        // Dates as the record writes them, so that a sheet's page can print them as the sheet
        // does (the `date` filter's `as_written`).
        _ => with_written_dates(|| serde_json::to_value(record_data(site, ui.lang, r)))?,
    })
}

type PageParts = (&'static str, String, Vec<Crumb>, serde_json::Value);

/// The comparison pages: template, title, breadcrumbs and data.
fn compare_page(
    site: &Site,
    computed: &Computed,
    lang: Lang,
    kind: PageKind,
    s: &dyn Fn(&str) -> String,
) -> anyhow::Result<PageParts> {
    let routes = &site.routes;
    let up = Crumb {
        name: s("compare"),
        url: routes.url(lang, Route::Compare),
    };
    let indicators = Crumb {
        name: s("indicators"),
        url: routes.url(lang, Route::IndicatorIndex),
    };
    Ok(match kind {
        PageKind::IndicatorIndex => (
            "indicators.html",
            s("indicators"),
            vec![up],
            serde_json::to_value(compare::indicator_index(site, computed, lang))?,
        ),
        PageKind::Indicator(d) => {
            let title = d.name.get(lang).text.to_owned();
            let data = compare::indicator_page(site, computed, d, lang, &title);
            (
                "indicator.html",
                title,
                vec![up, indicators],
                serde_json::to_value(data)?,
            )
        }
        PageKind::Compare => {
            let data = serde_json::json!({
                "regions": compare::compare_regions(site, computed, lang),
                "indicators": compare::indicator_index(site, computed, lang),
                "rows": compare::all_views(site, computed, lang),
                "columns": compare::csv_columns(lang),
            });
            ("compare.html", s("compare"), vec![], data)
        }
        PageKind::ComparePoints(t) => {
            let title = match t {
                Some(t) => format!("{}: {}", s("points_matrix"), t.name.get(lang).text),
                None => s("points_matrix"),
            };
            let mut crumbs = vec![up];
            if t.is_some() {
                crumbs.push(Crumb {
                    name: s("points_matrix"),
                    url: routes.url(lang, Route::ComparePoints(None)),
                });
            }
            (
                "compare-points.html",
                title,
                crumbs,
                serde_json::to_value(compare::points_page(site, t, lang))?,
            )
        }
        PageKind::CompareIssues => (
            "compare-issues.html",
            s("issues_by_theme"),
            vec![up],
            serde_json::to_value(compare::issues_page(site, lang))?,
        ),
        PageKind::CompareCategories => (
            "compare-categories.html",
            s("categories_by_region"),
            vec![up],
            serde_json::to_value(compare::categories_page(site, lang))?,
        ),
        PageKind::CompareTimeline => {
            let title = s("timeline");
            let data = compare::timeline_page(site, computed, lang, &title);
            (
                "compare-timeline.html",
                title,
                vec![up],
                serde_json::to_value(data)?,
            )
        }
        _ => anyhow::bail!("not a comparison page"),
    })
}

fn record_crumbs(site: &Site, lang: Lang, r: &Record) -> Vec<Crumb> {
    let mut crumbs = Vec::new();
    let region = match &r.body {
        Body::Region(reg) => reg.parent.as_deref(),
        body => body.region(),
    };
    if let Some(region) = region {
        let mut chain = vec![region];
        let mut cur = region;
        while let Some(p) = site.regions.get(cur).and_then(|r| r.parent.as_deref()) {
            if chain.contains(&p) || chain.len() > 6 {
                break;
            }
            chain.push(p);
            cur = p;
        }
        for id in chain.into_iter().rev() {
            let rr = site.region_ref(id, lang);
            crumbs.push(Crumb {
                name: rr.name.get(lang).text.to_owned(),
                url: rr.url,
            });
        }
    } else if r.kind != Kind::Regions {
        crumbs.push(Crumb {
            name: r.kind.plural(lang).to_owned(),
            url: site.routes.url(lang, Route::KindIndex(r.kind)),
        });
    }
    crumbs
}

#[derive(Serialize)]
struct KindSummary {
    kind: Kind,
    name: &'static str,
    url: String,
    count: usize,
    records: Vec<RecordRef>,
}

#[derive(Serialize)]
struct TermRef {
    id: String,
    name: Text,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct RegionCount {
    region: RegionRef,
    count: usize,
}

#[derive(Serialize)]
struct HomeData {
    kinds: Vec<KindSummary>,
    prefectures: Vec<RegionCount>,
    categories: Vec<TermRef>,
    themes: Vec<TermRef>,
    pages: Vec<RecordRef>,
}

/// How many records a home-page section lists before linking to the full index.
const HOME_LIST: usize = 12;

fn home_data(site: &Site, lang: Lang) -> HomeData {
    let kinds = Kind::ALL
        .iter()
        .filter(|k| !matches!(k, Kind::Pages | Kind::Regions))
        .map(|k| {
            let recs: Vec<&Record> = site
                .corpus
                .records
                .iter()
                .filter(|r| r.kind == *k)
                .collect();
            KindSummary {
                kind: *k,
                name: k.plural(lang),
                url: site.routes.url(lang, Route::KindIndex(*k)),
                count: recs.len(),
                records: recs
                    .iter()
                    .take(HOME_LIST)
                    .map(|r| site.record_ref(r, lang))
                    .collect(),
            }
        })
        .collect();
    let prefectures = site
        .regions
        .iter()
        .filter(|(_, r)| r.kind == "prefecture")
        .map(|(id, _)| RegionCount {
            region: site.region_ref(id, lang),
            count: records_under(site, id),
        })
        .filter(|rc| rc.count > 0)
        .collect();
    let pages = site.corpus.records.iter().filter(|r| r.kind == Kind::Pages);
    let mut pages: Vec<(&Record, i32)> = pages
        .map(|r| {
            (
                r,
                if let Body::Page(p) = &r.body {
                    p.order
                } else {
                    0
                },
            )
        })
        .collect();
    pages.sort_by_key(|(r, o)| (*o, r.id.clone()));
    HomeData {
        kinds,
        prefectures,
        categories: term_refs(site, lang, TermList::Categories),
        themes: term_refs(site, lang, TermList::Themes),
        pages: pages
            .into_iter()
            .map(|(r, _)| site.record_ref(r, lang))
            .collect(),
    }
}

/// Records about a region and every region below it.
fn records_under(site: &Site, id: &str) -> usize {
    let own = site.by_region.get(id).map_or(0, Vec::len);
    own + site
        .children
        .get(id)
        .map_or(0, |c| c.iter().map(|c| records_under(site, c)).sum())
}

fn term_refs(site: &Site, lang: Lang, list: TermList) -> Vec<TermRef> {
    site.terms(list)
        .iter()
        .map(|t| TermRef {
            id: t.id.to_string(),
            name: t.name.clone(),
            url: site.routes.url(lang, Route::Term(list, &t.id)),
            count: site.by_tag.get(&(list, t.id.as_str())).map_or(0, Vec::len),
        })
        .collect()
}

#[derive(Serialize)]
struct Group {
    heading: Option<RegionRef>,
    records: Vec<RecordRef>,
}

#[derive(Serialize)]
struct ListData {
    kind: Kind,
    groups: Vec<Group>,
    count: usize,
}

/// A kind's index: records grouped by prefecture (anonymised and national ones last).
fn kind_index(site: &Site, lang: Lang, kind: Kind) -> ListData {
    let mut groups: BTreeMap<(bool, String), Vec<RecordRef>> = BTreeMap::new();
    let recs: Vec<&Record> = site
        .corpus
        .records
        .iter()
        .filter(|r| r.kind == kind)
        .collect();
    for r in &recs {
        let region = match &r.body {
            Body::Region(_) => Some(r.id.as_str()),
            b => b.region(),
        };
        let pref = region
            .and_then(|id| site.prefecture_of(id))
            .map(str::to_owned);
        let key = (pref.is_none(), pref.unwrap_or_default());
        groups
            .entry(key)
            .or_default()
            .push(site.record_ref(r, lang));
    }
    let groups = groups
        .into_iter()
        .map(|((_, pref), records)| Group {
            heading: (!pref.is_empty()).then(|| site.region_ref(&pref, lang)),
            records,
        })
        .collect();
    ListData {
        kind,
        groups,
        count: recs.len(),
    }
}

#[derive(Serialize)]
struct TermIndexData {
    vocab: TermList,
    terms: Vec<TermRef>,
}

fn term_index(site: &Site, lang: Lang, list: TermList) -> TermIndexData {
    TermIndexData {
        vocab: list,
        terms: term_refs(site, lang, list),
    }
}

#[derive(Serialize)]
struct TermPageData<'a> {
    vocab: TermList,
    term: &'a Term,
    records: Vec<RecordRef>,
}

fn term_page<'a>(site: &Site, lang: Lang, list: TermList, term: &'a Term) -> TermPageData<'a> {
    let records = site
        .by_tag
        .get(&(list, term.id.as_str()))
        .map_or_else(Vec::new, |rs| {
            rs.iter().map(|r| site.record_ref(r, lang)).collect()
        });
    TermPageData {
        vocab: list,
        term,
        records,
    }
}

#[derive(Serialize)]
struct GlossaryPage<'a> {
    entries: &'a [GlossaryEntry],
}

/// Names of the vocabulary entries a record page may mention.
#[derive(Serialize)]
struct VocabNames<'a> {
    categories: BTreeMap<&'a str, &'a Text>,
    themes: BTreeMap<&'a str, &'a Text>,
    actors: BTreeMap<&'a str, &'a Text>,
    region_kinds: BTreeMap<&'a str, &'a Text>,
    indicators: BTreeMap<&'a str, &'a IndicatorDef>,
}

fn names(terms: &[Term]) -> BTreeMap<&str, &Text> {
    terms.iter().map(|t| (t.id.as_str(), &t.name)).collect()
}

#[derive(Serialize)]
struct KindGroup {
    kind: Kind,
    name: &'static str,
    records: Vec<RecordRef>,
}

#[derive(Serialize)]
struct RecordData<'a> {
    id: &'a str,
    kind: Kind,
    kind_name: &'static str,
    record: &'a Body,
    region: Option<RegionRef>,
    /// The facts of the record's region (population, hospitals …) and its prefecture.
    region_facts: Option<&'a crate::model::Region>,
    prefecture: Option<RegionRef>,
    regions: BTreeMap<&'a str, RegionRef>,
    vocab: VocabNames<'a>,
    /// Practice cases: the stage chart as SVG, and the stage names in order.
    chart_svg: Option<String>,
    stages: Vec<(crate::model::practice::Stage, &'static str)>,
    /// Region pages: the regions below it and every record about it.
    children: Vec<RegionRef>,
    records: Vec<KindGroup>,
    child_records: Vec<RecordRef>,
    /// Region pages: records that refer to the region other than as their own region.
    mentioning_records: Vec<RecordRef>,
    source_file: &'a str,
}

fn record_data<'a>(site: &Site<'a>, lang: Lang, r: &'a Record) -> RecordData<'a> {
    let v = &site.corpus.vocab;
    let regions = r
        .body
        .referenced_regions()
        .into_iter()
        .map(|id| (id, site.region_ref(id, lang)))
        .collect();
    let chart_svg = match &r.body {
        Body::Practice(p) => p
            .chart
            .as_ref()
            .map(|c| svg::stages::svg(c, lang, p.title.get(lang).text, &format!("chart-{}", r.id))),
        _ => None,
    };
    let (children, records, child_records) = match &r.body {
        Body::Region(_) => region_lists(site, lang, &r.id),
        _ => (Vec::new(), Vec::new(), Vec::new()),
    };
    let mentioning_records = match &r.body {
        Body::Region(_) => site
            .mentioned_in
            .get(r.id.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|m| site.record_ref(m, lang))
            .collect(),
        _ => Vec::new(),
    };
    RecordData {
        id: &r.id,
        kind: r.kind,
        kind_name: r.kind.name(lang),
        record: &r.body,
        region: r.body.region().map(|id| site.region_ref(id, lang)),
        region_facts: r.body.region().and_then(|id| site.regions.get(id).copied()),
        prefecture: r
            .body
            .region()
            .and_then(|id| site.prefecture_of(id))
            .filter(|p| Some(*p) != r.body.region())
            .map(|p| site.region_ref(p, lang)),
        regions,
        vocab: VocabNames {
            categories: names(&v.categories.entries),
            themes: names(&v.themes.entries),
            actors: names(&v.actors.entries),
            region_kinds: names(&v.region_kinds.entries),
            indicators: v
                .indicators
                .entries
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
        },
        chart_svg,
        stages: crate::model::practice::Stage::ALL
            .iter()
            .map(|s| (*s, svg::stages::stage_name(*s, lang)))
            .collect(),
        children,
        records,
        child_records,
        mentioning_records,
        source_file: &r.file,
    }
}

fn region_lists(
    site: &Site,
    lang: Lang,
    id: &str,
) -> (Vec<RegionRef>, Vec<KindGroup>, Vec<RecordRef>) {
    let children: Vec<RegionRef> = site.children.get(id).map_or_else(Vec::new, |c| {
        c.iter().map(|c| site.region_ref(c, lang)).collect()
    });
    let own = site.by_region.get(id).map_or(&[][..], Vec::as_slice);
    let records = Kind::ALL
        .iter()
        .filter_map(|k| {
            let recs: Vec<RecordRef> = own
                .iter()
                .filter(|r| r.kind == *k)
                .map(|r| site.record_ref(r, lang))
                .collect();
            (!recs.is_empty()).then_some(KindGroup {
                kind: *k,
                name: k.plural(lang),
                records: recs,
            })
        })
        .collect();
    let mut child_records = Vec::new();
    let mut stack: Vec<&str> = site.children.get(id).cloned().unwrap_or_default();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(c) = stack.pop() {
        if !seen.insert(c) {
            continue;
        }
        if let Some(rs) = site.by_region.get(c) {
            child_records.extend(rs.iter().map(|r| site.record_ref(r, lang)));
        }
        stack.extend(site.children.get(c).map_or(&[][..], Vec::as_slice));
    }
    child_records.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    (children, records, child_records)
}

#[derive(Serialize)]
struct RedirectData {
    languages: Vec<(&'static str, String, String)>,
}

fn redirect_context(site: &Site, strings: &Strings) -> tera::Context {
    let languages = Lang::ALL
        .iter()
        .map(|l| {
            (
                l.code(),
                site.routes.lang_root(*l),
                strings
                    .ui(*l)
                    .all()
                    .get("language_name")
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("data", &RedirectData { languages });
    ctx.insert("site_title", &site.corpus.config.title);
    ctx
}
