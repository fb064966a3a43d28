//! Every indicator value in the corpus as one tidy [`Observation`].
//!
//! In: a [`Corpus`]. Sources, in document order:
//!
//! - status sheets' `results.indicators` and `strengths.indicators`: each row's `baseline`,
//!   `target` and `actual` (path `results.indicators[0].target`);
//! - status sheets' `history.groups[].counts`: kind [`ObsKind::Count`], the sheet's region,
//!   the areas counted kept in [`Observation::areas`] (path `history.groups[2].counts[0]`);
//! - participation outcomes' `discharge` entries: `supported` as indicator
//!   `discharge-support-given` and `discharged` as `discharged`, kind [`ObsKind::Actual`],
//!   dated by `as_of`, the region being the entry's `region` or else the outcome's
//!   (path `discharge[0].supported`).
//!
//! Out: observations sorted by region, then indicator, then record kind and id, then document
//! order — the same corpus always gives the same list.
//!
//! Guarantees: every observation keeps the date the record gives it and says which role that
//! date plays ([`DateRole`]); a value's date is never borrowed from another field. A target's
//! date is its `deadline`, or its `set_at` when there is no deadline (a target with both keeps
//! `set_at` in [`Observation::set_at`]); a baseline's or actual's column heading keeps the
//! date it names, when the record gives one, in [`Observation::heading`]. Rows naming an
//! indicator that is not in `vocabularies/indicators.yaml` are skipped (validation reports
//! them as `unknown-reference`, which stops a build), because the unit would be unknown.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::Corpus;
use crate::model::id::RegionId;
use crate::model::indicator::{Columns, Count, IndicatorRow, Target, Value};
use crate::model::outcome::{Counter, Outcome, Pending};
use crate::model::sheet::StatusSheet;
use crate::model::vocab::{IndicatorDef, Unit};
use crate::model::{Body, Kind, Text, When};

/// The indicator id `discharge[].supported` is reported under.
pub const DISCHARGE_SUPPORT_GIVEN: &str = "discharge-support-given";
/// The indicator id `discharge[].discharged` is reported under.
pub const DISCHARGED: &str = "discharged";

/// What a value is in its source table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObsKind {
    /// 現状値: the value at the start.
    Baseline,
    /// 目標値.
    Target,
    /// 実績値, and outcomes' discharge counts.
    Actual,
    /// A count for a period (peer supporters trained in FY H29 …).
    Count,
}

impl ObsKind {
    /// `baseline`, `target`, `actual`, `count`: the CSV's `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ObsKind::Baseline => "baseline",
            ObsKind::Target => "target",
            ObsKind::Actual => "actual",
            ObsKind::Count => "count",
        }
    }
}

/// The role the observation's date plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRole {
    /// When the value was measured (時点); baselines and actuals. Also the role a missing
    /// date of a baseline or actual would have had.
    AsOf,
    /// The point a target is to be reached by. Also the role of a target with no date.
    Deadline,
    /// The point a target was set at, for a target without a deadline.
    SetAt,
    /// The period a count covers.
    Period,
}

impl DateRole {
    /// `as-of`, `deadline`, `set-at`, `period`: the CSV's `date_role` column.
    pub fn as_str(self) -> &'static str {
        match self {
            DateRole::AsOf => "as-of",
            DateRole::Deadline => "deadline",
            DateRole::SetAt => "set-at",
            DateRole::Period => "period",
        }
    }
}

/// One indicator value from one record.
#[derive(Clone, Debug, Serialize)]
pub struct Observation {
    /// Region id the value is about.
    pub region: String,
    /// Indicator id (`vocabularies/indicators.yaml`).
    pub indicator: String,
    pub kind: ObsKind,
    pub value: f64,
    /// The whole, when the source gives "N of M" (39 of 43 municipalities).
    pub of: Option<f64>,
    pub unit: Unit,
    /// The date as the record gives it; `None` when the record gives none.
    pub date: Option<When>,
    pub date_role: DateRole,
    /// Id of the record the value comes from.
    pub source_record: String,
    pub source_kind: Kind,
    /// Field path inside the record: `results.indicators[0].target`.
    pub path: String,
    /// Region ids of the areas a count covers; empty for the whole region.
    pub areas: Vec<String>,
    /// Every note and footnote the record gives the value, in order: a remark such as a column
    /// heading that disagrees with its date, the source's ※ footnotes, what it counts beside it.
    pub notes: Vec<Text>,
    /// The date point the value's column heading names (`実績値（令和２年度末）`), when the
    /// record gives it (`columns.actual_as_of`); a value dated otherwise contradicts it.
    pub heading: Option<When>,
    /// For a target with a deadline: when it was set too, if the record says
    /// (a target without a deadline has that point as its [`date`](Self::date)).
    pub set_at: Option<When>,
}

impl Observation {
    /// The path of the source row: `results.indicators[0]` for `results.indicators[0].target`.
    pub fn row_path(&self) -> &str {
        row_of(&self.path)
    }
}

/// The row part of a field path: everything before the last `.`.
pub(crate) fn row_of(path: &str) -> &str {
    path.rsplit_once('.').map_or(path, |(row, _)| row)
}

/// One value of a comparison, with its own date.
#[derive(Clone, Debug, Serialize)]
pub struct Obs {
    pub value: f64,
    pub of: Option<f64>,
    pub date: Option<When>,
    pub date_role: DateRole,
    /// Field path inside the record: `results.indicators[0].actual`.
    pub path: String,
    /// Every note and footnote of the value ([`Observation::notes`]).
    pub notes: Vec<Text>,
    /// The date its column heading names, when the record gives one.
    pub heading: Option<When>,
    /// For a target with a deadline, when it was set, if known.
    pub set_at: Option<When>,
}

impl Obs {
    pub(crate) fn from_observation(o: &Observation) -> Obs {
        Obs {
            value: o.value,
            of: o.of,
            date: o.date.clone(),
            date_role: o.date_role,
            path: o.path.clone(),
            notes: o.notes.clone(),
            heading: o.heading.clone(),
            set_at: o.set_at.clone(),
        }
    }

    /// True when the date is a known stretch of calendar days (not missing, `not-stated`,
    /// open-ended, or a month without a year).
    pub fn is_dated(&self) -> bool {
        self.date.as_ref().and_then(When::bounds).is_some()
    }
}

/// Every indicator value in the corpus, sorted (see the module documentation).
pub fn observations(corpus: &Corpus) -> Vec<Observation> {
    let defs = indicator_defs(corpus);
    let mut out = Vec::new();
    for rec in &corpus.records {
        let mut ctx = Emit {
            defs: &defs,
            record: &rec.id,
            kind: rec.kind,
            out: &mut out,
        };
        match &rec.body {
            Body::StatusSheet(sheet) => ctx.sheet(sheet),
            Body::Outcome(outcome) => ctx.outcome(outcome),
            _ => {}
        }
    }
    // Stable: within a region and indicator, records keep the corpus order (kind, id) and
    // values keep their document order.
    out.sort_by(|a, b| (&a.region, &a.indicator).cmp(&(&b.region, &b.indicator)));
    out
}

/// The indicator vocabulary by id.
pub(crate) fn indicator_defs(corpus: &Corpus) -> BTreeMap<&str, &IndicatorDef> {
    corpus
        .vocab
        .indicators
        .entries
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect()
}

struct Emit<'a> {
    defs: &'a BTreeMap<&'a str, &'a IndicatorDef>,
    record: &'a str,
    kind: Kind,
    out: &'a mut Vec<Observation>,
}

/// What one observation needs besides its source.
struct Fields<'a> {
    region: &'a str,
    indicator: &'a str,
    kind: ObsKind,
    value: f64,
    of: Option<f64>,
    date: Option<&'a When>,
    date_role: DateRole,
    path: String,
    areas: &'a [RegionId],
    notes: Vec<Text>,
    heading: Option<&'a When>,
    set_at: Option<&'a When>,
}

impl Emit<'_> {
    fn push(&mut self, f: Fields<'_>) {
        let Some(def) = self.defs.get(f.indicator) else {
            return;
        };
        self.out.push(Observation {
            region: f.region.to_owned(),
            indicator: f.indicator.to_owned(),
            kind: f.kind,
            value: f.value,
            of: f.of,
            unit: def.unit,
            date: f.date.cloned(),
            date_role: f.date_role,
            source_record: self.record.to_owned(),
            source_kind: self.kind,
            path: f.path,
            areas: f.areas.iter().map(|a| a.to_string()).collect(),
            notes: f.notes,
            heading: f.heading.cloned(),
            set_at: f.set_at.cloned(),
        });
    }

    fn sheet(&mut self, sheet: &StatusSheet) {
        let tables = [
            (
                "results.indicators",
                &sheet.results.indicators,
                &sheet.results.columns,
            ),
            (
                "strengths.indicators",
                &sheet.strengths.indicators,
                &sheet.strengths.columns,
            ),
        ];
        for (table, rows, columns) in tables {
            for (i, row) in rows.iter().enumerate() {
                self.row(&sheet.region, &format!("{table}[{i}]"), row, columns);
            }
        }
        for (g, group) in sheet.history.groups.iter().enumerate() {
            for (c, count) in group.counts.iter().enumerate() {
                let path = format!("history.groups[{g}].counts[{c}]");
                self.count(&sheet.region, path, count);
            }
        }
    }

    fn row(&mut self, region: &str, row_path: &str, row: &IndicatorRow, columns: &Columns) {
        let at = |kind| (region, row_path, row.indicator.as_str(), kind);
        if let Some(v) = &row.baseline {
            let heading = columns.baseline_as_of.as_deref();
            self.value(at(ObsKind::Baseline), v, heading);
        }
        if let Some(t) = &row.target {
            self.target(region, row_path, &row.indicator, t);
        }
        if let Some(v) = &row.actual {
            let heading = columns.actual_as_of.as_deref();
            self.value(at(ObsKind::Actual), v, heading);
        }
    }

    /// A baseline or actual of a row (region, row path, indicator, kind), under a heading
    /// that may name its date.
    fn value(
        &mut self,
        (region, row_path, indicator, kind): (&str, &str, &str, ObsKind),
        v: &Value,
        heading: Option<&When>,
    ) {
        self.push(Fields {
            region,
            indicator,
            kind,
            value: *v.value,
            of: v.of.as_deref().copied(),
            date: v.as_of.as_deref(),
            date_role: DateRole::AsOf,
            path: format!("{row_path}.{}", kind.as_str()),
            areas: &[],
            notes: v.note.iter().cloned().collect(),
            heading,
            set_at: None,
        });
    }

    fn target(&mut self, region: &str, row_path: &str, indicator: &str, t: &Target) {
        let (date, date_role) = target_date(t);
        self.push(Fields {
            region,
            indicator,
            kind: ObsKind::Target,
            value: *t.value,
            of: t.of.as_deref().copied(),
            date,
            date_role,
            path: format!("{row_path}.target"),
            areas: &[],
            notes: t.note.iter().cloned().collect(),
            heading: None,
            set_at: t.deadline.as_ref().and(t.set_at.as_deref()),
        });
    }

    fn count(&mut self, region: &str, path: String, count: &Count) {
        // A part that names an indicator ("of which 7 deployed") is a count of its own, noted
        // with its wording.
        for (k, part) in count.of_which.iter().enumerate() {
            let Some(indicator) = &part.indicator else {
                continue;
            };
            let note = worded(&part.wording, *part.value);
            self.push(Fields {
                region,
                indicator,
                kind: ObsKind::Count,
                value: *part.value,
                of: None,
                date: Some(&count.period),
                date_role: DateRole::Period,
                path: format!("{path}.of_which[{k}]"),
                areas: &count.areas,
                notes: vec![note],
                heading: None,
                set_at: None,
            });
        }
        let worded = count.wording.as_ref().map(|w| worded(w, *count.value));
        self.push(Fields {
            region,
            indicator: &count.indicator,
            kind: ObsKind::Count,
            value: *count.value,
            of: None,
            date: Some(&count.period),
            date_role: DateRole::Period,
            path,
            areas: &count.areas,
            notes: count
                .note
                .as_ref()
                .or(worded.as_ref())
                .cloned()
                .into_iter()
                .collect(),
            heading: None,
            set_at: None,
        });
    }

    /// An outcome's discharge entries: those given support, and of them those discharged (a
    /// part of the first: its `of`), each with its footnotes — the people counted beside them
    /// (「申請検討中４名」) with those given support, and the note of the whole with the part,
    /// since the part is shown against it (Chiba's 13 of 31, where the 31 is "the total of the
    /// programmes above").
    fn outcome(&mut self, outcome: &Outcome) {
        for (i, d) in outcome.discharge.iter().enumerate() {
            let region = d.region.as_deref().unwrap_or(&outcome.region);
            let supported_notes: Vec<Text> = d
                .supported_note
                .iter()
                .cloned()
                .chain(d.pending.as_ref().map(|p| pending_note(p, d.counter)))
                .collect();
            let mut discharged_notes = supported_notes.clone();
            discharged_notes.extend(d.discharged_note.iter().cloned());
            let values = [
                (
                    "supported",
                    DISCHARGE_SUPPORT_GIVEN,
                    d.supported,
                    None,
                    supported_notes,
                ),
                (
                    "discharged",
                    DISCHARGED,
                    d.discharged.map(|n| *n),
                    d.supported.map(f64::from),
                    discharged_notes,
                ),
            ];
            for (field, indicator, value, of, mut notes) in values {
                let Some(value) = value else { continue };
                notes.extend(d.note.iter().cloned());
                self.push(Fields {
                    region,
                    indicator,
                    kind: ObsKind::Actual,
                    value: f64::from(value),
                    of,
                    date: d.as_of.as_deref(),
                    date_role: DateRole::AsOf,
                    path: format!("discharge[{i}].{field}"),
                    areas: &[],
                    notes,
                    heading: None,
                    set_at: None,
                });
            }
        }
    }
}

/// A target's date: the deadline, else the point it was set at.
fn target_date(t: &Target) -> (Option<&When>, DateRole) {
    match (&t.deadline, &t.set_at) {
        (Some(deadline), _) => (Some(deadline), DateRole::Deadline),
        (None, Some(set_at)) => (Some(set_at), DateRole::SetAt),
        (None, None) => (None, DateRole::Deadline),
    }
}

/// The people an entry counts beside those given support, as its source words them:
/// 「申請検討中4名」, "4 considering applying".
fn pending_note(p: &Pending, counter: Counter) -> Text {
    let counter = match counter {
        Counter::Nin => "人",
        Counter::Mei => "名",
    };
    Text {
        ja: format!("{}{}{counter}", p.label.ja, p.value),
        en: p.label.en.as_ref().map(|en| format!("{} {en}", p.value)),
    }
}

/// A count's wording with its number in place: 「うち，7名を相談支援事業所で活用」.
fn worded(wording: &Text, value: f64) -> Text {
    let n = crate::model::number::grouped(value);
    Text {
        ja: wording.ja.replace("{}", &n),
        en: wording.en.as_ref().map(|en| en.replace("{}", &n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Point;
    use crate::testutil::corpus;

    fn find<'a>(obs: &'a [Observation], record: &str, path: &str) -> &'a Observation {
        obs.iter()
            .find(|o| o.source_record == record && o.path == path)
            .unwrap_or_else(|| panic!("no observation {record} {path}"))
    }

    #[test]
    fn flattens_sheet_rows_with_their_dates() {
        let obs = observations(corpus());
        let t = find(&obs, "kumamoto-pref-sheet", "results.indicators[0].target");
        assert_eq!(t.region, "kumamoto-pref");
        assert_eq!(t.indicator, "long-term-inpatients");
        assert_eq!(
            (t.kind, t.value, t.unit),
            (ObsKind::Target, 4396.0, Unit::People)
        );
        // No deadline in the results table: the set-at point is the date.
        assert_eq!(t.date_role, DateRole::SetAt);
        assert_eq!(t.date, Some(When::At(Point::FiscalYearStart(2020))));
        let a = find(&obs, "kumamoto-pref-sheet", "results.indicators[0].actual");
        assert_eq!((a.kind, a.value), (ObsKind::Actual, 4830.0));
        assert_eq!(
            a.date,
            Some(When::At(Point::Month {
                year: Some(2019),
                month: 6
            }))
        );
        assert_eq!(a.notes.len(), 1, "the heading remark is kept");
        // Strengths table: a deadline.
        let t = find(
            &obs,
            "kumamoto-pref-sheet",
            "strengths.indicators[0].target",
        );
        assert_eq!(t.date_role, DateRole::Deadline);
        assert_eq!(t.date, Some(When::At(Point::FiscalYearEnd(2021))));
        assert_eq!(t.row_path(), "strengths.indicators[0]");
    }

    #[test]
    fn keeps_n_of_m() {
        let obs = observations(corpus());
        let a = find(&obs, "kagoshima-pref-sheet", "results.indicators[1].actual");
        assert_eq!(a.indicator, "municipal-forums");
        assert_eq!((a.value, a.of), (39.0, Some(43.0)));
    }

    #[test]
    fn counts_keep_their_areas() {
        let obs = observations(corpus());
        let counts: Vec<&Observation> = obs
            .iter()
            .filter(|o| o.source_record == "kagoshima-pref-sheet" && o.kind == ObsKind::Count)
            .collect();
        let trained = counts
            .iter()
            .find(|o| {
                o.indicator == "peer-supporters-trained"
                    && o.date == Some(When::At(Point::FiscalYear(2017)))
            })
            .expect("FY H29 peer supporters trained");
        assert_eq!(trained.region, "kagoshima-pref");
        assert_eq!(trained.value, 20.0);
        assert_eq!(trained.areas, vec!["aira-isa-area".to_owned()]);
        assert_eq!(trained.date_role, DateRole::Period);
        assert!(counts.iter().all(|o| o.path.starts_with("history.groups[")));
    }

    #[test]
    fn discharge_entries_become_two_indicators() {
        let obs = observations(corpus());
        let tochigi: Vec<&Observation> = obs
            .iter()
            .filter(|o| o.source_record == "tochigi-pref-outcome")
            .collect();
        let kenpoku = tochigi
            .iter()
            .find(|o| o.path == "discharge[0].supported")
            .expect("discharge[0].supported");
        assert_eq!(kenpoku.region, "kenpoku-area", "the entry's region wins");
        assert_eq!(kenpoku.indicator, DISCHARGE_SUPPORT_GIVEN);
        assert_eq!((kenpoku.kind, kenpoku.value), (ObsKind::Actual, 18.0));
        let discharged = find(&obs, "tochigi-pref-outcome", "discharge[0].discharged");
        assert_eq!(
            (discharged.indicator.as_str(), discharged.value),
            (DISCHARGED, 1.0)
        );
        let chiba = find(&obs, "chiba-city-outcome", "discharge[0].supported");
        assert_eq!(chiba.region, "chiba-city", "else the outcome's region");
        assert_eq!(chiba.value, 31.0);
        // Issue #15: the source's footnote stays with the figure …
        let total = "※上記の地域移行支援各プログラム参加者の合計";
        assert_eq!(chiba.notes.first().map(|n| n.ja.as_str()), Some(total));
        // … and those discharged are a part of those given support, with both footnotes.
        let part = find(&obs, "chiba-city-outcome", "discharge[0].discharged");
        assert_eq!((part.value, part.of), (13.0, Some(31.0)));
        let notes: Vec<&str> = part.notes.iter().map(|n| n.ja.as_str()).collect();
        assert_eq!(notes, [total, "※（同上）"]);
        // Aira-Isa counts those considering applying beside the 6 applications.
        let aira = find(&obs, "aira-isa-area-outcome", "discharge[0].supported");
        assert_eq!(aira.value, 6.0);
        assert_eq!(
            aira.notes.first().map(|n| n.ja.as_str()),
            Some("申請検討中4名")
        );
        assert_eq!(
            aira.notes.first().and_then(|n| n.en.as_deref()),
            Some("4 considering applying")
        );
    }

    #[test]
    fn sorted_and_deterministic() {
        let a = observations(corpus());
        let b = observations(corpus());
        let key = |o: &Observation| (o.region.clone(), o.indicator.clone());
        assert!(a.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
        let paths = |v: &[Observation]| {
            v.iter()
                .map(|o| format!("{}#{}", o.source_record, o.path))
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&a), paths(&b));
    }
}
