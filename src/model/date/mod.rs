//! Dates as Japanese editors write them, read into one canonical value.
//!
//! In: one date string from a record, written the way the source sheets write it
//! (`R1.6月時点`, `令和2年度末`, `H29～R1年度`, `2017-08-04`, `通年` …).
//! Out: a [`When`] — a single [`Point`], a range of points, or an [`Open`] period — with
//! [`DateWarning`]s for dates that read fine but name an era that was not in force, or a
//! [`DateError`] whose `help` says what to write instead.
//!
//! Guarantees: [`parse`] never panics, whatever the input; `parse(&w.canonical())` gives back
//! `w` for every valid `When`; full-width and half-width text read alike, because the input is
//! NFKC-normalised and all whitespace is removed before anything else (`令和 2 年 1月時点`,
//! `Ｈ29. 8. 4`, `Ｒ４年度`).
//!
//! # Accepted forms
//!
//! | written | value | canonical |
//! | --- | --- | --- |
//! | `2017-08-04`, `2017.8.4`, `2017/8/4`, `H29.8.4`, `平成29年8月4日` | day | `2017-08-04` |
//! | `2019-06`, `2019年6月`, `R1.6`, `R1.6月`, `令和元年6月` | month | `2019-06` |
//! | `R2年6月末`, `2020-06-end` | end of a month | `2020-06-end` |
//! | `2月1日`, `8月`, `6月末` (no year) | day, month, month end | `--02-01`, `--08`, `--06-end` |
//! | `2021`, `R3年`, `R3年中` | calendar year | `2021` |
//! | `FY2020`, `2020年度`, `R2年度`, `令和2年度`, and a bare era year `R2`, `H24`, `令和2` | fiscal year | `FY2020` |
//! | `令和2年度当初`, `FY2020-start` | start of a fiscal year (April 1) | `FY2020-start` |
//! | `令和2年度末`, `FY2020-end` | end of a fiscal year (March 31 of the next year) | `FY2020-end` |
//! | `R2年度6月末`, `R3年度1月` | a month inside a fiscal year | `2020-06-end`, `2022-01` |
//! | `H29～R1年度`, `R4年1～2月`, `8月～`, `～R3年度`, `2019-06/2020-03` | range | `FY2017/FY2019`, `2022-01/2022-02`, `--08/`, `/FY2021` |
//! | `通年`, `未定`, `期間不明`, `期間の記載なし`, `all-year`, `undecided`, `not-stated` | open period | `all-year`, `undecided`, `not-stated` |
//!
//! Eras are written as letters (`H`, `R`, `S`, either case) or names (`平成`, `令和`, `昭和`,
//! also the ligatures `㍻`/`㋿`), with `元` for year 1. Numbers may also be kanji numerals
//! (`令和二年度`, `二〇二〇年`). A weekday in brackets (`（木）`) is ignored; so are the "as of"
//! suffixes `時点`, `現在`, `頃`, a trailing `中` ("during": `R3年中` is the year 2021), brackets
//! around the whole date (`（２月１日現在）`), and a bracket left over at either end when a date
//! was cut out of a longer bracket (`令和２年度末）`). Text longer than 64 characters is refused.
//!
//! # Conventions
//!
//! - **A bare era year is a fiscal year.** `R2`, `H24`, `令和2` with neither `年` nor `年度` are
//!   read as 年度, because that is how the sheets' timelines (取組の経緯) label their columns.
//!   A bare western year (`2021`) is a calendar year, as in ISO 8601.
//! - **Fiscal years** run April to March and are named by their starting year:
//!   `令和2年度` = `FY2020` = 2020-04-01 … 2021-03-31. Months 1–3 of a fiscal year fall in the next
//!   calendar year (`R3年度1月` = January 2022). `年度当初` is April 1, `年度末` March 31.
//! - **Ranges** are split at `～`, `〜`, `~`, `–`, `—`, `∼` or `/` (never at `-`, which belongs
//!   to ISO dates; and `2020/4/1` is a date). The words `AからB`, `Aから`, `Aより`, `Bまで` are
//!   ranges too, and an empty side or `現在` ("now") leaves that end open (`平成30年度～現在`).
//!   A side written without a unit takes the other side's (`H29～R1年度`: both are 年度;
//!   `4～6月`: both months). A right side without a year takes the left side's year — or fiscal
//!   year — and a right side with a day only also its month (`R4年1～2月`, `R2年度10月～3月`,
//!   `R2年4月1日～30日`); a year written without an era takes the other side's era
//!   (`平成27年度～28年度`). A right side that borrowed a year and would then end before the left
//!   side starts moves on a year (`R2年12月～1月` is December 2020 – January 2021). A left side
//!   never takes the right side's year: `4月～R4年3月` keeps `4月` without one (its
//!   [`When::bounds`] still place it in April 2021). Canonical parts (`2022-01`, `--02`, `FY2020`) are taken literally, and
//!   with `/` so is a bare western year, so that canonical strings read back unchanged.
//! - **Eras in display** are the era in force on the day shown: on the first day of a month, the
//!   last day of a month end, and December 31 for a calendar or fiscal year (so 2019 is 令和元年 and
//!   FY2019 is 令和元年度, as the ministry writes them). Before 昭和 began (1926-12-25) the western
//!   year is shown (`1920年`).
//! - **Era warnings**: a written era must have been in force at some point of what the date
//!   names — the whole fiscal year when `年度` was written (so `平成31年度` and `令和元年度` are both
//!   fine), otherwise the day, month or year. `平成32年度`, `H31年5月`, `令和元年4月` and
//!   `昭和64年2月` are read, with a [`DateWarning`] naming the right spelling.
//! - Years run from 1 to 9999; anything else (and any number too large to read) is an error.
//!
//! # Why this is written by hand
//!
//! No crate reads these. `erajp` only names the era of a year, and `wareki-conv` converts a
//! single JIS X 0301 date (and pulls in `regex` and `chrono`); neither knows 年度, 年度末 or
//! 年度当初, the sheets' shorthand (`R1.6月`, bare `H24`), months placed inside a fiscal year, or
//! ranges. The grammar is small, so it is written out here with plain string handling: normalise,
//! split a range, read each side as ISO or as a sequence of numbers and units, share what one side
//! left out with the other, then check the result.

pub mod dated;
mod notation;
mod schema;

use std::fmt;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;

use crate::model::lang::Lang;
pub use dated::Dated;

/// The newtype-struct name [`When`]'s `Deserialize` asks for, so that a loader can recognise
/// date fields (for example to attach a source span to a date error).
pub const SERDE_NAME: &str = "$casebook::date";

/// Longer text is refused outright, which also keeps error messages short.
const MAX_CHARS: usize = 64;

const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// What every "unreadable" error suggests.
const ACCEPTED: &str = "write an ISO date like 2020-04-01 or 2020-04, a fiscal year like FY2020 or \
                        令和2年度, an era date like R2.4.1 or 令和2年4月1日, a range like R2年4月～R3年3月, \
                        or 通年 / 未定 / 期間の記載なし";

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------------------------
// Calendar days and eras
// ---------------------------------------------------------------------------------------------

/// A calendar day (proleptic Gregorian). Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    /// The day, if it exists (`Ymd::new(2019, 2, 29)` is `None`).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Ymd> {
        let exists = day >= 1 && day <= days_in_month(Some(year), month);
        exists.then_some(Ymd { year, month, day })
    }

    /// The fiscal year (April–March) this day falls in, named by its starting year.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year.saturating_sub(1)
        }
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day from parts known to be valid (the era tables).
const fn ymd(year: i32, month: u8, day: u8) -> Ymd {
    Ymd { year, month, day }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month; February has 29 when the year is unknown. 0 for a month that does not exist.
fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        _ => 0,
    }
}

fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

fn month_abbr(month: u8) -> &'static str {
    month_name(month).get(..3).unwrap_or("?")
}

/// The modern eras. Earlier dates are shown with western years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    const NEWEST_FIRST: [Era; 3] = [Era::Reiwa, Era::Heisei, Era::Showa];

    /// Western year = offset + era year.
    fn offset(self) -> i32 {
        match self {
            Era::Showa => 1925,
            Era::Heisei => 1988,
            Era::Reiwa => 2018,
        }
    }

    fn first_day(self) -> Ymd {
        match self {
            Era::Showa => ymd(1926, 12, 25),
            Era::Heisei => ymd(1989, 1, 8),
            Era::Reiwa => ymd(2019, 5, 1),
        }
    }

    fn last_day(self) -> Option<Ymd> {
        match self {
            Era::Showa => Some(ymd(1989, 1, 7)),
            Era::Heisei => Some(ymd(2019, 4, 30)),
            Era::Reiwa => None,
        }
    }

    fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The era in force on `day`, if it is one of ours.
    fn in_force(day: Ymd) -> Option<Era> {
        Era::NEWEST_FIRST
            .into_iter()
            .find(|era| era.first_day() <= day)
    }

    /// Whether the era was in force on some day of `first..=last`.
    fn overlaps(self, first: Ymd, last: Ymd) -> bool {
        self.first_day() <= last && self.last_day().is_none_or(|end| first <= end)
    }
}

// ---------------------------------------------------------------------------------------------
// The public values
// ---------------------------------------------------------------------------------------------

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

/// What [`parse`] returns: the value and anything worth a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub when: When,
    pub warnings: Vec<DateWarning>,
}

impl DateError {
    fn new(message: impl Into<String>, help: impl Into<String>) -> DateError {
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

// ---------------------------------------------------------------------------------------------
// Point: bounds, canonical form, display
// ---------------------------------------------------------------------------------------------

fn month_span(year: i32, month: u8) -> Option<(Ymd, Ymd)> {
    Some((
        Ymd::new(year, month, 1)?,
        Ymd::new(year, month, days_in_month(Some(year), month))?,
    ))
}

fn fiscal_span(year: i32) -> Option<(Ymd, Ymd)> {
    Some((
        Ymd::new(year, 4, 1)?,
        Ymd::new(year.checked_add(1)?, 3, 31)?,
    ))
}

/// December 31: the day whose era names a calendar or fiscal year.
fn year_anchor(year: i32) -> Ymd {
    ymd(year, 12, 31)
}

/// `令和元年`, `平成29年`, or `1920年` before 昭和: the era in force on `anchor`.
fn ja_year(year: i32, anchor: Ymd) -> String {
    match Era::in_force(anchor) {
        Some(era) => match year - era.offset() {
            1 => format!("{}元年", era.kanji()),
            n => format!("{}{n}年", era.kanji()),
        },
        None => format!("{year}年"),
    }
}

fn iso_year(year: Option<i32>) -> String {
    year.map_or_else(|| "-".to_string(), |y| format!("{y:04}"))
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

    /// The point in the reader's language: `平成29年8月4日` / `4 Aug 2017`.
    pub fn display(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => self.ja(),
            Lang::En => self.en(),
        }
    }

    fn ja(&self) -> String {
        match *self {
            Point::Day { year, month, day } => self.ja_with_year(year, month, day),
            Point::Month { year, month } => self.ja_with_year(year, month, 1),
            Point::MonthEnd { year, month } => {
                self.ja_with_year(year, month, days_in_month(year, month))
            }
            Point::Year(year) => ja_year(year, year_anchor(year)),
            Point::FiscalYear(year) => format!("{}度", ja_year(year, year_anchor(year))),
            Point::FiscalYearStart(year) => format!("{}度当初", ja_year(year, year_anchor(year))),
            Point::FiscalYearEnd(year) => format!("{}度末", ja_year(year, year_anchor(year))),
        }
    }

    /// A day-or-month point in Japanese, its era picked by the day `month`/`day` of its year.
    fn ja_with_year(&self, year: Option<i32>, month: u8, day: u8) -> String {
        match year {
            Some(year) => {
                let era_year = ja_year(year, ymd(year, month, day));
                format!("{era_year}{}", self.ja_month_part())
            }
            None => self.ja_month_part(),
        }
    }

    /// `8月4日`, `6月`, `6月末`; empty for year-level points.
    fn ja_month_part(&self) -> String {
        match *self {
            Point::Day { month, day, .. } => format!("{month}月{day}日"),
            Point::Month { month, .. } => format!("{month}月"),
            Point::MonthEnd { month, .. } => format!("{month}月末"),
            _ => String::new(),
        }
    }

    fn en(&self) -> String {
        let with_year = |text: String, year: Option<i32>| match year {
            Some(year) => format!("{text} {year}"),
            None => text,
        };
        match *self {
            Point::Day { year, month, day } => {
                with_year(format!("{day} {}", month_abbr(month)), year)
            }
            Point::Month { year, month } => with_year(month_name(month).to_string(), year),
            Point::MonthEnd { year, month } => {
                with_year(format!("end of {}", month_name(month)), year)
            }
            Point::Year(year) => year.to_string(),
            Point::FiscalYear(year) => format!("FY{year}"),
            Point::FiscalYearStart(year) => format!("start of FY{year}"),
            Point::FiscalYearEnd(year) => format!("end of FY{year}"),
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

// ---------------------------------------------------------------------------------------------
// When: canonical form, display, bounds
// ---------------------------------------------------------------------------------------------

impl Open {
    /// `all-year`, `undecided`, `not-stated`.
    pub fn canonical(self) -> &'static str {
        match self {
            Open::AllYear => "all-year",
            Open::Undecided => "undecided",
            Open::NotStated => "not-stated",
        }
    }

    /// `通年` / `all year`, `未定` / `to be decided`, `期間の記載なし` / `period not stated`.
    pub fn display(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Open::AllYear, Lang::Ja) => "通年",
            (Open::Undecided, Lang::Ja) => "未定",
            (Open::NotStated, Lang::Ja) => "期間の記載なし",
            (Open::AllYear, Lang::En) => "all year",
            (Open::Undecided, Lang::En) => "to be decided",
            (Open::NotStated, Lang::En) => "period not stated",
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

    /// The value in the reader's language: `令和2年度` / `FY2020`, `8月～` / `from August` …
    pub fn display(&self, lang: Lang) -> String {
        match self {
            When::At(point) => point.display(lang),
            When::Range { from, to } => range_display(from.as_ref(), to.as_ref(), lang),
            When::Open(open) => open.display(lang).to_string(),
        }
    }

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

fn range_display(from: Option<&Point>, to: Option<&Point>, lang: Lang) -> String {
    let from = from.map(|p| p.display(lang));
    let to = to.map(|p| p.display(lang));
    match (lang, from, to) {
        (Lang::Ja, from, to) => format!("{}～{}", from.unwrap_or_default(), to.unwrap_or_default()),
        (Lang::En, Some(from), Some(to)) => format!("{from} – {to}"),
        (Lang::En, Some(from), None) => format!("from {from}"),
        (Lang::En, None, Some(to)) => format!("until {to}"),
        (Lang::En, None, None) => String::new(),
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
/// end before `start` — the same choice [`parse`] makes for `R2年12月～1月`.
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

// ---------------------------------------------------------------------------------------------
// Parsing: entry point, normalisation, ranges
// ---------------------------------------------------------------------------------------------

/// Reads a date as written in the sources (see the module documentation for the forms).
pub fn parse(input: &str) -> Result<Parsed, DateError> {
    let normalized = spell_range_words(strip_decoration(&normalize(input)));
    let text = strip_decoration(&normalized);
    if text.is_empty() {
        return Err(DateError::new("the date is empty", ACCEPTED));
    }
    if text.chars().count() > MAX_CHARS {
        let start: String = text.chars().take(16).collect();
        return Err(DateError::new(
            format!("`{start}…` is too long to be a date"),
            ACCEPTED,
        ));
    }
    if let Some(open) = open_word(text) {
        return Ok(Parsed {
            when: When::Open(open),
            warnings: Vec::new(),
        });
    }
    let mut warnings = Vec::new();
    let when = match split_range(text)? {
        Split::Single => When::At(parse_single(text, &mut warnings)?),
        Split::Range { literal, from, to } => parse_range(text, literal, from, to, &mut warnings)?,
    };
    Ok(Parsed { when, warnings })
}

impl FromStr for When {
    type Err = DateError;

    /// [`parse`], dropping the warnings.
    fn from_str(s: &str) -> Result<When, DateError> {
        parse(s).map(|parsed| parsed.when)
    }
}

const WEEKDAYS: [&str; 8] = [
    "(月)", "(火)", "(水)", "(木)", "(金)", "(土)", "(日)", "(祝)",
];
const AS_OF_SUFFIXES: [&str; 5] = ["時点", "現在", "頃", "ごろ", "中"];
const RANGE_MARKS: [char; 5] = ['~', '〜', '–', '—', '∼'];

/// NFKC (full-width digits and letters become ASCII, `～` becomes `~`, `㍻` becomes `平成`),
/// then drop whitespace and bracketed weekdays.
fn normalize(input: &str) -> String {
    let mut text: String = input
        .nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .collect();
    for weekday in WEEKDAYS {
        if text.contains(weekday) {
            text = text.replace(weekday, "");
        }
    }
    text
}

/// Strips brackets around the whole text and "as of" / "during" suffixes, repeatedly.
fn strip_decoration(mut text: &str) -> &str {
    loop {
        while let Some(rest) = AS_OF_SUFFIXES.iter().find_map(|s| text.strip_suffix(s)) {
            text = rest;
        }
        let inner = strip_brackets(text);
        if inner.len() == text.len() {
            return text;
        }
        text = inner;
    }
}

/// `(A)`, and also `(A` or `A)` left over from a bracket that held more than the date; but not
/// `(A)～(B)`, whose brackets belong to the sides.
fn strip_brackets(text: &str) -> &str {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    if inner.contains(['(', ')']) {
        text
    } else {
        inner
    }
}

/// `AからB`, `Aから`, `Aより` and `Bまで` become `A~B`, `A~`, `A~` and `~B`.
fn spell_range_words(text: &str) -> String {
    let mut spelled = text.replace("から", "~").replace("より", "~");
    if let Some(until) = spelled.strip_suffix("まで") {
        spelled = if until.contains(RANGE_MARKS) {
            until.to_string()
        } else {
            format!("~{until}")
        };
    }
    spelled
}

fn open_word(text: &str) -> Option<Open> {
    match text.to_ascii_lowercase().as_str() {
        "通年" | "all-year" | "allyear" => Some(Open::AllYear),
        "未定" | "undecided" | "tobedecided" => Some(Open::Undecided),
        "期間不明" | "期間の記載なし" | "記載なし" | "not-stated" | "periodnotstated" => {
            Some(Open::NotStated)
        }
        _ => None,
    }
}

enum Split<'a> {
    Single,
    /// `literal`: split at `/`, the canonical separator, where a bare western year is a year.
    Range {
        literal: bool,
        from: &'a str,
        to: &'a str,
    },
}

fn split_range(text: &str) -> Result<Split<'_>, DateError> {
    let marks: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| RANGE_MARKS.contains(c))
        .collect();
    if let [(at, mark)] = marks[..] {
        let (from, to) = (&text[..at], &text[at + mark.len_utf8()..]);
        return Ok(Split::Range {
            literal: false,
            from,
            to,
        });
    }
    if !marks.is_empty() || (text.matches('/').count() > 1 && !is_slash_date(text)) {
        return Err(DateError::new(
            format!("`{text}` has more than one range separator"),
            "write one range, like R2年4月～R3年3月",
        ));
    }
    match text.split_once('/') {
        Some((from, to)) if !is_slash_date(text) => Ok(Split::Range {
            literal: true,
            from,
            to,
        }),
        _ => Ok(Split::Single),
    }
}

/// `2020/4/1` or `2020/4`: a western date written with slashes, not a range.
fn is_slash_date(text: &str) -> bool {
    let pieces: Vec<&str> = text.split('/').collect();
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    matches!(pieces.len(), 2 | 3)
        && digits(pieces[0], 4..=4)
        && pieces[1..].iter().all(|p| digits(p, 1..=2))
}

fn parse_single(text: &str, warnings: &mut Vec<DateWarning>) -> Result<Point, DateError> {
    match parse_part(text, true)? {
        Some(part) => resolve(part, warnings),
        None => Err(DateError::new("the date is empty", ACCEPTED)),
    }
}

fn parse_range(
    text: &str,
    literal: bool,
    from: &str,
    to: &str,
    warnings: &mut Vec<DateWarning>,
) -> Result<When, DateError> {
    let mut from = parse_part(from, literal)?;
    let mut to = parse_part(to, literal)?;
    if from.is_none() && to.is_none() {
        return Err(DateError::new(
            format!("`{text}` is a range with neither start nor end"),
            ACCEPTED,
        ));
    }
    if let (Some(from), Some(to)) = (from.as_mut(), to.as_mut()) {
        share_between(from, to);
    }
    let from = from.map(|part| resolve(part, warnings)).transpose()?;
    let start = from
        .as_ref()
        .and_then(Point::bounds)
        .map(|(first, _)| first);
    let to = to
        .map(|part| resolve_after(part, start, warnings))
        .transpose()?;
    check_order(from.as_ref(), to.as_ref(), text)?;
    Ok(When::Range { from, to })
}

/// Refuses a range whose end is before its start, when both have years.
fn check_order(from: Option<&Point>, to: Option<&Point>, text: &str) -> Result<(), DateError> {
    let start = from.and_then(Point::bounds).map(|(first, _)| first);
    let end = to.and_then(Point::bounds).map(|(_, last)| last);
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(DateError::new(
            format!("`{text}` ends before it starts"),
            "write the earlier date first, like R2年4月～R3年3月",
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// One side: ISO forms
// ---------------------------------------------------------------------------------------------

/// One side of a range (or the whole date), before it is checked.
enum Part {
    /// An ISO or canonical form, taken as written.
    Literal(Point),
    /// A Japanese form, which may still borrow from the other side of a range.
    Written(Written),
}

fn parse_part(text: &str, literal: bool) -> Result<Option<Part>, DateError> {
    let text = strip_decoration(text);
    if text.is_empty() {
        return Ok(None);
    }
    // Between `～`, a bare `2020` may still take 年度 from the other side.
    let bare_year = text.bytes().all(|b| b.is_ascii_digit());
    if literal || !bare_year {
        if let Some(point) = parse_iso(text)? {
            return Ok(Some(Part::Literal(point)));
        }
    }
    written(text).map(|w| Some(Part::Written(w)))
}

/// ISO and canonical forms. `Ok(None)` when the text does not look like one at all.
fn parse_iso(text: &str) -> Result<Option<Point>, DateError> {
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

// ---------------------------------------------------------------------------------------------
// One side: Japanese forms
// ---------------------------------------------------------------------------------------------

/// A number as written: its value, how many digits, and whether it was `元`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Num {
    value: u32,
    digits: usize,
    gannen: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    FiscalYear,
    Year,
    Month,
    Day,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Era(Era),
    Num(Num),
    Unit(Unit),
    Dot,
    Edge(Edge),
}

/// Matched in order, so `年度` comes before `年`. Letters are matched lower-cased.
const WORDS: [(&str, Tok); 16] = [
    ("年度", Tok::Unit(Unit::FiscalYear)),
    ("年", Tok::Unit(Unit::Year)),
    ("月", Tok::Unit(Unit::Month)),
    ("日", Tok::Unit(Unit::Day)),
    (".", Tok::Dot),
    ("/", Tok::Dot),
    ("末", Tok::Edge(Edge::End)),
    ("当初", Tok::Edge(Edge::Start)),
    ("初め", Tok::Edge(Edge::Start)),
    ("平成", Tok::Era(Era::Heisei)),
    ("令和", Tok::Era(Era::Reiwa)),
    ("昭和", Tok::Era(Era::Showa)),
    ("h", Tok::Era(Era::Heisei)),
    ("r", Tok::Era(Era::Reiwa)),
    ("s", Tok::Era(Era::Showa)),
    (
        "元",
        Tok::Num(Num {
            value: 1,
            digits: 1,
            gannen: true,
        }),
    ),
];

const KANJI_DIGITS: &str = "〇一二三四五六七八九";

fn tokenize(text: &str) -> Result<Vec<Tok>, DateError> {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut toks = Vec::new();
    while !rest.is_empty() {
        let (tok, len) = next_token(rest, text)?;
        toks.push(tok);
        rest = &rest[len..];
    }
    Ok(toks)
}

fn next_token(rest: &str, text: &str) -> Result<(Tok, usize), DateError> {
    let ascii = rest.bytes().take_while(u8::is_ascii_digit).count();
    if ascii > 0 {
        return ascii_number(&rest[..ascii], text).map(|num| (Tok::Num(num), ascii));
    }
    let kanji: usize = rest
        .chars()
        .take_while(|&c| c == '十' || KANJI_DIGITS.contains(c))
        .map(char::len_utf8)
        .sum();
    if kanji > 0 {
        return kanji_number(&rest[..kanji], text).map(|num| (Tok::Num(num), kanji));
    }
    WORDS
        .iter()
        .find(|(word, _)| rest.starts_with(word))
        .map(|&(word, tok)| (tok, word.len()))
        .ok_or_else(|| unreadable(text))
}

fn ascii_number(digits: &str, text: &str) -> Result<Num, DateError> {
    let value = digits
        .bytes()
        .try_fold(0u32, |acc, b| {
            acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
        .ok_or_else(|| too_large(text))?;
    Ok(Num {
        value,
        digits: digits.len(),
        gannen: false,
    })
}

/// `二〇二〇` (digit by digit) or `二十三` (with 十, up to 99).
fn kanji_number(run: &str, text: &str) -> Result<Num, DateError> {
    let digit = |c: char| KANJI_DIGITS.chars().position(|d| d == c).map(|v| v as u32);
    let single = |s: &str, empty: u32| match s.chars().collect::<Vec<_>>()[..] {
        [] => Some(empty),
        [c] => digit(c),
        _ => None,
    };
    let value = match run.split_once('十') {
        Some((tens, ones)) => single(tens, 1)
            .zip(single(ones, 0))
            .map(|(t, o)| t * 10 + o),
        None => run
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?)),
    };
    let digits = run.chars().count();
    value
        .map(|value| Num {
            value,
            digits,
            gannen: false,
        })
        .ok_or_else(|| unreadable(text))
}

/// What follows a number: a unit, a dot (the next field comes), or nothing (the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Unit(Unit),
    Dot,
    Bare,
}

struct Item {
    num: Num,
    mark: Mark,
}

/// Numbers with what follows each, and a final `末` / `当初` if any.
fn items(toks: &[Tok], text: &str) -> Result<(Vec<Item>, Option<Edge>), DateError> {
    let mut items: Vec<Item> = Vec::new();
    let mut iter = toks.iter().copied().peekable();
    while let Some(tok) = iter.next() {
        let Tok::Num(num) = tok else {
            let after_unit = matches!(
                items.last(),
                Some(Item {
                    mark: Mark::Unit(_),
                    ..
                })
            );
            return match tok {
                Tok::Edge(edge) if after_unit && iter.peek().is_none() => Ok((items, Some(edge))),
                _ => Err(unreadable(text)),
            };
        };
        let mark = match iter.peek() {
            Some(Tok::Unit(unit)) => Mark::Unit(*unit),
            Some(Tok::Dot) => Mark::Dot,
            None => Mark::Bare,
            Some(_) => return Err(unreadable(text)),
        };
        if mark != Mark::Bare {
            iter.next();
        }
        if mark == Mark::Dot && iter.peek().is_none() {
            return Err(unreadable(text));
        }
        items.push(Item { num, mark });
    }
    Ok((items, None))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Year,
    Month,
    Day,
}

/// Whether a written year is a calendar year, a fiscal year, or not said (`R2`, `2021`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Calendar,
    Fiscal,
    Unknown,
}

impl Kind {
    /// A bare era year is a fiscal year (the timelines' convention); a bare western year is not.
    fn settled(self, has_era: bool) -> Kind {
        match self {
            Kind::Unknown if has_era => Kind::Fiscal,
            Kind::Unknown => Kind::Calendar,
            kind => kind,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearNum {
    Written(Num),
    /// Taken from the left side of a range: a western year.
    Inherited(i32),
}

/// A Japanese date read into fields, not yet checked.
#[derive(Clone, Debug)]
struct Written {
    text: String,
    era: Option<Era>,
    year: Option<YearNum>,
    kind: Kind,
    month: Option<u32>,
    day: Option<u32>,
    edge: Option<Edge>,
    /// A number with no unit and nothing before it (`4` in `4～6月`).
    loose: Option<Num>,
}

fn written(text: &str) -> Result<Written, DateError> {
    let toks = tokenize(text)?;
    let (era, toks) = match toks.split_first() {
        Some((Tok::Era(era), rest)) => (Some(*era), rest),
        _ => (None, &toks[..]),
    };
    let (items, edge) = items(toks, text)?;
    let mut w = Written {
        text: text.to_string(),
        era,
        year: None,
        kind: Kind::Unknown,
        month: None,
        day: None,
        edge,
        loose: None,
    };
    let mut prev = None;
    for item in &items {
        let level = level_of(item, prev, era.is_some(), text)?;
        let out_of_order = matches!((level, prev), (Some(l), Some(p)) if l <= p);
        if out_of_order || (item.num.gannen && level != Some(Level::Year)) {
            return Err(unreadable(text));
        }
        place(&mut w, item, level);
        prev = level;
    }
    check_written(&w, prev)?;
    Ok(w)
}

/// The field a number fills: by its unit, or by position after a dot or at the end
/// (`H29.8.4`, `R4年1`). `None` for a lone number whose field the other side must tell.
fn level_of(
    item: &Item,
    prev: Option<Level>,
    has_era: bool,
    text: &str,
) -> Result<Option<Level>, DateError> {
    Ok(match (item.mark, prev) {
        (Mark::Unit(Unit::FiscalYear | Unit::Year), _) => Some(Level::Year),
        (Mark::Unit(Unit::Month), _) => Some(Level::Month),
        (Mark::Unit(Unit::Day), _) => Some(Level::Day),
        (_, Some(Level::Year)) => Some(Level::Month),
        (_, Some(Level::Month)) => Some(Level::Day),
        (_, Some(Level::Day)) => return Err(unreadable(text)),
        (_, None) if has_era || item.num.digits == 4 => Some(Level::Year),
        (Mark::Dot, None) => Some(Level::Month),
        (_, None) => None,
    })
}

fn place(w: &mut Written, item: &Item, level: Option<Level>) {
    match level {
        None => w.loose = Some(item.num),
        Some(Level::Year) => {
            w.year = Some(YearNum::Written(item.num));
            w.kind = match item.mark {
                Mark::Unit(Unit::FiscalYear) => Kind::Fiscal,
                Mark::Bare => Kind::Unknown,
                _ => Kind::Calendar,
            };
        }
        Some(Level::Month) => w.month = Some(item.num.value),
        Some(Level::Day) => w.day = Some(item.num.value),
    }
}

fn check_written(w: &Written, last: Option<Level>) -> Result<(), DateError> {
    let text = &w.text;
    if w.year.is_none() && w.month.is_none() && w.day.is_none() && w.loose.is_none() {
        return Err(unreadable(text));
    }
    if w.era.is_some() && w.year.is_none() {
        return Err(DateError::new(
            format!("`{text}` names an era but no year"),
            "write the era year, like R2年6月 or 令和2年度",
        ));
    }
    match (w.edge, last, w.kind) {
        (None, ..)
        | (Some(Edge::End), Some(Level::Month), _)
        | (Some(_), Some(Level::Year), Kind::Fiscal) => Ok(()),
        (Some(_), ..) => Err(DateError::new(
            format!("`{text}`: 末 and 当初 can only follow 年度, and 末 a month"),
            "write R2年度末 or R2年度当初 for a fiscal year, R2年12月末 for the end of a month",
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Sharing between the two sides of a range
// ---------------------------------------------------------------------------------------------

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
fn share_between(from: &mut Part, to: &mut Part) {
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

// ---------------------------------------------------------------------------------------------
// Checking one side into a Point
// ---------------------------------------------------------------------------------------------

fn resolve(part: Part, warnings: &mut Vec<DateWarning>) -> Result<Point, DateError> {
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
fn resolve_after(
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

fn western_year(w: &Written) -> Result<Option<i32>, DateError> {
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

fn checked_year(year: i64, text: &str) -> Result<i32, DateError> {
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

fn month_of(value: u32, text: &str) -> Result<u8, DateError> {
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

fn day_point(year: Option<i32>, month: u8, day: u32, text: &str) -> Result<Point, DateError> {
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

/// A warning when the written era was not in force at any time of what the date names.
fn era_warning(era: Era, year: i32, kind: Kind, point: &Point, text: &str) -> Option<DateWarning> {
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

fn unreadable(text: &str) -> DateError {
    DateError::new(
        format!("`{text}` is not a date Casebook can read"),
        ACCEPTED,
    )
}

fn too_large(text: &str) -> DateError {
    DateError::new(
        format!("`{text}` has a number too large for a date"),
        ACCEPTED,
    )
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::{self, IntoDeserializer, Visitor};

    fn when(input: &str) -> When {
        match parse(input) {
            Ok(parsed) => parsed.when,
            Err(e) => panic!("`{input}` did not parse: {e:?}"),
        }
    }

    fn error(input: &str) -> DateError {
        match parse(input) {
            Ok(parsed) => panic!("`{input}` parsed as {:?}, expected an error", parsed.when),
            Err(e) => e,
        }
    }

    fn warnings(input: &str) -> Vec<DateWarning> {
        match parse(input) {
            Ok(parsed) => parsed.warnings,
            Err(e) => panic!("`{input}` did not parse: {e:?}"),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Input → canonical
    // -----------------------------------------------------------------------------------------

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

    #[test]
    fn western_years_with_kanji_units() {
        for (input, canonical) in [
            ("2020年度", "FY2020"),
            ("2019年6月", "2019-06"),
            ("2018年4月", "2018-04"),
            ("2019年6月1日", "2019-06-01"),
            ("2020年度末", "FY2020-end"),
            ("二〇二〇年度", "FY2020"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn era_forms() {
        for (input, canonical) in [
            ("R2年度", "FY2020"),
            ("令和2年度", "FY2020"),
            ("令和元年度", "FY2019"),
            ("r2年度", "FY2020"),
            ("R02年度", "FY2020"),
            ("令和二年度", "FY2020"),
            ("㍻30年度", "FY2018"),
            ("S63年度", "FY1988"),
            ("昭和64年1月", "1989-01"),
            ("R3年", "2021"),
            ("R3年中", "2021"),
            ("令和2年度当初", "FY2020-start"),
            ("令和2年度末", "FY2020-end"),
            ("R２年度当初", "FY2020-start"),
            ("H29.8.4", "2017-08-04"),
            ("h29.8.4", "2017-08-04"),
            ("H30.2.15", "2018-02-15"),
            ("H29年8月4日", "2017-08-04"),
            ("平成29年8月4日", "2017-08-04"),
            ("平成二十九年八月四日", "2017-08-04"),
            ("R1.6月", "2019-06"),
            ("R1.6", "2019-06"),
            ("令和元年6月", "2019-06"),
            ("平成31年3月", "2019-03"),
            ("H31年3月", "2019-03"),
            ("R2年6月末", "2020-06-end"),
            ("Ｈ３０年２月１日（木）", "2018-02-01"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn bare_era_year_is_a_fiscal_year() {
        for (input, canonical) in [
            ("R2", "FY2020"),
            ("H24", "FY2012"),
            ("令和2", "FY2020"),
            ("令和元", "FY2019"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

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
    fn dates_without_a_year() {
        for (input, canonical) in [
            ("6月末", "--06-end"),
            ("8月", "--08"),
            ("2月1日", "--02-01"),
            ("2月29日", "--02-29"),
            ("９月", "--09"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn as_of_suffixes_and_spacing() {
        for (input, canonical) in [
            ("R1.6月時点", "2019-06"),
            ("(２月１日現在)", "--02-01"),
            ("（２月１日現在）", "--02-01"),
            ("２月１日現在", "--02-01"),
            ("令和 2 年 1月時点", "2020-01"),
            ("Ｈ29. 8. 4", "2017-08-04"),
            ("Ｒ４年度", "FY2022"),
            ("R2年度頃", "FY2020"),
            ("  2021  ", "2021"),
            ("令和２年度末）", "FY2020-end"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn ranges() {
        for (input, canonical) in [
            ("H29～R1年度", "FY2017/FY2019"),
            ("H29〜R1年度", "FY2017/FY2019"),
            ("H29~R1年度", "FY2017/FY2019"),
            ("H29–R1年度", "FY2017/FY2019"),
            ("H29/R1年度", "FY2017/FY2019"),
            ("(H29～R1年度)", "FY2017/FY2019"),
            ("H25～R2", "FY2013/FY2020"),
            ("H29～R1年", "2017/2019"),
            ("R4年1～2月", "2022-01/2022-02"),
            ("4月～Ｒ4年3月", "--04/2022-03"),
            ("4～6月", "--04/--06"),
            ("8月～", "--08/"),
            ("～R3年度", "/FY2021"),
            ("平成27年度～28年度", "FY2015/FY2016"),
            ("平成30年度～現在", "FY2018/"),
            ("R2年度10月～3月", "2020-10/2021-03"),
            ("R3年度1～3月", "2022-01/2022-03"),
            ("R2年4月1日～30日", "2020-04-01/2020-04-30"),
            ("R2.4.1～6.30", "2020-04-01/2020-06-30"),
            ("2019-06～2020-03", "2019-06/2020-03"),
            ("2022-01～2月", "2022-01/2022-02"),
            ("2020～2021年度", "FY2020/FY2021"),
            ("2020/2021", "2020/2021"),
            ("平成30年度末～令和2年6月", "FY2018-end/2020-06"),
            ("2020/4/1～2020/4/30", "2020-04-01/2020-04-30"),
            ("R2年12月～1月", "2020-12/2021-01"),
            ("R2年12月1日～1月31日", "2020-12-01/2021-01-31"),
            ("R2年度末～2月", "FY2020-end/2022-02"),
            ("平成30年度末から令和２年６月", "FY2018-end/2020-06"),
            ("平成30年度から令和2年度まで", "FY2018/FY2020"),
            ("令和元年度より", "FY2019/"),
            ("平成29年度から", "FY2017/"),
            ("令和3年3月まで", "/2021-03"),
            ("H29年度～)", "FY2017/"),
            ("(H16年度～", "FY2004/"),
            ("(R2年度)～(R3年度)", "FY2020/FY2021"),
        ] {
            assert_eq!(when(input).canonical(), canonical, "{input}");
        }
    }

    #[test]
    fn range_sides_are_the_expected_points() {
        assert_eq!(
            when("4月～Ｒ4年3月"),
            When::Range {
                from: Some(Point::Month {
                    year: None,
                    month: 4
                }),
                to: Some(Point::Month {
                    year: Some(2022),
                    month: 3
                }),
            }
        );
        assert_eq!(
            when("8月～"),
            When::Range {
                from: Some(Point::Month {
                    year: None,
                    month: 8
                }),
                to: None
            }
        );
        assert_eq!(
            when("～R3年度"),
            When::Range {
                from: None,
                to: Some(Point::FiscalYear(2021))
            }
        );
    }

    #[test]
    fn open_periods() {
        for (input, open) in [
            ("通年", Open::AllYear),
            ("all-year", Open::AllYear),
            ("ALL-YEAR", Open::AllYear),
            ("未定", Open::Undecided),
            ("undecided", Open::Undecided),
            ("期間不明", Open::NotStated),
            ("期間の記載なし", Open::NotStated),
            ("not-stated", Open::NotStated),
            ("（通年）", Open::AllYear),
        ] {
            assert_eq!(when(input), When::Open(open), "{input}");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Display
    // -----------------------------------------------------------------------------------------

    #[test]
    fn japanese_display() {
        for (input, ja) in [
            ("2017-08-04", "平成29年8月4日"),
            ("2019-06", "令和元年6月"),
            ("2019-04", "平成31年4月"),
            ("2019-05", "令和元年5月"),
            ("8月", "8月"),
            ("2月1日", "2月1日"),
            ("2020-06-end", "令和2年6月末"),
            ("6月末", "6月末"),
            ("2021", "令和3年"),
            ("2019", "令和元年"),
            ("FY2020", "令和2年度"),
            ("FY2019", "令和元年度"),
            ("FY2018", "平成30年度"),
            ("FY1988", "昭和63年度"),
            ("FY2020-start", "令和2年度当初"),
            ("FY2020-end", "令和2年度末"),
            ("1989-01", "昭和64年1月"),
            ("1989-01-07", "昭和64年1月7日"),
            ("1989-01-08", "平成元年1月8日"),
            ("1980-05", "昭和55年5月"),
            ("1920", "1920年"),
            ("1920-05-03", "1920年5月3日"),
            ("H29～R1年度", "平成29年度～令和元年度"),
            ("R4年1～2月", "令和4年1月～令和4年2月"),
            ("8月～", "8月～"),
            ("～R3年度", "～令和3年度"),
            ("通年", "通年"),
            ("未定", "未定"),
            ("not-stated", "期間の記載なし"),
        ] {
            assert_eq!(when(input).display(Lang::Ja), ja, "{input}");
        }
    }

    #[test]
    fn english_display() {
        for (input, en) in [
            ("2017-08-04", "4 Aug 2017"),
            ("2019-06", "June 2019"),
            ("8月", "August"),
            ("2月1日", "1 Feb"),
            ("2020-06-end", "end of June 2020"),
            ("6月末", "end of June"),
            ("2021", "2021"),
            ("FY2020", "FY2020"),
            ("FY2020-start", "start of FY2020"),
            ("FY2020-end", "end of FY2020"),
            ("R4年1～2月", "January 2022 – February 2022"),
            ("H29～R1年度", "FY2017 – FY2019"),
            ("8月～", "from August"),
            ("～R3年度", "until FY2021"),
            ("通年", "all year"),
            ("未定", "to be decided"),
            ("期間不明", "period not stated"),
        ] {
            assert_eq!(when(input).display(Lang::En), en, "{input}");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Bounds and fiscal years
    // -----------------------------------------------------------------------------------------

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

    // -----------------------------------------------------------------------------------------
    // Errors
    // -----------------------------------------------------------------------------------------

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
    fn unreadable_text_is_an_error_with_help() {
        for input in [
            "hello",
            "",
            "   ",
            "～",
            "R",
            "年度",
            "FY2020-middle",
            "FY20",
            "2017-8-4x",
            "R2～R3～R4",
            "元年",
            "H29-R1",
            "R2.",
            "4日8月",
            "R2年度年度",
            "2020/4/1/2",
        ] {
            let e = error(input);
            assert!(e.help.as_deref().is_some_and(|h| !h.is_empty()), "{input}");
        }
        assert!(error("hello")
            .help
            .is_some_and(|h| h.contains("2020-04-01") && h.contains("令和2年度")));
        assert!(error("").message.contains("empty"));
    }

    #[test]
    fn other_errors_say_what_is_missing() {
        for (input, says) in [
            ("4", "no unit"),
            ("28年度", "without an era"),
            ("R6月", "no year"),
            ("R2年末", "末"),
            ("6月当初", "当初"),
            ("R2年4日", "no month"),
            ("R99999999999", "too large"),
            ("R9999年", "outside the years"),
            ("0000", "outside the years"),
            (
                "2020-04-01/2021-03-31 2020-04-01/2021-03-31 2020-04-01/2021-03-31 2020",
                "too long",
            ),
        ] {
            let e = error(input);
            assert!(e.message.contains(says), "{input}: {}", e.message);
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

    // -----------------------------------------------------------------------------------------
    // Warnings
    // -----------------------------------------------------------------------------------------

    #[test]
    fn eras_past_their_end_warn_with_the_right_spelling() {
        for (input, canonical, says, help) in [
            (
                "平成32年度",
                "FY2020",
                "past the end of the Heisei era",
                "write `令和2年度`",
            ),
            (
                "H32",
                "FY2020",
                "past the end of the Heisei era",
                "write `令和2年度`",
            ),
            (
                "H31年5月",
                "2019-05",
                "past the end of the Heisei era",
                "write `令和元年5月`",
            ),
            (
                "H31.5.1",
                "2019-05-01",
                "past the end of the Heisei era",
                "write `令和元年5月1日`",
            ),
            (
                "令和元年4月",
                "2019-04",
                "before the Reiwa era began",
                "write `平成31年4月`",
            ),
            (
                "昭和64年2月",
                "1989-02",
                "past the end of the Showa era",
                "write `平成元年2月`",
            ),
            (
                "S64.1.8",
                "1989-01-08",
                "past the end of the Showa era",
                "write `平成元年1月8日`",
            ),
            (
                "昭和64年度",
                "FY1989",
                "past the end of the Showa era",
                "write `平成元年度`",
            ),
            (
                "平成32年度6月",
                "2020-06",
                "past the end of the Heisei era",
                "write `令和2年度6月`",
            ),
            (
                "平成32年度末",
                "FY2020-end",
                "past the end of the Heisei era",
                "write `令和2年度末`",
            ),
        ] {
            let parsed = parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(parsed.when.canonical(), canonical, "{input}");
            assert_eq!(parsed.warnings.len(), 1, "{input}: {:?}", parsed.warnings);
            let w = &parsed.warnings[0];
            assert!(w.message.contains(says), "{input}: {}", w.message);
            assert!(
                w.message.contains(&format!("`{input}`")),
                "{input}: {}",
                w.message
            );
            assert_eq!(w.help.as_deref(), Some(help), "{input}");
        }
    }

    #[test]
    fn eras_in_force_do_not_warn() {
        for input in [
            "平成31年度",
            "令和元年度",
            "平成31年度末",
            "昭和64年1月",
            "昭和64年1月7日",
            "平成元年1月",
            "平成元年1月8日",
            "平成31年4月",
            "令和元年5月",
            "平成31年",
            "令和元年",
            "H31.4.30",
            "R1.5.1",
            "S63年度",
            "2019-05",
        ] {
            assert_eq!(warnings(input), Vec::new(), "{input}");
        }
    }

    #[test]
    fn range_sides_warn_separately() {
        let parsed = parse("H29～H32年度").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.when.canonical(), "FY2017/FY2020");
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(
            parsed.warnings[0].help.as_deref(),
            Some("write `令和2年度`")
        );
    }

    // -----------------------------------------------------------------------------------------
    // FromStr and serde
    // -----------------------------------------------------------------------------------------

    #[test]
    fn from_str_drops_warnings() {
        assert_eq!(
            "平成32年度".parse::<When>(),
            Ok(When::At(Point::FiscalYear(2020)))
        );
        assert!("2月30日".parse::<When>().is_err());
    }

    #[test]
    fn serializes_as_canonical_text() {
        let value = when("H29～R1年度");
        assert_eq!(
            serde_json::to_string(&value).ok().as_deref(),
            Some("\"FY2017/FY2019\"")
        );
        let back: Result<When, _> = serde_json::from_str("\"FY2017/FY2019\"");
        assert_eq!(back.ok(), Some(value));
        let err = serde_json::from_str::<When>("\"2月30日\"")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("February has no day 30")));
    }

    /// A deserializer that insists on being asked for the date newtype.
    struct Named(&'static str);

    impl<'de> Deserializer<'de> for Named {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("expected deserialize_newtype_struct"))
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            if name != SERDE_NAME {
                return Err(de::Error::custom(format!("asked for {name}")));
            }
            visitor.visit_newtype_struct(self.0.into_deserializer())
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    #[test]
    fn deserialize_asks_for_the_date_newtype() {
        assert_eq!(
            When::deserialize(Named("令和2年度末")),
            Ok(When::At(Point::FiscalYearEnd(2020)))
        );
        let err = When::deserialize(Named("R2年13月"))
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("no month 13")));
    }

    #[test]
    fn deserialize_accepts_plain_strings_and_numbers() {
        let from_str: Result<When, de::value::Error> =
            When::deserialize("R3年".into_deserializer());
        assert_eq!(from_str, Ok(When::At(Point::Year(2021))));
        let from_number: Result<When, de::value::Error> =
            When::deserialize(2021u64.into_deserializer());
        assert_eq!(from_number, Ok(When::At(Point::Year(2021))));
    }

    // -----------------------------------------------------------------------------------------
    // Properties
    // -----------------------------------------------------------------------------------------

    fn arb_point(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Point> {
        let year = proptest::option::of(years.clone());
        prop_oneof![
            (year.clone(), 1..=12u8, 1..=31u8).prop_map(|(year, month, day)| Point::Day {
                year,
                month,
                day: day.min(days_in_month(year, month)),
            }),
            (year.clone(), 1..=12u8).prop_map(|(year, month)| Point::Month { year, month }),
            (year, 1..=12u8).prop_map(|(year, month)| Point::MonthEnd { year, month }),
            years.clone().prop_map(Point::Year),
            years.clone().prop_map(Point::FiscalYear),
            years.clone().prop_map(Point::FiscalYearStart),
            years.prop_map(Point::FiscalYearEnd),
        ]
    }

    /// A range with its sides in order (swapped when generated the wrong way round).
    fn ordered(from: Option<Point>, to: Option<Point>) -> When {
        if check_order(from.as_ref(), to.as_ref(), "").is_ok() {
            When::Range { from, to }
        } else {
            When::Range { from: to, to: from }
        }
    }

    fn arb_when(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = When> {
        let side = || proptest::option::of(arb_point(years.clone()));
        prop_oneof![
            arb_point(years.clone()).prop_map(When::At),
            (side(), side())
                .prop_filter("a range has at least one side", |(from, to)| from.is_some()
                    || to.is_some())
                .prop_map(|(from, to)| ordered(from, to)),
            prop_oneof![
                Just(Open::AllYear),
                Just(Open::Undecided),
                Just(Open::NotStated)
            ]
            .prop_map(When::Open),
        ]
    }

    /// Text made of the pieces dates are made of, to reach deep into the parser.
    fn date_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9]{1,5}",
            Just("R".to_string()),
            Just("H".to_string()),
            Just("s".to_string()),
            Just("令和".to_string()),
            Just("平成".to_string()),
            Just("元".to_string()),
            Just("年".to_string()),
            Just("年度".to_string()),
            Just("月".to_string()),
            Just("日".to_string()),
            Just(".".to_string()),
            Just("末".to_string()),
            Just("当初".to_string()),
            Just("～".to_string()),
            Just("/".to_string()),
            Just("-".to_string()),
            Just("FY".to_string()),
            Just("--".to_string()),
            Just("end".to_string()),
            Just("時点".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("十".to_string()),
            Just("二".to_string()),
        ];
        proptest::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat())
    }

    fn full_width(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn canonical_round_trips(w in arb_when(MIN_YEAR..=MAX_YEAR)) {
            let parsed = parse(&w.canonical());
            prop_assert_eq!(parsed, Ok(Parsed { when: w, warnings: Vec::new() }));
        }

        #[test]
        fn japanese_display_reads_back(w in arb_when(1000..=MAX_YEAR)) {
            let parsed = parse(&w.display(Lang::Ja));
            let borrows_year = matches!(&w, When::Range { from: Some(from), to: Some(to) }
                if from.bounds().is_some() && to.bounds().is_none());
            if borrows_year {
                // A right side without a year takes the left side's year when read, by design:
                // it then covers the days the original range was inferred to cover.
                match parsed {
                    Ok(parsed) => prop_assert_eq!(parsed.when.bounds(), w.bounds()),
                    Err(_) => prop_assert_eq!(w.bounds(), None),
                }
            } else {
                prop_assert_eq!(parsed, Ok(Parsed { when: w, warnings: Vec::new() }));
            }
        }

        #[test]
        fn full_width_digits_read_like_ascii(text in date_like()) {
            prop_assert_eq!(parse(&full_width(&text)), parse(&text));
        }

        #[test]
        fn full_width_era_dates_read_like_ascii(y in 0..40u32, m in 0..14u32, d in 0..33u32) {
            for text in [format!("R{y}.{m}.{d}"), format!("平成{y}年{m}月{d}日"), format!("H{y}年度{m}月末")] {
                prop_assert_eq!(parse(&full_width(&text)), parse(&text));
            }
        }

        #[test]
        fn parse_never_panics(text in any::<String>()) {
            if let Ok(parsed) = parse(&text) {
                let _ = (parsed.when.display(Lang::Ja), parsed.when.display(Lang::En));
                prop_assert_eq!(parse(&parsed.when.canonical()).map(|p| p.when), Ok(parsed.when));
            }
        }

        #[test]
        fn date_like_text_never_panics_and_reads_back(text in date_like()) {
            if let Ok(parsed) = parse(&text) {
                let _ = (parsed.when.display(Lang::Ja), parsed.when.display(Lang::En), parsed.when.fiscal_year());
                prop_assert_eq!(parse(&parsed.when.canonical()).map(|p| p.when), Ok(parsed.when));
            }
        }

        #[test]
        fn impossible_days_are_rejected(
            (y, m, d) in (MIN_YEAR..=MAX_YEAR, 0..=99u8, 0..=99u8)
                .prop_filter("impossible", |&(y, m, d)| d == 0 || d > days_in_month(Some(y), m))
        ) {
            let (iso, japanese) = (format!("{y:04}-{m:02}-{d:02}"), format!("{y:04}年{m}月{d}日"));
            prop_assert!(parse(&iso).is_err());
            prop_assert!(parse(&japanese).is_err());
        }

        #[test]
        fn impossible_era_days_are_rejected(
            (y, m, d) in (1..=30i32, 0..=99u8, 0..=99u8)
                .prop_filter("impossible", |&(y, m, d)| d == 0 || d > days_in_month(Some(1988 + y), m))
        ) {
            let (era, yearless) = (format!("H{y}.{m}.{d}"), format!("{m}月{d}日"));
            prop_assert!(parse(&era).is_err());
            prop_assert!(parse(&yearless).is_err() || (m == 2 && d == 29));
        }
    }
}
