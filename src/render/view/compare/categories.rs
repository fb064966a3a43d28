//! Categories × regions: one row per region, one column per category, each cell the region's
//! case records of that category.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{nav, NavLink, Section, Ui};
use crate::model::{Body, TermList};
use crate::render::view::parts::Scope;
use crate::render::view::TagLink;
use crate::site::{RecordRef, RegionRef, Site};

#[derive(Serialize)]
pub struct CategoriesView {
    pub nav: Vec<NavLink>,
    /// The columns, in the vocabulary's order.
    pub categories: Vec<TagLink>,
    /// By region id.
    pub rows: Vec<CategoryRow>,
}

/// A region, and per category (in the columns' order) its records of that kind.
#[derive(Serialize)]
pub struct CategoryRow {
    pub region: RegionRef,
    pub cells: Vec<Vec<RecordRef>>,
}

pub fn view(site: &Site, ui: Ui, scope: Scope) -> CategoriesView {
    let lang = ui.lang;
    let cats = site.terms(TermList::Categories);
    let mut rows: BTreeMap<&str, Vec<Vec<RecordRef>>> = BTreeMap::new();
    for r in &site.corpus.records {
        let Body::Case(c) = &r.body else { continue };
        if !scope.lists(site, &c.region) {
            continue;
        }
        let Some(col) = cats.iter().position(|t| t.id == c.category) else {
            continue;
        };
        rows.entry(c.region.as_str())
            .or_insert_with(|| vec![Vec::new(); cats.len()])[col]
            .push(site.record_ref(r, lang));
    }
    CategoriesView {
        nav: nav(site, ui, Section::Categories),
        categories: cats
            .iter()
            .map(|t| TagLink::new(site, lang, TermList::Categories, &t.id))
            .collect(),
        rows: rows
            .into_iter()
            .map(|(id, cells)| CategoryRow {
                region: site.region_ref(id, lang),
                cells,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::testutil::{corpus, theme_strings};

    #[test]
    fn each_case_sits_in_its_regions_row_under_its_category() {
        let site = Site::new(corpus());
        let v = view(&site, theme_strings().ui(Lang::En), Scope::All);
        let cats = site.terms(TermList::Categories);
        assert_eq!(v.categories.len(), cats.len());
        assert_eq!(
            v.categories[0].url,
            format!("/en/categories/{}/", cats[0].id)
        );
        let chiba = v
            .rows
            .iter()
            .find(|r| r.region.id == "chiba-city")
            .expect("Chiba City has cases");
        assert!(chiba.cells.iter().all(|c| c.len() <= 10));
        assert_eq!(chiba.cells.len(), cats.len());
        let awareness = chiba
            .cells
            .iter()
            .flatten()
            .find(|r| r.id == "chiba-city-awareness")
            .expect("the awareness case");
        assert_eq!(awareness.url, "/en/cases/chiba-city-awareness/");
        let ids: Vec<&str> = v.rows.iter().map(|r| r.region.id.as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "rows by region id");
    }
}
