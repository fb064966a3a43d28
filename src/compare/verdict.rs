//! What a comparison may say about its target, given the dates of its values (issue #15).
//!
//! In: one source row's baseline, target and actual ([`Obs`]), and the indicator's direction.
//! Out: a [`Verdict`], or `None` when the row has no target or no measured value.
//!
//! The value judged is the row's actual, or its baseline when it has none (a sheet's
//! "current value" against a target due later is the gap so far). Then:
//!
//! - **not comparable** ([`Status::NotComparable`]) when the value has no placeable date, when
//!   its date shares no day with the date its column heading names, or when it was measured
//!   before the target was set — with every such [`Reason`];
//! - **met / not met**, final, only when the value was measured at or after the target's
//!   deadline (its last day is not before the deadline's last day);
//! - otherwise provisional: **on track** when the value already reaches the target in the
//!   indicator's direction, **not yet met** when it does not, with why it is provisional —
//!   measured before the deadline, or the target states no deadline (only when it was set, or
//!   no date at all).
//!
//! Guarantees: a final verdict is never given for a value measured before the deadline or for
//! a target without one; nothing here panics on data.

use serde::Serialize;

use super::observations::{DateRole, Obs, ObsKind};
use crate::model::date::Ymd;
use crate::model::number::tidy;
use crate::model::vocab::Direction;
use crate::model::When;

/// What the dates allow a comparison to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Measured at or after the deadline, and the target is reached.
    Met,
    /// Measured at or after the deadline, and the target is not reached.
    NotMet,
    /// Before the deadline (or without one), the target is already reached.
    OnTrack,
    /// Before the deadline (or without one), the target is not reached yet.
    NotYetMet,
    /// The dates do not allow the value to be set against the target.
    NotComparable,
}

impl Status {
    /// `met`, `not-met`, `on-track`, `not-yet-met`, `not-comparable`: the CSV's `verdict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::OnTrack => "on-track",
            Status::NotYetMet => "not-yet-met",
            Status::NotComparable => "not-comparable",
        }
    }

    /// True for a verdict the deadline allows: met or not met.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Met | Status::NotMet)
    }
}

/// Why a verdict is provisional, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Provisional: the value was measured before the target's deadline.
    BeforeDeadline,
    /// Provisional: the target gives when it was set, not a deadline.
    NoDeadline,
    /// Provisional: the target gives no date at all.
    TargetUndated,
    /// Not comparable: the value has no placeable date.
    Undated,
    /// Not comparable: the value's date shares no day with the one its column heading names.
    ContradictsHeading,
    /// Not comparable: the value was measured before the target was set.
    BeforeTargetSet,
}

impl Reason {
    /// The reason's code, as the CSV's `verdict_reason` lists it.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::BeforeDeadline => "before-deadline",
            Reason::NoDeadline => "no-deadline",
            Reason::TargetUndated => "target-undated",
            Reason::Undated => "undated",
            Reason::ContradictsHeading => "contradicts-heading",
            Reason::BeforeTargetSet => "before-target-set",
        }
    }
}

/// What a comparison says about its target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub status: Status,
    /// The value judged: [`ObsKind::Actual`], or [`ObsKind::Baseline`] for a row without one.
    pub judged: ObsKind,
    /// Judged value − target (for "fewer is better", positive is a shortfall); `None` when
    /// not comparable.
    pub gap: Option<f64>,
    /// Why the verdict is provisional, or why there is none; empty for a final verdict.
    /// Sorted, no repeats.
    pub reasons: Vec<Reason>,
}

/// Whether `actual` reaches `target` in the direction of progress.
pub fn is_met(actual: f64, target: f64, better: Direction) -> bool {
    match better {
        Direction::Lower => actual <= target,
        Direction::Higher => actual >= target,
    }
}

/// The verdict of one source row (see the module documentation).
pub fn judge(
    baseline: Option<&Obs>,
    target: Option<&Obs>,
    actual: Option<&Obs>,
    better: Direction,
) -> Option<Verdict> {
    let target = target?;
    let (judged, value) = match (actual, baseline) {
        (Some(a), _) => (ObsKind::Actual, a),
        (None, Some(b)) => (ObsKind::Baseline, b),
        (None, None) => return None,
    };
    let blocked = not_comparable(value, target);
    if !blocked.is_empty() {
        return Some(Verdict {
            status: Status::NotComparable,
            judged,
            gap: None,
            reasons: blocked,
        });
    }
    let reached = is_met(value.value, target.value, better);
    let provisional = provisional(value, target);
    let status = match (provisional.is_empty(), reached) {
        (true, true) => Status::Met,
        (true, false) => Status::NotMet,
        (false, true) => Status::OnTrack,
        (false, false) => Status::NotYetMet,
    };
    Some(Verdict {
        status,
        judged,
        gap: Some(tidy(value.value - target.value)),
        reasons: provisional,
    })
}

/// Why `value` cannot be set against `target`; empty when it can.
fn not_comparable(value: &Obs, target: &Obs) -> Vec<Reason> {
    let mut out = Vec::new();
    let Some(measured) = days(value.date.as_ref()) else {
        return vec![Reason::Undated];
    };
    if let Some(heading) = days(value.heading.as_ref()) {
        if measured.1 < heading.0 || measured.0 > heading.1 {
            out.push(Reason::ContradictsHeading);
        }
    }
    if let Some(set) = days(set_at(target)) {
        if measured.1 < set.0 {
            out.push(Reason::BeforeTargetSet);
        }
    }
    out.sort();
    out
}

/// Why a verdict on `value` cannot be final yet; empty when it can.
fn provisional(value: &Obs, target: &Obs) -> Vec<Reason> {
    let deadline = match target.date_role {
        DateRole::Deadline => days(target.date.as_ref()),
        _ => None,
    };
    match (deadline, &target.date, days(value.date.as_ref())) {
        (Some(deadline), _, Some(measured)) if measured.1 >= deadline.1 => Vec::new(),
        (Some(_), _, _) => vec![Reason::BeforeDeadline],
        (None, Some(_), _) if target.date_role == DateRole::SetAt => vec![Reason::NoDeadline],
        _ => vec![Reason::TargetUndated],
    }
}

/// When the target was set, if known: its date for a target without a deadline, else the
/// `set_at` it keeps beside its deadline.
pub fn set_at(target: &Obs) -> Option<&When> {
    match target.date_role {
        DateRole::SetAt => target.date.as_ref(),
        _ => target.set_at.as_ref(),
    }
}

fn days(when: Option<&When>) -> Option<(Ymd, Ymd)> {
    when.and_then(When::bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> Option<When> {
        Some(s.parse().expect("a date"))
    }

    fn value(v: f64, as_of: &str) -> Obs {
        Obs {
            value: v,
            of: None,
            date: when(as_of),
            date_role: DateRole::AsOf,
            path: String::new(),
            notes: Vec::new(),
            heading: None,
            set_at: None,
        }
    }

    fn target(v: f64, role: DateRole, date: &str) -> Obs {
        Obs {
            date_role: role,
            ..value(v, date)
        }
    }

    fn status(v: &Option<Verdict>) -> (Status, Vec<Reason>) {
        let v = v.as_ref().expect("a verdict");
        (v.status, v.reasons.clone())
    }

    /// Kumamoto's sheet, section 5: 4,830 (June 2019) against 4,396 due at the end of FY2021.
    #[test]
    fn a_current_value_before_the_deadline_is_the_gap_so_far() {
        let b = value(4830.0, "R1.6月時点");
        let t = target(4396.0, DateRole::Deadline, "令和3年度末");
        let v = judge(Some(&b), Some(&t), None, Direction::Lower);
        assert_eq!(
            status(&v),
            (Status::NotYetMet, vec![Reason::BeforeDeadline])
        );
        let v = v.expect("a verdict");
        assert_eq!((v.judged, v.gap), (ObsKind::Baseline, Some(434.0)));
        // The same value already below the target is on track, not met.
        let low = value(4000.0, "R1.6月時点");
        let v = judge(Some(&low), Some(&t), None, Direction::Lower);
        assert_eq!(status(&v), (Status::OnTrack, vec![Reason::BeforeDeadline]));
    }

    /// Kumamoto's sheet, section 4: an actual of June 2019 under a column headed "end of
    /// FY2020", against a target set at the start of FY2020.
    #[test]
    fn an_actual_before_the_target_and_against_its_heading_is_not_comparable() {
        let mut a = value(4830.0, "R1.6月時点");
        a.heading = when("令和２年度末");
        let t = target(4396.0, DateRole::SetAt, "令和２年度当初");
        let v = judge(None, Some(&t), Some(&a), Direction::Lower).expect("a verdict");
        assert_eq!(v.status, Status::NotComparable);
        assert_eq!(
            v.reasons,
            vec![Reason::ContradictsHeading, Reason::BeforeTargetSet]
        );
        assert_eq!(v.gap, None);
        // A heading that names a period holding the date is no contradiction.
        a.heading = when("令和元年度");
        let v = judge(None, Some(&t), Some(&a), Direction::Lower).expect("a verdict");
        assert_eq!(v.reasons, vec![Reason::BeforeTargetSet]);
    }

    #[test]
    fn only_a_value_at_or_after_the_deadline_gets_a_final_verdict() {
        let t = target(43.0, DateRole::Deadline, "令和2年度末");
        let higher = Direction::Higher;
        for (as_of, v, want) in [
            ("2021-03", 43.0, Status::Met),
            ("2021-03-31", 39.0, Status::NotMet),
            ("FY2020", 39.0, Status::NotMet),
            ("2021-06", 43.0, Status::Met),
            ("R2年度6月末", 39.0, Status::NotYetMet),
            ("R2年度6月末", 43.0, Status::OnTrack),
        ] {
            let a = value(v, as_of);
            let got = judge(None, Some(&t), Some(&a), higher).expect("a verdict");
            assert_eq!(got.status, want, "{as_of} {v}");
            assert_eq!(got.status.is_final(), got.reasons.is_empty(), "{as_of}");
        }
    }

    #[test]
    fn a_target_without_a_deadline_allows_no_final_verdict() {
        // Kagoshima: 5,454 (end of June 2020) against 5,017 set at the start of FY2020.
        let a = value(5454.0, "R２年度6月末");
        let t = target(5017.0, DateRole::SetAt, "R２年度当初");
        let v = judge(None, Some(&t), Some(&a), Direction::Lower);
        assert_eq!(status(&v), (Status::NotYetMet, vec![Reason::NoDeadline]));
        assert_eq!(v.and_then(|v| v.gap), Some(437.0));
        let mut undated = target(5017.0, DateRole::Deadline, "2020-01");
        undated.date = None;
        let v = judge(None, Some(&undated), Some(&a), Direction::Lower);
        assert_eq!(status(&v), (Status::NotYetMet, vec![Reason::TargetUndated]));
    }

    #[test]
    fn a_target_set_after_the_value_blocks_even_with_a_deadline() {
        let a = value(39.0, "2020-01");
        let mut t = target(43.0, DateRole::Deadline, "令和２年度末");
        t.set_at = when("R２年度当初");
        let v = judge(None, Some(&t), Some(&a), Direction::Higher);
        assert_eq!(
            status(&v),
            (Status::NotComparable, vec![Reason::BeforeTargetSet])
        );
    }

    #[test]
    fn an_undated_value_is_not_comparable_and_rows_without_a_target_have_no_verdict() {
        // Kagoshima's section 5: 5,454 whose fiscal year the sheet does not state.
        let b = value(5454.0, "not-stated");
        let t = target(5017.0, DateRole::Deadline, "令和2年度末");
        let v = judge(Some(&b), Some(&t), None, Direction::Lower);
        assert_eq!(status(&v), (Status::NotComparable, vec![Reason::Undated]));
        let a = value(31.0, "2020-01");
        assert_eq!(judge(None, None, Some(&a), Direction::Higher), None);
        assert_eq!(judge(None, Some(&t), None, Direction::Higher), None);
    }
}
