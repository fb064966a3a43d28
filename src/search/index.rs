//! The search index, written at build time for each language (issue #7).
//!
//! In: the corpus. Out: files under `search/{lang}/`:
//! - `meta.json` — document count, average field lengths, field weights, the number of term
//!   shards, facet labels, and the spelling variants the query tokenizer needs;
//! - `t/{n}.json` — the postings of the terms whose FNV-1a hash falls in shard `n`:
//!   `{term: [[doc, field, code, themes, categories, pos, pos, …], …]}`; a query fetches
//!   only the shards
//!   of its own terms;
//! - `d/{n}.json` — 16 documents per file: url, title, kind, region and facets, fetched for
//!   the results shown;
//! - `x/{doc}.txt` — the start of a document's text, for the excerpt.
//!
//! Terms come from [`tokenize::index_terms`], the twin of the browser's query tokenizer.
//! Positions are per field, so a phrase (consecutive CJK bigrams) must match inside one
//! field. Facet codes ride in the postings, so facet counts need no further download.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::tokenize::{index_terms, Variants};
use crate::load::{Corpus, Record};
use crate::model::{Body, Kind, Lang};
use crate::render::site::Site;
use crate::write::OutputFile;

/// Fields and their BM25 weights: a match in the title, the region name or the keywords
/// (tags, case keywords) counts more than one in the body. Analyses' points are fields of
/// their own, so results can be filtered by Point.
pub const FIELDS: [(&str, f64); 10] = [
    ("title", 3.0),
    ("region", 2.5),
    ("keywords", 2.0),
    ("body", 1.0),
    ("point1", 1.0),
    ("point2", 1.0),
    ("point3", 1.0),
    ("point4", 1.0),
    ("point5", 1.0),
    ("point6", 1.0),
];

/// Documents per `d/` file.
pub const DOCS_PER_SHARD: usize = 16;
/// Characters of text kept for excerpts.
pub const EXCERPT_CHARS: usize = 1200;
/// Target size of a term shard, in bytes.
const SHARD_BYTES: usize = 12 * 1024;

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
    docs_per_shard: usize,
    fields: Vec<(&'static str, f64)>,
    avg_len: Vec<f64>,
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

fn labels(site: &Site, vocab: &str, lang: Lang) -> Vec<(String, String)> {
    site.terms(vocab)
        .iter()
        .map(|t| (t.id.clone(), t.name.get(lang).text.to_owned()))
        .collect()
}

fn facet_labels(site: &Site, lang: Lang) -> FacetLabels {
    let prefectures = site
        .regions
        .iter()
        .filter(|(_, r)| r.kind == "prefecture")
        .map(|(id, r)| ((*id).to_owned(), r.name.get(lang).text.to_owned()))
        .collect();
    FacetLabels {
        kinds: Kind::ALL
            .iter()
            .map(|k| (k.dir().to_owned(), k.name(lang).to_owned()))
            .collect(),
        prefectures,
        region_kinds: labels(site, "region-kinds", lang),
        themes: labels(site, "themes", lang),
        categories: labels(site, "categories", lang),
    }
}

fn doc_of(site: &Site, labels: &FacetLabels, rec: &Record, lang: Lang) -> Doc {
    let bp = site.corpus.config.base_path.as_str();
    let region_id = match &rec.body {
        Body::Region(_) => Some(rec.id.as_str()),
        b => b.region(),
    };
    let region = region_id.and_then(|id| site.regions.get(id).map(|r| (id, r)));
    let mut body = serde_json::to_value(&rec.body).unwrap_or(Value::Null);
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
    let title = rec.body.title().get(lang).text.to_owned();
    let mut all = Vec::new();
    texts(&body, lang, &mut all);
    let tags = rec.body.tags();
    let mut keywords: Vec<String> = tags
        .iter()
        .map(|(v, id)| site.term_name(v, id).get(lang).text.to_owned())
        .collect();
    if let Body::Case(c) = &rec.body {
        keywords.extend(c.keywords.iter().map(|k| k.get(lang).text.to_owned()));
    }
    let region_name = region
        .map(|(_, r)| r.name.get(lang).text.to_owned())
        .unwrap_or_default();
    let facets = Facets {
        prefecture: region_id
            .and_then(|id| site.prefecture_of(id))
            .and_then(|p| index_of(&labels.prefectures, p)),
        region_kind: region.and_then(|(_, r)| index_of(&labels.region_kinds, &r.kind)),
        themes: tags
            .iter()
            .filter(|(v, _)| *v == "themes")
            .filter_map(|(_, id)| index_of(&labels.themes, id))
            .collect(),
        categories: tags
            .iter()
            .filter(|(v, _)| *v == "categories")
            .filter_map(|(_, id)| index_of(&labels.categories, id))
            .collect(),
    };
    let mut fields = vec![
        title.clone(),
        region_name.clone(),
        keywords.join("\n"),
        plain(&all.join("\n")),
    ];
    fields.extend(points.iter().map(|p| plain(p)));
    Doc {
        url: format!("{bp}{}/{}/{}/", lang.code(), rec.kind.dir(), rec.id),
        title,
        kind: rec.kind,
        region: region_id.map(str::to_owned),
        region_name,
        facets,
        fields,
    }
}

/// The facet codes carried in postings: kind, prefecture (+1) and region kind (+1) packed in
/// one number (4 + 8 + 8 bits), then the themes and the categories as bit sets. Bit sets
/// hold the first 31 entries of each vocabulary (JavaScript bit operations are 32-bit).
fn facet_code(d: &Doc) -> [u64; 3] {
    let kind = Kind::ALL.iter().position(|k| *k == d.kind).unwrap_or(0) as u64;
    let pref = d.facets.prefecture.map_or(0, |p| p as u64 + 1).min(255);
    let rk = d.facets.region_kind.map_or(0, |r| r as u64 + 1).min(255);
    let bits = |list: &[usize]| {
        list.iter()
            .filter(|i| **i < 31)
            .fold(0u64, |m, i| m | (1 << i))
    };
    [
        kind | (pref << 4) | (rk << 12),
        bits(&d.facets.themes),
        bits(&d.facets.categories),
    ]
}

pub fn index(corpus: &Corpus, site: &Site) -> anyhow::Result<Vec<OutputFile>> {
    let variant_groups: Vec<Vec<String>> = corpus.vocab.variants.entries.clone();
    let variants = Variants::new(&variant_groups);
    let mut files = Vec::new();
    for lang in Lang::ALL {
        files.extend(index_lang(corpus, site, lang, &variants, &variant_groups)?);
    }
    Ok(files)
}

type Postings = BTreeMap<String, Vec<Vec<u64>>>;

fn index_lang(
    corpus: &Corpus,
    site: &Site,
    lang: Lang,
    variants: &Variants,
    groups: &[Vec<String>],
) -> anyhow::Result<Vec<OutputFile>> {
    let labels = facet_labels(site, lang);
    let docs: Vec<Doc> = corpus
        .records
        .iter()
        .map(|r| doc_of(site, &labels, r, lang))
        .collect();
    let fields = FIELDS.to_vec();
    let mut postings: Postings = BTreeMap::new();
    let mut total_len = vec![0u64; fields.len()];
    for (id, doc) in docs.iter().enumerate() {
        let code = facet_code(doc);
        for (f, text) in doc.fields.iter().enumerate() {
            let tokens = index_terms(text, variants);
            total_len[f] += tokens
                .iter()
                .filter(|t| !t.term.starts_with(super::tokenize::UNIGRAM_PREFIX))
                .count() as u64;
            let mut by_term: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
            for t in &tokens {
                by_term.entry(&t.term).or_default().push(u64::from(t.pos));
            }
            for (term, positions) in by_term {
                let mut entry = vec![id as u64, f as u64, code[0], code[1], code[2]];
                entry.extend(positions);
                postings.entry(term.to_owned()).or_default().push(entry);
            }
        }
    }
    let bytes: usize = postings
        .iter()
        .map(|(t, p)| t.len() + p.iter().map(|e| e.len() * 4).sum::<usize>())
        .sum();
    let shards = (bytes / SHARD_BYTES).max(1).next_power_of_two();
    let mut shard_terms: Vec<BTreeMap<&str, &Vec<Vec<u64>>>> = vec![BTreeMap::new(); shards];
    for (term, list) in &postings {
        shard_terms[fnv1a(term) as usize % shards].insert(term, list);
    }
    let dir = format!("search/{}", lang.code());
    let mut out = Vec::new();
    for (n, terms) in shard_terms.iter().enumerate() {
        out.push(OutputFile::new(
            format!("{dir}/t/{n}.json"),
            serde_json::to_vec(terms)?,
        ));
    }
    for (n, chunk) in docs.chunks(DOCS_PER_SHARD).enumerate() {
        let rows: Vec<Value> = chunk
            .iter()
            .map(|d| serde_json::json!([d.url, d.title, d.kind, d.region, d.region_name]))
            .collect();
        out.push(OutputFile::new(
            format!("{dir}/d/{n}.json"),
            serde_json::to_vec(&rows)?,
        ));
    }
    for (id, d) in docs.iter().enumerate() {
        let text: String = d.fields[3].chars().take(EXCERPT_CHARS).collect();
        out.push(OutputFile::new(format!("{dir}/x/{id}.txt"), text));
    }
    let n = docs.len().max(1) as f64;
    let meta = Meta {
        format: "casebook-search/1",
        docs: docs.len(),
        shards,
        docs_per_shard: DOCS_PER_SHARD,
        fields: fields.clone(),
        avg_len: total_len
            .iter()
            .map(|l| (*l as f64 / n * 100.0).round() / 100.0)
            .collect(),
        facets: labels,
        variants: groups.to_vec(),
    };
    out.push(OutputFile::new(
        format!("{dir}/meta.json"),
        serde_json::to_vec(&meta)?,
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }
}
