//! The translation status for editors (`/{lang}/editors/translation/`, issue #16 item 3): the
//! report `casebook i18n` prints (`validate::translation`), with record and region names and
//! links. Not linked from the readers' navigation. At national scale it is split into parts
//! by prefecture like the other long pages (`view::parts`), a record being an entry.

use serde::Serialize;

use super::parts::Scope;
use super::Ui;
use crate::model::Kind;
use crate::site::{RecordRef, RegionRef, Site};
use crate::validate::translation::{Lack, RecordStatus, Report, Total};

#[derive(Serialize)]
pub struct TranslationView {
    /// "752 of 17,530 texts lack English, in 330 of 608 records."
    pub summary: String,
    /// Every text of the site, and those lacking English.
    pub texts: usize,
    pub untranslated: usize,
    pub kinds: Vec<TotalRow>,
    /// Regions with texts lacking English, in the official order.
    pub regions: Vec<TotalRow>,
    /// The records with texts lacking English (in `scope`).
    pub records: Vec<RecordTodo>,
}

/// A kind's or a region's totals.
#[derive(Serialize)]
pub struct TotalRow {
    /// The kind's name or the region's; a region's page.
    pub name: String,
    pub region: Option<RegionRef>,
    pub records: usize,
    pub incomplete: usize,
    pub texts: usize,
    pub untranslated: usize,
}

/// A record and its texts lacking English.
#[derive(Serialize)]
pub struct RecordTodo {
    pub record: RecordRef,
    pub file: String,
    pub texts: usize,
    pub fields: Vec<FieldTodo>,
}

#[derive(Serialize)]
pub struct FieldTodo {
    /// `content/cases/x.yaml:12:5`, as an editor opens it.
    pub at: String,
    pub path: String,
    /// "no English" / "English is the Japanese".
    pub lack: String,
    pub ja: String,
}

pub fn view(site: &Site, ui: Ui, report: &Report, scope: Scope) -> TranslationView {
    let lang = ui.lang;
    let row = |t: &Total, name: String, region: Option<RegionRef>| TotalRow {
        name,
        region,
        records: t.records,
        incomplete: t.incomplete,
        texts: t.texts,
        untranslated: t.untranslated,
    };
    let kinds = Kind::ALL
        .iter()
        .filter_map(|k| {
            let t = report.kinds.iter().find(|t| t.key == k.dir())?;
            Some(row(t, ui.kinds_name(*k), None))
        })
        .collect();
    let mut regions: Vec<(&Total, RegionRef)> = report
        .regions
        .iter()
        .filter(|t| t.untranslated > 0 && scope.lists(site, &t.key))
        .map(|t| (t, site.region_ref(&t.key, lang)))
        .collect();
    regions.sort_by_cached_key(|(t, _)| site.region_order(&t.key, lang));
    let t = &report.total;
    let n = |v: usize| crate::model::number::grouped(v as f64);
    let summary = ui.fill_named(
        "translation_summary",
        &[
            ("untranslated", &n(t.untranslated)),
            ("texts", &n(t.texts)),
            ("incomplete", &n(t.incomplete)),
            ("records", &n(t.records)),
        ],
    );
    TranslationView {
        summary,
        texts: report.total.texts,
        untranslated: report.total.untranslated,
        kinds,
        regions: regions
            .into_iter()
            .map(|(t, r)| {
                let name = if t.key.is_empty() {
                    ui.get("other_regions").to_owned()
                } else {
                    r.name.get(lang).text.to_owned()
                };
                row(t, name, (!t.key.is_empty()).then_some(r))
            })
            .collect(),
        records: report
            .records
            .iter()
            .filter(|r| !r.untranslated.is_empty())
            .filter(|r| scope.lists(site, r.region.as_deref().unwrap_or_default()))
            .filter_map(|r| record_todo(site, ui, r))
            .collect(),
    }
}

/// A record's texts lacking English, as the page lists them; `None` for a record the site
/// does not have.
fn record_todo(site: &Site, ui: Ui, r: &RecordStatus) -> Option<RecordTodo> {
    let rec = site.records.get(r.id.as_str())?;
    Some(RecordTodo {
        record: site.record_ref(rec, ui.lang),
        file: r.file.clone(),
        texts: r.texts,
        fields: r
            .untranslated
            .iter()
            .map(|u| FieldTodo {
                at: format!("{}:{}:{}", r.file, u.line, u.column),
                path: u.path.clone(),
                lack: ui
                    .get(match u.lack {
                        Lack::Missing => "lack_missing",
                        Lack::SameAsJapanese => "lack_same",
                    })
                    .to_owned(),
                ja: u.ja.clone(),
            })
            .collect(),
    })
}
