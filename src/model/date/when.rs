//! The values a date reads into ([`Point`], [`Open`], [`When`]) and what reading reports
//! ([`Parsed`], [`DateWarning`], [`DateError`]).

use std::fmt;

/// One point or period in time, as precise as the source wrote it.
///
/// The derived `Ord` is structural (variant first), meant for deterministic sorting and map keys;
/// for chronological order compare [`Point::bounds`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Point {
    /// A day; `year` is `None` when written without one (`2月1日`).
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A month; `year` is `None` when written without one (`8月` in a schedule).
    Month { year: Option<i32>, month: u8 },
    /// The last day of a month (`6月末`).
    MonthEnd { year: Option<i32>, month: u8 },
    /// A calendar year (`R3年`, `R3年中`, `2021`).
    Year(i32),
    /// A fiscal year, April–March, named by its starting year: `令和2年度` = `FiscalYear(2020)`.
    FiscalYear(i32),
    /// The start of a fiscal year (`年度当初`): April 1.
    FiscalYearStart(i32),
    /// The end of a fiscal year (`年度末`): March 31 of the next calendar year.
    FiscalYearEnd(i32),
}

/// A period the source gives no dates for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Open {
    /// `通年`: all year round.
    AllYear,
    /// `未定`: not decided yet.
    Undecided,
    /// `期間の記載なし`, `期間不明`: the source does not say.
    NotStated,
}

/// A date field's value: a point, a range, or an open period.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum When {
    At(Point),
    /// `8月～` is `from: Some(Month 8), to: None`. At least one side is `Some`.
    Range {
        from: Option<Point>,
        to: Option<Point>,
    },
    Open(Open),
}

/// A date that cannot be read or does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub help: Option<String>,
}

/// A date that was read but is suspicious (an era year past the era's end, and the like).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateWarning {
    pub message: String,
    pub help: Option<String>,
}

/// What [`parse`](fn@super::parse) returns: the value and anything worth a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub when: When,
    pub warnings: Vec<DateWarning>,
}

impl DateError {
    pub(super) fn new(message: impl Into<String>, help: impl Into<String>) -> DateError {
        DateError {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

impl fmt::Display for DateWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
