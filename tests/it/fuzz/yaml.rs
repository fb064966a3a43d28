//! The YAML loader (`yaml::parse`, then `yaml::typed` into every record and vocabulary type)
//! on arbitrary text, on token soup made of YAML's own syntax (indicators, anchors, aliases,
//! tags, directives, documents, block and flow scalars, tabs, BOMs, control characters), on
//! generated trees written out in every style, and on the site's real records mutated.
//!
//! Properties: nothing panics, for any input; every problem has a position inside the file
//! (line 1 to the last line + 1, column 1 to the line's length + 1); a tree written out in any
//! mix of block and flow collections and plain, quoted and block scalars reads back as the
//! same tree, up to 64 levels deep and with lines of any length; nesting past 64 levels is
//! refused; and a record means the same whatever styles it is written in.

use casebook::diag::{Diagnostic, Span};
use casebook::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use casebook::model::{Analysis, Case, Outcome, Page, Practice, Region, StatusSheet};
use casebook::yaml::{self, Node, Value};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{cases, hostile_char, hostile_text, slow_cases};

/// A YAML tree without positions, as generated and as read back.
#[derive(Clone, Debug, PartialEq)]
pub enum Tree {
    /// Text, and whether it must be written plain (`true`) or quoted (`false`).
    Scalar(String, bool),
    Seq(Vec<Tree>),
    Map(Vec<(String, Tree)>),
}

impl Tree {
    /// The tree of a parsed node. Keys are scalars in everything generated here.
    pub fn of(node: &Node) -> Tree {
        match &node.value {
            Value::Scalar { text, plain } => Tree::Scalar(text.clone(), *plain),
            Value::Seq(items) => Tree::Seq(items.iter().map(Tree::of).collect()),
            Value::Map(entries) => Tree::Map(
                entries
                    .iter()
                    .map(|(k, v)| (k.as_str().unwrap_or("?").to_owned(), Tree::of(v)))
                    .collect(),
            ),
        }
    }

    fn depth(&self) -> usize {
        match self {
            Tree::Scalar(..) => 0,
            Tree::Seq(items) => 1 + items.iter().map(Tree::depth).max().unwrap_or(0),
            Tree::Map(entries) => 1 + entries.iter().map(|(_, v)| v.depth()).max().unwrap_or(0),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing a tree out, each choice of style drawn from a seed.

/// A small deterministic generator for the writer's choices (xorshift64*).
pub struct Choices(u64);

impl Choices {
    pub fn new(seed: u64) -> Choices {
        Choices(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }
}

/// Whether `text` can be written as a plain scalar with the same value: in block context,
/// and in flow context when `flow`.
fn plain_ok(text: &str, flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let bad_char =
        |c: char| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}');
    !indicator
        && !first.is_whitespace()
        && !text.ends_with(char::is_whitespace)
        && !text.contains(": ")
        && !text.ends_with(':')
        && !text.contains(" #")
        && !text.contains('\t')
        && !text.chars().any(bad_char)
        && !(flow && text.contains([',', '[', ']', '{', '}', ':', '#']))
        // saphyr-parser refuses a plain `a -` before a flow indicator (`[a -]`), which YAML
        // 1.2 allows: such text is quoted in flow style.
        && !(flow && text.ends_with(" -"))
        && !matches!(text, "---" | "...")
        && !text.starts_with("---")
        && !text.starts_with("...")
}

fn double_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if !printable(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether YAML lets `c` stand as it is inside a quoted or block scalar.
fn printable(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn single_quoted(text: &str) -> Option<String> {
    text.chars()
        .all(printable)
        .then(|| format!("'{}'", text.replace('\'', "''")))
}

/// A literal block scalar (`|`, `|-`, `|+`) at `indent`, when the text can be one.
fn literal(text: &str, indent: usize) -> Option<String> {
    let body = text.trim_end_matches('\n');
    let trailing = text.len() - body.len();
    let lines_ok = !body.is_empty()
        && body.split('\n').all(|l| {
            !l.starts_with([' ', '\t']) && !l.ends_with([' ', '\t']) && l.chars().all(printable)
        });
    if !lines_ok {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let pad = " ".repeat(indent);
    let mut out = format!("|{chomp}\n");
    for line in body.split('\n') {
        out.push_str(&format!("{pad}{line}\n"));
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    Some(out)
}

/// A scalar on one line (no trailing newline), in a style that keeps `text` and `plain`. A
/// plain scalar is written as it is: the generators make plain scalars only where they can
/// stand (see [`flow_ok`]), and the site's records had them plain in the same context.
fn inline_scalar(text: &str, plain: bool, ch: &mut Choices) -> String {
    if plain {
        return text.to_owned();
    }
    match ch.pick(3) {
        0 => single_quoted(text).unwrap_or_else(|| double_quoted(text)),
        _ => double_quoted(text),
    }
}

fn key(text: &str, plain: bool, ch: &mut Choices) -> String {
    inline_scalar(text, plain, ch)
}

/// A flow collection or scalar on one line.
fn flow(tree: &Tree, ch: &mut Choices) -> String {
    match tree {
        Tree::Scalar(text, plain) => inline_scalar(text, *plain, ch),
        Tree::Seq(items) => {
            let items: Vec<String> = items.iter().map(|t| flow(t, ch)).collect();
            format!("[{}]", items.join(if ch.chance(2) { ", " } else { "," }))
        }
        Tree::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", key(k, true, ch), flow(v, ch)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// Whether a tree can be written in flow style: every plain scalar stays plain there.
fn flow_ok(tree: &Tree) -> bool {
    match tree {
        Tree::Scalar(text, plain) => !plain || plain_ok(text, true),
        Tree::Seq(items) => items.iter().all(flow_ok),
        Tree::Map(entries) => entries.iter().all(|(k, v)| plain_ok(k, true) && flow_ok(v)),
    }
}

/// The value after `key:` or `- ` in block style, from the end of that line on.
fn block_value(tree: &Tree, indent: usize, ch: &mut Choices) -> String {
    let empty = matches!(tree, Tree::Seq(v) if v.is_empty())
        || matches!(tree, Tree::Map(v) if v.is_empty());
    if empty || (tree.depth() > 0 && flow_ok(tree) && ch.chance(3)) {
        return format!(" {}\n", flow(tree, ch));
    }
    match tree {
        Tree::Scalar(text, plain) => {
            if !plain && ch.chance(2) {
                if let Some(lit) = literal(text, indent + 2) {
                    return format!(" {lit}");
                }
            }
            format!(" {}\n", inline_scalar(text, *plain, ch))
        }
        _ => format!("\n{}", block(tree, indent + 2, ch)),
    }
}

/// A collection in block style at `indent`, one entry per line.
fn block(tree: &Tree, indent: usize, ch: &mut Choices) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    match tree {
        Tree::Scalar(..) => out.push_str(&format!(
            "{pad}{}",
            block_value(tree, indent, ch).trim_start()
        )),
        Tree::Seq(items) => {
            for item in items {
                if ch.chance(8) {
                    out.push_str(&format!("{pad}# {}\n", "コメント: [ {"));
                }
                out.push_str(&format!("{pad}-{}", block_value(item, indent, ch)));
            }
        }
        Tree::Map(entries) => {
            for (k, v) in entries {
                out.push_str(&format!(
                    "{pad}{}:{}",
                    key(k, plain_ok(k, false), ch),
                    block_value(v, indent, ch)
                ));
            }
        }
    }
    out
}

/// A whole document for `tree`: block or flow at the top, with optional `---`, `...`, a
/// `%YAML` directive, comments and a BOM.
pub fn document(tree: &Tree, ch: &mut Choices) -> String {
    let mut out = String::new();
    if ch.chance(8) {
        out.push('\u{feff}');
    }
    if ch.chance(4) {
        out.push_str("# yaml-language-server: $schema=../../schemas/regions.json\n");
    }
    match ch.pick(6) {
        0 => out.push_str("---\n"),
        1 => out.push_str("%YAML 1.2\n---\n"),
        _ => {}
    }
    let empty = matches!(tree, Tree::Seq(v) if v.is_empty())
        || matches!(tree, Tree::Map(v) if v.is_empty());
    if empty || (tree.depth() > 0 && flow_ok(tree) && ch.chance(4)) {
        out.push_str(&flow(tree, ch));
        out.push('\n');
    } else {
        out.push_str(&block(tree, 0, ch));
    }
    if ch.chance(6) {
        out.push_str("...\n");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Generators.

/// Text a quoted scalar can hold and a future loader should still accept: no controls, bidi
/// or zero-width characters (issue #20 reports them), but every script and YAML's punctuation.
pub fn clean_text(len: usize) -> impl Strategy<Value = String> {
    let clean = |c: char| {
        !c.is_control()
            && !matches!(
                u32::from(c),
                0x200B..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF | 0x2028 | 0x2029 | 0xFFFE | 0xFFFF
            )
    };
    // Mapped rather than filtered: a long run would reject too many cases.
    prop::collection::vec(
        hostile_char().prop_map(move |c| if clean(c) { c } else { '・' }),
        0..=len,
    )
    .prop_map(|c| c.into_iter().collect())
}

fn scalar() -> impl Strategy<Value = Tree> {
    prop_oneof![
        3 => "[a-zA-Z一-龥ぁ-ゖ][a-zA-Z0-9 一-龥ぁ-ゖ、。・_.()-]{0,20}[a-zA-Z0-9一-龥ぁ-ゖ]?"
            .prop_map(|t| {
                let plain = plain_ok(&t, false);
                Tree::Scalar(t, plain)
            }),
        1 => prop::sample::select(&["~", "null", "true", "false", "0", "-12", "4,396", "54.8", "1e3", ".nan", "0x1F", "R1.6月時点", "令和2年度末"][..])
            .prop_map(|t| Tree::Scalar(t.to_owned(), true)),
        4 => clean_text(30).prop_map(|t| Tree::Scalar(t, false)),
        1 => clean_text(12).prop_map(|t| Tree::Scalar(format!("{t}\n{t}\n\n{t}\n"), false)),
    ]
}

fn key_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z_][a-z0-9_]{0,10}", "[一-龥ぁ-ゖ]{1,4}",]
}

pub fn tree() -> impl Strategy<Value = Tree> {
    scalar().prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Tree::Seq),
            prop::collection::btree_map(key_text(), inner, 0..6)
                .prop_map(|m| Tree::Map(m.into_iter().collect())),
        ]
    })
}

/// YAML's indicators, directives, scalar styles and escapes, and words records use.
const YAML_SYNTAX: &[&str] = &[
    "\n",
    "\n  ",
    "\n    ",
    "\n- ",
    "\n  - ",
    "- ",
    ": ",
    ":",
    "? ",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "&anchor",
    "*anchor ",
    "!tag ",
    "!!str ",
    "!!binary ",
    "!<tag:yaml.org,2002:str> ",
    "!include /etc/passwd",
    "%YAML 1.2\n",
    "%TAG ! tag:example.com,2000:\n",
    "---\n",
    "--- ",
    "...\n",
    "|\n",
    "|-\n",
    "|+\n",
    "|2\n",
    ">\n",
    ">-\n",
    "\"",
    "'",
    "\\",
    "\\x1b",
    "\\u202e",
    "\\0",
    "# ",
    "#",
    "\t",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "\u{202e}",
    "\u{200b}",
    "<<: ",
    "=",
    "~",
    "null",
    "true",
    "0o17",
    "0x1F",
    ".inf",
    "-.inf",
    "1_000",
    "4,396",
    "name",
    "ja",
    "en",
    "kind",
    "region",
    "title",
    "body",
    "{ja: 熊本県, en: Kumamoto}",
    "熊本県",
    "令和2年度末",
    "R1.6月時点",
    "ｊａ",
    "　",
];

/// YAML's own syntax in pieces, to reach the parser's corners and the loader's guards.
fn yaml_soup() -> impl Strategy<Value = String> {
    let syntax = prop::sample::select(YAML_SYNTAX).prop_map(str::to_owned);
    let piece = prop_oneof![6 => syntax, 2 => hostile_text(8), 1 => "[ ]{1,12}"];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// Every record and vocabulary type, by the directory its files live in.
pub const KINDS: &[&str] = &[
    "regions",
    "status-sheets",
    "outcomes",
    "cases",
    "practices",
    "analyses",
    "pages",
    "categories",
    "indicators",
    "glossary",
    "variants",
];

fn typed_json<T: DeserializeOwned + Serialize>(
    tree: &Node,
    diags: &mut Vec<Diagnostic>,
) -> Option<serde_json::Value> {
    yaml::typed::<T>(tree, "content/x/y.yaml", diags)
        .map(|v| serde_json::to_value(v).unwrap_or_default())
}

/// The tree read as `kind`'s type, as JSON (`None` after a hard error), its problems in `diags`.
pub fn typed(kind: &str, tree: &Node, diags: &mut Vec<Diagnostic>) -> Option<serde_json::Value> {
    match kind {
        "regions" => typed_json::<Region>(tree, diags),
        "status-sheets" => typed_json::<StatusSheet>(tree, diags),
        "outcomes" => typed_json::<Outcome>(tree, diags),
        "cases" => typed_json::<Case>(tree, diags),
        "practices" => typed_json::<Practice>(tree, diags),
        "analyses" => typed_json::<Analysis>(tree, diags),
        "pages" => typed_json::<Page>(tree, diags),
        "indicators" => typed_json::<Vec<IndicatorDef>>(tree, diags),
        "glossary" => typed_json::<Vec<GlossaryEntry>>(tree, diags),
        "variants" => typed_json::<Vec<Vec<String>>>(tree, diags),
        _ => typed_json::<Vec<Term>>(tree, diags),
    }
}

/// Whether `span` is a place in `text`: a line of the file (or the one after its end) and a
/// column on it (or just after its end).
pub fn inside(text: &str, span: Span) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(line) = span.line.checked_sub(1).and_then(|i| {
        lines
            .get(i)
            .or(if i == lines.len() { Some(&"") } else { None })
    }) else {
        return false;
    };
    span.column >= 1 && span.column <= line.chars().count() + 1
}

/// Parse `text` and read the tree as every type: no panic, every problem placed in the file.
fn check_loads(text: &str) -> Result<Option<Node>, TestCaseError> {
    let parsed = yaml::parse(text);
    for e in &parsed.problems {
        prop_assert!(
            inside(text, e.span),
            "{:?} at {:?} is outside the text {:?}",
            e.message,
            e.span,
            text
        );
        prop_assert!(!e.message.is_empty());
    }
    prop_assert!(
        !parsed.failed || !parsed.problems.is_empty(),
        "a parse that failed says why"
    );
    let node = parsed.root;
    if let Some(node) = &node {
        for kind in KINDS {
            let mut diags = Vec::new();
            let _ = typed(kind, node, &mut diags);
            for d in &diags {
                prop_assert!(
                    inside(text, d.span),
                    "{} {:?}: {:?} at {:?} is outside the text",
                    kind,
                    d.code,
                    d.message,
                    d.span
                );
            }
        }
    }
    Ok(node)
}

proptest! {
    // Lines of 100,000 characters and more: a few cases are enough.
    #![proptest_config(slow_cases(4))]

    #[test]
    fn long_lines_read_back(
        line in clean_text(16).prop_map(|t| t.repeat(8000)),
        seed in any::<u64>(),
    ) {
        let tree = Tree::Map(vec![
            ("title".to_owned(), Tree::Map(vec![("ja".to_owned(), Tree::Scalar(line.clone(), false))])),
            ("list".to_owned(), Tree::Seq(vec![Tree::Scalar(line, false); 3])),
        ]);
        let text = document(&tree, &mut Choices::new(seed));
        let node = check_loads(&text)?;
        prop_assert!(node.map(|n| Tree::of(&n)) == Some(tree), "a long line did not read back");
    }
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check_loads(&text)?;
    }

    #[test]
    fn hostile_text_of_every_script(text in hostile_text(300)) {
        check_loads(&text)?;
    }

    #[test]
    fn yaml_syntax_soup(text in yaml_soup()) {
        check_loads(&text)?;
    }

    #[test]
    fn nesting_up_to_the_limit_reads_back_and_past_it_is_refused(
        depth in 1..=80usize,
        seq in prop::collection::vec(any::<bool>(), 80),
        leaf in clean_text(8),
        seed in any::<u64>(),
    ) {
        let tree = seq[..depth].iter().fold(Tree::Scalar(leaf, false), |inner, &seq| {
            if seq { Tree::Seq(vec![inner]) } else { Tree::Map(vec![("k".to_owned(), inner)]) }
        });
        let text = document(&tree, &mut Choices::new(seed));
        let parsed = yaml::parse(&text);
        if depth <= yaml::MAX_DEPTH {
            prop_assert!(!parsed.failed, "{} levels refused: {:?}\n{}", depth, parsed.problems, text);
            prop_assert_eq!(parsed.root.as_ref().map(Tree::of), Some(tree));
        } else {
            prop_assert!(parsed.failed, "{} levels were read:\n{}", depth, text);
            prop_assert_eq!(parsed.problems.first().map(|e| e.code), Some(casebook::diag::Code::TooDeep));
        }
    }

    #[test]
    fn generated_trees_read_back_in_any_style(tree in tree(), seed in any::<u64>()) {
        let text = document(&tree, &mut Choices::new(seed));
        let node = check_loads(&text)?;
        prop_assert!(node.is_some(), "not read:\n{}", text);
        prop_assert_eq!(node.as_ref().map(Tree::of), Some(tree), "{}", text);
    }
}

/// The first problem of `text`, or why there is none: its position, as line and column.
fn first_problem(text: &str) -> (usize, usize) {
    let parsed = yaml::parse(text);
    let e = parsed.problems.first().expect("the text is not valid YAML");
    (e.span.line, e.span.column)
}

// Findings of issue #20 that the fuzzing pinned, fixed since: each stays as a regression test.

/// A lone `\r` is a control character: reported where it stands, and the NUL after it on
/// line 1 (lines end only at `\n`) too, not on a line of the parser's own counting.
#[test]
fn a_lone_carriage_return_does_not_misplace_errors() {
    let text = "a\raaaaaaaaaaaaa\0\n4";
    let parsed = yaml::parse(text);
    let places: Vec<(usize, usize)> = parsed
        .problems
        .iter()
        .map(|e| (e.span.line, e.span.column))
        .collect();
    assert_eq!(places, [(1, 2), (1, 16)], "{:?}", parsed.problems);
}

/// An unprintable character in a directive is placed by characters, not bytes: `%うぃ\0`
/// has the NUL at character 4.
#[test]
fn directive_errors_count_characters() {
    assert_eq!(first_problem("%うぃ\0"), (1, 4));
}

/// Issue #20, item 12: a `[` inside a quoted scalar is text, not nesting, so a title holding
/// 65 of them is read.
#[test]
fn brackets_in_quoted_text_are_not_nesting() {
    let text = format!("title:\n  ja: \"{}\"\n", "[".repeat(65));
    let parsed = yaml::parse(&text);
    assert!(!parsed.failed, "refused: {:?}", parsed.problems);
    assert!(parsed.root.is_some());
}
