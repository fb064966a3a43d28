//! The canonical text of a date, which [`super::parse`] reads back to the same value, and
//! serde through that text.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::{Dated, Open, Point, When};

/// The newtype-struct name [`When`]'s `Deserialize` asks for, so that a loader can recognise
/// date fields (for example to attach a source span to a date error).
pub const SERDE_NAME: &str = "$casebook::date";

fn iso_year(year: Option<i32>) -> String {
    year.map_or_else(|| "-".to_string(), |y| format!("{y:04}"))
}

impl Point {
    /// The canonical string: `2017-08-04`, `--08`, `2020-06-end`, `2021`, `FY2020-start` …
    pub fn canonical(&self) -> String {
        match *self {
            Point::Day { year, month, day } => format!("{}-{month:02}-{day:02}", iso_year(year)),
            Point::Month { year, month } => format!("{}-{month:02}", iso_year(year)),
            Point::MonthEnd { year, month } => format!("{}-{month:02}-end", iso_year(year)),
            Point::Year(year) => format!("{year:04}"),
            Point::FiscalYear(year) => format!("FY{year:04}"),
            Point::FiscalYearStart(year) => format!("FY{year:04}-start"),
            Point::FiscalYearEnd(year) => format!("FY{year:04}-end"),
        }
    }
}

impl Open {
    /// `all-year`, `undecided`, `not-stated`.
    pub fn canonical(self) -> &'static str {
        match self {
            Open::AllYear => "all-year",
            Open::Undecided => "undecided",
            Open::NotStated => "not-stated",
        }
    }
}

impl When {
    /// The canonical string, which [`parse`] reads back to the same value: `2017-08-04`, `--08`,
    /// `2020-06-end`, `2021`, `FY2020`, `FY2020-start`, `FY2020-end`, ranges `A/B`, `A/`, `/B`,
    /// and `all-year`, `undecided`, `not-stated`.
    pub fn canonical(&self) -> String {
        match self {
            When::At(point) => point.canonical(),
            When::Range { from, to } => {
                let side = |p: &Option<Point>| p.as_ref().map(Point::canonical).unwrap_or_default();
                format!("{}/{}", side(from), side(to))
            }
            When::Open(open) => open.canonical().to_string(),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

impl<'de> Deserialize<'de> for When {
    /// Read as a [`Dated`], keeping only the value.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        Dated::deserialize(deserializer).map(Dated::into_when)
    }
}
