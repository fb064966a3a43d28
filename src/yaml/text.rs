//! Hidden characters in a file's text: controls, bidi overrides and zero-width characters
//! (see [`crate::diag::chars`]) are found before parsing, each reported at its line and
//! column with its code point named.
//!
//! - A C0/C1 control (other than tab and line feed) or a bidi override or isolate is an
//!   error (`control-character`): the build stops, so it never reaches a page, the data or
//!   the search index. The parser is handed U+FFFD in its place (one character for one, so
//!   every later column stays true), so one NUL does not hide the file's other problems.
//! - A zero-width character (U+200B–U+200D, U+2060, U+FEFF) is a warning
//!   (`zero-width-character`) and is removed from the values read (`Builder` strips it), so
//!   a word it sat in is one word again for pages and search.
//!
//! The same characters written as escapes in a double-quoted scalar (`"\e"`, `"\u202E"`) are
//! found where the scalar is read ([`escapes`]).

use std::borrow::Cow;

use super::ParseError;
use crate::diag::chars::{describe, hidden, Hidden};
use crate::diag::{Code, Span};

/// Hidden characters reported one by one in a file; the rest are counted in one more.
pub const MAX_REPORTED: usize = 100;

/// The problem for a hidden character `c` at `span`; `how` says how it was written when it
/// was an escape.
pub fn finding(c: char, span: Span, how: Option<&str>) -> Option<ParseError> {
    let class = hidden(c)?;
    let what = match how {
        Some(escape) => format!("the escape `{escape}` writes {}", describe(c)),
        None => describe(c),
    };
    let (code, message, help) = match class {
        // CRLF is read as LF before this: a CR left is a line break of an old Mac file, or
        // stray.
        Hidden::Control if c == '\r' => (
            Code::ControlCharacter,
            format!("control character in the text: {what}"),
            "a carriage return alone is not a line break here: save the file with LF (or CRLF) line endings, or delete it",
        ),
        Hidden::Control => (
            Code::ControlCharacter,
            format!("control character in the text: {what}"),
            "delete it: a control character is not text (tabs and line breaks are fine)",
        ),
        Hidden::Bidi => (
            Code::ControlCharacter,
            format!("bidi control in the text: {what}"),
            "delete it: it changes the order in which readers see the text around it",
        ),
        Hidden::ZeroWidth => (
            Code::ZeroWidthCharacter,
            format!("zero-width character in the text: {what}; it is removed"),
            "delete it: it is invisible, and splits the word it sits in for search",
        ),
    };
    Some(ParseError {
        code,
        span,
        message,
        help: Some(help.into()),
    })
}

/// A file's text as the parser reads it, and its hidden characters.
pub struct Scanned<'t> {
    /// The text with each control and bidi character replaced by U+FFFD (one for one), and
    /// U+FEFF by U+200B (the parser refuses a BOM inside a document; both are removed from
    /// the values read).
    pub text: Cow<'t, str>,
    pub problems: Vec<ParseError>,
    /// Whether the text holds a zero-width character.
    pub zero_width: bool,
}

/// What the parser reads, and the hidden characters of `text`.
pub fn scan(text: &str) -> Scanned<'_> {
    if !may_hide(text.as_bytes()) {
        return Scanned {
            text: Cow::Borrowed(text),
            problems: Vec::new(),
            zero_width: false,
        };
    }
    let mut found = Vec::new();
    // Past the limit: how many more, where the first is, and whether any is an error.
    let (mut more, mut more_at, mut more_errors) = (0usize, Span::start(), false);
    let mut clean: Option<String> = None;
    let mut zero_width = false;
    let (mut line, mut column) = (1, 0);
    for (at, c) in text.char_indices() {
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 0);
        }
        let Some(class) = hidden(c) else {
            if let Some(clean) = clean.as_mut() {
                clean.push(c);
            }
            continue;
        };
        let span = Span::new(line, column, 1);
        zero_width |= class == Hidden::ZeroWidth;
        if found.len() < MAX_REPORTED {
            found.extend(finding(c, span, None));
        } else {
            if more == 0 {
                more_at = span;
            }
            more += 1;
            more_errors |= class != Hidden::ZeroWidth;
        }
        let clean = clean.get_or_insert_with(|| text[..at].to_owned());
        clean.push(match (class, c) {
            (Hidden::ZeroWidth, '\u{FEFF}') => '\u{200B}',
            (Hidden::ZeroWidth, c) => c,
            _ => '\u{FFFD}',
        });
    }
    if more > 0 {
        found.push(ParseError {
            code: if more_errors {
                Code::ControlCharacter
            } else {
                Code::ZeroWidthCharacter
            },
            span: more_at,
            message: format!(
                "{more} more hidden characters in this file from here on are not listed"
            ),
            help: Some("delete them, as those above".into()),
        });
    }
    Scanned {
        text: clean.map_or(Cow::Borrowed(text), Cow::Owned),
        problems: found,
        zero_width,
    }
}

/// Whether UTF-8 `bytes` may hold a hidden character: a cheap pass over the bytes, so the
/// character walk (with lines and columns) runs only for a file that needs it. Blocks of 64
/// bytes are first tested for a byte that can start one, without an early exit (so the test
/// compiles to vector instructions); only a block that has one is looked at closely.
fn may_hide(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let suspect =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF);
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |any, &b| any | suspect(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| starts_hidden(bytes, i))
    })
}

/// Whether a hidden character starts at byte `i` of UTF-8 `bytes`.
fn starts_hidden(bytes: &[u8], i: usize) -> bool {
    let next = |n: usize| bytes.get(i + n).copied().unwrap_or(0);
    match bytes[i] {
        b'\t' | b'\n' => false,
        0x00..=0x1F | 0x7F => true,
        // U+0080–U+009F; U+200B–U+200D, U+202A–U+202E, U+2060, U+2066–U+2069; U+FEFF.
        b => matches!(
            (b, next(1), next(2)),
            (0xC2, 0x80..=0x9F, _)
                | (0xE2, 0x80, 0x8B..=0x8D | 0xAA..=0xAE)
                | (0xE2, 0x81, 0xA0 | 0xA6..=0xA9)
                | (0xEF, 0xBB, 0xBF)
        ),
    }
}

/// Whether `c` is removed from the values read.
pub fn is_zero_width(c: char) -> bool {
    hidden(c) == Some(Hidden::ZeroWidth)
}

/// The hidden characters a double-quoted scalar writes as escapes, while `found` holds fewer
/// than [`MAX_REPORTED`]. `raw` is its source from the opening quote, which stands at `start`.
pub fn escapes(raw: &str, start: Span, found: &mut Vec<ParseError>) {
    let (mut line, mut column) = (start.line, start.column);
    let mut chars = raw.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let here = Span::new(line, column, 2);
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 1);
        }
        if c == '"' && !first {
            return;
        }
        first = false;
        if c != '\\' {
            continue;
        }
        let Some(e) = chars.next() else { return };
        column += 1;
        if e == '\n' {
            (line, column) = (line + 1, 1);
        }
        let digits = match e {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let hex: String = (0..digits)
            .filter_map(|_| chars.next_if(char::is_ascii_hexdigit))
            .collect();
        column += hex.chars().count();
        let written = match e {
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'v' => Some('\u{B}'),
            'f' => Some('\u{C}'),
            'r' => Some('\r'),
            'e' => Some('\u{1B}'),
            'N' => Some('\u{85}'),
            'x' | 'u' | 'U' => u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32),
            _ => None,
        };
        if found.len() >= MAX_REPORTED {
            return;
        }
        if let Some(c) = written {
            let how = format!("\\{e}{hex}");
            let span = Span {
                len: how.chars().count(),
                ..here
            };
            found.extend(finding(c, span, Some(&how)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spots(found: &[ParseError]) -> Vec<(Code, usize, usize)> {
        found
            .iter()
            .map(|e| (e.code, e.span.line, e.span.column))
            .collect()
    }

    #[test]
    fn a_carriage_return_alone_is_told_to_be_a_line_ending() {
        let found = scan("a: 1\rb: 2\r").problems;
        assert_eq!(
            spots(&found),
            [
                (Code::ControlCharacter, 1, 5),
                (Code::ControlCharacter, 1, 10)
            ]
        );
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("LF (or CRLF) line endings"));
    }

    #[test]
    fn each_hidden_character_is_named_at_its_column() {
        let text = "title: 熊本\u{202E}県\nnote: a\u{1B}[31mb\u{200B}c # \0\n";
        let Scanned {
            text: parsed,
            problems: found,
            zero_width,
        } = scan(text);
        assert!(zero_width);
        assert_eq!(
            spots(&found),
            [
                (Code::ControlCharacter, 1, 10),
                (Code::ControlCharacter, 2, 8),
                (Code::ZeroWidthCharacter, 2, 14),
                (Code::ControlCharacter, 2, 19),
            ]
        );
        assert_eq!(
            found[0].message,
            "bidi control in the text: U+202E RIGHT-TO-LEFT OVERRIDE"
        );
        assert_eq!(
            found[1].message,
            "control character in the text: U+001B ESCAPE (ESC)"
        );
        // One character for one: columns after a replaced character do not move.
        assert_eq!(
            parsed,
            "title: 熊本\u{FFFD}県\nnote: a\u{FFFD}[31mb\u{200B}c # \u{FFFD}\n"
        );
        assert_eq!(parsed.chars().count(), text.chars().count());
    }

    /// The byte pass finds exactly the characters the walk reports.
    #[test]
    fn the_byte_pass_agrees_with_the_classes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(may_hide(text.as_bytes()), hidden(c).is_some(), "{c:?}");
        }
        // Across a block boundary, and at the very end.
        let mut text = "x".repeat(63);
        text.push('\u{202E}');
        assert!(may_hide(text.as_bytes()));
        assert!(may_hide("…※→①\u{85}".as_bytes()));
        assert!(!may_hide("…※→①".repeat(40).as_bytes()));
    }

    #[test]
    fn clean_text_is_handed_on_as_it_is() {
        let scanned = scan("name: {ja: 熊本県}\n\tx\n");
        assert!(matches!(scanned.text, Cow::Borrowed(_)));
        assert!(scanned.problems.is_empty() && !scanned.zero_width);
    }

    #[test]
    fn a_file_of_controls_is_reported_in_bounded_space() {
        let text = "\0".repeat(1_000_000);
        let found = scan(&text).problems;
        assert_eq!(found.len(), MAX_REPORTED + 1);
        assert_eq!(
            found[MAX_REPORTED].message,
            "999900 more hidden characters in this file from here on are not listed"
        );
        assert_eq!(found[MAX_REPORTED].span.column, MAX_REPORTED + 1);
    }

    #[test]
    fn escapes_in_double_quotes_are_found_at_the_backslash() {
        let mut found = Vec::new();
        let raw = "\"a\\e[1m \\u202E \\x41 \\t \\\" \\u200b\" trailing \\e";
        escapes(raw, Span::new(3, 7, 1), &mut found);
        assert_eq!(
            spots(&found),
            [
                (Code::ControlCharacter, 3, 9),
                (Code::ControlCharacter, 3, 15),
                (Code::ZeroWidthCharacter, 3, 33),
            ]
        );
        assert_eq!(
            found[1].message,
            "bidi control in the text: the escape `\\u202E` writes U+202E RIGHT-TO-LEFT OVERRIDE"
        );
        assert_eq!(found[1].span.len, 6);
    }
}
