//! The indicators: their index, and a page per indicator with its chart, its comparisons and
//! its yearly counts.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{comparison_view, nav, record_of, ComparisonView, NavLink, Section, Ui};
use crate::compare::format::{chart_text, unit_suffix};
use crate::compare::{Comparison, Computed, DateRole, Obs, ObsKind};
use crate::model::vocab::{Direction, IndicatorDef, Unit};
use crate::model::{number, Prose, Text};
use crate::render::svg::indicator::{unit_name, ChartRow, ChartValue, IndicatorChart};
use crate::render::view::parts::Scope;
use crate::site::{RecordRef, RegionRef, Route, Site};

/// An indicator, as the indicators' index lists it.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorSummary {
    pub id: String,
    pub name: Text,
    pub url: String,
    /// The unit's id (`people`, `percent` …), for attributes.
    pub unit: Unit,
    /// The unit's name in the page's language (人, %, カ所・件, 回).
    pub unit_name: String,
    /// 「少ないほど良い」 / "lower is better".
    pub direction: String,
    /// How many regions, and how many values, report it.
    pub regions: usize,
    pub values: usize,
}

#[derive(Serialize)]
pub struct IndexView {
    pub nav: Vec<NavLink>,
    pub indicators: Vec<IndicatorSummary>,
}

pub fn index(site: &Site, computed: &Computed, ui: Ui) -> IndexView {
    IndexView {
        nav: nav(site, ui, Section::Indicators),
        indicators: summaries(site, computed, ui),
    }
}

/// Every indicator of the vocabulary, in its order.
pub fn summaries(site: &Site, computed: &Computed, ui: Ui) -> Vec<IndicatorSummary> {
    site.corpus
        .vocab
        .indicators
        .entries
        .iter()
        .map(|def| {
            let mine = computed
                .observations
                .iter()
                .filter(|o| o.indicator == def.id);
            let regions: BTreeSet<&str> = mine.clone().map(|o| o.region.as_str()).collect();
            IndicatorSummary {
                id: def.id.to_string(),
                name: def.name.clone(),
                url: site.routes.url(ui.lang, Route::Indicator(&def.id)),
                unit: def.unit,
                unit_name: unit_name(def.unit, ui).to_owned(),
                direction: direction(def.better, ui),
                regions: regions.len(),
                values: mine.count(),
            }
        })
        .collect()
}

fn direction(better: Direction, ui: Ui) -> String {
    ui.get(match better {
        Direction::Lower => "better_lower",
        Direction::Higher => "better_higher",
    })
    .to_owned()
}

/// An indicator's page.
#[derive(Serialize)]
pub struct IndicatorView {
    pub nav: Vec<NavLink>,
    pub id: String,
    pub name: Text,
    pub direction: String,
    pub description: Option<Prose>,
    /// The comparisons drawn as one chart (none without comparisons).
    pub chart_svg: Option<String>,
    pub rows: Vec<ComparisonView>,
    pub counts: Vec<CountView>,
    /// `/data/indicators.csv`.
    pub csv_url: String,
}

/// A yearly count of an indicator (peer supporters trained in FY2017 …).
#[derive(Serialize)]
pub struct CountView {
    pub region: RegionRef,
    pub areas: Vec<RegionRef>,
    /// The period, as displayed; empty when the source gives none.
    pub period: String,
    /// `12人`, with its unit.
    pub value: String,
    pub record: Option<RecordRef>,
    pub notes: Vec<Text>,
}

/// `def`'s page of `scope`'s values, titled `title` (the chart's title too).
pub fn page(
    site: &Site,
    computed: &Computed,
    def: &IndicatorDef,
    ui: Ui,
    (title, scope): (&str, Scope),
) -> IndicatorView {
    let mine: Vec<&Comparison> = computed
        .comparisons
        .iter()
        .filter(|c| c.indicator == def.id && scope.lists(site, &c.region))
        .collect();
    let chart_rows: Vec<ChartRow> = mine.iter().map(|c| chart_row(site, c, ui)).collect();
    let dom_id = format!("chart-{}", def.id);
    let chart = IndicatorChart {
        rows: &chart_rows,
        unit: def.unit,
        better: def.better,
        title,
        dom_id: &dom_id,
    };
    IndicatorView {
        nav: nav(site, ui, Section::Indicators),
        id: def.id.to_string(),
        name: def.name.clone(),
        direction: direction(def.better, ui),
        description: def.description.clone(),
        chart_svg: (!chart_rows.is_empty()).then(|| crate::render::svg::indicator::svg(&chart, ui)),
        rows: mine.iter().map(|c| comparison_view(site, c, ui)).collect(),
        counts: counts(site, computed, def, ui, scope),
        csv_url: site.routes.data("indicators.csv"),
    }
}

fn counts(
    site: &Site,
    computed: &Computed,
    def: &IndicatorDef,
    ui: Ui,
    scope: Scope,
) -> Vec<CountView> {
    let lang = ui.lang;
    computed
        .observations
        .iter()
        .filter(|o| {
            o.indicator == def.id && o.kind == ObsKind::Count && scope.lists(site, &o.region)
        })
        .map(|o| CountView {
            region: site.region_ref(&o.region, lang),
            areas: o.areas.iter().map(|a| site.region_ref(a, lang)).collect(),
            period: o.date.as_ref().map(|d| d.display(lang)).unwrap_or_default(),
            value: format!(
                "{}{}",
                number::grouped(o.value),
                unit_suffix(def.unit, lang)
            ),
            record: record_of(site, &o.source_record).map(|r| site.record_ref(r, lang)),
            notes: o.notes.clone(),
        })
        .collect()
}

/// A comparison as a row of the chart: the region's name, the dates of its values, and the
/// values as the chart labels them.
fn chart_row(site: &Site, c: &Comparison, ui: Ui) -> ChartRow {
    let value = |o: &Option<Obs>| {
        o.as_ref().map(|o| ChartValue {
            value: o.value,
            text: chart_text(o.value, o.of, c.unit),
        })
    };
    ChartRow {
        label: site
            .region_ref(&c.region, ui.lang)
            .name
            .get(ui.lang)
            .text
            .to_owned(),
        note: dates_note(c, ui),
        baseline: value(&c.baseline),
        target: value(&c.target),
        actual: value(&c.actual),
    }
}

/// "baseline June 2019 · target by end of FY2021" / "現状 令和元年6月時点・目標 令和3年度末まで":
/// each value's date, never merged; `None` without values.
pub fn dates_note(c: &Comparison, ui: Ui) -> Option<String> {
    let parts: Vec<String> = [
        (&c.baseline, "baseline_short"),
        (&c.actual, "actual_short"),
        (&c.target, "target_short"),
    ]
    .into_iter()
    .filter_map(|(obs, word)| {
        let o = obs.as_ref()?;
        let word = ui.get(word);
        let Some(date) = &o.date else {
            return Some(ui.fill_named("dates_note_undated", &[("word", word)]));
        };
        let key = match o.date_role {
            DateRole::Deadline => "dates_note_by",
            DateRole::SetAt => "dates_note_set",
            _ => "dates_note_at",
        };
        Some(ui.fill_named(key, &[("word", word), ("date", &date.display(ui.lang))]))
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join(ui.get("dates_note_sep")))
}

#[cfg(test)]
mod tests {
    use super::super::tests::computed;
    use super::*;
    use crate::model::Lang;
    use crate::testutil::{assert_well_formed, corpus, theme_strings};

    fn def(id: &str) -> &'static IndicatorDef {
        corpus()
            .vocab
            .indicators
            .entries
            .iter()
            .find(|d| d.id == id)
            .expect("the indicator")
    }

    #[test]
    fn the_index_counts_regions_and_values_per_indicator() {
        let site = Site::new(corpus());
        let v = index(&site, computed(), theme_strings().ui(Lang::Ja));
        assert_eq!(v.indicators.len(), corpus().vocab.indicators.entries.len());
        let lti = v
            .indicators
            .iter()
            .find(|i| i.id == "long-term-inpatients")
            .expect("listed");
        assert_eq!(lti.url, "/ja/indicators/long-term-inpatients/");
        assert_eq!(lti.direction, "少ないほど良い");
        assert_eq!(lti.unit_name, "人", "the unit's name, not its id");
        assert!(lti.regions >= 2 && lti.values >= lti.regions, "{lti:?}");
        assert!(v
            .nav
            .iter()
            .any(|l| l.current && l.url == "/ja/indicators/"));
    }

    #[test]
    fn an_indicator_page_draws_its_comparisons_and_notes_their_dates() {
        let site = Site::new(corpus());
        let ui = theme_strings().ui(Lang::En);
        let d = def("long-term-inpatients");
        let v = page(
            &site,
            computed(),
            d,
            ui,
            ("Long-term inpatients", Scope::All),
        );
        assert_eq!(v.direction, "lower is better");
        assert!(!v.rows.is_empty());
        let svg = v.chart_svg.as_deref().expect("a chart");
        assert_well_formed(svg);
        assert!(svg.contains("aria-labelledby=\"chart-long-term-inpatients-title"));
        assert!(svg.contains(">Kumamoto Prefecture</tspan>"));
        // The dates are shown, never merged: June 2019 actual, target set at FY2020's start.
        assert!(svg.contains("actual June 2019 · target set start of FY2020"));
        assert!(svg.contains(">actual 4,830</text>"));
        assert_eq!(v.csv_url, "/data/indicators.csv");
    }

    #[test]
    fn dates_notes_name_each_value_and_its_role() {
        let c = computed()
            .comparisons
            .iter()
            .find(|c| c.actual.as_ref().is_some_and(|a| a.date.is_some()) && c.target.is_some())
            .expect("a comparison with a dated actual and a target");
        let ja = dates_note(c, theme_strings().ui(Lang::Ja)).expect("a note");
        assert!(ja.contains("実績 ") && ja.contains("・目標 "), "{ja}");
        let en = dates_note(c, theme_strings().ui(Lang::En)).expect("a note");
        assert!(en.contains("actual ") && en.contains(" · target "), "{en}");
    }

    #[test]
    fn counts_carry_their_period_and_unit() {
        let site = Site::new(corpus());
        let with_counts = corpus()
            .vocab
            .indicators
            .entries
            .iter()
            .find(|d| {
                computed()
                    .observations
                    .iter()
                    .any(|o| o.indicator == d.id && o.kind == ObsKind::Count)
            })
            .expect("an indicator with yearly counts");
        let v = page(
            &site,
            computed(),
            with_counts,
            theme_strings().ui(Lang::Ja),
            ("t", Scope::All),
        );
        assert!(!v.counts.is_empty());
        for c in &v.counts {
            assert!(!c.value.is_empty());
            assert!(c.region.url.starts_with("/ja/regions/"));
        }
    }
}
