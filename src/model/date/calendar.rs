//! Calendar days: [`Ymd`], month lengths and names, and the years Casebook handles.

use std::fmt;

pub(super) const MIN_YEAR: i32 = 1;
pub(super) const MAX_YEAR: i32 = 9999;

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
pub(super) const fn ymd(year: i32, month: u8, day: u8) -> Ymd {
    Ymd { year, month, day }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month; February has 29 when the year is unknown. 0 for a month that does not exist.
pub(super) fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        _ => 0,
    }
}

pub(super) fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

pub(super) fn month_abbr(month: u8) -> &'static str {
    month_name(month).get(..3).unwrap_or("?")
}
