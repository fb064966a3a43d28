//! Offsets inside a YAML scalar's value to places in the file.
//!
//! A Markdown text is the *value* of a scalar: a block scalar (`|`, `>`) drops its header
//! line and each line's indentation, a folded or flow scalar turns line breaks into spaces,
//! quoted scalars drop their quotes and read escapes (`\"`, `\u00e9`, `''`). So the value is
//! walked beside the source, character by character: a character of the value is matched
//! with the same character of the source, and what the source has in between (indentation,
//! line breaks, quotes, escape sequences) is stepped over. Every character that stands in the
//! source as itself is placed exactly; a space the YAML made out of a line break is placed
//! at that break.

use crate::diag::source::LineIndex;
use crate::diag::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Block,
}

/// 1-based line and character column in `source` of each byte offset in `value`, the value
/// of the scalar whose node starts at `span`. Offsets must be sorted.
pub fn locate(source: &str, span: Span, value: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let index = LineIndex::new(source);
    let start = byte_of(source, span);
    let raw = &source[start..];
    let (style, skip) = match raw.chars().next() {
        _ if in_block(&index, span) => (Style::Block, 0),
        Some('"') => (Style::Double, 1),
        Some('\'') => (Style::Single, 1),
        _ => (Style::Plain, 0),
    };
    align(&raw[skip..], style, value, offsets)
        .into_iter()
        .map(|r| index.line_col(start + skip + r))
        .collect()
}

/// Whether the scalar at `span` is the content of a block scalar. Its span starts at its
/// first content character: alone on its line (after indentation), below a line that ends
/// with the block header (`|`, `>-`, `|2+` …, a comment after it allowed).
fn in_block(index: &LineIndex, span: Span) -> bool {
    let own = index.line(span.line).unwrap_or("");
    let before: String = own.chars().take(span.column.saturating_sub(1)).collect();
    if !before.trim().is_empty() {
        return false;
    }
    let header = (1..span.line)
        .rev()
        .filter_map(|l| index.line(l))
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let header = match header.find(" #") {
        Some(i) => &header[..i],
        None => header,
    }
    .trim_end();
    header
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
        .ends_with(['|', '>'])
}

/// The byte offset of a 1-based line and character column.
fn byte_of(source: &str, span: Span) -> usize {
    let line_start = if span.line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(span.line - 2)
            .map_or(source.len(), |(i, _)| i + 1)
    };
    source[line_start..]
        .char_indices()
        .nth(span.column.saturating_sub(1))
        .map_or(source.len(), |(i, _)| line_start + i)
}

/// For each wanted byte offset of `value`, the byte offset in `raw` (the scalar's source
/// after its header or opening quote) where that character stands.
fn align(raw: &str, style: Style, value: &str, wanted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(wanted.len());
    let mut want = wanted.iter().copied().peekable();
    let mut r = 0;
    for (v, vc) in value.char_indices() {
        while want.peek().is_some_and(|&w| w < v) {
            want.next();
            out.push(r);
        }
        let at = step(raw, style, vc, &mut r);
        while want.peek() == Some(&v) {
            want.next();
            out.push(at);
        }
    }
    out.extend(want.map(|_| r));
    out
}

/// Move past the source of one value character `vc`; where it stands.
fn step(raw: &str, style: Style, vc: char, r: &mut usize) -> usize {
    loop {
        let Some(rc) = raw[*r..].chars().next() else {
            return raw.len();
        };
        let at = *r;
        if style == Style::Double && rc == '\\' {
            let (len, produces) = escape(&raw[at..]);
            *r += len;
            if produces {
                return at;
            }
            continue;
        }
        if style == Style::Single && vc == '\'' && raw[at..].starts_with("''") {
            *r += 2;
            return at;
        }
        if rc == vc {
            *r += rc.len_utf8();
            return at;
        }
        if matches!(rc, ' ' | '\t' | '\n' | '\r') {
            *r += rc.len_utf8();
            continue;
        }
        if matches!(vc, ' ' | '\n') {
            // Made by folding a line break that is behind us: stay where we are.
            return at;
        }
        // Not expected in a well-formed scalar: keep going, one for one.
        *r += rc.len_utf8();
        return at;
    }
}

/// The length of the escape sequence at the start of `s` (which starts with `\`), and
/// whether it stands for a character (an escaped line break stands for nothing).
fn escape(s: &str) -> (usize, bool) {
    let mut chars = s.chars().skip(1);
    match chars.next() {
        None => (1, false),
        Some('\n') => (2, false),
        Some('x') => (2 + hex_len(s, 2, 2), true),
        Some('u') => (2 + hex_len(s, 2, 4), true),
        Some('U') => (2 + hex_len(s, 2, 8), true),
        Some(c) => (1 + c.len_utf8(), true),
    }
}

fn hex_len(s: &str, from: usize, max: usize) -> usize {
    s.as_bytes()
        .iter()
        .skip(from)
        .take(max)
        .take_while(|b| b.is_ascii_hexdigit())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{parse, Node};

    /// Where `needle` (in the value of `key`) is in the file, as `locate` says and as found
    /// by hand in the source (the `nth` occurrence there).
    fn place(source: &str, key: &str, needle: &str) -> (usize, usize) {
        let root = parse(source).root.unwrap();
        let node: &Node = root.get(key).unwrap();
        let value = node.as_str().unwrap();
        let at = value.find(needle).expect("needle in the value");
        locate(source, node.span, value, &[at])[0]
    }

    /// 1-based line and character column of the `nth` occurrence of `needle` in `text`.
    fn by_hand(text: &str, needle: &str, nth: usize) -> (usize, usize) {
        let at = text.match_indices(needle).nth(nth).unwrap().0;
        LineIndex::new(text).line_col(at)
    }

    #[test]
    fn literal_and_folded_blocks_skip_their_header_and_indentation() {
        let src = "title: x\nbody: |\n  見本の**解説**です。\n\n  - 項目\n    - <script>x</script>\nnext: >-\n    折り畳み\n    <img src=x>\n";
        assert_eq!(place(src, "body", "<script>"), by_hand(src, "<script>", 0));
        assert_eq!(place(src, "body", "- 項目"), (5, 3));
        assert_eq!(place(src, "body", "解説"), (3, 8));
        assert_eq!(place(src, "next", "<img"), by_hand(src, "<img", 0));
    }

    #[test]
    fn flow_and_quoted_scalars_read_escapes_quotes_and_folds() {
        let src = "a: \"前置き\\t\\u00e9 \\\"q\\\" <b onclick=x>\"\nb: 'it''s <i>'\nc: plain text\n  continued <u>\nd: \"two\n  lines \\\n  <s>\"\n";
        assert_eq!(place(src, "a", "<b"), by_hand(src, "<b", 0));
        assert_eq!(place(src, "a", "q"), by_hand(src, "q", 0));
        assert_eq!(place(src, "b", "<i>"), by_hand(src, "<i>", 0));
        assert_eq!(place(src, "c", "<u>"), by_hand(src, "<u>", 0));
        assert_eq!(place(src, "d", "<s>"), by_hand(src, "<s>", 0));
        assert_eq!(place(src, "d", "lines"), (6, 3));
    }

    #[test]
    fn flow_mappings_on_a_japanese_line_count_characters() {
        let src = "body: {ja: \"熊本の**事例**、<script>x</script>\", en: \"Kumamoto <b>\"}\n";
        let root = parse(src).root.unwrap();
        let ja = root.get("body").and_then(|b| b.get("ja")).unwrap();
        let value = ja.as_str().unwrap();
        let at = value.find("<script>").unwrap();
        // 熊本の**事例**、 is 10 characters (not 22 bytes) after the quote at column 12.
        assert_eq!(locate(src, ja.span, value, &[at]), [(1, 23)]);
    }

    /// Found by `a_literal_block_places_every_character` below (shrunk to one line, `>`): a
    /// line that is one Markdown marker is still placed where it stands.
    #[test]
    fn a_literal_line_of_one_marker_is_placed() {
        for marker in [">", "-", "#", "*"] {
            let src = format!("t: x\nbody: |\n    {marker}\n");
            assert_eq!(place(&src, "body", marker), (3, 5), "{marker}");
        }
    }

    proptest::proptest! {
        /// Any value written as a literal block: every character of a line is placed where
        /// it stands (the block drops only indentation).
        #[test]
        fn a_literal_block_places_every_character(lines in proptest::collection::vec("[a-zあ熊<>&*#-]{0,12}", 1..6)) {
            let body: String = lines.iter().map(|l| if l.is_empty() { "\n".to_owned() } else { format!("    {l}\n") }).collect();
            let src = format!("t: x\nbody: |\n{body}");
            let root = parse(&src).root.unwrap();
            let node = root.get("body").unwrap();
            let value = node.as_str().unwrap();
            let offsets: Vec<usize> = value.char_indices().map(|(i, _)| i).collect();
            let places = locate(&src, node.span, value, &offsets);
            let index = LineIndex::new(&src);
            for ((i, c), (line, col)) in value.char_indices().zip(places) {
                if c == '\n' { continue; }
                let text = index.line(line).unwrap();
                proptest::prop_assert_eq!(text.chars().nth(col - 1), Some(c), "{} at {}", i, value);
            }
        }

        #[test]
        fn locate_never_panics(src in "[a-z:|>\"'\\\\ \n熊<]{0,60}", at in 0usize..80) {
            if let Some(root) = parse(&src).root {
                if let crate::yaml::Value::Map(entries) = &root.value {
                    for (_, v) in entries {
                        if let Some(value) = v.as_str() {
                            let _ = locate(&src, v.span, value, &[at.min(value.len())]);
                        }
                    }
                }
            }
        }
    }
}
