//! Checking one side into a [`Point`]: western years, month and day ranges, fiscal months.

use super::tokens::Edge;
use super::warning::era_warning;
use super::written::{Kind, Written, YearNum};
use super::{unreadable, Part};
use crate::model::date::calendar::{days_in_month, month_name, Ymd, MAX_YEAR, MIN_YEAR};
use crate::model::date::{DateError, DateWarning, Point};

pub(super) fn resolve(part: Part, warnings: &mut Vec<DateWarning>) -> Result<Point, DateError> {
    let w = match part {
        Part::Literal(point) => return Ok(point),
        Part::Written(w) => w,
    };
    if w.loose.is_some() {
        return Err(DateError::new(
            format!("`{}` has a number but no unit", w.text),
            "add 年, 年度, 月 or 日, like 4月 or R2年度",
        ));
    }
    let year = western_year(&w)?;
    let kind = w.kind.settled(w.era.is_some());
    let point = build_point(year, kind, &w)?;
    if let (Some(era), Some(year)) = (w.era, year) {
        warnings.extend(era_warning(era, year, kind, &point, &w.text));
    }
    Ok(point)
}

/// Resolves the right side of a range. One that borrowed the left side's year moves on a year
/// when it would otherwise end before the left side starts (`R2年12月～1月` ends in January 2021).
/// The choice looks at month and day only, so `2月29日` placed in a common year is an error.
pub(super) fn resolve_after(
    part: Part,
    start: Option<Ymd>,
    warnings: &mut Vec<DateWarning>,
) -> Result<Point, DateError> {
    let part = match (part, start) {
        (Part::Written(mut w), Some(start)) => {
            if let (Some(YearNum::Inherited(year)), true) = (w.year, ends_before(&w, start)) {
                w.year = Some(YearNum::Inherited(year.saturating_add(1)));
            }
            Part::Written(w)
        }
        (part, _) => part,
    };
    resolve(part, warnings)
}

/// Whether a side with a borrowed year and a month ends before `start`, before checking the day.
fn ends_before(w: &Written, start: Ymd) -> bool {
    let (Some(YearNum::Inherited(year)), Some(month)) = (w.year, w.month) else {
        return false;
    };
    let year = match w.kind {
        Kind::Fiscal if month <= 3 => i64::from(year) + 1,
        _ => i64::from(year),
    };
    // A month or month end ends on its last day: comparing day 31 orders it the same way.
    let day = w.day.unwrap_or(31);
    (year, month, day)
        < (
            i64::from(start.year),
            u32::from(start.month),
            u32::from(start.day),
        )
}

pub(super) fn western_year(w: &Written) -> Result<Option<i32>, DateError> {
    let num = match w.year {
        None => return Ok(None),
        Some(YearNum::Inherited(year)) => return checked_year(i64::from(year), &w.text).map(Some),
        Some(YearNum::Written(num)) => num,
    };
    let year =
        match w.era {
            Some(era) if num.value == 0 => {
                return Err(DateError::new(
                    format!("`{}` has era year 0", w.text),
                    format!(
                        "the first year of an era is 元年 (1), like {}元年",
                        era.kanji()
                    ),
                ))
            }
            Some(era) => i64::from(era.offset()) + i64::from(num.value),
            None if num.digits == 4 => i64::from(num.value),
            None => return Err(DateError::new(
                format!("`{}` gives a year without an era", w.text),
                "write the era, like 平成28年度 or H28年度, or a four-digit year, like 2016年度",
            )),
        };
    checked_year(year, &w.text).map(Some)
}

fn build_point(year: Option<i32>, kind: Kind, w: &Written) -> Result<Point, DateError> {
    let Some(month) = w.month else {
        return year_point(year, kind, w);
    };
    let month = month_of(month, &w.text)?;
    let year = match year {
        // Months 1–3 of a fiscal year are in the next calendar year.
        Some(year) if kind == Kind::Fiscal && month <= 3 => {
            Some(checked_year(i64::from(year) + 1, &w.text)?)
        }
        year => year,
    };
    match (w.day, w.edge) {
        (Some(day), _) => day_point(year, month, day, &w.text),
        (None, Some(_)) => Ok(Point::MonthEnd { year, month }),
        (None, None) => Ok(Point::Month { year, month }),
    }
}

fn year_point(year: Option<i32>, kind: Kind, w: &Written) -> Result<Point, DateError> {
    let year = match (year, w.day) {
        (Some(year), None) => year,
        (_, Some(_)) => {
            return Err(DateError::new(
                format!("`{}` gives a day but no month", w.text),
                "write the month too, like 2月1日",
            ))
        }
        (None, None) => return Err(unreadable(&w.text)),
    };
    Ok(match (kind, w.edge) {
        (Kind::Fiscal, Some(Edge::Start)) => Point::FiscalYearStart(year),
        (Kind::Fiscal, Some(Edge::End)) => Point::FiscalYearEnd(year),
        (Kind::Fiscal, None) => Point::FiscalYear(year),
        // Edges after a calendar year were refused when reading.
        _ => Point::Year(year),
    })
}

pub(super) fn checked_year(year: i64, text: &str) -> Result<i32, DateError> {
    i32::try_from(year)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
        .ok_or_else(|| {
            DateError::new(
                format!(
                    "`{text}` is outside the years Casebook handles ({MIN_YEAR} to {MAX_YEAR})"
                ),
                "check the year",
            )
        })
}

pub(super) fn month_of(value: u32, text: &str) -> Result<u8, DateError> {
    u8::try_from(value)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| {
            DateError::new(
                format!("`{text}`: there is no month {value}"),
                "months run from 1 to 12",
            )
        })
}

pub(super) fn day_point(
    year: Option<i32>,
    month: u8,
    day: u32,
    text: &str,
) -> Result<Point, DateError> {
    let last = days_in_month(year, month);
    match u8::try_from(day) {
        Ok(day) if (1..=last).contains(&day) => Ok(Point::Day { year, month, day }),
        _ => {
            let name = match year {
                Some(year) => format!("{} {year}", month_name(month)),
                None => month_name(month).to_string(),
            };
            Err(DateError::new(
                format!("`{text}` is not a real date: {name} has no day {day}"),
                format!("days in {name} run from 1 to {last}"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::date::parse;
    use crate::model::date::testing::{error, when};

    #[test]
    fn months_inside_a_fiscal_year() {
        for (input, canonical) in [
            ("R2年度6月末", "2020-06-end"),
            ("R3年度1月", "2022-01"),
            ("R3年度4月", "2021-04"),
            ("R2年度3月31日", "2021-03-31"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn impossible_dates_are_errors() {
        for (input, says) in [
            ("2019-13", "no month 13"),
            ("2019-00", "no month 0"),
            ("13月", "no month 13"),
            ("0月", "no month 0"),
            ("R2年13月", "no month 13"),
            ("2019-02-29", "February 2019 has no day 29"),
            ("2019年2月29日", "February 2019 has no day 29"),
            ("H31.2.29", "February 2019 has no day 29"),
            ("2月30日", "February has no day 30"),
            ("4月31日", "April has no day 31"),
            ("2021-04-31", "April 2021 has no day 31"),
            ("2月0日", "has no day 0"),
            ("R0年度", "era year 0"),
            ("令和0年", "era year 0"),
            ("H0.1.1", "era year 0"),
            ("R3年度～R2年度", "ends before it starts"),
            ("2021/2020", "ends before it starts"),
            ("R2年4月～R1年", "ends before it starts"),
        ] {
            let e = error(input);
            assert!(e.message.contains(says), "{input}: {}", e.message);
            assert!(e.help.is_some(), "{input}");
        }
    }

    #[test]
    fn leap_years() {
        assert!(parse("2020-02-29").is_ok());
        assert!(parse("2000-02-29").is_ok());
        assert!(parse("1900-02-29").is_err());
        assert!(parse("R2.2.29").is_ok());
        assert!(parse("R3.2.29").is_err());
        assert!(
            parse("R1年度2月29日").is_ok(),
            "February of FY2019 is in 2020"
        );
    }
}
