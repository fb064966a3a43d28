//! Baseline, target and actual side by side, per source row, direction-aware.
//!
//! In: [`Observation`]s (from [`observations`](super::observations::observations)) and the
//! indicator vocabulary (unit, and `better`: which way is progress).
//! Out: one [`Comparison`] per region, indicator and source row (a row of a sheet's
//! `results` or `strengths` table, or one outcome `discharge` entry), in the observations'
//! order. Counts (`history.groups[].counts`) are series, not comparisons, and are left out.
//!
//! - `change` = actual − baseline; `gap` = actual − target (for "fewer is better", a positive
//!   gap is a shortfall);
//! - `verdict`: what the dates allow the row to say — met / not met only for a value measured
//!   at or after the deadline, else on track / not yet met, or not comparable (see
//!   [`verdict`](super::verdict)); "reached" is actual ≤ target when lower is better, actual ≥
//!   target when higher is better, on the values, also for "N of M" rows (39 of 43 against 43
//!   is not reached);
//! - `progress` = (actual − baseline) / (target − baseline), the share of the way from the
//!   baseline to the target (the same for both directions: for `lower` it is
//!   (baseline − actual) / (baseline − target)); `None` without a baseline, an actual or a
//!   target, or when baseline = target.
//!
//! Guarantees: values from different points are never merged — a comparison only pairs the
//! values of one source row, each [`Obs`] keeps its own date, and [`Comparison::caveats`]
//! says when the dates qualify the verdict (an actual measured before the target's deadline,
//! or before the target was set; a date the source does not state). Derived numbers are
//! rounded to ten decimals so that 54.8 − 69 is −14.2, not −14.200000000000003.

use std::collections::BTreeMap;

use serde::Serialize;

use super::observations::{indicator_defs, DateRole, Obs, ObsKind, Observation};
use super::verdict::{judge, Reason, Verdict};
use crate::load::Corpus;
use crate::model::region::Population;
use crate::model::vocab::{Direction, Unit};
use crate::model::{Body, Kind, When};

/// Something about the dates (or wholes) that qualifies a comparison's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Caveat {
    /// The baseline has no placeable date (missing, `not-stated`, no year).
    BaselineUndated,
    /// The actual has no placeable date.
    ActualUndated,
    /// The target has no placeable date.
    TargetUndated,
    /// The target gives the point it was set at, not a deadline.
    NoDeadline,
    /// The actual was measured before the deadline: the verdict is provisional.
    ActualBeforeDeadline,
    /// The actual was measured before the target was set.
    ActualBeforeTargetSet,
    /// The actual was not measured after the baseline (the same point, overlapping periods, or
    /// earlier): `change` is no change over time.
    ActualNotAfterBaseline,
    /// Baseline, target and actual give different wholes ("of").
    WholesDiffer,
}

/// Baseline, target and actual of one indicator in one source row.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    pub region: String,
    pub indicator: String,
    pub unit: Unit,
    /// Which way is progress.
    pub better: Direction,
    pub source_record: String,
    pub source_kind: Kind,
    /// `results.indicators[0]`, `strengths.indicators[2]`, `discharge[1]`.
    pub row_path: String,
    pub baseline: Option<Obs>,
    pub target: Option<Obs>,
    pub actual: Option<Obs>,
    /// actual − baseline.
    pub change: Option<f64>,
    /// actual − target, whatever the dates (the verdict's gap is the one pages print).
    pub gap: Option<f64>,
    /// What the dates allow the row to say about its target ([`verdict`](super::verdict)).
    pub verdict: Option<Verdict>,
    /// Share of the way from baseline to target (1.0 = reached; negative = went backwards).
    pub progress: Option<f64>,
    /// What qualifies the verdict; sorted, no repeats.
    pub caveats: Vec<Caveat>,
}

impl Comparison {
    /// The value the verdict judged (the actual, or the baseline of a row without one).
    pub fn judged(&self) -> Option<&Obs> {
        match self.verdict.as_ref()?.judged {
            ObsKind::Baseline => self.baseline.as_ref(),
            _ => self.actual.as_ref(),
        }
    }

    /// The caveats the verdict does not already give as its reasons, for pages that print
    /// both (a caveat about the judged value's date or the target's is said by the verdict).
    pub fn other_caveats(&self) -> Vec<Caveat> {
        let Some(v) = &self.verdict else {
            return self.caveats.clone();
        };
        let judged_undated = match v.judged {
            ObsKind::Baseline => Caveat::BaselineUndated,
            _ => Caveat::ActualUndated,
        };
        let said = |c: &Caveat| match c {
            Caveat::ActualBeforeDeadline => v.reasons.contains(&Reason::BeforeDeadline),
            Caveat::ActualBeforeTargetSet => v.reasons.contains(&Reason::BeforeTargetSet),
            Caveat::NoDeadline => {
                v.reasons.contains(&Reason::NoDeadline)
                    || v.reasons.contains(&Reason::BeforeTargetSet)
            }
            Caveat::TargetUndated => v.reasons.contains(&Reason::TargetUndated),
            c => *c == judged_undated,
        };
        self.caveats.iter().copied().filter(|c| !said(c)).collect()
    }
}

/// Every comparison in the corpus (see the module documentation).
pub fn comparisons(corpus: &Corpus, observations: &[Observation]) -> Vec<Comparison> {
    let defs = indicator_defs(corpus);
    let mut order: Vec<(&str, &str, &str)> = Vec::new();
    let mut rows: BTreeMap<(&str, &str, &str), Vec<&Observation>> = BTreeMap::new();
    for o in observations.iter().filter(|o| o.kind != ObsKind::Count) {
        let key = (o.source_record.as_str(), o.row_path(), o.indicator.as_str());
        let entry = rows.entry(key).or_default();
        if entry.is_empty() {
            order.push(key);
        }
        entry.push(o);
    }
    order
        .into_iter()
        .filter_map(|key| {
            let row = rows.get(&key)?;
            let first = row.first()?;
            let def = defs.get(first.indicator.as_str())?;
            Some(compare(row, def.better))
        })
        .collect()
}

/// Compare the observations of one source row.
fn compare(row: &[&Observation], better: Direction) -> Comparison {
    let pick = |kind: ObsKind| {
        row.iter()
            .find(|o| o.kind == kind)
            .map(|o| Obs::from_observation(o))
    };
    let (baseline, target, actual) = (
        pick(ObsKind::Baseline),
        pick(ObsKind::Target),
        pick(ObsKind::Actual),
    );
    let first = row.first().copied();
    let value = |o: &Option<Obs>| o.as_ref().map(|o| o.value);
    let (b, t, a) = (value(&baseline), value(&target), value(&actual));
    let caveats = caveats(baseline.as_ref(), target.as_ref(), actual.as_ref());
    Comparison {
        region: first.map(|o| o.region.clone()).unwrap_or_default(),
        indicator: first.map(|o| o.indicator.clone()).unwrap_or_default(),
        unit: first.map_or(Unit::Count, |o| o.unit),
        better,
        source_record: first.map(|o| o.source_record.clone()).unwrap_or_default(),
        source_kind: first.map_or(Kind::StatusSheets, |o| o.source_kind),
        row_path: first.map(|o| o.row_path().to_owned()).unwrap_or_default(),
        change: a.zip(b).map(|(a, b)| tidy(a - b)),
        gap: a.zip(t).map(|(a, t)| tidy(a - t)),
        verdict: judge(baseline.as_ref(), target.as_ref(), actual.as_ref(), better),
        progress: progress(b, t, a),
        caveats,
        baseline,
        target,
        actual,
    }
}

/// Share of the way from baseline to target. The formula is the same for both directions:
/// with lower-is-better, (baseline − actual) / (baseline − target) equals
/// (actual − baseline) / (target − baseline).
pub fn progress(baseline: Option<f64>, target: Option<f64>, actual: Option<f64>) -> Option<f64> {
    let (b, t, a) = (baseline?, target?, actual?);
    let span = t - b;
    if span == 0.0 || !span.is_finite() {
        return None;
    }
    Some(tidy((a - b) / span))
}

use crate::model::number::tidy;

fn caveats(baseline: Option<&Obs>, target: Option<&Obs>, actual: Option<&Obs>) -> Vec<Caveat> {
    let mut out = Vec::new();
    let undated = |o: Option<&Obs>, c: Caveat| o.filter(|o| !o.is_dated()).map(|_| c);
    out.extend(undated(baseline, Caveat::BaselineUndated));
    out.extend(undated(actual, Caveat::ActualUndated));
    out.extend(undated(target, Caveat::TargetUndated));
    if let Some(t) = target.filter(|t| t.is_dated() && t.date_role == DateRole::SetAt) {
        out.push(Caveat::NoDeadline);
        if actual.is_some_and(|a| ends_before(a, t)) {
            out.push(Caveat::ActualBeforeTargetSet);
        }
    }
    if let Some(t) = target.filter(|t| t.date_role == DateRole::Deadline) {
        if actual.is_some_and(|a| ends_before(a, t)) {
            out.push(Caveat::ActualBeforeDeadline);
        }
    }
    if let (Some(b), Some(a)) = (baseline, actual) {
        if b.is_dated() && a.is_dated() && !ends_before(b, a) {
            out.push(Caveat::ActualNotAfterBaseline);
        }
    }
    let wholes: Vec<Option<f64>> = [baseline, target, actual]
        .into_iter()
        .flatten()
        .map(|o| o.of)
        .collect();
    if wholes.windows(2).any(|w| w[0] != w[1]) {
        out.push(Caveat::WholesDiffer);
    }
    out.sort();
    out.dedup();
    out
}

/// True when `a`'s last day is before `b`'s first day, both known.
fn ends_before(a: &Obs, b: &Obs) -> bool {
    let a = a.date.as_ref().and_then(When::bounds);
    let b = b.date.as_ref().and_then(When::bounds);
    matches!((a, b), (Some((_, a_last)), Some((b_first, _))) if a_last < b_first)
}

/// True when two dates name the same stretch of calendar days (`R1.6月時点` and `2019-06`;
/// `令和2年度末` and `2021-03-31`). Never true for a date without known days: `not-stated`,
/// `通年`, an open-ended range, a month without a year — two unknowns are not the same point.
pub fn same_point(a: &When, b: &When) -> bool {
    match (a.bounds(), b.bounds()) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A count of people per 100,000 inhabitants, with the population it was scaled by.
#[derive(Clone, Debug, Serialize)]
pub struct PerCapita {
    /// value × 100,000 / population, rounded to ten decimals.
    pub per_100k: f64,
    pub population: u64,
    /// When the population was counted; pages show it beside the rate.
    pub population_as_of: Option<When>,
    /// True when the population figure is rounded in the source ("約40万人").
    pub approximate: bool,
}

/// `value` per 100,000 inhabitants. `None` unless the unit is `people` and the population is
/// known and not zero: rates, counts of places and counts of occasions are not scaled.
pub fn per_100k(value: f64, unit: Unit, population: &Population) -> Option<PerCapita> {
    if unit != Unit::People || population.value == 0 {
        return None;
    }
    // u64 → f64 is exact below 2^53, far above any population.
    let people = population.value as f64;
    Some(PerCapita {
        per_100k: tidy(value * 100_000.0 / people),
        population: population.value,
        population_as_of: population.as_of.as_deref().cloned(),
        approximate: population.approximate,
    })
}

/// The population a region record gives, if any.
pub fn population_of<'a>(corpus: &'a Corpus, region: &str) -> Option<&'a Population> {
    corpus
        .records
        .iter()
        .filter(|r| r.kind == Kind::Regions && r.id == region)
        .find_map(|r| match &r.body {
            Body::Region(region) => region.population.as_ref(),
            _ => None,
        })
}

/// Comparisons grouped by indicator id, each group in the original order.
pub fn by_indicator(comparisons: &[Comparison]) -> BTreeMap<&str, Vec<&Comparison>> {
    let mut out: BTreeMap<&str, Vec<&Comparison>> = BTreeMap::new();
    for c in comparisons {
        out.entry(c.indicator.as_str()).or_default().push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::observations::observations;
    use crate::compare::verdict::is_met;
    use crate::compare::Status;
    use crate::model::date::Point;
    use crate::model::StatusSheet;
    use crate::testutil::corpus;

    const TOLERANCE: f64 = 1e-9;

    fn all() -> Vec<Comparison> {
        let corpus = corpus();
        comparisons(corpus, &observations(corpus))
    }

    fn row<'a>(cs: &'a [Comparison], record: &str, row_path: &str) -> &'a Comparison {
        cs.iter()
            .find(|c| c.source_record == record && c.row_path == row_path)
            .unwrap_or_else(|| panic!("no comparison {record} {row_path}"))
    }

    fn sheet(id: &str) -> &'static StatusSheet {
        corpus()
            .records
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| match &r.body {
                Body::StatusSheet(s) => Some(&**s),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no status sheet {id}"))
    }

    /// The row of `table` ("results" / "strengths") for `indicator`, and its path.
    fn row_path(id: &str, table: &str, indicator: &str) -> String {
        let s = sheet(id);
        let rows = match table {
            "results" => &s.results.indicators,
            _ => &s.strengths.indicators,
        };
        let i = rows
            .iter()
            .position(|r| r.indicator == indicator)
            .unwrap_or_else(|| panic!("{id} has no {table} row for {indicator}"));
        format!("{table}.indicators[{i}]")
    }

    fn june_2019() -> When {
        When::At(Point::Month {
            year: Some(2019),
            month: 6,
        })
    }

    fn verdict_of(c: &Comparison) -> (Status, Option<f64>, Vec<Reason>) {
        let v = c.verdict.as_ref().expect("a verdict");
        (v.status, v.gap, v.reasons.clone())
    }

    /// Issue #15: the section 4 actual (June 2019) sits under a column headed "end of FY2020"
    /// and predates the target (set at the start of FY2020): not comparable, never "not met".
    #[test]
    fn kumamoto_long_term_inpatients_results_row_is_not_comparable() {
        let cs = all();
        let path = row_path("kumamoto-pref-sheet", "results", "long-term-inpatients");
        let c = row(&cs, "kumamoto-pref-sheet", &path);
        assert_eq!(c.region, "kumamoto-pref");
        assert_eq!(
            c.better,
            Direction::Lower,
            "fewer long-term inpatients is better"
        );
        assert_eq!(c.unit, Unit::People);
        let target = c.target.as_ref().expect("a target");
        let actual = c.actual.as_ref().expect("an actual");
        // DOMAIN.md: target 4,396, actual 4,830 (R1.6月時点).
        assert_eq!(target.value, 4396.0);
        assert_eq!(actual.value, 4830.0);
        assert_eq!(actual.date, Some(june_2019()));
        assert_eq!(c.gap, Some(434.0));
        assert_eq!(
            actual.heading,
            Some(When::At(Point::FiscalYearEnd(2020))),
            "the heading's point"
        );
        assert_eq!(
            verdict_of(c),
            (
                Status::NotComparable,
                None,
                vec![Reason::ContradictsHeading, Reason::BeforeTargetSet]
            )
        );
        assert!(c.baseline.is_none() && c.change.is_none() && c.progress.is_none());
        // The actual (June 2019) predates the target, set at the start of FY2020.
        assert!(c.caveats.contains(&Caveat::NoDeadline));
        assert!(c.caveats.contains(&Caveat::ActualBeforeTargetSet));
        // The verdict says both; no caveat repeats them.
        assert!(c.other_caveats().is_empty(), "{:?}", c.other_caveats());
    }

    /// Issue #15, done when: 4,830 (June 2019) against 4,396 due at the end of FY2021 is 434
    /// above the target, not yet due.
    #[test]
    fn kumamoto_long_term_inpatients_are_434_above_the_target_not_yet_due() {
        let cs = all();
        let path = row_path("kumamoto-pref-sheet", "strengths", "long-term-inpatients");
        let c = row(&cs, "kumamoto-pref-sheet", &path);
        assert_eq!(
            verdict_of(c),
            (Status::NotYetMet, Some(434.0), vec![Reason::BeforeDeadline])
        );
        assert_eq!(c.judged().map(|o| o.value), Some(4830.0));
        assert_eq!(c.judged().and_then(|o| o.date.clone()), Some(june_2019()));
        let final_not_met = cs.iter().any(|c| {
            c.region == "kumamoto-pref"
                && c.verdict
                    .as_ref()
                    .is_some_and(|v| v.status == Status::NotMet)
        });
        assert!(!final_not_met, "no final verdict for Kumamoto before 2022");
    }

    #[test]
    fn kumamoto_discharge_rates_below_target() {
        let cs = all();
        // DOMAIN.md: 54.8 / 80.5 / 88.2 % against 69 / 84 / 90 %: 14.2 / 3.5 / 1.8 points
        // below, as of June 2019, with the deadline (end of FY2021) to come.
        let expected = [
            ("discharge-rate-3m", 54.8, 69.0, -14.2),
            ("discharge-rate-6m", 80.5, 84.0, -3.5),
            ("discharge-rate-12m", 88.2, 90.0, -1.8),
        ];
        for (indicator, actual, target, gap) in expected {
            let path = row_path("kumamoto-pref-sheet", "results", indicator);
            let c = row(&cs, "kumamoto-pref-sheet", &path);
            assert_eq!(c.indicator, indicator);
            assert_eq!(c.better, Direction::Higher);
            assert_eq!(c.unit, Unit::Percent);
            assert_eq!(c.actual.as_ref().map(|o| o.value), Some(actual));
            assert_eq!(c.target.as_ref().map(|o| o.value), Some(target));
            let got = c.gap.expect("a gap");
            assert!(
                (got - gap).abs() < TOLERANCE,
                "{indicator}: gap {got}, not {gap}"
            );
            assert_eq!(verdict_of(c).0, Status::NotComparable, "{indicator}");
            let path = row_path("kumamoto-pref-sheet", "strengths", indicator);
            let c = row(&cs, "kumamoto-pref-sheet", &path);
            let (status, so_far, reasons) = verdict_of(c);
            assert_eq!(status, Status::NotYetMet, "{indicator}");
            assert_eq!(reasons, vec![Reason::BeforeDeadline]);
            let so_far = so_far.expect("a gap so far");
            assert!((so_far - gap).abs() < TOLERANCE, "{indicator}: {so_far}");
        }
    }

    #[test]
    fn kumamoto_strengths_rows_pair_baseline_and_deadline() {
        let cs = all();
        let path = row_path("kumamoto-pref-sheet", "strengths", "long-term-inpatients");
        let c = row(&cs, "kumamoto-pref-sheet", &path);
        let baseline = c.baseline.as_ref().expect("a baseline");
        let target = c.target.as_ref().expect("a target");
        assert_eq!((baseline.value, target.value), (4830.0, 4396.0));
        assert_eq!(baseline.date, Some(june_2019()));
        assert_eq!(target.date_role, DateRole::Deadline);
        assert_eq!(target.date, Some(When::At(Point::FiscalYearEnd(2021))));
        // No actual in this table: no change, no progress; the verdict judges the baseline.
        assert_eq!((c.gap, c.progress), (None, None));
        assert_eq!(
            c.verdict.as_ref().map(|v| v.judged),
            Some(ObsKind::Baseline)
        );
    }

    #[test]
    fn kagoshima_forums_39_of_43() {
        let cs = all();
        let path = row_path("kagoshima-pref-sheet", "results", "municipal-forums");
        let c = row(&cs, "kagoshima-pref-sheet", &path);
        assert_eq!(c.region, "kagoshima-pref");
        let actual = c.actual.as_ref().expect("an actual");
        let target = c.target.as_ref().expect("a target");
        assert_eq!((actual.value, actual.of), (39.0, Some(43.0)));
        assert_eq!((target.value, target.of), (43.0, Some(43.0)));
        assert_eq!(c.gap, Some(-4.0));
        // Measured at the end of June FY2020, before the deadline (end of FY2020), after the
        // target was set (start of FY2020): 4 below the target, not yet due.
        assert_eq!(
            verdict_of(c),
            (Status::NotYetMet, Some(-4.0), vec![Reason::BeforeDeadline])
        );
        assert!(c.caveats.contains(&Caveat::ActualBeforeDeadline));
        assert!(!c.caveats.contains(&Caveat::WholesDiffer));
    }

    /// Kagoshima's 5,454 (end of June 2020) against 5,017 set at the start of FY2020, with no
    /// deadline: 437 above so far, and no final verdict; the verdict says why, no caveat
    /// repeats it.
    #[test]
    fn kagoshima_long_term_inpatients_have_no_deadline_so_no_final_verdict() {
        let cs = all();
        let path = row_path("kagoshima-pref-sheet", "results", "long-term-inpatients");
        let c = row(&cs, "kagoshima-pref-sheet", &path);
        assert_eq!(
            verdict_of(c),
            (Status::NotYetMet, Some(437.0), vec![Reason::NoDeadline])
        );
        assert!(c.caveats.contains(&Caveat::NoDeadline));
        assert!(c.other_caveats().is_empty(), "{:?}", c.other_caveats());
    }

    #[test]
    fn kagoshima_baselines_without_a_stated_point_are_flagged() {
        let cs = all();
        let path = row_path("kagoshima-pref-sheet", "strengths", "long-term-inpatients");
        let c = row(&cs, "kagoshima-pref-sheet", &path);
        assert_eq!(c.baseline.as_ref().map(|o| o.value), Some(5454.0));
        assert_eq!(
            c.baseline.as_ref().and_then(|o| o.date.clone()),
            Some(When::Open(crate::model::date::Open::NotStated))
        );
        assert!(c.caveats.contains(&Caveat::BaselineUndated));
        assert_eq!(
            verdict_of(c),
            (Status::NotComparable, None, vec![Reason::Undated])
        );
    }

    #[test]
    fn counts_are_not_comparisons() {
        assert!(all().iter().all(|c| !c.row_path.starts_with("history.")));
    }

    #[test]
    fn direction_aware_met_and_progress() {
        assert!(is_met(4000.0, 4396.0, Direction::Lower));
        assert!(!is_met(4830.0, 4396.0, Direction::Lower));
        assert!(is_met(4396.0, 4396.0, Direction::Lower));
        assert!(is_met(90.0, 90.0, Direction::Higher));
        assert!(!is_met(88.2, 90.0, Direction::Higher));
        // Lower is better: 4830 → 4613 is half the way to 4396.
        assert_eq!(
            progress(Some(4830.0), Some(4396.0), Some(4613.0)),
            Some(0.5)
        );
        // Higher is better: 54.8 → 61.9 is half the way to 69.
        let p = progress(Some(54.8), Some(69.0), Some(61.9)).expect("progress");
        assert!((p - 0.5).abs() < TOLERANCE);
        // Going the wrong way is negative.
        assert_eq!(
            progress(Some(4830.0), Some(4396.0), Some(5047.0)),
            Some(-0.5)
        );
        assert_eq!(progress(Some(43.0), Some(43.0), Some(43.0)), None);
        assert_eq!(progress(None, Some(43.0), Some(39.0)), None);
    }

    #[test]
    fn same_point_compares_days_not_spelling() {
        let when = |s: &str| s.parse::<When>().expect("a date");
        assert!(same_point(&when("R1.6月時点"), &when("2019-06")));
        assert!(same_point(&when("令和2年度末"), &when("2021-03-31")));
        assert!(!same_point(&when("R1.6月時点"), &when("R2年度6月末")));
        assert!(!same_point(&when("not-stated"), &when("not-stated")));
        assert!(!same_point(&when("2月1日"), &when("2月1日")));
    }

    #[test]
    fn per_100k_only_for_people() {
        let pop = Population {
            value: 980_219,
            as_of: Some(
                When::At(Point::Month {
                    year: Some(2020),
                    month: 1,
                })
                .into(),
            ),
            approximate: false,
        };
        let scaled = per_100k(31.0, Unit::People, &pop).expect("people scale");
        assert!((scaled.per_100k - 31.0 * 100_000.0 / 980_219.0).abs() < 1e-9);
        assert_eq!(scaled.population_as_of.as_ref(), pop.as_of.as_deref());
        assert!(per_100k(54.8, Unit::Percent, &pop).is_none());
        assert!(per_100k(3.0, Unit::Count, &pop).is_none());
        let zero = Population {
            value: 0,
            as_of: None,
            approximate: false,
        };
        assert!(per_100k(1.0, Unit::People, &zero).is_none());
    }

    #[test]
    fn population_comes_from_the_region_record() {
        let pop = population_of(corpus(), "chiba-city").expect("Chiba City has a population");
        assert_eq!(pop.value, 980_219);
        assert!(population_of(corpus(), "kumamoto-pref").is_none());
    }
}
