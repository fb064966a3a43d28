//! Sharing between the two sides of a range: a unit, an era, a year and month.

use super::resolve::western_year;
use super::written::{Kind, YearNum};
use super::Part;
use crate::model::date::{Era, Point};

/// The finest unit a side names, for a side that wrote none.
#[derive(Clone, Copy, Debug)]
enum Finest {
    Year(Kind),
    Month,
    Day,
}

impl Part {
    fn finest(&self) -> Option<Finest> {
        match self {
            Part::Literal(Point::Day { .. }) => Some(Finest::Day),
            Part::Literal(Point::Month { .. } | Point::MonthEnd { .. }) => Some(Finest::Month),
            Part::Literal(Point::Year(_)) => Some(Finest::Year(Kind::Calendar)),
            Part::Literal(_) => Some(Finest::Year(Kind::Fiscal)),
            Part::Written(w) if w.day.is_some() => Some(Finest::Day),
            Part::Written(w) if w.month.is_some() => Some(Finest::Month),
            Part::Written(w) => w.year.map(|_| Finest::Year(w.kind)),
        }
    }

    fn era(&self) -> Option<Era> {
        match self {
            Part::Written(w) => w.era,
            Part::Literal(_) => None,
        }
    }

    /// The (western) year this side is in, and whether it counts as a fiscal year.
    fn year_context(&self) -> Option<(i32, Kind)> {
        match self {
            Part::Literal(point) => match *point {
                Point::Day { year, .. }
                | Point::Month { year, .. }
                | Point::MonthEnd { year, .. } => year.map(|y| (y, Kind::Calendar)),
                Point::Year(y) => Some((y, Kind::Calendar)),
                Point::FiscalYear(y) | Point::FiscalYearStart(y) | Point::FiscalYearEnd(y) => {
                    Some((y, Kind::Fiscal))
                }
            },
            Part::Written(w) => {
                let year = western_year(w).ok()??;
                Some((year, w.kind.settled(w.era.is_some())))
            }
        }
    }

    fn month(&self) -> Option<u32> {
        match self {
            Part::Literal(
                Point::Day { month, .. }
                | Point::Month { month, .. }
                | Point::MonthEnd { month, .. },
            ) => Some(u32::from(*month)),
            Part::Literal(_) => None,
            Part::Written(w) => w.month,
        }
    }
}

/// Lets each side of a range borrow what it left out from the other.
pub(super) fn share_between(from: &mut Part, to: &mut Part) {
    let (from_unit, to_unit) = (from.finest(), to.finest());
    share_unit(from, to_unit);
    share_unit(to, from_unit);
    let (from_era, to_era) = (from.era(), to.era());
    share_era(from, to_era);
    share_era(to, from_era);
    inherit_year(to, from);
}

/// A lone number takes the other side's unit; a bare year its 年 or 年度.
fn share_unit(part: &mut Part, other: Option<Finest>) {
    let (Part::Written(w), Some(finest)) = (part, other) else {
        return;
    };
    if let Some(num) = w.loose.take() {
        match finest {
            Finest::Year(kind) => {
                w.year = Some(YearNum::Written(num));
                w.kind = kind;
            }
            Finest::Month => w.month = Some(num.value),
            Finest::Day => w.day = Some(num.value),
        }
    } else if let (Kind::Unknown, None, Finest::Year(kind)) = (w.kind, w.month, finest) {
        w.kind = kind;
    }
}

/// A year written without an era (`28年度`) takes the other side's era.
fn share_era(part: &mut Part, other: Option<Era>) {
    let (Part::Written(w), Some(era)) = (part, other) else {
        return;
    };
    if w.era.is_none() && matches!(w.year, Some(YearNum::Written(num)) if num.digits != 4) {
        w.era = Some(era);
    }
}

/// A right side without a year takes the left side's (calendar or fiscal) year, and a right
/// side with only a day also the left side's month.
fn inherit_year(to: &mut Part, from: &Part) {
    let Part::Written(w) = to else {
        return;
    };
    if w.year.is_some() || (w.month.is_none() && w.day.is_none()) {
        return;
    }
    let Some((year, kind)) = from.year_context() else {
        return;
    };
    w.year = Some(YearNum::Inherited(year));
    w.kind = kind;
    if w.month.is_none() {
        w.month = from.month();
    }
}
