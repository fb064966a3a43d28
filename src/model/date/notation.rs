//! A day as a Japanese sheet writes it in its own notation: the participation outcome sheets
//! (seed 002) write the days of their lines as `Ｈ29. 8. 4` (dotted), `Ｈ３０年２月１日`
//! (letter-era) or `７/20` (slash, no year).
//!
//! In: a [`When`]. Out: the day in that notation, or `None` when the value is not a single
//! day the notation can write (then pages print it as everywhere else). The era is the one in
//! force on the day itself ([`Era::in_force`]): `2019-04-30` is `H31.4.30`, `2019-05-01` is
//! `R1.5.1`, `1989-01-07` is `S64.1.7`. A day before Shōwa has no era letter, so none of the
//! notations writes it; a day written without a year is written without one (`8.4`, `8月4日`,
//! `8/4`).

use super::{Era, Point, When, Ymd};

/// A single day as a sheet names it: the era letter and era year when the day has a year.
struct SheetDay {
    era: Option<(char, i32)>,
    month: u8,
    day: u8,
}

impl When {
    /// `H29.8.4`; `8.4` for a day without a year.
    pub fn dotted(&self) -> Option<String> {
        let d = self.sheet_day()?;
        Some(match d.era {
            Some((letter, year)) => format!("{letter}{year}.{}.{}", d.month, d.day),
            None => format!("{}.{}", d.month, d.day),
        })
    }

    /// `H30年2月1日`; `2月1日` for a day without a year.
    pub fn letter_era(&self) -> Option<String> {
        let d = self.sheet_day()?;
        Some(match d.era {
            Some((letter, year)) => format!("{letter}{year}年{}月{}日", d.month, d.day),
            None => format!("{}月{}日", d.month, d.day),
        })
    }

    /// `7/20`, for a day without a year: the slash notation writes none, so a day with one
    /// is not written this way.
    pub fn slash(&self) -> Option<String> {
        let d = self.sheet_day()?;
        d.era.is_none().then(|| format!("{}/{}", d.month, d.day))
    }

    /// The value as a sheet's day, if it is a single day that has an era (or no year at all).
    fn sheet_day(&self) -> Option<SheetDay> {
        let When::At(Point::Day { year, month, day }) = *self else {
            return None;
        };
        let era = match year {
            Some(year) => {
                let era = Era::in_force(Ymd::new(year, month, day)?)?;
                Some((era.letter(), year - era.offset()))
            }
            None => None,
        };
        Some(SheetDay { era, month, day })
    }
}

/// `H24`, `R1`, `S63`: a fiscal year as a sheet's timeline heads it, named by the era in force
/// on 31 December of its first year; empty before Shōwa.
pub fn fiscal_year_label(fy: i32) -> String {
    Ymd::new(fy, 12, 31)
        .and_then(Era::in_force)
        .map_or_else(String::new, |era| {
            format!("{}{}", era.letter(), fy - era.offset())
        })
}

impl Era {
    /// The letter the sheets write for the era (`H29`).
    fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{fiscal_year_label, When};

    #[test]
    fn a_fiscal_year_is_named_by_the_era_of_its_december() {
        // FY2019 began in Heisei 31 but its December is Reiwa's first.
        let cases = [
            (2019, "R1"),
            (2018, "H30"),
            (1989, "H1"),
            (1988, "S63"),
            (1926, "S1"),
        ];
        for (fy, label) in cases {
            assert_eq!(fiscal_year_label(fy), label, "{fy}");
        }
        assert_eq!(fiscal_year_label(1925), "");
    }

    fn when(text: &str) -> When {
        text.parse().expect("a date")
    }

    #[test]
    fn each_notation_writes_a_day_as_the_sheets_do() {
        let d = when("H29.8.4");
        assert_eq!(d.dotted().as_deref(), Some("H29.8.4"));
        assert_eq!(d.letter_era().as_deref(), Some("H29年8月4日"));
        assert_eq!(d.slash(), None, "the slash notation writes no year");
        let no_year = when("7月20日");
        assert_eq!(no_year.dotted().as_deref(), Some("7.20"));
        assert_eq!(no_year.letter_era().as_deref(), Some("7月20日"));
        assert_eq!(no_year.slash().as_deref(), Some("7/20"));
    }

    #[test]
    fn the_era_is_the_one_in_force_on_the_day() {
        let cases = [
            ("2019-04-30", "H31.4.30"),
            ("2019-05-01", "R1.5.1"),
            ("1989-01-07", "S64.1.7"),
            ("1989-01-08", "H1.1.8"),
            ("1988-05-03", "S63.5.3"),
            ("1926-12-25", "S1.12.25"),
        ];
        for (day, dotted) in cases {
            assert_eq!(when(day).dotted().as_deref(), Some(dotted), "{day}");
        }
        assert_eq!(
            when("2019-05-01").letter_era().as_deref(),
            Some("R1年5月1日")
        );
        assert_eq!(when("S63.5.3").letter_era().as_deref(), Some("S63年5月3日"));
    }

    #[test]
    fn what_is_not_a_day_with_an_era_has_no_sheet_notation() {
        for text in [
            "1926-12-24",
            "2019-06",
            "H30年度",
            "6月末",
            "通年",
            "H30.2.1～H30.2.3",
        ] {
            let d = when(text);
            assert_eq!(
                (d.dotted(), d.letter_era(), d.slash()),
                (None, None, None),
                "{text}"
            );
        }
    }
}
