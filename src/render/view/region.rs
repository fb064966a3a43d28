//! A region's page, its profile: its facts (kind, parent, population with its date,
//! hospitals …), its indicators with what their dates allow (`compare::verdict`, printed as
//! the indicator pages print it), a link that opens the comparison with it chosen, the
//! records about it by kind, the records that mention it, the regions within it and their
//! records — each record in one line (`view::summary`).

use std::collections::BTreeSet;

use serde::Serialize;

use super::compare::{comparison_view, ComparisonView};
use super::summary::{line, RecordLine};
use super::{date, Foot, Ui};
use crate::compare::Computed;
use crate::load::Record;
use crate::model::number::grouped;
use crate::model::region::Offices;
use crate::model::{Kind, Prose, Region, TermList, Text};
use crate::site::{RegionRef, Route, Site};

#[derive(Serialize)]
pub struct RegionView {
    pub name: Text,
    /// The region kind's name (「圏域」 / "Area").
    pub kind: Text,
    pub parent: Option<RegionRef>,
    pub slogan: Option<Text>,
    pub anonymised: bool,
    pub description: Option<Text>,
    pub facts: Facts,
    pub summary: Option<Prose>,
    /// Its indicators: each source row's values with what the dates allow it to say.
    pub indicators: Vec<IndicatorRow>,
    /// The interactive comparison with this region chosen (`/{lang}/compare/?regions=<id>`).
    pub compare_url: String,
    /// Records about the region, by kind.
    pub records: Vec<KindGroup>,
    /// Records that refer to the region other than as their own region.
    pub mentioning: Vec<RecordLine>,
    pub children: Vec<RegionRef>,
    /// Records about the regions within it, at any depth.
    pub child_records: Vec<RecordLine>,
    pub foot: Foot,
}

/// The region's figures, as printed; a figure of zero is not printed.
#[derive(Serialize)]
pub struct Facts {
    pub population: Option<Population>,
    pub municipalities: Option<String>,
    pub hospitals: Option<String>,
    pub clinics: Option<String>,
    /// 「一般 12 特定 16」.
    pub offices: Option<String>,
}

#[derive(Serialize)]
pub struct Population {
    /// 「約 400,000」.
    pub value: String,
    /// 「(時点: 平成30年4月)」.
    pub as_of: Option<String>,
}

/// The records of one kind, each in one line.
#[derive(Serialize)]
pub struct KindGroup {
    pub name: String,
    pub records: Vec<RecordLine>,
}

/// One of the region's indicator rows: the indicator's name and page, and the comparison as
/// the indicator pages print it (values, dates, gap, verdict and notes).
#[derive(Serialize)]
pub struct IndicatorRow {
    pub name: Text,
    pub url: String,
    #[serde(flatten)]
    pub row: ComparisonView,
}

pub fn view(site: &Site, computed: &Computed, ui: Ui, record: &Record, r: &Region) -> RegionView {
    let lang = ui.lang;
    let id = record.id.as_str();
    RegionView {
        indicators: indicators(site, computed, ui, id),
        compare_url: format!("{}?regions={id}", site.routes.url(lang, Route::Compare)),
        name: r.name.clone(),
        kind: site.term_name(TermList::RegionKinds, &r.kind),
        parent: r.parent.as_deref().map(|p| site.region_ref(p, lang)),
        slogan: r.slogan.clone(),
        anonymised: r.anonymised,
        description: r.description.clone(),
        facts: facts(ui, r),
        summary: r.summary.clone(),
        records: records_by_kind(site, ui, id),
        mentioning: site
            .mentioned_in
            .get(id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|m| line(site, m, ui))
            .collect(),
        children: {
            let mut ids = site.children.get(id).cloned().unwrap_or_default();
            site.sort_regions(&mut ids, lang);
            ids.iter().map(|c| site.region_ref(c, lang)).collect()
        },
        child_records: child_records(site, ui, id),
        foot: Foot {
            source: None,
            source_file: record.file.clone(),
        },
    }
}

/// A figure as printed, or nothing for a missing or zero figure.
/// A figure the record states, zero included (a region with no psychiatric hospital says so).
fn count(n: Option<u32>) -> Option<String> {
    n.map(|n| grouped(f64::from(n)))
}

fn facts(ui: Ui, r: &Region) -> Facts {
    let lang = ui.lang;
    Facts {
        population: r.population.as_ref().map(|p| Population {
            value: if p.approximate {
                format!("{} {}", ui.get("approximately"), grouped(p.value as f64))
            } else {
                grouped(p.value as f64)
            },
            as_of: p
                .as_of
                .as_ref()
                .map(|d| format!("({}: {})", ui.get("as_of"), date(d, lang))),
        }),
        municipalities: count(r.municipalities),
        hospitals: count(r.hospitals),
        clinics: count(r.clinics),
        offices: r.consultation_offices.as_ref().map(|o| offices(ui, o)),
    }
}

/// 「一般 12 特定 16」: each kind of office the record counts (zero included), and a space
/// between the two places even when one is empty.
fn offices(ui: Ui, o: &Offices) -> String {
    let part =
        |key: &str, n: Option<u32>| n.map_or_else(String::new, |n| format!("{} {n}", ui.get(key)));
    format!(
        "{} {}",
        part("general", o.general),
        part("specific", o.specific)
    )
}

/// The region's comparisons (its own, not its sub-regions'), in the vocabulary's order of
/// indicators, then as the records give them.
fn indicators(site: &Site, computed: &Computed, ui: Ui, id: &str) -> Vec<IndicatorRow> {
    let defs = &site.corpus.vocab.indicators.entries;
    let mut rows: Vec<(usize, IndicatorRow)> = computed
        .comparisons
        .iter()
        .filter(|c| c.region == id)
        .map(|c| {
            let at = defs.iter().position(|d| d.id == c.indicator);
            let name = at.map_or_else(
                || Text {
                    ja: c.indicator.clone(),
                    en: Some(c.indicator.clone()),
                },
                |i| defs[i].name.clone(),
            );
            let row = IndicatorRow {
                name,
                url: site.routes.url(ui.lang, Route::Indicator(&c.indicator)),
                row: comparison_view(site, c, ui),
            };
            (at.unwrap_or(usize::MAX), row)
        })
        .collect();
    rows.sort_by_key(|(at, _)| *at);
    rows.into_iter().map(|(_, row)| row).collect()
}

fn records_by_kind(site: &Site, ui: Ui, id: &str) -> Vec<KindGroup> {
    let own = site.by_region.get(id).map_or(&[][..], Vec::as_slice);
    Kind::ALL
        .iter()
        .filter_map(|&k| {
            let records: Vec<RecordLine> = own
                .iter()
                .filter(|r| r.kind == k)
                .map(|r| line(site, r, ui))
                .collect();
            (!records.is_empty()).then(|| KindGroup {
                name: ui.kinds_name(k),
                records,
            })
        })
        .collect()
}

/// Records about every region below `id`, by kind and id.
fn child_records(site: &Site, ui: Ui, id: &str) -> Vec<RecordLine> {
    let mut found = Vec::new();
    let mut stack: Vec<&str> = site.children.get(id).cloned().unwrap_or_default();
    let mut seen = BTreeSet::new();
    while let Some(c) = stack.pop() {
        if !seen.insert(c) {
            continue;
        }
        if let Some(rs) = site.by_region.get(c) {
            found.extend(rs.iter().map(|r| line(site, r, ui)));
        }
        stack.extend(site.children.get(c).map_or(&[][..], Vec::as_slice));
    }
    found.sort_by(|a, b| (a.link.kind, &a.link.id).cmp(&(b.link.kind, &b.link.id)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Lang};
    use crate::render::view::compare::tests::computed;
    use crate::render::view::tests::{record, site, strings};

    fn region_view(id: &str, lang: Lang) -> RegionView {
        let (site, strings) = (site(), strings());
        let rec = record(id);
        let Body::Region(r) = &rec.body else {
            panic!("{id} is a region")
        };
        view(&site, computed(), strings.ui(lang), rec, r)
    }

    #[test]
    fn kumamoto_has_its_slogan_and_its_status_sheet() {
        let v = region_view("kumamoto-pref", Lang::En);
        assert_eq!(v.kind.en.as_deref(), Some("Prefecture"));
        assert!(v.slogan.is_some() && v.parent.is_none());
        assert_eq!(v.records.len(), 1);
        assert_eq!(v.records[0].name, "Status sheets");
        assert_eq!(v.records[0].records[0].link.id, "kumamoto-pref-sheet");
        assert!(v.children.is_empty() && v.child_records.is_empty());
        assert_eq!(v.foot.source_file, "content/regions/kumamoto-pref.yaml");
    }

    /// Issue #15: Kumamoto's page shows its indicators with what the dates allow, a way to
    /// compare it, and its records with a line each.
    #[test]
    fn kumamoto_shows_its_indicators_with_their_verdicts_and_a_compare_link() {
        let v = region_view("kumamoto-pref", Lang::En);
        assert_eq!(v.compare_url, "/en/compare/?regions=kumamoto-pref");
        let lti: Vec<&IndicatorRow> = v
            .indicators
            .iter()
            .filter(|r| r.url == "/en/indicators/long-term-inpatients/")
            .collect();
        assert!(!lti.is_empty(), "long-term inpatients are on the page");
        assert_eq!(
            lti[0].name.en.as_deref(),
            Some("Long-term inpatients (1 year or more) in psychiatric beds")
        );
        let due_later = lti
            .iter()
            .filter_map(|r| r.row.verdict.as_ref())
            .find(|v| v.status == "not-yet-met")
            .expect("4,830 against 4,396 due at the end of FY2021: not yet met");
        assert_eq!(due_later.label, "not yet met");
        assert!(
            due_later.details[0].starts_with("434 above the target as of June 2019; not yet due"),
            "{:?}",
            due_later.details
        );
        assert!(
            v.indicators
                .iter()
                .filter_map(|r| r.row.verdict.as_ref())
                .all(|v| v.status != "not-met"),
            "nowhere a final 'not met'"
        );
        let rates: Vec<&str> = v
            .indicators
            .iter()
            .filter_map(|r| r.row.verdict.as_ref())
            .filter(|v| v.status == "not-yet-met")
            .filter_map(|v| v.details[0].split(" below").next())
            .filter(|g| g.ends_with("points"))
            .collect();
        assert_eq!(rates, ["14.2 points", "3.5 points", "1.8 points"]);
        let sheet = &v.records[0].records[0];
        assert_eq!(sheet.link.url, "/en/status-sheets/kumamoto-pref-sheet/");
        assert!(sheet.year.is_some() && sheet.summary.is_some());
    }

    #[test]
    fn a_region_without_indicators_has_none_and_still_links_to_compare() {
        let v = region_view("tsugaru-area", Lang::Ja);
        assert!(v.indicators.is_empty());
        assert_eq!(v.compare_url, "/ja/compare/?regions=tsugaru-area");
    }

    #[test]
    fn kagoshima_lists_its_areas_and_their_records() {
        let v = region_view("kagoshima-pref", Lang::Ja);
        assert_eq!(v.facts.municipalities.as_deref(), Some("43"));
        let children: Vec<&str> = v.children.iter().map(|c| c.id.as_str()).collect();
        assert!(children.contains(&"aira-isa-area"), "{children:?}");
        let below: Vec<&str> = v.child_records.iter().map(|r| r.link.id.as_str()).collect();
        assert!(below.contains(&"aira-isa-area-outcome"), "{below:?}");
    }

    #[test]
    fn figures_are_grouped_and_dated_in_the_page_language() {
        let v = region_view("tsugaru-area", Lang::Ja);
        let p = v.facts.population.expect("a population");
        assert_eq!(p.value, "291,178");
        assert_eq!(p.as_of.as_deref(), Some("(時点: 平成30年3月)"));
        assert_eq!(v.facts.offices.as_deref(), Some("一般 12 特定 16"));
        let en = region_view("tsugaru-area", Lang::En);
        assert_eq!(
            en.facts.population.and_then(|p| p.as_of).as_deref(),
            Some("(as of: March 2018)")
        );
        assert_eq!(en.parent.map(|p| p.id).as_deref(), Some("aomori-pref"));
    }

    #[test]
    fn a_rounded_population_says_so() {
        let v = region_view("anon-a-pref-h-city", Lang::En);
        let p = v.facts.population.expect("a population");
        assert_eq!(p.value, "about 400,000");
        assert!(v.anonymised && v.description.is_some());
    }

    #[test]
    fn a_figure_of_zero_is_a_fact_and_is_printed() {
        let mut r = match &record("tsugaru-area").body {
            Body::Region(r) => (**r).clone(),
            _ => panic!("a region"),
        };
        r.hospitals = Some(0);
        r.clinics = None;
        r.consultation_offices = Some(crate::model::region::Offices {
            general: Some(0),
            specific: Some(2),
        });
        let f = facts(strings().ui(Lang::Ja), &r);
        assert_eq!(f.hospitals.as_deref(), Some("0"));
        assert_eq!(
            f.clinics, None,
            "a figure the record does not state is not printed"
        );
        assert_eq!(f.offices.as_deref(), Some("一般 0 特定 2"));
    }
}
