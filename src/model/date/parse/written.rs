//! Japanese forms, second step: tokens read into the fields of a [`Written`] date.

use super::tokens::{tokenize, Edge, Num, Tok, Unit};
use super::unreadable;
use crate::model::date::{DateError, Era};

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
pub(super) enum Kind {
    Calendar,
    Fiscal,
    Unknown,
}

impl Kind {
    /// A bare era year is a fiscal year (the timelines' convention); a bare western year is not.
    pub(super) fn settled(self, has_era: bool) -> Kind {
        match self {
            Kind::Unknown if has_era => Kind::Fiscal,
            Kind::Unknown => Kind::Calendar,
            kind => kind,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearNum {
    Written(Num),
    /// Taken from the left side of a range: a western year.
    Inherited(i32),
}

/// A Japanese date read into fields, not yet checked.
#[derive(Clone, Debug)]
pub(super) struct Written {
    pub(super) text: String,
    pub(super) era: Option<Era>,
    pub(super) year: Option<YearNum>,
    pub(super) kind: Kind,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    pub(super) edge: Option<Edge>,
    /// A number with no unit and nothing before it (`4` in `4～6月`).
    pub(super) loose: Option<Num>,
}

pub(super) fn written(text: &str) -> Result<Written, DateError> {
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

#[cfg(test)]
mod tests {
    use crate::model::date::testing::when;

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
}
