//! Japanese forms, first step: the text as tokens (eras, numbers in ASCII or kanji, units,
//! dots, `末` / `当初`).

use super::{too_large, unreadable};
use crate::model::date::{DateError, Era};

/// A number as written: its value, how many digits, and whether it was `元`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Num {
    pub(super) value: u32,
    pub(super) digits: usize,
    pub(super) gannen: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    FiscalYear,
    Year,
    Month,
    Day,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edge {
    Start,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    Era(Era),
    Num(Num),
    Unit(Unit),
    Dot,
    Edge(Edge),
}

/// Matched in order, so `年度` comes before `年`. Letters are matched lower-cased.
const WORDS: [(&str, Tok); 16] = [
    ("年度", Tok::Unit(Unit::FiscalYear)),
    ("年", Tok::Unit(Unit::Year)),
    ("月", Tok::Unit(Unit::Month)),
    ("日", Tok::Unit(Unit::Day)),
    (".", Tok::Dot),
    ("/", Tok::Dot),
    ("末", Tok::Edge(Edge::End)),
    ("当初", Tok::Edge(Edge::Start)),
    ("初め", Tok::Edge(Edge::Start)),
    ("平成", Tok::Era(Era::Heisei)),
    ("令和", Tok::Era(Era::Reiwa)),
    ("昭和", Tok::Era(Era::Showa)),
    ("h", Tok::Era(Era::Heisei)),
    ("r", Tok::Era(Era::Reiwa)),
    ("s", Tok::Era(Era::Showa)),
    (
        "元",
        Tok::Num(Num {
            value: 1,
            digits: 1,
            gannen: true,
        }),
    ),
];

const KANJI_DIGITS: &str = "〇一二三四五六七八九";

pub(super) fn tokenize(text: &str) -> Result<Vec<Tok>, DateError> {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut toks = Vec::new();
    while !rest.is_empty() {
        let (tok, len) = next_token(rest, text)?;
        toks.push(tok);
        rest = &rest[len..];
    }
    Ok(toks)
}

fn next_token(rest: &str, text: &str) -> Result<(Tok, usize), DateError> {
    let ascii = rest.bytes().take_while(u8::is_ascii_digit).count();
    if ascii > 0 {
        return ascii_number(&rest[..ascii], text).map(|num| (Tok::Num(num), ascii));
    }
    let kanji: usize = rest
        .chars()
        .take_while(|&c| c == '十' || KANJI_DIGITS.contains(c))
        .map(char::len_utf8)
        .sum();
    if kanji > 0 {
        return kanji_number(&rest[..kanji], text).map(|num| (Tok::Num(num), kanji));
    }
    WORDS
        .iter()
        .find(|(word, _)| rest.starts_with(word))
        .map(|&(word, tok)| (tok, word.len()))
        .ok_or_else(|| unreadable(text))
}

fn ascii_number(digits: &str, text: &str) -> Result<Num, DateError> {
    let value = digits
        .bytes()
        .try_fold(0u32, |acc, b| {
            acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
        .ok_or_else(|| too_large(text))?;
    Ok(Num {
        value,
        digits: digits.len(),
        gannen: false,
    })
}

/// `二〇二〇` (digit by digit) or `二十三` (with 十, up to 99).
fn kanji_number(run: &str, text: &str) -> Result<Num, DateError> {
    let digit = |c: char| KANJI_DIGITS.chars().position(|d| d == c).map(|v| v as u32);
    let single = |s: &str, empty: u32| match s.chars().collect::<Vec<_>>()[..] {
        [] => Some(empty),
        [c] => digit(c),
        _ => None,
    };
    let value = match run.split_once('十') {
        Some((tens, ones)) => single(tens, 1)
            .zip(single(ones, 0))
            .map(|(t, o)| t * 10 + o),
        None => run
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?)),
    };
    let digits = run.chars().count();
    value
        .map(|value| Num {
            value,
            digits,
            gannen: false,
        })
        .ok_or_else(|| unreadable(text))
}
