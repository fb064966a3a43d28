//! A project-type case example's page: its category and themes, the facts line about its
//! region (「千葉県船橋圏域（市町村数 1 ヵ所） 人口 633,263 人（平成30年4月時点）」), the forum it
//! uses and its headed sections.

use serde::Serialize;

use super::{date, Foot, Head, Line, List, TagLink, Ui};
use crate::load::Record;
use crate::model::case::{Forum, Section};
use crate::model::number::grouped;
use crate::model::{Case, Lang, Prose, Region, TermList, Text};
use crate::site::Site;

#[derive(Serialize)]
pub struct CaseView {
    pub head: Head,
    pub category: TagLink,
    pub themes: Vec<TagLink>,
    pub title: Text,
    pub place: Place,
    /// After the place: the number of municipalities and the population, with punctuation
    /// (「（市町村数 1 ヵ所） 人口 633,263 人（平成30年4月時点）」).
    pub size: String,
    /// 「病院 3 ヶ所 診療所 28 ヶ所」; none when the region has no such figures.
    pub facilities: Option<String>,
    pub keywords: Vec<Text>,
    pub appeal_points: Option<List<Line>>,
    pub forum: Option<Forum>,
    pub regional_issues: Option<Prose>,
    pub system_issues: Option<Prose>,
    pub activities: Option<Prose>,
    pub system_building: Option<Prose>,
    pub effects: Option<Prose>,
    pub system_effects: Option<Prose>,
    pub vignettes: Vec<Section>,
    pub sections: Vec<Section>,
    pub foot: Foot,
}

/// The case's region and its prefecture, in the order the language names them, and what
/// goes between them.
#[derive(Serialize)]
pub struct Place {
    pub names: Vec<Text>,
    pub sep: String,
}

pub fn view(site: &Site, ui: Ui, record: &Record, c: &Case) -> CaseView {
    let lang = ui.lang;
    let region = site.region_ref(&c.region, lang);
    let facts = site.regions.get(c.region.as_str()).copied();
    CaseView {
        head: Head {
            kind_name: ui.kind_name(record.kind),
            region: Some(region),
            title: c.title.clone(),
        },
        category: TagLink::new(site, lang, TermList::Categories, &c.category),
        themes: c
            .themes
            .iter()
            .map(|t| TagLink::new(site, lang, TermList::Themes, t))
            .collect(),
        title: c.title.clone(),
        place: place(site, ui, &c.region),
        size: facts.map(|f| size(ui, f)).unwrap_or_default(),
        facilities: facts.and_then(|f| facilities(ui, f)),
        keywords: c.keywords.clone(),
        appeal_points: (!c.appeal_points.is_empty())
            .then(|| List::texts(lang, None, &c.appeal_points)),
        forum: c.forum.clone(),
        regional_issues: c.regional_issues.clone(),
        system_issues: c.system_issues.clone(),
        activities: c.activities.clone(),
        system_building: c.system_building.clone(),
        effects: c.effects.clone(),
        system_effects: c.system_effects.clone(),
        vignettes: c.vignettes.clone(),
        sections: c.sections.clone(),
        foot: Foot {
            source: c.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

/// 「千葉県」「船橋圏域」 in Japanese, "Funabashi area", "Chiba Prefecture" in English; the
/// region alone when it is a prefecture or has none.
fn place(site: &Site, ui: Ui, region: &str) -> Place {
    let lang = ui.lang;
    let name = site.region_ref(region, lang).name;
    let prefecture = site
        .prefecture_of(region)
        .filter(|p| *p != region)
        .map(|p| site.region_ref(p, lang).name);
    let names = match (prefecture, lang) {
        (None, _) => vec![name],
        (Some(p), Lang::Ja) => vec![p, name],
        (Some(p), Lang::En) => vec![name, p],
    };
    Place {
        names,
        sep: ui.get("case_place_sep").to_owned(),
    }
}

/// A figure the record states (zero included), as printed; nothing for a missing one.
fn count(ui: Ui, key: &str, n: Option<u32>) -> Option<String> {
    n.map(|n| ui.fill(key, &grouped(f64::from(n))))
}

fn size(ui: Ui, r: &Region) -> String {
    let mut out = String::new();
    let key = match r.municipalities {
        Some(1) => "municipalities_1",
        _ => "municipalities_n",
    };
    if let Some(m) = count(ui, key, r.municipalities) {
        out.push_str(ui.get("paren_open"));
        out.push_str(&m);
        out.push_str(ui.get("paren_close"));
    }
    if let Some(p) = &r.population {
        out.push_str(ui.get("case_population_sep"));
        out.push_str(&ui.fill("population_n", &grouped(p.value as f64)));
        if let Some(d) = &p.as_of {
            out.push_str(&ui.fill("as_of_paren", &date(d, ui.lang)));
        }
    }
    out
}

/// 「病院 3 ヶ所 診療所 28 ヶ所 一般 12 ヶ所 特定 16 ヶ所」: the figures the region has.
fn facilities(ui: Ui, r: &Region) -> Option<String> {
    if r.hospitals.is_none() && r.clinics.is_none() {
        r.consultation_offices.as_ref()?;
    }
    let mut out = String::new();
    if let Some(h) = count(ui, "hospitals_n", r.hospitals) {
        out.push_str(&h);
        out.push(' ');
    }
    out.extend(count(ui, "clinics_n", r.clinics));
    if let Some(o) = &r.consultation_offices {
        for n in [
            count(ui, "general_n", o.general),
            count(ui, "specific_n", o.specific),
        ]
        .into_iter()
        .flatten()
        {
            out.push(' ');
            out.push_str(&n);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::render::view::tests::{record, site, strings};

    fn case_view(id: &str, lang: Lang) -> CaseView {
        let (site, strings) = (site(), strings());
        let rec = record(id);
        let Body::Case(c) = &rec.body else {
            panic!("{id} is a case")
        };
        view(&site, strings.ui(lang), rec, c)
    }

    fn names(place: &Place, lang: Lang) -> String {
        let names: Vec<&str> = place.names.iter().map(|n| n.get(lang).text).collect();
        names.join(&place.sep)
    }

    #[test]
    fn the_facts_line_reads_in_each_language() {
        let ja = case_view("funabashi-area-family", Lang::Ja);
        assert_eq!(names(&ja.place, Lang::Ja), "千葉県船橋圏域");
        assert_eq!(
            ja.size,
            "（市町村数 1 ヵ所） 人口 633,263 人（平成30年4月時点）"
        );
        assert_eq!(ja.facilities.as_deref(), Some("病院 3 ヶ所 診療所 28 ヶ所"));
        let en = case_view("funabashi-area-family", Lang::En);
        assert_eq!(
            names(&en.place, Lang::En),
            "Funabashi area, Chiba Prefecture"
        );
        assert_eq!(
            en.size,
            " (1 municipality), population 633,263 (as of April 2018)"
        );
        assert_eq!(en.facilities.as_deref(), Some("3 hospitals 28 clinics"));
        assert_eq!(en.head.kind_name, "Project case example");
        assert_eq!(en.category.url, "/en/categories/family-support/");
        let themes: Vec<&str> = en.themes.iter().map(|t| t.url.as_str()).collect();
        assert_eq!(
            themes,
            ["/en/themes/family-support/", "/en/themes/peer-support/"]
        );
    }

    #[test]
    fn offices_are_counted_with_the_facilities() {
        let en = case_view("tsugaru-area-training", Lang::En);
        assert_eq!(
            en.facilities.as_deref(),
            Some("5 hospitals 5 clinics 12 general 16 specific")
        );
        assert!(en
            .size
            .starts_with(" (8 municipalities), population 291,178"));
    }

    #[test]
    fn zero_facilities_are_stated_and_unknown_ones_left_out() {
        let mut r = match &record("tsugaru-area").body {
            Body::Region(r) => (**r).clone(),
            _ => panic!("a region"),
        };
        r.hospitals = Some(0);
        r.clinics = Some(0);
        r.consultation_offices = None;
        let ui = strings().ui(Lang::En);
        assert_eq!(facilities(ui, &r).as_deref(), Some("0 hospitals 0 clinics"));
        r.hospitals = None;
        r.clinics = None;
        assert_eq!(facilities(ui, &r), None);
    }
}
