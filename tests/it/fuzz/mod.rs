//! Property-based fuzzing on stable Rust (proptest): the four places where untrusted text
//! enters — the YAML loader, the date parser, the Markdown renderer and the search tokenizer —
//! are fed arbitrary and structure-aware input, and their properties checked on every case.
//!
//! Each target runs a fixed, modest number of cases in `cargo test` (the whole set: about 15 s
//! in a debug build, 2 s in a release build, on two cores). A longer run raises the count for
//! every target at once (the slowest, with lines of 100,000 characters, gets a hundredth):
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release --test it fuzz::
//! ```
//!
//! The findings of issue #20 that the targets pinned before they were fixed stay as named
//! regression tests in each target's module.
//!
//! A failure prints the smallest input proptest found. It becomes a named regression test in
//! the target's module (and a fixture when it concerns a whole site); proptest's own
//! `proptest-regressions/` files are not committed (`.gitignore`).

mod date;
mod markdown;
mod records;
mod tokenize;
mod yaml;

use proptest::prelude::*;
use proptest::test_runner::Config;

/// The configuration of a target that runs `cases` cases, unless `PROPTEST_CASES` says more
/// (or fewer) for a longer run.
pub fn cases(cases: u32) -> Config {
    scaled(cases, 1)
}

/// [`cases`] for a target whose cases are a hundred times slower than most (lines of 100,000
/// characters): a long run gives it a hundredth of `PROPTEST_CASES`.
pub fn slow_cases(cases: u32) -> Config {
    scaled(cases, 100)
}

fn scaled(cases: u32, divisor: u32) -> Config {
    let mut config = Config::default();
    match std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        Some(n) => config.cases = (n / divisor).max(1),
        None => config.cases = cases,
    }
    config
}

/// Text an editor or an attacker could write: Japanese (kanji, kana, full-width forms and
/// punctuation), ASCII, YAML and Markdown punctuation, whitespace of every kind, C0 and C1
/// controls, bidi overrides and zero-width characters, and any other character.
pub fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('0', '9'),
        4 => prop::sample::select(&[
            ' ', ' ', '\n', '\t', '\r', '-', ':', '#', '[', ']', '{', '}', ',', '&', '*', '!', '|',
            '>', '<', '\'', '"', '%', '@', '`', '\\', '/', '.', '(', ')', '=', '?', '_', '~', '^',
            '$', ';', '+',
        ][..]),
        4 => prop::char::range('ぁ', 'ゖ'),
        2 => prop::char::range('ァ', 'ヺ'),
        4 => prop::char::range('一', '龥'),
        2 => prop::sample::select(&[
            '年', '月', '日', '度', '末', '令', '和', '平', '成', '元', '～', '〜', '、', '。',
            '「', '」', '（', '）', '・', '〇', '●', '※', '①', '\u{3000}', 'Ｒ', 'Ｈ', '０', '９',
            '．', '／', '：', '＃', '＜', '＞', '㍻', '㋿',
        ][..]),
        1 => prop::sample::select(&[
            '\0', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}',
            '\u{200b}', '\u{200d}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{2028}', '\u{2029}',
            '\u{feff}', '\u{fffd}', '\u{10ffff}',
        ][..]),
        1 => any::<char>(),
    ]
}

/// A string of [`hostile_char`]s, `len` characters long at most.
pub fn hostile_text(len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..=len).prop_map(|chars| chars.into_iter().collect())
}
