//! Reading a date: normalise, split a range, read each side as ISO or as written Japanese,
//! share what one side left out with the other, then check each side into a [`Point`].

mod iso;
mod normalize;
mod range;
mod resolve;
mod share;
mod tokens;
mod warning;
mod written;

use std::str::FromStr;

use super::{DateError, DateWarning, Parsed, Point, When};
use iso::parse_iso;
use normalize::{normalize, open_word, spell_range_words, strip_decoration};
use range::{split_range, Split};
use resolve::{resolve, resolve_after};
use share::share_between;
use written::{written, Written};

/// Longer text is refused outright, which also keeps error messages short.
const MAX_CHARS: usize = 64;

/// What every "unreadable" error suggests.
const ACCEPTED: &str = "write an ISO date like 2020-04-01 or 2020-04, a fiscal year like FY2020 or \
                        令和2年度, an era date like R2.4.1 or 令和2年4月1日, a range like R2年4月～R3年3月, \
                        or 通年 / 未定 / 期間の記載なし";

/// Reads a date as written in the sources (see [`crate::model::date`] for the forms).
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
pub(super) fn check_order(
    from: Option<&Point>,
    to: Option<&Point>,
    text: &str,
) -> Result<(), DateError> {
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

#[cfg(test)]
mod tests {
    use crate::model::date::testing::{error, when};
    use crate::model::date::{Point, When};

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
    fn from_str_drops_warnings() {
        assert_eq!(
            "平成32年度".parse::<When>(),
            Ok(When::At(Point::FiscalYear(2020)))
        );
        assert!("2月30日".parse::<When>().is_err());
    }
}
