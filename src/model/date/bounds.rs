//! The days a date covers, and the fiscal year it starts in. A range side written without a
//! year is placed next to the other side.

use super::calendar::{days_in_month, Ymd};
use super::{Point, When};

fn month_span(year: i32, month: u8) -> Option<(Ymd, Ymd)> {
    Some((
        Ymd::new(year, month, 1)?,
        Ymd::new(year, month, days_in_month(Some(year), month))?,
    ))
}

pub(super) fn fiscal_span(year: i32) -> Option<(Ymd, Ymd)> {
    Some((
        Ymd::new(year, 4, 1)?,
        Ymd::new(year.checked_add(1)?, 3, 31)?,
    ))
}

impl Point {
    /// The first and last day covered; `None` when written without a year.
    pub fn bounds(&self) -> Option<(Ymd, Ymd)> {
        match *self {
            Point::Day { year, month, day } => Ymd::new(year?, month, day).map(|d| (d, d)),
            Point::Month { year, month } => month_span(year?, month),
            Point::MonthEnd { year, month } => month_span(year?, month).map(|(_, end)| (end, end)),
            Point::Year(year) => Some((Ymd::new(year, 1, 1)?, Ymd::new(year, 12, 31)?)),
            Point::FiscalYear(year) => fiscal_span(year),
            Point::FiscalYearStart(year) => fiscal_span(year).map(|(start, _)| (start, start)),
            Point::FiscalYearEnd(year) => fiscal_span(year).map(|(_, end)| (end, end)),
        }
    }

    /// The same day or month placed in `year`; `None` when the point already has a year.
    fn with_year(&self, year: i32) -> Option<Point> {
        match *self {
            Point::Day {
                year: None,
                month,
                day,
            } => Some(Point::Day {
                year: Some(year),
                month,
                day,
            }),
            Point::Month { year: None, month } => Some(Point::Month {
                year: Some(year),
                month,
            }),
            Point::MonthEnd { year: None, month } => Some(Point::MonthEnd {
                year: Some(year),
                month,
            }),
            _ => None,
        }
    }
}

impl When {
    /// First and last day covered; `None` when unknown: an open period, a range open at one
    /// end, or no year anywhere. In a range, a side without a year is placed next to the other
    /// side (`4月～R4年3月` covers 2021-04-01 … 2022-03-31).
    pub fn bounds(&self) -> Option<(Ymd, Ymd)> {
        match self {
            When::At(point) => point.bounds(),
            When::Range { from, to } => {
                let (first, last) = range_span(from.as_ref(), to.as_ref());
                Some((first?, last?))
            }
            When::Open(_) => None,
        }
    }

    /// The fiscal year the start falls in, when the start is known.
    pub fn fiscal_year(&self) -> Option<i32> {
        let first = match self {
            When::At(point) => point.bounds().map(|(first, _)| first),
            When::Range { from, to } => range_span(from.as_ref(), to.as_ref()).0,
            When::Open(_) => None,
        };
        first.map(Ymd::fiscal_year)
    }
}

/// First day of `from` and last day of `to`, placing a side without a year next to the other.
fn range_span(from: Option<&Point>, to: Option<&Point>) -> (Option<Ymd>, Option<Ymd>) {
    let from_bounds = from.and_then(Point::bounds);
    let to_bounds = to.and_then(Point::bounds);
    let first = match (from, from_bounds, to_bounds) {
        (_, Some((first, _)), _) => Some(first),
        (Some(point), None, Some((_, end))) => infer_before(point, end),
        _ => None,
    };
    let last = match (to, to_bounds, from_bounds) {
        (_, Some((_, last)), _) => Some(last),
        (Some(point), None, Some((start, _))) => infer_after(point, start),
        _ => None,
    };
    (first, last)
}

/// The first day of a year-less `point` placed in `end`'s year, or the year before when it would
/// start after `end`. The year is chosen by month and day alone, so `2月29日` that lands in a
/// common year gives `None` rather than jumping to a leap year.
fn infer_before(point: &Point, end: Ymd) -> Option<Ymd> {
    let year = if month_day(point, end.year, false)? <= (end.month, end.day) {
        end.year
    } else {
        end.year.checked_sub(1)?
    };
    point.with_year(year)?.bounds().map(|(first, _)| first)
}

/// The last day of a year-less `point` placed in `start`'s year, or the year after when it would
/// end before `start` — the same choice [`parse`](fn@super::parse) makes for `R2年12月～1月`.
fn infer_after(point: &Point, start: Ymd) -> Option<Ymd> {
    let year = if month_day(point, start.year, true)? < (start.month, start.day) {
        start.year.checked_add(1)?
    } else {
        start.year
    };
    point.with_year(year)?.bounds().map(|(_, last)| last)
}

/// Month and day of a year-less point's first (or `last`) day, months measured in `year`.
fn month_day(point: &Point, year: i32, last: bool) -> Option<(u8, u8)> {
    match *point {
        Point::Day {
            year: None,
            month,
            day,
        } => Some((month, day)),
        Point::Month { year: None, month } if !last => Some((month, 1)),
        Point::Month { year: None, month } | Point::MonthEnd { year: None, month } => {
            Some((month, days_in_month(Some(year), month)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::calendar::ymd;
    use crate::model::date::testing::when;
    use crate::model::lang::Lang;

    #[test]
    fn bounds() {
        for (input, bounds) in [
            ("2017-08-04", Some((ymd(2017, 8, 4), ymd(2017, 8, 4)))),
            ("2020-02", Some((ymd(2020, 2, 1), ymd(2020, 2, 29)))),
            ("2019-02-end", Some((ymd(2019, 2, 28), ymd(2019, 2, 28)))),
            ("2021", Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))),
            ("令和2年度", Some((ymd(2020, 4, 1), ymd(2021, 3, 31)))),
            ("令和2年度当初", Some((ymd(2020, 4, 1), ymd(2020, 4, 1)))),
            ("令和2年度末", Some((ymd(2021, 3, 31), ymd(2021, 3, 31)))),
            ("H29～R1年度", Some((ymd(2017, 4, 1), ymd(2020, 3, 31)))),
            ("4月～R4年3月", Some((ymd(2021, 4, 1), ymd(2022, 3, 31)))),
            ("2022-12/--01", Some((ymd(2022, 12, 1), ymd(2023, 1, 31)))),
            ("8月", None),
            ("8月～", None),
            ("4～6月", None),
            ("～R3年度", None),
            ("通年", None),
        ] {
            assert_eq!(when(input).bounds(), bounds, "{input}");
        }
    }

    #[test]
    fn fiscal_years() {
        for (input, fy) in [
            ("R4年1～2月", Some(2021)),
            ("2020-04-01", Some(2020)),
            ("2021-03-31", Some(2020)),
            ("令和2年度末", Some(2020)),
            ("令和2年度当初", Some(2020)),
            ("R3年", Some(2020)),
            ("8月～", None),
            ("～R3年度", None),
            ("4月～R4年3月", Some(2021)),
            ("未定", None),
        ] {
            assert_eq!(when(input).fiscal_year(), fy, "{input}");
        }
    }

    #[test]
    fn point_bounds_of_impossible_points_are_none() {
        assert_eq!(
            Point::Month {
                year: Some(2020),
                month: 13
            }
            .bounds(),
            None
        );
        assert_eq!(
            Point::Day {
                year: Some(2019),
                month: 2,
                day: 29
            }
            .bounds(),
            None
        );
        assert_eq!(Point::FiscalYearEnd(i32::MAX).bounds(), None);
        assert_eq!(
            Point::Month {
                year: Some(2020),
                month: 0
            }
            .display(Lang::En),
            "? 2020"
        );
    }
}
