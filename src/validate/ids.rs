//! Ids: unique across records, unique and well-formed within a vocabulary, unique within a
//! chart.

use std::collections::{BTreeMap, BTreeSet};

use super::Checker;
use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::load::{Record, Vocab};
use crate::model::{Body, Kind};

/// Ids are file stems, unique across every kind. A region keeps its id (it names the
/// place); another record that takes a region's id is the one reported.
pub(super) fn records(records: &[Record], diags: &mut Diagnostics) {
    let mut first: BTreeMap<&str, &Record> = BTreeMap::new();
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| (r.kind != Kind::Regions, r.file.as_str()));
    for rec in sorted {
        let Some(prev) = first.get(rec.id.as_str()) else {
            first.insert(&rec.id, rec);
            continue;
        };
        let help = match rec.kind {
            Kind::Regions => {
                "ids are unique across the whole site: rename one of the files".to_owned()
            }
            kind => format!(
                "region ids name places; name this record after its region and kind: `{}-{}.yaml`",
                rec.id,
                crate::load::kind_word(kind)
            ),
        };
        diags.push(
            Diagnostic::new(
                Code::DuplicateId,
                &rec.file,
                Span::start(),
                format!("the id `{}` is already used by {}", rec.id, prev.file),
            )
            .with_help(help),
        );
    }
}

/// The entries of each vocabulary that records name by id.
pub(super) fn vocabularies(v: &Vocab, diags: &mut Diagnostics) {
    for file in [&v.categories, &v.themes, &v.region_kinds, &v.actors] {
        let ids = file.entries.iter().map(|t| (t.id.as_str(), t.id.span()));
        entries(&file.file, ids, diags);
    }
    let f = &v.indicators;
    let ids = f.entries.iter().map(|d| (d.id.as_str(), d.id.span()));
    entries(&f.file, ids, diags);
}

/// A vocabulary's ids: each once, each ASCII kebab-case and at most `MAX_ID_LEN` long.
fn entries<'a>(file: &str, ids: impl Iterator<Item = (&'a str, Span)>, diags: &mut Diagnostics) {
    let mut seen = BTreeSet::new();
    for (id, span) in ids {
        if !seen.insert(id) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    file,
                    span,
                    format!("the id `{id}` appears twice"),
                )
                .with_help("give each entry its own id"),
            );
        } else if id.chars().count() > crate::load::MAX_ID_LEN {
            diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    file,
                    span,
                    format!(
                        "the id is {} characters long; an id has at most {}",
                        id.chars().count(),
                        crate::load::MAX_ID_LEN
                    ),
                )
                .with_help("shorten it: the id becomes part of a file name and a URL"),
            );
        } else if !crate::load::is_kebab_id(id) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    file,
                    span,
                    format!("`{id}` is not a valid id"),
                )
                .with_help("use ASCII kebab-case, like `long-term-inpatients`"),
            );
        }
    }
}

/// A practice chart's boxes each have their own id.
pub(super) fn chart(c: &mut Checker, body: &Body) {
    let Body::Practice(p) = body else { return };
    let Some(chart) = &p.chart else { return };
    let mut seen = BTreeSet::new();
    for n in &chart.nodes {
        if !seen.insert(n.id.as_str()) {
            c.push(
                Code::DuplicateId,
                n.id.span(),
                format!("the chart node `{}` appears twice", n.id),
                "give each box its own id",
            );
        }
    }
}
