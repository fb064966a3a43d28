//! The search index, written at build time for each language (issue #7).
//!
//! In: the corpus. Out: files under `search/{lang}/` (format `casebook-search/3`):
//! - `meta.json`: the document count, the number of key shards, `max_gram`, the tier base,
//!   the facet labels, and the spelling variants the query tokenizer needs;
//! - `t/{n}.bin`: the keys whose FNV-1a hash falls in shard `n`, each
//!   `[varint len][utf-8 key][0][varint len][postings]` or, for a common key whose postings
//!   are larger than [`INLINE_MAX`], `[…key][1][varint k]`, its postings in `t/{n}-{k}.bin`;
//! - postings: `[varint tiers]([tier byte][set])*[varint points]([point byte][set])*`, the
//!   documents that have the key, grouped by impact tier, then those where it is in Point n
//!   (0–5) and, as set 6, those where it is in the title or a heading;
//! - a set (see [`write_set`]): a gap list, a bitmap or runs, whichever is smallest;
//! - `facets.bin`: for each facet (record type, prefecture, region kind, theme, category),
//!   `[varint values]` and the set of documents of each value;
//! - `d/{doc}.json`: url, title, record type, region id and name of one result;
//! - `x/{doc}.txt`: the start of a document's text, for the excerpt (fetched when the result
//!   scrolls into view).
//!
//! Keys come from [`index_keys`](super::tokenize::index_keys), the twin of the browser's `query_keys`: words, `1:c` for
//! every CJK character, and every 2- to `MAX_GRAM`-character substring of a CJK run. A query
//! of up to `MAX_GRAM` characters is one key, so "its characters stand together" is decided
//! here, exactly, from the text; a longer run must have every `MAX_GRAM`-character window.
//! No positions are shipped: with them, a phrase query at 2,000 regions downloaded the
//! positions of every candidate document (up to 2.9 MB); with n-gram keys the same queries
//! find the same pages for a tenth of the bytes (docs/SEARCH.md).
//!
//! Documents are numbered in facet order ([`doc_order`]), so facet sets are a few runs.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::tokenize::{fold, for_each_index_key, Variants, MAX_GRAM};
use crate::load::Record;
use crate::model::vocab::GlossaryEntry;
use crate::model::{Body, Kind, Lang, Region, TermList, When};
use crate::site::{routes, Route, Site, Ui};
use crate::timing;
use crate::write::OutputFile;

/// A hash map for build-time tables whose order never reaches the output (keys are sorted
/// before anything is written): hashbrown with foldhash, much faster than std's SipHash on
/// millions of short keys, and with `entry_ref` to look a key up before allocating it.
type FastMap<K, V> = hashbrown::HashMap<K, V>;

/// Fields and their BM25 weights: a match in the title, the region name, the keywords (tags,
/// case keywords) or a heading of the record counts more than one in the body. `values` is
/// what the page prints besides the record's texts (figures, dates as shown and canonical,
/// labels: [`Printed`]); `concepts` the glossary's forms of the terms the record uses.
/// Analyses' points are fields of their own, so results can be filtered by Point.
pub const FIELDS: [(&str, f64); 13] = [
    ("title", 5.0),
    ("region", 2.5),
    ("keywords", 2.0),
    ("headings", 2.0),
    ("body", 1.0),
    ("values", 1.0),
    ("concepts", 2.0),
    ("point1", 1.0),
    ("point2", 1.0),
    ("point3", 1.0),
    ("point4", 1.0),
    ("point5", 1.0),
    ("point6", 1.0),
];

/// The field excerpts are cut from.
const BODY_FIELD: usize = 4;
/// The title and the headings: a result that has every key of the query in them comes
/// before one that has them only elsewhere (an exact match in a title or heading first).
const TITLE_FIELD: usize = 0;
const HEADINGS_FIELD: usize = 3;
/// The bit of [`Hit::points`] (and the number of the set in the postings, after the six
/// Points) that marks a key found in the title or a heading.
const TITLED: u8 = 6;
/// The first field that is a Point (point1 … point6 follow it).
const POINT_FIELD: usize = 7;
/// The share of a key's weight in a field where it is only ever part of a longer term
/// (地域移行 in 地域移行支援): a whole term ranks before a part of a longer one.
const PART: f64 = 0.5;
/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// Impacts are rounded to powers of this (see [`tier`]).
const TIER_BASE: f64 = 1.25;
/// Characters of text kept for excerpts.
pub const EXCERPT_CHARS: usize = 800;
/// Target size of a key shard, in bytes.
const SHARD_BYTES: usize = 2048;
/// Postings up to this many bytes stay in the shard; larger ones get a file of their own.
const INLINE_MAX: usize = 256;

/// FNV-1a over the UTF-8 bytes of a term; the browser computes the same.
pub fn fnv1a(term: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in term.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// One searchable page.
struct Doc {
    url: String,
    title: String,
    kind: Kind,
    region: Option<String>,
    region_name: String,
    facets: Facets,
    fields: Vec<String>,
}

#[derive(Default, Clone)]
struct Facets {
    prefecture: Option<usize>,
    region_kind: Option<usize>,
    themes: Vec<usize>,
    categories: Vec<usize>,
}

/// The labels facets are counted under, in the reader's language.
#[derive(Serialize)]
struct FacetLabels {
    kinds: Vec<(String, String)>,
    prefectures: Vec<(String, String)>,
    region_kinds: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    categories: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Meta {
    format: &'static str,
    docs: usize,
    shards: usize,
    max_gram: usize,
    tier_base: f64,
    facets: FacetLabels,
    variants: Vec<Vec<String>>,
}

/// Every text of a JSON value in one language: `en` where it exists, else `ja`.
fn texts(v: &Value, lang: Lang, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.contains_key("ja") => {
            let pick = if lang == Lang::En {
                o.get("en")
                    .and_then(Value::as_str)
                    .filter(|s| !s.trim().is_empty())
            } else {
                None
            };
            if let Some(s) = pick.or_else(|| o.get("ja").and_then(Value::as_str)) {
                out.push(s.to_owned());
            }
            if let Some(sub) = o.get("sub") {
                texts(sub, lang, out);
            }
        }
        Value::Object(o) => o.values().for_each(|v| texts(v, lang, out)),
        Value::Array(a) => a.iter().for_each(|v| texts(v, lang, out)),
        _ => {}
    }
}

/// Markdown punctuation out, whitespace folded: text for excerpts.
fn plain(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if matches!(c, '*' | '#' | '|' | '`' | '_' | '>') {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn index_of(list: &[(String, String)], id: &str) -> Option<usize> {
    list.iter().position(|(i, _)| i == id)
}

fn labels(site: &Site, list: TermList, lang: Lang) -> Vec<(String, String)> {
    site.terms(list)
        .iter()
        .map(|t| (t.id.to_string(), t.name.get(lang).text.to_owned()))
        .collect()
}

fn facet_labels(site: &Site, ui: Ui) -> FacetLabels {
    let lang = ui.lang;
    let prefectures = site
        .regions
        .iter()
        .filter(|(_, r)| r.kind == "prefecture")
        .map(|(id, r)| ((*id).to_owned(), r.name.get(lang).text.to_owned()))
        .collect();
    FacetLabels {
        kinds: Kind::ALL
            .iter()
            .map(|k| (k.dir().to_owned(), ui.kind_name(*k)))
            .collect(),
        prefectures,
        region_kinds: labels(site, TermList::RegionKinds, lang),
        themes: labels(site, TermList::Themes, lang),
        categories: labels(site, TermList::Categories, lang),
    }
}

/// What a document is built from besides the record: the page's printed values, the
/// glossary, and the glossary entries each record uses (in the order of the records, found
/// once for both languages).
struct Sources<'a> {
    printed: &'a Printed<'a>,
    glossary: &'a Glossary,
    used: Vec<Vec<usize>>,
}

fn doc_of(
    site: &Site,
    labels: &FacetLabels,
    (rec, used): (&Record, &[usize]),
    lang: Lang,
    src: &Sources,
) -> Doc {
    let region_id = match &rec.body {
        Body::Region(_) => Some(rec.id.as_str()),
        b => b.region(),
    };
    let region = region_id.and_then(|id| site.regions.get(id).copied());
    let mut body = serde_json::to_value(&rec.body).unwrap_or(Value::Null);
    // A region's prefecture code and reading order lists; its page does not print them, so a
    // search for `43` does not find 熊本県 by its code.
    if let Some(region) = body.as_object_mut().filter(|_| rec.kind == Kind::Regions) {
        region.shift_remove("code");
        region.shift_remove("reading");
    }
    // Taken out of the body first, so that the body field does not repeat them.
    let points = analysis_points(rec, &mut body, lang);
    let title = rec.body.title().get(lang).text.to_owned();
    let mut all = Vec::new();
    texts(&body, lang, &mut all);
    let mut headings = Vec::new();
    heading_texts(&body, lang, &mut headings);
    let tags = rec.body.tags();
    let prefecture = region_id.and_then(|id| site.prefecture_of(id));
    // A town or care area is found by its prefecture's name too: its own text seldom says it.
    let own_prefecture = prefecture.filter(|p| Some(*p) != region_id);
    let keywords = keywords(site, rec, &tags, own_prefecture, lang);
    let region_name = region
        .map(|r| r.name.get(lang).text.to_owned())
        .unwrap_or_default();
    let facets = facets_of(labels, prefecture, region, &tags);
    let mut values = (src.printed)(rec, lang);
    canonical_values(&body, &mut values);
    let concepts = src.glossary.forms(used, lang);
    let mut fields = vec![
        title.clone(),
        region_name.clone(),
        keywords.join("\n"),
        headings.join("\n"),
        plain(&all.join("\n")),
        values.join("\n"),
        concepts.join("\n"),
    ];
    fields.extend(points.iter().map(|p| plain(p)));
    Doc {
        url: site.routes.url(lang, Route::Record(rec.kind, &rec.id)),
        title,
        kind: rec.kind,
        region: region_id.map(str::to_owned),
        region_name,
        facets,
        fields,
    }
}

/// What a record's page prints besides its own texts, per language (`render::printed`,
/// handed in by the build: the search does not format values itself).
pub type Printed<'a> = dyn Fn(&Record, Lang) -> Vec<String> + Sync + 'a;

/// Keys whose texts are headings of a record (a group's heading, a box's name, an item's
/// title): a match there ranks with the keywords, before one in the body.
const HEADING_KEYS: [&str; 3] = ["heading", "name", "title"];

/// The texts under [`HEADING_KEYS`] anywhere in a record's JSON.
fn heading_texts(v: &Value, lang: Lang, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.contains_key("ja") => {}
        Value::Object(o) => {
            for (k, v) in o {
                if HEADING_KEYS.contains(&k.as_str()) {
                    texts(v, lang, out);
                } else {
                    heading_texts(v, lang, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| heading_texts(v, lang, out)),
        _ => {}
    }
}

/// The record's dates in canonical form (`FY2020-end`, `2019-06`) and its numbers as plain
/// numbers, from its JSON: data carries them so, and a reader may type them so.
fn canonical_values(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.contains_key("ja") => {}
        Value::Object(o) => o.values().for_each(|v| canonical_values(v, out)),
        Value::Array(a) => a.iter().for_each(|v| canonical_values(v, out)),
        // As pages print a number without its separators (`5454`, `54.8`), never `5454.0`.
        Value::Number(n) => out.extend(n.as_f64().map(crate::model::number::plain)),
        Value::String(s)
            if s.len() <= 32
                && s.contains(|c: char| c.is_ascii_digit())
                && s.parse::<When>().is_ok_and(|w| w.canonical() == *s) =>
        {
            out.push(s.clone());
        }
        _ => {}
    }
}

/// The glossary as the index uses it: each entry's spellings (Japanese and aliases) folded as
/// the tokenizer folds text, in one automaton, to find the entries a record's Japanese text
/// uses in one pass over it.
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    /// All spellings; pattern `n` is a spelling of entry `entry_of[n]`.
    spellings: aho_corasick::AhoCorasick,
    entry_of: Vec<usize>,
    variants: Variants,
}

impl Glossary {
    pub fn new(entries: &[GlossaryEntry], variants: &Variants) -> anyhow::Result<Self> {
        let mut patterns = Vec::new();
        let mut entry_of = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for s in std::iter::once(&e.ja).chain(&e.aliases) {
                let folded: String = fold(s, variants).into_iter().collect();
                if !folded.is_empty() {
                    patterns.push(folded);
                    entry_of.push(i);
                }
            }
        }
        Ok(Self {
            entries: entries.to_vec(),
            spellings: aho_corasick::AhoCorasick::new(&patterns)?,
            entry_of,
            variants: variants.clone(),
        })
    }

    /// The entries whose Japanese spelling or an alias the record's Japanese text (title,
    /// texts, Points) uses, by their position in the glossary.
    fn uses(&self, rec: &Record) -> Vec<usize> {
        let mut ja = vec![rec.body.title().ja.clone()];
        texts(
            &serde_json::to_value(&rec.body).unwrap_or(Value::Null),
            Lang::Ja,
            &mut ja,
        );
        let text: String = fold(&ja.join("\n"), &self.variants).into_iter().collect();
        let mut used: Vec<usize> = self
            .spellings
            .find_overlapping_iter(&text)
            .map(|m| self.entry_of[m.pattern().as_usize()])
            .collect();
        used.sort_unstable();
        used.dedup();
        used
    }

    /// The glossary's forms of the entries `used`: on Japanese pages the term and its aliases
    /// (so a query for either finds the other), on English pages the English term and the
    /// aliases.
    fn forms(&self, used: &[usize], lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for entry in used.iter().filter_map(|&i| self.entries.get(i)) {
            out.push(if lang == Lang::Ja {
                entry.ja.clone()
            } else {
                entry.en.clone()
            });
            out.extend(entry.aliases.iter().cloned());
        }
        out
    }

    /// [`Self::forms`] of the entries a record uses.
    #[cfg(test)]
    fn concepts(&self, rec: &Record, lang: Lang) -> Vec<String> {
        self.forms(&self.uses(rec), lang)
    }
}

/// The text of an analysis's six Points (empty for other records), taken out of `body`.
fn analysis_points(rec: &Record, body: &mut Value, lang: Lang) -> Vec<String> {
    let mut points = vec![String::new(); 6];
    if let Body::Analysis(_) = &rec.body {
        if let Some(p) = body.get_mut("points").map(Value::take) {
            for (i, slot) in points.iter_mut().enumerate() {
                let mut t = Vec::new();
                texts(&p[format!("point{}", i + 1)], lang, &mut t);
                *slot = t.join("\n");
            }
        }
    }
    points
}

/// The names of a record's tags, a case's keywords, and the name of `prefecture` (the
/// prefecture of the record's region, when that region is not the prefecture itself).
fn keywords(
    site: &Site,
    rec: &Record,
    tags: &[(TermList, &str)],
    prefecture: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let mut keywords: Vec<String> = tags
        .iter()
        .map(|(list, id)| site.term_name(*list, id).get(lang).text.to_owned())
        .collect();
    if let Body::Case(c) = &rec.body {
        keywords.extend(c.keywords.iter().map(|k| k.get(lang).text.to_owned()));
    }
    if let Some(r) = prefecture.and_then(|p| site.regions.get(p)) {
        keywords.push(r.name.get(lang).text.to_owned());
    }
    keywords
}

/// A document's facet values, as positions in the facet labels.
fn facets_of(
    labels: &FacetLabels,
    prefecture: Option<&str>,
    region: Option<&Region>,
    tags: &[(TermList, &str)],
) -> Facets {
    let tagged = |list: TermList, values: &[(String, String)]| {
        tags.iter()
            .filter(|(l, _)| *l == list)
            .filter_map(|(_, id)| index_of(values, id))
            .collect()
    };
    Facets {
        prefecture: prefecture.and_then(|p| index_of(&labels.prefectures, p)),
        region_kind: region.and_then(|r| index_of(&labels.region_kinds, &r.kind)),
        themes: tagged(TermList::Themes, &labels.themes),
        categories: tagged(TermList::Categories, &labels.categories),
    }
}

/// The order of documents in the index: by record type, prefecture, region kind and region,
/// so that a facet value is a few runs of document numbers and its set is small.
fn doc_order(a: &Doc, b: &Doc) -> std::cmp::Ordering {
    let key = |d: &Doc| {
        (
            Kind::ALL.iter().position(|k| *k == d.kind),
            d.facets.prefecture.map_or(usize::MAX, |p| p),
            d.facets.region_kind.map_or(usize::MAX, |r| r),
            d.region.clone(),
        )
    };
    key(a).cmp(&key(b)).then_with(|| a.url.cmp(&b.url))
}

/// The values of facet number `facet` (in the order of `facets.bin`) of a document.
fn facet_values(d: &Doc, facet: usize) -> Vec<usize> {
    match facet {
        0 => Kind::ALL
            .iter()
            .position(|k| *k == d.kind)
            .into_iter()
            .collect(),
        1 => d.facets.prefecture.into_iter().collect(),
        2 => d.facets.region_kind.into_iter().collect(),
        3 => d.facets.themes.clone(),
        _ => d.facets.categories.clone(),
    }
}

/// One key of one document: its impact tier and the Points it occurs in.
#[derive(Clone, Copy)]
struct Hit {
    tier: u8,
    points: u8,
}

/// The impact of a key in a document, `Σ weight(field) · tf(K1+1)/(tf+K1)` over the fields
/// it occurs in, rounded to a tier on a logarithmic scale (`TIER_BASE^tier`), so a posting
/// list is a handful of document sets, one per tier, instead of a number per document.
fn tier(impact: f64) -> u8 {
    (impact.ln() / TIER_BASE.ln() + TIER_OFFSET)
        .round()
        .clamp(0.0, 63.0) as u8
}

/// Tiers start this many steps below an impact of 1, so that impacts under 1 (a part of a
/// longer term, [`PART`], in the body) keep their order. The browser's scores are all
/// `TIER_BASE^TIER_OFFSET` times the impacts, which changes no order.
const TIER_OFFSET: f64 = 16.0;

/// One key of one document while its fields are read in order: the field it was last seen
/// in, its count there, and the impact and Points of the fields before.
struct Acc {
    field: usize,
    tf: u32,
    /// Whether the key is a whole term at least once in the current field.
    whole: bool,
    impact: f64,
    points: u8,
}

impl Acc {
    /// Add the current field's `weight · tf(K1+1)/(tf+K1)` to the impact, times [`PART`]
    /// when the key is only ever part of a longer term there.
    fn close_field(&mut self) {
        if self.tf == 0 {
            return;
        }
        let n = f64::from(self.tf);
        let share = if self.whole { 1.0 } else { PART };
        self.impact += FIELDS[self.field].1 * share * n * (K1 + 1.0) / (n + K1);
        self.whole = false;
        if self.field >= POINT_FIELD {
            self.points |= 1 << (self.field - POINT_FIELD);
        } else if self.field == TITLE_FIELD || self.field == HEADINGS_FIELD {
            self.points |= 1 << TITLED;
        }
        self.tf = 0;
    }
}

/// The keys of one document (see [`index_keys`](super::tokenize::index_keys)) with their
/// tiers, sorted by merge group (see [`merge_group`]).
///
/// One map per document, keyed by the borrowed key: a key's `String` is allocated the first
/// time the document has it, not once per occurrence. Fields are read in order, so a key's
/// impact is summed field by field, in the same order (and to the same bits) as before.
fn doc_keys(doc: &Doc, variants: &Variants) -> Vec<(u8, String, Hit)> {
    let mut keys: FastMap<String, Acc> = FastMap::default();
    for (f, text) in doc.fields.iter().enumerate() {
        for_each_index_key(text, variants, &mut |key, whole| {
            let acc = keys.entry_ref(key).or_insert(Acc {
                field: f,
                tf: 0,
                whole: false,
                impact: 0.0,
                points: 0,
            });
            if acc.field != f {
                acc.close_field();
                acc.field = f;
            }
            acc.tf += 1;
            acc.whole |= whole;
        });
    }
    let mut keys: Vec<(u8, String, Hit)> = keys
        .into_iter()
        .map(|(key, mut acc)| {
            acc.close_field();
            let hit = Hit {
                tier: tier(acc.impact),
                points: acc.points,
            };
            (merge_group(&key), key, hit)
        })
        .collect();
    keys.sort_unstable_by_key(|k| k.0);
    keys
}

/// How many groups the posting lists are merged in, in parallel (a few per thread, so the
/// threads stay busy while some groups are larger than others).
const MERGE_GROUPS: u8 = 64;

/// The merge group of a key. Any fixed function of the key would do: keys are sorted before
/// anything is written.
fn merge_group(key: &str) -> u8 {
    (fnv1a(key) % u32::from(MERGE_GROUPS)) as u8
}

/// Unsigned LEB128, as the browser reads it.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A set of document numbers (sorted, distinct) in the smallest of three forms: a list of
/// gaps (tag 0), a bitmap from its first document (tag 1), or runs of consecutive documents
/// (tag 2). Documents are ordered by facet (see [`doc_order`]), so facet sets are mostly
/// runs and the sets of common keys are bitmaps.
fn write_set(out: &mut Vec<u8>, docs: &[u32]) {
    let mut list = vec![0];
    varint(&mut list, docs.len() as u64);
    let mut prev = 0;
    for (i, d) in docs.iter().enumerate() {
        varint(&mut list, u64::from(if i == 0 { *d } else { d - prev }));
        prev = *d;
    }
    let mut best = list;
    if let (Some(first), Some(last)) = (docs.first(), docs.last()) {
        let mut bits = vec![0u8; ((last - first) / 8 + 1) as usize];
        for d in docs {
            let o = d - first;
            bits[(o / 8) as usize] |= 1 << (o % 8);
        }
        let mut bitmap = vec![1];
        varint(&mut bitmap, u64::from(*first));
        varint(&mut bitmap, bits.len() as u64);
        bitmap.extend(bits);
        if bitmap.len() < best.len() {
            best = bitmap;
        }
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for d in docs {
            match runs.last_mut() {
                Some((start, len)) if *start + *len == *d => *len += 1,
                _ => runs.push((*d, 1)),
            }
        }
        let mut encoded = vec![2];
        varint(&mut encoded, runs.len() as u64);
        let mut end = 0;
        for (start, len) in runs {
            varint(&mut encoded, u64::from(start - end));
            varint(&mut encoded, u64::from(len - 1));
            end = start + len;
        }
        if encoded.len() < best.len() {
            best = encoded;
        }
    }
    out.extend(best);
}

/// The postings of one key: the number of tiers, each `[tier, set]`, then the number of
/// Points it occurs in, each `[point, set]`.
fn payload(hits: &[(u32, Hit)]) -> Vec<u8> {
    let mut tiers: BTreeMap<u8, Vec<u32>> = BTreeMap::new();
    let mut points: BTreeMap<u8, Vec<u32>> = BTreeMap::new();
    for (doc, hit) in hits {
        tiers.entry(hit.tier).or_default().push(*doc);
        for p in 0..=TITLED {
            if hit.points & (1 << p) != 0 {
                points.entry(p).or_default().push(*doc);
            }
        }
    }
    let mut out = Vec::new();
    for sets in [tiers, points] {
        varint(&mut out, sets.len() as u64);
        for (n, docs) in sets {
            out.push(n);
            write_set(&mut out, &docs);
        }
    }
    out
}

/// The index files of both languages. `printed` gives what each record's page prints besides
/// its texts (see [`Printed`]).
pub fn index(site: &Site, printed: &Printed) -> anyhow::Result<Vec<OutputFile>> {
    let corpus = site.corpus;
    let variant_groups: Vec<Vec<String>> = corpus.vocab.variants.entries.clone();
    let variants = Variants::new(&variant_groups);
    let glossary = Glossary::new(&corpus.vocab.glossary.entries, &variants)?;
    let used = timing::phase("search: glossary terms used", || {
        corpus
            .records
            .par_iter()
            .map(|r| glossary.uses(r))
            .collect()
    });
    let sources = Sources {
        printed,
        glossary: &glossary,
        used,
    };
    let mut files = Vec::new();
    for lang in Lang::ALL {
        files.extend(index_lang(
            site,
            site.strings().ui(lang),
            &variants,
            &variant_groups,
            &sources,
        )?);
    }
    Ok(files)
}

fn index_lang(
    site: &Site,
    ui: Ui,
    variants: &Variants,
    groups: &[Vec<String>],
    sources: &Sources,
) -> anyhow::Result<Vec<OutputFile>> {
    let lang = ui.lang;
    let labels = facet_labels(site, ui);
    let docs = documents(site, &labels, lang, sources);
    let per_doc: Vec<Vec<(u8, String, Hit)>> =
        timing::phase(&format!("search {}: keys", lang.code()), || {
            docs.par_iter().map(|d| doc_keys(d, variants)).collect()
        });
    let keys = timing::phase(&format!("search {}: postings", lang.code()), || {
        postings(&per_doc)
    });
    let dir = routes::search_dir(lang);
    let (shards, mut out) = shard_files(keys, &dir);
    out.push(OutputFile::new(
        format!("{dir}/facets.bin"),
        facet_sets(&docs, &labels),
    ));
    out.extend(doc_files(&docs, &dir)?);
    let meta = Meta {
        format: "casebook-search/3",
        docs: docs.len(),
        shards,
        max_gram: MAX_GRAM,
        tier_base: TIER_BASE,
        facets: labels,
        variants: groups.to_vec(),
    };
    out.push(OutputFile::new(
        format!("{dir}/meta.json"),
        serde_json::to_vec(&meta)?,
    ));
    Ok(out)
}

/// Every record as a document, in index order ([`doc_order`]).
fn documents(site: &Site, labels: &FacetLabels, lang: Lang, sources: &Sources) -> Vec<Doc> {
    let mut docs: Vec<Doc> = timing::phase(&format!("search {}: documents", lang.code()), || {
        site.corpus
            .records
            .par_iter()
            .zip(&sources.used)
            .map(|(r, used)| doc_of(site, labels, (r, used), lang, sources))
            .collect()
    });
    docs.sort_by(doc_order);
    docs
}

/// One posting list per key, sorted by key, from the keys of each document (`per_doc`, in
/// document order).
///
/// The lists are merged in parallel: each document's keys are sorted by merge group (a hash
/// of the key), and each group is merged on its own, over every document in order.
fn postings(per_doc: &[Vec<(u8, String, Hit)>]) -> Vec<(&str, Vec<u8>)> {
    let mut keys: Vec<(&str, Vec<u8>)> = (0..MERGE_GROUPS)
        .into_par_iter()
        .flat_map_iter(|group| {
            let mut postings: FastMap<&str, Vec<(u32, Hit)>> = FastMap::default();
            for (n, keys) in per_doc.iter().enumerate() {
                let from = keys.partition_point(|k| k.0 < group);
                let to = keys.partition_point(|k| k.0 <= group);
                for (_, key, hit) in &keys[from..to] {
                    postings.entry(key).or_default().push((n as u32, *hit));
                }
            }
            postings
                .into_iter()
                .map(|(key, hits)| (key, payload(&hits)))
        })
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
    keys
}

/// The key shards `t/{n}.bin` under `dir`, and the files of postings too large to ride in
/// their shard, `t/{n}-{k}.bin`; also the number of shards.
///
/// Small postings ride in the shard of their key; larger ones get a file of their own, which
/// the shard names, so a query downloads one small shard per key and the postings of its own
/// keys only.
fn shard_files(keys: Vec<(&str, Vec<u8>)>, dir: &str) -> (usize, Vec<OutputFile>) {
    let inline: usize = keys
        .iter()
        .map(|(k, p)| k.len() + 4 + p.len().min(INLINE_MAX))
        .sum();
    let shards = (inline / SHARD_BYTES).max(1);
    let mut shard_bytes: Vec<Vec<u8>> = vec![Vec::new(); shards];
    let mut external: Vec<u32> = vec![0; shards];
    let mut out = Vec::new();
    for (key, p) in keys {
        let n = fnv1a(key) as usize % shards;
        let shard = &mut shard_bytes[n];
        varint(shard, key.len() as u64);
        shard.extend(key.as_bytes());
        if p.len() <= INLINE_MAX {
            shard.push(0);
            varint(shard, p.len() as u64);
            shard.extend(p);
        } else {
            shard.push(1);
            varint(shard, u64::from(external[n]));
            out.push(OutputFile::new(
                format!("{dir}/t/{n}-{}.bin", external[n]),
                p,
            ));
            external[n] += 1;
        }
    }
    for (n, bytes) in shard_bytes.into_iter().enumerate() {
        out.push(OutputFile::new(format!("{dir}/t/{n}.bin"), bytes));
    }
    (shards, out)
}

/// `facets.bin`: every value of every facet, in the order of the labels in meta.json.
fn facet_sets(docs: &[Doc], labels: &FacetLabels) -> Vec<u8> {
    let mut facets = Vec::new();
    let counts = [
        labels.kinds.len(),
        labels.prefectures.len(),
        labels.region_kinds.len(),
        labels.themes.len(),
        labels.categories.len(),
    ];
    for (facet, count) in counts.into_iter().enumerate() {
        let mut sets = vec![Vec::new(); count];
        for (n, d) in docs.iter().enumerate() {
            for v in facet_values(d, facet) {
                sets[v].push(n as u32);
            }
        }
        varint(&mut facets, sets.len() as u64);
        for set in &mut sets {
            set.dedup();
            write_set(&mut facets, set);
        }
    }
    facets
}

/// Each document's result row `d/{n}.json` and excerpt text `x/{n}.txt`.
fn doc_files(docs: &[Doc], dir: &str) -> anyhow::Result<Vec<OutputFile>> {
    let mut out = Vec::new();
    for (n, d) in docs.iter().enumerate() {
        let row = serde_json::json!([d.url, d.title, d.kind, d.region, d.region_name]);
        out.push(OutputFile::new(
            format!("{dir}/d/{n}.json"),
            serde_json::to_vec(&row)?,
        ));
        let text: String = d.fields[BODY_FIELD].chars().take(EXCERPT_CHARS).collect();
        out.push(OutputFile::new(format!("{dir}/x/{n}.txt"), text));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{fnv1a, payload, tier, write_set, Hit, TIER_BASE};

    /// Reads what [`write_set`] wrote, as search.js does; returns the set and the bytes read.
    fn read_set(b: &[u8]) -> (Vec<u32>, usize) {
        let mut at = 1;
        let varint = |at: &mut usize| {
            let (mut n, mut shift) = (0u32, 0);
            loop {
                let x = b[*at];
                *at += 1;
                n |= u32::from(x & 0x7f) << shift;
                shift += 7;
                if x < 0x80 {
                    return n;
                }
            }
        };
        let mut out = Vec::new();
        match b[0] {
            0 => {
                let n = varint(&mut at);
                for i in 0..n {
                    let d = varint(&mut at);
                    out.push(if i == 0 { d } else { out[out.len() - 1] + d });
                }
            }
            1 => {
                let first = varint(&mut at);
                let len = varint(&mut at) as usize;
                for (j, byte) in b[at..at + len].iter().enumerate() {
                    for k in 0..8 {
                        if byte & (1 << k) != 0 {
                            out.push(first + 8 * j as u32 + k);
                        }
                    }
                }
                at += len;
            }
            _ => {
                let mut end = 0;
                for _ in 0..varint(&mut at) {
                    let start = end + varint(&mut at);
                    end = start + varint(&mut at) + 1;
                    out.extend(start..end);
                }
            }
        }
        (out, at)
    }

    #[test]
    fn every_set_form_reads_back() {
        let dense: Vec<u32> = (1000..3000).filter(|d| d % 3 != 0).collect();
        let sparse = vec![5, 900, 70_000, 1_000_000];
        let runs: Vec<u32> = (0..500).chain(4000..4800).collect();
        for (set, tag) in [
            (dense, 1),
            (sparse, 0),
            (runs, 2),
            (vec![], 0),
            (vec![7], 0),
        ] {
            let mut bytes = Vec::new();
            write_set(&mut bytes, &set);
            assert_eq!(bytes[0], tag, "form of {:?}…", &set[..set.len().min(3)]);
            assert_eq!(read_set(&bytes), (set, bytes.len()));
        }
    }

    #[test]
    fn postings_group_documents_by_tier_and_point() {
        let hit = |tier, points| Hit { tier, points };
        let bytes = payload(&[(1, hit(0, 0)), (4, hit(5, 0b100)), (9, hit(0, 0b100))]);
        // Two tiers (0: 1 and 9; 5: 4), then one Point (3: 4 and 9).
        assert_eq!(bytes[0], 2);
        assert_eq!(bytes[1], 0);
        let (docs, used) = read_set(&bytes[2..]);
        assert_eq!(docs, [1, 9]);
        let rest = &bytes[2 + used..];
        assert_eq!((rest[0], read_set(&rest[1..]).0), (5, vec![4]));
    }

    #[test]
    fn tiers_order_impacts() {
        assert_eq!(tier(1.0), 16);
        assert!(tier(3.0) > tier(1.375));
        assert!(tier(0.5) > tier(0.25) && tier(0.25) > 0);
        assert!((TIER_BASE.powi(i32::from(tier(3.0)) - 16) - 3.0).abs() < 0.4);
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }
}

/// Issue #17: what a page shows is indexed, concepts through the glossary, whole terms and
/// titles first.
#[cfg(test)]
mod ranking_tests {
    use super::*;
    use crate::testutil::corpus;

    fn variants() -> Variants {
        Variants::new(&corpus().vocab.variants.entries)
    }

    fn record(id: &str) -> &'static Record {
        corpus()
            .records
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no record `{id}`"))
    }

    fn doc(fields: &[(usize, &str)]) -> Doc {
        let mut all = vec![String::new(); FIELDS.len()];
        for (f, text) in fields {
            all[*f] = (*text).to_owned();
        }
        Doc {
            url: String::new(),
            title: String::new(),
            kind: Kind::Cases,
            region: None,
            region_name: String::new(),
            facets: Facets::default(),
            fields: all,
        }
    }

    fn hit(doc: &Doc, key: &str) -> Hit {
        doc_keys(doc, &variants())
            .into_iter()
            .find(|(_, k, _)| k == key)
            .map(|(_, _, h)| h)
            .unwrap_or_else(|| panic!("no key {key}"))
    }

    #[test]
    fn a_whole_term_weighs_more_than_a_part_of_a_longer_one() {
        let whole = hit(&doc(&[(BODY_FIELD, "地域移行を進める")]), "地域移行");
        let part = hit(&doc(&[(BODY_FIELD, "地域移行支援を行う")]), "地域移行");
        assert!(whole.tier > part.tier, "{} / {}", whole.tier, part.tier);
    }

    #[test]
    fn a_key_in_the_title_or_a_heading_is_marked_and_one_in_the_body_is_not() {
        let titled = 1 << TITLED;
        assert_ne!(
            hit(&doc(&[(TITLE_FIELD, "協議の場")]), "協議の場").points & titled,
            0
        );
        assert_ne!(
            hit(&doc(&[(HEADINGS_FIELD, "協議の場")]), "協議の場").points & titled,
            0
        );
        assert_eq!(
            hit(&doc(&[(BODY_FIELD, "協議の場")]), "協議の場").points & titled,
            0
        );
        // The set of titled documents is written after the six Points.
        let bytes = payload(&[(3, hit(&doc(&[(TITLE_FIELD, "協議の場")]), "協議の場"))]);
        assert_eq!(bytes[bytes.len() - 4..bytes.len() - 3], [TITLED]);
    }

    #[test]
    fn a_record_using_a_glossary_term_gets_its_english_form_and_aliases() {
        let glossary =
            Glossary::new(&corpus().vocab.glossary.entries, &variants()).expect("a glossary");
        // Shiga's analysis writes 措置入院; its English text says "admitted involuntarily".
        let en = glossary.concepts(record("shiga-pref-analysis"), Lang::En);
        assert!(
            en.iter()
                .any(|c| c == "involuntary admission by prefectural order"),
            "{en:?}"
        );
        // E pref. J city writes the alias にも包括: the Japanese term is a keyword, so a query
        // for the term finds it, and the alias is one on the term's records.
        let ja = glossary.concepts(record("e-pref-j-city-consultation"), Lang::Ja);
        assert!(
            ja.iter()
                .any(|c| c == "精神障害にも対応した地域包括ケアシステム"),
            "{ja:?}"
        );
        let sheet = glossary.concepts(record("kagoshima-pref-sheet"), Lang::Ja);
        assert!(sheet.iter().any(|c| c == "にも包括"), "{sheet:?}");
        // Hachioji's analysis never writes 措置入院.
        let other = glossary.concepts(record("hachioji-city-analysis"), Lang::En);
        assert!(
            !other.iter().any(|c| c.contains("involuntary")),
            "{other:?}"
        );
    }

    #[test]
    fn dates_in_canonical_form_and_numbers_are_values() {
        let mut out = Vec::new();
        let v = serde_json::json!({
            "period": "FY2020-end",
            "region": "kagoshima-pref",
            "value": 5454.0,
            "share": 54.8,
            "text": {"ja": "2020-01", "en": null},
            "n": "R2"
        });
        canonical_values(&v, &mut out);
        assert_eq!(out, ["FY2020-end", "5454", "54.8"]);
    }
}
