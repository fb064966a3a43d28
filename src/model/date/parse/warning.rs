//! Warnings for an era written past its end or before its start.

use super::written::Kind;
use crate::model::date::bounds::fiscal_span;
use crate::model::date::display::{ja_year, year_anchor};
use crate::model::date::{DateWarning, Era, Point};
use crate::model::lang::Lang;

/// A warning when the written era was not in force at any time of what the date names.
pub(super) fn era_warning(
    era: Era,
    year: i32,
    kind: Kind,
    point: &Point,
    text: &str,
) -> Option<DateWarning> {
    let (first, last) = if kind == Kind::Fiscal {
        fiscal_span(year)?
    } else {
        point.bounds()?
    };
    if era.overlaps(first, last) {
        return None;
    }
    let name = era.english();
    let message = match era.last_day() {
        Some(end) if first > end => {
            format!("`{text}` is past the end of the {name} era (it ended on {end})")
        }
        _ => format!(
            "`{text}` is before the {name} era began (on {})",
            era.first_day()
        ),
    };
    let fix = if kind == Kind::Fiscal && !point.ja_month_part().is_empty() {
        format!(
            "{}度{}",
            ja_year(year, year_anchor(year)),
            point.ja_month_part()
        )
    } else {
        point.display(Lang::Ja)
    };
    Some(DateWarning {
        message,
        help: Some(format!("write `{fix}`")),
    })
}
