//! Comparison pages, computed from the records at build time (issue #6): a page per
//! indicator with its chart, the Point1–6 matrix (overall and per theme), the issues and
//! roles grouped by theme, categories × regions, the programme timeline, and the data the
//! interactive comparison page reads. Views are resolved to the page's language here, so
//! templates only print.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::svg::indicator::{indicator_svg, ChartRow};
use super::svg::timeline::timeline_svg;
use crate::compare::format::{signed, unit_suffix, value_text};
use crate::compare::observations::{ObsKind, Observation};
use crate::compare::progress::{per_100k, population_of, Comparison, Obs};
use crate::compare::Computed;
use crate::load::Record;
use crate::model::number;
use crate::model::vocab::{IndicatorDef, Term, Unit};
use crate::model::{Body, Item, Lang, TermList, Text};
use crate::site::{RecordRef, RegionRef, Route, Site};

/// A value as a page prints it, with its date.
#[derive(Serialize)]
pub struct ValueView {
    pub value: String,
    /// The number alone, for `<data value>`.
    pub raw: f64,
    pub date: Option<String>,
    pub role: &'static str,
    pub note: Option<Text>,
}

fn value_view(o: &Obs, unit: Unit, lang: Lang) -> ValueView {
    ValueView {
        value: value_text(o, unit, lang),
        raw: o.value,
        date: o.date.as_ref().map(|d| d.display(lang)),
        role: o.date_role.as_str(),
        note: o.note.clone(),
    }
}

/// One comparison row of an indicator page.
#[derive(Serialize)]
pub struct ComparisonView {
    pub region: RegionRef,
    pub record: Option<RecordRef>,
    pub baseline: Option<ValueView>,
    pub target: Option<ValueView>,
    pub actual: Option<ValueView>,
    pub change: Option<String>,
    pub gap: Option<String>,
    pub met: Option<bool>,
    pub progress: Option<String>,
    pub per_100k: Option<String>,
    pub population: Option<String>,
    pub caveats: Vec<&'static str>,
}

pub(crate) fn record_of<'a>(site: &Site<'a>, id: &str) -> Option<&'a Record> {
    site.records.get(id).copied()
}

fn comparison_view(site: &Site, c: &Comparison, lang: Lang) -> ComparisonView {
    let per = c
        .actual
        .as_ref()
        .zip(population_of(site.corpus, &c.region))
        .and_then(|(a, pop)| per_100k(a.value, c.unit, pop));
    ComparisonView {
        region: site.region_ref(&c.region, lang),
        record: record_of(site, &c.source_record).map(|r| site.record_ref(r, lang)),
        baseline: c.baseline.as_ref().map(|o| value_view(o, c.unit, lang)),
        target: c.target.as_ref().map(|o| value_view(o, c.unit, lang)),
        actual: c.actual.as_ref().map(|o| value_view(o, c.unit, lang)),
        change: c.change.map(|v| signed(v, c.unit, lang)),
        gap: c.gap.map(|v| signed(v, c.unit, lang)),
        met: c.met,
        progress: c
            .progress
            .map(|p| format!("{}%", number::plain((p * 1000.0).round() / 10.0))),
        per_100k: per
            .as_ref()
            .map(|p| number::plain((p.per_100k * 10.0).round() / 10.0)),
        population: per.as_ref().map(|p| {
            let date = p
                .population_as_of
                .as_ref()
                .map(|d| d.display(lang))
                .unwrap_or_default();
            format!(
                "{}{}",
                number::grouped(p.population as f64),
                if date.is_empty() {
                    String::new()
                } else {
                    format!(" ({date})")
                }
            )
        }),
        caveats: c.caveats.iter().map(|cv| caveat_key(*cv)).collect(),
    }
}

fn caveat_key(c: crate::compare::progress::Caveat) -> &'static str {
    use crate::compare::progress::Caveat::*;
    match c {
        BaselineUndated => "caveat_baseline_undated",
        ActualUndated => "caveat_actual_undated",
        TargetUndated => "caveat_target_undated",
        NoDeadline => "caveat_no_deadline",
        ActualBeforeDeadline => "caveat_actual_before_deadline",
        ActualBeforeTargetSet => "caveat_actual_before_target_set",
        ActualNotAfterBaseline => "caveat_actual_not_after_baseline",
        WholesDiffer => "caveat_wholes_differ",
    }
}

/// A yearly count of an indicator (peer supporters trained in FY2017 …).
#[derive(Serialize)]
pub struct CountView {
    pub region: RegionRef,
    pub areas: Vec<RegionRef>,
    pub period: Option<String>,
    pub value: String,
    pub record: Option<RecordRef>,
    pub note: Option<Text>,
}

#[derive(Serialize)]
pub struct IndicatorPage<'a> {
    pub def: &'a IndicatorDef,
    pub chart_svg: Option<String>,
    pub rows: Vec<ComparisonView>,
    pub counts: Vec<CountView>,
}

pub fn indicator_page<'a>(
    site: &Site,
    computed: &Computed,
    def: &'a IndicatorDef,
    lang: Lang,
    title: &str,
) -> IndicatorPage<'a> {
    let mine: Vec<&Comparison> = computed
        .comparisons
        .iter()
        .filter(|c| c.indicator == def.id)
        .collect();
    let chart_rows: Vec<ChartRow> = mine
        .iter()
        .map(|c| {
            ChartRow::from_comparison(
                c,
                site.region_ref(&c.region, lang)
                    .name
                    .get(lang)
                    .text
                    .to_owned(),
                lang,
            )
        })
        .collect();
    let chart_svg = (!chart_rows.is_empty()).then(|| {
        indicator_svg(
            &chart_rows,
            def.unit,
            def.better,
            lang,
            title,
            &format!("chart-{}", def.id),
        )
    });
    let counts = computed
        .observations
        .iter()
        .filter(|o| o.indicator == def.id && o.kind == ObsKind::Count)
        .map(|o| CountView {
            region: site.region_ref(&o.region, lang),
            areas: o.areas.iter().map(|a| site.region_ref(a, lang)).collect(),
            period: o.date.as_ref().map(|d| d.display(lang)),
            value: format!(
                "{}{}",
                number::grouped(o.value),
                unit_suffix(def.unit, lang)
            ),
            record: record_of(site, &o.source_record).map(|r| site.record_ref(r, lang)),
            note: o.note.clone(),
        })
        .collect();
    IndicatorPage {
        def,
        chart_svg,
        rows: mine
            .iter()
            .map(|c| comparison_view(site, c, lang))
            .collect(),
        counts,
    }
}

#[derive(Serialize)]
pub struct IndicatorSummary<'a> {
    pub def: &'a IndicatorDef,
    pub url: String,
    pub regions: usize,
    pub values: usize,
}

pub fn indicator_index<'a>(
    site: &Site<'a>,
    computed: &Computed,
    lang: Lang,
) -> Vec<IndicatorSummary<'a>> {
    site.corpus
        .vocab
        .indicators
        .entries
        .iter()
        .map(|def| {
            let obs: Vec<&Observation> = computed
                .observations
                .iter()
                .filter(|o| o.indicator == def.id)
                .collect();
            IndicatorSummary {
                def,
                url: site.routes.url(lang, Route::Indicator(&def.id)),
                regions: obs
                    .iter()
                    .map(|o| o.region.as_str())
                    .collect::<BTreeSet<_>>()
                    .len(),
                values: obs.len(),
            }
        })
        .collect()
}

/// One column of the Point1–6 matrix: an analysis.
#[derive(Serialize)]
pub struct PointsColumn<'a> {
    pub region: RegionRef,
    pub record: RecordRef,
    pub theme: Text,
    pub level: Text,
    /// Point1 … Point6, each the analysis's items.
    pub points: Vec<&'a [Item]>,
}

#[derive(Serialize)]
pub struct PointsPage<'a> {
    pub theme: Option<&'a Term>,
    pub themes: Vec<(String, Text, String)>,
    pub columns: Vec<PointsColumn<'a>>,
}

pub fn points_page<'a>(site: &Site<'a>, theme: Option<&'a Term>, lang: Lang) -> PointsPage<'a> {
    let columns = site
        .corpus
        .records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Analysis(a) if theme.is_none_or(|t| t.id == a.theme) => Some(PointsColumn {
                region: site.region_ref(&a.region, lang),
                record: site.record_ref(r, lang),
                theme: site.term_name(TermList::Themes, &a.theme),
                level: site.term_name(TermList::RegionKinds, &a.level),
                points: a
                    .points
                    .numbered()
                    .iter()
                    .map(|(_, items)| *items)
                    .collect(),
            }),
            _ => None,
        })
        .collect();
    let used = site.analysed_themes();
    let themes = site
        .terms(TermList::Themes)
        .iter()
        .filter(|t| used.contains(t.id.as_str()))
        .map(|t| {
            (
                t.id.to_string(),
                t.name.clone(),
                site.routes.url(lang, Route::ComparePoints(Some(&t.id))),
            )
        })
        .collect();
    PointsPage {
        theme,
        themes,
        columns,
    }
}

/// An issue of a status sheet, with its region's policies and roles.
#[derive(Serialize)]
pub struct IssueView<'a> {
    pub region: RegionRef,
    pub record: RecordRef,
    pub issue: &'a crate::model::sheet::IssueRow,
}

#[derive(Serialize)]
pub struct ThemeIssues<'a> {
    pub theme: Text,
    pub id: String,
    pub issues: Vec<IssueView<'a>>,
}

#[derive(Serialize)]
pub struct IssuesPage<'a> {
    pub themes: Vec<ThemeIssues<'a>>,
    pub actors: BTreeMap<&'a str, &'a Text>,
}

pub fn issues_page<'a>(site: &Site<'a>, lang: Lang) -> IssuesPage<'a> {
    let mut by_theme: BTreeMap<String, Vec<IssueView<'a>>> = BTreeMap::new();
    for r in &site.corpus.records {
        let Body::StatusSheet(s) = &r.body else {
            continue;
        };
        for issue in &s.strengths.issues {
            let keys: Vec<String> = if issue.themes.is_empty() {
                vec![String::new()]
            } else {
                issue.themes.iter().map(|t| t.to_string()).collect()
            };
            for t in keys {
                by_theme.entry(t).or_default().push(IssueView {
                    region: site.region_ref(&s.region, lang),
                    record: site.record_ref(r, lang),
                    issue,
                });
            }
        }
    }
    let order: Vec<&str> = site
        .terms(TermList::Themes)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let mut themes: Vec<ThemeIssues> = by_theme
        .into_iter()
        .map(|(id, issues)| ThemeIssues {
            theme: if id.is_empty() {
                Text::new("未分類", "Not classified")
            } else {
                site.term_name(TermList::Themes, &id)
            },
            id,
            issues,
        })
        .collect();
    themes.sort_by_key(|t| order.iter().position(|o| *o == t.id).unwrap_or(usize::MAX));
    let actors = site
        .terms(TermList::Actors)
        .iter()
        .map(|t| (t.id.as_str(), &t.name))
        .collect();
    IssuesPage { themes, actors }
}

#[derive(Serialize)]
pub struct CategoriesPage {
    pub categories: Vec<(String, Text, String)>,
    /// One row per region: the region, then per category the records of that kind.
    pub rows: Vec<(RegionRef, Vec<Vec<RecordRef>>)>,
}

pub fn categories_page(site: &Site, lang: Lang) -> CategoriesPage {
    let cats = site.terms(TermList::Categories);
    let mut rows: BTreeMap<&str, Vec<Vec<RecordRef>>> = BTreeMap::new();
    for r in &site.corpus.records {
        let Body::Case(c) = &r.body else { continue };
        let Some(col) = cats.iter().position(|t| t.id == c.category) else {
            continue;
        };
        rows.entry(c.region.as_str())
            .or_insert_with(|| vec![Vec::new(); cats.len()])[col]
            .push(site.record_ref(r, lang));
    }
    CategoriesPage {
        categories: cats
            .iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    t.name.clone(),
                    site.routes
                        .url(lang, Route::Term(TermList::Categories, &t.id)),
                )
            })
            .collect(),
        rows: rows
            .into_iter()
            .map(|(id, cells)| (site.region_ref(id, lang), cells))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct TimelinePage {
    pub svg: Option<String>,
    pub rows: Vec<(RegionRef, Text, String, Option<RecordRef>)>,
    pub unplaced: Vec<(RegionRef, Text, String, Option<RecordRef>)>,
}

pub fn timeline_page(site: &Site, computed: &Computed, lang: Lang, title: &str) -> TimelinePage {
    let t = &computed.timeline;
    let rec = |id: &str| record_of(site, id).map(|r| site.record_ref(r, lang));
    TimelinePage {
        svg: (!t.rows.is_empty()).then(|| timeline_svg(&t.rows, lang, title)),
        rows: t
            .rows
            .iter()
            .map(|r| {
                (
                    site.region_ref(&r.region, lang),
                    r.name.clone(),
                    r.period.display(lang),
                    rec(&r.source_record),
                )
            })
            .collect(),
        unplaced: t
            .unplaced
            .iter()
            .map(|u| {
                (
                    site.region_ref(&u.region, lang),
                    u.name.clone(),
                    u.reason.display(lang).to_owned(),
                    rec(&u.source_record),
                )
            })
            .collect(),
    }
}

/// The columns of `/data/indicators.csv`, documented on the comparison page.
pub fn csv_columns(lang: Lang) -> Vec<(&'static str, &'static str)> {
    crate::data::csv::COLUMNS
        .iter()
        .map(|(name, en, ja)| (*name, if lang == Lang::Ja { *ja } else { *en }))
        .collect()
}

/// Regions that have something to compare, for the interactive page's choices.
pub fn compare_regions(site: &Site, computed: &Computed, lang: Lang) -> Vec<RegionRef> {
    let used: BTreeSet<&str> = computed
        .comparisons
        .iter()
        .map(|c| c.region.as_str())
        .collect();
    used.iter().map(|id| site.region_ref(id, lang)).collect()
}

/// Every comparison, for the interactive page's no-JavaScript table.
pub fn all_views(site: &Site, computed: &Computed, lang: Lang) -> Vec<(String, ComparisonView)> {
    computed
        .comparisons
        .iter()
        .map(|c| (c.indicator.clone(), comparison_view(site, c, lang)))
        .collect()
}
