//! Normalising the text before reading it: NFKC, no whitespace, no weekdays, no brackets
//! around the whole date, no "as of" suffixes; range words spelled as marks; open periods.

use unicode_normalization::UnicodeNormalization;

use super::range::RANGE_MARKS;
use crate::model::date::Open;

const WEEKDAYS: [&str; 8] = [
    "(月)", "(火)", "(水)", "(木)", "(金)", "(土)", "(日)", "(祝)",
];
const AS_OF_SUFFIXES: [&str; 5] = ["時点", "現在", "頃", "ごろ", "中"];

/// NFKC (full-width digits and letters become ASCII, `～` becomes `~`, `㍻` becomes `平成`),
/// then drop whitespace and bracketed weekdays.
pub(super) fn normalize(input: &str) -> String {
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
pub(super) fn strip_decoration(mut text: &str) -> &str {
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
pub(super) fn spell_range_words(text: &str) -> String {
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

pub(super) fn open_word(text: &str) -> Option<Open> {
    match text.to_ascii_lowercase().as_str() {
        "通年" | "all-year" | "allyear" => Some(Open::AllYear),
        "未定" | "undecided" | "tobedecided" => Some(Open::Undecided),
        "期間不明" | "期間の記載なし" | "記載なし" | "not-stated" | "periodnotstated" => {
            Some(Open::NotStated)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::date::testing::when;
    use crate::model::date::{Open, When};

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
}
