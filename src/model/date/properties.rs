//! Properties of the whole date module: canonical text and Japanese display read back to the
//! same value, full-width text reads like ASCII, nothing panics, impossible days are refused.

use proptest::prelude::*;

use super::calendar::{days_in_month, MAX_YEAR, MIN_YEAR};
use super::parse::check_order;
use super::{parse, Open, Parsed, Point, When};
use crate::model::lang::Lang;

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
