//! The date tests (moved as they were from `date.rs`).

use super::calendar::{days_in_month, ymd, MAX_YEAR, MIN_YEAR};
use super::parse::check_order;
use super::*;
use crate::model::lang::Lang;
use proptest::prelude::*;
use serde::de::{self, IntoDeserializer, Visitor};
use serde::de::{Deserialize, Deserializer};

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
    let from_str: Result<When, de::value::Error> = When::deserialize("R3年".into_deserializer());
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
