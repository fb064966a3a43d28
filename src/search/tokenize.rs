//! The one tokenizer of the search: text in, search keys out.
//!
//! The index is built here, at build time; the browser cuts queries into keys with
//! `themes/default/static/search/tokenize.js`, a step-by-step twin of this file (the build
//! side hands keys to a callback rather than collecting them, for speed). They must
//! agree exactly, or a word in a page would not be found by the same word in the search box
//! (Pagefind fails on Japanese that way: its two segmenters disagree). To keep them equal,
//! nothing here leans on a library whose result could differ in the browser: character
//! classes are explicit code-point ranges, lowercasing is limited to Latin letters, and the
//! English stemmer is the Snowball one, ported to JavaScript. `tests/search/vectors.json`
//! and `tests/search/stems.json` are run against both implementations.
//!
//! The steps, identical in both:
//! 1. [`normalize`]: Unicode NFKC (ＡＤ → AD, ４ → 4), then lowercase Latin letters.
//! 2. [`Variants::fold`]: every spelling variant becomes its group's first spelling
//!    (障がい, 障碍 → 障害), longest first.
//! 3. [`fold_eras`] (issue #17): era letters become era names (`r3` → 令和3), 元 after an era
//!    name becomes 1, and the counter of `3ヶ月` / `2箇所` becomes か.
//! 4. Split into runs of units standing together: a unit is a CJK character (Han, kana, ー,
//!    々) or a word (Latin letters and digits; `4,396` → `4396`, `54.8`). Anything else
//!    separates, except a space between a number and a CJK character (`980,219 人`).
//! 5. A run gives keys: in the index every unit's key (`1:c`, or the word: dropped when it is
//!    an English stop word, kept as it is when it is a number, otherwise stemmed) and every
//!    n-gram of 2 to [`MAX_GRAM`] units, each marked whole or part; and a fiscal year's
//!    other form (`令和3年度` ↔ `fy2021`). In a query: the run itself, or its windows (see
//!    [`index_keys`], [`query_keys`]).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization as _};

/// Marks the one-character CJK keys: `1:障` is the character anywhere in a page.
pub const UNIGRAM_PREFIX: &str = "1:";

/// Han, kana and their marks, as inclusive code-point ranges. Written out (not `\p{Han}`) so
/// that the JavaScript twin uses exactly the same table whatever its engine's Unicode version.
const CJK: &[(u32, u32)] = &[
    (0x3005, 0x3007),   // 々 〆 〇
    (0x303B, 0x303B),   // 〻
    (0x3041, 0x309F),   // hiragana, voicing marks, ゝ ゞ ゟ
    (0x30A1, 0x30FA),   // katakana (not ゠ U+30A0)
    (0x30FC, 0x30FF),   // ー ヽ ヾ ヿ (not the middle dot ・ U+30FB, which separates)
    (0x31F0, 0x31FF),   // small katakana for Ainu
    (0x3400, 0x4DBF),   // CJK Extension A
    (0x4E00, 0x9FFF),   // CJK Unified Ideographs
    (0xF900, 0xFAFF),   // CJK Compatibility Ideographs left by NFKC
    (0x20000, 0x3FFFF), // the ideographic planes (Extensions B and later)
];

/// Letters and digits that make words. Latin only, and all of it in the BMP, so a JavaScript
/// string index and a Rust `char` see the same characters (this matters to the stemmer).
const WORD: &[(u32, u32)] = &[
    (0x30, 0x39),     // 0-9
    (0x41, 0x5A),     // A-Z (gone after lowercasing, kept for is_word on raw text)
    (0x61, 0x7A),     // a-z
    (0xC0, 0xD6),     // Latin-1 letters, not ×
    (0xD8, 0xF6),     // not ÷
    (0xF8, 0x24F),    // Latin-1, Latin Extended-A and -B
    (0x1E00, 0x1EFF), // Latin Extended Additional
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = u32::from(c);
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// Whether `c` belongs to a CJK run.
pub fn is_cjk(c: char) -> bool {
    in_ranges(c, CJK)
}

/// Whether `c` belongs to a word (Latin letter or ASCII digit).
pub fn is_word(c: char) -> bool {
    in_ranges(c, WORD)
}

/// NFKC, then lowercase. Only word characters are lowercased: their mappings are the same
/// in Rust and in every JavaScript engine, which is not true of all of Unicode.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push = |c: char| {
        if is_word(c) {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    };
    // Most text is already NFKC, which the quick check (a table lookup per character) proves
    // without running the normalizer; "maybe" and "no" take the full path.
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().for_each(&mut push);
    } else {
        text.nfkc().for_each(&mut push);
    }
    out
}

/// Spelling variants: each group is one term, its first spelling the canonical one.
/// Built from `content/vocabularies/variants.yaml`; the browser gets the same groups as JSON.
#[derive(Clone, Debug, Default)]
pub struct Variants {
    /// Rules by their first character, longest first. Looked up for every character of every
    /// text the index reads, so with hashbrown's fast hasher rather than SipHash.
    rules: hashbrown::HashMap<char, Vec<Rule>>,
}

#[derive(Clone, Debug)]
struct Rule {
    from: Vec<char>,
    to: String,
}

impl Variants {
    /// Spellings are normalized like text. A spelling already seen in an earlier group is
    /// not redefined, and a group sharing a spelling with an earlier one joins it (takes its
    /// canonical spelling), so two groups that overlap still fold to one term.
    pub fn new(groups: &[Vec<String>]) -> Self {
        let mut canonical: HashMap<String, String> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for group in groups {
            let spellings: Vec<String> = group
                .iter()
                .map(|s| normalize(s))
                .filter(|s| !s.is_empty())
                .collect();
            let Some(first) = spellings.first() else {
                continue;
            };
            let target = spellings
                .iter()
                .find_map(|s| canonical.get(s).cloned())
                .unwrap_or_else(|| first.clone());
            for s in spellings {
                if !canonical.contains_key(&s) {
                    canonical.insert(s.clone(), target.clone());
                    order.push(s);
                }
            }
        }
        Self::from_pairs(order.into_iter().filter_map(|s| {
            let to = canonical.get(&s)?.clone();
            (s != to).then_some((s, to))
        }))
    }

    fn from_pairs(pairs: impl Iterator<Item = (String, String)>) -> Self {
        let mut rules: hashbrown::HashMap<char, Vec<Rule>> = hashbrown::HashMap::new();
        for (from, to) in pairs {
            let from: Vec<char> = from.chars().collect();
            rules.entry(from[0]).or_default().push(Rule { from, to });
        }
        for list in rules.values_mut() {
            // Two spellings of one length cannot both match at one place: ties need no rule.
            list.sort_by_key(|r| std::cmp::Reverse(r.from.len()));
        }
        Self { rules }
    }

    /// Replace every variant in normalized `text` by its canonical spelling, scanning left to
    /// right and trying the longest spelling first. Replacements are not scanned again.
    pub fn fold(&self, text: &str) -> String {
        if self.rules.is_empty() {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            match self.rule_at(&chars, i) {
                Some(rule) => {
                    out.push_str(&rule.to);
                    i += rule.from.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }

    fn rule_at(&self, chars: &[char], i: usize) -> Option<&Rule> {
        let candidates = self.rules.get(&chars[i])?;
        candidates
            .iter()
            .find(|rule| matches_at(chars, i, &rule.from))
    }
}

/// Whether `from` is at `chars[i..]`. A spelling that starts (ends) with a word character
/// must also start (end) a word, so `ad` folds in `広域ad` but not in `advice`.
fn matches_at(chars: &[char], i: usize, from: &[char]) -> bool {
    let end = i + from.len();
    if end > chars.len() || chars[i..end] != *from {
        return false;
    }
    let open_before = !is_word(from[0]) || i == 0 || !is_word(chars[i - 1]);
    let open_after = !is_word(from[from.len() - 1]) || end == chars.len() || !is_word(chars[end]);
    open_before && open_after
}

/// Snowball's English stop words (snowballstem.org, `english/stop.txt`), sorted. Contractions
/// are words here because an apostrophe between letters stays in the word.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "how's",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "let's",
    "me",
    "more",
    "most",
    "mustn't",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shan't",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "when's",
    "where",
    "where's",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "why",
    "why's",
    "with",
    "won't",
    "would",
    "wouldn't",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `word` (normalized) is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The Snowball English (Porter2) stem of a normalized word.
pub fn stem(word: &str) -> String {
    Stemmer::create(Algorithm::English).stem(word).into_owned()
}

/// The longest n-gram (in units: CJK characters, words and numbers) the index stores as a
/// key of its own.
pub const MAX_GRAM: usize = 4;

/// The keys the search index stores for `text`: every word; for every CJK character `c`,
/// `1:c`; every n-gram of 2 to [`MAX_GRAM`] units of each run (a run is CJK characters,
/// words and numbers standing together: `令和2年度` is 令, 和, 2, 年, 度); and, for a fiscal
/// year, its other form (`令和3年度` also gives `fy2021`, `FY2021` also the keys of
/// `令和3年度`). A page holds a phrase of up to `MAX_GRAM` units exactly when it has the
/// phrase's key: the n-grams are cut from runs, so the check "these stand together" is made
/// once, here, instead of in the browser with positions.
pub fn index_keys(text: &str, variants: &Variants) -> Vec<String> {
    let mut keys = Vec::new();
    scan(text, variants, false, &mut |k: &str, _| {
        keys.push(k.to_owned())
    });
    keys
}

/// [`index_keys`] with, for each key, whether it is a whole term where it stands: a word,
/// or an n-gram that begins and ends where the script changes or the run does (地域移行 in
/// 地域移行を is whole, in 地域移行支援 it is a part of a longer term).
pub fn index_keys_whole(text: &str, variants: &Variants) -> Vec<(String, bool)> {
    let mut keys = Vec::new();
    scan(text, variants, false, &mut |k: &str, whole| {
        keys.push((k.to_owned(), whole))
    });
    keys
}

/// [`index_keys_whole`] without a `String` per key: `sink` gets each key, in the same order,
/// as a borrowed string that is only valid during the call. The index builder counts keys
/// this way, allocating a key only the first time a document has it.
pub fn for_each_index_key(text: &str, variants: &Variants, sink: &mut dyn FnMut(&str, bool)) {
    scan(text, variants, false, sink);
}

/// The keys a query looks up (every one must be on a page for it to match): a run of one
/// unit as its key (`1:c`, or the word); a run of 2 to [`MAX_GRAM`] units as itself; a
/// longer run as `MAX_GRAM`-unit windows that tile it ([`window_starts`]).
pub fn query_keys(text: &str, variants: &Variants) -> Vec<String> {
    let mut keys = Vec::new();
    scan(text, variants, true, &mut |k: &str, _| {
        keys.push(k.to_owned())
    });
    keys
}

/// Where the windows of a query run longer than [`MAX_GRAM`] units start: every `MAX_GRAM`
/// units, so the windows tile the run, and the last window ending where the run does
/// (精神保健福祉センター: 精神保健, 福祉セン, センター). Each window is a key a query downloads;
/// every overlapping window (7 for this query, 17 for a 20-character term) would cost a key
/// shard and a postings file each and add little: a page must already hold every window.
fn window_starts(len: usize) -> impl Iterator<Item = usize> {
    let last = len - MAX_GRAM;
    (0..last).step_by(MAX_GRAM).chain(std::iter::once(last))
}

/// One unit of a run: a CJK character, or a word or number as read (normalized, not stemmed).
#[derive(Clone, Debug, PartialEq)]
enum Unit {
    Cjk(char),
    Word(String),
}

/// The script of a unit, for whole-term boundaries: a word is a segment of its own.
fn script(u: &Unit) -> u8 {
    match u {
        Unit::Word(_) => 0,
        Unit::Cjk(c) => match u32::from(*c) {
            0x3041..=0x309F => 1,
            0x30A1..=0x30FF | 0x31F0..=0x31FF => 2,
            _ => 3,
        },
    }
}

/// Passes the keys of a text, for the index or for a query, to a sink.
struct Keys<'s> {
    sink: &'s mut dyn FnMut(&str, bool),
    query: bool,
    stemmer: Stemmer,
    /// Reused for n-grams and `1:c` keys.
    buf: String,
}

impl Keys<'_> {
    /// Hand the sink the key made of `prefix` and `units`.
    fn emit(&mut self, prefix: &str, units: &[Unit], whole: bool) {
        self.buf.clear();
        self.buf.push_str(prefix);
        for u in units {
            match u {
                Unit::Cjk(c) => self.buf.push(*c),
                Unit::Word(w) => self.buf.push_str(w),
            }
        }
        (self.sink)(&self.buf, whole);
    }

    /// The key of one unit: `1:c`, or the word (numbers as they are, stop words dropped,
    /// the rest stemmed).
    fn unit(&mut self, unit: &Unit, whole: bool) {
        match unit {
            Unit::Cjk(_) => self.emit(UNIGRAM_PREFIX, std::slice::from_ref(unit), whole),
            Unit::Word(word) if word.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                (self.sink)(word, true);
            }
            Unit::Word(word) if !is_stop_word(word) => {
                let stem = self.stemmer.stem(word);
                (self.sink)(&stem, true);
            }
            Unit::Word(_) => {}
        }
    }

    /// The keys of a run (see [`index_keys`] and [`query_keys`]).
    fn run(&mut self, run: &[Unit]) {
        if self.query {
            if run.len() == 1 {
                self.unit(&run[0], true);
            } else if run.len() <= MAX_GRAM {
                self.emit("", run, true);
            } else {
                for i in window_starts(run.len()) {
                    self.emit("", &run[i..i + MAX_GRAM], false);
                }
            }
            return;
        }
        self.grams(run);
        self.fiscal_years(run);
    }

    /// Every unit's key and every n-gram of 2 to [`MAX_GRAM`] units, each with whether it is
    /// a whole term (see [`index_keys_whole`]).
    fn grams(&mut self, run: &[Unit]) {
        let edge = |i: usize| {
            i == 0
                || i == run.len()
                || script(&run[i - 1]) != script(&run[i])
                || script(&run[i]) == 0
        };
        for i in 0..run.len() {
            self.unit(&run[i], edge(i) && edge(i + 1));
            for n in 2..=MAX_GRAM.min(run.len() - i) {
                self.emit("", &run[i..i + n], edge(i) && edge(i + n));
            }
        }
    }

    /// A fiscal year's other form: `令和3年度` (or `2021年度`) gives the key `fy2021`, and the
    /// word `fy2021` the keys of the run `令和3年度`, so each finds the other.
    fn fiscal_years(&mut self, run: &[Unit]) {
        for i in 0..run.len() {
            if let Some(year) = fiscal_year_at(run, i) {
                (self.sink)(&format!("fy{year}"), true);
            }
            let Unit::Word(w) = &run[i] else { continue };
            let Some(era) = w.strip_prefix("fy").and_then(era_fiscal_year) else {
                continue;
            };
            let units = units_of(&era.chars().collect::<Vec<_>>());
            self.grams(&units);
        }
    }
}

/// The era names the tokenizer folds, their letters, and the Gregorian year before year 1.
const ERAS: [(&str, char, i32); 3] = [
    ("令和", 'r', 2018),
    ("平成", 'h', 1988),
    ("昭和", 's', 1925),
];

/// The Gregorian year of a fiscal year that starts at `run[i]`: era, year and 年度
/// (`令和3年度`), or four digits and 年度 (`2021年度`).
fn fiscal_year_at(run: &[Unit], i: usize) -> Option<i32> {
    let cjk = |j: usize, c: char| run.get(j) == Some(&Unit::Cjk(c));
    let number = |j: usize| match run.get(j) {
        Some(Unit::Word(w)) if w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()) => {
            w.parse::<i32>().ok()
        }
        _ => None,
    };
    for (name, _, offset) in ERAS {
        let mut name = name.chars();
        let (a, b) = (name.next()?, name.next()?);
        if cjk(i, a) && cjk(i + 1, b) && cjk(i + 3, '年') && cjk(i + 4, '度') {
            return number(i + 2)
                .filter(|n| (1..100).contains(n))
                .map(|n| n + offset);
        }
    }
    let year = number(i).filter(|y| (1900..=2199).contains(y))?;
    (cjk(i + 1, '年') && cjk(i + 2, '度')).then_some(year)
}

/// `令和3年度` for the digits of `FY2021`: the era in force at the end of that year.
fn era_fiscal_year(digits: &str) -> Option<String> {
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    ERAS.iter()
        .find(|(_, _, offset)| year > *offset)
        .filter(|(_, _, offset)| year - offset < 100)
        .map(|(name, _, offset)| format!("{name}{}年度", year - offset))
}

/// The spellings of the counter か between a number and 月 or 所 (3ヶ月, 3カ月, 2箇所).
fn is_counter_ka(c: char) -> bool {
    matches!(c, 'ヶ' | 'ケ' | 'カ' | 'ヵ' | '箇')
}

/// Era years and counters in one form: the counter of `3ヶ月`, `3カ月`, `2箇所` becomes
/// `か` (`3か月`, `2か所`); an era letter and its year (`r3`, `h29`, after NFKC and
/// lowercasing) becomes the era name (`令和3`), and `元` after an era name becomes `1`
/// (`令和元年` → `令和1年`). A letter folds only as a word of its own (`r3年`, not `fr3`).
pub fn fold_eras(chars: Vec<char>) -> Vec<char> {
    if !chars
        .iter()
        .any(|c| matches!(c, 'r' | 'h' | 's' | '元') || is_counter_ka(*c))
    {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let counter = is_counter_ka(c)
            && out.last().is_some_and(char::is_ascii_digit)
            && matches!(chars.get(i + 1), Some('月' | '所'));
        if counter {
            out.push('か');
            i += 1;
            continue;
        }
        if c == '元' && after_era_name(&out) {
            out.push('1');
            i += 1;
            continue;
        }
        let digits = chars[i + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        let era = ERAS.iter().find(|(_, letter, _)| *letter == c);
        let alone = (i == 0 || !is_word(chars[i - 1]))
            && (1..=2).contains(&digits)
            && chars.get(i + 1 + digits).is_none_or(|n| !is_word(*n));
        match era {
            Some((name, _, _)) if alone => {
                out.extend(name.chars());
                let year: String = chars[i + 1..i + 1 + digits].iter().collect();
                out.extend(year.trim_start_matches('0').chars());
                i += 1 + digits;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Whether `chars` ends with an era name.
fn after_era_name(chars: &[char]) -> bool {
    ERAS.iter().any(|(name, _, _)| {
        let name: Vec<char> = name.chars().collect();
        chars.ends_with(&name)
    })
}

/// The runs of a normalized, folded text: CJK characters and words standing together.
/// Anything that is neither separates runs.
fn units_of(chars: &[char]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < chars.len() && (is_cjk(chars[i]) || is_word(chars[i])) {
        if is_cjk(chars[i]) {
            units.push(Unit::Cjk(chars[i]));
            i += 1;
        } else {
            let (word, end) = read_word(chars, i);
            units.push(Unit::Word(word));
            i = end;
        }
    }
    units
}

/// The text as the tokenizer reads it: normalized, spelling variants and era years folded.
pub fn fold(text: &str, variants: &Variants) -> Vec<char> {
    fold_eras(variants.fold(&normalize(text)).chars().collect())
}

fn scan(text: &str, variants: &Variants, query: bool, sink: &mut dyn FnMut(&str, bool)) {
    let chars = fold(text, variants);
    let mut out = Keys {
        sink,
        query,
        stemmer: Stemmer::create(Algorithm::English),
        buf: String::new(),
    };
    let mut i = 0;
    let mut run = Vec::new();
    while i < chars.len() {
        if is_cjk(chars[i]) {
            run.push(Unit::Cjk(chars[i]));
            i += 1;
        } else if is_word(chars[i]) {
            let (word, end) = read_word(&chars, i);
            run.push(Unit::Word(word));
            i = end;
        } else if unit_space(&run, &chars, i) {
            i += 1;
        } else {
            if !run.is_empty() {
                out.run(&run);
                run.clear();
            }
            i += 1;
        }
    }
    if !run.is_empty() {
        out.run(&run);
    }
}

/// Whether `chars[i]` is the space some pages print between a number and its unit or counter
/// (`980,219 人`, `2 ヵ所`): it does not end the run, so `980,219人` finds it.
fn unit_space(run: &[Unit], chars: &[char], i: usize) -> bool {
    chars[i] == ' '
        && chars.get(i + 1).is_some_and(|c| is_cjk(*c))
        && matches!(run.last(), Some(Unit::Word(w)) if w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// The word starting at `chars[start]` (a word character) and the index after it.
fn read_word(chars: &[char], start: usize) -> (String, usize) {
    let mut word = String::new();
    let mut numeric = true;
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        if is_word(c) {
            word.push(c);
            numeric &= c.is_ascii_digit();
        } else {
            match joiner(chars, i, numeric) {
                Join::Keep(k) => {
                    word.push(k);
                    numeric &= k == '.';
                }
                Join::Drop => {}
                Join::End => break,
            }
        }
        i += 1;
    }
    (word, i)
}

enum Join {
    Keep(char),
    Drop,
    End,
}

/// What a non-word character inside a word does: `54.8` keeps its point, `4,396` drops its
/// thousands separator, `supporter's` / `don’t` keep an apostrophe (as `'`, for the stop list
/// and the stemmer). Anything else ends the word. `chars[i - 1]` is a word character.
fn joiner(chars: &[char], i: usize, numeric: bool) -> Join {
    let digit_at = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    let after_digit = numeric && digit_at(i - 1);
    match chars[i] {
        '.' if after_digit && digit_at(i + 1) => Join::Keep('.'),
        ',' if after_digit && (1..=3).all(|k| digit_at(i + k)) && !digit_at(i + 4) => Join::Drop,
        '\'' | '\u{2019}' if chars.get(i + 1).is_some_and(|c| is_word(*c)) => Join::Keep('\''),
        _ => Join::End,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Vectors {
        variants: Vec<Vec<String>>,
        normalize: Vec<(String, String)>,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        input: String,
        index_keys: Vec<String>,
        /// The index keys that are whole terms, in order.
        whole_keys: Vec<String>,
        query_keys: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Stems {
        pairs: Vec<(String, String)>,
    }

    const VECTORS: &str = include_str!("../../tests/search/vectors.json");
    const STEMS: &str = include_str!("../../tests/search/stems.json");

    #[test]
    fn every_shared_vector_holds() {
        let vectors: Vectors = serde_json::from_str(VECTORS).expect("vectors.json parses");
        let variants = Variants::new(&vectors.variants);
        assert!(vectors.cases.len() >= 60, "too few vectors");
        for case in &vectors.cases {
            let input = &case.input;
            assert_eq!(
                index_keys(input, &variants),
                case.index_keys,
                "index keys of {input:?}"
            );
            assert_eq!(
                query_keys(input, &variants),
                case.query_keys,
                "query keys of {input:?}"
            );
            let whole: Vec<String> = index_keys_whole(input, &variants)
                .into_iter()
                .filter_map(|(k, whole)| whole.then_some(k))
                .collect();
            assert_eq!(whole, case.whole_keys, "whole keys of {input:?}");
        }
    }

    /// A page is always found by any piece of its own text: every key a query of a slice
    /// of the text looks up is a key the index stores for the whole text.
    #[test]
    fn a_query_of_any_slice_of_a_text_finds_the_text() {
        let vectors: Vectors = serde_json::from_str(VECTORS).expect("vectors.json parses");
        let variants = Variants::new(&vectors.variants);
        for case in &vectors.cases {
            let stored: std::collections::HashSet<String> =
                index_keys(&case.input, &variants).into_iter().collect();
            // Slices of the normalised, folded text, cut between two units of a run (CJK
            // characters, words) or at spaces: a cut through a word or a variant spelling is
            // not a query of it.
            let chars = fold(&case.input, &variants);
            let cuts = |i: usize| {
                i > 0
                    && i < chars.len()
                    && !(chars[i - 1].is_whitespace() || chars[i].is_whitespace())
                    && !(is_cjk(chars[i - 1]) && (is_cjk(chars[i]) || is_word(chars[i])))
                    && !(is_word(chars[i - 1]) && is_cjk(chars[i]))
            };
            for from in 0..chars.len() {
                for to in from + 1..=chars.len() {
                    let slice: String = chars[from..to].iter().collect();
                    if cuts(from) || cuts(to) || fold(&slice, &variants) != chars[from..to] {
                        continue;
                    }
                    for key in query_keys(&slice, &variants) {
                        assert!(
                            stored.contains(&key),
                            "{slice:?} of {:?}: key {key:?} not stored",
                            case.input
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_run_is_looked_up_by_its_windows() {
        let v = Variants::default();
        assert_eq!(query_keys("地域移行", &v), ["地域移行"]);
        assert_eq!(query_keys("新幹線", &v), ["新幹線"]);
        assert_eq!(query_keys("障", &v), ["1:障"]);
        assert_eq!(query_keys("精神保健福祉", &v), ["精神保健", "保健福祉"]);
        assert_eq!(
            query_keys("精神保健福祉センター", &v),
            ["精神保健", "福祉セン", "センター"]
        );
        assert_eq!(query_keys("精神保健", &v), ["精神保健"]);
        assert!(index_keys("幹線", &v).iter().all(|k| k != "新幹線"));
    }

    #[test]
    fn every_shared_normalization_holds() {
        let vectors: Vectors = serde_json::from_str(VECTORS).expect("vectors.json parses");
        for (input, expected) in &vectors.normalize {
            assert_eq!(&normalize(input), expected, "normalize({input:?})");
        }
    }

    #[test]
    fn every_shared_stem_holds() {
        let stems: Stems = serde_json::from_str(STEMS).expect("stems.json parses");
        assert!(stems.pairs.len() >= 2000, "too few stems");
        for (word, expected) in &stems.pairs {
            assert_eq!(&stem(word), expected, "stem of {word:?}");
        }
    }

    #[test]
    fn normalize_folds_width_and_case() {
        let table = [
            ("ＡＤ", "ad"),
            ("AD", "ad"),
            ("４月", "4月"),
            ("ＰＳＷ（精神保健福祉士）", "psw(精神保健福祉士)"),
            ("ｱﾄﾞﾊﾞｲｻﾞｰ", "アドバイザー"),
            ("ﬁle", "file"),
            ("Ärzte É", "ärzte é"),
            ("①", "1"),
            ("㍻", "平成"),
            ("", ""),
            // Greek is not a word script: NFKC only, no lowercasing.
            ("ΣΑ", "ΣΑ"),
        ];
        for (input, expected) in table {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
    }

    fn groups(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter()
            .map(|g| g.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    #[test]
    fn variants_fold_to_the_first_spelling() {
        let variants = Variants::new(&groups(&[
            &["障害", "障がい", "障碍"],
            &["取組", "取り組み", "取組み", "取り組"],
            &["アドバイザー", "AD"],
            &["x", "y"],
            &["z", "y", "w"],
        ]));
        let table = [
            ("精神障がい者", "精神障害者"),
            ("障碍と障害", "障害と障害"),
            ("取り組み", "取組"),
            ("取り組む", "取組む"),
            ("取組み", "取組"),
            ("広域ad", "広域アドバイザー"),
            ("advice", "advice"),
            ("bad", "bad"),
            ("ad-hoc", "アドバイザー-hoc"),
            // The group repeating `y` joins x's group: all of it folds to x.
            ("y z w", "x x x"),
            ("", ""),
        ];
        for (input, expected) in table {
            assert_eq!(variants.fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn variants_are_normalized_and_empty_groups_ignored() {
        let variants = Variants::new(&groups(&[&[], &["", "Ｇ Ｈ"], &["ＧＨ", "グループホーム"]]));
        assert_eq!(variants.fold("gh"), "gh");
        assert_eq!(variants.fold("グループホーム"), "gh");
        assert_eq!(Variants::default().fold("障がい"), "障がい");
    }

    #[test]
    fn stop_words_are_sorted_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn character_classes_are_disjoint() {
        for c in ['ー', '々', '障', 'ア', 'あ', '𠮟'] {
            assert!(is_cjk(c) && !is_word(c), "{c}");
        }
        for c in ['a', 'z', '0', 'é', 'ß'] {
            assert!(is_word(c) && !is_cjk(c), "{c}");
        }
        for c in ['・', '、', ' ', '-', '😀', '×'] {
            assert!(!is_cjk(c) && !is_word(c), "{c}");
        }
    }

    /// Rewrites the keys of `tests/search/vectors.json` from this implementation, keeping
    /// each case's input and reason (review the diff: the JavaScript twin must agree):
    /// `VECTORS_OUT=tests/search/vectors.json cargo test --lib search -- --ignored`.
    #[test]
    #[ignore = "writes tests/search/vectors.json"]
    fn regenerate_vectors() {
        let Ok(out) = std::env::var("VECTORS_OUT") else {
            return;
        };
        let mut vectors: serde_json::Value = serde_json::from_str(VECTORS).expect("parses");
        let groups: Vec<Vec<String>> =
            serde_json::from_value(vectors["variants"].clone()).expect("variant groups");
        let variants = Variants::new(&groups);
        let cases = vectors["cases"].as_array_mut().expect("cases");
        let line = |v: &serde_json::Value| serde_json::to_string(v).expect("serializes");
        let mut lines = Vec::new();
        for case in cases.iter_mut() {
            let input = case["input"].as_str().expect("an input").to_owned();
            let whole: Vec<String> = index_keys_whole(&input, &variants)
                .into_iter()
                .filter_map(|(k, w)| w.then_some(k))
                .collect();
            lines.push(format!(
                "    {{\"why\": {}, \"input\": {},\n     \"index_keys\": {},\n     \"whole_keys\": {},\n     \"query_keys\": {}}}",
                line(&case["why"]),
                line(&case["input"]),
                line(&serde_json::json!(index_keys(&input, &variants))),
                line(&serde_json::json!(whole)),
                line(&serde_json::json!(query_keys(&input, &variants))),
            ));
        }
        let head = &VECTORS[..VECTORS.find("  \"cases\": [").expect("a cases list")];
        std::fs::write(
            out,
            format!("{head}  \"cases\": [\n{}\n  ]\n}}\n", lines.join(",\n")),
        )
        .expect("writing vectors.json");
    }

    /// Rewrites `tests/search/stems.json`, the stems both implementations must reproduce:
    /// `STEMS_OUT=tests/search/stems.json cargo test --lib search -- --ignored`.
    #[test]
    #[ignore = "writes tests/search/stems.json"]
    fn regenerate_stems() {
        let Ok(out) = std::env::var("STEMS_OUT") else {
            return;
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut json = String::from("{\n  \"about\": ");
        json += &serde_json::to_string(STEMS_ABOUT).expect("a string serializes");
        json += ",\n  \"pairs\": [\n";
        let lines: Vec<String> = stem_words(root)
            .iter()
            .map(|w| serde_json::to_string(&(w, stem(w))).expect("strings serialize"))
            .collect();
        json += &format!("    {}\n  ]\n}}\n", lines.join(",\n    "));
        std::fs::write(out, json).expect("writing stems.json");
    }

    const STEMS_ABOUT: &str = "Snowball English (Porter2) stems from the rust-stemmers crate \
        (1.2), which the JavaScript port in themes/default/static/search/tokenize.js must \
        reproduce. Written by regenerate_stems in src/search/tokenize.rs from the words of \
        content/**/*.yaml and their inflections, words that reach every rule of the algorithm, \
        and every 20th word of Snowball's english/voc.txt (snowballstem/snowball-data at \
        4412ee8, whose output.txt rust-stemmers 1.2 reproduces for all 42,603 words).";

    /// Words that reach each rule and exception of Porter2 (most from Snowball's own voc.txt).
    const RULE_WORDS: &str = "skis skies sky dying lying tying idly gently ugly early only singly \
        news howe atlas cosmos bias andes inning innings outing outings canning cannings herring \
        herrings earring earrings proceed proceeded proceeding exceed exceeds succeed succeeding \
        generate generous general communism community communication arsenal arsenic \
        'cause 'tis ''s supporter's supporters' o'clock y'all youth yelled yay saying sayings \
        toy toys annoy annoyingly cry cries crying by say ties tied pies died agreed feed \
        freed bleed luxuriated hoped hopping hoping hopped fizzed falling filing sized \
        conflated troubled hoped disabled disabling caresses ponies caress cats gaps gas this \
        kiwis taxis us bus abyss emphasis indeed eed eedly speedily exceedingly \
        relational conditional rational valenci hesitanci digitizer conformabli radicalli \
        differentli vileli analogousli vietnamization predication operator feudalism \
        decisiveness hopefulness callousness formaliti sensitiviti sensibiliti archaeology \
        analogi biologi fluentli carelessli hopefulli triplicate formative formalize \
        electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic \
        adjustable defensible irritant replacement adjustment dependent adoption homologou \
        communism activate angulariti homologous effective bowdlerize probate rate cease \
        controll roll rolled rolling tell dwell smell mill ill bell fill full \
        consign consigned consigning consignment consist consisted consistency consistent \
        knack knackeries knaves knavish kneaded kneading knee kneel kneeled kneeling kneels \
        knees knell knelt knew knick knif knife knight knightly knights knit knits knitted \
        knitting knives knob knobs knock knocked knocker knockers knocking knocks knopp knot \
        knots a aa aaa ab abc abcd e ee eee y yy yyy ye yes yea ya yo oy aye eye eyes ayes \
        ii iii iv 2020s 1990s h29 r1 covid19 café cafés naïve naïveté résumé résumés \
        façade façades über ærodrome œuvre strasse straße";

    /// The words of every content file, each also with one common inflection (taken in turn,
    /// to keep the file small), plus [`RULE_WORDS`] and the words already in stems.json (so
    /// words added by hand, such as the sample of Snowball's voc.txt, stay).
    fn stem_words(root: &std::path::Path) -> std::collections::BTreeSet<String> {
        let kept: Stems = serde_json::from_str(STEMS).expect("stems.json parses");
        let mut bases = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(root.join("content")) {
            let entry = entry.expect("content is readable");
            if entry.path().extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(entry.path()).expect("content is UTF-8");
                bases.extend(content_words(&text));
            }
        }
        const SUFFIXES: [&str; 10] = [
            "s", "es", "ed", "ing", "er", "ers", "ly", "ness", "ation", "ity",
        ];
        let inflected: Vec<String> = bases
            .iter()
            .zip(SUFFIXES.iter().cycle())
            .map(|(word, suffix)| format!("{word}{suffix}"))
            .collect();
        let mut words = bases;
        words.extend(inflected);
        words.extend(RULE_WORDS.split_whitespace().map(str::to_owned));
        words.extend(kept.pairs.into_iter().map(|(word, _)| word));
        words
    }

    /// Lowercase Latin words of `text`: letters only, three or more.
    fn content_words(text: &str) -> Vec<String> {
        normalize(text)
            .split(|c: char| !c.is_ascii_lowercase())
            .filter(|w| w.len() >= 3)
            .map(str::to_owned)
            .collect()
    }
}
