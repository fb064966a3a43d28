//! Dates in the reader's language: Japanese with the era in force, English with month names.

use super::calendar::{days_in_month, month_abbr, month_name, ymd, Ymd};
use super::{Era, Open, Point, When};
use crate::model::lang::Lang;

/// December 31: the day whose era names a calendar or fiscal year.
pub(super) fn year_anchor(year: i32) -> Ymd {
    ymd(year, 12, 31)
}

/// `令和元年`, `平成29年`, or `1920年` before 昭和: the era in force on `anchor`.
pub(super) fn ja_year(year: i32, anchor: Ymd) -> String {
    match Era::in_force(anchor) {
        Some(era) => match year - era.offset() {
            1 => format!("{}元年", era.kanji()),
            n => format!("{}{n}年", era.kanji()),
        },
        None => format!("{year}年"),
    }
}

impl Point {
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
    pub(super) fn ja_month_part(&self) -> String {
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
}

impl Open {
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
    /// The value in the reader's language: `令和2年度` / `FY2020`, `8月～` / `from August` …
    pub fn display(&self, lang: Lang) -> String {
        match self {
            When::At(point) => point.display(lang),
            When::Range { from, to } => range_display(from.as_ref(), to.as_ref(), lang),
            When::Open(open) => open.display(lang).to_string(),
        }
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
