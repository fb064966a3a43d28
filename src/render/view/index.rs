//! A kind's index: every record of the kind, grouped by the prefecture it is in, prefectures in
//! the official order (JIS code); records of no prefecture (anonymised places, national pages)
//! come last, under one heading. Within a group, records follow their region's place
//! ([`Site::region_order`]: reading order on Japanese pages, English names on English ones).

use std::collections::BTreeMap;

use serde::Serialize;

use super::parts::Scope;
use super::summary::{line, RecordLine};
use crate::load::Record;
use crate::model::{Body, Kind};
use crate::site::{RegionOrder, RegionRef, Site, Ui};

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
    /// Each record in one line: title, region, category or theme, year, summary.
    pub records: Vec<RecordLine>,
}

/// A group's records, each with its region's place.
type Members<'a> = Vec<(RegionOrder, &'a Record)>;

/// The index of `kind`'s records in `scope` (its count is of every record of the kind).
pub fn view(site: &Site, ui: Ui, kind: Kind, scope: Scope) -> KindIndexView {
    let lang = ui.lang;
    // Keyed by the prefecture's place in the official order (records of no prefecture last);
    // each group's records by their region's place, then by id.
    let mut groups: BTreeMap<RegionOrder, (Option<&str>, Members)> = BTreeMap::new();
    let mut count = 0;
    for r in site.corpus.records.iter().filter(|r| r.kind == kind) {
        let region = match &r.body {
            Body::Region(_) => Some(r.id.as_str()),
            b => b.region(),
        };
        count += 1;
        if !scope.lists(site, region.unwrap_or_default()) {
            continue;
        }
        let pref = region.and_then(|id| site.prefecture_of(id));
        let order = |id: Option<&str>| site.region_order(id.unwrap_or_default(), lang);
        groups
            .entry(order(pref))
            .or_insert_with(|| (pref, Vec::new()))
            .1
            .push((order(region), r));
    }
    KindIndexView {
        count,
        groups: groups
            .into_values()
            .map(|(pref, mut records)| {
                records.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
                Group {
                    heading: pref.map(|p| site.region_ref(p, lang)),
                    records: records
                        .into_iter()
                        .map(|(_, r)| line(site, r, ui))
                        .collect(),
                }
            })
            .collect(),
        names_only: kind == Kind::Regions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::view::tests::{site, strings};

    /// The ids of the records under prefecture `id`'s heading.
    fn group(v: &KindIndexView, id: &str) -> Vec<String> {
        v.groups
            .iter()
            .find(|g| g.heading.as_ref().is_some_and(|h| h.id == id))
            .map(|g| g.records.iter().map(|r| r.link.id.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn japanese_pages_order_a_prefectures_records_by_their_regions_reading() {
        let site = site();
        let ja = view(&site, strings().ui(Lang::Ja), Kind::Cases, Scope::All);
        assert_eq!(
            group(&ja, "chiba-pref"),
            [
                "kaiso-area-family",     // かいそう
                "kashiwa-area-family",   // かしわ
                "chiba-city-awareness",  // ちばし
                "funabashi-area-family"  // ふなばし
            ],
            "Japanese pages: by reading"
        );
    }

    #[test]
    fn regions_within_a_prefecture_by_english_name_or_by_reading() {
        let site = site();
        let (ja, en) = (
            view(&site, strings().ui(Lang::Ja), Kind::Regions, Scope::All),
            view(&site, strings().ui(Lang::En), Kind::Regions, Scope::All),
        );
        assert_eq!(
            group(&en, "kawasaki-city"),
            Vec::<String>::new(),
            "a city is not a group"
        );
        assert_eq!(
            group(&en, "kanagawa-pref"),
            [
                "kanagawa-pref",
                "kawasaki-asao-ward",
                "kawasaki-central-district",
                "kawasaki-city",
                "kawasaki-north-district",
                "kawasaki-south-district",
                "kawasaki-tama-ward"
            ],
            "English: Asao Ward, Central District, Kawasaki City, Northern …, Southern …, Tama Ward"
        );
        assert_eq!(
            group(&ja, "kanagawa-pref")[1..],
            [
                "kawasaki-asao-ward",        // あさおく
                "kawasaki-city",             // かわさきし
                "kawasaki-tama-ward",        // たまく
                "kawasaki-central-district", // ちゅうぶちく
                "kawasaki-south-district",   // なんぶちく
                "kawasaki-north-district"    // ほくぶちく
            ]
        );
    }

    #[test]
    fn records_are_grouped_by_prefecture_and_anonymised_ones_come_last() {
        let site = site();
        let v = view(&site, strings().ui(Lang::En), Kind::Cases, Scope::All);
        assert_eq!(v.count, 10);
        assert!(!v.names_only);
        let headings: Vec<Option<&str>> = v
            .groups
            .iter()
            .map(|g| g.heading.as_ref().map(|h| h.id.as_str()))
            .collect();
        let codes: Vec<Option<u32>> = headings
            .iter()
            .map(|h| h.and_then(|id| site.regions[id].code.as_deref().copied()))
            .collect();
        assert_eq!(
            codes,
            [
                Some(2),
                Some(12),
                Some(22),
                Some(24),
                Some(32),
                Some(34),
                Some(45)
            ],
            "prefectures by JIS code (青森 2, 千葉 12, 静岡 22 …), not by id: {headings:?}"
        );
        let chiba = v
            .groups
            .iter()
            .find(|g| g.heading.as_ref().is_some_and(|h| h.id == "chiba-pref"))
            .expect("Chiba's group");
        let ids: Vec<&str> = chiba.records.iter().map(|r| r.link.id.as_str()).collect();
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

        let practices = view(&site, strings().ui(Lang::En), Kind::Practices, Scope::All);
        let last = practices.groups.last().expect("a group");
        assert!(
            last.heading.is_none(),
            "anonymised practices have no prefecture"
        );
        assert!(view(&site, strings().ui(Lang::En), Kind::Regions, Scope::All).names_only);
    }

    #[test]
    fn the_regions_index_lists_prefectures_by_code_and_regions_by_reading() {
        let site = site();
        let ja = view(&site, strings().ui(Lang::Ja), Kind::Regions, Scope::All);
        let heads: Vec<&str> = ja
            .groups
            .iter()
            .filter_map(|g| g.heading.as_ref().map(|h| h.id.as_str()))
            .collect();
        assert_eq!(
            heads[..4],
            [
                "hokkaido-pref",
                "aomori-pref",
                "tochigi-pref",
                "saitama-pref"
            ]
        );
        assert_eq!(
            heads.last(),
            Some(&"anon-e-pref"),
            "uncoded prefectures last: {heads:?}"
        );
        let en = view(&site, strings().ui(Lang::En), Kind::Regions, Scope::All);
        let en_heads: Vec<&str> = en
            .groups
            .iter()
            .filter_map(|g| g.heading.as_ref().map(|h| h.id.as_str()))
            .collect();
        assert_eq!(heads, en_heads, "the same official order in English");
        assert_eq!(
            group(&ja, "kagoshima-pref")[..4],
            ["kagoshima-pref", "aira-isa-area", "aira-city", "isa-city"],
            "the prefecture, then あいら・いさけんいき, あいらし, いさし"
        );
    }
}
