//! The Point1–6 matrix: one column per analysis (of every analysis, or of one theme's), one
//! row per point, each cell the analysis's items for that point.

use serde::Serialize;

use super::{nav, NavLink, Section, Ui};
use crate::model::vocab::Term;
use crate::model::{Body, TermList, Text};
use crate::render::view::parts::Scope;
use crate::render::view::{Line, List};
use crate::site::{RecordRef, RegionRef, Route, Site};

#[derive(Serialize)]
pub struct PointsView {
    pub nav: Vec<NavLink>,
    /// The matrix of every theme's analyses, and whether this page is it.
    pub all_url: String,
    pub all_current: bool,
    /// The themes that have analyses, each with its own matrix.
    pub themes: Vec<ThemeChip>,
    pub columns: Vec<PointsColumn>,
    pub rows: Vec<PointsRow>,
    pub script_url: String,
}

/// A theme's matrix, and whether this page is it.
#[derive(Serialize)]
pub struct ThemeChip {
    pub name: Text,
    pub url: String,
    pub current: bool,
}

/// One column of the matrix: an analysis.
#[derive(Serialize)]
pub struct PointsColumn {
    pub region: RegionRef,
    pub record: RecordRef,
    pub theme: Text,
    pub level: Text,
}

/// One row of the matrix: a point, and each analysis's items for it (a cell per column).
#[derive(Serialize)]
pub struct PointsRow {
    pub number: u8,
    /// `point1` … `point6`: the items' `data-item`.
    pub key: String,
    pub heading: String,
    pub cells: Vec<List<Line>>,
}

/// The matrix of `theme`'s analyses, or of every analysis.
pub fn view(site: &Site, theme: Option<&Term>, ui: Ui, scope: Scope) -> PointsView {
    let lang = ui.lang;
    let analyses: Vec<_> = site
        .corpus
        .records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Analysis(a)
                if theme.is_none_or(|t| t.id == a.theme) && scope.lists(site, &a.region) =>
            {
                Some((r, a))
            }
            _ => None,
        })
        .collect();
    let columns = analyses
        .iter()
        .map(|(r, a)| PointsColumn {
            region: site.region_ref(&a.region, lang),
            record: site.record_ref(r, lang),
            theme: site.term_name(TermList::Themes, &a.theme),
            level: site.term_name(TermList::RegionKinds, &a.level),
        })
        .collect();
    let numbered: Vec<_> = analyses.iter().map(|(_, a)| a.points.numbered()).collect();
    let rows = (0..6)
        .map(|i| {
            let number = (i + 1) as u8;
            let key = format!("point{number}");
            PointsRow {
                number,
                heading: ui.get(&key).to_owned(),
                cells: numbered
                    .iter()
                    .map(|points| List::items(lang, &[None], points[i].1))
                    .collect(),
                key,
            }
        })
        .collect();
    PointsView {
        nav: nav(site, ui, Section::Points),
        all_url: site.routes.url(lang, Route::ComparePoints(None)),
        all_current: theme.is_none(),
        themes: theme_chips(site, theme, ui),
        columns,
        rows,
        script_url: site.routes.static_file("compare.js"),
    }
}

fn theme_chips(site: &Site, current: Option<&Term>, ui: Ui) -> Vec<ThemeChip> {
    let used = site.analysed_themes();
    site.terms(TermList::Themes)
        .iter()
        .filter(|t| used.contains(t.id.as_str()))
        .map(|t| ThemeChip {
            name: t.name.clone(),
            url: site.routes.url(ui.lang, Route::ComparePoints(Some(&t.id))),
            current: current.is_some_and(|c| c.id == t.id),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::testutil::{corpus, theme_strings};

    #[test]
    fn every_analysis_is_a_column_and_every_point_a_row() {
        let site = Site::new(corpus());
        let v = view(&site, None, theme_strings().ui(Lang::En), Scope::All);
        let analyses = corpus()
            .records
            .iter()
            .filter(|r| matches!(r.body, Body::Analysis(_)))
            .count();
        assert_eq!(v.columns.len(), analyses);
        assert_eq!(v.rows.len(), 6);
        assert!(v.rows.iter().all(|r| r.cells.len() == analyses));
        assert_eq!(v.rows[0].key, "point1");
        assert_eq!(v.rows[0].heading, "Challenges recognised");
        assert!(v.rows[0].cells.iter().any(|c| !c.items.is_empty()));
        assert!(v.all_current && v.themes.iter().all(|t| !t.current));
        assert_eq!(v.all_url, "/en/compare/points/");
    }

    #[test]
    fn a_themes_matrix_holds_only_its_analyses_and_marks_its_chip() {
        let site = Site::new(corpus());
        let outreach = site
            .terms(TermList::Themes)
            .iter()
            .find(|t| t.id == "outreach")
            .expect("the outreach theme");
        let v = view(
            &site,
            Some(outreach),
            theme_strings().ui(Lang::Ja),
            Scope::All,
        );
        assert!(v.columns.iter().any(|c| c.region.id == "wakayama-pref"));
        assert!(v.columns.iter().all(|c| c.region.id != "toyama-pref"));
        let current: Vec<&str> = v
            .themes
            .iter()
            .filter(|t| t.current)
            .map(|t| t.url.as_str())
            .collect();
        assert_eq!(current, ["/ja/compare/points/outreach/"]);
        assert!(!v.all_current);
    }
}
