//! The interactive comparison page: the regions and indicators a reader may choose, every
//! comparison as a table for readers without JavaScript, and the open data behind them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::indicators::summaries;
use super::{comparison_view, nav, ComparisonView, NavLink, Section, Ui};
use crate::compare::Computed;
use crate::model::{Lang, Text};
use crate::render::view::parts::Scope;
use crate::site::{RegionRef, Route, Site};

#[derive(Serialize)]
pub struct OverviewView {
    pub nav: Vec<NavLink>,
    /// Regions that have something to compare.
    pub regions: Vec<RegionRef>,
    /// Indicators that have values.
    pub indicators: Vec<Choice>,
    pub rows: Vec<OverviewRow>,
    /// The columns of `/data/indicators.csv`.
    pub columns: Vec<CsvColumn>,
    /// `/data/compare.json` (the index of the regions' comparisons), `/data/indicators.csv`,
    /// `/data/records.json` (the index of the records' parts).
    pub json_url: String,
    pub csv_url: String,
    pub records_url: String,
    pub script_url: String,
}

/// An indicator to choose.
#[derive(Serialize)]
pub struct Choice {
    pub id: String,
    pub name: Text,
}

/// A comparison of the table, with its indicator.
#[derive(Serialize)]
pub struct OverviewRow {
    /// The indicator's id, for attributes.
    pub indicator: String,
    /// Its name, which the table prints.
    pub indicator_name: Text,
    pub indicator_url: String,
    pub comparison: ComparisonView,
}

/// A column of `/data/indicators.csv` and what it means.
#[derive(Serialize)]
pub struct CsvColumn {
    pub name: &'static str,
    pub meaning: &'static str,
}

/// The page of `scope`'s comparisons; the form offers a part's regions on a part's page and
/// every region elsewhere.
pub fn view(site: &Site, computed: &Computed, ui: Ui, scope: Scope) -> OverviewView {
    let lang = ui.lang;
    let used: BTreeSet<&str> = computed
        .comparisons
        .iter()
        .map(|c| c.region.as_str())
        .collect();
    OverviewView {
        nav: nav(site, ui, Section::Compare),
        regions: used
            .iter()
            .filter(|id| matches!(scope, Scope::Summary) || scope.lists(site, id))
            .map(|id| site.region_ref(id, lang))
            .collect(),
        indicators: summaries(site, computed, ui)
            .into_iter()
            .filter(|i| i.values > 0)
            .map(|i| Choice {
                id: i.id,
                name: i.name,
            })
            .collect(),
        rows: computed
            .comparisons
            .iter()
            .filter(|c| scope.lists(site, &c.region))
            .map(|c| OverviewRow {
                indicator: c.indicator.to_string(),
                indicator_name: indicator_name(site, &c.indicator),
                indicator_url: site.routes.url(lang, Route::Indicator(&c.indicator)),
                comparison: comparison_view(site, c, ui),
            })
            .collect(),
        columns: csv_columns(lang),
        json_url: site.routes.data("compare.json"),
        csv_url: site.routes.data("indicators.csv"),
        records_url: site.routes.data("records.json"),
        script_url: site.routes.static_file("compare.js"),
    }
}

/// An indicator's name from the vocabulary; its id only if the vocabulary lacks it (which
/// validation reports, so no built page shows one).
fn indicator_name(site: &Site, id: &str) -> Text {
    site.corpus
        .vocab
        .indicators
        .entries
        .iter()
        .find(|d| d.id == id)
        .map_or_else(|| Text::new(id, id), |d| d.name.clone())
}

/// The columns of `/data/indicators.csv`, documented on the page.
fn csv_columns(lang: Lang) -> Vec<CsvColumn> {
    crate::data::csv::COLUMNS
        .iter()
        .map(|&(name, en, ja)| CsvColumn {
            name,
            meaning: match lang {
                Lang::Ja => ja,
                Lang::En => en,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::computed;
    use super::*;
    use crate::testutil::{corpus, theme_strings};

    #[test]
    fn every_comparison_is_in_the_table_with_its_indicator_page() {
        let site = Site::new(corpus());
        let v = view(&site, computed(), theme_strings().ui(Lang::En), Scope::All);
        assert_eq!(v.rows.len(), computed().comparisons.len());
        let row = &v.rows[0];
        assert_eq!(
            row.indicator_url,
            format!("/en/indicators/{}/", row.indicator)
        );
        let lti = v
            .rows
            .iter()
            .find(|r| r.indicator == "long-term-inpatients")
            .expect("a long-term inpatients row");
        assert_eq!(
            lti.indicator_name.ja, "精神病床における1年以上長期入院患者数",
            "the table prints the name, not the id"
        );
        assert!(v.regions.iter().any(|r| r.id == "kumamoto-pref"));
        assert!(v.indicators.iter().any(|i| i.id == "long-term-inpatients"));
        assert_eq!(v.columns.len(), crate::data::csv::COLUMNS.len());
        assert_eq!(v.columns[0].name, crate::data::csv::COLUMNS[0].0);
        assert_eq!(v.json_url, "/data/compare.json");
        assert_eq!(v.script_url, "/static/compare.js");
        assert!(v.nav[0].current);
    }

    #[test]
    fn indicators_without_values_are_not_offered() {
        let site = Site::new(corpus());
        let v = view(&site, computed(), theme_strings().ui(Lang::Ja), Scope::All);
        for choice in &v.indicators {
            assert!(
                computed()
                    .observations
                    .iter()
                    .any(|o| o.indicator == choice.id),
                "{}",
                choice.id
            );
        }
    }
}
