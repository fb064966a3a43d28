//! Status sheets' programmes (`history.programmes`) on a fiscal-year axis.
//!
//! In: a [`Corpus`]. Out: a [`Timeline`] — [`TimelineRow`]s (region, programme, first and
//! last fiscal year) for the programmes whose period names known years, and [`Unplaced`]
//! programmes (period `not-stated`, `通年`, `未定`, open-ended, or without a year) listed
//! apart. `render::view::compare::timeline` words the reasons and has
//! `render::svg::timeline` draw the rows.
//!
//! Guarantees: a programme is drawn only over the fiscal years its own period covers — a
//! missing or open period is never replaced by a guessed year; a period is placed by its
//! first and last day (`H30～R3` is FY2018–FY2021; a calendar year `2021` covers FY2020 and
//! FY2021). Rows are sorted by region, then first and last year, then document order.

use serde::Serialize;

use crate::load::Corpus;
use crate::model::date::Open;
use crate::model::{Body, Kind, Text, When};

/// A programme with a known span of fiscal years.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineRow {
    pub region: String,
    /// The region's name (its id when the region record is missing).
    pub region_name: Text,
    pub source_record: String,
    /// `history.programmes[3]`.
    pub path: String,
    pub name: Text,
    pub note: Option<Text>,
    /// The period as the record gives it.
    pub period: When,
    /// First fiscal year (named by its starting year: 2018 = 平成30年度).
    pub start_fy: i32,
    /// Last fiscal year, inclusive.
    pub end_fy: i32,
}

/// Why a programme is not drawn (the page words it: `render::view::compare::timeline`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unplaceable {
    /// `not-stated`: the source lost or never gave the period.
    NotStated,
    /// `通年`: all year, no years named.
    AllYear,
    /// `未定`: not decided.
    Undecided,
    /// A range open at one end (`H30～`).
    OpenEnded,
    /// Months or days without a year.
    NoYear,
}

/// A programme whose period cannot be placed on the axis.
#[derive(Clone, Debug, Serialize)]
pub struct Unplaced {
    pub region: String,
    pub region_name: Text,
    pub source_record: String,
    pub path: String,
    pub name: Text,
    pub note: Option<Text>,
    pub period: When,
    pub reason: Unplaceable,
}

/// Every status sheet's programmes.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    /// In region and document order.
    pub unplaced: Vec<Unplaced>,
}

/// The timeline of the corpus (see the module documentation).
pub fn timeline(corpus: &Corpus) -> Timeline {
    let mut out = Timeline::default();
    for rec in corpus
        .records
        .iter()
        .filter(|r| r.kind == Kind::StatusSheets)
    {
        let Body::StatusSheet(sheet) = &rec.body else {
            continue;
        };
        let region_name = region_name(corpus, &sheet.region);
        for (i, p) in sheet.history.programmes.iter().enumerate() {
            let path = format!("history.programmes[{i}]");
            match fiscal_span(&p.period) {
                Ok((start_fy, end_fy)) => out.rows.push(TimelineRow {
                    region: sheet.region.to_string(),
                    region_name: region_name.clone(),
                    source_record: rec.id.clone(),
                    path,
                    name: p.name.clone(),
                    note: p.note.clone(),
                    period: (*p.period).clone(),
                    start_fy,
                    end_fy,
                }),
                Err(reason) => out.unplaced.push(Unplaced {
                    region: sheet.region.to_string(),
                    region_name: region_name.clone(),
                    source_record: rec.id.clone(),
                    path,
                    name: p.name.clone(),
                    note: p.note.clone(),
                    period: (*p.period).clone(),
                    reason,
                }),
            }
        }
    }
    out.rows
        .sort_by(|a, b| (&a.region, a.start_fy, a.end_fy).cmp(&(&b.region, b.start_fy, b.end_fy)));
    out.unplaced.sort_by(|a, b| a.region.cmp(&b.region));
    out
}

fn region_name(corpus: &Corpus, id: &str) -> Text {
    corpus
        .records
        .iter()
        .filter(|r| r.kind == Kind::Regions && r.id == id)
        .find_map(|r| match &r.body {
            Body::Region(region) => Some(region.name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| Text {
            ja: id.to_owned(),
            en: Some(id.to_owned()),
        })
}

/// First and last fiscal year a period covers, or why it has none.
pub fn fiscal_span(period: &When) -> Result<(i32, i32), Unplaceable> {
    match period {
        When::Open(Open::NotStated) => Err(Unplaceable::NotStated),
        When::Open(Open::AllYear) => Err(Unplaceable::AllYear),
        When::Open(Open::Undecided) => Err(Unplaceable::Undecided),
        When::Range { from, to } if from.is_none() || to.is_none() => Err(Unplaceable::OpenEnded),
        _ => period
            .bounds()
            .map(|(first, last)| (first.fiscal_year(), last.fiscal_year()))
            .ok_or(Unplaceable::NoYear),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::corpus;

    #[test]
    fn kumamoto_programmes_with_and_without_periods() {
        let t = timeline(corpus());
        let kumamoto: Vec<&TimelineRow> = t
            .rows
            .iter()
            .filter(|r| r.source_record == "kumamoto-pref-sheet")
            .collect();
        let spans: Vec<(i32, i32)> = kumamoto.iter().map(|r| (r.start_fy, r.end_fy)).collect();
        // 精神障がい者地域移行支援事業 H25～R2, 措置入院者の退院後支援 H30～R3.
        assert_eq!(spans, vec![(2013, 2020), (2018, 2021)]);
        assert_eq!(kumamoto[0].name.ja, "精神障がい者地域移行支援事業");
        assert_eq!(kumamoto[1].name.ja, "措置入院者の退院後支援");
        let unplaced: Vec<&Unplaced> = t
            .unplaced
            .iter()
            .filter(|u| u.source_record == "kumamoto-pref-sheet")
            .collect();
        assert_eq!(unplaced.len(), 7);
        assert!(unplaced.iter().all(|u| u.reason == Unplaceable::NotStated));
        assert!(unplaced
            .iter()
            .any(|u| u.name.ja == "退院後支援専門相談員の設置"));
    }

    #[test]
    fn periods_are_never_guessed() {
        let when = |s: &str| s.parse::<When>().expect("a date");
        assert_eq!(fiscal_span(&when("H30～R3")), Ok((2018, 2021)));
        assert_eq!(fiscal_span(&when("令和2年度")), Ok((2020, 2020)));
        assert_eq!(fiscal_span(&when("2021")), Ok((2020, 2021)));
        assert_eq!(fiscal_span(&when("R4年1～2月")), Ok((2021, 2021)));
        assert_eq!(
            fiscal_span(&when("not-stated")),
            Err(Unplaceable::NotStated)
        );
        assert_eq!(fiscal_span(&when("通年")), Err(Unplaceable::AllYear));
        assert_eq!(fiscal_span(&when("未定")), Err(Unplaceable::Undecided));
        assert_eq!(fiscal_span(&when("H30～")), Err(Unplaceable::OpenEnded));
        assert_eq!(fiscal_span(&when("8月")), Err(Unplaceable::NoYear));
    }
}
