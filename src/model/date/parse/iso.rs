//! ISO and canonical forms: `2017-08-04`, `--08`, `2020-06-end`, `FY2020-start` …

use super::resolve::{checked_year, day_point, month_of};
use super::unreadable;
use crate::model::date::{DateError, Point};

/// ISO and canonical forms. `Ok(None)` when the text does not look like one at all.
pub(super) fn parse_iso(text: &str) -> Result<Option<Point>, DateError> {
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("fy") {
        return iso_fiscal(rest, text).map(Some);
    }
    let (year, fields) = if let Some(rest) = lower.strip_prefix("--") {
        (None, rest.split('-').collect::<Vec<_>>())
    } else {
        let Some(digits) = lower
            .get(..4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        else {
            return Ok(None);
        };
        let fields = match &lower[4..] {
            "" => Vec::new(),
            rest => match rest.strip_prefix('-') {
                Some(rest) => rest.split('-').collect(),
                None => return Ok(None),
            },
        };
        (
            Some(iso_number(digits, text).and_then(|y| checked_year(i64::from(y), text))?),
            fields,
        )
    };
    iso_point(year, &fields, text).map(Some)
}

fn iso_point(year: Option<i32>, fields: &[&str], text: &str) -> Result<Point, DateError> {
    let month = |m: &str| iso_number(m, text).and_then(|m| month_of(m, text));
    match (year, fields) {
        (Some(year), []) => Ok(Point::Year(year)),
        (year, [m]) => Ok(Point::Month {
            year,
            month: month(m)?,
        }),
        (year, [m, "end"]) => Ok(Point::MonthEnd {
            year,
            month: month(m)?,
        }),
        (year, [m, d]) => day_point(year, month(m)?, iso_number(d, text)?, text),
        _ => Err(unreadable(text)),
    }
}

fn iso_fiscal(rest: &str, text: &str) -> Result<Point, DateError> {
    let (digits, edge) = rest
        .split_once('-')
        .map_or((rest, None), |(y, e)| (y, Some(e)));
    if digits.len() != 4 {
        return Err(unreadable(text));
    }
    let year = checked_year(i64::from(iso_number(digits, text)?), text)?;
    match edge {
        None => Ok(Point::FiscalYear(year)),
        Some("start") => Ok(Point::FiscalYearStart(year)),
        Some("end") => Ok(Point::FiscalYearEnd(year)),
        Some(_) => Err(unreadable(text)),
    }
}

/// One to four ASCII digits.
fn iso_number(digits: &str, text: &str) -> Result<u32, DateError> {
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unreadable(text));
    }
    Ok(digits
        .bytes()
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use crate::model::date::testing::when;

    #[test]
    fn iso_forms() {
        for (input, canonical) in [
            ("2017-08-04", "2017-08-04"),
            ("2019-06", "2019-06"),
            ("2021", "2021"),
            ("2019-6", "2019-06"),
            ("FY2020", "FY2020"),
            ("fy2020", "FY2020"),
            ("FY2020-start", "FY2020-start"),
            ("FY2020-end", "FY2020-end"),
            ("ＦＹ２０２０", "FY2020"),
            ("2020-06-end", "2020-06-end"),
            ("--08-04", "--08-04"),
            ("--06", "--06"),
            ("--06-end", "--06-end"),
            ("2020-02-29", "2020-02-29"),
            ("2017.8.4", "2017-08-04"),
            ("2020/4/1", "2020-04-01"),
            ("2020/4", "2020-04"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }
}
