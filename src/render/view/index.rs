//! A kind's index: every record of the kind, grouped by the prefecture it is in; records of
//! no prefecture (anonymised places, national pages) come last, under one heading.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Body, Kind, Lang};
use crate::site::{RecordRef, RegionRef, Site};

#[derive(Serialize)]
pub struct KindIndexView {
    pub count: usize,
    pub groups: Vec<Group>,
    /// Region lists print names alone; other kinds print each record's region after it.
    pub names_only: bool,
}

/// The records in one prefecture; no heading for the records of no prefecture.
#[derive(Serialize)]
pub struct Group {
    pub heading: Option<RegionRef>,
    pub records: Vec<RecordRef>,
}

pub fn view(site: &Site, lang: Lang, kind: Kind) -> KindIndexView {
    // Keyed by (no prefecture, prefecture id): prefectures in id order, then the rest.
    let mut groups: BTreeMap<(bool, &str), Vec<RecordRef>> = BTreeMap::new();
    let mut count = 0;
    for r in site.corpus.records.iter().filter(|r| r.kind == kind) {
        let region = match &r.body {
            Body::Region(_) => Some(r.id.as_str()),
            b => b.region(),
        };
        let pref = region.and_then(|id| site.prefecture_of(id));
        groups
            .entry((pref.is_none(), pref.unwrap_or_default()))
            .or_default()
            .push(site.record_ref(r, lang));
        count += 1;
    }
    KindIndexView {
        count,
        groups: groups
            .into_iter()
            .map(|((_, pref), records)| Group {
                heading: (!pref.is_empty()).then(|| site.region_ref(pref, lang)),
                records,
            })
            .collect(),
        names_only: kind == Kind::Regions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::site;

    #[test]
    fn records_are_grouped_by_prefecture_and_anonymised_ones_come_last() {
        let site = site();
        let v = view(&site, Lang::En, Kind::Cases);
        assert_eq!(v.count, 10);
        assert!(!v.names_only);
        let headings: Vec<Option<&str>> = v
            .groups
            .iter()
            .map(|g| g.heading.as_ref().map(|h| h.id.as_str()))
            .collect();
        let mut sorted = headings.clone();
        sorted.sort_by_key(|h| (h.is_none(), *h));
        assert_eq!(headings, sorted, "prefectures in id order");
        let chiba = v
            .groups
            .iter()
            .find(|g| g.heading.as_ref().is_some_and(|h| h.id == "chiba-pref"))
            .expect("Chiba's group");
        let ids: Vec<&str> = chiba.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chiba-city-awareness",
                "funabashi-area-family",
                "kaiso-area-family",
                "kashiwa-area-family"
            ]
        );
        assert_eq!(
            chiba.heading.as_ref().map(|h| h.url.as_str()),
            Some("/en/regions/chiba-pref/")
        );

        let practices = view(&site, Lang::En, Kind::Practices);
        let last = practices.groups.last().expect("a group");
        assert!(
            last.heading.is_none(),
            "anonymised practices have no prefecture"
        );
        assert!(view(&site, Lang::En, Kind::Regions).names_only);
    }
}
