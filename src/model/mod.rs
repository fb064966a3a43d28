//! Typed records, no I/O.
//!
//! One record per file, `content/<kind>/<id>.yaml`; the id is the file stem. Language-neutral
//! facts (numbers, dates, ids) are written once; human text is [`Text`] or [`Prose`], one
//! value per language. Vocabularies (`content/vocabularies/*.yaml`) are lists that records
//! refer to by id.

pub mod analysis;
pub mod case;
pub mod date;
pub mod id;
pub mod indicator;
pub mod lang;
pub mod number;
pub mod outcome;
pub mod page;
pub mod practice;
pub mod region;
pub mod sheet;
pub mod spanned;
pub mod text;
pub mod vocab;

use serde::Serialize;

pub use analysis::Analysis;
pub use case::Case;
pub use date::{Dated, When};
pub use id::Id;
pub use lang::Lang;
pub use outcome::Outcome;
pub use page::Page;
pub use practice::Practice;
pub use region::Region;
pub use sheet::StatusSheet;
pub use spanned::Spanned;
pub use text::{Item, Prose, Text};
pub use vocab::{TermList, Vocabulary};

/// The kinds of record, each a directory under `content/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Regions,
    StatusSheets,
    Outcomes,
    Cases,
    Practices,
    Analyses,
    Pages,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Regions,
        Kind::StatusSheets,
        Kind::Outcomes,
        Kind::Cases,
        Kind::Practices,
        Kind::Analyses,
        Kind::Pages,
    ];

    /// The directory under `content/` and the URL segment under `/{lang}/`.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Regions => "regions",
            Kind::StatusSheets => "status-sheets",
            Kind::Outcomes => "outcomes",
            Kind::Cases => "cases",
            Kind::Practices => "practices",
            Kind::Analyses => "analyses",
            Kind::Pages => "pages",
        }
    }

    pub fn from_dir(dir: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == dir)
    }
}

/// A record's typed body.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Body {
    Region(Box<Region>),
    StatusSheet(Box<StatusSheet>),
    Outcome(Box<Outcome>),
    Case(Box<Case>),
    Practice(Box<Practice>),
    Analysis(Box<Analysis>),
    Page(Box<Page>),
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Region(_) => Kind::Regions,
            Body::StatusSheet(_) => Kind::StatusSheets,
            Body::Outcome(_) => Kind::Outcomes,
            Body::Case(_) => Kind::Cases,
            Body::Practice(_) => Kind::Practices,
            Body::Analysis(_) => Kind::Analyses,
            Body::Page(_) => Kind::Pages,
        }
    }

    /// The region a record is about; a region is about itself.
    pub fn region(&self) -> Option<&str> {
        match self {
            Body::Region(_) | Body::Page(_) => None,
            Body::StatusSheet(s) => Some(&s.region),
            Body::Outcome(o) => Some(&o.region),
            Body::Case(c) => Some(&c.region),
            Body::Practice(p) => Some(&p.region),
            Body::Analysis(a) => Some(&a.region),
        }
    }

    /// The record's title.
    pub fn title(&self) -> &Text {
        match self {
            Body::Region(r) => &r.name,
            Body::StatusSheet(s) => &s.title,
            Body::Outcome(o) => &o.title,
            Body::Case(c) => &c.title,
            Body::Practice(p) => &p.title,
            Body::Analysis(a) => &a.title,
            Body::Page(p) => &p.title,
        }
    }

    /// Every region id the record refers to (its region, areas of counts and events, model
    /// areas, places named by outcome entries and policies), in order of appearance, without
    /// repeats.
    pub fn referenced_regions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        match self {
            Body::Region(r) => ids.extend(r.parent.as_deref()),
            Body::StatusSheet(s) => {
                ids.push(&s.region);
                for g in &s.history.groups {
                    for e in &g.events {
                        ids.extend(e.areas.iter().map(|id| id.as_str()));
                    }
                    for c in &g.counts {
                        ids.extend(c.areas.iter().map(|id| id.as_str()));
                    }
                }
            }
            Body::Outcome(o) => {
                ids.push(&o.region);
                ids.extend(o.areas.iter().map(|a| a.region.as_str()));
                ids.extend(o.discharge.iter().filter_map(|d| d.region.as_deref()));
                for e in o.entries() {
                    ids.extend(e.places.iter().map(|id| id.as_str()));
                }
                ids.extend(o.next_policy_places.iter().map(|id| id.as_str()));
            }
            Body::Case(c) => ids.push(&c.region),
            Body::Practice(p) => ids.push(&p.region),
            Body::Analysis(a) => ids.push(&a.region),
            Body::Page(_) => {}
        }
        let mut seen = std::collections::BTreeSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
    }

    /// Vocabulary ids the record is tagged with: `(vocabulary, id)`.
    pub fn tags(&self) -> Vec<(TermList, &str)> {
        use TermList::{Categories, Themes};
        let mut tags = Vec::new();
        match self {
            Body::Case(c) => {
                tags.push((Categories, c.category.as_str()));
                tags.extend(c.themes.iter().map(|t| (Themes, t.as_str())));
            }
            Body::Practice(p) => tags.extend(p.themes.iter().map(|t| (Themes, t.as_str()))),
            Body::Analysis(a) => tags.push((Themes, a.theme.as_str())),
            Body::StatusSheet(s) => {
                for issue in &s.strengths.issues {
                    tags.extend(issue.themes.iter().map(|t| (Themes, t.as_str())));
                }
            }
            _ => {}
        }
        let mut seen = std::collections::BTreeSet::new();
        tags.retain(|t| seen.insert(*t));
        tags
    }
}
