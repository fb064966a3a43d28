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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::testing::when;

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
}
