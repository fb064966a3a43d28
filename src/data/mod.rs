//! Open data under `/data/`: every record as typed (`records.json`, the index of one part per
//! prefecture), every indicator value as one CSV row (`indicators.csv`), and what the
//! interactive comparison reads (`compare.json`, the index of one file per region). No file
//! grows with the whole country (issue #15): at 2,000 generated regions each is under 16 MiB. Data carries canonical values (dates as `FY2020`, `2019-06`), never a
//! page's formatting, except the texts `compare.json` gives per language for display.

pub mod csv;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::compare::format::VerdictText;
use crate::compare::format::{share_text, signed, source_text, value_text, verdict_text};
use crate::compare::{Comparison, Computed, Obs, Status};
use crate::model::vocab::{Direction, Unit};
use crate::model::{Body, Kind, Lang, Text};
use crate::site::routes::data_file;
use crate::site::{Route, Site};
use crate::timing;
use crate::write::OutputFile;

/// The files under `/data/`.
pub fn files(site: &Site, computed: &Computed) -> anyhow::Result<Vec<OutputFile>> {
    Ok([OutputFile::new(
        data_file("indicators.csv"),
        csv::indicators_csv(site.corpus, &computed.observations, &computed.comparisons),
    )]
    .into_iter()
    .chain(timing::phase("compare.json", || {
        compare_json(site, computed)
    })?)
    .collect())
}

/// The largest an open-data file may be (issue #15): parts are cut so that a reader can fetch
/// and parse each one on an ordinary machine.
pub const MAX_DATA_FILE: usize = 16 * 1024 * 1024;

/// The open data of every record, as typed, split by prefecture so that no file grows with
/// the whole country:
///
/// - `/data/records/prefectures/<prefecture-id>.json`, one part per prefecture: its region
///   records and its sub-regions', and every record about them, in the corpus's order;
/// - `/data/records/other.json`: records under no prefecture (handbook pages, a region
///   outside every prefecture and the records about it);
/// - `/data/records.json`, the index: `{"format": "casebook-records-index/1", "parts":
///   [{"prefecture", "url", "records", "bytes"}]}`, the prefectures' parts in id order, then
///   `other` (`prefecture` null). Every record is in exactly one part.
///
/// A part is `{"format": "casebook-records/1", "records": [{kind, id, source_file, record}]}`,
/// what `/data/records.json` held before it was split.
pub fn records_json(site: &Site) -> anyhow::Result<Vec<OutputFile>> {
    #[derive(Serialize)]
    struct Out<'a> {
        kind: Kind,
        id: &'a str,
        source_file: &'a str,
        record: &'a Body,
    }
    #[derive(Serialize)]
    struct Part<'a> {
        prefecture: Option<&'a str>,
        url: String,
        records: usize,
        bytes: usize,
    }
    let mut parts: BTreeMap<Option<&str>, Vec<Out>> = BTreeMap::new();
    for r in &site.corpus.records {
        let region = match r.body {
            Body::Region(_) => Some(r.id.as_str()),
            _ => r.body.region(),
        };
        parts
            .entry(region.and_then(|id| site.prefecture_of(id)))
            .or_default()
            .push(Out {
                kind: r.kind,
                id: &r.id,
                source_file: &r.file,
                record: &r.body,
            });
    }
    // `None` sorts first; the other records' part goes last.
    let mut ordered: Vec<(Option<&str>, Vec<Out>)> = parts.into_iter().collect();
    let other_first = ordered.first().is_some_and(|(p, _)| p.is_none());
    ordered.rotate_left(usize::from(other_first));
    let mut files = Vec::with_capacity(ordered.len() + 1);
    let mut index = Vec::with_capacity(ordered.len());
    for (prefecture, records) in ordered {
        let name = match prefecture {
            Some(id) => format!("records/prefectures/{id}.json"),
            None => "records/other.json".to_owned(),
        };
        let mut bytes = serde_json::to_vec(
            &serde_json::json!({ "format": "casebook-records/1", "records": records }),
        )?;
        bytes.push(b'\n');
        index.push(Part {
            prefecture,
            url: site.routes.data(&name),
            records: records.len(),
            bytes: bytes.len(),
        });
        files.push(OutputFile::new(data_file(&name), bytes));
    }
    let mut bytes = serde_json::to_vec(
        &serde_json::json!({ "format": "casebook-records-index/1", "parts": index }),
    )?;
    bytes.push(b'\n');
    files.push(OutputFile::new(data_file("records.json"), bytes));
    Ok(files)
}

/// `/data/compare.json`: what the interactive comparison reads, in both languages.
#[derive(Serialize)]
struct CompareJson<'a> {
    format: &'static str,
    regions: Vec<JsonRegion<'a>>,
    indicators: Vec<JsonIndicator<'a>>,
}

/// A region that has comparisons, and where they are.
#[derive(Serialize)]
struct JsonRegion<'a> {
    id: String,
    name: Text,
    kind: Option<Text>,
    /// The URL of the region's comparisons (`/data/compare/<id>.json`).
    rows: String,
    /// The ids of the indicators it has comparisons of, in the vocabulary's order, so that a
    /// reader fetches only the regions that have one of the indicators chosen.
    indicators: Vec<&'a str>,
}

/// `/data/compare/<region>.json`: one region's comparisons.
#[derive(Serialize)]
struct CompareShard<'a> {
    format: &'static str,
    region: &'a str,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonIndicator<'a> {
    id: &'a str,
    name: &'a Text,
    unit: Unit,
    better: Direction,
}

#[derive(Serialize)]
struct JsonValue<'a> {
    value: f64,
    of: Option<f64>,
    text: BTreeMap<&'static str, String>,
    date: BTreeMap<&'static str, Option<String>>,
    /// For a part of a whole: the share, labelled as computed, per language.
    share: Option<BTreeMap<&'static str, String>>,
    /// Every note and footnote of the value.
    notes: &'a [Text],
}

#[derive(Serialize)]
struct JsonRow<'a> {
    region: String,
    indicator: String,
    record: String,
    url: BTreeMap<&'static str, String>,
    /// Where the values come from: the field path of the row, and per language the row in
    /// words and its URL (the record's page at the row); null for a row pages do not link to.
    source: Option<JsonSource<'a>>,
    baseline: Option<JsonValue<'a>>,
    target: Option<JsonValue<'a>>,
    actual: Option<JsonValue<'a>>,
    /// The judged value − target, signed, per language; null when there is no verdict or
    /// the values are not comparable.
    gap: BTreeMap<&'static str, Option<String>>,
    /// True or false only for a final verdict (measured at or after the deadline).
    met: Option<bool>,
    verdict: Option<JsonVerdict>,
}

/// Where a comparison's values come from (`render::view::compare::SourceView`, per language).
#[derive(Serialize)]
struct JsonSource<'a> {
    /// `results.indicators[0]`, `strengths.indicators[2]`, `discharge[1]`.
    path: &'a str,
    text: BTreeMap<&'static str, String>,
    url: BTreeMap<&'static str, String>,
}

fn json_source<'a>(site: &Site, c: &'a Comparison) -> Option<JsonSource<'a>> {
    let record = site.records.get(c.source_record.as_str())?;
    let text = Lang::ALL
        .iter()
        .map(|l| Some((l.code(), source_text(c, site.strings().ui(*l))?)))
        .collect::<Option<_>>()?;
    let url = Lang::ALL
        .iter()
        .map(|l| {
            let url = site
                .routes
                .row_url(*l, record.kind, &record.id, &c.row_path);
            (l.code(), url)
        })
        .collect();
    Some(JsonSource {
        path: &c.row_path,
        text,
        url,
    })
}

/// A comparison's verdict: its status and reasons as codes, and in words per language.
#[derive(Serialize)]
struct JsonVerdict {
    /// `met`, `not-met`, `on-track`, `not-yet-met`, `not-comparable`.
    status: &'static str,
    /// `actual`, or `baseline` for a row without an actual.
    judged: &'static str,
    /// `before-deadline`, `no-deadline`, `target-undated`, `undated`, `contradicts-heading`,
    /// `before-target-set`.
    reasons: Vec<&'static str>,
    label: BTreeMap<&'static str, String>,
    details: BTreeMap<&'static str, Vec<String>>,
}

fn json_value<'a>(site: &Site, o: &'a Obs, unit: Unit) -> JsonValue<'a> {
    let v = |lang| value_text(o, unit, lang);
    let share = Lang::ALL
        .iter()
        .map(|l| Some((l.code(), share_text(o, unit, site.strings().ui(*l))?)))
        .collect();
    JsonValue {
        value: o.value,
        of: o.of,
        share,
        notes: &o.notes,
        text: Lang::ALL.iter().map(|l| (l.code(), v(*l))).collect(),
        date: Lang::ALL
            .iter()
            .map(|l| (l.code(), o.date.as_ref().map(|d| d.display(*l))))
            .collect(),
    }
}

/// What the interactive comparison reads, sharded so that a reader downloads only the regions
/// chosen: `/data/compare.json`, the index (`casebook-compare/3`: the regions, each with the
/// URL of its comparisons and the indicators it has, and the indicators), and
/// `/data/compare/<region-id>.json` per region (`casebook-compare-rows/1`: its rows, each as
/// `casebook-compare/2` gave them).
fn compare_json(site: &Site, computed: &Computed) -> anyhow::Result<Vec<OutputFile>> {
    let mut by_region: BTreeMap<&str, Vec<&Comparison>> = BTreeMap::new();
    for c in &computed.comparisons {
        by_region.entry(c.region.as_str()).or_default().push(c);
    }
    let defs = &site.corpus.vocab.indicators.entries;
    let mut files = Vec::with_capacity(by_region.len() + 1);
    let mut regions = Vec::with_capacity(by_region.len());
    for (id, rows) in &by_region {
        let name = format!("compare/{id}.json");
        let r = site.region_ref(id, Lang::Ja);
        regions.push(JsonRegion {
            id: (*id).to_owned(),
            name: r.name,
            kind: r.kind,
            rows: site.routes.data(&name),
            indicators: defs
                .iter()
                .filter(|d| rows.iter().any(|c| c.indicator == d.id))
                .map(|d| d.id.as_str())
                .collect(),
        });
        let mut bytes = serde_json::to_vec(&CompareShard {
            format: "casebook-compare-rows/1",
            region: id,
            rows: rows.iter().map(|c| json_row(site, c)).collect(),
        })?;
        bytes.push(b'\n');
        files.push(OutputFile::new(data_file(&name), bytes));
    }
    let indicators = defs
        .iter()
        .map(|d| JsonIndicator {
            id: &d.id,
            name: &d.name,
            unit: d.unit,
            better: d.better,
        })
        .collect();
    let mut bytes = serde_json::to_vec(&CompareJson {
        format: "casebook-compare/3",
        regions,
        indicators,
    })?;
    bytes.push(b'\n');
    files.push(OutputFile::new(data_file("compare.json"), bytes));
    Ok(files)
}

/// One comparison, its texts and its record's page in both languages.
fn json_row<'a>(site: &Site, c: &'a Comparison) -> JsonRow<'a> {
    let ui = |lang| site.strings().ui(lang);
    let per_lang =
        |f: &dyn Fn(Lang) -> String| Lang::ALL.iter().map(|l| (l.code(), f(*l))).collect();
    let record = site.records.get(c.source_record.as_str());
    JsonRow {
        region: c.region.clone(),
        indicator: c.indicator.clone(),
        record: c.source_record.clone(),
        url: per_lang(&|lang| {
            record
                .map(|r| site.routes.url(lang, Route::Record(r.kind, &r.id)))
                .unwrap_or_default()
        }),
        source: json_source(site, c),
        baseline: c.baseline.as_ref().map(|o| json_value(site, o, c.unit)),
        target: c.target.as_ref().map(|o| json_value(site, o, c.unit)),
        actual: c.actual.as_ref().map(|o| json_value(site, o, c.unit)),
        gap: Lang::ALL
            .iter()
            .map(|l| {
                let gap = c.verdict.as_ref().and_then(|v| v.gap);
                (l.code(), gap.map(|g| signed(g, c.unit, ui(*l))))
            })
            .collect(),
        met: c
            .verdict
            .as_ref()
            .filter(|v| v.status.is_final())
            .map(|v| v.status == Status::Met),
        verdict: json_verdict(site, c),
    }
}

fn json_verdict(site: &Site, c: &Comparison) -> Option<JsonVerdict> {
    let v = c.verdict.as_ref()?;
    let texts: Vec<(Lang, VerdictText)> = Lang::ALL
        .iter()
        .filter_map(|l| Some((*l, verdict_text(c, site.strings().ui(*l))?)))
        .collect();
    Some(JsonVerdict {
        status: v.status.as_str(),
        judged: v.judged.as_str(),
        reasons: v.reasons.iter().map(|r| r.as_str()).collect(),
        label: texts
            .iter()
            .map(|(l, t)| (l.code(), t.label.clone()))
            .collect(),
        details: texts
            .into_iter()
            .map(|(l, t)| (l.code(), t.details))
            .collect(),
    })
}
