//! Long aggregate pages in parts (issue #15 item 8): a kind's index, an indicator's page and
//! the comparison pages list one entry per record, comparison, analysis, issue or programme,
//! so at national scale they grow with the country (at 2,000 regions `/ja/compare/` was
//! 9.1 MB). Like a paginated list, a page with more than [`SPLIT_ABOVE`] entries is split: its
//! own page becomes the national summary (each part with its number of entries), and each
//! prefecture's entries, those of its regions included, have a page of their own
//! (`compare/prefectures/kumamoto-pref/`), as do the entries of regions in no prefecture
//! (`compare/no-prefecture/`). A shorter page is one page, as before.
//!
//! A part is as long as its prefecture's share of the entries; the largest prefecture of the
//! generated corpus (Tokyo, 197 of 2,000 regions) keeps every part under 1 MiB there
//! (`benches/scale.sh`); `tests/it/scale.rs` asserts it per region.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::Ui;
use crate::compare::format::status_key;
use crate::compare::{Computed, ObsKind, Status};
use crate::model::{number, Body, Lang, Text};
use crate::site::{Part, Route, Site, Whole};

/// A page with more entries than this is split into parts.
pub const SPLIT_ABOVE: usize = 200;

/// Which of a page's entries a view lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Every entry: the page is not split.
    All,
    /// None: the page is split, and this is its national summary.
    Summary,
    /// Those of one part.
    Part(Part<'a>),
}

impl Scope<'_> {
    /// Whether an entry about `region` (`""` for none) is listed.
    pub fn lists(self, site: &Site, region: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Summary => false,
            Scope::Part(part) => site.part_of(region) == part,
        }
    }
}

/// A split page's parts, in the official order of their prefectures (no prefecture last),
/// each with its number of entries; `None` when the page is short enough to be one.
pub fn split<'a>(
    site: &Site<'a>,
    computed: &Computed,
    whole: Whole,
) -> Option<Vec<(Part<'a>, usize)>> {
    split_above(site, computed, whole, SPLIT_ABOVE)
}

fn split_above<'a>(
    site: &Site<'a>,
    computed: &Computed,
    whole: Whole,
    limit: usize,
) -> Option<Vec<(Part<'a>, usize)>> {
    let regions = entry_regions(site, computed, whole);
    if regions.len() <= limit {
        return None;
    }
    let mut parts: BTreeMap<_, (Part<'a>, usize)> = BTreeMap::new();
    for region in regions {
        let part = site.part_of(region);
        let place = match part {
            Part::Prefecture(id) => site.region_order(id, Lang::Ja),
            Part::NoPrefecture => site.region_order("", Lang::Ja),
        };
        parts.entry(place).or_insert((part, 0)).1 += 1;
    }
    Some(parts.into_values().collect())
}

/// The region of each entry the whole page lists (`""` for an entry about none), as its view
/// lists them: a view filters its entries by [`Scope::lists`] with the same regions.
fn entry_regions<'c>(site: &Site<'c>, computed: &'c Computed, whole: Whole) -> Vec<&'c str> {
    let records = site.corpus.records.iter();
    match whole {
        Whole::KindIndex(kind) => records
            .filter(|r| r.kind == kind)
            .map(|r| match &r.body {
                Body::Region(_) => r.id.as_str(),
                b => b.region().unwrap_or_default(),
            })
            .collect(),
        Whole::Indicator(id) => indicator_regions(computed, id),
        Whole::Compare => computed
            .comparisons
            .iter()
            .map(|c| c.region.as_str())
            .collect(),
        Whole::ComparePoints(theme) => records
            .filter_map(|r| match &r.body {
                Body::Analysis(a) if theme.is_none_or(|t| t == a.theme) => Some(a.region.as_str()),
                _ => None,
            })
            .collect(),
        Whole::CompareIssues => issue_regions(site),
        Whole::CompareCategories => {
            let cats = site.terms(crate::model::TermList::Categories);
            records
                .filter_map(|r| match &r.body {
                    Body::Case(c) if cats.iter().any(|t| t.id == c.category) => {
                        Some(c.region.as_str())
                    }
                    _ => None,
                })
                .collect()
        }
        // The translation status lists each record with a text lacking English.
        Whole::Translation => crate::validate::translation::report(site.corpus)
            .records
            .into_iter()
            .filter(|r| !r.untranslated.is_empty())
            .map(|r| {
                r.region
                    .and_then(|id| site.regions.get_key_value(id.as_str()))
                    .map_or("", |(k, _)| *k)
            })
            .collect(),
        Whole::CompareTimeline => computed
            .timeline
            .rows
            .iter()
            .map(|r| r.region.as_str())
            .chain(computed.timeline.unplaced.iter().map(|u| u.region.as_str()))
            .collect(),
    }
}

/// An indicator's page lists its comparisons and its yearly counts.
fn indicator_regions<'c>(computed: &'c Computed, id: &str) -> Vec<&'c str> {
    let comparisons = computed.comparisons.iter().filter(|c| c.indicator == id);
    let counts = computed
        .observations
        .iter()
        .filter(|o| o.indicator == id && o.kind == ObsKind::Count);
    comparisons
        .map(|c| c.region.as_str())
        .chain(counts.map(|o| o.region.as_str()))
        .collect()
}

/// The issues page lists an issue under each of its themes, or once under none.
fn issue_regions<'c>(site: &Site<'c>) -> Vec<&'c str> {
    site.corpus
        .records
        .iter()
        .filter_map(|r| match &r.body {
            Body::StatusSheet(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| {
            let listed: usize = s
                .strengths
                .issues
                .iter()
                .map(|i| i.themes.len().max(1))
                .sum();
            std::iter::repeat_n(s.region.as_str(), listed)
        })
        .collect()
}

/// What a split page prints about its parts: on the national summary, a table of the parts;
/// on a part, the way to the others.
#[derive(Serialize)]
pub struct PartsView {
    /// The whole page (the national summary) and whether this page is it.
    pub whole_url: String,
    pub whole_current: bool,
    /// "There are 9,456 entries, so they are split…".
    pub intro: String,
    pub parts: Vec<PartLink>,
    /// The entries of every part.
    pub total: usize,
    /// On the summary of comparisons (the comparison page, an indicator's page): the verdicts'
    /// columns, and the whole country's number of each.
    pub verdicts: Vec<VerdictHead>,
    pub verdict_totals: Vec<usize>,
}

/// A column of verdicts: its badge's class and label.
#[derive(Serialize)]
pub struct VerdictHead {
    pub status: &'static str,
    pub label: String,
}

/// A part, as the summary lists it.
#[derive(Serialize)]
pub struct PartLink {
    pub name: Text,
    pub url: String,
    /// Its number of entries.
    pub count: usize,
    /// Its comparisons of each verdict, in the summary's columns (empty on other pages).
    pub verdicts: Vec<usize>,
    /// This page is this part.
    pub current: bool,
}

/// The parts of `whole`, seen from its summary (`current` none) or from a part.
pub fn view(
    site: &Site,
    (computed, ui): (&Computed, Ui),
    whole: Whole,
    parts: &[(Part, usize)],
    current: Option<Part>,
) -> PartsView {
    let lang = ui.lang;
    let verdicts = match current {
        None => verdict_counts(site, computed, whole),
        Some(_) => None,
    };
    let mut links: Vec<(crate::site::RegionOrder, PartLink)> = parts
        .iter()
        .map(|&(part, count)| {
            let (name, place) = match part {
                Part::Prefecture(id) => {
                    (site.region_ref(id, lang).name, site.region_order(id, lang))
                }
                Part::NoPrefecture => {
                    let [ja, en] = Lang::ALL.map(|l| site.strings().ui(l).get("other_regions"));
                    (Text::new(ja, en), site.region_order("", lang))
                }
            };
            let link = PartLink {
                name,
                url: site.routes.url(lang, Route::Part(whole, part)),
                count,
                verdicts: verdicts
                    .as_ref()
                    .map(|v| v.get(&part).copied().unwrap_or_default().to_vec())
                    .unwrap_or_default(),
                current: current == Some(part),
            };
            (place, link)
        })
        .collect();
    links.sort_by(|a, b| a.0.cmp(&b.0));
    let total = parts.iter().map(|(_, n)| n).sum();
    let verdict_totals = match &verdicts {
        Some(v) => (0..STATUSES.len())
            .map(|i| v.values().map(|n| n[i]).sum())
            .collect(),
        None => Vec::new(),
    };
    PartsView {
        whole_url: site.routes.url(lang, whole.route()),
        whole_current: current.is_none(),
        intro: ui.fill("parts_intro", &number::grouped(total as f64)),
        parts: links.into_iter().map(|(_, l)| l).collect(),
        total,
        verdicts: match verdicts {
            Some(_) => STATUSES
                .iter()
                .map(|s| VerdictHead {
                    status: s.as_str(),
                    label: ui.get(status_key(*s)).to_owned(),
                })
                .collect(),
            None => Vec::new(),
        },
        verdict_totals,
    }
}

/// The verdicts in the order of the summary's columns.
const STATUSES: [Status; 5] = [
    Status::Met,
    Status::NotMet,
    Status::OnTrack,
    Status::NotYetMet,
    Status::NotComparable,
];

/// Each part's comparisons of each verdict ([`STATUSES`]), on the pages of comparisons;
/// `None` on the others.
fn verdict_counts<'a>(
    site: &Site<'a>,
    computed: &Computed,
    whole: Whole,
) -> Option<HashMap<Part<'a>, [usize; STATUSES.len()]>> {
    let indicator = match whole {
        Whole::Compare => None,
        Whole::Indicator(id) => Some(id),
        _ => return None,
    };
    let mut counts: HashMap<Part<'a>, [usize; STATUSES.len()]> = HashMap::new();
    for c in &computed.comparisons {
        if indicator.is_some_and(|id| c.indicator != id) {
            continue;
        }
        let Some(v) = &c.verdict else { continue };
        if let Some(i) = STATUSES.iter().position(|s| *s == v.status) {
            counts.entry(site.part_of(&c.region)).or_default()[i] += 1;
        }
    }
    Some(counts)
}

/// The name of a part in `lang`, for a part page's title.
pub fn part_name(site: &Site, ui: Ui, part: Part) -> String {
    match part {
        Part::Prefecture(id) => site
            .region_ref(id, ui.lang)
            .name
            .get(ui.lang)
            .text
            .to_owned(),
        Part::NoPrefecture => ui.get("other_regions").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::render::view::compare::tests::computed;
    use crate::render::view::compare::{
        categories, indicators, issues, overview, points, timeline,
    };
    use crate::render::view::index;
    use crate::testutil::{corpus, theme_strings};

    /// How many entries `whole`'s view lists in `scope`, counted as its template prints them.
    fn listed(site: &Site, whole: Whole, scope: Scope) -> usize {
        let ui = theme_strings().ui(Lang::En);
        let c = computed();
        match whole {
            Whole::KindIndex(k) => index::view(site, ui, k, scope)
                .groups
                .iter()
                .map(|g| g.records.len())
                .sum(),
            Whole::Indicator(id) => {
                let def = site
                    .corpus
                    .vocab
                    .indicators
                    .entries
                    .iter()
                    .find(|d| d.id == id);
                let v = indicators::page(site, c, def.unwrap(), ui, ("t", scope));
                v.rows.len() + v.counts.len()
            }
            Whole::Compare => overview::view(site, c, ui, scope).rows.len(),
            Whole::ComparePoints(_) => points::view(site, None, ui, scope).columns.len(),
            Whole::CompareIssues => issues::view(site, ui, scope)
                .themes
                .iter()
                .map(|t| t.issues.len())
                .sum(),
            Whole::CompareCategories => categories::view(site, ui, scope)
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .map(Vec::len)
                .sum(),
            Whole::CompareTimeline => {
                let v = timeline::view(site, c, ui, ("t", scope));
                v.rows.len() + v.unplaced.len()
            }
            Whole::Translation => {
                let report = crate::validate::translation::report(site.corpus);
                crate::render::view::translation::view(site, ui, &report, scope)
                    .records
                    .len()
            }
        }
    }

    const WHOLES: [Whole; 7] = [
        Whole::KindIndex(Kind::Cases),
        Whole::Indicator("discharge-support-given"),
        Whole::Compare,
        Whole::ComparePoints(None),
        Whole::CompareIssues,
        Whole::CompareCategories,
        Whole::CompareTimeline,
    ];

    #[test]
    fn the_handbooks_pages_are_short_enough_to_be_one() {
        let site = Site::new(corpus());
        for whole in WHOLES {
            assert!(split(&site, computed(), whole).is_none(), "{whole:?}");
            assert!(listed(&site, whole, Scope::All) > 0, "{whole:?}");
        }
    }

    /// Split at two entries, every page's parts together list each entry once, as many as
    /// the summary says, and the summary none: the entries counted for the parts are the
    /// entries the views list.
    #[test]
    fn parts_list_every_entry_once_as_counted() {
        let site = Site::new(corpus());
        for whole in WHOLES {
            let all = listed(&site, whole, Scope::All);
            let parts = split_above(&site, computed(), whole, 2).expect("split");
            assert_eq!(
                parts.iter().map(|(_, n)| n).sum::<usize>(),
                all,
                "{whole:?}"
            );
            for (part, count) in &parts {
                assert_eq!(
                    listed(&site, whole, Scope::Part(*part)),
                    *count,
                    "{whole:?} {part:?}"
                );
            }
            assert_eq!(listed(&site, whole, Scope::Summary), 0, "{whole:?}");
        }
        // The handbook's regions in parts: prefectures in the official order (JIS code), then
        // anonymised prefectures (no code), then places in no prefecture.
        let parts = split_above(&site, computed(), Whole::KindIndex(Kind::Regions), 2).unwrap();
        let order: Vec<Part> = parts.iter().map(|(p, _)| *p).collect();
        let at = |p: Part| order.iter().position(|o| *o == p).unwrap();
        assert!(at(Part::Prefecture("hokkaido-pref")) < at(Part::Prefecture("chiba-pref")));
        assert!(at(Part::Prefecture("chiba-pref")) < at(Part::Prefecture("kumamoto-pref")));
        assert!(at(Part::Prefecture("kumamoto-pref")) < at(Part::Prefecture("anon-a-pref")));
        assert_eq!(order.last(), Some(&Part::NoPrefecture));
    }

    #[test]
    fn the_summary_links_each_part_and_a_part_marks_itself() {
        let site = Site::new(corpus());
        let ui = theme_strings().ui(Lang::En);
        let whole = Whole::Compare;
        let parts = split_above(&site, computed(), whole, 2).unwrap();
        let summary = view(&site, (computed(), ui), whole, &parts, None);
        assert!(summary.whole_current);
        assert!(summary.parts.iter().all(|p| !p.current));
        let kumamoto = summary
            .parts
            .iter()
            .find(|p| p.url == "/en/compare/prefectures/kumamoto-pref/")
            .expect("Kumamoto's part");
        assert_eq!(kumamoto.name.en.as_deref(), Some("Kumamoto Prefecture"));
        let total: usize = parts.iter().map(|(_, n)| n).sum();
        assert!(
            summary
                .intro
                .starts_with(&format!("There are {total} entries")),
            "{}",
            summary.intro
        );
        let part = view(
            &site,
            (computed(), ui),
            whole,
            &parts,
            Some(Part::Prefecture("kumamoto-pref")),
        );
        assert!(!part.whole_current);
        assert_eq!(part.whole_url, "/en/compare/");
        let current: Vec<&str> = part
            .parts
            .iter()
            .filter(|p| p.current)
            .map(|p| p.url.as_str())
            .collect();
        assert_eq!(current, ["/en/compare/prefectures/kumamoto-pref/"]);
        assert_eq!(
            part_name(&site, ui, Part::NoPrefecture),
            "Other and anonymised"
        );
    }
}
