//! References: every id a record names exists, or the finding says which one was meant.
//!
//! What an id names comes from its type ([`Id<K>`]): [`Target`] gives, per kind, the ids it
//! may name and where they are defined. Chart levels and nodes are looked up in the chart
//! that names them.

use std::collections::{BTreeMap, BTreeSet};

use super::Checker;
use crate::diag::{suggest, Code};
use crate::load::{Corpus, Record, VocabFile};
use crate::model::id::{of, Id};
use crate::model::indicator::Count;
use crate::model::practice::Chart;
use crate::model::vocab::{IndicatorDef, Term};
use crate::model::{Body, Kind, Outcome, StatusSheet};

/// The ids references may name.
pub(super) struct Known<'a> {
    regions: BTreeSet<&'a str>,
    categories: BTreeSet<&'a str>,
    themes: BTreeSet<&'a str>,
    region_kinds: BTreeSet<&'a str>,
    actors: BTreeSet<&'a str>,
    indicators: BTreeSet<&'a str>,
    /// The indicators' definitions, for checking values against their unit.
    pub definitions: BTreeMap<&'a str, &'a IndicatorDef>,
}

impl<'a> Known<'a> {
    /// Regions are the region records, loaded or not (a record that failed to load has its
    /// own errors; references to it are not reported again).
    pub fn new(corpus: &'a Corpus) -> Known<'a> {
        let v = &corpus.vocab;
        let loaded = corpus
            .records
            .iter()
            .filter(|r| r.kind == Kind::Regions)
            .map(|r| r.id.as_str());
        let unloaded = corpus
            .unloaded
            .iter()
            .filter(|(k, _)| *k == Kind::Regions)
            .map(|(_, id)| id.as_str());
        Known {
            regions: loaded.chain(unloaded).collect(),
            categories: ids(&v.categories),
            themes: ids(&v.themes),
            region_kinds: ids(&v.region_kinds),
            actors: ids(&v.actors),
            indicators: v
                .indicators
                .entries
                .iter()
                .map(|d| d.id.as_str())
                .chain(v.indicators.unloaded.iter().map(String::as_str))
                .collect(),
            definitions: v
                .indicators
                .entries
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
        }
    }
}

/// The ids of a list of terms: those read, and those of entries that could not be (a
/// reference to one is not reported again).
fn ids(terms: &VocabFile<Term>) -> BTreeSet<&str> {
    let read = terms.entries.iter().map(|t| t.id.as_str());
    read.chain(terms.unloaded.iter().map(String::as_str))
        .collect()
}

/// What a kind of id names: its name in messages, where such ids are defined, and the ids
/// that exist.
trait Target {
    const NAME: &'static str;
    const HOME: &'static str;
    fn known<'k, 'a>(known: &'k Known<'a>) -> &'k BTreeSet<&'a str>;
}

macro_rules! targets {
    ($($kind:ident: $name:literal, $home:literal, $field:ident;)*) => {$(
        impl Target for of::$kind {
            const NAME: &'static str = $name;
            const HOME: &'static str = $home;
            fn known<'k, 'a>(known: &'k Known<'a>) -> &'k BTreeSet<&'a str> {
                &known.$field
            }
        }
    )*};
}

targets! {
    Region: "region", "content/regions/<id>.yaml", regions;
    Category: "category", "content/vocabularies/categories.yaml", categories;
    Theme: "theme", "content/vocabularies/themes.yaml", themes;
    RegionKind: "region kind", "content/vocabularies/region-kinds.yaml", region_kinds;
    Actor: "actor", "content/vocabularies/actors.yaml", actors;
    Indicator: "indicator", "content/vocabularies/indicators.yaml", indicators;
}

impl Checker<'_> {
    /// An id that names nothing, with the closest existing id as help.
    fn reference<K: Target>(&mut self, id: &Id<K>) {
        let known = K::known(self.known);
        if known.contains(id.as_str()) {
            return;
        }
        let help = match suggest::closest(id, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("add it to {} or use an existing id", K::HOME),
        };
        let message = format!("{} `{id}` does not exist", K::NAME);
        self.push(Code::UnknownReference, id.span(), message, help);
    }

    fn references<'i, K: Target + 'i>(&mut self, ids: impl IntoIterator<Item = &'i Id<K>>) {
        for id in ids {
            self.reference(id);
        }
    }
}

/// Every reference of a record.
pub(super) fn record(c: &mut Checker, rec: &Record) {
    match &rec.body {
        Body::Region(r) => {
            c.reference(&r.kind);
            // A region that is its own parent is a cycle (`parents`).
            if let Some(parent) = &r.parent {
                c.reference(parent);
            }
        }
        Body::StatusSheet(s) => sheet(c, s),
        Body::Outcome(o) => outcome(c, o),
        Body::Case(case) => {
            c.reference(&case.region);
            c.reference(&case.category);
            c.references(&case.themes);
        }
        Body::Practice(p) => {
            c.reference(&p.region);
            c.references(&p.themes);
            if let Some(chart) = &p.chart {
                chart_refs(c, chart);
            }
        }
        Body::Analysis(a) => {
            c.reference(&a.region);
            c.reference(&a.level);
            c.reference(&a.theme);
        }
        Body::Page(_) => {}
    }
}

fn sheet(c: &mut Checker, s: &StatusSheet) {
    c.reference(&s.region);
    for role in &s.overview.roles {
        c.references(&role.actor);
        c.references(role.shared_with.iter().flat_map(|o| &o.actor));
    }
    for group in &s.history.groups {
        c.references(group.events.iter().flat_map(|e| &e.areas));
        for count in &group.counts {
            count_refs(c, count);
        }
    }
    for row in s.results.indicators.iter().chain(&s.strengths.indicators) {
        c.reference(&row.indicator);
    }
    for issue in &s.strengths.issues {
        c.references(&issue.themes);
        c.references(issue.roles.iter().map(|r| &r.actor));
    }
}

/// A count's indicator, the areas it covers and the indicators its parts are.
fn count_refs(c: &mut Checker, count: &Count) {
    c.reference(&count.indicator);
    c.references(&count.areas);
    c.references(count.of_which.iter().flat_map(|p| &p.indicator));
}

/// The record's region, model areas, the sub-areas of discharge figures, the places entries
/// and the policy name.
fn outcome(c: &mut Checker, o: &Outcome) {
    c.reference(&o.region);
    c.references(o.areas.iter().map(|a| &a.region));
    c.references(o.discharge.iter().flat_map(|d| &d.region));
    c.references(o.entries().flat_map(|e| &e.places));
    c.references(&o.next_policy_places);
}

/// A chart's nodes sit on its levels; its links join its nodes.
fn chart_refs(c: &mut Checker, chart: &Chart) {
    let levels: Vec<&str> = chart.levels.iter().map(|l| l.id.as_str()).collect();
    let nodes: Vec<&str> = chart.nodes.iter().map(|n| n.id.as_str()).collect();
    for n in &chart.nodes {
        if !levels.contains(&n.level.as_str()) {
            let help = suggest::closest(&n.level, levels.iter().copied()).map_or_else(
                || format!("the chart's levels are: {}", levels.join(", ")),
                |b| format!("did you mean `{b}`?"),
            );
            let message = format!("chart level `{}` does not exist", n.level);
            c.push(Code::UnknownReference, n.level.span(), message, help);
        }
    }
    for id in chart.links.iter().flat_map(|l| [&l.from, &l.to]) {
        if !nodes.contains(&id.as_str()) {
            let help = suggest::closest(id, nodes.iter().copied()).map_or_else(
                || "name a node id of this chart".to_owned(),
                |b| format!("did you mean `{b}`?"),
            );
            let message = format!("chart node `{id}` does not exist");
            c.push(Code::UnknownReference, id.span(), message, help);
        }
    }
}
