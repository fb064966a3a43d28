//! Date points and the timeline's axis.
//!
//! Dates that cannot exist are refused where they are read (`yaml::de`); here: an indicator
//! value has the point it was measured at, a target the point it is for, and the columns of
//! a sheet's timeline are fiscal years in order, headed as printed.

use super::Checker;
use crate::diag::Code;
use crate::model::date::{Point, When};
use crate::model::indicator::IndicatorRow;
use crate::model::number::grouped;
use crate::model::sheet::AxisYear;
use crate::model::{Body, Spanned};

/// Every date rule of a record.
pub(super) fn record(c: &mut Checker, body: &Body) {
    let Body::StatusSheet(s) = body else { return };
    axis(c, &s.history.axis);
    for row in s.results.indicators.iter().chain(&s.strengths.indicators) {
        indicator_row(c, row);
    }
}

fn indicator_row(c: &mut Checker, row: &IndicatorRow) {
    for (field, value) in [("baseline", &row.baseline), ("actual", &row.actual)] {
        if let Some(v) = value.as_ref().filter(|v| v.as_of.is_none()) {
            c.push(
                Code::MissingDatePoint,
                v.span(),
                format!("the {field} value {} has no date point", grouped(*v.value)),
                "add `as_of:` with the point it was measured at, e.g. `as_of: R1.6月時点`",
            );
        }
    }
    if let Some(t) = row.target.as_ref() {
        if t.deadline.is_none() && t.set_at.is_none() {
            c.push(
                Code::MissingDatePoint,
                t.span(),
                format!("the target {} has no date point", grouped(*t.value)),
                "add `deadline:` (by when, e.g. `令和3年度末`) or `set_at:` (when it was set, e.g. `令和2年度当初`)",
            );
        }
    }
}

/// The timeline's columns are fiscal years in order, and their printed headings name them.
fn axis(c: &mut Checker, axis: &[AxisYear]) {
    let mut last: Option<i32> = None;
    for a in axis {
        let year = match *a.year {
            When::At(Point::FiscalYear(y)) => y,
            _ => {
                c.push(
                    Code::InvalidValue,
                    a.year.span(),
                    "a timeline column is a fiscal year".into(),
                    "write the fiscal year as printed, e.g. `H24` or `R1`",
                );
                continue;
            }
        };
        if last.is_some_and(|l| year != l + 1) {
            c.push(
                Code::InvalidValue,
                a.year.span(),
                format!("FY{year} does not follow the column before it"),
                "list the timeline's fiscal years in order, one column each",
            );
        }
        last = Some(year);
        heading(c, &a.label, year);
    }
}

/// 「R1(2019)」: the era year, and the Western year of the fiscal year's start.
fn heading(c: &mut Checker, label: &Spanned<String>, year: i32) {
    let (era, western) = match label.split_once(['(', '（']) {
        Some((e, w)) => (e, Some(w.trim_end_matches([')', '）']))),
        None => (label.as_str(), None),
    };
    let era_ok = era.trim().parse::<When>().ok() == Some(When::At(Point::FiscalYear(year)));
    let western_ok = western.is_none_or(|w| number(w) == Some(i64::from(year)));
    if !era_ok || !western_ok {
        c.push(
            Code::InvalidValue,
            label.span(),
            format!("the heading `{}` does not name FY{year}", label.as_str()),
            "write the column heading as printed for that fiscal year, e.g. `H24` or `R1(2019)`",
        );
    }
}

/// A whole number written in ASCII or full-width digits (`2019`, `２０１９`).
fn number(s: &str) -> Option<i64> {
    let digits: Option<Vec<u32>> = s
        .chars()
        .map(|c| match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        })
        .collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    Some(digits.iter().fold(0, |n, d| n * 10 + i64::from(*d)))
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn western_years_read_in_either_width() {
        assert_eq!(number("2019"), Some(2019));
        assert_eq!(number("２０２１"), Some(2021));
        assert_eq!(number(""), None);
        assert_eq!(number("20l9"), None);
    }
}
