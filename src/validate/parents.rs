//! Region parents lead up to a prefecture and stop: a chain of `parent`s that comes back to
//! where it started (`a` ↔ `b`, `a` → `b` → `c` → `a`, or a region its own parent) is a
//! `parent-cycle` error, reported once per cycle, at the `parent` of the cycle's first region
//! by id, naming the whole cycle. Pages, breadcrumbs and the regions-within lists walk these
//! chains; a cycle would have no top.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Record;
use crate::model::id::RegionId;
use crate::model::Body;

/// Every cycle of region parents among the loaded records.
pub(super) fn cycles(records: &[Record], diags: &mut Diagnostics) {
    let parents: BTreeMap<&str, (&RegionId, &str)> = records
        .iter()
        .filter_map(|rec| match &rec.body {
            Body::Region(r) => r
                .parent
                .as_ref()
                .map(|p| (rec.id.as_str(), (p, rec.file.as_str()))),
            _ => None,
        })
        .collect();
    // Regions whose chain is known to end, or to have been reported: each is walked once.
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &start in parents.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashMap<&str, usize> = HashMap::new();
        let mut at = start;
        while !done.contains(at) {
            if let Some(&i) = on_path.get(at) {
                diags.push(cycle(&path[i..], &parents));
                break;
            }
            on_path.insert(at, path.len());
            path.push(at);
            match parents.get(at) {
                Some((parent, _)) => at = parent.as_str(),
                None => break,
            }
        }
        done.extend(path);
    }
}

/// The diagnostic of one cycle (its regions in parent order), at the `parent` of its first
/// region by id.
fn cycle(members: &[&str], parents: &BTreeMap<&str, (&RegionId, &str)>) -> Diagnostic {
    let first = members
        .iter()
        .enumerate()
        .min_by_key(|(_, id)| **id)
        .map_or(0, |(i, _)| i);
    let order: Vec<&str> = members[first..]
        .iter()
        .chain(&members[..first])
        .copied()
        .collect();
    let (parent, file) = parents[order[0]];
    let message = if let [only] = order.as_slice() {
        format!("region `{only}` is its own parent")
    } else {
        let chain: Vec<String> = order
            .iter()
            .chain(std::iter::once(&order[0]))
            .map(|id| format!("`{id}`"))
            .collect();
        format!("region parents form a cycle: {}", chain.join(" → "))
    };
    Diagnostic::new(Code::ParentCycle, file, parent.span(), message).with_help(
        "a parent is the larger region a region lies in: remove or correct one `parent` of the cycle, so the chain ends at a prefecture",
    )
}
