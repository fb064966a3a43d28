//! The home page: the first records of each kind, the prefectures with records, the
//! categories and themes with their counts, and the handbook's own pages.

use serde::Serialize;

use super::terms::{term_refs, TermRef};
use super::Ui;
use crate::load::Record;
use crate::model::{Body, Kind, TermList};
use crate::site::{RecordRef, RegionRef, Route, Site};

/// How many records a home-page section lists before linking to the full index.
const HOME_LIST: usize = 12;

#[derive(Serialize)]
pub struct HomeView {
    pub kinds: Vec<KindSummary>,
    pub prefectures: Vec<RegionCount>,
    pub categories: Vec<TermRef>,
    pub themes: Vec<TermRef>,
    /// The handbook's pages, in their order.
    pub pages: Vec<RecordRef>,
}

/// A kind's card: its first records and a link to all of them.
#[derive(Serialize)]
pub struct KindSummary {
    /// `cases`: the card's id.
    pub dir: &'static str,
    pub name: String,
    pub url: String,
    pub count: usize,
    pub records: Vec<RecordRef>,
    /// 「すべて見る (24)」, when the card does not list every record.
    pub all: Option<String>,
}

/// A prefecture and how many records are about it and the regions within it.
#[derive(Serialize)]
pub struct RegionCount {
    pub region: RegionRef,
    pub count: usize,
}

pub fn view(site: &Site, ui: Ui) -> HomeView {
    let lang = ui.lang;
    let kinds = Kind::ALL
        .iter()
        .filter(|k| !matches!(k, Kind::Pages | Kind::Regions))
        .map(|&k| kind_summary(site, ui, k))
        .collect();
    let mut prefecture_ids: Vec<&str> = site
        .regions
        .iter()
        .filter(|(_, r)| r.kind == "prefecture")
        .map(|(id, _)| *id)
        .collect();
    site.sort_regions(&mut prefecture_ids, lang);
    let prefectures = prefecture_ids
        .into_iter()
        .map(|id| RegionCount {
            region: site.region_ref(id, lang),
            count: records_under(site, id),
        })
        .filter(|rc| rc.count > 0)
        .collect();
    let mut pages: Vec<(&Record, i32)> = site
        .corpus
        .records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Page(p) => Some((r, p.order)),
            _ => None,
        })
        .collect();
    pages.sort_by_key(|(r, order)| (*order, r.id.as_str()));
    HomeView {
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

fn kind_summary(site: &Site, ui: Ui, kind: Kind) -> KindSummary {
    let lang = ui.lang;
    let records: Vec<&Record> = site
        .corpus
        .records
        .iter()
        .filter(|r| r.kind == kind)
        .collect();
    let count = records.len();
    KindSummary {
        dir: kind.dir(),
        name: ui.kinds_name(kind),
        url: site.routes.url(lang, Route::KindIndex(kind)),
        count,
        records: records
            .iter()
            .take(HOME_LIST)
            .map(|r| site.record_ref(r, lang))
            .collect(),
        all: (count > HOME_LIST).then(|| format!("{} ({count})", ui.get("all_records"))),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::view::tests::{site, strings};

    #[test]
    fn the_home_page_counts_records_by_kind_prefecture_and_tag() {
        let (site, strings) = (site(), strings());
        let v = view(&site, strings.ui(Lang::En));
        let kinds: Vec<(&str, usize)> = v.kinds.iter().map(|k| (k.dir, k.count)).collect();
        assert_eq!(
            kinds,
            [
                ("status-sheets", 2),
                ("outcomes", 4),
                ("cases", 10),
                ("practices", 5),
                ("analyses", 10)
            ]
        );
        assert_eq!(v.kinds[2].name, "Project case examples");
        assert_eq!(v.kinds[2].url, "/en/cases/");
        assert!(
            v.kinds.iter().all(|k| k.all.is_none()),
            "no kind has more than 12 records"
        );
        let kagoshima = v
            .prefectures
            .iter()
            .find(|p| p.region.id == "kagoshima-pref")
            .expect("Kagoshima has records");
        // Its status sheet, and the Aira-Isa area's outcome below it.
        assert!(kagoshima.count >= 2, "{}", kagoshima.count);
        assert!(v.prefectures.iter().all(|p| p.count > 0));
        let family = v
            .categories
            .iter()
            .find(|t| t.url == "/en/categories/family-support/")
            .expect("the family-support category");
        assert_eq!(family.count, 3);
        let orders: Vec<&str> = v.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(orders.len(), 7);
    }

    #[test]
    fn a_card_with_more_records_than_it_lists_links_to_all_of_them() {
        let (site, strings) = (site(), strings());
        let s = kind_summary(&site, strings.ui(Lang::Ja), Kind::Regions);
        assert_eq!(s.records.len(), HOME_LIST);
        assert_eq!(s.all, Some(format!("すべて見る ({})", s.count)));
    }
}
