//! The date parser (`model::date::parse`) on arbitrary text and on text made of the pieces
//! dates are written with: eras by name and letter, 元年, full-width and kanji digits, fiscal
//! years, ends and starts, ranges with every range mark, brackets and "as of" suffixes.
//!
//! Properties: nothing panics, for any input; a date that reads has a canonical form that
//! reads back to the same value, is ASCII and is stable; its displays and bounds can be
//! computed and its bounds are in order; reading ignores what NFKC and whitespace change
//! (full-width letters, digits and punctuation read like ASCII, spaces anywhere are dropped).

use casebook::model::date::{parse, DateError, Parsed, When};
use casebook::model::Lang;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization as _;

use super::{cases, hostile_text};

/// The words, marks and numerals dates are written with.
const DATE_WORDS: &[&str] = &[
    "R",
    "H",
    "S",
    "T",
    "M",
    "r",
    "h",
    "令和",
    "平成",
    "昭和",
    "大正",
    "明治",
    "元",
    "年",
    "年度",
    "月",
    "日",
    "末",
    "当初",
    "初",
    "上旬",
    "中旬",
    "下旬",
    "時点",
    "現在",
    "頃",
    "中",
    "～",
    "〜",
    "~",
    "-",
    "－",
    "ー",
    "―",
    "から",
    "まで",
    "より",
    "/",
    ".",
    "・",
    "FY",
    "fy",
    "--",
    "-end",
    "-start",
    "(",
    ")",
    "（",
    "）",
    "(月)",
    "(祝)",
    "十",
    "二",
    "三",
    "〇",
    "一",
    "千",
    "通年",
    "未定",
    "期間の記載なし",
    "not-stated",
    "㍻",
    "㋿",
    "年度末",
    "年度当初",
    "春",
    "第",
    "四半期",
    "Q",
    "W",
    "T",
    "Z",
    "+",
    "e",
    "_",
];

/// Text made of date pieces, up to `n` of them.
fn date_like(n: usize) -> impl Strategy<Value = String> {
    let word = prop::sample::select(DATE_WORDS).prop_map(str::to_owned);
    let piece = prop_oneof![
        4 => word,
        3 => "[0-9]{1,4}",
        1 => "[0-9]{5,24}",
        1 => "[０-９]{1,3}",
        1 => Just(String::new()),
        1 => "[ \u{3000}\t]",
    ];
    prop::collection::vec(piece, 1..=n).prop_map(|p| p.concat())
}

/// Two sides joined by a range mark, each side date-like.
fn range_like() -> impl Strategy<Value = String> {
    let mark = prop::sample::select(&["～", "〜", "~", "-", "－", "から", "/"][..]);
    (date_like(6), mark, date_like(6)).prop_map(|(a, m, b)| format!("{a}{m}{b}"))
}

/// `text` with every ASCII character from `!` to `~` written in its full-width form.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The value read, or `None`: messages may quote the text as written, so only the values
/// are compared between forms of the same text.
fn value(text: &str) -> Option<When> {
    parse(text).ok().map(|p| p.when)
}

/// The properties every input must have (see the module's doc). With `spaced`, spaces put
/// between the characters must not matter either (true of dates; not of arbitrary text, where
/// a space keeps NFKC from composing a letter with the combining mark after it).
fn check(text: &str, spaced: bool) -> Result<(), TestCaseError> {
    let result = parse(text);
    // Deterministic, and blind to what NFKC changes.
    prop_assert_eq!(&parse(text), &result);
    let read = result.as_ref().ok().map(|p| p.when.clone());
    let nfkc: String = text.nfkc().collect();
    prop_assert_eq!(&value(&nfkc), &read, "NFKC form {:?}", nfkc);
    prop_assert_eq!(&value(&full_width(text)), &read, "full-width form");
    if spaced {
        let spaced: String = text.chars().flat_map(|c| [c, '\u{3000}', ' ']).collect();
        prop_assert_eq!(&value(&spaced), &read, "spaced out: {:?}", spaced);
    }
    match result {
        Ok(Parsed { when, .. }) => check_value(&when),
        Err(DateError { message, .. }) => {
            prop_assert!(!message.is_empty());
            // An error quotes at most a short start of the text.
            prop_assert!(message.chars().count() <= 300, "{}", message);
            Ok(())
        }
    }
}

/// A date that was read: canonical form, displays and bounds.
fn check_value(when: &When) -> Result<(), TestCaseError> {
    let canonical = when.canonical();
    prop_assert!(canonical.is_ascii(), "{}", canonical);
    let again = parse(&canonical).map(|p| p.when);
    prop_assert_eq!(again.as_ref(), Ok(when), "canonical {}", canonical);
    prop_assert_eq!(again.map(|w| w.canonical()), Ok(canonical.clone()));
    for lang in [Lang::Ja, Lang::En] {
        prop_assert!(!when.display(lang).is_empty());
    }
    let _ = when.fiscal_year();
    if let Some((first, last)) = when.bounds() {
        prop_assert!(
            first <= last,
            "{} covers {:?}..{:?}",
            canonical,
            first,
            last
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text, false)?;
    }

    #[test]
    fn hostile_text_of_every_script(text in hostile_text(40)) {
        check(&text, false)?;
    }

    #[test]
    fn date_like_text(text in date_like(10)) {
        check(&text, true)?;
    }

    #[test]
    fn ranges(text in range_like()) {
        check(&text, true)?;
    }

    #[test]
    fn era_dates(
        era in prop::sample::select(&["R", "H", "S", "令和", "平成", "昭和", "Ｒ", "㍻"][..]),
        year in prop_oneof![Just("元".to_owned()), "[0-9]{1,3}", "[０-９]{1,2}"],
        month in 0..=13u8,
        day in 0..=32u8,
        form in 0..4u8,
    ) {
        let text = match form {
            0 => format!("{era}{year}.{month}.{day}"),
            1 => format!("{era}{year}年{month}月{day}日"),
            2 => format!("{era}{year}年度{month}月末"),
            _ => format!("{era}{year}年度"),
        };
        check(&text, true)?;
    }
}
