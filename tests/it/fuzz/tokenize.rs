//! The search tokenizer (`search::tokenize`) on arbitrary Unicode and on text made of what
//! trips tokenizers: kanji, kana and their voicing marks (combining and spacing), half-width
//! katakana, full-width Latin, ligatures, letters whose case mapping grows (İ, ẞ), the Kelvin
//! and Ångström signs, numbers with separators, apostrophes, controls and bidi marks, with the
//! handbook's spelling variants and with random ones.
//!
//! Properties: nothing panics; keys are deterministic, never empty, in NFKC, and made only of
//! the characters runs and words are made of; text that differs only by NFKC (full-width,
//! half-width, composed or not) gets the same keys; and a
//! page's text is found by a query for the same text (its query keys are among its index keys).

use std::collections::HashSet;
use std::sync::OnceLock;

use casebook::search::tokenize::{
    index_keys, is_cjk, is_word, query_keys, Variants, UNIGRAM_PREFIX,
};
use proptest::prelude::*;
use unicode_normalization::{is_nfkc, UnicodeNormalization as _};

use super::{cases, hostile_char};

/// The handbook's spelling variants, as the index reads them.
fn handbook_variants() -> &'static Variants {
    static VARIANTS: OnceLock<Variants> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/vocabularies/variants.yaml");
        let text = std::fs::read_to_string(path).expect("variants.yaml is readable");
        let node = casebook::yaml::parse(&text)
            .root
            .expect("variants.yaml parses");
        let mut diags = Vec::new();
        let groups: Vec<Vec<String>> =
            casebook::yaml::typed(&node, "variants.yaml", &mut diags).expect("variants.yaml reads");
        Variants::new(&groups)
    })
}

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => hostile_char(),
        1 => prop::sample::select(&[
            '\u{3099}', '\u{309A}', '\u{309B}', '\u{309C}', 'ｶ', 'ﾞ', 'ﾟ', 'ｱ', 'ｰ', 'ﾆ', 'Ａ', 'ｚ', '４',
            'İ', 'ı', 'ß', 'ẞ', 'ﬁ', 'ﬀ', 'Ǆ', 'ǅ', 'K', 'Å', 'é', '\u{301}', '\u{308}', 'Ω', 'ſ', 'ŉ',
            '’', '\'', '.', ',', '々', 'ー', '・', '〆', 'ヿ', 'ゟ', '㍻', '㌔', '①', '⑳', '㈱', '障', 'が',
            'い', '碍', '害', 'ど', 'も', '子', '供', '\u{20B9F}', '\u{2F800}', '\u{FA0E}',
        ][..]),
    ]
}

fn tricky_text(len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..=len).prop_map(|c| c.into_iter().collect())
}

/// Random spelling-variant groups, made of the same tricky characters.
fn variant_groups() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(tricky_text(4), 0..4), 0..6)
}

/// The properties of the keys of `text` with `variants`. With `nfkc_keys` false the keys need
/// not be NFKC: a folded spelling is not normalized again with what follows it, so with
/// `[サ, ズ]` the text `ズ` + U+3099 (a combining voicing mark NFKC cannot compose with ズ)
/// gives the key `サ` + U+3099, which NFKC writes ザ. Both tokenizers fold alike, so search
/// still finds the text; random variants meet this, the handbook's do not.
fn check_with(text: &str, variants: &Variants, nfkc_keys: bool) -> Result<(), TestCaseError> {
    let index = index_keys(text, variants);
    let query = query_keys(text, variants);
    prop_assert_eq!(
        &index_keys(text, variants),
        &index,
        "index keys differ between runs"
    );
    prop_assert_eq!(
        &query_keys(text, variants),
        &query,
        "query keys differ between runs"
    );
    for key in index.iter().chain(&query) {
        let bare = key.strip_prefix(UNIGRAM_PREFIX).unwrap_or(key);
        prop_assert!(!bare.is_empty(), "an empty key");
        prop_assert!(!nfkc_keys || is_nfkc(bare), "key {:?} is not NFKC", key);
        let allowed = |c: char| is_cjk(c) || is_word(c) || matches!(c, '.' | '\'');
        prop_assert!(
            bare.chars().all(allowed),
            "key {:?} holds a character that separates",
            key
        );
    }
    let indexed: HashSet<&String> = index.iter().collect();
    let missing: Vec<&String> = query.iter().filter(|k| !indexed.contains(k)).collect();
    prop_assert!(
        missing.is_empty(),
        "a query for the page's own text misses {:?}",
        missing
    );
    let nfkc: String = text.nfkc().collect();
    prop_assert_eq!(
        &index_keys(&nfkc, variants),
        &index,
        "NFKC changed the keys"
    );
    Ok(())
}

fn check(text: &str, variants: &Variants) -> Result<(), TestCaseError> {
    check_with(text, variants, true)
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text, &Variants::default())?;
        check(&text, handbook_variants())?;
    }

    #[test]
    fn tricky_text_with_the_handbooks_variants(text in tricky_text(60)) {
        check(&text, handbook_variants())?;
    }

    #[test]
    fn tricky_text_with_random_variants(text in tricky_text(40), groups in variant_groups()) {
        check_with(&text, &Variants::new(&groups), false)?;
    }

    #[test]
    fn full_width_ascii_gets_the_keys_of_ascii(text in "[ -~]{0,40}") {
        let wide: String = text.chars().map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        }).collect();
        prop_assert_eq!(index_keys(&wide, handbook_variants()), index_keys(&text, handbook_variants()));
    }
}
